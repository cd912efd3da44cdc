"""The ``audit`` command line. It parses arguments and wires the library together;
the work is done in ``audit.api`` (one article) and ``audit.batch`` (many)."""

from __future__ import annotations

import io
import itertools
import json
import os
import shutil
import signal
import sys
from pathlib import Path

import click

from audit import __version__, batch, inputs, render, schema
from audit import config as config_mod
from audit.decode import MESSAGE_LIMIT, displayable
from audit.progress import Progress
from audit.rules import SEVERITIES

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4
EXIT_PIPE = 141  # 128 + SIGPIPE, what a shell shows for a tool stopped by a closed pipe
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _width() -> int:
    return max(40, min(shutil.get_terminal_size((100, 24)).columns, 160))


def _load_config(path: str | None, fail_under: float | None = None, select: tuple = (),
                 disable: tuple = (), min_severity: str | None = None,
                 report_level: str | None = None) -> config_mod.Config:
    """The configuration file's settings (``--config``, or the nearest found upward),
    overlaid with the command line's: one line and exit 2 for any problem."""
    try:
        cfg = config_mod.load(path)
        for key, value, option in (("fail-under", fail_under, "--fail-under"),
                                   ("rules.enable", select, "--select"),
                                   ("rules.disable", disable, "--disable"),
                                   ("rules.min-severity", min_severity, "--min-severity"),
                                   ("report-level", report_level, "--report-level")):
            if value is not None and value != ():
                if key == "rules.disable":  # adds to the file's, as ruff's --extend-ignore
                    value = (*cfg.get(key), *value)
                cfg = config_mod.from_mapping({key: value}, origin=option, base=cfg)
        return cfg
    except config_mod.ConfigError as exc:
        raise _ConfigProblem(str(exc)) from None


class _ConfigProblem(click.ClickException):
    """A bad configuration value or file: one line naming the key, and exit 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"audit: {displayable(self.format_message(), limit=MESSAGE_LIMIT)}",
                   err=True)


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


def _stdin_piped() -> bool:
    """Whether standard input brings something to read (``audit check < page.txt``): open,
    not a terminal, and not already at its end when that can be seen without reading."""
    if _stdin_closed() or sys.stdin.isatty():
        return False
    peek = getattr(sys.stdin.buffer, "peek", None)
    try:
        return bool(peek(1)) if peek is not None else True
    except (OSError, ValueError):
        return False


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: the run stops as on Ctrl-C, and exits 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop_on(signum, frame):
    raise Stopped(signum)


class _Group(click.Group):
    """Turns a crash anywhere in a command into one line and exit 4, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt as exc:
            signum = getattr(exc, "signum", signal.SIGINT)
            name = "" if signum == signal.SIGINT else f" by {signal.Signals(signum).name}"
            click.echo(f"audit: interrupted{name}", err=True)
            sys.exit(128 + signum)
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


def rule_options(command):
    """The options that choose which rules report, shared by ``check`` and ``config``."""
    for option in reversed((
        click.option("--select", multiple=True, metavar="RULES",
                     help="Report only these rules: ids, id prefixes or categories "
                          "(repeatable)."),
        click.option("--disable", multiple=True, metavar="RULES",
                     help="Never report these rules: ids, id prefixes or categories "
                          "(repeatable)."),
        click.option("--min-severity", type=click.Choice(SEVERITIES), default=None,
                     help="Report only findings of this severity or higher."),
    )):
        command = option(command)
    return command


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="audit")
def cli() -> None:
    """Audit news articles: strip page furniture, then score readability, sourcing
    (how transparently the article sources its claims: who says so, in whose words; not
    whether the claims are true) and attribution (who wrote it, when, for whom). The
    overall score and grade answer "can I rely on this as a source?" from sourcing and
    attribution; readability is shown beside them, not mixed in.

    \b
    Example:
        audit check article.html
        audit check crawl/ --out reports/ --fail-under 50
    """


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Write one JSON report per article and summary.json into this directory.")
@click.option("--format", "fmt", type=click.Choice(render.NAMES), default=None,
              help="What standard output carries: text (the editors' summary, the default), "
                   "json, jsonl, html, sarif, csv or lines (see the README).")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when an article's overall score (sourcing and attribution) is "
                   "below this.")
@click.option("--no-strip", is_flag=True, help="Audit text input as it is: no furniture stripping.")
@click.option("--input-format", type=click.Choice(["auto", "html", "text"]), default="auto",
              show_default=True, help="Treat input as HTML or text instead of detecting it.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file: TOML ([tool.audit]) or INI ([audit]). Default: the "
                   "nearest pyproject.toml or setup.cfg that has one, from here upward.")
