"""A cue verb and its source: subject first ("Abe pointed out ..."), inverted ("...,
said one official"), appositive ("Maria Lopez, the city engineer, said ...") or in a
relative clause ("A spokesperson who ... said ..."); a verb with none of these shares a
subject (participles.py).

Plain functions of the reader (content.Reader) and of one cue (context.CueContext), read
from ``verb`` down: which shape the verb stands in, then its source; what the verb reports
(its object, or the clause or quote around it) is read by verb_content.py.
"""

from __future__ import annotations

from itertools import pairwise

from audit.model import Form
from audit.sourcing import shapes
from audit.sourcing.content import Reader
from audit.sourcing.context import CueContext
from audit.sourcing.participles import shared
from audit.sourcing.record import Attribution
from audit.sourcing.sources import more_specific, np_after, np_before, spaced_dash
from audit.sourcing.text import Tok, word_count
from audit.sourcing.verb_content import (
    NOT_REPORTED,
    object_content,
    quote_after_topic,
    quote_end_mark,
    subject_content,
    to_addressee_that,
)


def quote_only(r: Reader, c: CueContext) -> Attribution | None:
    """A cue that reports only a quote it closes or opens (lang.QUOTE_ONLY_CUES: "“A,” she
    continued.", "He continued, “B.”"); "continued to rise" reports nothing."""
    if c.k1 < len(c.toks) and c.toks[c.k1].text not in _QUOTE_ONLY_NEXT:
        return None
    att = verb(r, c)
    return att if att is not None and att.direct else None


_QUOTE_ONLY_NEXT = frozenset(",.:;“\"'‘")


def verb(r: Reader, c: CueContext) -> Attribution | None:
    """An attribution whose cue is a verb (said, argued, has estimated, believes), or None."""
    toks, k0, k1 = c.toks, c.k0, c.k1
    before = k0 - 1
    while before > 0 and toks[before].low.endswith(r.lang.ADVERB_ENDING) and \
            not toks[before].is_cap:
        before -= 1  # "are gently urging"
    progressive = toks[k0].low.endswith(r.lang.PARTICIPLE_ENDING) and k0 > 0 and \
        toks[before].low in r.lang.AUX  # "is talking about", "was saying that"
    relative = k0 > 0 and toks[k0 - 1].low == r.lang.WHO  # "officials who said", ", who said"
    likely = k0 > 1 and toks[k0 - 1].low == r.lang.TO and toks[k0 - 2].low == r.lang.LIKELY
    if k0 > 0 and not progressive and not relative and not likely and (
            toks[k0 - 1].low in r.lang.PASSIVE_BEFORE
            or toks[k0 - 1].low.endswith(r.lang.POSSESSIVE_ENDINGS)):
        return None  # passive ("is expected"), or a noun ("Swift’s claims")
    if k1 < len(toks) and toks[k1].low == r.lang.BELIEVE_IN and \
            toks[k0].low.startswith(r.lang.BELIEVE_STEM):
        return None  # "believes in sedans"
    if k1 < len(toks) and toks[k1].low in r.lang.PARTICLES:
        return None  # "showed up", "backed off", "called off": another verb
    if k1 < len(toks) and toks[k1].low == r.lang.TO and toks[k0].low in r.lang.INTENT_CUES and \
            toks[k0].low not in r.lang.INTENT_TO_CUES:
        return None  # "pledged to work together" is a commitment, not a report
    if _reduced_relative(r.lang, toks, k0, k1):
        return None  # "with Japan’s share estimated at $1 billion": no one reports
    if toks[k0].low in r.lang.PARTICIPLE_CUES and not progressive:
        naming = toks[k0].low in r.lang.NAMING_CUES and c.cue[1] == toks[k0].end
        if naming and not _cue_shape_ok(r, toks, k0, k1):
            return None  # "calling him back": only an object and its name
        np = np_before(r.lang, toks, k0)
        np = np and _absolute(r.lang, toks, np, naming)
        if np is not None:
            # "with McCain calling it a “Chinese menu”", "with 50 percent saying she is
            # prepared": the participle's own subject; else the sentence's
            att = _subject_first(r, c, np)
            if att is None:
                return shared(r, c)
            comma = r.text.find(", ", att.content[0], att.content[1])
            if naming or comma < 0 or r._inside_quote(comma):
                return att
            return att.with_(content=(att.content[0], comma))  # "..., with 22 percent saying
            # they would not support him, Pataki at 20 percent": the list goes on
        return shared(r, c)
    c = c.with_(strong=toks[k0].low in r.lang.FALLBACK_CUES)
    negated = k0 > 0 and toks[k0 - 1].low in r.lang.NEGATIONS
    if negated and toks[k0].low not in r.lang.BELIEF_CUES and (
            k1 >= len(toks) or not (toks[k1].low == r.lang.THAT or toks[k1].text in "“\""
                                    or toks[k0].low in r.lang.NP_OBJECT_CUES
                                    or toks[k0].low in r.lang.NP_INTENT_CUES
                                    or (toks[k0].low in r.lang.INTENT_TO_CUES
                                        and toks[k1].low == r.lang.TO))):
        return None  # "did not say whether ...", "does not say much": nothing reported
    np = np_before(r.lang, toks, k0 - 1 if negated else k0)
    if np is not None:
        # "executives who have worked with Lachlan Murdoch say": the phrase just before
        # the verb may end a relative clause, whose antecedent is the source
        return _subject_first(r, c, np) or _relative(r, c)
    return _appositive(r, c) or _name_and_details(r, c) or _dashed_aside(r, c) or \
        _inverted(r, c) or _relative(r, c) or shared(r, c)


