"""Text pages cut into blocks, with the cheap structural features the stripper reads.

A block is one non-blank input line (browser copies and text dumps put one block per
line). Features are language-neutral on purpose: length, sentence punctuation, bullets,
URLs, repetition in the page; the only vocabulary is in ``furniture``.

Speed matters here (every line of every page passes through, about 180 a page): a
``Page`` keeps each feature as a list with one entry per block, each computed by one
comprehension (or a C-level ``map``) over the page rather than by Python code and an
object per line; what would be a search per line is one search of the joined lines
(separators, URLs, the keywords of the floating furniture patterns); and
``furniture.judge`` runs only on the blocks whose first letters or keywords leave a
pattern a chance (about half of them, each distinct text once).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, pairwise

from audit.regexes import fold
from audit.sentences import CLOSING_MARKS, END_MARKS, FULL_WIDTH_END_MARKS, whitespace_words
from audit.strip.furniture import (
    MAX_CHARS,
    credit_endings,
    hint_offsets,
    judge,
    line_hints,
    may_be_furniture,
)

_WORD = re.compile(r"\w+")
# Han, kana and Hangul: scripts written without spaces, where one \w+ run is a phrase.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_END_TRAIL = CLOSING_MARKS + "*"
# A line ends as prose when it ends as a sentence does (audit.sentences), or runs on into
# the next line (":", ";", "~"): a plain-text page's lines, unlike HTML blocks, are often
# cut there ("He said:", a list's lead-in), and such a line is not a menu item.
_SENTENCE_END = frozenset(END_MARKS + FULL_WIDTH_END_MARKS + ":;~")
# A line ending in '...' is a truncated teaser, unless a full stop comes before the dots.
_TRUNCATED = ("...", "…")
_NOT_TRUNCATED = (". ...", "....")
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


class Page:
    """The blocks of a text page and their features, one list entry per block.

    ``texts[i]`` is block i (its exact input slice; a hard-wrapped paragraph with its
    line breaks turned into spaces), ``numbers[i]``/``last_numbers[i]`` its first and
    last 1-based input line, ``offsets[i]`` where it starts in the input. Per block:
    ``lowers`` (lower-cased text), ``words`` (word count, CJK characters counting as half
    a word each), ``ends`` (ends like a sentence), ``bullets`` (starts with a bullet),
    ``urls`` (mentions a URL), ``furniture`` ((role, reason) from ``furniture.judge`` or
    None), ``repeats`` (how many blocks of the page have the same text) and
    ``separators`` (' | ', ' » ', ' / ' ...: the joints of menus and breadcrumbs).
    ``prose`` and ``scores`` are filled in by ``textregion.score_blocks``. ``text`` is
    the whole input.
    """

    __slots__ = ("bullets", "ends", "furniture", "last_numbers", "lowers", "numbers", "offsets",
                 "prose", "repeats", "scores", "separators", "texts", "urls", "words")

    def __init__(self, text: str, texts: list[str], numbers: list[int],
                 last_numbers: list[int], offsets: list[int]) -> None:
        self.texts = texts
        self.numbers = numbers
        self.last_numbers = last_numbers
        self.offsets = offsets
        self.lowers = lowers = list(map(str.lower, texts))
        self.words = _word_counts(texts)
        self.ends = [block.rstrip(_END_TRAIL)[-1:] in _SENTENCE_END
                     and not (block.endswith(_TRUNCATED) and not block.endswith(_NOT_TRUNCATED))
                     for block in texts]
        self.bullets = [block[0] in _BULLETS and len(block) > 1 for block in texts]
        counts = Counter(lowers)
        self.repeats = list(map(counts.__getitem__, lowers))
        self.separators = _separators(texts)
        joined = "\n".join(lowers)
        self.urls = (["http" in lower or "www." in lower for lower in lowers]
                     if "http" in joined or "www." in joined else [False] * len(texts))
        self.furniture = _judge_furniture(self, text)
        self.prose: list[bool] = []
        self.scores: list[int] = []

    def __len__(self) -> int:
        return len(self.texts)

    def punctuation(self, i: int) -> int:
        """Commas, stops, colons ... anywhere in block i (needed for few blocks)."""
        return len(_PUNCT.findall(self.texts[i]))


def _word_counts(texts: list[str]) -> list[int]:
    """Words per block: split on whitespace, counting space-less scripts by characters so
    that Japanese lines are not 'short'.

    A block of ASCII text with single spaces only (the usual case) is counted without
    splitting it; any other block, and every block of a page with CJK text, is split.
    """
    if any(map(_CJK.search, [block for block in texts if not block.isascii()])):
        return [_word_count(text, _split_count(text)) for text in texts]
    return [block.count(" ") + 1 if block.isascii() and "  " not in block and "\t" not in block
            else whitespace_words(block) for block in texts]


def _split_count(text: str) -> int:
    """sentences.whitespace_words without building the list, for the usual single-spaced
    text."""
    if "  " in text or "\t" in text or "\n" in text or "\xa0" in text or not text.isascii():
        return whitespace_words(text)
    return text.count(" ") + 1


def _word_count(text: str, split: int) -> int:
    """Words, counting space-less scripts by characters so Japanese lines are not 'short'."""
    if text.isascii():
        return split
    cjk = len(_CJK.findall(text))
    if not cjk:
        return split
    return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2


def _separators(texts: list[str]) -> list[int]:
    """Separators per block, found by one scan of the whole page (they never span a line
    break); a block of FURNITURE_MAX_CHARS or more counts none."""
    counts = [0] * len(texts)
    joined = "\n".join(texts)
    index = counted = 0
    for match in _SEPARATOR.finditer(joined):
        index += joined.count("\n", counted, match.start())
        counted = match.start()
        if len(texts[index]) < FURNITURE_MAX_CHARS:
            counts[index] += 1
    return counts


def key(text: str) -> str:
    """Normalised text used to compare lines (a headline and its repeats)."""
    return " ".join(text.lower().split())


def read_page(text: str) -> Page:
    """Every block of ``text`` with its features, in input order.

    A block is a non-blank line; on a hard-wrapped page (paragraphs of short lines
    separated by blank lines) it is a paragraph, whose text is the exact input slice
    with its line breaks turned into spaces (same length, so offsets still hold).
    """
    rows = text.split("\n")
    stripped = list(map(str.strip, rows))
    # A line of zero-width characters only (left by images and embeds) counts as blank.
    kept = [i for i, line in enumerate(stripped)
            if line and (line.isascii() or line.strip(_INVISIBLE))]
    # Row i starts after the i rows before it and their line breaks.
    lengths_before = list(accumulate(map(len, rows), initial=0))
    texts = list(map(stripped.__getitem__, kept))
    numbers = [i + 1 for i in kept]
    offsets = [lengths_before[i] + i + (0 if rows[i][0] == stripped[i][0]
                                        else len(rows[i]) - len(rows[i].lstrip())) for i in kept]
    last_numbers = numbers
    blank_lines = "\n\n" in text or "\n\r\n" in text
    if blank_lines and _hard_wrapped(texts, numbers):
        texts, numbers, last_numbers, offsets = _paragraphs(text, texts, numbers, offsets)
    return Page(text, texts, numbers, last_numbers, offsets)


def _judge_furniture(page: Page, text: str) -> list[tuple[str, str] | None]:
    """``furniture.judge`` for the blocks it may find furniture in (most blocks are too long
    or start with no pattern's word), each told whether a keyword of the floating
    patterns occurs in it, which is found once per page, not per block."""
    texts, lowers, words = page.texts, page.lowers, page.words
    if page.last_numbers == page.numbers:  # every block is one line of the input
        hinted = line_hints(lowers, words)
    else:  # paragraphs: a keyword must not span a line break of the input
        hinted = _paragraph_hints(text, page.offsets, texts)
    found: list[tuple[str, str] | None] = [None] * len(texts)
    # Menus and link lists repeat lines within a page: each is judged once.
    known: dict[tuple[str, bool], tuple[str, str] | None] = {}
    candidates = may_be_furniture(lowers, words, hinted)
    endings = credit_endings(lowers)  # (usually a few blocks)
    if endings:
        candidates = sorted(set(candidates).union(endings))
    for i in candidates:
        if len(texts[i]) <= FURNITURE_MAX_CHARS:
            block = (texts[i], hinted[i])
            if block not in known:
                known[block] = judge(texts[i], lowers[i], words[i], hinted[i])
            found[i] = known[block]
    return found


def _paragraph_hints(text: str, offsets: list[int], texts: list[str]) -> list[bool]:
    """Whether a keyword of the floating patterns starts in each block of the input."""
    folded_page = fold(text.lower())
    if len(folded_page) != len(text):  # lower-casing moved the offsets: try every block
        return [True] * len(texts)
    hinted = [False] * len(texts)
    for offset in hint_offsets(folded_page):
        i = bisect_right(offsets, offset) - 1
        if i >= 0 and offset < offsets[i] + len(texts[i]):
            hinted[i] = True
    return hinted


def _hard_wrapped(texts: list[str], numbers: list[int]) -> bool:
    """No line longer than WRAP_MAX_WIDTH, and several runs of wide consecutive lines."""
    if not texts or max(map(len, texts)) > WRAP_MAX_WIDTH:
        return False
    runs = sum(1 for (a, b), text in zip(pairwise(numbers), texts)
               if b == a + 1 and len(text) >= WRAP_MIN_WIDTH)
    return runs >= WRAP_MIN_RUNS


def _paragraphs(text: str, texts: list[str], numbers: list[int], offsets: list[int]
                ) -> tuple[list[str], list[int], list[int], list[int]]:
    """The lines grouped into paragraphs: a short line ends one (a heading or the
    paragraph's last line), a bullet starts one. Returns the paragraphs' texts, first
    and last line numbers and offsets."""
    groups: list[list[int]] = []
    for i in range(len(texts)):
        if groups:
            previous = groups[-1][-1]
            joined = (numbers[i] == numbers[previous] + 1
                      and len(texts[previous]) >= WRAP_MIN_WIDTH
                      and not _LIST_ITEM.match(text, offsets[i]))
            if joined:
                groups[-1].append(i)
                continue
        groups.append([i])
    blocks = []
    for group in groups:
        start, end = offsets[group[0]], offsets[group[-1]] + len(texts[group[-1]])
        block = text[start:end]
        if len(group) > 1:
            block = block.replace("\r", " ").replace("\n", " ")
        blocks.append(block)
    return (blocks, [numbers[g[0]] for g in groups], [numbers[g[-1]] for g in groups],
            [offsets[g[0]] for g in groups])
