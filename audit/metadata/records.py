"""The records the page readers fill: an ``Item`` (a value with where it was read) and the
``PageMetadata`` of one page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Origin = dict[str, Any]  # as read; audit.model.Origin in the provenance (``_origin``)


@dataclass(frozen=True)
class Item:
    """One value read from the page, with where it was read."""

    value: str
    origin: Origin


@dataclass
class PageMetadata:
    titles: list[Item] = field(default_factory=list)
    authors: list[Item] = field(default_factory=list)
    published: list[Item] = field(default_factory=list)
    modified: list[Item] = field(default_factory=list)
    publishers: list[Item] = field(default_factory=list)
    site_names: list[Item] = field(default_factory=list)
    # Where authors were read before ``choose_authors`` picks ``authors`` among them.
    json_orgs: list[Item] = field(default_factory=list)  # JSON-LD authors typed Organization
    meta_authors: list[Item] = field(default_factory=list)
    byline_authors: list[Item] = field(default_factory=list)  # byline elements
    canonical: Item | None = None
    page_url: str | None = None  # the URL links are resolved against

    @property
    def title(self) -> str | None:
        return self.titles[0].value if self.titles else None
