"""The main process of a batch holds no per-article state for the whole run (issue 22):
report names made unique in fixed memory, the summary's scores and failures kept as
counters and spools. `bench/run.py --only main` measures the process itself."""

from __future__ import annotations

import random
import statistics
from collections import Counter

from audit import batch
from audit.batch.files import Names
from audit.batch.job import Result
from audit.batch.summary import _distribution
from audit.config import Config
from audit.scoring import histogram


def test_names_stay_unique_in_fixed_memory():
    taken = Names(bits=1 << 12)  # tiny on purpose: the filter saturates
    size = len(taken.bits)
    names = [batch.safe_name(f"dir/{i % 700}.txt", taken) for i in range(3000)]
    assert len(set(names)) == 3000  # repeats and false "taken" answers get digests
    assert len(taken.bits) == size
    again = Names(bits=1 << 12)
    assert [batch.safe_name(f"dir/{i % 700}.txt", again) for i in range(3000)] == names


def test_names_take_plain_names_when_free():
    taken = Names()
    assert [batch.safe_name(n, taken) for n in ("a/x.txt", "b.html", "summary")] == [
        "a__x.txt.json", "b.html.json", batch.safe_name("summary", set())]


def test_distribution_from_counts_is_that_of_the_list():
    rng = random.Random(7)
    for _ in range(500):
        values = [round(rng.uniform(0, 100), 1) for _ in range(rng.randint(1, 30))]
        values += [100.0] * rng.randint(0, 2)
        assert _distribution(Counter(values)) == {
            "count": len(values), "min": min(values), "max": max(values),
            "mean": round(statistics.fmean(values), 2),
            "median": round(statistics.median(values), 2), "histogram": histogram(values)}


def test_summary_counts_and_spools_without_lists(tmp_path):
    summary = batch.Summary(Config(), None)
    record = {"sha256": "0" * 64, "grade": "C", "overall": 60.0, "readability": 70.0,
              "sourcing": 55.5, "attribution": 80.0, "rules": {}, "source_types": {}}
    for i in range(2000):
        summary.add(Result(f"a{i}", f"a{i}.json", record=record))
        summary.add(Result(f"b{i}", status="failed", error="empty input"))
    assert all(len(counts) == 1 for counts in summary.scores.values())
    assert summary.failures == 2000 and summary.total == 4000
    summary.write(tmp_path / "summary.json")
    whole = summary.to_dict()
    assert len(whole["articles"]) == 2000 and len(whole["failed"]) == 2000
    assert whole["failed"][-1] == {"source": "b1999", "reason": "empty input"}
    assert whole["scores"]["sourcing"]["median"] == 55.5
    summary.close()
