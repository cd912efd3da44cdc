"""Sentence boundaries in news text.

``split_sentences(text)`` returns (start, end) spans into ``text``: trimmed of surrounding
whitespace and of list markers (bullets, ``-``, ``1.``), ending after the closing
punctuation and any closing quotes or brackets (``."`` ``.”`` ``?)``).

Why not split at every full stop: news text is full of full stops that end nothing --
titles (``Dr.``, ``Sen.``, ``Gov.``), dates (``Nov. 18``), company names (``Corp.``,
``Inc.``), initialisms (``U.S.``, ``a.m.``), decimals and money (``$4.7 billion``). A naive
splitter finds too many, too short sentences, and every per-sentence average (so every
readability grade) comes out too low. The rules, in order:

1. A newline always ends a sentence (so a heading, its own paragraph, is its own
   sentence); so does a bullet (``•``), which also starts a new one.
2. A candidate end is ``.``, ``!``, ``?`` or an ellipsis, with any closing quotes or
   brackets, followed by whitespace. It is no end when the next word starts lowercase.
3. After ``!``, ``?``, an ellipsis or a quote closed after the stop: an end.
4. After a title that always precedes a name (``Mr.``, ``Dr.``, ``Gen.``), or after
   ``e.g.``/``i.e.``/``vs.``: never an end.
5. After ``No.``, ``Vol.`` or a month (``Jan.``): no end before a number.
6. After an abbreviation that can also close a sentence (``Inc.``, ``Corp.``, ``Jr.``,
   ``St.``, state abbreviations, initialisms such as ``U.S.``, ``p.m.``, single initials):
   an end only when the context says so -- the next word is a common sentence opener
   (``The``, ``He``, ``But`` ...) or opens a quotation.
7. After any other word or number: an end.

Short sentences ("Yes." "No way.") are sentences: nothing is dropped for being short.
"""

from __future__ import annotations

import re

from audit import lang

# Bullets end a sentence and start the next one, like a newline.
_BULLETS = "•●▪◦‣"
_SEGMENT = re.compile(f"[^\\n{_BULLETS}]+")
_HAS_BULLET = re.compile(f"[{_BULLETS}]")
# List markers at the start of a line or bullet item: not part of the sentence.
_MARKER = re.compile(r"\s*(?:[-*–—]|\d{1,2}[.)])\s+")
_MAY_START_MARKER = frozenset(" \t\xa0-*–—0123456789")
# What ends a sentence, the one definition the strippers read too: a terminal mark (the
# full-width ones of scripts written without spaces end a block, not a sentence here, as
# they need no space after them), with any closing quotes or brackets after it.
END_MARKS = ".!?…"
FULL_WIDTH_END_MARKS = "。！？"
CLOSING_MARKS = "\"'”’)]»"
# Terminal punctuation with any closing quotes or brackets, and the whitespace after it.
# (Written without a leading "+" loop: that form is several times slower in ``re``.)
_CANDIDATE = re.compile(f"[{END_MARKS}][{re.escape(END_MARKS + CLOSING_MARKS)}]*\\s+")
_WORD_END = re.compile(r"\S*")
_OPENERS = "\"'“‘([«"
_INITIALISM = re.compile(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}|[A-Z]")

# Titles before a name, and Latin abbreviations that introduce something: never an end.
NEVER_END = frozenset((
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Drs", "Prof", "Profs", "Sen", "Sens", "Rep",
    "Reps", "Gov", "Govs", "Gen", "Adm", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cmdt", "Sgt",
    "Cpl", "Pvt", "Brig", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Atty", "Amb", "Fr",
    "Sra", "Mme", "Mlle", "e.g", "i.e", "cf", "vs", "viz", "approx", "Approx", "ca",
))
# Month abbreviations ("Nov. 18"): the English month spellings of audit/lang/en.py but the
# full name, which each month lists last.
MONTHS = frozenset(name.capitalize() for spellings in lang.MONTHS["en"]
                   for name in spellings.split()[:-1])
