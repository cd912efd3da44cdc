"""Searching many short texts at once: joined by line breaks, one ``str.find`` per keyword.

Stripping and provenance ask which blocks of a page contain one of a few keywords. One
search of the blocks joined by line breaks per keyword is much cheaper than a search of
every block for every keyword, since few blocks contain any.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def lines_containing(joined: str, keywords: Iterable[str]) -> Iterator[int]:
    """The index of each line of ``joined`` in which a keyword occurs, once per keyword
    that occurs in it. No keyword may contain a line break; line i is text i of the
    texts joined when none of them has a line break of its own."""
    for keyword in keywords:
        pos = joined.find(keyword)
        line = counted = 0
        while pos >= 0:
            line += joined.count("\n", counted, pos)
            counted = pos
            yield line
            line_end = joined.find("\n", pos)  # the rest of this line is found already
            pos = joined.find(keyword, line_end) if line_end >= 0 else -1
