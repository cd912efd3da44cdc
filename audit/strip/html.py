"""HTML pages: main content with trafilatura (first version; the stripping work deepens it)."""

from __future__ import annotations

from audit import provenance
from audit.model import Block, Extraction


def extract_html(html: str, *, url: str | None = None) -> Extraction:
    import trafilatura

    body = trafilatura.extract(html, url=url, favor_precision=True, include_comments=False) or ""
    meta = trafilatura.extract_metadata(html)
    blocks, parts, pos = [], [], 0
    for para in (p.strip() for p in body.split("\n")):
        if not para:
            continue
        if parts:
            pos += 2
        blocks.append(Block(index=len(blocks), text=para, role="body", reason="extractor",
                            element="p", span=(pos, pos + len(para))))
        parts.append(para)
        pos += len(para)
    title = meta.title if meta is not None else None
    return Extraction(text="\n\n".join(parts), blocks=tuple(blocks), title=title,
                      provenance=provenance.empty())
