"""Authors: bylines in the page (elements, their classes and text) and in its metadata,
split into names and chosen.
"""

from __future__ import annotations

import re
from typing import Any

from audit import bylines, lang
from audit.metadata.dates import MONTH_RE
from audit.metadata.records import Item, PageMetadata
from audit.metadata.sites import scheme_and_host, site_key
from audit.metadata.text import clean, folded_key, is_url
from audit.sentences import whitespace_words

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
    text = clean(text)
    if not text or is_url(text) or len(text) > 200:
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
        name = clean(piece).strip(" .:-–—~'\"")
        if _ROLE.match(name) and len(pieces) > 1:
            continue  # a role after a name; "Redaktion" alone is the byline
        name = clean(_ROLE_TAIL.sub("", name))
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
    if (len(name) < (2 if name.isupper() else 3) or whitespace_words(name) > 6 or is_url(name)
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
        text = clean(el.text_content())
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


def choose_authors(meta: PageMetadata, tree: Any) -> None:
    """The page's authors: JSON-LD persons, else meta tags, else the byline elements
    (searched only then: a walk over the whole page), and only then an organisation named
    as the author (kept: some pages have no other). A name that is the site, the
    publisher or a domain is taken as an organisation."""
    orgs = {folded_key(i.value) for i in [*meta.site_names, *meta.publishers]}
    host = scheme_and_host(meta.page_url or "")[1]
    if host:
        orgs.add(folded_key(site_key(host).split(".")[0]))

    def person(item: Item) -> bool:
        key = folded_key(item.value)
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
        named = [i for i in source if folded_key(i.value) not in _PLACEHOLDERS]
        if named:
            meta.authors = _dedupe(named)
            return
    meta.authors = []


def is_placeholder_name(name: str) -> bool:
    """Whether an author's name is one content systems fill in for nobody ("admin")."""
    return folded_key(name) in _PLACEHOLDERS


# Author names content systems fill in for nobody.
_PLACEHOLDERS = frozenset({"admin", "administrator", "wordpressadmin", "noauthor", "unknown",
                           "jdadmin", "siteadmin", "superadmin",
                           "anonymous", "user", "guest", "webmaster", "editor", "null", "none"})


_DOMAIN = re.compile(r"\w\.(?:com|de|at|ch|org|net|fr|it|es|uk|co|nl|se|no|dk|pl|ru|br|"
                     r"in|jp|cn|tv|info|online|news)\b|\bwww\.", re.IGNORECASE)


def _dedupe(items: list[Item]) -> list[Item]:
    """The first of the items naming the same letters ("Sophie Foster", "sophie-foster")."""
    seen: set[str] = set()
    out = []
    for item in items:
        if folded_key(item.value) not in seen:
            seen.add(folded_key(item.value))
            out.append(item)
    return out
