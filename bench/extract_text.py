"""Benchmark adapter: the article text that text-mode stripping keeps from a page dump.

Run from /work/shared/tools with PYTHONPATH=/work/main:/work/main/bench:
    python score_extraction.py --mode dump --func extract_text:dump --worst 10
"""

from audit.strip.text import strip_text


def dump(page: str) -> str:
    return strip_text(page).text
