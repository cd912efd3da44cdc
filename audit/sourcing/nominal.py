"""Prepositional and nominal cues: "according to X", "reported by X", "remarks from X",
and a noun owned by its source ("Smith’s claim that ...", "his warning that ...").

Plain functions of the reader (content.Reader: the text, its sentences and quotes, the
language pack) and of one cue (context.CueContext).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from types import ModuleType

from audit.model import Form, Kind
from audit.sourcing.content import Reader
from audit.sourcing.context import CueContext
from audit.sourcing.record import Attribution
from audit.sourcing.sources import np_after, np_before
from audit.sourcing.text import Tok, trim, word_count
from audit.sourcing.verb_content import np_end

_token_start = attrgetter("start")


@lru_cache(maxsize=8)
def _figure(lang: ModuleType) -> re.Pattern:
    """A poll's figure (lang.POLL_FIGURE_PATTERN), compiled once per pack."""
    return re.compile(lang.POLL_FIGURE_PATTERN)


def prepositional(r: Reader, c: CueContext, form: Form) -> Attribution | None:
    """"according to X", "reported by X", "remarks from X": X and what it reports."""
    toks = c.toks
    np = np_after(r.lang, toks, c.k1)
    if np is None:
        return None
    words = [t.text for t in toks[np[0]:np[1]]]
    stype = r._typed(words, True)
    if stype is None and form == Form.ACCORDING_TO and \
            words[-1].lower() not in r.lang.NOT_ACCORDING_SOURCES and \
            (np[1] == len(toks) or not toks[np[1]].is_word):
        # "according to unofficial returns", "according to HuffPost Pollster’s polling
        # average": whatever "according to" names is a source (a whole phrase: not
        # "complete" cut from "complete but unofficial returns")
        stype = "document" if any(w[:1].isupper() for w in words) else "vague"
    if stype is None:
        return None
    source = (toks[np[0]].start, toks[np[1] - 1].end)
    content = r._around(toks, c.k0, np[1], c.sentence)
    if content is None:
        return None
    att = Attribution(content, source, c.cue, stype, r._has_quote(content), form)
    comma = r.text.find(",", source[1], content[1]) if content[0] < c.cue[0] else -1
    if comma < 0 or content[1] <= source[1]:
        return att
    # "Notably absent, according to members who spoke with reporters, was ...": the
    # clause on both sides of the aside, not the rest of the source's phrase
    left, right = trim(r.text, content[0], c.cue[0], _SEGMENT_EDGES), \
        trim(r.text, comma + 1, content[1], _SEGMENT_EDGES)
    return att.with_(segments=(left, right)) if left[1] > left[0] and right[1] > right[0] \
        else att


_SEGMENT_EDGES = " \t\n,;:—–"


def in_poll(r: Reader, c: CueContext) -> Attribution | None:
    """"Trump leads Clinton by 8 points in the survey": the poll, a document, reports
    the clause it closes (or opens: "In the latest poll, Trump leads ...")."""
    toks, lang = c.toks, r.lang
    np = np_after(r.lang, toks, c.k1)
    if np is None or not any(t.low in lang.POLL_NOUNS for t in toks[np[0]:np[1]]):
        return None
    last = max(i for i in range(np[0], np[1]) if toks[i].low in lang.POLL_NOUNS)
    if last + 1 < np[1] and toks[last + 1].low not in lang.POLL_PREPS and \
            toks[last + 1].low not in lang.POLL_AFTER and toks[last + 1].low not in lang.WHEN_WORDS:
        return None  # "in poll numbers": not the poll itself ("a poll released Monday" is)
    if toks[last].low.endswith(lang.PLURAL_ENDING) and not any(t.is_cap for t in toks[np[0]:last]):
        return None  # "ahead in the polls": the standing, not a poll's finding
    words = [t.text for t in toks[np[0]:np[1]]]
    stype = r._typed(words, True) or "document"
    if stype not in ("document", "vague", "outlet", "organization"):
        return None
    source = (toks[np[0]].start, toks[np[1] - 1].end)
    content = r._around(toks, c.k0, np[1], c.sentence)
    if content is None or word_count(r.text, content) < 4 or not _figure(lang).search(
            r.text, content[0], content[1]):
        return None  # "Trump's leading rival in the poll": a finding has figures
    return Attribution(content, source, c.cue, stype, r._has_quote(content),
                       Form.ACCORDING_TO, kind=Kind.DOCUMENT)


