"""The sourcing stage's entry point: attributions, unattributed claims, consistency, scores.

Pipeline over one article body: sentences and quotes -> cue-based attributions
(reported.py) -> follow-on quotes, pronouns, anonymity reasons (carry.py) -> check-worthy
sentences with no attribution (claims.py) -> article-level facts and findings
(consistency.py) -> scores (scores.py). The result's ``data`` is the report's
``sourcing`` object.
"""

from __future__ import annotations

from typing import Any

from audit import rules
from audit.config import Config
from audit.model import Block, Finding, Score, StageResult
from audit.sentences import split_sentences
from audit.sourcing import carry, claims, consistency, labels, scores, structure
from audit.sourcing.lang import COVERED_LANGUAGES, en, pack
from audit.sourcing.lang.en import NAMED_TYPES, SPECIFICITY
from audit.sourcing.quotes import QuoteIndex, find_quotes
from audit.sourcing.record import KINDS, Attribution, Span
from audit.sourcing.reported import Extractor
from audit.sourcing.text import Sentences, span
from audit.sourcing.voice import is_voice, own_voice


def extract(text: str, spans: list[tuple[int, int]] | None = None, lang=en,
            ) -> tuple[list[Attribution], Sentences]:
    """Every attribution in ``text``, in text order, and the sentences they were read from
    (``spans``: ``split_sentences(text)`` when the caller has it already; ``lang``: the
    language pack, lang/en.py)."""
    found, sents, _ = _extract(text, spans, lang)
    return found, sents


def _extract(text: str, spans: list[tuple[int, int]] | None, lang,
             ) -> tuple[list[Attribution], Sentences, QuoteIndex]:
    """``extract``, with the quotes it found (the own-voice count reads them too)."""
    sents = Sentences(text, split_sentences(text) if spans is None else spans)
    quotes = QuoteIndex(text, find_quotes(text))
    found = Extractor(text, sents, quotes, lang).run() + labels.labels(text, lang)
    found = found + carry.carried_quotes(text, found, quotes, sents)
    found.sort(key=lambda a: (a.content[0], a.cue[0] if a.cue else -1))
    found = carry.resolve_pronouns(text, found, lang)
    found = structure.finish(text, carry.anonymity_reasons(text, found, sents, lang), lang)
    return found, sents, quotes


def analyse(text: str, *, language: str | None, provenance: dict[str, Any], title: str | None,
            blocks: tuple[Block, ...], config: Config,
            sentences: list[tuple[int, int]] | None = None) -> StageResult:
    """The report's ``sourcing`` data, its findings and the two scores for one article."""
    lang = pack(language)  # None when the language has no pack: then titles are read as English
    facts = consistency.facts(provenance, blocks)
    conflicts = consistency.title_conflicts(text, lang or en)
    facts.title_conflicts = len(conflicts)
    headline = consistency.headline_source(title, lang or en)
    article = [*consistency.article_findings(facts), *conflicts, *filter(None, [headline])]
    attribution_score = scores.attribution(facts, config.get)
    if language is not None and language not in COVERED_LANGUAGES:
        reason = f"sourcing rules cover English only; the article is in '{language}'"
        data = _data(text, [], [], (0, 0), [_warning("language", reason)])
        data["skipped"] = reason
        # Both scores are withheld, so none of their findings fires either; what the
        # extraction found (a repeated headline) still stands.
        kept = tuple(f for f in article if rules.get(f.rule_id).category == "extraction")
        return StageResult(data, kept, {
            "sourcing": Score(None, reason), "attribution": Score(None, reason)})
    found, sents, quotes = _extract(text, sentences, lang)
    unattributed, worthy = _unattributed(text, found, sents, lang)
    words = len(text.split())
    counts = _score_counts(text, words, found, quotes, config,
                           opinion="opinion" in facts.labels, lang=lang)
    short = _too_short(words, found, counts.own_voice, config)
    warnings = [_warning("short-text", short)] if short else []
    data = _data(text, found, unattributed, (len(worthy), len(worthy) - len(unattributed)),
                 warnings)
    findings = [*_attribution_findings(found), *article]
    findings += [Finding("SRC-UNATTRIBUTED-CLAIM", (u["start"], u["end"]),
                         message=_claim_message(u["reasons"])) for u in unattributed]
    findings += _mostly_unnamed(found, config)
    sourcing = scores.withheld(short) if short else scores.sourcing(counts, config.get)
    findings.sort(key=lambda f: (f.span[0] if f.span else -1, f.rule_id))
    return StageResult(data, tuple(findings), {"sourcing": sourcing,
                                               "attribution": attribution_score})


def _too_short(words: int, found: list[Attribution], own_voice: tuple[Span, ...],
               config: Config) -> str | None:
    """Why the text is too short for a sourcing verdict, or None. A short text that neither
    attributes anything nor speaks in the author's voice may be an abstract or a brief; one
    in the author's voice with nothing attributed is commentary, and is judged."""
    if words < config.get("sourcing.min-words"):
        return f"too short to judge sourcing ({words} words)"
    if not found and not own_voice and words < config.get("sourcing.short-words"):
        return (f"too short to judge sourcing ({words} words, no attributions): an abstract "
                "or brief, not a sourced report")
    return None


