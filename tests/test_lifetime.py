"""The batch's processes and files over their lifetime: temporary files of live runs are
left alone and stale ones removed, workers end with the main process, SIGTERM and SIGHUP
stop a run like Ctrl-C, and an article that overruns its deadline is stopped."""

import os
import subprocess
import sys
from pathlib import Path

from audit import batch
from audit.cli import cli

BODY = ("The council approved the budget on Tuesday after a long debate, the mayor said. "
        "Officials said the plan would cost $4.7 billion over five years. ")


def _articles(tmp_path: Path, n: int, name: str = "in") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}\n\n{BODY * 4}\n", encoding="utf-8")
    return folder


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# ----------------------------------------------------------------------------- temporaries


def test_temporaries_of_live_runs_are_kept_and_stale_ones_removed(runner, tmp_path):
    """Two runs on one --out must not delete each other's temporary files."""
    folder = _articles(tmp_path, 1)
    out = tmp_path / "out"
    out.mkdir()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        dead = _dead_pid()
        kept = out / f".a000.txt.json.{live.pid}.tmp"
        stale = out / f".a001.txt.json.{dead}.tmp"
        kept.write_text("{")
        stale.write_text("{")
        result = runner.invoke(cli, ["check", str(folder), "--out", str(out), "-q"])
        assert result.exit_code in (0, 1), result.output
        assert kept.exists()
        assert not stale.exists()
    finally:
        live.kill()
        live.wait()


def test_a_killed_runs_jsonl_temporary_is_removed_by_the_next_run(runner, tmp_path):
    folder = _articles(tmp_path, 1)
    target = tmp_path / "out.jsonl"
    stale = tmp_path / f".out.jsonl.{_dead_pid()}.tmp"
    other = tmp_path / f".notes.txt.{_dead_pid()}.tmp"  # not this file's: not touched
    for path in (stale, other):
        path.write_text("x")
    result = runner.invoke(cli, ["check", str(folder), "--jsonl", str(target), "-q"])
    assert result.exit_code in (0, 1), result.output
    assert len(target.read_text().splitlines()) == 1
    assert not stale.exists()
    assert other.exists()


def test_liveness_of_odd_process_ids():
    assert batch._alive(os.getpid())
    assert not batch._alive(_dead_pid())
    assert not batch._alive(0)
    assert not batch._alive(10 ** 30)
