"""The sourcing stage's entry point: attributions, unattributed claims, consistency, scores.

Pipeline over one article body: sentences and quotes -> cue-based attributions
(reported.py) -> follow-on quotes, pronouns, anonymity reasons (carry.py) -> check-worthy
sentences with no attribution (claims.py) -> article-level facts and findings
(consistency.py) -> scores (scores.py). The result's ``data`` is a ``Sourcing`` record
(audit.model), which audit.report turns into the report's ``sourcing`` object.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from audit import rules
from audit.config import Config
from audit.lang import pack
from audit.model import (
    NAMED_TYPES,
    Notice,
    Score,
    SourceType,
    Sourcing,
    SourcingTotals,
    StageResult,
    Unattributed,
)
from audit.sentences import split_sentences
from audit.sourcing import carry, claims, consistency, labels, scores, structure
from audit.sourcing.quotes import QuoteIndex, find_quotes
from audit.sourcing.record import Attribution, Span
from audit.sourcing.reported import Extractor
from audit.sourcing.rules import Attributed, shown
from audit.sourcing.text import Sentences
from audit.sourcing.voice import is_voice, own_voice

if TYPE_CHECKING:
    from audit.article import Article


def extract(text: str, spans: list[tuple[int, int]] | None = None, lang=None,
            ) -> tuple[list[Attribution], Sentences]:
    """Every attribution in ``text``, in text order, and the sentences they were read from
    (``spans``: ``split_sentences(text)`` when the caller has it already; ``lang``: the
    language pack, None for English)."""
    found, sents, _ = _extract(text, spans, lang or pack(None))
    return found, sents


def _extract(text: str, spans: list[tuple[int, int]] | None, lang,
             ) -> tuple[list[Attribution], Sentences, QuoteIndex]:
    """``extract``, with the quotes it found (the own-voice count reads them too)."""
    sents = Sentences(text, split_sentences(text) if spans is None else spans)
    quotes = QuoteIndex(text, find_quotes(text))
    found = Extractor(text, sents, quotes, lang).run() + labels.labels(text, lang)
    signed = labels.dash_tags(text, quotes, lang)
    if signed:  # a quote signed with a name is not the next quote after someone's cue
        spans = {a.content for a in signed}
        found = [a for a in found if a.content not in spans or a.cue is None
                 or a.cue[0] > a.content[0]] + signed
    found = found + labels.colon_quotes(text, quotes, found, lang)
    found = found + carry.carried_quotes(text, found, quotes, sents)
    found.sort(key=lambda a: (a.content[0], a.cue[0] if a.cue else -1))
    found = carry.resolve_pronouns(text, found, lang)
    found = structure.finish(text, carry.anonymity_reasons(text, found, sents, lang), lang,
                             quotes)
    found = carry.relative_subjects(text, found, lang)
    return found, sents, quotes


def analyse(article: Article, *, config: Config) -> StageResult:
    """The report's ``sourcing`` data, its findings and the two scores for one article."""
    text = article.text
    lang = pack(article.language)  # None without a pack
    titles = lang or pack(None)  # titles and headlines are then read as English
    facts = consistency.facts(article.provenance)
    facts.conflicts = consistency.title_conflicts(text, titles)
    facts.vague_headline = consistency.headline_source(article.title, titles)
    whole = consistency.article_findings(facts)
    attribution_score = scores.attribution(facts, config.get)
    reason = article.coverage.sourcing
    if reason is not None:
        data = _data(text, [], [], (0, 0), [Notice("language", reason)], lang, skipped=reason)
        # Both scores are withheld, so none of their findings fires either.
        return StageResult(data, (), {
            "sourcing": Score(None, reason), "attribution": Score(None, reason)})
    found, sents, quotes = _extract(text, list(article.sentences), lang)
    held = [att for att in found if att.held]  # what the scores, claims and findings read
    unattributed, worthy = _unattributed(text, held, sents, lang)
    words = article.word_count
    counts = _score_counts(text, words, held, quotes, config,
                           opinion="opinion" in facts.labels, lang=lang)
    short = _too_short(words, held, counts.own_voice, config)
    warnings = [Notice("short-text", short)] if short else []
    data = _data(text, found, unattributed, (len(worthy), len(worthy) - len(unattributed)),
                 warnings, lang)
    findings = [*rules.detect("attributions", Attributed(held, unattributed, config)),
                *whole]
    sourcing = scores.withheld(short) if short else scores.sourcing(counts, config.get)
    findings.sort(key=lambda f: (f.span[0] if f.span else -1, f.rule_id))
    return StageResult(data, tuple(findings), {"sourcing": sourcing,
                                               "attribution": attribution_score})


