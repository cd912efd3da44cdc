"""What the audit knows about Hindi (hi)."""

NAME = "Hindi"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("DEVANAGARI",)
