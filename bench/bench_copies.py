"""Speed of copy detection at scale, on synthetic texts (nothing read from disk).

- reference: builds an on-disk index of N texts (default 100,000) and times queries of
  texts that are copies, spun copies and new texts;
- batch: groups M texts (default 10,000; one in ten a spun copy of an earlier one, or
  with --copy-heavy a tenth of stories each spun ten times) as a batch run does
  (audit.copies.report.Grouper) and compares its time per article with the audit's own
  time per article (measured on the same kind of text).

    .venv/bin/python bench/bench_copies.py [--reference 100000] [--batch 10000] [--copy-heavy]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from spinner import spin

from audit.copies import Reference, prepare
from audit.copies.report import Grouper

_FUNCTION = "the of and to in a that for on with as by at from is was said it has"
FUNCTION = _FUNCTION.split()


def _vocabulary(rng: random.Random, n: int) -> list[str]:
    letters = "abcdefghijklmnoprstuvw"
    return ["".join(rng.choice(letters) for _ in range(rng.randint(4, 10))) for _ in range(n)]


class Texts:
    """Article-like texts: sentences of Zipf-distributed words, names and numbers."""

    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng, 30000)
        self.names = [w.capitalize() for w in _vocabulary(self.rng, 3000)]
        self.cumulative = list(itertools.accumulate(1 / (i + 1) for i in range(len(self.words))))

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(12, 26)
        words = rng.choices(self.words, cum_weights=self.cumulative, k=n)
        out = []
        for w in words:
            r = rng.random()
            out.append(rng.choice(FUNCTION) if r < 0.35 else rng.choice(self.names)
                       if r < 0.42 else str(rng.randint(2, 2000)) if r < 0.45 else w)
        text = " ".join(out)
        return text[0].upper() + text[1:] + "."

    def article(self, paragraphs: int = 10) -> str:
        return "\n\n".join(" ".join(self.sentence() for _ in range(self.rng.randint(1, 3)))
                           for _ in range(paragraphs))


def bench_reference(n: int, queries: int) -> None:
    texts = Texts()
    kept: list[str] = []

    def records():
        for i in range(n):
            text = texts.article()
            if i % max(1, n // queries) == 0:
                kept.append(text)
            yield f"ref-{i}", text, None, "AP"

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "ref.audit-index")
        t0 = time.perf_counter()
        Reference.build(path, records())
        built = time.perf_counter() - t0
        size = path.stat().st_size / 1e6
        print(f"reference: {n} texts indexed in {built:.0f} s ({size:.0f} MB on disk)")
        ref = Reference(path)
        for name, make in (("copy", lambda t, i: t), ("spun 35%", lambda t, i: spin(t, .35, i)),
                           ("new text", lambda t, i: texts.article())):
            times, found = [], 0
            for i, text in enumerate(kept[:queries]):
                doc = prepare("q", make(text, i))
                t0 = time.perf_counter()
                matches = ref.query(doc)
                times.append((time.perf_counter() - t0) * 1000)
                found += bool(matches)
            times.sort()
            print(f"  query {name:9} median {statistics.median(times):.1f} ms, "
                  f"p95 {times[int(len(times) * .95)]:.1f} ms, matched {found}/{len(times)}")
        ref.close()


def bench_batch(m: int, heavy: bool = False) -> None:
    import audit

    texts = Texts(seed=2)
    if heavy:  # copy-heavy: a tenth are stories, the rest spun copies of them (each ten times)
        stories = [texts.article() for _ in range(max(1, m // 10))]
        articles = [stories[i % len(stories)] if i < len(stories)
                    else spin(stories[i % len(stories)], 0.35, i) for i in range(m)]
    else:
        articles = [texts.article() for _ in range(m)]
        for i in range(0, m, 10):  # one in ten is a spun copy of an earlier one
            if i:
                articles[i] = spin(articles[i - 7], 0.35, i)
    sample = _english() or articles[:30]
    # CPU time of this process, both sides: other work on the machine does not move it
    t0 = time.process_time()
    for text in sample:
        audit.audit_text(text)
    # per 1,000 words: the sample and the batch need not be of the same length
    audit_kw = (time.process_time() - t0) / sum(len(t.split()) for t in sample) * 1000
    grouper = Grouper()
    t0 = time.process_time()
    for i, text in enumerate(articles):
        grouper.add(f"a{i}", None, (text, None, (), ()))
    per_group = (time.process_time() - t0) / m
    group_kw = per_group * m / sum(len(t.split()) for t in articles) * 1000
    groups = len(grouper.groups())
    del grouper
    # Memory measured apart (tracing slows the run down threefold), on the first 8,000
    # articles at most: what it holds after half of them and after all, so that what does
    # not grow with the batch (caches of words, the sentences of the last 256 texts
    # aligned) is told apart. Half is 4,000, not 2,000 as before: that cache of sentences
    # (about 6 MB) fills only as texts meet candidates, and a code that aligns fewer had
    # not filled it by the 2,000th text, which counted it as growth (2026-12-04: 9.2 KB an
    # article at 2,000/4,000 against 7.3 at 4,000/8,000; the code before: 8.3 and 7.5).
    tenth = articles[:max(2, min(m, 8000))]
    gc.collect()
    tracemalloc.start()
    small = Grouper()
    held = []
    for i, text in enumerate(tenth):
        small.add(f"a{i}", None, (text, None, (), ()))
        if i + 1 in (len(tenth) // 2, len(tenth)):
            gc.collect()
            held.append(tracemalloc.get_traced_memory()[0])
    tracemalloc.stop()
    per_article = (held[1] - held[0]) / (len(tenth) - len(tenth) // 2)
    fixed = held[1] - per_article * len(tenth)
    text_kb = sum(len(t) for t in articles) / m / 1e3
    label = "batch (copy-heavy)" if heavy else "batch"
    print(f"{label}: {m} articles grouped, {per_group * 1000:.2f} ms each (CPU), "
          f"{group_kw * 1000:.2f} ms per 1,000 words: {group_kw / audit_kw:.1%} of the audit's "
          f"{audit_kw * 1000:.1f} ms per 1,000 words; {groups} groups; memory grows "
          f"{per_article / 1e3:.1f} KB an article ({text_kb:.1f} KB of text each) over "
          f"{fixed / 1e6:.0f} MB that does not grow: about "
          f"{(fixed + per_article * m) / 1e6:.0f} MB for the batch")


def _english() -> list[str]:
    """The audit's time is measured on real articles when the benchmark texts are there
    (../shared/bench/extraction/truth): synthetic words are not English, and the audit
    skips most of its work on text it cannot read."""
    truth = Path(__file__).resolve().parent.parent.parent / "shared/bench/extraction/truth"
    return [p.read_text(encoding="utf-8") for p in sorted(truth.glob("*.txt"))[:40]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reference", type=int, default=100000)
    ap.add_argument("--batch", type=int, default=10000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--copy-heavy", action="store_true",
                    help="the batch is stories each spun ten times (every candidate aligned)")
    args = ap.parse_args()
    if args.batch:
        bench_batch(args.batch, args.copy_heavy)
    if args.reference:
        bench_reference(args.reference, args.queries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
