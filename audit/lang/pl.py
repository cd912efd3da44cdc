"""What the audit knows about Polish (pl)."""

NAME = "Polish"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
i w na z się nie do to że jest o jak po ale co za od przez są tak był jego przy
"""
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PUBLISHED_LABELS = ("opublikowano",)
NAME_AND = ("i", "oraz")