def _too_short(words: int, held: list[Attribution], own_voice: tuple[Span, ...],
               config: Config) -> str | None:
    """Why the text is too short for a sourcing verdict, or None. A short text that neither
    attributes anything nor speaks in the author's voice may be an abstract or a brief; one
    in the author's voice with nothing attributed is commentary, and is judged."""
    if words < config.get("sourcing.min-words"):
        return f"too short to judge sourcing ({words} words)"
    if not held and not own_voice and \
            words < config.get("sourcing.short-words"):
        return (f"too short to judge sourcing ({words} words, no attributions): an abstract "
                "or brief, not a sourced report")
    return None


def _unattributed(text: str, held: list[Attribution], sents: Sentences, lang,
                  ) -> tuple[list[Unattributed], list]:
    attributed = claims.attributed_sentences(held, sents)
    worthy = claims.checkworthy(text, sents, lang, attributed)
    out = []
    for index, why in worthy:
        if index not in attributed:
            start, end = sents.spans[index]
            out.append(Unattributed(start, end, text[start:end], tuple(why)))
    return out, worthy


def source_key(text: str, att: Attribution, lang: ModuleType) -> str | None:
    """A source's identity for counting distinct sources ("Abe" = "Prime Minister Shinzo Abe")."""
    return source_identity(att.source_text(text), att.effective_type(), lang)


def source_identity(name: str | None, kind: str, lang: ModuleType) -> str | None:
    """``source_key`` from the source as written (or resolved) and its effective type, so the
    editors' views group the sources of a report exactly as the score counts them."""
    if not name:
        return None
    name = name.split(",", 1)[0]  # "Mayer, Disney’s chairman", "Cory James, 22, of Flint"
    words = [w.strip("’'").lower() for w in name.replace(lang.IDENTITY_POSSESSIVE, "").split()]
    words = [w for w in words if w not in lang.NOT_IDENTITY_WORDS]
    if kind == "person" and words:
        return "person:" + words[-1]
    return " ".join(words) or None


def _data(text: str, found: list[Attribution], unattributed: list[Unattributed],
          worthy: tuple[int, int], warnings: list[Notice], lang: ModuleType | None,
          skipped: str | None = None) -> Sourcing:
    by_type: dict[str, int] = {}
    for att in found:
        by_type[att.source_type] = by_type.get(att.source_type, 0) + 1
    keys = {source_key(text, a, lang) for a in found if a.nested_in is None} - {None}
    counts = SourcingTotals(
        attributions=len(found), direct_quotes=sum(a.direct for a in found),
        distinct_sources=len(keys),
        by_type=tuple((t, by_type[t]) for t in SourceType if t in by_type),
        checkworthy_sentences=worthy[0], attributed_checkworthy=worthy[1])
    return Sourcing(attributions=tuple(found), unattributed=tuple(unattributed), counts=counts,
                    warnings=tuple(warnings), skipped=skipped)


def _score_counts(text: str, words: int, held: list[Attribution], quotes: QuoteIndex,
                  config: Config, *, opinion: bool, lang) -> scores.SourcingCounts:
    """What the sourcing score reads, from the attributions someone stands behind (``held``).
    An attribution nested in another's content (``nested_in`` from the extractor) is part of
    that one, not a source of its own."""
    own = [a for a in held if a.nested_in is None]
    named = [a for a in own if a.effective_type() in NAMED_TYPES]
    weight = 0.0
    for att in named:
        weight += config.get(f"sourcing.kind.{att.kind}")
    first: dict[str, Span] = {}
    for att in named:
        key = source_key(text, att, lang)
        if key is not None and key not in first:
            first[key] = shown(att)
    # What a source is said to say is not the author's voice, unless the source is the
    # author ("I think ...", "we believe ...").
    # A view held by no one named ("the plan seems doomed") stays the author's voice.
    covered = [q for a in held if not is_voice(a.source_text(text) or "", lang)
               for q in _content_spans(a)]
    covered += [(q.start, q.end) for q in quotes.quotes]
    return scores.SourcingCounts(
        words=words, named=tuple(shown(a) for a in named), named_weight=weight,
        direct=tuple(a.content for a in own if a.direct),
        sources=tuple(sorted(first.values())), own_voice=own_voice(text, covered, lang),
        opinion_label=opinion)


def _content_spans(att: Attribution) -> list[Span]:
    """The content of an attribution, in one piece or in several."""
    return list(att.segments) if att.segments else [att.content]
