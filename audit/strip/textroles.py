"""Roles for the blocks of a text page, decided from the article run and the context.

Order of decisions: furniture patterns (``furniture``), the article run
(``textregion``), the title (a headline-like line before the run, preferably the one
the page's own title line repeats), bylines and date lines, the author box after the
body, then context: a line following a furniture prompt belongs to it, short lines
inside the run are headings when they introduce a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

from audit.strip.textlines import Line, key
from audit.strip.textregion import densest_run, is_prose

Role = tuple[str, str]

_I = re.IGNORECASE
_BYLINE = re.compile(
    r"^(?:(?:written|posted|published|reported|words|text)\s+by|by|von|por|par|oleh|door|"
    r"автор|author|autor|autore)\b\s*[:|]?\s*(?-i:[A-ZÀ-ÞА-Я\u3040-\u9fff])", _I)
# First words a byline can start with (checked before the regex, which is dearer).
_BYLINE_STARTS = ("written", "posted", "published", "reported", "words", "text", "by", "von",
                  "por", "par", "oleh", "door", "автор", "author", "autor")
_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|"
          r"mai|juni|juli|oktober|dezember|janeiro|fevereiro|março|abril|maio|junho|julho|"
          r"agosto|setembro|outubro|novembro|dezembro|gennaio|febbraio|marzo|aprile|maggio|"
          r"giugno|luglio|settembre|ottobre|dicembre|januari|februari|maret|mei|juni|juli|"
          r"agustus|oktober|desember)[a-zé]*\.?")
_DATE = re.compile(
    r"\b" + _MONTH + r"\s*-?\d{1,2}\b|\b\d{1,2}\.?\s+(?:de\s+)?" + _MONTH
    + r"(?:\s+(?:de\s+)?\d{4})?"
    r"|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"
    r"|\d{4}\s*年\s*\d{1,2}\s*月|\b\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|"
    r"августа|сентября|октября|ноября|декабря)", _I)
_DIGIT = re.compile(r"\d")
# The tail browsers show after a headline: ' - The New York Times', ' | WIRED'.
_SITE_SUFFIX = re.compile(r"\s(?:[|–—]|-|::)\s((?:(?! - )[^|–—]){2,60})$")
_SITE_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "da", "di", "der", "la", "le"})
SITE_MAX_WORDS = 6
_LIST_MARKER = re.compile(r"(?:\d{1,3}[.)]|[•·▪►*\-–—])\s")
_NUMBERED = re.compile(r"\d{1,3} of (\d{1,3}) ")
_AUTHOR_BOX = re.compile(
    r"^(?:about the author|about (?:the )?writer|über den autor|sobre o autor|"
    r"l'autore|tentang penulis|об авторе)\b", _I)
_BIO_CUE = re.compile(
    r"\bmy name is\b|\bis an? (?:\w+ ){0,3}(?:writer|journalist|reporter|editor|correspondent|"
    r"author|contributor|columnist|blogger)\b|\beditor[- ]in[- ]chief\b|"
    r"\bé (?:também )?(?:jornalista|escritor|escritora|autor|autora|editor|editora|coordenador)|"
    r"\bist (?:\w+ ){0,2}(?:journalist|journalistin|redakteur|redakteurin|autor|autorin)\b|"
    r"\bè (?:un |una )?(?:giornalista|scrittore|scrittrice|autore|autrice)\b|"
    r"\badalah (?:seorang )?(?:penulis|wartawan|jurnalis)\b", _I)
# "About Carlos Nadalim": an author box heading when it closes the article.
_ABOUT_NAME = re.compile(r"^(?:about|sobre|über|tentang|su)\s+(?-i:[A-Z]\w+(?: [A-Z]\w+){1,3})$",
                         _I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_CONTACT = re.compile(r"^(?:contact|e-?mail|reach)\b", _I)
_PREV_NEXT = frozenset({"prev-next"})
_FOLLOWING = frozenset({"call-to-action", "newsletter", "comments", "access"})
BYLINE_MAX_WORDS = 16
# Bylines and date lines are looked for this many lines before and after the article.
BYLINE_BEFORE = 40
BYLINE_AFTER = 15
HEADING_MAX_WORDS = 20
CAPTION_MAX_WORDS = 45
JOB_TITLE_WORDS = 4
# An 'About <Name>' heading starts the author box only this close to the article's end.
AUTHOR_BOX_FROM_END = 4
AUTHOR_BOX_HEADING_WORDS = 5
LIST_MIN_ITEMS = 3
NO_PROSE_MIN_WORDS = 3
LIST_HEADING_WORDS = 8
# A line that continues a prompt ('Talk to us' -> 'Join us for a 30 min session ...').
PROMPT_MAX_WORDS = 30
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
TITLE_LOOKBACK = 12


def is_byline(line: Line) -> bool:
    """An author or date line: 'By X', 'Posted by X on ...', 'November 19, 2019 / 10:07 AM'."""
    by = line.lower.startswith(_BYLINE_STARTS) and _BYLINE.match(line.text) is not None
    if (by and line.words <= BYLINE_MAX_WORDS + 8
            and (line.words <= 8 or " | " in line.text or _DIGIT.search(line.text))):
        return True  # 'By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated ...'
    if line.words > BYLINE_MAX_WORDS or (line.ends_sentence and line.words > 8):
        return False
    if by:
        return True
    return _DIGIT.search(line.text) is not None and _DATE.search(line.text) is not None


def _title_candidate(line: Line) -> bool:
    return (TITLE_MIN_WORDS <= line.words <= TITLE_MAX_WORDS and line.furniture is None
            and not line.bullet and not line.url and line.separators < 2
            and not line.text.endswith(".") and not is_byline(line))


def find_title(lines: list[Line], first: int) -> int | None:
    """Index of the headline: a headline-like line before the article run.

    Prefer the candidate that the page's first line (often '<headline> - Site') contains;
    then that first line itself when it has a site suffix; otherwise the candidate nearest
    to the article.
    """
    candidates = [i for i in range(first) if _title_candidate(lines[i])]
    if not candidates:
        return None
    page_title = key(lines[0].text)
    echoed = [i for i in candidates if i > 0 and lines[i].lower in page_title]
    if echoed:
        return echoed[-1]
    if candidates[0] == 0 and site_suffix(lines[0].text) is not None:
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


def _author_names(lines: list[Line], roles: list[Role | None]) -> set[str]:
    """Lower-cased names from 'By X' bylines, to recognise the author box later."""
    names = set()
    for line, role in zip(lines, roles):
        if role and role[0] == "byline":
            match = re.match(r"(?i)^by\s+([^\d|,]+?)(?:\s+\w+\s*-?\d|\s*[|,]|$)", line.text)
            if match:
                names.add(match.group(1).strip().lower())
    return names


def _is_author_box_start(line: Line, names: set[str], near_end: bool) -> bool:
    if line.words > AUTHOR_BOX_HEADING_WORDS:
        return False
    if _AUTHOR_BOX.match(line.text):
        return True
    if near_end and line.words <= 5 and _ABOUT_NAME.match(line.text):
        return True
    return line.words <= 5 and key(line.text) in names


def _is_bio_line(line: Line) -> bool:
    return bool(_BIO_CUE.search(line.text) or _EMAIL.search(line.text)
                or _CONTACT.match(line.text) or line.words <= 5)


def _mark_author_box(lines: list[Line], roles: list[Role | None], first: int,
                     last: int) -> int | None:
    """Mark the author box after the body; return where it starts (the body ends there)."""
    names = _author_names(lines, roles)
    for i in range(first + 1, len(lines)):
        near_end = i >= last - AUTHOR_BOX_FROM_END
        if roles[i] is None and _is_author_box_start(lines[i], names, near_end):
            roles[i] = ("author-bio", "author-box")
            j = i + 1
            headed = key(lines[i].text) not in names  # 'About the author', 'About X Y'
            if headed and j < len(lines) and roles[j] is None:
                roles[j] = ("author-bio", "author-box")  # the paragraph under the heading
                j += 1
            while j < len(lines) and j - i <= 6 and _is_bio_line(lines[j]):
                roles[j] = ("author-bio", "author-box")
                j += 1
            return i
    return None


def assign_roles(lines: list[Line]) -> tuple[list[Role], int | None]:
    """(role, reason) for every line, and the index of the title line if any."""
    roles: list[Role | None] = [line.furniture for line in lines]
    run = densest_run(lines)
    if run is None:
        return [r or _without_prose(line) for r, line in zip(roles, lines)], None
    first, last = run
    title = find_title(lines, first)
    if title is not None:
        roles[title] = ("title", "headline-before-body")
    for i in range(max(0, first - BYLINE_BEFORE), min(len(lines), last + BYLINE_AFTER)):
        if roles[i] is None and is_byline(lines[i]) and (
                not is_prose(lines[i]) or _BYLINE.match(lines[i].text)):
            roles[i] = ("byline", "byline")
    _mark_byline_titles(lines, roles)
    box = _mark_author_box(lines, roles, first, last)
    if box is not None and box <= last:
        last = box - 1
    _mark_list_after_body(lines, roles, last)
    _mark_duplicate_titles(lines, roles, title, first, last)
    _mark_gallery_captions(lines, roles)
    _mark_after_prompts(lines, roles, first, last)
    for i in range(len(lines)):
        if roles[i] is None:
            roles[i] = _inside(lines, i, last) if first <= i <= last else _outside(lines, i, first)
    return [r or ("other", "unknown") for r in roles], title


def _list_shape(line: Line) -> str | None:
    """What makes a line a list item: a marker ('1)', '•'), a leading date, or a bare link."""
    if _LIST_MARKER.match(line.text):
        return "marker"
    if line.text[0].isalpha() and _DATE.match(line.text):
        return "date"
    if line.url and line.words <= 4:
        return "link"
    return None


def _mark_list_after_body(lines: list[Line], roles: list[Role | None], last: int) -> None:
    """A list that goes on right after the last paragraph (tour dates, numbered items with
    their links) is part of the article: at least LIST_MIN_ITEMS items of one shape, after
    at most one short heading, none of them furniture or repeated on the page."""
    j = last + 1
    heading = None
    if (j < len(lines) and roles[j] is None and lines[j].words <= LIST_HEADING_WORDS
            and _list_shape(lines[j]) is None and lines[j].repeats == 1):
        heading, j = j, j + 1
    items, shapes = [], set()
    while j < len(lines) and lines[j].furniture is None and lines[j].repeats == 1:
        shape = _list_shape(lines[j])
        if shape is None:
            break
        shapes.add(shape)
        items.append(j)
        j += 1
    if len(items) - sum(lines[i].url for i in items) < LIST_MIN_ITEMS or shapes == {"link"}:
        return
    if heading is not None:
        roles[heading] = ("heading", "list-heading")
    for i in items:
        roles[i] = ("body", "list-after-body")


def _mark_duplicate_titles(lines: list[Line], roles: list[Role | None], title: int | None,
                           first: int, last: int) -> None:
    if title is None:
        return
    headline = key(lines[title].text)
    for i in range(first, last + 1):
        if roles[i] is None and key(lines[i].text) == headline:
            roles[i] = ("duplicate-title", "EXT-HEADLINE-REPEATED")


def _mark_byline_titles(lines: list[Line], roles: list[Role | None]) -> None:
    """The short line under a byline is the author's job title ('Opinion Columnist')."""
    for i in range(1, len(lines)):
        previous = roles[i - 1]
        line = lines[i]
        if (roles[i] is None and previous is not None and previous[1] == "byline"
                and line.words <= JOB_TITLE_WORDS and not line.ends_sentence and not line.url):
            roles[i] = ("byline", "byline-continued")


