"""The editors' summary: one article on one screen, plain text with optional colour.

Colour is added with click.style; the CLI decides whether it reaches the terminal
(only a terminal, and never when NO_COLOR is set). Lines never exceed ``width``: long
ones wrap under their own indent, so nothing is cut (a log piped to a file keeps every
reason). Findings come most severe first, then most confident; ``limit`` says how many
(None: every one, and every note).
"""

from __future__ import annotations

import textwrap
from collections import Counter
from types import ModuleType
from typing import Any

import click

from audit import rules
from audit.decode import displayable
from audit.lang import pack
from audit.language import NAMES as LANGUAGE_NAMES
from audit.model import NAMED_TYPES, SPECIFICITY
from audit.render import Formatter, Options
from audit.render import copies as copies_view
from audit.sourcing.analyse import source_identity

_GRADE_COLOURS = {"A": "green", "B": "green", "C": "yellow", "D": "red", "F": "red"}
# The source types in the order the "Cited" block lists them: named ones first.
_TYPE_ORDER = {kind: i for i, kind in enumerate(SPECIFICITY)}
TOP_FINDINGS = 8  # rules, in the summary; --all lists every finding
GROUP_EXCERPTS = 3  # where a rule fired, shown in the summary
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}
_CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}
QUOTE_MARKS = "“”\"'‘’«»„"
EXCERPT_CHARS = 160
# Notes that matter only to someone reading the formulas: shown at the details level (--all).
DETAIL_NOTES = frozenset({"smog-needs-30-sentences"})


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 role``, ``2 roles``; ``many`` for an irregular plural."""
    return f"{count} {noun if count == 1 else many or noun + 's'}"


def _wrap(line: str | tuple[str, int], width: int) -> list[str]:
    """``line`` wrapped to ``width``; a line given as (text, hang) continues ``hang`` columns
    in (under its text, past a label), others two columns past their own indent."""
    line, hang = line if isinstance(line, tuple) else (line, None)
    if len(line) <= width or "\x1b" in line:  # styled lines are short and fitted before
        return [line]
    body = line.lstrip(" ")
    indent = " " * (len(line) - len(body))
    hang = min(hang if hang is not None else len(indent) + 2, width // 2)
    return textwrap.wrap(body, width=max(width, 20), initial_indent=indent,
                         subsequent_indent=" " * hang, break_on_hyphens=False) or [line]


def _moved_by(score: dict[str, Any], most: int = 3) -> str:
    """The signals that moved a score most, largest first ("unnamed -20.0, named +18.0")."""
    signals = [s for s in score.get("signals", ()) if s["name"] != "base" and s["delta"]]
    signals.sort(key=lambda s: -abs(s["delta"]))
    return ", ".join(f"{s['name']} {s['delta']:+.1f}" for s in signals[:most])


def _score_line(label: str, score: dict[str, Any]) -> tuple[str, int]:
    value = "    —" if score["value"] is None else f"{score['value']:5.1f}"
    moved = _moved_by(score) if score["value"] is not None else ""
    return (f"  {label:<12}{value}  {score['reason']}"
            + (f"; moved most by {moved}" if moved else ""), 21)


def _overall_line(score: dict[str, Any]) -> tuple[str, int]:
    """The overall score with what it is made of, the largest share first."""
    parts = sorted(score.get("signals", ()), key=lambda s: -abs(s["delta"]))
    made = ", ".join(f"{s['name'].removesuffix(' score')} {s['detail'].replace(' x weight ', '×')}"
                     for s in parts)
    value = "    —" if score["value"] is None else f"{score['value']:5.1f}"
    return (f"  {'Overall':<12}{value}  {score['reason']}"
            + (f"; made of {made}" if made and score["value"] is not None else ""), 21)


def _provenance_lines(prov: dict[str, Any]) -> list[str]:
    authors = ", ".join(a["name"] for a in prov["authors"])
    date = "no date"
    if prov["published"]:
        date = prov["published"]["iso"] or prov["published"]["raw"]
    if prov["publisher"]:
        publisher = prov["publisher"]["name"]
    elif prov["site_names"]:
        publisher = "site named in the page: " + ", ".join(s["name"] for s in prov["site_names"])
    else:
        publisher = "publisher unknown"
    lines = [f"  {'By ' + authors if authors else 'no byline'} · {date} · {publisher}"]
    credits = "; ".join(f"{c['kind']}: {c['name']}" for c in prov["credits"])
    if credits:
        lines.append(f"  Credits: {credits}")
    labels = ", ".join(label["label"] for label in prov["labels"])
    if labels:
        lines.append(f"  Labelled: {labels}")
    return lines


def _language_name(code: str | None) -> str:
    return LANGUAGE_NAMES.get(code or "", f"'{code}'") if code else "an undetected language"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def skipped_analyses(report: dict[str, Any]) -> list[tuple[list[str], str]]:
    """(the analyses, why) for each reason an analysis was not run: the sourcing stage's
    reason covers the sourcing and attribution scores, which it withholds together."""
    language = report["article"].get("language")
    reasons: dict[str, list[str]] = {}
    for names, skipped in ((["readability"], report["readability"].get("skipped")),
                           (["sourcing", "attribution"], report["sourcing"].get("skipped"))):
        if not skipped:
            continue
        if language and language != "en":
            why = f"the article is in {_language_name(language)}"
        elif "Latin script" in skipped:
            why = "the article is mostly not in Latin script"
        else:
            why = skipped
        reasons.setdefault(why, []).extend(names)
    return [(names, why) for why, names in reasons.items()]


def cited(sourcing: dict[str, Any], lang: ModuleType) -> list[tuple[str, str, int]]:
    """(name as written, type, attributions) per source, grouped as the sourcing score counts
    them (a pronoun under whom it refers to; an attribution nested in another's quote is no
    source of its own): named types first, then unnamed, vague and unresolved pronouns;
    most cited first within a type."""
    groups: dict[tuple[str, str], list[str]] = {}
    for a in sourcing["attributions"]:
        if a.get("nested_in") is not None:
            continue  # "I think" inside someone's quote: not another source
        kind = a.get("resolved_type") or a["source_type"]
        name = a.get("resolved_source") or (a["source"] or {}).get("text") or ""
        key = source_identity(name, kind, lang) or "(no source given)"
        groups.setdefault((kind, key), []).append(name or "(no source given)")
    rows = []
    for (kind, _), names in groups.items():
        shown = max(names, key=len)  # "Prime Minister Shinzo Abe" rather than "Abe"
        rows.append((shown, kind, len(names)))
    rows.sort(key=lambda r: (_TYPE_ORDER.get(r[1], len(_TYPE_ORDER)), -r[2], r[0].lower()))
    return rows


def _cited_lines(sourcing: dict[str, Any], limit: int | None, lang: ModuleType | None,
                 ) -> list[str]:
    if sourcing.get("skipped"):
        return []
    attributions = sourcing["attributions"]
    unattributed = len(sourcing["unattributed"])
    claims = (f"; {plural(unattributed, 'claim')} with no attribution found"
              if unattributed else "")
    if not attributions:
        return [f"  Cited: nobody{claims}"]
    rows = cited(sourcing, lang)
    named = sum(1 for _, kind, _ in rows if kind in NAMED_TYPES)
    weak = sum((a.get("resolved_type") or a["source_type"]) in ("unnamed", "vague")
               for a in attributions)  # every attribution listed, as sourcing.counts
    # counts them: a view held by no one ("is expected to") and a reporter's question are
    # vague here, though the score and the findings leave them out
    lines = [f"  Cited: {plural(len(attributions), 'attribution')} to "
             f"{plural(named, 'named source')}, {weak} unnamed or vague{claims}"]
    shown = rows if limit is None else rows[:max(limit, 12)]
    for name, kind, count in shown:
        label = name if kind in NAMED_TYPES or name.startswith("(") else \
            f"“{name.strip(QUOTE_MARKS)}”"
        lines.append((displayable(f"    {count:>2}×  {label} ({kind})"), 9))
    if len(shown) < len(rows):
        lines.append(f"         and {plural(len(rows) - len(shown), 'more source')} (--all)")
    return lines


def _removed_line(blocks: list[dict[str, Any]]) -> str | None:
    removed = Counter(b["role"] for b in blocks if b["span"] is None)
    if not removed:
        return None
    # Roles are names ("comments", "navigation"): counted as "comments ×2", never "1 comments".
    return "  Removed: " + ", ".join(role if n == 1 else f"{role} ×{n}"
                                     for role, n in sorted(removed.items()))


def ranked(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Most severe first, then most confident, then in reading order."""
    return sorted(findings, key=lambda f: (
        _SEVERITY_ORDER.get(f["severity"], 9), _CONFIDENCE_ORDER.get(f.get("confidence"), 9),
        (f["span"] or {}).get("start", -1) if isinstance(f.get("span"), dict) else -1))


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > EXCERPT_CHARS:
        text = text[:EXCERPT_CHARS - 1].rstrip() + "…"
    return text if text[:1] in QUOTE_MARKS else f"“{text}”"


