"""The overall score and the grade, from the stage scores.

overall = the weighted mean of the sourcing and attribution scores (weights
``overall.weight.*``): the editor's question is "can I rely on this as a source?", which
is how transparently the article sources its claims and whether the page says who
stands behind it. Readability is left out by default (``overall.weight.readability`` 0):
it says whether a general reader can follow the prose, not whether the article can be
relied on, and measured on reliable and unreliable news it points the wrong way
(reliable outlets write harder prose), so mixing it in made the overall score worse at
the question it answers (the figures are in the README's "Measured quality"). A score
whose weight is 0 is not part of the mean. When the sourcing score is withheld (too
short a text, or a language the rules do not cover) the overall score and the grade are
withheld too, with the reason.

Grades: A from 85, B from 70, C from 55, D from 40, F below (``grade.*`` settings).

``histogram`` bins scores by 10 points, for the batch summary and the HTML index.
"""

from __future__ import annotations

from collections.abc import Iterable

from audit.config import Config
from audit.model import Score, Signal

SETTINGS = {
    "overall.weight.readability": 0.0,
    "overall.weight.sourcing": 0.7,
    "overall.weight.attribution": 0.3,
    "grade.a": 85.0,
    "grade.b": 70.0,
    "grade.c": 55.0,
    "grade.d": 40.0,
}
RULES = ()
_PARTS = ("readability", "sourcing", "attribution")


def overall(scores: dict[str, Score], config: Config) -> Score:
    sourcing = scores.get("sourcing")
    if sourcing is None or sourcing.value is None:
        why = sourcing.reason if sourcing is not None else "no sourcing analysis"
        return Score(None, f"no overall verdict: {why}")
    scored = [(name, scores[name].value, config.get(f"overall.weight.{name}"))
              for name in _PARTS if name in scores and scores[name].value is not None]
    parts = [part for part in scored if part[2] > 0]
    if not parts:
        return Score(None, "no overall verdict: all weights are zero")
    total_weight = sum(weight for _, _, weight in parts)
    value = sum(v * w for _, v, w in parts) / total_weight
    signals = tuple(
        Signal(name=f"{name} score", delta=round(v * w / total_weight, 2),
               detail=f"{v:.1f} x weight {w / total_weight:.2f}")
        for name, v, w in parts
    ) + tuple(
        Signal(name=f"{name} score", delta=0.0,
               detail=f"{v:.1f}, shown beside the overall score, not counted in it "
                      f"(overall.weight.{name} = 0)")
        for name, v, w in scored if w <= 0
    )
    weakest = min(parts, key=lambda part: part[1])[0]
    return Score(round(value, 1), f"weighted mean of {len(parts)} scores; weakest: {weakest}",
                 signals)


def grade(value: float | None, config: Config) -> str | None:
    if value is None:
        return None
    for letter in ("a", "b", "c", "d"):
        if value >= config.get(f"grade.{letter}"):
            return letter.upper()
    return "F"


def histogram(values: Iterable[float]) -> list[int]:
    """How many scores fall in each 10-point bin, 0-10 to 90-100 (100 in the last)."""
    bins = [0] * 10
    for value in values:
        bins[min(int(value // 10), 9)] += 1
    return bins
