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

from audit import lang
from audit.model import Role
from audit.strip.textlines import Page, key

# A prose line scores (words - PROSE_OFFSET): 20-word teasers stay near zero.
PROSE_OFFSET = 20
# A line that ends like a sentence scores (words - SENTENCE_OFFSET).
SENTENCE_OFFSET = 8
# Prose has a punctuation mark at least every this many words.
PUNCTUATION_EVERY = 25
PROSE_CAP = 150
CONTINUATION_MARKS = frozenset(",、，")
PROSE_MIN_WORDS = 18
# A line with a URL is prose only from this many words (a bare link is not).
URL_PROSE_WORDS = 40
SHORT_SENTENCE_WORDS = 7
PENALTY_SHORT = 4
PENALTY_REPEATED = 8
PENALTY_MENU = 8
PENALTY_FURNITURE = 20
# Furniture that sits inside articles (pictures, their credits, ads) costs no more than
# any short line: it does not mean the article has ended.
INSIDE_ARTICLE = frozenset({"caption", "gallery", "advertisement", "photo-credit",
                            "caption-credit", "credited-caption"})
# A title echo must be followed by its run within this many lines, and the run must
# reach this share of the page's best run.
ECHO_GAP = 12
ECHO_SHARE = 0.1
ECHO_MIN_WORDS = 4
ECHO_MAX_WORDS = 40
# Only the first few echoes are tried (each costs a pass over the rest of the page).
MAX_ECHOES = 5
# Furniture headings after which a list, not the article, follows.
LIST_HEADINGS = frozenset({Role.RELATED, Role.COMMENTS, Role.NEWSLETTER})
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
    r"\b\d{1,2}:\d{2}\s*(?:am|pm)\b|^(?:" + lang.alternation("REPLY_WORDS") + r")\b|"
    r"\b(?:" + lang.alternation("COMMENTER_SAID") + r")\s*:\s*$", re.IGNORECASE)


def score_blocks(page: Page) -> None:
    """Fill ``page.prose`` (the block reads like article text: long, or a complete sentence
    of some length) and ``page.scores`` (its contribution to the article run: see the
    module docstring), one comprehension each over the whole page."""
    # (A line ending with a comma is a sentence broken off: it goes on on the next line.)
    page.prose = prose = [
        (words >= PROSE_MIN_WORDS
         or (words >= SHORT_SENTENCE_WORDS and (ends or text[-1] in CONTINUATION_MARKS)))
        and not (url and words < URL_PROSE_WORDS)
        for text, words, ends, url in zip(page.texts, page.words, page.ends, page.urls)]
    page.scores = [
        (-PENALTY_SHORT if furniture[1] in INSIDE_ARTICLE else -PENALTY_FURNITURE)
        if furniture is not None
        else -PENALTY_REPEATED if repeats > 1
        else -PENALTY_MENU if separators >= 2
        else -PENALTY_SHORT if not is_prose
        else _prose_score(page, i)
        for i, (furniture, repeats, separators, is_prose) in enumerate(
            zip(page.furniture, page.repeats, page.separators, prose))]


def _prose_score(page: Page, i: int) -> int:
    words = min(page.words[i], PROSE_CAP)
    if page.ends[i] or page.texts[i][-1] in CONTINUATION_MARKS:
        return words - SENTENCE_OFFSET
    if page.punctuation(i) * PUNCTUATION_EVERY < page.words[i]:
        return -PENALTY_SHORT  # a long list of names or dates, not prose
    return words - PROSE_OFFSET


def _best_run(scores: list[int], start: int) -> tuple[float, tuple[int, int] | None]:
    """Maximum-subarray over scores[start:]: (total, (first, last)) or (0, None)."""
    best, best_span = 0.0, None
    total, begin = 0.0, start
    for i in range(start, len(scores)):
        if total <= 0:
            total, begin = 0.0, i
        total += scores[i]
        if total > best:
            best, best_span = total, (begin, i)
    return best, best_span


def _run_after(scores: list[int], echo: int) -> tuple[float, tuple[int, int] | None]:
    """The best run that starts within ECHO_GAP lines after a title echo."""
    start = echo + 1
    while start < len(scores) and start - echo <= ECHO_GAP and scores[start] <= 0:
        start += 1
    if start >= len(scores) or start - echo > ECHO_GAP:
        return 0.0, None
    best, best_end, total = 0.0, None, 0.0
    for i in range(start, len(scores)):
        total += scores[i]
        if total > best:
            best, best_end = total, i
    return (best, (start, best_end)) if best_end is not None else (0.0, None)


