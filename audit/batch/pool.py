"""Many jobs: the worker pool, with its chunking, its deadline watchdog, the workers'
watch on the main process, and the isolation of a job whose worker dies."""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from audit.batch.files import Names, safe_name
from audit.batch.job import Result, Settings, process, timed_out
from audit.inputs import Failure, Item, Job

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
        taken: Names | set[int] | None = None) -> Iterator[Result]:
    """Results for every item, in input order. ``jobs`` > 1 uses worker processes, with at
    most a few small chunks of jobs per worker in flight at once. With a timeout, even one
    article, or ``jobs`` 1, runs in a worker process: only a process can be stopped
    inside C code, and killing it must not end the batch."""
    taken = Names() if taken is None else taken
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
           taken: Names | set[int]) -> Iterator[tuple[Item, str | None]]:
    for item in items:
        if isinstance(item, Failure):
            yield item, None
        else:
            wants_name = settings.out_dir or settings.html_dir
            name = safe_name(item.name, taken) if wants_name else None
            yield item, name + ".gz" if name and settings.gzip else name


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


def _start_worker(stop: Any, slots: Any, taken: Any, parent: int,
                  max_memory: int | None = None) -> None:
    global _STOP, _SLOT
    _watch_parent(parent)
    _limit_memory(max_memory)
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


def _limit_memory(mebibytes: int | None) -> None:
    """Let this worker grow by at most ``mebibytes`` beyond the address space it starts
    with (a forked worker starts with its parent's: a test runner's or a notebook's can
    be larger than the cap itself), so that no article can make the batch's memory grow
    without bound: past the cap an allocation fails, the article fails with "out of
    memory" (``process`` catches MemoryError) and the worker goes on; where the cap is hit
    inside C code that does not recover, the worker dies and only its article fails."""
    if not mebibytes:
        return
    try:
        import resource

        with open("/proc/self/statm", "rb") as statm:
            start = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        limit = start + mebibytes * 1024 * 1024
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # no such limit or no /proc here
        pass


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
                                   initargs=(self.stop, self.slots, taken, os.getpid(),
                                             self.settings.max_memory))

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

    tasks = _tasks(named)
    pending: deque[_Task] = deque()
    pool = _Pool(jobs, settings, work)
    finished = False
    try:
        while True:
            if not any(t.alone for t in pending):  # no new work while suspects wait
                _fill(pending, tasks, pool, jobs)
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


def _fill(pending: deque[_Task], tasks: Iterator[_Task], pool: _Pool, jobs: int) -> None:
    """New tasks submitted and queued until three chunks a worker are pending or
    IN_FLIGHT_BYTES of input are held, but always one chunk a worker."""
    held = sum(t.size for t in pending)
    while len(pending) < jobs * 3 and (held < IN_FLIGHT_BYTES or len(pending) < jobs):
        task = next(tasks, None)
        if task is None:
            return
        if task.failure is None:
            pool.submit(task)
            held += task.size
        pending.append(task)


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

