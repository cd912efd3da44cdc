"""What the audit knows about Thai (th)."""

NAME = "Thai"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("THAI",)
