"""Furniture rules shared by text pages and HTML pages.

``furniture_role(text)`` says whether one block, on its own, is recognisably page
furniture (a newsletter prompt, a comments prompt, a social follow line, a photo or
source credit, ...) and returns (role, reason), else None. Text mode uses it among its
other, context-aware rules; HTML mode uses it to remove what the extractor lets through.

Every pattern is anchored and matched only against short blocks (a real paragraph that
happens to mention a newsletter must stay body), and returns None when unsure. A kind of
furniture labelled in several languages (credits, newsletter, comment, navigation, share,
related-story and advertisement labels, cookie and copyright notices) takes its words from
the language modules (audit/lang/<code>.py, ``lang.LABEL_FIELDS``), joined once here at
import; the kinds written only in English so far keep their words in their pattern below.
Structure, not vocabulary, is what text mode mostly relies on.

Text mode calls ``judge`` itself, with what it computed once for the whole page: the
lower-cased text, the word count and whether a keyword of the floating patterns occurs
(``line_hints``), and only for the blocks ``may_be_furniture`` lets through.
"""

from __future__ import annotations

import re

from audit import bylines, lang
from audit.agencies import AGENCIES
from audit.joined import lines_containing
from audit.model import Role
from audit.regexes import DIGIT_START, fold, leading_strings, needed_literals
from audit.sentences import whitespace_words

# A block longer than this many words is judged alone only by the few "strong" patterns.
SHORT_WORDS = 14
# Blocks longer than this many characters are never furniture on their own.
MAX_CHARS = 400

_I = re.IGNORECASE


# English month names' first spellings (jan ... dec): "first published on May 5" is a date.
_EN_MONTHS = "|".join(names.split()[0] for names in lang.MONTHS["en"])


def _any(field: str) -> str:
    """Every language's fragments of a label field (audit/lang), as one group."""
    return "(?:" + lang.alternation(field) + ")"


