"""Copies at the JSON edge: a report's ``copies`` list, the summary's ``groups``.

``doc_of`` reads what copy detection needs from a report (its text, date and the
agencies it credits for its text); ``entry`` turns a match into a ``copies`` item;
``Grouper`` collects a batch's articles as their results come and, once the batch is
done, adds ``copies`` to the reports that share text and lists the groups.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from audit.batch.files import read_report
from audit.config import Config, default_config
from audit.copies.align import Match
from audit.copies.index import Batch
from audit.copies.rules import Copied, CopyItem, by_date
from audit.copies.text import Doc, excerpt, prepare
from audit.model import TEXT_CREDITS, CreditKind


def copy_input(report: dict[str, Any]) -> tuple[str, str | None, tuple[str, ...],
                                                 tuple[str, ...]]:
    """(text, date, agencies credited for the text, agencies credited for a photo)."""
    prov = report["provenance"]
    published = prov.get("published") or {}
    credits = prov.get("credits") or []
    text_credits = tuple(c["name"] for c in credits if c["kind"] in TEXT_CREDITS)
    photo = tuple(c["name"] for c in credits if c["kind"] == CreditKind.PHOTO)
    return report["article"]["text"], published.get("iso"), text_credits, photo


def _credited(credits: tuple[str, ...], photo: tuple[str, ...], other: Doc) -> tuple[bool, str]:
    agency = (other.source or "").lower()
    if agency and any(agency in c.lower() for c in credits):
        return True, f"credits {other.source}"
    if not agency and credits:
        return True, "credits " + ", ".join(credits)
    if agency and any(agency in c.lower() for c in photo):
        return False, f"credits {other.source} only for a photo"
    return False, "credits no one for the text"


def entry(match: Match, kind: str, credits: tuple[str, ...] = (),
          photo: tuple[str, ...] = ()) -> dict[str, Any]:
    """One item of a report's ``copies``: what ``match.a`` (this article) shares with
    ``match.b`` (another article of the batch, or a reference text)."""
    credited, credit = _credited(credits, photo, match.b)
    return {
        "kind": kind,
        "other": match.b.key,
        "other_date": match.b.date,
        "other_source": match.b.source,
        "relation": match.kind,
        "share": match.share,
        "other_share": match.other_share,
        "similarity": match.similarity,
        "sentences": match.sentences,
        "credited": credited,
        "credit": credit,
        "passages": [
            {"span": {"start": p.a[0], "end": p.a[1],
                      "text": excerpt(match.a.text, *p.a)},
             "other_span": {"start": p.b[0], "end": p.b[1],
                            "text": excerpt(match.b.text, *p.b)},
             "similarity": p.similarity}
            for p in match.passages
        ],
    }


class Grouper:
    """The articles of one batch, grouped by the text they share."""

    def __init__(self) -> None:
        self._batch = Batch()
        self._names: dict[str, str | None] = {}
        self._credits: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._dates: dict[str, str | None] = {}
        self.copies: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._parent: dict[str, str] = {}
        self._kept: set[str] = set()

    def add(self, source: str, report_name: str | None,
            data: tuple[str, str | None, tuple[str, ...], tuple[str, ...]], *,
            keep: bool = False) -> None:
        """Add one article; ``keep``: its report is up to date (--incremental) and is not
        written again, so its ``copies`` stay as the run that wrote it found them."""
        text, date, credits, photo = data
        if source in self._names:
            return
        if keep:
            self._kept.add(source)
        self._names[source] = report_name
        self._credits[source] = (credits, photo)
        self._dates[source] = date
        for match in self._batch.add(prepare(source, text, date=date, credits=credits)):
            other = match.b.key
            self.copies[source].append(entry(match, "article", credits, photo))
            self.copies[other].append(entry(match.reverse(), "article", *self._credits[other]))
            self._union(source, other)

    def _find(self, key: str) -> str:
        while self._parent.get(key, key) != key:
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        self._parent.setdefault(a, a)
        self._parent.setdefault(b, b)
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[dict[str, Any]]:
        """Each group of articles that share text, its earliest dated member first (dated as
        the copies rule reads dates: ``audit.copies.rules.dated_before``)."""
        members: dict[str, list[str]] = defaultdict(list)
        for key in self._parent:
            members[self._find(key)].append(key)
        order = {key: i for i, key in enumerate(self._names)}  # input order, looked up
        out = []
        for keys in members.values():
            keys.sort(key=lambda k: order[k])  # input order among equal dates, undated last
            keys.sort(key=lambda k: (self._dates[k] is None, by_date(self._dates[k])))
            out.append({"members": [{"source": k, "report": self._names[k],
                                     "date": self._dates[k]} for k in keys]})
        out.sort(key=lambda g: order[g["members"][0]["source"]])
        return out

    def rewrite_reports(self, out_dir: Path, write, config: Config | None = None) -> None:
        """Add ``copies`` to the written reports of the articles that share text; ``write``
        writes a report back (atomically); ``config`` is the batch's (its rule switches)."""
        for source, items in self.copies.items():
            name = self._names.get(source)
            if not name or source in self._kept:
                continue
            path = Path(out_dir, name)
            report = json.loads(read_report(path))  # inflated when --gzip wrote it
            before = report.get("copies")
            add_copies(report, items, config)
            if report["copies"] != before:  # an up-to-date report (--incremental) stays
                write(path, report)


def add_copies(report: dict[str, Any], items: list[dict[str, Any]],
               config: Config | None = None) -> None:
    """Merge ``items`` into the report's ``copies`` (one per other text, best first), and
    say which uncredited source the text was likely rewritten from, when ``config`` (the
    run's configuration, which made the report: default when None) lets that rule report.
    Read from the run, not from the report: a lean report does not carry its settings."""
    merged = {(c["kind"], c["other"]): c for c in report.get("copies", [])}
    for item in items:
        merged[(item["kind"], item["other"])] = item
    report["copies"] = sorted(merged.values(), key=lambda c: (-c["share"], c["kind"],
                                                              c["other"]))
    _detect(report, config or default_config())


def _detect(report: dict[str, Any], config: Config) -> None:
    """Run the copies rules' detectors (audit.copies.rules) on the report's ``copies``
    and put their findings, those the run lets report, in place of the earlier ones."""
    from audit.report import finding_dict
    from audit.rules import all_rules

    mine = [r for r in all_rules().values() if r.reads == "copies"]
    ids = {r.id for r in mine}
    report["findings"] = [f for f in report["findings"] if f["rule_id"] not in ids]
    copied = Copied((report["provenance"].get("published") or {}).get("iso"),
                    tuple(map(CopyItem.from_json, report["copies"])))
    for rule in mine:
        if config.rule_enabled(rule.id):
            report["findings"].extend(
                finding_dict(f, report["article"]["text"], lambda pos: (_line(report, pos), None))
                for f in rule.detect(copied))


def _line(report: dict[str, Any], pos: int) -> int | None:
    """The input line of a block holding ``pos`` (article text offsets), if known."""
    for block in report["article"].get("blocks") or []:
        span, lines = block.get("span"), block.get("lines")
        if span and lines and span["start"] <= pos < span["end"]:
            return lines["start"]
    return None
