"""The batch summary (summary.json), kept in bounded memory."""

from __future__ import annotations

import itertools
import json
import os
import statistics
import tempfile
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from audit import __version__
from audit.batch.files import atomic_file
from audit.batch.job import SCORE_KEYS, Result
from audit.config import Config
from audit.decode import MESSAGE_LIMIT, displayable
from audit.model import SPECIFICITY
from audit.schema import SCHEMA_VERSION, validate
from audit.scoring import histogram

SUMMARY_SCHEMA = "summary.schema.json"


class Summary:
    """What the batch summary needs, kept in bounded memory.

    The per-article records are spooled to a temporary file as they come (a batch of
    10,000 articles must not hold 10,000 records); only counters stay in memory, the
    scores' included: how many articles got each score (scores are rounded to a tenth, so
    at most 1,001 values each), from which the distribution, its median too, is worked
    out exactly. ``write`` streams the records back into summary.json.
    """

    def __init__(self, config: Config, fail_under: float | None) -> None:
        self.config = config
        self.fail_under = fail_under
        self.failures = 0  # their records are spooled too: a bad crawl may fail by millions
        self.scores: dict[str, Counter[float]] = {key: Counter() for key in SCORE_KEYS}
        self.grades = dict.fromkeys(("A", "B", "C", "D", "F", "none"), 0)
        self.audited = 0  # articles with a report, audited now or up to date
        self.below = 0
        self.skipped = 0
        self.internal = False
        self.rules: Counter[str] = Counter()  # findings by rule id, over the articles
        self.source_types: Counter[str] = Counter()  # cited sources by type, likewise
        self.groups: list[dict[str, Any]] = []  # articles that share text (audit.copies)
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._failed_spool = tempfile.TemporaryFile("w+", encoding="utf-8")

    def add(self, result: Result) -> None:
        if result.status == "failed":
            failure = {"source": displayable(result.source, limit=MESSAGE_LIMIT),
                       "reason": displayable(result.error or "failed", limit=MESSAGE_LIMIT)}
            self._failed_spool.write(json.dumps(failure, ensure_ascii=False) + "\n")
            self.failures += 1
            self.internal |= result.internal
            return
        record = result.record or {}
        self.audited += 1
        self.skipped += result.status == "skipped"
        for key, values in self.scores.items():
            if record.get(key) is not None:
                values[record[key]] += 1
        if self.is_below(record.get("overall")):
            self.below += 1
        self.grades[record.get("grade") or "none"] += 1
        self.rules.update(record.get("rules", {}))
        self.source_types.update(record.get("source_types", {}))
        self.spool(article_of(result.source, result.report_name, record))

    def spool(self, article: dict[str, Any]) -> None:
        """One article's entry of summary.json (``article_of``), its figures counted
        elsewhere: by ``add``, or by the Spark job's aggregations (audit.spark)."""
        self._spool.write(json.dumps(article, ensure_ascii=False) + "\n")

    def is_below(self, overall: float | None) -> bool:
        return self.fail_under is not None and overall is not None and overall < self.fail_under

    @property
    def total(self) -> int:
        return self.audited + self.failures

    def header(self, interrupted: bool = False) -> dict[str, Any]:
        """The summary without its article records (validated with them left out)."""
        summary: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "audit", "version": __version__},
            "config": {"digest": self.config.digest},
            "counts": {
                "inputs": self.total,
                "audited": self.audited - self.skipped, "failed": self.failures,
                "skipped": self.skipped, "below_fail_under": self.below,
            },
            "scores": {key: _distribution(values) for key, values in self.scores.items()},
            "grades": dict(self.grades),
            "rules": [{"rule_id": rule_id, "count": count} for rule_id, count
                      in sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))],
            "source_types": {kind: self.source_types[kind] for kind in SPECIFICITY},
            "articles": [],
            "failed": [],
            "groups": self.groups,
        }
        if interrupted:
            summary["interrupted"] = True
        validate(summary, SUMMARY_SCHEMA)
        return summary

    def articles(self) -> Iterator[dict[str, Any]]:
        """The spooled article records, in input order, each checked against the schema."""
        check = _article_check()
        self._spool.flush()
        self._spool.seek(0)
        for line in self._spool:
            article = json.loads(line)
            problem = check(article)
            if problem is not None:
                raise ValueError(f"summary record {article.get('source')}: {problem}")
            yield article
        self._spool.seek(0, os.SEEK_END)

    @property
    def failed(self) -> list[dict[str, str]]:
        """Every failed input with its reason, in input order (read back from the spool)."""
        return list(_read_back(self._failed_spool))

    def write(self, path: Path, interrupted: bool = False) -> None:
        """summary.json, streamed from the spool, through a temporary file and a rename;
        ``interrupted`` when the run was stopped before the end of its input."""
        header = self.header(interrupted)
        with atomic_file(path) as handle:
            head = json.dumps(header, ensure_ascii=False, indent=2)
            before, after = head.split('"articles": []', 1)
            handle.write(before + '"articles": [')
            for i, article in enumerate(self.articles()):
                handle.write(("," if i else "") + "\n    "
                             + json.dumps(article, ensure_ascii=False))
            before, after = after.split('"failed": []', 1)
            handle.write(("\n  ]" if self.audited else "]") + before + '"failed": [')
            for i, failure in enumerate(_read_back(self._failed_spool)):
                piece = json.dumps(failure, ensure_ascii=False, indent=2)
                handle.write(("," if i else "") + "\n    " + piece.replace("\n", "\n    "))
            handle.write(("\n  ]" if self.failures else "]") + after + "\n")

    def to_dict(self) -> dict[str, Any]:
        """The whole summary in memory (for small batches and tests)."""
        summary = self.header()
        summary["articles"] = list(self.articles())
        summary["failed"] = self.failed
        return summary

    def close(self) -> None:
        self._spool.close()
        self._failed_spool.close()


