"""The ``copies`` of a report, for editors: aligned passages side by side.

One function per view (``text_lines`` for the terminal summary, ``html_section`` for the
annotated page); both read only the report's ``copies`` list.
"""

from __future__ import annotations

import html
import textwrap
from itertools import zip_longest
from typing import Any

from audit.decode import displayable

SHOWN = 3           # texts shown in the terminal, best first
PASSAGES = 2        # passages shown per text in the terminal


def _headline(item: dict[str, Any]) -> str:
    what = "copy of" if item["relation"] == "copy" else "likely rewritten from"
    where = "reference" if item["kind"] == "reference" else "in this batch"
    agency = f", {item['other_source']}" if item.get("other_source") else ""
    date = f", {item['other_date']}" if item.get("other_date") else ""
    return (f"{what} {item['other']} ({where}{agency}{date}): {item['share']:.0%} of this "
            f"text, {item['sentences']} sentences aligned")


def _credit(item: dict[str, Any]) -> str:
    return ("credited: " if item["credited"] else "not credited: ") + "the article " + item[
        "credit"]


def text_lines(report: dict[str, Any], width: int = 100) -> list[str]:
    """The terminal summary's lines about shared text (none when nothing was found)."""
    copies = report.get("copies") or []
    if not copies:
        return []
    lines = [f"  Shares text with ({len(copies)}):"]
    column = max(20, (width - 9) // 2)
    for item in copies[:SHOWN]:
        lines.append(displayable("    " + _headline(item)))
        lines.append(displayable("      " + _credit(item)))
        lines.append(f"      {'this article':<{column}} | {'there'}")
        for passage in item["passages"][:PASSAGES]:
            left = textwrap.wrap(displayable(passage["span"]["text"]), column)[:4]
            right = textwrap.wrap(displayable(passage["other_span"]["text"]), column)[:4]
            for a, b in zip_longest(left, right, fillvalue=""):
                lines.append(f"      {a:<{column}} | {b}")
    return lines


def html_section(report: dict[str, Any]) -> str:
    """The annotated page's section about shared text ("" when nothing was found)."""
    copies = report.get("copies") or []
    if not copies:
        return ""
    e = html.escape
    parts = []
    for item in copies:
        rows = "".join(
            f"<tr><td>{e(p['span']['text'])}</td><td>{e(p['other_span']['text'])}</td>"
            f"<td>{p['similarity']:.2f}</td></tr>" for p in item["passages"])
        parts.append(
            f"<h3>{e(_headline(item))}</h3><p>{e(_credit(item))}</p>"
            '<div class="wrap"><table><thead><tr>'
            '<th scope="col">This article</th><th scope="col">'
            f"{e(item['other'])}</th><th scope=\"col\">Similarity</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></div>")
    return ('<section aria-labelledby="s-copies"><h2 id="s-copies">Shared text</h2>'
            + "".join(parts) + "</section>")
