"""--format json: the reports as indented JSON, as written to their files. One article
named on the command line prints one object; anything else (a directory, several inputs,
a list, JSON Lines or WARC records) an array, even of one or none, so a script can rely
on the shape from the command it runs."""

from __future__ import annotations

from typing import Any

from audit.render import Formatter, Options


class JsonFormat(Formatter):
    name = "json"
    description = "the reports as indented JSON: one object for one article named, else an array"

    def __init__(self, write, *, single: bool = False) -> None:
        super().__init__(write, single=single)
        self.held: str | None = None  # the first report, until we know if a second comes

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        from audit.batch import dumps

        return dumps(report, options.level)  # ends with a newline

    def add(self, piece: str) -> None:
        if self.count == 0:
            self.held = piece
        elif self.count == 1:
            self.write("[\n" + self.held + ",\n" + piece)
            self.held = None
        else:
            self.write(",\n" + piece)
        self.count += 1

    def close(self) -> None:
        if self.count == 0:
            self.write("[]\n")
        elif self.count == 1:
            self.write(self.held if self.single else "[\n" + self.held + "]\n")
        else:
            self.write("]\n")


FORMAT = JsonFormat
