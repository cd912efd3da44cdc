"""What the audit knows about Chinese (zh)."""

NAME = "Chinese"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("CJK",)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
SOURCE_LABELS = ("来源", "來源", "出处")
