"""Rules about the page itself: what extraction found or could not find.

Each rule is declared with its detector, which reads the page's ``Extraction``."""

from __future__ import annotations

from audit.model import Extraction, Finding, Role
from audit.rules import Rule


def headline_repeated(extraction: Extraction) -> list[Finding]:
    """The headline repeated inside the body: a block that repeats the title (role
    ``duplicate-title``, given by stripping and by extraction alike) after the body has
    begun. The page's own headline (the first <h1> that repeats the title, even below a
    lead the page puts above it) is the headline, not a repeat."""
    body_begun = headline_seen = False
    for block in extraction.blocks:
        if block.role == Role.BODY:
            body_begun = True
        elif block.role == Role.DUPLICATE_TITLE:
            if block.element == "h1" and not headline_seen:
                headline_seen = True
            elif body_begun:
                return [Finding("EXT-HEADLINE-REPEATED", None)]
    return []


RULES = (
    Rule(
        id="EXT-HEADLINE-REPEATED",
        category="extraction",
        severity="info",
        confidence="high",
        message="The headline is repeated inside the article body; the repeat was removed.",
        must_fire=(
            ("Ships sail at dawn\n\nThe fleet left the harbour on Monday morning after a week of "
            "storms kept it in port.\n\nShips sail at dawn\n\nThe crews said the delay cost them "
            "two days of fishing."),
        ),
        must_not_fire=(
            ("Ships sail at dawn\n\nThe fleet left the harbour on Monday morning after a week of "
            "storms kept it in port."),
        ),
        examples_are_pages=True,
        reads="extraction",
        detect=headline_repeated,
    ),
)
