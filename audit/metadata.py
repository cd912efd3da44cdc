"""What an HTML page says about itself: JSON-LD, meta tags, the canonical link.

``read_metadata(tree, url)`` reads a parsed page once, without changing it, and
returns a ``PageMetadata`` whose every value remembers where it was read (the
report's ``origin``). ``to_provenance`` turns it, with the links of the kept article
blocks, into the report's ``provenance`` dict.

lxml is used directly rather than BeautifulSoup: the page is already parsed by lxml
for extraction, and building a BeautifulSoup tree costs about as much as the whole
extraction (measured 24 ms/page against 25 ms for trafilatura on the benchmark).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

Origin = dict[str, Any]

# schema.org types whose object describes the article itself.
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
    "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "scholarlyarticle", "techarticle", "report", "satiricalarticle", "advertisercontentarticle",
})
# meta names/properties read for each field, in order of trust.
_META_AUTHORS = ("author", "article:author", "citation_author", "dc.creator", "dcterms.creator",
                 "parsely-author", "sailthru.author", "byl")
_META_PUBLISHED = ("article:published_time", "citation_publication_date", "citation_date",
                   "dc.date.issued", "dcterms.issued", "dc.date", "date", "pubdate",
                   "publishdate", "og:published_time", "parsely-pub-date", "sailthru.date",
                   "datepublished")
_META_MODIFIED = ("article:modified_time", "og:updated_time", "dcterms.modified",
                  "dc.date.modified", "last-modified", "datemodified")
_META_SITE = ("og:site_name", "application-name", "citation_journal_title", "dc.publisher",
              "citation_publisher")
_META_TITLE = ("og:title", "twitter:title", "citation_title", "dc.title")
_BY = re.compile(r"^\s*(?:by|von|por|di|oleh|par)\s+", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


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
    canonical: Item | None = None
    page_url: str | None = None  # the URL links are resolved against

    @property
    def title(self) -> str | None:
        return self.titles[0].value if self.titles else None


def read_metadata(tree: Any, url: str | None = None) -> PageMetadata:
    """Read JSON-LD, meta tags, <title> and the canonical link of a parsed page."""
    meta = PageMetadata()
    for obj in _article_objects(tree):
        _read_json_ld(obj, meta)
        break  # the first article object describes the page; later ones are teasers
    _read_meta_tags(tree, meta)
    if not meta.published:
        _read_time_element(tree, meta)
    _read_title_element(tree, meta)
    canonical = _canonical(tree, url)
    meta.canonical = canonical
    meta.page_url = url or (canonical.value if canonical else None)
    _order_dates(meta)
    if not any(_valid_date(item.value) for item in meta.published):
        _search_date(tree, meta)
    return meta


def _order_dates(meta: PageMetadata) -> None:
    """``article:published_time`` first: where it and JSON-LD disagree, the meta tag is
    the page's date more often (JSON-LD templates carry a first draft's or a copy's date;
    measured on the development pages), then the rest in reading order, then a date in
    the page's URL ("/2017/7/12/")."""
    meta.published.sort(key=lambda item: item.origin.get("field") != "article:published_time")
    found = _URL_DATE.search(meta.page_url.split("?")[0]) if meta.page_url else None
    if found:
        year, month, day = (int(x) for x in found.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            meta.published.append(Item(f"{year:04d}-{month:02d}-{day:02d}",
                                       {"kind": "url", "field": "path", "text": found.group()}))


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=/|$|[-_.])")


def _search_date(tree: Any, meta: PageMetadata) -> None:
    """htmldate's search when the page states no date for machines: abbr and time elements,
    date-like classes, then (extensive search) the visible text ("23. Juli 2017"). Its
    quick search is tried first: when it finds a date it is right more often than the
    extensive one on the same page (0.92 against 0.91 on the development pages)."""
    from htmldate import find_date  # imported on first use: most pages never need it

    for extensive in (False, True):
        try:
            found = find_date(tree, url=meta.page_url, original_date=True,
                              extensive_search=extensive)
        except Exception:  # a third-party search failing on a hostile page finds nothing
            found = None
        # A bare "-01-01" is a year without a day (a copyright line) filled in by the search.
        if found and _valid_date(found) and not found.endswith("-01-01"):
            meta.published.append(Item(found, {"kind": "search", "field": "htmldate",
                                               "text": "extensive" if extensive else "quick"}))
            return


