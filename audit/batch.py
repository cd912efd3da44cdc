"""Batch orchestration: audit a stream of jobs, in parallel, in a fixed order, safely.

- Inputs arrive as a lazy stream (``audit.inputs``); they go to the workers in small
  chunks, at most a few chunks per worker in flight, so memory does not grow with the
  batch. The summary keeps one small record per article, never the reports.
- Workers do the whole job for one article: read or fetch, audit, render, write the
  report. Results come back in input order whatever ``jobs`` is, so output is
  deterministic.
- Every file is written to a temporary name and renamed into place: a killed run never
  leaves a half-written report. With ``incremental``, a report that already exists for
  the same input bytes, tool version and configuration is kept; a corrupt one is redone.
- One input's failure (bad bytes, a vanished file, a timeout, even a bug) becomes a
  ``Result`` with its reason; the batch goes on. A worker that dies costs only the job
  that killed it: the jobs in flight with it are run again, one at a time.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import signal
import statistics
import tempfile
from array import array
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import orjson

from audit import __version__, api
from audit.config import Config
from audit.decode import MESSAGE_LIMIT, InputError, displayable
from audit.inputs import Failure, Item, Job
from audit.report import utc_now
from audit.schema import SCHEMA_VERSION, validate
from audit.scoring import histogram

MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TMP = re.compile(r"^\..+\.\d+\.tmp$")
SUMMARY_SCHEMA = "summary.schema.json"
SCORE_KEYS = ("overall", "readability", "sourcing", "attribution")


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs; picklable, so it can cross to worker processes."""

    config: Config = field(default_factory=Config)
    strip: bool = True
    input_format: str = "auto"
    out_dir: str | None = None
    incremental: bool = False
    want_json: bool = False  # return the report as one line of JSON (--format jsonl, --jsonl)
    want_pretty: bool = False  # return the report as indented JSON, as written (--format json)
    want_text: bool = False  # return the editors' summary
    want_html: bool = False  # return the annotated HTML page (--format html)
    html_dir: str | None = None  # write the annotated HTML page here
    width: int = 100
    timeout: float | None = 120.0
    copies: bool = False  # return what batch grouping needs (audit.copies)
    reference: str | None = None  # reference index to look each article up in (--reference)


@dataclass(frozen=True)
class Result:
    source: str
    report_name: str | None = None
    status: str = "ok"  # "ok", "skipped" (incremental, up to date) or "failed"
    error: str | None = None
    internal: bool = False  # the error is a bug in the tool, not the input's fault
    record: dict[str, Any] | None = None  # the summary's record of an audited article
    report_json: str | None = None
    report_pretty: str | None = None  # indented, as in the report file
    text: str | None = None
    html: str | None = None
    index_row: dict[str, Any] | None = None  # for the batch's HTML index
    copy_input: tuple | None = None  # for batch grouping (audit.copies.report.copy_input)


# ----------------------------------------------------------------------------- one job


class _Timeout(Exception):
    pass


def _on_alarm(signum, frame):  # pragma: no cover - timing dependent
    raise _Timeout()


