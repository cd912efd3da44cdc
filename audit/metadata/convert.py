"""``to_provenance``: the page's metadata as the article's ``Provenance`` (audit.model).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta

from audit import model
from audit.metadata.dates import parse_date, parse_instant, valid_date
from audit.metadata.records import Item, PageMetadata
from audit.metadata.sites import outbound_links
from audit.metadata.text import folded_key
from audit.model import DateItem, Named, OriginKind, Provenance, TitleItem


def to_provenance(meta: PageMetadata, links: Iterable[tuple[str, str]],
                  base: Provenance) -> Provenance:
    """The provenance from the page's metadata, the (href, anchor text) links of the kept
    article blocks, and ``base``: what audit.provenance read from the blocks (bylines,
    credits, author box, labels). Metadata wins where both have a value: the page states
    it for machines, while a byline's date is parsed from free text."""
    dates = {}
    for key, items in (("published", meta.published), ("modified", meta.modified)):
        found = _date(items) if items else None
        # A date the page's own byline gives beats one htmldate searched out.
        if found is not None and not (found.origin.kind == "search" and getattr(base, key)):
            dates[key] = found
    written = [(link.url, link.text) for link in base.outbound_links]
    return replace(
        base,
        title=(TitleItem(meta.titles[0].value, _origin(meta.titles[0])) if meta.titles
               else base.title),
        # The bylines of the kept blocks name the authors when the page's markup names none
        # (together they named a page's authors twice over, or a related story's too).
        authors=_unique_named(meta.authors or _items(base.authors)),
        publisher=(Named(meta.publishers[0].value, _origin(meta.publishers[0]))
                   if meta.publishers else base.publisher),
        site_names=_unique_named([*meta.site_names, *_items(base.site_names)]),
        canonical_url=meta.canonical.value if meta.canonical is not None else base.canonical_url,
        outbound_links=tuple(outbound_links([*links, *written], meta.page_url)),
        **dates)


def _origin(item: Item) -> model.Origin:
    """An item's origin as the provenance records it (items from the blocks have it so)."""
    if isinstance(item.origin, model.Origin):
        return item.origin
    return model.Origin(OriginKind(item.origin["kind"]),
                        **{k: v for k, v in item.origin.items() if k != "kind"})


def _items(named: tuple[Named, ...]) -> list[Item]:
    return [Item(n.name, n.origin) for n in named]


def _unique_named(items: list[Item]) -> tuple[Named, ...]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = folded_key(item.value) or item.value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(Named(item.value, _origin(item)))
    return tuple(out)


def _date(items: list[Item]) -> DateItem | None:
    """The first date that parses to a possible day, else the first one that is no
    placeholder as raw text (None when all are placeholders or impossible)."""
    for item in items:
        if valid_date(item.value):
            return _local(item, items) or DateItem(parse_date(item.value), item.value,
                                                   _origin(item))
    for item in items:
        if parse_date(item.value) is None:
            return DateItem(None, item.value, _origin(item))
    return None


def _local(chosen: Item, items: list[Item]) -> DateItem | None:
    """The same instant as ``chosen`` written with the page's own UTC offset, when
    ``chosen`` is in UTC and another item gives it so: its calendar day is the page's."""
    instant = parse_instant(chosen.value)
    if instant is None or instant.utcoffset() != timedelta(0):
        return None
    for item in items:
        other = parse_instant(item.value)
        if other is not None and other == instant and other.utcoffset() != timedelta(0):
            return DateItem(parse_date(item.value), item.value, _origin(item))
    return None
