"""Cues that share a subject rather than have their own: participle clauses ("The firm
denied it, saying that ..."), a second verb ("He said X and added that Y"), and a
document's issuer ("The commission issued a statement warning that ...").
Plain functions of the reader (content.Reader) and of one cue (context.CueContext).
"""

from __future__ import annotations

from audit.model import Form
from audit.sourcing.content import Reader
from audit.sourcing.context import CueContext
from audit.sourcing.record import Attribution
from audit.sourcing.sources import source_type, spaced_dash
from audit.sourcing.text import WINDOW, Tok, tokens, trim, word_count


def shared(r: Reader, c: CueContext) -> Attribution | None:
    """A cue sharing the subject of the sentence's previous attribution: "He said X
    and added that Y", "The firm denied it, saying that Y"."""
    toks, k0, k1, cue, sentence, _ = c
    j = k0 - 1
    while j >= 0 and toks[j].low in r.lang.AUX:
        j -= 1
    if j > 0 and toks[j].text in "”\"" and toks[j - 1].text == ",":
        j -= 1  # "a defense of “New York values,” saying ...": the comma inside the quote
    joined = j >= 0 and (toks[j].low in r.lang.SHARED_SUBJECT_JOINS or (
        toks[j].text in ",—–" and toks[k0].low in r.lang.PARTICIPLE_CUES) or (
        toks[j].low == r.lang.BY and toks[k0].low in r.lang.PARTICIPLE_CUES))  # "replied by
    # saying"
    previous = r._found[-1] if r._found else None
    if previous is None or previous.source is None or \
            previous.source[0] < sentence[0] or previous.cue is None:
        return _subject_of_sentence(r, c, j, joined)
    if not joined:
        return None
    if j == k0 - 1 and previous.content[0] < toks[j].start < previous.content[1] and \
            _disagrees(r.lang, r.text[previous.cue[0]:previous.cue[1]], toks[k0].low):
        return None  # "said the group ... and supports candidates", "says he'd sit Putin
        # down and tell him": the verb's tense is not the report's; its subject is inside
    content = r._after(toks, k1, sentence, toks[k0].low in r.lang.OBJECT_CUES)
    if content is None or (word_count(r.text, content) < 2 and not r._is_quote(content)):
        return None
    if previous.content[0] < toks[j].start < previous.content[1]:
        if previous.direct and previous.content[0] < previous.cue[0] < toks[j].start:
            return None  # “A,” X said, referring to Y, “B.”: an aside in a joined quote
        end = trim(r.text, previous.content[0], toks[j].start)[1]
        r._found[-1] = previous.with_(content=(previous.content[0], end))
    direct = r._has_quote(content)
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, previous.source, cue, previous.source_type, direct, form,
                       resolved_source=previous.resolved_source,
                       resolved_type=previous.resolved_type)


_PARTICIPLE, _PAST, _PRESENT, _BASE = range(4)  # a verb's form, from its ending


def _tense(lang, word: str) -> int:
    if word.endswith(lang.PARTICIPLE_ENDING):
        return _PARTICIPLE
    if word.endswith(lang.PAST_ENDING) or word in lang.IRREGULAR_PAST:
        return _PAST
    return _PRESENT if word.endswith(lang.PLURAL_ENDING) else _BASE


def _disagrees(lang, first_cue: str, word: str) -> bool:
    """Whether a second verb cannot share the subject of the first cue (a plain verb
    joined by "and" or "but"): a base form after a past or present-tense report ("said
    ... and support"), a present tense after a past one ("said ... and supports")."""
    words = first_cue.lower().split()
    first = _tense(lang, words[0]) if words else _BASE
    second = _tense(lang, word)
    return (second == _BASE and first in (_PAST, _PRESENT)) or (
        second == _PRESENT and first == _PAST)


