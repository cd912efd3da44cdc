"""A small JSON Schema checker for the hot path: generated code first, closures for messages.

Why not jsonschema everywhere: validating one report with jsonschema takes about 15 ms,
several times the cost of the whole audit of a clean article. fastjsonschema validates
in under 1 ms but compiles for 140 ms at start-up (or ships 340 KB of generated code that
takes 75 ms to import), which alone would spend a third of a cold run's budget.

This module handles the subset of draft 2020-12 our schemas use (type, enum, const,
required, properties, additionalProperties, items, minItems, maxItems, minimum, maximum,
pattern, oneOf, local $ref), and refuses any other keyword, so it can never silently skip
a rule. It checks in two tiers:

1. ``compile_ok`` writes Python source for the schema (one function per ``$ref`` target
   plus the root, every other check inlined), compiles it once per process (4 ms for
   the report schema, 8 in a fresh process) and returns ``ok(value) -> bool``. It only
   answers "valid or not", with no paths and no messages, which makes it about six times
   faster than the closures on the reports we write, nearly all of them valid.
2. ``compile_checker`` builds closures that find the first error and describe it (the
   messages ``audit`` has always given). They only run, and are only built, when ``ok``
   says no.

``compile_schema`` joins the two. jsonschema remains the reference: ``audit validate``
uses it, and the tests check that both tiers agree with it on valid and broken reports.
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


def compile_schema(root: dict[str, Any]) -> Callable[[Any], str | None]:
    """``validate(value)``: None when ``value`` is valid, else "at a/b/c: message".

    The generated ``ok`` settles valid values; the closures, built on the first invalid
    one, say what is wrong."""
    ok = compile_ok(root)
    checker: list[Callable[[Any], str | None]] = []

    def validate(value: Any) -> str | None:
        if ok(value):
            return None
        if not checker:
            checker.append(compile_checker(root))
        return checker[0](value)

    return validate


# -- fast tier: generated code ------------------------------------------------------------
#
# Each function is one boolean expression: ``and`` chains of exact tests, a property read
# into a local (``(x3 := v['key'])``) when it is used more than once, ``all(map(f, items))``
# for arrays. Short source matters: compiling costs about a microsecond per syntax node,
# most of the start-up cost. What a test has proved about a value's JSON kind ("known")
# drops later guards: after ``"type": "object"`` the properties need no isinstance test.
# Tests on ``type(x)`` answer the common case and the full tests in ``_TYPES`` the rest
# (bool is not a number, 1.0 is an integer, subclasses count).

_KINDS = ("null", "boolean", "object", "array", "string", "number")
_KIND_OF = {type(None): "null", bool: "boolean", dict: "object", list: "array", str: "string",
            int: "number", float: "number"}
_JSON_KIND = {"null": "null", "boolean": "boolean", "object": "object", "array": "array",
              "string": "string", "number": "number", "integer": "number"}
_IS = {  # an exact test per type, in source; {v} is the value
    "null": "{v} is None", "boolean": "type({v}) is bool", "object": "isinstance({v}, dict)",
    "array": "isinstance({v}, list)", "string": "isinstance({v}, str)",
    "integer": "(type({v}) is int or _is_integer({v}))",
    "number": "(type({v}) in _NUMBER or _is_number({v}))",
}
_GROUPS = (  # the keywords that apply to one kind of value only
    ("number", frozenset({"minimum", "maximum"})), ("string", frozenset({"pattern"})),
    ("array", frozenset({"minItems", "maxItems", "items"})),
    ("object", frozenset({"required", "properties", "additionalProperties"})),
)
_NULL_SKIPS = frozenset({"type"}).union(_ANNOTATIONS, *(keys for _, keys in _GROUPS))
_MAX_DEPTH = 8  # nested subschemas before one gets a function of its own
_MARK = re.compile("\0(\\w+)\0")  # a property read, see _Writer.value


def compile_ok(root: dict[str, Any]) -> Callable[[Any], bool]:
    """``ok(value)``: True exactly when ``value`` is valid against ``root``."""
    source, namespace = generate(root)
    exec(compile(source, "<fastschema>", "exec"), namespace)
    return namespace["ok"]


def generate(root: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The Python source of ``ok`` for ``root``, and the globals it runs with."""
    writer = _Writer(root)
    writer.function("ok", root)
    return "\n".join(writer.functions), writer.namespace


