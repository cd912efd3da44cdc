"""HTML pages: main content with trafilatura, then the furniture it lets through.

trafilatura (precision settings, fast mode) gives the main content as a tree of blocks.
Three things are added around it, each measured on the extraction benchmark:
- an article cut into sibling sections around ads is joined again (trafilatura keeps
  the first section);
- readability (a different algorithm) is the fallback when trafilatura finds nothing;
- the page's furniture regions the extraction left out are recorded as removed blocks
  (audit.strip.htmlremoved);
- the links of each block are read from the page, and rules mark what the extractor let
  through: link lists and "Related: <link>" lines, the repeated title, bylines and notes
  about the author (from the page's metadata), headings over nothing but furniture, and
  whatever audit.strip.furniture recognises (newsletter prompts, credits, ...).
Removed blocks stay in the Extraction with their role and the reason for it.
"""

from __future__ import annotations

from dataclasses import replace

from audit import metadata, provenance
from audit.model import KEPT_ROLES, Block, Extraction, Origin, OriginKind, Role, TitleItem
from audit.strip.htmlmerge import attach_page_elements, choose, continuation_blocks
from audit.strip.htmlremoved import furniture_regions, removed_blocks
from audit.strip.htmlroles import assign_roles
from audit.strip.htmltree import (
    HTML,
    RawBlock,
    blocks_of,
    parse_page,
    trafilatura_blocks,
    trafilatura_too_costly,
)


def extract_html(html: str, *, url: str | None = None) -> Extraction:
    """Main content, blocks with roles, title and provenance of an HTML page."""
    tree, deep = parse_page(html)
    if tree is None:
        return Extraction(text="", blocks=(), title=None, provenance=provenance.empty())
    meta = metadata.read_metadata(tree, url)
    if deep or trafilatura_too_costly(tree):  # its time grows faster than the page
        chosen = blocks_of(tree, HTML, "page")
        return _build(chosen, assign_roles(chosen, meta), meta)
    regions = furniture_regions(tree)  # before the extractors change the tree
    try:
        primary = trafilatura_blocks(tree, url)
        attach_page_elements(primary, tree)
        before, after = continuation_blocks(primary)
        primary = before + primary + after
        chosen = choose(primary, tree)  # last: readability changes the tree
    except RecursionError:  # pathological nesting: keep the page's text as it stands
        chosen = blocks_of(tree, HTML, "page")
    roles = assign_roles(chosen, meta)
    # What the extraction left out is recorded after the article's blocks.
    removed = removed_blocks(regions, chosen)
    return _build([*chosen, *(block for block, _, _ in removed)],
                  [*roles, *((role, reason) for _, role, reason in removed)], meta,
                  read=len(chosen))


def _build(raw: list[RawBlock], roles: list[tuple[Role, str]],
           meta: metadata.PageMetadata, read: int | None = None) -> Extraction:
    """The Extraction of ``raw`` blocks with their ``roles``; provenance is read from the
    first ``read`` blocks (the extraction's: the page's other regions are only recorded)."""
    blocks, parts, links, pos = [], [], [], 0
    for index, (block, (role, reason)) in enumerate(zip(raw, roles, strict=True)):
        span = None
        if role in KEPT_ROLES:
            pos += 2 if parts else 0
            span = (pos, pos + len(block.text))
            pos = span[1]
            parts.append(block.text)
            links.extend(block.links)
        blocks.append(Block(index, block.text, role, reason, span=span, element=block.element))
    text = "\n\n".join(parts)
    title = meta.title or next((b.text for b in raw if b.element == "h1"), None)
    base = provenance.read(blocks[:read], text, None)
    prov = metadata.to_provenance(meta, links, base)
    if prov.title is None and title is not None:
        prov = replace(prov, title=TitleItem(title, Origin(OriginKind.ELEMENT, element="h1")))
    return Extraction(text=text, blocks=tuple(blocks), title=title, provenance=prov)
