"""What the audit knows about Greek (el)."""

NAME = "Greek"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("GREEK",)
