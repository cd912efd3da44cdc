"""Files and directories: a file is one article, read by the worker that audits it (a
file of records or a compressed page goes to its own source); a directory is walked
recursively in sorted order, filtered by the selection."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from audit.inputs import gzpages, records, warc
from audit.inputs.base import Context, Failure, Item, Job, Selection, Source

# The sources a file found in a directory may belong to, by its name; other files are one
# article each.
CONTAINERS = (records.SOURCE, warc.SOURCE, gzpages.SOURCE)


class DirectorySource(Source):
    name = "directory"

    def claims(self, arg: str) -> bool:  # a path inside a directory we cannot search raises
        return Path(arg).is_dir()

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        return _walk(Path(arg), context.selection, context.timeout)


class FileSource(Source):
    name = "file"

    def claims(self, arg: str) -> bool:
        return True  # what no other source claims is a file (a missing one fails alone)

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        yield Job(source=arg, name=Path(arg).name or arg, path=arg)


DIRECTORIES = DirectorySource()
FILES = FileSource()


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
            container = next((s for s in CONTAINERS if s.claims(filename)), None)
            if container is not None:
                yield from container.items(str(path), Context(selection, timeout))
            else:
                yield Job(source=str(path), name=relative, path=str(path))
    yield from failures
