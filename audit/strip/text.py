"""Text pages: a whole page as copied from a browser, one block per line.

First version: a line of 15 words or more is body, the first short line before the
body is the title, everything else is "other". The stripping work replaces this.
"""

from __future__ import annotations

import re

from audit import provenance
from audit.model import Block, Extraction


def _lines(text: str):
    for match in re.finditer(r"[^\n]*", text):
        raw = match.group()
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            yield match.start() + lead, raw.strip()


def strip_text(text: str) -> Extraction:
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    title = None
    for offset, line in _lines(text):
        number = text.count("\n", 0, offset) + 1
        if len(line.split()) >= 15:
            if parts:
                pos += 2
            span = (pos, pos + len(line))
            parts.append(line)
            pos = span[1]
            role, reason = "body", "long-line"
        elif title is None and not parts:
            title, role, reason, span = line, "title", "first-short-line", None
        else:
            role, reason, span = "other", "short-line", None
        blocks.append(Block(index=len(blocks), text=line, role=role, reason=reason,
                            line_start=number, line_end=number, offset=offset, span=span))
    prov = provenance.empty()
    return Extraction(text="\n\n".join(parts), blocks=tuple(blocks), title=title, provenance=prov)