# (role, reason, pattern) for short blocks, anchored at the start, tried in order.
_SHORT: tuple[tuple[Role, str, re.Pattern[str]], ...] = (
    (Role.PHOTO_CREDIT, "photo-credit", re.compile(
        r"^[(\[]?" + _any("PHOTO_WORDS") + r"s?(?:\s*(?:" + lang.alternation("PHOTO_CREDIT_WORDS")
        + "|" + "|".join(bylines.BY_WORDS) + r"))?\s*[:：]\s*\S", _I)),
    (Role.PHOTO_CREDIT, "photo-credit", re.compile(
        r"^[(\[]?(?:photo\s+)?(?:credit|courtesy)s?\s*(?:[:：]|\.\.\.|…)\s*\S", _I)),
    (Role.PHOTO_CREDIT, "photo-credit", re.compile(
        r"^[(\[]?(?:photo|image)s?\s+(?:by|courtesy of)\s+\S", _I)),
    (Role.SOURCE_CREDIT, "source-credit", re.compile(
        r"^" + _any("SOURCE_LABELS") + r"\s*[:：]\s*\S", _I)),
    (Role.SOURCE_CREDIT, "translation", re.compile(
        r"^(?:" + _any("TRANSLATED_BY") + "|" + _any("TRANSLATION_LABELS") + r"\s*[:：])\s*\S",
        _I)),
    (Role.SOURCE_CREDIT, "originally-published", re.compile(
        r"^(?:this (?:article|story|post) )?(?:was )?(?:originally|first) "
        r"(?:published|appeared) (?:on|in|by|at)\b"
        r"(?!\s*(?:\d|(?:" + _EN_MONTHS + r")[a-z]*\.?\s+\d))", _I)),
    (Role.NEWSLETTER, "newsletter", re.compile("^" + _any("NEWSLETTER_PROMPTS"), _I)),
    (Role.NEWSLETTER, "want-more", re.compile(
        r"^(?:want|get) more (?:stories|news|articles|posts|of (?:this|these))\b", _I)),
    (Role.NEWSLETTER, "subscribe", re.compile(
        "^" + _any("SUBSCRIBE_WORDS") + r"(?:\s+" + _any("SUBSCRIBE_TAILS") + r")?\s*[!.:»›>]?$",
        _I)),
    (Role.COMMENTS, "comments", re.compile(
        r"^(?:\d+\s+)?" + _any("COMMENTS_WORDS") + r"\s*(?:\(\d+\)|\d+)?\s*[:.]?$", _I)),
    (Role.COMMENTS, "comment-prompt", re.compile("^" + _any("COMMENT_PROMPTS"), _I)),
    (Role.COMMENTS, "no-comments", re.compile("^" + _any("NO_COMMENTS") + r"\b", _I)),
    (Role.NAVIGATION, "prev-next", re.compile("^" + _any("PREV_NEXT"), _I)),
    (Role.NAVIGATION, "skip-link", re.compile("^" + _any("SKIP_LINKS") + r"\b", _I)),
    (Role.NAVIGATION, "menu-word", re.compile("^" + _any("MENU_WORDS") + r"\s*[:»›>]?$", _I)),
    (Role.CALL_TO_ACTION, "share", re.compile(
        "^" + _any("SHARE_WORDS") + r"(?: (?:this|on|via|the|article|story|post|it|with)\b.*)?$|"
        r"^(?:follow|like|find) us\b|^\d*\s*shares?$|"
        r"^(?:facebook|twitter|linkedin|pinterest|whatsapp|reddit|instagram|youtube)"
        r"(?:\s*[|/·,]\s*\w+)*$", _I)),
    (Role.ACCESS, "access", re.compile(
        r"^(?:full text|full[- ]text (?:pdf|html)|(?:download )?(?:the )?pdf|"
        r"published version|view (?:the )?(?:full text|pdf|article)|open access|"
        r"get access|purchase (?:this )?article|accepted (?:manuscript|version))\b", _I)),
    (Role.RELATED, "related", re.compile("^" + _any("RELATED_PROMPTS"), _I)),
    (Role.OTHER, "advertisement", re.compile("^" + _any("AD_LABELS") + r"\s*[:.]?$", _I)),
)

# Patterns that may match anywhere in a short block: tried only when one of the literals
# that every match of the pattern contains occurs (``needed_literals``; a plain substring
# test is much cheaper than a regex scan).
_FLOATING: tuple[tuple[Role, str, re.Pattern[str]], ...] = (
    (Role.COMMENTS, "comment-prompt", re.compile(
        r"\b" + _any("LOGGED_IN") + r"\b[^.]{0,30}\b" + _any("TO_COMMENT"), _I)),
    (Role.CALL_TO_ACTION, "feedback", re.compile(
        r"\b(?:share your (?:feedback|thoughts)|schedule a call|talk to us|contact us|"
        r"tell us what you think|send us (?:a tip|your feedback)|rate this)\b", _I)),
    (Role.CALL_TO_ACTION, "click-here", re.compile(r"\bclick here\b", _I)),
    (Role.CALL_TO_ACTION, "share", re.compile(r"\bfollow (?:us|me) on\b", _I)),
    (Role.CALL_TO_ACTION, "follow", re.compile(
        r"^follow\b[^.]{0,80}\bon (?:facebook|twitter|instagram|linkedin|youtube|tiktok)\b", _I)),
    (Role.NEWSLETTER, "inbox", re.compile(
        r"\b(?:we(?:'ll| will)? send (?:you )?an? (?:e-?mail|newsletter)|"
        r"(?:delivered|straight|directly) to your inbox|in your inbox)\b", _I)),
    (Role.NEWSLETTER, "newsletter", re.compile(
        r"^(?:\w+\s+){0,3}newsletters?\s*[:!]?$", _I)),
    (Role.OTHER, "cookies", re.compile(r"\b" + _any("COOKIE_NOTICES") + r"\b", _I)),
    # "Please enable JavaScript to view the comments", "JavaScript is required to ..."
    (Role.OTHER, "script-notice", re.compile(
        r"\b(?:enable|turn on|activate) javascript\b|"
        r"\bjavascript (?:is )?(?:required|disabled|must be enabled)\b", _I)),
)

