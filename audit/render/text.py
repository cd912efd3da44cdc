"""The editors' summary: one article on one screen, plain text with optional colour.

Colour is added with click.style; the CLI decides whether it reaches the terminal
(only a terminal, and never when NO_COLOR is set). Lines never exceed ``width``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import click

from audit.decode import displayable
from audit.render import copies as copies_view

_GRADE_COLOURS = {"A": "green", "B": "green", "C": "yellow", "D": "red", "F": "red"}
# How the summary names each source type, in the order it lists them.
_SOURCE_LABELS = (
    ("named", "person"), ("roles", "role"), ("organizations", "organization"),
    ("outlets", "outlet"), ("documents", "document"), ("unnamed", "unnamed"),
    ("vague", "vague"), ("pronouns", "pronoun"),
)
TOP_FINDINGS = 8
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}


def _fit(line: str, width: int) -> str:
    if len(line) <= width or "\x1b" in line:  # styled lines are fitted before styling
        return line
    return line[: max(width - 1, 1)] + "…"


def _score_line(label: str, score: dict[str, Any]) -> str:
    value = "  —" if score["value"] is None else f"{score['value']:5.1f}"
    return f"  {label:<12}{value}  {score['reason']}"


def _provenance_lines(prov: dict[str, Any]) -> list[str]:
    authors = ", ".join(a["name"] for a in prov["authors"])
    date = "no date"
    if prov["published"]:
        date = prov["published"]["iso"] or prov["published"]["raw"]
    if prov["publisher"]:
        publisher = prov["publisher"]["name"]
    elif prov["site_names"]:
        publisher = "site named in the page: " + ", ".join(s["name"] for s in prov["site_names"])
    else:
        publisher = "publisher unknown"
    lines = [f"  {'By ' + authors if authors else 'no byline'} · {date} · {publisher}"]
    credits = "; ".join(f"{c['kind']}: {c['name']}" for c in prov["credits"])
    if credits:
        lines.append(f"  Credits: {credits}")
    labels = ", ".join(label["label"] for label in prov["labels"])
    if labels:
        lines.append(f"  Labelled: {labels}")
    return lines


def _sources_line(sourcing: dict[str, Any]) -> str:
    if sourcing.get("skipped"):
        return f"  Sources: not analysed ({sourcing['skipped']})"
    by_type = sourcing["counts"]["by_type"]
    parts = [f"{by_type[kind]} {name}" for name, kind in _SOURCE_LABELS if by_type.get(kind)]
    unattributed = len(sourcing["unattributed"])
    tail = f"; {unattributed} claim(s) with no attribution found" if unattributed else ""
    return "  Sources: " + (", ".join(parts) if parts else "none cited") + tail


def _removed_line(blocks: list[dict[str, Any]]) -> str | None:
    removed = Counter(b["role"] for b in blocks if b["span"] is None)
    if not removed:
        return None
    return "  Removed: " + ", ".join(f"{n} {role}" for role, n in sorted(removed.items()))


def render(report: dict[str, Any], *, width: int = 100) -> str:
    """The summary of one report, as lines no wider than ``width``."""
    scores = report["scores"]
    grade = scores["grade"]
    # Text from the page (title, byline, excerpts) is shown with control characters
    # spelled out: an escape sequence in it must not reach the terminal.
    title = displayable(report["article"]["title"] or "(no title found)")
    grade_text = click.style(grade, fg=_GRADE_COLOURS[grade], bold=True) if grade else "—"
    lines = [
        click.style(_fit(displayable(report["input"]["source"]), width), bold=True),
        f"  {title}",
        *map(displayable, _provenance_lines(report["provenance"])),
        f"  Grade {grade_text}",
        _score_line("Overall", scores["overall"]),
        _score_line("Readability", scores["readability"]),
        _score_line("Sourcing", scores["sourcing"]),
        _score_line("Attribution", scores["attribution"]),
        _sources_line(report["sourcing"]),
    ]
    removed = _removed_line(report["article"]["blocks"])
    if removed:
        lines.append(removed)
    findings = sorted(report["findings"], key=lambda f: _SEVERITY_ORDER[f["severity"]])
    if findings:
        shown = findings[:TOP_FINDINGS]
        lines.append(f"  Findings ({len(shown)} of {len(findings)}):")
        for f in sorted(shown, key=lambda f: (f["line"] or 0, f["column"] or 0)):
            where = f"L{f['line']}" if f["line"] else "page"
            lines.append(displayable(f"    {where:>5}  {f['rule_id']}: {f['message']}"))
            if f["excerpt"]:
                lines.append(displayable(f"           “{f['excerpt']}”"))
    for warning in report["readability"]["warnings"] + report["sourcing"]["warnings"]:
        lines.append(f"  Note: {warning['message']}")
    lines.extend(copies_view.text_lines(report, width))
    return "\n".join(_fit(line, width) for line in lines)
