"""--format lines: one finding a line, ``path:line:col: RULE-ID severity message``, as
ruff, flake8 and Vale print them, for grep and for editors that jump to a location.

Line and column are those of the report: in the input file for text input, in the
article text for HTML input. A finding about the whole article (no place in the text,
such as a missing byline) is given line 1, column 1, as linters do for a file."""

from __future__ import annotations

from typing import Any

from audit.decode import displayable
from audit.render import Formatter, Options


class LinesFormat(Formatter):
    name = "lines"
    description = "one finding a line: path:line:col: RULE-ID severity message"

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        path = displayable(report["input"]["source"], file_name=True)
        out = []
        for f in report["findings"]:
            line, column = f["line"] or 1, f["column"] or 1
            message = displayable(" ".join(f["message"].split()))
            out.append(f"{path}:{line}:{column}: {f['rule_id']} {f['severity']} {message}\n")
        return "".join(out)


FORMAT = LinesFormat
