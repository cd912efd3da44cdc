"""The shapes a reported clause can take around its cue, and small tests on them.

Kept apart from the extractor so that each rule of thumb ("said on Monday." reports
nothing after the cue; "said, adding that ..." reports what came before) has a name
and a docstring. Each reads the words of the language pack it is handed (lang/en.py).
"""

from __future__ import annotations

from types import ModuleType

from audit.sourcing.sources import head_chunk, source_type


def adverbial(lang: ModuleType, text: str, content: tuple[int, int]) -> bool:
    """"said at a rally in Louisiana last week." names where, not what."""
    piece = text[content[0]:content[1]]
    head, comma, rest = piece.partition(", ")
    if comma and rest.split(None, 1)[:1] and rest.split(None, 1)[0].lower() in \
            lang.PARTICIPLE_CUES:
        piece = head  # "said in a phone interview, adding that ...": the place, then more
    first = piece.split(None, 1)[0].lower() if piece.strip() else ""
    return (first in lang.ADVERBIAL_STARTS or first in lang.WHEN_WORDS) and \
        f" {lang.THAT} " not in piece and len(piece) < 120 and \
        not piece.lower().startswith(lang.QUANTITY_STARTS)  # "said at least 40 people were
    # hurt": a figure, not where


def participle(lang: ModuleType, text: str, content: tuple[int, int]) -> bool:
    """"he said, adding that ...": what he said comes before."""
    first = text[content[0]:content[0] + 16].split(None, 1)
    if not first:
        return False
    word = first[0].lower()
    # "Clinton said, drawing gasps from the crowd": an -ing word after the comma describes
    # the saying ("said raising taxes would hurt" is a clause: no comma)
    return word in lang.PARTICIPLE_CUES or (
        word.endswith(lang.PARTICIPLE_ENDING) and word.isalpha()
        and word not in lang.NOT_PARTICIPLES
        and text[max(0, content[0] - 3):content[0]].rstrip().endswith(","))



def next_char(text: str, pos: int) -> int:
    """The first non-space offset at or after ``pos`` (capped: quotes follow closely)."""
    limit = min(len(text), pos + 8)
    while pos < limit and text[pos] in " \t\n":
        pos += 1
    return pos


def trivial(lang: ModuleType, text: str, content: tuple[int, int]) -> bool:
    """Words after a closing cue that are not a reported clause: "said on Monday"."""
    words = text[content[0]:content[1]].split()
    first = words[0].lower().strip(",") if words else ""
    return len(words) <= 2 or first == lang.ACCORDING or (
        len(words) <= 4 and first in lang.TRIVIAL_STARTS)


def plural(lang: ModuleType, words: list[str]) -> bool:
    """Whether a subject takes a base-form verb: a plural head, "and", or I/we/they/you."""
    low = [w.lower() for w in words]
    head = head_chunk(lang, words)[-1].lower()
    return head in lang.PLURAL_SUBJECT_HEADS or \
        lang.AND in low or (head.endswith(lang.PLURAL_ENDING)
                            and not head.endswith(lang.NOT_PLURAL_ENDINGS)) or \
        head in lang.PLURAL_NOUNS or \
        head in lang.QUANTITY_HEADS or head.rstrip("%").isdigit()  # "Six in 10 say"


def typed(lang: ModuleType, words: list[str], strong: bool) -> str | None:
    """The source's type; an unknown head still counts after a strong cue ("the man said",
    "health bosses said")."""
    stype = source_type(lang, words)
    if stype is None and strong and (words[0].lower() in lang.DETERMINERS or (
            words[-1].islower() and plural(lang, words) and len(words) <= 4)):
        return "unnamed"
    return stype

