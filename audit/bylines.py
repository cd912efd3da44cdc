"""The words that open a byline, per language: the one list that stripping (text and
HTML), provenance and page metadata read, and the patterns made from it.

"By Jane Doe", "Von Max Muster", "Oleh Siti Rahma": a byline opener, an optional colon or
bar, then the name. A language's openers live in its module (audit/lang/<code>.py).
"""

from __future__ import annotations

import re

from audit import lang

# The word before the author's name, per language ("By Jane Doe", "Von Max Muster"), and
# every opener of a byline: that word, and the phrases and labels a byline also opens with
# ("Written by", "Autor:", "Текст:"), from the language modules (audit/lang/).
BY: dict[str, tuple[str, ...]] = lang.BYLINE_BY
OPENERS: dict[str, tuple[str, ...]] = {
    code: BY.get(code, ()) + lang.BYLINE_OPENERS.get(code, ())
    for code in lang.LANGUAGES if code in BY or code in lang.BYLINE_OPENERS}
# The words before a name, once each.
BY_WORDS = tuple(dict.fromkeys(w for words in BY.values() for w in words))
# Every opener once, longest first ("written by" before "by").
_WORDS = sorted({w for words in OPENERS.values() for w in words}, key=len, reverse=True)
_ALTERNATION = "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS) + ")"
# A line's first characters when it may open with one (a cheap test before the patterns).
STARTS = tuple(sorted({w.split()[0] for w in _WORDS}))
# An opener at the start of a line, with the colon or bar after it: what to remove to
# leave the name ("By: Jane Doe" -> "Jane Doe").
OPENER = re.compile(r"^\W*" + _ALTERNATION + r"\b\s*[:：|]?\s*", re.IGNORECASE)
# A byline: an opener followed by a capitalised name.
BYLINE = re.compile(OPENER.pattern + r"(?-i:[A-ZÀ-ÞА-Я\u3040-\u9fff])", re.IGNORECASE)
# An opener inside a line, after a date or a label: "Nov 19, 2019 by Joe Rossignol".
INSIDE = re.compile(r"(?:^|[\s|/·•,])" + _ALTERNATION + r"\s*[:：]?\s+(?=\w)", re.IGNORECASE)