# --- JSON-LD ---------------------------------------------------------------------------

def _article_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Article-like JSON-LD objects, including those inside lists and @graph."""
    for script in tree.iter("script"):
        if not (script.get("type") or "").strip().lower().startswith("application/ld+json"):
            continue
        data = _load_json(script.text or "")
        if data is None:
            continue
        nodes = list(_flatten(data))
        by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
        for node in nodes:
            if _is_article(node):
                yield _resolve_refs(node, by_id)


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    if not text:
        return None
    try:
        data = json.loads(text, strict=False)
        # An escaped lone surrogate ("\ud800") decodes to a string that is not valid
        # UTF-8: a headline or author holding one could not be written in the report.
        return _without_surrogates(data) if _SURROGATE_ESCAPE.search(text) else data
    except (ValueError, RecursionError):
        return None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Objects of a JSON-LD document: the top level, list members, @graph members and
    mainEntity (depth-limited: hostile JSON nesting must not recurse without end)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _flatten(data[key], depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def _is_article(node: dict[str, Any]) -> bool:
    return bool(_types(node) & _ARTICLE_TYPES)


def _resolve_refs(node: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Replace {"@id": ...} author/publisher references by the objects of the @graph."""
    resolved = dict(node)
    for key in ("author", "creator", "publisher"):
        value = node.get(key)
        if isinstance(value, list):
            resolved[key] = [_deref(v, by_id) for v in value]
        elif value is not None:
            resolved[key] = _deref(value, by_id)
    return resolved


def _deref(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    ref = value.get("@id") if isinstance(value, dict) else None
    if isinstance(ref, str) and set(value) <= {"@id", "@type"} and ref in by_id:
        return by_id[ref]
    return value


def _read_json_ld(obj: dict[str, Any], meta: PageMetadata) -> None:
    for key in ("headline", "name"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            meta.titles.append(Item(_clean(obj[key]), _json_origin(key)))
            break
    for key in ("author", "creator"):
        for name in _names(obj.get(key)):
            meta.authors.append(Item(name, _json_origin(key)))
    for key, target in (("datePublished", meta.published), ("dateCreated", meta.published),
                        ("dateModified", meta.modified)):
        if isinstance(obj.get(key), str) and obj[key].strip():
            target.append(Item(obj[key].strip(), _json_origin(key)))
    for name in _names(obj.get("publisher")):
        meta.publishers.append(Item(name, _json_origin("publisher")))


def _names(value: Any) -> Iterator[str]:
    """Names in a JSON-LD author/publisher value: a string, an object or a list of them."""
    values = value if isinstance(value, list) else [value]
    for item in values[:20]:
        if isinstance(item, dict):
            item = item.get("name")
            if isinstance(item, list):  # some sites give {"name": ["A", "B"]}
                item = ", ".join(x for x in item if isinstance(x, str))
        if isinstance(item, str):
            name = _person(item)
            if name:
                yield name


def _json_origin(key: str) -> Origin:
    return {"kind": "json-ld", "field": key}


# --- meta tags, title, canonical -------------------------------------------------------

def _read_meta_tags(tree: Any, meta: PageMetadata) -> None:
    tags: dict[str, list[str]] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and content.strip():
            tags.setdefault(key, []).append(_clean(content))
    for key in _META_TITLE:
        meta.titles.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])
    # A page's JSON-LD names the writers; its meta author is then often the company.
    for key in _META_AUTHORS if not meta.authors else ():
        for value in tags.get(key, []):
            name = _person(value)
            if name:
                meta.authors.append(Item(name, _meta_origin(key)))
    for key in _META_PUBLISHED:
        meta.published.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])
    for key in _META_MODIFIED:
        meta.modified.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])
    for key in _META_SITE:
        meta.site_names.extend(Item(v, _meta_origin(key)) for v in tags.get(key, [])[:1])


def _read_time_element(tree: Any, meta: PageMetadata) -> None:
    """Microdata or a <time datetime> in the article, when no meta tag gives the date."""
    for el in tree.iterfind('.//*[@itemprop="datePublished"]'):
        value = el.get("datetime") or el.get("content") or el.text_content()
        if value and value.strip():
            meta.published.append(Item(_clean(value), {"kind": "element", "element": el.tag,
                                                       "field": "datePublished"}))
            return
    for el in tree.iterfind(".//article//time[@datetime]"):
        meta.published.append(Item(_clean(el.get("datetime")),
                                   {"kind": "element", "element": "time", "field": "datetime"}))
        return


