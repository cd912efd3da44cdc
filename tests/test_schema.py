"""The report contract: one schema, shipped with the package, and every report valid."""

import json

import pytest
from jsonschema import Draft202012Validator

import audit
from audit import schema
from audit.fastschema import compile_checker, compile_ok
from conftest import ROOT, SEEDS


def _tiers(name=schema.REPORT):
    """The fast tier (``ok``) and the slow one (closures: the messages) on their own."""
    return compile_ok(schema.load(name)), compile_checker(schema.load(name))


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
    ok, slow = _tiers()
    assert ok(report) is True and slow(report) is None
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
    yield "integral float", lambda parent, key: parent.__setitem__(key, 1.0)  # an integer
    yield "list", lambda parent, key: parent.__setitem__(key, [])
    yield "object", lambda parent, key: parent.__setitem__(key, {"stray": 1})
    yield "delete", lambda parent, key: (
        parent.__delitem__(key) if isinstance(parent, dict) else None)


def _agree(base, name=schema.REPORT, skip=()):
    """Mutate every field of ``base`` (one per place in the schema) in every way: jsonschema
    (the reference), the generated ``ok`` alone and the two tiers together must agree on
    validity, and the message must be the closures' own. Returns (checked, valid)."""
    import copy

    ok, slow = _tiers(name)
    assert ok(base) is True
    checked = valid = 0
    shapes = {}
    for path in list(_paths(base))[1:]:
        if skip and path[:len(skip)] == skip and len(path) > len(skip):
            continue  # a free-form object: nothing to disagree about
        shapes.setdefault(tuple(0 if isinstance(k, int) else k for k in path), path)
    for path in shapes.values():
        for how, mutate in _mutations():
            instance = copy.deepcopy(base)
            parent = instance
            for key in path[:-1]:
                parent = parent[key]
            mutate(parent, path[-1])
            fast = schema.first_error(instance, name)
            ref = schema.first_error(instance, name, reference=True)
            where = f"{'/'.join(map(str, path))} {how}"
            assert (fast is None) == (ref is None), f"{where}: fast={fast} ref={ref}"
            assert ok(instance) is (ref is None), f"{where}: ok={ok(instance)} ref={ref}"
            assert fast == slow(instance), where  # the message is unchanged
            checked += 1
            valid += ref is None
    return checked, valid


def test_fast_checker_agrees_with_jsonschema_on_broken_reports():
    """The compiled checker (hot path) and jsonschema (reference) agree on validity for
    every mutation of every field of a real report."""
    base = audit.audit_text(
        "Council passes budget\n\nBy Jane Doe\n\n"
        "\u201cThis is a good day,\u201d said Mayor Jane Smith. The council approved a "
        "$4.7 billion budget on Tuesday, according to a statement. Officials expect it to "
        "pass again next year, experts say.\n\nPhoto: AP\n")
    checked, valid = _agree(base, skip=("config", "settings"))
    assert checked > 300 and 0 < valid < checked


def test_fast_checker_agrees_with_jsonschema_on_broken_summaries():
    summary = {
        "schema_version": "1.0", "tool": {"name": "audit", "version": "1.2.0"},
        "config": {"digest": "0123456789abcdef"},
        "counts": {"inputs": 3, "audited": 2, "failed": 1, "skipped": 0, "below_fail_under": 1},
        "scores": {
            "overall": {"count": 2, "min": 41.5, "max": 77, "mean": 59.25, "median": 59.25,
                        "histogram": [0, 0, 0, 0, 1, 0, 0, 1, 0, 0]},
            "readability": None, "sourcing": None, "attribution": None},
        "grades": {"A": 0, "B": 1, "C": 0, "D": 1, "F": 0, "none": 0},
        "rules": [{"rule_id": "SRC-UNNAMED-SOURCE", "count": 3},
                  {"rule_id": "ATT-NO-BYLINE", "count": 1}],
        "source_types": {"person": 2, "unnamed": 3},
        "articles": [
            {"source": "a.txt", "report": "a.txt.json", "sha256": "ab" * 32, "overall": 77,
             "grade": "B"},
            {"source": "b.html", "report": None, "sha256": "cd" * 32, "overall": None,
             "grade": None}],
        "failed": [{"source": "c.pdf", "reason": "not text"}],
    }
    checked, valid = _agree(summary, schema.SUMMARY)
    assert checked > 100 and 0 < valid < checked


def test_fast_checker_refuses_keywords_it_does_not_know():
    from audit.fastschema import UnsupportedSchema, compile_schema

    with pytest.raises(UnsupportedSchema):
        compile_schema({"type": "string", "format": "email"})
