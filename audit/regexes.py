r"""What a pattern says about every text it matches, read from its parse tree: the one
reader of ``re``'s parser (``re._parser``, private but stable from Python 3.11 to 3.13, the
versions this package supports).

Gates are built from these facts: a cheap substring or first-letters test that a text
passes before a pattern is tried on it, derived from the pattern so that it can never
keep the pattern from a match (no keyword list kept by hand beside a regex):

- ``shapes``: every shape a match can take (the check-worthy gates, audit/sourcing/claims.py);
- ``needed_literals``: lower-cased strings one of which every match holds (the furniture
  keyword gates, audit/strip/furniture.py), compared with ``fold``\ ed text;
- ``leading_strings``: how every match begins (the furniture start gates).

A pattern these readers cannot read raises ``Unreadable``: the caller then gates nothing,
or refuses the pattern when it is its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the parser of Python's re (3.11 on); without it every reader raises Unreadable
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - a Python whose re keeps its parser elsewhere
    _c = _parser = None

# In a shape (``shapes``): any character, or none, that a match may hold there (an optional
# or repeated part, a class of characters); and a decimal digit every such match holds.
OTHER, DIGIT = "\0", "\1"


def _parse(pattern: str, flags: int = 0):
    """The parse tree of a pattern, as ``re`` compiles it."""
    if _parser is None:
        raise Unreadable("no parser of regular expressions to read")
    return _parser.parse(pattern, flags)


class Unreadable(ValueError):
    """A pattern these readers cannot read: a part they do not know (a newer Python's
    parser may add some), too many shapes, no literal where one is needed, or no parser
    of re at all."""


def shapes(pattern: str) -> set[str]:
    """Every shape a match of ``pattern`` can take, read from the parsed pattern: the
    literal characters it holds in order, with ``DIGIT`` for a digit it holds and ``OTHER``
    wherever it may hold anything else or nothing (an optional or repeated part, a class).
    A string found in a shape is found in every match of that shape. Raises ``Unreadable``
    when a part of the pattern is not one it knows."""
    parsed = _parse(pattern)
    return _shapes(parsed, caseless=bool(parsed.state.flags & _c.SRE_FLAG_IGNORECASE))


def _shapes(items: Iterable, caseless: bool) -> set[str]:
    out = {""}
    for op, arg in items:
        out = {a + b for a in out for b in _item_shapes(op, arg, caseless)}
        if len(out) > 10_000:
            raise Unreadable("a pattern with too many shapes to read")
    return out


def _item_shapes(op, arg, caseless: bool) -> set[str]:
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.LITERAL:
        return {OTHER if caseless else chr(arg)}
    if op is _c.IN and not caseless and all(kind is _c.LITERAL for kind, _ in arg):
        return {chr(code) for _, code in arg}
    if op is _c.IN and arg == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
        return {DIGIT}
    if op in (_c.IN, _c.ANY, _c.NOT_LITERAL):
        return {OTHER}
    if op is _c.SUBPATTERN:  # (group, flags added, flags removed, pattern)
        if arg[1] & _c.SRE_FLAG_IGNORECASE:
            caseless = True
        elif arg[2] & _c.SRE_FLAG_IGNORECASE:
            caseless = False
        return _shapes(arg[-1], caseless)
    if op is _c.ATOMIC_GROUP:
        return _shapes(arg, caseless)
    if op is _c.BRANCH:
        return set().union(*(_shapes(branch, caseless) for branch in arg[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = arg
        if low == 0:
            return {OTHER}
        once = _shapes(sub, caseless)
        out = {""}
        for _ in range(low):
            out = {a + b for a in out for b in once}
        return {shape + OTHER for shape in out} if high > low else out
    if op is _c.GROUPREF:  # a group's text again: anything
        return {OTHER}
    raise Unreadable(f"a pattern with a part that cannot be read: {op}")


# Characters that IGNORECASE matches to a keyword's letter that their lower case is not
# ("ı" and "ſ" match "i" and "s", two old Cyrillic forms "в" and "с"), and the combining
# dot that "İ" lower-cases to beside its "i". A test checks that no other character needs
# folding for the letters of the keywords.
_FOLDS = {"ı": "i", "ſ": "s", "ᲀ": "в", "ᲃ": "с", "\u0307": ""}


def fold(lower: str) -> str:
    """Lower-cased text as the keywords are looked for in it (see ``_FOLDS``)."""
    for odd, letter in _FOLDS.items():
        if odd in lower:  # rare: no copy otherwise
            lower = lower.replace(odd, letter)
    return lower


def needed_literals(pattern: re.Pattern[str]) -> frozenset[str]:
    """Lower-cased strings one of which occurs in the folded lower case of every text that
    ``pattern`` finds something in: a keyword gate derived from the pattern itself, so that
    it can never miss what its pattern matches (``_needed``). Raises Unreadable for a
    pattern that needs no literal at all."""
    found = _needed(_parse(pattern.pattern, pattern.flags))
    if not found:
        raise Unreadable(f"no literal in every match of {pattern.pattern!r}")
    return found


def _needed(items) -> frozenset[str] | None:
    """The most selective set of strings one of which every match of the parsed sequence
    ``items`` contains (the one whose shortest string is longest), or None.

    A run of literal characters is one such set; so is a group's or a required repeat's
    own set, a character class of literals, and the union of the sets of every branch of
    an alternation (when each branch has one). Zero-width items (``^``, ``\\b``) do not
    break a run; everything else does."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is _c.LITERAL:
            run += fold(chr(arg).lower())
            continue
        if op is _c.AT:
            continue
        if run:
            candidates.append(frozenset((run,)))
            run = ""
        found = None
        if op is _c.SUBPATTERN:
            found = _needed(arg[-1])
        elif op is _c.BRANCH:
            branches = [_needed(branch) for branch in arg[1]]
            found = None if None in branches else frozenset().union(*branches)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found = _needed(arg[2])
        elif op is _c.IN and all(kind is _c.LITERAL for kind, _ in arg):
            found = frozenset(fold(chr(code).lower()) for _, code in arg)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset((run,)))
    return max(candidates, key=lambda strings: (min(map(len, strings)), -len(strings)),
               default=None)


