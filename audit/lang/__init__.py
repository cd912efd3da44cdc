"""Languages: one module per language, named by its ISO 639-1 code, holding everything the
audit knows about that language. Add a language by adding its module here and to
``MODULES``; every reader builds its tables from this registry.

What a module may hold (each optional but NAME):
- ``NAME``: how reports name the language ("the article is in Portuguese");
- ``FUNCTION_WORDS``: its most frequent function words (language detection, Latin script);
- ``SCRIPTS``: the Unicode scripts it is told by (language detection, other scripts);
- ``BYLINE_BY``, ``BYLINE_OPENERS``: the words a byline opens with (audit/bylines.py);
- ``MONTHS``: twelve strings of month names, January first (audit/metadata.py's dates);
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
