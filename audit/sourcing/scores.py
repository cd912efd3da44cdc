"""The sourcing and attribution scores, 0 to 100, each with the signals that moved it.

Sourcing: how transparently the article sources its claims (who says so, in whose
words), not whether the claims are true::

    sourcing = clamp(base + named·sat(N, full.named) + direct·sat(Q, full.direct)
                     + sources·sat(S, full.sources) − own-voice·sat(V, full.own-voice))

    sat(x, full) = min(1, ln(1 + x) / ln(1 + full))

  N attributions to named sources per 1000 words (person, role, organization, outlet,
  document; a pronoun counts as what it resolves to), each weighed by its kind
  (``sourcing.kind.*``: what was said or found counts fully, a belief or a stance less);
  Q direct quotes per 1000 words; S distinct named sources (a count); V first- and
  second-person words ("I", "we", "our", "you") per 1000 words outside quotes and
  attributed content: the author's own voice. An attribution nested inside another's
  content is not counted apart. Each term saturates: the first source matters more than
  the tenth, and a term gives its full weight at ``full``. Weights are the settings
  ``sourcing.base`` and ``sourcing.weight.*`` (audit/sourcing/rules.py), chosen so that
  base + the three credits is 100 and base − own-voice is 0. Unnamed and vague sources,
  anonymity reasons and unattributed claims do not move the score (measured, they do not
  tell a sourced article from an unsourced one, or point the wrong way); they stay
  findings.

Attribution (whether the page says who stands behind it)::

    attribution = clamp(100 − byline·[no byline, halved when a wire or source is credited]
                        − date·[no date] − publisher·[no publisher]
                        − bio·[no author bio or contact]
                        − wire_photo·[wire photo, nobody credited] − conflict·min(C, 2)
                        − sponsored·[labelled sponsored] + correction·[correction notice])

  C the number of people given conflicting titles. Weights ``attribution.weight.*``.

No verdict (value None, with the reason) for a text under ``sourcing.min-words`` words,
or under ``sourcing.short-words`` words with no attribution at all, and for a language the
rules do not cover.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from audit.model import Score, Signal
from audit.sourcing.consistency import ArticleFacts

Get = Callable[[str], float]
Span = tuple[int, int]


@dataclass(frozen=True)
class SourcingCounts:
    """What the sourcing score reads, each with the spans behind it."""

    words: int
    named: tuple[Span, ...]  # where each counted attribution to a named source is
    named_weight: float  # their number, each weighed by its kind
    direct: tuple[Span, ...]  # each direct quote counted
    sources: tuple[Span, ...]  # the first mention of each distinct named source
    own_voice: tuple[Span, ...]  # first- and second-person words in the author's voice
    opinion_label: bool = False


def _clamp(value: float) -> float:
    return round(max(0.0, min(100.0, value)), 1)


def saturate(x: float, full: float) -> float:
    """0 at 0, rising ever more slowly (logarithmically), 1 from ``full`` on."""
    if x <= 0:
        return 0.0
    if full <= 0:
        return 1.0
    return min(1.0, math.log1p(x) / math.log1p(full))


def _term(get: Get, name: str, x: float, sign: int, detail: str,
          spans: tuple[Span, ...]) -> Signal:
    delta = sign * get(f"sourcing.weight.{name}") * saturate(x, get(f"sourcing.full.{name}"))
    return Signal(name, round(delta, 2) or 0.0, detail, spans)  # never -0.0


def _per_k(count: float, words: int) -> float:
    return 1000 * count / max(words, 1)


def sourcing(c: SourcingCounts, get: Get) -> Score:
    """The sourcing score (formula in the module docstring)."""
    base = get("sourcing.base")
    named = _per_k(c.named_weight, c.words)
    direct = _per_k(len(c.direct), c.words)
    voice = _per_k(len(c.own_voice), c.words)
    weighed = "" if c.named_weight == len(c.named) else f", weighed by kind {c.named_weight:g}"
    signals = [
        _term(get, "named", named, +1, f"{len(c.named)} attributions to named sources"
              f"{weighed}: {named:.1f} per 1000 words", c.named),
        _term(get, "direct", direct, +1,
              f"{len(c.direct)} direct quotes: {direct:.1f} per 1000 words", c.direct),
        _term(get, "sources", len(c.sources), +1,
              f"{len(c.sources)} distinct named sources", c.sources),
        _term(get, "own-voice", voice, -1, (
            f"written in the author's own voice: {len(c.own_voice)} uses of I, we or you "
            f"outside quotes ({voice:.1f} per 1000 words), as commentary is"
            if c.own_voice else "no I, we or you outside quotes: written as news"), c.own_voice),
    ]
    if c.opinion_label:
        signals.append(Signal("labelled-opinion", 0.0, "labelled opinion: the score rates it "
                              "as a source of facts; the author's voice is expected"))
    value = _clamp(base + sum(s.delta for s in signals))
    reason = (f"{named:.1f} named attributions per 1000 words, {len(c.sources)} named "
              f"sources, {len(c.direct)} direct quotes")
    if c.own_voice:
        reason += "; the author's own voice"
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
