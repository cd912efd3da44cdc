"""What a cue reports: the clause or quote after it, before it, or around it.

``Reader`` holds what every part of the extractor reads from (the text, its sentences
and quotes, the attributions found so far) and finds content spans: the clause after a
cue up to where the writer's words resume, the quote or clause that ends just before a
source, the sentence around "according to X". Content is capped at MAX_CONTENT
characters (quotes are kept whole) so that a pathological sentence stays cheap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from types import ModuleType
from typing import NamedTuple

from audit.sourcing import shapes
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.sources import single_name_type
from audit.sourcing.text import Sentences, Tok, trim, word_count

MAX_CONTENT = 1500  # characters of reported clause kept; quotes are kept whole

MAX_APPOSITION = 80  # characters of an apposition after a clause's subject
MAX_APPOSED_SUBJECT = 4  # words of that subject ("that [CNN], a fellow network, has ...")
MAX_ADDRESSEE = 4  # words of "told [the crowd] he ...", before the clause's subject
_DASH = re.compile(r" [—–] | -- ")


def _after_addressee(lang, toks: list[Tok], k: int, verb: int) -> int:
    """Where the clause told begins when an addressee comes first and the clause's subject
    opens with a determiner ("told reporters [the bridge] would reopen", "told the Post
    [the plan] was dead"): that determiner, if it comes within MAX_ADDRESSEE words of a bare
    noun phrase (no "of": "told the story of [the bridge] that was built" is no addressee)
    and no clause word comes before the verb; else ``k``."""
    for j in range(k + 1, min(verb - 1, k + MAX_ADDRESSEE + 1)):
        if toks[j].low in lang.DETERMINERS and all(
                t.is_word and t.low not in lang.NP_PREPS for t in toks[k:j]) and not any(
                t.low in lang.CLAUSE_WORDS for t in toks[j:verb]):
            return j
    return k


def _relative_that(lang, toks: list[Tok], i: int) -> bool:
    """Whether the "that" at token ``i`` opens a relative clause, a verb after it ("told the
    story of a bridge [that was] built"), not what was told ("told him that it was")."""
    if toks[i].low != lang.THAT or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1].low
    return nxt in lang.VERBISH or nxt in lang.AUX or nxt in lang.IRREGULAR_PAST or (
        nxt.endswith(lang.PAST_ENDING) and not toks[i + 1].is_cap)


class ReaderPatterns(NamedTuple):
    """A language pack's patterns read by the extractor, compiled once per pack."""

    dateline: re.Pattern  # "VIENNA — " opening a story (lang.DATELINE_PATTERN)
    clause_end: re.Pattern  # where the writer takes over again (lang.CLAUSE_END_PATTERN)
    first_person: re.Pattern  # "I" or "we" before a cue in a quote
    relative_what: re.Pattern  # "what I think are ...": no belief stated
    apposition_then_quote: re.Pattern  # “A,” said X, director of ..., “but B.”
    last_piece: re.Pattern  # where the last piece of a clause opens (lang.LAST_PIECE_PATTERN)
    clause_joint: re.Pattern  # what joins a second clause (lang.CLAUSE_JOINT_PATTERN)
    fronted: re.Pattern  # a sentence opening with a subordinate clause (lang.FRONTED_PATTERN)
    that: re.Pattern  # "that" opening a clause, after spaces (lang.THAT)
    trailing_that: re.Pattern  # ", pointing out that" after a quote's cue
    occasion_then_quote: re.Pattern  # “A,” X said last month, “but B.”
    conjunction_then_quote: re.Pattern  # “A,” he said, but “B.”


@lru_cache(maxsize=8)
def reader_patterns(lang: ModuleType) -> ReaderPatterns:
    return ReaderPatterns(*map(re.compile, (
        lang.DATELINE_PATTERN, lang.CLAUSE_END_PATTERN, lang.FIRST_PERSON_CUE_PATTERN,
        lang.RELATIVE_WHAT_PATTERN, lang.APPOSITION_THEN_QUOTE_PATTERN,
        lang.LAST_PIECE_PATTERN, lang.CLAUSE_JOINT_PATTERN, lang.FRONTED_PATTERN,
        r"\s*" + re.escape(lang.THAT) + r"\b", lang.TRAILING_THAT_PATTERN,
        lang.OCCASION_THEN_QUOTE_PATTERN, lang.CONJUNCTION_THEN_QUOTE_PATTERN)))


class Reader:
    """The text an extractor reads, and the content spans it finds there."""

    def __init__(self, text: str, sentences: Sentences, quotes: QuoteIndex, lang) -> None:
        self.lang = lang  # the language pack (audit/lang/en.py): every word list read here
        self.patterns = reader_patterns(lang)  # and its patterns, compiled once
        self.text = text
        self.sents = sentences
        self.quotes = quotes
        self._single: dict[str, str] = {}
        self._found: list[Attribution] = []

    def _typed(self, words: list[str], strong: bool) -> str | None:
        """The source's type; one-word names are checked against the rest of the text."""
        stype = shapes.typed(self.lang, words, strong)
        if stype == "person" and len(words) == 1:
            word = words[0]
            if word not in self._single:
                self._single[word] = single_name_type(self.lang, word, self.text)
            stype = self._single[word]
        return stype

    def _inside_quote(self, pos: int) -> bool:
        return self.quotes.enclosing(pos) is not None

    def _after(self, toks: list[Tok], k: int, sentence, has_object: bool):
        """The reported clause after the cue (or the quote it opens)."""
        if k < len(toks) and toks[k].text in ".!?":
            return None  # the sentence ends at the cue even if the splitter went on
        aside = k < len(toks) and (toks[k].low in self.lang.ADVERBIAL_STARTS
                                   or toks[k].low in self.lang.WHEN_WORDS)
        wide = has_object or aside
        limit = min(len(toks), k + (24 if wide else 6))
        commas = 0
        for i in range(k, limit):
            if (toks[i].low in self.lang.CLAUSE_OPENERS and not (
                    has_object and i > k and _relative_that(self.lang, toks, i))) or (
                    has_object and toks[i].text in ",“\""):
                k = i
                break
            if aside and toks[i].text == ",":
                commas += 1  # "said Sunday in Madison, Wisconsin, that ...": when and where
                continue
            if commas and (toks[i].low.endswith(self.lang.PARTICIPLE_ENDING)
                           or toks[i].low in self.lang.CUE_VERBS):
                break  # "said Tuesday, adding that ...": another cue's clause
            if has_object and k < i <= k + MAX_ADDRESSEE and \
                    toks[i].low in self.lang.SUBJECT_PRONOUNS:
                k = i  # "told reporters he would run": the addressee is not what was told
                break
            if toks[i].low in self.lang.VERBISH or (not toks[i].is_word and toks[i].text != "."):
                if has_object and toks[i].is_word:
                    k = _after_addressee(self.lang, toks, k, i)
                break
            if not has_object and toks[i].low in self.lang.SUBJECT_PRONOUNS:
                if i > k and all(t.low in self.lang.WHEN_WORDS for t in toks[k:i]):
                    k = i  # "said Wednesday she wants ...": the day is not what was said
                break  # "said he understands how hard that can be": the clause began
        after_that = False
        while k < len(toks) and toks[k].low in self.lang.SKIP_AFTER_CUE:
            after_that = after_that or toks[k].low == self.lang.THAT
            k += 1
        if k >= len(toks):
            return None
        quote = self.quotes.opening_at(toks[k].start)
        if quote is not None:
            rest = self.text[quote.end:min(sentence[1], quote.end + 3)].lstrip(" ")
            if rest[:1].isalnum():  # "said that “...” and that the US should not bear ..."
                return self._clause(quote.start, self._reported_end(quote.start, sentence[1]))
            return quote.start, quote.end
        if toks[k].low in self.lang.IF_WORDS and not after_that and not (
                toks[k].low == self.lang.IF and k > 0 and toks[k - 1].low in self.lang.SPEECH_CUES
                and not (k > 1 and toks[k - 2].low in self.lang.NEGATIONS)):
            return None  # "did not say whether ...": nothing was reported; but "says if he
            # wins, he will ...": a condition and what follows it
        return self._clause(toks[k].start, self._reported_end(toks[k].start, sentence[1]))

    def _reported_end(self, start: int, end: int) -> int:
        """Where the reported clause from ``start`` ends: at the sentence's end, or where
        the writer's words resume (", but he gave no details"), skipping quoted text."""
        end = min(end, start + MAX_CONTENT)
        pos = start
        for _ in range(8):  # a few quoted stretches at most; then keep the whole
            match = self.patterns.clause_end.search(self.text, pos, end)
            if match is None:
                return self._before_dash(start, end)
            cut = match.start()
            if self.text[cut + 1:cut + 2] in ("”", '"'):
                cut += 2  # 'are “about right,” though voters ...': the quote is kept
            if (match.group().startswith(self.lang.CLAUSE_END_AND)
                    and " " not in self.text[start:cut].strip()) or (
                    match.group().startswith(self.lang.CLAUSE_END_APPOSITION) and
                    self.text[start:start + 12].split(None, 1)[0].lower() in
                    self.lang.CONDITIONS):
                pos = match.end()  # "that he and Giles had been ...": no clause ends at its
                continue  # first word
            if match.group().startswith(self.lang.CLAUSE_END_APPOSITION) and \
                    self._apposed_subject(start, cut, match.end(), end):
                pos = match.end()  # "that CNN, a Turner asset, has done ...": the subject's
                continue  # apposition, and the clause goes on with its verb
            if not self._inside_quote(cut):
                return self._before_dash(start, cut)
            pos = match.end()
        return self._before_dash(start, end)

    def _apposed_subject(self, start: int, comma: int, after: int, end: int) -> bool:
        """Whether the apposition at ``comma`` follows a short subject and closes on a comma
        before an auxiliary verb ("CNN, a fellow network, has done ...")."""
        if word_count(self.text, (start, comma)) > MAX_APPOSED_SUBJECT:
            return False
        close = self.text.find(", ", after, min(end, after + MAX_APPOSITION))
        verb = self.text[close + 2:close + 12].split(None, 1)[:1] if close >= 0 else []
        return bool(verb) and verb[0] in self.lang.AUX and \
            "," not in self.text[after:close] and not self._inside_quote(close)

    def _before_dash(self, start: int, end: int) -> int:
        """A single dash in a reported clause starts the writer's gloss on it ("he wants to
        bar them — a proposal he has raised before"); a pair sets off an aside."""
        dashes = list(islice(_DASH.finditer(self.text, start, end), 2))  # one, or more
        if len(dashes) == 1 and not self._inside_quote(dashes[0].start()):
            return dashes[0].start()
        return end

    def _before(self, pos: int, sentence) -> tuple[int, int] | None:
        """The quote or clause that ends just before the source or cue at ``pos``."""
        quote = self.quotes.closing_before(pos)
        if quote is not None and not self._partial(quote.start, sentence):
            return quote.start, quote.end
        start, end = trim(self.text, max(sentence[0], pos - MAX_CONTENT), pos)
        dateline = self.patterns.dateline.match(self.text, start, end)
        if dateline:
            start = dateline.end()
        words = self.text[start:end].split()
        if end - start < 2 or len(words) < 3 or (
                len(words) <= 8 and words[0].lower() in self.lang.LEADING_PREPS
                and self.text[end:pos].strip() == ","):
            return None  # "During the debate in Brooklyn, Clinton said": when, not what
        return start, end

    def _partial(self, quote_start: int, sentence) -> bool:
        """A quote ending a clause begun in the writer's words ("are aligning “like ...”")."""
        lead = (max(sentence[0], quote_start - 40), quote_start)
        return quote_start > sentence[0] and word_count(self.text, lead) >= 2

    def _around(self, toks, k0: int, np_end: int, sentence) -> tuple[int, int] | None:
        """Content of "according to X": before it, after it, or the whole sentence."""
        lead = word_count(self.text, trim(self.text, max(sentence[0], toks[k0].start - 40),
                                      toks[k0].start))
        before = self._before(toks[k0].start, sentence)
        rest = np_end
        while rest < len(toks) and toks[rest].text != ",":
            rest += 1
        after = self._clause(toks[rest].end, sentence[1]) if rest < len(toks) else None
        if before is not None and after is not None and rest + 1 < len(toks) and \
                self._goes_on(toks[rest + 1]):
            # "Among the precedents at risk, according to Ms. Epstein, are 16 ...": the
            # clause goes on past the aside, and the whole of it is what is vouched for
            return before[0], after[1]
        if before is not None and (after is None or word_count(self.text, before) >= 4):
            return self._last_piece(before)
        if before is None and after is not None and lead == 0:
            return after
        if after is None:
            return None
        return self._clause(max(sentence[0], toks[k0].start - MAX_CONTENT), sentence[1])

    def _goes_on(self, tok: Tok) -> bool:
        """Whether the word after a cue set off by commas goes on with the clause the cue
        interrupts, as its verb ("..., according to Ms. Epstein, are 16 ...")."""
        return not tok.is_cap and tok.low in self.lang.AUX_VERBS

    def _last_piece(self, span: tuple[int, int]) -> tuple[int, int]:
        """What a trailing "according to X" vouches for: the clause's last piece after a
        relative pronoun, "with", a parenthesis or a second coordinated clause ("He lost
        in areas with many Mormons, [who are a majority there], according to a survey")."""
        if self._has_quote(span):
            return span
        best = None
        for match in self.patterns.last_piece.finditer(self.text, span[0], span[1]):
            best = match
        if best is None:
            return span
        start = best.end()
        return (start, span[1]) if word_count(self.text, (start, span[1])) >= 3 else span

    def _clause(self, start: int, end: int) -> tuple[int, int] | None:
        start, end = trim(self.text, start, min(end, start + MAX_CONTENT))
        return (start, end) if end > start else None

    def _is_quote(self, content: tuple[int, int]) -> bool:
        return content[0] in self.quotes.by_start and content[1] in self.quotes.by_end

    def _has_quote(self, content: tuple[int, int]) -> bool:
        piece = self.text[content[0]:content[1]]
        return "“" in piece or "”" in piece or piece.count('"') >= 2 or "''" in piece
