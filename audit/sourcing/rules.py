"""Sourcing and attribution rules and settings."""

from audit.rules import Rule

SETTINGS: dict = {}

RULES = (
    Rule(
        id="ATT-NO-BYLINE",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="No byline: the page does not say who wrote the article.",
        must_fire=("Ships sail at dawn\n\nThe fleet left the harbour on Monday morning after a "
                   "week of storms kept it in port, the harbour master said.",),
        must_not_fire=("Ships sail at dawn\n\nBy Jane Doe\n\nThe fleet left the harbour on Monday "
                       "morning after a week of storms kept it in port, the harbour master said.",),
        examples_are_pages=True,
    ),
)
