"""Hostile input, built by the tests themselves: letters whose case changes their length,
lone surrogates, bombs that inflate past the cap, records nested too deep, damaged
archives and names carrying terminal escapes. Every case gets a valid report or a
one-line error naming the input, and the batch goes on."""

import json
import os
import re
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import audit
from audit import batch, schema
from audit.cli import cli
from audit.decode import InputError
from audit.readability import syllables

# Letters whose lower or upper case has another length (İ lower-cases to two characters,
# ß and ŉ upper-case to two, ΐ to three), and lone surrogates, which no UTF-8 can hold.
_ODD = ["İ", "ß", "ŉ", "ΐ", "ﬃ", "\ud800", "\udfff", "\udce9"]
_PIECES = st.sampled_from([
    *_ODD, "İstanbul's", "İzmir’s", "Ekrem İmamoğlu’s", "STRAßE's", "ŉ'", "said", "the",
    "mayor", "“", "”", '"', "'", "’", "s", " ", "\n", "\n\n", ".", ",", "-", "According to",
    "officials", "Reuters", "By", "Jane", "2024", "$4.7bn", "U.S.", "Mr.",
])
_TEXTS = st.lists(_PIECES, min_size=1, max_size=80).map(" ".join)


def test_possessive_after_a_letter_that_lower_cases_longer():
    """"İ".lower() is two characters: the possessive's stem is cut from the token."""
    assert syllables.count("İstanbul's") == 3
    assert syllables.count("İzmir’s") == 2
    assert syllables.count("İ'") == 1
    text = "The mayor of İstanbul's district, Ekrem İmamoğlu’s aide, said İzmir’s port shut. "
    report = audit.audit_text(text * 10, strip=False)
    assert report["readability"]["counts"]["words"] == 120


def _serialises(report):
    schema.validate(report)
    batch.dumps(report).encode("utf-8")
    batch.dumps_line(report).encode("utf-8")


@settings(max_examples=50, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_case_changing_letters_and_surrogates_through_every_entry_point(text):
    for strip in (True, False):
        report = audit.audit_text(text, strip=strip, source="x\ud800.txt")
        _serialises(report)
        if not strip:
            assert len(report["article"]["text"]) == len(text)
    page = f"<html><head><title>{text[:40]}</title></head><body><p>{text}</p></body></html>"
    _serialises(audit.audit_html(page, url="https://example.org/\udce9"))
    raw = page.encode("utf-8", "surrogatepass")
    try:
        _serialises(audit.audit_html(raw))
    except InputError as exc:
        assert "\n" not in str(exc)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "case.txt")
        with open(path, "wb") as handle:
            handle.write(text.encode("utf-8", "surrogatepass"))
        try:
            _serialises(audit.audit_path(path))
        except InputError as exc:
            assert "\n" not in str(exc)
        from click.testing import CliRunner

        runner = CliRunner()
        data = text.encode("utf-8", "surrogatepass")
        for args in (["check", "-", "--format", "jsonl"], ["check", path, "--format", "jsonl"],
                     ["check", "-", "--no-strip", "--format", "jsonl"],
                     ["check", "-"]):
            result = runner.invoke(cli, args, input=data)
            assert result.exit_code in (0, 1, 3), (args, result.output, result.stderr)
            if result.exit_code == 3:
                assert len(result.stderr.splitlines()) == 1, result.stderr
            elif "jsonl" in args:
                schema.validate(json.loads(result.stdout))
        result = runner.invoke(cli, ["strip", "-"], input=data)
        assert result.exit_code in (0, 3), result.output
        record = json.dumps({"id": text[:30], "text": text}, ensure_ascii=True)
        result = runner.invoke(cli, ["check", "-", "--format", "jsonl"], input=record + "\n")
        assert result.exit_code in (0, 1, 3), result.output
        for line in result.stdout.splitlines():
            schema.validate(json.loads(line))


ARTICLE = ("The council approved the budget on Tuesday, the mayor said. " * 3).encode()
_OSC = "\x1b]0;pwned\x07"  # sets the terminal's window title
_CSI = "\x1b[2J"  # clears the screen
_C1 = "\x9b2J"  # the same with the one-character CSI


