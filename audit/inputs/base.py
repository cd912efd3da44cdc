"""What every kind of input shares: the job and failure records, the --include/--exclude
selection, the interface each source implements, and bounded reading of files of records.

A source (one module each beside this one) says whether it ``claims`` a command-line
argument and turns it into ``items``: jobs, and failures for what could not even become a
job. ``audit.inputs.iter_items`` asks the sources in order; the first that claims an
argument reads it.
"""

from __future__ import annotations

import fnmatch
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from audit.decode import MAX_BYTES, MESSAGE_LIMIT, displayable, without_credentials

MAX_RECORD_BYTES = MAX_BYTES  # a record is one article: the same cap as a file


@dataclass(frozen=True)
class Job:
    """One article to audit.

    ``source`` is how the user will recognise it (a path, a URL, "-", "list.jsonl#id");
    ``name`` is what its report's file name is made from. Exactly one of ``path`` (read
    by the worker), ``data`` (already in hand) or ``fetch`` (a URL to download) is set.
    """

    source: str
    name: str
    path: str | None = None
    data: bytes | None = None
    url: str | None = None
    input_format: str | None = None
    fetch: bool = False

    def __post_init__(self) -> None:
        # What is shown and written must be valid UTF-8, free of control characters and
        # of a URL's password; ``path`` keeps the name to open, ``url`` the URL to fetch.
        from_os = self.path is not None or self.fetch  # a file name or an argument
        for key in ("source", "name"):
            shown = displayable(without_credentials(getattr(self, key)), file_name=from_os)
            object.__setattr__(self, key, shown)


@dataclass(frozen=True)
class Failure:
    """An input that could not even be turned into a job."""

    source: str
    reason: str

    def __post_init__(self) -> None:  # a path, a list or a record's place in its file
        object.__setattr__(self, "source",
                           displayable(without_credentials(self.source), file_name=True))
        object.__setattr__(self, "reason", displayable(self.reason, limit=MESSAGE_LIMIT))


Item = Job | Failure


@dataclass(frozen=True)
class Selection:
    """--include and --exclude: a pattern matches the path below the walked directory or
    the file name; ``**/`` matches any number of directories, none too (as in .gitignore),
    so ``**/*.txt`` takes the top directory's files as well."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]

        def hit(patterns: tuple[str, ...]) -> bool:
            return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p)
                       or ("**/" in p and fnmatch.fnmatch(relative, p.replace("**/", "")))
                       for p in patterns)

        if self.include and not hit(self.include):
            return False
        return not hit(self.exclude)


EVERYTHING = Selection()  # no --include or --exclude


@dataclass(frozen=True)
class Context:
    """What reading an argument may need besides the argument itself."""

    selection: Selection = EVERYTHING
    timeout: float | None = None  # reading one record of a file (None: no limit)
    stdin: BinaryIO | None = None  # standard input's bytes (None: the process's own)


class Source:
    """One kind of input. ``claims`` may raise OSError (a path that cannot be looked at):
    the argument is then one Failure."""

    name: str = ""

    def claims(self, arg: str) -> bool:
        raise NotImplementedError

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        raise NotImplementedError


# ----------------------------------------------------------------------------- reading
# Records are read here, in the main process, one at a time: every read is bounded (a
# line or a record's content at most MAX_RECORD_BYTES, a record's headers at most
# MAX_HEADER_BYTES, decompressed bytes counted as they stream) and, for files, every
# record must be read within the timeout. A file that breaks a bound is one failure.

MAX_LIST_LINE = 64 * 1024  # a line of --from-file: a path or a URL
MAX_HEADER_BYTES = 1 << 20  # a WARC record's WARC and HTTP headers together
_BLOCK = 1 << 16


class ReadStopped(Exception):
    """Reading a file of records must stop here (over a bound, or out of time)."""


class _Guarded:
    """A binary stream read record by record. Each read checks the current record's
    deadline; while ``budget`` is set (a record's headers), at most that many more bytes
    may be read. A read without a size reads one block, never the whole stream."""

    def __init__(self, stream: BinaryIO, timeout: float | None = None,
                 head: bytes = b"") -> None:
        self.stream, self.timeout, self.head = stream, timeout, head
        self.deadline: float | None = None
        self.budget: int | None = None
        self.next_record()

    def next_record(self, budget: int | None = None) -> None:
        self.deadline = time.monotonic() + self.timeout if self.timeout else None
        self.budget = budget

    def _check(self, data: bytes) -> bytes:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise ReadStopped(f"gave up reading after {self.timeout:g} s "
                              "(input too large or too odd)")
        if self.budget is not None:
            self.budget -= len(data)
            if self.budget < 0:
                raise ReadStopped(f"a record's headers are over the {MAX_HEADER_BYTES:,}-byte "
                                  "cap (damaged or not an archive)")
        return data

    def read(self, size: int | None = -1) -> bytes:
        size = _BLOCK if size is None or size < 0 else size
        if self.head:
            data, self.head = self.head[:size], self.head[size:]
            return self._check(data)
        return self._check(self.stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        size = _BLOCK if size is None or size < 0 else size
        data = b""
        if self.head:
            end = self.head.find(b"\n", 0, size)
            cut = size if end < 0 else end + 1
            data, self.head = self.head[:cut], self.head[cut:]
            if end >= 0 or len(data) == size:
                return self._check(data)
        return data + self._check(self.stream.readline(size - len(data)))


def _lines(stream: _Guarded, cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for every line of ``stream``, a line read at most ``cap``
    bytes at a time; a longer line is skipped as it streams and given as None. Each line
    yielded starts a new record for the deadline (blank lines do not)."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_BLOCK)
            line = None
        elif not line.strip():
            continue
        yield number, line
        stream.next_record()


def _read_file(path: str, read: Callable[[_Guarded], Iterator[Item]], timeout: float | None,
               *, gzipped: bool = False) -> Iterator[Item]:
    """Open ``path`` (inflating it as it streams when it ends in .gz) and let ``read``
    turn it into items; failing to open or read it is one Failure, and the batch goes on."""
    try:
        if gzipped and path.lower().endswith(".gz"):
            import gzip

            handle: BinaryIO = gzip.open(path, "rb")  # type: ignore[assignment]
        else:
            handle = open(path, "rb")
    except OSError as exc:
        yield Failure(path, exc.strerror or str(exc))
        return
    yield from read_stream(handle, path, read, timeout)


def read_stream(handle: BinaryIO, path: str, read: Callable[[_Guarded], Iterator[Item]],
                timeout: float | None) -> Iterator[Item]:
    """Let ``read`` turn an open stream (closed at the end) into items; a read that fails
    or breaks a bound is one Failure. (The Spark job opens remote files itself.)"""
    with handle:
        try:
            yield from read(_Guarded(handle, timeout))
        except ReadStopped as exc:
            yield Failure(path, str(exc))
        except EOFError:
            yield Failure(path, "read failed: the compressed file is cut short")
        except (OSError, zlib.error) as exc:
            yield Failure(path, f"read failed: {getattr(exc, 'strerror', None) or exc}")
