"""What the audit knows about Portuguese (pt)."""

NAME = "Portuguese"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
de que o a os as do da em um uma para com não é no na por mais dos das se como foi ao mas
ele ela também seu sua
"""
# The word before an author's name in a byline.
BYLINE_BY = ("por",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("publicado por", "autor", "autora")
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
    "outubro", "novembro", "dezembro dez",
)
