"""The two tiers of audit.fastschema on the corners of JSON semantics.

Every case is checked three ways: the generated ``ok`` (fast tier), the closures (slow
tier, which give the messages) and jsonschema, the reference."""

import enum
import random
from collections import OrderedDict

import pytest
from jsonschema import Draft202012Validator

from audit.fastschema import UnsupportedSchema, compile_checker, compile_ok, compile_schema


class Text(str):
    pass


class Count(int):
    pass


class Level(enum.IntEnum):
    ONE = 1


def _valid(schema, value, *, reference=True):
    """Whether ``value`` is valid, after checking that all the checkers agree on it."""
    ok = compile_ok(schema)(value)
    assert ok is True or ok is False  # a bool, not merely truthy
    slow = compile_checker(schema)(value)
    assert ok is (slow is None), slow
    assert compile_schema(schema)(value) == slow  # the message is the closures' own
    if reference:
        errors = list(Draft202012Validator(schema).iter_errors(value))
        assert ok is (not errors), errors
    return ok


INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}


@pytest.mark.parametrize(("schema", "value", "valid"), [
    (INTEGER, 1, True), (INTEGER, True, False), (INTEGER, False, False), (INTEGER, 1.0, True),
    (INTEGER, -0.0, True), (INTEGER, 1.5, False), (INTEGER, "1", False), (INTEGER, None, False),
    (NUMBER, 2.5, True), (NUMBER, 3, True), (NUMBER, True, False), (NUMBER, "2", False),
    ({"type": "boolean"}, True, True), ({"type": "boolean"}, 1, False),
    ({"type": "boolean"}, 0, False), ({"type": "null"}, None, True),
    ({"type": "null"}, 0, False), ({"type": ["integer", "null"]}, None, True),
    ({"type": ["integer", "null"]}, 2.0, True), ({"type": ["integer", "null"]}, False, False),
    ({"type": ["number", "integer"]}, 0.5, True), ({"type": []}, None, False),
    ({"type": "array"}, [], True), ({"type": "array"}, {}, False),
    ({"type": "object"}, {}, True), ({"type": "object"}, [], False),
    ({"type": "string"}, "", True), ({"type": "string"}, b"", False),
])
def test_types_follow_json_not_python(schema, value, valid):
    assert _valid(schema, value) is valid


@pytest.mark.parametrize(("schema", "value", "valid"), [
    ({"enum": [1]}, 1, True), ({"enum": [1]}, True, False), ({"enum": [1]}, 1.0, True),
    ({"enum": [True]}, 1, False), ({"enum": [True]}, True, True),
    ({"enum": [0, "a"]}, False, False), ({"enum": [False]}, 0, False),
    ({"enum": ["a", None]}, None, True), ({"enum": ["a", None]}, "b", False),
    ({"enum": ["a", None]}, ["a"], False), ({"enum": ["a", None]}, {"a": 1}, False),
    ({"enum": []}, None, False), ({"enum": [[1, 2], {"a": 1}]}, [1, 2], True),
    ({"enum": [[1, 2], {"a": 1}]}, {"a": 1}, True), ({"enum": [[1, 2]]}, [2, 1], False),
    ({"const": 1}, True, False), ({"const": 1}, 1.0, True), ({"const": True}, 1, False),
    ({"const": False}, 0, False), ({"const": None}, None, True), ({"const": None}, 0, False),
    ({"const": "1.0"}, 1.0, False), ({"const": "1.0"}, "1.0", True),
    ({"const": {"a": [1]}}, {"a": [1]}, True), ({"const": 0}, -0.0, True),
])
def test_enum_and_const_tell_true_from_1(schema, value, valid):
    assert _valid(schema, value) is valid


@pytest.mark.parametrize(("schema", "value", "valid"), [
    ({"minimum": 5}, True, True),  # bools are not numbers: the bound does not apply
    ({"minimum": 5}, 4, False), ({"minimum": 5}, 5.0, True), ({"minimum": 5}, "4", True),
    ({"maximum": 0}, None, True), ({"maximum": 0}, 0.5, False), ({"maximum": 0}, [1], True),
    ({"type": ["integer", "null"], "minimum": 1}, 0, False),
    ({"type": ["integer", "null"], "minimum": 1}, None, True),
    ({"type": "integer", "minimum": 0, "maximum": 3}, 3.0, True),
    ({"type": "integer", "minimum": 0, "maximum": 3}, 4, False),
    ({"minItems": 1}, [], False), ({"minItems": 1}, "", True), ({"minItems": 1}, {}, True),
    ({"maxItems": 1}, [1, 2], False), ({"maxItems": 1}, "ab", True),
    ({"pattern": "^a"}, "ab", True), ({"pattern": "^a"}, "ba", False),
    ({"pattern": "a"}, "ba", True),  # search, not match
    ({"pattern": "^a"}, 1, True), ({"pattern": "^a"}, None, True), ({"pattern": "^a"}, [], True),
    ({"type": ["string", "null"], "pattern": "^[0-9]+$"}, None, True),
    ({"type": ["string", "null"], "pattern": "^[0-9]+$"}, "12x", False),
    ({"required": ["a"]}, {}, False), ({"required": ["a"]}, [], True),
    ({"required": ["a"]}, "a", True), ({"required": ["a"]}, {"a": None}, True),
    ({"properties": {"a": INTEGER}}, {"a": True}, False),
    ({"properties": {"a": INTEGER}}, [True], True), ({"items": INTEGER}, {"a": "x"}, True),
    ({"items": INTEGER}, [1, 2.0, True], False),
])
def test_keywords_apply_to_their_own_kind_only(schema, value, valid):
    assert _valid(schema, value) is valid


