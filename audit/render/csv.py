"""--format csv: one row per article, for spreadsheets (RFC 4180: a header row, CRLF
line ends, fields quoted when needed).

Columns: source, title, byline (authors joined by "; "), date (published, as the report
gives it), publisher, the four scores, the grade, the count of cited sources of each type
and the count of findings of each severity. A text cell that a spreadsheet would run as
a formula (it starts with =, +, -, @, tab or carriage return) gets a leading apostrophe:
titles come from the pages audited, which anyone can write."""

from __future__ import annotations

import csv
import io
from typing import Any

from audit.render import Formatter, Options, severity_counts

SCORES = ("overall", "readability", "sourcing", "attribution")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _source_types() -> tuple[str, ...]:
    from audit.model import SPECIFICITY

    return SPECIFICITY


def _severities() -> tuple[str, ...]:
    from audit.rules import SEVERITIES

    return tuple(reversed(SEVERITIES))


def header() -> list[str]:
    return ["source", "title", "byline", "date", "publisher", *SCORES, "grade",
            *(f"sources_{kind}" for kind in _source_types()),
            *(f"findings_{severity}" for severity in _severities())]


def _cell(text: str | None) -> str:
    if not text:
        return ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(report: dict[str, Any]) -> list[Any]:
    prov, scores = report["provenance"], report["scores"]
    by_type = report["sourcing"]["counts"]["by_type"]
    published = prov["published"]
    publisher = prov["publisher"]
    return [
        report["input"]["source"] if report["input"]["source"] == "-"
        else _cell(report["input"]["source"]),
        _cell(report["article"]["title"]),
        _cell("; ".join(author["name"] for author in prov["authors"])),
        published["iso"] if published else "",
        _cell(publisher["name"] if publisher else None),
        *("" if scores[key]["value"] is None else scores[key]["value"] for key in SCORES),
        scores["grade"] or "",
        *(by_type.get(kind, 0) for kind in _source_types()),
        *severity_counts(report).values(),
    ]


def _line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


class CsvFormat(Formatter):
    name = "csv"
    description = "one row per article: metadata, scores, grade, sources by type, findings"

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        return _line(row(report))

    def add(self, piece: str) -> None:
        if self.count == 0:
            self.write(_line(header()))
        super().add(piece)

    def close(self) -> None:
        if self.count == 0:
            self.write(_line(header()))


FORMAT = CsvFormat
