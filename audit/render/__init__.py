"""Output formats: one module per format, each a ``Formatter`` registered by its name.

A formatter has two halves. ``article(report, options)`` turns one report into its piece
of output; it runs in the worker that audited the article, so the main process only
copies strings. An instance, made once per run with the function that writes standard
output, puts the pieces together: ``add(piece)`` for each article in input order, then
``close()`` (an array's brackets, a CSV header, a SARIF run's head and tail).

``FORMATS`` maps every format name to its class; ``--format`` offers exactly these, and
``tests/test_render_formats.py`` walks it so that no format is left out of ``--help``,
the README or the seeds' output (as pip-audit's and bandit's formatters are tested).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

# The modules that declare a format, in the order --help lists them.
_FORMAT_MODULES = ("text", "json", "jsonl", "html", "sarif", "csv", "lines")


@dataclass(frozen=True)
class Options:
    """What a format may be asked for on the command line; picklable (it goes to workers)."""

    width: int = 100  # text: the terminal's width
    limit: int | None = 8  # text: rules whose findings are listed (None: every one)
    level: str = "full"  # json, jsonl: the report level (--report-level)


class Formatter:
    """One output format. Subclasses set ``name`` and ``description`` and define
    ``article``; ``add`` and ``close`` write the pieces through ``write`` (exactly the text
    given: no newline is added)."""

    name: ClassVar[str]
    description: ClassVar[str]  # one line, for --help and the README
    # Whether an article whose report was up to date (--incremental) is printed too.
    prints_up_to_date: ClassVar[bool] = True

    def __init__(self, write: Callable[[str], None], *, single: bool = False) -> None:
        # single: the input named one article, so a format that can (JSON) prints it alone.
        self.write, self.single, self.count = write, single, 0

    @staticmethod
    def article(report: dict[str, Any], options: Options) -> str:
        raise NotImplementedError

    def add(self, piece: str) -> None:
        self.write(piece)
        self.count += 1

    def close(self) -> None:
        pass


@lru_cache(maxsize=1)
def formats() -> dict[str, type[Formatter]]:
    """Every format by name, in listing order. Built once per process."""
    found: dict[str, type[Formatter]] = {}
    for module in _FORMAT_MODULES:
        cls = importlib.import_module(f"audit.render.{module}").FORMAT
        if cls.name in found:
            raise ValueError(f"format {cls.name} declared twice")
        found[cls.name] = cls
    return found


NAMES = _FORMAT_MODULES  # the format names, for click.Choice without importing every module


def get(name: str) -> type[Formatter]:
    return formats()[name]


def severity_counts(report: dict[str, Any]) -> dict[str, int]:
    """Findings by severity, every severity present (0 when none)."""
    from audit.rules import SEVERITIES

    counts = dict.fromkeys(reversed(SEVERITIES), 0)
    for finding in report["findings"]:
        counts[finding["severity"]] += 1
    return counts
