"""``--from-file LIST``: paths or URLs, one a line (``-`` for standard input), each read
by the source that claims it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import BinaryIO

from audit.inputs.base import (
    EVERYTHING,
    MAX_LIST_LINE,
    Context,
    Failure,
    Item,
    Selection,
    Source,
    _Guarded,
    _lines,
)


class ListSource(Source):
    """Never claims an argument: a list is named with --from-file, not as a PATH."""

    name = "list"

    def claims(self, arg: str) -> bool:
        return False

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        return iter_list(arg, selection=context.selection, stdin=context.stdin,
                         timeout=context.timeout)


SOURCE = ListSource()


def iter_list(list_path: str, *, selection: Selection = EVERYTHING,
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
                    from audit.inputs import iter_items

                    yield from iter_items([line], selection=selection, timeout=timeout)
        except OSError as exc:
            yield Failure(list_path, f"cannot read the list: {exc.strerror or exc}")
