"""Small text helpers shared by the sourcing modules: tokens with offsets, spans, sentences.

Why tokens: the extractor reasons about the few words around a cue (who said it, where
the reported clause starts). Tokenising only a capped window around each cue keeps the
stage linear in the text however long a sentence is (a 2 MB single line included).
"""

from __future__ import annotations

import bisect
import re
from functools import partial
from operator import itemgetter
from typing import NamedTuple

from audit.sentences import whitespace_words


def word_count(text: str, span: tuple[int, int]) -> int:
    """The words of a short span as the extractor's thresholds count them ("at least 3
    words of content"): its whitespace-separated pieces. The article's word count
    (audit.article.count_words: readability's tokens, a lone dash is none) is the other
    measure; these thresholds were set with this one, and both are written once."""
    return whitespace_words(text[span[0]:span[1]])

# A word (with inner apostrophes, hyphens, dots and ampersands: "Wednesday’s", "U.S",
# "Self-Defense", "AT&T") or one non-space character. Each repetition needs a separator
# character, so the pattern cannot backtrack.
_TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*|[^\w\s]")
# One or more blank lines: where paragraphs are split.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# How far around a cue the extractor looks (characters). Sources and cues are short;
# capping the window keeps pathological sentences cheap.
WINDOW = 160


class Tok(NamedTuple):
    """A token with its offsets. A named tuple, so that ``tokens`` can build the thousands
    an article needs column by column in C (``tuple.__new__`` over zipped columns)
    instead of calling a Python ``__init__`` per token (a third of the time)."""

    text: str
    start: int
    end: int
    low: str
    is_cap: bool  # tokens are never empty: these are of the first character
    is_word: bool


_make_tok = partial(tuple.__new__, Tok)
_first_char = itemgetter(0)


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    found = list(_TOKEN.finditer(text, start, end))
    texts = list(map(re.Match.group, found))
    firsts = list(map(_first_char, texts))
    return list(map(_make_tok, zip(texts, map(re.Match.start, found), map(re.Match.end, found),
                                   map(str.lower, texts), map(str.isupper, firsts),
                                   map(str.isalnum, firsts))))


def trim(text: str, start: int, end: int, chars: str = " \t\n,;:.") -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and the given punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


class Sentences:
    """Sentence and paragraph spans with O(log n) lookup of the sentence holding an offset."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.spans = spans
        self._starts = [s for s, _ in spans]
        self._paras = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def index(self, offset: int) -> int | None:
        """The index of the sentence containing ``offset``, or None between sentences."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
            return i
        return None

    def paragraph(self, offset: int) -> int:
        """The 0-based paragraph number of an offset (paragraphs split on blank lines)."""
        return bisect.bisect_right(self._paras, offset)
