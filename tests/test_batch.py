"""Batch runs end to end: inputs of every kind, URLs, JSON Lines output, incremental
reruns, a closed output, configuration files. The pool, the files and the summary have
their own tests (test_batch_pool.py, test_batch_files.py, test_batch_summary.py)."""

import io
import json
import os
import subprocess
import sys
import time

import pytest

from audit import inputs, schema
from audit.cli import cli
from conftest import BODY, ROOT, SEEDS, articles, stdout_jsonl


def _page(title: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{BODY * 3}</p><p>{BODY * 2}</p></article></body></html>")


# ----------------------------------------------------------------------------- inputs


def test_directory_walk_is_sorted_and_filtered(tmp_path):
    root = tmp_path / "crawl"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    for rel in ("b/2.html", "a/1.txt", "a/skip.log", "top.txt", ".hidden.txt"):
        (root / rel).write_text("x")
    items = list(inputs.iter_items([str(root)], selection=inputs.Selection((), ("*.log",))))
    assert [i.name for i in items] == ["top.txt", "a/1.txt", "b/2.html"] or \
        [i.name for i in items] == ["a/1.txt", "b/2.html", "top.txt"]
    only_html = inputs.Selection(("*.html",), ())
    assert [i.name for i in inputs.iter_items([str(root)], selection=only_html)] == ["b/2.html"]


def test_symlink_loop_does_not_trap_the_walk(tmp_path):
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_text(BODY)
    os.symlink(root, root / "again")
    items = list(inputs.iter_items([str(root)]))
    assert [i.name for i in items] == ["a.txt"]


def test_symlink_to_itself_is_one_failure(runner, tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    result = runner.invoke(cli, ["check", str(loop), str(SEEDS[0]), "-q", "-j", "1"])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"audit: {loop}: ")
    assert len(result.stderr.splitlines()) == 1


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "one", "url": "https://example.org/1", "html": _page("One")}),
        "{not json",
        json.dumps({"id": "two", "text": BODY}),
        json.dumps(["a list"]),
        json.dumps({"id": "three"}),
    ]) + "\n")
    items = list(inputs.iter_items([str(path)]))
    kinds = [(type(i).__name__, i.source) for i in items]
    assert kinds == [("Job", "one"), ("Failure", f"{path}:2"), ("Job", "two"),
                     ("Failure", f"{path}:4"), ("Failure", f"{path}:5")]
    assert items[0].input_format == "html" and items[0].url == "https://example.org/1"


