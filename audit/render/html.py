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

from audit.render import copies as copies_view
from audit.scoring import histogram

TYPE_LABELS = {
    "person": "named person", "role": "role or office", "organization": "organization",
    "outlet": "news outlet", "document": "document", "unnamed": "unnamed source",
    "vague": "vague source", "pronoun": "pronoun",
}

CSS = """
:root{--fg:#1b1b1b;--bg:#fff;--muted:#5c5c5c;--line:#d0d0d0}
*{box-sizing:border-box}
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
background:var(--bg);margin:0 auto;max-width:52rem;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}h2{font-size:1.15rem;margin-top:2rem;
border-bottom:1px solid var(--line)}
.meta,.note{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dl.prov dt{font-weight:600}dl.prov dd{margin:0;overflow-wrap:anywhere}
.scores svg{max-width:100%;height:auto;overflow:hidden}
.reasons{padding-left:1.2rem}.reasons li{overflow-wrap:anywhere}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;padding:0;list-style:none}
.legend li{padding:.1rem .4rem;border-radius:.2rem}
article p{overflow-wrap:anywhere}
mark{background:none;color:inherit;text-decoration-thickness:2px;text-underline-offset:3px;
position:relative;border-radius:.15rem}
mark:focus{outline:3px solid #1a5fb4;outline-offset:1px}
mark[data-tip]:hover::after,mark[data-tip]:focus::after{content:attr(data-tip);position:fixed;
left:.5rem;right:.5rem;bottom:.5rem;z-index:2;background:#222;color:#fff;font-size:.85rem;
line-height:1.35;padding:.4rem .6rem;border-radius:.25rem;white-space:pre-line;
max-width:40rem;margin:0 auto}
.hard{text-decoration:underline dotted #a51d2d}
.t-person{background:#d9f2d9;text-decoration:underline solid #1e7b1e}
.t-role{background:#dcebfa;text-decoration:underline double #1a5fb4}
.t-organization{background:#e6e0f5;text-decoration:underline solid #5b3c9e}
.t-outlet{background:#f5e6d3;text-decoration:underline dotted #8a4b08}
.t-document{background:#eeeeee;text-decoration:underline dashed #444}
.t-unnamed{background:#fde2c8;text-decoration:underline wavy #b35900}
.t-vague{background:#fbd0d0;text-decoration:underline wavy #a51d2d}
.t-pronoun{background:#e8f4f4;text-decoration:underline dotted #226666}
.src{font-weight:600}.cue{font-style:italic}
.claim{box-shadow:inset 0 -0.45em #ffe97a}
.hard-start::before{content:"hard \\25B8";font-size:.7rem;font-weight:700;color:#fff;
background:#a51d2d;border-radius:.2rem;padding:0 .25rem;margin-right:.2rem;vertical-align:.1em}
sup.lbl{font-size:.65rem;color:var(--muted);margin-left:1px}
details{margin-top:1rem}summary{cursor:pointer;font-weight:600}
.removed del{color:var(--muted)}
.removed li{margin:.2rem 0;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem;text-align:left}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer}
.wrap{overflow-x:auto}
@media (max-width:480px){body{padding:.5rem;font-size:15px}dl.prov{grid-template-columns:1fr}}
"""

