"""What the audit knows about Korean (ko)."""

NAME = "Korean"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("HANGUL",)
