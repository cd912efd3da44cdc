"""Standard input (``-``, or ``audit check < page.txt``): one article, or JSON Lines
records when its first line is one."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import BinaryIO

from audit.inputs import base
from audit.inputs.base import Context, Failure, Item, Job, Source, _Guarded
from audit.inputs.records import _records


class StdinSource(Source):
    name = "standard input"

    def claims(self, arg: str) -> bool:
        return arg == "-"

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        return _from_stdin(context.stdin or getattr(sys.stdin, "buffer", None))


SOURCE = StdinSource()


def _from_stdin(stream: BinaryIO | None) -> Iterator[Item]:
    """Standard input is one article, unless it is JSON Lines records. At most the cap
    is read before it is refused; never the whole of a larger stream."""
    if stream is None:
        yield Failure("-", "standard input is closed")
        return
    cap = base.MAX_RECORD_BYTES
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
