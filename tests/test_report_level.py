"""Report levels (issue 22): --report-level lean writes one compact line with no settings
but their digest and no article.blocks, --gzip compresses the report files, the schema
says what a lean report leaves out, and `audit validate` accepts both levels."""

from __future__ import annotations

import gzip
import json

from audit import api, batch, schema
from audit.cli import cli
from conftest import SEEDS, stdout_jsonl


def _full(path):
    return api.audit_bytes(path.read_bytes(), source=str(path))


def test_lean_is_the_full_report_without_blocks_and_settings():
    report = _full(SEEDS[0])
    lean = json.loads(batch.encode(report, "lean"))
    assert lean["report_level"] == "lean"
    assert lean["config"] == {"digest": report["config"]["digest"]}
    assert "blocks" not in lean["article"]
    rest = {k: v for k, v in lean.items() if k not in ("report_level", "config", "article")}
    assert rest == {k: v for k, v in report.items() if k not in ("config", "article")}
    assert {k: v for k, v in report["article"].items() if k != "blocks"} == lean["article"]
    assert "blocks" in report["article"]  # the report itself is left whole
    assert batch.encode(report, "lean").count(b"\n") == 1  # one compact line
    assert len(batch.encode(report, "lean")) < len(batch.encode(report)) / 2
    assert schema.first_error(lean) is None
    assert schema.first_error(report) is None


def test_schema_tells_a_lean_report_from_a_broken_full_one():
    report = _full(SEEDS[1])
    no_blocks = {**report, "article": {k: v for k, v in report["article"].items()
                                       if k != "blocks"}}
    no_settings = {**report, "config": {"digest": report["config"]["digest"]}}
    full_marked = {**json.loads(batch.encode(report, "lean")), "report_level": "full"}
    for broken in (no_blocks, no_settings, full_marked):
        assert schema.first_error(broken) is not None


def test_check_writes_lean_gzip_reports_that_validate_and_resume(runner, tmp_path):
    out = tmp_path / "out"
    args = ["check", *map(str, SEEDS[:3]), "--out", str(out), "--report-level", "lean",
            "--gzip", "-q", "--jobs", "1"]
    assert runner.invoke(cli, args).exit_code in (0, 1)
    names = sorted(p.name for p in out.glob("*.json.gz"))
    assert names == sorted(f"{p.name}.json.gz" for p in SEEDS[:3])
    for name in names:
        text = gzip.decompress((out / name).read_bytes()).decode()
        assert text.count("\n") == 1 and json.loads(text)["report_level"] == "lean"
    summary = json.loads((out / "summary.json").read_text())
    assert [a["report"] for a in summary["articles"]] == [f"{p.name}.json.gz" for p in SEEDS[:3]]
    result = runner.invoke(cli, ["validate", *(str(out / n) for n in names)])
    assert result.exit_code == 0, result.output
    again = runner.invoke(cli, [*args, "--incremental"])
    assert again.exit_code in (0, 1)
    assert json.loads((out / "summary.json").read_text())["counts"]["skipped"] == 3
    # a full run does not take the lean reports as up to date
    full = runner.invoke(cli, ["check", *map(str, SEEDS[:3]), "--out", str(out), "--gzip",
                               "-q", "--jobs", "1", "--incremental"])
    assert full.exit_code in (0, 1)
    assert json.loads((out / "summary.json").read_text())["counts"]["skipped"] == 0
    first = json.loads(gzip.decompress((out / names[0]).read_bytes()))
    assert "report_level" not in first and "blocks" in first["article"]


def test_report_level_from_the_config_file_and_in_jsonl(runner, tmp_path):
    config = tmp_path / "audit.toml"
    config.write_text('report-level = "lean"\n')
    result = runner.invoke(cli, ["check", str(SEEDS[0]), "--format", "jsonl",
                                 "--config", str(config)])
    assert result.exit_code in (0, 1)
    (report,) = stdout_jsonl(result)
    assert report["report_level"] == "lean" and "settings" not in report["config"]
    # the digest does not change with the level: it names the settings that score
    assert report["config"]["digest"] == _full(SEEDS[0])["config"]["digest"]
    bad = runner.invoke(cli, ["check", str(SEEDS[0]), "--report-level", "tiny"])
    assert bad.exit_code == 2
    config.write_text('report-level = "tiny"\n')
    bad = runner.invoke(cli, ["check", str(SEEDS[0]), "--config", str(config)])
    assert bad.exit_code == 2 and "report-level" in bad.output


def test_jsonl_file_named_gz_is_compressed(runner, tmp_path):
    target = tmp_path / "reports.jsonl.gz"
    result = runner.invoke(cli, ["check", *map(str, SEEDS[:2]), "--jsonl", str(target),
                                 "--report-level", "lean", "-q", "--jobs", "1"])
    assert result.exit_code in (0, 1)
    lines = gzip.decompress(target.read_bytes()).decode().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["report_level"] == "lean" for line in lines)
    assert runner.invoke(cli, ["validate", str(target)]).exit_code == 0


def test_gzip_needs_out(runner):
    result = runner.invoke(cli, ["check", str(SEEDS[0]), "--gzip"])
    assert result.exit_code == 2 and "--gzip needs --out" in result.output


def test_lean_resume_with_pages_and_a_damaged_gzip(runner, tmp_path):
    """An up-to-date lean report cannot make a page (it has no blocks): the article is
    audited again for a missing page or --format html; a .json.gz cut short is redone."""
    out, pages = tmp_path / "out", tmp_path / "pages"
    args = ["check", *map(str, SEEDS[:3]), "--out", str(out), "--html-dir", str(pages),
            "--report-level", "lean", "--gzip", "-q", "--jobs", "1"]
    assert runner.invoke(cli, args).exit_code in (0, 1)
    (pages / f"{SEEDS[0].name}.html").unlink()
    cut = out / f"{SEEDS[1].name}.json.gz"
    cut.write_bytes(cut.read_bytes()[:100])
    again = runner.invoke(cli, [*args, "--incremental"])
    assert again.exit_code in (0, 1), again.output
    assert (pages / f"{SEEDS[0].name}.html").is_file()
    assert json.loads((out / "summary.json").read_text())["counts"]["skipped"] == 1
    html = runner.invoke(cli, [*(a for a in args if a != "-q"), "--incremental",
                               "--format", "html"])
    assert html.exit_code in (0, 1) and "internal error" not in html.output


def test_lean_reports_of_copies_are_rewritten_lean(runner, tmp_path):
    """Batch grouping writes the reports of articles that share text again: still lean
    (and gzipped), and their pages stay as first written."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(SEEDS[0].read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(cli, ["check", str(folder), "--out", str(out), "--html-dir",
                                 str(tmp_path / "pages"), "--report-level", "lean", "--gzip",
                                 "-q", "--jobs", "1"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads(gzip.decompress((out / "a.txt.json.gz").read_bytes()))
    assert report["report_level"] == "lean" and report["copies"]
    assert schema.first_error(report) is None
    assert len(json.loads((out / "summary.json").read_text())["groups"]) == 1
