"""The other commands: ``strip``, ``schema``, ``validate``, ``rules``, ``spark`` and
``config``.
"""

from __future__ import annotations

import itertools
import json
import sys

import click

from audit import config as config_mod
from audit import inputs, schema
from audit.cli.base import (
    CONTEXT,
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    Unwritable,
    cli,
    load_config,
    rule_options,
    stdin_closed,
)
from audit.decode import MESSAGE_LIMIT, displayable


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

    if path == "-" and stdin_closed():
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

    cfg = load_config(config_path)
    try:
        counters = run(manifest, out,
                       settings=job_settings(cfg, level=report_level, timeout=timeout),
                       master=master, summary_path=summary_path,
                       log=lambda line: click.echo(line, err=True))
    except SparkUnavailable as exc:
        raise Unwritable(str(exc), EXIT_USAGE) from None
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
    cfg = load_config(config_path, fail_under, select or None, disable, min_severity)
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
