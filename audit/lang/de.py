"""What the audit knows about German (de)."""

NAME = "German"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
der die und das ist nicht den von zu mit sich des auf für ein eine dem im auch es als wird
wurde bei nach sind aus oder noch wie einer über
"""
# The word before an author's name in a byline.
BYLINE_BY = ("von",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("autor", "text")
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "januar jänner", "februar", "märz maerz", "april", "mai", "juni", "juli", "august",
    "september", "oktober okt", "november", "dezember dez",
)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PHOTO_WORDS = ("foto", "bild")
SOURCE_LABELS = ("quelle",)
TRANSLATED_BY = ("übersetzt von",)
TRANSLATION_LABELS = ("übersetzung",)
NEWSLETTER_PROMPTS = ("newsletter abonnieren",)
SUBSCRIBE_WORDS = ("abonnieren",)
COMMENTS_WORDS = ("kommentare?",)
COMMENT_PROMPTS = ("kommentar schreiben",)
NO_COMMENTS = ("keine kommentare",)
PREV_NEXT = (r"(?:vorheriger|nächster)\b",)
SKIP_LINKS = ("zum inhalt springen",)
MENU_WORDS = ("startseite", "suche")
SHARE_WORDS = ("teilen",)
RELATED_PROMPTS = ("mehr zum thema", r"das könnte (?:sie|dich) auch interessieren")
AD_LABELS = ("anzeige", "werbung")
COOKIE_NOTICES = ("verwendet cookies",)
ALL_RIGHTS_RESERVED = ("alle rechte vorbehalten",)
COUNTER_OF = ("von",)
ABOUT_AUTHOR = ("über den autor",)
ABOUT = ("über",)
BIO_CUES = (r"\bist (?:\w+ ){0,2}(?:journalist|journalistin|redakteur|redakteurin|autor|"
            r"autorin)\b",)
