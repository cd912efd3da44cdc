"""Pages compressed with gzip (``.html.gz``, ``.htm.gz``, ``.txt.gz``): one article each,
inflated as it streams, at most the cap of a file after inflating."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from audit.inputs import base
from audit.inputs.base import _BLOCK, Context, Failure, Item, Job, Source, _Guarded, _read_file

PAGE_GZ_SUFFIXES = (".html.gz", ".htm.gz", ".txt.gz")  # one compressed page


class GzipPageSource(Source):
    name = "gzip-compressed page"

    def claims(self, arg: str) -> bool:
        return arg.lower().endswith(PAGE_GZ_SUFFIXES)

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        return _read_file(arg, lambda stream: _gzip_page(stream, arg), context.timeout,
                          gzipped=True)


SOURCE = GzipPageSource()


def _gzip_page(stream: _Guarded, path: str) -> Iterator[Item]:
    """A page compressed with gzip (``.html.gz``, ``.txt.gz``): inflated as it streams, at
    most the cap of a file, then audited like the file would be."""
    cap = base.MAX_RECORD_BYTES
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
