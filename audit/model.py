"""The small immutable records that flow through the pipeline.

Every stage reads and returns these; none of them knows about the CLI or the
report's JSON layout (``audit.report`` turns them into the report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from audit.sourcing.record import Attribution

class Role(StrEnum):
    """Roles a block can have. Only BODY and HEADING blocks make the article text; every
    other role is page furniture (some of it read for provenance)."""

    TITLE = "title"
    BYLINE = "byline"
    BODY = "body"
    HEADING = "heading"
    PHOTO_CREDIT = "photo-credit"
    SOURCE_CREDIT = "source-credit"
    NAVIGATION = "navigation"
    NEWSLETTER = "newsletter"
    RELATED = "related"
    AUTHOR_BIO = "author-bio"
    COMMENTS = "comments"
    CALL_TO_ACTION = "call-to-action"
    ACCESS = "access"
    DUPLICATE_TITLE = "duplicate-title"
    OTHER = "other"


ROLES = tuple(role.value for role in Role)
KEPT_ROLES = frozenset({Role.BODY, Role.HEADING})


class Block(NamedTuple):
    """One block of the input: a line or paragraph of text input, or an HTML block element.

    ``text`` is the block as it will appear in the article text when kept (surrounding
    whitespace trimmed). ``line_start``/``line_end`` are 1-based input lines (text input);
    ``offset`` is the character offset of ``text`` in the decoded input (text input) so
    that spans in the article text can be mapped back to input lines and columns.
    ``span`` is (start, end) of the block in ``Extraction.text`` when the block is kept.

    A NamedTuple rather than a frozen dataclass: stripping builds one per input line, and
    a tuple is built without the frozen dataclass's per-field ``__setattr__``.
    """

    index: int
    text: str
    role: Role
    reason: str
    line_start: int | None = None
    line_end: int | None = None
    offset: int | None = None
    span: tuple[int, int] | None = None
    element: str | None = None


@dataclass(frozen=True)
class Extraction:
    """What stripping or extraction produced from one page."""

    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    # Provenance read from furniture, metadata and text.
    provenance: Provenance = field(default_factory=lambda: Provenance())


class Confidence(StrEnum):
    """How sure a rule (or one of its findings) is (also ``audit.rules.Confidence``)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class Finding:
    """A rule firing on a span of the article text (or on the whole article when span is None).

    Category and severity come from the rule; line and column are derived from the span
    in one place (``audit.report``).
    """

    rule_id: str
    span: tuple[int, int] | None
    message: str | None = None  # overrides the rule's message when the finding is specific
    confidence: Confidence | None = None  # overrides the rule's confidence


@dataclass(frozen=True)
class Signal:
    """One thing that moved a score, and by how many points.

    ``spans`` are the places in the article text behind it (the attributions counted, the
    words found), so that an editor can check each one; None when the signal is about the
    article as a whole."""

    name: str
    delta: float
    detail: str
    spans: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class Score:
    value: float | None
    reason: str
    signals: tuple[Signal, ...] = ()


@dataclass(frozen=True)
class Notice:
    """A warning a stage gives about its own figures ("short-text", "language")."""

    code: str
    message: str


# --- readability ------------------------------------------------------------------------

@dataclass(frozen=True)
class ReadabilityCounts:
    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    difficult_words: int = 0


@dataclass(frozen=True)
class Formulas:
    """The seven formulas, None where undefined (no words) or unreliable (SMOG under 30
    sentences)."""

    flesch_reading_ease: float | None = None
    flesch_kincaid_grade: float | None = None
    gunning_fog: float | None = None
    smog: float | None = None
    coleman_liau: float | None = None
    automated_readability: float | None = None
    dale_chall: float | None = None


@dataclass(frozen=True)
class HardSentence:
    start: int
    end: int
    text: str
    grade: float


@dataclass(frozen=True)
class Readability:
    """The readability stage's figures (the report's ``readability``)."""

    counts: ReadabilityCounts
    formulas: Formulas
    grade: float | None = None
    hardest_sentences: tuple[HardSentence, ...] = ()
    warnings: tuple[Notice, ...] = ()
    skipped: str | None = None  # why the analysis was not run


# --- sourcing ---------------------------------------------------------------------------

class SourceType(StrEnum):
    """Who a source is, most specific first (the order of ``counts.by_type``)."""

    PERSON = "person"
    ROLE = "role"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    DOCUMENT = "document"
    UNNAMED = "unnamed"
    VAGUE = "vague"
    PRONOUN = "pronoun"


class Kind(StrEnum):
    """What a source did: spoke or wrote, believed or intended, took a stance, a
    document's finding, a transcript or headline label."""

    SPEECH = "speech"
    BELIEF = "belief"
    STANCE = "stance"
    DOCUMENT = "document"
    TRANSCRIPT = "transcript"


class Form(StrEnum):
    """Which shape found an attribution."""

    QUOTE = "quote"
    REPORTED = "reported"
    ACCORDING_TO = "according-to"
    NOMINAL = "nominal"
    PASSIVE = "passive"
    CARRIED = "carried"
    LABEL = "label"
    QUESTION = "question"  # the reporter's question in "Asked if ..., X said"