def _absolute(lang, toks: list[Tok], np: tuple[int, int], naming: bool,
              ) -> tuple[int, int] | None:
    """The participle's own subject, from the noun phrase before it: after "with" ("with
    Fox News and NBC News calling", "with 50 percent saying": np_before drops "with" and
    the word after it), a share of people ("62 percent of voters saying"), or any phrase
    before "calling" (``naming``); else None."""
    first = np[0]
    for j in range(np[0] - 1, max(-1, np[0] - 4), -1):
        if toks[j].low in lang.WITH_WORDS:
            return j + 1, np[1]
        if not (toks[j].is_word or toks[j].text in "%.,"):
            break
    while first > 0 and toks[first - 1].text[:1].isdigit():
        first -= 1  # "62 percent": the figure too
    words = [t.low for t in toks[first:np[1]]]
    share = any(w in lang.SHARE_HEADS or w.endswith("%") for w in words[:3]) or any(
        w == lang.IN and n[:1].isdigit() for w, n in pairwise(words))  # "3 in 10"
    return (first, np[1]) if naming or share else None


def _relative(r: Reader, c: CueContext) -> Attribution | None:
    """"A spokesperson who did not wish to be named because of policy said ...":
    the source is the phrase before "who"."""
    toks, k0, k1 = c.toks, c.k0, c.k1
    last = k0 - 2 if k0 > 1 and toks[k0 - 1].text == "," else k0 - 1  # "X, who ..., said"
    for i in range(last, max(-1, k0 - 20), -1):
        if not toks[i].is_word:
            return None
        if toks[i].low == r.lang.WHO:
            # "A spokesperson who ... said", or "Trump, who has called ...": the
            # relative clause's antecedent is the phrase before "who" (and its comma)
            end = i - 1 if i > 0 and toks[i - 1].text == "," else i
            np = np_before(r.lang, toks, end)
            if np is None or np[1] != end:
                return None
            if end < i:
                np = _antecedent(r.lang, toks, np)
                if np is None:
                    return None
            between = toks[i + 1:k0]
            # "officials who [have] said": the cue is the clause's own verb, not the main
            # verb after it ("A spokesperson who asked not to be named said")
            own = end == i and all(t.low in r.lang.AUX or t.low in r.lang.NEGATIONS or (
                t.low.endswith(r.lang.ADVERB_ENDING) and not t.is_cap) for t in between)
            if own and not toks[k0].low.endswith(r.lang.PARTICIPLE_ENDING) and any(
                    t.low in r.lang.BE_FORMS for t in between):
                return None  # "who was widely quoted by ...": a passive, no one reports
            if own:
                np = _antecedent(r.lang, toks, np)  # "met [business leaders] who say"
                if np is None:
                    return None
            att = _subject_first(r, c, np)
            if att is None or (end == i and not own):
                return att
            cleft = np[0] > 1 and toks[np[0] - 1].low in r.lang.BE_FORMS and \
                toks[np[0] - 2].low == r.lang.IT  # "It was Smith who argued for ...": the
            # clause is what the sentence says, not which Smith
            if own and (att.content[0] < toks[k0].start or (
                    not cleft and object_content(r, c) is not None)):
                return None  # "the 76 percent who said.", "voters who backed Paul": a
                # restrictive clause that tells which voters; "voters who said he lied" reports
            if att.content[0] < toks[k0].start:
                return att
            # "Leenders, who estimated a third were supporters, said ...": what he
            # estimated ends where the aside closes, before the main clause's verb
            close = next((j for j in range(k1, len(toks) - 1) if toks[j].text == "," and (
                toks[j + 1].low in r.lang.VERBISH or toks[j + 1].low in r.lang.AUX
                or toks[j + 1].low in r.lang.CUE_VERBS)), None)
            if close is None or toks[close].start >= att.content[1]:
                return att
            content = r._clause(att.content[0], toks[close].start)
            return att.with_(content=content) if content is not None else None
    return None


