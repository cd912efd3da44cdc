"""``audit check``: one article or a batch, and where its reports go (files, JSON Lines, the
terminal).
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import click

from audit import batch, inputs, render
from audit import config as config_mod
from audit.cli.base import (
    CONTEXT,
    EXIT_BELOW,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    Unwritable,
    cli,
    load_config,
    rule_options,
    stdin_closed,
    stdin_piped,
    terminal_width,
    use_colour,
)
from audit.decode import MESSAGE_LIMIT, displayable
from audit.progress import Progress


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
    paths = _usage(paths, from_file, incremental, out_dir, gzip_reports)
    cfg = load_config(config_path, fail_under, select or None, disable, min_severity,
                       report_level)
    level = cfg.get("report-level")
    out = _prepare_out(out_dir)
    pages = _prepare_out(html_dir, "--html-dir")
    fmt, jsonl_path = _stdout_format(fmt, jsonl_path)
    printed = not (quiet and fmt == "text")
    selection = inputs.Selection(tuple(include), tuple(exclude))
    items = inputs.iter_items(paths, selection=selection, timeout=timeout)
    if from_file:
        items = itertools.chain(items, inputs.iter_list(from_file, selection=selection,
                                                        timeout=timeout))
    jsonl = _JsonlSink(jsonl_path) if jsonl_path else None
    settings = batch.Settings(
        config=cfg, strip=not no_strip, input_format=input_format,
        out_dir=str(out) if out else None, incremental=incremental,
        want_json=jsonl is not None, output=fmt if printed else None,
        render=render.Options(width=terminal_width(), limit=None if show_all else limit,
                              level=level),
        report_level=level, gzip=gzip_reports,
        html_dir=str(pages) if pages else None, timeout=timeout, max_memory=max_memory or None,
        copies=out is not None and not no_copies, reference=_reference_index(reference))
    run = _Run(settings, jsonl,
               Progress(None if quiet or from_file else inputs.count_files(paths, selection),
                        enabled=not quiet),
               _Printer(fmt, printed, single=inputs.names_one_article(paths) and not from_file))
    run.take_all(batch.run(items, settings, jobs=jobs or os.cpu_count() or 1), out, pages)
    summary = run.summary
    if summary.total == 0:  # nothing was even tried: a mistake, not a clean run
        summary.close()
        raise click.UsageError(_nothing_found(paths, from_file, include, exclude))
    code = (EXIT_INTERNAL if summary.internal else EXIT_INPUT if summary.failures
            else EXIT_BELOW if summary.below else EXIT_OK)
    run.write_summary(out, pages, _report_writer(pages, level, gzip_reports), code)
    if summary.total > 1 and not quiet and fmt == "text":
        click.echo(f"\n{summary.audited} audited ({summary.skipped} up to date), "
                   f"{summary.failures} failed, {summary.below} below --fail-under")
    sys.exit(code)


def _usage(paths: tuple[str, ...], from_file: str | None, incremental: bool,
           out_dir: str | None, gzip_reports: bool) -> tuple[str, ...]:
    """The inputs to audit (- when none is named and standard input is piped), after the
    usage errors that need nothing read yet."""
    if not paths and not from_file:
        if not stdin_piped():
            raise click.UsageError("give at least one PATH, or --from-file LIST")
        paths = ("-",)  # audit check < page.txt: standard input, as if - were named
    if incremental and not out_dir:
        raise click.UsageError("--incremental needs --out DIR")
    if ("-" in paths or from_file == "-") and stdin_closed():
        raise click.UsageError("standard input is closed: nothing to read for -")
    if gzip_reports and not out_dir:
        raise click.UsageError("--gzip needs --out DIR")
    return paths


def _stdout_format(fmt: str | None, jsonl_path: str | None) -> tuple[str, str | None]:
    """What standard output carries (text by default) and the --jsonl file, if any:
    ``--jsonl -`` is ``--format jsonl``, as standard output carries one format."""
    if jsonl_path == "-":
        if fmt not in (None, "jsonl"):
            raise click.UsageError(f"--jsonl - and --format {fmt} would both write to "
                                   "standard output")
        return "jsonl", None
    return fmt or "text", jsonl_path


class _Run:
    """One ``audit check`` run's results as they come: the summary's tally, the printed
    output, the --jsonl stream, progress, the grouping of copies and the HTML index rows."""

    def __init__(self, settings: batch.Settings, jsonl: _JsonlSink | None,
                 progress: Progress, printer: _Printer) -> None:
        self.settings, self.jsonl, self.progress, self.printer = \
            settings, jsonl, progress, printer
        self.summary = batch.Summary(settings.config, settings.config.fail_under)
        self.grouper = _grouper(settings)
        self.index_rows: list = []
        self.not_audited: list[tuple[str, str]] = []

    def take_all(self, results, out: Path | None, pages: Path | None) -> None:
        """Every result of the batch; on an interruption (Ctrl-C, SIGTERM, SIGHUP) or an
        error, the workers stop, the --jsonl file is dropped (it is whole or not there)
        and, when interrupted, what finished is kept."""
        try:
            for result in results:
                self.take(result)
            self.progress.finish()
            self.printer.close()
            if self.jsonl is not None:
                self.jsonl.close()
        except BaseException as exc:
            results.close()  # the workers leave the work queued to them undone
            if self.jsonl is not None:
                self.jsonl.discard()
            if isinstance(exc, KeyboardInterrupt):
                _keep_what_finished(out, pages, self.summary, self.index_rows)
            raise

    def take(self, result: batch.Result) -> None:
        self.summary.add(result)
        if self.grouper is not None and result.copy_input is not None:
            self.grouper.add(result.source, result.report_name, result.copy_input,
                             keep=result.status == "skipped")
        if result.index_row is not None:
            self.index_rows.append(result.index_row)
        self.progress.update(result.status == "failed")
        if result.status == "failed":
            self.progress.clear()
            source = displayable(result.source, limit=MESSAGE_LIMIT)
            reason = displayable(result.error or "failed", limit=MESSAGE_LIMIT)
            click.echo(f"audit: {source}: {reason}", err=True)
            self.not_audited.append((source, reason))
            return
        if self.printer.to_terminal:
            self.progress.clear()  # the summary and the progress line share the screen
        self.printer.emit(result)
        if self.jsonl is not None:
            self.jsonl.write(result.report_json)

    def write_summary(self, out: Path | None, pages: Path | None, rewrite, code: int) -> None:
        """summary.json (with --out, after the reports of copies are written again with
        their groups) and the HTML index (with --html-dir); exit ``code`` kept when a
        write fails."""
        target = None
        try:
            if out is not None:
                if self.grouper is not None:
                    self.grouper.rewrite_reports(out, rewrite, self.settings.config)
                    self.summary.groups = self.grouper.groups()
                target = out / "summary.json"
                self.summary.write(target)
            if pages is not None:
                from audit.render.html import render_index

                target = pages / "index.html"
                batch.write_atomic(target, render_index(self.index_rows, self.not_audited))
        except OSError as exc:  # a full disk, a directory removed or made read-only meanwhile
            raise Unwritable(f"cannot write {target}: {exc.strerror or exc}", code) from None
        finally:
            self.summary.close()


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
                raise Unwritable(f"cannot write {self.target}: {exc.strerror or exc}") \
                    from None

    def discard(self) -> None:
        if self.handle is not None:
            self.handle.close()
            Path(self.tmp).unlink(missing_ok=True)


class _Printer:
    """Writes the results to standard output as they come, in the format asked for."""

    def __init__(self, fmt: str, printed: bool, *, single: bool) -> None:
        colour = use_colour()
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
