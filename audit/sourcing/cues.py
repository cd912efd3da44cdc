"""Cue matching: the words and phrases that signal an attribution, found in one scan.

``matches(text, cue_set(lang))`` gives every cue (a verb such as "said" or "has
estimated", a phrase such as "according to", a noun such as "claim that", a participle
such as "warning") and every source-less passive form ("it is believed that",
"allegedly", "was accused of"), in text order. The words and patterns come from the
language pack (audit/lang/en.py); what each match reports is read by the extractor
(reported.py).

Why one scan: a scan's cost is mostly that of trying the pattern at each offset of the
text, whatever the pattern. Each of the four patterns (cues, passive forms, owned stance
nouns, poll cues) opens a word, so one scan finds the word starts where any of them
matches and each is matched there alone (``matches``), instead of four scans.
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
    starts: re.Pattern  # a word start where cue, passive, owned_noun or in_poll matches


@lru_cache(maxsize=8)
def cue_set(lang: ModuleType) -> CueSet:
    noun_that = tuple(f"{noun} {lang.THAT}" for noun in lang.NOMINAL_CUES)
    phrases = (*lang.PREPS, *lang.NOMINALS, *lang.MORE_PHRASES, *lang.PHRASAL_CUES)
    verbs = (lang.CUE_VERBS | lang.NP_OBJECT_CUES | lang.INTENT_TO_CUES | lang.ASK_CUES
             | lang.AS_ONLY_CUES | lang.QUOTE_ONLY_CUES) - \
        {lang.ACCORDING}
    every = set(phrases) | set(noun_that) | lang.PARTICIPLE_CUES | verbs
    # The lookahead on the cues' first letters lets the scan skip most offsets at once.
    cue = re.compile(r"(?=[" + re.escape("".join(sorted({c[0] for c in every}))) + r"])\b(?:"
                     + trie_pattern(every) + r")\b")
    owned_noun = re.compile(
        r"(?=[" + "".join(sorted({p[0] for p in lang.OWNED_STANCES})) + r"])\b(?:"
        + trie_pattern(lang.OWNED_STANCES) + r")\b")
    scans = (cue, re.compile(lang.PASSIVE_PATTERN), owned_noun, re.compile(lang.IN_POLL_PATTERN))
    # Each pattern opens a word (the pack's passive and poll patterns too): "(?<!\w)"
    # lets the one scan fail at once inside words.
    starts = re.compile(r"(?<!\w)(?=" + "|".join(p.pattern for p in scans) + ")")
    return CueSet(cue, scans[1], owned_noun, re.compile(lang.OWNER_PATTERN), scans[3],
                  noun_that, lang.PREPS, lang.NOMINALS, starts)


def owned(text: str, nouns: list[re.Match], cues: CueSet,
          ) -> list[tuple[tuple[int, int], re.Match]]:
    """Each owned stance noun: its span and the match of its owner just before it."""
    out = []
    for match in nouns:
        owner = cues.owner.search(text, max(0, match.start() - 48), match.start())
        if owner is not None:
            out.append((match.span(), owner))
    return out


def matches(text: str, cues: CueSet) -> list:
    """Cue matches, passive forms, owned stance nouns and poll cues, in text order.

    Each pattern is matched at the word starts the one scan finds, from the end of its
    own previous match on, so each gives what a scan of its own would: the passive "was
    told" and the cue "told" in it both."""
    scans = (cues.cue, cues.passive, cues.owned_noun, cues.in_poll)
    found: list[list[re.Match]] = [[] for _ in scans]
    free = [0] * len(scans)  # where each pattern's next match may start
    for start in cues.starts.finditer(text):
        pos = start.start()
        for i, pattern in enumerate(scans):
            match = pattern.match(text, pos) if pos >= free[i] else None
            if match is not None:
                found[i].append(match)
                free[i] = match.end()
    cue, passive, owned_nouns, in_poll = found
    extra = passive + [_Owned(cues.owned_noun, *pair) for pair in owned(text, owned_nouns, cues)] \
        + in_poll + headline_cues(text, cues)
    if extra:
        cue = sorted(cue + extra, key=lambda m: m.start())
    return cue


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
