"""Rules about where an article's text comes from (audit.copies).

Their detectors read ``"copies"``: the report's ``copies`` items (what ``audit.copies``
matched, best first, each saying whether the article credits the other text) as typed
``CopyItem`` records read from the JSON at the edge, and the article's date, as a
``Copied`` record; they run once the copies are known, after the
audit (``audit.copies.report.add_copies``, for a batch and for ``--reference``).

Their examples are audited against a reference holding ``Rule.reference`` (the wire
story the example was rewritten from), as ``audit check --reference`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cmp_to_key
from typing import Any

from audit.model import Confidence, Finding
from audit.rules import Rule


@dataclass(frozen=True)
class CopyItem:
    """One of the report's ``copies`` items as the copies rules read it: the other text,
    how much of this article it holds, whether the article credits it, and the first
    shared passage (article offsets)."""

    kind: str  # "article" (of the batch) or "reference"
    other: str
    other_date: str | None
    relation: str  # "copy" or "rewrite"
    share: float
    sentences: int
    similarity: float
    credited: bool
    credit: str  # what the article credits, in words ("credits no one for the text")
    passage: tuple[int, int] | None

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> CopyItem:
        """The item from the report's JSON (the copies are read back from written reports)."""
        first = item["passages"][0]["span"] if item["passages"] else None
        return cls(item["kind"], item["other"], item["other_date"], item["relation"],
                   item["share"], item["sentences"], item["similarity"], item["credited"],
                   item["credit"], None if first is None else (first["start"], first["end"]))


@dataclass(frozen=True)
class Copied:
    """What a copies rule reads: the article's publication date (ISO, None when unknown)
    and its copies, best first."""

    published: str | None
    copies: tuple[CopyItem, ...]


def dated_before(a: str | None, b: str | None) -> bool:
    """Whether ISO date ``a`` is earlier than ``b``, at the precision both give: by day when
    either has no time ("2024-05-01" is not before "2024-05-01T09:00"), by instant when both
    carry a UTC offset, and by the wall clock otherwise (a page's local time). A date that
    does not parse is compared as written."""
    if not a or not b:
        return False
    try:
        x, y = datetime.fromisoformat(a), datetime.fromisoformat(b)
    except ValueError:
        return a < b
    if "T" not in a or "T" not in b:
        return x.date() < y.date()
    if (x.tzinfo is None) != (y.tzinfo is None):
        x, y = x.replace(tzinfo=None), y.replace(tzinfo=None)
    return x < y


def _compare(a: str | None, b: str | None) -> int:
    return -1 if dated_before(a, b) else 1 if dated_before(b, a) else 0


# A sort key by date as ``dated_before`` reads it (dates it cannot order come out equal).
by_date = cmp_to_key(_compare)


def likely_source(copied: Copied) -> CopyItem | None:
    """The uncredited text this article most likely derives from: a reference text, or
    an article of the batch dated before it."""
    for item in copied.copies:  # best first
        if item.credited:
            continue
        if item.kind == "reference" or dated_before(item.other_date, copied.published):
            return item
    return None


def likely_rewritten(copied: Copied) -> list[Finding]:
    """ATT-LIKELY-REWRITTEN on the first passage shared with the likely source; high
    confidence when the text is a copy rather than a rewrite."""
    item = likely_source(copied)
    if item is None:
        return []
    what = "a copy of" if item.relation == "copy" else "likely rewritten from"
    message = (f"Text {what} {item.other}: {item.share:.0%} of it found there, "
               f"{item.sentences} sentences aligned (similarity {item.similarity:.2f}); "
               f"the article {item.credit}.")
    return [Finding("ATT-LIKELY-REWRITTEN", item.passage, message=message,
                    confidence=Confidence.HIGH if item.relation == "copy" else None)]

_WIRE = (
    "Japan and the United States agreed on Tuesday to expand joint production of missiles, "
    "the defense ministry in Tokyo said in a statement. The agreement covers 1,200 "
    "interceptors to be built by defense contractors in both countries over the next five "
    "years, officials said. Defense Minister Minoru Kihara met Secretary Lloyd Austin at the "
    "Pentagon, where the two discussed the growing threat from North Korea and China. The "
    "deal follows months of talks and is expected to cost about $4 billion, according to "
    "people familiar with the negotiations."
)

RULES = (
    Rule(
        id="ATT-LIKELY-REWRITTEN",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="Likely rewritten from another text, which the article does not credit.",
        must_fire=(
            ("Japan and the United States agreed on Tuesday to broaden joint manufacturing of "
             "missiles, the military ministry in Tokyo stated in a declaration. The agreement "
             "covers 1,200 interceptors to be built by illustrious military companies in both "
             "nations over the next five years, authorities stated. Minister Minoru Kihara met "
             "Minister Lloyd Austin at the Pentagon, where the two discussed the rising menace "
             "from North Korea and China."),
        ),
        must_not_fire=(
            ("Tokyo and Washington will build more missiles together, Japan's defense ministry "
             "announced on Tuesday after a meeting at the Pentagon. Minoru Kihara and Lloyd "
             "Austin signed off on 1,200 interceptors, a figure that surprised analysts who had "
             "expected a smaller order. North Korea's recent launches weighed on the talks, a "
             "Japanese diplomat said."),
        ),
        reference=_WIRE,
        reads="copies",
        detect=likely_rewritten,
    ),
)