# Patterns that mark furniture whatever the length (up to MAX_CHARS).
_STRONG_START = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})", _I)
# Agency photo captions ("In this Dec. 12, 2006, file photo, made available by NASA, ...").
_CAPTION = re.compile(r"^(?:file\s*[-–—:]\s*)?in this (?:(?:[\w.,'’]+ ){0,6}?file )?"
                      r"(?:handout |undated )?(?:photo|image|picture|video image)s?"
                      r"(?:,| (?:taken|provided|released|made|shot|from|shows|by|courtesy))", _I)
# Slideshow counters: "Image 1 of 5", "1 of 4 Grass Valley's ...".
# A bare "1 of 3" starts sentences too ("1 of 3 Americans say ..."), so without a picture
# word the counter must be the whole block; text mode also reads numbered sequences.
_GALLERY = re.compile(r"^(?:" + lang.alternation("PHOTO_WORDS") + r"|slide)s?\s*"
                      r"\d{1,3}\s*(?:" + lang.alternation("COUNTER_OF") + r"|/)\s*/?\s*\d{1,3}\b|"
                      r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}$", _I)
# Donation appeals: "Support Snopes and make a difference", "Support The Guardian".
_APPEAL = re.compile(r"^(?:please )?(?:support|donate to|help support|help fund)\s+"
                     r"(?-i:[A-Z])[\w.]*(?: (?-i:[A-Z])[\w.]*)*(?:\s+(?:and|so|by|today|now)\b|"
                     r"\s*[.!]?$)", _I)
# Agencies as photo credits name them, "(Jane Doe/AP)", "(AP Photo/Jane Doe)": the names of
# audit.agencies, the one list, longest first.
_AGENCY_NAMES = {re.escape(alias) for agency in AGENCIES for alias in agency.aliases}
_AGENCIES = "(?:" + "|".join(sorted(_AGENCY_NAMES, key=lambda name: (-len(name), name))) + ")"
# A caption that ends with its picture's credit, a label ("... in Madrid. (Photo: Jane Doe)",
# "(Image credit: NASA)", "(Photos by Jane Doe/Getty Images)") or a photographer and an
# agency ("(Jane Doe/AP)", "(AP Photo/Jane Doe)"), whatever the caption's length. The credit
# holds no bracket, so it starts at the block's last "(" and is matched there only, in the
# blocks that end with ")" (``_credited_caption``): its words are too common to gate it.
_CREDITED_CAPTION = re.compile(
    r"(?:(?i:\((?:photo|image|picture|video)s?(?: credit)?\s*:|"
    r"\((?:photo|image|picture)s? (?:by|courtesy(?: of)?) )[^()]{1,80}|"
    r"\([A-Z][\w.'’-]*(?: [\w.'’-]+){1,3} ?/ ?" + _AGENCIES + r"|"
    r"\(" + _AGENCIES + r" ?(?:[Pp]hoto|[Pp]ool)? ?/ ?[A-Z][\w.'’ -]{1,40})"
    r"\)[.”\"]?$")
# How a block that ends with a credit ends, and where such blocks end in blocks joined by
# line breaks (``credit_endings``).
_CLOSED = (")", ").", ")”", ')"')
_CLOSED_LINE = re.compile(r"\)[.”\"]?$", re.MULTILINE)
# What an affiliate disclosure says the site may get from a sale.
_MAY_EARN = (r"(?:may|might|could) (?:earn|receive|get|collect) (?:an? )?(?:small )?"
             r"(?:affiliate )?(?:commission|share of)")