SORT_SCRIPT = """
document.querySelectorAll('th button').forEach(function(b,i){b.addEventListener('click',
function(){var t=b.closest('table'),rows=Array.from(t.tBodies[0].rows),
d=b.dataset.dir==='asc'?-1:1;b.dataset.dir=d===1?'asc':'desc';
rows.sort(function(x,y){var p=x.cells[i].dataset.v,q=y.cells[i].dataset.v;
var m=parseFloat(p),n=parseFloat(q);if(!isNaN(m)&&!isNaN(n))return d*(m-n);
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


def _annotations(report: dict[str, Any]) -> list[tuple[int, int, str, dict[str, str]]]:
    """(start, end, class, attributes) for every highlight, widest first."""
    marks = []
    for a in report["sourcing"]["attributions"]:
        kind = a["source_type"]
        tip = [f"type: {TYPE_LABELS.get(kind, kind)}",
               f"source: {a['source']['text'] if a['source'] else '(none)'}",
               f"cue: {a['cue']['text'] if a['cue'] else '(none)'}"]
        if a.get("resolved_source"):
            tip.append(f"refers to: {a['resolved_source']}")
        if a.get("anonymity_reason"):
            tip.append(f"anonymity: {a['anonymity_reason']}")
        if a["direct"]:
            tip.append("direct quote")
        attributes = {"data-tip": "\n".join(tip)}
        marks.append((a["content"]["start"], a["content"]["end"], f"t-{kind}", attributes))
        for key, cls in (("source", "src"), ("cue", "cue")):
            if a[key]:
                marks.append((a[key]["start"], a[key]["end"], f"{cls} t-{kind}", attributes))
    for claim in report["sourcing"]["unattributed"]:
        marks.append((claim["start"], claim["end"], "claim",
                      {"data-tip": "no attribution found: " + ", ".join(claim["reasons"])}))
    for hard in report["readability"]["hardest_sentences"]:
        marks.append((hard["start"], hard["end"], "hard",
                      {"data-tip": f"one of the hardest sentences: grade {hard['grade']:.1f}"}))
    return marks


def _segments(text: str, marks) -> Iterable[tuple[int, str, list]]:
    """Split ``text`` at every mark boundary: each piece with the marks covering it.
    A sweep over sorted marks, so hostile input with many marks stays near linear."""
    size = len(text)
    spans = sorted(((max(0, min(m[0], size)), max(0, min(m[1], size)), m) for m in marks),
                   key=lambda item: item[0])
    spans = [item for item in spans if item[0] < item[1]]
    cuts = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    active: list = []
    next_mark = 0
    for left, right in pairwise(cuts):
        while next_mark < len(spans) and spans[next_mark][0] <= left:
            active.append(spans[next_mark])
            next_mark += 1
        active = [item for item in active if item[1] > left]
        yield left, text[left:right], [item[2] for item in active
                                       if item[0] <= left and right <= item[1]]


def _render_piece(left: int, piece: str, covering: list) -> str:
    escaped = _e(piece)
    if not covering or not piece.strip():  # a lone space would be an invisible, focusable mark
        return escaped
    classes = " ".join(dict.fromkeys(c for m in covering for c in m[2].split()))
    if any(m[2] == "hard" and m[0] == left for m in covering):
        classes += " hard-start"  # the label goes on the sentence's first piece only
    tips = [m[3]["data-tip"] for m in covering if "data-tip" in m[3]]
    tip = "\n—\n".join(dict.fromkeys(tips))
    return f'<mark tabindex="0" class="{_e(classes)}" data-tip="{_e(tip)}">{escaped}</mark>'


def _article_html(report: dict[str, Any]) -> str:
    text = report["article"]["text"]
    out = ["<p>"]
    for left, piece, covering in _segments(text, _annotations(report)):
        paragraphs = piece.split("\n\n")
        for i, part in enumerate(paragraphs):
            if i:
                out.append("</p>\n<p>")
            if part:
                out.append(_render_piece(left if i == 0 else -1, part.replace("\n", " "), covering))
    out.append("</p>")
    return "".join(out).replace("<p></p>", "")


def _legend(report: dict[str, Any]) -> str:
    counts = Counter(a["source_type"] for a in report["sourcing"]["attributions"])
    items = "".join(f'<li class="t-{kind}">{_e(label)} ({counts.get(kind, 0)})</li>'
                    for kind, label in TYPE_LABELS.items())
    return (f'<ul class="legend" aria-label="source types">{items}'
            f'<li class="claim">no attribution found '
            f'({len(report["sourcing"]["unattributed"])})</li>'
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
    """Each score as a bar, and under it the signals that moved it (inline SVG)."""
    scores = report["scores"]
    rows: list[tuple[str, float | None, str, bool]] = []
    for name in ("overall", "readability", "sourcing", "attribution"):
        rows.append((name.capitalize(), scores[name]["value"], scores[name]["reason"], True))
        for signal in scores[name]["signals"][:6]:
            rows.append((f"  {signal['name']}", signal["delta"], signal["detail"], False))
    height = 22 * len(rows) + 10
    parts = [f'<svg role="img" aria-label="scores and the signals behind them" '
             f'viewBox="0 0 640 {height}" width="640" height="{height}" '
             f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">']
    for i, (label, value, detail, main) in enumerate(rows):
        y = 8 + 22 * i
        short = label.strip() if len(label.strip()) <= 28 else label.strip()[:27] + "…"
        parts.append(f'<text x="{0 if main else 10}" y="{y + 12}" '
                     f'font-weight="{700 if main else 400}">{_e(short)}<title>{_e(label.strip())}: '
                     f"{_e(detail)}</title></text>")
        if value is None:
            parts.append(f'<text x="190" y="{y + 12}" fill="#5c5c5c">no verdict</text>')
            continue
        if main:
            width = max(0.0, min(100.0, value)) * 3
            parts.append(f'<rect x="190" y="{y}" width="{width:.1f}" height="14" fill="#1a5fb4">'
                         f"<title>{_e(detail)}</title></rect>")
            parts.append(f'<text x="{196 + width:.1f}" y="{y + 12}">{value:.1f}</text>')
        else:
            width = min(abs(value), 50) * 3
            x = 340 if value >= 0 else 340 - width
            colour = "#1e7b1e" if value >= 0 else "#a51d2d"
            parts.append(f'<rect x="{x:.1f}" y="{y + 2}" width="{width:.1f}" height="10" '
                         f'fill="{colour}"><title>{_e(detail)}</title></rect>')
            parts.append(f'<text x="{500}" y="{y + 12}">{value:+.1f}</text>')
    parts.append("</svg>")
    reasons = "".join(f"<li><strong>{name.capitalize()}</strong>: {_e(scores[name]['reason'])}</li>"
                      for name in ("overall", "readability", "sourcing", "attribution"))
    return "".join(parts) + f'<ul class="reasons">{reasons}</ul>'



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
    rows = "".join(
        f"<tr><td>{_e(f['line'] or '—')}</td><td>{_e(f['rule_id'])}</td>"
        f"<td>{_e(f['severity'])}</td><td>{_e(f['message'])}"
        f"{'<br><q>' + _e(f['excerpt']) + '</q>' if f['excerpt'] else ''}</td></tr>"
        for f in report["findings"])
    return ('<div class="wrap"><table><thead><tr><th scope="col">Line</th>'
            '<th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">Finding</th>'
            '</tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")


def render(report: dict[str, Any]) -> str:
    """The annotated page for one report."""
    title = report["article"]["title"] or report["input"]["source"]
    grade = report["scores"]["grade"] or "no grade"
    overall = report["scores"]["overall"]["value"]
    verdict = f"{overall:.1f}" if overall is not None else "no overall verdict"
    notes = "".join(f"<p class=note>{_e(w['message'])}</p>"
                    for w in report["readability"]["warnings"] + report["sourcing"]["warnings"])
    body = (
        f"<header><p class=meta>audit report · {_e(report['input']['source'])}</p>"
        f"<h1>{_e(title)}</h1><p><strong>Grade {_e(grade)}</strong> · overall {_e(verdict)}</p>"
        f"</header><main>"
        f'<section aria-labelledby="s-scores"><h2 id="s-scores">Scores</h2>'
        f'<div class="scores">{_score_chart(report)}</div>{notes}</section>'
        f'<section aria-labelledby="s-prov"><h2 id="s-prov">Provenance</h2>'
        f"{_provenance(report)}</section>"
        f'<section aria-labelledby="s-text"><h2 id="s-text">Article</h2>{_legend(report)}'
        "<p class=note>Focus or hover a highlight to see who is cited, the cue and "
        "the source type.</p>"
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
            f'width="320" height="130" xmlns="http://www.w3.org/2000/svg" font-size="9" '
            f'font-family="sans-serif">{"".join(bars)}</svg>')


def render_index(rows: list[dict[str, Any]]) -> str:
    """The batch index: one row per article (source, page, title, grade, scores)."""
    columns = ("Article", "Grade", "Overall", "Readability", "Sourcing", "Attribution")
    head = "".join(f'<th scope="col"><button type="button">{c}</button></th>' for c in columns)
    body = []
    for row in rows:
        cells = [f'<td data-v="{_e(row["title"] or row["source"])}"><a href="{_e(row["page"])}">'
                 f'{_e(row["title"] or row["source"])}</a>'
                 f'<br><span class=note>{_e(row["source"])}</span></td>',
                 f'<td data-v="{_e(row["grade"] or "")}">{_e(row["grade"] or "—")}</td>']
        for key in ("overall", "readability", "sourcing", "attribution"):
            value = row[key]
            cells.append(f'<td data-v="{"" if value is None else value}">'
                         f'{"—" if value is None else f"{value:.1f}"}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    overall = [r["overall"] for r in rows if r["overall"] is not None]
    content = (f"<header><h1>audit: {len(rows)} articles</h1></header><main>"
               f'<section aria-labelledby="s-h"><h2 id="s-h">Overall scores</h2>'
               f"{_histogram(overall)}</section>"
               f'<section aria-labelledby="s-t"><h2 id="s-t">Articles</h2>'
               f'<p class=note>Select a column heading to sort.</p>'
               f'<div class="wrap"><table><thead><tr>{head}</tr></thead>'
               f"<tbody>{''.join(body)}</tbody></table></div></section></main>")
    return _page("audit: batch index", content, SORT_SCRIPT)


def index_row(report: dict[str, Any], page: str) -> dict[str, Any]:
    scores = report["scores"]
    return {"source": report["input"]["source"], "title": report["article"]["title"],
            "page": page, "grade": scores["grade"],
            **{k: scores[k]["value"]
               for k in ("overall", "readability", "sourcing", "attribution")}}
