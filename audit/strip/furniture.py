"""Furniture rules shared by text pages and HTML pages.

``furniture_role(text)`` says whether one block, on its own, is recognisably page
furniture (a newsletter prompt, a comments prompt, a social follow line, a photo or
source credit, ...) and returns (role, reason), else None. Text mode uses it among its
other, context-aware rules; HTML mode uses it to remove what the extractor lets through.
"""

from __future__ import annotations


def furniture_role(text: str) -> tuple[str, str] | None:
    return None
