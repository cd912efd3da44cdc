"""What the audit knows about Spanish (es)."""

NAME = "Spanish"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
el la de que y en los las del se por un una para con no es al lo como más pero sus le ha fue
este entre cuando también
"""
# The word before an author's name in a byline.
BYLINE_BY = ("por",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("autor", "autora")
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
    "octubre", "noviembre", "diciembre",
)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
SOURCE_LABELS = ("fuente",)
DATE_ON = ("el",)
BYLINE_LEADS = ("escrito",)
AUTHOR_LABELS = ("autor(?:es)?", "autora", "texto")
AUTHOR_WORDS = ("autor", "autora")
JOB_TITLES = ("periodista", "redactor(?:a)?")
NOT_NAMES = ("de", "hace")
PUBLISHED_LABELS = ("publicado",)
NAME_AND = ("y",)
SITE_SMALL_WORDS = ("de", "la")
