"""Attributions found from cues: reported speech, "according to", nominal and passive forms.

Each cue (a verb such as "said" or "has estimated", a phrase such as "according to") is
read in a capped window of its sentence. The source is the noun phrase before the verb
("Abe pointed out ..."), or after it when inverted ("..., said one official"); the
content is the clause after the cue, or the quote or clause before it when the cue
closes the sentence. A cue whose source is not a recognisable kind of source is dropped:
editors prefer a missed attribution to a garbage one.
"""

from __future__ import annotations

import re

from audit.sourcing import lexicon as lx
from audit.sourcing import shapes
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.sources import more_specific, np_after, np_before, single_name_type, source_type
from audit.sourcing.text import WINDOW, Sentences, Tok, tokens, trie_pattern, trim

MAX_CONTENT = 1500  # characters of reported clause kept; quotes are kept whole

_PREPS = ("according to", "According to", "reported by")
_NOMINALS = tuple(f"{w} {p}" for w in ("remarks", "Remarks", "comments", "Comments",
                                        "testimony", "Testimony") for p in ("from", "by"))
_PHRASES = (*_PREPS, *_NOMINALS, "pointed out", "points out", "point out", "called for",
            "calls for", *(f"{v} to {o}as" for v in ("referred", "refers", "refer")
                           for o in ("", "it ", "them ", "him ", "her ", "this ", "that ")))
_NOUN_THAT = tuple(f"{noun} that" for noun in lx.NOMINAL_CUES)
_CUE = re.compile(r"\b(?:" + trie_pattern(set(_PHRASES) | set(_NOUN_THAT) | lx.PARTICIPLE_CUES
                                            | (lx.CUE_VERBS - {"according"}))
                  + r")\b")
_BE = (r"(?:is|are|was|were|be|been|being) "
       r"(?:also |widely |generally |now |still |often |repeatedly )?")
# The lookahead on the forms' first letters lets the scan skip most offsets at once
# (three times faster than starting at "\b").
_PASSIVE = re.compile(
    r"(?=[Iiarpsdwbh])\b(?:"
    r"(?P<it>[Ii]t (?:is|was|has been|had been) (?:widely |generally |now |also )?"
    r"(?:expected|believed|thought|estimated|reported|said|understood|feared|hoped|known"
    r"|claimed|rumou?red|alleged|anticipated|projected|predicted) that)"
    r"|(?P<adverb>reportedly|allegedly|purportedly|supposedly)"
    rf"|(?P<seen>{_BE}(?:(?:seen|regarded|viewed|perceived) as|considered to be))"
    r"|(?P<deemed>deemed)"
    rf"|(?P<accused>{_BE}accused)"
    r"|(?P<told>(?:have|has|had) been (?:told|informed|assured|advised|warned)"
    r"|(?:was|were) (?:told|informed|assured|advised)))\b"
)
_PASSIVE_BEFORE = lx.AUX & {"is", "are", "was", "were", "be", "been", "being"} | {
    "to", "who", "which", "the", "a", "an", "that", "its", "his", "her", "their", "our",
    "my", "your"}
_SKIP_AFTER = {"that", ",", ":", "—", "–"}
# Words that may follow the source of an inverted cue ("said a spokesperson when asked").
_AFTER_INVERTED_SOURCE = lx.CLAUSE_WORDS | lx.TIME_WORDS | {
    "adding", "speaking", "citing", "referring", "explaining", "noting", "told", "via"}
# "VIENNA — " or "WASHINGTON (Reuters) - " opening a story is not part of what was said.
_DATELINE = re.compile(r"[A-Z][A-Z .,'’-]{1,40}(?:\([\w .]{1,30}\))? ?[—–-]{1,2} ")
_ASIDES = {"however", "though", "too", "also", "meanwhile", "instead", "moreover", "in", "turn"}
_CLAIMED_THINGS = {"responsibility", "credit", "victory", "ownership", "asylum", "benefits"}
_NOT_A_CLAUSE = {"as", "by", "with", "into", "from", "up", "off", "over", "to", "of", "and",
                 "but", "or"}
