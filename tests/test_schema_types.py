"""The committed schema against the typed records the report is written from, field by field.

Reports are not validated as they are made: every one is written by audit.report from these
records. So each record must name exactly the properties of its place in the schema, with
JSON types the schema allows, and each closed vocabulary (StrEnum) exactly the schema's
enumeration; a field added on one side only fails here, before any report could be wrong.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from enum import StrEnum
from html import escape

import pytest

from audit import model, rules
from audit.model import SPECIFICITY
from audit.sourcing.record import Attribution
from conftest import ROOT

SCHEMA = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
DEFS = SCHEMA["$defs"]


def node(*path: str | int) -> dict:
    """The object schema at ``path`` from ``$defs`` ("items" steps into an array, a
    ``$ref`` or a ``oneOf`` with null is followed to the object)."""
    here = DEFS[path[0]]
    for step in path[1:]:
        here = _object(here)
        here = here["items"] if step == "items" else here["properties"][step]
    return _object(here)


def _object(schema: dict) -> dict:
    if "$ref" in schema:
        return _object(DEFS[schema["$ref"].rsplit("/", 1)[1]])
    if "oneOf" in schema:
        return _object(next(s for s in schema["oneOf"] if s.get("type") != "null"))
    return schema


# record -> its place in the schema
RECORDS = [
    (model.Provenance, node("provenance")),
    (model.TitleItem, node("provenance", "title")),
    (model.Named, node("named")),
    (model.DateItem, node("date")),
    (model.Credit, node("provenance", "credits", "items")),
    (model.AuthorBio, node("provenance", "author_bio")),
    (model.Link, node("provenance", "outbound_links", "items")),
    (model.LabelItem, node("provenance", "labels", "items")),
    (model.Origin, node("origin")),
    (model.Readability, node("readability")),
    (model.ReadabilityCounts, node("readability", "counts")),
    (model.Formulas, node("readability", "formulas")),
    (model.HardSentence, node("readability", "hardest_sentences", "items")),
    (model.Notice, node("warning")),
    (model.Sourcing, node("sourcing")),
    (model.Unattributed, node("sourcing", "unattributed", "items")),
    (model.SourcingTotals, node("sourcing", "counts")),
    (model.Scores, node("scores")),
    (model.Score, node("score")),
    (model.Signal, node("signal")),
]
# Fields whose JSON form is another shape than their type's (written by audit.report).
SHAPED = {(model.SourcingTotals, "by_type"): {"object"}}  # pairs, most specific first


def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(model) | {"Attribution": Attribution})


def _json_types(hint: object) -> set[str]:
    """The JSON types a value of ``hint`` is written as."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return set().union(*map(_json_types, typing.get_args(hint)))
    hint = typing.get_origin(hint) or hint
    if hint is type(None):
        return {"null"}
    if hint is bool:
        return {"boolean"}
    if isinstance(hint, type) and issubclass(hint, StrEnum | str):
        return {"string"}
    if hint is int:
        return {"integer"}
    if hint is float:
        return {"number"}
    if hint is tuple:
        return {"array"}
    if hint is dict or dataclasses.is_dataclass(hint):
        return {"object"}
    raise AssertionError(f"no JSON type for {hint!r}")


def _schema_types(schema: dict) -> set[str]:
    if "$ref" in schema:
        return _schema_types(DEFS[schema["$ref"].rsplit("/", 1)[1]])
    if "oneOf" in schema:
        return set().union(*map(_schema_types, schema["oneOf"]))
    if "enum" in schema:
        return {"null" if v is None else "string" for v in schema["enum"]}
    kinds = schema["type"]
    found = {kinds} if isinstance(kinds, str) else set(kinds)
    return found | ({"integer"} if "number" in found else set())  # an int is a number


@pytest.mark.parametrize("record,schema", RECORDS, ids=[r.__name__ for r, _ in RECORDS])
def test_record_has_the_schema_fields(record, schema):
    names = [f.name for f in dataclasses.fields(record)]
    assert set(names) == set(schema["properties"]), record.__name__
    hints = _hints(record)
    for name in names:
        written = SHAPED.get((record, name)) or _json_types(hints[name])
        allowed = _schema_types(schema["properties"][name])
        if name not in schema.get("required", ()):  # None: the key is left out
            assert "null" in written, f"{record.__name__}.{name}: optional, so may be None"
            allowed |= {"null"}
        assert written <= allowed, f"{record.__name__}.{name}: {written} not in {allowed}"


def test_attribution_has_the_schema_fields():
    """Attribution is the extractor's record: its report form renames two fields."""
    renamed = {"segments": "content_segments"}
    names = {renamed.get(name, name) for name in Attribution._fields}
    assert names == set(node("attribution")["properties"])


