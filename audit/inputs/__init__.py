"""Where articles come from: files, directories, standard input, lists of paths, JSON Lines
records, WARC files, gzip-compressed pages and http(s) URLs, all as one lazy stream of
jobs. One module per source, each a ``Source`` (``base``): it ``claims`` an argument
and turns it into ``items``.

Nothing here reads a whole batch into memory: directories are walked lazily, JSON Lines
and WARC files are read record by record, and a plain file is read only by the worker
that audits it. A problem with one input (a bad JSON line, an unreadable list) becomes a
``Failure`` in the stream, so the rest of the batch goes on.
"""

from __future__ import annotations

import os
import time  # noqa: F401 - tests stop the clock through audit.inputs.time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from audit.inputs import base, files, gzpages, lists, records, stdin, urls, warc
from audit.inputs.base import (
    EVERYTHING,
    MAX_HEADER_BYTES,
    MAX_LIST_LINE,
    Context,
    Failure,
    Item,
    Job,
    ReadStopped,
    Selection,
    Source,
)
from audit.inputs.gzpages import PAGE_GZ_SUFFIXES
from audit.inputs.records import RECORD_SUFFIXES
from audit.inputs.urls import is_url
from audit.inputs.warc import WARC_SUFFIXES

__all__ = [
    "MAX_HEADER_BYTES", "MAX_LIST_LINE", "PAGE_GZ_SUFFIXES", "RECORD_SUFFIXES", "SOURCES",
    "WARC_SUFFIXES", "Context", "Failure", "Item", "Job", "ReadStopped", "Selection", "Source",
    "base", "count_files", "is_url", "iter_items", "iter_list", "load", "names_one_article",
]

# The sources a command-line argument may be, asked in this order: the first that claims
# it reads it (a directory is walked whatever its name; what nothing else claims is a file).
SOURCES: tuple[Source, ...] = (stdin.SOURCE, urls.SOURCE, files.DIRECTORIES, records.SOURCE,
                               warc.SOURCE, gzpages.SOURCE, files.FILES)
iter_list = lists.iter_list


def iter_items(args: Iterable[str], *, selection: Selection = EVERYTHING,
               stdin: BinaryIO | None = None, timeout: float | None = None) -> Iterator[Item]:
    """Jobs (and failures) for every argument, in order. ``timeout`` bounds the time spent
    reading any one record of a JSON Lines or WARC file (they are read here, in the main
    process); None for no limit."""
    context = Context(selection, timeout, stdin)
    for arg in args:
        try:  # a path inside a directory the user cannot search fails here
            source = next(s for s in SOURCES if s.claims(arg))
        except OSError as exc:
            yield Failure(arg, exc.strerror or str(exc))
            continue
        yield from source.items(arg, context)


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
