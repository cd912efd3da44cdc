"""The annotated HTML view of a report, and the index page of a batch.

One self-contained page per article: inline CSS, one small inline script for sorting
the batch index, no fonts, images or scripts from anywhere else, so it opens offline
and can be mailed around. On the article text, each attribution is highlighted by its
source type (colour *and* underline style, so the types are told apart without colour),
and focusing or hovering it shows source, cue and type; claims with no attribution
found and the hardest sentences are marked too. Furniture is listed struck out in a
collapsed section. Semantic HTML, keyboard focus, readable at 320 px.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from audit.render import Formatter, Options
from audit.render import copies as copies_view
from audit.render.text import DETAIL_NOTES, QUOTE_MARKS, ranked, skipped_analyses
from audit.scoring import histogram

TYPE_LABELS = {
    "person": "named person", "role": "role or office", "organization": "organization",
    "outlet": "news outlet", "document": "document", "unnamed": "unnamed source",
    "vague": "vague source", "pronoun": "pronoun",
}

# Each source type has its own shape (underline style, or a box) *and* colour: the tints are
# Okabe-Ito hues mixed with white, each in the share that keeps the article text over 7:1
# (WCAG AAA) on it while the eight tints (and white, and the yellow of unattributed claims)
# stay far apart in normal vision and under deuteranopia; the line colours are the same
# hues darkened to 3:1 against their tint. tests/test_render_html.py checks all of it.
TYPE_STYLES = {  # type: (line colour, tint, shape)
    "person": ("#00654a", "#4dbb9d", "underline solid"),
    "role": ("#005c90", "#70b0d4", "underline double"),
    "organization": ("#9d5d81", "#e8c1d7", "underline overline solid"),
    "outlet": ("#815900", "#e8a919", "underline dashed"),
    "document": ("#000000", "#ffffff", "box solid"),
    "unnamed": ("#a04600", "#e8a875", "underline wavy"),
    "vague": ("#9a922a", "#fcf9d5", "underline dotted"),
    "pronoun": ("#3b7ca1", "#a7d8f4", "box dashed"),
}
CLAIM_COLOUR = "#ffe97a"


def _type_css() -> str:
    rules = []
    for kind, (line, tint, shape) in TYPE_STYLES.items():
        words = shape.split()
        if words[0] == "box":
            style = f"border:2px {words[1]} {line};text-decoration:none"
        else:
            style = (f"text-decoration-line:{' '.join(words[:-1])};"
                     f"text-decoration-style:{words[-1]};text-decoration-color:{line}")
        rules.append(f".t-{kind}{{background-color:{tint};{style}}}")
    return "\n".join(rules)


CSS = """
:root{--fg:#1b1b1b;--bg:#ffffff;--muted:#5c5c5c;--line:#d0d0d0;--accent:#1a5fb4}
*{box-sizing:border-box}
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
background:var(--bg);margin:0 auto;max-width:52rem;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.15rem;margin-top:2rem;
border-bottom:1px solid var(--line)}
a{color:var(--accent)}
.meta,.note{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dl.prov dt{font-weight:600}dl.prov dd{margin:0;overflow-wrap:anywhere}
.chart{list-style:none;padding:0;margin:0}
.chart li{display:grid;grid-template-columns:minmax(5.5rem,10rem) 1fr 4rem;gap:0 .6rem;
align-items:center;margin:.15rem 0}
.chart .main{font-weight:700;margin-top:.7rem}.chart .main .det{font-weight:400}
.chart .lbl{overflow-wrap:anywhere}.chart .sig .lbl{padding-left:.8rem}
.chart .val{text-align:right;font-variant-numeric:tabular-nums}
.chart .det{grid-column:1/-1;color:var(--muted);font-size:.85rem;padding-left:.8rem;
overflow-wrap:anywhere}
.track{position:relative;height:.9rem;background:#f0f0f0;border-radius:.15rem}
.track span{position:absolute;top:0;bottom:0}
.fill{left:0;background:var(--accent)}
.sig .track{height:.7rem;background:linear-gradient(90deg,transparent calc(50% - 1px),
var(--muted) calc(50% - 1px),var(--muted) calc(50% + 1px),transparent calc(50% + 1px)),#f0f0f0}
.up{left:50%;background:#007b5a}.down{right:50%;background:#a51d2d}
.reasons{padding-left:1.2rem}.reasons li{overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
.legend li{padding:.1rem .4rem;border-radius:.2rem}
article p{overflow-wrap:anywhere}
mark{background:none;color:inherit;text-decoration-thickness:2px;text-underline-offset:3px;
position:relative;border-radius:.15rem}
mark:focus{outline:3px solid var(--accent);outline-offset:1px}
mark[data-tip]:hover::after,mark[data-tip]:focus::after{content:attr(data-tip);position:fixed;
left:.5rem;right:.5rem;bottom:.5rem;z-index:2;background:#222;color:#fff;font-size:.85rem;
line-height:1.35;padding:.4rem .6rem;border-radius:.25rem;white-space:pre-line;
max-width:40rem;margin:0 auto}
.hard{background-image:repeating-linear-gradient(135deg,transparent 0 5px,
rgba(165,29,45,.22) 5px 7px)}
.fnd{box-shadow:inset 0 -2px var(--muted)}
.voice{outline:3px double #7a3e9d;outline-offset:-1px;font-weight:600}
""" + _type_css() + """
.src{font-weight:600}.cue{font-style:italic}
.claim{box-shadow:inset 0 -0.45em """ + CLAIM_COLOUR + """}
.hard-start::before{content:"hard \\25B8";font-size:.7rem;font-weight:700;color:#fff;
background:#a51d2d;border-radius:.2rem;padding:0 .25rem;margin-right:.2rem;vertical-align:.1em}
a.fref{font-size:.7rem;font-weight:700;vertical-align:super;line-height:0;padding:0 .15rem;
margin:0 .1rem;text-decoration:none;border:1px solid var(--accent);border-radius:.6rem}
a.fref:target,tr:target{outline:3px solid var(--accent);outline-offset:1px}
tr:target{background:#eef4fb}
sup.lbl{font-size:.65rem;color:var(--muted);margin-left:1px}
details{margin-top:1rem}summary{cursor:pointer;font-weight:600}
.removed del{color:var(--muted)}
.removed li{margin:.2rem 0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem;text-align:left;vertical-align:top}
td{overflow-wrap:anywhere}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}
.wrap{overflow-x:auto}
nav.up-link{font-size:.9rem}
@media (max-width:480px){body{padding:.5rem;font-size:15px}dl.prov{grid-template-columns:1fr}
.chart li{grid-template-columns:minmax(4.5rem,7rem) 1fr 3.8rem;gap:0 .4rem}}
"""

SORT_SCRIPT = """
document.querySelectorAll('th button').forEach(function(b,i){b.addEventListener('click',
function(){var t=b.closest('table'),rows=Array.from(t.tBodies[0].rows),
d=b.dataset.dir==='asc'?-1:1;b.dataset.dir=d===1?'asc':'desc';
rows.sort(function(x,y){var p=x.cells[i].dataset.v,q=y.cells[i].dataset.v;
if(p===''||q==='')return (p==='')-(q==='');var m=parseFloat(p),n=parseFloat(q);
if(!isNaN(m)&&!isNaN(n))return d*(m-n);
return d*String(p).localeCompare(String(q));});
rows.forEach(function(r){t.tBodies[0].appendChild(r);});
t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort');});
b.parentNode.setAttribute('aria-sort',d===1?'ascending':'descending');});});
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _page(title: str, body: str, script: str = "") -> str:
    tail = f"<script>{script}</script>" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{_e(title)}</title><style>{CSS}</style></head>"
            f"<body>{body}{tail}</body></html>\n")


# ----------------------------------------------------------------------------- article


def _annotations(report: dict[str, Any],
                 numbers: dict[int, int]) -> list[tuple[int, int, str, dict[str, str]]]:
    """(start, end, class, attributes) for every highlight. ``attributes["owner"]`` names
    what the highlight belongs to (an attribution's content, source and cue share one), so
    that each owner gets one Tab stop; ``numbers`` maps findings (by index) to their number
    in the findings table."""
    marks = []
    for i, a in enumerate(report["sourcing"]["attributions"]):
        kind = a["source_type"]
        tip = [f"type: {TYPE_LABELS.get(kind, kind)}",
               f"source: {a['source']['text'] if a['source'] else '(none)'}",
               f"cue: {a['cue']['text'] if a['cue'] else '(none)'}"]
        if a.get("resolved_source"):
            tip.append(f"refers to: {a['resolved_source']}")
        if a.get("anonymity_reason"):
            tip.append(f"anonymity: {a['anonymity_reason']}")
        if a.get("direct"):
            tip.append("direct quote")
        attributes = {"data-tip": "\n".join(tip), "owner": f"a{i}"}
        # A split quote ("A," X said. "B.") is highlighted piece by piece, not across the cue.
        for part in a.get("content_segments") or [a["content"]]:
            marks.append((part["start"], part["end"], f"t-{kind}", attributes))
        for key, cls in (("source", "src"), ("cue", "cue")):
            if a.get(key):
                marks.append((a[key]["start"], a[key]["end"], f"{cls} t-{kind}", attributes))
    for i, claim in enumerate(report["sourcing"]["unattributed"]):
        marks.append((claim["start"], claim["end"], "claim",
                      {"data-tip": "no attribution found: " + ", ".join(claim["reasons"]),
                       "owner": f"c{i}"}))
    for signal in report["scores"]["sourcing"].get("signals", ()):
        if signal["name"] == "own-voice":  # #16: the author speaking as I, we or you
            for i, where in enumerate(signal.get("spans") or ()):
                marks.append((where["start"], where["end"], "voice", {
                    "data-tip": "the author's own voice (I, we, you outside quotes): "
                                "lowers the sourcing score", "owner": f"v{i}"}))
    for i, hard in enumerate(report["readability"]["hardest_sentences"]):
        marks.append((hard["start"], hard["end"], "hard",
                      {"data-tip": f"one of the hardest sentences: grade {hard['grade']:.1f}",
                       "owner": f"h{i}"}))
    covered = {(m[0], m[1]) for m in marks}
    for i, finding in enumerate(report["findings"]):
        span = finding.get("span")
        if span and (span["start"], span["end"]) not in covered:
            marks.append((span["start"], span["end"], "fnd",
                          {"data-tip": f"finding {numbers[i]}: {finding['rule_id']}",
                           "owner": f"f{i}"}))
    return marks


def _segments(text: str, marks, cuts: Iterable[int] = ()) -> Iterable[tuple[int, str, list]]:
    """Split ``text`` at every mark boundary (and at ``cuts``): each piece with the marks
    covering it. A sweep over sorted marks, so hostile input with many marks stays near
    linear."""
    size = len(text)
    spans = sorted(((max(0, min(m[0], size)), max(0, min(m[1], size)), m) for m in marks),
                   key=lambda item: item[0])
    spans = [item for item in spans if item[0] < item[1]]
    cuts = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans),
                   *(max(0, min(c, size)) for c in cuts)})
    active: list = []
    next_mark = 0
    for left, right in pairwise(cuts):
        while next_mark < len(spans) and spans[next_mark][0] <= left:
            active.append(spans[next_mark])
            next_mark += 1
        active = [item for item in active if item[1] > left]
        yield left, text[left:right], [item[2] for item in active
                                       if item[0] <= left and right <= item[1]]


def _render_piece(left: int, piece: str, covering: list, focused: set[str]) -> str:
    """One piece of text, as a mark when highlights cover it. The first visible piece of
    each owner (an attribution, a claim, a sentence) takes the owner's one Tab stop; the
    owners already given theirs are in ``focused``."""
    escaped = _e(piece)
    if not covering or not piece.strip():  # a lone space would be an invisible, focusable mark
        return escaped
    classes = " ".join(dict.fromkeys(c for m in covering for c in m[2].split()))
    if any(m[2] == "hard" and m[0] == left for m in covering):
        classes += " hard-start"  # the label goes on the sentence's first piece only
    tips = [m[3]["data-tip"] for m in covering if "data-tip" in m[3]]
    tip = "\n—\n".join(dict.fromkeys(tips))
    owners = list(dict.fromkeys(m[3].get("owner", "") for m in covering))
    new = [o for o in owners if o and o not in focused]
    focused.update(new)
    stop = ' tabindex="0"' if new else ""
    data = f' data-stop="{" ".join(new)}"' if new else ""
    return f'<mark{stop} class="{_e(classes)}"{data} data-tip="{_e(tip)}">{escaped}</mark>'


def _finding_numbers(report: dict[str, Any]) -> tuple[list[tuple[int, dict]], dict[int, int]]:
    """The findings in the order the table lists them (most severe first, as the terminal
    summary ranks them), and each finding's number (by its index in the report)."""
    order = ranked(report["findings"])
    position = {id(f): n for n, f in enumerate(order, 1)}
    numbers = {i: position[id(f)] for i, f in enumerate(report["findings"])}
    return [(numbers[i], f) for i, f in sorted(enumerate(report["findings"]),
                                               key=lambda item: numbers[item[0]])], numbers


def _article_html(report: dict[str, Any]) -> str:
    text = report["article"]["text"]
    _, numbers = _finding_numbers(report)
    refs: dict[int, list[int]] = {}
    for i, finding in enumerate(report["findings"]):
        if finding.get("span"):
            refs.setdefault(finding["span"]["start"], []).append(numbers[i])
    focused: set[str] = set()
    out = ["<p>"]
    for left, piece, covering in _segments(text, _annotations(report, numbers), refs):
        for n in sorted(refs.pop(left, ())):
            out.append(f'<a class="fref" id="at-{n}" href="#finding-{n}" '
                       f'aria-label="finding {n}">{n}</a>')
        paragraphs = piece.split("\n\n")
        for i, part in enumerate(paragraphs):
            if i:
                out.append("</p>\n<p>")
            if part:
                out.append(_render_piece(left if i == 0 else -1, part.replace("\n", " "),
                                         covering, focused))
    out.append("</p>")
    return "".join(out).replace("<p></p>", "")


def _legend(report: dict[str, Any]) -> str:
    counts = Counter(a["source_type"] for a in report["sourcing"]["attributions"])
    items = "".join(f'<li class="t-{kind}">{_e(label)} ({counts.get(kind, 0)})</li>'
                    for kind, label in TYPE_LABELS.items())
    voices = sum(len(s.get("spans") or ()) for s in report["scores"]["sourcing"]["signals"]
                 if s["name"] == "own-voice")
    voice = f'<li class="voice">the author\'s own voice ({voices})</li>' if voices else ""
    return (f'<ul class="legend" aria-label="source types">{items}'
            f'<li class="claim">no attribution found '
            f'({len(report["sourcing"]["unattributed"])})</li>{voice}'
            f'<li><span class="hard-start"></span>hardest sentences</li></ul>')


def _provenance(report: dict[str, Any]) -> str:
    p = report["provenance"]
    bio = p["author_bio"] or {}
    rows = [
        ("Title", report["article"]["title"]),
        ("Authors", ", ".join(a["name"] for a in p["authors"]) or None),
        ("Published", (p["published"] or {}).get("iso") or (p["published"] or {}).get("raw")),
        ("Publisher", (p["publisher"] or {}).get("name")),
        ("Site names", ", ".join(s["name"] for s in p["site_names"]) or None),
        ("Credits", "; ".join(f"{c['kind']}: {c['name']}" for c in p["credits"]) or None),
        ("Author box", " · ".join(x for x in (bio.get("name"), bio.get("contact")) if x) or None),
        ("Canonical URL", p["canonical_url"]),
        ("Labels", ", ".join(lbl["label"] for lbl in p["labels"]) or None),
        ("Outbound links", str(len(p["outbound_links"])) if p["outbound_links"] else None),
        ("Source", report["input"]["source"]),
    ]
    cells = "".join(f"<dt>{_e(k)}</dt>"
                    f"<dd>{_e(v) if v else '<span class=note>not found</span>'}</dd>"
                    for k, v in rows)
    return f'<dl class="prov">{cells}</dl>'


def _score_chart(report: dict[str, Any]) -> str:
    """Each score as a bar, and under it the signals that moved it, as a list of HTML rows:
    real text that wraps at any width; the bars are drawn with CSS and hidden from screen
    readers (the numbers are in the text). A signal's bar is its share of 100 points on
    either side of the axis, so even "base +100" fits."""
    scores = report["scores"]
    not_run = {name for names, _ in skipped_analyses(report) for name in names}
    rows = []
    for name in ("overall", "readability", "sourcing", "attribution"):
        value = scores[name]["value"]
        reason = scores[name]["reason"]
        if value is None and (name in not_run or (name == "overall" and not_run)):
            reason = "not analysed (see above)" if name != "overall" else "no overall verdict"
        if value is None:
            bar, shown = "", "—"
        else:
            bar = f'<span class="fill" style="width:{max(0.0, min(100.0, value)):.1f}%"></span>'
            shown = f"{value:.1f}"
        rows.append(f'<li class="main"><span class="lbl">{name.capitalize()}</span>'
                    f'<span class="track" aria-hidden="true">{bar}</span>'
                    f'<span class="val">{shown}</span>'
                    f'<span class="det">{_e(reason)}</span></li>')
        for signal in scores[name]["signals"]:
            delta = signal["delta"]
            side = "up" if delta >= 0 else "down"
            width = min(abs(delta), 100.0) / 2
            rows.append(f'<li class="sig"><span class="lbl">{_e(signal["name"])}</span>'
                        f'<span class="track" aria-hidden="true"><span class="{side}" '
                        f'style="width:{width:.1f}%"></span></span>'
                        f'<span class="val">{delta:+.1f}</span>'
                        f'<span class="det">{_e(signal["detail"])}</span></li>')
    return f'<ul class="chart" aria-label="scores and the signals behind them">{"".join(rows)}</ul>'


def _removed(report: dict[str, Any]) -> str:
    blocks = [b for b in report["article"]["blocks"] if b["span"] is None]
    if not blocks:
        return ""
    counts = ", ".join(f"{n} {role}"
                       for role, n in sorted(Counter(b["role"] for b in blocks).items()))
    items = "".join(
        f"<li><strong>{_e(b['role'])}</strong> "
        f"<span class=note>{_e(_where(b))} · {_e(b['reason'])}</span>"
        f"<br><del>{_e(b['text'][:400])}</del></li>"
        for b in blocks)
    return (f'<details class="removed"><summary>Removed as furniture: {_e(counts)}</summary>'
            f"<ul>{items}</ul></details>")


def _where(block: dict[str, Any]) -> str:
    if block["lines"]:
        start, end = block["lines"]["start"], block["lines"]["end"]
        return f"line {start}" if start == end else f"lines {start}–{end}"
    return f"<{block['element']}>" if block["element"] else "block"


def _findings(report: dict[str, Any]) -> str:
    if not report["findings"]:
        return "<p class=note>No findings.</p>"
    rows = []
    for n, f in _finding_numbers(report)[0]:
        where = _e(f["line"] or "page")
        if f.get("span"):
            where = (f'<a href="#at-{n}" aria-label="finding {n} in the text">'
                     f'{"line " + _e(f["line"]) if f["line"] else "in the text"}</a>')
        excerpt = ""
        if f["excerpt"]:  # <q> adds quotation marks: not around an excerpt that has its own
            quoted = f["excerpt"][:1] in QUOTE_MARKS
            excerpt = (f"<br><span class=excerpt>{_e(f['excerpt'])}</span>" if quoted
                       else f"<br><q>{_e(f['excerpt'])}</q>")
        rows.append(f'<tr id="finding-{n}"><td>{n}</td><td>{where}</td>'
                    f"<td>{_e(f['severity'])}</td><td><code>{_e(f['rule_id'])}</code><br>"
                    f"{_e(f['message'])}{excerpt}</td></tr>")
    return ('<p class=note>Most severe first. A finding about a passage links to it, and the '
            'numbered badge in the text links back here.</p>'
            '<div class="wrap"><table><thead><tr><th scope="col">#</th>'
            '<th scope="col">Where</th><th scope="col">Severity</th><th scope="col">Finding</th>'
            '</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _notes(report: dict[str, Any]) -> tuple[str, str]:
    """The analyses not run, said once, and the notes that are not already a score's reason;
    and, apart, the notes only a reader of the formulas needs."""
    skipped = skipped_analyses(report)
    lines = [f"{' and '.join(names).capitalize()} not analysed: {why}"
             for names, why in skipped]
    reasons = {report["scores"][k]["reason"] for k in ("readability", "sourcing", "attribution")}
    warnings = [w for w in report["readability"]["warnings"] + report["sourcing"]["warnings"]
                if w.get("code") != "language" and w["message"] not in reasons]
    lines += [w["message"] for w in warnings if w.get("code") not in DETAIL_NOTES]
    details = [w["message"] for w in warnings if w.get("code") in DETAIL_NOTES]
    notes = "".join(f"<p class=note>{_e(line)}</p>" for line in lines)
    if not details:
        return notes, ""
    return notes, ("<details><summary>Notes on the formulas</summary>"
                   + "".join(f"<p class=note>{_e(line)}</p>" for line in details)
                   + "</details>")


def render(report: dict[str, Any], *, index: str | None = None) -> str:
    """The annotated page for one report; ``index``: the address of the batch's index page,
    linked from the top of the page."""
    title = report["article"]["title"] or report["input"]["source"]
    grade = report["scores"]["grade"] or "no grade"
    overall = report["scores"]["overall"]["value"]
    verdict = f"{overall:.1f}" if overall is not None else "no overall verdict"
    notes, formula_notes = _notes(report)
    up = (f'<nav class="up-link" aria-label="batch"><a href="{_e(index)}">← All articles '
          f"(index)</a></nav>" if index else "")
    body = (
        f"<header>{up}<p class=meta>audit report · {_e(report['input']['source'])}</p>"
        f"<h1>{_e(title)}</h1><p><strong>Grade {_e(grade)}</strong> · overall {_e(verdict)}</p>"
        f"</header><main>"
        f'<section aria-labelledby="s-scores"><h2 id="s-scores">Scores</h2>'
        f'{notes}<div class="scores">{_score_chart(report)}</div>{formula_notes}</section>'
        f'<section aria-labelledby="s-prov"><h2 id="s-prov">Provenance</h2>'
        f"{_provenance(report)}</section>"
        f'<section aria-labelledby="s-text"><h2 id="s-text">Article</h2>{_legend(report)}'
        "<p class=note>Focus (Tab) or hover a highlight to see who is cited, the cue and "
        "the source type; each attribution is one Tab stop.</p>"
        f"<article>{_article_html(report)}</article>{_removed(report)}</section>"
        f'<section aria-labelledby="s-find"><h2 id="s-find">Findings</h2>'
        f"{_findings(report)}</section>"
        f"{copies_view.html_section(report)}"
        f"</main>"
    )
    return _page(f"audit: {title}", body)


# ----------------------------------------------------------------------------- index


def _histogram(values: list[float]) -> str:
    bins = histogram(values)
    top = max(bins) or 1
    bars = []
    for i, count in enumerate(bins):
        h = 100 * count / top
        bars.append(f'<rect x="{10 + i * 30}" y="{110 - h:.1f}" width="26" height="{h:.1f}" '
                    f'fill="#1a5fb4"><title>{i * 10}–{i * 10 + 10}: {count}</title></rect>'
                    f'<text x="{23 + i * 30}" y="124" text-anchor="middle">{i * 10}</text>')
    return (f'<svg role="img" aria-label="histogram of overall scores" viewBox="0 0 320 130" '
            f'width="320" height="130" xmlns="http://www.w3.org/2000/svg" font-size="11" '
            f'font-family="sans-serif">{"".join(bars)}</svg>')


def render_index(rows: list[dict[str, Any]],
                 failed: Iterable[tuple[str, str]] = ()) -> str:
    """The batch index: one row per article (source, page, title, grade, scores), those with
    no overall score last, and the inputs that could not be audited with their reason."""
    columns = ("Article", "Grade", "Overall", "Readability", "Sourcing", "Attribution")
    head = "".join(f'<th scope="col"><button type="button">{c}</button></th>' for c in columns)
    body = []
    for row in sorted(rows, key=lambda r: r["overall"] is None):
        cells = [f'<td data-v="{_e(row["title"] or row["source"])}"><a href="{_e(row["page"])}">'
                 f'{_e(row["title"] or row["source"])}</a>'
                 + (f'<br><span class=note>{_e(row["source"])}</span>' if row["title"] else "")
                 + "</td>",
                 f'<td data-v="{_e(row["grade"] or "")}">{_e(row["grade"] or "—")}</td>']
        for key in ("overall", "readability", "sourcing", "attribution"):
            value = row[key]
            cells.append(f'<td data-v="{"" if value is None else value}">'
                         f'{"—" if value is None else f"{value:.1f}"}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    failed = list(failed)
    failures = ""
    if failed:
        items = "".join(f"<li><strong>{_e(source)}</strong>: {_e(reason)}</li>"
                        for source, reason in failed)
        failures = (f'<section aria-labelledby="s-f"><h2 id="s-f">Not audited '
                    f"({len(failed)})</h2><ul>{items}</ul></section>")
    overall = [r["overall"] for r in rows if r["overall"] is not None]
    heading = f"{len(rows)} article{'' if len(rows) == 1 else 's'}"
    if failed:
        heading += f", {len(failed)} not audited"
    content = (f"<header><h1>audit: {heading}</h1></header><main>"
               f'<section aria-labelledby="s-h"><h2 id="s-h">Overall scores</h2>'
               f"{_histogram(overall)}</section>"
               f'<section aria-labelledby="s-t"><h2 id="s-t">Articles</h2>'
               f'<p class=note>Select a column heading to sort; articles with no score stay '
               f"last.</p>"
               f'<div class="wrap"><table><thead><tr>{head}</tr></thead>'
               f"<tbody>{''.join(body)}</tbody></table></div></section>{failures}</main>")
    return _page("audit: batch index", content, SORT_SCRIPT)


def index_row(report: dict[str, Any], page: str) -> dict[str, Any]:
    scores = report["scores"]
    return {"source": report["input"]["source"], "title": report["article"]["title"],
            "page": page, "grade": scores["grade"],
            **{k: scores[k]["value"]
               for k in ("overall", "readability", "sourcing", "attribution")}}


class HtmlFormat(Formatter):
    name = "html"
    description = "an annotated HTML page per article (--html-dir writes them as files)"

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        return render(report)


FORMAT = HtmlFormat