def _meta_origin(key: str) -> Origin:
    return {"kind": "meta", "field": key}


def _read_title_element(tree: Any, meta: PageMetadata) -> None:
    title = tree.find(".//title")
    if title is not None and title.text and title.text.strip():
        meta.titles.append(Item(_clean(title.text), {"kind": "element", "element": "title"}))


def _canonical(tree: Any, url: str | None) -> Item | None:
    for el in tree.iterfind(".//link[@href]"):
        rel = (el.get("rel") or "").lower().split()
        if "canonical" in rel and el.get("href", "").strip():
            return Item(_absolute(el.get("href"), url), {"kind": "link", "field": "canonical"})
    for el in tree.iterfind(".//meta[@content]"):
        if (el.get("property") or el.get("name") or "").lower() == "og:url":
            return Item(_absolute(el.get("content"), url), _meta_origin("og:url"))
    return None


# --- provenance ------------------------------------------------------------------------

def to_provenance(meta: PageMetadata, links: Iterable[tuple[str, str]],
                  base: dict[str, Any]) -> dict[str, Any]:
    """The report's provenance from the page's metadata, the (href, anchor text) links of
    the kept article blocks, and ``base``: what audit.provenance read from the blocks
    (bylines, credits, author box, labels). Metadata wins where both have a value: the
    page states it for machines, while a byline's date is parsed from free text."""
    prov = dict(base)
    if meta.titles:
        prov["title"] = {"text": meta.titles[0].value, "origin": meta.titles[0].origin}
    prov["authors"] = _unique_named([*meta.authors, *_items(base.get("authors", []))])
    for key, items in (("published", meta.published), ("modified", meta.modified)):
        found = _date(items) if items else None
        # A date the page's own byline gives beats one htmldate searched out.
        if found is not None and not (found["origin"]["kind"] == "search" and prov.get(key)):
            prov[key] = found
    if meta.publishers:
        prov["publisher"] = {"name": meta.publishers[0].value, "origin": meta.publishers[0].origin}
    prov["site_names"] = _unique_named([*meta.site_names, *_items(base.get("site_names", []))])
    if meta.canonical is not None:
        prov["canonical_url"] = meta.canonical.value
    written = [(link["url"], link["text"]) for link in base.get("outbound_links", [])]
    prov["outbound_links"] = outbound_links([*links, *written], meta.page_url)
    return prov


def _items(named: list[dict[str, Any]]) -> list[Item]:
    return [Item(n["name"], n["origin"]) for n in named]