def _subject_first(r: Reader, c: CueContext, np: tuple[int, int]) -> Attribution | None:
    toks, k0, k1, cue, sentence, strong = c
    if np[0] > 1 and toks[np[0] - 1].low == r.lang.THAN and \
            toks[np[0] - 2].low in r.lang.MORE_OR_FEWER and toks[np[0]].text[:1].isdigit():
        np = (np[0] - 2, np[1])  # "more than 4 in 10 said": a quantity, not a comparison
    words = [t.text for t in toks[np[0]:np[1]]]
    stype = r._typed(words, strong) or (
        "unnamed" if words[0].lower() in r.lang.NP_LEADS and len(words) <= 6 else None)
    if stype is None or (toks[k0].low in r.lang.BASE_CUES and not (
            shapes.plural(r.lang, words) or toks[k0 - 1].low in r.lang.BASE_AFTER)):
        return None  # "the case report steroids": a noun, not "officials report"
    if np[0] > 0 and toks[np[0] - 1].low == r.lang.THAN:
        return None  # "more complicated than McKinley suggests": a comparison
    if cue[1] == toks[k0].end and not _cue_shape_ok(r, toks, k0, k1):
        return None
    source = (toks[np[0]].start, toks[np[1] - 1].end)
    content = object_content(r, c)
    if content is NOT_REPORTED:
        return None
    if content is not None:
        return Attribution(content, source, cue, stype, r._has_quote(content), Form.REPORTED)
    topic = quote_after_topic(r, toks, k1)
    if topic is not None:
        return Attribution(topic, source, cue, stype, True, Form.QUOTE)
    not_a_clause = k1 < len(toks) and (toks[k1].low in r.lang.NOT_A_CLAUSE or (
        toks[k1].low in r.lang.CLAIMED_THINGS and toks[k0].low.startswith(r.lang.CLAIM_STEM)))
    # "“...,” Gambill said to cheers from the crowd": what was said comes before
    # ("“...,” she said of the claim", "“...,” Stenberg said as she accepted her award")
    cheers = k1 < len(toks) and (
        strong or _comma_quote_before(r, toks[np[0]].start, sentence)) and (
        (toks[k1].low == r.lang.TO and r._before(toks[np[0]].start, sentence))
        or (toks[k1].low in r.lang.NOT_A_CLAUSE
            and r._is_quote(r._before(toks[np[0]].start, sentence) or (0, 0))))
    if not_a_clause and not cheers:
        content = to_addressee_that(r, toks, k1, sentence)
        if content is None:
            return None  # "the area China claims as its own", "claimed responsibility"
        return Attribution(content, source, cue, stype, r._has_quote(content), Form.REPORTED)
    plural_documents = stype == "vague" and \
        toks[np[1] - 1].low in r.lang.GENERIC_PLURAL_DOCUMENTS  # "polls show"
    if toks[k0].low in r.lang.EVIDENCE_CUES and stype not in ("document", "outlet") and \
            not plural_documents and not (
            k1 < len(toks) and toks[k1].low == r.lang.THAT):
        return None  # "a friend found the car" is not a finding reported
    content = subject_content(r, toks, np[0], k0, k1, sentence)
    if content is None:
        return None
    direct = r._is_quote(content) or r._has_quote(content)
    return Attribution(content, source, cue, stype, direct, Form.QUOTE if r._is_quote(
        content) else Form.REPORTED)


def _comma_quote_before(r: Reader, pos: int, sentence) -> bool:
    """Whether a quote closing on a comma opens the sentence just before ``pos`` (“A,” X
    insisted to reporters), or a question or exclamation ends the sentence before (“A?” X
    asks as ...): what any cue after it reports, whatever follows the cue."""
    quote = r.quotes.closing_before(pos)
    last = quote_end_mark(r, quote) if quote is not None else ""
    return (last in (",", "?", "!") and quote.start == sentence[0]) or (
        last in ("?", "!") and quote.end <= sentence[0])


