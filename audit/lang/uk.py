"""What the audit knows about Ukrainian (uk)."""

NAME = "Ukrainian"
# Month names, January to December, as dates write them ("15 серпня 2016");
# a month's spellings are space-separated.
MONTHS = (
    "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня",
    "жовтня", "листопада", "грудня",
)
