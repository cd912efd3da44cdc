"""Batch orchestration: walk the inputs, audit each, write reports safely, summarise.

Inputs are streamed (a generator of jobs), so memory does not grow with the batch;
the summary keeps one small record per article, never the reports. Every file is
written to a temporary name in the output directory and renamed into place, so a
killed run never leaves a half-written report. One input's failure is recorded with
its reason and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from audit import __version__, api
from audit.config import Config
from audit.decode import InputError
from audit.report import utc_now
from audit.schema import SCHEMA_VERSION, validate

MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Job:
    """One article to audit: where it comes from and the name its report gets."""

    source: str  # as the user will recognise it: the path, a URL, or "-"
    name: str  # relative name used to derive the report's file name
    path: Path | None = None
    data: bytes | None = None  # for standard input


@dataclass(frozen=True)
class Outcome:
    job: Job
    report: dict[str, Any] | None = None
    error: str | None = None
    internal: bool = False  # the error is a bug in the tool, not the input's fault


@dataclass
class Options:
    strip: bool = True
    input_format: str = "auto"
    config: Config = field(default_factory=Config)


def iter_jobs(paths: Iterable[str], *, stdin: Callable[[], bytes] | None = None,
              on_error: Callable[[str, str], None] | None = None) -> Iterator[Job]:
    """Jobs for files, directories (recursively, in sorted order, not following symlinked
    directories so that links cannot loop) and "-" for standard input."""
    for arg in paths:
        if arg == "-":
            data = stdin() if stdin is not None else sys.stdin.buffer.read()
            yield Job(source="-", name="stdin", data=data)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield Job(source=arg, name=path.name or arg, path=path)


def _walk(root: Path) -> Iterator[Job]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            path = Path(dirpath, filename)
            yield Job(source=str(path), name=str(path.relative_to(root)), path=path)


def audit_job(job: Job, options: Options) -> Outcome:
    """Audit one job; never raises."""
    try:
        raw = job.data if job.data is not None else api.read_input(job.path)
        report = api.audit_bytes(raw, source=job.source, strip=options.strip,
                                 input_format=options.input_format, config=options.config)
        return Outcome(job, report=report)
    except InputError as exc:
        return Outcome(job, error=str(exc))
    except RecursionError:
        return Outcome(job, error="structure nested too deeply to analyse")
    except MemoryError:
        return Outcome(job, error="out of memory while auditing")
    except Exception as exc:  # a bug: recorded, reported, and the batch goes on
        return Outcome(job, error=f"internal error: {type(exc).__name__}: {exc}", internal=True)


def run(jobs: Iterable[Job], options: Options) -> Iterator[Outcome]:
    for job in jobs:
        yield audit_job(job, options)


def safe_name(name: str, taken: set[str]) -> str:
    """A file name for ``name``'s report that cannot escape the output directory,
    deterministic, and unique within ``taken``."""
    parts = [p for p in re.split(r"[\\/]+", name) if p not in ("", ".", "..")]
    base = _UNSAFE.sub("_", "__".join(parts)).strip("._") or "article"
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if len(base) > MAX_NAME:
        base = f"{base[:MAX_NAME]}-{digest}"
    candidate = f"{base}.json"
    if candidate in taken or candidate == "summary.json":
        candidate = f"{base}-{digest}.json"
    taken.add(candidate)
    return candidate


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


class Summary:
    """Small per-article records, and the batch summary built from them."""

    def __init__(self, config: Config, fail_under: float | None) -> None:
        self.config = config
        self.fail_under = fail_under
        self.articles: list[dict[str, Any]] = []
        self.failed: list[dict[str, str]] = []
        self.scores: dict[str, list[float]] = {k: [] for k in
                                               ("overall", "readability", "sourcing", "attribution")}
        self.below = 0
        self.skipped = 0

    def add(self, outcome: Outcome, report_name: str | None) -> None:
        if outcome.report is None:
            self.failed.append({"source": outcome.job.source, "reason": outcome.error or "failed"})
            return
        scores = outcome.report["scores"]
        for key, values in self.scores.items():
            if scores[key]["value"] is not None:
                values.append(scores[key]["value"])
        overall = scores["overall"]["value"]
        if self.is_below(overall):
            self.below += 1
        self.articles.append({
            "source": outcome.job.source, "report": report_name,
            "sha256": outcome.report["input"]["sha256"], "overall": overall,
            "grade": scores["grade"],
        })

    def is_below(self, overall: float | None) -> bool:
        return self.fail_under is not None and overall is not None and overall < self.fail_under

    def to_dict(self) -> dict[str, Any]:
        grades = dict.fromkeys(("A", "B", "C", "D", "F", "none"), 0)
        for article in self.articles:
            grades[article["grade"] or "none"] += 1
        summary = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "audit", "version": __version__},
            "generated_at": utc_now(),
            "config": {"digest": self.config.digest},
            "counts": {
                "inputs": len(self.articles) + len(self.failed) + self.skipped,
                "audited": len(self.articles), "failed": len(self.failed),
                "skipped": self.skipped, "below_fail_under": self.below,
            },
            "scores": {key: _distribution(values) for key, values in self.scores.items()},
            "grades": grades,
            "articles": self.articles,
            "failed": self.failed,
        }
        validate(summary, "summary.schema.json")
        return summary


def _distribution(values: list[float]) -> dict[str, Any] | None:
    if not values:
        return None
    histogram = [0] * 10
    for value in values:
        histogram[min(int(value // 10), 9)] += 1
    return {
        "count": len(values), "min": min(values), "max": max(values),
        "mean": round(statistics.fmean(values), 2), "median": statistics.median(values),
        "histogram": histogram,
    }