def _warc(records, gz=False, headers=()):
    """A WARC file of HTML response records: (target URI, body bytes) pairs."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers],
                                protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def _no_control(text):
    return not any(ch in text for ch in ("\x1b", "\x9b", "\x07", "\x7f"))


def test_escape_sequences_in_names_never_reach_the_terminal(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"good{_OSC}.txt").write_bytes(ARTICLE)
    (folder / f"bad{_CSI}.txt").write_bytes(bytes(range(256)) * 8)
    records = [{"id": f"one{_OSC}", "text": ARTICLE.decode()},
               {"id": f"two{_C1}", "html": "\x00" * 200}]
    (folder / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    page = b"<html><body><p>" + ARTICLE * 3 + b"</p></body></html>"
    (folder / "crawl.warc").write_bytes(_warc([(f"https://example.org/{_CSI}", page)]))
    out = tmp_path / "out"
    for fmt in ("text", "json"):
        result = runner.invoke(cli, ["check", str(folder), "--format", fmt, "--out", str(out)])
        assert result.exit_code == 3, result.output
        assert _no_control(result.stdout) and _no_control(result.stderr), result.output
        if fmt == "text":
            assert "\\x1b]0;pwned\\x07" in result.stdout
    summary = json.loads((out / "summary.json").read_text())
    shown = [f["source"] for f in summary["failed"]] + [a["source"] for a in summary["articles"]]
    assert len(shown) == 5 and all(_no_control(s) for s in shown), shown


def test_messages_are_one_bounded_line():
    from audit.decode import MESSAGE_LIMIT, displayable
    from audit.inputs import Failure

    failure = Failure("x.warc", "damaged: " + "A" * 5_000_000 + "\nsecond line")
    assert len(failure.reason) == MESSAGE_LIMIT and "\n" not in failure.reason
    assert displayable(f"a{_OSC}b{_C1}\x7f\n") == "a\\x1b]0;pwned\\x07b\\x9b2J\\x7f\\x0a"
    assert displayable("line\nnext\t\x1b", lines=True) == "line\nnext\t\\x1b"


# ----------------------------------------------------------------------------- bounded reading


def _kinds(items):
    return [(type(i).__name__, i.source, getattr(i, "reason", None)) for i in items]


def _peak(run):
    """``run()`` and the peak of memory Python allocated meanwhile, in bytes."""
    import tracemalloc

    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_jsonl_gz_bomb_fails_its_line_in_bounded_memory(tmp_path, monkeypatch):
    import gzip

    from audit import inputs

    monkeypatch.setattr(inputs.base, "MAX_RECORD_BYTES", 64 * 1024)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as handle:  # 16 MB of one line from 16 KB on disk
        handle.write(b'{"id": "bomb", "text": "')
        for _ in range(16):
            handle.write(b"a" * (1 << 20))
        handle.write(b'"}\n' + json.dumps({"id": "after", "text": "fine"}).encode() + b"\n")
    assert path.stat().st_size < 100_000
    items, peak = _peak(lambda: list(inputs.iter_items([str(path)])))
    assert _kinds(items) == [("Failure", f"{path}:1", "record is over the 65,536-byte cap"),
                             ("Job", "after", None)]
    assert peak < 2_000_000, peak


def test_a_warc_gz_bomb_is_refused_in_bounded_memory(tmp_path, monkeypatch):
    import gzip

    from audit import inputs

    monkeypatch.setattr(inputs.base, "MAX_RECORD_BYTES", 64 * 1024)
    header_bomb = tmp_path / "headers.warc.gz"
    with gzip.open(header_bomb, "wb") as handle:  # a header line that never ends
        handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Pad: ")
        for _ in range(32):
            handle.write(bytes(1 << 20))
    body_bomb = tmp_path / "body.warc.gz"
    page = b"<html><body><p>" + bytes(8 << 20) + b"</p></body></html>"
    body_bomb.write_bytes(gzip.compress(_warc([("https://example.org/big", page),
                                               ("https://example.org/ok", b"<p>ok</p>")])))
    for path, expected in ((header_bomb, [("Failure", str(header_bomb),
                                           "a record's headers are over the 1,048,576-byte cap "
                                           "(damaged or not an archive)")]),
                           (body_bomb, [("Failure", "https://example.org/big",
                                         "record is over the 65,536-byte cap"),
                                        ("Job", "https://example.org/ok", None)])):
        items, peak = _peak(lambda path=path: list(inputs.iter_items([str(path)])))
        assert _kinds(items) == expected
        assert peak < 4_000_000, peak


def test_standard_input_is_refused_past_the_cap_without_reading_it_all(monkeypatch):
    import io

    from audit import inputs

    monkeypatch.setattr(inputs.base, "MAX_RECORD_BYTES", 1000)
    stream = io.BytesIO(b"word " * 100_000)
    assert _kinds(inputs.iter_items(["-"], stdin=stream)) == [
        ("Failure", "-", "input is over the 1,000-byte cap")]
    assert stream.tell() <= 1001
    stream = io.BytesIO(b"x" * 5000 + b"\n")  # one line longer than the cap
    assert _kinds(inputs.iter_items(["-"], stdin=stream))[0][2] == \
        "input is over the 1,000-byte cap"
    records = b"\n".join([json.dumps({"id": "a", "text": "fine"}).encode(),
                          json.dumps({"id": "b", "text": "x" * 2000}).encode(),
                          json.dumps({"id": "c", "text": "fine"}).encode()])
    assert _kinds(inputs.iter_items(["-"], stdin=io.BytesIO(records))) == [
        ("Job", "a", None), ("Failure", "-:2", "record is over the 1,000-byte cap"),
        ("Job", "c", None)]


def test_reading_a_file_of_records_has_a_deadline(tmp_path, monkeypatch):
    """A clock that moves a second per read: a record that takes more than the timeout
    to read stops the file; records read in time each get the full timeout."""
    import gzip
    import itertools

    from audit import inputs

    clock = itertools.count()
    monkeypatch.setattr(inputs.time, "monotonic", lambda: float(next(clock)))
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps({"id": str(i), "text": "fine"}) for i in range(20)))
    assert [k[0] for k in _kinds(inputs.iter_items([str(good)], timeout=3))] == ["Job"] * 20
    slow = tmp_path / "blank.jsonl.gz"  # a million blank lines before the first record
    slow.write_bytes(gzip.compress(b"\n" * 1_000_000 + b'{"id": "late", "text": "x"}\n'))
    assert _kinds(inputs.iter_items([str(slow)], timeout=3)) == [
        ("Failure", str(slow), "gave up reading after 3 s (input too large or too odd)")]


def test_a_record_nested_too_deep_fails_alone(runner, tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = '{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(deep + "\n" + json.dumps({"id": "ok", "text": ARTICLE.decode()}) + "\n")
    result = runner.invoke(cli, ["check", str(path), "--format", "jsonl"])
    assert result.exit_code == 3, result.output
    assert result.stderr == f"audit: {path}:1: record nested too deeply\n"
    assert json.loads(result.stdout)["input"]["source"] == "ok"
    result = runner.invoke(cli, ["check", "-", "--format", "jsonl"], input=deep + "\n")
    assert result.exit_code == 3 and result.stderr == "audit: -:1: record nested too deeply\n"


def test_a_path_the_user_cannot_search_fails_alone(runner, tmp_path, monkeypatch):
    """Tests run as root, so the PermissionError of a directory without search permission
    is simulated where the standard library raises it."""
    from pathlib import Path

    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    hidden = tmp_path / "locked" / "inside.txt"
    real_is_dir, real_exists = Path.is_dir, Path.exists

    def denied(real):
        def check(self):
            if "locked" in str(self):
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)
        return check

    monkeypatch.setattr(Path, "is_dir", denied(real_is_dir))
    monkeypatch.setattr(Path, "exists", denied(real_exists))
    result = runner.invoke(cli, ["check", str(hidden), str(good), "-q"])
    assert result.exit_code == 3, result.output
    assert result.stderr == f"audit: {hidden}: Permission denied\n"


def test_damaged_warc_files_fail_with_a_reason(runner, tmp_path):
    page = b"<html><body><p>" + ARTICLE * 3 + b"</p></body></html>"
    whole = _warc([("https://example.org/a", page)])
    length = int(re.search(rb"Content-Length: (\d+)", whole).group(1))
    shorter = whole.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 9))
    cases = {
        "cut.warc": (whole[:-40], "https://example.org/a: WARC record cut short"),
        "text.warc": (ARTICLE * 50, "text.warc: not a WARC or ARC file"),
        "trunc.warc.gz": (_warc([("https://example.org/a", page)], gz=True)[:50],
                          "trunc.warc.gz: read failed: the compressed file is cut short"),
        "empty.warc": (b"", "empty.warc: empty input"),
        "empty.txt": (b"", "empty.txt: empty input"),
        "long-line.warc": (b"WARC/1.0\r\n" + b"x" * 5_000_000,
                           "long-line.warc: a record's headers are over the"),
        "length.warc": (whole.replace(b"Content-Length: ", b"Content-Length: 1", 1) + whole,
                        "https://example.org/a: WARC record cut short"),
        "body.warc": (_warc([("https://example.org/a", page)],
                            headers=[("Content-Length", "5000")]),
                      "https://example.org/a: HTTP body cut short: 573 of its Content-Length"),
        "mismatch.warc": (shorter + whole, "https://example.org/a: damaged WARC record: its "
                                          "length does not match its content"),
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        result = runner.invoke(cli, ["check", str(tmp_path / name), "-q"])
        assert result.exit_code == 3, (name, result.output)
        assert len(result.stderr.splitlines()) == 1, (name, result.stderr)
        assert expected in result.stderr, (name, result.stderr)
        assert len(result.stderr) < 400


# ----------------------------------------------------------------------------- environment


def test_an_out_directory_that_cannot_be_written_is_found_before_the_batch(runner, tmp_path,
                                                                           monkeypatch):
    """Tests run as root, for whom permissions do not stop a write: the read-only file
    system is simulated where the probe writes."""
    import builtins

    real_open = builtins.open

    def read_only(file, *args, **kwargs):
        if "write-probe" in str(file):
            raise OSError(30, "Read-only file system")
        return real_open(file, *args, **kwargs)

    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    monkeypatch.setattr(builtins, "open", read_only)
    monkeypatch.setattr(batch, "run", lambda *a, **k: pytest.fail("the batch started"))
    result = runner.invoke(cli, ["check", str(good), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "--out" in result.stderr and "Read-only file system" in result.stderr
    assert not list((tmp_path / "out").iterdir())


def test_jsonl_pointing_at_a_directory_is_a_usage_error(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    result = runner.invoke(cli, ["check", str(good), "--jsonl", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "is a directory" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["good.txt"]


def test_closed_standard_input_is_a_usage_error(monkeypatch):
    """``audit check - <&-`` in a real process (Python then has no sys.stdin, or one whose
    descriptor is gone): exit 2 before the batch; the library fails the input alone."""
    import subprocess
    import sys

    from audit import inputs

    monkeypatch.setattr(sys, "stdin", None)
    assert _kinds(inputs.iter_items(["-"])) == [("Failure", "-", "standard input is closed")]
    assert _kinds(inputs.iter_list("-")) == [("Failure", "-", "standard input is closed")]
    for args in ("check -", "check --from-file -", "strip -"):
        result = subprocess.run(["sh", "-c", f'"$0" -m audit {args} <&-', sys.executable],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, (args, result.stderr)
        assert "standard input is closed" in result.stderr
    result = subprocess.run([sys.executable, "-m", "audit", "check", "-"],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3 and "empty input" in result.stderr  # open, but empty


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_weights_that_are_not_finite_are_a_configuration_error(runner, tmp_path, value):
    config = tmp_path / "audit.ini"
    config.write_text(f"[audit]\noverall.weight.sourcing = {value}\n")
    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    result = runner.invoke(cli, ["check", str(good), "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert "overall.weight.sourcing" in result.output and "finite" in result.output


def test_a_full_disk_at_summary_time_is_one_clear_line(runner, tmp_path, monkeypatch):
    def full(self, path):
        raise OSError(28, "No space left on device")

    good = tmp_path / "good.txt"
    good.write_bytes(ARTICLE)
    monkeypatch.setattr(batch.Summary, "write", full)
    result = runner.invoke(cli, ["check", str(good), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 2, result.output
    assert result.stderr == (f"audit: cannot write {tmp_path / 'out' / 'summary.json'}: "
                             "No space left on device\n")


def test_time_spent_by_the_consumer_does_not_count_against_reading(tmp_path, monkeypatch):
    """The batch may hold the stream for minutes while workers are busy: only time spent
    reading counts against the deadline."""
    from audit import inputs

    now = [0.0]
    monkeypatch.setattr(inputs.time, "monotonic", lambda: now[0])
    page = b"<html><body><p>" + ARTICLE * 400 + b"</p></body></html>"  # over a read block
    archive = tmp_path / "crawl.warc"
    archive.write_bytes(_warc([(f"https://example.org/{i}", page) for i in range(3)]))
    records = tmp_path / "records.jsonl"
    records.write_text("\n".join(json.dumps({"id": str(i), "text": "x"}) for i in range(3)))
    for path in (archive, records):
        kinds = []
        for item in inputs.iter_items([str(path)], timeout=5):
            kinds.append(type(item).__name__)
            now[0] += 100  # the consumer is busy
        assert kinds == ["Job"] * 3, (path, kinds)


def test_a_warc_record_without_a_target_uri_is_named_damaged(runner, tmp_path):
    page = b"<html><body><p>" + ARTICLE * 3 + b"</p></body></html>"
    whole = _warc([("https://example.org/a", page)])
    path = tmp_path / "no-uri.warc"
    path.write_bytes(re.sub(rb"WARC-Target-URI: [^\r]*\r\n", b"", whole))
    result = runner.invoke(cli, ["check", str(path), "-q"])
    assert result.exit_code == 3
    assert result.stderr == f"audit: {path}: damaged WARC: a record's headers are malformed\n"


def test_validate_names_a_file_nested_too_deep(runner, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 3, result.output
    assert result.stderr == f"{path}: invalid: not JSON this tool writes: nested too deeply\n"
