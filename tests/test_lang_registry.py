"""The language registry (audit/lang/__init__.py): the tables every reader builds from it
say one thing per language, and the sourcing gate and the pack the stage is handed agree."""

from __future__ import annotations

import pytest

from audit import lang
from audit.article import coverage


def test_no_script_is_claimed_by_two_languages():
    """``SCRIPTS`` maps a script to one language: a second claim would silently win."""
    claims = [script for m in lang.MODULES for script in getattr(m, "SCRIPTS", ())]
    assert len(claims) == len(set(claims))
    assert set(claims) == set(lang.SCRIPTS)


def test_every_detectable_language_is_named():
    """Detection returns a language by its function words or its scripts; the report then
    names it ("the article is in Portuguese")."""
    detectable = set(lang.FUNCTION_WORDS) | set(lang.SCRIPTS.values())
    assert detectable <= set(lang.NAMES)
    assert set(lang.NAMES) == set(lang.LANGUAGES)


@pytest.mark.parametrize("code", [None, *lang.LANGUAGES])
def test_the_sourcing_gate_and_the_pack_agree(code):
    """The article's coverage lets the sourcing stage run exactly when ``pack`` has a pack
    for the language (English when none was detected in Latin-script text)."""
    covered = coverage(code, "Plain Latin-script text.").sourcing is None
    assert covered is (lang.pack(code) is not None)


def test_the_covered_languages_are_those_with_a_pack():
    covered = lang.COVERED_LANGUAGES
    assert covered == tuple(lang.PACKS)
    assert lang.pack(None) is lang.LANGUAGES["en"]
    assert all(hasattr(m, "CUE_VERBS") for m in lang.PACKS.values())
