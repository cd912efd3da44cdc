"""Small text helpers of the page readers.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

from audit import bylines
from audit.sentences import whitespace_words

_SPACE = re.compile(r"\s+")


def folded_key(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def clean(text: str) -> str:
    """Spaces collapsed and HTML entities decoded: pages escape them twice in meta tags
    and JSON-LD ("&#8216;The Medium&#8217;", "&amp;quot;")."""
    if "&" in text:
        text = html.unescape(html.unescape(text))
    return _SPACE.sub(" ", text).strip()


def person(text: str) -> str | None:
    """A name as pages write it, without "By" and an affiliation after a bar, and in
    reading order: "By Amy Doe | NJ Advance Media" -> "Amy Doe", "Doe, Amy" -> "Amy Doe".
    None for URLs (article:author often is one)."""
    name = clean(bylines.OPENER.sub("", text.split("|")[0]))
    last, comma, first = name.partition(",")
    if comma and "," not in first and 0 < whitespace_words(last) <= 2 \
            and 0 < whitespace_words(first) <= 3:
        name = f"{first.strip()} {last.strip()}"
    return name if name and not is_url(name) else None


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "//", "www."))


def absolute_url(href: str, base: str | None) -> str:
    href = href.strip()
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href
