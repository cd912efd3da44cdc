"""Sentence boundaries in article text (first version; the readability work refines it).

``split_sentences(text)`` returns (start, end) spans into ``text``, trimmed of
surrounding whitespace. Paragraph breaks (newlines) always end a sentence.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for match in _BOUNDARY.finditer(para.group()):
            spans.append((start, para.start() + match.end()))
            start = para.start() + match.end()
        spans.append((start, para.end()))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