def _cue_shape_ok(r: Reader, toks, k0: int, k1: int) -> bool:
    """Cues that report only in one shape: "calculated that ...", and "called" with an
    object and what it was called ("called the process a sham", "called it “a feat”")."""
    low = toks[k0].low
    nxt = toks[k1].low if k1 < len(toks) else ""
    if low in r.lang.THAT_ONLY_CUES:
        return nxt == r.lang.THAT
    if low not in r.lang.NAMING_CUES:
        return True
    for i, tok in enumerate(toks[k1 + 1:k1 + 12], k1 + 1):
        if tok.text in "“\"" or (tok.text == "'" and i + 1 < len(toks)
                                  and toks[i + 1].text == "'"):
            return True  # a quote, also typed as two apostrophes (called him ''a genius'')
        if not tok.is_word:
            return False
        if tok.low in r.lang.INDEFINITE_ARTICLES:
            before = toks[i - 1].low
            if i < k1 + 7 or (before not in r.lang.NP_PREPS and before not in
                              r.lang.LEADING_PREPS and before not in r.lang.NOT_A_CLAUSE):
                return True  # the name after a long object ("the vote on ... a mistake")
    return False  # "called the police from the hall after the meeting on a phone"


def _inverted(r: Reader, c: CueContext) -> Attribution | None:
    toks, k0, k1, cue, sentence, strong = c
    if toks[k0].low not in r.lang.INVERTIBLE_CUES:
        return None  # "... announced in October" is not "said Smith"
    np = np_after(r.lang, toks, k1)
    if np is None or (np[1] < len(toks) and toks[np[1]].is_word
                      and toks[np[1]].low not in r.lang.AFTER_INVERTED_SOURCE):
        return None
    words = [t.text for t in toks[np[0]:np[1]]]
    if len(words) > 1 and (words[0].lower() in r.lang.PRONOUNS
                           or words[0].lower() in r.lang.POSSESSIVE_PRONOUNS):
        return None  # "..., said she encourages ...", "said his district received"
    stype = r._typed(words, strong)
    content = r._before(cue[0], sentence)
    if stype is None and content is not None and r._is_quote(content) and \
            words[0].lower() in r.lang.NP_LEADS and len(words) <= 6:
        stype = "unnamed"  # "“...,” wrote one commenter": a quote and someone unnamed
    if stype is None or content is None:
        return None
    if not r._is_quote(content) and r.lang.WHO_ASIDE in r.text[content[0]:content[1]]:
        return None  # "Rawlings, 59, who watched ..., said the event ...": her, not the event
    source = (toks[np[0]].start, toks[np[1] - 1].end)
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    after = None if r._is_quote(content) else _inverted_goes_on(r, toks, np[1], sentence)
    if after is not None:
        # "Any reading of his actions, said Kofman, an expert, would read this as ...": the
        # clause before the cue goes on past the source (and its apposition) with its verb
        return Attribution((content[0], after[1]), source, cue, stype,
                           r._has_quote(content) or r._has_quote(after), form,
                           segments=(content, after))
    return Attribution(content, source, cue, stype, r._has_quote(content), form)


MAX_APPOSITION = 16  # tokens of an apposition after an inverted source ("an expert on ...")


def _inverted_goes_on(r: Reader, toks, j: int, sentence) -> tuple[int, int] | None:
    """The rest of the clause an inverted cue interrupts, when after the source (and an
    apposition set off by commas) it goes on with an auxiliary verb; else None."""
    if j >= len(toks) or toks[j].text != ",":
        return None
    k = j + 1
    if k < len(toks) and not r._goes_on(toks[k]):
        k = next((i for i in range(j + 1, min(len(toks), j + 1 + MAX_APPOSITION))
                  if toks[i].text in ",.;:\"“”()"), len(toks))
        if k >= len(toks) or toks[k].text != ",":
            return None
        k += 1
    if k >= len(toks) or not r._goes_on(toks[k]):
        return None
    after = r._clause(toks[k].start, r._reported_end(toks[k].start, sentence[1]))
    return after if after is not None and word_count(r.text, after) >= 3 else None


