"""The article every analysis reads, built once per input.

``build(extraction)`` splits the text into sentences, counts its words, detects its
language and decides which analyses cover it, once; every stage (readability, sourcing
and attribution, the report) reads these from the one ``Article`` instead of splitting,
counting or guessing again. Two decisions live here and nowhere else:

- what a word is: a ``TOKEN`` of ``audit.readability.counting`` inside a sentence of the
  text: the report's ``article.word_count``, the readability counts and the sourcing
  verdict's word threshold are the same figure. When readability covers the article its
  counts of each sentence (``counts``) are made here, once, and the word count is their
  sum; otherwise only the words are counted (``count_words``);
- which language an analysis reads the text as (``coverage``): the detected language,
  or, when none was detected, English unless most of the text is not in Latin script.
  Readability and sourcing each cover a set of languages (English for both today) and
  say why when they skip an article.
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.lang import COVERED_LANGUAGES, NAMES
from audit.language import detect_language
from audit.model import Block, Extraction, Provenance
from audit.readability.counting import MAX_CACHE, TOKEN, SentenceCounts, count_sentences
from audit.sentences import split_sentences

Span = tuple[int, int]

# The languages each analysis covers (the readability formulas are calibrated on English;
# the sourcing stage reads the languages whose module in audit/lang/ has a sourcing pack).
READABILITY_LANGUAGES = ("en",)


class _WordsPerChunk(dict):
    """A piece of text between spaces -> its words (``TOKEN`` matches), counted on first sight
    and kept, as many as the readability caches keep."""

    def __missing__(self, chunk: str) -> int:
        if len(self) >= MAX_CACHE:
            self.clear()
        words = self[chunk] = len(TOKEN.findall(chunk))
        return words


_WORDS = _WordsPerChunk()


@dataclass(frozen=True)
class Coverage:
    """Which analyses cover an article: None when the analysis runs, else why it does not."""

    readability: str | None = None
    sourcing: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as every stage reads it."""

    text: str
    blocks: tuple[Block, ...]
    title: str | None
    provenance: Provenance
    sentences: tuple[Span, ...]
    word_count: int
    language: str | None  # as detected (None: too short or unclear to tell)
    coverage: Coverage
    # Readability's counts of each sentence that has a word (empty when readability does
    # not cover the article).
    counts: tuple[SentenceCounts, ...] = ()


def build(extraction: Extraction, *, language: str | None = None, detect: bool = True,
          ) -> Article:
    """The Article of an extraction; its language is detected unless given (``detect``
    False with ``language`` None: a text whose language was not told)."""
    text = extraction.text
    if language is None and detect:
        language = detect_language(text)
    sentences = tuple(split_sentences(text))
    covers = coverage(language, text)
    counts = () if covers.readability is not None else tuple(count_sentences(text, sentences))
    words = sum([s.words for s in counts]) if counts else count_words(text, sentences)
    return Article(text=text, blocks=extraction.blocks, title=extraction.title,
                   provenance=extraction.provenance, sentences=sentences, word_count=words,
                   language=language, coverage=covers, counts=counts)


def from_text(text: str, *, language: str | None = None, detect: bool = True,
              provenance: Provenance | None = None, title: str | None = None,
              blocks: tuple[Block, ...] = ()) -> Article:
    """An Article of a bare text (the library's and the tests' way into one stage)."""
    prov = Provenance() if provenance is None else provenance
    return build(Extraction(text=text, blocks=blocks, title=title, provenance=prov),
                 language=language, detect=detect)


def count_words(text: str, sentences: tuple[Span, ...] | list[Span]) -> int:
    """The words of ``text``: its ``TOKEN``\\ s inside its sentences (list markers and
    lone punctuation, such as a dash between spaces, are no words)."""
    chunks = " ".join([text[start:end] for start, end in sentences]).split()
    return sum(map(_WORDS.__getitem__, chunks))


def coverage(language: str | None, text: str) -> Coverage:
    """The one language gate: which analyses read ``text`` in ``language`` (as detected)."""
    if language is None:
        reading = None if _mostly_non_latin(text) else "en"
        text_is = article_is = "mostly not in Latin script"
    else:
        reading, text_is, article_is = language, repr(language), f"in {language!r}"
    return Coverage(
        readability=None if reading in READABILITY_LANGUAGES
        else f"readability formulas are for {_named(READABILITY_LANGUAGES)}; text is {text_is}",
        sourcing=None if reading in COVERED_LANGUAGES
        else f"sourcing rules cover {_named(COVERED_LANGUAGES)} only; the article is {article_is}")


def _named(codes) -> str:
    """The languages' names as the reports give them ("English", "English and German")."""
    return " and ".join(NAMES[code] for code in codes)


def _mostly_non_latin(text: str) -> bool:
    """Whether most characters are not ASCII (Japanese, Russian ...): counted in C, as the
    share of what survives an ASCII encoding."""
    return not text.isascii() and len(text.encode("ascii", "ignore")) < 0.5 * len(text)
