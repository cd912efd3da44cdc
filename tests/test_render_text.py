"""The editors' terminal summary: snapshots of every seed, and the rules it keeps.

The snapshots are in tests/snapshots/; after a deliberate change to the summary (or to what
it shows), regenerate them with ``AUDIT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest
tests/test_render_text.py`` and read the diff before committing it.
"""

import copy
import os
import re

import click
import pytest

import audit
from audit.cli import cli
from audit.lang import en
from audit.render import text as summary
from conftest import ROOT, SEEDS

SNAPSHOTS = ROOT / "tests" / "snapshots"
UPDATE = os.environ.get("AUDIT_UPDATE_SNAPSHOTS") == "1"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_summary_snapshot(seed, runner, monkeypatch, in_root):
    monkeypatch.setenv("COLUMNS", "100")
    result = runner.invoke(cli, ["check", str(seed.relative_to(ROOT))])
    assert result.exit_code in (0, 1), result.output
    snapshot = SNAPSHOTS / f"summary-{seed.stem}.txt"
    if UPDATE:
        snapshot.write_text(result.output, encoding="utf-8")
    assert snapshot.exists(), "no snapshot: run with AUDIT_UPDATE_SNAPSHOTS=1 to write it"
    assert result.output == snapshot.read_text(encoding="utf-8"), (
        f"the summary of {seed.name} changed: if that is meant, regenerate with "
        "AUDIT_UPDATE_SNAPSHOTS=1 and review the diff")


@pytest.fixture(scope="module")
def reports():
    return [audit.audit_path(seed) for seed in SEEDS]


def _lines(report, **options):
    return click.unstyle(summary.render(report, **options)).splitlines()


def test_findings_are_ranked_by_severity_then_confidence(reports):
    severity = {"high": 0, "medium": 1, "low": 2, "info": 3}
    confidence = {"high": 0, "medium": 1, "low": 2}
    for report in reports:
        keys = [(severity[f["severity"]], confidence[f["confidence"]])
                for f in summary.ranked(report["findings"])]
        assert keys == sorted(keys)


def test_all_lists_every_finding_and_limit_n_rules(reports):
    """The summary lists the most severe rules once each, with how often they fired; --all
    lists every finding."""
    report = max(reports, key=lambda r: len(r["findings"]))
    rules = {f["rule_id"] for f in report["findings"]}
    assert len(report["findings"]) > len(rules) > 3

    def shown(lines):
        return [line for line in lines if re.match(r"    (high|medium|low|info) ", line)]

    assert len(shown(_lines(report))) == min(summary.TOP_FINDINGS, len(rules))
    assert len(shown(_lines(report, limit=None))) == len(report["findings"])
    assert len(shown(_lines(report, limit=3))) == 3
    counted = sum(int(m[1]) if m else 1 for m in (re.search(r" ×(\d+):", line)
                                                  for line in shown(_lines(report))))
    assert counted == len(report["findings"]) or len(rules) > summary.TOP_FINDINGS


def test_cli_all_option(runner):
    seed = str(SEEDS[2])
    every = runner.invoke(cli, ["check", seed, "--all"]).output
    few = runner.invoke(cli, ["check", seed, "--limit", "2"]).output
    assert "Findings (22, most severe first)" in every
    assert "Findings (22, by rule: 2 of 8 rules" in few and "--all" in few


def test_cited_block_names_sources_and_agrees_with_the_score(reports):
    for report in reports:
        if report["scores"]["sourcing"]["value"] is None:
            continue
        rows = summary.cited(report["sourcing"], en)
        named = sum(1 for _, kind, _ in rows if kind in summary.NAMED_TYPES)
        said = re.search(r"(\d+) (?:distinct )?named sources", " ".join(
            [report["scores"]["sourcing"]["reason"]]
            + [s["detail"] for s in report["scores"]["sourcing"]["signals"]]))
        if said:
            assert named == int(said[1])
        outer = [a for a in report["sourcing"]["attributions"] if a.get("nested_in") is None]
        assert sum(n for _, _, n in rows) == len(outer)
        assert f"{summary.plural(named, 'named source')}," in "\n".join(_lines(report))
        text = "\n".join(_lines(report))
        for name, kind, _ in rows:
            if kind in summary.NAMED_TYPES:
                assert name in text


def test_plurals_are_words_and_quotes_are_not_doubled(reports):
    for report in reports:
        for width in (60, 100):
            text = "\n".join(_lines(report, width=width, limit=None))
            assert "(s)" not in text
            assert not re.search(r"\b1 [a-z-]+s\b(?! most)", text.replace("1×", "")), text
            assert "““" not in text and "“\"" not in text


def test_lines_wrap_rather_than_cut(reports):
    for report in reports:
        for width in (50, 80, 100):
            lines = _lines(report, width=width, limit=None)
            assert all(len(line) <= width for line in lines[1:])
        words = " ".join(_lines(report, width=50, limit=None)).split()
        for f in report["findings"]:
            assert " ".join(f["message"].split())[:40] in " ".join(words)


def test_smog_note_only_at_the_details_level(reports):
    report = next(r for r in reports
                  if any(w["code"].startswith("smog") for w in r["readability"]["warnings"]))
    assert "SMOG" not in "\n".join(_lines(report))
    assert "SMOG" in "\n".join(_lines(report, limit=None))


def test_skipped_analyses_said_once_and_no_finding_from_them():
    text = ("O governo anunciou nesta terça-feira que vai investir mais em educação, segundo o "
            "ministro. A medida foi bem recebida por professores e pais, que esperavam uma "
            "resposta há muito tempo. Para os sindicatos, no entanto, o valor ainda não é "
            "suficiente para cobrir as perdas dos últimos anos.")
    report = audit.audit_text(text)
    assert report["article"]["language"] == "pt"
    assert report["findings"] == []
    out = "\n".join(_lines(report))
    assert "Readability, sourcing and attribution not analysed: the article is in Portuguese" \
        in out
    assert out.count("Portuguese") == 1 and "'pt'" not in out


def test_control_characters_from_the_page_never_reach_the_terminal(reports):
    report = copy.deepcopy(reports[2])
    first = report["sourcing"]["attributions"][1]
    first["source"]["text"] = "Kurt \x1b[2JCampbell"
    out = summary.render(report, limit=None)
    assert "\x1b[2J" not in out and "Kurt \\x1b[2JCampbell" in out