# The source types as the report spells them, most specific first, and those that name who
# is speaking (counted as named sources).
SPECIFICITY: tuple[str, ...] = tuple(kind.value for kind in SourceType)
NAMED_TYPES = frozenset(kind.value for kind in (SourceType.PERSON, SourceType.ROLE,
                                               SourceType.ORGANIZATION, SourceType.OUTLET,
                                               SourceType.DOCUMENT))


@dataclass(frozen=True)
class Unattributed:
    """A check-worthy sentence with no attribution, and what makes it check-worthy."""

    start: int
    end: int
    text: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SourcingTotals:
    """The report's ``sourcing.counts``."""

    attributions: int = 0
    direct_quotes: int = 0
    distinct_sources: int = 0
    by_type: tuple[tuple[SourceType, int], ...] = ()  # most specific type first
    checkworthy_sentences: int = 0
    attributed_checkworthy: int = 0


@dataclass(frozen=True)
class Sourcing:
    """The sourcing stage's findings about the text (the report's ``sourcing``): every
    attribution (audit.sourcing.record.Attribution, spans into the article text)."""

    attributions: tuple[Attribution, ...]
    unattributed: tuple[Unattributed, ...]
    counts: SourcingTotals
    warnings: tuple[Notice, ...] = ()
    skipped: str | None = None  # why the analysis was not run


@dataclass(frozen=True)
class Scores:
    """The article's scores (the report's ``scores``): each stage's, the overall score made
    of them, and its grade."""

    readability: Score
    sourcing: Score
    attribution: Score
    overall: Score
    grade: str | None


@dataclass(frozen=True)
class StageResult:
    """What an analysis stage returns: its figures, its findings, its score(s)."""

    data: Readability | Sourcing
    findings: tuple[Finding, ...] = ()
    scores: dict[str, Score] = field(default_factory=dict)


# --- provenance: what the page says about where the article comes from -----------------
# Read by audit.provenance (blocks and text) and audit.metadata (HTML metadata); turned
# into the report's ``provenance`` object by audit.report, and nowhere else.

class OriginKind(StrEnum):
    """Where a provenance item was read."""

    LINE = "line"  # an input line of a text page
    BLOCK = "block"
    ELEMENT = "element"  # an HTML element
    META = "meta"  # a meta tag
    JSON_LD = "json-ld"
    LINK = "link"  # a <link> (canonical)
    TEXT = "text"  # the article text
    URL = "url"  # the page's URL (a date in its path)
    SEARCH = "search"  # a search of the page (htmldate)


@dataclass(frozen=True)
class Origin:
    """Where an item was read: its kind and what locates it there (unset fields are left
    out of the report, except a line origin's line, which is null when unknown)."""

    kind: OriginKind
    line: int | None = None
    element: str | None = None
    block: int | None = None
    field: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class TitleItem:
    text: str
    origin: Origin


@dataclass(frozen=True)
class Named:
    """A name read from the page (an author, the publisher, a site name)."""

    name: str
    origin: Origin


@dataclass(frozen=True)
class DateItem:
    iso: str | None  # ISO 8601 when the raw text parses
    raw: str
    origin: Origin


class CreditKind(StrEnum):
    PHOTO = "photo"
    SOURCE = "source"
    WIRE = "wire"
    TRANSLATION = "translation"
    REPUBLISHED = "republished"
    REPORTING = "reporting"


# The credits that say where an article's text comes from or who made it: every kind but a
# photo's. Read by the attribution facts (a credited text) and the copies rule (a copy that
# credits its origin).
TEXT_CREDITS = frozenset(kind for kind in CreditKind if kind != CreditKind.PHOTO)


@dataclass(frozen=True)
class Credit:
    kind: CreditKind
    name: str
    text: str
    origin: Origin


@dataclass(frozen=True)
class AuthorBio:
    name: str | None
    bio: str | None
    contact: str | None
    origin: Origin


@dataclass(frozen=True)
class Link:
    url: str
    domain: str
    text: str


class Label(StrEnum):
    """Labels a page gives itself."""

    OPINION = "opinion"
    SPONSORED = "sponsored"
    CORRECTION = "correction"
    ANALYSIS = "analysis"
    PRESS_RELEASE = "press-release"


@dataclass(frozen=True)
class LabelItem:
    label: Label
    origin: Origin


@dataclass(frozen=True)
class Provenance:
    """Everything the page says about where the article comes from; each item with its
    origin. Empty when nothing was found (``Provenance()``)."""

    title: TitleItem | None = None
    authors: tuple[Named, ...] = ()
    published: DateItem | None = None
    modified: DateItem | None = None
    publisher: Named | None = None
    site_names: tuple[Named, ...] = ()
    canonical_url: str | None = None
    credits: tuple[Credit, ...] = ()
    author_bio: AuthorBio | None = None
    outbound_links: tuple[Link, ...] = ()
    labels: tuple[LabelItem, ...] = ()
