"""What one attribution passes to the next: speakers of follow-on quotes, pronoun
antecedents, and the reason given for not naming a source.

These run after extraction because each needs the attributions before it.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from types import ModuleType
from typing import NamedTuple

from audit.model import Form
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.sources import source_type
from audit.sourcing.text import Sentences, trim, word_count

MIN_CARRIED_WORDS = 5  # shorter quotes opening a paragraph are titles or scare quotes


class CarryPatterns(NamedTuple):
    """A language pack's patterns of pronouns and anonymity, compiled once per pack."""

    anonymity: re.Pattern  # "spoke on condition of anonymity" (lang.ANONYMITY_PATTERN)
    follow_up: re.Pattern  # "The officials ..." opening the next sentence
    reason: re.Pattern  # "because they were not authorised to ..." after it
    full_name: re.Pattern  # a first and last name (lang.FULL_NAME_PATTERN)
    place_first_words: frozenset[str]  # first words of places ("New York"), not given names
    subject_form: dict[str, str]  # "his" -> "he", "its" -> "it"
    not_authorized: str  # how the anonymity branch that is its own reason opens


@lru_cache(maxsize=8)
def carry_patterns(lang: ModuleType) -> CarryPatterns:
    return CarryPatterns(re.compile(lang.ANONYMITY_PATTERN), re.compile(lang.FOLLOW_UP_PATTERN),
                         re.compile(lang.ANONYMITY_REASON_PATTERN),
                         re.compile(lang.FULL_NAME_PATTERN), lang.PLACE_FIRST_WORDS,
                         lang.SUBJECT_FORM, lang.NOT_AUTHORIZED)


def carried_quotes(text: str, found: list[Attribution], quotes: QuoteIndex,
                   sents: Sentences) -> list[Attribution]:
    """Quotes with no cue of their own take the speaker news style gives them.

    A quote opening a paragraph takes the last attribution of the paragraph before; a
    quote opening a sentence takes the attribution just before it in its own paragraph
    when that was a quote too ("“A,” she said. “B.”"). Shorter quotes are left alone.
    """
    found = [a for a in found if a.cue is None or quotes.enclosing(a.cue[0]) is None]
    covered = _Coverage([a.content for a in found])  # beliefs inside quotes do not count
    ordered = sorted(found, key=lambda a: a.content[0])
    carried: list[Attribution] = []
    last: Attribution | None = None
    last_direct: Attribution | None = None
    k = 0
    for quote in quotes.quotes:
        while k < len(ordered) and ordered[k].content[0] < quote.start:
            last = ordered[k] if last is None or ordered[k].content[0] >= last.content[0] \
                else last
            if last.direct:
                last_direct = last
            k += 1
        if last is not None and not last.direct and last_direct is not None and \
                last.cue and last_direct.cue and \
                sents.index(last.cue[0]) is not None and \
                sents.index(last.cue[0]) == sents.index(last_direct.cue[0]):
            last = last_direct  # "“A,” X said, referring to a town hall where he declined
            # to ... “B.”": the quote goes on from X, not from the aside's cue
        if last is None or last.source is None or last.effective_type() == "vague":
            continue  # "Others reported ..." does not speak the next paragraph's quote
        opens_paragraph = quote.start == 0 or text[quote.start - 1] == "\n"
        if quote.words(text) < (MIN_CARRIED_WORDS if opens_paragraph else 2) or \
                covered.overlaps(quote.start, quote.end):
            continue  # a short quote opening a paragraph is a title; after “A,” she said, not
        start = quote.start
        if not _speaker_carries(text, last, quote.start, sents):
            start = _led_in(text, last, quote.start, quote.end, sents)
            if start is None or covered.overlaps(start, quote.end):
                continue
        last = _carry(text, last, start, quote.end)
        carried.append(last)
    return carried


def _carry(text: str, speaker: Attribution, start: int, end: int) -> Attribution:
    """The carried attribution. Its source span is the mention it is carried from; a
    pronoun stays a pronoun, for resolve_pronouns to name."""
    if speaker.source_type == "pronoun" or speaker.source is None:
        return Attribution((start, end), speaker.source, None, "pronoun", True, Form.CARRIED)
    name = speaker.source_text(text)  # "Harvey, who said": the name "who" stands for
    return Attribution((start, end), speaker.source, None, speaker.source_type, True, Form.CARRIED,
                       resolved_source=name, resolved_type=speaker.source_type)


