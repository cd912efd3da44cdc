"""Text pages: a whole page as copied from a browser, one block per line.

``strip_text`` cuts the page into blocks (``textlines``), gives each a role
(``textroles``: furniture patterns, the densest run of prose, title, bylines, author
box, context) and joins the body and heading blocks into the article text. Provenance
is read from the furniture afterwards (``audit.provenance.read``).
"""

from __future__ import annotations

import re

from audit import provenance
from audit.model import KEPT_ROLES, Block, Extraction
from audit.strip.textlines import Line, read_lines
from audit.strip.textroles import assign_roles

# A run-in heading glued to the next sentence: "... in space. main argumentIn recent years".
# Bounded repetitions only, so hostile input cannot make it backtrack badly.
_RUN_IN = re.compile(r"(?:^|(?<=[.!?:] ))((?:[a-z]{1,20} ){0,4}[a-z]{3,20})(?=[A-Z][a-z])")
# A bullet glued to the word before it: "policy implications• Japan".
_GLUED_BULLET = re.compile(r"(?<=\w)(?=[•▪►] )")


def split_run_ins(text: str) -> str:
    """Put a line break after run-in headings and before glued bullets.

    Copying a page often loses the break between a bold run-in heading and its
    paragraph; without it the heading's last word and the paragraph's first word
    become one word and the two sentences one.
    """
    text = _RUN_IN.sub(lambda m: m.group(1) + "\n", text)
    return _GLUED_BULLET.sub("\n", text)


def strip_text(text: str) -> Extraction:
    """Roles for every block of a text page, the article text, title and provenance."""
    lines = read_lines(text)
    roles, title_index = assign_roles(lines)
    blocks, parts = _blocks(lines, roles)
    title = lines[title_index].text if title_index is not None else None
    article = "\n\n".join(parts)
    prov = provenance.read(blocks, article, title) if blocks else provenance.empty()
    return Extraction(text=article, blocks=tuple(blocks), title=title, provenance=prov)


def _blocks(lines: list[Line], roles: list[tuple[str, str]]) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for index, (line, (role, reason)) in enumerate(zip(lines, roles)):
        kept = split_run_ins(line.text) if role in KEPT_ROLES else line.text
        span = None
        if role in KEPT_ROLES:
            if parts:
                pos += 2
            span = (pos, pos + len(kept))
            pos = span[1]
            parts.append(kept)
        blocks.append(Block(index=index, text=kept, role=role, reason=reason,
                            line_start=line.number, line_end=line.number,
                            offset=line.offset, span=span))
    return blocks, parts