# (role, reason, pattern) anchored at the start, for blocks of any length, tried in order.
_ANCHORED: tuple[tuple[Role, str, re.Pattern[str]], ...] = (
    (Role.OTHER, "copyright", _STRONG_START),
    (Role.OTHER, "caption", _CAPTION),
    (Role.OTHER, "gallery", _GALLERY),
    (Role.CALL_TO_ACTION, "appeal", _APPEAL),
)
_STRONG: tuple[tuple[Role, str, re.Pattern[str]], ...] = (
    (Role.OTHER, "copyright", re.compile(r"\b" + _any("ALL_RIGHTS_RESERVED") + r"\b", _I)),
    (Role.NEWSLETTER, "mailing-list", re.compile(r"\b" + _any("MAILING_LIST_PROMPTS") + r"\b", _I)),
    (Role.PHOTO_CREDIT, "caption-credit", re.compile(
        r"\bcredit\s*(?:\.\.\.|…|:)\s*\S[^.]{0,80}$", _I)),
    (Role.AUTHOR_BIO, "author-contact", re.compile(
        r"\b(?:may|can) be reached at\b[^@]{0,80}@|"
        r"\bfollow (?:him|her|them) on (?:twitter|instagram|facebook|x)\b", _I)),
    (Role.OTHER, "cookies", re.compile(r"\b" + _any("COOKIE_BANNERS") + r"\b", _I)),
    # "Jane Doe contributed to this report.", "(Reporting by Jane Doe; editing by Joe Bloggs)"
    # (provenance reads the reporters of the second kind whatever the role; a source-credit
    # role would make the first a credited source)
    (Role.OTHER, "contributor-credit", re.compile(
        r"\bcontributed (?:\w+ ){0,2}to this (?:report|story|article)\W{0,3}$|"
        r"^\((?:additional )?reporting by\b|"
        r"^(?:additional )?reporting by\b[^.]{0,200}\bedit(?:ing|ed) by\b", _I)),
    # "If you buy something through this post, we may get a share of the sale.", "We may
    # earn a commission when you buy through links on our site."
    (Role.OTHER, "affiliate-disclosure", re.compile(
        r"\b(?:buy|purchase|links?)\b[^.]{0,80}\b" + _MAY_EARN + r"|"
        + _MAY_EARN + r"[^.]{0,80}\b(?:buy|purchase|links?)\b", _I)),
    # A sign-up prompt, a sentence of its own: "... Sign up for our free daily newsletter."
    # ("newsletter" is its keyword, searched for the mailing-list pattern already.)
    (Role.NEWSLETTER, "sign-up", re.compile(
        r"(?:^|[.!?:] )(?:please )?(?:sign up|subscribe)\b[^.!?]{0,80}?\bnewsletters?\b", _I)),
)


# Entries to try by the first three letters of a block's first word (from the words of
# each anchored pattern): most menu items match none and cost no regex at all.
_DISPATCH: dict[str, tuple[int, ...]] = {}
for _index, (_, _, _pattern) in enumerate(_SHORT):
    for _prefix in {w[:3] for w in re.findall(r"[^\W\d_]+", _pattern.pattern.lower())}:
        _DISPATCH[_prefix] = (*_DISPATCH.get(_prefix, ()), _index)
_ALL = tuple(range(len(_SHORT)))
_FIRST_LETTERS = re.compile(r"[^\W\d_]+|\d")

# (role, reason, keywords, pattern): the floating and strong patterns with their gates.
_FLOATING_GATED = tuple((role, reason, tuple(sorted(needed_literals(pattern))), pattern)
                        for role, reason, pattern in _FLOATING)
_STRONG_GATED = tuple((role, reason, tuple(sorted(needed_literals(pattern))), pattern)
                      for role, reason, pattern in _STRONG)
HINT_KEYWORDS = tuple(sorted({k for entries in (_STRONG_GATED, _FLOATING_GATED)
                              for _, _, keys, _ in entries for k in keys}))
_HINTS = re.compile("|".join(re.escape(k) for k in HINT_KEYWORDS))


def _searches(keywords: tuple[str, ...]) -> tuple[str, ...]:
    """The keywords to search for: 'follow us' occurs wherever 'follow' does, so only
    keywords without a shorter keyword as their prefix need a search of their own."""
    return tuple(k for k in keywords
                 if not any(k != other and k.startswith(other) for other in keywords))


