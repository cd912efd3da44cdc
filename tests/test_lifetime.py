"""The batch's processes and files over their lifetime: temporary files of live runs are
left alone and stale ones removed, workers end with the main process, SIGTERM and SIGHUP
stop a run like Ctrl-C, and an article that overruns its deadline is stopped."""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from audit import api, batch, inputs
from audit.cli import cli
from conftest import SEEDS

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


# ----------------------------------------------------------------------------- deadlines


def _stuck_in_c():
    """C code that never lets the interpreter run a signal handler: the alarm cannot
    land in it (as in a libxml2 parse); tens of seconds of key stretching."""
    hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 50_000_000)


def _stuck_on_s(job, name, settings):
    """A stand-in for ``batch.process`` stuck in C code on any job named s..."""
    if job.name.startswith("s"):
        _stuck_in_c()
    return batch.Result(job.source, name)


def _swallowing_stage(job, name, settings):
    """The real ``batch.process``, with the analysis catching every Exception (as
    trafilatura does) while it sleeps."""
    def stage(*args, **kwargs):
        try:
            time.sleep(30)
        except Exception:
            pass
        raise AssertionError("the analysis ran on past its deadline")

    api.audit_bytes = stage  # in this worker process only
    return batch.process(job, name, settings)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_stuck_in_c_code_is_stopped_within_a_second_of_its_deadline(jobs):
    names = ["a0", "s0", "a1", "a2", "a3", "a4"]
    jobs_in = [inputs.Job(source=n, name=n, data=b"") for n in names]
    began = time.monotonic()
    results = list(batch._run_parallel(((job, None) for job in jobs_in),
                                       batch.Settings(timeout=1.0), jobs, work=_stuck_on_s))
    took = time.monotonic() - began
    assert [r.source for r in results] == names
    assert [(r.status, r.error) for r in results if r.source == "s0"] == \
        [("failed", "timed out after 1 s")]
    assert all(r.status == "ok" for r in results if r.source != "s0")
    assert took < 2.0, f"stopped after {took:.2f} s"


def test_the_analysis_cannot_swallow_the_deadline():
    jobs_in = [inputs.Job(source=n, name=n, data=b"text") for n in ("x0", "x1")]
    began = time.monotonic()
    results = list(batch._run_parallel(((job, None) for job in jobs_in),
                                       batch.Settings(timeout=1.0), 2, work=_swallowing_stage))
    took = time.monotonic() - began
    assert [(r.status, r.error) for r in results] == [("failed", "timed out after 1 s")] * 2
    assert took < 2.0, f"stopped after {took:.2f} s"


def test_a_single_article_run_is_stopped_in_c_code_too(runner, monkeypatch):
    monkeypatch.setattr(api, "audit_bytes", lambda *a, **k: _stuck_in_c())
    began = time.monotonic()
    result = runner.invoke(cli, ["check", str(SEEDS[0]), "--timeout", "1"])
    took = time.monotonic() - began
    assert result.exit_code == 3
    assert result.stderr.strip() == f"audit: {SEEDS[0]}: timed out after 1 s"
    assert took < 2.0, f"stopped after {took:.2f} s"
