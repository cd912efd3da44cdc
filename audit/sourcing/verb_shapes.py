"""A cue verb and its source: subject first ("Abe pointed out ..."), inverted ("...,
said one official"), appositive ("Maria Lopez, the city engineer, said ...") or in a
relative clause ("A spokesperson who ... said ..."); a verb with none of these shares a
subject (participles.py).

Plain functions of the reader (content.Reader) and of one cue (context.CueContext), read
from ``verb`` down: which shape the verb stands in, then its source, then its content.
"""

from __future__ import annotations

from itertools import pairwise

from audit.model import Form
from audit.sourcing import shapes
from audit.sourcing.content import MAX_ADDRESSEE, Reader
from audit.sourcing.context import CueContext
from audit.sourcing.participles import shared
from audit.sourcing.record import Attribution
from audit.sourcing.sources import more_specific, np_after, np_before
from audit.sourcing.text import Tok, trim, word_count


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
    aside = k0 > 1 and toks[k0 - 1].low == r.lang.WHO and toks[k0 - 2].text == ","
    if k0 > 0 and not progressive and not aside and (
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
            att = _subject_first(r, c, np)
            if att is None or end == i or att.content[0] < toks[k0].start:
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
    content = _object_content(r, c)
    if content is _NOT_REPORTED:
        return None
    if content is not None:
        return Attribution(content, source, cue, stype, r._has_quote(content), Form.REPORTED)
    topic = _quote_after_topic(r, toks, k1)
    if topic is not None:
        return Attribution(topic, source, cue, stype, True, Form.QUOTE)
    not_a_clause = k1 < len(toks) and (toks[k1].low in r.lang.NOT_A_CLAUSE or (
        toks[k1].low in r.lang.CLAIMED_THINGS and toks[k0].low.startswith(r.lang.CLAIM_STEM)))
    # "“...,” Gambill said to cheers from the crowd": what was said comes before
    # ("“...,” she said of the claim", "“...,” Stenberg said as she accepted her award")
    cheers = strong and k1 < len(toks) and (
        (toks[k1].low == r.lang.TO and r._before(toks[np[0]].start, sentence))
        or (toks[k1].low in r.lang.NOT_A_CLAUSE
            and r._is_quote(r._before(toks[np[0]].start, sentence) or (0, 0))))
    if not_a_clause and not cheers:
        content = _to_addressee_that(r, toks, k1, sentence)
        if content is None:
            return None  # "the area China claims as its own", "claimed responsibility"
        return Attribution(content, source, cue, stype, r._has_quote(content), Form.REPORTED)
    plural_documents = stype == "vague" and \
        toks[np[1] - 1].low in r.lang.GENERIC_PLURAL_DOCUMENTS  # "polls show"
    if toks[k0].low in r.lang.EVIDENCE_CUES and stype not in ("document", "outlet") and \
            not plural_documents and not (
            k1 < len(toks) and toks[k1].low == r.lang.THAT):
        return None  # "a friend found the car" is not a finding reported
    content = _subject_content(r, toks, np[0], k0, k1, sentence)
    if content is None:
        return None
    direct = r._is_quote(content) or r._has_quote(content)
    return Attribution(content, source, cue, stype, direct, Form.QUOTE if r._is_quote(
        content) else Form.REPORTED)


def _object_content(r: Reader, c: CueContext):
    """The object a stance, request or phrasal cue reports ("endorsed [Trump]", "called
    for [an investigation]"), or an intention ("pledged [to cut taxes]"); None when the
    cue takes a clause or a quote instead (then the usual reading applies)."""
    toks, k0, k1, cue, sentence, _ = c
    low = toks[k0].low
    phrasal = cue[1] > toks[k0].end
    intent = low in r.lang.INTENT_TO_CUES
    asking = low in r.lang.ASK_CUES and not phrasal
    regard = low in r.lang.AS_ONLY_CUES
    if k1 >= len(toks) or not (phrasal or intent or asking or regard
                               or low in r.lang.NP_OBJECT_CUES):
        return None
    nxt = toks[k1]
    if asking:
        return _asked(r, toks, k1, sentence)
    if nxt.low in r.lang.CLAUSE_LEADS or nxt.text in ":“\"" or \
            r.quotes.opening_at(nxt.start) is not None:
        return None
    if low in r.lang.STANCE_PARTICIPLES and (
            nxt.low in r.lang.NOT_A_CLAUSE or nxt.low in r.lang.NP_PREPS):
        return _NOT_REPORTED  # "was backing into the bay": a movement, not a stance
    if nxt.low == r.lang.TO:
        if not intent:
            return None
        return r._clause(nxt.start, r._reported_end(nxt.start, sentence[1]))
    if intent and low in r.lang.HOPE_CUES:
        return None  # "supporters hope her attacks will work": a clause, read as usual
    if intent and nxt.low in r.lang.SUBJECT_PRONOUNS and k1 + 1 < len(toks) and (
            toks[k1 + 1].low in r.lang.AUX or toks[k1 + 1].low in r.lang.VERBISH):
        return None  # "agreed it was a top-heavy plan", "promised they would": a clause
    if intent and low not in r.lang.NP_INTENT_CUES:
        return _NOT_REPORTED  # "pledged his shares as collateral"
    end = np_end(r.lang, toks, k1)
    if end == k1:
        return None
    if regard and not (end + 1 < len(toks) and toks[end].low == r.lang.AS):
        return _NOT_REPORTED  # "saw the car", "the view from the hill"
    if end < len(toks) and not intent and (toks[end].low in r.lang.AUX
                                          or toks[end].low in r.lang.VERBISH) and \
            toks[end].low not in r.lang.ADVERBS_AFTER_OBJECT:
        return None  # "announced he would run": the subject of a clause, read as usual
    if end < len(toks) and toks[end].low == r.lang.THAT and end - k1 <= 3 and \
            toks[end - 1].low in r.lang.COMPLEMENT_NOUNS:
        # "questioned the idea that ...": the idea and what it holds
        return r._clause(nxt.start, r._reported_end(nxt.start, sentence[1]))
    if end + 1 < len(toks) and toks[end].low == r.lang.AS and (
            toks[end + 1].is_word or toks[end + 1].text in "“\""):
        # "described the push as nearly impossible": the object and what it was called
        return r._clause(nxt.start, r._reported_end(nxt.start, sentence[1]))
    if intent or low in r.lang.TO_AFTER_OBJECT:
        # "want all immigrants in the country illegally to be deported"
        to = next((i for i in range(end, min(len(toks), end + 8))
                   if toks[i].low == r.lang.TO or not toks[i].is_word), None)
        if to is not None and toks[to].low == r.lang.TO:
            return r._clause(nxt.start, r._reported_end(nxt.start, sentence[1]))
    # The object runs over its modifiers ("endorsed Donald J. Trump for president",
    # "announced new measures that make it less attractive to ...") up to the clause's
    # end, and stops where the writer says when ("... for mayor on Tuesday").
    stop = r._reported_end(nxt.start, sentence[1])
    return r._clause(nxt.start, _before_when(r.lang, toks, end, stop, k1))


def _asked(r: Reader, toks, k1: int, sentence):
    """"asked whether ...", "asked Congress to act": the question (without its addressee)
    or the request."""
    start = k1
    if toks[k1].low not in r.lang.WH_WORDS and toks[k1].low != r.lang.TO:
        end = np_end(r.lang, toks, k1)
        if end == k1 or end >= len(toks) or (toks[end].low not in r.lang.WH_WORDS
                                              and toks[end].low != r.lang.TO):
            return None
        if toks[end].low in r.lang.WH_WORDS:
            start = end  # "asked Sanders [if he would ...]": the question, not who was asked
    return r._clause(toks[start].start, r._reported_end(toks[start].start, sentence[1]))


def _to_addressee_that(r: Reader, toks, k1: int, sentence) -> tuple[int, int] | None:
    """"wrote to Sanders’ Senate office that it did not have permission": the clause after
    "to", a short addressee and "that", or None."""
    if toks[k1].low != r.lang.TO:
        return None
    for j in range(k1 + 2, min(len(toks) - 1, k1 + 3 + MAX_ADDRESSEE)):
        if toks[j].low == r.lang.THAT:
            start = toks[j + 1].start
            return r._clause(start, r._reported_end(start, sentence[1]))
        if not (toks[j].is_word or toks[j].text in "’'."):
            return None
    return None


def _quote_after_topic(r: Reader, toks, k1: int) -> tuple[int, int] | None:
    """The quote after what it is said of ("says of Clinton, “If she gets the chance, ...”"),
    or None."""
    if k1 >= len(toks) or toks[k1].low not in r.lang.TOPIC_PREPS:
        return None
    for j in range(k1 + 1, min(len(toks), k1 + 8)):
        if not toks[j].is_word:
            if toks[j].text not in ",:":
                return None
            quote = r.quotes.opening_at(toks[j].start)
            return (quote.start, quote.end) if quote is not None and j > k1 + 1 else None
    return None


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


def _subject_content(r: Reader, toks, first: int, k0: int, k1: int, sentence):
    """What a subject-first cue reports: the clause after it, or else the quote or
    clause before the subject ("..., Mayer said, and ...": the part before)."""
    content = r._after(toks, k1, sentence, toks[k0].low in r.lang.OBJECT_CUES)
    if content is not None and (
            first > 0 or r.quotes.closing_before(toks[first].start) is not None) and (
            toks[k0].low in r.lang.OBJECT_CUES or toks[k0].low in r.lang.ASK_CUES) and \
            not _said_after(r, toks, k1):
        content = None  # "“...,” Kasich told a crowd in Berea": what came before (also
        # "“... who knows?” Trump told ITV", the quote ending the sentence before)
    lead_quote = r.quotes.closing_before(toks[first].start) if first > 0 else None
    if content is not None and lead_quote is not None and not r._is_quote(content) and (
            not _said_after(r, toks, k1) or (_comma_closed(r, lead_quote, sentence)
                                             and _aside_after(r, toks[k1 - 1].end, content))):
        content = None  # "“...,” Trump said late last week": the quote, not the time; and
        # "“...,” the governor said, before clarifying that ...": the quote, not the aside
    as_clause = first > 0 and toks[first - 1].low == r.lang.AS  # "..., as one CEO told me"
    aside_end = _occasion_comma(r, toks, k1) if first > 0 and toks[first - 1].text == "," \
        else k1  # "The plan, the mayor said on Monday, will cost more"
    parenthetical = as_clause or (first > 0 and toks[first - 1].text == "," and
                                  aside_end < len(toks) and toks[aside_end].text == ",")
    if parenthetical and not as_clause and content is not None and (
            r._is_quote(content) or _leading_adverbial(r, toks, first, sentence)) \
            and r.quotes.closing_before(toks[first].start) is None:
        parenthetical = False  # "At the fair, Beck said, “...”": the quote is what he said
    if content is None or parenthetical or shapes.trivial(r.lang, r.text, content) or \
            shapes.adverbial(r.lang, r.text, content) or \
            shapes.participle(r.lang, r.text, content):
        subordinate = first > 0 and toks[first - 1].low in r.lang.SUBORDINATORS
        before = None if subordinate else r._before(
            toks[first - 1 if as_clause else first].start, sentence)
        nxt = r.quotes.opening_at(shapes.next_char(r.text, sentence[1]))
        if before is None and parenthetical and not as_clause and content is not None \
                and not r._is_quote(content):
            lead = trim(r.text, sentence[0], toks[first].start)
            if lead[1] > lead[0] and not r._has_quote(lead):
                before = lead  # "The plan, the mayor said, will cost more": a short lead
        if before is not None:
            content = _around_aside(r, before, aside_end, toks, sentence) if \
                parenthetical and not as_clause else before
        elif nxt is not None and not parenthetical:
            content = (nxt.start, nxt.end)  # "X said on Monday." then the quote
    if content is None or word_count(r.text, content) < 2 or \
            r.text[content[0]:content[0] + 6].lower().startswith(r.lang.RELATIVE_OPENERS):
        return None
    first_half = r.quotes.closing_before(toks[first].start)
    if first_half is not None and (r.text[first_half.start:first_half.end].rstrip(
            "”\"'» ")[-1:] in ".!?" or r._partial(first_half.start, sentence)):
        first_half = None  # “A.” She said: “B.”: the quote before ended its own sentence, or
        # was part of a clause ('After X said Y was “bad,” Trump said: “...”')
    if r._is_quote(content) and content[0] > toks[k0].start and first_half is not None:
        return first_half.start, content[1]  # “A,” she said, “B.”: both halves
    return content


MAX_OCCASION = 6  # words of an occasion between a cue and its comma ("on Monday")


def _occasion_comma(r: Reader, toks, k1: int) -> int:
    """The comma closing a cue's aside when a short occasion follows the cue ("said on
    Monday," "said Friday,"), else ``k1``."""
    if k1 >= len(toks) or toks[k1].low not in r.lang.TIME_WORDS:
        return k1
    for i in range(k1, min(len(toks), k1 + MAX_OCCASION + 1)):
        tok = toks[i]
        if tok.text == ",":
            nxt = toks[i + 1].low if i + 1 < len(toks) else ""
            return i if i > k1 and nxt not in r.lang.OCCASION_CLAUSES else k1  # "said
            # Tuesday, as the lead narrowed": when, not more of what was said
        if not tok.is_word or tok.low in r.lang.CLAUSE_LEADS or \
                tok.low in r.lang.SUBJECT_PRONOUNS:
            return k1
    return k1


def _comma_closed(r: Reader, quote, sentence) -> bool:
    """Whether a quote opening its clause closes on a comma (“A,” X said): the quote is
    what the cue after it reports, whatever follows the cue."""
    return r.text[quote.start:quote.end].rstrip("”\"'’» ")[-1:] == "," and \
        not r._partial(quote.start, sentence)


def _aside_after(r: Reader, cue_end: int, content: tuple[int, int]) -> bool:
    """Whether what follows a cue is not its object clause ("told reporters she would
    run", "said that"): an aside, an occasion or a participle's clause (", before
    clarifying that", "in an interview Wednesday, pointing out that")."""
    first = r.text[content[0]:content[0] + 24].split(None, 1)[:1]
    word = first[0].lower() if first else ""
    return "," in r.text[cue_end:content[0]] or not (
        word in r.lang.SUBJECT_PRONOUNS or word in r.lang.CLAUSE_OPENERS)


def _said_after(r: Reader, toks, k1: int) -> bool:
    """Whether "told [someone]" goes on to what was told: "that", a colon, a quote, or a
    clause's subject just after the addressee ("told him he had never been ...")."""
    if k1 < len(toks) and toks[k1].low in r.lang.OCCASION_CLAUSES:
        return False  # "“...,” Stenberg said as she accepted her award": when, not what
    for i, tok in enumerate(toks[k1:k1 + 14], k1):
        if tok.low in r.lang.CLAUSE_OPENERS or tok.text in "“\"" or \
                r.quotes.opening_at(tok.start) is not None:
            return True
        if k1 < i <= k1 + MAX_ADDRESSEE and tok.low in r.lang.SUBJECT_PRONOUNS and \
                all(t.is_word and t.low not in r.lang.VERBISH for t in toks[k1:i]):
            return True
        if tok.text in ".;":
            return False
    return False


def _leading_adverbial(r: Reader, toks, first: int, sentence) -> bool:
    """Whether the words before a subject's comma only say when or where ("At the
    fair yesterday, Beck said, ...")."""
    lead = r.text[sentence[0]:toks[first].start].split()
    return 0 < len(lead) <= 8 and lead[0].lower() in r.lang.LEADING_PREPS


def _around_aside(r: Reader, before, comma: int, toks, sentence):
    """"The thing he needs, aides said, is time": a cue set off by commas inside the
    clause it reports; the content runs over it (split into segments later)."""
    if r._is_quote(before) or comma + 1 >= len(toks):
        return before
    if toks[comma + 1].text in "“\"'":  # "The sources, the lawyers said, “all agree”"
        quote = r.quotes.opening_at(toks[comma + 1].start)
        return (before[0], quote.end) if quote is not None and not r._has_quote(before) \
            else before
    start = toks[comma + 1].start
    after = r._clause(start, r._reported_end(start, sentence[1]))
    if after is None or word_count(r.text, after) < 2 or \
            toks[comma + 1].low in r.lang.PARTICIPLE_CUES or toks[comma + 1].low in \
            r.lang.AFTER_ASIDE_STOPS:
        return before
    return before[0], after[1]


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
    if appos[1] - appos[0] == 1 and toks[appos[0]].low in r.lang.ASIDES:
        stype, appos = head_type, (head[0], head[1])  # "The Taliban, however, said"
    else:
        stype = more_specific(head_type,
                              shapes.typed(r.lang, [t.text for t in toks[appos[0]:appos[1]]],
                                           strong))
    content = _subject_content(r, toks, head[0], c.k0, k1, sentence)
    if stype is None or content is None:
        return None
    end = head[1] - 1 if toks[appos[0]].low in r.lang.RELATIVE_APPOSITION else k0 - 2
    source = (toks[head[0]].start, toks[end].end)  # "Smith, who ..., said": Smith
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, source, cue, stype, r._has_quote(content), form)


