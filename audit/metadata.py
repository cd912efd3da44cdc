"""What an HTML page says about itself: JSON-LD, meta tags, the canonical link.

``read_metadata(tree, url)`` reads a parsed page once, without changing it, and
returns a ``PageMetadata`` whose every value remembers where it was read (the
report's ``origin``). ``to_provenance`` turns it, with the links of the kept article
blocks, into the article's ``Provenance`` (audit.model).

lxml is used directly rather than BeautifulSoup: the page is already parsed by lxml
for extraction, and building a BeautifulSoup tree costs about as much as the whole
extraction (measured 24 ms/page against 25 ms for trafilatura on the benchmark).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from audit import bylines, lang, model
from audit.decode import without_surrogates
from audit.model import DateItem, Link, Named, OriginKind, Provenance, TitleItem
from audit.sentences import whitespace_words

Origin = dict[str, Any]  # as read; audit.model.Origin in the provenance (``_origin``)

# schema.org types whose object describes the article itself.
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
    "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "scholarlyarticle", "techarticle", "report", "satiricalarticle", "advertisercontentarticle",
})
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
    # Where authors were read before ``_choose_authors`` picks ``authors`` among them.
    json_orgs: list[Item] = field(default_factory=list)  # JSON-LD authors typed Organization
    meta_authors: list[Item] = field(default_factory=list)
    byline_authors: list[Item] = field(default_factory=list)  # byline elements
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
    _choose_authors(meta, tree)
    _split_site_names(meta, tree)
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
    """A date searched for when the page states none for machines, in the order that was
    right most often on the development pages: one written in the <title> ("... | DW |
    28.04.2023"), one in a dateline under the headline, one the page labels as the
    publication's anywhere ("Erschienen am: 01.11.2023"), then htmldate's quick search
    (abbr and time elements, date-like classes; original_date=True). Its extensive search
    is not used: it loads dateparser (4.6 s on first use) and was right on 17 of the 25
    pages only it answered."""
    title = tree.find(".//title")
    in_title = written_date(title.text) if title is not None and title.text else None
    if in_title is not None and _valid_date(in_title[0]):
        meta.published.append(Item(in_title[0], {"kind": "element", "element": "title",
                                                 "text": in_title[1]}))
        return
    written = _date_under_heading(tree) or _labelled_date(tree)
    if written is not None:
        meta.published.append(written)
        return
    from htmldate import find_date  # imported on first use: most pages never need it

    try:
        found = find_date(tree, url=meta.page_url, original_date=True, extensive_search=False)
    except Exception:  # a third-party search failing on a hostile page finds nothing
        found = None
    # A bare "-01-01" is a year without a day (a copyright line) filled in by the search.
    if found and _valid_date(found) and not found.endswith("-01-01"):
        meta.published.append(Item(found, {"kind": "search", "field": "htmldate",
                                           "text": "quick"}))


# Month names of the pages' languages, from the language modules (audit/lang/), each once
# (languages share spellings: "april", "juli"); their first letters suffice when unambiguous.
_MONTH_NAMES = {month: " ".join(dict.fromkeys(name for months in lang.MONTHS.values()
                                              for name in months[month - 1].split()))
                for month in range(1, 13)}
_MONTH_OF = {name: month for month, names in _MONTH_NAMES.items() for name in names.split()}
# Every month name, longest first: the one list (stripping's date lines read it too).
MONTH_NAMES = tuple(sorted(_MONTH_OF, key=len, reverse=True))
MONTH_RE = "|".join(MONTH_NAMES)
_WRITTEN_DATES = (
    re.compile(r"\b(?P<d>\d{1,2})(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?(?P<m>" + MONTH_RE
               + r")\.?,?\s*(?:de\s+)?(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    # "March 5, 2024", "Jan. 5th 2024", "April -10-2024"
    re.compile(r"\b(?P<m>" + MONTH_RE + r")\.?\s*-?\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?\s*[,-]?\s*"
               r"(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<n>\d{1,2})\.(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<n>\d{1,2})-(?P<d>\d{1,2})\b"),  # "2023-11-07 15:03"
    # "17/02/2022": day first only where the day cannot be a month (US pages write 02/17)
    re.compile(r"\b(?P<d>1[3-9]|2\d|3[01])/(?P<n>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)\b"),
)
# How much of the page's text after its <h1> is searched for a written date.
DATE_SEARCH_CHARS = 4000
DATELINE_CHARS = 80


def _date_under_heading(tree: Any) -> Item | None:
    """A date written near the headline ("23. Juli 2017", "March 5, 2024"): the first
    in the page's <h1> or the text that follows it, where the byline and dateline are;
    else a date standing alone just above it (a topline: "<h3>21.01.2022</h3><h1>")."""
    heading = next((h for h in tree.iterfind(".//h1") if _headline_element(h)), None)
    if heading is None:  # a page whose headline is no <h1>: its first <h2>
        heading = next((h for h in tree.iterfind(".//h2") if _headline_element(h)), None)
    if heading is None:
        return None
    size = 0
    # The heading's own text first: a date set in it ("<h1><span>27.01.2022</span> ...").
    for text in heading.xpath("(descendant::text() | following::text())"
                              "[not(ancestor::script or ancestor::style)]"):
        size += len(text)
        if size > DATE_SEARCH_CHARS:
            break
        if len(text.strip()) > DATELINE_CHARS:
            continue  # a paragraph: a date in it is what the story tells
        found = written_date(_clean(text))
        if found is not None and _valid_date(found[0]):
            return Item(found[0], {"kind": "text", "field": "after-h1", "text": found[1]})
    above = heading.xpath("preceding::text()[normalize-space()]"
                          "[not(ancestor::script or ancestor::style)][position() <= 2]")
    for text in above:
        found = written_date(_clean(text))
        if found is not None and _valid_date(found[0]) and len(_clean(text)) <= TOPLINE_CHARS:
            return Item(found[0], {"kind": "text", "field": "above-h1", "text": found[1]})
    return None


# Words that label a date as the publication's, not as an update's ("Letzte Änderung").
_PUBLISHED_LABEL = re.compile(r"\b(?:" + lang.alternation("PUBLISHED_LABELS") + r")\b",
                              re.IGNORECASE)


def _labelled_date(tree: Any) -> Item | None:
    """The first date the page's text labels as the publication's: in the label's own
    short text ("Published 3 March 2020") or the next one ("<span>Erschienen am:</span>
    <h2>13.10.2021</h2>")."""
    body = tree.find(".//body")
    texts = (body if body is not None else tree).xpath(
        ".//text()[not(ancestor::script or ancestor::style)][normalize-space()]")
    for at, text in enumerate(texts):
        if len(text) > DATELINE_CHARS or not _PUBLISHED_LABEL.search(text):
            continue
        for candidate in (text, *texts[at + 1:at + 2]):
            found = written_date(_clean(candidate))
            if found is not None and len(candidate) <= DATELINE_CHARS and _valid_date(found[0]):
                return Item(found[0], {"kind": "text", "field": "labelled", "text": found[1]})
    return None


# A date alone above the headline: its text node holds little else ("Mo, 06.12.2022").
TOPLINE_CHARS = 30
# Headings for screen readers only ("<h1 class="aural">Navigation</h1>") are no headline.
_HIDDEN_CLASS = re.compile(r"\b(?:aural|sr-only|visually-hidden|visuallyhidden|screen-reader-text|"
                           r"screenreader|offscreen|hidden)\b", re.IGNORECASE)


def _headline_element(heading: Any) -> bool:
    return not _links_home(heading) and not _HIDDEN_CLASS.search(heading.get("class") or "")


def written_day(text: str) -> tuple[int, int, int, re.Match[str]] | None:
    """(year, month, day, the match) of the first date written out in ``text``, its
    numbers not yet checked: the one reading of written dates for metadata and bylines."""
    best = None
    for form in _WRITTEN_DATES:
        match = form.search(text)
        if match and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    parts = best.groupdict()
    month = int(parts["n"]) if parts.get("n") else _MONTH_OF[parts["m"].lower()]
    return int(parts["y"]), month, int(parts["d"]), best


def written_date(text: str) -> tuple[str, str] | None:
    """(ISO day, the words) of the first date written out in ``text``: "23. Juli 2017",
    "23 de julio de 2017", "March 5, 2024", "03.11.2021", "2023-11-07", "07 أكتوبر 2020"."""
    found = written_day(text)
    if found is None:
        return None
    year, month, day, match = found
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}", match.group()


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


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return without_surrogates(value)
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
        for name, org in _typed_names(obj.get(key)):
            (meta.json_orgs if org else meta.authors).append(Item(name, _json_origin(key)))
    for key, target in (("datePublished", meta.published), ("dateCreated", meta.published),
                        ("dateModified", meta.modified)):
        if isinstance(obj.get(key), str) and obj[key].strip():
            target.append(Item(obj[key].strip(), _json_origin(key)))
    for name in _names(obj.get("publisher")):
        meta.publishers.append(Item(name, _json_origin("publisher")))


def _names(value: Any) -> Iterator[str]:
    """Names in a JSON-LD publisher value: a string, an object or a list of them."""
    values = value if isinstance(value, list) else [value]
    for item in values[:20]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            name = _person(item)
            if name:
                yield name


_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation",
                        "organisation", "website", "localbusiness", "governmentorganization",
                        "educationalorganization", "ngo", "brand"})