def _subject_of_sentence(r: Reader, c: CueContext, j: int, joined: bool) -> Attribution | None:
    """A cue whose source is the sentence's subject, with no attribution before it:
    "Raab defended the party, saying ...", "The police responded and confirmed that
    ...", "The commission issued a statement warning that ..." (the document's issuer),
    "a letter stating that ..." (the document itself)."""
    toks, k0, k1, cue, sentence, _ = c
    participle = toks[k0].low in r.lang.PARTICIPLE_CUES
    nxt = toks[k1] if k1 < len(toks) else None
    speech = toks[k0].low in r.lang.SPEECH_CUES and nxt is not None and (
        nxt.is_word or nxt.text in ",:")  # "saying such techniques", "saying, “...”"
    lang = r.lang
    told = toks[k0].low in lang.OBJECT_CUES and k1 + 1 < len(toks) and (
        toks[k1 + 1].low in lang.CLAUSE_OPENERS or toks[k1 + 1].text in "“\"")  # "told them that"
    if nxt is None or (nxt.low in lang.OBJECT_PRONOUNS and toks[k0].low not in lang.NAMING_CUES
                       and not told) \
            or nxt.low in lang.MONTHS_AND_WHEN \
            or not (
            speech or nxt.low == lang.THAT or nxt.text in "“\"" or nxt.low in r.lang.PRONOUNS or
            (nxt.low == lang.TO and toks[k0].low in lang.INTENT_TO_CUES
             and not _finite_after(lang, toks, k1)) or  # "but plans to", not "plans to
            # widen the road were shelved"
            (nxt.low in r.lang.DETERMINERS and toks[k0].low != lang.ADDING) or
            (nxt.is_cap and not participle)):
        return None  # "adding jobs", "told them of", "concludes October 10th"
    document = None
    if participle and not joined and j == k0 - 1 and toks[j].is_word:
        np = _document_before(r.lang, toks, k0)
        if np is None or (nxt.low != r.lang.THAT and nxt.text not in "“\""):
            return None
        document = np
        issued = np[0] > 0 and toks[np[0] - 1].low in r.lang.ISSUING_VERBS
        joined = issued
    if not joined and document is None:
        return None
    subject = _sentence_subject(r, sentence, toks[j].start) if joined else None
    if subject is None and document is not None:
        subject = (toks[document[0]].start, toks[document[1] - 1].end), "document"
    if subject is None:
        return None
    content = r._after(toks, k1, sentence, toks[k0].low in r.lang.OBJECT_CUES)
    if content is None or (word_count(r.text, content) < 3 and not r._is_quote(content)):
        return None  # (a quote however short: "laughed and said, “We’ll see.”")
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, subject[0], cue, subject[1], r._has_quote(content), form)


def _finite_after(lang, toks: list[Tok], k: int) -> bool:
    """Whether a finite auxiliary follows token ``k`` before the next comma."""
    for tok in toks[k + 1:k + 16]:
        if not tok.is_word and tok.text in ",;:":
            return False
        if tok.low in lang.AUX_VERBS:
            return True
    return False


def _sentence_subject(r: Reader, sentence, before: int) -> tuple[tuple[int, int], str] | None:
    """The subject of a sentence and its type: the noun phrase before its first verb,
    after an opening adverbial ("However, the group raised ..." -> "the group")."""
    start = sentence[0]
    dateline = r.patterns.dateline.match(r.text, start, before)
    if dateline:
        start = dateline.end()
    toks = tokens(r.text, start, min(before, start + WINDOW))
    if _opening_phrase(r.lang, toks):
        for comma in (k for k, t in enumerate(toks[:MAX_OPENER]) if t.text == ","):
            # "Hours later, Trump returned", "At an event in Ames, Iowa, on Sunday, Mrs.
            # Clinton tried", "When Rubio did take Trump on, he did it sideways": after the
            # opening phrase, the first noun phrase that a verb follows at once
            subject = _subject_at(r, toks, comma + 1)
            if subject is not None:
                return subject
    i = 0
    if toks and (toks[0].low in r.lang.LEADING_PREPS or toks[0].low.endswith(r.lang.ADVERB_ENDING)):
        comma = next((k for k, t in enumerate(toks[:16]) if t.text == ","), None)
        i = comma + 1 if comma is not None else i
    head_end = None
    for k in range(i, min(len(toks), i + 16)):
        tok = toks[k]
        if head_end is None and (tok.text == "," or (
                (tok.text in "—–" or spaced_dash(toks, k)) and k > i and toks[k - 1].is_cap)):
            head_end = k  # "Rep. David McKinley, R-W.Va., visited", "The Authority - which
            # ... - called": the name
        elif tok.is_word and not tok.is_cap and k > i and (
                tok.low in r.lang.VERBISH or tok.low in r.lang.AUX
                or tok.low.endswith(r.lang.PAST_ENDING)
                or tok.low in r.lang.CUE_VERBS or tok.low in r.lang.IRREGULAR_PAST
                or tok.low in r.lang.NP_OBJECT_CUES
                or tok.low in r.lang.INTENT_TO_CUES):
            end = head_end if head_end is not None else k
            while end - i > 1 and _adverb(r.lang, toks[end - 1]):
                end -= 1  # "Hillary Clinton immediately posted": the adverb is the verb's
            if end <= i or end - i > 8 or any(not t.is_word and t.text not in ".’'-&"
                                              for t in toks[i:end]):
                return None
            stype = r._typed([t.text for t in toks[i:end]], False)
            if stype is None:
                return None
            return (toks[i].start, toks[end - 1].end), stype
    return None