# Verbs that put out a document for its subject ("issued a statement warning that ...").
_ISSUING_VERBS = lx.words("issued issues released releases sent sends published publishes posted")
_OBJECT_PRONOUNS = lx.words("him them us me")
_MONTHS = lx.words("""
january february march april may june july august september october november december
""") | lx.WHEN_WORDS
# "I" or "we" just before a cue inside a quote, with a negation or an adverb between.
_FIRST_PERSON = re.compile(
    r"(?:^|[\s“\"])(I|[Ww]e)(?: (?:do|did|don't|don’t|didn't|didn’t|do not|did not|just|really"
    r"|also|still|firmly|strongly|truly|all|now|certainly))? $")
_THAT = re.compile(r"\s*that\b")
_WHAT = re.compile(r"\b(?:[Ww]hat|[Ww]hich|[Hh]ow)\s")
# Words before a hedging adverb that do not belong to the clause it hedges.
_HEDGE_STOPS = lx.NP_PREPS | {"by", "about", "over", "and", "or", "was", "were", "is", "are"}
# Where a reported clause ends when the writer takes over again: "He said it would be
# provided next year, but he gave no details", "..., which it said crashed in Logar".
_CLAUSE_END = re.compile(r", (?:but|although|though|which|whereas|while) |; ")
# Auxiliaries after which a cue takes its base form whatever the subject ("he does not
# think", "the report may suggest").
_BASE_AFTER = lx.words("""
do does did don't doesn't didn't don’t doesn’t didn’t not never may might can could will
would should must
""")


