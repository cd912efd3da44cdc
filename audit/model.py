"""The small immutable records that flow through the pipeline.

Every stage reads and returns these; none of them knows about the CLI or the
report's JSON layout (``audit.report`` turns them into the report).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

# Roles a block can have. Only BODY and HEADING blocks make the article text;
# every other role is page furniture (some of it read for provenance).
ROLES = (
    "title", "byline", "body", "heading", "photo-credit", "source-credit",
    "navigation", "newsletter", "related", "author-bio", "comments",
    "call-to-action", "access", "duplicate-title", "other",
)
KEPT_ROLES = frozenset({"body", "heading"})


@dataclass(frozen=True)
class Block:
    """One block of the input: a line or paragraph of text input, or an HTML block element.

    ``text`` is the block as it will appear in the article text when kept (surrounding
    whitespace trimmed). ``line_start``/``line_end`` are 1-based input lines (text input);
    ``offset`` is the character offset of ``text`` in the decoded input (text input) so
    that spans in the article text can be mapped back to input lines and columns.
    ``span`` is (start, end) of the block in ``Extraction.text`` when the block is kept.
    """

    index: int
    text: str
    role: str
    reason: str
    line_start: int | None = None
    line_end: int | None = None
    offset: int | None = None
    element: str | None = None
    span: tuple[int, int] | None = None


def _fast_block(index: int, text: str, role: str, reason: str, line_start: int | None = None,
                line_end: int | None = None, offset: int | None = None,
                span: tuple[int, int] | None = None, element: str | None = None) -> Block:
    """A Block, built without the frozen dataclass's per-field ``__setattr__`` detour.

    Stripping builds one Block per input line (and ``--no-strip`` one per paragraph), and
    the generated frozen ``__init__`` was the largest single cost per page; this gives the
    instance its dict at once (see ``new_block`` for when it may)."""
    block = _new(Block)
    _set(block, "__dict__", {
        "index": index, "text": text, "role": role, "reason": reason,
        "line_start": line_start, "line_end": line_end, "offset": offset, "element": element,
        "span": span})
    return block


def _constructed_block(index: int, text: str, role: str, reason: str,
                       line_start: int | None = None, line_end: int | None = None,
                       offset: int | None = None, span: tuple[int, int] | None = None,
                       element: str | None = None) -> Block:
    """The same Block, built by its constructor."""
    return Block(index=index, text=text, role=role, reason=reason, line_start=line_start,
                 line_end=line_end, offset=offset, element=element, span=span)


_new = object.__new__
_set = object.__setattr__
# The constructor is needed if Block ever gains slots, validation or other fields (a test
# checks that both give the same Block).
new_block = (
    _fast_block if not hasattr(Block, "__slots__") and not hasattr(Block, "__post_init__")
    and [f.name for f in fields(Block)] == ["index", "text", "role", "reason", "line_start",
                                            "line_end", "offset", "element", "span"]
    else _constructed_block)


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
