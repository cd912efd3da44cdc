"""The overall score and the grade, from the three stage scores.

overall = the weighted mean of the readability, sourcing and attribution scores
(weights ``overall.weight.*``). Sourcing carries the most weight: it is what an editor
vets a source for. When the sourcing score is withheld (too short a text, or a language
the rules do not cover) the overall score and the grade are withheld too, with the
reason, rather than letting readability alone pass a verdict on trustworthiness.

Grades: A from 85, B from 70, C from 55, D from 40, F below (``grade.*`` settings).

``histogram`` bins scores by 10 points, for the batch summary and the HTML index.
"""

from __future__ import annotations

from collections.abc import Iterable

from audit.config import Config
from audit.model import Score, Signal

SETTINGS = {
    "overall.weight.readability": 0.2,
    "overall.weight.sourcing": 0.5,
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
    parts = [(name, scores[name].value, config.get(f"overall.weight.{name}"))
             for name in _PARTS if name in scores and scores[name].value is not None]
    total_weight = sum(weight for _, _, weight in parts)
    if total_weight <= 0:
        return Score(None, "no overall verdict: all weights are zero")
    value = sum(v * w for _, v, w in parts) / total_weight
    signals = tuple(
        Signal(name=f"{name} score", delta=round(v * w / total_weight, 2),
               detail=f"{v:.1f} x weight {w / total_weight:.2f}")
        for name, v, w in parts
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
