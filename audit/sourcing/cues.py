"""Cue matching: the words and phrases that signal an attribution, found in one scan.

``matches(text, cue_set(lang))`` gives every cue (a verb such as "said" or "has
estimated", a phrase such as "according to", a noun such as "claim that", a participle
such as "warning") and every source-less passive form ("it is believed that",
"allegedly", "was accused of"), in text order. The words and patterns come from the
language pack (audit/lang/en.py); what each match reports is read by the extractor
(reported.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType
from typing import NamedTuple

from audit.lang.patterns import trie_pattern


class CueSet(NamedTuple):
    """A language pack's cue scan, compiled once."""

    cue: re.Pattern  # verbs, phrases, "noun that" and participles
    passive: re.Pattern  # passive and hedged forms (lang.PASSIVE_PATTERN)
    owned_noun: re.Pattern  # stance nouns owned by their source ("his criticism of")
    owner: re.Pattern  # the owner just before an owned noun
    in_poll: re.Pattern  # "in the latest survey"
    noun_that: tuple[str, ...]  # "claim that", "warning that"
    preps: tuple[str, ...]  # "according to", "reported by"
    nominals: tuple[str, ...]  # "remarks by", "testimony from"


@lru_cache(maxsize=8)
def cue_set(lang: ModuleType) -> CueSet:
    noun_that = tuple(f"{noun} {lang.THAT}" for noun in lang.NOMINAL_CUES)
    phrases = (*lang.PREPS, *lang.NOMINALS, *lang.MORE_PHRASES, *lang.PHRASAL_CUES)
    verbs = (lang.CUE_VERBS | lang.NP_OBJECT_CUES | lang.INTENT_TO_CUES | lang.ASK_CUES
             | lang.AS_ONLY_CUES) - \
        {lang.ACCORDING}
    every = set(phrases) | set(noun_that) | lang.PARTICIPLE_CUES | verbs
    # The lookahead on the cues' first letters lets the scan skip most offsets at once.
    cue = re.compile(r"(?=[" + re.escape("".join(sorted({c[0] for c in every}))) + r"])\b(?:"
                     + trie_pattern(every) + r")\b")
    owned_noun = re.compile(
        r"(?=[" + "".join(sorted({p[0] for p in lang.OWNED_STANCES})) + r"])\b(?:"
        + trie_pattern(lang.OWNED_STANCES) + r")\b")
    return CueSet(cue, re.compile(lang.PASSIVE_PATTERN), owned_noun,
                  re.compile(lang.OWNER_PATTERN), re.compile(lang.IN_POLL_PATTERN), noun_that,
                  lang.PREPS, lang.NOMINALS)


def owned(text: str, cues: CueSet) -> list[tuple[tuple[int, int], re.Match]]:
    """Each owned stance noun: its span and the match of its owner (the nouns are found
    first, as they are rare, then the owner just before them)."""
    out = []
    for match in cues.owned_noun.finditer(text):
        owner = cues.owner.search(text, max(0, match.start() - 48), match.start())
        if owner is not None:
            out.append((match.span(), owner))
    return out


def matches(text: str, cues: CueSet) -> list:
    """Cue matches, passive forms, owned stance nouns and poll cues, in text order."""
    found = list(cues.cue.finditer(text))
    extra = list(cues.passive.finditer(text)) + \
        [_Owned(cues.owned_noun, *pair) for pair in owned(text, cues)] + \
        list(cues.in_poll.finditer(text)) + headline_cues(text, cues)
    if extra:
        found = sorted(found + extra, key=lambda m: m.start())
    return found


_LINE = re.compile(r"[^\n]+")
HEADLINE_WORDS = (3, 20)  # a headline's length in words


def headline_cues(text: str, cues: CueSet) -> list[re.Match]:
    """Cues written in title case in a headline ("Obama Slams GOP's 'Doom and Despair'",
    "Maher Tells ..."), matched in a copy of the text with its headlines in lower case (the
    same offsets), as the cue scan is of lower-case words. A headline is a line of 3 to 20
    words, most of them capitalised."""
    lines = []
    for line in _LINE.finditer(text):
        # split no further than a headline's length: a paragraph is not read word by word
        words = line.group().split(None, HEADLINE_WORDS[1])
        if HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1] and \
                2 * sum(w[:1].isupper() for w in words) > len(words) + 1:
            lines.append(line.span())
    if not lines:
        return []
    pieces, pos = [], 0
    for start, end in lines:
        pieces += [text[pos:start], text[start:end].lower()]
        pos = end
    lowered = "".join(pieces) + text[pos:]
    if len(lowered) != len(text):
        return []  # a letter whose lower case is longer: the offsets would move
    return [m for start, end in lines for m in cues.cue.finditer(lowered, start, end)
            if text[m.start()].isupper()]


class _Owned:
    """An owned stance noun, shaped like a match (start, end, group) for the extractor."""

    def __init__(self, pattern: re.Pattern, noun: tuple[int, int], owner: re.Match) -> None:
        self.re, self.noun, self.owner = pattern, noun, owner

    def start(self, group: str | None = None) -> int:
        return self.owner.start("owner") if group in (None, "owner") else self.noun[0]

    def end(self, group: str | None = None) -> int:
        return self.owner.end("owner") if group == "owner" else self.noun[1]

    def span(self, group: str | None = None) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, name: str | int = 0) -> str:
        return self.owner.group("owner") if name == "owner" else \
            self.owner.string[self.start():self.end()]
