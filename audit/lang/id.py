"""What the audit knows about Indonesian (id)."""

NAME = "Indonesian"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena adalah oleh ada
mereka kami kita saat
"""
# The word before an author's name in a byline.
BYLINE_BY = ("oleh",)
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
    "oktober", "november", "desember",
)