def _appositive(r: Reader, c: CueContext) -> Attribution | None:
    """"Maria Lopez, the city engineer, said ...": the name and its apposition."""
    toks, k1, cue, sentence, strong = c.toks, c.k1, c.cue, c.sentence, c.strong
    k0 = c.k0  # the verb, or the auxiliary before it: "Smith, the engineer, has said"
    while k0 > 2 and (toks[k0 - 1].low in r.lang.PERFECT_AUX or toks[k0 - 1].low in r.lang.ASIDES):
        k0 -= 1
    if k0 < 2 or toks[k0 - 1].text != ",":
        return None
    commas = [i for i in range(k0 - 2, max(-1, k0 - 40), -1) if toks[i].text == ","][:3]
    if not commas:
        return None
    # "Geoff Garin, a pollster who ..., a pro-Clinton super PAC, said": the name is
    # before the first of two or three appositions in a row
    n, head = 0, np_before(r.lang, toks, commas[0])
    while head is not None and head[1] == commas[n] and n + 1 < len(commas) and \
            commas[n + 1] == head[0] - 1 and not toks[head[0]].is_cap:
        further = np_before(r.lang, toks, commas[n + 1])  # the apposition was no name: go on
        if further is None or further[1] != commas[n + 1] or not toks[further[0]].is_cap:
            break
        n, head = n + 1, further
    comma = commas[n]
    appos = (comma + 1, commas[n - 1] if n else k0 - 1)
    if head is None or head[1] != comma or appos[1] <= appos[0] or any(
            not t.is_word and t.text not in "’'-." for t in toks[appos[0]:appos[1]]):
        return None
    head_type = r._typed([t.text for t in toks[head[0]:head[1]]], strong)
    lead = toks[head[0]]
    if head_type is None or not (lead.is_cap or lead.low in r.lang.DETERMINERS):
        return None  # "The label that owns her music, Big Machine, says": too tangled
    aside = appos[1] - appos[0] == 1 and toks[appos[0]].low in r.lang.ASIDES
    if aside:
        stype = head_type  # "The Taliban, however, said": the aside says nothing of them
    else:
        stype = more_specific(head_type,
                              shapes.typed(r.lang, [t.text for t in toks[appos[0]:appos[1]]],
                                           strong))
    content = subject_content(r, toks, head[0], c.k0, k1, sentence)
    if stype is None or content is None:
        return None
    # "Smith, who ..., said" and "The Taliban, however, said": Smith, the Taliban
    end = head[1] - 1 if aside or toks[appos[0]].low in r.lang.RELATIVE_APPOSITION else k0 - 2
    source = (toks[head[0]].start, toks[end].end)
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, source, cue, stype, r._has_quote(content), form)


def _dashed_aside(r: Reader, c: CueContext) -> Attribution | None:
    """"Jason Sims — a teacher from Mount Pleasant — says ...": a source and an aside set
    off by a pair of dashes before the verb."""
    toks, k0 = c.toks, c.k0
    if k0 < 4 or not _dash(toks, k0 - 1):
        return None
    opening = next((i for i in range(k0 - 2, max(0, k0 - 20), -1) if _dash(toks, i)), None)
    if opening is None or opening == k0 - 2:
        return None
    head = np_before(r.lang, toks, opening)
    if head is None or head[1] != opening or (head[0] > 0 and toks[head[0] - 1].is_word) or (
            head[0] == 0 and toks[0].start > c.sentence[0] + 2):
        return None  # the source opens its clause: not "After [the vote] — ... — said"
    stype = r._typed([t.text for t in toks[head[0]:head[1]]], c.strong)
    content = subject_content(r, toks, head[0], k0, c.k1, c.sentence)
    if stype is None or content is None:
        return None
    # "Jason Sims — a teacher ... —" names him twice; "Jason Sims — whose father ... —" is
    # a clause about him, not part of the source
    last = head[1] - 1 if toks[opening + 1].low in r.lang.CLAUSE_WORDS else k0 - 2
    source = (toks[head[0]].start, toks[last].end)
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, source, c.cue, stype, r._has_quote(content), form)


_DASHES = ("—", "–")


def _dash(toks: list[Tok], i: int) -> bool:
    """A dash, or a hyphen standing for one ("The Authority - which ... - said")."""
    return toks[i].text in _DASHES or spaced_dash(toks, i)


