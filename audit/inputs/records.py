"""JSON Lines files (``.jsonl``, ``.ndjson``, ``.jsonl.gz``): one article a line,
``{"id", "url", "html"}`` or ``{"id", "text"}``; a bad line fails alone."""

from __future__ import annotations

import json
from collections.abc import Iterator

from audit.inputs import base
from audit.inputs.base import Context, Failure, Item, Job, Source, _Guarded, _lines, _read_file

RECORD_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz")


class RecordsSource(Source):
    name = "JSON Lines"

    def claims(self, arg: str) -> bool:
        return arg.lower().endswith(RECORD_SUFFIXES)

    def items(self, arg: str, context: Context) -> Iterator[Item]:
        return _records_file(arg, context.timeout)


SOURCE = RecordsSource()


def _records_file(path: str, timeout: float | None) -> Iterator[Item]:
    yield from _read_file(path, lambda stream: _records(stream, path), timeout, gzipped=True)


def _records(stream: _Guarded, origin: str) -> Iterator[Item]:
    """``{"id", "url", "html"}`` or ``{"id", "text"}``, one article per line."""
    cap = base.MAX_RECORD_BYTES
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
