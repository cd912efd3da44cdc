"""What the audit knows about Japanese (ja)."""

NAME = "Japanese"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("HIRAGANA", "KATAKANA")
# A script it shares with another language, and the share of its own scripts' letters that
# tells it within a text written mostly in that one: Japanese mixes kanji (CJK) with kana.
WITHIN_SCRIPT = ("CJK", 0.05)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PHOTO_WORDS = ("写真",)
SOURCE_LABELS = ("出典",)
TRANSLATED_BY = ("翻訳",)
COMMENTS_WORDS = ("コメント",)
MENU_WORDS = ("ホーム", "検索")
RELATED_PROMPTS = ("関連記事", "おすすめ記事")
AD_LABELS = ("広告",)
REPLY_WORDS = ("返信",)