def test_block_has_the_schema_fields():
    """A block's input lines are one ``lines`` object; its offset in the input is the
    locator's, not the report's."""
    renamed = {"line_start": "lines", "line_end": "lines"}
    names = {renamed.get(name, name) for name in model.Block._fields} - {"offset"}
    assert names == set(node("block")["properties"])


@pytest.mark.parametrize("enum,values", [
    (model.Role, DEFS["role"]["enum"]),
    (model.SourceType, DEFS["source_type"]["enum"]),
    (model.OriginKind, node("origin")["properties"]["kind"]["enum"]),
    (model.CreditKind, node("provenance", "credits", "items")["properties"]["kind"]["enum"]),
    (model.Label, node("provenance", "labels", "items")["properties"]["label"]["enum"]),
    (model.Kind, node("sourcing", "attributions", "items")["properties"]["kind"]["enum"]),
    (model.Form, node("sourcing", "attributions", "items")["properties"]["form"]["enum"]),
    (rules.Category, node("finding")["properties"]["category"]["enum"]),
    (rules.Severity, node("finding")["properties"]["severity"]["enum"]),
    (rules.Confidence, node("finding")["properties"]["confidence"]["enum"]),
], ids=lambda x: x.__name__ if isinstance(x, type) else "")
def test_enumeration_is_the_schema_enum(enum, values):
    assert [member.value for member in enum] == values


def test_source_types_are_counted_in_the_language_pack_order():
    assert tuple(model.SourceType) == SPECIFICITY
    assert list(node("sourcing", "counts")["properties"]["by_type"]["properties"]) == list(
        SPECIFICITY)


# --- the records a stage hands on hold enumerations, not their strings ---------------------

def _hints(cls: type) -> dict[str, typing.Any]:
    return typing.get_type_hints(cls, localns={"Attribution": Attribution})


def _check_typed(value: typing.Any, hint: typing.Any, where: str) -> int:
    """Walk ``value`` along its type ``hint``; fail where a StrEnum is expected and a plain
    string is held. Returns how many enumeration values were checked."""
    if value is None:
        return 0
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        enums = [a for a in args if isinstance(a, type) and issubclass(a, StrEnum)]
        if enums and isinstance(value, str):
            assert isinstance(value, tuple(enums)), f"{where}: plain string {value!r}"
            return 1
        return _check_typed(value, args[0], where) if len(args) == 1 else 0
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        assert isinstance(value, hint), f"{where}: {value!r} is not a {hint.__name__}"
        return 1
    if origin in (tuple, list):
        args = typing.get_args(hint)
        if origin is list or (len(args) == 2 and args[1] is Ellipsis):
            return sum(_check_typed(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
        return sum(_check_typed(v, a, f"{where}[{i}]")
                   for i, (v, a) in enumerate(zip(value, args)))
    if origin is dict:
        return sum(_check_typed(v, typing.get_args(hint)[1], f"{where}[{k!r}]")
                   for k, v in value.items())
    if dataclasses.is_dataclass(value) or hasattr(value, "_fields"):
        cls = type(value)
        names = ([f.name for f in dataclasses.fields(value)] if dataclasses.is_dataclass(value)
                 else list(value._fields))
        hints = _hints(cls)
        return sum(_check_typed(getattr(value, n), hints[n], f"{where}.{n}")
                   for n in names if n in hints)
    return 0


def _records_of(monkeypatch, run) -> dict[str, typing.Any]:
    """The typed records ``audit.report.build`` is handed when ``run`` audits a page."""
    from audit import report

    seen: dict[str, typing.Any] = {}
    build = report.build

    def spy(**records):
        seen.update(records)
        return build(**records)

    monkeypatch.setattr(report, "build", spy)
    run()
    return seen


@pytest.mark.parametrize("seed", sorted((ROOT / "seeds").glob("*.txt"))[:4],
                         ids=lambda p: p.name)
def test_stages_hand_on_enumerations_not_strings(seed, monkeypatch):
    """Roles, source types, confidences, origins... reach audit.report as their StrEnum
    members (a stage writing the plain string fails here), on a text seed and as HTML."""
    import audit

    text = seed.read_text(encoding="utf-8")
    html = ("<!DOCTYPE html><html><head><title>T</title></head><body><article>"
            + "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
            + "</article></body></html>")
    hints = _hints_of_build()
    for run in (lambda: audit.audit_text(text), lambda: audit.audit_html(html)):
        records = _records_of(monkeypatch, run)
        checked = sum(_check_typed(records[name], hints[name], name)
                      for name in ("article", "readability", "sourcing", "findings", "scores"))
        assert checked > 0
        assert all(isinstance(b.role, model.Role) for b in records["article"].blocks)


def _hints_of_build() -> dict[str, typing.Any]:
    from audit import report
    from audit.article import Article

    return typing.get_type_hints(report.build, localns={"Article": Article,
                                                        "Attribution": Attribution})
