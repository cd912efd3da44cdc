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
import unicodedata
from collections import Counter
from collections.abc import Callable, Container, Iterable
from functools import lru_cache, partial
from types import ModuleType
from typing import NamedTuple

from audit.model import Kind
from audit.regexes import DIGIT, OTHER, Unreadable, shapes
from audit.sourcing.record import Attribution
from audit.sourcing.text import Sentences, word_count

MIN_WORDS = 6  # shorter lines are headings and captions, not claims
MAX_SCAN = 2000  # characters of a sentence scanned for reasons
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_NOT_LITERAL = re.compile(f"[{OTHER}{DIGIT}]")


class ClaimPatterns(NamedTuple):
    """A language pack's check-worthy reasons, compiled once per pack, with the gates read
    from their patterns (``gate``): cheap tests that a sentence passes before a reason's
    pattern is run there. Most sentences pass none, and the patterns then run on a few
    sentences only."""

    reasons: tuple[tuple[str, re.Pattern], ...]  # (name, pattern), lang.CHECKWORTHY_PATTERNS
    names: frozenset[str]
    digits: tuple[str, ...]  # the reasons a digit hints at (some of their matches hold one)
    hint_reasons: dict[str, set[str]]  # literal hint -> the reasons it hints at
    # Literals of which every match of a reason's pattern contains one, for the reasons a
    # digit hints at: a sentence has digits far more often than a percentage or money, and
    # a substring test costs less than the pattern's scan.
    requires: dict[str, tuple[str, ...]]
    # Reasons whose patterns the gates cannot be read from (a part ``shapes`` does not know,
    # too many shapes): tried on every sentence, as a wrong gate would lose their matches.
    ungated: tuple[str, ...] = ()


@lru_cache(maxsize=8)
def claim_patterns(lang: ModuleType) -> ClaimPatterns:
    """The pack's reasons (lang.CHECKWORTHY_PATTERNS) with their gates: a reason some of
    whose matches hold a digit is hinted at by a digit, its other matches by literals read
    from them (``gate``), and it requires the literals every match holds, if any; its
    common words (lang.FUNCTION_WORDS) are never looked for alone. A reason whose matches
    hold no literal worth looking for is refused. A reason whose pattern cannot be read is
    not gated (``Unreadable``): it is tried on every sentence."""
    common = frozenset(lang.FUNCTION_WORDS.split())
    compiled = tuple((name, re.compile(pattern)) for name, pattern in lang.CHECKWORTHY_PATTERNS)
    digits, hint_reasons, requires, ungated = [], {}, {}, []
    for name, pattern in lang.CHECKWORTHY_PATTERNS:
        try:
            every = shapes(pattern)
        except Unreadable:
            ungated.append(name)
            continue
        if any(DIGIT in shape for shape in every):
            digits.append(name)
            required = gate(every, common)
            if required:
                requires[name] = required
        hints = gate([shape for shape in every if DIGIT not in shape], common)
        if hints is None:
            raise ValueError(f"no literal in every match of {name!r}: {pattern!r}")
        for hint in hints:
            hint_reasons.setdefault(hint, set()).add(name)
    return ClaimPatterns(compiled, frozenset(name for name, _ in compiled), tuple(digits),
                         hint_reasons, requires, tuple(ungated))


def gate(every: Iterable[str], common: frozenset[str]) -> tuple[str, ...] | None:
    """Literals one of which every shape holds (``_literals``), taken one at a time: the one
    the most shapes left hold, the longer on a tie; None when a shape holds none."""
    left = {shape: _literals(shape, common) for shape in every}
    if not all(left.values()):
        return None
    held = Counter(literal for literals in left.values() for literal in literals)
    chosen: list[str] = []
    while left:
        best = max(held, key=lambda literal: (held[literal], len(literal), literal))
        chosen.append(best)
        for shape in [shape for shape in left if best in shape]:
            held.subtract(left.pop(shape))
    return tuple(sorted(chosen))


def _literals(shape: str, common: frozenset[str]) -> frozenset[str]:
    """The pieces of a shape's literal runs worth looking for (``_run_literals``)."""
    return frozenset().union(*(_run_literals(run, common)
                               for run in _NOT_LITERAL.split(shape)))


@lru_cache(maxsize=4096)
def _run_literals(run: str, common: frozenset[str]) -> frozenset[str]:
    """The pieces of a run of literal characters worth looking for: a symbol ("$", "%"),
    a word of three letters or more that is not a common one, its beginnings and ends of
    three letters or more ("result" of "resulted", "est" of "largest"), and such a word or
    end followed by the words after it ("ted to" of "expected to"), or two whole words
    ("has been"); not "to", "s of" or "the l", which occur in nearly every text."""
    out = {char for char in run if char == "%" or unicodedata.category(char)[0] == "S"}
    words = [(match.start(), match.end()) for match in _WORD.finditer(run)]
    for a, (start, end) in enumerate(words):
        rare = end - start >= 3 and run[start:end].lower() not in common
        if rare:
            out.update(run[start:cut] for cut in range(start + 3, end))  # beginnings
        for begin in range(start, end - 2 if rare else start + 1):  # the word, or an end
            for _, last in words[a + (not rare):]:
                out.add(run[begin:last])
    return frozenset(out)


def reasons(text: str, start: int, end: int, candidates: set[str] | None,
            lang: ModuleType, *, first: bool = False) -> list[str]:
    """Why a sentence is check-worthy (empty when it is not), by the language pack's
    patterns. ``candidates`` limits the reasons tried (those whose hints occur in the
    sentence); with ``first``, the search stops at the first reason found (for a
    sentence of which only whether it is check-worthy is asked)."""
    end = min(end, start + MAX_SCAN)
    sentence = text[start:end]
    if word_count(text, (start, end)) < MIN_WORDS:
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


def hinted(text: str, sents: Sentences, lang: ModuleType) -> dict[int, set[str]]:
    """Sentence index -> the reasons hinted at in that sentence: by a digit, or by a
    literal hint starting in it (also one inside another: "ed to" in "scheduled to",
    inside "led to", stands for another reason).

    Why not one regex alternation: it is tried at nearly every offset, since the hints
    start with common letters; ``str.find`` per hint is several times faster. A hint
    found in a sentence is looked for again from that sentence's end, so that a hostile
    text full of hints ("$$$...") costs one search a sentence.
    """
    patterns = claim_patterns(lang)
    found: dict[int, set[str]] = {}

    def mark(first_at: Callable[[int], int], why: Iterable[str]) -> None:
        pos = first_at(0)
        while pos != -1:
            index = sents.index(pos)
            if index is None:  # between sentences
                pos = first_at(pos + 1)
            else:
                found.setdefault(index, set()).update(why)
                pos = first_at(sents.spans[index][1])

    def digit_at(pos: int) -> int:
        match = _DIGIT.search(text, pos)
        return -1 if match is None else match.start()

    mark(digit_at, patterns.digits)
    for hint, why in patterns.hint_reasons.items():
        mark(partial(text.find, hint), why)
    if patterns.ungated:
        for index in range(len(sents.spans)):
            found.setdefault(index, set()).update(patterns.ungated)
    return found


def checkworthy(text: str, sents: Sentences, lang: ModuleType,
                attributed: Container[int] = (),
                ) -> list[tuple[int, list[str]]]:
    """(sentence index, reasons) of every check-worthy sentence, by the language pack. Of
    a sentence in ``attributed`` only whether it is check-worthy is asked (the report
    counts it, and lists the reasons of the others): its first reason is given."""
    candidates = hinted(text, sents, lang)
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
