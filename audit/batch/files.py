"""The batch's files: safe report names, atomic writes, stale temporaries, and the
serialisation of reports."""

from __future__ import annotations

import gzip
import hashlib
import mmap
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import orjson

MAX_NAME = 120
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TMP = re.compile(r"^\..+\.(\d+)\.tmp$")
# Names the batch itself writes: summary.json, and index.html (an article's page is named
# after its report, so "index.json" would give "index.html").
RESERVED = ("summary.json", "index.json")
# Numbered names tried for a name taken before one is made from its place in the batch.
TRIES = 8


class Names:
    """The report names given so far, in fixed memory: a Bloom filter of ``bits`` bits
    (4 MiB by default, resident as it is touched: all of it after a few thousand names)
    over the names' digests. It may answer "taken" for a name that is not (that name then
    gets its digest, as a second article of the same name does: about 1 name in 6,000 at
    a million, 1 in 4 at ten million), never "free" for one that is; so names stay unique
    and deterministic whatever the batch size, and the main process does not grow with it
    (a set of every name's digest grew by about 70 bytes an article). ``given`` counts
    the names given: a name still "taken" after a few tries gets its place in the batch,
    spelled with a "+" that no name made from an input has, so even a full filter ends."""

    HASHES = 4

    def __init__(self, bits: int = 1 << 25) -> None:
        self.size = bits
        # Anonymous memory, zero-filled by the system page by page as it is first touched
        # (a bytearray would write all of it at once).
        self.bits = mmap.mmap(-1, max(1, bits // 8))
        self.given = 0

    def _positions(self, key: int) -> Iterator[int]:
        for _ in range(self.HASHES):
            yield key % self.size
            key //= self.size

    def __contains__(self, key: int) -> bool:
        return all(self.bits[p >> 3] & (1 << (p & 7)) for p in self._positions(key))

    def add(self, key: int) -> None:
        for p in self._positions(key):
            self.bits[p >> 3] |= 1 << (p & 7)


def safe_name(name: str, taken: Names | set[int]) -> str:
    """A report file name for ``name``: deterministic, unique within ``taken``, and unable
    to leave the output directory (no separators, no "..", no odd characters, bounded).

    ``taken`` holds 16-byte digests of the names given so far (a ``Names`` filter in a
    batch), not the names."""
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
            if counter > TRIES:  # _UNSAFE never leaves a "+": no other name has this one
                place = taken.given if isinstance(taken, Names) else len(taken)
                candidate = f"{base}-{digest}+{place}.json"
                break
            candidate = f"{base}-{digest}-{counter}.json"
            counter += 1
    taken.add(_key(candidate))
    if isinstance(taken, Names):
        taken.given += 1
    return candidate


def _key(name: str) -> int:
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8", "surrogatepass"),
                                          digest_size=16).digest(), "big")


def page_name_of(report_name: str) -> str:
    """The HTML page's name of a report file's (``x.json`` or ``x.json.gz``: ``x.html``)."""
    return report_name.removesuffix(".gz").removesuffix(".json") + ".html"


def read_report(path: Path) -> str:
    """A report file's text, inflated when its name ends in .gz (``--gzip``)."""
    if path.name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return handle.read()
    return path.read_text(encoding="utf-8")


def temporary_path(path: Path) -> Path:
    """The name ``path`` is written under before its rename: hidden, with the process id,
    ending in .tmp (the shape ``remove_stale_temporaries`` looks for)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


@contextmanager
def atomic_file(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """A file to write ``path`` through (text, or bytes with ``binary``): a temporary file
    in the same directory, renamed into place when the block ends, removed when it fails.
    Readers, and a rerun after a killed run, see the old file or the new one, never half of
    one. (No fsync: that guards against power loss, not a killed process, and it would
    cost more than writing the report.)"""
    tmp = temporary_path(path)
    try:
        with (open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8")) as handle:
            yield handle
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` through ``atomic_file``: bytes as they are (a report
    from ``encode``, never decoded and encoded again), text as UTF-8."""
    with atomic_file(path, binary=isinstance(content, bytes)) as handle:
        handle.write(content)


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
_COMPACT = orjson.OPT_NON_STR_KEYS


def lean(report: dict[str, Any]) -> dict[str, Any]:
    """The lean level of a report (``--report-level lean``): marked ``report_level``
    "lean", with no settings but their digest and no ``article.blocks`` (the furniture and
    every input line's text, most of a full report's size). A shallow copy: ``report`` is
    left whole for whatever else reads it (the HTML page, the summary)."""
    out: dict[str, Any] = {}
    for key, value in report.items():
        if key == "config":
            value = {"digest": value["digest"]}
        elif key == "article":
            value = {k: v for k, v in value.items() if k != "blocks"}
        out[key] = value
        if key == "schema_version":
            out["report_level"] = "lean"
    return out


def encode(report: dict[str, Any], level: str = "full") -> bytes:
    """A report as written to its file, as UTF-8 bytes. Full: indented by 2, characters
    as they are, one final newline; for what reports hold (strings, small integers,
    rounded floats) the text of ``json.dumps(report, ensure_ascii=False, indent=2)`` and
    a newline. Lean: ``lean(report)`` as one compact line. The batch writes these bytes as
    they are: decoding them to text and encoding that again cost more than making them,
    and grew faster than the report (issue 14)."""
    if level == "lean":
        return orjson.dumps(lean(report), option=_COMPACT | orjson.OPT_APPEND_NEWLINE)
    return orjson.dumps(report, option=_INDENTED)


def compress(data: bytes) -> bytes:
    """gzip of ``data`` with no time stamp in it, so that equal reports give equal files."""
    return gzip.compress(data, compresslevel=6, mtime=0)


def dumps(report: dict[str, Any], level: str = "full") -> str:
    """``encode`` as text (for what prints it)."""
    return encode(report, level).decode("utf-8")


def dumps_line(report: dict[str, Any], level: str = "full") -> str:
    """A report as one line of JSON Lines (no spaces after separators)."""
    return orjson.dumps(lean(report) if level == "lean" else report,
                        option=_COMPACT).decode("utf-8")
