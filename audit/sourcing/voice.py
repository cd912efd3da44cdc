"""The author's own voice: first and second person ("I", "we", "our", "you") in the
article's own words, that is outside direct quotes and outside what is attributed to a
source. News puts its claims in sources' mouths; commentary speaks for the writer and to
the reader (the news-versus-opinion criterion of NewsGuard and the Trust Project).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from types import ModuleType

Span = tuple[int, int]


@lru_cache(maxsize=8)
def voice_pattern(lang: ModuleType) -> re.Pattern:
    """The language pack's first- and second-person words (lang.VOICE_PATTERN), compiled
    once per pack."""
    return re.compile(lang.VOICE_PATTERN)


def is_voice(word: str, lang: ModuleType) -> bool:
    """Whether a word is first or second person ("I", "we", "you"; not "US")."""
    return voice_pattern(lang).fullmatch(word) is not None


def own_voice(text: str, covered: list[Span], lang: ModuleType) -> tuple[Span, ...]:
    """Spans of first- and second-person words not inside any of the ``covered`` spans
    (direct quotes and attributed content), by the language pack's words."""
    merged: list[Span] = []
    for start, end in sorted(covered):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    starts = [start for start, _ in merged]
    out = []
    for match in voice_pattern(lang).finditer(text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < merged[i][1]:
            continue
        if _in_a_name(text, match.start(), match.group()):
            continue
        out.append(match.span())
    return tuple(out)


def _in_a_name(text: str, start: int, word: str) -> bool:
    """A capitalised "We", "You" or "Me" inside a sentence is part of a name or a title
    ("The We Company", "The Captain and Me"), not the author speaking."""
    if word == "I" or not word[0].isupper():
        return False
    at = start - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at >= 0 and text[at] not in _SENTENCE_OPENERS


_SENTENCE_OPENERS = frozenset(".!?:;\n\"“”'‘’(—–-")
