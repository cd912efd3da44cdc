"""Readability rules with their detectors, and settings (thresholds and score weights; see
``score.py``).

Each detector reads the measured sentences of the article (``Measured``: the text, the
counts of every sentence from ``counting.py``, the configuration for the thresholds).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from audit.model import Finding
from audit.rules import Rule

if TYPE_CHECKING:
    from audit.readability.counting import SentenceCounts

SETTINGS = {
    "readability.long-sentence-words": 35,
    "readability.wall-of-text-words": 150,
    "readability.numbers-per-sentence": 6,
    "readability.band-low": 8,
    "readability.band-high": 12,
    "readability.points-per-grade-above": 10,
    "readability.points-per-grade-below": 5,
    "readability.points-per-long-sentence": 2,
    "readability.points-per-wall": 5,
    "readability.min-words": 30,
}

_PROSE_END = frozenset(".!?\"”’)")


class Measured(NamedTuple):
    """What the readability detectors read."""

    text: str
    sentences: list[SentenceCounts]
    config: Any  # audit.config.Config


def long_sentences(m: Measured) -> list[Finding]:
    limit = m.config.get("readability.long-sentence-words")
    return [Finding("RDB-LONG-SENTENCE", (s.start, s.end), message=(
        f"Very long sentence ({s.words} words, over {limit:g}): hard to follow in one reading."))
        for s in m.sentences if s.words > limit]


def number_heavy(m: Measured) -> list[Finding]:
    limit = m.config.get("readability.numbers-per-sentence")
    return [Finding("RDB-NUMBER-HEAVY", (s.start, s.end), message=(
        f"Sentence crowded with figures ({s.numerals}): readers lose track; "
        "consider a table or fewer numbers."))
        for s in m.sentences if s.numerals >= limit and _is_prose(m.text, s)]


def _is_prose(text: str, s: SentenceCounts) -> bool:
    """A sentence of prose, not a row of a table, a list introduced by a colon or a line of
    ingredients (those are meant to be full of figures): it ends like a sentence, starts
    with a word, has no colon and is mostly words."""
    sentence = text[s.start:s.end]
    return (sentence[-1] in _PROSE_END and not sentence[0].isdigit() and ":" not in sentence
            and s.numerals <= 0.4 * s.words)


def walls_of_text(m: Measured) -> list[Finding]:
    """Paragraphs (lines) of more than the limit's words, from the sentence counts (a
    sentence never spans a newline)."""
    text, limit = m.text, m.config.get("readability.wall-of-text-words")
    walls = []
    paragraph_start, words, last_end = -1, 0, 0
    for s in m.sentences:
        if paragraph_start < 0 or "\n" in text[last_end:s.start]:
            if words > limit:
                walls.append(_wall(paragraph_start, last_end, words, limit))
            paragraph_start, words = s.start, 0
        words += s.words
        last_end = s.end
    if words > limit:
        walls.append(_wall(paragraph_start, last_end, words, limit))
    return walls


def _wall(start: int, end: int, words: int, limit: float) -> Finding:
    return Finding("RDB-WALL-OF-TEXT", (start, end), message=(
        f"Paragraph in one long run ({words} words, over {limit:g}): break it up for readers."))


_LONG = (
    "The committee, which had met on three separate occasions over the course of the "
    "previous summer in order to consider the many proposals that had been put forward by "
    "residents, business owners and local officials, finally decided on Tuesday to postpone "
    "its decision until the autumn."
)
_SHORT_PARAGRAPHS = (
    "The council met on Tuesday. It approved the budget for next year.\n\n"
    "The mayor said the vote was a good sign. Residents will see lower fees in the spring."
)
_WALL = (
    "The council met on Tuesday evening to discuss the budget for the coming year. "
    "Members spent most of the meeting on the cost of repairing the old bridge. "
    "Some of them wanted to raise fees for parking in the town centre to pay for it. "
    "Others said that shop owners would lose customers if parking became more expensive. "
    "The mayor asked the finance officer to prepare two plans for the next meeting. "
    "One plan would raise parking fees and the other would delay work on the library. "
    "Residents who spoke at the meeting were divided on which plan was better for the town. "
    "A teacher said the library was needed more than ever by children in the area. "
    "A shop owner said that higher fees would drive people to the new mall outside town. "
    "The council will vote on the two plans at its next meeting at the end of the month. "
    "Until then the bridge will stay open, but heavy trucks will have to use another road. "
    "The finance officer said both plans would keep the budget balanced for the next year."
)


RULES = (
    Rule(
        id="RDB-LONG-SENTENCE",
        category="readability",
        severity="low",
        confidence="high",
        message="Very long sentence (over 35 words): hard to follow in one reading.",
        must_fire=(_LONG,),
        must_not_fire=(
            "The committee met on Tuesday. It postponed its decision until the autumn.",
            # Abbreviations and decimals do not glue sentences together or cut them short.
            ("Dr. Jane Smith of the U.S. Department of Energy said on Jan. 6 that prices rose "
             "4.7 percent. The company, Acme Corp., said it expected costs of $2.5 billion."),
        ),
        reads="sentences",
        detect=long_sentences,
    ),
    Rule(
        id="RDB-WALL-OF-TEXT",
        category="readability",
        severity="low",
        confidence="medium",
        message="Paragraph in one long run (over 150 words): break it up for readers.",
        must_fire=(_WALL,),
        must_not_fire=(_SHORT_PARAGRAPHS, _LONG),
        reads="sentences",
        detect=walls_of_text,
    ),
    Rule(
        id="RDB-NUMBER-HEAVY",
        category="readability",
        severity="info",
        confidence="medium",
        message="Sentence crowded with figures (6 or more): readers lose track; "
                "consider a table or fewer numbers.",
        must_fire=(
            ("Revenue rose 12% to $4.7 billion in 2023, from $4.2 billion in 2022, while costs "
             "fell 3.5% to $1.9 billion and staff grew from 1,200 to 1,450."),
        ),
        must_not_fire=(
            "Revenue rose 12% to $4.7 billion in 2023, the company said on Tuesday.",
        ),
        reads="sentences",
        detect=number_heavy,
    ),
)