MAX_OPENER = 24  # tokens: the commas of an opening phrase lie within them


def _opening_phrase(lang, toks: list[Tok]) -> bool:
    """Whether the sentence opens with a phrase before its subject: a preposition or an
    adverb ("At an event in Ames, ..."), a condition ("When ..."), a participle ("Speaking
    to reporters, ...") or a time ("Hours later, ...")."""
    if not toks:
        return False
    first = toks[0].low
    return first in lang.LEADING_PREPS or first in lang.CONDITIONS or \
        first.endswith(lang.ADVERB_ENDING) or \
        (first.endswith(lang.PARTICIPLE_ENDING) and first not in lang.NOT_PARTICIPLES) or \
        (len(toks) > 1 and (toks[1].low in lang.WHEN_WORDS or toks[1].low in lang.PERIOD_LEADS))


def _subject_at(r: Reader, toks: list[Tok], i: int) -> tuple[tuple[int, int], str] | None:
    """The subject when a noun phrase opens at token ``i`` and a verb follows it at once
    (no comma between: no apposition is read here), with its type; else None."""
    lang = r.lang
    if i >= len(toks) or not toks[i].is_word or toks[i].low in lang.LEADING_PREPS or \
            toks[i].low in lang.NP_PREPS or toks[i].low in lang.CONDITIONS or \
            toks[i].low in lang.CLAUSE_WORDS:
        return None
    for k in range(i + 1, min(len(toks), i + 9)):
        tok = toks[k]
        if (not tok.is_word and tok.text not in ".’'-&") or tok.low in lang.CONDITIONS or \
                tok.low in lang.CLAUSE_WORDS:
            return None  # "its legs kicking while someone says": a clause, not a phrase
        if _verb_like(lang, tok):
            stype = r._typed([t.text for t in toks[i:k]], False)
            return ((toks[i].start, toks[k - 1].end), stype) if stype is not None else None
    return None


def _adverb(lang, tok: Tok) -> bool:
    return tok.is_word and not tok.is_cap and tok.low.endswith(lang.ADVERB_ENDING) and \
        tok.low not in lang.LY_NOUNS


def _verb_like(lang, tok: Tok) -> bool:
    """A word that may be a clause's first verb (not a capitalised one: a name)."""
    if tok.low in lang.WHEN_WORDS or tok.low in lang.PERIOD_LEADS:
        return False  # "Hours later, Trump returned": a time, though "has later said"
    return tok.is_word and not tok.is_cap and (
        tok.low in lang.VERBISH or tok.low in lang.AUX or tok.low.endswith(lang.PAST_ENDING)
        or tok.low in lang.CUE_VERBS or tok.low in lang.IRREGULAR_PAST
        or tok.low in lang.NP_OBJECT_CUES or tok.low in lang.INTENT_TO_CUES)


def _document_before(lang, toks: list[Tok], k: int) -> tuple[int, int] | None:
    """The short noun phrase naming a document just before token ``k`` ("issued [a
    statement] warning that"), or None."""
    i = k - 1
    while i >= 0 and k - i <= 5 and toks[i].is_word and toks[i].low not in lang.VERBISH:
        if toks[i].low in lang.DETERMINERS:
            break
        i -= 1
    first = i if i >= 0 and toks[i].low in lang.DETERMINERS else i + 1
    if first >= k or source_type(lang, [t.text for t in toks[first:k]]) != "document":
        return None
    return first, k