_HINT_SEARCHES = _searches(HINT_KEYWORDS)
# The _STRONG patterns are tried on blocks of any length, the _FLOATING ones only on short
# blocks: their keywords are searched in the short blocks only.
_STRONG_SEARCHES = _searches(tuple(sorted({k for _, _, keys, _ in _STRONG_GATED
                                            for k in keys})))
_SHORT_SEARCHES = tuple(k for k in _HINT_SEARCHES if k not in _STRONG_SEARCHES)


def _floating(entries: tuple[tuple[Role, str, tuple[str, ...], re.Pattern[str]], ...],
              folded: str, text: str) -> tuple[Role, str] | None:
    for role, reason, keywords, pattern in entries:
        for keyword in keywords:  # (a loop, not any(): no generator per entry and block)
            if keyword in folded:
                if pattern.search(text):
                    return role, reason
                break
    return None


def _credited_caption(text: str) -> bool:
    """``_CREDITED_CAPTION`` at the last "(" of a block that ends with ")"."""
    if not text.endswith(_CLOSED):
        return False
    start = text.rfind("(")
    return start >= 0 and _CREDITED_CAPTION.match(text, start) is not None


def furniture_role(text: str) -> tuple[Role, str] | None:
    """(role, reason) when ``text`` alone is recognisably page furniture, else None."""
    text = text.strip()
    if not text or len(text) > MAX_CHARS:
        return None
    lower = text.lower()
    return judge(text, lower, whitespace_words(text), _HINTS.search(fold(lower)) is not None)


def hint_offsets(folded_page: str) -> list[int]:
    """Offsets in a lower-cased, folded page (``fold``) where a keyword of the floating
    patterns occurs.

    Text mode finds them once per page with plain substring search and passes
    ``hinted`` to ``judge`` per line, instead of a regex scan of every line. (Where a
    keyword and a longer one starting with it both occur, the offset is listed once.)
    """
    found = []
    for keyword in _HINT_SEARCHES:
        pos = folded_page.find(keyword)
        while pos >= 0:
            found.append(pos)
            pos = folded_page.find(keyword, pos + 1)
    found.sort()
    return found


def line_hints(lowers: list[str], words: list[int]) -> list[bool]:
    """For blocks of one line each (lower-cased stripped texts, word counts): whether a
    keyword of the floating patterns that ``judge`` tries on the block occurs in it.
    ``judge`` given these hints finds what it finds with every block hinted.

    A keyword is searched once in the blocks joined by line breaks (which no keyword
    has), not once per block; the keywords of _FLOATING only in the short blocks (the
    others are left empty there, so that line i is block i).
    """
    hinted = [False] * len(lowers)
    short = [lower if count <= SHORT_WORDS else "" for lower, count in zip(lowers, words)]
    for blocks, keywords in ((lowers, _STRONG_SEARCHES), (short, _SHORT_SEARCHES)):
        for line in lines_containing(fold("\n".join(blocks)), keywords):
            hinted[line] = True
    return hinted


def credit_endings(lowers: list[str]) -> list[int]:
    """The blocks (lower-cased, stripped, without line breaks) that end as a caption with
    its picture's credit may, with ')': found by one search of the blocks joined, for
    ``judge`` to try besides the blocks ``may_be_furniture`` lets through."""
    joined = "\n".join(lowers)
    found = []
    line = counted = 0
    for match in _CLOSED_LINE.finditer(joined):
        line += joined.count("\n", counted, match.start())
        counted = match.start()
        found.append(line)
    return found


# Names on share buttons; a short block made of them is a row of buttons.
_SOCIAL = frozenset(("facebook", "twitter", "linkedin", "pinterest", "pint", "pin", "whatsapp",
                     "reddit", "instagram", "youtube", "telegram", "email", "e-mail", "print",
                     "share", "tweet", "vk", "flipboard", "pocket", "tumblr", "messenger", "sms",
                     "copy", "link", "mail", "xing", "line"))