def _where(f: dict[str, Any]) -> str:
    return f"L{f['line']}" if f["line"] else "page"


def _short(excerpt: str, limit: int = 48) -> str:
    excerpt = " ".join(excerpt.split()).strip(QUOTE_MARKS)
    return excerpt if len(excerpt) <= limit else excerpt[:limit - 1].rstrip() + "…"


def _finding_lines(findings: list[dict[str, Any]],
                   limit: int | None) -> list[str | tuple[str, int]]:
    """Every finding, most severe and surest first (``limit`` None); or the ``limit`` first
    rules, each once with how often and where it fired, so that one rule firing ten times
    ("officials" ten times) cannot crowd the others out of the summary."""
    if not findings:
        return ["  Findings: none"]
    order = ranked(findings)
    if limit is None:
        lines: list[str | tuple[str, int]] = [f"  Findings ({len(order)}, most severe first):"]
        for f in order:
            lines.append((displayable(f"    {f['severity']:<6} {_where(f):>5}  {f['rule_id']}: "
                                      f"{f['message']}"), 18))
            if f["excerpt"]:
                lines.append((displayable(f"                  {_excerpt(f['excerpt'])}"), 19))
        return lines
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in order:  # the first of a group is its most severe and surest
        groups.setdefault(f["rule_id"], []).append(f)
    shown = list(groups.values())[:limit]
    rules_text = plural(len(groups), "rule")
    if len(shown) < len(groups):
        rules_text = f"{len(shown)} of {rules_text}"
    lines = [f"  Findings ({len(order)}, by rule: {rules_text}, most severe first; "
             "--all lists each one):"]
    for group in shown:
        group.sort(key=lambda f: (f["line"] or 0, f["column"] or 0))
        first = group[0]
        messages = {f["message"] for f in group}
        message = first["message"] if len(messages) == 1 else _rule_message(first)
        count = f" ×{len(group)}" if len(group) > 1 else ""
        lines.append((displayable(f"    {first['severity']:<6} {_where(first):>5}  "
                                  f"{first['rule_id']}{count}: {message}"), 18))
        excerpts = [f for f in group if f["excerpt"]]
        if len(group) == 1 and excerpts:
            lines.append((displayable(f"                  {_excerpt(first['excerpt'])}"), 19))
        elif excerpts:
            more = len(excerpts) - GROUP_EXCERPTS
            tail = f" · and {more} more" if more > 0 else ""
            lines.append((displayable("                  " + " · ".join(
                f"{_where(f)} “{_short(f['excerpt'])}”" for f in excerpts[:GROUP_EXCERPTS])
                + tail), 18))
    return lines