@rule_options
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
@click.option("--report-level", "report_level", type=click.Choice(config_mod.REPORT_LEVELS),
              default=None, help="What a written report holds (--out, --jsonl, --format "
              "json/jsonl): full (the default), or lean: one compact line with no "
              "settings but their digest and no article.blocks. Config key: report-level.")
@click.option("--gzip", "gzip_reports", is_flag=True,
              help="With --out: write each report gzip-compressed, as NAME.json.gz.")
@click.option("--incremental", is_flag=True,
              help="With --out: skip inputs whose report is already up to date.")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Stop one article after this many seconds (it fails, the batch goes on).")
@click.option("--max-memory", type=click.IntRange(min=0), default=512, show_default=True,
              metavar="MIB", help="Memory (address space, MiB) one worker may add to what it "
              "starts with; an article that needs more fails alone. 0: no limit.")
@click.option("--no-copies", "no_copies", is_flag=True,
              help="With --out: do not group the articles that share text (grouping keeps "
                   "about 8 KB an article in the main process).")
@click.option("--reference", "reference", default=None, metavar="PATH",
              help="Known sources (a directory, JSON Lines or WARC file) each article is "
                   "looked up in; indexed once into PATH.audit-index.")
@click.option("--all", "show_all", is_flag=True,
              help="In the summary: every finding and every note, not the first few.")
@click.option("--limit", type=click.IntRange(min=0), default=8, show_default=True, metavar="N",
              help="In the summary: the findings of the N most severe rules.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress on standard error, and no text summary; any other --format "
                   "is still printed.")
def check(paths, out_dir, fmt, fail_under, no_strip, input_format, config_path, select, disable,
          min_severity, jobs, include, exclude, from_file, jsonl_path, html_dir, report_level,
          gzip_reports, incremental, timeout, max_memory, no_copies, reference, show_all,
          limit, quiet) -> None:
    """Audit articles: files, directories (walked recursively, in sorted order), - for
    standard input (also read when no input is named and it is not a terminal), http(s)
    URLs, JSON Lines files of {"id", "url", "html"} or {"id", "text"} records (.jsonl),
    WARC files (.warc, .warc.gz) and gzip-compressed pages (.html.gz, .txt.gz). HTML or
    plain text is told from the content.

    Exit codes: 0 success; 1 an article scored below --fail-under; 2 usage,
    configuration or environment error (nothing to audit, an unwritable --out, closed
    standard input, a full disk); 3 some input could not be audited; 4 internal error
    (the highest that applies); 130 interrupted (Ctrl-C), 143 terminated (SIGTERM), 129
    hung up (SIGHUP): what finished is kept, summary.json says interrupted; 141 standard
    output closed early.

    \b
    Example:
        audit check seeds/000_fd4b6dd72ff49772.txt
        audit check crawl/ --out reports --jobs 2 --incremental --fail-under 40
        audit check https://example.org/story.html --format json
        audit check story.html --format html > report.html
    """
    if not paths and not from_file:
        if not _stdin_piped():
            raise click.UsageError("give at least one PATH, or --from-file LIST")
        paths = ("-",)  # audit check < page.txt: standard input, as if - were named
    if incremental and not out_dir:
        raise click.UsageError("--incremental needs --out DIR")
    if ("-" in paths or from_file == "-") and _stdin_closed():
        raise click.UsageError("standard input is closed: nothing to read for -")
    if gzip_reports and not out_dir:
        raise click.UsageError("--gzip needs --out DIR")
    cfg = _load_config(config_path, fail_under, select or None, disable, min_severity,
                       report_level)
    level = cfg.get("report-level")
    out = _prepare_out(out_dir)
    pages = _prepare_out(html_dir, "--html-dir")
    if jsonl_path == "-":  # standard output carries one format: JSON Lines
        if fmt not in (None, "jsonl"):
            raise click.UsageError(f"--jsonl - and --format {fmt} would both write to "
                                   "standard output")
        fmt, jsonl_path = "jsonl", None
    fmt = fmt or "text"
    printed = not (quiet and fmt == "text")
    selection = inputs.Selection(tuple(include), tuple(exclude))
    items = inputs.iter_items(paths, selection=selection, timeout=timeout)
    if from_file:
        items = itertools.chain(items, inputs.iter_list(from_file, selection=selection,
                                                        timeout=timeout))
    jsonl_sink = _JsonlSink(jsonl_path) if jsonl_path else None
    settings = batch.Settings(
        config=cfg, strip=not no_strip, input_format=input_format,
        out_dir=str(out) if out else None, incremental=incremental,
        want_json=jsonl_sink is not None, output=fmt if printed else None,
        render=render.Options(width=_width(), limit=None if show_all else limit, level=level),
        report_level=level, gzip=gzip_reports,
        html_dir=str(pages) if pages else None, timeout=timeout, max_memory=max_memory or None,
        copies=out is not None and not no_copies, reference=_reference_index(reference))
    total = None if quiet or from_file else inputs.count_files(paths, selection)
    progress = Progress(total, enabled=not quiet)
    printer = _Printer(fmt, printed, single=inputs.names_one_article(paths) and not from_file)
    summary = batch.Summary(cfg, cfg.fail_under)
    index_rows, not_audited = [], []
    grouper = _grouper(settings)
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
                not_audited.append((source, reason))
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
    except BaseException as exc:
        results.close()  # the workers leave the work queued to them undone
        if jsonl_sink is not None:
            jsonl_sink.discard()  # a --jsonl file is whole or not there
        if isinstance(exc, KeyboardInterrupt):  # Ctrl-C, SIGTERM, SIGHUP
            _keep_what_finished(out, pages, summary, index_rows)
        raise
    if summary.total == 0:  # nothing was even tried: a mistake, not a clean run
        summary.close()
        raise click.UsageError(_nothing_found(paths, from_file, include, exclude))
    code = (EXIT_INTERNAL if summary.internal else EXIT_INPUT if summary.failures
            else EXIT_BELOW if summary.below else EXIT_OK)
    target = None
    try:
        if out is not None:
            if grouper is not None:
                grouper.rewrite_reports(out, _report_writer(pages, level, gzip_reports),
                                        settings.config)
                summary.groups = grouper.groups()
            target = out / "summary.json"
            summary.write(target)
        if pages is not None:
            from audit.render.html import render_index

            target = pages / "index.html"
            batch.write_atomic(target, render_index(index_rows, not_audited))
    except OSError as exc:  # a full disk, a directory removed or made read-only meanwhile
        raise _Unwritable(f"cannot write {target}: {exc.strerror or exc}", code) from None
    finally:
        summary.close()
    if summary.total > 1 and not quiet and fmt == "text":
        click.echo(f"\n{summary.audited} audited ({summary.skipped} up to date), "
                   f"{summary.failures} failed, {summary.below} below --fail-under")
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