def _closed(required, optional=()):
    keys = [*required, *optional]
    return {"type": "object", "additionalProperties": False, "required": list(required),
            "properties": {key: {"type": "string"} for key in keys}}


@pytest.mark.parametrize(("schema", "value", "valid"), [
    # every key required (few, and many), some optional (few, and many), none allowed
    (_closed("ab"), {"a": "", "b": ""}, True), (_closed("ab"), {"a": "", "c": ""}, False),
    (_closed("ab"), {"a": "", "b": "", "c": ""}, False), (_closed("ab"), {"a": ""}, False),
    (_closed("abcdef"), dict.fromkeys("abcdef", ""), True),
    (_closed("abcdef"), dict.fromkeys("abcdeg", ""), False),
    (_closed("abcdef"), dict.fromkeys("abcdefg", ""), False),
    (_closed("abcdef"), {**dict.fromkeys("abcdef", ""), "f": 1}, False),
    (_closed("a", "b"), {"a": ""}, True), (_closed("a", "b"), {"a": "", "b": ""}, True),
    (_closed("a", "b"), {"a": "", "c": ""}, False), (_closed("a", "b"), {"b": ""}, False),
    (_closed("a", "b"), {"a": "", "b": 1}, False),
    (_closed("a", "bcdefg"), {"a": "", "g": ""}, True),
    (_closed("a", "bcdefg"), {"a": "", "h": ""}, False),
    (_closed("", "bcdefg"), {}, True), (_closed("", "bcdefg"), {"b": 2}, False),
    ({"type": "object", "additionalProperties": False}, {}, True),
    ({"type": "object", "additionalProperties": False}, {"a": 1}, False),
    ({"additionalProperties": False}, [1], True),
    ({"type": "object", "additionalProperties": True, "properties": {"a": INTEGER}},
     {"a": 1, "z": "anything"}, True),
    ({"type": "object", "required": ["z"], "properties": {"a": INTEGER},
      "additionalProperties": False}, {"z": 1}, False),  # required, but not allowed
])
def test_additional_properties_false_closes_the_object(schema, value, valid):
    assert _valid(schema, value) is valid


NULL_OR_SPAN = {"oneOf": [{"type": "null"}, {"type": "object", "required": ["start"]}]}
OVERLAP = {"oneOf": [INTEGER, {"minimum": 0}]}


@pytest.mark.parametrize(("schema", "value", "valid"), [
    (NULL_OR_SPAN, None, True), (NULL_OR_SPAN, {"start": 1}, True), (NULL_OR_SPAN, {}, False),
    (NULL_OR_SPAN, [], False), (NULL_OR_SPAN, 0, False),
    (OVERLAP, 5, False),  # valid under both branches: not "one of"
    (OVERLAP, -5, True), (OVERLAP, 2.5, True), (OVERLAP, "x", True), (OVERLAP, True, True),
    ({"oneOf": [{"type": "string"}, {"type": "string"}]}, "x", False),
    ({"oneOf": [{"type": "string"}, {"type": "string"}]}, 1, False),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1, False),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1.5, True),
    ({"oneOf": [{}]}, object(), True), ({"oneOf": [{}, {}]}, 1, False),
    ({"oneOf": [{"type": "null"}, {"enum": ["a", 1]}]}, True, False),
    ({"oneOf": [{"type": "null"}, {"enum": ["a", 1]}]}, 1.0, True),
    ({"oneOf": [{"type": "null"}, {"enum": ["a", None]}]}, None, False),
    ({"type": ["object", "null"], "oneOf": [{"type": "null"}, {"required": ["a"]}]}, None,
     False),  # null passes both branches
    ({"type": ["object", "null"], "oneOf": [{"type": "null"}, {"required": ["a"]}]}, {"a": 1},
     True),
])
def test_one_of_means_exactly_one(schema, value, valid):
    assert _valid(schema, value) is valid


DEFS = {
    "$defs": {
        "span": {"type": "object", "additionalProperties": False, "required": ["start", "end"],
                 "properties": {"start": {"$ref": "#/$defs/offset"},
                                "end": {"$ref": "#/$defs/offset"}}},
        "offset": {"type": "integer", "minimum": 0},
        "maybe": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/span"}]},
        "tree": {"type": "object", "additionalProperties": False,
                 "properties": {"span": {"$ref": "#/$defs/maybe"},
                                "kids": {"type": "array", "items": {"$ref": "#/$defs/tree"}}}},
    },
    "$ref": "#/$defs/tree",
}


