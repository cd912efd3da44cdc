"""Language of the article body, detected offline.

Why our own: py3langid (the usual offline choice) takes longer to load its model than the
whole budget of a cold single-article run (README, Performance). What the audit needs is coarser:
is this English (the language the sourcing rules cover), and if not, which language,
so that the report can say what it skipped. Two signals do that well on news text:
the Unicode script of the letters (CJK, kana, Hangul, Cyrillic, Arabic, Greek, Hebrew,
Devanagari, Thai), and for Latin script the share of each language's most frequent
function words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from audit import lang

# The most frequent function words of each Latin-script language, and the scripts that
# tell the others, from the language modules (audit/lang/). Words shared by several
# languages (e.g. "a", "de", "in") still help: the scores are compared.
_STOP = lang.FUNCTION_WORDS
_SCRIPTS = lang.SCRIPTS
# How the report names each language ("sourcing not analysed: the article is in Portuguese").
NAMES = lang.NAMES
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# word -> the languages whose function words include it, for one pass over the words
_INDEX: dict[str, tuple[str, ...]] = {}
for _code, _words in _STOP.items():
    for _word in _words:
        _INDEX[_word] = _INDEX.get(_word, ()) + (_code,)
SAMPLE_CHARS = 3000


def _script_counts(sample: str) -> dict[str, int]:
    """Letters of each script in ``sample``."""
    # ASCII letters, counted in C: the ASCII bytes of the sample minus every non-letter.
    counts: dict[str, int] = {
        "LATIN": len(sample.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))}
    # Only the non-ASCII characters are looked up, each distinct one once (a page in
    # Japanese repeats its characters: a few hundred names instead of thousands).
    others = Counter(_NON_ASCII.findall(sample))
    for ch, n in others.items():
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        key = name.split(" ", 1)[0]
        if key not in _SCRIPTS:
            key = "LATIN" if "LATIN" in name else "OTHER"
        counts[key] = counts.get(key, 0) + n
    return counts


def _hits(words: list[str]) -> dict[str, int]:
    """How many of ``words`` are function words of each language."""
    hits = dict.fromkeys(_STOP, 0)
    counted = Counter(words)
    for word in counted.keys() & _INDEX.keys():  # each distinct function word once
        for code in _INDEX[word]:
            hits[code] += counted[word]
    return hits


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it is too short or unclear to tell."""
    sample = text[:SAMPLE_CHARS]
    counts = _script_counts(sample)
    letters = sum(counts.values())
    if letters < 20:
        return None
    script, top = max(counts.items(), key=lambda item: item[1])
    if script != "LATIN":
        for code, own, share in lang.WITHIN_SCRIPT.get(script, ()):
            if sum(counts.get(s, 0) for s in own) > share * letters:
                return code  # kana among kanji: Japanese
        return _SCRIPTS.get(script) if top >= 0.5 * letters else None
    words = _WORD.findall(sample.lower())
    if len(words) < 5:
        return None
    hits = _hits(words)
    best = max(hits, key=lambda code: (hits[code], code == "en"))
    if hits[best] < max(2, 0.08 * len(words)):
        return None
    return best