def process(job: Job, report_name: str | None, settings: Settings) -> Result:
    """Do one job from start to finish. Never raises."""
    use_alarm = settings.timeout and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    try:
        return _process(job, report_name, settings)
    except _Timeout:
        return Result(job.source, status="failed",
                      error=f"gave up after {settings.timeout:g} s (input too large or too odd)")
    except InputError as exc:
        return Result(job.source, status="failed", error=str(exc))
    except RecursionError:
        return Result(job.source, status="failed", error="structure nested too deeply to analyse")
    except MemoryError:
        return Result(job.source, status="failed", error="out of memory while auditing")
    except Exception as exc:  # a bug: recorded, reported, and the batch goes on
        return Result(job.source, status="failed", internal=True,
                      error=f"internal error: {type(exc).__name__}: {exc}")
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def _process(job: Job, report_name: str | None, settings: Settings) -> Result:
    raw, url, input_format = _load(job, settings)
    target = Path(settings.out_dir, report_name) if settings.out_dir and report_name else None
    if settings.incremental and target is not None:
        found = _up_to_date(target, raw, settings.config)
        if found is not None:
            kept, written = found
            return Result(job.source, report_name, status="skipped", record=_record(kept),
                          copy_input=_copy_input(kept, settings),
                          report_json=_dumps_line(kept) if settings.want_json else None,
                          report_pretty=written if settings.want_pretty else None)
    report = api.audit_bytes(raw, source=job.source, strip=settings.strip,
                             input_format=input_format, url=url, config=settings.config)
    if settings.reference:
        from audit.copies.reference import attach

        attach(report, settings.reference)
    # The indented text is made once, for the report file and --format json alike (the
    # main process used to parse the one-line form again to indent it).
    pretty = dumps(report) if target is not None or settings.want_pretty else None
    if target is not None:
        try:
            write_atomic(target, pretty)
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    text = page = row = None
    if settings.want_text:
        from audit.render.text import render

        text = render(report, width=settings.width)
    if settings.want_html or settings.html_dir:
        from audit.render import html as html_view

        page = html_view.render(report)
        if settings.html_dir and report_name:
            page_name = report_name[: -len(".json")] + ".html"
            try:
                write_atomic(Path(settings.html_dir, page_name), page)
            except OSError as exc:
                raise InputError(f"cannot write {page_name}: {exc.strerror or exc}") from None
            row = html_view.index_row(report, page_name)
    return Result(job.source, report_name, record=_record(report), text=text,
                  copy_input=_copy_input(report, settings),
                  html=page if settings.want_html else None, index_row=row,
                  report_json=_dumps_line(report) if settings.want_json else None,
                  report_pretty=pretty if settings.want_pretty else None)


def _load(job: Job, settings: Settings) -> tuple[bytes, str | None, str]:
    input_format = job.input_format or settings.input_format
    if job.fetch:
        from audit.fetch import fetch

        fetched = fetch(job.url)
        if settings.input_format == "auto" and fetched.media_type:
            input_format = fetched.media_type
        return fetched.data, fetched.final_url, input_format
    raw = job.data if job.data is not None else api.read_input(job.path)
    return raw, job.url, input_format


def _up_to_date(target: Path, raw: bytes, config: Config) -> tuple[dict[str, Any], str] | None:
    """The existing report, and its text as written, when it is whole and was made from the
    same bytes by the same version with the same configuration; None when the article
    must be audited again."""
    try:
        written = target.read_text(encoding="utf-8")
        existing = json.loads(written)
        same = (existing["input"]["sha256"] == hashlib.sha256(raw).hexdigest()
                and existing["tool"]["version"] == __version__
                and existing["config"]["digest"] == config.digest)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # missing or corrupt: redo it
    if not same:
        return None
    try:
        validate(existing)
    except Exception:
        return None
    return existing, written


def _copy_input(report: dict[str, Any], settings: Settings) -> tuple | None:
    if not settings.copies:
        return None
    from audit.copies.report import copy_input

    return copy_input(report)


def _record(report: dict[str, Any]) -> dict[str, Any]:
    scores = report["scores"]
    return {
        "sha256": report["input"]["sha256"],
        "grade": scores["grade"],
        **{key: scores[key]["value"] for key in SCORE_KEYS},
    }


# ----------------------------------------------------------------------------- many jobs

# Jobs go to the workers in small chunks: one task per article cost the main process
# about 0.7 ms of executor traffic (a pipe write, a thread wake-up, a future) per article,
# a tenth of the work it hands out. Chunks start at one job and double up to CHUNK, so the
# first results come at once and a small batch still spreads over every worker.
CHUNK = 8
# Records of JSON Lines and WARC files carry their data (up to 20 MB each) to the worker;
# plain files are read by the worker itself. These bound what a chunk, and all the chunks
# in flight, carry.
CHUNK_BYTES = 4 << 20
IN_FLIGHT_BYTES = 64 << 20


@dataclass
class _Task:
    """Consecutive items of the input handed to one worker at once, in input order."""

    pairs: list[tuple[Job, str | None]]
    failure: Failure | None = None  # an input that could not even be listed; no work
    future: Any = None
    alone: bool = False  # run with no other task in flight: a worker died during it
    size: int = 0  # bytes of data the jobs carry


