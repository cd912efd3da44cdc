"""The sourcing and attribution scores, 0 to 100, each with the signals that moved it.

Sourcing (how well the article's claims stand on identifiable sources)::

    sourcing = clamp(base + named·min(N, cap) + document·min(D, cap) + direct·min(Q, cap)
                     − unnamed·min(U, cap) − vague·min(V, cap) + share·(A − 0.5)
                     − none·[no attributions])

  N distinct named sources (person, role, organization, outlet, document; a pronoun counts
  as what it resolves to), D distinct documents and outlets (outside voices), Q direct
  quotes, U unnamed and V vague attributions, A the attributed share of check-worthy
  sentences (the term is left out when there are none). Weights are the settings
  ``sourcing.weight.*`` and caps ``sourcing.cap.*`` (audit/sourcing/rules.py).

Attribution (whether the page says who stands behind it)::

    attribution = clamp(100 − byline·[no byline, halved when a wire or source is credited]
                        − date·[no date] − publisher·[no publisher]
                        − bio·[no author bio or contact]
                        − wire_photo·[wire photo, nobody credited] − conflict·min(C, 2)
                        − sponsored·[labelled sponsored] + correction·[correction notice])

  C the number of people given conflicting titles. Weights ``attribution.weight.*``.

No verdict (value None, with the reason) for a text under ``sourcing.min-words`` words,
or under ``sourcing.short-words`` words with no attribution at all (an abstract or a
brief, not a sourced report), and for a language the rules do not cover.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from audit.model import Score, Signal
from audit.sourcing.consistency import ArticleFacts

Get = Callable[[str], float]


@dataclass(frozen=True)
class SourcingCounts:
    named: int
    documents: int
    direct: int
    unnamed: int
    vague: int
    attributions: int
    checkworthy: int
    attributed_checkworthy: int


def _clamp(value: float) -> float:
    return round(max(0.0, min(100.0, value)), 1)


def _capped(get: Get, name: str, count: int, sign: int, what: str) -> Signal | None:
    if count <= 0:
        return None
    used = min(count, int(get(f"sourcing.cap.{name}")))
    delta = sign * get(f"sourcing.weight.{name}") * used
    return Signal(name, round(delta, 2), f"{count} {what}" + (
        f" (counted up to {used})" if used < count else ""))


def sourcing(c: SourcingCounts, get: Get) -> Score:
    """The sourcing score (formula in the module docstring)."""
    base = get("sourcing.base")
    signals = [s for s in (
        _capped(get, "named", c.named, +1, "distinct named sources"),
        _capped(get, "document", c.documents, +1, "distinct documents or outlets cited"),
        _capped(get, "direct", c.direct, +1, "direct quotes"),
        _capped(get, "unnamed", c.unnamed, -1, "attributions to unnamed sources"),
        _capped(get, "vague", c.vague, -1, "attributions to vague sources"),
    ) if s is not None]
    if c.checkworthy:
        share = c.attributed_checkworthy / c.checkworthy
        signals.append(Signal("attributed-share", round(get("sourcing.weight.share") * (
            share - 0.5), 2), f"{c.attributed_checkworthy} of {c.checkworthy} check-worthy "
            "sentences have an attribution"))
    if not c.attributions:
        signals.append(Signal("no-attributions", -get("sourcing.weight.none"),
                              "no attribution found in the article"))
    value = _clamp(base + sum(s.delta for s in signals))
    reason = (f"{c.attributions} attributions, {c.named} named sources, "
              f"{c.unnamed + c.vague} unnamed or vague")
    return Score(value, reason, (Signal("base", base, "starting point"), *signals))


def attribution(f: ArticleFacts, get: Get) -> Score:
    """The attribution score (formula in the module docstring)."""
    def weight(name: str) -> float:
        return get(f"attribution.weight.{name}")

    signals: list[Signal] = []
    if not f.byline:
        credit = ", ".join(f.credited)
        signals.append(Signal("no-byline", -weight("byline") / (2 if credit else 1),
                              f"no byline; credited to {credit}" if credit else "no byline"))
    if not f.date:
        signals.append(Signal("no-date", -weight("date"), "no publication date"))
    if not f.publisher:
        signals.append(Signal("no-publisher", -weight("publisher"), "no publisher named"))
    if not (f.bio or f.contact):
        signals.append(Signal("no-author-bio", -weight("bio"), "no author bio or contact"))
    if f.wire_photo:
        signals.append(Signal("wire-photo-no-credit", -weight("wire_photo"),
                              f"photo credited to {f.wire_photo}, text credited to no one"))
    if f.title_conflicts:
        people = "person" if f.title_conflicts == 1 else "people"
        signals.append(Signal("title-conflict", -weight("conflict") * min(f.title_conflicts, 2),
                              f"{f.title_conflicts} {people} given conflicting titles"))
    if "sponsored" in f.labels:
        signals.append(Signal("sponsored", -weight("sponsored"), "labelled sponsored content"))
    if "opinion" in f.labels:
        signals.append(Signal("opinion", 0.0, "labelled opinion: judged as opinion, not news"))
    if "correction" in f.labels:
        signals.append(Signal("correction", weight("correction"), "carries a correction notice"))
    value = _clamp(100 + sum(s.delta for s in signals))
    missing = [s.name for s in signals if s.delta < 0]
    reason = "byline, date and publisher present" if not missing else "missing or weak: " + \
        ", ".join(missing)
    return Score(value, reason, (Signal("base", 100.0, "starting point"), *signals))


def withheld(reason: str) -> Score:
    return Score(None, reason)