def _dashed_aside(r: Reader, c: CueContext) -> Attribution | None:
    """"Jason Sims — a teacher from Mount Pleasant — says ...": a source and an aside set
    off by a pair of dashes before the verb."""
    toks, k0 = c.toks, c.k0
    if k0 < 4 or toks[k0 - 1].text not in _DASHES:
        return None
    opening = next((i for i in range(k0 - 2, max(0, k0 - 20), -1)
                    if toks[i].text in _DASHES), None)
    if opening is None or opening == k0 - 2:
        return None
    head = np_before(r.lang, toks, opening)
    if head is None or head[1] != opening or (head[0] > 0 and toks[head[0] - 1].is_word) or (
            head[0] == 0 and toks[0].start > c.sentence[0] + 2):
        return None  # the source opens its clause: not "After [the vote] — ... — said"
    stype = r._typed([t.text for t in toks[head[0]:head[1]]], c.strong)
    content = _subject_content(r, toks, head[0], k0, c.k1, c.sentence)
    if stype is None or content is None:
        return None
    source = (toks[head[0]].start, toks[k0 - 2].end)
    form = Form.QUOTE if r._is_quote(content) else Form.REPORTED
    return Attribution(content, source, c.cue, stype, r._has_quote(content), form)


_DASHES = ("—", "–")


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
    content = _subject_content(r, toks, first, c.k0, k1, sentence)
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


