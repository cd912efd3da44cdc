"""The classic readability formulas as small pure functions of counts, unrounded.

Each takes the counts it needs and returns the published formula's value; none counts
anything itself (``audit.readability.counting`` does, once, for all of them). The
constants are the published ones, checked against the authors' worked examples in
``tests/test_readability.py``:

- Flesch (1948) reading ease, Kincaid et al. (1975) grade: "The cat sat on the mat."
  (6 words, 6 syllables, 1 sentence) gives 116.145 and -1.45.
- Gunning (1952) fog: one 13-word sentence with 2 complex words gives 11.35.
- McLaughlin (1969) SMOG: the regression 1.0430 * sqrt(30 * polysyllables / sentences)
  + 3.1291 is the one reported; his quick version (``smog_quick``), 3 + the square root of
  the nearest perfect square to the polysyllable count in 30 sentences, is kept for the
  paper's own example: 95 polysyllables -> nearest square 100 -> 3 + 10 = grade 13 (the
  regression gives 13.30 on the same count, 3 + sqrt(95) would be 12.75).
- Coleman and Liau (1975): 0.0588 L - 0.296 S - 15.8 with L letters and S sentences per
  100 words (textstat uses 0.058); their example (119 words, 5 sentences, 639 letters)
  gives 14.53.
- Smith and Senter (1967) automated readability index: 4.71 characters per word (letters
  and digits, no punctuation) + 0.5 words per sentence - 21.43.
- Dale and Chall (1948): 0.1579 * percent difficult words + 0.0496 * words per sentence,
  plus 3.6365 only when more than 5% of the words are difficult.
"""

from __future__ import annotations

import math


def flesch_reading_ease(words: int, sentences: int, syllables: int) -> float:
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: int, sentences: int, syllables: int) -> float:
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


def gunning_fog(words: int, sentences: int, complex_words: int) -> float:
    return 0.4 * (words / sentences + 100 * complex_words / words)


def smog(polysyllables: int, sentences: int) -> float:
    """McLaughlin's regression, scaled to a 30-sentence sample."""
    return 1.0430 * math.sqrt(polysyllables * 30 / sentences) + 3.1291


def smog_quick(polysyllables_in_30_sentences: int) -> int:
    """McLaughlin's hand method: 3 + root of the nearest perfect square (ties go lower,
    as the paper says to choose the lower square when the count lies between two)."""
    low = math.isqrt(polysyllables_in_30_sentences)
    high = low + 1
    nearer_high = (high * high - polysyllables_in_30_sentences
                   < polysyllables_in_30_sentences - low * low)
    return 3 + (high if nearer_high else low)


def coleman_liau(words: int, sentences: int, letters: int) -> float:
    return 0.0588 * (100 * letters / words) - 0.296 * (100 * sentences / words) - 15.8


def automated_readability(words: int, sentences: int, letters: int) -> float:
    return 4.71 * (letters / words) + 0.5 * (words / sentences) - 21.43


def dale_chall(words: int, sentences: int, difficult_words: int) -> float:
    percent = 100 * difficult_words / words
    score = 0.1579 * percent + 0.0496 * (words / sentences)
    return score + 3.6365 if percent > 5 else score