def run(items: Iterable[Item], settings: Settings, *, jobs: int = 1,
        taken: set[int] | None = None) -> Iterator[Result]:
    """Results for every item, in input order. ``jobs`` > 1 uses worker processes, with at
    most a few small chunks of jobs per worker in flight at once."""
    taken = set() if taken is None else taken
    named = _named(items, settings, taken)
    head = list(itertools.islice(named, 2))
    named = itertools.chain(head, named)
    if jobs <= 1 or len(head) < 2:  # one article: no pool to start
        for item, name in named:
            yield _failed(item) if isinstance(item, Failure) else process(item, name, settings)
        return
    yield from _run_parallel(named, settings, jobs)


def _named(items: Iterable[Item], settings: Settings,
           taken: set[int]) -> Iterator[tuple[Item, str | None]]:
    for item in items:
        if isinstance(item, Failure):
            yield item, None
        else:
            wants_name = settings.out_dir or settings.html_dir
            yield item, safe_name(item.name, taken) if wants_name else None


def _failed(item: Failure) -> Result:
    return Result(item.source, status="failed", error=item.reason)


def process_chunk(pairs: list[tuple[Job, str | None]], settings: Settings,
                  work=process) -> list[Result]:
    """A worker's task: the jobs of one chunk, one after the other. Stops early, leaving
    the rest undone, when the batch is stopping (interrupted, or its output closed)."""
    results = []
    for job, name in pairs:
        if _STOP is not None and _STOP.is_set():
            break
        results.append(work(job, name, settings))
    return results


_STOP: Any = None  # in a worker: the pool's stop event


def _start_worker(stop: Any) -> None:
    global _STOP
    _STOP = stop


def _tasks(named: Iterator[tuple[Item, str | None]]) -> Iterator[_Task]:
    """The input cut into chunks of consecutive jobs, 1, 2, 4, ... then CHUNK long, or
    shorter when the jobs carry CHUNK_BYTES of data (JSON Lines and WARC records); an
    input that failed to list ends the chunk before it and is a task of its own."""
    length = 1
    task = _Task([])
    for item, name in named:
        if isinstance(item, Failure):
            if task.pairs:
                yield task
                task = _Task([])
            yield _Task([], failure=item)
            continue
        task.pairs.append((item, name))
        task.size += len(item.data or b"")
        if len(task.pairs) >= length or task.size >= CHUNK_BYTES:
            yield task
            task = _Task([])
            length = min(length * 2, CHUNK)
    if task.pairs:
        yield task


class _Pool:
    """The worker processes: replaced by a fresh pool when a worker dies, and told to
    leave queued work undone when the batch stops early."""

    def __init__(self, jobs: int, settings: Settings, work) -> None:
        import multiprocessing

        self.jobs, self.settings, self.work = jobs, settings, work
        self.context = multiprocessing.get_context()
        self.stop = self.context.Event()
        self.executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.context,
                                   initializer=_start_worker, initargs=(self.stop,))

    def submit(self, task: _Task) -> None:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            task.future = self.executor.submit(process_chunk, task.pairs, self.settings,
                                               self.work)
        except BrokenProcessPool as exc:  # a worker died since the last result came
            task.future = Future()
            task.future.set_exception(exc)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self, early: bool) -> None:
        if early:
            self.stop.set()
        self.executor.shutdown(wait=True, cancel_futures=True)


