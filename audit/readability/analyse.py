"""First version of the readability stage: simple counts and the classic formulas.

The readability work replaces the counting (abbreviation-aware sentences, CMU syllables,
numerals read aloud, Dale-Chall list) and adds the hardest sentences and the score.
"""

from __future__ import annotations

import re
import statistics

from audit.config import Config
from audit.model import Finding, Score, StageResult
from audit.sentences import split_sentences

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_VOWELS = re.compile(r"[aeiouy]+")


def _syllables(word: str) -> int:
    word = word.lower()
    count = len(_VOWELS.findall(word))
    if word.endswith("e") and count > 1 and not word.endswith("le"):
        count -= 1
    return max(1, count)


def analyse(text: str, *, config: Config, language: str | None = None) -> StageResult:
    sentences = split_sentences(text)
    words = _WORD.findall(text)
    syllables = [_syllables(w) for w in words]
    counts = {
        "sentences": len(sentences),
        "words": len(words),
        "syllables": sum(syllables),
        "letters": sum(ch.isalnum() for w in words for ch in w),
        "polysyllables": sum(s >= 3 for s in syllables),
        "complex_words": sum(s >= 3 for s in syllables),
        "difficult_words": 0,
    }
    formulas = dict.fromkeys(
        ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog", "coleman_liau",
         "automated_readability", "dale_chall"))
    warnings = []
    findings = []
    limit = config.get("readability.long-sentence-words")
    for start, end in sentences:
        if len(_WORD.findall(text[start:end])) > limit:
            findings.append(Finding("RDB-LONG-SENTENCE", (start, end)))
    if counts["words"] and counts["sentences"]:
        wps = counts["words"] / counts["sentences"]
        spw = counts["syllables"] / counts["words"]
        formulas["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
        formulas["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
        formulas["gunning_fog"] = 0.4 * (wps + 100 * counts["complex_words"] / counts["words"])
        formulas["coleman_liau"] = (0.0588 * 100 * counts["letters"] / counts["words"]
                                    - 0.296 * 100 * counts["sentences"] / counts["words"] - 15.8)
        formulas["automated_readability"] = (4.71 * counts["letters"] / counts["words"]
                                             + 0.5 * wps - 21.43)
    grades = [formulas[k] for k in ("flesch_kincaid_grade", "gunning_fog", "coleman_liau",
                                    "automated_readability") if formulas[k] is not None]
    grade = statistics.median(grades) if grades else None
    if counts["words"] < 100:
        warnings.append({"code": "short-text",
                         "message": f"only {counts['words']} words: readability figures are unreliable"})
    data = {"counts": counts, "formulas": formulas, "grade": grade, "hardest_sentences": [],
            "warnings": warnings}
    if grade is None:
        score = Score(None, "no text to read")
    else:
        value = max(0.0, min(100.0, 100 - 10 * max(0.0, grade - 12) - 10 * max(0.0, 8 - grade)))
        score = Score(round(value, 1), f"grade {grade:.1f}")
    return StageResult(data=data, findings=tuple(findings), scores={"readability": score})
