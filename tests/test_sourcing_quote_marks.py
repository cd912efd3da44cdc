"""Quote marks and quote spans: turned curly marks, quotes nested in quotes, the scene set
before a quote's speaker (hand-written sentences)."""

from __future__ import annotations

import time

import pytest

import audit
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
     ["“The first half of the speech.", "”And the second half,”"]),
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


@pytest.mark.parametrize("unit", ["a“ ", "\n”x", "“b“ ", "“\n”", "\"a “b” ", "\"“", "5\" “c” "])
def test_turned_marks_take_linear_time(unit):
    small, large = unit * 10_000, unit * 40_000  # 40,000 units: 100 KB and more
    started = time.perf_counter()
    find_quotes(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    find_quotes(large)
    t_large = time.perf_counter() - started
    assert t_large < 0.5 + 8 * t_small


@pytest.mark.parametrize("text, quoted", [
    ('The mayor said: "The bridge is “safe” and it will open in May." Then she left.',
     ['"The bridge is “safe” and it will open in May."']),
    # a curly quote that opens a paragraph of a straight one running on
    ('"We call it “the long road.”\n\n"And we will walk it," she said.',
     ['"We call it “the long road.”', '"And we will walk it,"']),
    ("''The plan is “late” again,'' he said.", ["''The plan is “late” again,''"]),
])
def test_a_curly_quote_inside_a_straight_one_is_part_of_it(text, quoted):
    assert spans(text) == quoted


@pytest.mark.parametrize("text, quoted", [
    # a stray straight mark that never closes leaves the curly quotes after it alone
    ('The board is 5" thick, and the maker calls it “the strongest yet.”\n\nNext.',
     ["“the strongest yet.”"]),
    ('A 5" board, “strong,” and a “light” one.', ["“strong,”", "“light”"]),
    # curly in curly is unchanged: the inner opening mark starts again
    ("“The plan is “late” again,” he said.", ["“late”"]),
])
def test_curly_quotes_after_a_stray_straight_mark_are_still_quotes(text, quoted):
    assert spans(text) == quoted


def attributions(text: str) -> list[dict]:
    return audit.audit_text(text, strip=False)["sourcing"]["attributions"]


def said(text: str, att: dict) -> list[str]:
    segs = att.get("content_segments") or [att["content"]]
    return [text[s["start"]:s["end"]] for s in segs]


@pytest.mark.parametrize("text, quote", [
    ('As Smith attacked Jones, the workers chanted, "Close the plant!" as they had before.',
     '"Close the plant!"'),
    ("As Smith attacked Jones, the workers chanted, “Close the plant!” as they had before.",
     "“Close the plant!”"),
])
def test_a_scene_set_before_the_speaker_is_not_part_of_the_quote(text, quote):
    outer = [a for a in attributions(text) if a["nested_in"] is None and a["cue"]
             and text[a["cue"]["start"]:a["cue"]["end"]] == "chanted"]
    assert [said(text, a) for a in outer] == [[quote]]


@pytest.mark.parametrize("text, halves", [
    ("“The plant,” she said, “will close in June.”",
     ["“The plant,”", "“will close in June.”"]),
    ("“The plant is old,” she said, “and it will close in June.”",
     ["“The plant is old,”", "“and it will close in June.”"]),
])
def test_a_quote_around_its_cue_keeps_both_halves(text, halves):
    (att,) = attributions(text)
    assert said(text, att) == halves


def test_each_paragraph_of_a_running_quote_is_a_quote():
    text = "“We will rebuild,” she said. “It will take a year.\n\n“Maybe two,” he added."
    assert spans(text) == ["“We will rebuild,”", "“It will take a year.", "“Maybe two,”"]


def test_a_quote_running_on_is_carried_and_the_next_cue_takes_only_its_own():
    text = ("“We will rebuild the plant,” said Anna Berg, the manager. “It will take a year "
            "and cost a great deal of money.\n\n“Nobody will lose a job over this,” Tom "
            "Hale added.")
    by_source = {a["source"]["text"]: said(text, a) for a in attributions(text)}
    assert by_source["Anna Berg"] == [
        "“We will rebuild the plant,”",
        "“It will take a year and cost a great deal of money."]
    assert by_source["Tom Hale"] == ["“Nobody will lose a job over this,”"]


@pytest.mark.parametrize("text", [
    "The meeting ran late.\n\n“The first part of what she said is long enough.\n\n"
    "“And the second part, which goes on,” she said.",
    "“The first part of what she said is long enough.\n\n“And a middle part.\n\n"
    "“And the second part, which goes on,” she said.",
])
def test_a_paragraph_a_quote_runs_on_from_joins_the_quote_it_goes_on_in(text):
    (att,) = attributions(text)
    parts = said(text, att)
    assert parts[0].startswith("“The first part") and parts[-1].startswith("“And the second")


def test_a_closed_quote_paragraph_does_not_join_the_next_quote():
    text = ("The meeting ran late.\n\n“The first part is a quote on its own.”\n\n"
            "“And the second part, which goes on,” she said.")
    atts = [a for a in attributions(text) if a["source"] and a["source"]["text"] == "she"]
    assert [said(text, a) for a in atts] == [["“And the second part, which goes on,”"]]


def test_a_cue_whose_content_ran_on_to_the_next_paragraphs_quote_leaves_it_to_its_own_cue():
    text = ("Smith, who said he votes early, said one plant he likes is in Ohio. Smith also said "
            "that the firm, a fellow Acme Group business, has done an “awful” job of running "
            "the “plant.”\n\n“The firm has done an awful job this year,” Smith said. “They "
            "have cut corners all through the cycle.”")
    quote = text.index("“The firm")
    on_quote = [a for a in attributions(text) if a["content"]["start"] == quote]
    assert len(on_quote) == 1
    assert on_quote[0]["cue"]["start"] > quote  # "Smith said" after it, not "also said"


@pytest.mark.parametrize("text", [
    "Smith said:\n\n“The firm has done an awful job this year, and it knows it.”",
    "The firm spoke.\n\nSmith said:\n\n“The firm has done an awful job this year.”",
])
def test_a_cue_introducing_the_next_paragraphs_quote_keeps_it(text):
    (att,) = [a for a in attributions(text) if a["source"] and a["source"]["text"] == "Smith"]
    assert said(text, att)[0].startswith("“The firm has done")


@pytest.mark.parametrize("text, content", [
    ("Smith said the firm “has done well this year. It is not afraid to act.”",
     "the firm “has done well this year. It is not afraid to act.”"),
    ("Smith noted that he and his wife “have talked with him for years. I do more of it by "
     "email.”", "he and his wife “have talked with him for years. I do more of it by email.”"),
])
def test_a_content_does_not_stop_inside_a_quote(text, content):
    (att,) = attributions(text)
    assert said(text, att) == [content]


@pytest.mark.parametrize("text, content", [
    ("“The firm has done well this year,” Smith said.", "“The firm has done well this year,”"),
    ("Smith said the firm has done well this year. “It is not afraid,” she added.",
     "the firm has done well this year"),
])
def test_a_content_that_ends_outside_a_quote_keeps_its_end(text, content):
    att = attributions(text)[0]
    assert said(text, att) == [content]
