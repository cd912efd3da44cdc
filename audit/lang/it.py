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
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PHOTO_WORDS = ("foto", "immagine")
SOURCE_LABELS = ("fonte",)
TRANSLATED_BY = (r"traduzione(?: di)?",)
NEWSLETTER_PROMPTS = ("iscriviti alla newsletter",)
SUBSCRIBE_WORDS = ("iscriviti",)
COMMENTS_WORDS = ("commenti",)
COMMENT_PROMPTS = ("lascia un commento",)
NO_COMMENTS = ("nessun commento",)
LOGGED_IN = ("connesso",)
TO_COMMENT = ("commento",)
PREV_NEXT = (r"(?:articolo precedente|articolo successivo)\b",)
SKIP_LINKS = ("vai al contenuto",)
MENU_WORDS = ("cerca",)
SHARE_WORDS = ("condividi",)
RELATED_PROMPTS = ("leggi anche", r"potrebbe(?:ro)? interessarti")
AD_LABELS = ("pubblicità",)
COOKIE_NOTICES = ("utilizziamo i cookie",)
ALL_RIGHTS_RESERVED = ("tutti i diritti riservati",)
COUNTER_OF = ("di",)
ABOUT_AUTHOR = ("l'autore",)
ABOUT = ("su",)
BIO_CUES = (r"\bè (?:un |una )?(?:giornalista|scrittore|scrittrice|autore|autrice)\b",)
OPINION_LABELS = ("opinione",)
PUBLISHED_WORDS = ("pubblicato",)
DATE_ON = ("il",)
BYLINE_LEADS = ("scritto",)
AUTHOR_LABELS = ("autore", "testo")
AUTHOR_WORDS = ("autore",)
JOB_TITLES = ("giornalista", "redattore")
PUBLISHED_LABELS = ("pubblicato",)
REPLY_WORDS = ("rispondi",)
COMMENTER_SAID = ("scrive",)
NAME_AND = ("e",)
SITE_SMALL_WORDS = ("di", "la")
