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
import sys
import tempfile
import threading
import time
from array import array
from collections import Counter, deque
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
from audit.inputs import Failure, Item, Job, load
from audit.render import Options as RenderOptions
from audit.report import utc_now
from audit.schema import SCHEMA_VERSION, validate
from audit.scoring import histogram
from audit.sourcing.lang.en import SPECIFICITY

MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TMP = re.compile(r"^\..+\.(\d+)\.tmp$")
SUMMARY_SCHEMA = "summary.schema.json"
# Names the batch itself writes: summary.json, and index.html (an article's page is named
# after its report, so "index.json" would give "index.html").
RESERVED = ("summary.json", "index.json")
SCORE_KEYS = ("overall", "readability", "sourcing", "attribution")


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs; picklable, so it can cross to worker processes."""

    config: Config = field(default_factory=Config)
    strip: bool = True
    input_format: str = "auto"
    out_dir: str | None = None
    incremental: bool = False
    want_json: bool = False  # return the report as one line of JSON (--jsonl)
    output: str | None = None  # the output format (audit.render) whose piece to return
    render: RenderOptions = field(default_factory=RenderOptions)
    html_dir: str | None = None  # write the annotated HTML page here
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
    rendered: str | None = None  # the article's piece of the output format asked for
    index_row: dict[str, Any] | None = None  # for the batch's HTML index
    copy_input: tuple | None = None  # for batch grouping (audit.copies.report.copy_input)


# ----------------------------------------------------------------------------- one job


class _Timeout(BaseException):
    """The article's deadline passed. Not an ``Exception``: the analysis (trafilatura's
    ``except Exception``, for one) must not be able to swallow it."""


_ARMED = False  # the alarm is set for the job in hand


def _on_alarm(signum, frame):  # pragma: no cover - timing dependent
    if _ARMED:
        raise _Timeout()


def timed_out(source: str, settings: Settings) -> Result:
    """The result of an article stopped at its deadline."""
    return Result(source, status="failed", error=f"timed out after {settings.timeout:g} s")


def process(job: Job, report_name: str | None, settings: Settings) -> Result:
    """Do one job from start to finish. Never raises.

    With a timeout, an alarm interrupts the job at its deadline: the first line of
    defence, which does not hold inside C code (a parser, a regular expression) that
    keeps the interpreter from running the handler. A worker process is therefore also
    watched from outside and killed when it overruns (``_Pool.watch``)."""
    global _ARMED
    use_alarm = bool(settings.timeout) and hasattr(signal, "setitimer")
    try:
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            _ARMED = True
            signal.setitimer(signal.ITIMER_REAL, settings.timeout)
        try:
            return _process(job, report_name, settings)
        finally:
            if use_alarm:
                _ARMED = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except _Timeout:
        return timed_out(job.source, settings)
    except InputError as exc:
        return Result(job.source, status="failed", error=str(exc))
    except RecursionError:
        return Result(job.source, status="failed", error="structure nested too deeply to analyse")
    except MemoryError:
        return Result(job.source, status="failed", error="out of memory while auditing")
    except Exception as exc:  # a bug: recorded, reported, and the batch goes on
        return Result(job.source, status="failed", internal=True,
                      error=f"internal error: {type(exc).__name__}: {exc}")


def _process(job: Job, report_name: str | None, settings: Settings) -> Result:
    raw, url, input_format = _load(job, settings)
    target = Path(settings.out_dir, report_name) if settings.out_dir and report_name else None
    if settings.incremental and target is not None:
        found = _up_to_date(target, raw, settings.config)
        if found is not None:
            kept, written = found
            row = None
            if settings.html_dir and report_name:  # the batch index lists it too
                row = _write_page(kept, report_name, settings.html_dir, only_missing=True)
            return Result(job.source, report_name, status="skipped", record=_record(kept),
                          copy_input=_copy_input(kept, settings),
                          report_json=dumps_line(kept) if settings.want_json else None,
                          rendered=_render(kept, settings, written, up_to_date=True),
                          index_row=row)
    report = api.audit_bytes(raw, source=job.source, strip=settings.strip,
                             input_format=input_format, url=url, config=settings.config)
    if settings.reference:
        from audit.copies.reference import attach

        attach(report, settings.reference)
    pretty = dumps(report) if target is not None else None
    if target is not None:
        try:
            write_atomic(target, pretty)
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    row = None
    if settings.html_dir and report_name:
        row = _write_page(report, report_name, settings.html_dir)
    return Result(job.source, report_name, record=_record(report), index_row=row,
                  copy_input=_copy_input(report, settings),
                  report_json=dumps_line(report) if settings.want_json else None,
                  rendered=_render(report, settings, pretty))


def _render(report: dict[str, Any], settings: Settings, pretty: str | None,
            up_to_date: bool = False) -> str | None:
    """The article's piece of the output format asked for (None when none is). The
    indented JSON already made for the report file is not made twice."""
    if settings.output is None:
        return None
    from audit import render

    formatter = render.get(settings.output)
    if up_to_date and not formatter.prints_up_to_date:
        return None
    if settings.output == "json" and pretty is not None:
        return pretty
    return formatter.article(report, settings.render)


def _write_page(report: dict[str, Any], report_name: str, html_dir: str, page: str | None = None,
                only_missing: bool = False) -> dict[str, Any]:
    """Write the annotated page of ``report`` into ``html_dir`` (with ``only_missing``, only
    when it is not there yet) and return its row of the batch index."""
    from audit.render import html as html_view

    page_name = report_name[: -len(".json")] + ".html"
    target = Path(html_dir, page_name)
    if not (only_missing and target.is_file()):
        try:
            write_atomic(target, page if page is not None
                         else html_view.render(report, index="index.html"))
        except OSError as exc:
            raise InputError(f"cannot write {page_name}: {exc.strerror or exc}") from None
    return html_view.index_row(report, page_name)


def _copy_input(report: dict[str, Any], settings: Settings) -> tuple | None:
    if not settings.copies:
        return None
    from audit.copies.report import copy_input

    return copy_input(report)


def _load(job: Job, settings: Settings) -> tuple[bytes, str | None, str]:
    return load(job, settings.input_format)


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


def _record(report: dict[str, Any]) -> dict[str, Any]:
    scores = report["scores"]
    return {
        "sha256": report["input"]["sha256"],
        "grade": scores["grade"],
        **{key: scores[key]["value"] for key in SCORE_KEYS},
        "rules": dict(Counter(f["rule_id"] for f in report["findings"])),
        "source_types": report["sourcing"]["counts"]["by_type"],
    }


# ----------------------------------------------------------------------------- many jobs

# Jobs go to the workers in small chunks: one task per article cost the main process
# about 0.7 ms of executor traffic (a pipe write, a thread wake-up, a future) per article,
# a tenth of the work it hands out. Chunks start at one job and double up to CHUNK, so the
# first results come at once and a small batch still spreads over every worker.
CHUNK = 8
# These bound the input bytes of a chunk, and of all the chunks in flight: the data that
# records of JSON Lines and WARC files carry to the worker (up to 20 MB each), and the
# size of the files the workers read themselves (their results come back to the main
# process, and a report is several times its input: about 6x as one JSON line). A worker
# always has one chunk in hand, whatever its size.
CHUNK_BYTES = 4 << 20
IN_FLIGHT_BYTES = 32 << 20


# A worker is killed when its article overruns the deadline by GRACE seconds (the alarm
# inside it had its chance); the main process looks every TICK seconds.
GRACE = 0.5
TICK = 0.1
# When the batch stops early (Ctrl-C, SIGTERM, a closed output), the article in hand has
# this long to finish.
STOP_WAIT = 2.0
# A pool whose worker was killed and that has not broken this long after is stuck.
STUCK = 5.0
# Set when a stuck pool's threads were left behind: the process must then end without
# waiting for them (``audit.cli.main`` does).
abandoned = False


@dataclass
class _Task:
    """Consecutive items of the input handed to one worker at once, in input order."""

    pairs: list[tuple[Job, str | None]]
    failure: Failure | None = None  # an input that could not even be listed; no work
    future: Any = None
    alone: bool = False  # run with no other task in flight: a worker died during it
    size: int = 0  # bytes of data the jobs carry
    first: int = 0  # the place in the batch of the first job (what the watchdog names)
    verdict: Result | None = None  # known without running it (it overran its deadline)


def run(items: Iterable[Item], settings: Settings, *, jobs: int = 1,
        taken: set[int] | None = None) -> Iterator[Result]:
    """Results for every item, in input order. ``jobs`` > 1 uses worker processes, with at
    most a few small chunks of jobs per worker in flight at once. With a timeout, even one
    article, or ``jobs`` 1, runs in a worker process: only a process can be stopped
    inside C code, and killing it must not end the batch."""
    taken = set() if taken is None else taken
    named = _named(items, settings, taken)
    head = list(itertools.islice(named, 2))
    named = itertools.chain(head, named)
    if settings.timeout is None and (jobs <= 1 or len(head) < 2):  # no pool to start
        for item, name in named:
            yield _failed(item) if isinstance(item, Failure) else process(item, name, settings)
        return
    if len(head) < 2 and not any(isinstance(item, Job) for item, _ in head):
        yield from (_failed(item) for item, _ in head)  # nothing to run
        return
    yield from _run_parallel(named, settings, max(1, jobs) if len(head) > 1 else 1)


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
                  work=process, first: int = 0) -> list[Result]:
    """A worker's task: the jobs of one chunk, one after the other. Stops early, leaving
    the rest undone, when the batch is stopping (interrupted, or its output closed).
    Each job's place and start time go to the worker's slot, for the watchdog."""
    results = []
    for place, (job, name) in enumerate(pairs, first):
        if _STOP is not None and _STOP.is_set():
            break
        if _SLOT is not None:
            slots, at = _SLOT
            slots[at + 1] = 0.0
            slots[at + 2] = place
            slots[at + 1] = time.monotonic()
        try:
            results.append(work(job, name, settings))
        finally:
            if _SLOT is not None:
                slots[at + 1] = 0.0
    return results


_STOP: Any = None  # in a worker: the pool's stop event
_SLOT: Any = None  # in a worker: (the pool's slots, where this worker's start), see _Pool


def _start_worker(stop: Any, slots: Any, taken: Any, parent: int) -> None:
    global _STOP, _SLOT
    _watch_parent(parent)
    # The main process decides when a worker stops: on Ctrl-C it tells the workers (the
    # stop event) and they finish the article in hand. SIGTERM and SIGHUP keep their
    # default (the pool itself ends broken workers with SIGTERM).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)
    _STOP = stop
    with taken.get_lock():
        at = 3 * taken.value
        taken.value += 1
    if at + 3 <= len(slots):
        slots[at] = os.getpid()
        _SLOT = (slots, at)


def _watch_parent(parent: int) -> None:
    """End this worker when the main process ends, whatever ended it (a SIGKILL too): a
    worker left running would hold on to standard output, and to its memory. On Linux
    the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG); elsewhere, and as a
    fallback, a thread looks every second whether the parent is still the same."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the line above
        os._exit(1)
    threading.Thread(target=_poll_parent, args=(parent,), daemon=True,
                     name="audit-parent-watch").start()


