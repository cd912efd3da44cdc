"""What the audit knows about Swedish (sv)."""

NAME = "Swedish"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
och att det som en på är av för med till den har inte om ett var jag han men sig från vi så
kan
"""
# The word before an author's name in a byline.
BYLINE_BY = ("av",)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
DATE_ON = ("den",)
BYLINE_LEADS = ("skrivet",)
PUBLISHED_LABELS = ("publicerad",)
NAME_AND = ("och",)