def _run_parallel(named: Iterator[tuple[Item, str | None]], settings: Settings,
                  jobs: int, work=process) -> Iterator[Result]:
    """Chunks of jobs on a pool of ``jobs`` workers, a few chunks per worker in flight
    (and at most IN_FLIGHT_BYTES of the records' data).

    When a worker dies (killed, out of memory, a crash in C code), every chunk in flight
    fails with it, and which job was to blame is unknown. Those jobs are then run again
    one at a time with nothing else in flight, on a fresh pool: the one whose worker dies
    again is reported as failed, and every other gets its report. A chunk that fails in
    any other way (a bug) has its jobs run one at a time too, so the failure is named."""
    from concurrent.futures.process import BrokenProcessPool

    window = jobs * 3
    tasks = _tasks(named)
    pending: deque[_Task] = deque()
    pool = _Pool(jobs, settings, work)
    finished = False
    try:
        while True:
            if not any(t.alone for t in pending):  # no new work while suspects wait
                held = sum(t.size for t in pending)
                while len(pending) < window and held < IN_FLIGHT_BYTES:
                    task = next(tasks, None)
                    if task is None:
                        break
                    if task.failure is None:
                        pool.submit(task)
                        held += task.size
                    pending.append(task)
            if not pending:
                break
            task = pending.popleft()
            if task.failure is not None:
                yield _failed(task.failure)
                continue
            if task.alone:
                pool.submit(task)
            try:
                results = task.future.result()
            except BrokenProcessPool:
                pool.renew()
                if task.alone:  # it died again with nothing else running: this job did it
                    yield Result(task.pairs[0][0].source, status="failed",
                                 error="the worker process died")
                    continue
                pending.appendleft(task)
                pending = deque(_suspects(pending))
                continue
            except Exception as exc:  # a bug outside ``process``: name the job it hit
                if task.alone:
                    yield Result(task.pairs[0][0].source, status="failed", internal=True,
                                 error=f"internal error: {type(exc).__name__}: {exc}")
                    continue
                pending.extendleft(reversed(_one_by_one(task)))
                continue
            yield from results
        finished = True
    finally:
        pool.close(early=not finished)


def _suspects(tasks: Iterable[_Task]) -> Iterator[_Task]:
    """After a worker died: every task without its results, split into single jobs to be
    run alone; tasks already finished, and listing failures, as they were."""
    for task in tasks:
        done = task.failure is not None or (
            task.future.done() and not task.future.cancelled()
            and task.future.exception() is None)
        if done:
            yield task
        else:
            yield from _one_by_one(task)


def _one_by_one(task: _Task) -> list[_Task]:
    """The jobs of ``task``, each a task to be run alone."""
    return [_Task([pair], alone=True) for pair in task.pairs]


# ----------------------------------------------------------------------------- files


def safe_name(name: str, taken: set[int]) -> str:
    """A report file name for ``name``: deterministic, unique within ``taken``, and unable
    to leave the output directory (no separators, no "..", no odd characters, bounded).

    ``taken`` holds 8-byte digests of the names given so far, not the names, so that a
    batch of many thousands of articles keeps little for it."""
    parts = [p for p in re.split(r"[\\/]+", name) if p not in ("", ".", "..")]
    base = _UNSAFE.sub("_", "__".join(parts)).strip("._") or "article"
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    if len(base) > MAX_NAME:
        base = f"{base[:MAX_NAME]}-{digest}"
    candidate = f"{base}.json"
    if _key(candidate) in taken or candidate == "summary.json":
        candidate = f"{base}-{digest}.json"
        counter = 1
        while _key(candidate) in taken:
            candidate = f"{base}-{digest}-{counter}.json"
            counter += 1
    taken.add(_key(candidate))
    return candidate


def _key(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8", "surrogatepass"),
                                          digest_size=8).digest(), "big")


