"""Where the article is on a text page: the densest run of prose.

Each line gets a score, positive for long sentence-like lines and negative for short,
menu-like, repeated or furniture lines; the article is the run of lines with the
largest total (maximum subarray). Long pages of teasers (a headline, a one-line
summary, a time stamp) score below zero per item, so related-article lists do not
join the article, while the ads and captions inside an article cost less than the
paragraphs around them bring.
"""

from __future__ import annotations

from audit.strip.textlines import Line

# A prose line scores (words - PROSE_OFFSET): 20-word teasers stay near zero.
PROSE_OFFSET = 18
PROSE_CAP = 150
PROSE_MIN_WORDS = 18
SHORT_SENTENCE_WORDS = 7
PENALTY_SHORT = 4
PENALTY_REPEATED = 8
PENALTY_MENU = 8
PENALTY_FURNITURE = 20


def is_prose(line: Line) -> bool:
    """A line that reads like article text: long, or a complete sentence of some length."""
    if line.url and line.words < 40:
        return False
    if line.words >= PROSE_MIN_WORDS:
        return True
    return line.words >= SHORT_SENTENCE_WORDS and line.ends_sentence and line.sentences >= 0


def line_score(line: Line) -> float:
    """The line's contribution to the article run (see module docstring)."""
    if line.furniture is not None:
        return -PENALTY_FURNITURE
    if line.separators >= 2:
        return -PENALTY_MENU
    if is_prose(line):
        gain = min(line.words, PROSE_CAP) - PROSE_OFFSET
        if line.repeats > 1:
            gain = min(gain, 0) - PENALTY_REPEATED
        return gain if line.ends_sentence or line.words >= 30 else min(gain, 0) - 1
    if line.repeats > 1:
        return -PENALTY_REPEATED
    return -PENALTY_SHORT


def densest_run(lines: list[Line]) -> tuple[int, int] | None:
    """(first, last) index of the run of lines with the largest total score."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += line_score(line)
        if total > best:
            best, best_span = total, (start, i)
    if best_span is not None:
        return best_span
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    if prose:
        return prose[0], prose[-1]
    return None
