"""One job of a batch: read or fetch one article, audit it, render it, write its report,
under a per-article deadline alarm; whatever goes wrong becomes a ``Result``."""

from __future__ import annotations

import hashlib
import json
import signal
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from audit import __version__, api
from audit.batch.files import (
    compress,
    dumps_line,
    encode,
    page_name_of,
    read_report,
    write_atomic,
)
from audit.config import Config
from audit.decode import InputError
from audit.inputs import Job, load
from audit.render import Options as RenderOptions
from audit.schema import REPORT
from audit.schema import load as load_schema

SCORE_KEYS = ("overall", "readability", "sourcing", "attribution")


@dataclass(frozen=True)
class Settings:
    """Everything a worker needs; picklable, so it can cross to worker processes."""

    config: Config = field(default_factory=Config)
    strip: bool = True
    input_format: str = "auto"
    out_dir: str | None = None
    incremental: bool = False
    want_json: bool = False  # return the report as one line of JSON (--jsonl)
    output: str | None = None  # the output format (audit.render) whose piece to return
    render: RenderOptions = field(default_factory=RenderOptions)
    html_dir: str | None = None  # write the annotated HTML page here
    timeout: float | None = 120.0
    max_memory: int | None = 512  # MiB of address space a worker may add (--max-memory)
    copies: bool = False  # return what batch grouping needs (audit.copies)
    reference: str | None = None  # reference index to look each article up in (--reference)
    report_level: str = "full"  # what a written report holds: full or lean (--report-level)
    gzip: bool = False  # report files gzip-compressed, named .json.gz (--gzip)


@dataclass(frozen=True)
class Result:
    source: str
    report_name: str | None = None
    status: str = "ok"  # "ok", "skipped" (incremental, up to date) or "failed"
    error: str | None = None
    internal: bool = False  # the error is a bug in the tool, not the input's fault
    record: dict[str, Any] | None = None  # the summary's record of an audited article
    report_json: str | None = None
    rendered: str | None = None  # the article's piece of the output format asked for
    index_row: dict[str, Any] | None = None  # for the batch's HTML index
    copy_input: tuple | None = None  # for batch grouping (audit.copies.report.copy_input)



class _Timeout(BaseException):
    """The article's deadline passed. Not an ``Exception``: the analysis (trafilatura's
    ``except Exception``, for one) must not be able to swallow it."""


_ARMED = False  # the alarm is set for the job in hand


def _on_alarm(signum, frame):  # pragma: no cover - timing dependent
    if _ARMED:
        raise _Timeout()


def timed_out(source: str, settings: Settings) -> Result:
    """The result of an article stopped at its deadline."""
    return Result(source, status="failed", error=f"timed out after {settings.timeout:g} s")


def process(job: Job, report_name: str | None, settings: Settings) -> Result:
    """Do one job from start to finish. Never raises.

    With a timeout, an alarm interrupts the job at its deadline: the first line of
    defence, which does not hold inside C code (a parser, a regular expression) that
    keeps the interpreter from running the handler. A worker process is therefore also
    watched from outside and killed when it overruns (``pool._Pool.watch``)."""
    global _ARMED
    use_alarm = bool(settings.timeout) and hasattr(signal, "setitimer")
    try:
        if use_alarm:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            _ARMED = True
            signal.setitimer(signal.ITIMER_REAL, settings.timeout)
        try:
            return _process(job, report_name, settings)
        finally:
            if use_alarm:
                _ARMED = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except _Timeout:
        return timed_out(job.source, settings)
    except InputError as exc:
        return Result(job.source, status="failed", error=str(exc))
    except RecursionError:
        return Result(job.source, status="failed", error="structure nested too deeply to analyse")
    except MemoryError:
        limit = f" (a worker may grow by {settings.max_memory} MiB, --max-memory)" \
            if settings.max_memory else ""
        return Result(job.source, status="failed",
                      error=f"out of memory while auditing{limit}")
    except Exception as exc:  # a bug: recorded, reported, and the batch goes on
        return Result(job.source, status="failed", internal=True,
                      error=f"internal error: {type(exc).__name__}: {exc}")


