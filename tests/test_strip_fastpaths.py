"""Text-mode stripping's page-level shortcuts give what the per-line tests they replace give.

Each shortcut (a keyword search over the joined lines, a candidate filter before the
furniture patterns, run-in headings found in all kept blocks at once) is checked against
the plain per-line computation on the seed lines and on generated text. The furniture
gates (keywords, starts) are derived from their patterns, and the reference tries every
pattern with no gate at all: a gate that missed what its pattern matches would fail here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import regexes
from audit.strip import furniture
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
    "Share", "Related", "McDonald", "ſ", "İ", "K", "\xa0", "\t", "  ",
    # the words of the floating patterns, which may match anywhere in a line
    "We'll", "we", "will", "send", "you", "a", "an", "e-mail", "email", "inbox", "your",
    "delivered", "straight", "click", "here", "log", "register", "comment", "cookies",
    "uses", "policy", "reached", "at", "@", "follow", "me", "Facebook", "tell", "what",
    "think", "contact", "Whatsapp", "Pint", "Baixar", "Copyright", "In", "this", "file",
    "photo,", "Donate", "Please", "Snopes", "and", "INBOX", "ınbox", "İnbox", "ſend"])
_LINE = st.one_of(
    st.lists(_WORDS, min_size=1, max_size=12).map(" ".join),
    st.text(min_size=1, max_size=60)).map(str.strip).filter(bool).map(
        lambda text: text.replace("\n", " ").replace("\r", " ").strip() or "x")


def _page_lines(lines: list[str]):
    return read_page("\n".join(lines))


def _plain_judge(text: str) -> tuple[str, str] | None:
    """What ``furniture.judge`` finds in a stripped line, by trying every pattern in order
    without any gate: no first letters, no keywords."""
    lower, words = text.lower(), len(text.split())
    anchored = ((furniture._STRONG_START, ("other", "copyright")),
                (furniture._CAPTION, ("other", "caption")),
                (furniture._GALLERY, ("other", "gallery")),
                (furniture._APPEAL, ("call-to-action", "appeal")))
    for pattern, found in anchored:
        if pattern.match(text):
            return found
    for role, reason, pattern in furniture._STRONG:
        if pattern.search(text):
            return role, reason
    if furniture._CREDITED_CAPTION.search(text):
        return "other", "credited-caption"
    if words > furniture.SHORT_WORDS:
        return None
    for role, reason, pattern in furniture._SHORT:
        if pattern.match(text):
            return role, reason
    if words <= furniture.SOCIAL_MAX_WORDS and furniture._share_buttons(lower):
        return "call-to-action", "share-buttons"
    for role, reason, pattern in furniture._FLOATING:
        if pattern.search(text):
            return role, reason
    return None


def _check_furniture_shortcuts(lines: list[str]) -> None:
    page = _page_lines(lines)
    for i, text in enumerate(page.texts):
        if len(text) <= furniture.MAX_CHARS:
            assert page.furniture[i] == _plain_judge(text), text
            assert furniture.furniture_role(text) == page.furniture[i], text


def test_a_gate_lets_through_what_its_pattern_matches():
    # The keywords kept by hand beside the "inbox" pattern never let this line be judged.
    line = "We'll send a newsletter every Friday"
    assert _plain_judge(line) == ("newsletter", "inbox")
    assert furniture.furniture_role(line) == ("newsletter", "inbox")
    assert _page_lines(["A paragraph of the article.", line]).furniture[1] == ("newsletter",
                                                                                "inbox")


def test_every_floating_pattern_has_a_gate_derived_from_it():
    for _, reason, keywords, pattern in (*furniture._FLOATING_GATED, *furniture._STRONG_GATED):
        assert keywords == tuple(sorted(regexes.needed_literals(pattern))), reason
        assert keywords and all(keywords), reason


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


def test_fold_covers_every_character_that_ignorecase_matches_to_a_keyword_letter():
    letters = {ch for _, _, keywords, _ in (*furniture._FLOATING_GATED, *furniture._STRONG_GATED)
               for keyword in keywords for ch in keyword}
    any_letter = re.compile("[" + re.escape("".join(sorted(letters))) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if 0xD800 <= code < 0xE000 or not any_letter.fullmatch(ch):
            continue
        for letter in letters:
            if re.fullmatch(re.escape(letter), ch, re.IGNORECASE):
                assert letter in regexes.fold(ch.lower()), (hex(code), letter)


@pytest.mark.parametrize(("line", "found"), [
    ("© 2024 The Paper", ("other", "copyright")),
    ("(c) 2019 Example Media", ("other", "copyright")),
    ("Copyright Example Media", ("other", "copyright")),
    ("File - In this file photo taken in 2019, the bridge opens", ("other", "caption")),
    ("In this photo, made available by NASA, the rocket stands", ("other", "caption")),
    ("Image 2 of 5", ("other", "gallery")), ("3 of 12", ("other", "gallery")),
    ("Please support Example News today", ("call-to-action", "appeal")),
])
def test_anchored_patterns_pass_their_derived_start_gates(line, found):
    assert _plain_judge(line) == found
    assert furniture.furniture_role(line) == found
    assert _page_lines(["A paragraph of the article.", line]).furniture[1] == found


def test_start_gates_are_derived_from_the_anchored_patterns():
    starts = {reason: regexes.leading_strings(pattern)
              for _, reason, pattern in furniture._ANCHORED}
    assert starts["copyright"] == {"cop", "©", "(c)"}
    assert starts["caption"] == {"fil", "in "}
    assert regexes.DIGIT_START in starts["gallery"] and "ima" in starts["gallery"]
    with pytest.raises(ValueError):
        regexes.leading_strings(re.compile(r"^\w+ newsletter"))
