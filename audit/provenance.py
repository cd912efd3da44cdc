"""Provenance: what the page says about where the article comes from.

``empty()`` is the provenance with nothing found; ``read(blocks, text, title)`` reads a
``Provenance`` (audit.model) from the roles stripping gave the blocks (title, bylines,
credits, author box, furniture) and from the article text (wire credits such as "(AP)",
outbound links). Every item carries its origin: the input line and block it was read from.

Most blocks of a page say nothing here: each reader picks its few blocks with cheap tests
(role, first character, a substring) before any regex runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from audit import bylines, lang
from audit.agencies import AGENCIES
from audit.joined import lines_containing
from audit.metadata import MONTH_RE, is_placeholder_name, split_names, written_day
from audit.model import (
    KEPT_ROLES,
    AuthorBio,
    Block,
    Credit,
    CreditKind,
    DateItem,
    Label,
    LabelItem,
    Link,
    Named,
    Origin,
    OriginKind,
    Provenance,
    Role,
    TitleItem,
)
from audit.sentences import whitespace_words

_I = re.IGNORECASE
_TIME = re.compile(r"\b(?P<h>\d{1,2}):(?P<m>\d{2})\s*(?P<ampm>[ap]\.?m\.?)?", _I)
# A month ends the name only as a date: a whole month word followed by a day or year
# ("April -10-2024", "Jan. 5"), so that "Jane Doe" or "May Smith" stay names.
_DATE_MONTH = r"\b(?:" + MONTH_RE + r")\.?\s{0,3}[-,]?\s{0,3}\d"
_NAME_END = re.compile(
    r"\s*(?:[|,/•·@(]|\s[-–—]\s|\bon\b|\d|" + _DATE_MONTH + r"|\b(?:"
    + lang.alternation("PUBLISHED_WORDS") + r")\b).*$", _I)
_JOB_TITLE = re.compile(
    r"(?:\s+(?:senior|staff|business|chief|contributing|political|deputy|managing|news|sports|"
    r"associate|executive|special|opinion))?\s+(?:writer|columnist|reporter|correspondent|editor|"
    r"contributor|producer)s?\b.*$", _I)
_UPDATED = re.compile(r"^(?:updated|last updated|modified)\b", _I)
# The label before a credited name ("Photo: ", "Source: ", "Übersetzt von "): the photo,
# source and translation labels of every language (audit/lang, the ones furniture reads).
_CREDIT_PREFIX = re.compile(
    r"^[(\[]?(?:(?:" + lang.alternation("PHOTO_WORDS") + r")s?\s*)?(?:credits?|courtesy(?: of)?|by|"
    + "|".join(lang.alternation(field) for field in (
        "SOURCE_LABELS", "TRANSLATED_BY", "TRANSLATION_LABELS"))
    + r")?\s*(?:[:：]|\.\.\.|…)?\s*", _I)
# A caption ending with its credit: "... He didn't get it. Credit... Doug Mills/The New York Times".
_CREDIT_TAIL = re.compile(r"\bcredit\s*(?:\.\.\.|…|:)\s*(\S[^.]{0,80})$", _I)
AGENCY_OF = {alias.casefold(): agency.name for agency in AGENCIES for alias in agency.aliases}
# Any agency's name, as a word, as written or in capitals ("ANTARA FOTO", "REUTERS"): for
# photo and source credits.
AGENCY_MENTION = re.compile(r"\b(?:" + "|".join(
    re.escape(name) for agency in AGENCIES for alias in agency.aliases
    for name in dict.fromkeys((alias, alias.upper()))) + r")\b")
_WIRES = "|".join(re.escape(alias) for agency in AGENCIES if agency.text
                  for alias in agency.aliases)
_WIRE = re.compile(r"\((?P<a>" + _WIRES + r")\)|(?:^|\s)[—–-]\s*(?P<b>" + _WIRES + r")\s*$|"
                   r"^(?P<c>" + _WIRES + r")\s*[—–]\s")
# What each of _WIRE's branches needs: a wire name in parentheses, or a block ending or
# starting with one. _WIRE itself is dear: its dash branch is tried at every space.
_WIRE_NAMES = tuple(alias for agency in AGENCIES if agency.text for alias in agency.aliases)
_WIRE_IN_PARENS = re.compile(r"\((?:" + _WIRES + r")\)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An author box's heading before the name ("About the author: ", "Sobre "): the headings
# first, so that "About the author" goes whole.
_ABOUT = re.compile(r"^(?:" + lang.alternation("ABOUT_AUTHOR") + "|" + lang.alternation("ABOUT")
                    + r")\s*:?\s*", _I)
_MY_NAME = re.compile(r"\bmy name is ((?:[A-Z][\w'-]*\s?){1,6})")
_SITE_NAME = (
    re.compile(r"\benjoying ([A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})\s*\?"),
    re.compile(r"\bwelcome to ([A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3})\s*[!.,]"),
    re.compile(r"^(?:sign up to|subscribe to|follow) (the [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2})$",
               _I),
)
_SITE_CUES = ("enjoying", "welcome to", "sign up to", "subscribe to", "follow")
_COPYRIGHT = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:copyright\s*)?"
                        r"\d{4}(?:\s*[-–]\s*\d{4})?"
                        r"\s+(?P<name>[^.|]{2,60}?)\s*(?:\.|\||all rights|$)", _I)
_LABELS = (
    (Label.OPINION, re.compile(
        r"^(?:" + lang.alternation("OPINION_LABELS") + r")\b\s*(?:[|:]|$)", _I)),
    (Label.SPONSORED, re.compile(r"^(?:" + lang.alternation("SPONSORED_LABELS") + r")\s*$", _I)),
    (Label.CORRECTION, re.compile(r"^(?:correction|clarification)s?\s*[:(]|"
                              r"^an earlier version of this (?:article|story)\b", _I)),
    (Label.ANALYSIS, re.compile(r"^(?:news )?analysis\b\s*(?:[|:]|$)", _I)),
    (Label.PRESS_RELEASE, re.compile(r"^press release\b|\b(?:PRNewswire|Business Wire|"
                                 r"GLOBE NEWSWIRE)\b", _I)),
)
# Corrections are read from any block (and start with a C or an A).
_CORRECTIONS = _LABELS[2:3]
_CORRECTION = _CORRECTIONS[0][1]
# Whether any of _LABELS matches, in one search (the same patterns, flags and anchors).
_ANY_LABEL = re.compile("|".join(f"(?:{pattern.pattern})" for _, pattern in _LABELS), _I)
# A byline may sit this many blocks after the article's first paragraph.
BYLINE_AFTER_START = 3
# How many blocks above the article's first paragraph a label may be.
LABEL_WINDOW = 15
_URL = re.compile(r"https?://([\w.-]+)[^\s<>\"')\]]*")


def empty() -> Provenance:
    return Provenance()


def origin(block: Block) -> Origin:
    """Where an item was read: the block's first input line (text pages) or its element
    (HTML pages, whose blocks have no input line)."""
    if block.line_start is None and block.element is not None:
        return Origin(OriginKind.ELEMENT, element=block.element, block=block.index,
                      text=block.text)
    return Origin(OriginKind.LINE, line=block.line_start, block=block.index, text=block.text)


@dataclass
class _Reading:
    """What ``read`` has found so far, block by block (frozen into a Provenance at the end)."""

    title: TitleItem | None = None
    authors: list[Named] = field(default_factory=list)
    published: DateItem | None = None
    modified: DateItem | None = None
    publisher: Named | None = None
    credits: list[Credit] = field(default_factory=list)

    def credit(self, kind: CreditKind, name: str, text: str, block: Block) -> None:
        """Add a credit unless one of the same kind names the same agency or person."""
        if name and not any(c.kind == kind and c.name == name for c in self.credits):
            self.credits.append(Credit(kind, name, text, origin(block)))


def parse_date(text: str) -> tuple[str | None, str] | None:
    """(ISO date or date-time, raw text) for the first date in ``text``, else None.

    'BY SIRAJ April -10-2024 EAST 14:54' -> ('2024-04-10T14:54', 'April -10-2024 EAST 14:54').
    """
    found = written_day(text)
    if found is None:
        return None
    year, month, day, match = found
    raw = text[match.start():].strip()
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None, raw
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    clock = _TIME.search(text, match.end())
    if clock:
        hour, minute = int(clock["h"]), int(clock["m"])
        ampm = (clock["ampm"] or "").lower().replace(".", "")
        hour += 12 if ampm == "pm" and hour < 12 else 0
        hour -= 12 if ampm == "am" and hour == 12 else 0
        if hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}"
    return iso, raw


def byline_authors(text: str) -> list[str]:
    """Names in a byline: 'BY SIRAJ April -10-2024 ...' -> ['Siraj']; 'By A and B' -> both;
    the name after a date ('... 7:45 am PST by Joe Rossignol', 'Von A publiziert am ...')
    or before it ('Chris Davies - Nov 19, 2019'), or before a role ('Robert Burns, AP
    National Security Writer')."""
    if bylines.OPENER.match(text):
        rest = _NAME_END.sub("", bylines.OPENER.sub("", text, count=1)).strip()
    else:
        rest = _later_byline(text)
        if rest is None:
            return []
    rest = _JOB_TITLE.sub("", rest).strip()
    names = [n.strip() for n in re.split(r"\s+(?:and|&)\s+", rest) if n.strip()]
    return [n.title() if n.isupper() else n for n in names
            if whitespace_words(n) <= 5 and n[0].isupper() and not is_placeholder_name(n)]


# "by" and its kin inside a byline line, after a date or a label.
_BY_INSIDE = bylines.INSIDE
# A name of one to four capitalised words before a date: "Chris Davies - Nov 19, 2019".
_NAME_BEFORE_DATE = re.compile(
    r"^([A-ZÀ-ÖØ-ÞА-Я][\w.'-]*(?:\s+[A-ZÀ-ÖØ-ÞА-Я][\w.'-]*){0,3})\s*(?:[-–—|·•]\s*)?$")
_NOT_A_NAME = re.compile(
    r"^(?:published|updated|posted|last|first|modified|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|on|at|the|opening)\b", _I)
_ROLE_AFTER_COMMA = re.compile(r"^([^,]{3,40}),\s*(?:\w+\s+){0,3}(?:writer|reporter|"
                               r"correspondent|editor|columnist)s?$", _I)


def _later_byline(text: str) -> str | None:
    """The names of a byline not starting with "By", as text for byline_authors."""
    inside = _BY_INSIDE.search(text)
    if inside:
        names = split_names(re.split(r"\s[-–—|/]\s", text[inside.end():])[0])
        return " and ".join(names) if names else None
    role = _ROLE_AFTER_COMMA.match(text)
    if role:
        return role.group(1)
    date = parse_date(text)
    if date is not None:
        before = text[:len(text) - len(date[1])].strip()
        named = _NAME_BEFORE_DATE.match(before)
        if named and not _NOT_A_NAME.match(named.group(1)):
            return named.group(1)
    return None


def read(blocks: Sequence[Block], text: str, title: str | None) -> Provenance:
    """The provenance from the roles of ``blocks`` and the article ``text``."""
    prov = _Reading()
    first = next((b.index for b in blocks if b.role in KEPT_ROLES), len(blocks))
    # Menus, prompts, related lists, paragraphs without a wire name: most blocks of a page
    # say nothing here, and are left out at once, by cheap tests before any regex.
    for block in [b for b in blocks
                  if b.role in _CREDIT_ROLES
                  or (b.role == Role.OTHER and b.text[:1] in _COPYRIGHT_FIRST)
                  or (b.role in KEPT_ROLES and _may_name_wire(b.text))
                  or "eporting by" in b.text[:30]]:
        if block.role == Role.BYLINE and block.index > first + BYLINE_AFTER_START:
            continue  # bylines of related articles further down
        _read_block(prov, block)
    found = prov.title
    if found is None and title:
        found = TitleItem(title, Origin(OriginKind.TEXT, text=title))
    elif found is not None and title:
        found = replace(found, text=title)  # the headline without a ' - Site' tail
    return Provenance(
        title=found, authors=tuple(prov.authors), published=prov.published,
        modified=prov.modified, publisher=prov.publisher,
        site_names=_site_names([b for b in blocks if b.role not in KEPT_ROLES]),
        credits=tuple(prov.credits),
        author_bio=_author_bio([b for b in blocks if b.role == Role.AUTHOR_BIO]),
        outbound_links=_links(text), labels=_labels(blocks, first))


# The roles _read_block reads from whatever the text, and the first characters of a
# copyright line (the publisher).
_CREDIT_ROLES = frozenset({Role.TITLE, Role.BYLINE, Role.PHOTO_CREDIT, Role.SOURCE_CREDIT})
_COPYRIGHT_FIRST = "cC©("


def _read_block(prov: _Reading, block: Block) -> None:
    """What one block says, for the blocks ``read`` picks: a credit role, a kept block that
    may name a wire (``_may_name_wire``), an 'other' block that may be a copyright line."""
    role = block.role
    if role == Role.TITLE and prov.title is None:
        prov.title = TitleItem(block.text, origin(block))
    elif role == Role.BYLINE:
        _read_byline(prov, block)
    elif role == Role.SOURCE_CREDIT and block.reason == "originally-published":
        found = _REPUBLISHED.search(block.text)
        if found:
            prov.credit(CreditKind.REPUBLISHED, found["name"].strip(), block.text, block)
    elif _REPORTING.match(block.text):
        for name in _reporters(block.text):
            prov.credit(CreditKind.REPORTING, name, block.text, block)
    elif role in (Role.PHOTO_CREDIT, Role.SOURCE_CREDIT):
        tail = _CREDIT_TAIL.search(block.text)
        name = (tail.group(1) if tail else _CREDIT_PREFIX.sub("", block.text, count=1)).strip(" )]")
        kind = (CreditKind.PHOTO if role == Role.PHOTO_CREDIT
                else CreditKind.TRANSLATION if block.reason == "translation"
                else CreditKind.SOURCE)
        prov.credit(kind, name, block.text, block)
    elif role in KEPT_ROLES:
        match = _WIRE.search(block.text)
        if match:
            name = AGENCY_OF[(match["a"] or match["b"] or match["c"]).casefold()]
            prov.credit(CreditKind.WIRE, name, match.group().strip(), block)
    elif role == Role.OTHER and prov.publisher is None:
        match = _COPYRIGHT.match(block.text)  # which starts with one of _COPYRIGHT_FIRST
        if match:
            name = re.sub(r"(?i)^copyright\s+", "", match["name"]).strip(" -–|,")
            if name:
                prov.publisher = Named(name, origin(block))


# "This article was originally published by Futurism. Read the original article."
_REPUBLISHED = re.compile(
    r"\b(?:originally|first) (?:published|appeared) (?:on|in|by|at)\s+(?:the website of\s+)?"
    r"(?P<name>[^.,;:!?()\n]{2,60}?)(?=\s*[.,;:!?(]|\s+(?:and|on|under|as|with)\b|\s*$)", _I)
# "(Reporting by Greg Roumeliotis in New York; Editing by Jane Doe)"
_REPORTING = re.compile(r"^[(\[]?\s*(?:additional )?reporting by\s+", _I)
_REPORTING_END = re.compile(r"\s*(?:[;)\]]|,?\s*(?:additional )?(?:editing|writing|compiled|"
                            r"graphics?|research) by\b).*$", _I | re.DOTALL)
_REPORTING_PLACE = re.compile(r"\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*$")


def _reporters(text: str) -> list[str]:
    """The reporters a wire story credits at its end: '(Reporting by A in Paris and B;
    Editing by C)' -> [A, B]."""
    rest = _REPORTING_END.sub("", _REPORTING.sub("", text, count=1))
    names = []
    for part in re.split(r"\s*,\s*|\s+and\s+", rest):
        name = _REPORTING_PLACE.sub("", part.strip())
        if name and name[0].isupper() and whitespace_words(name) <= 4:
            names.append(name)
    return names


def _may_name_wire(text: str) -> bool:
    """Cheap test before the wire regex (see _WIRE_NAMES)."""
    return (_WIRE_IN_PARENS.search(text) is not None or text.startswith(_WIRE_NAMES)
            or text.rstrip().endswith(_WIRE_NAMES))


def _read_byline(prov: _Reading, block: Block) -> None:
    known = {a.name for a in prov.authors}
    for name in byline_authors(block.text):
        if name not in known:
            prov.authors.append(Named(name, origin(block)))
    date = parse_date(block.text)
    if date is None:
        return
    found = DateItem(date[0], date[1], origin(block))
    if _UPDATED.match(block.text):
        prov.modified = prov.modified or found
    else:
        prov.published = prov.published or found


def _author_bio(box: list[Block]) -> AuthorBio | None:
    """Name (from 'my name is ...' or the box's name line), biography and contact."""
    if not box:
        return None
    bio = max(box, key=lambda b: len(b.text))
    named = _MY_NAME.search(bio.text)
    short = [b.text for b in box if whitespace_words(b.text) <= 5 and not _EMAIL.search(b.text)]
    name = named.group(1).strip() if named else (short[0] if short else None)
    if name and not named:
        name = _ABOUT.sub("", name).strip() or None
    email = next((m.group() for b in box for m in [_EMAIL.search(b.text)] if m), None)
    return AuthorBio(name=name, bio=bio.text if whitespace_words(bio.text) > 5 else None,
                     contact=email, origin=origin(box[0]))


def _site_names(furniture: list[Block]) -> tuple[Named, ...]:
    names: list[Named] = []
    for block in _with_cue(furniture, _SITE_CUES):
        for pattern in _SITE_NAME:
            match = pattern.search(block.text)
            if match and all(n.name != match.group(1) for n in names):
                names.append(Named(match.group(1), origin(block)))
    return tuple(names)


def _with_cue(blocks: list[Block], cues: tuple[str, ...]) -> list[Block]:
    """The blocks whose lower-cased text contains one of ``cues``, in order.

    Found by searching the blocks' texts joined by line breaks (and lower-cased at once)
    for each cue, rather than each block for each cue: few blocks of a page have one.
    """
    page = "\n".join([b.text for b in blocks]).lower()
    if page.count("\n") != len(blocks) - 1:  # some block has line breaks of its own
        return [b for b in blocks if any(cue in b.text.lower() for cue in cues)]
    return [blocks[i] for i in sorted(set(lines_containing(page, cues)))]


def _labels(blocks: Sequence[Block], first: int) -> tuple[LabelItem, ...]:
    """Labels from the title and the furniture just above the article (a menu further
    away lists 'Opinion' on every page), and corrections from anywhere. ``first`` is the
    index of the article's first block."""
    labels: list[LabelItem] = []
    top = first - LABEL_WINDOW
    # Most blocks are decided without the tests below.
    for block in [b for b in blocks
                  if top <= b.index < first or b.role == Role.TITLE
                  or (b.text[:1] in "CcAa" and _CORRECTION.search(b.text))]:
        if len(block.text) > 300:
            continue
        near_top = block.role not in KEPT_ROLES and top <= block.index < first
        if near_top or block.role == Role.TITLE:
            if not _ANY_LABEL.search(block.text):
                continue
            candidates = _LABELS
        elif block.text[:1] and block.text[0] in "CcAa":
            candidates = _CORRECTIONS  # corrections are read anywhere
        else:
            continue
        for label, pattern in candidates:
            if pattern.search(block.text) and all(x.label != label for x in labels):
                labels.append(LabelItem(label, origin(block)))
    return tuple(labels)


def _links(text: str) -> tuple[Link, ...]:
    links, seen = [], set()
    for match in _URL.finditer(text):
        url = match.group().rstrip(".,;:")
        if url not in seen:
            seen.add(url)
            links.append(Link(url=url, domain=match.group(1).lower(), text=url))
    return tuple(links)
