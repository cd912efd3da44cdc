"""Transcript and headline labels: a line that opens with a speaker's name and a colon
("PENCE: We will ...", "Q: ...", "Poll: Wealthy voters ...", "Paul Ryan: FBI decision
'defies explanation'"). The label is the source and the rest of the line the content.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import ModuleType

from audit.model import Form, Kind
from audit.sentences import MAY_END
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.sources import source_type
from audit.sourcing.text import word_count


@lru_cache(maxsize=8)
def _label(lang: ModuleType) -> re.Pattern:
    """A speaker's or headline's label opening a line (lang.LABEL_PATTERN), compiled once."""
    return re.compile(lang.LABEL_PATTERN, re.M)


def labels(text: str, lang: ModuleType) -> list[Attribution]:
    """Attributions read from speaker and headline labels, in text order (words that open
    no label are the language pack's NOT_LABELS)."""
    out = []
    for match in _label(lang).finditer(text):
        label = match.group("label")
        words = label.split()
        if words[0].lower().strip(".") in lang.NOT_LABELS or label[-1] in ".-&'’" or \
                any(ch.isdigit() for ch in words[0]) or _dateline(lang, label, words):
            continue
        start, end = match.span("content")
        while end > start and text[end - 1] in " \t":
            end -= 1
        if word_count(text, (start, end)) < 3 or _figures(text[start:end]):
            continue
        stype = _label_type(lang, words)
        source = (match.start("label"), match.end("label"))
        content = (start + len(text[start:end]) - len(text[start:end].lstrip()), end)
        out.append(Attribution(content, source, (match.end("label"), match.end("label") + 1),
                               stype, _quoted(text[start:end]), Form.LABEL, kind=Kind.TRANSCRIPT))
    return out


def dash_tags(text: str, quotes: QuoteIndex, lang: ModuleType) -> list[Attribution]:
    """Quotes signed with a dash and a name ("“We deserve better.” ― Carla Sanchez", a
    quoted tweet's "— Paul Ryan (@SpeakerRyan)"): the name is the source, the quote the
    content. Read after each quote's closing mark only, so the cost is that of the quotes."""
    tag = _dash_tag(lang)
    out = []
    for quote in quotes.quotes:
        match = tag.match(text, quote.end)
        if match is None or quote.words(text) < 3:
            continue
        words = match.group("name").split()
        if words[0].lower().strip(".") in lang.NOT_LABELS:
            continue
        start, end = match.span("name")
        last = words[-1]
        if last.endswith(".") and len(last) > 2 and last[:-1] not in MAY_END:
            end -= 1  # "― Bob Lee." ends its sentence; "Jr.", "Inc." and "J." keep their point
        out.append(Attribution((quote.start, quote.end), (start, end), match.span("cue"),
                               _label_type(lang, words), True, Form.LABEL,
                                   kind=Kind.TRANSCRIPT))
    return out


def colon_quotes(text: str, quotes: QuoteIndex, found: list[Attribution],
                 lang: ModuleType) -> list[Attribution]:
    """Quotes after a name and a colon inside a line ("Pollsters agree - Carl Bialik:
    “...”", "More from Jones: “...”"): the name is the source, the quote the content. A
    quote that is already some attribution's content ("he told the Post: “...”") or that
    opens its line (a label, read by ``labels``) is left alone. Read before each quote's
    opening mark only, so the cost is that of the quotes."""
    pattern = _colon_quote(lang)
    out = []
    for quote in quotes.quotes:
        if quote.start < 3 or text.find(":", quote.start - 3, quote.start) < 0 or \
                quote.words(text) < 3:
            continue
        match = pattern.search(text, max(0, quote.start - COLON_LOOKBACK), quote.start)
        if match is None:
            continue
        start, end = match.span("name")
        if start == 0 or text[start - 1] == "\n":
            continue  # a line's own label
        words = match.group("name").split()
        before = [w.lower() for w in text[max(0, start - 24):start].split()[-2:]]
        if before and before[-1] in lang.DETERMINERS:
            before.pop()  # "a verse of the Quran: “...”"
        if words[0].lower().strip(".") in lang.NOT_LABELS or words[-1] == lang.AND or (
                before and before[-1] in lang.NOT_BEFORE_COLON_NAMES) or \
                words[-1].lower() in lang.MONTHS_AND_WHEN:
            continue  # ("posted on Monday: “...”": a day, no speaker)
        if any(a.content[0] < quote.end and a.content[1] > quote.start for a in found):
            continue
        out.append(Attribution((quote.start, quote.end), (start, end), match.span("cue"),
                               _label_type(lang, words), True, Form.LABEL,
                               kind=Kind.TRANSCRIPT))
    return out


COLON_LOOKBACK = 80  # characters before a quote where its name and colon may stand


@lru_cache(maxsize=8)
def _colon_quote(lang: ModuleType) -> re.Pattern:
    return re.compile(lang.COLON_QUOTE_PATTERN)


@lru_cache(maxsize=8)
def _dash_tag(lang: ModuleType) -> re.Pattern:
    return re.compile(lang.DASH_TAG_PATTERN)


def _label_type(lang: ModuleType, words: list[str]) -> str:
    if len(words) == 1 and words[0] in lang.INTERVIEW_LABELS:
        return "unnamed"  # an interview's question and answer
    stype = source_type(lang, words)
    if stype is not None:
        return stype
    return "person" if words[0].isupper() or len(words) <= 3 else "organization"


def _dateline(lang: ModuleType, label: str, words: list[str]) -> bool:
    """A capital or country in capitals ("NEW DELHI: ...", "CHINA: ..."): where the story
    was filed, not who speaks."""
    return label.isupper() and (words[-1].lower() in lang.CAPITALS
                                or "-".join(words).lower() in lang.COUNTRIES)


def _figures(piece: str) -> bool:
    """Whether a label's line is a list of figures, half its words or more opening with a
    digit ("Containers: 1 Green, 1 Red, 2 tsp."): a field of a recipe or a table, not
    what someone said."""
    words = piece.split()
    return 2 * sum(w[:1].isdigit() for w in words) >= len(words)


def _quoted(piece: str) -> bool:
    return "“" in piece or piece.count('"') >= 2
