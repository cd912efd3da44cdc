"""The audit as an Apache Spark job over web archives (``pip install 'audit[spark]'``).

The pattern of commoncrawl/cc-pyspark: a manifest lists the input files (WARC/ARC files,
or JSON Lines files of records; local paths, ``file:``, ``s3://`` or ``https://``), one
per line; each is one Spark task (``mapPartitionsWithIndex`` over one input a
partition), which reads it record by record with the readers of ``audit check``
(``audit.inputs``) and audits every HTML response record with the per-record function of
``audit check`` (``audit.batch.job.process``: the same report, and its deadline alarm
per record inside the task). Output: gzip-compressed JSON Lines part files written by
``saveAsTextFile``, so through Hadoop's output committer: a retried or speculative task
never leaves a second copy of its part, and a run is whole when its ``_SUCCESS`` is
there. Each run writes ``OUT/run-NNNNN/``; each line is one of

- ``{"input", "source", "status": "ok", "report": {...}}``: one audited record;
- ``{"input", "source", "status": "failed", "error": "..."}``: a record (or a file) that
  could not be audited, with the reason: a row, never a failed task;
- ``{"done": input, "records", "audited", "not_html", "failed"}``: the input file's
  counters, last in its part; committed with the reports, so a rerun skips every input
  that has one in a committed run (as cc-pyspark's file jobs skip finished output).

The summary (``summary.json``, the shape of ``audit check --out``'s) is computed from every
committed run with Spark aggregations (``treeAggregate`` of the counters, scores counted
by value so that medians are exact), the articles and failures streamed to the driver.

Run it as ``audit spark MANIFEST OUT`` (``--master local[2]`` by default), or with
``spark-submit`` on a cluster: ``spark-submit --py-files audit.zip "$(python -c 'import
audit.spark as s; print(s.__file__)')" MANIFEST OUT`` (the master then comes from
spark-submit).
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any, BinaryIO

from audit.batch.job import SCORE_KEYS, Settings, _record, process
from audit.config import Config
from audit.inputs import WARC_SUFFIXES, Failure, Job
from audit.inputs.base import _Guarded, read_stream

CODEC = "org.apache.hadoop.io.compress.GzipCodec"
RUN_PREFIX = "run-"


class SparkUnavailable(Exception):
    """pyspark (or Java) is missing: the job cannot start."""


# ------------------------------------------------------------------ executor side

def open_input(uri: str) -> BinaryIO:
    """A binary stream of an input file: a local path, ``file:``, ``http(s)://`` or
    ``s3://`` (with boto3), inflated when its name ends in .gz."""
    if uri.startswith(("http://", "https://")):
        from urllib.request import urlopen

        raw: BinaryIO = urlopen(uri, timeout=60)  # the user's manifest names it
    elif uri.startswith("s3://"):
        try:
            import boto3
        except ImportError:
            raise OSError("s3:// inputs need boto3 (pip install boto3)") from None
        bucket, _, key = uri[len("s3://"):].partition("/")
        raw = boto3.client("s3").get_object(Bucket=bucket, Key=key)["Body"]
    else:
        path = uri[len("file://"):] if uri.startswith("file://") else \
            uri[len("file:"):] if uri.startswith("file:") else uri
        raw = open(path, "rb")  # closed by the caller
    if uri.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


def read_input(uri: str, timeout: float | None, counts: Counter) -> Iterator[Job | Failure]:
    """The jobs (and failures) of one input file, read record by record with the readers
    of ``audit check``; ``counts`` gets its records and non-HTML records."""
    from audit.inputs import records, warc

    lower = uri.lower()
    try:
        stream = open_input(uri)
    except (OSError, ValueError) as exc:
        yield Failure(uri, f"cannot open: {getattr(exc, 'strerror', None) or exc}")
        return
    def read(guarded: _Guarded) -> Iterator[Job | Failure]:
        if lower.endswith(WARC_SUFFIXES):
            yield from warc._warc_records(guarded, uri, counts)
            return
        for item in records._records(guarded, uri):
            counts["records"] += 1
            yield item

    try:
        yield from read_stream(stream, uri, read, timeout)
    except Exception as exc:  # a bad file is a row, never a failed task
        yield Failure(uri, f"read failed: {getattr(exc, 'strerror', None) or exc}")