def _poll_parent(parent: int) -> None:  # pragma: no cover - runs until the process ends
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _tasks(named: Iterator[tuple[Item, str | None]]) -> Iterator[_Task]:
    """The input cut into chunks of consecutive jobs, 1, 2, 4, ... then CHUNK long, or
    shorter when the jobs reach CHUNK_BYTES of input (files or records' data); an
    input that failed to list ends the chunk before it and is a task of its own."""
    length = 1
    place = 0
    task = _Task([])
    for item, name in named:
        if isinstance(item, Failure):
            if task.pairs:
                yield task
                task = _Task([], first=place)
            yield _Task([], failure=item)
            continue
        task.pairs.append((item, name))
        task.size += _size(item)
        place += 1
        if len(task.pairs) >= length or task.size >= CHUNK_BYTES:
            yield task
            task = _Task([], first=place)
            length = min(length * 2, CHUNK)
    if task.pairs:
        yield task


def _size(job: Job) -> int:
    """The input bytes of a job: its data, or its file's size (0 for a URL: it is capped
    at 20 MB by the fetch, and a list of URLs has no sizes to read)."""
    if job.data is not None:
        return len(job.data)
    if job.path is not None:
        try:
            return os.stat(job.path).st_size
        except (OSError, ValueError):
            return 0
    return 0


