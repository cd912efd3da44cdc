"""Article-level attribution: who wrote it, when, for whom, with whose pictures, and
whether the article is consistent about the people it names.

Reads the article's ``Provenance`` (read from the page furniture by the stripping
stage) and the body text; returns findings and the facts the attribution score uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import NamedTuple

from audit import rules
from audit.model import TEXT_CREDITS, CreditKind, Finding, Provenance
from audit.provenance import AGENCY_MENTION
from audit.sourcing.sources import head_chunk, source_type

_WIRES = AGENCY_MENTION  # the agencies of audit.provenance, the one list


class TitlePatterns(NamedTuple):
    """A language pack's titles and headline sources, compiled once per pack."""

    titled: re.Pattern  # a title (lang.TITLES) and the names after it
    qualified: re.Pattern  # "former", "then-": ends where the spaces before a title start
    same_title: dict[str, str]  # "Sen." -> "Senator"
    not_names: frozenset[str]  # capitalised words after a title that are not names
    title_source: re.Pattern  # "Sources: ..." opening a headline
    outlet_heads: frozenset[str]  # "media", "press": an outlet nobody can check
    qualifier_chars: int  # the longest qualifier's length


@lru_cache(maxsize=8)
def title_patterns(lang: ModuleType) -> TitlePatterns:
    # Offices written before a name, longest first ("Vice President" wins), standing as a
    # word ("President Lee", not "VicePresident Lee"), with the qualifier that may come
    # before one ("former President Lee": another time, not a conflict).
    # The scan looks for the titles alone (capitalised: most offsets are skipped at once),
    # and a match's qualifier is then looked for just before it.
    titles = sorted(lang.TITLES, key=len, reverse=True)
    qualifiers = "|".join(lang.TITLE_QUALIFIERS)
    firsts = "".join(sorted({word[0] for word in titles}))
    return TitlePatterns(
        re.compile(rf"(?=[{firsts}])(?<![\w-])("
                   + "|".join(titles) + r")((?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,3})\b"),
        re.compile(rf"(?<![\w-])(?:{qualifiers})\Z", re.IGNORECASE),  # "former", "Former"
        lang.SAME_TITLE, lang.NOT_NAMES_AFTER_TITLE, re.compile(lang.TITLE_SOURCE_PATTERN),
        lang.OUTLET_HEADS, max(map(len, lang.TITLE_QUALIFIERS)))


@dataclass
class ArticleFacts:
    """What the attribution score and the article-level findings are computed from."""

    byline: bool = False
    date: bool = False
    publisher: bool = False
    bio: bool = False
    contact: bool = False
    credited: list[str] = field(default_factory=list)  # wire or source credits
    wire_photo: str | None = None  # a wire credited for a photo with no author or credit
    labels: list[str] = field(default_factory=list)
    # One person given two offices: (span of the second mention, first, second mention).
    conflicts: list[tuple[tuple[int, int], str, str]] = field(default_factory=list)
    # The unnamed source a headline opens with ("US media"), if any.
    vague_headline: str | None = None

    @property
    def title_conflicts(self) -> int:
        return len(self.conflicts)


def facts(provenance: Provenance) -> ArticleFacts:
    """The article-level facts read from provenance."""
    bio = provenance.author_bio
    credits = provenance.credits
    out = ArticleFacts(
        byline=bool(provenance.authors),
        date=bool(provenance.published or provenance.modified),
        publisher=bool(provenance.publisher or provenance.site_names),
        bio=bool(bio and (bio.bio or bio.name)),
        contact=bool(bio and bio.contact),
        credited=[c.name for c in credits if c.kind in TEXT_CREDITS],
        labels=sorted({item.label for item in provenance.labels}),
    )
    photo_wire = next((m.group() for c in credits if c.kind == CreditKind.PHOTO
                       for m in [_WIRES.search(c.name + " " + c.text)] if m), None)
    if photo_wire and not out.byline and not out.credited:
        out.wire_photo = photo_wire
    return out




def title_conflicts(text: str, lang: ModuleType) -> list[tuple[tuple[int, int], str, str]]:
    """One person given two different offices in one article ("President X", "Vice President X"):
    the span of the second mention, the first mention and the second.

    Matched on the surname; "former" and similar qualifiers are read as a different time,
    not a conflict, and are skipped.
    """
    patterns = title_patterns(lang)
    seen: dict[str, tuple[str, str]] = {}
    conflicts: list[tuple[tuple[int, int], str, str]] = []
    reported: set[tuple[str, str, str]] = set()
    for match in _titled(text, lang):
        title = patterns.same_title.get(match.group(1), match.group(1))
        names = [n for n in match.group(2).split() if n not in patterns.not_names]
        if not names:
            continue
        surname = names[-1]
        first_title, first_text = seen.setdefault(surname, (title, match.group()))
        key = (surname, *sorted((first_title, title)))
        if first_title != title and key not in reported:
            reported.add(key)
            conflicts.append(((match.start(), match.end()), first_text, match.group()))
    return conflicts


def _titled(text: str, lang: ModuleType) -> Iterator[re.Match[str]]:
    """Each title with its names that stands as a word ("President Lee", not
    "VicePresident Lee") and has no qualifier before it ("former President Lee" is
    skipped)."""
    patterns = title_patterns(lang)
    for match in patterns.titled.finditer(text):
        before = match.start()
        while before and text[before - 1].isspace():
            before -= 1
        if not patterns.qualified.search(text, max(0, before - patterns.qualifier_chars),
                                         before):
            yield match


def article_findings(f: ArticleFacts) -> list[Finding]:
    """Findings about the whole article: the detectors that read the facts,
    each declared with its rule (audit/sourcing/rules.py)."""
    return rules.detect("facts", f)


def headline_source(title: str | None, lang: ModuleType) -> str | None:
    """The source nobody can check that a headline opens with: "US media: ...",
    "Sources: ..."; None when it names one or has none."""
    patterns = title_patterns(lang)
    match = patterns.title_source.match(title or "")
    if match is None:
        return None
    words = match.group(1).split()
    stype = source_type(lang, words)
    generic = stype == "outlet" and head_chunk(lang, words)[-1].lower() in patterns.outlet_heads
    return match.group(1) if stype in ("vague", "unnamed") or generic else None
