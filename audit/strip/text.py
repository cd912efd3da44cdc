"""Text pages: a whole page as copied from a browser, one block per line.

``strip_text`` cuts the page into blocks (``textlines``), gives each a role
(``textroles``: furniture patterns, the densest run of prose, title, bylines, author
box, context) and joins the body and heading blocks into the article text. Provenance
is read from the furniture afterwards (``audit.provenance.read``).

Every line becomes a Block (a NamedTuple, cheap to build), and run-in headings are looked
for in all kept blocks at once (``split_all_run_ins``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate, groupby

from audit import provenance
from audit.model import KEPT_ROLES, Block, Extraction, Named, Provenance, Role
from audit.strip.textlines import Page, read_page
from audit.strip.textroles import assign_roles, site_suffix, split_site

# A run-in heading glued to the next sentence: "... in space. main argumentIn recent years".
# Tried only where a sentence starts in lower case; bounded repetitions only, so hostile
# input cannot make it backtrack badly.
_RUN_IN = re.compile(r"((?:[a-z]{1,20} ){0,4}[a-z]{3,20})(?=[A-Z][a-z])")
# Where a sentence starts in lower case after '. ', ': ', '? ' or '! ' (a run-in heading
# starts with [a-z]).
_LOWER_START = re.compile(r"[.:?!] (?=[a-z])")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
# A bullet glued to the word before it: "policy implications• Japan".
_GLUED_BULLET = re.compile(r"(?<=\w)(?=[•▪►] )")


def split_run_ins(text: str) -> str:
    """Put a line break after run-in headings and before glued bullets.

    Copying a page often loses the break between a bold run-in heading and its
    paragraph; without it the heading's last word and the paragraph's first word
    become one word and the two sentences one.
    """
    return split_all_run_ins([text])[0]


def split_all_run_ins(texts: list[str]) -> list[str]:
    """``split_run_ins`` of each of ``texts``, with one search of them all.

    Run-in headings are searched in the texts joined by line breaks, which neither a
    heading nor the sentence gap before it can span, and a line break is inserted after
    each in its text; glued bullets only in the texts with a bullet.
    """
    joined = "\n".join(texts)
    ends = _run_in_ends(joined, texts)
    split = _break_after(texts, ends) if ends else texts
    if "•" in joined or "▪" in joined or "►" in joined:
        split = [_GLUED_BULLET.sub("\n", text) if "•" in text or "▪" in text or "►" in text
                 else text for text in split]
    return split


def _break_after(texts: list[str], ends: list[int]) -> list[str]:
    """``texts`` with a line break inserted at each of ``ends``, sorted offsets in the texts
    joined by line breaks."""
    starts = list(accumulate([len(text) + 1 for text in texts[:-1]], initial=0))
    split = list(texts)
    for index, found in groupby(ends, key=lambda pos: bisect_right(starts, pos) - 1):
        text, start, pieces, last = texts[index], starts[index], [], 0
        for pos in found:
            pieces += [text[last:pos - start], "\n"]
            last = pos - start
        split[index] = "".join(pieces) + text[last:]
    return split


def _run_in_ends(joined: str, texts: list[str]) -> list[int]:
    """Where run-in headings end in ``joined``, the ``texts`` joined by line breaks."""
    starts = [match.end() for match in _LOWER_START.finditer(joined)]
    pos = 0
    for text in texts:  # and the texts that start in lower case
        if text[:1] in _LOWER:
            starts.append(pos)
        pos += len(text) + 1
    ends, last = [], 0
    for start in sorted(starts):
        match = _RUN_IN.match(joined, start)
        if match and start >= last:
            ends.append(match.end())
            last = match.end()
    return ends


def strip_text(text: str) -> Extraction:
    """Roles for every block of a text page, the article text, title and provenance."""
    page = read_page(text)
    roles, title_index = assign_roles(page)
    blocks, parts = _blocks(page, roles)
    title = None
    if title_index is not None:
        title = page.texts[title_index]
        if title_index == 0:
            title = site_suffix(title) or title
    article = "\n\n".join(parts)
    prov = provenance.read(blocks, article, title) if blocks else provenance.empty()
    if blocks:
        prov = _with_site_from_page_title(prov, blocks[0])
    return Extraction(text=article, blocks=tuple(blocks), title=title, provenance=prov)


def _with_site_from_page_title(prov: Provenance, first: Block) -> Provenance:
    """A browser copy starts with the page title, 'Headline - Site': the site is named."""
    split = split_site(first.text)
    if not split or any(s.name == split[1] for s in prov.site_names):
        return prov
    return replace(prov, site_names=(Named(split[1], provenance.origin(first)),
                                     *prov.site_names))


def _blocks(page: Page, roles: list[tuple[Role, str]]) -> tuple[list[Block], list[str]]:
    """Every block of the page with its role, and the texts of the kept ones (run-in
    headings split); a kept block's span is where it is in the article text, the kept
    texts joined by blank lines."""
    texts = list(page.texts)
    spans: list[tuple[int, int] | None] = [None] * len(texts)
    kept = [i for i, (role, _) in enumerate(roles) if role in KEPT_ROLES]
    parts = split_all_run_ins([texts[i] for i in kept])
    start = 0
    for i, part in zip(kept, parts):
        texts[i] = part
        spans[i] = (start, start + len(part))
        start += len(part) + 2
    names, reasons = zip(*roles) if roles else ((), ())
    blocks = list(map(Block, range(len(texts)), texts, names, reasons, page.numbers,
                      page.last_numbers, page.offsets, spans))
    return blocks, parts
