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
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
SOURCE_LABELS = ("sumber",)
TRANSLATED_BY = ("diterjemahkan oleh",)
SUBSCRIBE_WORDS = ("berlangganan",)
COMMENTS_WORDS = ("komentar",)
COMMENT_PROMPTS = ("tinggalkan komentar",)
NO_COMMENTS = ("belum ada komentar",)
PREV_NEXT = (r"(?:sebelumnya|selanjutnya)\b",)
MENU_WORDS = ("beranda", "cari")
SHARE_WORDS = ("bagikan",)
RELATED_PROMPTS = ("baca juga", r"anda mungkin (?:juga )?suka")
AD_LABELS = ("iklan",)
ABOUT_AUTHOR = ("tentang penulis",)
ABOUT = ("tentang",)
BIO_CUES = (r"\badalah (?:seorang )?(?:penulis|wartawan|jurnalis)\b",)
OPINION_LABELS = ("opini",)
REPLY_WORDS = ("balas",)