def _mark_gallery_captions(lines: list[Line], roles: list[Role | None]) -> None:
    """The line after a slideshow counter ('Image 2 of 5') is that picture's caption, and
    captions numbered '1 of 4 ...', '2 of 4 ...' in a row are a slideshow too."""
    numbered = [(i, m.group(1)) for i, line in enumerate(lines)
                if line.text[0].isdigit() and (m := _NUMBERED.match(line.text))]
    totals = Counter(total for _, total in numbered)
    for i, total in numbered:
        if roles[i] is None and totals[total] >= 2:
            roles[i] = ("other", "gallery-caption")
    for i in range(1, len(lines)):
        previous = roles[i - 1]
        if (roles[i] is None and previous is not None and previous[1] == "gallery"
                and lines[i].words <= CAPTION_MAX_WORDS):
            roles[i] = ("other", "gallery-caption")


def _mark_after_prompts(lines: list[Line], roles: list[Role | None], first: int,
                        last: int) -> None:
    """Outside the article, a line right after 'Previous Article', 'Talk to us' ... belongs
    to it."""
    for i in range(1, len(lines)):
        if roles[i] is not None or first <= i <= last:
            continue
        previous = roles[i - 1]
        if previous is None:
            continue
        if previous[1] in _PREV_NEXT:
            roles[i] = ("navigation", "after-prev-next")
        elif (previous[0] in _FOLLOWING and lines[i].words <= PROMPT_MAX_WORDS
              and not (is_prose(lines[i]) and lines[i].ends_sentence)):
            roles[i] = (previous[0], "after-" + previous[0])


