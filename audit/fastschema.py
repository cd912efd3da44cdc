"""A small JSON Schema checker compiled to closures, for the hot path.

Why not jsonschema everywhere: validating one report with jsonschema takes about 15 ms,
several times the cost of the whole audit of a clean article. fastjsonschema validates
in under 1 ms but compiles for 140 ms at start-up (or ships 340 KB of generated code that
takes 75 ms to import), which alone would spend a third of a cold run's budget.

This module compiles the subset of draft 2020-12 our schemas use (type, enum, const,
required, properties, additionalProperties, items, minItems, maxItems, minimum, maximum,
pattern, oneOf, local $ref) in about a millisecond, and refuses any other keyword, so it
can never silently skip a rule. jsonschema remains the reference: ``audit validate``
uses it, and the tests check that both agree on valid and broken reports.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# A check takes a value and returns None, or (message, path) where path is the list of
# keys from the failing value up to the checked one, innermost first: the path is only
# built when something is wrong, which keeps the happy path fast.
Check = Callable[[Any], "tuple[str, list] | None"]

_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs", "default", "examples"}
_PY_TYPES = {"object": (dict,), "array": (list,), "string": (str,), "boolean": (bool,),
             "null": (type(None),), "number": (int, float), "integer": (int,)}
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool))
    or (isinstance(v, float) and v.is_integer()),
}


class UnsupportedSchema(ValueError):
    pass


def _same(a: Any, b: Any) -> bool:
    """JSON equality: True is not 1, 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return a == b


def compile_schema(root: dict[str, Any]) -> Check:
    compiled: dict[str, Check] = {}

    def ref(pointer: str) -> Check:
        if not pointer.startswith("#/"):
            raise UnsupportedSchema(f"only local $ref is supported: {pointer}")

        def check(value: Any):
            if pointer not in compiled:
                node: Any = root
                for part in pointer[2:].split("/"):
                    node = node[part]
                compiled[pointer] = build(node)
            return compiled[pointer](value)

        return check

    def build(node: dict[str, Any]) -> Check:
        unknown = set(node) - _ANNOTATIONS - _BUILDERS.keys() - {"$ref"}
        if unknown:
            raise UnsupportedSchema(f"unsupported keyword(s): {sorted(unknown)}")
        checks = [ref(node["$ref"])] if "$ref" in node else []
        if node.get("type") == "object" and "properties" in node:
            # the common shape, checked in one pass: a closed or open record
            checks.append(_record(node, build))
            node = {k: v for k, v in node.items()
                    if k not in ("type", "required", "properties", "additionalProperties")}
        checks += [_BUILDERS[key](node, build) for key in node if key in _BUILDERS]
        checks = [c for c in checks if c is not None]
        if len(checks) == 1:
            return checks[0]

        def check(value: Any):
            for one in checks:
                problem = one(value)
                if problem is not None:
                    return problem
            return None

        return check

    top = build(root)

    def validate(value: Any) -> str | None:
        """None when ``value`` is valid, else "at a/b/c: message"."""
        problem = top(value)
        if problem is None:
            return None
        message, path = problem
        where = "/".join(str(part) for part in reversed(path)) or "(top)"
        return f"at {where}: {message}"

    return validate


def _type(node, build) -> Check:
    names = node["type"] if isinstance(node["type"], list) else [node["type"]]
    tests = [_TYPES[name] for name in names]
    wanted = " or ".join(names)
    quick = tuple(t for name in names for t in _PY_TYPES[name])
    bool_ok = "boolean" in names

    def check(value):
        # isinstance answers almost every case; the full tests settle bools and floats
        if isinstance(value, quick) and (bool_ok or not isinstance(value, bool)):
            return None
        if not any(test(value) for test in tests):
            return f"{value!r:.60} is not of type {wanted}", []
        return None

    return check


