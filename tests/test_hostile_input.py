"""Hostile input, built by the tests themselves: letters whose case changes their length,
lone surrogates, bombs that inflate past the cap, records nested too deep, damaged
archives and names carrying terminal escapes. Every case gets a valid report or a
one-line error naming the input, and the batch goes on."""

import json
import os
import tempfile

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
    batch._dumps_line(report).encode("utf-8")


@settings(max_examples=25, deadline=None, derandomize=True,
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


def _warc(records, gz=False):
    """A WARC file of HTML response records: (target URI, body bytes) pairs."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for uri, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
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
