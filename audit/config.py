"""Configuration: the settings that affect scores, read from ``[audit]`` in setup.cfg
(of the working directory) or from ``--config FILE``.

Every stage declares its settings with their defaults in a ``SETTINGS`` dict beside its
``RULES`` (``audit/*/rules.py``). Keys are dotted, e.g. ``sourcing.weight.named``; in an
INI file they are written the same way. A few keys are general:

- ``fail-under``: the overall score under which ``audit check`` exits 1;
- ``rules.disable``: rule ids (comma or space separated) that never report;
- ``rules.enable``: when given, only these rule ids report.

An unknown key, a value of the wrong type, or a number that is negative or not finite
(every numeric setting is a weight, a number of points, a count or a threshold) is a
``ConfigError`` naming the key.
"""

from __future__ import annotations

import configparser
import hashlib
import json
import math
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

GENERAL = {"fail-under": None, "rules.disable": (), "rules.enable": None}
_SETTING_MODULES = (
    "audit.strip.rules", "audit.readability.rules", "audit.sourcing.rules", "audit.scoring",
)


class ConfigError(Exception):
    """A configuration problem: exit code 2."""


@lru_cache(maxsize=1)
def defaults() -> dict[str, Any]:
    """Every known setting with its default, in a stable order."""
    import importlib

    merged: dict[str, Any] = dict(GENERAL)
    for name in _SETTING_MODULES:
        for key, value in getattr(importlib.import_module(name), "SETTINGS", {}).items():
            if key in merged:
                raise ValueError(f"setting {key} declared twice")
            merged[key] = value
    return merged


@dataclass(frozen=True)
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    origin: str | None = None  # the file the values came from, for messages

    def get(self, key: str) -> Any:
        return self._merged[key]

    @cached_property
    def _merged(self) -> dict[str, Any]:
        """Defaults overlaid with the values given: one dict lookup per ``get`` (the stages
        ask for settings thousands of times a batch)."""
        return {**defaults(), **self.values}

    @property
    def fail_under(self) -> float | None:
        return self.get("fail-under")

    def rule_enabled(self, rule_id: str) -> bool:
        enable, disable = self._rule_sets
        if enable is not None and rule_id not in enable:
            return False
        return rule_id not in disable

    @cached_property
    def _rule_sets(self) -> tuple[frozenset[str] | None, frozenset[str]]:
        """rules.enable (None: all) and rules.disable, asked once per finding."""
        enable = self.get("rules.enable")
        return (None if enable is None else frozenset(enable),
                frozenset(self.get("rules.disable")))

    def settings(self) -> dict[str, Any]:
        """The settings that affect scores, with defaults filled in (for the report).

        A fresh dict each time (every report gets its own), made from the values worked
        out once per Config."""
        return {key: list(value) if type(value) is list else value
                for key, value in self._effective}

    @cached_property
    def _effective(self) -> tuple[tuple[str, Any], ...]:
        return tuple((key, list(value) if isinstance(value, (tuple, frozenset, set)) else value)
                     for key, value in self._merged.items())

    @cached_property
    def digest(self) -> str:
        """A short hash of the effective settings: equal digests, equal scoring (worked out
        once per Config: a batch stamps it on every report)."""
        blob = json.dumps(self.settings(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def default_config() -> Config:
    """The Config with no values, shared: its merged settings and digest are worked out
    once per process instead of once per article (``audit_text(text)`` in a loop paid
    0.2 ms an article for them). Like every Config, it is not to be changed."""
    return Config()


def _coerce(key: str, raw: Any, default: Any, origin: str) -> Any:
    where = f"{origin}: {key}"
    if key in ("rules.disable", "rules.enable"):
        items = raw.replace(",", " ").split() if isinstance(raw, str) else list(raw)
        from audit.rules import all_rules

        unknown = [item for item in items if item not in all_rules()]
        if unknown:
            raise ConfigError(f"{where}: unknown rule id {unknown[0]!r}")
        return tuple(items)
    if key == "fail-under" or (isinstance(default, (int, float)) and not isinstance(default, bool)):
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: expected a number, got {raw!r}") from None
        if not math.isfinite(value):
            raise ConfigError(f"{where}: expected a finite number, got {raw!r}")
        if key == "fail-under" and not 0 <= value <= 100:
            raise ConfigError(f"{where}: must be between 0 and 100, got {raw!r}")
        if value < 0:  # weights, points, counts and thresholds: none means anything below 0
            raise ConfigError(f"{where}: must not be negative, got {raw!r}")
        if isinstance(default, int):  # counts and thresholds in words stay whole numbers
            if not value.is_integer():
                raise ConfigError(f"{where}: expected a whole number, got {raw!r}")
            return int(value)
        return value
    if isinstance(default, bool):
        text = str(raw).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{where}: expected true or false, got {raw!r}")
    return raw


def from_mapping(values: dict[str, Any], origin: str = "config") -> Config:
    known = defaults()
    parsed = {}
    for key, raw in values.items():
        key = key.strip().lower().replace("_", "-") if key.strip().lower() in (
            "fail_under", "fail-under") else key.strip()
        if key not in known:
            raise ConfigError(f"{origin}: unknown key {key!r}")
        parsed[key] = _coerce(key, raw, known[key], origin)
    return Config(values=parsed, origin=origin)


def load(path: str | Path | None = None, *, cwd: str | Path = ".") -> Config:
    """Read ``--config FILE`` when given, else ``[audit]`` of ./setup.cfg when there is one.

    A ``--config`` file may be any INI file with an ``[audit]`` section.
    """
    if path is None:
        candidate = Path(cwd) / "setup.cfg"
        if not candidate.is_file():
            return default_config()
        path, required = candidate, False
    else:
        required = True
    path = Path(path)
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keep keys as written
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}".splitlines()[0]) from None
    if not parser.has_section("audit"):
        if required:
            raise ConfigError(f"{path}: no [audit] section")
        return default_config()
    return from_mapping(dict(parser.items("audit")), origin=str(path))