# Abbreviations that precede a number: ``No. 5``, ``Vol. 3``, ``Nov. 18``.
BEFORE_NUMBER = frozenset((
    "No", "Nos", "no", "nos", "Vol", "Vols", "vol", "Art", "Fig", "fig", "Figs", "pp", "Ch",
    "ch", "Sec", "sec",
)) | MONTHS
# Abbreviations that may close a sentence: an end only when the next word opens one.
MAY_END = frozenset((
    "Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "plc", "LLC", "Bros", "Jr", "Sr", "St", "Ste",
    "Ave", "Blvd", "Rd", "Hwy", "Mt", "Ft", "Dept", "Univ", "Assn", "Intl", "Natl", "Govt",
    "etc", "al", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
    "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont",
    "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo",
))
# Words that often open a sentence in news text (after an ambiguous abbreviation, they
# tell that a new sentence has begun: "... in the U.S. The company said ...").
STARTERS = frozenset((
    "A", "An", "The", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He",
    "She", "His", "Her", "Him", "They", "Their", "Them", "We", "Our", "Us", "I", "My",
    "You", "Your", "Who", "What", "When", "Where", "Why", "How", "Which", "Whose",
    "Whether", "If", "As", "At", "By", "For", "From", "In", "On", "Of", "To", "With",
    "Without", "After", "Before", "During", "Since", "Until", "While", "Although", "Though",
    "Because", "But", "And", "Or", "So", "Yet", "Nor", "Still", "Also", "However",
    "Meanwhile", "Moreover", "Instead", "Then", "Now", "Today", "Yesterday", "Tomorrow",
    "Last", "Next", "Earlier", "Later", "Some", "Many", "Most", "Much", "More", "Few",
    "Several", "All", "Both", "Each", "Every", "Other", "Another", "Such", "No", "Not",
    "None", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Officials", "Police", "Authorities", "Experts", "Critics", "Analysts", "Residents",
    "People", "Its", "Is", "Are", "Was", "Were", "Will", "Would", "Can", "Could", "Should",
    "May", "Might", "Must", "Do", "Does", "Did", "Has", "Have", "Had", "According",
    "Despite", "Under", "Over", "Among", "Between", "Even", "Only", "Just", "Yes", "Asked",
    "Speaking", "Overall", "Separately",
))


def whitespace_words(text: str) -> int:
    """The words of a short piece of text (a span, a block, a label) as the thresholds of the
    strip and sourcing stages count them: its whitespace-separated pieces. The one place this
    measure is written (audit.sourcing.text.word_count, the strippers and the metadata and
    provenance readers, for a name's or an author box's words, read it); the
    article's word count (audit.article.count_words, readability's tokens) is the other,
    kept apart because the thresholds were set with this one."""
    return len(text.split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, in order, none empty."""
    spans: list[tuple[int, int]] = []
    for start, end in _segments(text):
        if text[start] in _MAY_START_MARKER:
            marker = _MARKER.match(text, start, end)
            if marker:
                start = marker.end()
        _split_segment(text, start, end, spans)
    return spans


def _segments(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, or bullet item when there are bullets."""
    if _HAS_BULLET.search(text):
        return [m.span() for m in _SEGMENT.finditer(text)]
    segments = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            segments.append((start, end))
        start = end + 1
    return segments


def _split_segment(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the sentences of one line (or bullet item) ``text[start:end]`` to ``spans``."""
    for match in _CANDIDATE.finditer(text, start, end):
        after = match.end()
        if after >= end:
            break  # the end of the line ends the sentence anyway
        first = after
        while first < end - 1 and text[first] in _OPENERS:
            first += 1
        if text[first].islower():
            continue  # "... the U.S. forge", "Inc. to join", "?" he asked
        punct = match.group().rstrip()
        if punct[0] == "." and punct[-1] == "." and not punct.startswith(".."):
            word = _word_before(text, max(start, match.start() - 40), match.start())
            following = _WORD_END.match(text, after, end).group()
            if not ends_sentence(word, punct, following):
                continue
        _append(text, start, match.start() + len(punct), spans)
        start = after
    _append(text, start, end, spans)


def _word_before(text: str, lo: int, at: int) -> str:
    """The word ending at ``at``, looked for no further back than ``lo`` (a bounded window
    keeps a long line with many stops linear; no abbreviation is 40 characters long)."""
    before = max(text.rfind(" ", lo, at), text.rfind("\xa0", lo, at))
    return text[max(before + 1, lo):at]


def ends_sentence(word: str, punct: str, next_word: str) -> bool:
    """Whether ``word`` + ``punct`` (e.g. ``"Corp"``, ``"."``) ends a sentence before
    ``next_word``."""
    following = next_word.lstrip(_OPENERS)
    if not following or following[0].islower():
        return False
    if punct[0] != "." or punct[-1] != "." or punct.startswith(".."):
        return True  # ! ? … or a quotation or bracket closed after the stop
    word = word.lstrip(_OPENERS)
    if word in NEVER_END:
        return False
    if word in BEFORE_NUMBER and following[0].isdigit():
        return False
    if word in MAY_END or word in MONTHS or _INITIALISM.fullmatch(word):
        return following in STARTERS or next_word[0] in _OPENERS
    return True


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` without surrounding whitespace, unless it is empty."""
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(stripped)))
