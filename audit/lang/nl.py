"""What the audit knows about Dutch (nl)."""

NAME = "Dutch"
# Its most frequent function words: how language detection tells it apart.
FUNCTION_WORDS = """
de het een en van in is dat op te voor met niet zijn er aan ook als bij door maar om heeft
werd worden wordt
"""
# The word before an author's name in a byline.
BYLINE_BY = ("door",)
# Month names, January to December; a month's spellings are space-separated.
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
DATE_ON = ("op",)
BYLINE_LEADS = ("geschreven",)
AUTHOR_LABELS = ("tekst",)
PUBLISHED_LABELS = ("gepubliceerd",)
NAME_AND = ("en",)
