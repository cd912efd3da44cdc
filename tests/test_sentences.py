"""Sentence boundaries on news text: abbreviations, initialisms, decimals, quotes, bullets."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.sentences import ends_sentence, split_sentences

TRUTH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction" / "truth"


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


CASES = [
    # titles never end a sentence
    ("Dr. Smith met Sen. Jones and Gov. Brown. They talked.",
     ["Dr. Smith met Sen. Jones and Gov. Brown.", "They talked."]),
    ("Mr. and Mrs. Lee met Prof. Chen, Gen. Ruiz and Adm. Kato.",
     ["Mr. and Mrs. Lee met Prof. Chen, Gen. Ruiz and Adm. Kato."]),
    # months and No. before a number
    ("It opened on Jan. 6 and closed Dec. 1. It was No. 1 in sales.",
     ["It opened on Jan. 6 and closed Dec. 1.", "It was No. 1 in sales."]),
    # company abbreviations: an end only when a sentence opener follows
    ("Sierra Nevada Corp. and Acme Inc. bid. The deal went to Acme Inc. The rest lost.",
     ["Sierra Nevada Corp. and Acme Inc. bid.", "The deal went to Acme Inc.", "The rest lost."]),
    # initialisms: inside a sentence, or ending one when the context says so
    ("Japan and the U.S. forge a pact. It moved to the U.S. The firm said so.",
     ["Japan and the U.S. forge a pact.", "It moved to the U.S.", "The firm said so."]),
    ("The U.S. Senate and the U.K. Parliament met the U.N. envoy.",
     ["The U.S. Senate and the U.K. Parliament met the U.N. envoy."]),
    ("We met at 5 p.m. ET on the plan. It ended at 9 p.m. The next day was calm.",
     ["We met at 5 p.m. ET on the plan.", "It ended at 9 p.m.", "The next day was calm."]),
    ("Some crops, e.g. wheat, i.e. grain, grew. Others did not.",
     ["Some crops, e.g. wheat, i.e. grain, grew.", "Others did not."]),
    ("John F. Kennedy spoke. He left.", ["John F. Kennedy spoke.", "He left."]),
    # decimals and money
    ("Costs rose 3.5 percent to $4.7 billion. Shares fell.",
     ["Costs rose 3.5 percent to $4.7 billion.", "Shares fell."]),
    # quotations that end a sentence, and ones that do not
    ('"We will win." She smiled. "Really?" he asked. “Yes.” Fine.',
     ['"We will win."', "She smiled.", '"Really?" he asked.', "“Yes.”", "Fine."]),
    ('He said, "It is over." Then he left.', ['He said, "It is over."', "Then he left."]),
    # short sentences are counted, not dropped
    ("Yes. No. Why? Go!", ["Yes.", "No.", "Why?", "Go!"]),
    # newlines always end a sentence; a heading is its own paragraph
    ("Budget passes\n\nThe council voted on Tuesday",
     ["Budget passes", "The council voted on Tuesday"]),
    ("A line without a stop\nanother line", ["A line without a stop", "another line"]),
    # bullets and list markers are boundaries, not part of the sentence
    ("• Home • Latest News • Japan and the U.S. forge a pact",
     ["Home", "Latest News", "Japan and the U.S. forge a pact"]),
    ("Steps:\n- Call the office.\n1. Fill in the form.\n2) Wait.",
     ["Steps:", "Call the office.", "Fill in the form.", "Wait."]),
    # ellipsis and lower-case continuation
    ("He paused... Then he spoke. It was odd... but fine.",
     ["He paused...", "Then he spoke.", "It was odd... but fine."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_split(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("word,punct,following,expected", [
    ("Dr", ".", "Smith", False),
    ("U.S", ".", "The", True),
    ("U.S", ".", "Senate", False),
    ("U.S", ".", "“We", True),
    ("Jan", ".", "6", False),
    ("No", ".", "5", False),
    ("year", ".", "2020", True),
    ("said", ".", "the", False),
    ("asked", "?", "He", True),
    ("Mars", '."', "The", True),
])
def test_ends_sentence(word, punct, following, expected):
    assert ends_sentence(word, punct, following) is expected


def test_spans_point_into_text_and_are_trimmed():
    text = '  "Quote." Next one.\n\n\t• Bullet item. Another  \n'
    spans = split_sentences(text)
    assert spans == sorted(spans)
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
        assert text[start:end]


@pytest.mark.skipif(not (TRUTH / "c50845a7158af12e.txt").exists(), reason="shared bench absent")
def test_truth_article_sentence_count():
    """Checked by hand: 35 sentences (Nov. 18, Corp., Inc., p.m. do not split; the five
    lines of the list of companies and the image credit are sentences of their own)."""
    text = (TRUTH / "c50845a7158af12e.txt").read_text(encoding="utf-8")
    assert len(split_sentences(text)) == 35


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.!?\"”'()$4,7•-\n\t U.S.Dr.Jan"))))
def test_spans_are_ordered_disjoint_and_non_empty(text):
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip() == text[start:end]
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_on_any_text(text):
    for start, end in split_sentences(text):
        assert 0 <= start < end <= len(text)
