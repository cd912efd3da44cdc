"""Rules about the page itself: what extraction found or could not find."""

from audit.rules import Rule

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
    ),
)