def _without_prose(line: Line) -> Role:
    """On a page with no prose at all (a list, notes), keep what is not menu-like."""
    if line.words >= NO_PROSE_MIN_WORDS and line.repeats == 1 and not line.url:
        return ("body", "no-prose-on-page")
    return ("other", "no-article")


def _inside(lines: list[Line], i: int, last: int) -> Role:
    """Role of a line inside the article run that no pattern claimed."""
    line = lines[i]
    if is_prose(line):
        return ("body", "prose")
    following = lines[i + 1] if i < last else None
    if (following is not None and is_prose(following) and line.words <= HEADING_MAX_WORDS
            and not line.text.endswith(".") and line.repeats == 1 and not line.url):
        return ("heading", "short-before-paragraph")
    if line.ends_sentence and line.words >= 3 and line.repeats == 1:
        return ("body", "short-sentence")
    if line.words >= 2 and line.repeats == 1 and _LIST_MARKER.match(line.text):
        return ("body", "list-item")
    return ("other", "short-in-body")


def _outside(lines: list[Line], i: int, first: int) -> Role:
    """Role of a line outside the article run that no pattern claimed."""
    line = lines[i]
    if i == first - 1 and line.words <= 3 and not line.bullet and line.repeats == 1:
        return ("heading", "short-before-body")
    if line.bullet or line.separators >= 2 or line.words <= 3:
        return ("navigation", "menu-like" if i < first else "short-after-body")
    if i > first and not is_prose(line):
        return ("related", "headline-after-body")
    return ("other", "outside-article")
