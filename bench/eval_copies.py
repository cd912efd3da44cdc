"""How well copy detection finds copies and rewrites, and leaves same-topic reports alone.

Reads, at run time (nothing is copied into the repository), the PolNeAR articles in
../devdata/polnear/*.jsonl and the benchmark texts in ../shared/bench/extraction/truth.
Every text is indexed (audit.copies.Batch); then, for each, a transformed copy is looked
up and counted as found when its source is among the matches:

- exact: the text with page furniture around it (menus, share prompts, related links);
- partial: the title (first paragraph) and the next three paragraphs;
- spun at 20, 35 and 50%: bench/spinner.py (synonyms, titles, clauses, paragraphs).

Same-topic pairs: PolNeAR articles from different outlets on the same day (doc_id
``publisher_YYYY-MM-DD_slug``), each pair compared both ways; any match is a false
positive. Precision is over spun-at-35% positives plus those pairs.

    .venv/bin/python bench/eval_copies.py [--rates 0.2,0.35,0.5] [--show-fp]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from spinner import spin

from audit.copies import Batch, compare, prepare

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "devdata" / "polnear"
TRUTH = ROOT.parent / "shared" / "bench" / "extraction" / "truth"

FURNITURE_TOP = ("Home | News | Politics | Sports | Opinion | Subscribe\n\n"
                 "Share this article: Facebook Twitter Email\n\n")
FURNITURE_END = ("\n\nSign up for our newsletter and never miss a story!\n\n"
                 "Related: Ten things you missed this week\n\n"
                 "© 2026 Example Media Group. All rights reserved.")


def load() -> list[tuple[str, str, str | None]]:
    """(key, text, date) of every source text."""
    out = []
    for path in sorted(POLNEAR.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            date = r["doc_id"].split("_")[1] if r["doc_id"].count("_") >= 2 else None
            out.append((r["doc_id"], r["text"], date))
    for path in sorted(TRUTH.glob("*.txt")):
        out.append(("truth/" + path.stem, path.read_text(encoding="utf-8"), None))
    return out


def partial(text: str) -> str:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[:4])


def transforms(rates: list[float]):
    yield "exact+furniture", lambda t, i: FURNITURE_TOP + t + FURNITURE_END
    yield "partial (lede+3)", lambda t, i: partial(t)
    for rate in rates:
        yield f"spun {round(rate * 100)}%", lambda t, i, r=rate: spin(t, r, seed=i)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rates", default="0.2,0.35,0.5")
    ap.add_argument("--show-fp", action="store_true")
    ap.add_argument("--min-words", type=int, default=80,
                    help="skip source texts shorter than this (no article to copy)")
    args = ap.parse_args()
    rates = [float(r) for r in args.rates.split(",")]
    sources = [s for s in load() if len(s[1].split()) >= args.min_words]
    batch = Batch()
    t0 = time.perf_counter()
    corpus_matches = []
    for key, text, date in sources:
        for m in batch.add(prepare(key, text, date=date)):
            corpus_matches.append((key, m.b.key, m.share, m.other_share, m.similarity))
    print(f"{len(sources)} source texts indexed in {time.perf_counter() - t0:.1f} s; "
          f"{len(corpus_matches)} matches among them (inspect with --show-fp)")
    recall: dict[str, float] = {}
    for name, fn in transforms(rates):
        found = 0
        t0 = time.perf_counter()
        for i, (key, text, _date) in enumerate(sources):
            doc = prepare("copy", fn(text, i))
            if any(m.b.key == key for m in batch.find(doc)):
                found += 1
        recall[name] = found / len(sources)
        print(f"{name:18} recall {recall[name]:.3f} ({found}/{len(sources)}) "
              f"{(time.perf_counter() - t0) / len(sources) * 1000:.1f} ms/query")
    by_day = defaultdict(list)
    for key, text, date in sources:
        if date and not key.startswith("truth/"):
            by_day[date].append((key, text))
    pairs = fp = 0
    fps = []
    for items in by_day.values():
        for (ka, ta), (kb, tb) in itertools.combinations(items, 2):
            if ka.split("_")[0] == kb.split("_")[0]:
                continue
            pairs += 1
            da, db = prepare(ka, ta), prepare(kb, tb)
            m = compare(da, db) or compare(db, da)
            if m is not None:
                fp += 1
                fps.append((ka, kb, m.share, m.other_share, m.similarity, m.sentences))
    spun35 = recall.get("spun 35%", 0.0) * len(sources)
    precision = spun35 / (spun35 + fp) if spun35 + fp else 0.0
    print(f"same-topic pairs (same day, different outlets): {pairs}, matched {fp} "
          f"(false-positive rate {fp / max(1, pairs):.4f}); precision with spun-35% "
          f"positives {precision:.4f}")
    if args.show_fp:
        for row in fps:
            print("  same-topic match:", *row)
        for row in corpus_matches:
            print("  corpus match:", *row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
