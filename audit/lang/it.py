"""What the audit knows about Italian (it)."""

NAME = "Italian"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
il di che la le per un una del della è non sono gli con si da nel alla anche come più ha dei
delle questo ma
"""
# The word before an author's name in a byline.
BYLINE_BY = ("di",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("autore",)
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
    "settembre", "ottobre", "novembre", "dicembre",
)
