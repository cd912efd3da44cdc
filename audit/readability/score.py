"""The readability score, 0 to 100, for a general news audience.

Newspapers write for adults of every schooling; grades 8 to 12 (the band set by
``readability.band-low``/``band-high``) is what a general reader handles comfortably
and what careful news writing lands in, so any grade inside the band scores 100.
Above the band every grade costs ``readability.points-per-grade-above`` (10) points:
grade 14.2 scores 78, grade 16 scores 60, grade 22 and above 0. Below the band a grade
costs ``readability.points-per-grade-below`` (5): plain text is a smaller fault in news
than dense text, grade 4 still scores 80. Then each very long sentence costs
``readability.points-per-long-sentence`` (2, at most 10 in all) and each wall-of-text
paragraph ``readability.points-per-wall`` (5, at most 10), since a reasonable average
can hide passages that lose the reader. Every step is a ``Signal`` of the score.
"""

from __future__ import annotations

from typing import Any

from audit.model import Score, Signal


def readability_score(grade: float, long_sentences: int, walls: int,
                      settings: dict[str, Any]) -> Score:
    """Score a grade (the median of the grade formulas) and the passages that lose readers."""
    low, high = settings["readability.band-low"], settings["readability.band-high"]
    signals: list[Signal] = []
    if grade > high:
        delta = -settings["readability.points-per-grade-above"] * (grade - high)
        signals.append(Signal("grade", round(max(delta, -100.0), 2),
                              f"grade {grade:.1f} is above the {low:g}-{high:g} band"))
    elif grade < low:
        delta = -settings["readability.points-per-grade-below"] * (low - grade)
        signals.append(Signal("grade", round(max(delta, -100.0), 2),
                              f"grade {grade:.1f} is below the {low:g}-{high:g} band"))
    if long_sentences:
        delta = -min(10.0, settings["readability.points-per-long-sentence"] * long_sentences)
        sentences = "sentence" if long_sentences == 1 else "sentences"
        signals.append(Signal("long-sentences", delta,
                              f"{long_sentences} very long {sentences} (RDB-LONG-SENTENCE)"))
    if walls:
        delta = -min(10.0, settings["readability.points-per-wall"] * walls)
        paragraphs = "paragraph" if walls == 1 else "paragraphs"
        signals.append(Signal("wall-of-text", delta,
                              f"{walls} {paragraphs} in one long run (RDB-WALL-OF-TEXT)"))
    value = max(0.0, min(100.0, 100.0 + sum(s.delta for s in signals)))
    return Score(round(value, 1), f"{describe(grade, low, high)} (grade {grade:.1f})",
                 tuple(signals))


def describe(grade: float, low: float, high: float) -> str:
    """A few words an editor reads: how hard the text is for a general news audience."""
    if grade > high + 4:
        return "very hard for a general audience"
    if grade > high:
        return "hard for a general audience"
    if grade < low - 4:
        return "very plain for a general audience"
    if grade < low:
        return "easy for a general audience"
    return "right for a general news audience"
