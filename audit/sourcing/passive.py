"""Passive and hedged reporting, usually with no source: "it is believed that",
"allegedly", "is seen as", "deemed", "was accused of", "have been told"; "by X" names
the source when the text gives one. The forms themselves are matched in cues.py; they are
read here by plain functions of the reader (content.Reader).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from audit.model import Form
from audit.sourcing.content import Reader
from audit.sourcing.record import Attribution
from audit.sourcing.sources import np_after, np_before
from audit.sourcing.text import Tok, word_count

_token_start = attrgetter("start")


def passive(r: Reader, match: re.Match, toks: list[Tok], k1: int,
            sentence) -> Attribution | None:
    """Source-less reporting: "it is believed that", "allegedly", "is seen as",
    "deemed", "was accused of", "have been told"; "by X" names the source when given."""
    ss, se = sentence
    cue = (match.start(), match.end())
    form = match.lastgroup
    source, stype = None, "vague"
    if form == "adverb":
        if k1 < len(toks) and toks[k1].low in r.lang.CUE_VERBS:
            return None  # "allegedly said": the cue after it reports
        if k1 > 1 and toks[k1 - 2].low in r.lang.DETERMINERS:
            return None  # "their supposedly superior ancestries": an adjective hedged
        content = _hedged(r, toks, k1, sentence)
    elif form == "seen":  # "X is seen as Y": X and Y, or else the whole statement
        content = _subject_and_rest(r, toks, match, k1, sentence) or r._clause(ss, se)
    elif form == "it":
        content = r._clause(match.end(), se)
    elif form == "raised":
        content, first = _raised(r, toks, k1, sentence)
        cue = (first, cue[1])  # "is not widely expected": the hedge, not only its verb
    else:
        k, agent = _agent(r, toks, k1, r.lang.ACCUSED_OF if form == "accused" else r.lang.THAT)
        if agent is not None:
            source = (toks[agent[0]].start, toks[agent[1] - 1].end)
            stype = r._typed([t.text for t in toks[agent[0]:agent[1]]], True) or "vague"
        if k >= len(toks):
            return None
        content = r._clause(toks[k].start, r._reported_end(toks[k].start, se))
    if content is None or word_count(r.text, content) < 2:
        return None
    return Attribution(content, source, cue, stype, r._has_quote(content), Form.PASSIVE)


def _agent(r: Reader, toks: list[Tok], k: int, link: str) -> tuple[int, tuple[int, int] | None]:
    """After a passive cue: the token where its content starts, and the agent's tokens
    ("was accused [by critics] of ...", "were told [by WeWork] to ...")."""
    while k < len(toks) and toks[k].low in r.lang.WHEN_WORDS:
        k += 1  # "was accused Wednesday of"
    agent = None
    if k < len(toks) and toks[k].low == r.lang.BY:
        agent = np_after(r.lang, toks, k + 1)
        if agent is not None:
            stop = next((i for i in range(*agent) if toks[i].low == link), agent[1])
            agent = (agent[0], stop) if stop > agent[0] else None
            k = stop
    if k < len(toks) and toks[k].low == link:
        k += 1
    return k, agent


def _hedged(r: Reader, toks: list[Tok], k1: int, sentence) -> tuple[int, int] | None:
    """The clause an adverb such as "allegedly" hedges: "for [allegedly abusing his
    office]", "a phone call [he reportedly made to her office]"."""
    k0 = k1 - 1
    if k1 < len(toks) and toks[k1].low.endswith(r.lang.PARTICIPLE_ENDING):
        start = toks[k1].start
    else:
        first = k0
        while first > 0 and k0 - first < 12 and toks[first - 1].is_word and \
                toks[first - 1].low not in r.lang.CLAUSE_WORDS and \
                toks[first - 1].low not in r.lang.HEDGE_STOPS:
            first -= 1
        start = toks[first].start if first < k0 else toks[k0].start
    end = sentence[1]
    stop = next((t.start for t in toks[k1:] if t.text in ",;:—–()"), None)
    if stop is not None:
        end = min(end, stop)
    return r._clause(start, end)


def _raised(r: Reader, toks: list[Tok], k1: int, sentence):
    """"Sanders is expected to win", "the plan seemed to stall": a view held of the
    subject with no one holding it; the content is the subject and what follows "to"
    (the cue between them is split off later), and where the cue starts."""
    k0 = k1 - 1  # the verb: "expected", "seemed"
    expected = toks[k0].low == r.lang.EXPECTED
    while k0 > 0 and (toks[k0 - 1].low in r.lang.AUX or toks[k0 - 1].low in r.lang.NEGATIONS
                      or toks[k0 - 1].low in r.lang.RAISING_ADVERBS):
        k0 -= 1
    if expected and not any(t.low in r.lang.RAISING_BE for t in toks[k0:k1 - 1]):
        return None, 0  # "Trump had expected to win": his own expectation, a cue
    np = np_before(r.lang, toks, k0)
    if np is None and k0 > 0 and toks[k0 - 1].low in r.lang.RELATIVE_PRONOUNS:
        np = (k0 - 1, k0)  # "a group which is expected to ...": the relative pronoun
    if np is None or k1 + 1 >= len(toks) or toks[np[0]].low in r.lang.FIRST_PERSON or \
            toks[np[0]].low in r.lang.SECOND_PERSON:
        return None, 0  # "we seem to be losing": the author's own voice, not a view held
    start = toks[k1 + (toks[k1].low == r.lang.TO)].start  # after "to": "seemed [to] stall"
    end = _aside_end(r, toks, np, k1, r._reported_end(start, sentence[1]))
    return r._clause(toks[np[0]].start, _first_pause(r, start, end)), toks[k0].start


def _first_pause(r: Reader, start: int, end: int) -> int:
    """Where a raised view ends: at its clause's first comma, semicolon, colon or
    parenthesis outside quotes and numbers ("Mr. Trump seemed [to overstay his welcome],
    revealing ...", "is expected [to sign the measure], potentially teeing up ...")."""
    match = _PAUSE.search(r.text, start, end)
    while match is not None and r._inside_quote(match.start()):
        match = _PAUSE.search(r.text, match.end(), end)
    return match.start() if match is not None else end


_PAUSE = re.compile(r"(?<!\d),|,(?!\d)|[;:(]")


def _subject_and_rest(r: Reader, toks: list[Tok], match: re.Match, k1: int, sentence):
    """"[The DNC, which] is seen as [aligned with Clinton]", "While ..., [the drafting
    process] is seen as [one way ...]": the subject of a passive view and what follows it."""
    k0 = bisect_left(toks, match.start(), key=_token_start)
    np = np_before(r.lang, toks, k0)
    if np is None and 0 < k0 < len(toks) and toks[k0 - 1].low in r.lang.RELATIVE_PRONOUNS:
        np = (k0 - 1, k0)
    if np is None or k1 >= len(toks):
        return None
    end = _aside_end(r, toks, np, k1, r._reported_end(toks[k1].start, sentence[1]))
    return r._clause(toks[np[0]].start, end)


def _aside_end(r: Reader, toks: list[Tok], np: tuple[int, int], k1: int, end: int) -> int:
    """Where the content ends when its subject is a relative pronoun after a comma: "The
    DNC, which is seen as [...], said", "The system, which is expected to [...], will":
    the aside closes at the next comma, before the main clause."""
    if np[1] - np[0] == 1 and toks[np[0]].low in r.lang.RELATIVE_PRONOUNS and \
            np[0] > 0 and toks[np[0] - 1].text == ",":
        close = next((t.start for t in toks[k1:] if t.text == ","), end)
        return min(end, close)
    return end
