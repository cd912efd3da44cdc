"""Check-worthy sentences, and those among them with no attribution found.

A sentence is check-worthy when it carries something a fact-checker would verify:
numbers, money, percentages, dated events, predictions, superlatives, causal claims,
completed official acts. It counts as attributed when an attribution touches it, or
when an earlier sentence of its paragraph is attributed (news style states the source
once and goes on). The wording is "no attribution found": the tool reports what it
could not find, it does not accuse.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from functools import lru_cache
from types import ModuleType
from typing import NamedTuple

from audit.model import Kind
from audit.sourcing.record import Attribution
from audit.sourcing.text import Sentences

MIN_WORDS = 6  # shorter lines are headings and captions, not claims
MAX_SCAN = 2000  # characters of a sentence scanned for reasons
_NUMBER = re.compile(r"\d+")
_CHUNK = 1 << 16  # characters of text searched for hints at a time


class ClaimPatterns(NamedTuple):
    """A language pack's check-worthy reasons, compiled once per pack."""

    reasons: tuple[tuple[str, re.Pattern], ...]  # (name, pattern), lang.CHECKWORTHY_PATTERNS
    names: frozenset[str]
    # Cheap literal hints that must occur in a sentence before a reason's pattern is run
    # there: most sentences have none, and the patterns then run on a few sentences only.
    digits: tuple[str, ...]  # the reasons a run of digits hints at
    hint_reasons: dict[str, set[str]]  # literal hint -> the reasons it hints at
    literals: list[str]
    # Literals of which every match of a reason's pattern contains one: a sentence has
    # digits far more often than a percentage or money, and a substring test costs less
    # than the pattern's scan (lang.CHECKWORTHY_REQUIRES).
    requires: dict[str, tuple[str, ...]]


@lru_cache(maxsize=8)
def claim_patterns(lang: ModuleType) -> ClaimPatterns:
    hint_reasons: dict[str, set[str]] = {}
    for reason, hints_of in lang.CHECKWORTHY_HINTS.items():
        for hint in hints_of:
            hint_reasons.setdefault(hint, set()).add(reason)
    compiled = tuple((name, re.compile(pattern)) for name, pattern in lang.CHECKWORTHY_PATTERNS)
    return ClaimPatterns(compiled, frozenset(name for name, _ in compiled),
                         lang.CHECKWORTHY_DIGITS, hint_reasons, sorted(hint_reasons),
                         lang.CHECKWORTHY_REQUIRES)


def reasons(text: str, start: int, end: int, candidates: set[str] | None,
            lang: ModuleType, *, first: bool = False) -> list[str]:
    """Why a sentence is check-worthy (empty when it is not), by the language pack's
    patterns. ``candidates`` limits the reasons tried (those whose hints occur in the
    sentence); with ``first``, the search stops at the first reason found (for a
    sentence of which only whether it is check-worthy is asked)."""
    end = min(end, start + MAX_SCAN)
    sentence = text[start:end]
    if sentence.count(" ") < MIN_WORDS - 1:
        return []
    found = claim_patterns(lang)
    names = candidates if candidates is not None else found.names
    out = []
    for name, pattern in found.reasons:
        if name in names and _may_match(found.requires.get(name), sentence) and \
                pattern.search(sentence):
            out.append(name)
            if first:
                break
    return out


def _may_match(required: tuple[str, ...] | None, sentence: str) -> bool:
    return required is None or any(literal in sentence for literal in required)


def hints(text: str, lang: ModuleType) -> Iterator[tuple[int, Iterable[str]]]:
    """(offset, reasons) of each hint in ``text``, in text order: every run of digits, and
    every occurrence of every literal hint (also one inside another: "ed to" in "scheduled
    to", inside "led to", stands for another reason).

    Why not one regex alternation: it is tried at nearly every offset, since the hints
    start with common letters; ``str.find`` per hint is several times faster. The text is
    read in chunks so that a hostile text full of hints ("$$$...") keeps memory bounded.
    """
    patterns = claim_patterns(lang)
    digits, hint_reasons = patterns.digits, patterns.hint_reasons
    numbers = _NUMBER.finditer(text)
    number = next(numbers, None)
    for chunk in range(0, len(text), _CHUNK):
        chunk_end = chunk + _CHUNK
        found = []
        for hint in patterns.literals:  # occurrences starting in this chunk
            pos = text.find(hint, chunk, chunk_end + len(hint) - 1)
            while pos != -1:
                found.append((pos, hint))
                pos = text.find(hint, pos + 1, chunk_end + len(hint) - 1)
        found.sort()  # by offset
        for pos, hint in found:
            while number is not None and number.start() < pos:  # hints hold no digits
                yield number.start(), digits
                number = next(numbers, None)
            yield pos, hint_reasons[hint]
    while number is not None:
        yield number.start(), digits
        number = next(numbers, None)


def checkworthy(text: str, sents: Sentences, lang: ModuleType,
                attributed: Container[int] = (),
                ) -> list[tuple[int, list[str]]]:
    """(sentence index, reasons) of every check-worthy sentence, by the language pack. Of
    a sentence in ``attributed`` only whether it is check-worthy is asked (the report
    counts it, and lists the reasons of the others): its first reason is given."""
    candidates: dict[int, set[str]] = {}
    spans, index = sents.spans, 0
    for pos, found in hints(text, lang):  # hints and sentences are both in text order
        while index < len(spans) and spans[index][1] <= pos:
            index += 1
        if index == len(spans):
            break
        if spans[index][0] <= pos:
            candidates.setdefault(index, set()).update(found)
    out = []
    for index in sorted(candidates):
        start, end = sents.spans[index]
        why = reasons(text, start, end, candidates[index], lang, first=index in attributed)
        if why:
            out.append((index, why))
    return out


def attributed_sentences(found: list[Attribution], sents: Sentences) -> set[int]:
    """Sentences an attribution touches, and the rest of their paragraph after what was
    said or found (a stance or belief, "X pledged to ...", sources only its own sentence)."""
    touched: set[int] = set()
    own: set[int] = set()
    for att in found:
        if att.kind in (Kind.STANCE, Kind.BELIEF):
            where = [att.content[0], *(att.cue[:1] if att.cue else ())]
            own.update(i for i in map(sents.index, where) if i is not None)
            continue
        for start, end in filter(None, (att.content, att.source, att.cue)):
            first, last = sents.index(start), sents.index(max(start, end - 1))
            if first is not None:
                touched.update(range(first, (last if last is not None else first) + 1))
    carried = set(touched)
    for i in sorted(touched):
        para = sents.paragraph(sents.spans[i][0])
        j = i + 1
        while j < len(sents.spans) and sents.paragraph(sents.spans[j][0]) == para \
                and j not in carried:
            carried.add(j)
            j += 1
    return carried | own