def _any_same(value: Any, options: list) -> bool:
    return any(_same(value, option) for option in options)


def _kinds_of(values: list) -> frozenset | None:
    """The JSON kinds of some values, None if one is not a JSON value."""
    kinds = set()
    for value in values:
        kind = _KIND_OF.get(type(value)) or next(
            (kind for kind in _KINDS if _TYPES[kind](value)), None)
        if kind is None:
            return None
        kinds.add(kind)
    return frozenset(kinds)


def _meet(known: frozenset | None, kinds: frozenset | None) -> frozenset | None:
    """What a value is known to be once it passed a test that allows only ``kinds``."""
    if kinds is None:
        return known
    return kinds if known is None else known & kinds


def _checked(node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise UnsupportedSchema(f"a schema must be an object: {node!r:.60}")
    if not node.keys() <= _KEYWORDS:
        raise UnsupportedSchema(f"unsupported keyword(s): {sorted(node.keys() - _KEYWORDS)}")
    if type(node.get("additionalProperties", False)) is not bool:
        raise UnsupportedSchema("additionalProperties must be true or false")
    return node


def _type_names(node: dict[str, Any]) -> list[str]:
    names = node["type"] if isinstance(node["type"], list) else [node["type"]]
    for name in names:
        if name not in _TYPES:
            raise UnsupportedSchema(f"unknown type: {name!r}")
    if "number" in names and "integer" in names:
        names = [name for name in names if name != "integer"]
    return names


def _and(parts: list[str]) -> str:
    return " and ".join(parts) or "True"


class _Writer:
    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.functions: list[str] = []
        self.namespace: dict[str, Any] = {
            "_is_integer": _TYPES["integer"], "_is_number": _TYPES["number"],
            "_NUMBER": (float, int), "_same": _same, "_any_same": _any_same}
        self.constants: dict[Any, str] = {}
        self.refs: dict[str, str] = {}
        self.ref_kinds: dict[str, frozenset | None] = {}
        self.sources: dict[str, str] = {}
        self.count = 0

    def fresh(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def constant(self, key: Any, value: Any, prefix: str = "_c") -> str:
        """The name of a global holding ``value``."""
        if key not in self.constants:
            self.constants[key] = name = self.fresh(prefix)
            self.namespace[name] = value
        return self.constants[key]

    def literal(self, value: Any) -> str:
        """A literal for strings and finite numbers, else the name of a global."""
        if type(value) is str or (type(value) in (int, float) and value - value == 0):
            return repr(value)
        return self.constant(id(value), value)

    def value(self, parent: str, key: str) -> str:
        """Source for ``parent[key]``, as a marker that ``bind`` replaces: by
        ``(x3 := parent[key])`` where first used if used again, else by ``parent[key]``.
        The first use is the leftmost, and every check is an ``and``/``or`` chain whose
        leftmost part always runs, so the name is bound before any other use of it."""
        name = self.fresh("x")
        self.sources[name] = f"{parent}[{self.literal(key)}]"
        return f"\0{name}\0"  # repr() never writes a NUL, so no literal holds one

    def bind(self, text: str) -> str:
        uses: dict[str, int] = {}

        def count(text: str) -> None:
            for name in _MARK.findall(text):
                uses[name] = uses.get(name, 0) + 1
                if uses[name] == 1:
                    count(self.sources[name])

        def write(match: re.Match) -> str:
            name = match.group(1)
            if name in written:
                return name
            written.add(name)
            source = _MARK.sub(write, self.sources[name])
            return f"({name} := {source})" if uses[name] > 1 else source

        count(text)
        written: set[str] = set()
        return _MARK.sub(write, text)

    # functions

    def function(self, name: str, node: Any) -> str:
        body = self.check(node, "v", None, 0)
        self.functions.append(f"def {name}(v):\n    return {self.bind(body)}\n")
        return name

    def ref(self, pointer: Any) -> str:
        if pointer not in self.refs:
            words = re.sub("[^A-Za-z0-9]+", "_", pointer[2:]).strip("_")
            self.refs[pointer] = name = self.fresh(f"ref_{words}_")
            self.function(name, self.target(pointer))
        return self.refs[pointer]

    def target(self, pointer: Any) -> Any:
        if type(pointer) is not str or not pointer.startswith("#/"):
            raise UnsupportedSchema(f"only local $ref is supported: {pointer}")
        node: Any = self.root
        try:
            for part in pointer[2:].split("/"):
                node = node[part]
        except (KeyError, TypeError, IndexError):
            raise UnsupportedSchema(f"$ref does not resolve: {pointer}") from None
        return node

    def kinds(self, node: Any) -> frozenset | None:
        """The JSON kinds a value valid under ``node`` can have (None: anything at all)."""
        _checked(node)
        known = None
        if "type" in node:
            known = frozenset(_JSON_KIND[name] for name in _type_names(node))
        if "enum" in node:
            known = _meet(known, _kinds_of(node["enum"]))
        if "const" in node:
            known = _meet(known, _kinds_of([node["const"]]))
        if "$ref" in node:
            pointer = node["$ref"]
            if pointer not in self.ref_kinds:
                self.ref_kinds[pointer] = None  # within a cycle: anything
                self.ref_kinds[pointer] = self.kinds(self.target(pointer))
            known = _meet(known, self.ref_kinds[pointer])
        if "oneOf" in node:
            branches = [self.kinds(branch) for branch in node["oneOf"]]
            if None not in branches:
                known = _meet(known, frozenset().union(*branches))
        return known

    # checks

    def check(self, node: Any, v: str, known: frozenset | None, depth: int) -> str:
        """An expression, true exactly when the value ``v`` is valid under ``node``;
        ``known``: the JSON kinds the value is already known to have, if any."""
        _checked(node)
        if depth > _MAX_DEPTH:
            return f"{self.function(self.fresh('part'), node)}({v})"
        parts = []
        if "$ref" in node:
            parts.append(f"{self.ref(node['$ref'])}({v})")
        if "type" in node:
            names = _type_names(node)
            if "null" in names and len(names) == 2 and node.keys() <= _NULL_SKIPS:
                # null, or a value of the other type that passes the other checks
                rest = {**node, "type": names[1 - names.index("null")]}
                if known is not None:
                    known = known - {"null"}
                return f"({v} is None or {self.check(rest, v, known, depth)})"
            if known is None or not known <= {_JSON_KIND[n] for n in names if n != "integer"}:
                tests = [_IS[name].replace("{v}", v) for name in names] or ["False"]
                parts.append(tests[0] if len(tests) == 1 else f"({' or '.join(tests)})")
            known = _meet(known, frozenset(_JSON_KIND[name] for name in names))
        if "enum" in node:
            parts.append(self.enum(node["enum"], v))
            known = _meet(known, _kinds_of(node["enum"]))
        if "const" in node:
            parts.append(self.const(node["const"], v))
            known = _meet(known, _kinds_of([node["const"]]))
        for kind, keywords in _GROUPS:
            if node.keys().isdisjoint(keywords) or (known is not None and kind not in known):
                continue  # nothing to check, or keywords that cannot apply
            checks = _and(getattr(self, kind)(node, v, depth))
            if checks == "True":
                continue
            if known is not None and known <= {kind}:
                parts.append(checks)
            elif known is not None and known <= {kind, "null"}:
                parts.append(f"({v} is None or {checks})")
            else:
                parts.append(f"(not {_IS[kind].replace('{v}', v)} or {checks})")
        if "oneOf" in node:
            parts.append(self.one_of(node["oneOf"], v, known, depth))
        return _and(parts)

    def enum(self, options: list, v: str) -> str:
        strings = frozenset(option for option in options if type(option) is str)
        tests = []
        if strings:
            tests.append(f"isinstance({v}, str) and {v} in {self.constant(strings, strings)}")
        if None in options:
            tests.append(f"{v} is None")
        if any(type(option) is not str and option is not None for option in options):
            tests.append(f"_any_same({v}, {self.constant(id(options), options)})")
        return f"({' or '.join(tests)})" if tests else "False"

    def const(self, expected: Any, v: str) -> str:
        if expected is None:
            return f"{v} is None"
        if type(expected) is str:  # what _same(v, expected) comes to for a string
            return f"{v} == {expected!r}"
        return f"_same({v}, {self.literal(expected)})"

    def number(self, node: dict[str, Any], v: str, depth: int) -> list[str]:
        return [f"{v} {compare} {self.literal(node[key])}"
                for key, compare in (("minimum", ">="), ("maximum", "<=")) if key in node]

    def string(self, node: dict[str, Any], v: str, depth: int) -> list[str]:
        regex = self.constant(("re", node["pattern"]), re.compile(node["pattern"]), "_re")
        return [f"{regex}.search({v}) is not None"]

    def array(self, node: dict[str, Any], v: str, depth: int) -> list[str]:
        parts = [f"len({v}) {compare} {self.literal(node[key])}"
                 for key, compare in (("minItems", ">="), ("maxItems", "<=")) if key in node]
        if "items" in node:
            items = _checked(node["items"])
            if items.keys() - _ANNOTATIONS == {"$ref"}:
                parts.append(f"all(map({self.ref(items['$ref'])}, {v}))")
            elif items.keys() - _ANNOTATIONS:
                parts.append(f"all(map({self.function(self.fresh('item'), items)}, {v}))")
        return parts

    def object(self, node: dict[str, Any], v: str, depth: int) -> list[str]:
        properties = node.get("properties", {})
        required = list(dict.fromkeys(node.get("required", ())))
        optional = [key for key in properties if key not in required]
        parts = []
        if node.get("additionalProperties") is not False:
            parts += [f"{self.literal(key)} in {v}" for key in required]
        elif len(required) >= 3 and not optional and set(required) == properties.keys():
            keys = frozenset(required)
            parts.append(f"{v}.keys() == {self.constant(('keys', keys), keys)}")
        elif set(required) <= properties.keys() and len(optional) <= 4:
            # the required keys and no others: count the optional ones
            count = "".join(f" + ({self.literal(key)} in {v})" for key in optional)
            parts.append(f"len({v}) == {len(required)}{count}")
            parts += [f"{self.literal(key)} in {v}" for key in required]
        else:
            allowed = frozenset(properties)
            parts.append(f"{v}.keys() <= {self.constant(('keys', allowed), allowed)}")
            parts += [f"{self.literal(key)} in {v}" for key in required]
        for key, schema in properties.items():
            check = self.check(schema, self.value(v, key), None, depth + 1)
            if check == "True":
                continue
            parts.append(check if key in required else
                         f"({self.literal(key)} not in {v} or {check})")
        return parts

    def one_of(self, branches: list, v: str, known: frozenset | None, depth: int) -> str:
        """Exactly one branch holds. When the branches allow disjoint JSON kinds (null or
        an object, say) at most one can, so "any branch holds" will do, and the value's
        kind picks the branch to check; otherwise each branch gets a function of its own,
        and the valid ones are counted."""
        live = [(branch, _meet(known, self.kinds(branch))) for branch in branches]
        live = [(branch, kinds) for branch, kinds in live if kinds != frozenset()]
        if len(live) <= 1:  # the others cannot hold
            return self.check(live[0][0], v, known, depth + 1) if live else "False"
        seen: set[str] = set()
        for _, kinds in live:
            if kinds is None or kinds & seen:
                calls = " + ".join(f"{self.branch(branch)}({v})" for branch, _ in live)
                return f"({calls}) == 1"
            seen |= kinds
        tests = []
        for branch, kinds in live:
            if branch.keys() - _ANNOTATIONS == {"$ref"}:  # tests the kind itself
                tests.append(f"{self.ref(branch['$ref'])}({v})")
                continue
            test = " or ".join(_IS[kind].replace("{v}", v) for kind in sorted(kinds))
            test = f"({test})" if len(kinds) > 1 else test
            check = self.check(branch, v, kinds, depth + 1)
            tests.append(test if check == "True" else f"{test} and {check}")
        return f"({' or '.join(tests)})"

    def branch(self, node: dict[str, Any]) -> str:
        if _checked(node).keys() - _ANNOTATIONS == {"$ref"}:
            return self.ref(node["$ref"])
        return self.function(self.fresh("branch"), node)


# -- slow tier: closures that find and describe the first error -----------------------------


def compile_checker(root: dict[str, Any]) -> Callable[[Any], str | None]:
    """The slow tier on its own: ``validate(value)``, None or "at a/b/c: message"."""
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
_KEYWORDS = frozenset(_ANNOTATIONS | _BUILDERS.keys() | {"$ref"})  # all we know
