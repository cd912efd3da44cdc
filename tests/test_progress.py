"""Progress on standard error: live on a terminal, log lines otherwise, silent when quiet."""

import io
import re

from audit import progress as progress_mod
from audit.progress import Progress


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_terminal_gets_a_live_line_with_rate_and_time_left(monkeypatch):
    clock = iter(range(0, 1000))
    monkeypatch.setattr(progress_mod.time, "monotonic", lambda: next(clock))
    stream = _Terminal()
    bar = Progress(10, stream=stream)
    for _ in range(4):
        bar.update(failed=False)
    bar.finish()
    out = stream.getvalue()
    assert "\r\x1b[K" in out
    assert "4/10 done, 0 failed" in out and "left" in out
    assert out.endswith("\r\x1b[K")  # the line is gone at the end


def test_log_lines_when_not_a_terminal(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(progress_mod.time, "monotonic", lambda: now[0])
    stream = io.StringIO()
    bar = Progress(None, stream=stream)
    for _ in range(3):
        now[0] += 6
        bar.update(failed=True)
    bar.finish()
    lines = stream.getvalue().splitlines()
    stamp = r"audit: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ "  # ISO 8601, UTC
    assert re.match(stamp + "2 done, 2 failed", lines[0])
    assert re.match(stamp + "3 done, 3 failed", lines[-1])
    assert "\r" not in stream.getvalue()


def test_short_runs_and_quiet_runs_print_nothing():
    stream = io.StringIO()
    bar = Progress(3, stream=stream)
    bar.update(failed=False)
    bar.finish()
    quiet = Progress(3, enabled=False, stream=stream)
    quiet.update(failed=False)
    quiet.finish()
    assert stream.getvalue() == ""
