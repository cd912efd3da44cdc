"""Languages: one module per language, named by its ISO 639-1 code, holding everything the
audit knows about that language. Add a language by adding its module here and to
``MODULES``; every reader builds its tables from this registry.

What a module may hold (each optional but NAME):
- ``NAME``: how reports name the language ("the article is in Portuguese");
- ``FUNCTION_WORDS``: its most frequent function words (language detection, Latin script);
- ``SCRIPTS``: the Unicode scripts it is told by (language detection, other scripts);
- ``WITHIN_SCRIPT``: (a script it shares, a share): a text mostly in that script is in this
  language when its own scripts' letters pass that share (Japanese kana among kanji);
- ``BYLINE_BY``, ``BYLINE_OPENERS``: the words a byline opens with (audit/bylines.py);
- ``MONTHS``: twelve strings of month names, January first (audit/metadata/dates.py);
- the labels of page furniture, credits and author boxes (``LABEL_FIELDS``: "Quelle:",
  "Übersetzt von", "Leia também", "Über den Autor"), as regular-expression fragments that
  the strip stage and provenance read through ``alternation``;
- the sourcing pack: every word list and pattern the sourcing stage reads (en.py). A
  language is covered by the sourcing stage when its module has one (``CUE_VERBS``).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from audit.lang import (
    ar,
    da,
    de,
    el,
    en,
    es,
    fr,
    he,
    hi,
    id,
    it,
    ja,
    ko,
    nl,
    no,
    pl,
    pt,
    ru,
    sv,
    th,
    tr,
    uk,
    zh,
)

# In this order: detection compares languages in it (English first on a tie).
MODULES: tuple[ModuleType, ...] = (en, de, fr, es, it, pt, nl, id, sv, pl, tr, zh, ja, ko,
                                   ru, ar, el, he, hi, th, uk, no, da)
LANGUAGES: dict[str, ModuleType] = {m.__name__.rsplit(".", 1)[1]: m for m in MODULES}


def _having(field: str) -> dict[str, Any]:
    """``field`` of each language whose module has it, by language code."""
    return {code: getattr(m, field) for code, m in LANGUAGES.items() if hasattr(m, field)}


NAMES: dict[str, str] = _having("NAME")
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split()) for code, words in _having("FUNCTION_WORDS").items()}
SCRIPTS: dict[str, str] = {script: code for code, scripts in _having("SCRIPTS").items()
                           for script in scripts}
# shared script -> (language, its own scripts, the share of letters that tells it)
WITHIN_SCRIPT: dict[str, list[tuple[str, tuple[str, ...], float]]] = {}
for _code, (_shared, _share) in _having("WITHIN_SCRIPT").items():
    WITHIN_SCRIPT.setdefault(_shared, []).append((_code, LANGUAGES[_code].SCRIPTS, _share))
BYLINE_BY: dict[str, tuple[str, ...]] = _having("BYLINE_BY")
BYLINE_OPENERS: dict[str, tuple[str, ...]] = _having("BYLINE_OPENERS")
MONTHS: dict[str, tuple[str, ...]] = _having("MONTHS")

# The languages the sourcing stage reads, each with its pack (the module itself).
PACKS: dict[str, ModuleType] = {code: m for code, m in LANGUAGES.items()
                                if hasattr(m, "CUE_VERBS")}
COVERED_LANGUAGES = tuple(PACKS)


def pack(language: str | None) -> ModuleType | None:
    """The sourcing pack for ``language`` (English when it is not known), or None."""
    return PACKS.get(language or "en")


# The label fields a language module may hold (what each is for: the comments in en.py),
# read through ``alternation`` and ``every`` by audit/strip/furniture.py (photo and source
# credits, newsletter, comment, navigation, share, related-story and advertisement labels,
# cookie and copyright notices), audit/strip/textroles.py (author boxes, the small words of
# a site's name), audit/strip/textregion.py (a reader's comment), audit/provenance.py (the
# label before a credited name, the heading before an author's name, a page's own labels,
# where a byline's name ends) and audit/metadata/authors.py (the words around a byline's names: its
# leads and labels, job titles, dates, links, the word between two names; a publication
# date's label).
LABEL_FIELDS = (
    "PHOTO_WORDS", "PHOTO_CREDIT_WORDS", "SOURCE_LABELS", "TRANSLATED_BY", "TRANSLATION_LABELS",
    "NEWSLETTER_PROMPTS", "SUBSCRIBE_WORDS", "SUBSCRIBE_TAILS", "COMMENTS_WORDS",
    "COMMENT_PROMPTS", "NO_COMMENTS", "LOGGED_IN", "TO_COMMENT", "PREV_NEXT", "SKIP_LINKS",
    "MENU_WORDS", "SHARE_WORDS", "RELATED_PROMPTS", "AD_LABELS", "COOKIE_NOTICES",
    "MAILING_LIST_PROMPTS", "COOKIE_BANNERS",
    "ALL_RIGHTS_RESERVED", "COUNTER_OF", "ABOUT_AUTHOR", "ABOUT", "BIO_CUES",
    "OPINION_LABELS", "SPONSORED_LABELS", "PUBLISHED_WORDS", "DATE_ON", "UPDATED_LABELS",
    "PUBLISHED_LABELS", "REPLY_WORDS", "COMMENTER_SAID", "NAME_AND", "SITE_SMALL_WORDS",
    "BYLINE_LEADS", "BYLINE_FROM", "AUTHOR_LABELS", "AUTHOR_WORDS", "JOB_TITLE_LEADS",
    "JOB_TITLES", "JOB_TITLE_TAILS", "NOT_NAMES", "AUTHOR_LINKS", "BYLINE_CLASS_WORDS",
)


def alternation(field: str) -> str:
    """The regular-expression fragments every language module holds in ``field`` (one of
    LABEL_FIELDS), joined as one alternation: languages in MODULES order, each fragment
    once. Put a group around it: "(?:" + alternation("SOURCE_LABELS") + ")"."""
    return "|".join(every(field))


def every(field: str) -> tuple[str, ...]:
    """What every language module holds in the label field ``field``, in MODULES order,
    each entry once (plain words, for a set: lang.every("SITE_SMALL_WORDS"))."""
    if field not in LABEL_FIELDS:
        raise KeyError(field)
    return tuple(dict.fromkeys(entry for m in MODULES for entry in getattr(m, field, ())))