def _typed_names(value: Any) -> Iterator[tuple[str, bool]]:
    """(name, whether typed as an organisation) for a JSON-LD author/publisher value."""
    values = value if isinstance(value, list) else [value]
    for item in values[:20]:
        org = False
        if isinstance(item, dict):
            org = bool(_types(item) & _ORG_TYPES)
            item = item.get("name")
            if isinstance(item, list):  # some sites give {"name": ["A", "B"]}
                item = ", ".join(x for x in item if isinstance(x, str))
        if isinstance(item, str):
            for name in split_names(item):
                yield name, org


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


def _read_time_element(tree: Any, meta: PageMetadata) -> None:
    """Microdata or a <time datetime> in the article, when no meta tag gives the date."""
    for el in tree.iterfind('.//*[@itemprop="datePublished"]'):
        value = el.get("datetime") or el.get("content") or el.text_content()
        if value and value.strip():
            meta.published.append(Item(_clean(value), {"kind": "element", "element": el.tag,
                                                       "field": "datePublished"}))
            return
    for el in tree.iterfind(".//article//time[@datetime]"):
        if next(el.iterancestors("li"), None) is not None:
            continue  # an article in a list is a teaser of another story
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


# --- titles ----------------------------------------------------------------------------

# What separates a headline from the site's name in a title: "Headline | Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·•»«›‹:~/]|//|::|[-–—])\s+")


