"""Provenance: what the page says about where the article comes from.

``empty()`` is the report's provenance with nothing found; the stripping stage fills
it from furniture (bylines, credits, author boxes), HTML metadata and the text.
"""

from __future__ import annotations

from typing import Any


def empty() -> dict[str, Any]:
    return {
        "title": None,
        "authors": [],
        "published": None,
        "modified": None,
        "publisher": None,
        "site_names": [],
        "canonical_url": None,
        "credits": [],
        "author_bio": None,
        "outbound_links": [],
        "labels": [],
    }


def read(blocks, text, title):  # placeholder, replaced below
    return empty()
