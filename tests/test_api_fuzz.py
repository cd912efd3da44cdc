"""A fuzz test run in CI: a seeded mutator (fixed seed, bounded count, a few seconds)
over the seed articles, an HTML page, a JSON Lines file and a WARC file. No exception
may escape; every input is a report that validates and serialises, or an InputError of
one bounded line; every span lies inside the article text."""

import io
import json
import random

from audit import api, batch, inputs, schema
from audit.decode import MESSAGE_LIMIT, InputError
from conftest import SEEDS

SEED = 20261204
CASES = 200
# Bytes that broke or could break something: case-changing letters, an escape sequence,
# NUL, a lone surrogate as UTF-8 would spell it, quotes, markup, a BOM, a gzip header.
_NASTY = ["İ'".encode(), "ß".encode(), "ŉ".encode(), "ΐ".encode(), b"\x1b]0;x\x07",
          b"\x00", b"\xed\xa0\x80", b"\xff\xfe", b"\xef\xbb\xbf", b'"', "“”’".encode(),
          b"<", b"</p><div>", b"<p>", b"\r\n\r\n", b"\n", b"\t", b"\x1f\x8b", b"{", b"}"]
_HTML = (b"<html><head><title>Budget</title><meta name=author content='Jane Doe'></head>"
         b"<body><article><h1>Budget approved</h1><p>The council approved the budget, "
         b"\xe2\x80\x9cThis is a good day,\xe2\x80\x9d said Mayor Jane Smith.</p>"
         b"<p>Officials said the plan would cost $4.7bn over 10 years.</p></article>"
         b"</body></html>")


def _mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(6)
        at = rng.randint(0, len(data))
        if kind == 0 and data:  # flip a byte
            at = min(at, len(data) - 1)
            data[at] = rng.randrange(256)
        elif kind == 1:  # insert something nasty
            data[at:at] = rng.choice(_NASTY) * rng.choice((1, 1, 3, 50))
        elif kind == 2:  # delete a run
            del data[at:at + rng.randint(1, 200)]
        elif kind == 3:  # repeat a run
            data[at:at] = data[at:at + rng.randint(1, 100)] * rng.randint(2, 20)
        elif kind == 4:  # cut the end off
            del data[at:]
        else:  # random bytes
            data[at:at] = rng.randbytes(rng.randint(1, 40))
    return bytes(data)


def _check_report(report):
    schema.validate(report)
    batch.dumps(report).encode("utf-8")
    text = report["article"]["text"]
    for finding in report["findings"]:
        if finding["span"]:
            assert 0 <= finding["span"]["start"] <= finding["span"]["end"] <= len(text)
    for attribution in report["sourcing"]["attributions"]:
        for key in ("content", "source", "cue"):
            span = attribution[key]
            if span:
                assert text[span["start"]:span["end"]] == span["text"]


def _warc(body: bytes) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://example.org/a", "response",
                                                  payload=io.BytesIO(body), http_headers=http))
    return buffer.getvalue()


def test_fuzzed_articles_never_escape(tmp_path):
    rng = random.Random(SEED)
    bases = [path.read_bytes()[:3000] for path in SEEDS] + [_HTML]
    outcomes = {"report": 0, "refused": 0}
    for case in range(CASES):
        data = _mutate(rng.choice(bases), rng)
        fmt = rng.choice(("auto", "auto", "html", "text"))
        try:
            report = api.audit_bytes(data, source=f"fuzz-{case}", strip=rng.random() < 0.8,
                                     input_format=fmt)
        except InputError as exc:
            message = str(exc)
            assert "\n" not in message and len(message) <= MESSAGE_LIMIT, (case, message)
            outcomes["refused"] += 1
        else:
            _check_report(report)
            outcomes["report"] += 1
    assert outcomes["report"] > CASES // 2, outcomes  # the mutations leave most inputs text


def test_fuzzed_record_files_never_escape(tmp_path):
    """Mutated JSON Lines and WARC files: every item is a job or a failure with a bounded
    one-line reason; reading never raises."""
    rng = random.Random(SEED + 1)
    records = "\n".join(json.dumps({"id": f"r{i}", "html": _HTML.decode()}) for i in range(3))
    bases = {"x.jsonl": records.encode() + b"\n", "x.warc": _warc(_HTML) * 2}
    for case in range(40):
        name = rng.choice(sorted(bases))
        path = tmp_path / f"{case}-{name}"
        path.write_bytes(_mutate(bases[name], rng))
        for item in inputs.iter_items([str(path)], timeout=10):
            if isinstance(item, inputs.Failure):
                assert "\n" not in item.reason and len(item.reason) <= MESSAGE_LIMIT
            else:
                try:
                    _check_report(api.audit_bytes(item.data, source=item.source,
                                                  input_format=item.input_format or "auto"))
                except InputError:
                    pass
