"""An article's text cut into what copy detection compares: sentences with their words.

A sentence keeps its span in the article text, its content words (lowercased, function
words dropped) and its anchors: names and numbers, the words a spinner leaves alone.
Everything downstream (the sketch that finds candidates, the alignment that checks
them) reads these records, so the text is tokenised once per article.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass
from functools import cached_property
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
    words: frozenset[int]          # content words, lowercased, hashed
    anchors: tuple[int, ...]       # names and numbers, lowercased, hashed, in order
    bigrams: frozenset[int]        # hashed word bigrams, function words included


@dataclass(frozen=True)
class Doc:
    """One text as copy detection sees it. ``key`` names it (an input source or a
    reference id); ``date`` (ISO, may be None) orders a group; ``credits`` are the agency
    names the article credits for its text (not for a photo). Its sentences are cut when
    first read: most texts meet no candidate and are never aligned."""

    key: str
    text: str
    date: str | None = None
    credits: tuple[str, ...] = ()
    source: str | None = None      # a reference text's agency ("AP"), if known

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out = []
        for start, end in split_sentences(self.text):
            record = sentence(self.text, start, end)
            if record is not None:
                out.append(record)
        return tuple(out)

    @cached_property
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
    tokens = _WORD.findall(text, start, end)
    if len(tokens) < 4:
        return None
    forms = [_norm(t) if "'" in t or "’" in t else t.lower() for t in tokens]
    words: set[int] = set()
    anchors: list[int] = []
    for i, form in enumerate(forms):
        if form in FUNCTION_WORDS:
            continue
        first = tokens[i][0]
        code = hash(form) & _M32
        if first.isdigit() or (i > 0 and first.isupper()):
            anchors.append(code)
        if len(form) > 2 or form.isdigit():
            words.add(code)
    bigrams = frozenset(hash(pair) & _M32 for pair in pairwise(forms))
    return Sentence(start, end, frozenset(words), tuple(anchors), bigrams)


# Sentences are compared only within one process: Python's own hash, cut to 32 bits so
# that a text's sentences pack into one array of unsigned ints (``pack``), will do.
_M32 = 0xFFFFFFFF


def pack(sentences: tuple[Sentence, ...]) -> array:
    """The sentences as one array of integers (a batch keeps this, not the records):
    per sentence its start, end, the counts of words, anchors and bigrams, then those."""
    out = array("I")
    for s in sentences:
        out.extend((s.start, s.end, len(s.words), len(s.anchors), len(s.bigrams)))
        out.extend(s.words)
        out.extend(s.anchors)
        out.extend(s.bigrams)
    return out


def unpack(data: array) -> tuple[Sentence, ...]:
    """The sentences ``pack`` wrote."""
    out = []
    i = 0
    while i < len(data):
        start, end, nw, na, nb = data[i:i + 5]
        i += 5
        words = frozenset(data[i:i + nw])
        anchors = tuple(data[i + nw:i + nw + na])
        i += nw + na
        out.append(Sentence(start, end, words, anchors, frozenset(data[i:i + nb])))
        i += nb
    return tuple(out)


def prepare(key: str, text: str, *, date: str | None = None,
            credits: tuple[str, ...] = (), source: str | None = None,
            packed: array | None = None) -> Doc:
    """The text as copy detection reads it (sentences are cut when first needed, or
    read from ``packed``, what ``pack`` made of them before)."""
    doc = Doc(key, text, date, tuple(credits), source)
    if packed is not None:
        doc.__dict__["sentences"] = unpack(packed)  # the cached_property's value
    return doc


def has_sentences(doc: Doc) -> bool:
    """Whether ``doc``'s sentences were cut already."""
    return "sentences" in doc.__dict__


_MASK = (1 << 63) - 1
_K = 1_000_003
# Each token seen, once per process: 0 for a function word, else its code (CRC-32 of its
# normal form) times two, plus one when it is an anchor (capitalised or a number). Most
# tokens of an article were seen in earlier ones, so ``features`` reads them with a
# dictionary lookup; the cache is emptied when it grows past _MAX_CODES.
_CODES: dict[str, int] = {}
_MAX_CODES = 200_000


def _code(token: str) -> int:
    if token.lower() in FUNCTION_WORDS:
        value = 0
    else:
        value = _hash(_norm(token)) * 2 + (token[0].isupper() or token[0].isdigit())
    if len(_CODES) >= _MAX_CODES:
        _CODES.clear()
    _CODES[token] = value
    return value


def features(doc: Doc) -> set[int]:
    """What the candidate search indexes, read from the words of the whole text in one
    pass (no sentences: this runs for every article): pairs of anchors next to each other
    (capitalised words and numbers, which survive spinning) and 4-grams of content words
    (exact copies). Hashes are stable across processes (CRC-32 of each word, combined), so
    an index on disk stays valid."""
    get = _CODES.get
    values = [v if (v := get(t)) is not None else _code(t) for t in _WORD.findall(doc.text)]
    content = [v >> 1 for v in values if v]
    anchors = [v >> 1 for v in values if v & 1]
    out = {(a * _K + b) & _MASK | 1 for a, b in pairwise(anchors) if a != b}
    # ((a*K + b)*K + c)*K + d, from the bigram codes of (a, b) and (c, d)
    two = [a * _K + b for a, b in pairwise(content)]
    k2 = _K * _K
    out.update((x * k2 + y) & _MASK & ~1 for x, y in zip(two, two[2:]))
    return out


def excerpt(text: str, start: int, end: int, limit: int = 300) -> str:
    # A long span is read from its first 4 × limit characters when they make enough text
    piece = _SPACE.sub(" ", text[start:min(end, start + 4 * limit)]).strip()
    if len(piece) <= limit and end > start + 4 * limit:
        piece = _SPACE.sub(" ", text[start:end]).strip()
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"
