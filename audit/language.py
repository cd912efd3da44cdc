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

# The most frequent function words of each Latin-script language. Words shared by
# several languages (e.g. "a", "de", "in") still help: the scores are compared.
_STOPWORDS = {
    "en": "the of and to in is that for it was on with as be by at this are from have has not but "
    "they which said were an will would their been who its or he she we more",
    "de": "der die und das ist nicht den von zu mit sich des auf für ein eine dem im auch es als "
    "wird wurde bei nach sind aus oder noch wie einer über",
    "fr": "le la les et des est une un du que dans pour pas qui sur au par plus ce il elle sont "
    "avec ont été cette aux ses leur mais",
    "es": "el la de que y en los las del se por un una para con no es al lo como más pero sus le "
    "ha fue este entre cuando también",
    "it": "il di che la le per un una del della è non sono gli con si da nel alla anche come più "
    "ha dei delle questo ma",
    "pt": "de que o a os as do da em um uma para com não é no na por mais dos das se como foi ao "
    "mas ele ela também seu sua",
    "nl": "de het een en van in is dat op te voor met niet zijn er aan ook als bij door maar om "
    "heeft werd worden wordt",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena adalah oleh "
    "ada mereka kami kita saat",
    "sv": "och att det som en på är av för med till den har inte om ett var jag han men sig från "
    "vi så kan",
    "pl": "i w na z się nie do to że jest o jak po ale co za od przez są tak był jego przy",
    "tr": "ve bir bu da de için ile olarak çok daha olan gibi ama en kadar sonra değil ise",
}
_STOP = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}

# Scripts told apart by the first word of the character's Unicode name.
_SCRIPTS = {
    "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CYRILLIC": "ru",
    "ARABIC": "ar", "GREEK": "el", "HEBREW": "he", "DEVANAGARI": "hi", "THAI": "th",
}
# How the report names each language it can detect ("sourcing not analysed: the article
# is in Portuguese").
NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "id": "Indonesian", "sv": "Swedish", "pl": "Polish",
    "tr": "Turkish", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ru": "Russian",
    "ar": "Arabic", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "th": "Thai",
}
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# word -> the languages whose function words include it, for one pass over the words
_INDEX: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOP.items():
    for _word in _words:
        _INDEX[_word] = _INDEX.get(_word, ()) + (_lang,)
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
        for lang in _INDEX[word]:
            hits[lang] += counted[word]
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
        if (script == "CJK"
                and counts.get("HIRAGANA", 0) + counts.get("KATAKANA", 0) > 0.05 * letters):
            return "ja"
        return _SCRIPTS.get(script) if top >= 0.5 * letters else None
    words = _WORD.findall(sample.lower())
    if len(words) < 5:
        return None
    hits = _hits(words)
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))
    if hits[best] < max(2, 0.08 * len(words)):
        return None
    return best
