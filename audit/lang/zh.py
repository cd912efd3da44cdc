"""What the audit knows about Chinese (zh)."""

NAME = "Chinese"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("CJK",)
