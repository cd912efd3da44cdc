"""Copy and rewrite detection (audit.copies) on texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.copies import Batch, Reference, compare, prepare

WIRE = (
    "Japan and the United States agreed on Tuesday to expand joint production of missiles, "
    "the defense ministry in Tokyo said in a statement.\n\n"
    "The agreement covers 1,200 interceptors to be built by defense contractors in both "
    "countries over the next five years, officials said.\n\n"
    "Defense Minister Minoru Kihara met Secretary Lloyd Austin at the Pentagon, where the two "
    "discussed the growing threat from North Korea and China.\n\n"
    "The deal follows months of talks and is expected to cost about $4 billion, according "
    "to people familiar with the negotiations.\n\n"
    "Critics in Japan warned that the plan could draw the country into regional conflicts."
)
SPUN = (
    "Japan and the United States agreed on Tuesday to broaden joint manufacturing of missiles, "
    "the military ministry in Tokyo stated in a declaration.\n\n"
    "Minister Minoru Kihara met Minister Lloyd Austin at the Pentagon, where the two "
    "discussed the rising menace from North Korea and China.\n\n"
    "The agreement covers 1,200 interceptors to be built by illustrious military companies in "
    "both nations over the next five years, authorities stated.\n\n"
    "The deal follows months of discussions and is expected to cost about $4 billion, "
    "according to individuals familiar with the negotiations."
)
OWN_WORDS = (
    "Tokyo and Washington will build more missiles together, Japan's defense ministry "
    "announced on Tuesday after a meeting at the Pentagon.\n\n"
    "Minoru Kihara and Lloyd Austin signed off on 1,200 interceptors, a figure that surprised "
    "analysts who had expected a smaller order.\n\n"
    "North Korea's recent launches weighed on the talks, a Japanese diplomat said.\n\n"
    "Opposition lawmakers in Tokyo asked how the $4 billion bill would be paid."
)


def test_a_spun_rewrite_is_found_with_its_passages():
    match = compare(prepare("spun", SPUN), prepare("wire", WIRE))
    assert match is not None and match.kind == "rewrite"
    assert match.share > 0.9 and match.sentences >= 4
    for passage in match.passages:
        assert 0 <= passage.a[0] < passage.a[1] <= len(SPUN)
        assert 0 <= passage.b[0] < passage.b[1] <= len(WIRE)


def test_an_exact_copy_is_a_copy():
    match = compare(prepare("copy", "Menu | Home\n\n" + WIRE), prepare("wire", WIRE))
    assert match is not None and match.kind == "copy" and match.share == 1.0


def test_the_same_event_in_own_words_is_not_a_copy():
    assert compare(prepare("own", OWN_WORDS), prepare("wire", WIRE)) is None
    assert compare(prepare("wire", WIRE), prepare("own", OWN_WORDS)) is None


def test_batch_groups_as_it_goes():
    batch = Batch()
    assert batch.add(prepare("wire", WIRE)) == []
    assert batch.add(prepare("own", OWN_WORDS)) == []
    assert [m.b.key for m in batch.add(prepare("spun", SPUN))] == ["wire"]


def test_reference_index_on_disk(tmp_path: Path):
    path = tmp_path / "ref.sqlite"
    assert Reference.build(path, [("ap-1", WIRE, "2024-07-28", "AP"),
                                  ("ap-2", OWN_WORDS, None, "AP")]) == 2
    ref = Reference(path)
    assert len(ref) == 2
    matches = ref.query(prepare("spun", SPUN))
    assert [(m.b.key, m.b.source, m.b.date) for m in matches] == [("ap-1", "AP", "2024-07-28")]
    ref.close()


def test_batch_reports_and_summary_name_the_copies(tmp_path: Path):
    import json

    from click.testing import CliRunner

    from audit import schema
    from audit.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_wire.txt").write_text("July 28, 2024\n\n" + WIRE, encoding="utf-8")
    (folder / "b_spun.txt").write_text("Photo Credit: AP Photo/John Smith\n\n" + SPUN,
                                       encoding="utf-8")
    (folder / "c_own.txt").write_text(OWN_WORDS, encoding="utf-8")
    ref = tmp_path / "wire.jsonl"
    ref.write_text(json.dumps({"id": "ap-1", "text": "TOKYO (AP) — " + WIRE}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["check", str(folder), "--out", str(out), "-q", "-j", "1",
                                      "--reference", str(ref)])
    assert result.exit_code in (0, 1), result.output
    assert (tmp_path / "wire.jsonl.audit-index").is_file()
    summary = json.loads((out / "summary.json").read_text())
    schema.validate(summary, "summary.schema.json")
    [group] = summary["groups"]
    assert [m["report"] for m in group["members"]] == ["a_wire.txt.json", "b_spun.txt.json"]
    spun = json.loads((out / "b_spun.txt.json").read_text())
    schema.validate(spun)
    kinds = {(c["kind"], c["relation"], c["credited"], c["credit"]) for c in spun["copies"]}
    assert ("reference", "rewrite", False, "credits AP only for a photo") in kinds
    assert any(c["kind"] == "article" and c["other"].endswith("a_wire.txt")
               for c in spun["copies"])
    [finding] = [f for f in spun["findings"] if f["rule_id"] == "ATT-LIKELY-REWRITTEN"]
    assert "likely rewritten from" in finding["message"]
    assert "credits AP only for a photo" in finding["message"]
    assert finding["span"]["start"] < finding["span"]["end"] and finding["line"] >= 3
    own = json.loads((out / "c_own.txt.json").read_text())
    assert "copies" not in own


def test_a_missing_reference_is_a_usage_error(tmp_path: Path):
    from click.testing import CliRunner

    from audit.cli import cli

    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "a.txt"), "--reference",
                                      str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere: no such file or directory" in result.output


def test_views_show_passages_side_by_side():
    from audit.copies.report import add_copies, entry
    from audit.render import copies as view

    match = compare(prepare("spun", SPUN), prepare("wire", WIRE))
    report = {"copies": [], "findings": [], "provenance": {"published": None},
              "article": {"blocks": []}}
    add_copies(report, [entry(match, "article")])
    lines = view.text_lines(report, width=100)
    assert lines[0] == "  Shares text with (1):"
    assert "likely rewritten from wire" in lines[1]
    assert "not credited" in lines[2]
    assert any(" | " in line and "broaden" in line and "expand" in line for line in lines)
    page = view.html_section(report)
    assert "Shared text" in page and "broaden joint manufacturing" in page
    assert "expand joint production" in page
    assert view.text_lines({"findings": []}) == [] and view.html_section({}) == ""


@pytest.mark.parametrize("switch,reported", [((), True),
                                             (("--disable", "ATT-LIKELY-REWRITTEN"), False)])
def test_lean_reports_get_the_rewrite_finding_by_the_runs_switches(tmp_path, switch, reported):
    """A lean report carries no settings: grouping asks the run's configuration whether
    ATT-LIKELY-REWRITTEN may report, not the report's (missing) switches."""
    from audit.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_wire.txt").write_text("July 28, 2024\n\n" + WIRE, encoding="utf-8")
    (folder / "b_spun.txt").write_text("July 30, 2024\n\nPhoto Credit: AP Photo/John Smith"
                                       "\n\n" + SPUN, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["check", str(folder), "--out", str(out), "-q", "-j", "1",
                                      "--report-level", "lean", *switch])
    assert result.exit_code in (0, 1), result.output
    spun = json.loads((out / "b_spun.txt.json").read_text())
    assert spun["report_level"] == "lean" and spun["copies"]
    found = {f["rule_id"] for f in spun["findings"]}
    assert ("ATT-LIKELY-REWRITTEN" in found) is reported


