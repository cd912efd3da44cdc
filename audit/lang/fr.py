"""What the audit knows about French (fr)."""

NAME = "French"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
le la les et des est une un du que dans pour pas qui sur au par plus ce il elle sont avec
ont été cette aux ses leur mais
"""
# The word before an author's name in a byline.
BYLINE_BY = ("par",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("auteur",)
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "janvier", "février fevrier", "mars", "avril", "mai", "juin", "juillet", "août aout",
    "septembre", "octobre", "novembre", "décembre decembre",
)
