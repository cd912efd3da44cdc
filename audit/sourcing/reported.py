"""Attributions found from cues: reported speech, "according to", nominal and passive forms.

Each cue (a verb such as "said" or "has estimated", a phrase such as "according to") is
read in a capped window of its sentence. The source is the noun phrase before the verb
("Abe pointed out ..."), or after it when inverted ("..., said one official"); the
content is the clause after the cue, or the quote or clause before it when the cue
closes the sentence. A cue whose source is not a recognisable kind of source is dropped:
editors prefer a missed attribution to a garbage one.

Where the parts are: cues.py (finding cues), verb_shapes.py (a verb and its source),
verb_content.py (what the verb reports), participles.py (cues sharing a subject),
nominal.py ("according to X", "Smith’s claim that"), passive.py ("it is believed that",
"allegedly"), content.py (the reader's clause and quote bounds).
The extractor is the reader (content.Reader) those plain functions are handed, with one
cue context (context.CueContext) per cue.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from audit.model import Form
from audit.sourcing import cues, nominal, passive, verb_shapes
from audit.sourcing.content import Reader
from audit.sourcing.context import CueContext
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.text import WINDOW, Sentences, Tok, tokens, trim, word_count

_token_start = itemgetter(1)  # Tok.start
SENTENCE_TOKENS_MAX = 4000  # characters: a longer sentence is tokenised per cue window


_CLOSING_MARKS = ("”", '"', "'", "’")  # a quote's closing mark
_QUESTION_END = re.compile(r"[,;—–]| -- ")  # where a reporter's question ends


class Extractor(Reader):
    """Finds cue-based attributions in one text (see the module docstring)."""

    def __init__(self, text: str, sentences: Sentences, quotes: QuoteIndex, lang) -> None:
        super().__init__(text, sentences, quotes, lang)
        self._cached: tuple[tuple[int, int], list[Tok]] = ((-1, -1), [])
        self.cues = cues.cue_set(lang)  # the pack's cue scan, compiled once per pack

    def run(self) -> list[Attribution]:
        found: list[Attribution] = []
        self._found = found
        nested: list[Attribution] = []
        claimed_until = -1
        question_until = -1  # a reporter's question holds no cue; a source may come before it
        for match in cues.matches(self.text, self.cues):
            pos = match.start()
            if pos < claimed_until or pos < question_until:
                continue
            quote = self.quotes.enclosing(match.start())
            if quote is not None:
                nested += filter(None, [self._nested(match, quote)])
                continue
            index = self.sents.index(match.start())
            if index is None:
                continue
            if match.re is self.cues.passive and match.lastgroup == "asked":
                question, until = self._question(match, self.sents.spans[index][1])
                found += filter(None, [question])
                question_until = max(question_until, until)
                continue
            att = self._one(match, self.sents.spans[index])
            if att is not None:
                att = self._fronted(att, self.sents.spans[index][0])
            if att is not None and found and att.source and att.source == found[-1].source \
                    and att.cue and att.cue[0] - att.source[1] <= 2:
                continue  # "According to AP reported ...": one attribution, not two
            if att is not None and att.source and att.source[0] < claimed_until and \
                    att.source != (found[-1].source if found else None) and \
                    not _in_source(found[-1], att):
                continue  # "voters say they | think": a source running over another's cue
            if att is not None:
                att = self._joined_quote(att)
                if found and att.source:
                    found[-1] = self._before_next(found[-1], att)
                found.append(att)
                trailing = self._trailing(att, self.sents.spans[index])
                if trailing is not None:
                    found.append(trailing)
                    att = trailing
                ends = [end for _, end in filter(None, (att.source, att.cue))]
                claimed_until = max([claimed_until, *ends])
        return found + nested

    def _question(self, match: re.Match, end: int) -> tuple[Attribution | None, int]:
        """A reporter's question ("Asked if she believed ..., Clinton said", "was asked,
        “What ...?”") in a sentence ending at ``end``: the question as the asker's
        attribution with no source (None under three words), and where the question
        ends. It holds no cue ("she believed" is not one); the answer's cue follows."""
        start = match.start("asked_what")
        quote = self.quotes.opening_at(match.start("asked_quote")) if start < 0 \
            else None
        if quote is not None:  # "Trump was asked, “What ...?”": the quote
            comma = quote.end
            question = (quote.start, quote.end)
        else:
            stop = _QUESTION_END.search(self.text, max(start, match.end()), end)
            comma = stop.start() if stop else -1
            if comma < 0 and not match.group()[0].isupper():
                comma = end  # "..., he said when asked about it."
            question = self._clause(start, comma) if comma > 0 and start >= 0 \
                else None
            answer = self.cues.cue.search(self.text, match.end(), comma) \
                if comma > 0 and not match.group()[0].isupper() else None
            if answer is not None and self._joins_answer(match.end(), answer.start()):
                comma = answer.start()  # "was asked if he would run and said he
                # would not": the answer's cue is read, though inside the question
        if question is None or word_count(self.text, question) < 3:
            return None, comma
        return Attribution(question, None, match.span(), "vague", self._has_quote(question),
                           Form.QUESTION), comma

    def _nested(self, match: re.Match, quote) -> Attribution | None:
        """A speaker's own belief inside their quote: “I think we played well,” or “We
        believe that justice was served.” Only I or we with a belief or knowledge verb."""
        if match.re is not self.cues.cue or match.group() not in self.lang.NESTED_CUES:
            return None
        subject = self.patterns.first_person.search(self.text, max(quote.start, match.start() - 24),
                                       match.start())
        index = self.sents.index(match.start())
        if subject is None or index is None or self.patterns.relative_what.search(
                self.text, max(quote.start, subject.start() - 8), subject.start() + 1):
            return None  # "what I think are ...": a relative clause, not a belief stated
        end = min(self.sents.spans[index][1], quote.end)
        start = _skip_that(self.patterns.that, self.text, match.end(), end)
        first = self.text[start:start + 12].split(None, 1)[:1]
        if not first or first[0].lower() in self.lang.CLAUSE_WORDS or \
                first[0].lower() in self.lang.VERBISH:
            return None  # "I know when ...", "I know whether ...": no belief stated
        content = self._clause(start, end)
        if content is None:
            return None
        content = trim(self.text, *content, chars=" \t\n,;:.”\"")
        if word_count(self.text, content) < 3:
            return None
        return Attribution(content, subject.span(1), (match.start(), match.end()), "pronoun",
                           True, Form.REPORTED)

    def _window(self, match: re.Match, sentence: tuple[int, int]) -> list[Tok]:
        """The tokens within WINDOW of a cue. A sentence of ordinary length is tokenised
        once for all its cues and the window sliced from it; only a very long one (a page
        with no full stops) is tokenised per cue window, so that the cost stays linear."""
        ss, se = sentence
        start, end = max(ss, match.start() - WINDOW), min(se, match.end() + WINDOW)
        if se - ss > SENTENCE_TOKENS_MAX:
            return tokens(self.text, start, end)
        if self._cached[0] != sentence:
            self._cached = (sentence, tokens(self.text, ss, se))
        toks = self._cached[1]
        if (start, end) == sentence:
            return toks
        first = bisect_left(toks, start, key=_token_start)
        last = bisect_left(toks, end, first, key=_token_start)
        while last > first and toks[last - 1].end > end:
            last -= 1  # a token cut by the window's end is left out, as tokens() would
        return toks[first:last]

    def _fronted(self, att: Attribution, sentence_start: int) -> Attribution:
        """"After Scalia said [that ... schools,"] Trump said: ...", "While critics argue
        [that ...], the president ...": a cue in a clause that opens its sentence with a
        subordinator reports up to the comma that closes the clause."""
        if att.cue is None or att.content[0] < att.cue[1]:
            return att
        lead = self.patterns.fronted.match(self.text, sentence_start, att.cue[0])
        if lead is None:
            return att
        pos = att.content[0]
        while True:
            comma = self.text.find(",", pos, att.content[1])
            if comma < 0:
                return att
            closes = self.text[comma + 1:comma + 2] in _CLOSING_MARKS  # "schools,'"
            if not self._inside_quote(comma) or closes:
                break
            pos = comma + 1
        end = comma + 2 if closes else comma
        if word_count(self.text, (att.content[0], end)) < 2 or \
                self.text[end:end + 2].strip() == "":
            return att
        return att.with_(content=trim(self.text, att.content[0], end))

    def _before_next(self, att: Attribution, nxt: Attribution) -> Attribution:
        """"While Comey has said that he makes recommendations, [Lewandowski said ...]",
        "one in three said X and [one in four said Y]": a content stops where a clause with
        its own source and cue begins (after a comma, a dash or "and"), not nested in it."""
        start = nxt.source[0]
        if nxt.cue is None or not att.content[0] < start < att.content[1] or \
                nxt.content[0] < nxt.cue[1] or self._inside_quote(start):
            return att
        lead_start = max(att.content[0], start - 8)
        cut = self.patterns.clause_joint.search(self.text[lead_start:start].rstrip())
        if cut is None:
            return att
        joint = lead_start + cut.start()
        if cut.group() == "," and self._opens_fronted(att.content[0], joint):
            return att  # "said that while he opposed Trump, [he] was supporting Cruz": the
            # clause after the comma is the main clause of what was said
        end = trim(self.text, att.content[0], joint)[1]
        if word_count(self.text, (att.content[0], end)) < 2:
            return att
        return att.with_(content=(att.content[0], end))

    def _joins_answer(self, start: int, cue: int) -> bool:
        """Whether the cue at ``cue`` answers the question opening at ``start``: "and" or
        "but", and perhaps a pronoun, just before it ("was asked if ... and [he] said")."""
        words = self.text[start:cue].lower().split()[-2:]
        joins = self.lang.SHARED_SUBJECT_JOINS
        return bool(words) and (words[-1] in joins or (
            len(words) == 2 and words[0] in joins and words[1] in self.lang.SUBJECT_PRONOUNS))

    def _opens_fronted(self, start: int, comma: int) -> bool:
        """Whether the text from ``start`` to ``comma`` is a subordinate clause or phrase
        opening a clause ("while he opposed Trump", "despite the excitement")."""
        first = self.text[start:min(comma, start + 20)].split(None, 1)
        return bool(first) and (
            first[0].lower() in self.lang.FRONTED_PREPS or
            self.patterns.fronted.match(self.text, start, comma) is not None)

    def _cue_opens(self, start: int, end: int) -> bool:
        """Whether a cue of its own opens the quote at ``end`` (", adding, “B.”"), rather
        than an aside holding a cue ("said, referring to the excuse, “B.”")."""
        cue = self.cues.cue.search(self.text, start, end)
        return cue is not None and self.text[cue.end():end].strip(" ,:") == ""

    def _trailing(self, att: Attribution, sentence: tuple[int, int]) -> Attribution | None:
        """“A,” Corker said Wednesday, pointing out that B: after a cue that closes what it
        reports, the clause of a participle no cue list holds, for the same source."""
        if att.cue is None or att.source is None or att.content[1] > att.cue[0]:
            return None
        match = self.patterns.trailing_that.match(self.text, max(att.cue[1], att.source[1]),
                                                  sentence[1])
        if match is None or match.group("cue").split()[0] in self.lang.PARTICIPLE_CUES:
            return None
        content = self._clause(match.end(), self._reported_end(match.end(), sentence[1]))
        if content is None or word_count(self.text, content) < 3:
            return None
        return Attribution(content, att.source, match.span("cue"), att.source_type,
                           self._has_quote(content), Form.REPORTED,
                           resolved_source=att.resolved_source, resolved_type=att.resolved_type)

    def _joined_quote(self, att: Attribution) -> Attribution:
        """“We will win,” she said, “and soon.”: one content over both halves."""
        if not (att.direct and att.source and att.cue) or att.content[1] > att.cue[0]:
            return att
        tail = max(att.source[1], att.cue[1])
        if self.text[tail:tail + 1] != ",":
            # “A,” one aide said late last month, “but B.” (no cue in between)
            aside = self.patterns.occasion_then_quote.match(self.text, tail)
            if aside is None or self._cue_opens(tail, aside.end()):
                return att
            tail = aside.end() - 1
        second = self.quotes.opening_at(tail)
        if second is None:
            # "“A,” said Raffaello Pantucci, director of ..., “but B.”": past an apposition
            # (not "“A,” she said, adding, “B.”": a cue of its own reports B)
            aside = self.patterns.apposition_then_quote.match(self.text, tail) or \
                self.patterns.conjunction_then_quote.match(self.text, tail)
            second = self.quotes.opening_at(aside.end()) if aside and \
                not self._cue_opens(tail, aside.end()) else None
        if second is None:
            return self._clause_goes_on(att, tail)
        return att.with_(content=(att.content[0], second.end))

    def _clause_goes_on(self, att: Attribution, comma: int) -> Attribution:
        """“It's our bad luck,” he said, that both men ...: the sentence the quote opens
        goes on after the cue with a "that" clause, unquoted."""
        first = self.text[comma + 1:comma + 40].split(None, 2)[:2]
        index = self.sents.index(comma)
        if len(first) < 2 or first[0].lower() != self.lang.THAT or index is None or \
                first[1].lower() in self.lang.AUX_VERBS:
            return att  # not "“A,” she said, that is all": "that" the subject
        start = self.text.index(first[0], comma + 1)
        rest = self._clause(start, self._reported_end(start, self.sents.spans[index][1]))
        if rest is None or word_count(self.text, rest) < 3:
            return att
        return att.with_(content=(att.content[0], rest[1]))

    def _one(self, match: re.Match, sentence: tuple[int, int]) -> Attribution | None:
        toks = self._window(match, sentence)
        # The first token at or after the cue's start, and after its end (tokens are in
        # text order: bisection in C, not a scan of the window in Python).
        k0 = bisect_left(toks, match.start(), key=_token_start)
        if k0 == len(toks):
            return None
        k1 = bisect_left(toks, match.end(), k0, key=_token_start)
        if match.re is self.cues.passive:
            return passive.passive(self, match, toks, k1, sentence)
        if match.re is self.cues.owned_noun:
            return nominal.owned(self, match, toks, k1)
        context = CueContext(toks, k0, k1, match.span(), sentence)
        if match.re is self.cues.in_poll:
            return nominal.in_poll(self, context)
        if toks[k0].start != match.start():
            return None  # inside a hyphenated word: "so-called", "well-known"
        words = match.group()
        if words in self.cues.noun_that:
            att = nominal.possessive(self, context)
            if att is not None or toks[k0].low not in self.lang.PARTICIPLE_CUES:
                return att
            # "a statement warning that": the participle is the cue
            context = context.with_(k1=k0 + 1, cue=(toks[k0].start, toks[k0].end))
        if words.startswith(self.cues.preps) or words.startswith(self.cues.nominals):
            form = Form.ACCORDING_TO if words.startswith(self.cues.preps) else Form.NOMINAL
            return nominal.prepositional(self, context, form)
        if toks[k0].low in self.lang.QUOTE_ONLY_CUES:
            return verb_shapes.quote_only(self, context)
        return verb_shapes.verb(self, context)


def _in_source(inner: Attribution, att: Attribution) -> bool:
    """``inner`` lies in ``att``'s source, before its cue: a relative clause about the
    speaker ("Smith, a Republican who described himself as a Catholic, said ...")."""
    spans = [s for s in (inner.source, inner.cue, inner.content) if s is not None]
    return att.source is not None and att.cue is not None and all(
        att.source[0] <= a and b <= att.cue[0] for a, b in spans)


def _skip_that(that: re.Pattern, text: str, pos: int, end: int) -> int:
    """The offset after a "that" opening the clause at ``pos``, else ``pos``."""
    match = that.match(text, pos, end)
    return match.end() if match else pos
