"""Text-mode stripping's page-level shortcuts give what the per-line tests they replace give.

Each shortcut (a keyword search over the joined lines, a candidate filter before the
furniture patterns, run-in headings found in all kept blocks at once, a date regex split
in two) is checked against the plain per-line computation on the seed lines and on
generated text.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.strip import furniture, textroles
from audit.strip.text import split_all_run_ins, split_run_ins
from audit.strip.textlines import read_page

ROOT = Path(__file__).resolve().parent.parent
SEED_LINES = sorted({line.strip() for path in (ROOT / "seeds").glob("*.txt")
                     for line in path.read_text(encoding="utf8").splitlines() if line.strip()})
# Words the furniture, date and run-in patterns look for, mixed with arbitrary text.
_WORDS = st.sampled_from([
    "Photo", "credit:", "Follow", "us", "on", "Twitter", "Sign", "in", "to", "comment",
    "newsletter", "cookie", "All", "rights", "reserved", "©", "2019", "(c)", "Image", "2", "of",
    "5", "Jan.", "12,", "März", "de", "2020-01-05", "年", "月", "мая", "By", "Support", "The",
    "Guardian", "main", "argumentIn", "implications•", "•", "Japan", ".", ":", "|", "»", "http",
    "Share", "Related", "McDonald", "ſ", "İ", "K", "\xa0", "\t", "  "])
_LINE = st.one_of(
    st.lists(_WORDS, min_size=1, max_size=12).map(" ".join),
    st.text(min_size=1, max_size=60)).map(str.strip).filter(bool).map(
        lambda text: text.replace("\n", " ").replace("\r", " ").strip() or "x")


def _page_lines(lines: list[str]):
    return read_page("\n".join(lines))


def _check_furniture_shortcuts(lines: list[str]) -> None:
    page = _page_lines(lines)
    hinted = furniture.line_hints(page.lowers, page.words)
    candidates = set(furniture.may_be_furniture(page.lowers, page.words, hinted))
    for i, (text, lower, words) in enumerate(zip(page.texts, page.lowers, page.words)):
        if len(text) > furniture.MAX_CHARS:
            continue
        every = furniture.judge(text, lower, words, True)
        assert furniture.judge(text, lower, words, hinted[i]) == every, text
        assert i in candidates or every is None, text
        assert page.furniture[i] == every, text


def test_furniture_shortcuts_on_seed_lines():
    _check_furniture_shortcuts(SEED_LINES)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=8))
def test_furniture_shortcuts_on_generated_lines(lines):
    _check_furniture_shortcuts(lines)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=6))
def test_run_ins_of_all_blocks_at_once(texts):
    assert split_all_run_ins(texts) == [split_run_ins(text) for text in texts]


@settings(max_examples=500, deadline=None)
@given(_LINE)
def test_date_search_in_two_parts(text):
    assert textroles._has_date(text) == (textroles._DATE.search(text) is not None)


def test_dates_of_the_seed_lines():
    for text in SEED_LINES:
        assert textroles._has_date(text) == (textroles._DATE.search(text) is not None)
