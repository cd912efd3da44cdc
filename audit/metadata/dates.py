"""Dates: the page's published date searched in its text when its metadata has none
(under the headline, labelled, in the URL), and the one parser of the dates read.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from audit import lang
from audit.metadata.records import Item, PageMetadata
from audit.metadata.sites import links_home
from audit.metadata.text import clean


def order_dates(meta: PageMetadata) -> None:
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


def search_date(tree: Any, meta: PageMetadata) -> None:
    """A date searched for when the page states none for machines, in the order that was
    right most often on the development pages: one written in the <title> ("... | DW |
    28.04.2023"), one in a dateline under the headline, one the page labels as the
    publication's anywhere ("Erschienen am: 01.11.2023"), then htmldate's quick search
    (abbr and time elements, date-like classes; original_date=True). Its extensive search
    is not used: it loads dateparser (4.6 s on first use) and was right on 17 of the 25
    pages only it answered."""
    title = tree.find(".//title")
    in_title = written_date(title.text) if title is not None and title.text else None
    if in_title is not None and valid_date(in_title[0]):
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
    if found and valid_date(found) and not found.endswith("-01-01"):
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
        found = written_date(clean(text))
        if found is not None and valid_date(found[0]):
            return Item(found[0], {"kind": "text", "field": "after-h1", "text": found[1]})
    above = heading.xpath("preceding::text()[normalize-space()]"
                          "[not(ancestor::script or ancestor::style)][position() <= 2]")
    for text in above:
        found = written_date(clean(text))
        if found is not None and valid_date(found[0]) and len(clean(text)) <= TOPLINE_CHARS:
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
            found = written_date(clean(candidate))
            if found is not None and len(candidate) <= DATELINE_CHARS and valid_date(found[0]):
                return Item(found[0], {"kind": "text", "field": "labelled", "text": found[1]})
    return None


# A date alone above the headline: its text node holds little else ("Mo, 06.12.2022").
TOPLINE_CHARS = 30


# Headings for screen readers only ("<h1 class="aural">Navigation</h1>") are no headline.
_HIDDEN_CLASS = re.compile(r"\b(?:aural|sr-only|visually-hidden|visuallyhidden|screen-reader-text|"
                           r"screenreader|offscreen|hidden)\b", re.IGNORECASE)


def _headline_element(heading: Any) -> bool:
    return not links_home(heading) and not _HIDDEN_CLASS.search(heading.get("class") or "")


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


def parse_instant(raw: str) -> datetime | None:
    iso = parse_date(raw)
    if iso is None or "T" not in iso:
        return None
    moment = datetime.fromisoformat(iso)
    return moment if moment.tzinfo is not None else None


# Dates before this year are templates' placeholders ("0001-01-01T00:00:00Z") or typing
# errors on news pages; so is a date more than a day ahead of the machine's clock.
FIRST_YEAR = 1990


def valid_date(raw: str) -> bool:
    iso = parse_date(raw)
    if iso is None or int(iso[:4]) < FIRST_YEAR:
        return False
    return iso[:10] <= (datetime.now(UTC) + timedelta(days=1)).date().isoformat()


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
