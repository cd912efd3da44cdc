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
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PUBLISHED_WORDS = ("publié", "mis à jour")
DATE_ON = ("le",)
BYLINE_LEADS = ("publi[ée]e?",)
AUTHOR_LABELS = ("auteur", "texte")
AUTHOR_WORDS = ("auteur",)
JOB_TITLES = ("journaliste", r"rédact(?:eur|rice)")
NOT_NAMES = ("de", "il y a")
BYLINE_CLASS_WORDS = ("auteur",)
PUBLISHED_LABELS = ("publié",)
NAME_AND = ("et",)
SITE_SMALL_WORDS = ("de", "la", "le")
