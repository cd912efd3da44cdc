"""The report contract: one schema, shipped with the package, and every report valid."""

import json

import pytest
from jsonschema import Draft202012Validator

import audit
from audit import schema
from conftest import ROOT, SEEDS


@pytest.mark.parametrize("name", ["report.schema.json", "summary.schema.json"])
def test_packaged_schema_is_the_repository_schema(name):
    packaged = ROOT / "audit" / "schemas" / name
    assert (ROOT / "schemas" / name).read_bytes() == packaged.read_bytes()


@pytest.mark.parametrize("name", ["report.schema.json", "summary.schema.json"])
def test_schema_is_valid_draft_2020_12(name):
    Draft202012Validator.check_schema(json.loads((ROOT / "schemas" / name).read_text()))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_reports_validate_and_spans_line_up(seed):
    report = audit.audit_path(seed)
    schema.validate(report)
    text = report["article"]["text"]
    for attribution in report["sourcing"]["attributions"]:
        for key in ("content", "source", "cue"):
            span = attribution[key]
            if span is not None:
                assert text[span["start"]:span["end"]] == span["text"]
    for finding in report["findings"]:
        if finding["span"]:
            assert 0 <= finding["span"]["start"] <= finding["span"]["end"] <= len(text)
    for block in report["article"]["blocks"]:
        if block["span"]:
            assert 0 <= block["span"]["start"] <= block["span"]["end"] <= len(text)


def test_invalid_report_is_named():
    report = audit.audit_text("A short text. It has two sentences.", strip=False)
    report["scores"]["grade"] = "Z"
    assert "grade" in schema.first_error(report)
    assert schema.first_error(report) == (
        "at scores/grade: 'Z' is not one of ['A', 'B', 'C', 'D', 'F', None]")
    with pytest.raises(schema.ReportInvalid):
        schema.validate(report)

