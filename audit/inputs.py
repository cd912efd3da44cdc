"""Where articles come from: files, directories, standard input, lists of paths, JSON Lines
records, WARC files and http(s) URLs, all as one lazy stream of jobs.

Nothing here reads a whole batch into memory: directories are walked lazily, JSON Lines
and WARC files are read record by record, and a plain file is read only by the worker
that audits it. A problem with one input (a bad JSON line, an unreadable list) becomes a
``Failure`` in the stream, so the rest of the batch goes on.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from audit.decode import MAX_BYTES, MESSAGE_LIMIT, displayable, without_credentials

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
PAGE_GZ_SUFFIXES = (".html.gz", ".htm.gz", ".txt.gz")  # one compressed page
MAX_RECORD_BYTES = MAX_BYTES  # a record is one article: the same cap as a file
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}://")


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


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def iter_items(args: Iterable[str], *, selection: Selection = Selection(),
               stdin: BinaryIO | None = None, timeout: float | None = None) -> Iterator[Item]:
    """Jobs (and failures) for every argument, in order. ``timeout`` bounds the time spent
    reading any one record of a JSON Lines or WARC file (they are read here, in the main
    process); None for no limit."""
    for arg in args:
        if arg == "-":
            yield from _from_stdin(stdin or getattr(sys.stdin, "buffer", None))
            continue
        if is_url(arg):  # a password in the URL is used to fetch it, never shown
            yield Job(source=arg, name=arg, url=arg, fetch=True)
            continue
        try:  # a path inside a directory the user cannot search fails here
            scheme_only = _SCHEME.match(arg) and not Path(arg).exists()
            is_dir = not scheme_only and Path(arg).is_dir()
        except OSError as exc:
            yield Failure(arg, exc.strerror or str(exc))
            continue
        if scheme_only:
            scheme = arg.split(":", 1)[0]
            yield Failure(arg, f"unsupported URL scheme {scheme!r}: only http and https")
        elif is_dir:
            yield from _walk(Path(arg), selection, timeout)
        else:
            yield from _from_file(arg, timeout)


def iter_list(list_path: str, *, selection: Selection = Selection(),
              stdin: BinaryIO | None = None, timeout: float | None = None) -> Iterator[Item]:
    """``--from-file LIST``: one path or URL per line; blank lines and # comments skipped."""
    try:
        handle = ((stdin or getattr(sys.stdin, "buffer", None)) if list_path == "-"
                  else open(list_path, "rb"))
    except OSError as exc:
        yield Failure(list_path, f"cannot read the list: {exc.strerror or exc}")
        return
    if handle is None:
        yield Failure(list_path, "standard input is closed")
        return
    with handle:
        try:
            for number, raw in _lines(_Guarded(handle), MAX_LIST_LINE):
                if raw is None:
                    yield Failure(f"{list_path}:{number}",
                                  f"line is over the {MAX_LIST_LINE:,}-byte cap")
                    continue
                line = raw.decode("utf-8", errors="replace").strip()
                if line and not line.startswith("#"):
                    yield from iter_items([line], selection=selection, timeout=timeout)
        except OSError as exc:
            yield Failure(list_path, f"cannot read the list: {exc.strerror or exc}")


def _from_file(arg: str, timeout: float | None) -> Iterator[Item]:
    lower = arg.lower()
    if lower.endswith(RECORD_SUFFIXES):
        yield from _records_file(arg, timeout)
    elif lower.endswith(WARC_SUFFIXES):
        yield from _warc_file(arg, timeout)
    elif lower.endswith(PAGE_GZ_SUFFIXES):
        yield from _read_file(arg, lambda stream: _gzip_page(stream, arg), timeout,
                              gzipped=True)
    else:
        yield Job(source=arg, name=Path(arg).name or arg, path=arg)


def _walk(root: Path, selection: Selection, timeout: float | None) -> Iterator[Item]:
    """Files below ``root`` in sorted order. Symlinked directories are not followed, so
    a link loop cannot trap the walk; hidden files and directories are skipped."""
    def on_error(exc: OSError) -> None:
        failures.append(Failure(exc.filename or str(root), exc.strerror or str(exc)))

    failures: list[Failure] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        yield from failures
        failures.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if filename.startswith("."):
                continue
            path = Path(dirpath, filename)
            relative = path.relative_to(root).as_posix()
            if not selection.wants(relative):
                continue
            if filename.lower().endswith(RECORD_SUFFIXES + WARC_SUFFIXES + PAGE_GZ_SUFFIXES):
                yield from _from_file(str(path), timeout)
            else:
                yield Job(source=str(path), name=relative, path=str(path))
    yield from failures


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


