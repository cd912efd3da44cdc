"""Syllables of one word as a news reader would say it.

Order of evidence: numerals are read aloud (``2029`` is "twenty twenty-nine", 5;
``$4.7`` is "four point seven dollars", 6; ``75%`` is "seventy-five percent", 5);
abbreviations are read unabbreviated, as SMOG's instructions ask (``Dr.`` "doctor", 2;
``Jan.`` "January", 4); initialisms are spelled (``U.S.``, ``CLPS``); hyphenated words
are counted by parts; everything else comes from the CMU Pronouncing Dictionary, with
possessives and camel-case names (``SpaceX``) taken apart, and only words it lacks are
guessed by rule (vowel groups, silent e, -ed/-es endings).
"""

from __future__ import annotations

import re

from audit.readability.lexicon import cmu

_ONES = (2, 1, 1, 1, 1, 1, 1, 2, 1, 1)  # zero one two ... nine
_TEENS = (1, 3, 1, 2, 2, 2, 2, 3, 2, 2)  # ten eleven twelve ... nineteen
_TENS = (0, 0, 2, 2, 2, 2, 2, 3, 2, 2)  # -, -, twenty thirty ... seventy eighty ninety
_SCALE = 2  # hundred, thousand, million, billion, trillion: two syllables each
_CURRENCY = {"$": 2, "£": 1, "€": 2}  # dollars, pounds, euros
_LETTER = {"w": 3}  # spelled letters are one syllable, except double-u

# Abbreviations read as the word they stand for (keys are tokens without the stop).
ABBREVIATIONS = {
    "mr": 2, "mrs": 2, "ms": 1, "dr": 2, "prof": 3, "sen": 3, "rep": 5, "gov": 3, "gen": 3,
    "adm": 3, "lt": 3, "col": 2, "capt": 2, "sgt": 2, "rev": 3, "st": 1, "jr": 2, "sr": 2,
    "jan": 4, "feb": 4, "mar": 1, "apr": 2, "jun": 1, "jul": 3, "aug": 3, "sep": 3,
    "sept": 3, "oct": 3, "nov": 3, "dec": 3, "inc": 5, "corp": 4, "co": 3, "ltd": 3,
    "no": 2, "vs": 2, "etc": 4, "approx": 4, "dept": 3, "govt": 3, "calif": 4, "fla": 3,
    "mass": 3, "wash": 2,
}

_NUMBER = re.compile(r"([$£€]?)(\d[\d,]*)(?:\.(\d+))?(%|[A-Za-z]+)?")
# Letters glued to a number: scales ($5m, $4.7bn, 10k) and clock times (10am).
_NUMBER_SUFFIX = {"k": 2, "m": 2, "mn": 2, "b": 2, "bn": 2, "t": 2, "tn": 2, "am": 2, "pm": 2,
                  "s": 0}
