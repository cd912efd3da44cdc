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
