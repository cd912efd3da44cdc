"""The small immutable records that flow through the pipeline.

Every stage reads and returns these; none of them knows about the CLI or the
report's JSON layout (``audit.report`` turns them into the report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# Roles a block can have. Only BODY and HEADING blocks make the article text;
# every other role is page furniture (some of it read for provenance).
ROLES = (
    "title", "byline", "body", "heading", "photo-credit", "source-credit",
    "navigation", "newsletter", "related", "author-bio", "comments",
    "call-to-action", "access", "duplicate-title", "other",
)
KEPT_ROLES = frozenset({"body", "heading"})


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
    role: str
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
    # Provenance read from furniture, metadata and text; already in the report's
    # ``provenance`` shape (see schemas/report.schema.json#/$defs/provenance).
    provenance: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    """A rule firing on a span of the article text (or on the whole article when span is None).

    Category and severity come from the rule; line and column are derived from the span
    in one place (``audit.report``).
    """

    rule_id: str
    span: tuple[int, int] | None
    message: str | None = None  # overrides the rule's message when the finding is specific
    confidence: str | None = None  # overrides the rule's confidence


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
class StageResult:
    """What an analysis stage returns: its part of the report, its findings, its score(s)."""

    data: dict[str, Any]
    findings: tuple[Finding, ...] = ()
    scores: dict[str, Score] = field(default_factory=dict)
