"""Sourcing and attribution rules and settings (weights of the scores in scores.py).

Rules carry their detectors here: the article-level ones read the article's facts
(``audit.sourcing.consistency.ArticleFacts``: byline, date, publisher, credits found in
the provenance, conflicting titles, the headline's source; the attribution score reads
the same facts); those about sources read the attributions found (``Attributed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from audit.model import Finding, Form, SourceType, Unattributed
from audit.rules import Rule

if TYPE_CHECKING:
    from audit.sourcing.consistency import ArticleFacts
    from audit.sourcing.record import Attribution, Span


class Attributed(NamedTuple):
    """What the detectors about sources read: every attribution found, in text order, and
    the check-worthy sentences with none (claims.py: span and reasons of each)."""

    found: list[Attribution]
    unattributed: list[Unattributed]
    config: Any  # audit.config.Config


def shown(att: Attribution) -> Span:
    """The span that shows an attribution: its source, else its cue, else its content (a
    carried quote has only its content)."""
    if att.form == Form.CARRIED:
        return att.content
    return att.source or att.cue or att.content


def unnamed_sources(a: Attributed) -> list[Finding]:
    return [Finding("SRC-UNNAMED-SOURCE", shown(att)) for att in a.found
            if att.effective_type() == SourceType.UNNAMED]


def vague_sources(a: Attributed) -> list[Finding]:
    """Attributions to vague sources; one with no source at all (a passive or hedged form:
    "is viewed as", "allegedly") says so, as its excerpt is the form, not a source."""
    return [Finding("SRC-VAGUE-SOURCE", shown(att), message=None if att.source else (
        "Attributed to no one: a passive or hedged form (\"it is believed\", \"allegedly\") "
        "names no source.")) for att in a.found if att.effective_type() == SourceType.VAGUE]


_WEAK = frozenset({SourceType.UNNAMED, SourceType.VAGUE})


def mostly_unnamed(a: Attributed) -> list[Finding]:
    weak = sum(att.effective_type() in _WEAK for att in a.found)
    if len(a.found) >= 3 and weak / len(a.found) > a.config.get("sourcing.mostly-unnamed-share"):
        return [Finding("SRC-MOSTLY-UNNAMED", None, message=(
            f"{weak} of {len(a.found)} attributions are to unnamed or vague sources."))]
    return []


def unattributed_claims(a: Attributed) -> list[Finding]:
    return [Finding("SRC-UNATTRIBUTED-CLAIM", (u.start, u.end), message=(
        f"No attribution found for this sentence, which states {', '.join(u.reasons)}: "
        "the reader cannot tell where it comes from.")) for u in a.unattributed]


def anonymity_reasons(a: Attributed) -> list[Finding]:
    return [Finding("ATT-ANONYMITY-REASON", shown(att), message=(
        f"Unnamed source; the article gives the reason: {att.anonymity_reason}."))
        for att in a.found if att.anonymity_reason]


def no_byline(facts: ArticleFacts) -> list[Finding]:
    return [] if facts.byline else [Finding("ATT-NO-BYLINE", None)]


def no_date(facts: ArticleFacts) -> list[Finding]:
    return [] if facts.date else [Finding("ATT-NO-DATE", None)]


def no_publisher(facts: ArticleFacts) -> list[Finding]:
    return [] if facts.publisher else [Finding("ATT-NO-PUBLISHER", None)]


def title_conflicts(facts: ArticleFacts) -> list[Finding]:
    return [Finding("ATT-TITLE-CONFLICT", where, message=(
        f"The article calls the same person \"{first}\" and \"{second}\": check which title "
        "is right.")) for where, first, second in facts.conflicts]


def vague_headline(facts: ArticleFacts) -> list[Finding]:
    if facts.vague_headline is None:
        return []
    return [Finding("SRC-VAGUE-HEADLINE", None, message=(
        f"The headline attributes its claim to \"{facts.vague_headline}\" without naming who."))]


def wire_photo_no_credit(facts: ArticleFacts) -> list[Finding]:
    """A photo credited to an agency (facts.wire_photo: set only when the article credits
    no author, wire or source)."""
    if not facts.wire_photo:
        return []
    return [Finding("ATT-WIRE-PHOTO-NO-CREDIT", None, message=(
        f"A photo is credited to {facts.wire_photo}, but the article credits no author, wire "
        "or source: if the text comes from the wire too, it should say so."))]


# The sourcing score's weights (formula and reasons in scores.py and the README). They are
# set by what each term shows, not fitted to a corpus: base + the three credits = 100, and
# an article in the author's voice with nothing attributed scores base − own-voice = 0.
# ``full``: where a term gives its whole weight (per 1000 words, sources a count).
SETTINGS: dict = {
    "sourcing.base": 30.0,
    # Named attributions: the core of transparent sourcing (who says so). Full at 20 per
    # 1000 words, one every 50 words: hard news attributing nearly every other sentence.
    "sourcing.weight.named": 30.0,
    "sourcing.full.named": 20.0,
    # Direct quotes: the source's own words, checkable against the source. Full at 10 per
    # 1000 words, about one per paragraph.
    "sourcing.weight.direct": 15.0,
    "sourcing.full.direct": 10.0,
    # Distinct named sources: several independent voices. Full at 6.
    "sourcing.weight.sources": 25.0,
    "sourcing.full.sources": 6.0,
    # The author's own voice (I, we, you outside quotes): claims resting on the writer.
    # Full at 20 per 1000 words, one every 50 words: a first-person column.
    "sourcing.weight.own-voice": 30.0,
    "sourcing.full.own-voice": 20.0,
    # How much an attribution of each kind counts towards the named term: what a source
    # said or a document found or a transcript records shows the claim's origin; a belief
    # ("X wants", "X expects") or a stance ("X supports") shows a position, not the claim.
    "sourcing.kind.speech": 1.0,
    "sourcing.kind.document": 1.0,
    "sourcing.kind.transcript": 1.0,
    "sourcing.kind.belief": 0.5,
    "sourcing.kind.stance": 0.5,
    "sourcing.min-words": 150,
    "sourcing.short-words": 400,
    "sourcing.mostly-unnamed-share": 0.5,
    "attribution.weight.byline": 30.0,
    "attribution.weight.date": 20.0,
    "attribution.weight.publisher": 10.0,
    "attribution.weight.bio": 5.0,
    "attribution.weight.wire_photo": 10.0,
    "attribution.weight.conflict": 10.0,
    "attribution.weight.sponsored": 10.0,
    "attribution.weight.correction": 5.0,
}

_PAGE = ("Ships sail at dawn\n\n{byline}The fleet left the harbour on Monday morning after a "
         "week of storms kept it in port, the harbour master said.")

RULES = (
    Rule(
        id="SRC-UNNAMED-SOURCE",
        category="sourcing",
        severity="low",
        confidence="medium",
        message="Attributed to an unnamed source: the reader cannot check who said it.",
        must_fire=(("The ministry will cut the defence budget by a tenth next year, a senior "
                   "official said on Monday."),),
        must_not_fire=(("The ministry will cut the defence budget by a tenth next year, Finance "
                       "Minister Jane Doe said on Monday."),),
        reads="attributions",
        detect=unnamed_sources,
    ),
    Rule(
        id="SRC-VAGUE-SOURCE",
        category="sourcing",
        severity="low",
        confidence="medium",
        message="Attributed to a vague source (experts, observers, reports in general).",
        must_fire=(("Experts say the new bridge will cost far more than the council has "
                   "admitted so far."),),
        must_not_fire=(("The city engineer Maria Lopez said the new bridge will cost far more "
                       "than the council has admitted so far."),
                       ("Asked if she believed the new bridge would cost far more than the "
                        "council has admitted, the city engineer Maria Lopez said she would "
                        "not guess.")),
        reads="attributions",
        detect=vague_sources,
    ),
    Rule(
        id="SRC-UNATTRIBUTED-CLAIM",
        category="sourcing",
        severity="low",
        confidence="low",
        message="No attribution found for a check-worthy claim (numbers, dates, predictions, "
                "superlatives or causes): the reader cannot tell where it comes from.",
        must_fire=(("The new bridge will cost 40 million dollars and is expected to open in "
                   "2027, making it the longest in the region."),),
        must_not_fire=(("The new bridge will cost 40 million dollars and is expected to open in "
                       "2027, the city engineer Maria Lopez said on Tuesday."),),
        reads="attributions",
        detect=unattributed_claims,
    ),
    Rule(
        id="SRC-MOSTLY-UNNAMED",
        category="sourcing",
        severity="medium",
        confidence="medium",
        message="Most attributions are to unnamed or vague sources.",
        must_fire=(("Officials said the plan would cost more than expected. A senior official "
                   "said the talks had stalled. Sources said the minister would resign soon."),),
        must_not_fire=(("Finance Minister Jane Doe said the plan would cost more than expected. "
                       "The ministry said the talks had stalled. Prime Minister John Roe said "
                       "the minister would stay."),),
        reads="attributions",
        detect=mostly_unnamed,
    ),
    Rule(
        id="SRC-VAGUE-HEADLINE",
        category="sourcing",
        severity="low",
        confidence="medium",
        message="The headline attributes its claim to a source it does not name (\"US media:\").",
        must_fire=(_PAGE.replace("Ships sail", "US media: ships sail").format(byline=""),),
        must_not_fire=(_PAGE.replace("Ships sail", "Reuters: ships sail").format(byline=""),),
        examples_are_pages=True,
        reads="facts",
        detect=vague_headline,
    ),
    Rule(
        id="ATT-TITLE-CONFLICT",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="The same person is given two different titles in the article.",
        must_fire=(("President Joe Biden met the prime minister on Monday. Later that day Vice "
                   "President Joe Biden spoke to reporters about the talks."),),
        must_not_fire=(("President Joe Biden met the prime minister on Monday. Later that day "
                       "President Biden spoke to reporters about the talks."),
                       ("President Lee met the prime minister on Monday. Former Senator Lee "
                        "spoke to reporters about the talks."),
                       ("President Lee met the prime minister on Monday. The former Senator "
                        "Lee spoke to reporters about the talks.")),
        reads="facts",
        detect=title_conflicts,
    ),
    Rule(
        id="ATT-ANONYMITY-REASON",
        category="attribution",
        severity="info",
        confidence="medium",
        message="An unnamed source, with the reason the article gives for not naming it.",
        must_fire=(("“The talks are close to collapse,” said one official, who spoke on the "
                   "condition of anonymity to discuss private negotiations."),),
        must_not_fire=(("“The talks are close to collapse,” said one official on Tuesday "
                       "evening after the meeting."),),
        reads="attributions",
        detect=anonymity_reasons,
    ),
    Rule(
        id="ATT-NO-BYLINE",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="No byline: the page does not say who wrote the article.",
        must_fire=(_PAGE.format(byline=""),),
        must_not_fire=(_PAGE.format(byline="By John Roe\n\n"),),
        examples_are_pages=True,
        reads="facts",
        detect=no_byline,
    ),
    Rule(
        id="ATT-NO-DATE",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="No publication date: the page does not say when the article was published.",
        must_fire=(_PAGE.format(byline="By John Roe\n\n"),),
        must_not_fire=(_PAGE.format(byline="By John Roe\n\nPublished March 3, 2024\n\n"),),
        examples_are_pages=True,
        reads="facts",
        detect=no_date,
    ),
    Rule(
        id="ATT-NO-PUBLISHER",
        category="attribution",
        severity="low",
        confidence="low",
        message="No publisher: the page does not name the site or organisation publishing it.",
        must_fire=(_PAGE.format(byline="By John Roe\n\n"),),
        must_not_fire=("Harbour Gazette\n\n" + _PAGE.format(byline="By John Roe\n\n")
                       + "\n\n© 2024 Harbour Gazette. All rights reserved.",),
        examples_are_pages=True,
        reads="facts",
        detect=no_publisher,
    ),
    Rule(
        id="ATT-WIRE-PHOTO-NO-CREDIT",
        category="attribution",
        severity="medium",
        confidence="medium",
        message="A photo is credited to a news agency, but the text credits no author, wire or "
                "source: it may be copied from that agency without saying so.",
        # Any agency of the one list (audit.agencies.AGENCIES), as credits write it.
        must_fire=tuple(_PAGE.format(byline=f"Photo Credit: {credit}\n\n") for credit in (
            "AP Photo/Jane Doe", "TASS", "ANTARA FOTO/Jane Doe", "REUTERS/Jane Doe")),
        must_not_fire=(_PAGE.format(byline="By John Roe\n\nPhoto Credit: AP Photo/Jane Doe\n\n"),
                       _PAGE.format(byline="Photo Credit: Jane Doe\n\n")),
        examples_are_pages=True,
        reads="facts",
        detect=wire_photo_no_credit,
    ),
)
