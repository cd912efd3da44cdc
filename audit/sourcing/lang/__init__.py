"""Language packs: every word list and pattern the sourcing stage reads about a language,
one module per language (en.py). A language is covered when it has a pack; the extractor
is handed the pack of the article's language (``pack``).
"""

from __future__ import annotations

from types import ModuleType

from audit.sourcing.lang import en

PACKS: dict[str, ModuleType] = {"en": en}
COVERED_LANGUAGES = tuple(PACKS)


def pack(language: str | None) -> ModuleType | None:
    """The pack for ``language`` (English when it is not known), or None when uncovered."""
    return PACKS.get(language or "en")
