"""The batch's files (audit.batch.files): safe report names, reports written as the
standard library would, atomic writes that a failure or a killed run never leaves half done."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from audit import api, batch, schema
from audit.cli import cli
from conftest import SEEDS, articles


@pytest.mark.parametrize("name", ["../../etc/passwd", "/abs/path.txt", "a/../../b", "..", "",
                                  "con:*?<>|\x00.txt", "x" * 5000, "ünïcødé/名前.html"])
def test_safe_names_cannot_escape(tmp_path, name):
    taken = set()
    safe = batch.safe_name(name, taken)
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert len(safe) <= batch.MAX_NAME + 30
    assert (tmp_path / safe).resolve().parent == tmp_path.resolve()


def test_safe_names_are_unique_and_deterministic():
    taken = set()
    first = [batch.safe_name(n, taken) for n in ("a/x.txt", "a__x.txt", "a/x.txt", "summary")]
    assert len(set(first)) == 4
    again = set()
    assert [batch.safe_name(n, again)
            for n in ("a/x.txt", "a__x.txt", "a/x.txt", "summary")] == first


def test_reports_are_written_as_the_standard_library_would(tmp_path):
    """orjson writes the report files: the same text as json.dumps(indent=2), and the
    JSON Lines form parses back to the same report."""
    for path in SEEDS:
        report = api.audit_bytes(path.read_bytes(), source=str(path))
        assert batch.dumps(report) == json.dumps(report, ensure_ascii=False, indent=2) + "\n"
        assert json.loads(batch.dumps_line(report)) == report


def test_write_failure_is_an_input_failure(runner, tmp_path, monkeypatch):
    calls = []

    def failing(path, text):
        calls.append(path)
        if len(calls) == 1:
            raise PermissionError(13, "Permission denied")
        return original(path, text)

    original = batch.write_atomic
    monkeypatch.setattr(batch.job, "write_atomic", failing)  # where the job looks it up
    out = tmp_path / "out"
    result = runner.invoke(cli, ["check", str(SEEDS[0]), str(SEEDS[1]), "--out", str(out), "-j",
                                 "1", "-q"])
    assert result.exit_code == 3
    assert "cannot write" in result.stderr and "Permission denied" in result.stderr
    assert (out / f"{SEEDS[1].name}.json").exists()


def test_unwritable_output_directory_fails_each_input_and_goes_on(runner, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere; a read-only bind is not available here")
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    result = runner.invoke(cli, ["check", str(SEEDS[0]), str(SEEDS[1]), "--out", str(out)])
    assert result.exit_code in (2, 3)


def test_a_killed_batch_resumes_with_incremental(tmp_path):
    """SIGKILL in the middle of a run, then --incremental finishes it: every report whole,
    none duplicated, no temporary file left."""
    folder = articles(tmp_path, 60)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "audit", "check", str(folder), "--out", str(out), "-q",
               "-j", "2", "--incremental"]
    proc = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("a*.json"))) < 10:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    written = len(list(out.glob("a*.json")))
    assert 0 < written < 60, "the run was not killed in the middle"
    for path in out.glob("a*.json"):
        schema.validate(json.loads(path.read_text()))  # no half-written report
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    reports = sorted(p.name for p in out.iterdir())
    assert reports == sorted([f"a{i:03d}.txt.json" for i in range(60)] + ["summary.json"])
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"]["skipped"] >= written
    assert summary["counts"]["audited"] + summary["counts"]["skipped"] == 60

