"""Source noun phrases: finding them next to a cue, and telling their type.

Without a parser, a source is the run of words next to the cue that a noun phrase can be
made of: it stops at punctuation, clause words ("that", "which") and verbs. The type
comes from the phrase's head noun (the last word before its first preposition):
"officials from the ministry" is unnamed, "the administration of President X" an
organization, "Deputy Secretary of State Kurt Campbell" a person (an office followed by
a name), "Tokyo" an organization (a capital standing for its government).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from types import ModuleType
from typing import NamedTuple

from audit.model import SPECIFICITY
from audit.sourcing.text import Tok

MAX_NP = 14  # tokens; real sources are shorter, anything longer is a misreading


def _joins_names(lang: ModuleType, toks: list[Tok], i: int) -> bool:
    """'and' may sit inside a source only between names ("the United States and Japan")."""
    if not 0 < i < len(toks) - 1 or not toks[i - 1].is_cap:
        return False
    nxt = i + 2 if toks[i + 1].low == lang.THE and i + 2 < len(toks) else i + 1
    return toks[nxt].is_cap  # "Japan and the United States": one source


def _adverb(lang: ModuleType, tok: Tok) -> bool:
    return tok.low.endswith(lang.ADVERB_ENDING) and not tok.is_cap and tok.low not in lang.LY_NOUNS


def np_before(lang: ModuleType, toks: list[Tok], end: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``end`` (skipping auxiliaries).

    Returns (first, last+1) token indexes, or None when there is none.
    """
    i = end - 1
    while i >= 0 and (toks[i].low in lang.AUX or _adverb(lang, toks[i])):
        i -= 1  # "has also said", "allegedly showed"
    if i >= 2 and toks[i].low == lang.TO and toks[i - 1].low == lang.LIKELY:
        i -= 2  # "voters were [more likely to] say": how often, not part of the subject
        while i >= 0 and (toks[i].low in lang.AUX or toks[i].low in lang.MORE_OR_FEWER
                          or _adverb(lang, toks[i])):
            i -= 1
    stop = i + 1
    while i >= 0 and stop - i <= MAX_NP:
        tok = toks[i]
        if tok.text == ")" and i == stop - 1:
            opening = next((j for j in range(i - 1, max(-1, i - 10), -1)
                            if toks[j].text in "()"), None)
            if opening is not None and toks[opening].text == "(" and opening > 0:
                i = opening - 1  # "Rep. Hank Johnson (D-Ga.) said": the party is his
                continue
        if not tok.is_word and (tok.text not in ".’'-&" or _dateline_dash(toks, i)):
            break  # "BERLIN -- The agency says": the place the story was filed from
        if tok.low == lang.TO and i > 0 and toks[i - 1].low in lang.TO_ROLE_HEADS:
            i -= 1  # "the ambassador to Britain", "an adviser to the president"
            continue
        if tok.low in lang.CLAUSE_WORDS or tok.low in lang.VERBISH:
            break
        if tok.low in lang.NAME_JOINERS and not _joins_names(lang, toks, i):
            break
        i -= 1
    first = _drop_leading(lang, toks, i + 1, stop)
    if i >= 1 and toks[i].low in lang.AUX and i + 1 < first and \
            toks[i + 1].low in lang.LEADING_PREPS:
        # "friends have [in the past] said": a time between the auxiliary and its verb; the
        # subject is before the auxiliary
        return np_before(lang, toks, i + 1)
    while stop - first > 1:
        low = toks[stop - 1].low
        if low in lang.WHEN_WORDS:
            stop -= 1  # "Alden on Tuesday announced": the time is not the source
            if stop - first > 1 and toks[stop - 1].low in lang.WHEN_LEADS:
                stop -= 1
        elif low in lang.PERIOD_WORDS and stop - first > 2 and \
                toks[stop - 2].low in lang.WHEN_LEADS:
            stop -= 2  # "Wells Fargo this month announced", "The mayor earlier this year said"
            while stop - first > 1 and toks[stop - 1].low in lang.PERIOD_LEADS:
                stop -= 1
        else:
            break
    if first >= stop or stop - first > MAX_NP or not (
            toks[stop - 1].is_word or toks[stop - 1].text == ")" or _abbreviated(lang, toks, stop)):
        return None
    if toks[first].low in lang.NP_PREPS:
        return None  # "... of agency policy said": the phrase's head lies further back
    if stop - first == 1 and toks[first].low in lang.FLOATING_QUANTIFIERS and first > 0:
        # "Cruz and Rubio have both urged": the quantifier floats off the subject before it
        return np_before(lang, toks, first) or (first, stop)
    if any(toks[k].low.endswith(lang.PAST_ENDING) and not toks[k].is_cap and toks[k + 1].low in
           lang.DETERMINERS for k in range(first, stop - 1)):
        return None  # "friends wanted some say": a verb inside, not a noun phrase
    return first, stop


