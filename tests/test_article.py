"""The one Article record: one definition of a word and one language gate for every stage.

Each test here fails if a stage grows a second definition: a word count of its own (as
sourcing's ``len(text.split())`` once was, which gave a 96-word text full of dashes a
sourcing verdict) or a language test of its own (readability and sourcing once
disagreed on text in another script)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from audit import api, article
from audit.article import from_text
from audit.config import Config
from audit.readability import analyse as readability
from audit.sourcing import analyse as sourcing

CONFIG = Config()
SENTENCE = "The mayor said on Tuesday that the council – after a long debate – would vote."


def _dashed(words: int) -> str:
    """A text of about ``words`` words with a free-standing dash between every two, so
    that ``len(text.split())`` counts nearly twice as many."""
    return " ".join(f"word{i} —" for i in range(words)) + " end."


def test_a_dash_is_no_word():
    text = _dashed(96)
    assert len(text.split()) > 150  # what sourcing once counted
    assert from_text(text).word_count == 97


def test_sourcing_threshold_and_reported_word_count_agree_on_dash_rich_text():
    text = _dashed(96)
    report = api.audit_text(text, strip=False)
    words = report["article"]["word_count"]
    assert words == 97 == report["readability"]["counts"]["words"]
    assert report["scores"]["sourcing"]["value"] is None
    assert f"({words} words" in report["scores"]["sourcing"]["reason"]


def test_attributed_dash_rich_text_under_the_threshold_gets_no_verdict():
    """The issue's case: attributions, so the short-brief rule does not apply, and 99 words
    that ``len(text.split())`` made 162, over ``sourcing.min-words`` (150)."""
    text = "Mayor Jane Smith said – on Tuesday – – – that the budget – – – would pass. " * 9
    assert len(text.split()) >= CONFIG.get("sourcing.min-words")
    report = api.audit_text(text, strip=False)
    assert report["sourcing"]["counts"]["attributions"] > 0
    assert report["article"]["word_count"] == 99
    assert report["scores"]["sourcing"] == {
        "value": None, "reason": "too short to judge sourcing (99 words)", "signals": []}


def test_every_stage_reads_the_same_word_count():
    text = " ".join([SENTENCE] * 40)  # dashes between spaces in every sentence
    report = api.audit_text(text, strip=False)
    words = report["article"]["word_count"]
    assert words == report["readability"]["counts"]["words"] == 14 * 40
    assert words != len(text.split())
    per_k = re.match(r"([\d.]+) named attributions per 1000 words",
                     report["scores"]["sourcing"]["reason"])
    named = report["sourcing"]["counts"]["attributions"]
    assert per_k and float(per_k.group(1)) == pytest.approx(1000 * named / words, abs=0.05)


@pytest.mark.parametrize("text,language", [
    ("ショートカットの欄を空欄にしただけでは、起動しなくなるだけです。" * 3, None),
    ("Der Hund läuft in den Park. Die Kinder spielen im Garten und die Katze schläft.", "de"),
])
def test_one_language_gate_for_readability_and_sourcing(text, language):
    art = from_text(text, language=language, detect=False)
    assert art.coverage.readability and art.coverage.sourcing
    assert readability(art, config=CONFIG).scores["readability"].value is None
    result = sourcing(art, config=CONFIG)
    assert result.data.skipped == art.coverage.sourcing
    assert result.scores["sourcing"].value is None


def test_english_and_untold_latin_text_are_covered_by_both():
    for language in ("en", None):
        covered = article.coverage(language, SENTENCE)
        assert covered == article.Coverage(readability=None, sourcing=None)


def test_the_pipeline_builds_the_article_once(monkeypatch):
    calls = []
    real = article.split_sentences

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(article, "split_sentences", counting)
    api.audit_text(" ".join([SENTENCE] * 5), strip=False)
    assert len(calls) == 1


def test_no_stage_counts_words_or_detects_language_on_its_own():
    """The word count and the language come from audit.article only: no analysis stage
    detects a language or counts ``len(text.split())`` words of the article (stripping
    measures blocks, before there is an article)."""
    package = Path(article.__file__).parent
    stages = [*(package / "readability").rglob("*.py"), *(package / "sourcing").rglob("*.py"),
              package / "scoring.py", package / "report.py", package / "api.py"]
    for path in sorted(stages):
        source = path.read_text(encoding="utf-8")
        where = path.relative_to(package.parent)
        assert "detect_language(" not in source, where
        assert re.search(r"len\(\w*text\.split\(\)\)", source) is None, where
