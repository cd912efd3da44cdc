"""Cue matching: the words and phrases that signal an attribution, found in one scan.

``matches(text)`` gives every cue (a verb such as "said" or "has estimated", a phrase
such as "according to", a noun such as "claim that", a participle such as "warning")
and every source-less passive form ("it is believed that", "allegedly", "was accused
of"), in text order. What each one reports is read by the extractor (reported.py).
"""

from __future__ import annotations

import re

from audit.sourcing.lang import en as lx
from audit.sourcing.text import trie_pattern

PREPS = ("according to", "According to", "reported by")
NOMINALS = tuple(f"{w} {p}" for w in ("remarks", "Remarks", "comments", "Comments",
                                       "testimony", "Testimony") for p in ("from", "by")
                 if f"{w} {p}".lower() != "comments from")
_PHRASES = (*PREPS, *NOMINALS, "pointed out", "points out", "point out", *lx.PHRASAL_CUES,
            *(f"{v} to {o}as" for v in ("referred", "refers", "refer")
                           for o in ("", "it ", "them ", "him ", "her ", "this ", "that ")))
NOUN_THAT = tuple(f"{noun} that" for noun in lx.NOMINAL_CUES)
_VERBS = (lx.CUE_VERBS | lx.NP_OBJECT_CUES | lx.INTENT_TO_CUES | lx.ASK_CUES) - {"according"}
_ALL = set(_PHRASES) | set(NOUN_THAT) | lx.PARTICIPLE_CUES | _VERBS
# The lookahead on the cues' first letters lets the scan skip most offsets at once.
CUE = re.compile(r"(?=[" + re.escape("".join(sorted({c[0] for c in _ALL}))) + r"])\b(?:"
                 + trie_pattern(_ALL) + r")\b")
_BE = (r"(?:is|are|was|were|be|been|being) "
       r"(?:also |widely |generally |now |still |often |repeatedly )?")
# The lookahead on the forms' first letters lets the scan skip most offsets at once
# (three times faster than starting at "\b").
PASSIVE = re.compile(
    r"(?=[IiarpsdwbhA])\b(?:"
    r"(?P<asked>Asked(?= (?:if|whether|about|why|how|what|when|where|who)\b))|"
    r"(?P<it>[Ii]t (?:is|was|has been|had been) (?:widely |generally |now |also )?"
    r"(?:expected|believed|thought|estimated|reported|said|understood|feared|hoped|known"
    r"|claimed|rumou?red|alleged|anticipated|projected|predicted) that)"
    r"|(?P<adverb>reportedly|allegedly|purportedly|supposedly)"
    rf"|(?P<seen>{_BE}(?:(?:seen|regarded|viewed|perceived) as|considered to be))"
    r"|(?P<deemed>deemed)"
    rf"|(?P<accused>{_BE}accused)"
    r"|(?P<told>(?:have|has|had) been (?:told|informed|assured|advised|warned)"
    r"|(?:was|were) (?:told|informed|assured|advised)))\b"
)

# "leads by 8 points in the survey", "ahead in national polls": the poll reports the finding.
IN_POLL = re.compile(r"\b[Ii]n(?= (?:[\w.&/’'-]+ ){0,7}?(?:" + "|".join(sorted(lx.POLL_NOUNS))
                     + r")\b)")


# "his criticism of", "Trump’s attacks on": a stance noun owned by its source. The nouns
# are found first (rare), then the owner just before them.
OWNED_NOUN = re.compile(r"(?=[" + "".join(sorted({p[0] for p in lx.OWNED_STANCES})) + r"])\b(?:"
                        + trie_pattern(lx.OWNED_STANCES) + r")\b")
OWNER = re.compile(
    r"\b(?P<owner>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[A-Z][\w.-]*[’']s)"
    r"(?: (?:own|latest|new|recent|early|strong|fierce|harsh|repeated|public|frequent|"
    r"sharp|vocal|past|full|initial|continued|first|staunch|broad|long-standing))? $")


def owned(text: str) -> list[tuple[tuple[int, int], re.Match]]:
    """Each owned stance noun: its span and the match of its owner."""
    out = []
    for match in OWNED_NOUN.finditer(text):
        owner = OWNER.search(text, max(0, match.start() - 48), match.start())
        if owner is not None:
            out.append((match.span(), owner))
    return out


def matches(text: str) -> list[re.Match]:
    """Cue matches, passive forms and owned stance nouns, in text order."""
    found = list(CUE.finditer(text))
    extra = list(PASSIVE.finditer(text)) + [_Owned(*pair) for pair in owned(text)] + \
        list(IN_POLL.finditer(text))
    if extra:
        found = sorted(found + extra, key=lambda m: m.start())
    return found


class _Owned:
    """An owned stance noun, shaped like a match (start, end, group) for the extractor."""

    re = OWNED_NOUN

    def __init__(self, noun: tuple[int, int], owner: re.Match) -> None:
        self.noun, self.owner = noun, owner

    def start(self, group: str | None = None) -> int:
        return self.owner.start("owner") if group in (None, "owner") else self.noun[0]

    def end(self, group: str | None = None) -> int:
        return self.owner.end("owner") if group == "owner" else self.noun[1]

    def span(self, group: str | None = None) -> tuple[int, int]:
        return self.start(group), self.end(group)

    def group(self, name: str | int = 0) -> str:
        return self.owner.group("owner") if name == "owner" else \
            self.owner.string[self.start():self.end()]