def _split_site_names(meta: PageMetadata, tree: Any) -> None:
    """Titles without the site's name: "Headline | Site" -> "Headline", when the page's
    other metadata (og:site_name, publisher, the domain) or its <h1> confirms which part
    is the site. The part taken off is added to ``site_names``, with the title's origin."""
    sites = {_key(i.value) for i in [*meta.site_names, *meta.publishers]} - {""}
    host = _split(meta.page_url or "")[1]
    domain = site_key(host) if host else ""
    heading = next((_key(h.text_content()) for h in tree.iterfind(".//h1")
                    if not _links_home(h)), "")
    named = {_key(i.value) for i in meta.site_names}
    cleaned = []
    for item in meta.titles:
        headline, site = _headline(item.value, sites, domain, heading)
        if site and _key(site) not in named:
            meta.site_names.append(Item(site, item.origin))
            named.add(_key(site))
        cleaned.append(Item(headline, item.origin))
    meta.titles = cleaned


def _headline(title: str, sites: set[str], domain: str, heading: str) -> tuple[str, str | None]:
    """(headline, site name taken off or None) for one title."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title, None
    spans = list(_TITLE_SEPARATOR.finditer(title))
    for keep_first in (True, False):
        # The site's part: after the last separator, or before the first one.
        cut = spans[-1] if keep_first else spans[0]
        headline = title[:cut.start()] if keep_first else title[cut.end():]
        site = title[cut.end():] if keep_first else title[:cut.start()]
        if (_is_site(site, sites, domain) and headline.strip()
                and not _is_site(headline, sites, domain)):
            return _headline(headline.strip(), sites, domain, heading)[0], site.strip()
    if heading:
        for cut in spans:  # the <h1> says where the headline ends
            if _key(title[:cut.start()]) == heading:
                return title[:cut.start()].strip(), None
            if _key(title[cut.end():]) == heading:
                return title[cut.end():].strip(), None
    return title, None


def _links_home(heading: Any) -> bool:
    """Whether an <h1> is the site's logo: a link to the home page in or around it."""
    links = [a for a in heading.iterancestors("a")] + list(heading.iter("a"))
    return any(_path(a.get("href") or "") in ("", "/") and not
               (a.get("href") or "").startswith("#") for a in links)