def _before_when(lang, toks: list[Tok], k: int, stop: int, first: int) -> int:
    """The offset where an object's modifiers from token ``k`` give way to an aside (a
    comma, a colon, a dash) or to a time ("on Tuesday", "last week", "in March"), else
    ``stop``. The object opens at token ``first``; a list of objects goes on over its commas."""
    i = k
    while i < len(toks) and toks[i].start < stop:
        low = toks[i].low
        last = _series(lang, toks, first, i, stop) if low == "," else None
        if last is not None:
            i = last  # "supported eliminating caucuses, limiting ... and binding ...": a list
            continue
        if low in (",", ";", ":", "—", "–", "(") and not toks[i].is_word:
            return toks[i].start  # "backed Ben Carson, a neurosurgeon who ...": an aside
        if i == k and low in lang.OCCASION_PREPS:
            return toks[i].start  # "endorsed Trump [at a news conference]": where, not what
        if low in lang.WHEN_WORDS or (low in lang.MONTHS_AND_WHEN and i > k and
                                      toks[i - 1].low in lang.BEFORE_MONTH):
            while i > k and toks[i - 1].low in lang.BEFORE_MONTH:
                i -= 1  # "on Tuesday", "in early March": the preposition goes too
            return toks[i].start
        i += 1
    return stop


