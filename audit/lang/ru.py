"""What the audit knows about Russian (ru)."""

NAME = "Russian"
# The Unicode scripts (first word of a letter's name) it is told by.
SCRIPTS = ("CYRILLIC",)
# Other words and labels a byline opens with.
BYLINE_OPENERS = ("автор", "текст")
# Month names, January to December, as dates write them ("15 августа 2016");
# a month's spellings are space-separated.
MONTHS = (
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
    "октября", "ноября", "декабря",
)
# Page furniture, credits and labels (what each field is for: audit/lang/en.py).
PHOTO_WORDS = ("фото",)
SOURCE_LABELS = ("источник",)
TRANSLATED_BY = ("перевод",)
SUBSCRIBE_WORDS = ("подписаться", "подпишитесь")
COMMENTS_WORDS = ("комментари[ийя]",)
COMMENT_PROMPTS = ("оставить комментарий",)
MENU_WORDS = ("главная", "поиск")
SHARE_WORDS = ("поделиться",)
RELATED_PROMPTS = ("читайте также", r"вам (?:также )?может понравиться")
AD_LABELS = ("реклама",)
ALL_RIGHTS_RESERVED = ("все права защищены",)
COUNTER_OF = ("из",)
ABOUT_AUTHOR = ("об авторе",)
OPINION_LABELS = ("мнение",)
REPLY_WORDS = ("ответить",)
NAME_AND = ("и",)
