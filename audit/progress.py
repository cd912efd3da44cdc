"""Progress on standard error: a live line on a terminal, plain log lines otherwise.

A log line starts with the time it was written, ISO 8601 in UTC (``audit:
2026-12-04T09:55:04Z 120/800 done, ...``), so that a nightly job's log says when each
stage of the run was reached; the live line on a terminal has none."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from audit.report import utc_now

LOG_EVERY_SECONDS = 10.0
REDRAW_SECONDS = 0.1


class Progress:
    def __init__(self, total: int | None, *, enabled: bool = True,
                 stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled
        self.live = enabled and self.stream.isatty()
        self.done = self.failed = 0
        self.logged = False  # a plain log line was written: end with a final one
        self.start = self.last = time.monotonic()

    def update(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if not self.enabled:
            return
        now = time.monotonic()
        if self.live and now - self.last >= REDRAW_SECONDS:
            self.last = now
            self.stream.write("\r\x1b[K" + self._line(now))
            self.stream.flush()
        elif not self.live and now - self.last >= LOG_EVERY_SECONDS:
            self.last = now
            self.stream.write(f"audit: {utc_now()} {self._line(now)}\n")
            self.stream.flush()
            self.logged = True

    def clear(self) -> None:
        """Before something else is printed on the terminal."""
        if self.live:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def finish(self) -> None:
        if not self.enabled:
            return
        self.clear()
        if self.logged:
            self.stream.write(f"audit: {utc_now()} {self._line(time.monotonic())}\n")

    def _line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        line = f"{count} done, {self.failed} failed, {rate:.1f}/s"
        if self.total and rate > 0 and self.done < self.total:
            left = int((self.total - self.done) / rate)
            line += f", {left // 3600}:{left // 60 % 60:02d}:{left % 60:02d} left"
        return line
