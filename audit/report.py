"""Assemble the JSON report from the stages' results, and place findings in the input.

This is the one place where spans become line and column numbers: for text input
through the kept blocks' offsets into the original file, for HTML input as lines of
the article text.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from audit import __version__, rules
from audit.config import Config
from audit.decode import displayable, without_credentials
from audit.model import (
    Block,
    DateItem,
    Extraction,
    Finding,
    Named,
    Notice,
    Origin,
    OriginKind,
    Provenance,
    Readability,
    Score,
    Scores,
    Signal,
    Sourcing,
)
from audit.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from audit.article import Article
    from audit.sourcing.record import Attribution

EXCERPT_CHARS = 160
_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class InputInfo:
    source: str
    sha256: str
    size: int
    media_type: str
    encoding: str
    url: str | None = None
    stripped: bool = True


class Locator:
    """Maps offsets in the article text to 1-based (line, column) in the input."""

    def __init__(self, article: Article | Extraction, input_text: str | None) -> None:
        self._input = input_text
        kept = sorted((b for b in article.blocks if b.span is not None and b.offset is not None),
                      key=lambda b: b.span[0])
        self._blocks: list[Block] = kept
        self._starts = [b.span[0] for b in kept]
        base = input_text if input_text is not None else article.text
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(base)]

    def _input_offset(self, pos: int) -> int:
        if self._input is None:
            return pos
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return 0
        block = self._blocks[i]
        inside = min(pos - block.span[0], max(len(block.text) - 1, 0))
        return block.offset + max(inside, 0)

    def locate(self, pos: int) -> tuple[int, int]:
        offset = self._input_offset(pos)
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def utc_now() -> str:
    now = _dt.datetime.now(_dt.UTC).replace(microsecond=0)
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")


def excerpt(text: str, span: tuple[int, int] | None) -> str | None:
    if span is None:
        return None
    piece = " ".join(text[span[0]:span[1]].split())
    return piece if len(piece) <= EXCERPT_CHARS else piece[: EXCERPT_CHARS - 1] + "…"


def finding_dict(finding: Finding, text: str,
                 locate: Callable[[int], tuple[int | None, int | None]]) -> dict[str, Any]:
    """A finding as the report's JSON (``locate``: an article offset's input line and
    column, e.g. ``Locator.locate``)."""
    rule = rules.get(finding.rule_id)
    line = column = None
    span = None
    if finding.span is not None:
        start, end = finding.span
        span = {"start": start, "end": end}
        line, column = locate(start)
    return {
        "rule_id": rule.id,
        "category": rule.category.value,
        "severity": rule.severity.value,
        "confidence": (finding.confidence or rule.confidence).value,
        "message": finding.message or rule.message,
        "span": span,
        "line": line,
        "column": column,
        "excerpt": excerpt(text, finding.span),
    }


def block_dict(block: Block) -> dict[str, Any]:
    lines = None
    if block.line_start is not None:
        lines = {"start": block.line_start, "end": block.line_end or block.line_start}
    return {
        "index": block.index,
        "role": block.role.value,
        "reason": block.reason,
        "text": block.text,
        "lines": lines,
        "element": block.element,
        "span": None if block.span is None else {"start": block.span[0], "end": block.span[1]},
    }


def score_dict(score: Score) -> dict[str, Any]:
    return {
        "value": None if score.value is None else round(float(score.value), 1),
        "reason": score.reason,
        "signals": [signal_dict(s) for s in score.signals],
    }


def signal_dict(signal: Signal) -> dict[str, Any]:
    out: dict[str, Any] = {"name": signal.name, "delta": round(float(signal.delta), 2),
                           "detail": signal.detail}
    if signal.spans is not None:
        out["spans"] = [{"start": start, "end": end} for start, end in signal.spans]
    return out


def origin_dict(origin: Origin) -> dict[str, Any]:
    """An origin with the fields that locate it (a line origin's line always, null when
    the line is unknown)."""
    out: dict[str, Any] = {"kind": origin.kind.value}
    if origin.line is not None or origin.kind is OriginKind.LINE:
        out["line"] = origin.line
    for name in ("element", "block", "field", "text"):
        value = getattr(origin, name)
        if value is not None:
            out[name] = value
    return out


def _named(item: Named | None) -> dict[str, Any] | None:
    return None if item is None else {"name": item.name, "origin": origin_dict(item.origin)}


def _date(item: DateItem | None) -> dict[str, Any] | None:
    if item is None:
        return None
    return {"iso": item.iso, "raw": item.raw, "origin": origin_dict(item.origin)}


def provenance_dict(prov: Provenance) -> dict[str, Any]:
    """The report's ``provenance`` object."""
    bio = prov.author_bio
    return {
        "title": None if prov.title is None else {
            "text": prov.title.text, "origin": origin_dict(prov.title.origin)},
        "authors": [_named(a) for a in prov.authors],
        "published": _date(prov.published),
        "modified": _date(prov.modified),
        "publisher": _named(prov.publisher),
        "site_names": [_named(n) for n in prov.site_names],
        "canonical_url": prov.canonical_url,
        "credits": [{"kind": c.kind.value, "name": c.name, "text": c.text,
                     "origin": origin_dict(c.origin)} for c in prov.credits],
        "author_bio": None if bio is None else {
            "name": bio.name, "bio": bio.bio, "contact": bio.contact,
            "origin": origin_dict(bio.origin)},
        "outbound_links": [{"url": link.url, "domain": link.domain, "text": link.text}
                           for link in prov.outbound_links],
        "labels": [{"label": item.label.value, "origin": origin_dict(item.origin)}
                   for item in prov.labels],
    }