def possessive(r: Reader, c: CueContext) -> Attribution | None:
    """"Smith’s claim that ...", "the ministry’s statement that ...", "his warning that"."""
    toks, k0, cue = c.toks, c.k0, c.cue
    if k0 == 0:
        return None
    owner = toks[k0 - 1]
    if owner.low in r.lang.POSSESSIVE_PRONOUNS:
        source, stype = _doer(r, toks, k0 - 1) or ((owner.start, owner.end), "pronoun")
    elif owner.low.endswith(r.lang.POSSESSIVE_ENDINGS):
        np = np_before(r.lang, toks, k0)
        if np is None:
            return None
        words = [t.text for t in toks[np[0]:np[1]]]
        words[-1] = words[-1][:-2]
        stype = r._typed(words, False)
        source = (toks[np[0]].start, toks[np[1] - 1].end - 2)
    else:
        return None
    content = r._clause(cue[1], c.sentence[1])
    if stype is None or content is None or word_count(r.text, content) < 3:
        return None
    noun_end = cue[1] - len(" " + r.lang.THAT)
    return Attribution(content, source, (cue[0], noun_end), stype,
                       r._has_quote(content), Form.NOMINAL)


def _doer(r: Reader, toks: list[Tok], k: int) -> tuple[tuple[int, int], str] | None:
    """"Cruz reboots [his] attacks on", "she escalated [her] attacks on", "he reiterated
    [his] claim that": when a verb that renews or voices one's own words (the pack's
    OWN_NOUN_VERBS) takes the noun owned by the pronoun at token ``k``, the verb's subject
    is the source (the pronoun only repeats it); "in his attacks on", "His attacks on" and
    "Voters welcomed his criticism" keep the pronoun. The subject's span and type, or None."""
    lang = r.lang
    v = k - 1
    if v > 0 and toks[v].low in lang.OWN_NOUN_LINKS:
        v -= 1  # "expanded upon his calls", "doubled down on its attacks"
    while v > 0 and toks[v].low in lang.PARTICLES:
        v -= 1  # "ratcheted up his attacks"
    if v < 1 or toks[v].low not in lang.OWN_NOUN_VERBS:
        return None  # "Voters welcomed his criticism": the criticism is not theirs
    np = np_before(lang, toks, v)
    if np is None:
        return None
    stype = r._typed([t.text for t in toks[np[0]:np[1]]], False)
    if stype is None:
        return None
    return (toks[np[0]].start, toks[np[1] - 1].end), stype


def owned(r: Reader, match, toks: list[Tok], k1: int) -> Attribution | None:
    """"his criticism of [the deal]", "Trump’s attacks on [Cruz]": the owner is the
    source, the noun the cue, the noun phrase after the preposition the content."""
    if k1 >= len(toks):
        return None
    end = np_end(r.lang, toks, k1)
    if end == k1:
        return None
    owner = match.group("owner")
    source = (match.start("owner"), match.end("owner") - (
        2 if owner.endswith(r.lang.POSSESSIVE_ENDINGS) else 0))
    words = r.text[source[0]:source[1]].split()
    stype = "pronoun" if owner.lower() in r.lang.POSSESSIVE_PRONOUNS else \
        r._typed(words, False)
    if stype == "pronoun":
        k = bisect_left(toks, source[0], key=_token_start)
        if k < len(toks) and toks[k].start == source[0]:
            source, stype = _doer(r, toks, k) or (source, stype)
    if stype is None:
        return None
    content = (toks[k1].start, toks[end - 1].end)
    return Attribution(content, source, match.span("noun"), stype, r._has_quote(content),
                       Form.NOMINAL, kind=Kind.STANCE)
