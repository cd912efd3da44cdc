"""Sourcing and attribution: who is cited, which claims stand on nothing, who wrote this.

Entry point: ``analyse(text, *, language, provenance, title, blocks, config) -> StageResult``
with ``data`` in the report's ``sourcing`` shape, its findings, and ``scores["sourcing"]``
and ``scores["attribution"]``. ``extract(text)`` gives the attributions alone.

Where things are: quotes.py (pairing quote marks), reported.py (cues: reported speech,
"according to", nominal and passive forms), shapes.py (the clause around a cue),
sources.py (source phrases and their types), lexicon.py (the word lists), carry.py
(follow-on quotes, pronouns, anonymity reasons), claims.py (check-worthy sentences with
no attribution), consistency.py (byline, date, credits, conflicting titles), scores.py
(the two documented formulas), rules.py (rules and settings).
"""

from audit.sourcing.analyse import analyse, extract

__all__ = ["analyse", "extract"]