SOCIAL_MAX_WORDS = 8
_SOCIAL_PREFIXES = frozenset(name[:3] for name in _SOCIAL)
# How the blocks that judge may find furniture in start, besides blocks with a keyword of
# the floating patterns: as a match of an anchored pattern of any length may
# (``leading_strings``: a block's first three characters are looked up among the starts of
# three, a shorter start such as "©" lets through every block with its first character),
# or, in a short block, with the first three letters of a first word of an anchored
# pattern or of a share button, or with no letter.
_STARTS = frozenset(start for _, _, pattern in _ANCHORED for start in leading_strings(pattern))
_STARTS_OF_THREE = frozenset(start for start in _STARTS if len(start) == 3)
_FIRSTS_OF_SHORTER = frozenset(start[0] for start in _STARTS
                               if len(start) < 3 and start != DIGIT_START)
_DIGIT_START = DIGIT_START in _STARTS
_JUDGED_SHORT = frozenset(_DISPATCH) | _SOCIAL_PREFIXES


def _share_buttons(lower: str) -> bool:
    """'Whatsapp Facebook Pint Baixar': a row that starts with a share-button name (its
    first three letters) and is mostly (at least two) share-button names."""
    first = _FIRST_LETTERS.search(lower, 0, 16)
    if first is None or first.group()[:3] not in _SOCIAL_PREFIXES:
        return False
    names = [w.strip("|/·,•:") for w in lower.split()]
    hits = sum(name in _SOCIAL for name in names)
    return hits >= 2 and hits * 2 >= len(names)


def may_be_furniture(lowers: list[str], words: list[int], hinted: list[bool]) -> list[int]:
    """Indices of the blocks that ``judge`` may find furniture in, given the lower-cased
    stripped texts of a page's blocks, their word counts and keyword hints.

    A superset of judge's own guards, tested in one pass over the page with a set lookup
    of the first three letters: most of a page's prose lines and menu items fail them and
    are not judged at all. Blocks longer than MAX_CHARS are left to the caller.
    """
    return [i for i, (lower, count, hint) in enumerate(zip(lowers, words, hinted))
            if hint or (prefix := lower[:3]) in _STARTS_OF_THREE
            or prefix[0] in _FIRSTS_OF_SHORTER or (_DIGIT_START and prefix[0].isdigit())
            or (count <= SHORT_WORDS and (prefix in _JUDGED_SHORT or not prefix.isalpha()))]


def judge(text: str, lower: str, words: int, hinted: bool) -> tuple[Role, str] | None:
    """``furniture_role`` on a stripped block whose lower-cased text and word count are
    known, and whether one of HINT_KEYWORDS occurs in it."""
    # How the block starts rules out the anchored patterns for most blocks at once.
    prefix = lower[:3]
    if (prefix in _STARTS_OF_THREE or prefix[0] in _FIRSTS_OF_SHORTER
            or (_DIGIT_START and prefix[0].isdigit())):
        for role, reason, pattern in _ANCHORED:
            if pattern.match(text):
                return role, reason
    folded = fold(lower) if hinted else ""
    found = _floating(_STRONG_GATED, folded, text) if hinted else None
    if found is None and _credited_caption(text):
        found = Role.OTHER, "credited-caption"
    if found or words > SHORT_WORDS:
        return found
    if not prefix.isalpha():
        first = _FIRST_LETTERS.search(lower, 0, 16)
        prefix = first.group()[:3] if first is not None else ""
    for index in _ALL if prefix.isdigit() else _DISPATCH.get(prefix, ()):
        role, reason, pattern = _SHORT[index]
        if pattern.match(text):
            return role, reason
    if words <= SOCIAL_MAX_WORDS and _share_buttons(lower):
        return Role.CALL_TO_ACTION, "share-buttons"
    return _floating(_FLOATING_GATED, folded, text) if hinted else None
