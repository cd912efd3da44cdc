"""Output formats: the registry, and what each format prints (issue 19, done-item 1)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from audit import render
from audit.cli import cli
from conftest import ROOT, SEEDS

SARIF_SUBSET = ROOT / "tests" / "data" / "sarif-2.1.0-subset.schema.json"
LINE = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]+(?:-[A-Z0-9]+)+)"
                  r" (?P<severity>info|low|medium|high) \S.*$")


@pytest.fixture(scope="module")
def reports():
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["check", str(ROOT / "seeds"), "--format", "jsonl",
                                      "-j", "1"])
    assert result.exit_code in (0, 1), result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _render(name, reports, single=False):
    out = []
    formatter = render.get(name)(out.append, single=single)
    for report in reports:
        formatter.add(formatter.article(report, render.Options()))
    formatter.close()
    return "".join(out)


def test_the_registry_lists_every_format_module_once():
    assert tuple(render.formats()) == render.NAMES
    for name, cls in render.formats().items():
        assert cls.name == name and cls.description


@pytest.mark.parametrize("name", render.NAMES)
def test_every_format_is_offered_documented_and_prints_the_seeds(name, runner, reports):
    help_text = runner.invoke(cli, ["check", "--help"]).output
    assert name in help_text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| `{name}` |" in readme
    assert _render(name, reports).strip()
    assert _render(name, []) is not None  # an empty batch is still the format (or nothing)


def test_json_prints_one_object_for_one_article_and_an_array_otherwise(runner, reports):
    one = runner.invoke(cli, ["check", str(SEEDS[0]), "--format", "json"])
    assert isinstance(json.loads(one.stdout), dict)
    assert isinstance(json.loads(_render("json", reports[:1])), list)  # a directory
    assert json.loads(_render("json", reports[:1], single=True))["input"] == reports[0]["input"]
    assert len(json.loads(_render("json", reports))) == len(reports)
    assert json.loads(_render("json", [])) == []


def test_quiet_silences_progress_not_the_format_asked_for(runner):
    result = runner.invoke(cli, ["check", str(ROOT / "seeds"), "--format", "json", "-q",
                                 "-j", "1"])
    assert len(json.loads(result.stdout)) == len(SEEDS)
    assert result.stderr == ""
    text = runner.invoke(cli, ["check", str(SEEDS[0]), "-q"])
    assert text.stdout == ""


def test_jsonl_to_stdout_is_only_json_lines_and_never_twice(runner):
    for extra in ([], ["--format", "jsonl"]):
        result = runner.invoke(cli, ["check", str(ROOT / "seeds"), "--jsonl", "-", "-j", "1",
                                     *extra])
        lines = result.stdout.splitlines()
        assert len(lines) == len(SEEDS)
        assert all(json.loads(line)["schema_version"] for line in lines)
    clash = runner.invoke(cli, ["check", str(SEEDS[0]), "--jsonl", "-", "--format", "csv"])
    assert clash.exit_code == 2 and "--jsonl -" in clash.stderr


def test_sarif_is_valid_sarif_2_1_0_with_one_result_per_finding(reports):
    import jsonschema

    from audit.rules import all_rules

    log = json.loads(_render("sarif", reports))
    subset = json.loads(SARIF_SUBSET.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(subset, format_checker=jsonschema.FormatChecker()).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == list(all_rules())
    findings = [(r["input"]["source"], f) for r in reports for f in r["findings"]]
    assert len(run["results"]) == len(findings)
    for result, (source, finding) in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == finding["rule_id"]
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == finding["rule_id"]
        place = result["locations"][0]["physicalLocation"]
        assert place["artifactLocation"]["uri"] == source
        if finding["line"] is not None:  # the seeds are text: places in the file
            assert place["region"] == {"startLine": finding["line"],
                                       "startColumn": finding["column"]}
    empty = json.loads(_render("sarif", []))
    jsonschema.Draft7Validator(subset).validate(empty)
    assert empty["runs"][0]["results"] == []


def test_csv_has_one_row_per_article_and_defuses_formulas(reports):
    rows = list(csv.DictReader(io.StringIO(_render("csv", reports), newline="")))
    assert len(rows) == len(reports)
    for row, report in zip(rows, reports, strict=True):
        assert row["source"] == report["input"]["source"]
        assert row["grade"] == (report["scores"]["grade"] or "")
        assert sum(int(row[f"findings_{s}"]) for s in ("high", "medium", "low", "info")) \
            == len(report["findings"])
        assert int(row["sources_unnamed"]) == \
            report["sourcing"]["counts"]["by_type"].get("unnamed", 0)
    hostile = json.loads(json.dumps(reports[0]))
    hostile["article"]["title"] = "=HYPERLINK(\"http://x\")"
    row = next(csv.DictReader(io.StringIO(_render("csv", [hostile]), newline="")))
    assert row["title"].startswith("'=")


def test_lines_are_path_line_col_rule_severity_message(reports):
    text = _render("lines", reports)
    lines = text.splitlines()
    assert len(lines) == sum(len(r["findings"]) for r in reports)
    for line in lines:
        assert LINE.match(line), line


def test_validate_reads_objects_arrays_and_json_lines(runner, tmp_path, reports):
    (tmp_path / "one.json").write_text(_render("json", reports[:1], single=True))
    (tmp_path / "many.json").write_text(_render("json", reports))
    (tmp_path / "many.jsonl").write_text(_render("jsonl", reports))
    result = runner.invoke(cli, ["validate", *(str(tmp_path / n) for n in
                                               ("one.json", "many.json", "many.jsonl"))])
    assert result.exit_code == 0, result.output
    broken = tmp_path / "broken.jsonl"
    broken.write_text(_render("jsonl", reports[:1]) + "{not json\n")
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 3 and "line 2" in result.stderr
