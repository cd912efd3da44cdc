"""Fetching from a misbehaving server: a raw socket server on 127.0.0.1 (in a thread,
stopped by the test) answers each path with canned bytes. Every fault is exit 3 with its
reason, never an internal error; credentials in a URL are never shown."""

import json
import socket
import socketserver
import threading

import pytest

from audit import fetch
from audit.cli import cli

PAGE = (b"<html><head><title>Story</title></head><body><article><p>"
        + b"The council approved the budget on Tuesday, the mayor said. " * 8
        + b"</p></article></body></html>")


def _ok(body=PAGE, ctype=b"text/html"):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)


def _redirect(location):
    return (b"HTTP/1.1 302 Found\r\nLocation: " + location.encode()
            + b"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


ANSWERS = {
    "/story": _ok(),
    "/bad-status": b"HTTP/1.1 abc OK\r\n\r\n",
    "/http09": b"<html><body>an HTTP/0.9 answer has no status line</body></html>",
    "/interim": b"HTTP/1.1 102 Processing\r\n\r\n",
    "/bad-chunks": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    b"Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
    "/many-headers": (b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(150))
                      + b"\r\n" + PAGE),
    "/long-header": b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 65536 + b"\r\n\r\n" + PAGE,
    "/short-body": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 50000\r\n"
                    b"Connection: close\r\n\r\n" + PAGE),
    "/reason": b"HTTP/1.1 404 \x1b]0;pwned\x07\x1b[2J\r\nContent-Length: 0\r\n\r\n",
    "/to-data": _redirect("data:text/html,<p>hi</p>"),
    "/to-file": _redirect("file:///etc/passwd"),
    "/to-javascript": _redirect("javascript:alert(1)"),
}


class _Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        request = b""
        while b"\r\n\r\n" not in request and len(request) < 65536:
            chunk = self.request.recv(4096)
            if not chunk:
                return
            request += chunk
        target = request.split(b" ", 2)[1].decode()
        path, _, _ = target.partition("?")
        if path == "/auth":  # the page only for the right credentials
            ok = b"Authorization: Basic dXNlcjpzM2NyZXQ=" in request  # user:s3cret
            answer = _ok() if ok else b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
        elif path == "/to-private":
            answer = _redirect(f"http://127.0.0.1:{self.server.server_address[1]}/story")
        else:
            answer = ANSWERS.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
        try:
            self.request.sendall(answer)
        except OSError:
            pass


@pytest.fixture
def raw_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def _short_timeout(monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT", 5.0)


@pytest.mark.parametrize("path, reason", [
    ("/bad-status", "bad HTTP answer: bad status line"),
    ("/http09", "bad HTTP answer: bad status line"),
    ("/interim", "HTTP 102"),
    ("/bad-chunks", "bad HTTP answer: broken chunked encoding"),
    ("/many-headers", "bad HTTP answer: got more than 100 headers"),
    ("/long-header", "bad HTTP answer: a header or status line is too long"),
    ("/short-body", "bad HTTP answer: the body is cut short"),
    ("/to-data", "redirected to a 'data' URL: only http and https are fetched"),
    ("/to-file", "redirected to a 'file' URL: only http and https are fetched"),
    ("/to-javascript", "redirected to a 'javascript' URL: only http and https are fetched"),
])
def test_a_misbehaving_server_is_bad_input_with_its_reason(runner, raw_server, path, reason):
    url = f"http://127.0.0.1:{raw_server}{path}"
    result = runner.invoke(cli, ["check", url, "-q"])
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith(f"audit: {url}: {reason}"), result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_reason_phrase_cannot_reach_the_terminal(runner, raw_server):
    result = runner.invoke(cli, ["check", f"http://127.0.0.1:{raw_server}/reason", "-q"])
    assert result.exit_code == 3
    assert "\x1b" not in result.stderr
    assert "HTTP 404 \\x1b]0;pwned\\x07\\x1b[2J" in result.stderr


def test_a_redirect_from_a_public_address_to_a_private_one_is_refused(runner, raw_server,
                                                                       monkeypatch):
    """localhost plays a public address here, 127.0.0.1 a private one."""
    monkeypatch.setattr(fetch, "is_private", lambda host: host == "127.0.0.1")
    result = runner.invoke(cli, ["check", f"http://localhost:{raw_server}/to-private", "-q"])
    assert result.exit_code == 3, result.output
    assert "redirected from a public address to a private one (127.0.0.1)" in result.stderr
    # a private address the user names is fetched, and may redirect within private ones
    monkeypatch.setattr(fetch, "is_private", lambda host: True)
    result = runner.invoke(cli, ["check", f"http://localhost:{raw_server}/to-private", "-q"])
    assert result.exit_code in (0, 1), result.output


def test_addresses_are_classified():
    assert fetch.is_private("127.0.0.1") and fetch.is_private("10.1.2.3")
    assert fetch.is_private("169.254.169.254") and fetch.is_private("::1")
    assert fetch.is_private("0.0.0.0")
    assert not fetch.is_private("8.8.8.8") and not fetch.is_private(None)


def test_credentials_in_a_url_are_used_but_never_shown(runner, raw_server, tmp_path):
    good = f"http://user:s3cret@127.0.0.1:{raw_server}/auth"
    bad = f"http://user:s3cret@127.0.0.1:{raw_server}/bad-status"
    out = tmp_path / "out"
    result = runner.invoke(cli, ["check", good, bad, "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 3, result.output
    report = json.loads(result.stdout)
    assert report["input"]["source"] == f"http://127.0.0.1:{raw_server}/auth"
    assert report["input"]["url"] == f"http://127.0.0.1:{raw_server}/auth"
    written = "".join(p.read_text() for p in out.iterdir())
    for text in (result.stdout, result.stderr, written):
        assert "s3cret" not in text
    assert fetch.without_credentials("https://a:b@[::1") == "https://[::1"
    assert fetch.without_credentials("http://x.org/a@b") == "http://x.org/a@b"


@pytest.mark.parametrize("url", ["http://[::1", "https://exa mple.org/x", "http://host:99999/",
                                 "http://:80/"])
def test_malformed_urls_are_bad_input(runner, url):
    result = runner.invoke(cli, ["check", url, "-q"])
    assert result.exit_code == 3, result.output
    assert "not a valid URL" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_no_connection_leaves_this_machine():
    """The fixture server listens on loopback only."""
    assert socket.gethostbyname("localhost").startswith("127.")


def test_credentials_in_record_urls_are_never_shown(runner, tmp_path):
    """A JSON Lines record's url, or a WARC-Target-URI, may carry a password too."""
    body = PAGE.decode()
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (
        {"url": "https://user:s3cret@example.org/a", "html": body},
        {"id": "b", "url": "https://user:s3cret@example.org/b", "html": ""})) + "\n")
    result = runner.invoke(cli, ["check", str(path), "--format", "jsonl"])
    assert result.exit_code == 3, result.output
    report = json.loads(result.stdout)
    assert report["input"]["source"] == report["input"]["url"] == "https://example.org/a"
    assert "s3cret" not in result.stdout + result.stderr
    import audit

    report = audit.audit_html(body, url="https://u:s3cret@example.org/x")
    assert report["input"]["url"] == report["input"]["source"] == "https://example.org/x"
