"""Stripping page furniture: text pages (``strip_text``) and HTML pages (``extract_html``).

Each returns an ``Extraction``: every block of the input with its role and the reason
for it, the article text made of the kept blocks (body and headings, separated by a
blank line), the title, and the provenance read from the furniture.
``keep_all`` is ``--no-strip``: the article text is exactly the input text.
"""

from __future__ import annotations

import re

from audit import provenance
from audit.model import Block, Extraction, Role

_LINE = re.compile(r"\S[^\n]*")


def keep_all(text: str) -> Extraction:
    """Every paragraph is body, and the article text is the input text, unchanged."""
    blocks = []
    line, counted = 1, 0
    for match in _LINE.finditer(text):
        start, end = match.start(), match.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        line += text.count("\n", counted, start)  # counted once, not from the top each time
        counted = start
        blocks.append(Block(len(blocks), text[start:end], Role.BODY, "no-strip", line, line,
                            start, (start, end)))
    return Extraction(text=text, blocks=tuple(blocks), title=None, provenance=provenance.empty())


def strip_text(text: str) -> Extraction:
    from audit.strip.text import strip_text as _strip

    return _strip(text)


def extract_html(html: str, *, url: str | None = None) -> Extraction:
    from audit.strip.html import extract_html as _extract

    return _extract(html, url=url)
