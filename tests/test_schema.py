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
    with pytest.raises(schema.ReportInvalid):
        schema.validate(report)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            yield from _paths(value, prefix + (index,))


def _mutations():
    yield "null", lambda parent, key: parent.__setitem__(key, None)
    yield "string", lambda parent, key: parent.__setitem__(key, "x")
    yield "negative", lambda parent, key: parent.__setitem__(key, -1)
    yield "bool", lambda parent, key: parent.__setitem__(key, True)
    yield "float", lambda parent, key: parent.__setitem__(key, 2.5)
    yield "list", lambda parent, key: parent.__setitem__(key, [])
    yield "object", lambda parent, key: parent.__setitem__(key, {"stray": 1})
    yield "delete", lambda parent, key: (
        parent.__delitem__(key) if isinstance(parent, dict) else None)


def test_fast_checker_agrees_with_jsonschema_on_broken_reports():
    """The compiled checker (hot path) and jsonschema (reference) agree on validity for
    every mutation of every field of a real report."""
    import copy

    base = audit.audit_text(
        "Council passes budget\n\nBy Jane Doe\n\n"
        "\u201cThis is a good day,\u201d said Mayor Jane Smith. The council approved a "
        "$4.7 billion budget on Tuesday, according to a statement. Officials expect it to "
        "pass again next year, experts say.\n\nPhoto: AP\n")
    checked = disagreements = 0
    shapes = {}
    for path in list(_paths(base))[1:]:  # one path per place in the schema
        if path[:2] == ("config", "settings") and len(path) > 2:
            continue  # a free-form object: nothing to disagree about
        shapes.setdefault(tuple(0 if isinstance(k, int) else k for k in path), path)
    for path in shapes.values():
        for name, mutate in _mutations():
            report = copy.deepcopy(base)
            parent = report
            for key in path[:-1]:
                parent = parent[key]
            mutate(parent, path[-1])
            fast = schema.first_error(report)
            ref = schema.first_error(report, reference=True)
            checked += 1
            if (fast is None) != (ref is None):
                disagreements += 1
                raise AssertionError(f"{'/'.join(map(str, path))} {name}: fast={fast} ref={ref}")
    assert checked > 300 and disagreements == 0


def test_fast_checker_refuses_keywords_it_does_not_know():
    from audit.fastschema import UnsupportedSchema, compile_schema

    with pytest.raises(UnsupportedSchema):
        compile_schema({"type": "string", "format": "email"})