def _report_writer(pages: Path | None, level: str = "full", gzip_reports: bool = False):
    """Writes a report again once batch grouping added its ``copies`` (and its page)."""
    def write(path: Path, report: dict) -> None:
        data = batch.encode(report, level)
        batch.write_atomic(path, batch.files.compress(data) if gzip_reports else data)
        # A lean report has no blocks to draw the page from: its page stays as written.
        if pages is not None and "blocks" in report["article"]:
            from audit.render import html as html_view

            batch.write_atomic(pages / batch.files.page_name_of(path.name),
                               html_view.render(report, index="index.html"))
    return write


def _grouper(settings: batch.Settings):
    """What groups the batch's articles that share text (with --out), or None."""
    if not settings.copies:
        return None
    from audit.copies.report import Grouper

    return Grouper()


def _nothing_found(paths, from_file, include, exclude) -> str:
    named = [*paths] + ([f"--from-file {from_file}"] if from_file else [])
    patterns = [f"--include {p}" for p in include] + [f"--exclude {p}" for p in exclude]
    where = displayable(", ".join(named), limit=MESSAGE_LIMIT)
    return (f"no input to audit in {where}"
            + (f" matching {displayable(' '.join(patterns), limit=MESSAGE_LIMIT)}"
               if patterns else ""))


