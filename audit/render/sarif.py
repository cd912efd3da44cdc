"""--format sarif: SARIF 2.1.0 (OASIS), what code-scanning dashboards read.

One run for the whole batch. Its tool lists every rule of ``audit rules`` (id, message,
category, severity, confidence); each finding is one result naming its rule by id and
index, with the input as its artifact and, when the finding has a place, its line and
column as the region. For text input these are the input file's; for HTML input they
are the article text's, so the region is then given as a property, not as a place in
the file. Severities map to SARIF levels: high is an error, medium a warning, low and
info notes.

The output is written as it comes: the run's head, one result a line, then its tail.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any
from urllib.parse import quote

from audit import __version__
from audit.render import Formatter, Options

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note", "info": "note"}


@lru_cache(maxsize=1)
def _rule_index() -> dict[str, int]:
    from audit.rules import all_rules

    return {rule_id: i for i, rule_id in enumerate(all_rules())}


def driver() -> dict[str, Any]:
    from audit.rules import all_rules

    return {
        "name": "audit", "version": __version__,
        "rules": [{"id": r.id, "shortDescription": {"text": r.message},
                   "defaultConfiguration": {"level": LEVELS[r.severity]},
                   "properties": {"category": r.category, "severity": r.severity,
                                  "confidence": r.confidence}}
                  for r in all_rules().values()],
    }


def _uri(source: str) -> str:
    if source.lower().startswith(("http://", "https://")):
        return source
    return quote(source.replace("\\", "/"), safe="/:@-._~")


def results(report: dict[str, Any]) -> list[dict[str, Any]]:
    """One SARIF result per finding of the report."""
    uri = _uri(report["input"]["source"])
    in_file = report["input"]["media_type"] == "text/plain"
    out = []
    for f in report["findings"]:
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
        properties = {"category": f["category"], "confidence": f["confidence"]}
        if f["line"] is not None:
            region = {"startLine": f["line"], "startColumn": f["column"]}
            if in_file:
                location["physicalLocation"]["region"] = region
            else:
                properties["articleTextRegion"] = region
        if f["excerpt"]:
            properties["excerpt"] = f["excerpt"]
        out.append({"ruleId": f["rule_id"], "ruleIndex": _rule_index()[f["rule_id"]],
                    "level": LEVELS[f["severity"]], "message": {"text": f["message"]},
                    "locations": [location], "properties": properties})
    return out


class SarifFormat(Formatter):
    name = "sarif"
    description = "SARIF 2.1.0, one run: every finding with its file, line and column"

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        return "".join(json.dumps(result, ensure_ascii=False) + "\n"
                       for result in results(report))

    def _head(self) -> None:
        head = json.dumps({"$schema": SCHEMA, "version": "2.1.0",
                           "runs": [{"tool": {"driver": driver()}, "results": []}]},
                          ensure_ascii=False)
        self.write(head[: -len("]}]}")] + "\n")  # open: the results follow

    def add(self, piece: str) -> None:
        if self.count == 0:
            self._head()
        self.count += 1
        if not piece:
            return
        if self.written:
            piece = "," + piece
        self.write(piece.replace("\n", "\n,").rstrip(","))
        self.written = True

    written = False

    def close(self) -> None:
        if self.count == 0:
            self._head()
        self.write("]}]}\n")


FORMAT = SarifFormat
