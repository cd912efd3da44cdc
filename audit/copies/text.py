"""An article's text cut into what copy detection compares: sentences with their words.

A sentence keeps its span in the article text, its content words (lowercased, function
words dropped) and its anchors: names and numbers, the words a spinner leaves alone.
Everything downstream (the sketch that finds candidates, the alignment that checks
them) reads these records, so the text is tokenised once per article.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from itertools import pairwise

from audit.sentences import split_sentences

# English function words (and reporting verbs that every article shares): they carry no
# evidence that one text was taken from another, so they are left out of content words.
_FUNCTION_WORDS = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours said says say told according also
mr mrs ms s t one two new like get got many much may might must us via per
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: frozenset[str]          # content words, lowercased
    anchors: tuple[str, ...]       # names and numbers, lowercased, in order
    bigrams: frozenset[int]        # hashed word bigrams, function words included


@dataclass(frozen=True)
class Doc:
    """One text as copy detection sees it. ``key`` names it (an input source or a
    reference id); ``date`` (ISO, may be None) orders a group; ``credits`` are the agency
    names the article credits for its text (not for a photo)."""

    key: str
    text: str
    sentences: tuple[Sentence, ...]
    date: str | None = None
    credits: tuple[str, ...] = ()
    source: str | None = None      # a reference text's agency ("AP"), if known

    @property
    def chars(self) -> int:
        return sum(s.end - s.start for s in self.sentences)


def _norm(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word


def _hash(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


def sentence(text: str, start: int, end: int) -> Sentence | None:
    """The record of ``text[start:end]``, or None when it has fewer than four words
    (datelines, headings of one word, bylines carry no evidence)."""
    tokens = [(m.group(), m.start()) for m in _WORD.finditer(text, start, end)]
    if len(tokens) < 4:
        return None
    words: set[str] = set()
    anchors: list[str] = []
    forms: list[str] = []
    for i, (token, _at) in enumerate(tokens):
        form = _norm(token)
        forms.append(form)
        if form in FUNCTION_WORDS:
            continue
        if token[0].isdigit() or (i > 0 and token[0].isupper()):
            anchors.append(form)
        if len(form) > 2 or form.isdigit():
            words.add(form)
    bigrams = frozenset(_hash(a + " " + b) for a, b in pairwise(forms))
    return Sentence(start, end, frozenset(words), tuple(anchors), bigrams)


def prepare(key: str, text: str, *, date: str | None = None,
            credits: tuple[str, ...] = (), source: str | None = None) -> Doc:
    """Cut ``text`` into the sentences copy detection compares."""
    sentences = []
    for start, end in split_sentences(text):
        record = sentence(text, start, end)
        if record is not None:
            sentences.append(record)
    return Doc(key, text, tuple(sentences), date, tuple(credits), source)


def features(doc: Doc) -> set[int]:
    """What the candidate search indexes: pairs of anchors next to each other (names and
    numbers survive spinning) and word 4-grams of content words (exact copies)."""
    out: set[int] = set()
    for s in doc.sentences:
        for a, b in pairwise(s.anchors):
            if a != b:
                out.add(_hash("A " + a + " " + b))
    content = [w for s in doc.sentences for w in _ordered_words(doc.text, s)]
    for i in range(len(content) - 3):
        out.add(_hash("W " + " ".join(content[i:i + 4])))
    return out


def _ordered_words(text: str, s: Sentence) -> list[str]:
    return [f for f in (_norm(m.group()) for m in _WORD.finditer(text, s.start, s.end))
            if f not in FUNCTION_WORDS]


def excerpt(text: str, start: int, end: int, limit: int = 300) -> str:
    piece = _SPACE.sub(" ", text[start:end]).strip()
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"