def _keep_what_finished(out: Path | None, pages: Path | None, summary: batch.Summary,
                        index_rows: list) -> None:
    """An interrupted run: the summary (marked interrupted) and the index of what finished
    are written, and the temporary files of workers killed mid-write removed."""
    try:
        if out is not None:
            summary.write(out / "summary.json", interrupted=True)
            batch.remove_stale_temporaries(out)
        if pages is not None:
            from audit.render.html import render_index

            batch.write_atomic(pages / "index.html", render_index(index_rows))
            batch.remove_stale_temporaries(pages)
    except Exception as exc:  # the interruption is still what is reported
        reason = getattr(exc, "strerror", None) or exc
        click.echo(f"audit: could not write the summary: {reason}", err=True)


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
            # what a killed run writing the same file left behind
            batch.remove_stale_temporaries(self.tmp.parent, Path(target).name)
        except OSError:
            pass  # an unreadable folder: opening the file below names the problem
        try:
            if target.endswith(".gz"):  # reports.jsonl.gz: compressed as it streams
                import gzip

                self.handle = gzip.open(self.tmp, "wt", encoding="utf-8")
            else:
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
    """Writes the results to standard output as they come, in the format asked for."""

    def __init__(self, fmt: str, printed: bool, *, single: bool) -> None:
        colour = _use_colour()
        self.formatter = render.get(fmt)(
            lambda text: click.echo(text, nl=False, color=colour), single=single) \
            if printed else None
        self.to_terminal = printed and sys.stdout.isatty()

    def emit(self, result: batch.Result) -> None:
        if self.formatter is not None and result.rendered is not None:
            self.formatter.add(result.rendered)

    def close(self) -> None:
        if self.formatter is not None:
            self.formatter.close()


@cli.command(context_settings=CONTEXT)
@click.argument("path")
@click.option("--show-removed", is_flag=True,
              help="List each removed block with its role and lines.")
@click.option("--input-format", type=click.Choice(["auto", "html", "text"]), default="auto",
              show_default=True, help="Treat input as HTML or text instead of detecting it.")
def strip(path, show_removed, input_format) -> None:
    """Print the article text without page furniture. PATH is one article, read as
    `audit check` reads it: a file (also .html.gz, .txt.gz), - for standard input, or an
    http(s) URL.

    \b
    Example:
        audit strip seeds/002_a3d8c08d90f6a73e.txt --show-removed
        audit strip https://example.org/story.html
    """
    from audit import api, decode

    if path == "-" and _stdin_closed():
        raise click.UsageError("standard input is closed: nothing to read for -")
    items = list(itertools.islice(inputs.iter_items([path]), 2))
    if len(items) != 1:
        raise click.UsageError(f"{displayable(path, file_name=True, limit=MESSAGE_LIMIT)}: "
                               f"holds {'no' if not items else 'several'} articles; "
                               "audit strip takes one (audit check reads them all)")
    item = items[0]
    try:
        if isinstance(item, inputs.Failure):
            raise decode.InputError(item.reason)
        raw, _url, chosen = inputs.load(item, input_format)
        decoded = decode.decode(raw, input_format=chosen)
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
    error of each invalid one. A file may hold one report, a JSON array of reports
    (--format json) or JSON Lines (--jsonl, --format jsonl), full or lean
    (--report-level), and may be gzip-compressed (.gz). Exit 3 when any is invalid.

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
    """The first problem of a file of reports (None when it has none): one report or
    summary (a JSON object), an array of them (--format json), or JSON Lines (--jsonl,
    --format jsonl)."""
    try:
        if path.endswith(".gz"):  # --gzip reports, a --jsonl FILE.gz
            import gzip

            with gzip.open(path, "rt", encoding="utf-8") as handle:
                text = handle.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except (OSError, EOFError) as exc:  # gzip.BadGzipFile is an OSError
        return getattr(exc, "strerror", None) or str(exc) or "truncated gzip file"
    except UnicodeDecodeError as exc:
        return f"not JSON: {exc}"
    try:
        documents = _documents(text)
    except ValueError as exc:  # JSONDecodeError, a huge integer
        return f"not JSON: {exc}"
    except RecursionError:
        return "not JSON this tool writes: nested too deeply"
    for where, data in documents:
        is_summary = isinstance(data, dict) and "articles" in data and "article" not in data
        problem = schema.first_error(data, schema.SUMMARY if is_summary else schema.REPORT)
        if problem:
            return f"{where}: {problem}" if where else problem
    return None


