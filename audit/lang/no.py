"""What the audit knows about Norwegian (no)."""

NAME = "Norwegian"
# The word before an author's name in a byline.
BYLINE_BY = ("av",)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
BYLINE_LEADS = ("skrevet",)
PUBLISHED_LABELS = ("publisert",)
NAME_AND = ("og",)
