"""The whole tool works with the network blocked, on a fresh process with no caches
(textstat 0.7.13 would download NLTK's CMU dictionary on first use: we never let it)."""

import subprocess
import sys
import textwrap

from conftest import ROOT

BLOCK_NETWORK = textwrap.dedent("""
    import socket
    def _refuse(*args, **kwargs):
        raise OSError("network access attempted in an offline test")
    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
""")


def test_audit_runs_with_sockets_blocked(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><meta property='og:site_name' content='Example'></head>"
        "<body><article><h1>Budget passes</h1><p>"
        + "The council approved the budget on Tuesday, the mayor said in a statement. " * 6
        + "</p></article></body></html>", encoding="utf-8")
    script = BLOCK_NETWORK + textwrap.dedent(f"""
        import sys
        from audit.cli import main
        sys.argv = ["audit", "check", "seeds", {str(page)!r},
                    "--out", {str(tmp_path / 'out')!r}, "-q"]
        main()
    """)
    env = {"HOME": str(tmp_path), "NLTK_DATA": str(tmp_path / "nltk"), "PATH": "/usr/bin:/bin",
           "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    assert "network access attempted" not in done.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 7  # 5 seeds, the page, summary
    assert not (tmp_path / "nltk").exists()
