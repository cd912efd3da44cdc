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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress, pairwise, repeat
from operator import and_
from typing import NamedTuple

from audit import lang
from audit.sentences import split_sentences

# Function words (and reporting verbs that every article shares), from the English module
# (audit/lang/en.py): they carry no evidence that one text was taken from another, so they
# are left out of content words.
FUNCTION_WORDS = lang.LANGUAGES["en"].COPY_STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class Sentence(NamedTuple):
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
        return cut(self.text, split_sentences(self.text))

    @cached_property
    def names(self) -> frozenset[int]:
        """The codes of its anchors (names and numbers), read from its chunks."""
        return anchor_codes(self.text)

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


def cut(text: str, spans: Iterable[tuple[int, int]]) -> tuple[Sentence, ...]:
    """The records of the sentences ``spans`` cut ``text`` into, but those of fewer than
    four words (datelines, headings of one word, bylines carry no evidence). The tokens
    of all the sentences are coded in one pass, each code read from a cache (all in C: a
    batch cuts the sentences of every text that meets a candidate); each sentence then
    takes its slice."""
    kept: list[tuple[int, int, int]] = []
    tokens: list[str] = []
    findall = _WORD.findall
    for start, end in spans:
        found = findall(text, start, end)
        if len(found) >= 4:
            kept.append((start, end, len(found)))
            tokens += found
    if not kept:
        return ()
    forms = _forms(tokens)
    word = list(map(_CONTENT.__contains__, tokens))
    odd = list(map(_ANCHORS.__contains__, tokens))
    # the bigrams of the whole text; a sentence takes those inside it
    bigrams = list(map(and_, map(hash, pairwise(forms)), repeat(_M32)))
    out = []
    i = 0
    for start, end, n in kept:
        j = i + n
        # names and numbers; the first word is capitalised whatever it is
        anchors = tuple(compress(forms[i + 1:j], odd[i + 1:j]))
        if odd[i] and tokens[i][0].isdigit():
            anchors = (forms[i], *anchors)
        out.append(Sentence(start, end, frozenset(compress(forms[i:j], word[i:j])), anchors,
                            frozenset(bigrams[i:j - 1])))
        i = j
    return tuple(out)


_M32 = 0xFFFFFFFF  # sentences' hashes are cut to 32 bits: they pack into an array("I")


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


# Each token seen, once per process, is coded once (most tokens of an article were seen
# in earlier ones): its form is the CRC-32 of its lowercased normal form; a content word
# of three letters or more or a number (a sentence's words) is in _CONTENT, a capitalised
# content word or a number (an anchor) in _ANCHORS. ``cut`` reads them all in C, by
# dictionary and set lookups (an int's bound operator, such as ``(2).__and__``, is a
# slot wrapper, two to three times slower an item).
_CONTENT: set[str] = set()
_ANCHORS: set[str] = set()
# ``features`` reads whitespace-separated chunks ("Clinton," "well-known"), not words: a
# split is four times cheaper than the word pattern. A chunk's code is the CRC-32 of its
# words (their normal forms joined); 0 for a function word or for punctuation alone. A
# chunk whose first word is capitalised or a number (an anchor) has its anchor code
# (twice its code, plus one) in _CHUNK_ANCHORS; the codes that start a sampled 4-gram
# (0 modulo SAMPLE) are in _SAMPLED.
_CHUNK_ANCHORS: dict[str, int] = {}
_SAMPLED: set[int] = set()
_MAX_CODES = 100_000
# The features kept: those whose first word's code is 0 modulo SAMPLE. The choice depends
# on the feature alone, so two texts keep the same ones of what they share (a quarter of
# it, on average): the index stores, and a query probes, a quarter of the features. A
# text of fewer than SAMPLE_FROM content words keeps all of its own (a short text would
# keep too few to be found; a short query probes them all).
SAMPLE = 4
SAMPLE_FROM = 150


class _Forms(dict):
    """A token -> its form, learnt on first sight (with its marks in _CONTENT, _ANCHORS)."""

    def __missing__(self, token: str) -> int:
        form = _norm(token) if "'" in token or "’" in token else token.lower()
        code = self[token] = _hash(form) or 1
        if form not in FUNCTION_WORDS:
            if len(form) > 2 or form.isdigit():
                _CONTENT.add(token)
            if token[0].isdigit() or token[0].isupper():
                _ANCHORS.add(token)
        return code