def _speaker_carries(text: str, last: Attribution, start: int, sents: Sentences) -> bool:
    """Whether the attribution ``last`` carries over to a quote opening at ``start``."""
    para, before = sents.paragraph(start), sents.paragraph(last.content[0])
    if (start == 0 or text[start - 1] == "\n") and before == para - 1:
        return True
    previous = text[max(0, start - 3):start].rstrip()
    return before == para and last.direct and (
        previous[-1:] in (".", "!", "?", "”", '"') or previous.endswith("''"))


MAX_LEAD_WORDS = 12


def _led_in(text: str, last: Attribution, start: int, end: int,
            sents: Sentences) -> int | None:
    """“A,” X said. Unless they quit, “B.”: a sentence right after a quote's that ends on a
    quote led in by a few words and a comma goes on with the quote; returns where it opens."""
    i = sents.index(start)
    if i is None or not last.direct or last.cue is None or sents.index(last.cue[0]) != i - 1:
        return None
    s0, s1 = sents.spans[i]
    lead = text[s0:start].rstrip()
    if not lead.endswith(",") or word_count(text, (s0, start)) > MAX_LEAD_WORDS or \
            text[end:s1].strip(" .!?\n") or \
            sents.paragraph(last.cue[0]) != sents.paragraph(start):  # a sentence is in one line
        return None
    return s0


