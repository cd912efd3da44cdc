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
OPINION_LABELS = ("meinung",)
SPONSORED_LABELS = ("anzeige",)
PUBLISHED_WORDS = ("publiziert", "veröffentlicht", "aktualisiert")
DATE_ON = ("am",)
UPDATED_LABELS = ("stand", "aktualisiert")
BYLINE_LEADS = (r"ein (?:artikel|beitrag|gastbeitrag)", "verfasst", "geschrieben",
                "veröffentlicht", "publiziert", "zeige alle beiträge", "alle beiträge", "mehr")
BYLINE_FROM = ("vom",)
AUTHOR_LABELS = (r"autor(?:in|en)?", "autoren", r"redakteur(?:in)?", "text", "fotos?",
                 "redaktion")
AUTHOR_WORDS = (r"autor(?:in)?",)
JOB_TITLE_LEADS = ("freie[rs]?", "stellvertretende[rs]?", "leitende[rs]?")
JOB_TITLES = (r"journalist(?:in)?", r"reporter(?:in)?", r"redakteur(?:in)?",
              r"korrespondent(?:in)?", r"autor(?:in)?", "redaktion", r"fotograf(?:in)?",
              r"kolumnist(?:in)?")
JOB_TITLE_TAILS = (r"chefredakteur(?:in)?", r"redakteur(?:in)?")
NOT_NAMES = ("vom", "über", "schließen", "autorenseite", "profil", "veröffentlicht",
             "publiziert", "gesponserte?", "anzeige", "mehr", "folgen", "teilen", "alle",
             "kontakt", "text", "interview", "autor", "foto", "bild", "vor")
AUTHOR_LINKS = ("alle artikel", r"mehr (?:von|artikel)", "kontakt", "profil", "folgen")
BYLINE_CLASS_WORDS = ("autor", "verfasser")
PUBLISHED_LABELS = ("erschienen", "veröffentlicht", "publiziert")
REPLY_WORDS = ("antworten",)
COMMENTER_SAID = ("schrieb",)
NAME_AND = ("und",)
SITE_SMALL_WORDS = ("der",)
