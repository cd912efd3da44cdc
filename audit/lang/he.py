"""What the audit knows about Hebrew (he)."""

NAME = "Hebrew"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("HEBREW",)
