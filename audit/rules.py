"""Rules as data: every finding the tool reports comes from one of these.

A rule has a stable id (also its configuration key), a category, a severity, a
confidence, a one-line message, and example texts on which it must and must not
fire. ``tests/test_rules.py`` runs every example through the whole audit, so a rule
without examples, or whose examples disagree with its code, fails the tests.

Stage modules declare their rules in a ``RULES`` tuple; ``all_rules()`` gathers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


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


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


# The values as plain strings, in order (for click choices and configuration checks).
CATEGORIES = tuple(c.value for c in Category)
SEVERITIES = tuple(s.value for s in Severity)
CONFIDENCES = tuple(c.value for c in Confidence)

# The modules that declare rules, in the order ``audit rules`` lists them.
_RULE_MODULES = (
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

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"{self.id}: unknown category {self.category!r}")
        if self.severity not in SEVERITIES:
            raise ValueError(f"{self.id}: unknown severity {self.severity!r}")
        if self.confidence not in CONFIDENCES:
            raise ValueError(f"{self.id}: unknown confidence {self.confidence!r}")
        # Declared as strings in the stages' rules.py; held as their enumerations.
        object.__setattr__(self, "category", Category(self.category))
        object.__setattr__(self, "severity", Severity(self.severity))
        object.__setattr__(self, "confidence", Confidence(self.confidence))


@lru_cache(maxsize=1)
def all_rules() -> dict[str, Rule]:
    """Every rule by id, in listing order. Built once per process."""
    import importlib

    rules: dict[str, Rule] = {}
    for name in _RULE_MODULES:
        for rule in importlib.import_module(name).RULES:
            if rule.id in rules:
                raise ValueError(f"duplicate rule id {rule.id}")
            rules[rule.id] = rule
    return rules


def get(rule_id: str) -> Rule:
    return all_rules()[rule_id]
