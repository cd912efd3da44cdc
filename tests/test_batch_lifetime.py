"""The batch's processes and files over their lifetime: temporary files of live runs are
left alone and stale ones removed, workers end with the main process, SIGTERM and SIGHUP
stop a run like Ctrl-C, and an article that overruns its deadline is stopped."""

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from audit import api, batch, inputs, schema
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
    assert batch.files._alive(os.getpid())
    assert not batch.files._alive(_dead_pid())
    assert not batch.files._alive(0)
    assert not batch.files._alive(10 ** 30)


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


def _stuck_behind_a_decoy(job, name, settings):
    """Stuck in C code, with a decoy's pid in this worker's slot: the watchdog's kill then
    leaves the pool whole, as a pool whose reader is stuck on a half-sent result is."""
    if job.name.startswith("s"):
        decoy = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
        slots, at = batch.pool._SLOT
        slots[at] = decoy.pid
        _stuck_in_c()
    return batch.Result(job.source, name)


def test_a_pool_that_does_not_break_after_a_kill_is_abandoned(monkeypatch):
    monkeypatch.setattr(batch.pool, "STUCK", 1.0)
    monkeypatch.setattr(batch.pool, "abandoned", False)
    names = ["a0", "s0", "a1", "a2"]
    jobs_in = [inputs.Job(source=n, name=n, data=b"") for n in names]
    began = time.monotonic()
    results = list(batch.pool._run_parallel(((job, None) for job in jobs_in),
                                            batch.Settings(timeout=1.0), 1,
                                            work=_stuck_behind_a_decoy))
    took = time.monotonic() - began
    assert [(r.source, r.status) for r in results] == \
        [("a0", "ok"), ("s0", "failed"), ("a1", "ok"), ("a2", "ok")]
    assert results[1].error == "timed out after 1 s"
    assert batch.pool.abandoned
    assert took < 5.0, f"stopped after {took:.2f} s"


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
    results = list(batch.pool._run_parallel(((job, None) for job in jobs_in),
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
    results = list(batch.pool._run_parallel(((job, None) for job in jobs_in),
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


# ----------------------------------------------------------------------------- lifetime


def _start(tmp_path: Path, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "audit", "check", *args], cwd=tmp_path,
                            **kwargs)


def _wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the run did not get going"
        time.sleep(0.02)


# The main process of ``audit check``, with every article stuck for a minute in its worker
# (idle workers end anyway when the main process goes: their queue closes).
_STUCK_MAIN = """
import os, sys, time
from pathlib import Path
from audit import api
if sys.argv.pop(1) == "no-prctl":  # as where the kernel cannot watch the parent
    import ctypes
    def refuse(*args, **kwargs):
        raise OSError("no prctl here")
    ctypes.CDLL = refuse
def stuck(*args, **kwargs):
    Path(f"started.{os.getpid()}").touch()
    time.sleep(60)
api.audit_bytes = stuck
from audit.cli import main
main()
"""


@pytest.mark.parametrize("watch", ["prctl", "no-prctl"])
def test_workers_end_when_the_main_process_is_killed(tmp_path, watch):
    """`audit check in --jobs 2 --format jsonl | wc -l` must end when the main process is
    SIGKILLed: no worker may live on holding the pipe, even in the middle of an article."""
    folder = _articles(tmp_path, 4)
    proc = subprocess.Popen([sys.executable, "-c", _STUCK_MAIN, watch, "check", str(folder),
                             "--jobs", "2", "--format", "jsonl"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        _wait_for(lambda: len(list(tmp_path.glob("started.*"))) == 2)
        workers = [int(p.suffix[1:]) for p in tmp_path.glob("started.*")]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)
        reader = threading.Thread(target=proc.stdout.read, daemon=True)
        reader.start()
        reader.join(timeout=5)  # end of file: every holder of the pipe is gone
        assert not reader.is_alive(), "a worker outlived the main process"
        _wait_for(lambda: not any(batch.files._alive(pid) for pid in workers), 5)
    finally:
        proc.kill()
        for pid in workers:  # when the test failed: leave nothing running
            if batch.files._alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("signum,group,code,line", [
    (signal.SIGTERM, False, 143, "audit: interrupted by SIGTERM"),
    (signal.SIGTERM, True, 143, "audit: interrupted by SIGTERM"),  # to the workers too
    (signal.SIGHUP, False, 129, "audit: interrupted by SIGHUP"),
    (signal.SIGINT, True, 130, "audit: interrupted"),  # Ctrl-C: to the whole process group
])
def test_sigterm_and_sighup_stop_the_run_like_ctrl_c(tmp_path, signum, group, code, line):
    folder = _articles(tmp_path, 400)
    out, pages = tmp_path / "out", tmp_path / "pages"
    target = tmp_path / "all.jsonl"
    proc = _start(tmp_path, str(folder), "--jobs", "2", "--out", str(out), "--html-dir",
                  str(pages), "--jsonl", str(target), "-q",
                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    _wait_for(lambda: len(list(out.glob("a*.json"))) >= 5)
    if group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == code
    assert err.decode().strip() == line
    summary = json.loads((out / "summary.json").read_text())
    schema.validate(summary, "summary.schema.json")
    assert summary["interrupted"] is True
    reports = sorted(p.name for p in out.glob("a*.json"))
    assert 0 < len(reports) < 400, "the run was not stopped in the middle"
    listed = sorted(a["report"] for a in summary["articles"])
    assert set(listed) <= set(reports)  # what finished is kept (and listed when it came back)
    for name in reports:
        schema.validate(json.loads((out / name).read_text()))
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []
    assert [p.name for p in pages.iterdir() if p.name.endswith(".tmp")] == []
    assert (pages / "index.html").exists()
    assert not target.exists() and not list(tmp_path.glob(".all.jsonl.*.tmp"))


def test_a_run_that_finishes_says_nothing_of_interruption(runner, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["check", str(SEEDS[0]), "--out", str(out), "-q"])
    assert result.exit_code in (0, 1)
    assert "interrupted" not in json.loads((out / "summary.json").read_text())


# ----------------------------------------------------------------------------- the index


def test_an_incremental_run_indexes_every_article_up_to_date_ones_too(runner, tmp_path):
    folder = _articles(tmp_path, 3)
    out, pages = tmp_path / "out", tmp_path / "pages"
    args = ["check", str(folder), "--out", str(out), "--html-dir", str(pages), "-q"]
    assert runner.invoke(cli, args).exit_code in (0, 1)
    (pages / "a001.txt.html").unlink()  # a page lost since: written again from the report
    (folder / "a002.txt").write_text(f"Changed\n\n{BODY * 5}\n", encoding="utf-8")
    assert runner.invoke(cli, [*args, "--incremental"]).exit_code in (0, 1)
    assert json.loads((out / "summary.json").read_text())["counts"]["skipped"] == 2
    index = (pages / "index.html").read_text()
    for i in range(3):
        assert f'href="a{i:03d}.txt.html"' in index
    assert (pages / "a001.txt.html").is_file()


def test_an_input_named_index_does_not_overwrite_the_index(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("index", "INDEX", "other.txt"):
        (folder / name).write_text(f"Story {name}\n\n{BODY * 4}\n", encoding="utf-8")
    pages = tmp_path / "pages"
    result = runner.invoke(cli, ["check", str(folder), "--html-dir", str(pages), "-q"])
    assert result.exit_code in (0, 1), result.output
    index = (pages / "index.html").read_text()
    assert "<table" in index  # the batch index, not an article's page
    names = sorted(p.name for p in pages.iterdir())
    assert len(names) == 4  # three pages and the index
    assert names.count("index.html") == 1
    for name in names:
        if name != "index.html":
            assert f'href="{name}"' in index
    assert batch.safe_name("summary", set()) != "summary.json"


# ----------------------------------------------------------------------------- memory


def _quick(job, name, settings):
    return batch.Result(job.source, name)


@pytest.mark.parametrize("kind", ["records", "files"])
def test_the_input_in_flight_is_bounded(tmp_path, kind):
    """Whatever the batch holds, the main process has at most IN_FLIGHT_BYTES of input in
    flight (plus the chunk being cut and one per worker): records carry their data, and
    the reports of files come back to it."""
    record = 3 << 20
    blob = b"x" * record  # one object shared by every record: the test itself stays small
    sizes: dict[str, int] = {}
    pulled = [0]

    def items():
        for i in range(60):
            if kind == "records":
                job = inputs.Job(source=f"r{i}", name=f"r{i}", data=blob)
            else:
                path = tmp_path / f"f{i:02d}.txt"
                with open(path, "wb") as handle:
                    handle.truncate(record)  # sparse: no disk used
                job = inputs.Job(source=str(path), name=path.name, path=str(path))
            sizes[job.source] = record
            pulled[0] += record
            yield job, None

    jobs = 2
    bound = batch.IN_FLIGHT_BYTES + (jobs + 2) * (batch.CHUNK_BYTES + record)
    returned = peak = 0
    for result in batch.pool._run_parallel(items(), batch.Settings(), jobs, work=_quick):
        peak = max(peak, pulled[0] - returned)
        returned += sizes[result.source]
    assert returned == 60 * record
    assert batch.IN_FLIGHT_BYTES <= peak <= bound, (peak >> 20, bound >> 20)


def test_a_zombie_is_not_alive():
    """A child that has exited and is not reaped (as a killed run's workers stay where
    nothing reaps orphans) owns no live temporaries."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    _wait_for(lambda: open(f"/proc/{child.pid}/stat").read().rpartition(")")[2].split()[0]
              == "Z", 10)
    try:
        assert not batch.files._alive(child.pid)
    finally:
        child.wait()