def test_names_that_are_not_utf8_are_audited_and_shown(tmp_path):
    """A file name with a Latin-1 byte (common in old crawls) and a record id holding an
    escaped lone surrogate: both are audited, and shown with the bad part spelled out
    (before, writing the report failed as an internal error)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(BODY * 3)
    (folder / "records.jsonl").write_text('{"id": "x\\ud800y", "text": "' + BODY + '"}\n')
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "audit", "check", str(folder), "--out",
                           str(out), "--format", "jsonl"], capture_output=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    sources = [json.loads(line)["input"]["source"] for line in done.stdout.splitlines()]
    assert sources == [f"{folder}/caf\\xe9.txt", "x\\ud800y"]
    assert sorted(p.name for p in out.iterdir()) == [
        "caf__xe9.txt.json", "summary.json", "x__ud800y.json"]
    for path in (out / "caf__xe9.txt.json", out / "x__ud800y.json"):
        schema.validate(json.loads(path.read_text(encoding="utf-8")))


def test_a_closed_output_pipe_stops_quietly(tmp_path):
    """`audit check crawl/ | head`: no traceback, no "internal error", exit 141."""
    command = [sys.executable, "-m", "audit", "check", *map(str, SEEDS), "--format", "json",
               "-j", "1", "--jsonl", "all.jsonl"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            cwd=tmp_path)
    proc.stdout.read(100)
    proc.stdout.close()  # the reader goes away; 5 reports are far more than a pipe holds
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""
    assert list(tmp_path.iterdir()) == []  # no --jsonl file, whole or temporary


def test_jsonl_from_standard_input(runner):
    lines = "\n".join(json.dumps({"id": f"r{i}", "text": BODY * 2}) for i in range(3)) + "\n"
    result = runner.invoke(cli, ["check", "-", "--format", "jsonl", "-j", "1"], input=lines)
    assert result.exit_code in (0, 1)
    assert [r["input"]["source"] for r in stdout_jsonl(result)] == ["r0", "r1", "r2"]


def test_from_file_list(runner, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"# seeds\n{SEEDS[0]}\n\n{SEEDS[3]}\n")
    result = runner.invoke(cli, ["check", "--from-file", str(listing), "--format", "jsonl"])
    assert [r["input"]["source"] for r in stdout_jsonl(result)] == [str(SEEDS[0]), str(SEEDS[3])]


def test_warc_html_responses_are_articles(runner, tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, ctype, body in (("https://example.org/a", "text/html; charset=utf-8", _page("A")),
                                 ("https://example.org/logo.png", "image/png", "PNG"),
                                 ("https://example.org/b", "text/html", _page("B"))):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode()),
                                               http_headers=headers)
            writer.write_record(record)
    result = runner.invoke(cli, ["check", str(path), "--format", "jsonl"])
    reports = stdout_jsonl(result)
    assert [r["input"]["source"] for r in reports] == ["https://example.org/a", "https://example.org/b"]
    assert all(r["input"]["media_type"] == "text/html" for r in reports)


# ----------------------------------------------------------------------------- URLs


@pytest.fixture
def server():
    """A page server on 127.0.0.1 only: nothing in the tests reaches the internet."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            routes = {
                "/story": (200, "text/html; charset=utf-8", _page("Story").encode()),
                "/plain": (200, "text/plain", (BODY * 3).encode()),
                "/image": (200, "image/png", b"\x89PNG\r\n"),
                "/missing": (404, "text/html", b"nope"),
                "/big": (200, "text/html", b"<p>" + b"a" * (21 * 1024 * 1024)),
                "/K%C3%B6ln%20story": (200, "text/plain", (BODY * 3).encode()),
            }
            if self.path == "/moved":
                self._redirect("/story")
            elif self.path.startswith("/loop"):
                self._redirect(f"/loop{len(self.path)}")
            elif self.path == "/to-ftp":
                self._redirect("ftp://127.0.0.1/file")
            elif self.path == "/slow":
                time.sleep(3)
                self._send(200, "text/html", b"late")
            else:
                self._send(*routes.get(self.path, (404, "text/plain", b"no")))

        def _redirect(self, where):
            self.send_response(302)
            self.send_header("Location", where)
            self.end_headers()

        def _send(self, code, ctype, body):
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_urls_are_fetched_and_the_final_url_recorded(runner, server):
    result = runner.invoke(cli, ["check", f"{server}/moved", f"{server}/plain", "--format", "jsonl",
                                 "-j", "1"])
    reports = stdout_jsonl(result)
    assert reports[0]["input"]["source"] == f"{server}/moved"
    assert reports[0]["input"]["url"] == f"{server}/story"
    assert reports[0]["input"]["media_type"] == "text/html"
    assert reports[1]["input"]["media_type"] == "text/plain"


def test_urls_that_are_not_ascii_are_fetched(runner, server):
    """A URL as typed or copied from a browser (non-ASCII letters, a space) is sent
    percent-encoded; before, it failed as an internal error."""
    from audit.fetch import ascii_url

    result = runner.invoke(cli, ["check", f"{server}/Köln story", "--format", "jsonl"])
    assert result.exit_code in (0, 1), result.output
    report = stdout_jsonl(result)[0]
    assert report["input"]["source"] == f"{server}/Köln story"
    assert report["input"]["url"] == f"{server}/K%C3%B6ln%20story"
    assert ascii_url("https://bücher.de/a?q=ü") == "https://xn--bcher-kva.de/a?q=%C3%BC"
    assert ascii_url("https://x.org/" + os.fsdecode(b"caf\xe9")) == "https://x.org/caf%E9"
    assert ascii_url("https://x.org/K%C3%B6ln?a=1&b=2") == "https://x.org/K%C3%B6ln?a=1&b=2"