DIGIT_START = "0"  # in leading_strings: a start with any decimal digit


def leading_strings(pattern: re.Pattern[str], size: int = 3) -> frozenset[str]:
    """The lower-cased first ``size`` characters (all, when fewer) that every text
    ``pattern`` matches at its start begins with, read from the parsed pattern: a start
    gate derived from the pattern itself. ``DIGIT_START`` alone stands for a start with any
    decimal digit; where a match may go on otherwise than by literals, the strings stop
    there. Raises ValueError for a pattern whose match may start with anything else.
    Blocks are compared by their plain lower case, as for ``_DISPATCH``: a start that
    IGNORECASE finds spelled with "ſ" or "ı" is not seen."""
    return frozenset(_leading(list(_parse(pattern.pattern, pattern.flags)), "", size))


def _leading(items: list, prefix: str, size: int) -> set[str]:
    if len(prefix) >= size or not items:
        return {prefix[:size]}
    (op, arg), rest = items[0], items[1:]
    if op is _c.AT:
        return _leading(rest, prefix, size)
    if op is _c.LITERAL:
        return _leading(rest, prefix + chr(arg).lower(), size)
    if op is _c.IN and all(kind is _c.LITERAL for kind, _ in arg):
        return {s for _, code in arg for s in _leading(rest, prefix + chr(code).lower(), size)}
    if op is _c.SUBPATTERN:
        return _leading([*arg[-1], *rest], prefix, size)
    if op is _c.BRANCH:
        return {s for branch in arg[1] for s in _leading([*branch, *rest], prefix, size)}
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and arg[1] <= size:
        low, high, sub = arg
        return {s for times in range(low, high + 1)
                for s in _leading([*list(sub) * times, *rest], prefix, size)}
    if prefix:
        return {prefix}  # what follows is not spelled out: the start so far
    if op is _c.IN and arg == [(_c.CATEGORY, _c.CATEGORY_DIGIT)]:
        return {DIGIT_START}
    raise Unreadable(f"a match of {items!r} may start with anything")
