"""Throughput of the sourcing stage alone: articles per second on one core.

Usage: python bench/bench_sourcing.py [DIR_OR_FILES...] [--repeat N]
Default input: ../shared/bench/extraction/truth/*.txt beside the checkout (article
bodies). Prints the article count, wall and CPU time, articles per second (per CPU-second
too, which other load on the machine disturbs less) and the slowest article, so that a
regression to super-linear time on one input shows up.

Two figures: the stage with its input built (``from_text``: the sentence split, the
language and readability's sentence counts, which the Article makes once for every
stage), and the stage alone on Articles built beforehand (``analyse``: what issue 15's
"extraction alone" target measures).
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from audit.article import from_text
from audit.config import Config
from audit.sourcing import analyse

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "bench",
                       "extraction", "truth", "*.txt")


def load(paths: list[str]) -> list[tuple[str, str]]:
    files: list[str] = []
    for item in paths or [DEFAULT]:
        files += sorted(glob.glob(os.path.join(item, "*.txt"))) if os.path.isdir(item) \
            else sorted(glob.glob(item))
    return [(f, open(f, encoding="utf-8", errors="replace").read()) for f in files]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    docs = load(args.paths)
    if not docs:
        print("no input files", file=sys.stderr)
        return 2
    config = Config()
    for _, text in docs:  # warm up: imports, compiled patterns
        analyse(from_text(text, language="en"), config=config)
    slowest = (0.0, "")
    cpu = time.process_time()
    start = time.perf_counter()
    for _ in range(args.repeat):
        for name, text in docs:
            t0 = time.perf_counter()
            analyse(from_text(text, language="en"), config=config)
            slowest = max(slowest, (time.perf_counter() - t0, name))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    count = len(docs) * args.repeat
    chars = sum(len(t) for _, t in docs) * args.repeat
    print(f"articles: {count}  chars: {chars}  seconds: {elapsed:.3f} wall, {cpu:.3f} CPU")
    print(f"with the Article built: {count / elapsed:.0f} articles/s wall, {count / cpu:.0f} per "
          f"CPU-second (one core)  MB/s: {chars / elapsed / 1e6:.2f}")
    articles = [from_text(text, language="en") for _, text in docs]
    alone = time.process_time()
    for _ in range(args.repeat):
        for article in articles:
            analyse(article, config=config)
    alone = time.process_time() - alone
    print(f"the stage alone (Articles built beforehand): {count / alone:.0f} articles per "
          f"CPU-second (one core)")
    print(f"slowest: {slowest[0] * 1000:.1f} ms  {os.path.basename(slowest[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
