"""Meta tags, the <time> element, <title> and the canonical link.
"""

from __future__ import annotations

from typing import Any

from audit.metadata.authors import split_names
from audit.metadata.records import Item, Origin, PageMetadata
from audit.metadata.text import absolute_url, clean

# meta names/properties read for each field, in order of trust.
_META_AUTHORS = ("author", "article:author", "citation_author", "dc.creator", "dcterms.creator",
                 "parsely-author", "sailthru.author", "byl", "twitter:misc:written by")


_META_PUBLISHED = ("article:published_time", "citation_publication_date", "citation_date",
                   "dc.date.issued", "dcterms.issued", "dc.date", "date", "pubdate",
                   "publishdate", "og:published_time", "parsely-pub-date", "sailthru.date",
                   "datepublished")


_META_MODIFIED = ("article:modified_time", "og:updated_time", "dcterms.modified",
                  "dc.date.modified", "last-modified", "datemodified")


_META_SITE = ("og:site_name", "application-name", "citation_journal_title", "dc.publisher",
              "citation_publisher")


_META_TITLE = ("og:title", "twitter:title", "citation_title", "dc.title")


def read_meta_tags(tree: Any, meta: PageMetadata) -> None:
    tags: dict[str, list[str]] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and content.strip():
            tags.setdefault(key, []).append(clean(content))
    for key in _META_TITLE:
        meta.titles.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])
    if [v.lower() for v in tags.get("twitter:label1", [])[:1]] == ["written by"]:
        tags.setdefault("twitter:misc:written by", []).extend(tags.get("twitter:data1", [])[:1])
    for key in _META_AUTHORS:
        for value in tags.get(key, []):
            for name in split_names(value):
                meta.meta_authors.append(Item(name, _meta_origin(key)))
    for key in _META_PUBLISHED:
        meta.published.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])
    for key in _META_MODIFIED:
        meta.modified.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])
    for key in _META_SITE:
        meta.site_names.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])


def read_time_element(tree: Any, meta: PageMetadata) -> None:
    """Microdata or a <time datetime> in the article, when no meta tag gives the date."""
    for el in tree.iterfind('.//*[@itemprop="datePublished"]'):
        value = el.get("datetime") or el.get("content") or el.text_content()
        if value and value.strip():
            meta.published.append(Item(clean(value), {"kind": "element", "element": el.tag,
                                                       "field": "datePublished"}))
            return
    for el in tree.iterfind(".//article//time[@datetime]"):
        if next(el.iterancestors("li"), None) is not None:
            continue  # an article in a list is a teaser of another story
        meta.published.append(Item(clean(el.get("datetime")),
                                   {"kind": "element", "element": "time", "field": "datetime"}))
        return


def _meta_origin(key: str) -> Origin:
    return {"kind": "meta", "field": key}


def read_title_element(tree: Any, meta: PageMetadata) -> None:
    title = tree.find(".//title")
    if title is not None and title.text and title.text.strip():
        meta.titles.append(Item(clean(title.text), {"kind": "element", "element": "title"}))


def canonical_link(tree: Any, url: str | None) -> Item | None:
    for el in tree.iterfind(".//link[@href]"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href", "").strip():
            return Item(absolute_url(el.get("href"), url), {"kind": "link", "field": "canonical"})
    for el in tree.iterfind(".//meta[@content]"):
        if (el.get("property") or el.get("name") or "").lower() == "og:url":
            return Item(absolute_url(el.get("content"), url), _meta_origin("og:url"))
    return None
