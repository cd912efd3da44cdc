"""Text pages cut into blocks, with the cheap structural features the stripper reads.

A block is one non-blank input line (browser copies and text dumps put one block per
line). Features are language-neutral on purpose: length, sentence punctuation, bullets,
URLs, repetition in the page; the only vocabulary is in ``furniture``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from audit.strip.furniture import furniture_role

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
# Han, kana and Hangul: scripts written without spaces, where one \w+ run is a phrase.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_END_TRAIL = "\"'”’»)]*"
_SENTENCE_END = frozenset(".!?。！？…:;")
_PUNCT = re.compile(r"[,.;:!?、，。！？]")
_URL = re.compile(r"https?://|www\.\w", re.IGNORECASE)
_BULLET = re.compile(r"^[•·▪►▸*\-–—|]\s*\S")
_SEPARATORS = re.compile(r"\s[|•·»›/]\s|\s>\s")


@dataclass(frozen=True)
class Line:
    """One block of a text page and its features."""

    number: int  # 1-based input line
    offset: int  # offset of the stripped text in the input
    text: str
    words: int  # word count; CJK characters count as half a word each
    chars: int
    ends_sentence: bool
    sentences: int  # sentence-ending punctuation marks inside the line
    punctuation: int  # commas, stops, colons ... anywhere in the line
    bullet: bool
    url: bool
    separators: int  # " | ", " » ", " / " ... : menus and breadcrumbs
    repeats: int  # how many times the same text occurs in the page
    furniture: tuple[str, str] | None


def _word_count(text: str) -> int:
    """Words, counting space-less scripts by characters so Japanese lines are not 'short'."""
    cjk = len(_CJK.findall(text)) if not text.isascii() else 0
    if not cjk:
        return len(_WORD.findall(text))
    latin = len(_WORD.findall(_CJK.sub(" ", text)))
    return latin + cjk // 2


def _ends_sentence(text: str) -> bool:
    if text.endswith(("...", "…")) and not text.endswith((". ...", "....")):
        return False  # a truncated teaser, not a finished sentence
    stripped = text.rstrip(_END_TRAIL)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _sentence_marks(text: str) -> int:
    return text.count(". ") + text.count("? ") + text.count("! ") + text.count("。")


def key(text: str) -> str:
    """Normalised text used to spot repeated lines (menus repeated at top and bottom)."""
    return " ".join(text.lower().split())


def read_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text`` with its features, in input order."""
    raw: list[tuple[int, int, str]] = []
    number = 1
    last = 0
    for match in _LINE.finditer(text):
        segment = match.group()
        stripped = segment.strip()
        if not stripped:
            continue
        start = match.start()
        number += text.count("\n", last, start)
        last = start
        raw.append((number, start + len(segment) - len(segment.lstrip()), stripped))
    counts = Counter(key(t) for _, _, t in raw)
    return [_line(n, o, t, counts[key(t)]) for n, o, t in raw]


def _line(number: int, offset: int, text: str, repeats: int) -> Line:
    return Line(
        number=number,
        offset=offset,
        text=text,
        words=_word_count(text),
        chars=len(text),
        ends_sentence=_ends_sentence(text),
        sentences=_sentence_marks(text),
        punctuation=len(_PUNCT.findall(text)),
        bullet=bool(_BULLET.match(text)),
        url=bool(_URL.search(text)),
        separators=len(_SEPARATORS.findall(text)) if len(text) < 500 else 0,
        repeats=repeats,
        furniture=furniture_role(text),
    )