def test_no_copies_leaves_grouping_out(tmp_path):
    from audit.cli import cli

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(WIRE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["check", str(folder), "--out", str(out), "-q", "-j", "1",
                                      "--no-copies"])
    assert result.exit_code in (0, 1), result.output
    assert "copies" not in json.loads((out / "a.txt.json").read_text())
    assert not json.loads((out / "summary.json").read_text()).get("groups")


def test_a_chance_candidate_without_shared_names_is_not_aligned(monkeypatch):
    """One 4-gram in common and none of the names: not aligned (NAMES_SHARE); the same
    phrase among the story's names is."""
    import audit.copies.index as index

    aligned = []
    real = index.compare
    monkeypatch.setattr(index, "compare", lambda a, b: aligned.append(a.key) or real(a, b))
    batch = Batch()
    batch.add(prepare("wire", WIRE))
    phrase = "interceptors to be built by defense contractors"
    stranger = (f"Brazilian officials in Brasilia said on Friday that {phrase} Embraer and "
                "Avibras would cost 3 billion reais. President Luiz Lula met Governor "
                "Tarcisio Freitas in Sao Paulo.")
    assert batch.find(prepare("stranger", stranger)) == [] and aligned == []
    related = (f"Japan said on Tuesday that {phrase} in the United States would arrive. "
               "Minoru Kihara met Lloyd Austin at the Pentagon about North Korea and China.")
    batch.find(prepare("related", related))
    assert aligned == ["related"]