def audit_input(uri: str, settings: Settings) -> Iterator[str]:
    """The output lines of one input file: a row per record, then its counters."""
    counts: Counter = Counter()
    for item in read_input(uri, settings.timeout, counts):
        if isinstance(item, Failure):
            counts["failed"] += 1
            yield _failed_row(uri, item.source, item.reason)
            continue
        result = process(item, None, settings)
        if result.status == "failed":
            counts["failed"] += 1
            yield _failed_row(uri, result.source, result.error or "failed")
        else:
            counts["audited"] += 1
            yield (f'{{"input":{json.dumps(uri)},"source":{json.dumps(result.source)},'
                   f'"status":"ok","report":{result.report_json}}}')
    yield json.dumps({"done": uri, "records": counts["records"], "audited": counts["audited"],
                      "not_html": counts["not_html"], "failed": counts["failed"]})


def _failed_row(uri: str, source: str, reason: str) -> str:
    return json.dumps({"input": uri, "source": source, "status": "failed", "error": reason},
                      ensure_ascii=False)


def audit_partition(index: int, uris: Iterable[str], settings: Settings) -> Iterator[str]:
    """A Spark task: the inputs of one partition (one, as the job makes them)."""
    for uri in uris:
        yield from audit_input(uri, settings)


# ------------------------------------------------------------------ the summary

def _zero() -> dict[str, Any]:
    return {"scores": {key: Counter() for key in SCORE_KEYS}, "grades": Counter(),
            "rules": Counter(), "source_types": Counter(), "audited": 0, "below": 0,
            "records": 0, "not_html": 0, "failed": 0, "inputs": 0}


def _fold(acc: dict[str, Any], row: dict[str, Any], fail_under: float | None
          ) -> dict[str, Any]:
    if "done" in row:
        acc["inputs"] += 1
        acc["records"] += row["records"]
        acc["not_html"] += row["not_html"]
        return acc
    if row.get("status") != "ok":
        acc["failed"] += 1
        return acc
    record = row["record"]
    acc["audited"] += 1
    for key in SCORE_KEYS:
        if record[key] is not None:
            acc["scores"][key][record[key]] += 1
    acc["grades"][record["grade"] or "none"] += 1
    acc["rules"].update(record["rules"])
    acc["source_types"].update(record["source_types"])
    overall = record["overall"]
    acc["below"] += fail_under is not None and overall is not None and overall < fail_under
    return acc


def _slim(line: str) -> dict[str, Any]:
    """A row of the output with its report replaced by the summary's record of it."""
    row = json.loads(line)
    if row.get("status") == "ok":
        return {"status": "ok", "source": row["source"], "record": _record(row.pop("report"))}
    return row


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    for key in SCORE_KEYS:
        a["scores"][key].update(b["scores"][key])
    for key in ("grades", "rules", "source_types"):
        a[key].update(b[key])
    for key in ("audited", "below", "records", "not_html", "failed", "inputs"):
        a[key] += b[key]
    return a


def summarise(sc, lines, config: Config, target: str) -> dict[str, Any]:
    """Write summary.json of the committed output ``lines`` (an RDD of its text lines)
    to the local file ``target``; return the counters."""
    from pathlib import Path

    from audit.batch.summary import Summary, article_of

    fail_under = config.fail_under
    rows = lines.map(_slim)  # the summary's part of each row, kept while it is read thrice
    rows.cache()
    totals = rows.treeAggregate(_zero(), lambda acc, row: _fold(acc, row, fail_under), _merge)
    summary = Summary(config, fail_under)
    summary.scores = totals["scores"]
    summary.grades.update(totals["grades"])
    summary.rules, summary.source_types = totals["rules"], totals["source_types"]
    summary.audited, summary.below = totals["audited"], totals["below"]
    articles = rows.filter(lambda row: row.get("status") == "ok").map(
        lambda row: article_of(row["source"], None, row["record"]))
    for article in articles.toLocalIterator():
        summary.spool(article)
    failures = rows.filter(lambda row: row.get("status") == "failed").map(
        lambda row: (row["source"], row["error"]))
    from audit.batch.job import Result

    for source, reason in failures.toLocalIterator():
        summary.add(Result(source, status="failed", error=reason))
    summary.write(Path(target))
    summary.close()
    rows.unpersist()
    return {"inputs": totals["inputs"], "records": totals["records"],
            "audited": totals["audited"], "not_html": totals["not_html"],
            "failed": totals["failed"]}


# ------------------------------------------------------------------ driver side

