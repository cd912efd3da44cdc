"""Sites and links: the registrable key of a host and the article's outbound links.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from audit.metadata.text import absolute_url, clean, folded_key
from audit.model import Link


def links_home(heading: Any) -> bool:
    """Whether an <h1> is the site's logo: a link to the home page in or around it."""
    links = [a for a in heading.iterancestors("a")] + list(heading.iter("a"))
    return any(_path(a.get("href") or "") in ("", "/") and not
               (a.get("href") or "").startswith("#") for a in links)


def home_link_names(tree: Any, host: str) -> set[str]:
    """The folded texts (and image alt texts) of the page's links to its own home page:
    the logo or the site's title, which name the site."""
    names: set[str] = set()
    for link in tree.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith("#") or _path(href) not in ("", "/") \
                or scheme_and_host(href)[1] not in ("", host):
            continue
        for text in (link.text_content(), *(img.get("alt") or "" for img in link.iter("img"))):
            if len(text) <= 80 and folded_key(text):
                names.add(folded_key(text))
    return names


def _path(href: str) -> str | None:
    """The path of a link; None when it does not parse ("http://[::1")."""
    try:
        return urlsplit(href).path
    except ValueError:
        return None


def outbound_links(links: Iterable[tuple[str, str]], page_url: str | None) -> list[Link]:
    """http(s) links whose site differs from the page's own (all of them when the page's
    URL is unknown), resolved against the page URL, first occurrence of each URL kept."""
    own_host = scheme_and_host(page_url)[1] if page_url else ""
    own = site_key(own_host) if own_host else ""
    seen: set[str] = set()
    out = []
    for href, text in links:
        absolute = absolute_url(href, page_url)
        scheme, host = scheme_and_host(absolute)
        if scheme not in ("http", "https") or not host or absolute in seen:
            continue
        if own and site_key(host) == own:
            continue
        seen.add(absolute)
        out.append(Link(url=absolute, domain=host.removeprefix("www."), text=clean(text)))
    return out


def scheme_and_host(url: str) -> tuple[str, str]:
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
