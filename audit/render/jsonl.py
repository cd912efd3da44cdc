"""--format jsonl: JSON Lines, one report a line (what --jsonl FILE writes too)."""

from __future__ import annotations

from typing import Any

from audit.render import Formatter, Options


class JsonlFormat(Formatter):
    name = "jsonl"
    description = "JSON Lines: one report a line"

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        from audit.batch import dumps_line

        return dumps_line(report, options.level) + "\n"


FORMAT = JsonlFormat
