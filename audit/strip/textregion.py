"""Where the article is on a text page: the densest run of prose.

Each line gets a score, positive for long sentence-like lines and negative for short,
menu-like, repeated or furniture lines; the article is the run of lines with the
largest total (maximum subarray). Long pages of teasers (a headline, a one-line
summary, a time stamp) score below zero per item, so related-article lists do not
join the article, while the ads and captions inside an article cost less than the
paragraphs around them bring.
"""

from __future__ import annotations

import re

from audit.strip.textlines import Line, key

# A prose line scores (words - PROSE_OFFSET): 20-word teasers stay near zero.
PROSE_OFFSET = 20
# A line that ends like a sentence scores (words - SENTENCE_OFFSET).
SENTENCE_OFFSET = 8
# Prose has a punctuation mark at least every this many words.
PUNCTUATION_EVERY = 25
PROSE_CAP = 150
CONTINUATION_MARKS = frozenset(",、，")
PROSE_MIN_WORDS = 18
SHORT_SENTENCE_WORDS = 7
PENALTY_SHORT = 4
PENALTY_REPEATED = 8
PENALTY_MENU = 8
PENALTY_FURNITURE = 20
# Furniture that sits inside articles (pictures, their credits, ads) costs no more than
# any short line: it does not mean the article has ended.
INSIDE_ARTICLE = frozenset({"caption", "gallery", "advertisement", "photo-credit",
                            "caption-credit"})
# A title echo must be followed by its run within this many lines, and the run must
# reach this share of the page's best run.
ECHO_GAP = 12
ECHO_SHARE = 0.1
ECHO_MIN_WORDS = 4
ECHO_MAX_WORDS = 40
# Only the first few echoes are tried (each costs a pass over the rest of the page).
MAX_ECHOES = 5
# Furniture headings after which a list, not the article, follows.
LIST_HEADINGS = frozenset({"related", "comments", "newsletter"})
LIST_MIN_BEFORE = 40
LIST_LOOKAHEAD = 8
LIST_MIN_PARAGRAPHS = 2
LIST_CARD_FURNITURE = 3
# A sentence this many lines after the article's end still belongs to it.
BRIDGE_LINES = 2
# Time stamps and reply links that separate comments; this many end the article.
COMMENT_MARKERS = 2
COMMENT_MARKER = re.compile(
    r"\b\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b|"
    r"\b\d{1,2}:\d{2}\s*(?:am|pm)\b|^(?:reply|responder|responda|antworten|rispondi|balas|"
    r"ответить|返信)\b|\b(?:says|said|wrote|disse|schrieb|scrive)\s*:\s*$", re.IGNORECASE)


def is_prose(line: Line) -> bool:
    """A line that reads like article text: long, or a complete sentence of some length."""
    if line.prose is None:
        line.prose = _is_prose(line)
    return line.prose


def _is_prose(line: Line) -> bool:
    if line.url and line.words < 40:
        return False
    if line.words >= PROSE_MIN_WORDS:
        return True
    return line.words >= SHORT_SENTENCE_WORDS and (line.ends_sentence or _continues(line))


def _continues(line: Line) -> bool:
    """A line broken after a comma: the sentence goes on on the next line."""
    return line.text[-1] in CONTINUATION_MARKS


def line_score(line: Line) -> float:
    """The line's contribution to the article run (see module docstring)."""
    if line.score is None:
        line.score = _line_score(line)
    return line.score


def _line_score(line: Line) -> float:
    if line.furniture is not None:
        return -PENALTY_SHORT if line.furniture[1] in INSIDE_ARTICLE else -PENALTY_FURNITURE
    if line.repeats > 1:
        return -PENALTY_REPEATED
    if not is_prose(line):
        return -PENALTY_MENU if line.separators >= 2 else -PENALTY_SHORT
    if line.separators >= 2:
        return -PENALTY_MENU
    words = min(line.words, PROSE_CAP)
    if line.ends_sentence or _continues(line):
        return words - SENTENCE_OFFSET
    if line.punctuation * PUNCTUATION_EVERY < line.words:
        return -PENALTY_SHORT  # a long list of names or dates, not prose
    return words - PROSE_OFFSET


def _best_run(lines: list[Line], start: int) -> tuple[float, tuple[int, int] | None]:
    """Maximum-subarray over lines[start:]: (total, (first, last)) or (0, None)."""
    best, best_span = 0.0, None
    total, begin = 0.0, start
    for i in range(start, len(lines)):
        if total <= 0:
            total, begin = 0.0, i
        total += line_score(lines[i])
        if total > best:
            best, best_span = total, (begin, i)
    return best, best_span


