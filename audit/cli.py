"""The ``audit`` command line. It parses arguments and wires the library together;
the work is done in ``audit.api`` (one article) and ``audit.batch`` (many)."""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import sys
from enum import Enum
from pathlib import Path

import click

from audit import __version__, batch, inputs, schema
from audit import config as config_mod
from audit.decode import MESSAGE_LIMIT, displayable
from audit.progress import Progress

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell shows for a tool stopped by a closed pipe
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    HTML = "html"


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, 160))


def _load_config(path: str | None, fail_under: float | None) -> config_mod.Config:
    try:
        cfg = config_mod.load(path)
        if fail_under is not None:
            values = dict(cfg.values, **{"fail-under": fail_under})
            cfg = config_mod.Config(values=values, origin=cfg.origin)
        return cfg
    except config_mod.ConfigError as exc:
        raise click.UsageError(str(exc)) from None


class _Unwritable(click.ClickException):
    """The environment fails us (a full disk, an output that cannot be written): one
    line, and exit 2 (or the batch's own code when that is higher)."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = max(exit_code, EXIT_USAGE)

    def show(self, file=None) -> None:
        click.echo(f"audit: {displayable(self.format_message(), limit=MESSAGE_LIMIT)}",
                   err=True)


def _stdin_closed() -> bool:
    """Whether standard input is closed (``audit check - <&-``): Python then has no
    sys.stdin at all, or one whose descriptor is gone."""
    stream = sys.stdin
    if stream is None or getattr(stream, "buffer", None) is None:
        return True
    try:
        os.fstat(stream.fileno())
    except io.UnsupportedOperation:  # not a file descriptor (a test's stream): open
        return False
    except (OSError, ValueError):
        return True
    return False


class _Group(click.Group):
    """Turns a crash anywhere in a command into one line and exit 4, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("audit: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # The reader went away (``audit check crawl/ | head``): stop quietly, as Unix
            # tools do. Output still buffered would fail again at exit, so it goes nowhere.
            try:
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            except (OSError, ValueError):  # standard output is not a file descriptor
                pass
            sys.exit(EXIT_PIPE)
        except Exception as exc:
            shown = displayable(f"{type(exc).__name__}: {exc}", limit=MESSAGE_LIMIT)
            click.echo(f"audit: internal error: {shown}", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="audit")
def cli() -> None:
    """Audit news articles: strip page furniture, then score readability, sourcing
    (who is cited) and attribution (who wrote it, when, for whom).

    \b
    Example:
        audit check article.html
        audit check crawl/ --out reports/ --fail-under 50
    """


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write one JSON report per article and summary.json into this directory.")
@click.option("--format", "fmt", type=click.Choice([f.value for f in Format]), default="text",
              show_default=True, help="What to print: the editors' summary, or the reports.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when an article's overall score is below this.")
@click.option("--no-strip", is_flag=True, help="Audit text input as it is: no furniture stripping.")
@click.option("--input-format", type=click.Choice(["auto", "html", "text"]), default="auto",
              show_default=True, help="Treat input as HTML or text instead of detecting it.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="INI file with an [audit] section (default: ./setup.cfg when it has one).")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes (default: the number of cores).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In directories, audit only files matching this (repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="In directories, skip files matching this (repeatable).")
@click.option("--from-file", "from_file", default=None, metavar="LIST",
              help="Read paths or URLs to audit from LIST, one per line (- for stdin).")
@click.option("--jsonl", "jsonl_path", default=None, metavar="FILE",
              help="Also stream every report as one JSON line to FILE (- for stdout).")
@click.option("--html-dir", "html_dir", type=click.Path(file_okay=False), default=None,
              help="Write an annotated HTML page per article and index.html into this directory.")
@click.option("--incremental", is_flag=True,
              help="With --out: skip inputs whose report is already up to date.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Give up on one article after this many seconds.")
@click.option("--reference", "reference", default=None, metavar="PATH",
              help="Known sources (a directory, JSON Lines or WARC file) each article is "
                   "looked up in; indexed once into PATH.audit-index.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def check(paths, out_dir, fmt, fail_under, no_strip, input_format, config_path, jobs, include,
          exclude, from_file, jsonl_path, html_dir, incremental, timeout, quiet,
          reference) -> None:
    """Audit articles: files, directories (walked recursively, in sorted order), - for
    standard input, http(s) URLs, JSON Lines files of {"id", "url", "html"} or
    {"id", "text"} records (.jsonl), and WARC files (.warc, .warc.gz). HTML or plain
    text is told from the content.

    Exit codes: 0 success; 1 an article scored below --fail-under; 2 usage,
    configuration or environment error (an unwritable --out, closed standard input, a
    full disk); 3 some input could not be audited; 4 internal error (the highest that
    applies); 130 interrupted; 141 standard output closed early.

    \b
    Example:
        audit check seeds/000_fd4b6dd72ff49772.txt
        audit check crawl/ --out reports --jobs 2 --incremental --fail-under 40
        audit check https://example.org/story.html --format json
        audit check story.html --format html > report.html
    """
    if not paths and not from_file:
        raise click.UsageError("give at least one PATH, or --from-file LIST")
    if incremental and not out_dir:
        raise click.UsageError("--incremental needs --out DIR")
    if ("-" in paths or from_file == "-") and _stdin_closed():
        raise click.UsageError("standard input is closed: nothing to read for -")
    cfg = _load_config(config_path, fail_under)
    out = _prepare_out(out_dir)
    pages = _prepare_out(html_dir, "--html-dir")
    fmt = Format(fmt)
    selection = inputs.Selection(tuple(include), tuple(exclude))
    items = inputs.iter_items(paths, selection=selection, timeout=timeout)
    if from_file:
        items = itertools.chain(items, inputs.iter_list(from_file, selection=selection,
                                                        timeout=timeout))
    jsonl_sink = _JsonlSink(jsonl_path) if jsonl_path else None
    settings = batch.Settings(
        config=cfg, strip=not no_strip, input_format=input_format,
        out_dir=str(out) if out else None, incremental=incremental,
        want_json=fmt is Format.JSONL or jsonl_sink is not None,
        want_pretty=fmt is Format.JSON and not quiet,
        want_text=fmt is Format.TEXT and not quiet, want_html=fmt is Format.HTML and not quiet,
        html_dir=str(pages) if pages else None, width=_width(), timeout=timeout,
        copies=out is not None, reference=_reference_index(reference))
    total = None if quiet or from_file else inputs.count_files(paths, selection)
    progress = Progress(total, enabled=not quiet)
    printer = _Printer(fmt, quiet)
    summary = batch.Summary(cfg, cfg.fail_under)
    grouper = _grouper(settings)
    index_rows = []
    results = batch.run(items, settings, jobs=jobs or os.cpu_count() or 1)
    try:
        for result in results:
            summary.add(result)
            if grouper is not None and result.copy_input is not None:
                grouper.add(result.source, result.report_name, result.copy_input,
                            keep=result.status == "skipped")
            if result.index_row is not None:
                index_rows.append(result.index_row)
            progress.update(result.status == "failed")
            if result.status == "failed":
                progress.clear()
                source = displayable(result.source, limit=MESSAGE_LIMIT)
                reason = displayable(result.error or "failed", limit=MESSAGE_LIMIT)
                click.echo(f"audit: {source}: {reason}", err=True)
                continue
            if printer.to_terminal:
                progress.clear()  # the summary and the progress line share the screen
            printer.emit(result)
            if jsonl_sink is not None:
                jsonl_sink.write(result.report_json)
        progress.finish()
        printer.close()
        if jsonl_sink is not None:
            jsonl_sink.close()
    except BaseException:
        results.close()  # the workers leave the work queued to them undone
        if jsonl_sink is not None:
            jsonl_sink.discard()  # a --jsonl file is whole or not there
        raise
    code = (EXIT_INTERNAL if summary.internal else EXIT_INPUT if summary.failed
            else EXIT_BELOW if summary.below else EXIT_OK)
    target = None
    try:
        if out is not None:
            if grouper is not None:
                grouper.rewrite_reports(out, _report_writer(pages))
                summary.groups = grouper.groups()
            target = out / "summary.json"
            summary.write(target)
        if pages is not None:
            from audit.render.html import render_index

            target = pages / "index.html"
            batch.write_atomic(target, render_index(index_rows))
    except OSError as exc:  # a full disk, a directory removed or made read-only meanwhile
        raise _Unwritable(f"cannot write {target}: {exc.strerror or exc}", code) from None
    finally:
        summary.close()
    if summary.total > 1 and not quiet and fmt is Format.TEXT:
        click.echo(f"\n{summary.audited} audited ({summary.skipped} up to date), "
                   f"{len(summary.failed)} failed, {summary.below} below --fail-under")
    sys.exit(code)


def _reference_index(path: str | None) -> str | None:
    """The index of ``--reference PATH``, built once (exit 2 when it cannot be)."""
    if path is None:
        return None
    from audit.copies.reference import BadReference, ensure_index

    try:
        return str(ensure_index(path))
    except BadReference as exc:
        raise click.BadParameter(str(exc), param_hint="--reference") from None


def _report_writer(pages: Path | None):
    """Writes a report again once batch grouping added its ``copies`` (and its page)."""
    def write(path: Path, report: dict) -> None:
        batch.write_atomic(path, batch.dumps(report))
        if pages is not None:
            from audit.render import html as html_view

            batch.write_atomic(pages / (path.name[: -len(".json")] + ".html"),
                               html_view.render(report))
    return write


def _grouper(settings: batch.Settings):
    """What groups the batch's articles that share text (with --out), or None."""
    if not settings.copies:
        return None
    from audit.copies.report import Grouper

    return Grouper()


def _prepare_out(out_dir: str | None, option: str = "--out") -> Path | None:
    if out_dir is None:
        return None
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        batch.remove_stale_temporaries(out)
        # Found now, not after the whole batch: a directory we cannot write to.
        probe = batch.temporary_path(out / "write-probe")
        with open(probe, "w", encoding="utf-8") as handle:
            handle.write("probe")
        probe.unlink()
    except OSError as exc:
        raise click.UsageError(f"{option} {out_dir}: {exc.strerror or exc}") from None
    return out


class _JsonlSink:
    """--jsonl FILE: one report per line, into a temporary file renamed at the end."""

    def __init__(self, target: str) -> None:
        self.target = target
        if target == "-":
            self.handle, self.tmp = None, None
            return
        if Path(target).is_dir():
            raise click.UsageError(f"--jsonl {target}: is a directory")
        self.tmp = batch.temporary_path(Path(target))
        try:
            self.handle = open(self.tmp, "w", encoding="utf-8")
        except OSError as exc:
            raise click.UsageError(f"--jsonl {target}: {exc.strerror or exc}") from None

    def write(self, line: str | None) -> None:
        if line is None:
            return
        if self.handle is None:
            click.echo(line)
        else:
            self.handle.write(line + "\n")

    def close(self) -> None:
        if self.handle is not None:
            try:
                self.handle.close()
                os.replace(self.tmp, self.target)
            except OSError as exc:  # a full disk; the temporary file is removed by discard
                raise _Unwritable(f"cannot write {self.target}: {exc.strerror or exc}") \
                    from None

    def discard(self) -> None:
        if self.handle is not None:
            self.handle.close()
            Path(self.tmp).unlink(missing_ok=True)


class _Printer:
    """Prints results as they come, in the chosen format (a JSON array is streamed)."""

    def __init__(self, fmt: Format, quiet: bool) -> None:
        self.fmt, self.quiet, self.count = fmt, quiet, 0
        self.to_terminal = not quiet and sys.stdout.isatty()

    def emit(self, result: batch.Result) -> None:
        if self.quiet:
            return
        if self.fmt is Format.TEXT:
            if result.text is None:  # up to date (incremental): no summary was rendered
                return
            prefix = "\n" if self.count else ""
            click.echo(prefix + result.text, color=_use_colour())
        elif self.fmt is Format.JSONL:
            click.echo(result.report_json)
        elif self.fmt is Format.HTML:
            click.echo(result.html, nl=False)
        else:
            click.echo("[" if self.count == 0 else ",")
            click.echo(result.report_pretty, nl=False)  # ends with a newline already
        self.count += 1

    def close(self) -> None:
        if self.fmt is Format.JSON and not self.quiet:
            click.echo("[]" if self.count == 0 else "]")


@cli.command(context_settings=CONTEXT)
@click.argument("path")
@click.option("--show-removed", is_flag=True,
              help="List each removed block with its role and lines.")
@click.option("--input-format", type=click.Choice(["auto", "html", "text"]), default="auto",
              show_default=True, help="Treat input as HTML or text instead of detecting it.")
def strip(path, show_removed, input_format) -> None:
    """Print the article text without page furniture (PATH is a file or - for stdin).

    \b
    Example:
        audit strip seeds/002_a3d8c08d90f6a73e.txt --show-removed
    """
    from audit import api, decode

    try:
        if path == "-" and _stdin_closed():
            raise click.UsageError("standard input is closed: nothing to read for -")
        raw = sys.stdin.buffer.read(decode.MAX_BYTES + 1) if path == "-" else api.read_input(path)
        decoded = decode.decode(raw, input_format=input_format)
    except decode.InputError as exc:
        click.echo(f"audit: {displayable(path, file_name=True, limit=MESSAGE_LIMIT)}: "
                   f"{displayable(str(exc), limit=MESSAGE_LIMIT)}", err=True)
        sys.exit(EXIT_INPUT)
    extraction = api.extract(decoded)
    click.echo(displayable(extraction.text, lines=True))  # no escape sequence reaches a terminal
    if show_removed:
        removed = [b for b in extraction.blocks if b.span is None]
        click.echo(f"\n--- removed: {len(removed)} block(s)", err=False)
        for block in removed:
            if block.line_start is not None:
                where = f"lines {block.line_start}-{block.line_end}" \
                    if block.line_end and block.line_end != block.line_start \
                    else f"line {block.line_start}"
            else:
                where = f"<{block.element or 'block'}>"
            snippet = " ".join(block.text.split())
            snippet = snippet if len(snippet) <= 70 else snippet[:69] + "…"
            click.echo(f"{where:>12}  {block.role:<15} {block.reason:<22} {displayable(snippet)}")


@cli.command("schema", context_settings=CONTEXT)
@click.option("--summary", is_flag=True, help="Print the batch summary's schema instead.")
def schema_cmd(summary) -> None:
    """Print the JSON Schema that every report validates against.

    \b
    Example:
        audit schema > report.schema.json
    """
    click.echo(schema.schema_text(schema.SUMMARY if summary else schema.REPORT), nl=False)


@cli.command(context_settings=CONTEXT)
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False))
def validate(reports) -> None:
    """Validate report files (or summary.json files) against the schema, naming the first
    error of each invalid one. Exit 3 when any is invalid.

    \b
    Example:
        audit validate reports/*.json
    """
    bad = 0
    for path in reports:
        problem = _validate_file(path)
        shown = displayable(path, file_name=True)
        if problem:
            bad += 1
            click.echo(f"{shown}: invalid: {displayable(problem, limit=MESSAGE_LIMIT)}", err=True)
        else:
            click.echo(f"{shown}: valid")
    sys.exit(EXIT_INPUT if bad else EXIT_OK)


def _validate_file(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as exc:
        return exc.strerror or str(exc)
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, a huge integer
        return f"not JSON: {exc}"
    except RecursionError:
        return "not JSON this tool writes: nested too deeply"
    is_summary = isinstance(data, dict) and "articles" in data and "article" not in data
    return schema.first_error(data, schema.SUMMARY if is_summary else schema.REPORT,
                              reference=True)


@cli.command(context_settings=CONTEXT)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def rules(fmt) -> None:
    """List every rule: id, category, severity, confidence, message.

    \b
    Example:
        audit rules --format json
    """
    from audit.rules import all_rules

    items = list(all_rules().values())
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "category": r.category, "severity": r.severity,
                                "confidence": r.confidence, "message": r.message} for r in items],
                              indent=2))
        return
    for r in items:
        click.echo(f"{r.id:<28} {r.category:<12} {r.severity:<7} {r.confidence:<7} {r.message}")


def main() -> None:
    """Console entry point (``audit`` and ``python -m audit``)."""
    cli.main(prog_name="audit")
