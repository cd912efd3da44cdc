"""Text pages cut into blocks, with the cheap structural features the stripper reads.

A block is one non-blank input line (browser copies and text dumps put one block per
line). Features are language-neutral on purpose: length, sentence punctuation, bullets,
URLs, repetition in the page; the only vocabulary is in ``furniture``.

Speed matters here (every line of every page passes through): features are plain
string operations, the costlier ones (punctuation, separators) are computed on demand.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import pairwise

from audit.strip.furniture import MAX_CHARS, hint_offsets, judge

_WORD = re.compile(r"\w+")
# Han, kana and Hangul: scripts written without spaces, where one \w+ run is a phrase.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_END_TRAIL = "\"'”’»)]*"
_SENTENCE_END = frozenset(".!?。！？…:;~")
_PUNCT = re.compile(r"[,.;:!?、，。！？]")
_LIST_ITEM = re.compile(r"[•·▪►▸*\-–—]\s|\d{1,3}[.)]\s")
_SEPARATOR = re.compile(r" [|•·»›/>] ")
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_BULLETS = frozenset("•·▪►▸*-–—|")
# Longer lines are never judged as furniture or menus.
FURNITURE_MAX_CHARS = MAX_CHARS
# A page is hard-wrapped when no line is wider than WRAP_MAX_WIDTH and at least
# WRAP_MIN_RUNS lines of WRAP_MIN_WIDTH characters or more continue on the next line.
WRAP_MAX_WIDTH = 100
WRAP_MIN_WIDTH = 45
WRAP_MIN_RUNS = 3


class Line:
    """One block of a text page and its features."""

    __slots__ = (
        "_punctuation",
        "_separators",
        "bullet",
        "ends_sentence",
        "furniture",
        "last_number",
        "lower",
        "number",
        "offset",
        "prose",
        "repeats",
        "score",
        "text",
        "url",
        "words",
    )

    def __init__(self, number: int, offset: int, text: str, features: tuple) -> None:
        self.number = number  # 1-based input line
        self.last_number = number  # last input line of a wrapped paragraph
        self.offset = offset  # offset of the stripped text in the input
        self.text = text
        # words: word count, CJK characters counting as half a word each.
        (self.words, self.lower, self.ends_sentence, self.bullet, self.url,
         self.furniture) = features
        self.repeats = 1  # how many times the same text occurs in the page
        self._punctuation: int | None = None
        self._separators: int | None = None
        self.prose: bool | None = None  # filled in by textregion, once
        self.score: float | None = None

    @property
    def punctuation(self) -> int:
        """Commas, stops, colons ... anywhere in the line."""
        if self._punctuation is None:
            self._punctuation = len(_PUNCT.findall(self.text))
        return self._punctuation

    @property
    def separators(self) -> int:
        """' | ', ' » ', ' / ' ...: the joints of menus and breadcrumbs."""
        if self._separators is None:
            text = self.text
            self._separators = (len(_SEPARATOR.findall(text))
                                if len(text) < FURNITURE_MAX_CHARS else 0)
        return self._separators


def features(text: str, hinted: bool) -> tuple:
    """(words, lower, ends_sentence, bullet, url, furniture) of a block's text; ``hinted``
    says whether a keyword of the floating furniture patterns occurs in it."""
    lower = text.lower()
    words = _word_count(text, _split_count(text))
    return (words, lower, _ends_sentence(text), text[0] in _BULLETS and len(text) > 1,
            "http" in lower or "www." in lower,
            judge(text, lower, words, hinted) if len(text) <= FURNITURE_MAX_CHARS else None)


def _split_count(text: str) -> int:
    """len(text.split()) without building the list, for the usual single-spaced text."""
    if "  " in text or "\t" in text or "\n" in text or "\xa0" in text or not text.isascii():
        return len(text.split())
    return text.count(" ") + 1


def _word_count(text: str, split: int) -> int:
    """Words, counting space-less scripts by characters so Japanese lines are not 'short'."""
    if text.isascii():
        return split
    cjk = len(_CJK.findall(text))
    if not cjk:
        return split
    return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2


def _ends_sentence(text: str) -> bool:
    if text.endswith(("...", "…")) and not text.endswith((". ...", "....")):
        return False  # a truncated teaser, not a finished sentence
    stripped = text.rstrip(_END_TRAIL)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def key(text: str) -> str:
    """Normalised text used to compare lines (a headline and its repeats)."""
    return " ".join(text.lower().split())


def read_lines(text: str) -> list[Line]:
    """Every block of ``text`` with its features, in input order.

    A block is a non-blank line; on a hard-wrapped page (paragraphs of short lines
    separated by blank lines) it is a paragraph, whose text is the exact input slice
    with its line breaks turned into spaces (same length, so offsets still hold).
    """
    lower_page = text.lower()
    hints = hint_offsets(lower_page) if len(lower_page) == len(text) else None
    raw = _raw_lines(text)
    blank_lines = "\n\n" in text or "\n\r\n" in text
    groups = _paragraphs(text, raw) if blank_lines and _hard_wrapped(raw) else [[r] for r in raw]
    lines: list[Line] = []
    # Menus and link lists repeat lines within a page: their features are computed once.
    known: dict[tuple[str, bool], tuple] = {}
    for group in groups:
        number, start, end = group[0][0], group[0][1], group[-1][2]
        block = text[start:end]
        if len(group) > 1:
            block = block.replace("\r", " ").replace("\n", " ")
        hinted = hints is None or (bool(hints) and _any_between(hints, start, end))
        found = known.get((block, hinted))
        if found is None:
            found = known[block, hinted] = features(block, hinted)
        line = Line(number, start, block, found)
        line.last_number = group[-1][0]
        lines.append(line)
    counts = Counter(line.lower for line in lines)
    for line in lines:
        line.repeats = counts[line.lower]
    return lines


def _raw_lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of the stripped text of every non-blank line.

    A line of zero-width characters only (left by images and embeds) counts as blank.
    """
    found = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if stripped and (stripped.isascii() or stripped.strip(_INVISIBLE)):
            start = offset + len(raw) - len(raw.lstrip())
            found.append((number, start, start + len(stripped)))
        offset += len(raw) + 1
    return found


def _hard_wrapped(raw: list[tuple[int, int, int]]) -> bool:
    """No line longer than WRAP_MAX_WIDTH, and several runs of wide consecutive lines."""
    if not raw or max(end - start for _, start, end in raw) > WRAP_MAX_WIDTH:
        return False
    runs = sum(1 for a, b in pairwise(raw)
               if b[0] == a[0] + 1 and a[2] - a[1] >= WRAP_MIN_WIDTH)
    return runs >= WRAP_MIN_RUNS


def _paragraphs(text: str, raw: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """Group consecutive lines into paragraphs; a short line ends one (a heading or the
    paragraph's last line), a bullet starts one."""
    groups: list[list[tuple[int, int, int]]] = []
    for item in raw:
        if groups:
            previous = groups[-1][-1]
            joined = (item[0] == previous[0] + 1 and previous[2] - previous[1] >= WRAP_MIN_WIDTH
                      and not _LIST_ITEM.match(text, item[1]))
            if joined:
                groups[-1].append(item)
                continue
        groups.append([item])
    return groups


def _any_between(sorted_offsets: list[int], start: int, end: int) -> bool:
    i = bisect_left(sorted_offsets, start)
    return i < len(sorted_offsets) and sorted_offsets[i] < end