def _unique_named(items: list[Item]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.value.casefold()
        if key not in seen:
            seen.add(key)
            out.append({"name": item.value, "origin": item.origin})
    return out


def _date(items: list[Item]) -> dict[str, Any] | None:
    """The first date that parses to a possible day, else the first one that is no
    placeholder as raw text (None when all are placeholders or impossible)."""
    for item in items:
        if _valid_date(item.value):
            return {"iso": parse_date(item.value), "raw": item.value,
                    "origin": item.origin} | _local(item, items)
    for item in items:
        if parse_date(item.value) is None:
            return {"iso": None, "raw": item.value, "origin": item.origin}
    return None


def _local(chosen: Item, items: list[Item]) -> dict[str, Any]:
    """The same instant as ``chosen`` written with the page's own UTC offset, when
    ``chosen`` is in UTC and another item gives it so: its calendar day is the page's."""
    instant = _instant(chosen.value)
    if instant is None or instant.utcoffset() != timedelta(0):
        return {}
    for item in items:
        other = _instant(item.value)
        if other is not None and other == instant and other.utcoffset() != timedelta(0):
            return {"iso": parse_date(item.value), "raw": item.value, "origin": item.origin}
    return {}


def _instant(raw: str) -> datetime | None:
    iso = parse_date(raw)
    if iso is None or "T" not in iso:
        return None
    moment = datetime.fromisoformat(iso)
    return moment if moment.tzinfo is not None else None


# Dates before this year are templates' placeholders ("0001-01-01T00:00:00Z") or typing
# errors on news pages; so is a date more than a day ahead of the machine's clock.
FIRST_YEAR = 1990


def _valid_date(raw: str) -> bool:
    iso = parse_date(raw)
    if iso is None or int(iso[:4]) < FIRST_YEAR:
        return False
    return iso[:10] <= (datetime.now(timezone.utc) + timedelta(days=1)).date().isoformat()


def outbound_links(links: Iterable[tuple[str, str]], page_url: str | None) -> list[dict[str, str]]:
    """http(s) links whose site differs from the page's own (all of them when the page's
    URL is unknown), resolved against the page URL, first occurrence of each URL kept."""
    own_host = _split(page_url)[1] if page_url else ""
    own = site_key(own_host) if own_host else ""
    seen: set[str] = set()
    out = []
    for href, text in links:
        absolute = _absolute(href, page_url)
        scheme, host = _split(absolute)
        if scheme not in ("http", "https") or not host or absolute in seen:
            continue
        if own and site_key(host) == own:
            continue
        seen.add(absolute)
        out.append({"url": absolute, "domain": host.removeprefix("www."), "text": _clean(text)})
    return out


def _split(url: str) -> tuple[str, str]:
    """(scheme, lower-case host) of a URL; empty strings when it does not parse."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").lower()
    except ValueError:
        return "", ""


# Second-level labels under which country domains register names (bbc.co.uk, uol.com.br).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gob"})


def site_key(host: str) -> str:
    """The registrable part of a host name, by a small rule instead of the public suffix
    list: news.bbc.co.uk -> bbc.co.uk, blogs.nytimes.com -> nytimes.com."""
    labels = host.lower().strip(".").split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


# --- small helpers ---------------------------------------------------------------------

def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _person(text: str) -> str | None:
    """A name as pages write it, without "By" and an affiliation after a bar, and in
    reading order: "By Amy Doe | NJ Advance Media" -> "Amy Doe", "Doe, Amy" -> "Amy Doe".
    None for URLs (article:author often is one)."""
    name = _clean(_BY.sub("", text.split("|")[0]))
    last, comma, first = name.partition(",")
    if comma and "," not in first and 0 < len(last.split()) <= 2 and 0 < len(first.split()) <= 3:
        name = f"{first.strip()} {last.strip()}"
    return name if name and not _is_url(name) else None


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "//", "www."))


def _absolute(href: str, base: str | None) -> str:
    href = href.strip()
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


# --- dates -----------------------------------------------------------------------------

# Formats seen in meta tags besides ISO 8601 and RFC 2822, tried in order.
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d",
                 "%Y.%m.%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
                 "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M %p", "%B %d, %Y, %I:%M %p", "%Y%m%d")


def parse_date(raw: str) -> str | None:
    """ISO 8601 for a date as pages write it, or None when it does not parse.

    A date without a time stays a date ("2019-11-19"); a time keeps its UTC offset when
    the page gives one."""
    text = raw.strip()
    if not text or len(text) > 64:
        return None
    parsed = _parse_iso(text) or _parse_rfc2822(text) or _parse_formats(text)
    zone = _ZONE.search(text) if parsed is None or parsed.tzinfo is None else None
    if zone:  # "June 5, 2024 10:05 AM CDT"
        local = _parse_formats(text[:zone.start()].rstrip(" ,"))
        if local is not None:
            parsed = local.replace(tzinfo=timezone(timedelta(hours=_ZONES[zone[1].upper()])))
    if parsed is None or not 1 <= parsed.year <= 2100:
        return None
    has_time = ":" in text
    return parsed.isoformat() if has_time else parsed.date().isoformat()


# Time zone abbreviations pages write after a time, and their UTC offsets in hours.
_ZONES = {"UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
          "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "WET": 0,
          "WEST": 1, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3,
          "MSK": 3, "IST": 5.5, "WIB": 7, "SGT": 8, "HKT": 8, "JST": 9, "KST": 9, "AEST": 10,
          "AEDT": 11, "NZST": 12, "NZDT": 13}
_ZONE = re.compile(r"\s(" + "|".join(_ZONES) + r")\s*$", re.IGNORECASE)


def _parse_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None


def _parse_rfc2822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _parse_formats(text: str) -> datetime | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None
