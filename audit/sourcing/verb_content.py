"""What a verb cue reports, once verb_shapes.py has found its shape and source: its object
("endorsed [Trump]", "called for [an investigation]", "pledged [to cut taxes]") or the
clause or quote after or around it ("said [the plan will cost more]", "“[...],” X said",
"The plan, the mayor said, [will cost more]").

Plain functions of the reader (content.Reader) and of the cue's tokens, read from
``object_content`` and ``subject_content`` down.
"""

from __future__ import annotations

from audit.sourcing import shapes
from audit.sourcing.content import MAX_ADDRESSEE, Reader
from audit.sourcing.context import CueContext
from audit.sourcing.text import Tok, trim, word_count


def object_content(r: Reader, c: CueContext):
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
        return NOT_REPORTED  # "was backing into the bay": a movement, not a stance
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
        return NOT_REPORTED  # "pledged his shares as collateral"
    end = np_end(r.lang, toks, k1)
    if end == k1:
        return None
    if regard and not (end + 1 < len(toks) and toks[end].low == r.lang.AS):
        return NOT_REPORTED  # "saw the car", "the view from the hill"
    if end < len(toks) and not intent and (toks[end].low in r.lang.AUX
                                          or toks[end].low in r.lang.VERBISH) and \
            toks[end].low not in r.lang.ADVERBS_AFTER_OBJECT:
        return None  # "announced he would run": the subject of a clause, read as usual
    if end < len(toks) and toks[end].low == r.lang.THAT and end - k1 <= 3 and \
            toks[end - 1].low in r.lang.COMPLEMENT_NOUNS:
        # "questioned the idea that ...": the idea and what it holds
        return r._clause(nxt.start, r._reported_end(nxt.start, sentence[1]))
    if end < len(toks) and toks[end].low == r.lang.THAT and end - k1 <= MAX_ADDRESSEE and \
            low in r.lang.ADDRESSEE_CUES:
        return None  # "warned lawmakers that ...": an addressee, then the clause (as usual),
        # not "railed against loopholes that benefit others"
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


def to_addressee_that(r: Reader, toks, k1: int, sentence) -> tuple[int, int] | None:
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


def quote_after_topic(r: Reader, toks, k1: int) -> tuple[int, int] | None:
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


def subject_content(r: Reader, toks, first: int, k0: int, k1: int, sentence):
    """What a subject-first cue reports: the clause after it, or else the quote or
    clause before the subject ("..., Mayer said, and ...": the part before)."""
    content = r._after(toks, k1, sentence, toks[k0].low in r.lang.OBJECT_CUES)
    if content is not None and (
            first > 0 or r.quotes.closing_before(toks[first].start) is not None) and (
            toks[k0].low in r.lang.OBJECT_CUES or toks[k0].low in r.lang.ASK_CUES) and \
            not _said_after(r, toks, k1):
        content = None  # "“...,” Kasich told a crowd in Berea": what came before (also
        # "“... who knows?” Trump told ITV", the quote ending the sentence before)
    lead_quote = r.quotes.closing_before(toks[first].start) if first > 0 or (
        k1 < len(toks) and toks[k1].low in r.lang.OCCASION_CLAUSES) else None  # also
    # "“...!” Sessions said as he ...": the quote ended the sentence before
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
    said_quote = content is not None and r._is_quote(content) and content[0] > toks[k0].start
    if content is None or parenthetical or (
            shapes.trivial(r.lang, r.text, content) and not said_quote) or \
            shapes.adverbial(r.lang, r.text, content) or \
            shapes.participle(r.lang, r.text, content):
        subordinate = first > 0 and (toks[first - 1].low in r.lang.SUBORDINATORS or
                                     _opening_phrase(r, toks, first, sentence))
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
        elif nxt is not None and not parenthetical and not (
                k1 < len(toks) and toks[k1].low in r.lang.CLAUSE_LEADS):
            content = (nxt.start, nxt.end)  # "X said on Monday." then the quote
    if content is None or (word_count(r.text, content) < 2 and not r._is_quote(content)) or \
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


def _opening_phrase(r: Reader, toks, first: int, sentence) -> bool:
    """"In a post at the time [she] wrote": a phrase opening the sentence with a preposition
    runs into the subject with no comma; it is where or when, not what was said."""
    if not toks[first - 1].is_word:
        return False
    lead = r.text[sentence[0]:toks[first].start]
    words = lead.split(None, 1)
    return bool(words) and words[0].lower() in r.lang.LEADING_PREPS and \
        not any(mark in lead for mark in ",;:“”\"")


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
    return quote_end_mark(r, quote) == "," and not r._partial(quote.start, sentence)


def quote_end_mark(r: Reader, quote) -> str:
    """The punctuation a quote ends on inside its closing marks (“A,” -> ",")."""
    return r.text[quote.start:quote.end].rstrip("”\"'’» ")[-1:]


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
                all(t.is_word and t.low not in r.lang.VERBISH
                    and t.low not in r.lang.OCCASION_CLAUSES for t in toks[k1:i]):
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


NOT_REPORTED = (-1, -1)  # what object_content gives for a cue that reports nothing here


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
