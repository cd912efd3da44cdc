"""Text pages: a whole page as copied from a browser, one block per line.

``strip_text`` cuts the page into blocks (``textlines``), gives each a role
(``textroles``: furniture patterns, the densest run of prose, title, bylines, author
box, context) and joins the body and heading blocks into the article text. Provenance
is read from the furniture afterwards (``audit.provenance.read``).
"""

from __future__ import annotations

import re
from dataclasses import fields

from audit import provenance
from audit.model import KEPT_ROLES, Block, Extraction
from audit.strip.textlines import Line, read_lines
from audit.strip.textroles import assign_roles, site_suffix, split_site

# A run-in heading glued to the next sentence: "... in space. main argumentIn recent years".
# Tried only where a sentence starts in lower case; bounded repetitions only, so hostile
# input cannot make it backtrack badly.
_RUN_IN = re.compile(r"((?:[a-z]{1,20} ){0,4}[a-z]{3,20})(?=[A-Z][a-z])")
_SENTENCE_GAPS = (". ", ": ", "? ", "! ")
# A bullet glued to the word before it: "policy implications• Japan".
_GLUED_BULLET = re.compile(r"(?<=\w)(?=[•▪►] )")


def _lower_starts(text: str) -> list[int]:
    """Offsets where a sentence (or the block) starts with a lower-case letter."""
    starts = [0] if text[:1].islower() else []
    for gap in _SENTENCE_GAPS:
        pos = text.find(gap)
        while pos >= 0:
            if text[pos + 2:pos + 3].islower():
                starts.append(pos + 2)
            pos = text.find(gap, pos + 2)
    return sorted(starts)


def split_run_ins(text: str) -> str:
    """Put a line break after run-in headings and before glued bullets.

    Copying a page often loses the break between a bold run-in heading and its
    paragraph; without it the heading's last word and the paragraph's first word
    become one word and the two sentences one.
    """
    pieces, last = [], 0
    for start in _lower_starts(text):
        match = _RUN_IN.match(text, start)
        if match and start >= last:
            pieces += [text[last:match.end()], "\n"]
            last = match.end()
    text = "".join(pieces) + text[last:] if pieces else text
    if "•" in text or "▪" in text or "►" in text:
        text = _GLUED_BULLET.sub("\n", text)
    return text


def _block(index: int, text: str, role: str, reason: str, line: Line,
           span: tuple[int, int] | None) -> Block:
    """A Block, built without the frozen dataclass's per-field ``__setattr__`` detour.

    Stripping builds one Block per input line and the generated frozen ``__init__`` was
    the largest single cost per page; this gives the instance its dict at once, and falls
    back to the constructor if Block ever gains slots or validation.
    """
    values = {"index": index, "text": text, "role": role, "reason": reason,
              "line_start": line.number, "line_end": line.last_number, "offset": line.offset,
              "element": None, "span": span}
    if _FAST_BLOCKS:
        block = _new(Block)
        _set_dict(block, "__dict__", values)
        return block
    return Block(**values)  # type: ignore[arg-type]


_new = object.__new__
_set_dict = object.__setattr__
_PASSED_FIELDS = {"index", "text", "role", "reason", "line_start", "line_end", "offset",
                  "element", "span"}
_FAST_BLOCKS = (not hasattr(Block, "__slots__") and not hasattr(Block, "__post_init__")
                and {f.name for f in fields(Block)} == _PASSED_FIELDS)


def strip_text(text: str) -> Extraction:
    """Roles for every block of a text page, the article text, title and provenance."""
    lines = read_lines(text)
    roles, title_index = assign_roles(lines)
    blocks, parts = _blocks(lines, roles)
    title = None
    if title_index is not None:
        title = lines[title_index].text
        if title_index == 0:
            title = site_suffix(title) or title
    article = "\n\n".join(parts)
    prov = provenance.read(blocks, article, title) if blocks else provenance.empty()
    if blocks:
        _add_site_from_page_title(prov, blocks[0])
    return Extraction(text=article, blocks=tuple(blocks), title=title, provenance=prov)


def _add_site_from_page_title(prov: dict, first: Block) -> None:
    """A browser copy starts with the page title, 'Headline - Site': the site is named."""
    split = split_site(first.text)
    if split and all(s["name"] != split[1] for s in prov["site_names"]):
        prov["site_names"].insert(0, {"name": split[1], "origin": provenance.origin(first)})


def _blocks(lines: list[Line], roles: list[tuple[str, str]]) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for index, (line, (role, reason)) in enumerate(zip(lines, roles)):
        kept, span = line.text, None
        if role in KEPT_ROLES:
            kept = split_run_ins(kept)
            if parts:
                pos += 2
            span = (pos, pos + len(kept))
            pos = span[1]
            parts.append(kept)
        blocks.append(_block(index, kept, role, reason, line, span))
    return blocks, parts