def _enum(node, build) -> Check:
    options = node["enum"]
    strings = frozenset(o for o in options if isinstance(o, str))

    def check(value):
        if isinstance(value, str) and value in strings:
            return None
        if not any(_same(value, option) for option in options):
            return f"{value!r:.60} is not one of {options}", []
        return None

    return check


def _const(node, build) -> Check:
    expected = node["const"]

    def check(value):
        return None if _same(value, expected) else (f"{expected!r} was expected", [])

    return check


def _required(node, build) -> Check:
    keys = node["required"]

    def check(value):
        if isinstance(value, dict):
            for key in keys:
                if key not in value:
                    return f"{key!r} is a required property", []
        return None

    return check


def _properties(node, build) -> Check:
    children = {key: build(sub) for key, sub in node["properties"].items()}
    closed = node.get("additionalProperties") is False

    def check(value):
        if not isinstance(value, dict):
            return None
        for key, item in value.items():
            child = children.get(key)
            if child is None:
                if closed:
                    return f"additional property {key!r} is not allowed", []
                continue
            problem = child(item)
            if problem is not None:
                problem[1].append(key)
                return problem
        return None

    return check


def _record(node, build) -> Check:
    required = node.get("required", ())
    properties = _properties(node, build)

    def check(value):
        if not isinstance(value, dict):
            return f"{value!r:.60} is not of type object", []
        for key in required:
            if key not in value:
                return f"{key!r} is a required property", []
        return properties(value)

    return check


def _additional(node, build) -> Check | None:
    value = node["additionalProperties"]
    if value is False and "properties" not in node:
        return lambda v: ("no properties are allowed", []) if isinstance(v, dict) and v else None
    if value is False or value is True:
        return None  # handled by _properties
    raise UnsupportedSchema("additionalProperties must be true or false")


def _items(node, build) -> Check:
    child = build(node["items"])

    def check(value):
        if isinstance(value, list):
            for index, item in enumerate(value):
                problem = child(item)
                if problem is not None:
                    problem[1].append(index)
                    return problem
        return None

    return check


def _bound(key: str, compare: Callable[[Any, Any], bool], words: str):
    def builder(node, build) -> Check:
        limit = node[key]

        applies = _TYPES[_KIND[key]]

        def check(value):
            if applies(value) and not compare(_size(key, value), limit):
                return f"{value!r:.60} {words} {limit}", []
            return None

        return check

    return builder


_KIND = {"minimum": "number", "maximum": "number", "minItems": "array", "maxItems": "array"}


def _size(key: str, value: Any) -> Any:
    return len(value) if key.endswith("Items") else value


def _pattern(node, build) -> Check:
    regex = re.compile(node["pattern"])

    def check(value):
        if isinstance(value, str) and not regex.search(value):
            return f"{value!r:.60} does not match {node['pattern']!r}", []
        return None

    return check


def _one_of(node, build) -> Check:
    branches = [build(sub) for sub in node["oneOf"]]

    def check(value):
        problems = [branch(value) for branch in branches]
        valid = sum(problem is None for problem in problems)
        if valid == 1:
            return None
        if valid == 0:  # the branch that got deepest says most about what is wrong
            return max((p for p in problems if p), key=lambda p: len(p[1]))
        return f"{value!r:.60} is valid under more than one of oneOf", []

    return check


_BUILDERS: dict[str, Callable] = {
    "type": _type, "enum": _enum, "const": _const, "required": _required,
    "properties": _properties, "additionalProperties": _additional, "items": _items,
    "minimum": _bound("minimum", lambda v, lim: v >= lim, "is less than the minimum of"),
    "maximum": _bound("maximum", lambda v, lim: v <= lim, "is more than the maximum of"),
    "minItems": _bound("minItems", lambda v, lim: v >= lim, "has fewer items than"),
    "maxItems": _bound("maxItems", lambda v, lim: v <= lim, "has more items than"),
    "pattern": _pattern, "oneOf": _one_of,
}
