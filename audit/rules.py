"""Rules as data: every finding the tool reports comes from one of these.

A rule has a stable id (also its configuration key), a category, a severity, a
confidence, a one-line message, and example texts on which it must and must not
fire. ``tests/test_rules.py`` runs every example through the whole audit, on the text
path and as an HTML page, so a rule without examples, or whose examples disagree with
its code on either path, fails the tests.

Stage modules declare their rules in a ``RULES`` tuple beside their settings
(``SETTINGS``); ``all_rules()`` gathers them. A rule carries its detector (``detect``)
when the detector is a function of one thing the pipeline already holds, named by
``reads`` (as a bandit plugin names the node it checks): ``"extraction"``, the
``audit.model.Extraction`` of the page, run for every page by ``detect(...)``; or
``"facts"``, the article-level facts of ``audit.sourcing.consistency``, run by the
sourcing stage; or ``"sentences"``, the measured sentences of the readability stage
(``audit.readability.rules.Measured``); or ``"attributions"``, the attributions the
sourcing stage found (``audit.sourcing.rules.Attributed``); or ``"copies"``, the texts
the article shares with others of its batch or with a reference
(``audit.copies.rules.Copied``), run once those are known. A few rules are fired inside
the sourcing passes whose results the scores read (``audit/sourcing/rules.py`` says which)
and are declared there with their examples.

Whether a rule is reported (``rules.disable``, ``rules.enable``, ``rules.min-severity``)
never changes a score: the switches filter findings in one place (``audit.report``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

# Confidence lives in audit.model (a Finding may carry one) and is read from here too.
from audit.model import Confidence, Finding


class Category(StrEnum):
    READABILITY = "readability"
    SOURCING = "sourcing"
    ATTRIBUTION = "attribution"
    EXTRACTION = "extraction"


class Severity(StrEnum):
    """Least severe first (``rules.min-severity`` compares by this order)."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# The values as plain strings, in order (for click choices and configuration checks).
CATEGORIES = tuple(c.value for c in Category)
SEVERITIES = tuple(s.value for s in Severity)
CONFIDENCES = tuple(c.value for c in Confidence)
# What a rule's detector may read (see the module's docstring).
READS = ("extraction", "facts", "sentences", "attributions", "copies")

# The modules that declare rules (and their settings), in the order ``audit rules`` lists
# them. A new stage with rules adds its module here; config reads its SETTINGS too.
RULE_MODULES = (
    "audit.strip.rules",
    "audit.readability.rules",
    "audit.sourcing.rules",
    "audit.copies.rules",
)


@dataclass(frozen=True)
class Rule:
    id: str
    category: Category
    severity: Severity
    confidence: Confidence
    message: str
    must_fire: tuple[str, ...]
    must_not_fire: tuple[str, ...]
    # Examples are audited as they are (strip=False) unless they are whole pages.
    examples_are_pages: bool = False
    # Examples are audited against a reference holding this text (audit.copies).
    reference: str | None = None
    # The detector, when the rule's module holds it: what it reads (READS) and the
    # function from that to the rule's findings.
    reads: str | None = None
    detect: Callable[[Any], Iterable[Finding]] | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.id}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.id}: unknown severity {self.severity!r}")
        if self.confidence not in CONFIDENCES:
            raise ValueError(f"{self.id}: unknown confidence {self.confidence!r}")
        if (self.reads is None) != (self.detect is None) or \
                (self.reads is not None and self.reads not in READS):
            raise ValueError(f"{self.id}: a detector needs what it reads, one of {READS}")
        # Declared as strings in the stages' rules.py; held as their enumerations.
        object.__setattr__(self, "category", Category(self.category))
        object.__setattr__(self, "severity", Severity(self.severity))
        object.__setattr__(self, "confidence", Confidence(self.confidence))


@lru_cache(maxsize=1)
def all_rules() -> dict[str, Rule]:
    """Every rule by id, in listing order. Built once per process."""
    import importlib

    rules: dict[str, Rule] = {}
    for name in RULE_MODULES:
        for rule in importlib.import_module(name).RULES:
            if rule.id in rules:
                raise ValueError(f"duplicate rule id {rule.id}")
            rules[rule.id] = rule
    return rules


def get(rule_id: str) -> Rule:
    return all_rules()[rule_id]


@cache
def detectors(reads: str) -> tuple[Callable[[Any], Iterable[Finding]], ...]:
    """The detectors of every rule that reads ``reads``, in listing order."""
    return tuple(rule.detect for rule in all_rules().values()
                 if rule.reads == reads and rule.detect is not None)


def detect(reads: str, subject: Any) -> list[Finding]:
    """The findings of every rule whose detector reads ``reads``, run on ``subject``."""
    return [finding for run in detectors(reads) for finding in run(subject)]
