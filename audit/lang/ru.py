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
