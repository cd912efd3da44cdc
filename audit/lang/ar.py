"""What the audit knows about Arabic (ar)."""

NAME = "Arabic"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("ARABIC",)
# Month names, January to December, as Egypt and the Gulf write them;
# a month's spellings are space-separated.
MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
)
