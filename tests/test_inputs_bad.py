"""Hostile and broken input: every case gets a valid report or a one-line error naming the
input, the batch goes on, and nothing takes more than linear time. The corpus is built
here, by the tests."""

import json
import os
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import audit
from audit import batch, inputs, schema
from audit.cli import cli
from audit.decode import InputError

ARTICLE = ("The council approved the budget on Tuesday, the mayor said. " * 3).encode()


def _corpus(folder):
    cases = {
        "empty.txt": b"",
        "binary.dat": bytes(range(256)) * 64,
        "invalid-utf8.txt": b"Caf\xe9 au lait \xff\xfe costs \x80 3 euros. " * 20,
        "mixed.txt": "Caf\u00e9 ".encode() + "na\u00efve ".encode("cp1252") + ARTICLE,
        "quotes.txt": b'"' * 100_000,
        "curly.txt": "\u201c".encode() * 50_000 + "\u201d said".encode() * 10_000,
        "one-line.txt": b"word, " * 350_000,
        "nested.html": b"<html><body>" + b"<div>" * 10_000 + b"deep text " * 20
        + b"</div>" * 10_000 + b"</body></html>",
        "gif.txt": b"GIF89a" + bytes(200),
        "zip.txt": b"PK\x03\x04" + bytes(200),
        "good.txt": ARTICLE,
    }
    for name, data in cases.items():
        (folder / name).write_bytes(data)
    return cases


def test_bad_input_corpus_batch_goes_on(runner, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    cases = _corpus(folder)
    out = tmp_path / "out"
    started = time.monotonic()
    result = runner.invoke(cli, ["check", str(folder), "--out", str(out), "-q", "-j", "2"])
    elapsed = time.monotonic() - started
    assert result.exit_code == 3, result.output
    errors = result.stderr.splitlines()
    assert all(line.startswith(f"audit: {folder}/") for line in errors), errors
    failed = {line.split(": ", 2)[1].rsplit("/", 1)[1] for line in errors}
    assert {"binary.dat", "gif.txt", "zip.txt"} <= failed
    assert "good.txt" not in failed
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"]["inputs"] == len(cases)
    for name in set(cases) - failed:
        schema.validate(json.loads((out / f"{name}.json").read_text()))
    assert elapsed < 240, f"hostile corpus took {elapsed:.0f} s"


def test_file_over_the_cap_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(InputError, match=r"over the .*-byte cap"):
        audit.audit_path(big)


def test_file_that_vanishes_mid_run(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(ARTICLE)
    items = inputs.iter_items([str(folder)])
    first = next(items)
    (folder / "b.txt").unlink()
    results = list(batch.run([first, *items], batch.Settings()))
    assert [r.status for r in results] == ["ok", "failed", "ok"]
    assert results[1].error == "no such file"


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_bytes(ARTICLE)
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    result = batch.process(inputs.Job(source=str(path), name="secret.txt", path=str(path)), None,
                           batch.Settings())
    assert result.status == "failed" and result.error == "permission denied"


@pytest.mark.parametrize("size", [10_000, 100_000, 400_000])
def test_quotes_take_linear_time(size):
    """Doubling hostile input must not quadruple the time."""
    text = ('"' * size)
    started = time.perf_counter()
    audit.audit_text(text, strip=True)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5 + size / 20_000, f"{size} quotes took {elapsed:.2f} s"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_no_text_crashes_and_every_report_validates(text):
    for strip in (True, False):
        report = audit.audit_text(text, strip=strip)
        schema.validate(report)
        body = report["article"]["text"]
        for finding in report["findings"]:
            if finding["span"]:
                assert 0 <= finding["span"]["start"] <= finding["span"]["end"] <= len(body)


_NEWS_WORDS = st.sampled_from([
    "said", "says", "according", "to", "the", "officials", "Mr.", "Smith", "U.S.", "$4.7",
    "billion", "“", "”", '"', "\n", "\n\n", ".", ",", "experts", "suggest", "that", "is",
    "expected", "Reuters", "(AP)", "By", "Jane", "Doe", "Subscribe", "Comments", "•", "2024",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_NEWS_WORDS, max_size=120))
def test_news_like_soup_never_crashes(words):
    text = " ".join(words)
    report = audit.audit_text(text)
    schema.validate(report)
    for attribution in report["sourcing"]["attributions"]:
        for key in ("content", "source", "cue"):
            span = attribution[key]
            if span:
                assert report["article"]["text"][span["start"]:span["end"]] == span["text"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_no_bytes_crash_the_pipeline(data):
    try:
        report = audit.api.audit_bytes(data, source="fuzz")
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        schema.validate(report)


def test_os_errors_are_one_line(tmp_path):
    with pytest.raises(InputError) as caught:
        audit.audit_path(tmp_path)
    assert str(caught.value) == "is a directory"
    assert os.linesep not in str(caught.value)