def test_url_failures_are_one_line_each(runner, server, monkeypatch):
    from audit import fetch

    monkeypatch.setattr(fetch, "TIMEOUT", 1.0)
    urls = [f"{server}/missing", f"{server}/image", f"{server}/loop", f"{server}/to-ftp",
            f"{server}/big", "ftp://127.0.0.1/x", "http://127.0.0.1:9/closed"]
    result = runner.invoke(cli, ["check", *urls, "-j", "1", "-q"])
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == len(urls)
    assert "HTTP 404" in lines[0]
    assert "image/png" in lines[1]
    assert "redirect" in lines[2]
    assert "only http and https" in lines[3]
    assert "cap" in lines[4]
    assert "only http and https" in lines[5]
    assert "cannot fetch" in lines[6]


def test_fetch_sends_an_honest_user_agent():
    from audit.fetch import USER_AGENT

    assert USER_AGENT.startswith("audit/")


# ----------------------------------------------------------------------------- running


def test_jsonl_file_output(runner, tmp_path):
    folder = articles(tmp_path, 3)
    target = tmp_path / "all.jsonl"
    result = runner.invoke(cli, ["check", str(folder), "--jsonl", str(target), "-q"])
    assert result.exit_code in (0, 1)
    lines = target.read_text().splitlines()
    assert len(lines) == 3
    for line in lines:
        schema.validate(json.loads(line))


def test_incremental_skips_up_to_date_and_redoes_corrupt(runner, tmp_path):
    folder = articles(tmp_path, 4)
    out = tmp_path / "out"
    assert runner.invoke(cli, ["check", str(folder), "--out", str(out), "-q"]).exit_code in (0, 1)
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("a*.json")}
    (out / "a001.txt.json").write_text('{"half": ')  # corrupt
    (folder / "a002.txt").write_text("Changed\n\n" + BODY * 5)  # changed input
    result = runner.invoke(cli, ["check", str(folder), "--out", str(out), "--incremental", "-q"])
    assert result.exit_code in (0, 1)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"]["skipped"] == 2
    assert summary["counts"]["audited"] == 2
    assert (out / "a000.txt.json").stat().st_mtime_ns == before["a000.txt.json"]
    schema.validate(json.loads((out / "a001.txt.json").read_text()))


def test_incremental_needs_out(runner, tmp_path):
    assert runner.invoke(cli, ["check", str(SEEDS[0]), "--incremental"]).exit_code == 2


def test_setup_cfg_audit_section_is_used(runner, tmp_path, monkeypatch):
    (tmp_path / "setup.cfg").write_text("[audit]\nfail-under = 100\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["check", str(ROOT / "seeds" / SEEDS[2].name), "-q"])
    report = json.loads(runner.invoke(cli, ["check", str(SEEDS[2]), "--format", "json"]).output)
    expected = 1 if report["scores"]["overall"]["value"] is not None else 0
    assert result.exit_code == expected


def test_unknown_setup_cfg_key_exits_2(runner, tmp_path, monkeypatch):
    (tmp_path / "setup.cfg").write_text("[audit]\nfail-undr = 10\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["check", str(SEEDS[0])])
    assert result.exit_code == 2
    assert "fail-undr" in result.output


def test_damaged_archives_are_one_failure_each(runner, tmp_path):
    fake_gz = tmp_path / "records.jsonl.gz"
    fake_gz.write_bytes(b"this is not gzip at all")
    fake_warc = tmp_path / "crawl.warc"
    fake_warc.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    result = runner.invoke(cli, ["check", str(fake_gz), str(fake_warc), str(SEEDS[0]), "-q",
                                 "-j", "1"])
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"audit: {fake_gz}: read failed")
    assert lines[1].startswith(f"audit: {fake_warc}: ")


