"""Assemble the JSON report from the stages' results, and place findings in the input.

This is the one place where spans become line and column numbers: for text input
through the kept blocks' offsets into the original file, for HTML input as lines of
the article text.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from audit import __version__, rules
from audit.config import Config
from audit.decode import displayable, without_credentials
from audit.model import Block, Extraction, Finding, Score, Signal
from audit.schema import SCHEMA_VERSION

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

    def __init__(self, extraction: Extraction, input_text: str | None) -> None:
        self._input = input_text
        kept = sorted((b for b in extraction.blocks if b.span is not None and b.offset is not None),
                      key=lambda b: b.span[0])
        self._blocks: list[Block] = kept
        self._starts = [b.span[0] for b in kept]
        base = input_text if input_text is not None else extraction.text
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


def finding_dict(finding: Finding, text: str, locator: Locator) -> dict[str, Any]:
    rule = rules.get(finding.rule_id)
    line = column = None
    span = None
    if finding.span is not None:
        start, end = finding.span
        span = {"start": start, "end": end}
        line, column = locator.locate(start)
    return {
        "rule_id": rule.id,
        "category": rule.category,
        "severity": rule.severity,
        "confidence": finding.confidence or rule.confidence,
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
        "role": block.role,
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


def build(
    *,
    info: InputInfo,
    extraction: Extraction,
    input_text: str | None,
    language: str | None,
    word_count: int,
    readability: dict[str, Any],
    sourcing: dict[str, Any],
    findings: list[Finding],
    scores: dict[str, Score],
    grade: str | None,
    config: Config,
) -> dict[str, Any]:
    """The report dict, keys in schema order. ``input_text`` is the decoded input for text
    pages (to give findings their input line and column), None for HTML."""
    locator = Locator(extraction, input_text)
    text = extraction.text
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
            "title": extraction.title,
            "text": text,
            "language": language,
            "word_count": word_count,
            "blocks": [block_dict(b) for b in extraction.blocks],
        },
        "provenance": extraction.provenance,
        "readability": readability,
        "sourcing": sourcing,
        "findings": [finding_dict(f, text, locator) for f in kept],
        "scores": {
            "readability": score_dict(scores["readability"]),
            "sourcing": score_dict(scores["sourcing"]),
            "attribution": score_dict(scores["attribution"]),
            "overall": score_dict(scores["overall"]),
            "grade": grade,
        },
    }