def title_echoes(page: Page) -> list[int]:
    """Lines that repeat the page's own title line (line 1 is often '<headline> - Site')."""
    if not page.texts:
        return []
    page_title = key(page.texts[0])
    return [i for i, (words, lower) in enumerate(zip(page.words, page.lowers))
            if i and ECHO_MIN_WORDS <= words <= ECHO_MAX_WORDS and lower in page_title]


def densest_run(page: Page) -> tuple[int, int] | None:
    """(first, last) index of the article: the run of lines with the largest total score.

    When the page repeats its title line further down, the article usually follows
    that headline: a run starting right after an echo wins over a bigger run elsewhere
    (a long teaser list) unless it is tiny in comparison. ``score_blocks`` must have
    scored the page.
    """
    scores = page.scores
    best, span = _best_run(scores, 0)
    anchored = []
    for echo in title_echoes(page)[:MAX_ECHOES]:
        if (span is not None and span[0] <= echo
                and key(page.texts[echo]) == key(page.texts[0])):
            continue  # line 1 is the headline itself, repeated inside the article
        total, run = _run_after(scores, echo)
        if run is not None and run[0] - echo <= ECHO_GAP and total >= ECHO_SHARE * best:
            anchored.append((total, run))
    if anchored:
        span = max(anchored)[1]
    if span is not None:
        return trim_comments(page, *trim_at_lists(page, *bridge(page, *span)))
    if any(page.prose):
        return page.prose.index(True), len(page.prose) - 1 - page.prose[::-1].index(True)
    return None


def bridge(page: Page, first: int, last: int) -> tuple[int, int]:
    """Carry the article's end over one or two short lines (a repeated headline, a
    caption) when a complete sentence follows; the run's arithmetic alone would stop."""
    while True:
        for j in range(last + 1, min(last + 1 + BRIDGE_LINES, len(page))):
            if page.furniture[j] is not None:
                return first, last
            if page.prose[j] and page.ends[j] and page.repeats[j] == 1:
                last = j
                break
        else:
            return first, last


def trim_at_lists(page: Page, first: int, last: int) -> tuple[int, int]:
    """End the article at a 'Related' / 'Comments' / newsletter heading that introduces a
    list: fewer than LIST_MIN_PARAGRAPHS of the next LIST_LOOKAHEAD lines score as article
    text, or LIST_CARD_FURNITURE of them are furniture (cards with share buttons). An
    inline 'Related: headline' followed by more paragraphs does not end it."""
    headings = [i for i in range(first, last + 1)
                if page.furniture[i] and page.furniture[i][0] in LIST_HEADINGS]
    before, counted = 0, first
    for i in headings:  # usually none
        before += sum(page.scores[counted:i])  # the score of the article above the heading
        counted = i
        if (before >= LIST_MIN_BEFORE
                and (_paragraphs_after(page, i, last) < LIST_MIN_PARAGRAPHS
                     or _furniture_after(page, i, last) >= LIST_CARD_FURNITURE)):
            end = i - 1
            while end > first and not page.prose[end]:
                end -= 1
            return first, end
    return first, last


def _paragraphs_after(page: Page, i: int, last: int) -> int:
    end = min(i + 1 + LIST_LOOKAHEAD, last + 1)
    return sum(score > 0 for score in page.scores[i + 1:end])


def _furniture_after(page: Page, i: int, last: int) -> int:
    """Furniture among the next lines: cards of a list each carry their share buttons."""
    end = min(i + 1 + LIST_LOOKAHEAD, last + 1)
    return sum(found is not None and found[1] not in INSIDE_ARTICLE
               for found in page.furniture[i + 1:end])


def trim_comments(page: Page, first: int, last: int) -> tuple[int, int]:
    """End the article before a comment thread: short time-stamp or 'Reply' lines between
    paragraphs, repeated, after the article has begun."""
    prose_seen = 0
    markers: list[int] = []
    prose_since_marker = False
    for i in range(first, last + 1):
        if page.prose[i]:
            prose_seen += 1
            prose_since_marker = True
        elif (prose_seen >= 2 and page.words[i] <= 10 and COMMENT_MARKER.search(page.texts[i])
              and (not markers or prose_since_marker)):
            markers.append(i)
            prose_since_marker = False
    if len(markers) >= COMMENT_MARKERS:
        end = markers[0] - 1
        while end > first and not page.prose[end]:
            end -= 1
        return first, end
    return first, last
