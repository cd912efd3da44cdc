"""Titles and names: the headline and the site's name split out of "Headline | Site", the
visible headline deciding among the titles, and the publisher agreed on among the names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from audit.metadata.records import Item, PageMetadata
from audit.metadata.sites import home_link_names, links_home, scheme_and_host, site_key
from audit.metadata.text import clean, folded_key, is_url
from audit.sentences import whitespace_words

# What separates a headline from the site's name in a title: "Headline | Site".
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·•»«›‹:~/]|//|::|[-–—])\s+")


def split_site_names(meta: PageMetadata, tree: Any) -> None:
    """Titles without the site's name: "Headline | Site" -> "Headline", when the page's
    other metadata (og:site_name, publisher, the domain) or its <h1> confirms which part
    is the site. The part taken off is added to ``site_names``, with the title's origin."""
    sites = {folded_key(i.value) for i in [*meta.site_names, *meta.publishers]} - {""}
    host = scheme_and_host(meta.page_url or "")[1]
    domain = site_key(host) if host else ""
    heading = next((folded_key(h.text_content()) for h in tree.iterfind(".//h1")
                    if not links_home(h)), "")
    named = {folded_key(i.value) for i in meta.site_names}
    found: list[set[str]] = []

    def home() -> set[str]:  # read once, when no other metadata confirms a site's part
        if not found:
            found.append(home_link_names(tree, host))
        return found[0]

    cleaned = []
    for item in meta.titles:
        headline, site = _headline(item.value, sites, domain, heading, home)
        if site and folded_key(site) not in named:
            meta.site_names.append(Item(site, item.origin))
            named.add(folded_key(site))
        cleaned.append(Item(headline, item.origin))
    meta.titles = cleaned


def _headline(title: str, sites: set[str], domain: str, heading: str,
              home: Callable[[], set[str]] = frozenset) -> tuple[str, str | None]:
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
    for cut in spans:  # a link to the home page names the site: "Headline | Site"
        if folded_key(title[cut.end():]) in home() and title[:cut.start()].strip():
            return title[:cut.start()].strip(), title[cut.end():].strip()
        if folded_key(title[:cut.start()]) in home() and title[cut.end():].strip():
            return title[cut.end():].strip(), title[:cut.start()].strip()
    if heading:
        for cut in spans:  # the <h1> says where the headline ends
            if folded_key(title[:cut.start()]) == heading:
                return title[:cut.start()].strip(), None
            if folded_key(title[cut.end():]) == heading:
                return title[cut.end():].strip(), None
    return title, None


def _is_site(part: str, sites: set[str], domain: str) -> bool:
    key = folded_key(part)
    if not key or len(part) > 80:
        return False
    if key in sites or any(len(s) >= 3 and (s in key or key in s) for s in sites):
        return True
    label = folded_key(domain.split(".")[0]) if domain else ""
    return bool(label) and len(label) >= 3 and (label in key or key in folded_key(domain))


# Typographic marks a page's machine-readable titles often flatten ("'" for "’").
_PLAIN_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "´": "'", "`": "'",
                              "“": '"', "”": '"', "„": '"', "‟": '"', "–": "-", "—": "-"})


def prefer_headline(meta: PageMetadata, tree: Any) -> None:
    """The visible headline, the page's first <h1> (not a logo linking home), decides
    between the titles read, when it agrees with them:
    - a title read elsewhere that is the <h1> comes first (JSON-LD's headline or
      og:title is often a search engine's version, the <title> the one shown);
    - the <h1> replaces the first title that is the same but for typographic marks
      ("'" for "’", "-" for "–"), or that adds a kicker or a tail to it ("Chronik: <h1>",
      "<h1> Rezept"): the <h1> of three words or more covers half of it or more;
    - with no JSON-LD headline (a deliberate statement), an <h1> of four words or more
      replaces an og:title or <title> of other wording on the same subject (a word of
      four letters or more shared), unless it is that title with a kicker."""
    if not meta.titles:
        return
    heading = next((h for h in (clean(e.text_content()) for e in tree.iterfind(".//h1")
                                if not links_home(e)) if h), "")
    if not heading:
        return
    key = _norm(heading)
    same = next((i for i, item in enumerate(meta.titles) if _norm(item.value) == key), None)
    if same is not None:
        meta.titles.insert(0, meta.titles.pop(same))
        return
    first = _norm(meta.titles[0].value)
    if (first.translate(_PLAIN_MARKS) == key.translate(_PLAIN_MARKS)
            or (whitespace_words(heading) >= 3 and 2 * len(key) >= len(first)
                and _edge_part(key, first))
            or (whitespace_words(heading) >= 4 and meta.titles[0].origin.get("kind") != "json-ld"
                and folded_key(first) not in folded_key(key) and _words(key) & _words(first))):
        meta.titles.insert(0, Item(heading, {"kind": "element", "element": "h1"}))


def _words(text: str) -> set[str]:
    """The words of four letters or more of a folded text."""
    return {w for w in _WORD.findall(text) if len(w) >= 4}


_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _edge_part(part: str, whole: str) -> bool:
    """Whether ``part`` begins or ends ``whole`` at a word's edge."""
    if whole.startswith(part):
        rest = whole[len(part):]
    elif whole.endswith(part):
        rest = whole[:len(whole) - len(part)]
    else:
        return False
    rest_next = rest[:1] if whole.startswith(part) else rest[-1:]
    return bool(rest) and not rest_next.isalnum()


def choose_publisher(meta: PageMetadata) -> None:
    """The site's and the publisher's names made comparable, then agreed on:
    - a site name given as an address ("https://www.example.at") is its host
      ("example.at"), as other pages name themselves ("example.de");
    - a site name of several parts ("Name – Other name – Third") is the part that is the
      domain's name, when one is;
    - the site's name wins over JSON-LD's publisher that holds it and more words: the
      company ("Ediciones El Diario S.L."), an edition or a label ("Diario Premium")."""
    host = scheme_and_host(meta.page_url or "")[1]
    label = folded_key(site_key(host).split(".")[0]) if host else ""
    named = []
    for item in meta.site_names:
        value = _site_name(item.value, label)
        if value and all(folded_key(value) != folded_key(n.value) for n in named):
            named.append(Item(value, item.origin) if value != item.value else item)
    meta.site_names = named
    if not meta.publishers:
        return
    words = _name_words(meta.publishers[0].value)
    for item in meta.site_names:
        part = _name_words(item.value)
        if part and len(part) < len(words) and any(
                words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1)):
            meta.publishers.insert(0, item)
            return


def _site_name(value: str, label: str) -> str:
    if is_url(value):
        return scheme_and_host(value if "//" in value else "//" + value)[1].removeprefix("www.")
    parts = _TITLE_SEPARATOR.split(value)
    if label and len(parts) > 1:
        own = [p for p in parts if folded_key(p) == label]
        if len(own) == 1:
            return own[0].strip()
    return value


def _name_words(name: str) -> list[str]:
    """The words of a name, casefolded: a domain ("example.de") is one word, no shorter
    name of the publisher ("Example Zeitung")."""
    return [w for w in (folded_key(w) for w in name.split()) if w]
