"""Pairing quote marks a typist turned the wrong way (hand-written sentences)."""

from __future__ import annotations

import time

import pytest

from audit.sourcing.quotes import find_quotes


def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, quoted", [
    ("The survey calls the harbour “the busiest in the north“ and the port agrees.",
     ["“the busiest in the north“"]),
    ("“It is too early,“ said the mayor. “We will see.”", ["“It is too early,“", "“We will see.”"]),
    ("The mayor called it “a fine day.“", ["“a fine day.“"]),
    ("The mayor spoke first.\n\n”This is the day we waited for,” she said.",
     ["”This is the day we waited for,”"]),
    ("“The first half of the speech.\n\n”And the second half,” she said.",
     ["“The first half of the speech.\n\n”And the second half,”"]),
])
def test_a_turned_curly_mark_is_read_by_its_place(text, quoted):
    assert spans(text) == quoted


@pytest.mark.parametrize("text, quoted", [
    # an opening mark before a word opens a quote of its own, nested or not
    ("She said:“The plan is “simple” and cheap.”", ["“simple”"]),
    ("“A plan,” he said, “and a “second” one.”", ["“A plan,”", "“second”"]),
    # a closing mark inside a line after a space does not open one
    ("The mayor ” said nothing and “left early.”", ["“left early.”"]),
    # a closing mark alone on its line opens nothing
    ("The mayor spoke.\n”\nShe left.", []),
])
def test_marks_in_their_usual_place_keep_their_role(text, quoted):
    assert spans(text) == quoted


@pytest.mark.parametrize("unit", ["a“ ", "\n”x", "“b“ ", "“\n”"])
def test_turned_marks_take_linear_time(unit):
    small, large = unit * 10_000, unit * 40_000  # 40,000 units: 100 KB and more
    started = time.perf_counter()
    find_quotes(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    find_quotes(large)
    t_large = time.perf_counter() - started
    assert t_large < 0.5 + 8 * t_small
