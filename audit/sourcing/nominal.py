"""Prepositional and nominal cues: "according to X", "reported by X", "remarks from X",
and a noun owned by its source ("Smith’s claim that ...", "his warning that ...").
"""

from __future__ import annotations

import re

from audit.sourcing import shapes
from audit.sourcing.content import Reader
from audit.sourcing.lang import en as lx
from audit.sourcing.record import Attribution
from audit.sourcing.sources import np_after, np_before
from audit.sourcing.text import Tok
from audit.sourcing.verb_shapes import np_end

_FIGURE = re.compile(lx.POLL_FIGURE_PATTERN)


class NominalForms(Reader):
    """Attributions whose cue is a phrase or a noun rather than a verb."""

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

    def _in_poll(self, toks: list[Tok], k0: int, k1: int, cue, sentence) -> Attribution | None:
        """"Trump leads Clinton by 8 points in the survey": the poll, a document, reports
        the clause it closes (or opens: "In the latest poll, Trump leads ...")."""
        np = np_after(toks, k1)
        if np is None or not any(t.low in self.lang.POLL_NOUNS for t in toks[np[0]:np[1]]):
            return None
        last = max(i for i in range(np[0], np[1]) if toks[i].low in self.lang.POLL_NOUNS)
        if last + 1 < np[1] and toks[last + 1].low not in ("by", "from", "of", "for"):
            return None  # "in poll numbers": not the poll itself
        if toks[last].low.endswith("s") and not any(t.is_cap for t in toks[np[0]:last]):
            return None  # "ahead in the polls": the standing, not a poll's finding
        words = [t.text for t in toks[np[0]:np[1]]]
        stype = self._typed(words, True) or "document"
        if stype not in ("document", "vague", "outlet", "organization"):
            return None
        source = (toks[np[0]].start, toks[np[1] - 1].end)
        content = self._around(toks, k0, np[1], sentence)
        if content is None or shapes.word_count(self.text, content) < 4 or not _FIGURE.search(
                self.text, content[0], content[1]):
            return None  # "Trump's leading rival in the poll": a finding has figures
        return Attribution(content, source, cue, stype, self._has_quote(content),
                           "according-to", kind="document")

    def _possessive(self, toks: list[Tok], k0: int, cue, sentence) -> Attribution | None:
        """"Smith’s claim that ...", "the ministry’s statement that ...", "his warning that"."""
        if k0 == 0:
            return None
        owner = toks[k0 - 1]
        if owner.low in self.lang.POSSESSIVE_PRONOUNS:
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

    def _owned(self, match, toks: list[Tok], k1: int) -> Attribution | None:
        """"his criticism of [the deal]", "Trump’s attacks on [Cruz]": the owner is the
        source, the noun the cue, the noun phrase after the preposition the content."""
        if k1 >= len(toks):
            return None
        end = np_end(self.lang, toks, k1)
        if end == k1:
            return None
        owner = match.group("owner")
        source = (match.start("owner"), match.end("owner") - (2 if owner.endswith("s") and
                                                             owner[-2] in "’'" else 0))
        words = self.text[source[0]:source[1]].split()
        stype = "pronoun" if owner.lower() in self.lang.POSSESSIVE_PRONOUNS else \
            self._typed(words, False)
        if stype is None:
            return None
        content = (toks[k1].start, toks[end - 1].end)
        cue = match.span("noun")
        return Attribution(content, source, cue, stype, self._has_quote(content), "nominal",
                           kind="stance")