def _notices(notices: tuple[Notice, ...]) -> list[dict[str, str]]:
    return [{"code": n.code, "message": n.message} for n in notices]


def readability_dict(r: Readability) -> dict[str, Any]:
    """The report's ``readability`` object."""
    out: dict[str, Any] = {
        "counts": dict(vars(r.counts)),  # a dataclass's fields, in order
        "formulas": dict(vars(r.formulas)),
        "grade": r.grade,
        "hardest_sentences": [{"start": h.start, "end": h.end, "text": h.text, "grade": h.grade}
                              for h in r.hardest_sentences],
        "warnings": _notices(r.warnings),
    }
    if r.skipped is not None:
        out["skipped"] = r.skipped
    return out


def _span(text: str, span: tuple[int, int]) -> dict[str, Any]:
    start, end = span
    return {"start": start, "end": end, "text": text[start:end]}


def attribution_dict(att: Attribution, text: str) -> dict[str, Any]:
    """The report's ``attribution`` object; ``text`` is the article text its spans index."""
    out: dict[str, Any] = {
        "content": _span(text, att.content),
        "source": _span(text, att.source) if att.source else None,
        "cue": _span(text, att.cue) if att.cue else None,
        "source_type": att.source_type,
        "direct": att.direct,
        "kind": att.kind.value,
        "form": att.form.value,
        "nested_in": att.nested_in,
    }
    if len(att.segments) > 1:
        out["content_segments"] = [_span(text, seg) for seg in att.segments]
    if att.resolved_source is not None:
        out["resolved_source"] = att.resolved_source
        out["resolved_type"] = att.resolved_type
    if att.anonymity_reason is not None:
        out["anonymity_reason"] = att.anonymity_reason
    return out


def sourcing_dict(s: Sourcing, text: str) -> dict[str, Any]:
    """The report's ``sourcing`` object; ``text`` is the article text its spans index."""
    c = s.counts
    out: dict[str, Any] = {
        "attributions": [attribution_dict(a, text) for a in s.attributions],
        "unattributed": [{"start": u.start, "end": u.end, "text": u.text,
                          "reasons": list(u.reasons)} for u in s.unattributed],
        "counts": {
            "attributions": c.attributions,
            "direct_quotes": c.direct_quotes,
            "distinct_sources": c.distinct_sources,
            "by_type": {kind.value: n for kind, n in c.by_type},
            "checkworthy_sentences": c.checkworthy_sentences,
            "attributed_checkworthy": c.attributed_checkworthy,
        },
        "warnings": _notices(s.warnings),
    }
    if s.skipped is not None:
        out["skipped"] = s.skipped
    return out


def build(
    *,
    info: InputInfo,
    article: Article,
    input_text: str | None,
    readability: Readability,
    sourcing: Sourcing,
    findings: list[Finding],
    scores: Scores,
    config: Config,
) -> dict[str, Any]:
    """The report dict, keys in schema order. ``input_text`` is the decoded input for text
    pages (to give findings their input line and column), None for HTML."""
    locator = Locator(article, input_text)
    text = article.text
    kept = [f for f in findings if config.rule_enabled(f.rule_id)]
    kept.sort(key=lambda f: (-1, -1) if f.span is None else f.span)
    input_part: dict[str, Any] = {
        "source": displayable(without_credentials(info.source)),
        "url": None if info.url is None else displayable(without_credentials(info.url)),
        "sha256": info.sha256,
        "bytes": info.size,
        "media_type": info.media_type,
        "encoding": info.encoding,
        "stripped": info.stripped,
    }
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "audit", "version": __version__},
        "config": {"digest": config.digest, "settings": config.settings()},
        "input": input_part,
        "article": {
            "title": article.title,
            "text": text,
            "language": article.language,
            "word_count": article.word_count,
            "blocks": [block_dict(b) for b in article.blocks],
        },
        "provenance": provenance_dict(article.provenance),
        "readability": readability_dict(readability),
        "sourcing": sourcing_dict(sourcing, text),
        "findings": [finding_dict(f, text, locator.locate) for f in kept],
        "scores": {
            "readability": score_dict(scores.readability),
            "sourcing": score_dict(scores.sourcing),
            "attribution": score_dict(scores.attribution),
            "overall": score_dict(scores.overall),
            "grade": scores.grade,
        },
    }
