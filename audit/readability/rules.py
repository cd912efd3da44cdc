"""Readability rules and settings."""

from audit.rules import Rule

SETTINGS = {
    "readability.long-sentence-words": 35,
}

RULES = (
    Rule(
        id="RDB-LONG-SENTENCE",
        category="readability",
        severity="low",
        confidence="high",
        message="Very long sentence (over 35 words): hard to follow in one reading.",
        must_fire=(
            "The committee, which had met on three separate occasions over the course of the "
            "previous summer in order to consider the many proposals that had been put forward "
            "by residents, business owners and local officials, finally decided on Tuesday to "
            "postpone its decision until the autumn.",
        ),
        must_not_fire=("The committee met on Tuesday. It postponed its decision until the autumn.",),
    ),
)
