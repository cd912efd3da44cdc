"""Direct quotes: pairing quote marks, straight and curly, over paragraphs.

One pass over the quote marks, so the cost is linear however many there are (100,000
unmatched marks included). News style continues a quote over paragraphs by leaving the
first paragraph's quote open and opening the next paragraph with a quote mark again; each
paragraph of such a run is a quote of its own, the open ones ending at their paragraph's
end (“A,” she said. “B ...\n\n“C,” she added: B is carried from the first speaker, C is
the second's; structure.py joins a run's unclaimed paragraphs to the quote they go on in).
A quote left open at a paragraph's end otherwise is dropped rather than guessed at.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from audit.sourcing.text import word_count

# Two apostrophes stand for a straight double quote in some archives (''Yes,'' he said).
# Each mark is its own alternative: when every alternative opens with a literal character,
# re skips in C to the next of those characters (with the class it tried every offset).
_MARK = re.compile(r"''|\"|“|”|«|»")
_OPENERS = ("\"", "“", "«", "''")
_CLOSERS = ("\"", "”", "»", "''")
MAX_QUOTE = 6000  # characters; a longer "quote" is a stray mark, not speech


@dataclass(frozen=True)
class Quote:
    start: int  # at the opening mark
    end: int  # just after the closing mark

    def words(self, text: str) -> int:
        return word_count(text, (self.start, self.end))


def _paragraph_start(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n"


_CURLY = ("“", "”")
_STRAIGHT = ("\"", "''")
_AFTER_CLOSE = frozenset(" \t\n,.;:!?)]—–")  # what follows a closing mark: "rapists“ while"


def _turned_closing(text: str, pos: int) -> bool:
    """Whether the opening mark at ``pos``, right after a word and before a space or stop,
    is a closing one struck the wrong way round (“the best in the world“ and)."""
    return not text[pos - 1].isspace() and (pos + 1 == len(text) or text[pos + 1] in _AFTER_CLOSE)


def _turned_opening(text: str, pos: int) -> bool:
    """Whether the closing mark at ``pos`` opens a paragraph's quote (”This is why")."""
    return (pos == 0 or text[pos - 1] == "\n") and pos + 1 < len(text) and text[pos + 1] != "\n"


def find_quotes(text: str) -> list[Quote]:
    """Every paired quote in ``text``, in order, as spans that include the marks. A curly
    quote inside a straight one ("He said “no” twice.") is part of it, not a quote of its
    own; when the straight one never closes (a stray mark: 5" tall), the curly ones in it
    are quotes after all."""
    quotes: list[Quote] = []
    open_at: int | None = None
    straight = False  # the open quote opened with a straight mark
    inner: int | None = None  # where a curly quote inside the straight one opened
    held: list[Quote] = []  # curly quotes closed inside the open straight one
    last = 0
    for match in _MARK.finditer(text):
        pos, mark = match.start(), match.group()
        crossed = open_at is not None and text.find("\n", last, pos) != -1
        if crossed:
            inner = None
        if mark in _CURLY:  # read by its place where a typist struck the wrong one
            if mark == "“":
                if open_at is not None and not crossed and (inner is not None or not straight) \
                        and _turned_closing(text, pos):
                    mark = "”"
            elif _turned_opening(text, pos):
                mark = "“"
            if straight and open_at is not None and not crossed and (
                    mark == "“" or (inner is not None and mark == "”")):
                if mark == "“":
                    inner = pos
                else:
                    held.append(Quote(inner, match.end()))
                    inner = None
                last = match.end()
                continue
        if open_at is not None:
            if crossed and not (_paragraph_start(text, pos) and mark in _OPENERS):
                open_at = None
            elif crossed:  # a quote per paragraph: “A,” she said. “B ...\n\n“C,” she
                # added: B is the first speaker's (carried), C the second's
                end = text.find("\n", last)
                while end > open_at and text[end - 1] in " \t\r":
                    end -= 1
                quotes.append(Quote(open_at, end))  # the curly quotes held are in it
                open_at, straight, inner, held = pos, mark in _STRAIGHT, None, []
                last = match.end()
                continue
            elif pos - open_at > MAX_QUOTE:
                open_at = None
        last = match.end()
        if open_at is None:
            quotes += held
            held = []
            if mark in _OPENERS:
                open_at, straight, inner = pos, mark in _STRAIGHT, None
        elif mark in _CLOSERS:
            quotes.append(Quote(open_at, match.end()))
            open_at, inner, held = None, None, []
        else:  # an opener inside an open quote: start again from here
            quotes += held
            open_at, straight, inner, held = pos, mark in _STRAIGHT, None, []
    return quotes + held


class QuoteIndex:
    """Quotes by the offset of their opening and closing marks."""

    def __init__(self, text: str, quotes: list[Quote]) -> None:
        self.text = text
        self.quotes = quotes
        self.by_start = {q.start: q for q in quotes}
        self.by_end = {q.end: q for q in quotes}
        self._starts = [q.start for q in quotes]

    def enclosing(self, pos: int) -> Quote | None:
        """The quote holding offset ``pos`` (its marks included), or None."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def opening_at(self, pos: int) -> Quote | None:
        """The quote opening at ``pos``, skipping spaces and a colon or comma before it."""
        pos = _skip(self.text, pos, " \t,:")
        return self.by_start.get(pos)

    def closing_before(self, pos: int) -> Quote | None:
        """The quote closing just before ``pos`` (ignoring spaces and a comma between)."""
        while pos > 0 and self.text[pos - 1] in " \t,":
            pos -= 1
        return self.by_end.get(pos)


def _skip(text: str, pos: int, chars: str) -> int:
    limit = min(len(text), pos + 8)
    while pos < limit and text[pos] in chars:
        pos += 1
    return pos