@pytest.mark.parametrize(("value", "valid"), [
    ({}, True), ({"span": None}, True), ({"span": {"start": 0, "end": 2}}, True),
    ({"span": {"start": -1, "end": 2}}, False), ({"span": {"start": 0}}, False),
    ({"kids": [{"kids": [{"span": {"start": 1, "end": 1.0}}]}]}, True),
    ({"kids": [{"kids": [{"span": {"start": 1, "end": True}}]}]}, False),
    ({"kids": [{"kids": [{"leaf": 1}]}]}, False), ({"kids": [None]}, False),
    ([], False),
])
def test_nested_and_recursive_refs(value, valid):
    assert _valid(DEFS, value) is valid


@pytest.mark.parametrize(("schema", "value"), [
    ({"type": "string", "enum": ["a"]}, Text("a")), ({"type": "integer"}, Count(3)),
    ({"type": "integer", "minimum": 1, "enum": [1]}, Level.ONE),
    ({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
     OrderedDict(a="x")),
    (_closed("abc"), OrderedDict.fromkeys("abc", "")),
])
def test_subclasses_count_as_their_json_type(schema, value):
    assert _valid(schema, value, reference=False) is True


@pytest.mark.parametrize(("schema", "value", "valid"), [
    ({"type": "array"}, (), False), ({"items": {"type": "string"}}, (1,), True),
    ({"type": "number", "minimum": 0}, float("nan"), False),
    ({"type": "number", "maximum": 0}, float("nan"), False),
    ({"type": "integer"}, float("inf"), False),
])
def test_values_json_cannot_hold_are_judged_as_the_closures_judge_them(schema, value, valid):
    assert _valid(schema, value, reference=False) is valid


def test_deep_schemas_are_split_into_functions():
    schema = {"type": "integer"}
    value = 1
    for depth in range(40):
        key = f"k{depth}"
        schema = {"type": "object", "required": [key], "properties": {key: schema},
                  "additionalProperties": False}
        if depth % 7 == 0:
            schema = {"oneOf": [{"type": "null"}, schema]}
        value = {key: value}
    assert _valid(schema, value) is True
    broken = value
    for depth in reversed(range(1, 40)):
        broken = broken[f"k{depth}"]
    broken["k0"] = "1"
    assert _valid(schema, value) is False


@pytest.mark.parametrize("schema", [
    {"type": "string", "format": "email"},
    {"$defs": {"x": {"anyOf": [{}]}}, "properties": {"a": {"$ref": "#/$defs/x"}}},
    {"items": {"type": "string", "minLength": 1}},
    {"oneOf": [{"type": "null"}, {"not": {}}]},
    {"$ref": "other.json#/x"}, {"$ref": "#/$defs/missing"},
    {"type": "object", "properties": {}, "additionalProperties": {"type": "string"}},
    {"type": "float"}, {"items": [{"type": "string"}]}, {"properties": {"a": True}},
])
def test_unsupported_schemas_are_refused(schema):
    with pytest.raises(UnsupportedSchema):
        compile_schema(schema)


def test_random_schemas_agree_with_the_closures():
    """The generated code against the closures on random schemas of the subset and random
    values, subclasses and non-JSON values included."""
    rng = random.Random(2024)
    scalars = [None, True, False, 0, 1, -1, 1.0, 2.5, "", "a", "ab", "1", Text("a"), Count(2),
               float("nan"), ()]
    types = ["null", "boolean", "object", "array", "string", "number", "integer"]

    def schema(depth):
        node, roll = {}, rng.random()
        if depth == 0 or roll < 0.35:
            keywords = {"type": rng.choice([rng.choice(types), rng.sample(types, 2)]),
                        "enum": rng.sample(scalars[:10], 3), "const": rng.choice([1, "a"]),
                        "minimum": 1, "maximum": 1.5, "pattern": "^a", "minItems": 1,
                        "maxItems": 1, "required": ["a"]}
            node = {key: value for key, value in keywords.items() if rng.random() < 0.25}
        elif roll < 0.65:
            node["type"] = rng.choice(["object", ["object", "null"]])
            node["properties"] = {key: schema(depth - 1) for key in rng.sample("abc", 2)}
            node["required"] = rng.sample("abc", rng.randint(0, 2))
            node["additionalProperties"] = rng.random() < 0.4
        elif roll < 0.8:
            node["items"] = schema(depth - 1)
        else:
            node["oneOf"] = [schema(depth - 1) for _ in range(rng.randint(1, 3))]
        return node

    def value(depth):
        roll = rng.random()
        if depth == 0 or roll < 0.5:
            return rng.choice(scalars)
        if roll < 0.8:
            return {key: value(depth - 1) for key in rng.sample("abcz", rng.randint(0, 3))}
        return [value(depth - 1) for _ in range(rng.randint(0, 3))]

    checked = valid = 0
    for _ in range(150):
        root = schema(3)
        ok, slow = compile_ok(root), compile_checker(root)
        for _ in range(40):
            instance = value(3)
            assert ok(instance) is (slow(instance) is None), (root, instance)
            checked += 1
            valid += ok(instance)
    assert 0.1 < valid / checked < 0.9
