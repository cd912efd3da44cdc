"""Pattern helpers for the language modules' word lists."""

from __future__ import annotations

import re


def trie_pattern(phrases: list[str] | frozenset[str] | set[str]) -> str:
    """A regex alternation of ``phrases`` factored by common prefixes.

    Why: Python's ``re`` tries every branch of a flat alternation at every position; a
    prefix-factored one fails after one character at most positions, which makes the cue
    scan several times faster. Longer phrases are tried first at each branch point.
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(char) + _node_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
