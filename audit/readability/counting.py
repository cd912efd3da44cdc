"""Counting words, syllables, letters and hard words, per sentence and in total.

Speed matters (a batch audits thousands of articles), so each distinct piece of text
between spaces is looked at once per process: its features are computed on first sight
and kept in ``FEATURES`` (and each word's in ``word_features``' cache, so that
``program,`` and ``program.`` share the work); a sentence is then a ``str.split``, a
``map`` over that dict and a few ``sum``\\ s. Both caches are bounded (``_MAX_CACHE``
entries, about 8 MB in all when full): a nightly batch over thousands of distinct articles
meets new words all the time, and a larger bound let its memory grow several times over
(README, Performance). The commonest few thousand chunks cover three quarters of news
text, so a cache refilled after a clear costs little.

Definitions (see ``audit/readability/__init__.py`` for where each number comes from):

- word: a run of letters and digits, with inner apostrophes, hyphens and stops kept
  (``don't``, ``Nano-Satellite``, ``U.S.``, ``$4.7``, ``75%``, ``5:45``);
- letters: letters and digits of the words, no punctuation;
- polysyllable (SMOG): 3+ syllables, every occurrence, names and numerals included;
- complex word (Gunning): 3+ syllables not counting an -es, -ed or -ing ending, not a
  proper noun (capitalised, except the first word of a sentence when the text never
  capitalises it elsewhere), not hyphenated, not a numeral;
- difficult word (Dale-Chall): not on the familiar list nor a regular inflection of a word
  on it; proper nouns, numerals and initialisms are familiar, as Dale and Chall instruct.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import NamedTuple

from audit.readability import syllables
from audit.readability.lexicon import is_familiar

TOKEN = re.compile(
    r"[$£€]?\d+(?:[.,:\-–]\d+)*(?:%|[^\W\d_]+)?"  # numerals, money, percentages, 5:45, 6-4
    r"|[^\W\d_]\w*(?:['’.\-]\w+)*\.?"  # words; a trailing stop kept for Dr. and U.S.
)
MAX_CACHE = _MAX_CACHE = 20_000  # chunks in FEATURES, and words in word_features' cache


class Features(NamedTuple):
    """What one whitespace-separated chunk of text (``"American``, ``sizes,``, ``U.S.``)
    contributes: the sums over its words (usually one, sometimes none, as in ``—``).

    A capitalised word is a proper noun, hence neither complex nor difficult, except as the
    first word of a sentence, where it may be a common word: ``*_if_first`` hold what the
    chunk's first word counts then, when the text does not show it to be a name."""

    words: int
    syllables: int
    letters: int
    polysyllables: int
    complex: int
    difficult: int
    numerals: int
    complex_if_first: int
    difficult_if_first: int
    first_word: str
    capitalised: int


class _FeatureCache(dict):
    """chunk -> Features, computed on first sight (``dict.__missing__`` keeps hits in C)."""

    def __missing__(self, chunk: str) -> Features:
        if len(self) >= _MAX_CACHE:
            self.clear()
        value = self[chunk] = chunk_features(chunk)
        return value


FEATURES = _FeatureCache()


def chunk_features(chunk: str) -> Features:
    """The features of a whitespace-free piece of text: the sum over its words."""
    tokens = TOKEN.findall(chunk)
    if not tokens:
        return Features(0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0)
    each = [word_features(token) for token in tokens]
    sums = [sum(column) for column in zip(*each)]
    first = each[0]
    first_word = tokens[0].rstrip(".")
    return Features(len(tokens), *sums[:6], first[6], first[7], first_word,
                    int(first_word[0].isupper()))


@lru_cache(maxsize=_MAX_CACHE)
def word_features(token: str) -> tuple[int, int, int, int, int, int, int, int]:
    """(syllables, letters, polysyllable, complex, difficult, numeral, complex_if_first,
    difficult_if_first) of one token as ``TOKEN`` finds it; flags are 0 or 1."""
    abbreviated = token.endswith(".")
    base = token[:-1] if abbreviated else token
    count = syllables.count(base, abbreviated=abbreviated)
    letters = sum(ch.isalnum() for ch in base)
    numeral = not base[0].isalpha()
    initialism = "." in base or (abbreviated and base.lower() in syllables.ABBREVIATIONS)
    plain = not numeral and not initialism
    is_complex = int(plain and "-" not in base and _gunning_syllables(base.lower(), count) >= 3)
    difficult = int(plain and not is_familiar(base.lower()))
    poly = int(count >= 3)
    if base[0].isupper():
        return count, letters, poly, 0, 0, 0, is_complex, difficult
    return count, letters, poly, is_complex, difficult, int(numeral), 0, 0


def _gunning_syllables(lower: str, count: int) -> int:
    """Syllables without an -ing, -ed or -es ending that adds one (Gunning does not count
    words made three syllables by these endings: "created", "bridges", "forecasting")."""
    if lower.endswith("ing") and len(lower) > 5:
        return count - 1
    if lower.endswith("ed") and lower[-3:-2] in ("t", "d"):
        return count - 1
    if lower.endswith("es") and lower.endswith(syllables.SIBILANT_ES):
        return count - 1
    return count


class SentenceCounts(NamedTuple):
    """The counts of one sentence, with its span in the text (a tuple, built dozens of
    times an article, cheaper than a frozen dataclass)."""

    start: int
    end: int
    words: int
    syllables: int
    letters: int
    polysyllables: int
    complex_words: int
    difficult_words: int
    numerals: int


def count_sentences(text: str, spans: list[tuple[int, int]]) -> list[SentenceCounts]:
    """Counts of each sentence span of ``text`` that has at least one word, in order.

    The first word of a sentence is capitalised whatever it is; it counts as a name (so
    neither complex nor difficult) when it looks like one on its own (``_looks_like_name``)
    or when the text capitalises it inside a sentence too ("Artemis aims ..." after "the
    Artemis program"), which is known only at the end."""
    counted: list[SentenceCounts] = []
    names: set[str] = set()
    firsts: list[tuple[int, Features]] = []
    for start, end in spans:
        found = list(map(FEATURES.__getitem__, text[start:end].split()))
        if not found:
            continue
        (words, syllables, letters, polysyllables, complex_words, difficult_words, numerals,
         _, _, first_words, capitalised) = zip(*found)
        if not any(words):
            continue
        names.update(compress(first_words[1:], capitalised[1:]))
        # a sentence nearly always opens with a word: no scan then
        at = 0 if words[0] else next(i for i, count in enumerate(words) if count)
        first = found[at]
        if (first.complex_if_first or first.difficult_if_first) and not _looks_like_name(
                first, found[at + 1] if at + 1 < len(found) else None):
            firsts.append((len(counted), first))
        counted.append(SentenceCounts(start, end, sum(words), sum(syllables), sum(letters),
                                      sum(polysyllables), sum(complex_words),
                                      sum(difficult_words), sum(numerals)))
    for index, first in firsts:
        if first.first_word not in names:
            s = counted[index]
            counted[index] = s._replace(
                complex_words=s.complex_words + first.complex_if_first,
                difficult_words=s.difficult_words + first.difficult_if_first)
    return counted


def _looks_like_name(first: Features, following: Features | None) -> bool:
    """A sentence's first word is a name when it is in capitals (NASA, CLPS) or starts a
    run of capitalised words (Sierra Nevada Corp., Blue Origin's)."""
    word = first.first_word
    if len(word) > 1 and word.isupper():
        return True
    return following is not None and following.words > 0 and bool(following.capitalised)