def _documents(text: str) -> list[tuple[str, object]]:
    """The reports a file holds, each with where it is ("" for a lone object)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not exc.msg.startswith("Extra data"):
            raise
        documents = []  # JSON Lines: one document a line, blank lines allowed
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    documents.append((f"line {number}", json.loads(line)))
                except json.JSONDecodeError as line_exc:
                    raise ValueError(f"line {number}: {line_exc}") from None
        return documents
    if isinstance(data, list):
        return [(f"item {number}", item) for number, item in enumerate(data, 1)]
    return [("", data)]


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


@cli.command("spark", context_settings=CONTEXT)
@click.argument("manifest", type=click.Path(dir_okay=False))
@click.argument("out")
@click.option("--master", default=None, metavar="URL",
              help="Spark master, e.g. local[2] (default: spark-submit's, else local[*]).")
@click.option("--report-level", "report_level", type=click.Choice(config_mod.REPORT_LEVELS),
              default="lean", show_default=True, help="What each report holds (as for check).")
@click.option("--timeout", type=click.FloatRange(min=1), default=120, show_default=True,
              help="Stop one record after this many seconds (it becomes an error row).")
@click.option("--summary", "summary_path", default=None, metavar="FILE",
              help="Where to write summary.json (default: OUT/summary.json; needed when OUT "
                   "is not local).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file, as for check.")
def spark(manifest, out, master, report_level, timeout, summary_path, config_path) -> None:
    """Audit web archives with Apache Spark (pip install 'audit[spark]'): MANIFEST lists
    WARC/ARC or JSON Lines files (local, file:, s3://, https://), one a line; each is one
    task, every HTML response record audited as check audits it. Reports go to OUT as
    gzip-compressed JSON Lines part files (OUT/run-NNNNN/, through Spark's committer),
    with an error row for every record that could not be audited; a rerun skips inputs
    already committed; summary.json covers every committed run. Exit codes as for check:
    3 when the committed output has error rows, 2 when Spark cannot start.

    \b
    Example:
        audit spark warc.paths out/ --master local[2]
        spark-submit --master yarn audit/spark.py warc.paths s3a://bucket/out --summary s.json
    """
    from audit.spark import SparkUnavailable, job_settings, run

    cfg = _load_config(config_path)
    try:
        counters = run(manifest, out,
                       settings=job_settings(cfg, level=report_level, timeout=timeout),
                       master=master, summary_path=summary_path,
                       log=lambda line: click.echo(line, err=True))
    except SparkUnavailable as exc:
        raise _Unwritable(str(exc), EXIT_USAGE) from None
    except OSError as exc:  # the manifest, or summary.json
        where = f"{exc.filename}: " if exc.filename else ""
        raise click.UsageError(displayable(f"{where}{exc.strerror or exc}",
                                           limit=MESSAGE_LIMIT)) from None
    except ValueError as exc:  # a non-local OUT with no --summary, a manifest not UTF-8
        raise click.UsageError(displayable(str(exc), limit=MESSAGE_LIMIT)) from None
    # As check: 3 when a record (or an input file) could not be audited; they are error
    # rows of the committed output, counted over every committed run.
    sys.exit(EXIT_INPUT if counters["failed"] else EXIT_OK)


@cli.command("config", context_settings=CONTEXT)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file to read instead of the nearest one found.")
@rule_options
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="As for check: the overall score under which check exits 1.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def config_cmd(config_path, select, disable, min_severity, fail_under, fmt) -> None:
    """Print the effective settings, each with where it came from (a file, an option, or
    default), and the digest that reports made with them carry. The options are those
    of check, to see what a check command line would use.

    \b
    Example:
        audit config
        audit config --config ci/audit.toml --select SRC --format json
    """
    cfg = _load_config(config_path, fail_under, select or None, disable, min_severity)
    rows = [(key, cfg.get(key), cfg.origin_of(key)) for key in config_mod.defaults()]
    if fmt == "json":
        click.echo(json.dumps({"file": cfg.origin, "digest": cfg.digest,
                               "settings": [{"key": k, "value": list(v) if isinstance(v, tuple)
                                             else v, "from": o} for k, v, o in rows]},
                              indent=2))
        return
    click.echo(f"# file: {cfg.origin or 'none found (defaults)'}")
    click.echo(f"# digest: {cfg.digest}")
    for key, value, origin in rows:
        shown = ", ".join(value) if isinstance(value, tuple) else (
            "none" if value is None else value)
        click.echo(displayable(f"{key} = {shown}  # {origin}"))


def main() -> None:
    """Console entry point (``audit`` and ``python -m audit``). SIGTERM (a scheduler
    stopping the job) and SIGHUP (the terminal gone) are handled as Ctrl-C is."""
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop_on)
    try:
        cli.main(prog_name="audit")
    except SystemExit as exc:
        stopped = exc.code in (128 + signal.SIGINT, 128 + signal.SIGTERM, 129, EXIT_PIPE)
        if stopped or batch.abandoned:
            # Everything kept is written. A worker killed while it sent its results
            # leaves the pool's reader thread waiting for the rest forever, and the
            # interpreter would wait for that thread at exit: end here.
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
            os._exit(exc.code if isinstance(exc.code, int) else int(exc.code is not None))
        raise
