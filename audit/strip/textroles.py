"""Roles for the blocks of a text page, decided from the article run and the context.

Order of decisions: furniture patterns (``furniture``), the article run
(``textregion``), the title (a headline-like line before the run, preferably the one
the page's own title line repeats), embedded posts (kept: their signature is not a
byline), bylines and date lines, the author box after the
body, then context: a line following a furniture prompt belongs to it, short lines
inside the run are headings when they introduce a paragraph.

Each step reads the feature lists of a ``textlines.Page`` and picks the lines it may
concern with a comprehension over them, so that its dearer tests (the byline, date and
author-box patterns) run on a few lines rather than on every line of the page.
"""

from __future__ import annotations

import re
from collections import Counter

from audit import bylines, lang
from audit.metadata import MONTH_NAMES
from audit.model import Role
from audit.strip.textlines import Page, key
from audit.strip.textregion import densest_run, score_blocks

Verdict = tuple[Role, str]  # a role and the reason for it

_I = re.IGNORECASE
_BYLINE = bylines.BYLINE
# First words a byline can start with (checked before the regex, which is dearer).
_BYLINE_STARTS = bylines.STARTS
_MONTH_NAMES = MONTH_NAMES  # the month names of audit.metadata, the one list


def _by_first_letter(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` grouped by first letter, '(?:j(?:an|un)|f(?:eb))': the
    same language, but the regex engine tries one group at each word instead of every word
    (the date pattern is searched at every word boundary of a line)."""
    groups: dict[str, list[str]] = {}
    for word in dict.fromkeys(words):
        groups.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{first}(?:{'|'.join(rests)})"
                            for first, rests in groups.items()) + ")"


_MONTH = _by_first_letter(_MONTH_NAMES) + r"[a-zé]*\.?"
# A date: a month name and a day, or one of the forms that start with a digit
# ('\d(?<!\w\d)' is '\b\d').
_DATE_BY_MONTH = r"\b" + _MONTH + r"\s*-?\d{1,2}\b"
_DATE_BY_DIGIT = (
    r"\d(?:(?<!\w\d)(?:\d?\.?\s+(?:de\s+)?" + _MONTH + r"(?:\s+(?:de\s+)?\d{4})?"
    r"|\d{3}[-/.]\d{1,2}[-/.]\d{1,2}\b|\d?[-/.]\d{1,2}[-/.]\d{2,4}\b)"
    r"|\d{3}\s*年\s*\d{1,2}\s*月)")
_DATE = re.compile(_DATE_BY_MONTH + "|" + _DATE_BY_DIGIT, _I)
_DIGIT = re.compile(r"\d")
# The tail browsers show after a headline: ' - The New York Times', ' | WIRED'.
_SITE_SUFFIX = re.compile(r"\s(?:[|–—]|-|::)\s((?:(?! - )[^|–—]){2,60})$")
_SITE_SMALL_WORDS = frozenset(lang.every("SITE_SMALL_WORDS"))
SITE_MAX_WORDS = 6
_LIST_MARKER = re.compile(r"(?:\d{1,3}[.)]|[•·▪►*\-–—])\s")
_NUMBERED = re.compile(r"\d{1,3} of (\d{1,3}) ")
# An author box's heading, and what a biography says of its author, in every language
# (audit/lang: ABOUT_AUTHOR, BIO_CUES).
_AUTHOR_BOX = re.compile(r"^(?:" + lang.alternation("ABOUT_AUTHOR") + r")\b", _I)
_BIO_CUE = re.compile(lang.alternation("BIO_CUES"), _I)
# "About Carlos Nadalim": an author box heading when it closes the article.
_ABOUT_NAME = re.compile(
    r"^(?:" + lang.alternation("ABOUT") + r")\s+(?-i:[A-Z]\w+(?: [A-Z]\w+){1,3})$", _I)
# "By Jane Doe | May 5": the name after a language's byline word (audit.bylines).
_BYLINE_NAME = re.compile(r"(?i)^(?:" + "|".join(bylines.BY_WORDS) + r")\s+([^\d|,]+?)"
                          r"(?:\s+\w+\s*-?\d|\s*[|,]|$)")
# The signature under an embedded post: "— Jane Doe (@janedoe) November 18, 2019".
_POST_SIGNATURE = re.compile(r"^[—–]\s?[^()\n]{1,80}\(@\w{1,30}\)\s+\S.{0,30}$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# A name opening a paragraph, and its handle: "Jane Doe (@janedoe) ".
_NAME_START = re.compile(r"[A-Z][\w'’.-]{0,30}(?: [A-Z][\w'’.-]{0,30}){0,3}(?: \(@\w{1,30}\))? ")
_CONTACT = re.compile(r"^(?:contact|e-?mail|reach)\b", _I)
_PREV_NEXT = frozenset({"prev-next"})
_FOLLOWING = frozenset({Role.CALL_TO_ACTION, Role.NEWSLETTER, Role.COMMENTS, Role.ACCESS})
BYLINE_MAX_WORDS = 16
# 'By X | <date>' may have this many words.
BYLINE_DATED_MAX_WORDS = BYLINE_MAX_WORDS + 8
# Bylines and date lines are looked for this many lines before and after the article.
BYLINE_BEFORE = 40
BYLINE_AFTER = 15
HEADING_MAX_WORDS = 20
CAPTION_MAX_WORDS = 45
JOB_TITLE_WORDS = 4
# An 'About <Name>' heading starts the author box only this close to the article's end.
AUTHOR_BOX_FROM_END = 4
AUTHOR_BOX_HEADING_WORDS = 5
# An author's biography in a paragraph of its own is looked for among the article's last
# paragraphs: this many may follow it.
BIO_PROSE_AFTER = 2
LIST_MIN_ITEMS = 3
NO_PROSE_MIN_WORDS = 3
LIST_HEADING_WORDS = 8
# A line that continues a prompt ('Talk to us' -> 'Join us for a 30 min session ...').
PROMPT_MAX_WORDS = 30
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
TITLE_LOOKBACK = 12
# An embedded post: its signature may come this many lines after the article's last
# paragraph, and its text take this many lines above the signature.
POST_AFTER = 2
POST_MAX_LINES = 3
POST_MAX_WORDS = 70
_PROSE: Verdict = (Role.BODY, "prose")
_HEADING_BEFORE_BODY: Verdict = (Role.HEADING, "short-before-body")
_MENU_LIKE: Verdict = (Role.NAVIGATION, "menu-like")
_SHORT_AFTER_BODY: Verdict = (Role.NAVIGATION, "short-after-body")
_RELATED: Verdict = (Role.RELATED, "headline-after-body")
_OUTSIDE_ARTICLE: Verdict = (Role.OTHER, "outside-article")
_EMBEDDED_POST: Verdict = (Role.BODY, "embedded-post")


def is_byline(page: Page, i: int) -> bool:
    """An author or date line: 'By X', 'Posted by X on ...', 'November 19, 2019 / 10:07 AM'."""
    text, words = page.texts[i], page.words[i]
    if words > BYLINE_DATED_MAX_WORDS:
        return False
    by = page.lowers[i].startswith(_BYLINE_STARTS) and _BYLINE.match(text) is not None
    if by and (words <= 8 or " | " in text or _DIGIT.search(text)):
        return True  # 'By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated ...'
    if words > BYLINE_MAX_WORDS or (page.ends[i] and words > 8):
        return False
    if by:
        return True
    return _DATE.search(text) is not None


def _byline_candidates(page: Page, roles: list[Verdict | None], start: int, end: int) -> list[int]:
    """The unclaimed lines of page[start:end] that ``is_byline`` may accept: those starting
    with a byline word, and short lines with a digit that are not long sentences (a date
    line)."""
    return [i for i, (role, words, ends, lower, text) in enumerate(zip(
                roles[start:end], page.words[start:end], page.ends[start:end],
                page.lowers[start:end], page.texts[start:end]), start)
            if role is None and words <= BYLINE_DATED_MAX_WORDS
            and (lower.startswith(_BYLINE_STARTS)
                 or (words <= BYLINE_MAX_WORDS and not (ends and words > 8)
                     and _DIGIT.search(text) is not None))]


def _title_candidates(page: Page, first: int) -> list[int]:
    """Headline-like lines before line ``first``: a few words, not furniture, a list item,
    a link, a menu, a sentence or a byline."""
    shaped = [i for i, (words, found, bullet, url, separators, text) in enumerate(zip(
                  page.words[:first], page.furniture, page.bullets, page.urls, page.separators,
                  page.texts))
              if TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS and found is None and not bullet
              and not url and separators < 2 and not text.endswith(".")]
    return [i for i in shaped if not is_byline(page, i)]


def find_title(page: Page, first: int) -> int | None:
    """Index of the headline: a headline-like line before the article run.

    Prefer the candidate that the page's first line (often '<headline> - Site') contains;
    then that first line itself when it has a site suffix; otherwise the candidate nearest
    to the article.
    """
    candidates = _title_candidates(page, first)
    if not candidates:
        return None
    page_title = key(page.texts[0])
    echoed = [i for i in candidates if i > 0 and page.lowers[i] in page_title]
    if echoed:
        return echoed[-1]
    if candidates[0] == 0 and site_suffix(page.texts[0]) is not None:
        return 0
    near = [i for i in candidates if first - i <= TITLE_LOOKBACK]
    return near[-1] if near else None


def site_suffix(title: str) -> str | None:
    """'Headline - Site' -> 'Headline' (None when the line has no ' - Site' / ' | Site' tail)."""
    split = split_site(title)
    return split[0] if split else None


def split_site(title: str) -> tuple[str, str] | None:
    """('Headline', 'Site') for 'Headline - Site', when the tail looks like a site name:
    at most SITE_MAX_WORDS capitalised words, or a domain ('Sportsnet.ca')."""
    match = _SITE_SUFFIX.search(title)
    if not match or match.start() == 0:
        return None
    site = match.group(1).strip()
    words = site.split()
    if len(words) > SITE_MAX_WORDS:
        return None
    if "." not in site and not all(w[0].isupper() or not w[0].isalpha() for w in words
                                   if w.lower() not in _SITE_SMALL_WORDS):
        return None
    return title[:match.start()].strip(), site


def _author_names(page: Page, bylines: list[int]) -> set[str]:
    """Lower-cased names from 'By X' bylines, to recognise the author box later."""
    names = set()
    for i in bylines:
        match = _BYLINE_NAME.match(page.texts[i])
        if match:
            names.add(match.group(1).strip().lower())
    return names


def _is_author_box_start(page: Page, i: int, names: set[str], near_end: bool) -> bool:
    text, words = page.texts[i], page.words[i]
    if words > AUTHOR_BOX_HEADING_WORDS:
        return False
    if _AUTHOR_BOX.match(text):
        return True
    if near_end and words <= 5 and _ABOUT_NAME.match(text):
        return True
    return words <= 5 and bool(names) and key(text) in names


def _is_bio_line(page: Page, i: int) -> bool:
    text = page.texts[i]
    return bool(_BIO_CUE.search(text) or _EMAIL.search(text) or _CONTACT.match(text)
                or page.words[i] <= 5)


def _bio_sentence(page: Page, roles: list[Verdict | None], first: int, last: int) -> int | None:
    """A paragraph at the article's end that introduces its author ('Jane Doe (@janedoe)
    is a staff writer at ...'): a name, then a biography's cue (``BIO_CUES``), with at most
    BIO_PROSE_AFTER paragraphs after it in the article (the site's own blurb)."""
    prose_after = 0
    for i in range(last, first, -1):
        if page.prose[i]:
            if (roles[i] is None and page.texts[i][0].isupper()
                    and (name := _NAME_START.match(page.texts[i])) is not None
                    and _BIO_CUE.match(page.texts[i], name.end())):
                return i
            prose_after += 1
            if prose_after > BIO_PROSE_AFTER:
                return None
    return None


def _mark_author_box(page: Page, roles: list[Verdict | None], bylines: list[int], first: int,
                     last: int) -> int | None:
    """Mark the author box after the body; return where it starts (the body ends there).
    ``bylines`` are the lines with the byline role."""
    names = _author_names(page, bylines)
    # The lines that may start it: short and unclaimed, a heading or an author's name.
    starts = [i for i, (text, words, role) in enumerate(zip(
                  page.texts[first + 1:], page.words[first + 1:], roles[first + 1:]), first + 1)
              if words <= AUTHOR_BOX_HEADING_WORDS and role is None
              and (names or _AUTHOR_BOX.match(text) or _ABOUT_NAME.match(text))]
    bio = _bio_sentence(page, roles, first, last)
    if bio is not None:
        starts = [i for i in starts if i < bio] + [bio]
    for i in starts:
        near_end = i >= last - AUTHOR_BOX_FROM_END
        if i == bio or _is_author_box_start(page, i, names, near_end):
            roles[i] = (Role.AUTHOR_BIO, "author-box" if i != bio else "author-bio-sentence")
            j = i + 1
            # 'About the author', 'About X Y' head a paragraph; a name or a bio does not
            headed = i != bio and key(page.texts[i]) not in names
            if headed and j < len(page) and roles[j] is None:
                roles[j] = (Role.AUTHOR_BIO, "author-box")  # the paragraph under the heading
                j += 1
            while j < len(page) and j - i <= 6 and _is_bio_line(page, j):
                roles[j] = (Role.AUTHOR_BIO, "author-box")
                j += 1
            return i
    return None


def assign_roles(page: Page) -> tuple[list[Verdict], int | None]:
    """(role, reason) for every line, and the index of the title line if any."""
    score_blocks(page)
    roles: list[Verdict | None] = list(page.furniture)
    run = densest_run(page)
    if run is None:
        return [r or _without_prose(page, i) for i, r in enumerate(roles)], None
    first, last = run
    title = find_title(page, first)
    if title is not None:
        roles[title] = (Role.TITLE, "headline-before-body")
    last = _mark_embedded_posts(page, roles, first, last)
    bylines = [i for i in _byline_candidates(page, roles, max(0, first - BYLINE_BEFORE),
                                             min(len(page), last + BYLINE_AFTER))
               if is_byline(page, i) and (not page.prose[i] or _BYLINE.match(page.texts[i]))]
    for i in bylines:
        roles[i] = (Role.BYLINE, "byline")
    bylines = sorted(bylines + _mark_byline_titles(page, roles, bylines))
    box = _mark_author_box(page, roles, bylines, first, last)
    if box is not None and box <= last:
        last = box - 1
    _mark_list_after_body(page, roles, last)
    _mark_duplicate_titles(page, roles, title, first, last)
    # Only furniture lines have the roles that the next steps look for above a line.
    furniture = [i for i, found in enumerate(page.furniture) if found is not None]
    _mark_gallery_captions(page, roles, furniture)
    _mark_after_prompts(page, roles, furniture, first, last)
    prose = page.prose
    for i in range(first, last + 1):
        if roles[i] is None:
            roles[i] = _PROSE if prose[i] else _inside(page, i, last)
    return _with_outside_roles(page, roles, first), title


def _mark_embedded_posts(page: Page, roles: list[Verdict | None], first: int, last: int) -> int:
    """An embedded social-media post inside the article (or right after its last
    paragraph) is quoted material: its signature ('— Name (@handle) date'), which would
    otherwise read as a byline, and its text, the few unclaimed lines above it, are body.
    Returns the article's last line (moved down to a post that ends the article)."""
    end = min(len(page), last + 1 + POST_AFTER)
    if "(@" not in "\n".join(page.texts[first:end]):
        return last
    for i in range(first + 1, end):
        text = page.texts[i]
        if (roles[i] is not None or text[0] not in "—–" or "(@" not in text
                or not _POST_SIGNATURE.match(text) or not _DATE.search(text)):
            continue
        roles[i] = _EMBEDDED_POST
        j = i - 1
        while (j > first and i - j <= POST_MAX_LINES and roles[j] is None
               and not page.prose[j] and page.words[j] <= POST_MAX_WORDS
               and page.repeats[j] == 1):
            roles[j] = _EMBEDDED_POST
            j -= 1
        last = max(last, i)
    return last


def _list_shape(page: Page, i: int) -> str | None:
    """What makes a line a list item: a marker ('1)', '•'), a leading date, or a bare link."""
    text = page.texts[i]
    if _LIST_MARKER.match(text):
        return "marker"
    if text[0].isalpha() and _DATE.match(text):
        return "date"
    if page.urls[i] and page.words[i] <= 4:
        return "link"
    return None


def _mark_list_after_body(page: Page, roles: list[Verdict | None], last: int) -> None:
    """A list that goes on right after the last paragraph (tour dates, numbered items with
    their links) is part of the article: at least LIST_MIN_ITEMS items of one shape, after
    at most one short heading, none of them furniture or repeated on the page."""
    j = last + 1
    heading = None
    if (j < len(page) and roles[j] is None and page.words[j] <= LIST_HEADING_WORDS
            and _list_shape(page, j) is None and page.repeats[j] == 1):
        heading, j = j, j + 1
    items, shapes = [], set()
    while j < len(page) and page.furniture[j] is None and page.repeats[j] == 1:
        shape = _list_shape(page, j)
        if shape is None:
            break
        shapes.add(shape)
        items.append(j)
        j += 1
    if len(items) - sum(page.urls[i] for i in items) < LIST_MIN_ITEMS or shapes == {"link"}:
        return
    if heading is not None:
        roles[heading] = (Role.HEADING, "list-heading")
    for i in items:
        roles[i] = (Role.BODY, "list-after-body")


def _mark_duplicate_titles(page: Page, roles: list[Verdict | None], title: int | None,
                           first: int, last: int) -> None:
    if title is None:
        return
    headline = key(page.texts[title])
    # A repeat contains the headline's first word: only those lines need their key.
    word = headline.split(" ", 1)[0]
    for i, (lower, role) in enumerate(zip(page.lowers[first:last + 1], roles[first:last + 1]),
                                      first):
        if role is None and word in lower and key(page.texts[i]) == headline:
            roles[i] = (Role.DUPLICATE_TITLE, "EXT-HEADLINE-REPEATED")


def _mark_byline_titles(page: Page, roles: list[Verdict | None], bylines: list[int]) -> list[int]:
    """The short line under a byline is the author's job title ('Opinion Columnist').
    Returns the lines marked."""
    marked = []
    for i in [i + 1 for i in bylines if i + 1 < len(page)]:
        if (roles[i] is None and page.words[i] <= JOB_TITLE_WORDS and not page.ends[i]
                and not page.urls[i]):
            roles[i] = (Role.BYLINE, "byline-continued")
            marked.append(i)
    return marked


def _mark_gallery_captions(page: Page, roles: list[Verdict | None], furniture: list[int]) -> None:
    """The line after a slideshow counter ('Image 2 of 5') is that picture's caption, and
    captions numbered '1 of 4 ...', '2 of 4 ...' in a row are a slideshow too. The
    counters are among the ``furniture`` lines."""
    numbered = [(i, m.group(1)) for i, text in enumerate(page.texts)
                if text[0].isdigit() and (m := _NUMBERED.match(text))]
    totals = Counter(total for _, total in numbered)
    for i, total in numbered:
        if roles[i] is None and totals[total] >= 2:
            roles[i] = (Role.OTHER, "gallery-caption")
    after = [i + 1 for i in furniture
             if i + 1 < len(page) and roles[i] is not None and roles[i][1] == "gallery"]
    for i in after:
        if roles[i] is None and page.words[i] <= CAPTION_MAX_WORDS:
            roles[i] = (Role.OTHER, "gallery-caption")


def _mark_after_prompts(page: Page, roles: list[Verdict | None], furniture: list[int],
                        first: int, last: int) -> None:
    """Outside the article, a line right after 'Previous Article', 'Talk to us' ... belongs
    to it (and the line after that one, while they go on). The prompts are among the
    ``furniture`` lines."""
    for start in [i + 1 for i in furniture if roles[i] is not None]:
        i, previous = start, roles[start - 1]
        while (previous is not None and i < len(page) and roles[i] is None
               and not first <= i <= last):
            if previous[1] in _PREV_NEXT:
                previous = (Role.NAVIGATION, "after-prev-next")
            elif (previous[0] in _FOLLOWING and page.words[i] <= PROMPT_MAX_WORDS
                  and not (page.prose[i] and page.ends[i])):
                previous = (previous[0], "after-" + previous[0])
            else:
                break
            roles[i] = previous
            i += 1


def _without_prose(page: Page, i: int) -> Verdict:
    """On a page with no prose at all (a list, notes), keep what is not menu-like."""
    if page.words[i] >= NO_PROSE_MIN_WORDS and page.repeats[i] == 1 and not page.urls[i]:
        return (Role.BODY, "no-prose-on-page")
    return (Role.OTHER, "no-article")


def _inside(page: Page, i: int, last: int) -> Verdict:
    """Role of a line inside the article run that no pattern claimed and is not prose."""
    text, words, repeats = page.texts[i], page.words[i], page.repeats[i]
    following = i + 1 if i < last else None
    if (following is not None and page.prose[following] and words <= HEADING_MAX_WORDS
            and not text.endswith(".") and repeats == 1 and not page.urls[i]):
        return (Role.HEADING, "short-before-paragraph")
    if page.ends[i] and words >= 3 and repeats == 1:
        return (Role.BODY, "short-sentence")
    if words >= 2 and repeats == 1 and _LIST_MARKER.match(text):
        return (Role.BODY, "list-item")
    return (Role.OTHER, "short-in-body")


def _with_outside_roles(page: Page, roles: list[Verdict | None], first: int) -> list[Verdict]:
    """``roles`` with a role for each line outside the article run that none claimed: a
    short line right before the run is its heading, a menu-like line (a bullet,
    separators, a few words) navigation, a line after the run that is not prose a related
    headline."""
    return [
        role if role is not None
        else _HEADING_BEFORE_BODY if i == first - 1 and words <= 3 and not bullet and repeats == 1
        else (_MENU_LIKE if i < first else _SHORT_AFTER_BODY)
        if bullet or separators >= 2 or words <= 3
        else _RELATED if i > first and not prose
        else _OUTSIDE_ARTICLE
        for i, (role, words, bullet, separators, repeats, prose) in enumerate(zip(
            roles, page.words, page.bullets, page.separators, page.repeats, page.prose))]
