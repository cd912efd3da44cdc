"""The batch summary (audit.batch.summary): failed inputs named, findings counted by rule
and sources by type."""

import json

from audit import schema
from audit.cli import cli
from conftest import ROOT, articles


def test_summary_names_failed_inputs(runner, tmp_path):
    folder = articles(tmp_path, 2)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "zz.bin").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["check", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 3
    summary = json.loads((out / "summary.json").read_text())
    schema.validate(summary, "summary.schema.json")
    assert summary["counts"]["failed"] == 2
    assert summary["failed"][0]["source"].endswith("empty.txt")
    assert summary["failed"][0]["reason"] == "empty input"  # not scored as an empty article
    assert summary["failed"][1]["source"].endswith("zz.bin")
    assert summary["counts"]["audited"] == 2


def test_summary_counts_findings_by_rule_and_sources_by_type(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["check", str(ROOT / "seeds"), "--out", str(out), "--format",
                                 "jsonl", "-j", "1"])
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    by_rule = {}
    for report in reports:
        for finding in report["findings"]:
            by_rule[finding["rule_id"]] = by_rule.get(finding["rule_id"], 0) + 1
    assert {row["rule_id"]: row["count"] for row in summary["rules"]} == by_rule
    counts = [row["count"] for row in summary["rules"]]
    assert counts == sorted(counts, reverse=True)
    for kind, count in summary["source_types"].items():
        assert count == sum(r["sourcing"]["counts"]["by_type"].get(kind, 0) for r in reports)
    assert "interrupted" not in summary  # present (true) only when the run was stopped