def _run_after(lines: list[Line], echo: int) -> tuple[float, tuple[int, int] | None]:
    """The best run that starts within ECHO_GAP lines after a title echo."""
    start = echo + 1
    while start < len(lines) and start - echo <= ECHO_GAP and line_score(lines[start]) <= 0:
        start += 1
    if start >= len(lines) or start - echo > ECHO_GAP:
        return 0.0, None
    best, best_end, total = 0.0, None, 0.0
    for i in range(start, len(lines)):
        total += line_score(lines[i])
        if total > best:
            best, best_end = total, i
    return (best, (start, best_end)) if best_end is not None else (0.0, None)


def title_echoes(lines: list[Line]) -> list[int]:
    """Lines that repeat the page's own title line (line 1 is often '<headline> - Site')."""
    if not lines:
        return []
    page_title = key(lines[0].text)
    return [i for i in range(1, len(lines))
            if ECHO_MIN_WORDS <= lines[i].words <= ECHO_MAX_WORDS
            and lines[i].lower in page_title]


def densest_run(lines: list[Line]) -> tuple[int, int] | None:
    """(first, last) index of the article: the run of lines with the largest total score.

    When the page repeats its title line further down, the article usually follows
    that headline: a run starting right after an echo wins over a bigger run elsewhere
    (a long teaser list) unless it is tiny in comparison.
    """
    best, span = _best_run(lines, 0)
    anchored = []
    for echo in title_echoes(lines)[:MAX_ECHOES]:
        if (span is not None and span[0] <= echo
                and key(lines[echo].text) == key(lines[0].text)):
            continue  # line 1 is the headline itself, repeated inside the article
        total, run = _run_after(lines, echo)
        if run is not None and run[0] - echo <= ECHO_GAP and total >= ECHO_SHARE * best:
            anchored.append((total, run))
    if anchored:
        span = max(anchored)[1]
    if span is not None:
        return trim_comments(lines, *trim_at_lists(lines, *bridge(lines, *span)))
    prose = [i for i, line in enumerate(lines) if is_prose(line)]
    if prose:
        return prose[0], prose[-1]
    return None


def bridge(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """Carry the article's end over one or two short lines (a repeated headline, a
    caption) when a complete sentence follows; the run's arithmetic alone would stop."""
    while True:
        for j in range(last + 1, min(last + 1 + BRIDGE_LINES, len(lines))):
            line = lines[j]
            if line.furniture is not None:
                return first, last
            if is_prose(line) and line.ends_sentence and line.repeats == 1:
                last = j
                break
        else:
            return first, last


def trim_at_lists(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """End the article at a 'Related' / 'Comments' / newsletter heading that introduces a
    list: fewer than LIST_MIN_PARAGRAPHS of the next LIST_LOOKAHEAD lines score as article
    text, or LIST_CARD_FURNITURE of them are furniture (cards with share buttons). An
    inline 'Related: headline' followed by more paragraphs does not end it."""
    before = 0.0
    for i in range(first, last + 1):
        line = lines[i]
        if (before >= LIST_MIN_BEFORE and line.furniture and line.furniture[0] in LIST_HEADINGS
                and (_paragraphs_after(lines, i, last) < LIST_MIN_PARAGRAPHS
                     or _furniture_after(lines, i, last) >= LIST_CARD_FURNITURE)):
            end = i - 1
            while end > first and not is_prose(lines[end]):
                end -= 1
            return first, end
        before += line_score(line)
    return first, last


def _paragraphs_after(lines: list[Line], i: int, last: int) -> int:
    end = min(i + 1 + LIST_LOOKAHEAD, last + 1)
    return sum(line_score(lines[j]) > 0 for j in range(i + 1, end))


def _furniture_after(lines: list[Line], i: int, last: int) -> int:
    """Furniture among the next lines: cards of a list each carry their share buttons."""
    end = min(i + 1 + LIST_LOOKAHEAD, last + 1)
    return sum(lines[j].furniture is not None and lines[j].furniture[1] not in INSIDE_ARTICLE
               for j in range(i + 1, end))


def trim_comments(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """End the article before a comment thread: short time-stamp or 'Reply' lines between
    paragraphs, repeated, after the article has begun."""
    prose_seen = 0
    markers: list[int] = []
    prose_since_marker = False
    for i in range(first, last + 1):
        line = lines[i]
        if is_prose(line):
            prose_seen += 1
            prose_since_marker = True
        elif (prose_seen >= 2 and line.words <= 10 and COMMENT_MARKER.search(line.text)
              and (not markers or prose_since_marker)):
            markers.append(i)
            prose_since_marker = False
    if len(markers) >= COMMENT_MARKERS:
        end = markers[0] - 1
        while end > first and not is_prose(lines[end]):
            end -= 1
        return first, end
    return first, last
