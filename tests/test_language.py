"""Language detection: scripts, then function words for Latin script; the fast word split
gives exactly what the regex it short-cuts gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import language
from audit.language import detect_language

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "extraction"


@pytest.mark.parametrize(("text", "expected"), [
    ("The minister said that the bridge would reopen in May, and the city was glad of it.",
     "en"),
    ("Der Minister sagte, dass die Brücke im Mai wieder geöffnet wird, und die Stadt ist froh.",
     "de"),
    ("Le ministre a dit que le pont sera rouvert en mai, et la ville est contente pour les gens.",
     "fr"),
    ("El ministro dijo que el puente se abrirá en mayo y que la ciudad está contenta con la obra.",
     "es"),
    ("Министр сказал, что мост откроется в мае, и город этому рад.", "ru"),
    ("大臣は、橋が5月に再開すると述べ、市はそれを喜んでいる。", "ja"),
    ("部长说，这座桥将于五月重新开放，这座城市对此感到高兴。", "zh"),
    ("장관은 다리가 5월에 다시 열릴 것이라고 말했고, 시민들은 그 소식을 반겼다.", "ko"),
    ("Hi there.", None),
    ("1234 5678 — 9012", None),
])
def test_languages(text, expected):
    assert detect_language(text) == expected


def _reference_hits(words: list[str]) -> dict[str, int]:
    """Function words counted as before the fast path: one lookup per word."""
    hits = dict.fromkeys(language._STOP, 0)
    for word in words:
        for lang in language._INDEX.get(word, ()):
            hits[lang] += 1
    return hits


def _check_words_and_hits(text: str) -> None:
    sample = text[:language.SAMPLE_CHARS]
    _, others = language._script_counts(sample)
    words = language._words(sample, others)
    expected = language._WORD.findall(sample.lower())
    assert [w.decode() if isinstance(w, bytes) else w for w in words] == expected
    assert language._hits(words) == _reference_hits(expected)


_PIECES = st.sampled_from([
    "the", "of", "and", "said", "der", "die", "und", "le", "la", "de", "que", "för", "için",
    "değil", "più", "não", "się", "The", "THE", "İ", "é", "’", "“", "”", "—", "²", "٣", "_",
    "2", "Ⓐ", "x", "ß", " ", "  ", "\n", ",", ".", "'", "-", "ı", "K"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=80).map("".join))
def test_fast_words_give_what_the_regex_gives(text):
    _check_words_and_hits(text)


def test_bench_and_seed_texts_as_before():
    paths = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(BENCH.glob("*/*.txt"))]
    for path in paths:
        _check_words_and_hits(path.read_text(encoding="utf-8", errors="replace"))
