"""The batch's worker pool (audit.batch.pool): input order whatever the workers, chunks
that grow and carry a bounded amount of data, a dying worker that loses only its own job,
and a stopped batch that leaves queued work undone."""

import os
import time
from pathlib import Path

import pytest

from audit import batch, inputs
from audit.cli import cli
from conftest import articles, stdout_jsonl


def test_parallel_output_is_in_input_order_and_equal_to_serial(runner, tmp_path):
    folder = articles(tmp_path, 12)
    serial = runner.invoke(cli, ["check", str(folder), "--format", "jsonl", "-j", "1"])
    parallel = runner.invoke(cli, ["check", str(folder), "--format", "jsonl", "-j", "2"])
    assert stdout_jsonl(serial) == stdout_jsonl(parallel)
    assert [r["input"]["source"] for r in stdout_jsonl(parallel)] == \
        [str(folder / f"a{i:03d}.txt") for i in range(12)]


def _dies_on_x(job, name, settings):
    """A stand-in for ``batch.process`` whose worker dies on any job named x..."""
    if job.name.startswith("x"):
        os._exit(9)
    return batch.Result(job.source, name)


def _stream(names):
    for name in names:
        if name.startswith("!"):
            yield inputs.Failure(name, "cannot list it")
        else:
            yield inputs.Job(source=name, name=name, data=b"")


@pytest.mark.parametrize("names", [
    [f"a{i}" for i in range(3)] + ["x0"] + [f"a{i}" for i in range(3, 30)],
    ["x0", "a1", "a2"],  # the very first job, alone in the first chunk
    [f"a{i}" for i in range(20)] + ["x1", "!bad"] + [f"a{i}" for i in range(20, 25)] + ["x2"],
    ["x0", "x1", "x2", "x3"],  # every worker dies
])
def test_a_dying_worker_loses_only_its_own_job(names):
    """Jobs go to workers in chunks, so a dead worker takes a whole chunk with it, and
    others in flight; the jobs are run again alone and only the one that kills its
    worker again is failed. Everything comes back once, in input order."""
    results = list(batch.pool._run_parallel(
        ((item, None) for item in _stream(names)), batch.Settings(), 2, work=_dies_on_x))
    assert [r.source for r in results] == names
    for name, result in zip(names, results):
        if name.startswith("x"):
            assert (result.status, result.error) == ("failed", "the worker process died")
        elif name.startswith("!"):
            assert (result.status, result.error) == ("failed", "cannot list it")
        else:
            assert result.status == "ok", result


def _raises_on_y(job, name, settings):
    """A stand-in for ``batch.process`` with a bug that escapes it on any job named y..."""
    if job.name.startswith("y"):
        raise RuntimeError("a bug")
    return batch.Result(job.source, name)


def test_a_chunk_that_raises_names_the_job_and_loses_no_other():
    names = [f"a{i}" for i in range(10)] + ["y0"] + [f"a{i}" for i in range(10, 20)]
    results = list(batch.pool._run_parallel(
        ((item, None) for item in _stream(names)), batch.Settings(), 2, work=_raises_on_y))
    assert [r.source for r in results] == names
    failed = [(r.source, r.internal, r.error) for r in results if r.status != "ok"]
    assert failed == [("y0", True, "internal error: RuntimeError: a bug")]


def test_a_death_noticed_between_results_does_not_stop_the_batch():
    """The pool can break while the main process is busy elsewhere; the next submit then
    raises BrokenProcessPool. The task must fail with the pool, not the whole batch."""
    from concurrent.futures.process import BrokenProcessPool

    pool = batch.pool._Pool(1, batch.Settings(), _dies_on_x)
    try:
        first = batch.pool._Task(list((job, None) for job in _stream(["x0"])))
        pool.submit(first)
        with pytest.raises(BrokenProcessPool):
            first.future.result(timeout=60)
        second = batch.pool._Task(list((job, None) for job in _stream(["a0"])))
        pool.submit(second)  # must not raise
        with pytest.raises(BrokenProcessPool):
            second.future.result(timeout=60)
    finally:
        pool.close(early=False)


def _slow(job, name, settings):
    Path(job.source).write_text("done")
    time.sleep(0.05)
    return batch.Result(job.source, name)


def test_a_batch_stopped_early_leaves_queued_work_undone(tmp_path):
    """Ctrl-C or a closed pipe: the workers finish the job in hand and skip the rest of
    the chunks already queued to them."""
    jobs = [inputs.Job(source=str(tmp_path / f"{i:03d}"), name=f"{i:03d}", data=b"")
            for i in range(200)]
    results = batch.pool._run_parallel(((job, None) for job in jobs), batch.Settings(), 2,
                                       work=_slow)
    assert [next(results).source for _ in range(3)] == [job.source for job in jobs[:3]]
    results.close()
    done = len(list(tmp_path.iterdir()))
    assert done < 20, f"{done} jobs ran after the batch stopped"


def test_chunks_carry_a_bounded_amount_of_data():
    blob = b"x" * (3 * batch.CHUNK_BYTES // 8)  # 1.5 MiB; the same object in every job
    jobs = [inputs.Job(source=f"r{i}", name=f"r{i}", data=blob) for i in range(30)]
    tasks = list(batch.pool._tasks((job, None) for job in jobs))
    assert [len(t.pairs) for t in tasks[:3]] == [1, 2, 3]
    assert max(t.size for t in tasks) < batch.CHUNK_BYTES + len(blob)
    assert sum(len(t.pairs) for t in tasks) == 30


def test_chunks_grow_and_keep_input_order():
    names = [f"a{i}" for i in range(40)] + ["!bad", "b0"]
    tasks = list(batch.pool._tasks((item, None) for item in _stream(names)))
    assert [len(t.pairs) for t in tasks[:5]] == [1, 2, 4, batch.CHUNK, batch.CHUNK]
    assert max(len(t.pairs) for t in tasks) == batch.CHUNK
    assert [job.source for t in tasks for job, _ in t.pairs] == names[:40] + ["b0"]
    # a listing failure ends the chunk before it and is a task of its own
    assert tasks[-2].failure.source == "!bad" and not tasks[-2].pairs
    assert [job.source for job, _ in tasks[-1].pairs] == ["b0"]



def test_an_article_over_the_workers_memory_cap_fails_alone(tmp_path):
    """--max-memory caps how far each worker's address space grows: an article that needs more fails
    with that reason (exit 3), and the worker goes on with the next one."""
    import subprocess
    import sys

    from conftest import ROOT

    seed = (ROOT / "seeds" / "002_a3d8c08d90f6a73e.txt").read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_big.txt").write_text("\n\n".join([seed] * 400), encoding="utf-8")
    (folder / "b_small.txt").write_text(seed, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "audit", "check", str(folder), "-q", "-j", "1",
                           "--out", str(tmp_path / "out"), "--max-memory", "40"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert "a_big.txt: out of memory while auditing (a worker may grow by 40 MiB" in done.stderr
    assert (tmp_path / "out" / "b_small.txt.json").is_file()
    assert not (tmp_path / "out" / "a_big.txt.json").exists()