def _read_back(spool) -> Iterator[dict[str, Any]]:
    """The records of a spool, in order; it is left positioned for more."""
    spool.flush()
    spool.seek(0)
    for line in spool:
        yield json.loads(line)
    spool.seek(0, os.SEEK_END)


def article_of(source: str, report_name: str | None, record: dict[str, Any]) -> dict[str, Any]:
    """An article's entry in summary.json, from its record (``audit.batch.job._record``)."""
    return {"source": source, "report": report_name, "sha256": record.get("sha256", ""),
            "overall": record.get("overall"), "grade": record.get("grade")}


@lru_cache(maxsize=1)
def _article_check():
    """The first schema error of one article record, or None (jsonschema: 0.03 ms a record)."""
    from jsonschema import Draft202012Validator

    from audit.schema import load

    whole = load(SUMMARY_SCHEMA)
    items = Draft202012Validator({**whole["properties"]["articles"]["items"],
                                  "$defs": whole.get("$defs", {})})

    def check(article: dict[str, Any]) -> str | None:
        error = next(iter(items.iter_errors(article)), None)
        return None if error is None else error.message

    return check


def _distribution(counts: Counter[float]) -> dict[str, Any] | None:
    """count, min, max, mean, median and histogram of the scores counted in ``counts``
    (score -> how many articles got it): the figures the list of every score would give."""
    if not counts:
        return None
    ordered = sorted(counts.items())
    total = sum(counts.values())
    return {
        "count": total, "min": ordered[0][0], "max": ordered[-1][0],
        "mean": round(statistics.fmean(_expand(ordered)), 2),
        "median": round(_median(ordered, total), 2),
        "histogram": histogram(_expand(ordered)),
    }


def _expand(ordered: list[tuple[float, int]]) -> Iterator[float]:
    return itertools.chain.from_iterable(itertools.repeat(v, n) for v, n in ordered)


def _median(ordered: list[tuple[float, int]], total: int) -> float:
    """statistics.median of the scores, from their counts."""
    wanted = (total - 1) // 2, total // 2  # the middle place(s), 0-based
    found: list[float] = []
    seen = 0
    for value, count in ordered:
        while len(found) < 2 and wanted[len(found)] < seen + count:
            found.append(value)
        seen += count
        if len(found) == 2:
            break
    low, high = found
    return low if total % 2 else (low + high) / 2