def temporary_path(path: Path) -> Path:
    """The name ``path`` is written under before its rename: hidden, with the process id,
    ending in .tmp (the shape ``remove_stale_temporaries`` looks for)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


@contextmanager
def atomic_file(path: Path) -> Iterator[TextIO]:
    """A text file to write ``path`` through: a temporary file in the same directory,
    renamed into place when the block ends, removed when it fails. Readers, and a rerun
    after a killed run, see the old file or the new one, never half of one. (No fsync:
    that guards against power loss, not a killed process, and it would cost more than
    writing the report.)"""
    tmp = temporary_path(path)
    try:
        with open(tmp, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through ``atomic_file``."""
    with atomic_file(path) as handle:
        handle.write(text)


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete the temporary files a killed run left behind; returns how many."""
    removed = 0
    for entry in out_dir.iterdir():
        if _TMP.match(entry.name) and entry.is_file():
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


# Reports are serialised with orjson: a report averages 77 KB of indented JSON, which the
# standard library writes with its pure-Python encoder (indent turns the C one off) in
# 2.1 ms, a fifth of a batch's time per article; orjson writes the same text in 0.1 ms.
_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE


def dumps(report: dict[str, Any]) -> str:
    """A report as written to its file: indented by 2, UTF-8 characters as they are, one
    final newline. For what reports hold (strings, small integers, rounded floats) this
    is the text of ``json.dumps(report, ensure_ascii=False, indent=2)`` and a newline."""
    return orjson.dumps(report, option=_INDENTED).decode("utf-8")


def _dumps_line(report: dict[str, Any]) -> str:
    """A report as one line of JSON Lines (no spaces after separators)."""
    return orjson.dumps(report, option=orjson.OPT_NON_STR_KEYS).decode("utf-8")


# ----------------------------------------------------------------------------- summary


class Summary:
    """What the batch summary needs, kept in bounded memory.

    The per-article records are spooled to a temporary file as they come (a batch of
    10,000 articles must not hold 10,000 records); only counters and the scores
    themselves (8 bytes each, for the medians) stay in memory. ``write`` streams the
    records back into summary.json.
    """

    def __init__(self, config: Config, fail_under: float | None) -> None:
        self.config = config
        self.fail_under = fail_under
        self.failed: list[dict[str, str]] = []  # failures are few, and named on stderr too
        self.scores: dict[str, array] = {key: array("d") for key in SCORE_KEYS}
        self.grades = dict.fromkeys(("A", "B", "C", "D", "F", "none"), 0)
        self.audited = 0  # articles with a report, audited now or up to date
        self.below = 0
        self.skipped = 0
        self.internal = False
        self.groups: list[dict[str, Any]] = []  # articles that share text (audit.copies)
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")

    def add(self, result: Result) -> None:
        if result.status == "failed":
            self.failed.append({"source": displayable(result.source, limit=MESSAGE_LIMIT),
                                "reason": displayable(result.error or "failed",
                                                      limit=MESSAGE_LIMIT)})
            self.internal |= result.internal
            return
        record = result.record or {}
        self.audited += 1
        self.skipped += result.status == "skipped"
        for key, values in self.scores.items():
            if record.get(key) is not None:
                values.append(record[key])
        if self.is_below(record.get("overall")):
            self.below += 1
        self.grades[record.get("grade") or "none"] += 1
        article = {"source": result.source, "report": result.report_name,
                   "sha256": record.get("sha256", ""), "overall": record.get("overall"),
                   "grade": record.get("grade")}
        self._spool.write(json.dumps(article, ensure_ascii=False) + "\n")

    def is_below(self, overall: float | None) -> bool:
        return self.fail_under is not None and overall is not None and overall < self.fail_under

    @property
    def total(self) -> int:
        return self.audited + len(self.failed)

    def header(self) -> dict[str, Any]:
        """The summary without its article records (validated with them left out)."""
        summary = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "audit", "version": __version__},
            "generated_at": utc_now(),
            "config": {"digest": self.config.digest},
            "counts": {
                "inputs": self.total,
                "audited": self.audited - self.skipped, "failed": len(self.failed),
                "skipped": self.skipped, "below_fail_under": self.below,
            },
            "scores": {key: _distribution(values) for key, values in self.scores.items()},
            "grades": dict(self.grades),
            "articles": [],
            "failed": self.failed,
            "groups": self.groups,
        }
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

    def write(self, path: Path) -> None:
        """summary.json, streamed from the spool, through a temporary file and a rename."""
        header = self.header()
        with atomic_file(path) as handle:
            head = json.dumps(header, ensure_ascii=False, indent=2)
            before, after = head.split('"articles": []', 1)
            handle.write(before + '"articles": [')
            for i, article in enumerate(self.articles()):
                handle.write(("," if i else "") + "\n    "
                             + json.dumps(article, ensure_ascii=False))
            handle.write(("\n  ]" if self.audited else "]") + after + "\n")

    def to_dict(self) -> dict[str, Any]:
        """The whole summary in memory (for small batches and tests)."""
        summary = self.header()
        summary["articles"] = list(self.articles())
        return summary

    def close(self) -> None:
        self._spool.close()


@lru_cache(maxsize=1)
def _article_check():
    from audit.fastschema import compile_schema
    from audit.schema import load

    return compile_schema(load(SUMMARY_SCHEMA)["properties"]["articles"]["items"])


def _distribution(values: array) -> dict[str, Any] | None:
    if not values:
        return None
    return {
        "count": len(values), "min": min(values), "max": max(values),
        "mean": round(statistics.fmean(values), 2), "median": round(statistics.median(values), 2),
        "histogram": histogram(values),
    }