def read_manifest(path: str) -> list[str]:
    """The input files a manifest names, one a line (``#`` comments and blank lines
    skipped); a ``.gz`` manifest (Common Crawl's warc.paths.gz) is inflated."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [line.strip() for line in handle
                if line.strip() and not line.lstrip().startswith("#")]


def _fs(sc, path: str):
    jvm = sc._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath.getFileSystem(sc._jsc.hadoopConfiguration()), hpath, jvm


def committed_runs(sc, out: str) -> tuple[list[str], int]:
    """The run directories of ``out`` whose job committed (``_SUCCESS``), and the number
    of the next run."""
    fs, root, jvm = _fs(sc, out)
    if not fs.exists(root):
        return [], 1
    runs, last = [], 0
    for status in fs.listStatus(root):
        name = status.getPath().getName()
        if not (name.startswith(RUN_PREFIX) and name[len(RUN_PREFIX):].isdigit()):
            continue
        last = max(last, int(name[len(RUN_PREFIX):]))
        if fs.exists(jvm.org.apache.hadoop.fs.Path(status.getPath(), "_SUCCESS")):
            runs.append(status.getPath().toString())
    return sorted(runs), last + 1


def done_inputs(sc, runs: list[str]) -> set[str]:
    """Inputs with a counters row in a committed run: their output is complete."""
    if not runs:
        return set()
    done = sc.textFile(",".join(runs)).filter(lambda line: line.startswith('{"done":'))
    return set(done.map(lambda line: json.loads(line)["done"]).collect())


def run(manifest: str, out: str, *, settings: Settings, master: str | None = None,
        summary_path: str | None = None, log=print) -> dict[str, Any]:
    """Audit every input of ``manifest`` not yet committed under ``out``; write the summary
    of all committed output; return the counters."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("pyspark is not installed: pip install 'audit[spark]'") from None
    inputs = read_manifest(manifest)
    if (master or "local").startswith("local"):
        # Local workers run this interpreter (the one with audit and its dependencies);
        # on a cluster, spark-submit's configuration names the executors' Python.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("audit")
    if master:
        builder = builder.master(master)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, or a JVM that does not start
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise SparkUnavailable(f"cannot start Spark (it needs Java 17): {first}") from None
    sc = spark.sparkContext
    try:
        runs, number = committed_runs(sc, out)
        done = done_inputs(sc, runs)
        todo = list(dict.fromkeys(uri for uri in inputs if uri not in done))
        log(f"audit spark: {len(inputs)} inputs, {len(inputs) - len(todo)} already "
            f"committed, {len(todo)} to audit")
        if todo:
            target = f"{out.rstrip('/')}/{RUN_PREFIX}{number:05d}"
            job = sc.parallelize(todo, len(todo)).mapPartitionsWithIndex(
                lambda index, uris: audit_partition(index, uris, settings))
            job.saveAsTextFile(target, compressionCodecClass=CODEC)
            runs.append(target)
        summary_path = summary_path or _local_summary(out)
        lines = sc.textFile(",".join(runs)) if runs else sc.emptyRDD()
        counters = summarise(sc, lines, settings.config, summary_path)
        log("audit spark: {inputs} inputs committed, {records} records seen, {audited} "
            "audited, {not_html} skipped (not HTML), {failed} failed".format(**counters))
        return counters
    finally:
        spark.stop()


def _local_summary(out: str) -> str:
    if "://" in out and not out.startswith("file:"):
        raise ValueError(f"{out} is not local: name a local --summary FILE")
    path = out[len("file://"):] if out.startswith("file://") else \
        out[len("file:"):] if out.startswith("file:") else out
    return f"{path.rstrip('/')}/summary.json"


def job_settings(config: Config, *, level: str = "lean", timeout: float | None = 120.0,
                 strip: bool = True) -> Settings:
    """The per-record settings of the job: those of ``audit check``, reports as lines."""
    return replace(Settings(), config=config, strip=strip, want_json=True, timeout=timeout,
                   report_level=level, max_memory=None)


def main(argv: list[str] | None = None) -> None:
    """spark-submit entry point: ``audit.spark MANIFEST OUT [--report-level L]``."""
    from audit.cli import cli

    cli.main(["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="audit")


if __name__ == "__main__":
    main()


__all__ = ["SparkUnavailable", "audit_input", "audit_partition", "committed_runs",
           "done_inputs", "job_settings", "open_input", "read_input", "read_manifest",
           "run", "summarise"]
