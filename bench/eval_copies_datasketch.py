"""datasketch's MinHash LSH as the candidate stage, on the evaluation of eval_copies.py.

Not needed by the package or the tests: when datasketch is not installed this prints a
line saying so and exits 0. Install it into a throwaway environment, never the project's:

    python3.11 -m venv /tmp/sketchvenv
    /tmp/sketchvenv/bin/pip install -e . datasketch
    /tmp/sketchvenv/bin/python bench/eval_copies_datasketch.py [--rates 0.2,0.35,0.5,0.65,0.8]

Same texts, copies, spinner and same-topic pairs as bench/eval_copies.py. Each text is cut
into lower-cased word k-grams (--shingles, default 3 and 4), sketched by a MinHash of
--num-perm permutations (128) and indexed in a MinHashLSH (Jaccard, one index per
--thresholds value) and a MinHashLSHEnsemble (containment of the query in the indexed
text, --containment values). For each transformed copy it reports:

- candidate recall: the source is among the index's candidates;
- aligned recall: the source is among the best eight candidates (by estimated Jaccard;
  our index aligns its best eight) and audit.copies.compare (the alignment our own index
  hands its candidates to) confirms it, i.e. what a pipeline with datasketch in
  place of our candidate search would find;
- same-topic candidates: same-day pairs of different outlets (as in eval_copies.py) that
  the index makes candidates (each needs an alignment; any confirmed is a false match);
- time per article: sketching (shingles + MinHash) and one query, in ms.

With --batch N (default 10,000; 0 skips it) it also groups bench_copies.py's synthetic
batch (the same texts: one in ten a 35%-spun copy of an earlier one) the way a batch run
would with datasketch as the candidate stage: sketch, query, insert each article in turn
into a MinHashLSH at --batch-threshold, in CPU time per article (no alignment counted),
to set beside `bench/bench_copies.py --reference 0 --batch N`.

Thresholds were chosen on this material (thresholds 0.1-0.5 and 5-grams were tried too:
recall only falls): 4-word shingles at Jaccard 0.05 keep spun recall without making
every story that shares stock phrases a candidate (3-word shingles at 0.05 give 18 to 38
candidates a query among only 1,012 texts). Figures: README, Dependencies.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

try:
    import datasketch
    from datasketch import MinHash, MinHashLSH, MinHashLSHEnsemble
except ImportError:
    print("datasketch is not installed: skipped (install it in a throwaway venv, see --help)")
    sys.exit(0)

from bench_copies import Texts
from eval_copies import load, transforms
from spinner import spin

from audit.copies import compare, prepare

WORD = re.compile(r"\w+")
BEST = 8  # candidates aligned a query, as audit.copies.index


def shingles(text: str, k: int) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + k]).encode() for i in range(len(words) - k + 1)}


def sketch(text: str, k: int, num_perm: int) -> tuple[MinHash, int]:
    s = shingles(text, k)
    m = MinHash(num_perm=num_perm)
    m.update_batch(s)
    return m, len(s)


def bench_batch(m: int, threshold: float, k: int, num_perm: int) -> None:
    texts = Texts(seed=2)
    articles = [texts.article() for _ in range(m)]
    for i in range(0, m, 10):  # as bench_copies.bench_batch
        if i:
            articles[i] = spin(articles[i - 7], 0.35, i)
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    found = candidates = 0
    sketch_s = query_s = 0.0
    for i, text in enumerate(articles):
        t0 = time.process_time()
        mh, _size = sketch(text, k, num_perm)
        t1 = time.process_time()
        cand = lsh.query(mh)
        lsh.insert(f"a{i}", mh)
        t2 = time.process_time()
        sketch_s += t1 - t0
        query_s += t2 - t1
        candidates += len(cand)
        found += bool(i and i % 10 == 0 and f"a{i - 7}" in cand)
    spun = len(range(10, m, 10))
    print(f"batch: {m} synthetic articles, {k}-word shingles, LSH J>={threshold}: "
          f"{(sketch_s + query_s) / m * 1000:.2f} ms each (CPU; sketch "
          f"{sketch_s / m * 1000:.2f}, query+insert {query_s / m * 1000:.2f}); "
          f"spun copies made candidates {found}/{spun}; {candidates} candidates in all")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rates", default="0.2,0.35,0.5,0.65,0.8")
    ap.add_argument("--shingles", default="3,4")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--thresholds", default="0.05,0.1")
    ap.add_argument("--containment", default="0.1,0.2")
    ap.add_argument("--min-words", type=int, default=80)
    ap.add_argument("--batch", type=int, default=10000)
    ap.add_argument("--batch-threshold", type=float, default=0.05)
    ap.add_argument("--batch-shingles", type=int, default=4)
    args = ap.parse_args()
    if args.batch:
        bench_batch(args.batch, args.batch_threshold, args.batch_shingles, args.num_perm)
    rates = [float(r) for r in args.rates.split(",")]
    thresholds = [float(t) for t in args.thresholds.split(",")]
    containment = [float(t) for t in args.containment.split(",")]
    sources = [s for s in load() if len(s[1].split()) >= args.min_words]
    n = len(sources)
    print(f"datasketch {datasketch.__version__}; {n} source texts; num_perm {args.num_perm}")
    docs = {key: prepare(key, text, date=date) for key, text, date in sources}
    by_day = defaultdict(list)
    for key, _text, date in sources:
        if date and not key.startswith("truth/"):
            by_day[date].append(key)
    same_topic = {frozenset((a, b)) for keys in by_day.values()
                  for a, b in itertools.combinations(keys, 2)
                  if a.split("_")[0] != b.split("_")[0]}
    print(f"same-topic pairs: {len(same_topic)}")
    for k in (int(x) for x in args.shingles.split(",")):
        t0 = time.perf_counter()
        sketches = {key: sketch(text, k, args.num_perm) for key, text, _d in sources}
        sketch_ms = (time.perf_counter() - t0) / n * 1000
        indexes: list[tuple[str, object]] = []
        for t in thresholds:
            lsh = MinHashLSH(threshold=t, num_perm=args.num_perm)
            for key, (m, _size) in sketches.items():
                lsh.insert(key, m)
            indexes.append((f"LSH J>={t}", lsh))
        for c in containment:
            ens = MinHashLSHEnsemble(threshold=c, num_perm=args.num_perm, num_part=16)
            ens.index((key, m, size) for key, (m, size) in sketches.items())
            indexes.append((f"Ensemble C>={c}", ens))

        def query(index, m, size):
            if isinstance(index, MinHashLSHEnsemble):
                return set(index.query(m, size))
            return set(index.query(m))

        print(f"\n{k}-word shingles: sketching {sketch_ms:.2f} ms an article")
        # same-topic candidates: each source queried with its own sketch
        for name, index in indexes:
            cands = set()
            t0 = time.perf_counter()
            for key, (m, size) in sketches.items():
                cands.update(frozenset((key, o)) for o in query(index, m, size) if o != key)
            q_ms = (time.perf_counter() - t0) / n * 1000
            hits = cands & same_topic
            confirmed = sum(1 for p in hits
                            if (lambda a, b: compare(docs[a], docs[b]) or
                                compare(docs[b], docs[a]))(*sorted(p)) is not None)
            print(f"  {name:16} same-topic candidates {len(hits)}/{len(same_topic)} "
                  f"(confirmed by alignment {confirmed}); all candidate pairs {len(cands)}; "
                  f"query {q_ms:.2f} ms")
        for tname, fn in transforms(rates):
            texts = [fn(text, i) for i, (_key, text, _d) in enumerate(sources)]
            t0 = time.perf_counter()
            copies = [sketch(text, k, args.num_perm) for text in texts]
            s_ms = (time.perf_counter() - t0) / n * 1000
            confirmed_by: dict[int, bool] = {}

            def confirmed(i, key, texts=texts, cache=confirmed_by):
                if i not in cache:
                    cache[i] = compare(prepare("copy", texts[i]), docs[key]) is not None
                return cache[i]
            row = []
            for name, index in indexes:
                found = aligned = 0
                t0 = time.perf_counter()
                results = [query(index, m, size) for m, size in copies]
                q_ms = (time.perf_counter() - t0) / n * 1000
                for i, ((key, _text, _d), cand) in enumerate(zip(sources, results)):
                    if key in cand:
                        found += 1
                        # aligned only among the best eight candidates, as our index does
                        if len(cand) > BEST:
                            jac = {c: copies[i][0].jaccard(sketches[c][0]) for c in cand}
                            if sorted(cand, key=jac.get, reverse=True).index(key) >= BEST:
                                continue
                        aligned += confirmed(i, key)
                per_q = sum(len(c) for c in results) / n
                row.append(f"{name} {found / n:.3f}/{aligned / n:.3f} "
                           f"({per_q:.1f} cand) q {q_ms:.2f}")
            print(f"  {tname:18} sketch {s_ms:.2f} ms | " + " | ".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
