"""The Spark job (audit.spark, issue 22) in local mode, on WARC and JSON Lines files the
test writes: every report is the one `audit check` writes,
records that cannot be audited are error rows, and a second run skips what was committed.

Marked ``spark`` and left out of the default `make test` (pyproject addopts); `.ci/run`
installs pyspark and Java and runs ``pytest -m spark``. Skipped, saying why, without
pyspark or Java."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil

import pytest

from audit import schema
from audit.cli import cli
from audit.config import Config
from conftest import SEEDS

pytestmark = pytest.mark.spark

if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("the Spark job needs Java 17 (Debian: openjdk-17-jre-headless)",
                allow_module_level=True)
pytest.importorskip("pyspark", reason="pyspark is not installed: pip install '.[spark]'")


def _page(text: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>T</title>"
            f"</head><body><article>{body}</article></body></html>").encode()


def _warc(path, records, *, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for uri, media_type, body, length in records:
            headers = [("Content-Type", media_type),
                       ("Content-Length", str(length if length is not None else len(body)))]
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"))
            writer.write_record(record)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spark-in")
    texts = [path.read_text(encoding="utf-8") for path in SEEDS[:3]]
    _warc(folder / "a.warc.gz", [
        ("https://example.org/one", "text/html; charset=utf-8", _page(texts[0]), None),
        ("https://example.org/logo.png", "image/png", b"\x89PNG....", None),
        ("https://example.org/two", "text/html", _page(texts[1]), None),
    ], gz=True)
    _warc(folder / "b.warc", [
        ("https://example.org/short", "text/html", _page(texts[2]), 10 ** 6),  # cut short
        ("https://example.org/three", "text/html", _page(texts[2]), None),
    ], gz=False)
    whole = (folder / "a.warc.gz").read_bytes()
    (folder / "c.warc.gz").write_bytes(whole[: len(whole) // 2])  # a broken archive
    (folder / "d.jsonl").write_text(json.dumps({"id": "rec-1", "text": texts[0]}) + "\n"
                                    + "{not json\n" + json.dumps({"id": "rec-2", "text": ""})
                                    + "\n", encoding="utf-8")
    names = ["a.warc.gz", "b.warc", "c.warc.gz", "d.jsonl"]
    manifest = folder / "manifest.txt"
    manifest.write_text("# test inputs\n" + "\n".join(
        (f"file:{folder / n}" if n == "b.warc" else str(folder / n)) for n in names) + "\n")
    return folder, manifest, names


def _rows(out):
    rows = []
    for part in sorted(out.glob("run-*/part-*.gz")):
        rows += [json.loads(line) for line in gzip.decompress(part.read_bytes()).splitlines()]
    return rows


def test_spark_job_matches_check_and_resumes(inputs, tmp_path, runner):
    from audit.spark import job_settings, run

    folder, manifest, names = inputs
    out = tmp_path / "out"
    logged = []
    counters = run(str(manifest), str(out), settings=job_settings(Config(), level="full"),
                   master="local[2]", log=logged.append)
    assert (out / "run-00001" / "_SUCCESS").exists()
    rows = _rows(out)
    reports = {r["source"]: r["report"] for r in rows if r.get("status") == "ok"}
    failed = {(r["source"], r["error"]) for r in rows if r.get("status") == "failed"}

    check = runner.invoke(cli, ["check", *(str(folder / n) for n in names), "--format",
                                "jsonl", "--jobs", "1"])
    expected = [json.loads(line) for line in check.stdout.splitlines() if line.strip()]
    assert len(expected) == len(reports) == 4
    for report in expected:
        assert reports[report["input"]["source"]] == report
    check_failed = {line for line in check.stderr.splitlines() if line.startswith("audit: ")}
    assert {f"audit: {source}: {reason}" for source, reason in failed} == check_failed
    assert len(failed) == 4  # the cut-short record, the broken archive, two bad lines
    assert any("cut short" in reason for _, reason in failed)

    assert counters == {"inputs": 4, "records": 8, "audited": 4, "not_html": 1,
                        "failed": len(failed)}
    summary = json.loads((out / "summary.json").read_text())
    assert schema.first_error(summary, schema.SUMMARY) is None
    assert summary["counts"]["audited"] == 4 and summary["counts"]["failed"] == len(failed)
    assert {a["source"] for a in summary["articles"]} == set(reports)
    batch_summary = tmp_path / "batch"
    runner.invoke(cli, ["check", *(str(folder / n) for n in names), "--out",
                        str(batch_summary), "-q", "--jobs", "1"])
    ours = json.loads((batch_summary / "summary.json").read_text())
    for key in ("scores", "grades", "rules", "source_types"):
        assert summary[key] == ours[key], key

    # a second run, from the command line, finds every input committed: no new run, the
    # same counters, and exit 3 as check's for the error rows
    again = runner.invoke(cli, ["spark", str(manifest), str(out), "--master", "local[2]",
                                "--report-level", "full"])
    assert again.exit_code == 3, again.output
    assert not (out / "run-00002").exists()
    assert "4 already committed, 0 to audit" in again.stderr
    assert (f"4 inputs committed, 8 records seen, 4 audited, 1 skipped (not HTML), "
            f"{len(failed)} failed") in again.stderr