def _rule_message(finding: dict[str, Any]) -> str:
    try:
        return rules.get(finding["rule_id"]).message
    except KeyError:
        return finding["message"]


def render(report: dict[str, Any], *, width: int = 100, limit: int | None = TOP_FINDINGS) -> str:
    """The summary of one report, as lines no wider than ``width``; ``limit`` findings
    (None: all of them, and the notes only a formula reader needs)."""
    scores = report["scores"]
    grade = scores["grade"]
    # Text from the page (title, byline, excerpts) is shown with control characters
    # spelled out: an escape sequence in it must not reach the terminal.
    title = displayable(report["article"]["title"] or "(no title found)")
    grade_text = click.style(grade, fg=_GRADE_COLOURS[grade], bold=True) if grade else "—"
    source = displayable(report["input"]["source"])
    if len(source) > width:
        source = source[: max(width - 1, 1)] + "…"
    skipped = skipped_analyses(report)
    not_run = {name for names, _ in skipped for name in names}
    overall = scores["overall"]
    if overall["value"] is None and not_run:
        overall = {**overall, "reason": "no overall verdict"}
    elif overall["value"] is None and scores["sourcing"]["value"] is None:
        overall = {**overall, "reason": "no overall verdict without a sourcing verdict"}
    lines = [
        f"  {title}",
        *map(displayable, _provenance_lines(report["provenance"])),
        f"  Grade {grade_text}",
        _overall_line(overall),
    ]
    for name in ("readability", "sourcing", "attribution"):
        if scores[name]["value"] is None and name in not_run:
            continue  # said once, below
        lines.append(_score_line(name.capitalize(), scores[name]))
    lines += [f"  {_and(names).capitalize()} not analysed: {why}" for names, why in skipped]
    lines += _cited_lines(report["sourcing"], limit, pack(report["article"].get("language")))
    removed = _removed_line(report["article"]["blocks"])
    if removed:
        lines.append(removed)
    lines += _finding_lines(report["findings"], limit)
    shown_reasons = {scores[name]["reason"] for name in ("readability", "sourcing", "attribution")}
    for warning in report["readability"]["warnings"] + report["sourcing"]["warnings"]:
        if limit is not None and warning.get("code") in DETAIL_NOTES:
            continue
        if warning.get("code") == "language" or warning["message"] in shown_reasons:
            continue  # said once already, as a skipped analysis or a score's reason
        lines.append(f"  Note: {warning['message']}")
    out = [click.style(source, bold=True)]
    for line in lines:
        out += _wrap(line, width)
    out += copies_view.text_lines(report, width)  # two columns, already cut to the width
    return "\n".join(out)


class TextFormat(Formatter):
    """The default format: each article's summary, a blank line between articles."""

    name = "text"
    description = "the editors' summary of each article (the default)"
    prints_up_to_date = False  # --incremental: an article up to date is not summarised again

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        return render(report, width=options.width, limit=options.limit) + "\n"

    def add(self, piece: str) -> None:
        super().add(("\n" if self.count else "") + piece)


FORMAT = TextFormat