class Extractor:
    """Finds cue-based attributions in one text (see the module docstring)."""

    def __init__(self, text: str, sentences: Sentences, quotes: QuoteIndex) -> None:
        self.text = text
        self.sents = sentences
        self.quotes = quotes
        self._single: dict[str, str] = {}
        self._found: list[Attribution] = []
        self._cached: tuple[tuple[int, int], list[Tok]] = ((-1, -1), [])

    def _typed(self, words: list[str], strong: bool) -> str | None:
        """The source's type; one-word names are checked against the rest of the text."""
        stype = shapes.typed(words, strong)
        if stype == "person" and len(words) == 1:
            word = words[0]
            if word not in self._single:
                self._single[word] = single_name_type(word, self.text)
            stype = self._single[word]
        return stype

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        self._found = found
        nested: list[Attribution] = []
        claimed_until = -1
        for match in _matches(self.text):
            if match.start() < claimed_until:
                continue
            quote = self.quotes.enclosing(match.start())
            if quote is not None:
                nested += filter(None, [self._nested(match, quote)])
                continue
            index = self.sents.index(match.start())
            if index is None:
                continue
            att = self._one(match, self.sents.spans[index])
            if att is not None and found and att.source and att.source == found[-1].source \
                    and att.cue and att.cue[0] - att.source[1] <= 2:
                continue  # "According to AP reported ...": one attribution, not two
            if att is not None:
                att = self._joined_quote(att)
                found.append(att)
                ends = [end for _, end in filter(None, (att.source, att.cue))]
                claimed_until = max([claimed_until, *ends])
        return found + nested

    def _nested(self, match: re.Match, quote) -> Attribution | None:
        """A speaker's own belief inside their quote: “I think we played well,” or “We
        believe that justice was served.” Only I or we with a belief or knowledge verb."""
        if match.re is not _CUE or match.group() not in lx.NESTED_CUES:
            return None
        subject = _FIRST_PERSON.search(self.text, max(quote.start, match.start() - 24),
                                       match.start())
        index = self.sents.index(match.start())
        if subject is None or index is None or _WHAT.search(
                self.text, max(quote.start, subject.start() - 8), subject.start() + 1):
            return None  # "what I think are ...": a relative clause, not a belief stated
        end = min(self.sents.spans[index][1], quote.end)
        start = _skip_that(self.text, match.end(), end)
        first = self.text[start:start + 12].split(None, 1)[:1]
        if not first or first[0].lower() in lx.CLAUSE_WORDS or first[0].lower() in lx.VERBISH:
            return None  # "I know when ...", "I know whether ...": no belief stated
        content = self._clause(start, end)
        if content is None:
            return None
        content = trim(self.text, *content, chars=" \t\n,;:.”\"")
        if shapes.word_count(self.text, content) < 3:
            return None
        return Attribution(content, subject.span(1), (match.start(), match.end()), "pronoun",
                           True, "reported")

    def _window(self, match: re.Match, sentence: tuple[int, int]) -> list[Tok]:
        """The tokens within WINDOW of a cue; a sentence the window covers whole is
        tokenised once for all its cues."""
        ss, se = sentence
        start, end = max(ss, match.start() - WINDOW), min(se, match.end() + WINDOW)
        if (start, end) != sentence:
            return tokens(self.text, start, end)
        if self._cached[0] != sentence:
            self._cached = (sentence, tokens(self.text, ss, se))
        return self._cached[1]

    def _joined_quote(self, att: Attribution) -> Attribution:
        """“We will win,” she said, “and soon.”: one content over both halves."""
        if not (att.direct and att.source and att.cue) or att.content[1] > att.cue[0]:
            return att
        tail = max(att.source[1], att.cue[1])
        if self.text[tail:tail + 1] != ",":
            return att
        second = self.quotes.opening_at(tail)
        if second is None:
            return att
        return att.with_(content=(att.content[0], second.end))

    def _inside_quote(self, pos: int) -> bool:
        return self.quotes.enclosing(pos) is not None

    def _one(self, match: re.Match, sentence: tuple[int, int]) -> Attribution | None:
        toks = self._window(match, sentence)
        k0 = next((i for i, t in enumerate(toks) if t.start >= match.start()), None)
        if k0 is None:
            return None
        k1 = next((i for i, t in enumerate(toks) if t.start >= match.end()), len(toks))
        cue = (match.start(), match.end())
        if match.re is _PASSIVE:
            return self._passive(match, toks, k1, sentence)
        if toks[k0].start != match.start():
            return None  # inside a hyphenated word: "so-called", "well-known"
        if match.group() in _NOUN_THAT:
            att = self._possessive(toks, k0, cue, sentence)
            if att is not None or toks[k0].low not in lx.PARTICIPLE_CUES:
                return att
            k1, cue = k0 + 1, (toks[k0].start, toks[k0].end)  # "a statement warning that"
        if match.group().startswith(_PREPS) or match.group().startswith(_NOMINALS):
            kind = "according-to" if match.group().startswith(_PREPS) else "nominal"
            return self._prepositional(toks, k0, k1, cue, sentence, kind)
        return self._verb(toks, k0, k1, cue, sentence)

    # -- the three shapes -------------------------------------------------------------

    def _passive(self, match: re.Match, toks: list[Tok], k1: int,
                 sentence) -> Attribution | None:
        """Source-less reporting: "it is believed that", "allegedly", "is seen as",
        "deemed", "was accused of", "have been told"; "by X" names the source when given."""
        ss, se = sentence
        cue = (match.start(), match.end())
        form = match.lastgroup
        source, stype = None, "vague"
        if form == "adverb":
            if k1 < len(toks) and toks[k1].low in lx.CUE_VERBS:
                return None  # "allegedly said": the cue after it reports
            if k1 > 1 and toks[k1 - 2].low in lx.DETERMINERS:
                return None  # "their supposedly superior ancestries": an adjective hedged
            content = self._hedged(toks, k1, sentence)
        elif form == "seen":
            content = self._clause(ss, se)  # "X is seen as Y": the whole statement
        elif form == "it":
            content = self._clause(match.end(), se)
        else:
            k, agent = self._agent(toks, k1, "of" if form == "accused" else "that")
            if agent is not None:
                source = (toks[agent[0]].start, toks[agent[1] - 1].end)
                stype = self._typed([t.text for t in toks[agent[0]:agent[1]]], True) or "vague"
            if k >= len(toks):
                return None
            content = self._clause(toks[k].start, self._reported_end(toks[k].start, se))
        if content is None or shapes.word_count(self.text, content) < 2:
            return None
        return Attribution(content, source, cue, stype, self._has_quote(content), "passive")

    def _agent(self, toks: list[Tok], k: int, link: str) -> tuple[int, tuple[int, int] | None]:
        """After a passive cue: the token where its content starts, and the agent's tokens
        ("was accused [by critics] of ...", "were told [by WeWork] to ...")."""
        while k < len(toks) and toks[k].low in lx.WHEN_WORDS:
            k += 1  # "was accused Wednesday of"
        agent = None
        if k < len(toks) and toks[k].low == "by":
            agent = np_after(toks, k + 1)
            if agent is not None:
                stop = next((i for i in range(*agent) if toks[i].low == link), agent[1])
                agent = (agent[0], stop) if stop > agent[0] else None
                k = stop
        if k < len(toks) and toks[k].low == link:
            k += 1
        return k, agent

    def _hedged(self, toks: list[Tok], k1: int, sentence) -> tuple[int, int] | None:
        """The clause an adverb such as "allegedly" hedges: "for [allegedly abusing his
        office]", "a phone call [he reportedly made to her office]"."""
        k0 = k1 - 1
        if k1 < len(toks) and toks[k1].low.endswith("ing"):
            start = toks[k1].start
        else:
            first = k0
            while first > 0 and k0 - first < 12 and toks[first - 1].is_word and \
                    toks[first - 1].low not in lx.CLAUSE_WORDS and \
                    toks[first - 1].low not in _HEDGE_STOPS:
                first -= 1
            start = toks[first].start if first < k0 else toks[k0].start
        end = sentence[1]
        stop = next((t.start for t in toks[k1:] if t.text in ",;:—–()"), None)
        if stop is not None:
            end = min(end, stop)
        return self._clause(start, end)

    def _prepositional(self, toks: list[Tok], k0: int, k1: int, cue, sentence,
                       kind: str) -> Attribution | None:
        np = np_after(toks, k1)
        if np is None:
            return None
        words = [t.text for t in toks[np[0]:np[1]]]
        stype = self._typed(words, True)
        if stype is None:
            return None
        source = (toks[np[0]].start, toks[np[1] - 1].end)
        content = self._around(toks, k0, np[1], sentence)
        if content is None:
            return None
        return Attribution(content, source, cue, stype, self._has_quote(content), kind)

    def _possessive(self, toks: list[Tok], k0: int, cue, sentence) -> Attribution | None:
        """"Smith’s claim that ...", "the ministry’s statement that ...", "his warning that"."""
        if k0 == 0:
            return None
        owner = toks[k0 - 1]
        if owner.low in lx.POSSESSIVE_PRONOUNS:
            source, stype = (owner.start, owner.end), "pronoun"
        elif owner.low.endswith(("’s", "'s")):
            np = np_before(toks, k0)
            if np is None:
                return None
            words = [t.text for t in toks[np[0]:np[1]]]
            words[-1] = words[-1][:-2]
            stype = self._typed(words, False)
            source = (toks[np[0]].start, toks[np[1] - 1].end - 2)
        else:
            return None
        content = self._clause(cue[1], sentence[1])
        if stype is None or content is None or shapes.word_count(self.text, content) < 3:
            return None
        noun_end = cue[1] - len(" that")
        return Attribution(content, source, (cue[0], noun_end), stype,
                           self._has_quote(content), "nominal")

    def _verb(self, toks: list[Tok], k0: int, k1: int, cue, sentence) -> Attribution | None:
        if k0 > 0 and (toks[k0 - 1].low in _PASSIVE_BEFORE or toks[k0 - 1].low.endswith(
                ("’s", "'s"))):
            return None  # passive ("is expected"), or a noun ("Swift’s claims")
        if k1 < len(toks) and toks[k1].low == "in" and toks[k0].low.startswith("believ"):
            return None  # "believes in sedans"
        if k1 < len(toks) and toks[k1].low == "to" and toks[k0].low in lx.INTENT_CUES:
            return None  # "pledged to work together" is a commitment, not a report
        if toks[k0].low in lx.PARTICIPLE_CUES:
            return self._shared(toks, k0, k1, cue, sentence)
        strong = toks[k0].low in lx.FALLBACK_CUES
        negated = k0 > 0 and toks[k0 - 1].low in lx.NEGATIONS
        if negated and toks[k0].low not in lx.BELIEF_CUES:
            return None  # "did not say whether ...": nothing was reported
        np = np_before(toks, k0 - 1 if negated else k0)
        if np is not None:
            return self._subject_first(toks, np, k0, k1, cue, sentence, strong)
        return self._inverted(toks, k0, k1, cue, sentence, strong) or \
            self._appositive(toks, k0, k1, cue, sentence, strong) or \
            self._relative(toks, k0, k1, cue, sentence, strong) or \
            self._shared(toks, k0, k1, cue, sentence)

    def _relative(self, toks, k0: int, k1: int, cue, sentence, strong) -> Attribution | None:
        """"A spokesperson who did not wish to be named because of policy said ...":
        the source is the phrase before "who"."""
        for i in range(k0 - 1, max(-1, k0 - 20), -1):
            if not toks[i].is_word:
                return None
            if toks[i].low == "who":
                np = np_before(toks, i)
                if np is None or np[1] != i:
                    return None
                return self._subject_first(toks, np, k0, k1, cue, sentence, strong)
        return None

    def _shared(self, toks, k0: int, k1: int, cue, sentence) -> Attribution | None:
        """A cue sharing the subject of the sentence's previous attribution: "He said X
        and added that Y", "The firm denied it, saying that Y"."""
        j = k0 - 1
        while j >= 0 and toks[j].low in lx.AUX:
            j -= 1
        joined = j >= 0 and (toks[j].low in ("and", "but") or (
            toks[j].text == "," and toks[k0].low in lx.PARTICIPLE_CUES))
        previous = self._found[-1] if self._found else None
        if previous is None or previous.source is None or \
                previous.source[0] < sentence[0] or previous.cue is None:
            return self._subject_of_sentence(toks, k0, k1, j, joined, cue, sentence)
        if not joined:
            return None
        content = self._after(toks, k1, sentence, toks[k0].low in lx.OBJECT_CUES)
        if content is None or shapes.word_count(self.text, content) < 2:
            return None
        if previous.content[0] < toks[j].start < previous.content[1]:
            end = trim(self.text, previous.content[0], toks[j].start)[1]
            self._found[-1] = previous.with_(content=(previous.content[0], end))
        direct = self._has_quote(content)
        kind = "quote" if self._is_quote(content) else "reported"
        return Attribution(content, previous.source, cue, previous.source_type, direct, kind,
                           resolved_source=previous.resolved_source,
                           resolved_type=previous.resolved_type)

    def _subject_of_sentence(self, toks, k0: int, k1: int, j: int, joined: bool, cue,
                             sentence) -> Attribution | None:
        """A cue whose source is the sentence's subject, with no attribution before it:
        "Raab defended the party, saying ...", "The police responded and confirmed that
        ...", "The commission issued a statement warning that ..." (the document's issuer),
        "a letter stating that ..." (the document itself)."""
        participle = toks[k0].low in lx.PARTICIPLE_CUES
        nxt = toks[k1] if k1 < len(toks) else None
        if nxt is None or nxt.low in _OBJECT_PRONOUNS or nxt.low in _MONTHS or not (
                nxt.low == "that" or nxt.text in "“\"" or nxt.low in lx.PRONOUNS or
                (nxt.low in lx.DETERMINERS and toks[k0].low != "adding") or
                (nxt.is_cap and not participle)):
            return None  # "adding jobs", "told them of", "concludes October 10th"
        document = None
        if participle and not joined and j == k0 - 1 and toks[j].is_word:
            np = _document_before(toks, k0)
            if np is None or (nxt.low != "that" and nxt.text not in "“\""):
                return None
            document = np
            issued = np[0] > 0 and toks[np[0] - 1].low in _ISSUING_VERBS
            joined = issued
        if not joined and document is None:
            return None
        subject = self._sentence_subject(sentence, toks[j].start) if joined else None
        if subject is None and document is not None:
            subject = (toks[document[0]].start, toks[document[1] - 1].end), "document"
        if subject is None:
            return None
        content = self._after(toks, k1, sentence, toks[k0].low in lx.OBJECT_CUES)
        if content is None or shapes.word_count(self.text, content) < 3:
            return None
        kind = "quote" if self._is_quote(content) else "reported"
        return Attribution(content, subject[0], cue, subject[1], self._has_quote(content), kind)

    def _sentence_subject(self, sentence, before: int) -> tuple[tuple[int, int], str] | None:
        """The subject of a sentence and its type: the noun phrase before its first verb,
        after an opening adverbial ("However, the group raised ..." -> "the group")."""
        start = sentence[0]
        dateline = _DATELINE.match(self.text, start, before)
        if dateline:
            start = dateline.end()
        toks = tokens(self.text, start, min(before, start + WINDOW))
        i = 0
        if toks and (toks[0].low in lx.LEADING_PREPS or toks[0].low.endswith("ly")):
            comma = next((k for k, t in enumerate(toks[:16]) if t.text == ","), None)
            i = comma + 1 if comma is not None else i
        head_end = None
        for k in range(i, min(len(toks), i + 16)):
            tok = toks[k]
            if tok.text == "," and head_end is None:
                head_end = k  # "Rep. David McKinley, R-W.Va., visited": the name
            elif tok.is_word and not tok.is_cap and k > i and (
                    tok.low in lx.VERBISH or tok.low in lx.AUX or tok.low.endswith("ed")
                    or tok.low in lx.CUE_VERBS):
                end = head_end if head_end is not None else k
                if end <= i or end - i > 8 or any(not t.is_word and t.text not in ".’'-&"
                                                  for t in toks[i:end]):
                    return None
                stype = self._typed([t.text for t in toks[i:end]], False)
                if stype is None:
                    return None
                return (toks[i].start, toks[end - 1].end), stype
        return None

    def _subject_first(self, toks, np, k0, k1, cue, sentence, strong) -> Attribution | None:
        words = [t.text for t in toks[np[0]:np[1]]]
        stype = self._typed(words, strong)
        base_ok = shapes.plural(words) or toks[k0 - 1].low in _BASE_AFTER
        if stype is None or (toks[k0].low in lx.BASE_CUES and not base_ok):
            return None  # "the case report steroids": a noun, not "officials report"
        if np[0] > 0 and toks[np[0] - 1].low == "than":
            return None  # "more complicated than McKinley suggests": a comparison
        if not self._cue_shape_ok(toks, k0, k1):
            return None
        source = (toks[np[0]].start, toks[np[1] - 1].end)
        not_a_clause = k1 < len(toks) and (toks[k1].low in _NOT_A_CLAUSE or (
            toks[k1].low in _CLAIMED_THINGS and toks[k0].low.startswith("claim")))
        # "“...,” Gambill said to cheers from the crowd": what was said comes before
        cheers = strong and k1 < len(toks) and toks[k1].low == "to" and self._before(
            toks[np[0]].start, sentence)
        if not_a_clause and not cheers:
            return None  # "the area China claims as its own", "claimed responsibility"
        if toks[k0].low in lx.EVIDENCE_CUES and stype not in ("document", "outlet") and not (
                k1 < len(toks) and toks[k1].low == "that"):
            return None  # "a friend found the car" is not a finding reported
        content = self._subject_content(toks, np[0], k0, k1, sentence)
        if content is None:
            return None
        direct = self._is_quote(content) or self._has_quote(content)
        return Attribution(content, source, cue, stype, direct, "quote" if self._is_quote(
            content) else "reported")

    def _cue_shape_ok(self, toks, k0: int, k1: int) -> bool:
        """Cues that report only in one shape: "calculated that ...", and "called" with an
        object and what it was called ("called the process a sham", "called it “a feat”")."""
        low = toks[k0].low
        nxt = toks[k1].low if k1 < len(toks) else ""
        if low in lx.THAT_ONLY_CUES:
            return nxt == "that"
        if low != "called":
            return True
        for tok in toks[k1 + 1:k1 + 8]:
            if tok.text in "“\"":
                return True
            if not tok.is_word:
                return False
            if tok.low in ("a", "an"):
                return True
        return False

    def _subject_content(self, toks, first: int, k0: int, k1: int, sentence):
        """What a subject-first cue reports: the clause after it, or else the quote or
        clause before the subject ("..., Mayer said, and ...": the part before)."""
        content = self._after(toks, k1, sentence, toks[k0].low in lx.OBJECT_CUES)
        as_clause = first > 0 and toks[first - 1].low == "as"  # "..., as one CEO told me"
        parenthetical = as_clause or (first > 0 and toks[first - 1].text == "," and
                                      k1 < len(toks) and toks[k1].text == ",")
        if content is None or parenthetical or shapes.trivial(self.text, content) or \
                shapes.adverbial(self.text, content) or shapes.participle(self.text, content):
            before = self._before(toks[first - 1 if as_clause else first].start, sentence)
            nxt = self.quotes.opening_at(shapes.next_char(self.text, sentence[1]))
            if before is not None:
                content = before
            elif nxt is not None and not parenthetical:
                content = (nxt.start, nxt.end)  # "X said on Monday." then the quote
        if content is None or shapes.word_count(self.text, content) < 2 or \
                self.text[content[0]:content[0] + 6].lower().startswith(("who ", "which ")):
            return None
        first_half = self.quotes.closing_before(toks[first].start)
        if self._is_quote(content) and content[0] > toks[k0].start and first_half is not None:
            return first_half.start, content[1]  # “A,” she said, “B.”: both halves
        return content

    def _inverted(self, toks, k0, k1, cue, sentence, strong) -> Attribution | None:
        if toks[k0].low not in lx.INVERTIBLE_CUES:
            return None  # "... announced in October" is not "said Smith"
        np = np_after(toks, k1)
        if np is None or (np[1] < len(toks) and toks[np[1]].is_word
                          and toks[np[1]].low not in _AFTER_INVERTED_SOURCE):
            return None
        words = [t.text for t in toks[np[0]:np[1]]]
        stype = self._typed(words, strong)
        content = self._before(cue[0], sentence)
        if stype is None or content is None:
            return None
        source = (toks[np[0]].start, toks[np[1] - 1].end)
        kind = "quote" if self._is_quote(content) else "reported"
        return Attribution(content, source, cue, stype, self._has_quote(content), kind)

    def _appositive(self, toks, k0, k1, cue, sentence, strong) -> Attribution | None:
        """"Maria Lopez, the city engineer, said ...": the name and its apposition."""
        if k0 < 2 or toks[k0 - 1].text != ",":
            return None
        comma = next((i for i in range(k0 - 2, max(-1, k0 - 18), -1) if toks[i].text == ","),
                     None)
        if comma is None:
            return None
        head, appos = np_before(toks, comma), (comma + 1, k0 - 1)
        if head is None or head[1] != comma or appos[1] <= appos[0] or any(
                not t.is_word and t.text not in "’'-." for t in toks[appos[0]:appos[1]]):
            return None
        head_type = self._typed([t.text for t in toks[head[0]:head[1]]], strong)
        lead = toks[head[0]]
        if head_type is None or not (lead.is_cap or lead.low in lx.DETERMINERS):
            return None  # "The label that owns her music, Big Machine, says": too tangled
        if appos[1] - appos[0] == 1 and toks[appos[0]].low in _ASIDES:
            stype, appos = head_type, (head[0], head[1])  # "The Taliban, however, said"
        else:
            stype = more_specific(head_type,
                                  shapes.typed([t.text for t in toks[appos[0]:appos[1]]], strong))
        content = self._subject_content(toks, head[0], k0, k1, sentence)
        if stype is None or content is None:
            return None
        end = head[1] - 1 if toks[appos[0]].low in ("who", "which") else appos[1] - 1
        source = (toks[head[0]].start, toks[end].end)  # "Smith, who ..., said": Smith
        kind = "quote" if self._is_quote(content) else "reported"
        return Attribution(content, source, cue, stype, self._has_quote(content), kind)

    # -- content ----------------------------------------------------------------------

    def _after(self, toks: list[Tok], k: int, sentence, has_object: bool):
        """The reported clause after the cue (or the quote it opens)."""
        if k < len(toks) and toks[k].text in ".!?":
            return None  # the sentence ends at the cue even if the splitter went on
        wide = has_object or (k < len(toks) and toks[k].low in shapes.ADVERBIAL_STARTS)
        limit = min(len(toks), k + (14 if wide else 6))
        for i in range(k, limit):
            if toks[i].low in ("that", ":") or (has_object and (
                    toks[i].text in ",“\"")):
                k = i
                break
            if toks[i].low in lx.VERBISH or (not toks[i].is_word and toks[i].text != "."):
                break
        while k < len(toks) and toks[k].low in _SKIP_AFTER:
            k += 1
        if k >= len(toks):
            return None
        quote = self.quotes.opening_at(toks[k].start)
        if quote is not None:
            return quote.start, quote.end
        if toks[k].low in ("whether", "if"):
            return None  # "did not say whether ...": nothing was reported
        return self._clause(toks[k].start, self._reported_end(toks[k].start, sentence[1]))

    def _reported_end(self, start: int, end: int) -> int:
        """Where the reported clause from ``start`` ends: at the sentence's end, or where
        the writer's words resume (", but he gave no details"), skipping quoted text."""
        end = min(end, start + MAX_CONTENT)
        pos = start
        for _ in range(8):  # a few quoted stretches at most; then keep the whole
            match = _CLAUSE_END.search(self.text, pos, end)
            if match is None:
                return end
            if not self._inside_quote(match.start()):
                return match.start()
            pos = match.end()
        return end

    def _before(self, pos: int, sentence) -> tuple[int, int] | None:
        """The quote or clause that ends just before the source or cue at ``pos``."""
        quote = self.quotes.closing_before(pos)
        if quote is not None and not self._partial(quote.start, sentence):
            return quote.start, quote.end
        start, end = trim(self.text, max(sentence[0], pos - MAX_CONTENT), pos)
        dateline = _DATELINE.match(self.text, start, end)
        if dateline:
            start = dateline.end()
        if end - start < 2 or shapes.word_count(self.text, (start, end)) < 3:
            return None
        return start, end

    def _partial(self, quote_start: int, sentence) -> bool:
        """A quote ending a clause begun in the writer's words ("are aligning “like ...”")."""
        lead = (max(sentence[0], quote_start - 40), quote_start)
        return quote_start > sentence[0] and shapes.word_count(self.text, lead) >= 2

    def _around(self, toks, k0: int, np_end: int, sentence) -> tuple[int, int] | None:
        """Content of "according to X": before it, after it, or the whole sentence."""
        lead = shapes.word_count(self.text, trim(self.text, max(sentence[0], toks[k0].start - 40),
                                      toks[k0].start))
        before = self._before(toks[k0].start, sentence)
        rest = np_end
        while rest < len(toks) and toks[rest].text != ",":
            rest += 1
        after = self._clause(toks[rest].end, sentence[1]) if rest < len(toks) else None
        if before is not None and (after is None or shapes.word_count(self.text, before) >= 4):
            return before
        if before is None and after is not None and lead == 0:
            return after
        if after is None:
            return None
        return self._clause(max(sentence[0], toks[k0].start - MAX_CONTENT), sentence[1])

    def _clause(self, start: int, end: int) -> tuple[int, int] | None:
        start, end = trim(self.text, start, min(end, start + MAX_CONTENT))
        return (start, end) if end > start else None

    def _is_quote(self, content: tuple[int, int]) -> bool:
        return content[0] in self.quotes.by_start and content[1] in self.quotes.by_end

    def _has_quote(self, content: tuple[int, int]) -> bool:
        piece = self.text[content[0]:content[1]]
        return "“" in piece or piece.count('"') >= 2


def _skip_that(text: str, pos: int, end: int) -> int:
    """The offset after a "that" opening the clause at ``pos``, else ``pos``."""
    match = _THAT.match(text, pos, end)
    return match.end() if match else pos


def _document_before(toks: list[Tok], k: int) -> tuple[int, int] | None:
    """The short noun phrase naming a document just before token ``k`` ("issued [a
    statement] warning that"), or None."""
    i = k - 1
    while i >= 0 and k - i <= 5 and toks[i].is_word and toks[i].low not in lx.VERBISH:
        if toks[i].low in lx.DETERMINERS:
            break
        i -= 1
    first = i if i >= 0 and toks[i].low in lx.DETERMINERS else i + 1
    if first >= k or source_type([t.text for t in toks[first:k]]) != "document":
        return None
    return first, k


def _matches(text: str) -> list[re.Match]:
    """Cue matches and passive forms, in text order."""
    found = list(_CUE.finditer(text))
    passive = list(_PASSIVE.finditer(text))
    if passive:
        found = sorted(found + passive, key=lambda m: m.start())
    return found