def _abbreviated(lang: ModuleType, toks: list[Tok], stop: int) -> bool:
    """Whether a phrase ends with the point of an initialism ("officials at the U.N."; not
    a party and state, "R-S.C.") or of an abbreviation that ends names ("Apple Inc.", "John
    Smith Jr.": lang.ABBREVIATED_NAME_ENDS; not a state's "Mich.")."""
    if stop < 2 or toks[stop - 1].text != "." or toks[stop - 2].end != toks[stop - 1].start:
        return False
    before = toks[stop - 2]
    return before.low in lang.ABBREVIATED_NAME_ENDS or (
        "." in before.text and all(len(p) == 1 and p.isupper() for p in before.text.split(".")))


def _dateline_dash(toks: list[Tok], i: int) -> bool:
    """A spaced dash after a word in capitals ("BERLIN --", "NEW YORK -"): a dateline."""
    if not spaced_dash(toks, i):
        return False
    k = i
    while k > 0 and toks[k - 1].text == "-":
        k -= 1
    return k > 0 and toks[k - 1].text.isupper() and len(toks[k - 1].text) > 1


def spaced_dash(toks: list[Tok], i: int) -> bool:
    """A hyphen standing for a dash: spaces on both sides ("A - which", "BERLIN -- A")."""
    tok = toks[i]
    if tok.text != "-":
        return False
    j = i
    while j + 1 < len(toks) and toks[j + 1].text == "-" and toks[j + 1].start == toks[j].end:
        j += 1
    k = i
    while k > 0 and toks[k - 1].text == "-" and toks[k - 1].end == toks[k].start:
        k -= 1
    return (k == 0 or toks[k - 1].end < toks[k].start) and \
        (j + 1 >= len(toks) or toks[j].end < toks[j + 1].start)


def _drop_leading(lang: ModuleType, toks: list[Tok], first: int, stop: int) -> int:
    """Skip an adverbial opening ("On Monday the ministry ...") and stray punctuation."""
    while first < stop and not toks[first].is_word:
        first += 1
    while first < stop - 1 and toks[first].low in lang.ONE_WORD_LEADS:
        first += 1  # "Now Bloomberg says", "But Trump said"
    if first < stop and toks[first].low in lang.LEADING_PREPS and stop - first > 1:
        for k in range(first + 1, stop):
            if toks[k].low in lang.DETERMINERS:
                return k
        return first + 2 if stop - first > 2 else stop
    return first


