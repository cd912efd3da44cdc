"""``--reference PATH``: known sources (wire stories, press releases) an article may derive from.

PATH is a directory, a JSON Lines or a WARC file of sources, read like ``audit check``
inputs; it is indexed once into ``PATH.audit-index`` (SQLite, beside it) and the index
is reused until a source is newer than it (or the index was written by a version that
computes features differently), so a nightly job does not rebuild it. PATH may also
name such an index file itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.copies.index import FORMAT, Reference
from audit.copies.report import add_copies, copy_input, entry
from audit.copies.text import prepare
from audit.model import CreditKind

if TYPE_CHECKING:
    from audit.config import Config

SUFFIX = ".audit-index"
_SQLITE = b"SQLite format 3\x00"


class BadReference(ValueError):
    """The reference cannot be read or indexed (a one-line reason)."""


def _newest(path: Path) -> float:
    if path.is_file():
        return path.stat().st_mtime
    newest = path.stat().st_mtime
    for root, _dirs, files in os.walk(path):
        for name in files:
            newest = max(newest, os.stat(os.path.join(root, name)).st_mtime)
    return newest


def _is_index(path: Path) -> bool:
    if not path.is_file():
        return False
    with open(path, "rb") as handle:
        return handle.read(16) == _SQLITE


def ensure_index(path: str) -> Path:
    """The index of the sources at ``path``, built now if missing or stale."""
    source = Path(path)
    if not source.exists():
        raise BadReference(f"{path}: no such file or directory")
    if _is_index(source):
        if Reference.format_of(source) != FORMAT:
            raise BadReference(f"{path}: an index of another format or version: give the "
                               "sources to index them again")
        return source
    index = Path(str(source).rstrip("/\\") + SUFFIX)
    if (index.is_file() and index.stat().st_mtime >= _newest(source)
            and Reference.format_of(index) == FORMAT):
        return index
    try:
        Reference.build(index, _records(path))
    except OSError as exc:
        raise BadReference(f"{index}: cannot write the index: {exc.strerror or exc}"
                              ) from None
    return index


def _records(path: str) -> Iterator[tuple[str, str, str | None, str | None]]:
    from audit import api, inputs
    from audit.decode import InputError, decode

    for item in inputs.iter_items([path]):
        if isinstance(item, inputs.Failure):
            continue
        try:
            raw = item.data if item.data is not None else api.read_input(item.path)
            decoded = decode(raw, input_format=item.input_format or "auto")
            extraction = api.extract(decoded, url=item.url)
        except InputError:
            continue
        prov = extraction.provenance
        date = prov.published.iso if prov.published else None
        wires = [c.name for c in prov.credits if c.kind in (CreditKind.WIRE, CreditKind.SOURCE)]
        yield item.source, extraction.text, date, wires[0] if wires else None


@lru_cache(maxsize=2)
def _open(index: str) -> Reference:
    return Reference(Path(index))


def attach(report: dict[str, Any], index: str | Reference, config: Config | None = None,
           ) -> None:
    """Add to ``report`` the reference texts its article derives from (``index``: the
    index file, opened once per process, or an open ``Reference``; ``config``: the run's,
    which made the report)."""
    text, date, credits, photo = copy_input(report)
    doc = prepare(report["input"]["source"], text, date=date, credits=credits)
    reference = index if isinstance(index, Reference) else _open(index)
    matches = reference.query(doc)
    if matches:
        add_copies(report, [entry(m, "reference", credits, photo) for m in matches], config)