class _Pool:
    """The worker processes: replaced by a fresh pool when a worker dies, and told to
    leave queued work undone when the batch stops early.

    With a timeout, each worker writes its pid, the place of the job in hand and when it
    started into its slot of a shared array; ``watch`` kills a worker whose job has run
    past the deadline (plus GRACE), which breaks the pool like any dying worker, and
    remembers the job so that it is failed as timed out and not run again."""

    def __init__(self, jobs: int, settings: Settings, work) -> None:
        import multiprocessing

        self.jobs, self.settings, self.work = jobs, settings, work
        self.context = multiprocessing.get_context()
        self.stop = self.context.Event()
        self.timed_out: set[int] = set()  # places of the jobs killed at their deadline
        self.killed = False  # the watchdog killed a worker of the current executor
        self.executor = self._start()

    def _start(self):
        from concurrent.futures import ProcessPoolExecutor

        self.slots = self.context.Array("d", 3 * self.jobs, lock=False)
        taken = self.context.Value("i", 0)
        self.killed = False
        self.killed_at = 0.0
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=self.context,
                                   initializer=_start_worker,
                                   initargs=(self.stop, self.slots, taken, os.getpid()))

    def submit(self, task: _Task) -> None:
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        try:
            task.future = self.executor.submit(process_chunk, task.pairs, self.settings,
                                               self.work, task.first)
        except BrokenProcessPool as exc:  # a worker died since the last result came
            task.future = Future()
            task.future.set_exception(exc)

    def result(self, task: _Task) -> list[Result]:
        """The task's results, watching every worker's deadline while waiting."""
        from concurrent.futures import wait
        from concurrent.futures.process import BrokenProcessPool

        while self.settings.timeout and not wait([task.future], timeout=TICK).done:
            self.watch()
            if self.killed_at and time.monotonic() - self.killed_at > STUCK:
                # The pool should have broken at once. A worker killed while it sent
                # results leaves the pool's reader waiting for the rest for good.
                self.renew(abandon=True)
                stuck = BrokenProcessPool("a killed worker left the pool stuck")
                stuck.renewed = True
                raise stuck
        return task.future.result()

    def watch(self) -> None:
        """Kill every worker whose job has overrun its deadline (plus GRACE)."""
        if not self.settings.timeout:
            return
        now = time.monotonic()
        slots = self.slots
        for at in range(0, len(slots), 3):
            started = slots[at + 1]
            if not started or now - started <= self.settings.timeout + GRACE:
                continue
            place = int(slots[at + 2])
            if slots[at + 1] != started:  # it moved on to the next job meanwhile
                continue
            try:
                os.kill(int(slots[at]), signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                continue
            slots[at + 1] = 0.0
            self.timed_out.add(place)
            self.killed = True
            self.killed_at = self.killed_at or time.monotonic()

    def renew(self, abandon: bool = False) -> None:
        """A fresh pool for the broken one; with ``abandon``, the old one is stuck: its
        workers are killed and its threads left behind (see ``abandoned``)."""
        global abandoned
        if abandon:
            abandoned = True
            for worker in list((getattr(self.executor, "_processes", None) or {}).values()):
                worker.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def close(self, early: bool) -> None:
        if not early:
            self.executor.shutdown(wait=True, cancel_futures=True)
            return
        # The workers finish the job in hand and leave the rest; one still busy after
        # STOP_WAIT (or past its deadline, or when told again) is killed.
        self.stop.set()
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=False, cancel_futures=True)
        until = time.monotonic() + STOP_WAIT
        try:
            for worker in processes:
                while worker.is_alive() and time.monotonic() < until:
                    self.watch()
                    worker.join(TICK)
        finally:
            killed = [worker for worker in processes if worker.is_alive()]
            for worker in killed:
                worker.kill()
                worker.join(1.0)  # reaped: its temporary files are seen to be stale
            # A worker killed while it sent results leaves the pool's reader thread stuck
            # for good: then it is not waited for.
            self.executor.shutdown(wait=not killed)