class _Chunks(dict):
    """A chunk -> its code, learnt on first sight (with its anchor code and sample mark)."""

    def __missing__(self, chunk: str) -> int:
        # most chunks are a word, or a word and a mark ("said," "Clinton."): their one
        # word is read without the pattern (a run of [^\W_] is a run of isalnum())
        if chunk.isalnum():
            words, forms = [chunk], [chunk.lower()]
        elif chunk[:-1].isalnum() and not chunk[-1].isalnum():
            words = [chunk[:-1]]
            forms = [words[0].lower()]
        else:
            words = _WORD.findall(chunk)
            forms = [_norm(w) for w in words]
        if not words or (len(words) == 1 and forms[0] in FUNCTION_WORDS):
            self[chunk] = 0
            return 0
        code = self[chunk] = _hash(" ".join(forms)) or 1
        if words[0][0].isupper() or words[0][0].isdigit():
            _CHUNK_ANCHORS[chunk] = code * 2 + 1
        if code % SAMPLE == 0:
            _SAMPLED.add(code)
        return code


_FORMS = _Forms()
_CHUNKS = _Chunks()


def _forms(tokens: list[str]) -> list[int]:
    """The form of each token (read in C; a token not seen yet is learnt)."""
    if len(_FORMS) > _MAX_CODES:  # emptied between texts: a text never sees two fillings
        _FORMS.clear()
        _CONTENT.clear()
        _ANCHORS.clear()
    return list(map(_FORMS.__getitem__, tokens))


def _chunk_codes(chunks: list[str]) -> list[int]:
    """The code of each chunk (read in C; a chunk not seen yet is learnt)."""
    if len(_CHUNKS) > _MAX_CODES:
        _CHUNKS.clear()
        _CHUNK_ANCHORS.clear()
        _SAMPLED.clear()
    return list(map(_CHUNKS.__getitem__, chunks))


def features(doc: Doc) -> set[int]:
    """What the candidate search indexes, read from the chunks of the whole text in one
    pass (no sentences: this runs for every article): 4-grams of content words (exact
    copies) and, of a text under ``SAMPLE_FROM`` content words, pairs of anchors next to
    each other (capitalised words and numbers, which survive spinning); of a long text
    only the 4-grams whose first word's code is 0 modulo ``SAMPLE``. A feature's hash
    is Python's hash of the tuple of its words' codes (CRC-32s): the same in every process
    (hashes of integers and of tuples of them are not salted), so an index on disk stays
    valid (``index.FORMAT`` names the hash of a probe tuple: another Python's is noticed)."""
    chunks = doc.text.split()  # all in C: this runs for every text
    content = list(filter(None, _chunk_codes(chunks)))
    grams = zip(content, content[1:], content[2:], content[3:])
    if len(content) >= SAMPLE_FROM:
        # only the 4-grams whose first word's code is 0 modulo SAMPLE are made and hashed.
        # A long text keeps no anchor pairs: sampled as the 4-grams are, they recover most
        # heavily spun copies (eval_copies, spun 80%: recall 0.812 -> 0.905) but make many
        # more candidates to align in a batch (synthetic batch: 0.46 -> 0.67 ms an article)
        return set(map(hash, compress(grams, map(_SAMPLED.__contains__, content))))
    anchors = list(filter(None, map(_CHUNK_ANCHORS.get, chunks)))
    return set(map(hash, chain(grams, pairwise(anchors))))


def anchor_codes(text: str) -> frozenset[int]:
    """The codes of the anchors of ``text`` (its chunks that start with a capital or a
    digit, but function words): what a spinner leaves alone. Read as ``features`` reads
    the text, without cutting it into sentences."""
    chunks = text.split()
    _chunk_codes(chunks)
    return frozenset(filter(None, map(_CHUNK_ANCHORS.get, chunks)))


def excerpt(text: str, start: int, end: int, limit: int = 300) -> str:
    # A long span is read from its first 4 × limit characters when they make enough text
    # (spaces made one by a split and a join: as a pattern's \s+, about twice as fast)
    piece = " ".join(text[start:min(end, start + 4 * limit)].split())
    if len(piece) <= limit and end > start + 4 * limit:
        piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[:limit - 1] + "…"
