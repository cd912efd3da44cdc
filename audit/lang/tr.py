"""What the audit knows about Turkish (tr)."""

NAME = "Turkish"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
ve bir bu da de için ile olarak çok daha olan gibi ama en kadar sonra değil ise
"""
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
NAME_AND = ("ve",)