def _name_and_details(r: Reader, c: CueContext) -> Attribution | None:
    """"Cory James, 22, of Flint, Mich., said ...", "Sen. Lindsey Graham, R-S.C., a
    presidential candidate, said": a clause that opens with a name (capitalised words) set
    off by commas from its age, place, party or apposition."""
    toks, k1, sentence, strong = c.toks, c.k1, c.sentence, c.strong
    k0 = c.k0
    while k0 > 2 and (toks[k0 - 1].low in r.lang.PERFECT_AUX or toks[k0 - 1].low in r.lang.ASIDES):
        k0 -= 1
    if k0 < 4 or toks[k0 - 1].text != ",":
        return None
    ends, i = [k0 - 1], k0 - 2  # the comma closing each piece, nearest first
    while i >= 0 and k0 - i < 40 and len(ends) <= MAX_PIECES:
        tok = toks[i]
        if tok.text == ",":
            ends.append(i)
        elif not tok.is_word and tok.text not in "’'-.()":
            break
        i -= 1
    first = i + 1
    if len(ends) < 2 or ends[-1] == first or (i >= 0 and toks[i].is_word) or (
            i < 0 and r.text[sentence[0]:toks[0].start].strip(" \t\n“\"'—–-")):
        return None  # the name must open the clause (the sentence, or after a quote or dash):
        # the start of a cue's window cut from a long sentence is not its start
    head = (first, ends[-1])
    pieces = [(ends[j + 1] + 1, ends[j]) for j in range(len(ends) - 1)]
    words = [t.text for t in toks[head[0]:head[1]]]
    if any(not (t.is_cap or t.text in "’'-.") for t in toks[head[0]:head[1]]):
        return None
    stype = r._typed(words, strong)
    for a, b in pieces:
        if b <= a:
            return None
        if _detail(r.lang, toks, a, b):
            continue
        stype = more_specific(stype, shapes.typed(r.lang, [t.text for t in toks[a:b]], strong))
    if stype is None:
        return None
    content = subject_content(r, toks, first, c.k0, k1, sentence)
    if content is None:
        return None
    source = (toks[first].start, toks[k0 - 2].end)
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, source, c.cue, stype, r._has_quote(content), form)


MAX_PIECES = 4  # pieces set off by commas between a name and its verb


def _detail(lang, toks: list[Tok], a: int, b: int) -> bool:
    """An age ("22"), a place ("of Flint", "Mich.") or a party ("R-S.C.") after a name."""
    if b - a == 1 and (toks[a].text[:1].isdigit() or (toks[a].is_cap and (
            "." in toks[a].text or "-" in toks[a].text))):
        return True
    return toks[a].low in lang.PLACE_PREPS and all(t.is_cap or t.text in ".-"
                                                   for t in toks[a + 1:b])


def _antecedent(lang, toks: list[Tok], np: tuple[int, int]) -> tuple[int, int] | None:
    """The phrase a "..., who" clause tells about, from the noun phrase found before its
    comma: after the last verb in it ("heard from [Maria Lopez], who said")."""
    first, end = np
    verbs = [j for j in range(first, end) if not toks[j].is_cap and (
        toks[j].low in lang.IRREGULAR_PAST or toks[j].low.endswith(lang.PAST_ENDING))]
    if verbs:
        first = verbs[-1] + 1
    while first < end and toks[first].low in lang.NP_PREPS:
        first += 1
    return (first, end) if first < end else None


def _reduced_relative(lang, toks: list[Tok], k0: int, k1: int) -> bool:
    """A past participle after its noun with no auxiliary is a reduced relative or an
    absolute construction, not a cue: "[with] Japan’s share estimated at $1 billion",
    "costs projected at 5 million", "with costs expected to rise"."""
    cue = toks[k0]
    if not cue.low.endswith(lang.PAST_ENDING) or k0 == 0 or toks[k0 - 1].low in lang.AUX:
        return False
    nxt = toks[k1] if k1 < len(toks) else None
    if nxt is not None and nxt.low == lang.AT and k1 + 1 < len(toks) and (
            toks[k1 + 1].text[0].isdigit() or toks[k1 + 1].text[0] in "$€£¥"
            or toks[k1 + 1].low in lang.APPROXIMATORS):
        return True  # "estimated at $1 billion", "put at about 40"
    for i in range(k0 - 1, max(-1, k0 - 7), -1):  # "with [the noun phrase] estimated ..."
        tok = toks[i]
        if tok.low in lang.WITH_WORDS:
            return i < k0 - 1 and not (nxt is not None and nxt.low == lang.THAT)
        if (not tok.is_word and tok.text not in "’'-") or tok.low in lang.CLAUSE_WORDS or \
                tok.low in lang.VERBISH or tok.low in lang.AUX:
            return False
    return False
