"""What the audit knows about Japanese (ja)."""

NAME = "Japanese"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("HIRAGANA", "KATAKANA")