def _path(href: str) -> str | None:
    """The path of a link; None when it does not parse ("http://[::1")."""
    try:
        return urlsplit(href).path
    except ValueError:
        return None


def _is_site(part: str, sites: set[str], domain: str) -> bool:
    key = _key(part)
    if not key or len(part) > 80:
        return False
    if key in sites or any(len(s) >= 3 and (s in key or key in s) for s in sites):
        return True
    label = _key(domain.split(".")[0]) if domain else ""
    return bool(label) and len(label) >= 3 and (label in key or key in _key(domain))


# --- authors ---------------------------------------------------------------------------

# Words before a name in a byline or an author field, in every language (audit/lang:
# BYLINE_LEADS, BYLINE_FROM, AUTHOR_LABELS, AUTHOR_WORDS).
_CUE = re.compile(
    r"^\s*(?:(?:" + lang.alternation("BYLINE_LEADS") + r")\s*)?"
    r"(?:" + "|".join(bylines.BY_WORDS) + "|" + lang.alternation("BYLINE_FROM") + r")\s*:?\s+"
    r"|^\s*(?:" + lang.alternation("AUTHOR_LABELS") + r")\s*[:：]\s*"
    r"|^\s*(?:" + lang.alternation("AUTHOR_WORDS") + r")\s+(?=\S)", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w+")
_EMAIL_ANY = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_BRACKETS = re.compile(r"\s*[(\[][^)\]]{0,40}[)\]]")
# Where a byline's name ends: a bar, a bullet, a date or time, a label ("Updated:",
# "Source:", "Photo:"), "published", a line break (the words: audit/lang).
_PUBLISHED = lang.alternation("PUBLISHED_WORDS")
_NAME_STOP = re.compile(
    r"\s*(?:[|•·»\n→]|\s[-–—]\s+(?=\d|\w+\.? \d)|\s\S*\d|\b\d{4}\b|"
    r"\b(?:" + lang.alternation("UPDATED_LABELS") + "|" + lang.alternation("SOURCE_LABELS")
    + r"|(?:" + lang.alternation("PHOTO_WORDS") + r")s?)\s*:|"
    r"\s(?:" + _PUBLISHED + r")\b|"
    r"\b(?:" + _PUBLISHED + "|" + lang.alternation("DATE_ON") + r")\b\s+\d).*$",
    re.IGNORECASE | re.DOTALL)
# What joins two names: a semicolon, "&", "and" in any language (audit/lang: NAME_AND).
_NAMES_AND = lang.alternation("NAME_AND")
_AND = re.compile(r"\s*(?:;|&|\s(?:" + _NAMES_AND + r")\s|,\s*(?:" + _NAMES_AND + r")\s)\s*",
                  re.IGNORECASE)
# Roles and credits after a name: "Jane Doe, Senior Reporter", "Max Muster, Redakteur".
_ROLE = re.compile(
    r"^(?:(?:" + lang.alternation("JOB_TITLE_LEADS") + r")\s+)*"
    r"(?:" + lang.alternation("JOB_TITLES") + r")\b.*$", re.IGNORECASE)


def split_names(text: str) -> list[str]:
    """The people an author field or byline names, cleaned: "By A and B" -> [A, B],
    "Elena Oberholzer (obe)" -> Elena Oberholzer, "Doe, Amy" -> Amy Doe, "Jane Doe,
    Reporter" -> Jane Doe; handles, e-mail addresses, URLs and numeric ids are dropped."""
    text = _clean(text)
    if not text or _is_url(text) or len(text) > 200:
        return []
    text = _BRACKETS.sub("", _EMAIL_ANY.sub(" ", _HANDLE.sub(" ", text)))
    for _ in range(2):
        text = _CUE.sub("", text, count=1)
    text = _NAME_TAIL.sub("", _NAME_STOP.sub("", text)).strip(" ,;:-–—")
    last, comma, first = text.partition(",")
    if (comma and "," not in first and whitespace_words(last) == 1
            and 0 < whitespace_words(first) <= 2 and not _ROLE.match(first.strip())):
        text = f"{first.strip()} {last.strip()}"  # "Doe, Amy"
    names: list[str] = []
    pieces = [piece for part in _AND.split(text) for piece in part.split(",")]
    for piece in pieces:
        name = _clean(piece).strip(" .:-–—~'\"")
        if _ROLE.match(name) and len(pieces) > 1:
            continue  # a role after a name; "Redaktion" alone is the byline
        name = _clean(_ROLE_TAIL.sub("", name))
        if _plausible_name(name) and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


_ROLE_TAIL = re.compile(r"\s+(?:" + lang.alternation("JOB_TITLE_TAILS") + ")$", re.IGNORECASE)


# Words that are never (part of) a byline's name: labels left around it.
_NOT_NAME = re.compile(
    r"^(?:" + "|".join(bylines.BY_WORDS) + "|" + lang.alternation("NOT_NAMES") + r")\b",
    re.IGNORECASE)
# Words after a name in a byline element: its links to the author's page.
_NAME_TAIL = re.compile(r"\s+(?:" + lang.alternation("AUTHOR_LINKS") + r")\b.*$", re.IGNORECASE)


# Month names left of a byline's date ("Dezember 10"): never a name alone.
_MONTH_WORD = re.compile(r"(?:" + MONTH_RE + r")\.?", re.IGNORECASE)


def _plausible_name(name: str) -> bool:
    if (len(name) < (2 if name.isupper() else 3) or whitespace_words(name) > 6 or _is_url(name)
            or _NOT_NAME.match(name) or _MONTH_WORD.fullmatch(name)):
        return False
    digits = sum(c.isdigit() for c in name)
    return digits == 0 or (digits <= 2 and len(name) > 8)


# Classes of elements that hold a byline, and classes of those that do not although they
# say "author" (a comment's author, the author's picture, biography or social links).
_BYLINE_CLASS = re.compile(r"byline|\bbyl\b|" + lang.alternation("BYLINE_CLASS_WORDS"),
                           re.IGNORECASE)
_MAY_BYLINE = re.compile("byl|" + lang.alternation("BYLINE_CLASS_WORDS"))
_NOT_BYLINE_CLASS = re.compile(
    r"comment|avatar|image|img|photo|picture|bio|desc|social|share|follow|widget|date|time|"
    r"label|job|role|title|more|list|count|icon|form|hidden|sr-only|visually", re.IGNORECASE)
# Only marks that never hold the article itself: layouts call the article's own column
# "sidebar" or its head "teaser" too (measured).
_FURNITURE_ANCESTOR = re.compile(r"comment|related|recommend|respond|newsletter|popular|"
                                 r"trending|(?<![a-z])(?:menu|navbar)(?![a-z])", re.IGNORECASE)
_SKIP_TAGS = frozenset({"script", "style", "meta", "link", "input", "label", "img", "button",
                        "option", "select", "form", "textarea", "noscript", "svg", "body",
                        "html", "head", "article", "main", "section", "ul", "ol", "nav",
                        "header", "footer", "aside", "figure", "figcaption", "time"})
MAX_BYLINE_CHARS = 120


def byline_elements(tree: Any) -> list[Item]:
    """Names in the page's byline elements: microdata author, rel="author" links, and
    elements whose class names an author or byline (not a comment's, not in a teaser).
    The first such element is read, with the others that sit in the same short byline."""
    found: list[Any] = []
    for el in tree.iter():
        # Most elements are decided by the cheap tests here (a page has hundreds).
        marks, prop = el.get("class"), el.get("itemprop")
        ident = el.get("id")
        if not ((prop and "uthor" in prop) or (el.tag == "a" and "author" in (el.get("rel") or ""))
                or ((marks or ident) and _MAY_BYLINE.search(f"{marks} {ident}".lower()))):
            continue
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP_TAGS:
            continue
        how = _byline_kind(el)
        if how is None:
            continue
        if found:
            first, kind, _ = found[0]
            nested = any(a is first for a in el.iterancestors())
            if not nested and (how, el.get("class"), el.tag) != (kind, first.get("class"),
                                                                first.tag):
                continue
            if not nested and not _same_byline(first, el):
                break
        if _in_furniture(el):
            continue
        text = _clean(el.text_content())
        # The byline starts at an element naming someone (not at its "By" label).
        if 2 <= len(text) <= MAX_BYLINE_CHARS and (found or split_names(text)):
            found.append((el, how, text))
    # A byline holding name elements is read from those: "By <a>A</a> and <a>B</a>".
    # (a set of the elements themselves: an id() of a freed lxml proxy is reused)
    inner = {p for el, _, text in found if split_names(text) for p in el.iterancestors()}
    items: list[Item] = []
    seen: set[str] = set()
    for el, how, text in found:
        if el in inner:
            continue
        for name in split_names(text):
            if name.casefold() not in seen:
                seen.add(name.casefold())
                items.append(Item(name, {"kind": "element", "element": el.tag, "field": how,
                                         "text": text}))
    return items


def _byline_kind(el: Any) -> str | None:
    if "author" in (el.get("itemprop") or "").lower():
        return "itemprop"
    if el.tag == "a" and "author" in (el.get("rel") or "").lower().split():
        return "rel"
    for how in ("class", "id"):
        marks = el.get(how) or ""
        if marks and _BYLINE_CLASS.search(marks) and not _NOT_BYLINE_CLASS.search(marks):
            return how
    return None


def _in_furniture(el: Any) -> bool:
    """Whether an element naming an author sits in furniture: a comment, a related list,
    a menu, or an image's credit (microdata author of an ImageObject, a figure)."""
    for parent in el.iterancestors():
        if parent.tag in ("body", "html"):
            break
        if parent.tag in ("figure", "figcaption") or "ImageObject" in (parent.get("itemtype")
                                                                        or ""):
            return True
        marks = f"{parent.get('class') or ''} {parent.get('id') or ''}"
        if parent.tag in ("footer", "aside", "nav") or (marks.strip()
                                                        and _FURNITURE_ANCESTOR.search(marks)):
            return True
    return False


def _same_byline(first: Any, el: Any) -> bool:
    """Whether ``el`` is in ``first``'s byline: inside it, or under a common ancestor
    whose text is short."""
    ancestors = set(first.iterancestors())
    for parent in el.iterancestors():
        if parent is first:
            return True
        if parent in ancestors:
            return len(parent.text_content()) <= 2 * MAX_BYLINE_CHARS
    return False


def _choose_authors(meta: PageMetadata, tree: Any) -> None:
    """The page's authors: JSON-LD persons, else meta tags, else the byline elements
    (searched only then: a walk over the whole page), and only then an organisation named
    as the author (kept: some pages have no other). A name that is the site, the
    publisher or a domain is taken as an organisation."""
    orgs = {_key(i.value) for i in [*meta.site_names, *meta.publishers]}
    host = _split(meta.page_url or "")[1]
    if host:
        orgs.add(_key(site_key(host).split(".")[0]))

    def person(item: Item) -> bool:
        key = _key(item.value)
        return (bool(key) and key not in orgs and key not in _PLACEHOLDERS
                and not _DOMAIN.search(item.value))

    for source in (meta.authors, meta.meta_authors, None):
        if source is None:
            meta.byline_authors = source = byline_elements(tree)
        people = [i for i in source if person(i)]
        if people:
            meta.authors = _dedupe(people)
            return
    for source in (meta.authors, meta.json_orgs, meta.meta_authors, meta.byline_authors):
        named = [i for i in source if _key(i.value) not in _PLACEHOLDERS]
        if named:
            meta.authors = _dedupe(named)
            return
    meta.authors = []


def is_placeholder_name(name: str) -> bool:
    """Whether an author's name is one content systems fill in for nobody ("admin")."""
    return _key(name) in _PLACEHOLDERS


# Author names content systems fill in for nobody.
_PLACEHOLDERS = frozenset({"admin", "administrator", "wordpressadmin", "noauthor", "unknown",
                           "jdadmin", "siteadmin", "superadmin",
                           "anonymous", "user", "guest", "webmaster", "editor", "null", "none"})


_DOMAIN = re.compile(r"\w\.(?:com|de|at|ch|org|net|fr|it|es|uk|co|nl|se|no|dk|pl|ru|br|"
                     r"in|jp|cn|tv|info|online|news)\b|\bwww\.", re.IGNORECASE)


def _key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _dedupe(items: list[Item]) -> list[Item]:
    """The first of the items naming the same letters ("Sophie Foster", "sophie-foster")."""
    seen: set[str] = set()
    out = []
    for item in items:
        if _key(item.value) not in seen:
            seen.add(_key(item.value))
            out.append(item)
    return out


# --- provenance ------------------------------------------------------------------------

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
        key = _key(item.value) or item.value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(Named(item.value, _origin(item)))
    return tuple(out)


def _date(items: list[Item]) -> DateItem | None:
    """The first date that parses to a possible day, else the first one that is no
    placeholder as raw text (None when all are placeholders or impossible)."""
    for item in items:
        if _valid_date(item.value):
            return _local(item, items) or DateItem(parse_date(item.value), item.value,
                                                   _origin(item))
    for item in items:
        if parse_date(item.value) is None:
            return DateItem(None, item.value, _origin(item))
    return None


def _local(chosen: Item, items: list[Item]) -> DateItem | None:
    """The same instant as ``chosen`` written with the page's own UTC offset, when
    ``chosen`` is in UTC and another item gives it so: its calendar day is the page's."""
    instant = _instant(chosen.value)
    if instant is None or instant.utcoffset() != timedelta(0):
        return None
    for item in items:
        other = _instant(item.value)
        if other is not None and other == instant and other.utcoffset() != timedelta(0):
            return DateItem(parse_date(item.value), item.value, _origin(item))
    return None


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
    return iso[:10] <= (datetime.now(UTC) + timedelta(days=1)).date().isoformat()


def outbound_links(links: Iterable[tuple[str, str]], page_url: str | None) -> list[Link]:
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
        out.append(Link(url=absolute, domain=host.removeprefix("www."), text=_clean(text)))
    return out


def _split(url: str) -> tuple[str, str]:
    """(scheme, lower-case host) of a URL; empty strings when it does not parse."""
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").lower()
    except ValueError:
        return "", ""


@lru_cache(maxsize=4096)
def site_key(host: str) -> str:
    """The registrable part of a host name, by the public suffix list (the ``tld`` package,
    installed with trafilatura, reads its own copy: nothing is downloaded):
    news.bbc.co.uk -> bbc.co.uk, blogs.nytimes.com -> nytimes.com, www.abc.net.au ->
    abc.net.au. A host the list cannot place (an address, "localhost") is its own key."""
    from tld import get_fld  # imported on first use: 30 ms to read the list, HTML pages only

    host = host.lower().strip(".")
    return get_fld(host, fix_protocol=True, fail_silently=True) or host


# --- small helpers ---------------------------------------------------------------------

def _clean(text: str) -> str:
    """Spaces collapsed and HTML entities decoded: pages escape them twice in meta tags
    and JSON-LD ("&#8216;The Medium&#8217;", "&amp;quot;")."""
    if "&" in text:
        text = html.unescape(html.unescape(text))
    return _SPACE.sub(" ", text).strip()


def _person(text: str) -> str | None:
    """A name as pages write it, without "By" and an affiliation after a bar, and in
    reading order: "By Amy Doe | NJ Advance Media" -> "Amy Doe", "Doe, Amy" -> "Amy Doe".
    None for URLs (article:author often is one)."""
    name = _clean(bylines.OPENER.sub("", text.split("|")[0]))
    last, comma, first = name.partition(",")
    if comma and "," not in first and 0 < whitespace_words(last) <= 2 \
            and 0 < whitespace_words(first) <= 3:
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
# A day written with a month name and no time ("March 5, 2024", "5 mars 2024") is read by
# written_date, whose month names are those of many languages.
_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d",
                 "%Y.%m.%d", "%d.%m.%Y", "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M %p",
                 "%B %d, %Y, %I:%M %p", "%Y%m%d")


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
    if parsed is None and any(c.isalpha() for c in text):  # "الأربعاء، 07 أكتوبر 2020"
        written = written_date(text)
        return written[0] if written is not None else None
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
