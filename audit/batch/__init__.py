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

The package follows those parts: ``job`` (one article, its deadline alarm), ``pool`` (many
jobs: chunking, the watchdog, worker deaths), ``files`` (safe names, atomic writes,
serialisation) and ``summary`` (summary.json). The names below are its interface.
"""

from __future__ import annotations

from typing import Any

from audit.batch import files, job, pool, summary
from audit.batch.files import (
    MAX_NAME,
    RESERVED,
    atomic_file,
    dumps,
    dumps_line,
    encode,
    remove_stale_temporaries,
    safe_name,
    temporary_path,
    write_atomic,
)
from audit.batch.job import SCORE_KEYS, Result, Settings, process, timed_out
from audit.batch.pool import CHUNK, CHUNK_BYTES, IN_FLIGHT_BYTES, process_chunk, run
from audit.batch.summary import SUMMARY_SCHEMA, Summary

__all__ = [
    "CHUNK", "CHUNK_BYTES", "IN_FLIGHT_BYTES", "MAX_NAME", "RESERVED", "SCORE_KEYS",
    "SUMMARY_SCHEMA", "Result", "Settings", "Summary", "atomic_file", "dumps", "dumps_line",
    "encode", "files", "job", "pool", "process", "process_chunk", "remove_stale_temporaries", "run",
    "safe_name", "summary", "temporary_path", "timed_out", "write_atomic",
]


def __getattr__(name: str) -> Any:
    # ``abandoned`` changes while a batch runs: it is read from ``pool`` each time, never
    # copied here.
    if name == "abandoned":
        return pool.abandoned
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
