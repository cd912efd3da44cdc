"""Benchmark adapter: the article text that text-mode stripping keeps from a page dump.

Quality, from ../shared/tools with PYTHONPATH=<checkout>:<checkout>/bench:
    python score_extraction.py --mode dump --func extract_text:dump --worst 10
Speed (pages per second of CPU time over every dump, best of five rounds):
    python bench/extract_text.py [DUMP_DIR]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from audit.strip.text import strip_text

DUMPS = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "extraction" / "dump"


def dump(page: str) -> str:
    return strip_text(page).text


def pages_per_second(pages: list[str], rounds: int = 5) -> float:
    """Best of ``rounds`` passes, in CPU time so that other work on the machine counts less."""
    for page in pages:  # warm up: compiled patterns, caches
        strip_text(page)
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for page in pages:
            strip_text(page)
        best = min(best, time.process_time() - started)
    return len(pages) / best if best else float("inf")


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DUMPS
    pages = [p.read_text(encoding="utf8") for p in sorted(folder.glob("*.txt"))]
    rate = pages_per_second(pages)
    print(f"{len(pages)} pages: {rate:.0f} pages/s, {1000 / rate:.2f} ms/page (CPU, best of 5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