def np_after(lang: ModuleType, toks: list[Tok], begin: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``begin`` ("said [the minister] in a statement")."""
    if begin < len(toks) and (toks[begin].low in lang.WHEN_WORDS or
                              toks[begin].low in lang.NP_PREPS):
        return None  # "said Tuesday at the conference": a time, not a source
    i = begin
    while i < len(toks) and i - begin < MAX_NP:
        tok = toks[i]
        inner_dot = (tok.text == "." or (tok.text == "/" and i > begin and i + 1 < len(toks)
                                         and toks[i + 1].start == tok.end)) and \
            i + 1 < len(toks) and toks[i + 1].is_word  # "the U.S. Census", "a CNN/ORC poll"
        if not tok.is_word and tok.text not in "’'-&" and not inner_dot:
            break
        if (tok.low in lang.CLAUSE_WORDS and not tok.text.isupper()) or tok.low in lang.VERBISH:
            break  # ("WHO" is the World Health Organization)
        if tok.low in lang.NAME_JOINERS and not _joins_names(lang, toks, i):
            break
        if i > begin and tok.low in lang.TIME_PREPS and i + 1 < len(toks) \
                and toks[i + 1].low in lang.TIME_WORDS:
            break
        i += 1
    while i > begin and not toks[i - 1].is_word:
        i -= 1
    return (begin, i) if i > begin else None


def head_chunk(lang: ModuleType, words: list[str]) -> list[str]:
    """The words before the first preposition: "officials [from the ministry]"."""
    for k, word in enumerate(words):
        low = word.lower()
        if k > 0 and (low in lang.NP_PREPS or low in lang.PARTICIPLES or low in lang.ENDS_HEAD):
            return words[:k]
    return words


def _key(words: list[str]) -> str:
    return "-".join(w.lower() for w in words)


def _is_name(lang: ModuleType, word: str) -> bool:
    low = word.lower().rstrip(lang.POSSESSIVE_STRIP) if word.endswith(lang.POSSESSIVE_ENDINGS) \
        else word.lower()
    return word[:1].isupper() and not any(
        low in vocab for vocab in (lang.ROLE_HEADS, lang.ORG_HEADS, lang.UNNAMED_HEADS,
                                   lang.VAGUE_HEADS, lang.DOCUMENT_HEADS, lang.OUTLET_HEADS,
                                   lang.CAPITALS, lang.DETERMINERS)
    ) and low not in lang.COUNTRIES and low not in lang.NOT_NAME_WORDS


class _Tables(NamedTuple):
    """What this module builds from a language pack, once per pack."""

    outlet_name: re.Pattern[str]  # any outlet's name anywhere in a phrase
    not_first_names: frozenset[str]  # words before a surname that are not a first name


@lru_cache(maxsize=8)
def _tables(lang: ModuleType) -> _Tables:
    # Any outlet's name anywhere in the phrase (a substring test, as ``name in low`` per
    # name was, in one scan).
    return _Tables(
        re.compile("|".join(map(re.escape, lang.OUTLET_NAMES))),
        lang.DETERMINERS | lang.LEADING_PREPS | lang.CLAUSE_WORDS | lang.NP_PREPS
        | lang.VERBISH | lang.AUX | lang.PRONOUNS | lang.NOT_GIVEN_NAMES)


def source_type(lang: ModuleType, words: list[str]) -> str | None:
    """The type of a source phrase, or None when its head is not a known kind of source
    (an abbreviation's point at its end is no word: "Apple Inc.")."""
    if len(words) > 1 and words[-1] == ".":
        words = words[:-1]
    return _source_type(lang, tuple(words))


@lru_cache(maxsize=4096)  # the same phrases recur within and across articles
def _source_type(lang: ModuleType, words: tuple[str, ...]) -> str | None:
    words = list(words)
    if "(" in words and words[-1] == ")":
        words = words[:words.index("(")]  # "Rep. Hank Johnson (D-Ga.)": typed by the name
    if not words:
        return None
    low = " ".join(words).lower()
    if len(words) == 1:
        if re.search(lang.NOT_REPORTING_CONTRACTION, low):
            return None
        low = re.sub(lang.CONTRACTION_PATTERN, "", low)  # "I’d expect", "she’s said"
    if len(words) == 1 and (low in lang.PRONOUNS or low in lang.POSSESSIVE_PRONOUNS):
        return "pronoun"
    if len(words) == 1 and low in lang.NOT_SOURCE_WORDS:
        return None
    if _tables(lang).outlet_name.search(low) or (
            len(words) <= 2 and words[-1].lower() in lang.OUTLET_ABBREVIATIONS):
        return "outlet"
    bare = [w for w in words if w.lower() != lang.THE]
    if _key(bare) in lang.COUNTRIES or _key(words) in lang.COUNTRIES or low in lang.CAPITALS:
        return "organization"
    chunk = head_chunk(lang, words)
    head = chunk[-1]
    hlow = head.lower()
    determiner = chunk[0].lower() in lang.DETERMINERS or chunk[0].endswith(lang.POSSESSIVE_ENDINGS)
    return _by_head(lang, words, chunk, hlow, determiner)


def _by_head(lang: ModuleType, words: list[str], chunk: list[str], hlow: str,
             determiner: bool) -> str | None:
    if chunk[-1].istitle() and hlow in lang.NEWSPAPER_HEADS and len(chunk) >= 2 \
            and chunk[-2][:1].isupper():
        return "outlet"  # "the Sioux Falls Argus Leader", "The Boston Globe"
    if hlow in lang.GENERIC_FORCES and not any(w[:1].isupper() for w in chunk[1:-1]):
        return "unnamed"  # "Authorities say", "police said": no one identifiable
    if hlow in lang.DEFINITE_ROLE_HEADS and len(words) > len(chunk) + 1 and \
            words[len(chunk)].lower() == lang.SPEAKS_FOR and words[len(chunk) + 1][:1].isupper():
        return "organization"  # "a spokesperson for Apple" speaks for Apple
    if hlow in lang.ROLE_HEADS and not _indefinite(lang, chunk):
        if hlow in lang.DEFINITE_ROLE_HEADS and not determiner:
            return "unnamed"
        return "person" if _ends_with_name(lang, words) else "role"
    if hlow in lang.OUTLET_HEADS and (hlow != lang.NOT_OUTLET_HEAD or (
            len(chunk) >= 2 and chunk[-2].lower() in lang.NEWS_AGENCY_WORDS)):
        return "outlet"  # "the network"; "the agency" is an office, "the news agency" not
    if hlow in lang.GENERIC_PLURAL_DOCUMENTS and not determiner:
        return "vague"
    if hlow in lang.DOCUMENT_HEADS:
        return "document"
    if hlow == lang.PEOPLE and len(words) > len(chunk):
        return "unnamed"  # "people familiar with the matter"
    if hlow in lang.VAGUE_HEADS and not (hlow in lang.UNNAMED_HEADS and determiner):
        return "vague"
    if hlow in lang.UNNAMED_HEADS or hlow in lang.MORE_UNNAMED_HEADS:
        return "unnamed"
    if hlow in lang.ORG_HEADS or hlow in lang.CAPITALS or hlow in lang.MORE_ORG_HEADS:
        return "organization"
    if hlow in lang.QUANTITY_HEADS or hlow.rstrip("%").isdigit() or (
            "-" in hlow and hlow.rsplit("-", 1)[1] in lang.FRACTIONS):
        return "vague"  # "Another 19 percent", "about four in 10"
    tail = [w.lower() for w in chunk[-2:]]
    if "-".join(tail) in lang.COUNTRIES or tail[-1] in lang.COUNTRIES:
        return "organization"
    if _is_name(lang, chunk[-1]):
        return "person"
    return None


def _indefinite(lang: ModuleType, chunk: list[str]) -> bool:
    """"a minister", "one official": an office, but not an identifiable one."""
    return chunk[0].lower() in lang.INDEFINITES


def _ends_with_name(lang: ModuleType, words: list[str]) -> bool:
    """An office followed by a name: "Deputy Secretary of State Kurt Campbell"."""
    return len(words) >= 2 and _is_name(lang, words[-1]) and words[-2][:1].isupper()


def more_specific(a: str | None, b: str | None) -> str | None:
    """Of two readings of one source, the one that tells an editor more."""
    if a is None or b is None:
        return a or b
    return a if SPECIFICITY.index(a) <= SPECIFICITY.index(b) else b


def single_name_type(lang: ModuleType, word: str, text: str) -> str:
    """A one-word name is a person when the text also gives it a first name or title
    ("Shinzo Abe", "President Trump"), else an organization ("Toyota says", "VW said").
    """
    if word.isupper() and len(word) <= 5:
        return "organization"
    not_first_names = _tables(lang).not_first_names
    for count, before in enumerate(words_before(word, text)):
        if before.lower() not in not_first_names or before in lang.HONORIFICS:
            return "person"
        if count >= 20:
            break
    return "organization"


def words_before(word: str, text: str) -> Iterator[str]:
    r"""The capitalised word right before each " <word>" in ``text`` ("Shinzo" before
    "Abe"), in order: what ``([A-Z](?<!\w.)[\w.’'-]*) <word>\b`` finds, one match
    after another.

    Why not that pattern: it would be compiled for each name, and most one-word names are
    new to each article; its character class beyond Latin-1 makes a compile cost about
    a third of a millisecond. So " <word>" is found as a literal and the name is read
    before it with one pattern compiled once."""
    taken = 0  # where the last match ended: the next one starts after it
    for occurrence in re.finditer(re.escape(" " + word) + r"\b", text):
        space = occurrence.start()
        # the name holds no space: it opens after the last space before this one
        name = _NAME_BEFORE.search(text, max(taken, text.rfind(" ", 0, space) + 1), space)
        if name is not None:
            yield name.group()
            taken = occurrence.end()


# A capitalised word (its capital not after a word character) ending where the search ends.
_NAME_BEFORE = re.compile(r"[A-Z](?<!\w.)[\w.’'-]*\Z")
