"""Sourcing and attribution: who is cited, which claims stand on nothing, who wrote this.

Entry point: ``analyse(article, *, config) -> StageResult`` (``audit.article.Article``)
with ``data`` in the report's ``sourcing`` shape, its findings, and ``scores["sourcing"]``
and ``scores["attribution"]``. ``extract(text)`` gives the attributions alone.

Where things are: quotes.py (pairing quote marks), cues.py (finding cue words and
passive forms), reported.py (the extractor that reads each cue) with its parts
verb_shapes.py ("Abe said", "said one official") with verb_content.py (what the verb
reports: "endorsed [Trump]", "“[...],” X said"), participles.py (", saying that ..."),
nominal.py ("according to X", "Smith’s claim that"), passive.py ("it is believed that")
and content.py (the clause or quote a cue reports), shapes.py (tests on that clause),
sources.py (source phrases and their types), audit/lang/en.py (the English word lists and
patterns: the language pack handed to the extractor), labels.py ("NAME: ..." lines),
structure.py (kinds, split contents, nesting), carry.py
(follow-on quotes, pronouns, anonymity reasons), claims.py (check-worthy sentences with
no attribution), consistency.py (byline, date, credits, conflicting titles), scores.py
(the two documented formulas), rules.py (rules and settings).
"""

from audit.sourcing.analyse import analyse, extract

__all__ = ["analyse", "extract"]