def _series(lang, toks: list[Tok], k: int, comma: int, stop: int) -> int | None:
    """Where the last item of a list of objects (from token ``k``) begins when the comma at
    ``comma`` goes on the list ("recommended Ping, Shreve and Miller", "cites A, B, and C"),
    else None: "and" or "or" after a further item, before any verb, clause word or other
    punctuation, and no verb opening the last item ("backed Cruz, R-Texas, and opposed
    Trump" joins a second verb)."""
    end = len(toks)
    items = 0
    for j in range(comma + 1, end):
        tok = toks[j]
        if tok.start >= stop:
            return None
        if tok.low in lang.SERIES_ENDS:
            if j == comma + 1 and not items:
                return None  # ", and there were none": a second clause
            break
        if tok.text == ",":
            items += 1
            continue
        if not tok.is_word or tok.low in lang.CLAUSE_WORDS or tok.low in lang.VERBISH or \
                tok.low in lang.AUX:
            return None
        if j == comma + 1 and tok.low.endswith(lang.PARTICIPLE_ENDING) and \
                tok.low not in lang.SERIES_LEADS and \
                not toks[k].low.endswith(lang.PARTICIPLE_ENDING):
            return None  # "supported unity, pushing for ...": a participle clause
    else:
        return None
    head = j + 1
    while head < end and toks[head].low.endswith(lang.ADVERB_ENDING):
        head += 1
    if head < end and toks[head].low.endswith(lang.PAST_ENDING) and not toks[head].is_cap:
        return None  # "criticized the plan, the budget, and (virulently) opposed the bill"
    for last in range(j + 1, end):  # the last item: words up to the end or a punctuation
        tok = toks[last]
        if tok.start >= stop or not tok.is_word or tok.low in lang.CLAUSE_WORDS:
            break  # "... and Seattle who demanded ...": a relative clause may follow
        if tok.low in lang.VERBISH or tok.low in lang.AUX:
            return None
    return j + 1 if j + 1 < end else None


_NOT_REPORTED = (-1, -1)  # what _object_content gives for a cue that reports nothing here


_NP_MARKS = frozenset("“”\"'’-&$%")


MAX_OBJECT = 25


def np_end(lang, toks: list[Tok], k: int) -> int:
    """The end of the noun phrase starting at token ``k`` (the object of a cue)."""
    i = k
    while i < len(toks) and i - k < MAX_OBJECT:
        tok = toks[i]
        if not tok.is_word and tok.text not in _NP_MARKS:
            break
        if tok.low in lang.NP_STOPS:
            break
        if tok.low in lang.NP_COORDINATORS and i + 1 < len(toks) and (
                toks[i + 1].low in lang.VERBISH or toks[i + 1].low in lang.CUE_VERBS
                or toks[i + 1].low in lang.AUX or toks[i + 1].low in lang.NP_OBJECT_CUES):
            break
        if i > k and tok.is_word and not tok.is_cap and tok.low in lang.VERBISH:
            break
        i += 1
    while i > k and not toks[i - 1].is_word and toks[i - 1].text not in "”\"'":
        i -= 1
    while i > k and toks[i - 1].low in lang.DETERMINERS:
        i -= 1  # "want the most": no object
    return i