_CLOCK = re.compile(r"(\d{1,2}):(\d\d)(?::\d\d)?([A-Za-z]*)")
_PARTS = re.compile(r"\d+|[A-Za-z]+")
_LETTERS_OR_DIGITS = re.compile(r"\d+|[^\W\d_]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_SPLIT_VOWELS = re.compile(r"[^tsc]i[aou]|eo|ua|uo")  # vowel pairs said as two syllables
_INITIALISM = re.compile(r"(?:[a-z]\.){1,}[a-z]\.?")
# -es endings said as a syllable of their own (bus-es, box-es, church-es, bridg-es).
SIBILANT_ES = ("ses", "xes", "zes", "ches", "shes", "ces", "ges")


def count(token: str, *, abbreviated: bool = False) -> int:
    """Syllables of ``token`` (one word as tokenised; ``abbreviated`` when a stop follows
    it in the text, e.g. ``Dr`` of ``Dr.``)."""
    if token[:1].isdecimal() or token[:1] in _CURRENCY:
        return numeral(token)
    if "-" in token:
        return sum(count(part) for part in token.split("-") if part)
    lower = token.lower().replace("’", "'")
    if abbreviated and lower in ABBREVIATIONS:
        return ABBREVIATIONS[lower]
    if "." in lower and _INITIALISM.fullmatch(lower + "."):
        return spelled(lower)
    return word(token, lower)


def word(token: str, lower: str) -> int:
    """Syllables of a word of letters: dictionary first, then its parts, then a guess."""
    found = cmu().syllables(lower)
    if found is not None:
        return found
    if lower.endswith(("'s", "'")):
        # The ending is cut from the token itself: lower-casing can change a word's length
        # ("İ".lower() is two characters), so a length measured on ``lower`` does not fit
        # ``token``. The ending's characters keep their length, so ``stem`` is shorter.
        cut = 2 if lower.endswith("'s") else 1
        base, stem = lower[:-cut], token[:-cut]
        sibilant = cut == 2 and base.endswith(("s", "x", "z", "ch", "sh", "ce", "ge"))
        return (count(stem) if stem else 0) + sibilant
    if token.isupper() and (len(token) <= 4 or not _VOWEL_GROUP.search(lower)):
        return spelled(lower) + sum(_ONES[int(d)] for d in token if d.isdecimal())
    # isdecimal, not isdigit: "²" is a digit to isdigit but not to \d or int()
    if any(ch.isdecimal() for ch in token):  # RAV4, G7, COVID19
        parts = _LETTERS_OR_DIGITS.findall(token)
        if parts != [token]:  # recurse only on smaller pieces
            return sum(numeral(part) if part[0].isdecimal() else word(part, part.lower())
                       for part in parts)
    parts = _CAMEL.findall(token)
    if len(parts) > 1:
        return sum(word(part, part.lower()) for part in parts)
    return guess(lower)


def spelled(letters: str) -> int:
    """Syllables of an initialism read letter by letter (``U.S.``, ``CLPS``)."""
    return sum(_LETTER.get(ch, 1) for ch in letters if ch.isalpha())


def guess(lower: str) -> int:
    """Rule-based syllables for a word the dictionary lacks: vowel groups, less a silent
    final e, -ed or -es; plus the i-a / i-o / e-o splits that vowel groups merge."""
    letters = "".join(ch for ch in lower if ch.isalpha())
    if not letters:
        return 0
    groups = len(_VOWEL_GROUP.findall(letters))
    if len(letters) > 3:
        groups -= _silent_ending(letters)
        groups += len(_SPLIT_VOWELS.findall(letters))
    return max(1, groups)


def _silent_ending(letters: str) -> int:
    """1 when the word ends in a silent e, -ed or -es (make, walked, makes), else 0."""
    if letters.endswith("e"):
        consonant_le = letters.endswith("le") and letters[-3] not in "aeiouy"  # table
        return int(not consonant_le and not letters.endswith(("ee", "ye")))
    if letters.endswith("ed"):
        return int(not letters.endswith(("ted", "ded")))
    if letters.endswith("es"):
        return int(not letters.endswith(SIBILANT_ES))
    return 0


def numeral(token: str) -> int:
    """Syllables of a numeral read aloud: years as pairs, decimals with "point", money with
    its currency, percentages with "percent", ordinals, decades, clock times."""
    clock = _CLOCK.fullmatch(token)
    if clock:
        hours, minutes, suffix = clock.groups()
        return (integer(int(hours)) + (_minutes(minutes) if int(minutes) else 0)
                + _suffix_syllables(suffix, 0))
    match = _NUMBER.fullmatch(token)
    if match is None:  # 192.168.0.1, 1-2-3: each group of digits or letters in turn
        return sum(integer(int(part)) if part.isdigit() and len(part) <= 15 else
                   spelled(part) if part.isalpha() else len(part)
                   for part in _PARTS.findall(token)) or 1
    currency, whole, decimals, suffix = match.groups()
    digits = whole.replace(",", "")
    if not currency and not decimals and "," not in whole and _is_year(digits):
        total = year(int(digits))
    else:
        total = integer(int(digits)) if len(digits) <= 15 else len(digits)
    if decimals:
        total += 1 + sum(_ONES[int(d)] for d in decimals)  # "point" and each digit
    total += _CURRENCY.get(currency, 0)
    return total + _suffix_syllables(suffix, int(digits))


def _suffix_syllables(suffix: str | None, value: int) -> int:
    """Syllables added by what follows the digits: percent, an ordinal ending, a scale, a
    unit or letters (3D, 5G)."""
    if not suffix:
        return 0
    lower = suffix.lower()
    if suffix == "%":
        return 2
    if lower in ("st", "nd", "rd", "th"):
        return _ordinal_extra(value)
    if lower in _NUMBER_SUFFIX:
        return _NUMBER_SUFFIX[lower]
    return spelled(lower) if len(lower) <= 2 else word(suffix, lower)


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and 1100 <= int(digits) <= 2099


def _minutes(minutes: str) -> int:
    value = int(minutes)
    return (1 + _ONES[value]) if value < 10 else integer(value)  # "oh five"


def year(value: int) -> int:
    """Syllables of a year read the usual way: 1984 nineteen eighty-four, 1900 nineteen
    hundred, 1905 nineteen oh five, 2008 two thousand eight, 2029 twenty twenty-nine."""
    if 2000 <= value <= 2009:
        return integer(value)
    high, low = divmod(value, 100)
    if low == 0:
        return integer(high) + _SCALE
    return integer(high) + (1 + _ONES[low] if low < 10 else integer(low))


def integer(value: int) -> int:
    """Syllables of a whole number read in full (American style, no "and")."""
    if value < 10:
        return _ONES[value]
    if value < 20:
        return _TEENS[value - 10]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (_ONES[ones] if ones else 0)
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        return _ONES[hundreds] + _SCALE + (integer(rest) if rest else 0)
    total = 0
    for group in _groups(value):
        if group:
            total += integer(group[0]) + (_SCALE if group[1] else 0)
    return total


def _groups(value: int) -> list[tuple[int, int]]:
    """Thousands groups, highest first, with their scale index (0 = units)."""
    groups = []
    scale = 0
    while value:
        value, group = divmod(value, 1000)
        if group:
            groups.append((group, scale))
        scale += 1
    return groups[::-1]


def _ordinal_extra(value: int) -> int:
    """Syllables an ordinal adds to its cardinal: second (+1), twentieth (+1)."""
    if value % 100 != 12 and value % 10 == 2:
        return 1
    if value % 100 >= 20 and value % 10 == 0:
        return 1
    return 0
