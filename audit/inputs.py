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
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from audit.decode import MAX_BYTES, MESSAGE_LIMIT, displayable

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
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
        # What is shown and written must be valid UTF-8 and free of control characters;
        # ``path`` keeps the name to open.
        from_os = self.path is not None or self.fetch  # a file name or an argument
        object.__setattr__(self, "source", displayable(self.source, file_name=from_os))
        object.__setattr__(self, "name", displayable(self.name, file_name=from_os))


@dataclass(frozen=True)
class Failure:
    """An input that could not even be turned into a job."""

    source: str
    reason: str

    def __post_init__(self) -> None:  # a path, a list or a record's place in its file
        object.__setattr__(self, "source", displayable(self.source, file_name=True))
        object.__setattr__(self, "reason", displayable(self.reason, limit=MESSAGE_LIMIT))


Item = Job | Failure


@dataclass(frozen=True)
class Selection:
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def wants(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]

        def hit(patterns: tuple[str, ...]) -> bool:
            return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)

        if self.include and not hit(self.include):
            return False
        return not hit(self.exclude)


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def iter_items(args: Iterable[str], *, selection: Selection = Selection(),
               stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Jobs (and failures) for every argument, in order."""
    for arg in args:
        if arg == "-":
            yield from _from_stdin(stdin or sys.stdin.buffer)
        elif is_url(arg):
            yield Job(source=arg, name=arg, url=arg, fetch=True)
        elif _SCHEME.match(arg) and not Path(arg).exists():
            yield Failure(arg, f"unsupported URL scheme {arg.split(':', 1)[0]!r}: "
                               "only http and https")
        elif Path(arg).is_dir():
            yield from _walk(Path(arg), selection)
        else:
            yield from _from_file(arg)


def iter_list(list_path: str, *, selection: Selection = Selection(),
              stdin: BinaryIO | None = None) -> Iterator[Item]:
    """``--from-file LIST``: one path or URL per line; blank lines and # comments skipped."""
    try:
        handle = (stdin or sys.stdin.buffer) if list_path == "-" else open(list_path, "rb")
    except OSError as exc:
        yield Failure(list_path, f"cannot read the list: {exc.strerror or exc}")
        return
    with handle:
        for raw in handle:
            line = raw.decode("utf-8", errors="replace").strip()
            if line and not line.startswith("#"):
                yield from iter_items([line], selection=selection)


def _from_file(arg: str) -> Iterator[Item]:
    lower = arg.lower()
    if lower.endswith(RECORD_SUFFIXES):
        yield from _records_file(arg)
    elif lower.endswith(WARC_SUFFIXES):
        yield from _warc_file(arg)
    else:
        yield Job(source=arg, name=Path(arg).name or arg, path=arg)


def _walk(root: Path, selection: Selection) -> Iterator[Item]:
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
            if filename.lower().endswith(RECORD_SUFFIXES + WARC_SUFFIXES):
                yield from _from_file(str(path))
            else:
                yield Job(source=str(path), name=relative, path=str(path))
    yield from failures


def _from_stdin(stream: BinaryIO) -> Iterator[Item]:
    """Standard input is one article, unless it is JSON Lines records."""
    first = stream.readline()
    if _looks_like_record(first):
        yield from _records(_chain(first, stream), "-")
        return
    data = first + stream.read()
    yield Job(source="-", name="stdin", data=data)


def _chain(first: bytes, rest: Iterable[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _looks_like_record(line: bytes) -> bool:
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and ("html" in value or "text" in value)


def _records_file(path: str) -> Iterator[Item]:
    yield from _read_file(path, lambda handle: _records(handle, path), gzipped=True)


def _read_file(path: str, read: Callable[[BinaryIO], Iterator[Item]], *,
               gzipped: bool = False) -> Iterator[Item]:
    """Open ``path`` (through gzip when ``gzipped`` and it ends in .gz) and let ``read``
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
            yield from read(handle)
        except OSError as exc:
            yield Failure(path, f"read failed: {exc.strerror or exc}")


def _records(lines: Iterable[bytes], origin: str) -> Iterator[Item]:
    """``{"id", "url", "html"}`` or ``{"id", "text"}``, one article per line."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        if len(line) > MAX_RECORD_BYTES:
            yield Failure(where, f"record is over the {MAX_RECORD_BYTES:,}-byte cap")
            continue
        try:
            record = json.loads(line)
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


def _warc_file(path: str) -> Iterator[Item]:
    """Every HTML response record of a WARC file is one article, named by its target URI."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield Failure(path, "reading WARC files needs the warcio package")
        return

    def read(handle: BinaryIO) -> Iterator[Item]:
        try:
            for record in ArchiveIterator(handle):  # warcio itself handles .warc.gz
                job = _warc_job(record, path)
                if job is not None:
                    yield job
        except OSError:
            raise
        except Exception as exc:  # warcio raises several kinds on a damaged archive
            yield Failure(path, f"damaged WARC: {type(exc).__name__}: {exc}")

    yield from _read_file(path, read)


def _warc_job(record, path: str) -> Job | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in content_type:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or path
    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    return Job(source=uri, name=uri, data=data, url=uri, input_format="html")


def count_files(args: Iterable[str], selection: Selection) -> int | None:
    """How many jobs the arguments will give, when that is cheap to know (plain files and
    directories only); None otherwise. Used for the progress bar's time left."""
    total = 0
    for arg in args:
        lower = arg.lower()
        if arg == "-" or is_url(arg) or lower.endswith(RECORD_SUFFIXES + WARC_SUFFIXES):
            return None
        path = Path(arg)
        if path.is_dir():
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