def _from_stdin(stream: BinaryIO | None) -> Iterator[Item]:
    """Standard input is one article, unless it is JSON Lines records. At most the cap
    is read before it is refused; never the whole of a larger stream."""
    if stream is None:
        yield Failure("-", "standard input is closed")
        return
    cap = MAX_RECORD_BYTES
    try:
        first = stream.readline(cap + 1)
        if len(first) <= cap and _looks_like_record(first):
            yield from _records(_Guarded(stream, head=first), "-")
            return
        data = first + stream.read(cap + 1 - len(first))
    except (OSError, ValueError) as exc:  # closed, or not readable
        yield Failure("-", f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}")
        return
    if len(data) > cap:
        yield Failure("-", f"input is over the {cap:,}-byte cap")
        return
    yield Job(source="-", name="stdin", data=data)


def _looks_like_record(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        value = json.loads(line)
    except RecursionError:
        return True  # a record nested too deep: it fails alone, as in a file
    except ValueError:
        return False
    return isinstance(value, dict) and ("html" in value or "text" in value)


def _records_file(path: str, timeout: float | None) -> Iterator[Item]:
    yield from _read_file(path, lambda stream: _records(stream, path), timeout, gzipped=True)


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
    with handle:
        try:
            yield from read(_Guarded(handle, timeout))
        except ReadStopped as exc:
            yield Failure(path, str(exc))
        except EOFError:
            yield Failure(path, "read failed: the compressed file is cut short")
        except (OSError, zlib.error) as exc:
            yield Failure(path, f"read failed: {getattr(exc, 'strerror', None) or exc}")


def _gzip_page(stream: _Guarded, path: str) -> Iterator[Item]:
    """A page compressed with gzip (``.html.gz``, ``.txt.gz``): inflated as it streams, at
    most the cap of a file, then audited like the file would be."""
    cap = MAX_RECORD_BYTES
    chunks, size = [], 0
    while size <= cap:
        block = stream.read(min(_BLOCK, cap + 1 - size))
        if not block:
            break
        chunks.append(block)
        size += len(block)
    if size > cap:
        yield Failure(path, f"input is over the {cap:,}-byte cap after inflating")
        return
    name = Path(path).name
    yield Job(source=path, name=name, data=b"".join(chunks))


def _records(stream: _Guarded, origin: str) -> Iterator[Item]:
    """``{"id", "url", "html"}`` or ``{"id", "text"}``, one article per line."""
    cap = MAX_RECORD_BYTES
    for number, line in _lines(stream, cap):
        where = f"{origin}:{number}"
        if line is None:
            yield Failure(where, f"record is over the {cap:,}-byte cap")
            continue
        try:
            record = json.loads(line)
        except RecursionError:
            yield Failure(where, "record nested too deeply")
            continue
        except ValueError as exc:
            yield Failure(where, f"not valid JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield Failure(where, "a record must be a JSON object")
            continue
        yield _record_job(record, where)


def _record_job(record: dict, where: str) -> Item:
    key = "html" if isinstance(record.get("html"), str) else "text" if isinstance(
        record.get("text"), str) else None
    if key is None:
        return Failure(where, 'a record needs a string "html" or "text" field')
    ident = record.get("id")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    label = str(ident) if ident not in (None, "") else url or where
    return Job(source=label, name=label, data=record[key].encode("utf-8", "surrogatepass"),
               url=url, input_format="html" if key == "html" else "text")


def _warc_file(path: str, timeout: float | None) -> Iterator[Item]:
    """Every HTML response record of a WARC file is one article, named by its target URI.
    A .gz file is inflated here as it streams (not by warcio), so that every byte warcio
    reads passes the bounds of ``_Guarded``."""
    yield from _read_file(path, lambda stream: _warc_records(stream, path), timeout,
                          gzipped=True)


def _warc_records(stream: _Guarded, path: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    start = stream.read(_BLOCK)
    if not start.strip():
        yield Failure(path, "empty input")
        return
    if not start.lstrip().startswith((b"WARC/", b"filedesc://")):
        yield Failure(path, "not a WARC or ARC file (it does not start with a WARC/ or "
                            "filedesc:// header)")
        return
    stream.head = start + stream.head
    records = ArchiveIterator(stream)
    held: Item | None = None  # a record's item, yielded once the next record is found whole
    while True:
        stream.next_record(budget=MAX_HEADER_BYTES)
        try:
            with _quiet_warcio() as complaints:
                record = next(records, None)
        except Exception as exc:  # warcio raises several kinds on a damaged archive
            if held is not None:
                yield held
            if isinstance(exc, ReadStopped):
                raise
            yield Failure(path, f"damaged WARC: {_first_line(exc)}")
            return
        if held is not None:
            # warcio complains when a record is not followed by its blank lines: the
            # record before had a wrong length, and its content is not whole.
            yield held if not complaints.count else Failure(
                held.source, "damaged WARC record: its length does not match its content")
            held = None
            stream.next_record()  # the consumer's time meanwhile is not this record's
        if record is None:
            return
        stream.budget = None
        try:
            with _quiet_warcio():
                held = _warc_item(record, path)
        except ReadStopped:
            raise
        except Exception as exc:  # a record's content that warcio cannot decode
            yield Failure(path, f"damaged WARC: {_first_line(exc)}")
            return


def _first_line(exc: BaseException) -> str:
    """What a damaged archive's error says, in a few words."""
    if isinstance(exc, EOFError):
        return "the compressed file is cut short"
    if isinstance(exc, (AttributeError, TypeError, KeyError, IndexError)):
        return "a record's headers are malformed"  # warcio tripping over them (no URI...)
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _warc_item(record, path: str) -> Item | None:
    """The item of one WARC record (None for a record that is not an HTML response), its
    content read up to the cap and the rest of the record skipped as it streams."""
    headers = record.http_headers
    html = (record.rec_type == "response" and headers is not None
            and "html" in (headers.get_header("Content-Type") or "").lower())
    uri = record.rec_headers.get_header("WARC-Target-URI") or path
    cap = MAX_RECORD_BYTES
    try:
        data = record.content_stream().read(cap + 1) if html else b""
    finally:
        while record.raw_stream.read(_BLOCK):  # what is left of the record, not kept
            pass
    if getattr(record.raw_stream, "limit", 0) > 0:
        return Failure(uri, "WARC record cut short: the file ends inside it")
    if not html:
        return None
    if len(data) > cap:
        return Failure(uri, f"record is over the {cap:,}-byte cap")
    declared = headers.get_header("Content-Length")
    chunked = "chunked" in (headers.get_header("Transfer-Encoding") or "").lower()
    header_bytes = getattr(headers, "total_len", None)
    if (declared and declared.strip().isdigit() and not chunked and record.length is not None
            and header_bytes is not None):
        body = record.length - header_bytes
        if body < int(declared):
            return Failure(uri, f"HTTP body cut short: {body:,} of its Content-Length "
                                f"{int(declared):,} bytes")
    return Job(source=uri, name=uri, data=data, url=uri, input_format="html")


class _Complaints:
    """What warcio wrote to standard error, counted and thrown away."""

    def __init__(self) -> None:
        self.count = 0

    def write(self, text: str) -> int:
        self.count += bool(text.strip())
        return len(text)

    def flush(self) -> None:
        pass


@contextmanager
def _quiet_warcio() -> Iterator[_Complaints]:
    """warcio prints warnings to standard error and logs others: they are counted (a
    warning means a damaged record) instead of shown, also without --quiet."""
    import logging

    logging.getLogger("warcio").setLevel(logging.ERROR)
    complaints = _Complaints()
    with redirect_stderr(complaints):  # type: ignore[type-var]
        yield complaints


def load(job: Job, input_format: str = "auto") -> tuple[bytes, str | None, str]:
    """A job's bytes, the page's URL when known, and the input format to audit it as:
    read (a file), in hand (a record, standard input) or fetched (a URL, whose media type
    decides the format unless one was asked for). Raises InputError with the reason."""
    chosen = job.input_format or input_format
    if job.fetch:
        from audit.fetch import fetch

        fetched = fetch(job.url)
        if input_format == "auto" and fetched.media_type:
            chosen = fetched.media_type
        return fetched.data, fetched.final_url, chosen
    if job.data is not None:
        return job.data, job.url, chosen
    from audit.api import read_input

    return read_input(job.path), job.url, chosen


def count_files(args: Iterable[str], selection: Selection) -> int | None:
    """How many jobs the arguments will give, when that is cheap to know (plain files and
    directories only); None otherwise. Used for the progress bar's time left."""
    total = 0
    for arg in args:
        lower = arg.lower()
        if arg == "-" or is_url(arg) or lower.endswith(RECORD_SUFFIXES + WARC_SUFFIXES):
            return None
        path = Path(arg)
        try:
            is_dir = path.is_dir()
        except OSError:  # the walk will name it; no count
            return None
        if is_dir:
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for filename in filenames:
                    if filename.lower().endswith(RECORD_SUFFIXES + WARC_SUFFIXES):
                        return None
                    relative = Path(dirpath, filename).relative_to(path).as_posix()
                    if not filename.startswith(".") and selection.wants(relative):
                        total += 1
        else:
            total += 1
    return total



def names_one_article(args: Sequence[str]) -> bool:
    """Whether the arguments name exactly one article: one file (not a directory, JSON
    Lines or WARC file), one URL, or standard input. A format that can print one
    article differently from many (``--format json``: an object) asks this."""
    if len(args) != 1:
        return False
    arg = args[0]
    if arg == "-" or is_url(arg):
        return True
    try:
        return not Path(arg).is_dir() and not arg.lower().endswith(RECORD_SUFFIXES
                                                                    + WARC_SUFFIXES)
    except OSError:
        return False