def _process(job: Job, report_name: str | None, settings: Settings) -> Result:
    raw, url, input_format = _load(job, settings)
    target = Path(settings.out_dir, report_name) if settings.out_dir and report_name else None
    if settings.incremental and target is not None:
        found = _up_to_date(target, raw, settings)
        if found is not None and "blocks" not in found[0]["article"] \
                and _needs_whole(report_name, settings):
            found = None  # a lean report cannot make the page: audit the article again
        if found is not None:
            kept, written = found
            row = None
            if settings.html_dir and report_name:  # the batch index lists it too
                row = _write_page(kept, report_name, settings.html_dir, only_missing=True)
            return Result(job.source, report_name, status="skipped", record=_record(kept),
                          copy_input=_copy_input(kept, settings),
                          report_json=_line(kept, settings),
                          rendered=_render(kept, settings, written, up_to_date=True),
                          index_row=row)
    report = api.audit_bytes(raw, source=job.source, strip=settings.strip,
                             input_format=input_format, url=url, config=settings.config)
    if settings.reference:
        from audit.copies.reference import attach

        attach(report, settings.reference, settings.config)
    pretty = encode(report, settings.report_level) if target is not None else None
    if target is not None:
        try:
            write_atomic(target, compress(pretty) if settings.gzip else pretty)
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
    row = None
    if settings.html_dir and report_name:
        row = _write_page(report, report_name, settings.html_dir)
    return Result(job.source, report_name, record=_record(report), index_row=row,
                  copy_input=_copy_input(report, settings),
                  report_json=_line(report, settings),
                  rendered=_render(report, settings, pretty))


def _needs_whole(report_name: str, settings: Settings) -> bool:
    """Whether the annotated page is to be made (--format html, or a page missing from
    --html-dir): it shows the blocks that a lean report leaves out."""
    if settings.output == "html":
        return True
    return bool(settings.html_dir) and not Path(settings.html_dir,
                                                page_name_of(report_name)).is_file()


def _line(report: dict[str, Any], settings: Settings) -> str | None:
    """The report as one line of --jsonl, when asked for."""
    return dumps_line(report, settings.report_level) if settings.want_json else None


def _render(report: dict[str, Any], settings: Settings, pretty: str | bytes | None,
            up_to_date: bool = False) -> str | None:
    """The article's piece of the output format asked for (None when none is). The
    indented JSON already made for the report file is not made twice."""
    if settings.output is None:
        return None
    from audit import render

    formatter = render.get(settings.output)
    if up_to_date and not formatter.prints_up_to_date:
        return None
    if settings.output == "json" and pretty is not None:
        return pretty.decode("utf-8") if isinstance(pretty, bytes) else pretty
    return formatter.article(report, settings.render)


def _write_page(report: dict[str, Any], report_name: str, html_dir: str, page: str | None = None,
                only_missing: bool = False) -> dict[str, Any]:
    """Write the annotated page of ``report`` into ``html_dir`` (with ``only_missing``, only
    when it is not there yet) and return its row of the batch index."""
    from audit.render import html as html_view

    page_name = page_name_of(report_name)
    target = Path(html_dir, page_name)
    if not (only_missing and target.is_file()):
        try:
            write_atomic(target, page if page is not None
                         else html_view.render(report, index="index.html"))
        except OSError as exc:
            raise InputError(f"cannot write {page_name}: {exc.strerror or exc}") from None
    return html_view.index_row(report, page_name)


def _copy_input(report: dict[str, Any], settings: Settings) -> tuple | None:
    if not settings.copies:
        return None
    from audit.copies.report import copy_input

    return copy_input(report)


def _load(job: Job, settings: Settings) -> tuple[bytes, str | None, str]:
    return load(job, settings.input_format)


def _up_to_date(target: Path, raw: bytes, settings: Settings
                ) -> tuple[dict[str, Any], str] | None:
    """The existing report, and its text as written, when it is whole and was made from the
    same bytes by the same version with the same configuration, at the report level asked
    for; None when the article must be audited again."""
    try:
        written = read_report(target)
        existing = json.loads(written)
        same = (existing["input"]["sha256"] == hashlib.sha256(raw).hexdigest()
                and existing["tool"]["version"] == __version__
                and existing["config"]["digest"] == settings.config.digest
                and existing.get("report_level", "full") == settings.report_level)
    except (OSError, EOFError, ValueError, KeyError, TypeError):
        return None  # missing or corrupt (a .gz cut short too): redo it
    # Made from the same bytes by this version with this configuration, and written whole
    # (atomically): its content is what auditing again would give. Checked for the
    # schema's top-level keys only: jsonschema takes 9 ms a report.
    if not same or not existing.keys() >= set(load_schema(REPORT)["required"]):
        return None
    return existing, written


def _record(report: dict[str, Any]) -> dict[str, Any]:
    scores = report["scores"]
    return {
        "sha256": report["input"]["sha256"],
        "grade": scores["grade"],
        **{key: scores[key]["value"] for key in SCORE_KEYS},
        "rules": dict(Counter(f["rule_id"] for f in report["findings"])),
        "source_types": report["sourcing"]["counts"]["by_type"],
    }