class _Coverage:
    """Whether a span overlaps any of many spans, in O(log n) (texts may hold 50,000 quotes)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        best = -1
        for _, end in spans:
            best = max(best, end)
            self.max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.max_end[i] > start


def resolve_pronouns(text: str, found: list[Attribution], lang: ModuleType,
                     ) -> list[Attribution]:
    """"he said" names the last person cited; "it said" the last organization or document.

    A person once called "she" is not taken for a later "he" (and the reverse). Left
    unresolved when nothing fitting came before ("they", "we" and "I" always are).
    """
    patterns = carry_patterns(lang)
    out: list[Attribution] = []
    people: list[Attribution] = []  # persons cited, most recent last
    gender: dict[str, str] = {}  # person's source text -> "he" or "she"
    last_thing: Attribution | None = None
    named: list[Attribution] = []  # organizations and outlets cited by name, most recent last
    for att in found:
        head = _description_head(lang, text, att)
        if head is not None:
            antecedent = next((a for a in reversed(named[-MAX_DESCRIBED:])
                               if head in a.source_text(text).lower().split()), None)
            if antecedent is None and head in lang.GENERIC_COMPANY_HEADS and named and \
                    _a_company(lang, named[-1].source_text(text)):
                antecedent = named[-1]  # "WeWork said ... The company said"
            if antecedent is not None:  # "the state-run Xinhua News Agency ... the agency said"
                att = att.with_(resolved_source=antecedent.source_text(text),
                                resolved_type=antecedent.effective_type())
        elif att.source and att.source_type in _NAMED_THINGS:
            named.append(att)
        if att.source_type == "pronoun" and att.source:
            word = patterns.subject_form.get(text[att.source[0]:att.source[1]].lower(),
                                             text[att.source[0]:att.source[1]].lower())
            antecedent = _antecedent(lang, text, word, people, gender, last_thing)
            if antecedent is not None:
                name = antecedent.source_text(text)
                if word in lang.GENDERED_PRONOUNS:
                    gender.setdefault(name, word)
                att = att.with_(resolved_source=name, resolved_type=antecedent.effective_type())
            elif word in lang.GENDERED_PRONOUNS:
                name = _named_before(lang, text, att.source[0], word, gender, patterns)
                if name is not None:
                    gender.setdefault(name, word)
                    att = att.with_(resolved_source=name, resolved_type="person")
        elif att.source and att.source_type == "person":
            people.append(att)
        elif att.source and att.source_type in ("organization", "document"):
            last_thing = att
        out.append(att)
    return out


_NAMED_THINGS = frozenset({"organization", "outlet"})
MAX_DESCRIBED = 6  # named organizations looked back over for "the agency", the nearest first


def _description_head(lang: ModuleType, text: str, att: Attribution) -> str | None:
    """The head noun of a source that describes an organization or outlet named before
    ("the agency", "the news agency", "the company"): "the" and two or three words in
    lower case, typed organization or outlet; else None."""
    if att.source is None or att.source_type not in _NAMED_THINGS:
        return None
    words = text[att.source[0]:att.source[1]].split()
    if not 2 <= len(words) <= 4 or words[0].lower() != lang.THE or \
            not all(w.islower() for w in words[1:]):
        return None
    return words[-1]


def _a_company(lang: ModuleType, name: str) -> bool:
    """Whether an organization's name may be a company's: no head of another kind of
    organization in it ("WeWork", "Acme Corp."; not "the Federal Aviation Agency")."""
    words = {w.strip(".,").lower() for w in name.split()}
    return not words & (lang.ORG_HEADS - lang.COMPANY_WORDS)


def relative_subjects(text: str, found: list[Attribution], lang: ModuleType,
                      ) -> list[Attribution]:
    """"Harvey, who acknowledged Trump was ...": the cue's own subject is "who", the source
    as written, which names its antecedent as "he" names a person (``resolved_source``;
    the type stays the antecedent's). Read last, so that the stages before key on the
    antecedent's span."""
    out = []
    for att in found:
        if att.source is not None and att.cue is not None and att.source[1] <= att.cue[0] and \
                not att.resolved_source:
            who = _relative_before(lang, text, att.source[1], att.cue[0])
            if who is not None:
                att = att.with_(source=who, resolved_source=att.source_text(text),
                                resolved_type=att.source_type)
        out.append(att)
    return out


MAX_RELATIVE_GAP = 5  # words from the comma to the cue: ", who last year had threatened"


def _relative_before(lang: ModuleType, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of "who" in ``text[start:end]`` when the gap is "[,] who [has] [openly]"."""
    gap = text[start:end]
    words = gap.split()
    if not words or len(words) > MAX_RELATIVE_GAP:
        return None
    if words[0] == ",":
        words = words[1:]
    elif words[0].startswith(","):
        words[0] = words[0][1:]
    if not words or words[0] != lang.WHO or not all(
            w in lang.AUX or w.lower() in lang.WHEN_WORDS or w in lang.WHEN_LEADS
            or w in lang.PERIOD_WORDS or (w.endswith(lang.ADVERB_ENDING) and w.islower())
            for w in words[1:]):
        return None  # "who has openly opposed", "who on Tuesday endorsed", "who last year"
    at = start + gap.index(lang.WHO)
    return at, at + len(lang.WHO)


NAME_LOOKBACK = 1500  # characters searched back for a person a pronoun may name


def _named_before(lang: ModuleType, text: str, pos: int, word: str, gender: dict[str, str],
                  patterns: CarryPatterns) -> str | None:
    """The person a "he" or "she" with no cited antecedent names: the last full name in the
    text before it that is typed a person and not known by the other pronoun ("Taylor
    Swift ... she said")."""
    lookback = max(0, pos - NAME_LOOKBACK)
    for match in reversed(list(patterns.full_name.finditer(text, lookback, pos))):
        name = match.group()
        if name.split()[0].lower() not in patterns.place_first_words and \
                source_type(lang, name.split()) == "person" and gender.get(name, word) == word:
            return name
    return None


def _antecedent(lang: ModuleType, text: str, word: str, people: list[Attribution],
                gender: dict[str, str], last_thing: Attribution | None) -> Attribution | None:
    if word == lang.IT:
        return last_thing
    if word not in lang.GENDERED_PRONOUNS:
        return None
    for person in reversed(people[-6:]):
        if gender.get(person.source_text(text), word) == word:
            return person
    return None


def anonymity_reasons(text: str, found: list[Attribution], sents: Sentences,
                      lang: ModuleType) -> list[Attribution]:
    """Unnamed sources whose sentence (or the next) says why they are not named (in the
    language pack's words)."""
    patterns = carry_patterns(lang)
    out = []
    for att in found:
        if att.source_type == "unnamed" and att.source is not None:
            reason = _reason_near(text, att.source[1], sents, patterns)
            if reason:
                att = att.with_(anonymity_reason=reason)
        out.append(att)
    return out


def _reason_near(text: str, pos: int, sents: Sentences, patterns: CarryPatterns) -> str | None:
    index = sents.index(pos)
    if index is None:
        return None
    end = sents.spans[index][1]
    if index + 1 < len(sents.spans):
        start, after = sents.spans[index + 1]
        if patterns.follow_up.match(text, start) and sents.paragraph(start) == sents.paragraph(pos):
            end = after  # "The officials spoke on condition of anonymity because ..."
    match = patterns.anonymity.search(text, pos, min(end, pos + 600))
    if match is None:
        return None
    if match.group().startswith(patterns.not_authorized):
        return match.group().strip()
    reason = patterns.reason.match(text, match.end(), min(end, match.end() + 240))
    if reason is None:
        return None
    start, stop = trim(text, reason.start(), reason.end())
    return text[start:stop]