def _unattributed(text: str, found: list[Attribution], sents: Sentences, lang):
    worthy = claims.checkworthy(text, sents, lang)
    attributed = claims.attributed_sentences(found, sents)
    out = []
    for index, why in worthy:
        if index not in attributed:
            start, end = sents.spans[index]
            out.append({**span(text, start, end), "reasons": why})
    return out, worthy


def _claim_message(reasons: list[str]) -> str:
    return ("No attribution found for this sentence, which states "
            f"{', '.join(reasons)}: the reader cannot tell where it comes from.")


def _warning(code: str, message: str) -> dict[str, str]:
    return {"code": code, "message": message}


def source_key(text: str, att: Attribution) -> str | None:
    """A source's identity for counting distinct sources ("Abe" = "Prime Minister Shinzo Abe")."""
    return source_identity(att.source_text(text), att.effective_type())


def source_identity(name: str | None, kind: str) -> str | None:
    """``source_key`` from the source as written (or resolved) and its effective type, so the
    editors' views group the sources of a report exactly as the score counts them."""
    if not name:
        return None
    words = [w.strip("’'").lower() for w in name.replace("’s", "").split()]
    words = [w for w in words if w not in ("the", "a", "an", "one")]
    if kind == "person" and words:
        return "person:" + words[-1]
    return " ".join(words) or None


def _data(text: str, found: list[Attribution], unattributed: list[dict], worthy: tuple[int, int],
          warnings: list[dict]) -> dict[str, Any]:
    by_type: dict[str, int] = {}
    for att in found:
        by_type[att.source_type] = by_type.get(att.source_type, 0) + 1
    keys = {source_key(text, a) for a in found if a.nested_in is None} - {None}
    return {
        "attributions": [a.to_dict(text) for a in found],
        "unattributed": unattributed,
        "counts": {
            "attributions": len(found),
            "direct_quotes": sum(a.direct for a in found),
            "distinct_sources": len(keys),
            "by_type": {t: by_type[t] for t in SPECIFICITY if t in by_type},
            "checkworthy_sentences": worthy[0],
            "attributed_checkworthy": worthy[1],
        },
        "warnings": warnings,
    }


def _where(att: Attribution) -> Span:
    """The span that shows an attribution: its source, else its cue, else its content (a
    carried quote has only its content)."""
    if att.form == "carried":
        return att.content
    return att.source or att.cue or att.content


def _score_counts(text: str, words: int, found: list[Attribution], quotes: QuoteIndex,
                  config: Config, *, opinion: bool, lang=en) -> scores.SourcingCounts:
    """What the sourcing score reads. An attribution nested in another's content (``nested_in``
    from the extractor) is part of that one, not a source of its own."""
    own = [a for a in found if a.nested_in is None]
    named = [a for a in own if a.effective_type() in NAMED_TYPES]
    weight = 0.0
    for att in named:
        weight += config.get(f"sourcing.kind.{att.kind}") if att.kind in KINDS else 1.0
    first: dict[str, Span] = {}
    for att in named:
        key = source_key(text, att)
        if key is not None and key not in first:
            first[key] = _where(att)
    # What a source is said to say is not the author's voice, unless the source is the
    # author ("I think ...", "we believe ...").
    covered = [q for a in found if not is_voice(a.source_text(text) or "", lang)
               for q in _content_spans(a)]
    covered += [(q.start, q.end) for q in quotes.quotes]
    return scores.SourcingCounts(
        words=words, named=tuple(_where(a) for a in named), named_weight=weight,
        direct=tuple(a.content for a in own if a.direct),
        sources=tuple(sorted(first.values())), own_voice=own_voice(text, covered, lang),
        opinion_label=opinion)


def _content_spans(att: Attribution) -> list[Span]:
    """The content of an attribution, in one piece or in several."""
    return list(att.segments) if att.segments else [att.content]


def _attribution_findings(found: list[Attribution]) -> list[Finding]:
    out = []
    for att in found:
        where = _where(att)
        if att.effective_type() == "unnamed":
            out.append(Finding("SRC-UNNAMED-SOURCE", where))
        elif att.effective_type() == "vague":
            out.append(Finding("SRC-VAGUE-SOURCE", where))
        if att.anonymity_reason:
            out.append(Finding("ATT-ANONYMITY-REASON", where, message=(
                f"Unnamed source; the article gives the reason: {att.anonymity_reason}.")))
    return out


def _mostly_unnamed(found: list[Attribution], config: Config) -> list[Finding]:
    weak = sum(a.effective_type() in ("unnamed", "vague") for a in found)
    if len(found) >= 3 and weak / len(found) > config.get("sourcing.mostly-unnamed-share"):
        return [Finding("SRC-MOSTLY-UNNAMED", None, message=(
            f"{weak} of {len(found)} attributions are to unnamed or vague sources."))]
    return []
