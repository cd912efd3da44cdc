"""What the audit knows about Danish (da)."""

NAME = "Danish"
# The word before an author's name in a byline.
BYLINE_BY = ("af",)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
BYLINE_LEADS = ("skrevet",)
NAME_AND = ("og",)