def _run_parallel(named: Iterator[tuple[Item, str | None]], settings: Settings,
                  jobs: int, work=process) -> Iterator[Result]:
    """Chunks of jobs on a pool of ``jobs`` workers, a few chunks per worker in flight
    (and at most IN_FLIGHT_BYTES of input, but always one chunk per worker).

    When a worker dies (killed, out of memory, a crash in C code), every chunk in flight
    fails with it, and which job was to blame is unknown. Those jobs are then run again
    one at a time with nothing else in flight, on a fresh pool: the one whose worker dies
    again is reported as failed, and every other gets its report. When the watchdog
    killed the worker, the job to blame is known: it fails as timed out, and the others
    go again in chunks. A chunk that fails in any other way (a bug) has its jobs run one
    at a time too, so the failure is named."""
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
                while len(pending) < window and (held < IN_FLIGHT_BYTES or len(pending) < jobs):
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
            if task.verdict is not None:
                yield task.verdict
                continue
            if task.alone:
                pool.submit(task)
            try:
                results = pool.result(task)
            except BrokenProcessPool as exc:
                renewed = getattr(exc, "renewed", False)  # a stuck pool, renewed already
                known = pool.killed or renewed
                if not renewed:
                    pool.renew()
                if task.alone:  # it died again with nothing else running: this job did it
                    source = task.pairs[0][0].source
                    yield (timed_out(source, settings) if task.first in pool.timed_out
                           else Result(source, status="failed", error="the worker process died"))
                    continue
                pending.appendleft(task)
                pending = deque(_retry(pending, pool) if known else _suspects(pending))
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


