"""WARC files (``.warc``, ``.warc.gz``; old ARC files, ``.arc.gz``): every HTML response
record is one article, named by its target URI; a damaged record or archive fails with
the reason instead of being audited in part."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr

from audit.inputs import base
from audit.inputs.base import (
    _BLOCK,
    MAX_HEADER_BYTES,
    Context,
    Failure,
    Item,
    Job,
    ReadStopped,
    Source,
    _Guarded,
    _read_file,
)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")


class WarcSource(Source):
    name = "WARC"

    def claims(self, arg: str) -> bool:
        return arg.lower().endswith(WARC_SUFFIXES)

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        return _warc_file(arg, context.timeout)


SOURCE = WarcSource()


def _warc_file(path: str, timeout: float | None) -> Iterator[Item]:
    """Every HTML response record of a WARC file is one article, named by its target URI.
    A .gz file is inflated here as it streams (not by warcio), so that every byte warcio
    reads passes the bounds of ``_Guarded``."""
    yield from _read_file(path, lambda stream: _warc_records(stream, path), timeout,
                          gzipped=True)


def _warc_records(stream: _Guarded, path: str, counts: Counter | None = None) -> Iterator[Item]:
    """The items of an archive; ``counts`` (when given) counts its records ("records")
    and those that are not HTML responses ("not_html"), for the Spark job's counters."""
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
            if counts is not None:
                counts["records"] += 1
                counts["not_html"] += held is None
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
    cap = base.MAX_RECORD_BYTES
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
