"""The library API: audit_text, audit_html, audit_path."""

import pytest

import audit
from audit.decode import InputError
from conftest import SEEDS

ARTICLE = (
    "The city council approved a new budget on Tuesday.\n\n"
    "\u201cThis is a good day for the city,\u201d said Mayor Jane Smith.\n"
)


def test_audit_text_without_stripping_keeps_the_input_exactly():
    report = audit.audit_text(ARTICLE, strip=False)
    assert report["article"]["text"] == ARTICLE
    assert report["input"]["media_type"] == "text/plain"
    assert report["input"]["stripped"] is False
    for block in report["article"]["blocks"]:
        span = block["span"]
        assert ARTICLE[span["start"]:span["end"]] == block["text"]


def test_audit_text_source_defaults_to_stdin_marker():
    assert audit.audit_text(ARTICLE)["input"]["source"] == "-"
    assert audit.audit_text(ARTICLE, source="x.txt")["input"]["source"] == "x.txt"


def test_audit_html_accepts_str_and_bytes():
    page = ("<html><head><title>Budget</title></head><body><article><p>"
            + "The city council approved a new budget on Tuesday after a long debate. " * 5
            + "</p></article></body></html>")
    from_str = audit.audit_html(page, url="https://example.org/budget")
    from_bytes = audit.audit_html(page.encode("utf-8"))
    assert from_str["input"]["media_type"] == "text/html"
    assert from_str["input"]["url"] == "https://example.org/budget"
    assert from_str["input"]["sha256"] == from_bytes["input"]["sha256"]
    assert "budget" in from_str["article"]["text"]


def test_audit_path_reads_a_seed():
    report = audit.audit_path(SEEDS[0])
    assert report["input"]["source"] == str(SEEDS[0])
    assert report["input"]["bytes"] == SEEDS[0].stat().st_size


def test_same_input_same_report():
    first, second = audit.audit_path(SEEDS[2]), audit.audit_path(SEEDS[2])
    assert first == second


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        audit.audit_path(tmp_path / "nope.txt")


def test_pdf_is_refused(tmp_path):
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(InputError, match="PDF"):
        audit.audit_path(pdf)