def _unfinished(task: _Task) -> bool:
    return task.failure is None and task.verdict is None and not (
        task.future.done() and not task.future.cancelled()
        and task.future.exception() is None)


def _suspects(tasks: Iterable[_Task]) -> Iterator[_Task]:
    """After a worker died: every task without its results, split into single jobs to be
    run alone; tasks already finished, and listing failures, as they were."""
    for task in tasks:
        if _unfinished(task):
            yield from _one_by_one(task)
        else:
            yield task


def _retry(tasks: Iterable[_Task], pool: _Pool) -> Iterator[_Task]:
    """After the watchdog killed a worker: every task without its results goes to the
    fresh pool again, but for the jobs that overran, which fail as timed out."""
    for task in tasks:
        if not _unfinished(task):
            yield task
            continue
        part = _Task([], first=task.first)
        for place, pair in enumerate(task.pairs, task.first):
            if place not in pool.timed_out:
                part.pairs.append(pair)
                part.size += _size(pair[0])
                continue
            if part.pairs:
                pool.submit(part)
                yield part
            yield _Task([pair], first=place, verdict=timed_out(pair[0].source, pool.settings))
            part = _Task([], first=place + 1)
        if part.pairs:
            pool.submit(part)
            yield part


def _one_by_one(task: _Task) -> list[_Task]:
    """The jobs of ``task``, each a task to be run alone."""
    return [_Task([pair], alone=True, first=place)
            for place, pair in enumerate(task.pairs, task.first)]


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
    if _key(candidate) in taken or candidate.lower() in RESERVED:
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


def remove_stale_temporaries(folder: Path, name: str | None = None) -> int:
    """Delete the temporary files that runs no longer alive left in ``folder`` (only those
    of the file ``name``, when given); returns how many. A temporary file whose process
    is still running belongs to a live run (two runs on one ``--out``) and is left alone."""
    removed = 0
    for entry in folder.iterdir():
        found = _TMP.match(entry.name)
        if found is None or (name is not None and entry.name != f".{name}.{found[1]}.tmp"):
            continue
        if not _alive(int(found[1])) and entry.is_file():
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    """Whether process ``pid`` is running (a process of another user counts). A zombie is
    not: a killed run's workers stay zombies where nothing reaps orphans (a container
    whose first process is not an init), and their temporaries are as stale as any."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rpartition(b")")[2].split()[:1]
    except OSError:  # no /proc (not Linux), or gone meanwhile
        return True
    return state not in ([b"Z"], [b"X"])


# Reports are serialised with orjson: a report averages 77 KB of indented JSON, which the
# standard library writes with its pure-Python encoder (indent turns the C one off) in
# 2.1 ms, a fifth of a batch's time per article; orjson writes the same text in 0.1 ms.
_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS | orjson.OPT_APPEND_NEWLINE


def dumps(report: dict[str, Any]) -> str:
    """A report as written to its file: indented by 2, UTF-8 characters as they are, one
    final newline. For what reports hold (strings, small integers, rounded floats) this
    is the text of ``json.dumps(report, ensure_ascii=False, indent=2)`` and a newline."""
    return orjson.dumps(report, option=_INDENTED).decode("utf-8")


def dumps_line(report: dict[str, Any]) -> str:
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
        self.rules: Counter[str] = Counter()  # findings by rule id, over the articles
        self.source_types: Counter[str] = Counter()  # cited sources by type, likewise
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
        self.rules.update(record.get("rules", {}))
        self.source_types.update(record.get("source_types", {}))
        article = {"source": result.source, "report": result.report_name,
                   "sha256": record.get("sha256", ""), "overall": record.get("overall"),
                   "grade": record.get("grade")}
        self._spool.write(json.dumps(article, ensure_ascii=False) + "\n")

    def is_below(self, overall: float | None) -> bool:
        return self.fail_under is not None and overall is not None and overall < self.fail_under

    @property
    def total(self) -> int:
        return self.audited + len(self.failed)

    def header(self, interrupted: bool = False) -> dict[str, Any]:
        """The summary without its article records (validated with them left out)."""
        summary: dict[str, Any] = {
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
            "rules": [{"rule_id": rule_id, "count": count} for rule_id, count
                      in sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))],
            "source_types": {kind: self.source_types[kind] for kind in SPECIFICITY},
            "articles": [],
            "failed": self.failed,
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
