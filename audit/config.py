"""Configuration: the settings that affect scores, found the way linters find theirs.

Without ``--config FILE``, the directories from the working directory up to the root are
searched, nearest first, for ``pyproject.toml`` with a ``[tool.audit]`` table or
``setup.cfg`` with an ``[audit]`` section (in that order within a directory); the first
found is used. ``--config`` names a file: TOML (``[tool.audit]``, or top-level keys in any
other ``.toml`` file) or INI (an ``[audit]`` section). Command-line options overlay it.

Every stage declares its settings with their defaults in a ``SETTINGS`` dict beside its
``RULES`` (``audit/*/rules.py``). Keys are dotted, e.g. ``sourcing.weight.named``; in an
INI file they are written the same way, in TOML as dotted keys or nested tables. A few
keys are general:

- ``fail-under``: the overall score under which ``audit check`` exits 1 (it does not
  change a report, so it is not in the report's settings nor in its digest);
- ``rules.disable``: rules (ids, id prefixes such as ``SRC-UNNAMED`` or ``RDB``, or
  categories such as ``readability``) that never report;
- ``rules.enable``: when given, only these rules report (``--select``);
- ``rules.min-severity``: findings below this severity are not reported;
- ``report-level``: ``full`` or ``lean``, what a written report holds (like
  ``fail-under``, a setting of the run: not in a report's settings nor its digest).

An unknown key, a value of the wrong type, or a value out of its range (a negative or
non-finite number: every numeric setting is a weight, a number of points, a count or a
threshold; grade bounds out of order) is a ``ConfigError`` naming the key.
"""

from __future__ import annotations

import configparser
import hashlib
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from audit.rules import RULE_MODULES

GENERAL = {"fail-under": None, "rules.disable": (), "rules.enable": None,
           "rules.min-severity": "info", "report-level": "full"}
# What a written report holds: everything ("full"), or no settings but the digest and no
# blocks, one compact line ("lean"; audit.batch.files.lean).
REPORT_LEVELS = ("full", "lean")
# Settings of a run, not of a report: left out of the report's settings and its digest, so
# changing them (``--fail-under``) does not make ``--incremental`` redo every report.
RUN_ONLY = frozenset({"fail-under", "report-level"})
DEFAULT_ORIGIN = "default"
# The modules that declare settings: every rule module (its rules' thresholds and weights
# beside them), then the overall score's.
_SETTING_MODULES = (*RULE_MODULES, "audit.scoring")


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
    # Where each value came from (a file, an option), for ``audit config``; not compared.
    origins: dict[str, str] = field(default_factory=dict, compare=False)

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

    def rule_enabled(self, rule_id: str, severity: str | None = None) -> bool:
        """Whether a finding of this rule (at this severity: the rule's when None) reports."""
        enable, disable, lowest = self._rule_sets
        if enable is not None and rule_id not in enable:
            return False
        if rule_id in disable:
            return False
        from audit.rules import SEVERITIES, get

        return SEVERITIES.index(severity or get(rule_id).severity) >= lowest

    @cached_property
    def _rule_sets(self) -> tuple[frozenset[str] | None, frozenset[str]]:
        """rules.enable (None: all) and rules.disable, asked once per finding."""
        from audit.rules import SEVERITIES

        enable = self.get("rules.enable")
        return (None if enable is None else frozenset(enable),
                frozenset(self.get("rules.disable")),
                SEVERITIES.index(self.get("rules.min-severity")))

    def origin_of(self, key: str) -> str:
        return self.origins.get(key, self.origin if key in self.values else None) \
            or DEFAULT_ORIGIN

    def settings(self) -> dict[str, Any]:
        """The settings that affect scores, with defaults filled in (for the report).

        A fresh dict each time (every report gets its own), made from the values worked
        out once per Config."""
        return {key: list(value) if type(value) is list else value
                for key, value in self._effective}

    @cached_property
    def _effective(self) -> tuple[tuple[str, Any], ...]:
        return tuple((key, list(value) if isinstance(value, (tuple, frozenset, set)) else value)
                     for key, value in self._merged.items() if key not in RUN_ONLY)

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


def select(selectors: Any, where: str) -> tuple[str, ...]:
    """The rule ids that rule selectors name: an id, an id prefix ending at a dash
    (``SRC-UNNAMED``, ``RDB``) or a category (``readability``); comma or space separated
    in a string. Unknown ones are a ConfigError."""
    from audit.rules import CATEGORIES, all_rules

    items = selectors.replace(",", " ").split() if isinstance(selectors, str) \
        else [str(item) for item in selectors]
    chosen: dict[str, None] = {}
    for item in items:
        if item in CATEGORIES:
            found = [r.id for r in all_rules().values() if r.category == item]
        else:
            found = [rule_id for rule_id in all_rules()
                     if rule_id == item or rule_id.startswith(item.rstrip("-") + "-")]
        if not found:
            raise ConfigError(f"{where}: unknown rule id, prefix or category {item!r}")
        chosen.update(dict.fromkeys(found))
    return tuple(chosen)


def _coerce(key: str, raw: Any, default: Any, origin: str) -> Any:
    where = f"{origin}: {key}"
    if key in ("rules.disable", "rules.enable"):
        return select(raw, where)
    if key == "report-level":
        if str(raw).strip().lower() not in REPORT_LEVELS:
            raise ConfigError(f"{where}: expected one of {', '.join(REPORT_LEVELS)}, got {raw!r}")
        return str(raw).strip().lower()
    if key == "rules.min-severity":
        from audit.rules import SEVERITIES

        if str(raw).strip().lower() not in SEVERITIES:
            raise ConfigError(f"{where}: expected one of {', '.join(SEVERITIES)}, got {raw!r}")
        return str(raw).strip().lower()
    if isinstance(raw, bool) and not isinstance(default, bool):
        raise ConfigError(f"{where}: expected a number, got {raw!r}")
    if key == "fail-under" or (isinstance(default, (int, float)) and not isinstance(default, bool)):
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ConfigError(f"{where}: expected a number, got {raw!r}") from None
        if not math.isfinite(value):
            raise ConfigError(f"{where}: expected a finite number, got {raw!r}")
        if key == "fail-under" and not 0 <= value <= 100:
            raise ConfigError(f"{where}: must be between 0 and 100, got {raw!r}")
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


def _check_ranges(merged: dict[str, Any], given: Iterable[str],
                  where: Callable[[str], str]) -> None:
    """Every number in its range, and the bounds that must be ordered in order: one
    ConfigError naming the (first) key and where its value came from."""
    for key, value in merged.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
            raise ConfigError(f"{where(key)}: {key}: must not be negative, got {value!r}")
        if key.startswith("grade.") and not 0 <= value <= 100:
            raise ConfigError(f"{where(key)}: {key}: must be between 0 and 100, got {value!r}")
        if key.endswith("-share") and not 0 <= value <= 1:
            raise ConfigError(f"{where(key)}: {key}: must be between 0 and 1, got {value!r}")
    if "sourcing.base" in merged and merged["sourcing.base"] > 100:
        raise ConfigError(f"{where('sourcing.base')}: sourcing.base: must be at most 100, "
                          f"got {merged['sourcing.base']!r}")
    grades = [key for key in merged if key.startswith("grade.")]
    for higher, lower in pairwise(grades):
        if merged[higher] < merged[lower]:
            key = higher if higher in given else lower
            raise ConfigError(f"{where(key)}: {key}: grade bounds must not increase from "
                              f"{higher} ({merged[higher]:g}) to {lower} ({merged[lower]:g})")
    low, high = merged.get("readability.band-low"), merged.get("readability.band-high")
    if low is not None and high is not None and low > high:
        raise ConfigError(f"{where('readability.band-low')}: readability.band-low ({low:g}) "
                          f"must not exceed readability.band-high ({high:g})")
    weights = [merged[key] for key in merged if key.startswith("overall.weight.")]
    if weights and not sum(weights) > 0:
        raise ConfigError(f"{where('overall.weight.sourcing')}: overall.weight.*: the weights "
                          "must not all be 0")


def from_mapping(values: dict[str, Any], origin: str = "config", *,
                 base: Config | None = None) -> Config:
    """A Config from raw values (strings from INI, typed values from TOML or options),
    overlaid on ``base`` when given; every value typed and range-checked."""
    known = defaults()
    parsed = dict(base.values) if base is not None else {}
    origins = {key: base.origin_of(key) for key in parsed} if base is not None else {}
    for key, raw in values.items():
        key = key.strip().lower().replace("_", "-") if key.strip().lower() in (
            "fail_under", "fail-under", "report_level", "report-level") else key.strip()
        if key not in known:
            raise ConfigError(f"{origin}: unknown key {key!r}")
        parsed[key] = _coerce(key, raw, known[key], origin)
        origins[key] = origin
    merged = {**known, **parsed}
    _check_ranges(merged, parsed, lambda key: origins.get(key, DEFAULT_ORIGIN))
    return Config(values=parsed, origin=origin if base is None else base.origin or origin,
                  origins=origins)


def _flatten(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """TOML tables to dotted keys: ``[tool.audit.grade] a = 80`` is ``grade.a``."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _read_toml(path: Path, required: bool) -> dict[str, Any] | None:
    import tomllib

    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}".splitlines()[0]) from None
    if path.name == "pyproject.toml" or "tool" in data:
        table = data.get("tool", {}).get("audit")
        if table is None:
            if required:
                raise ConfigError(f"{path}: no [tool.audit] table")
            return None
        return _flatten(table)
    return _flatten(data)


def _read_ini(path: Path, required: bool) -> dict[str, Any] | None:
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
        return None
    return dict(parser.items("audit"))


def _read(path: Path, required: bool) -> dict[str, Any] | None:
    reader = _read_toml if path.suffix.lower() == ".toml" else _read_ini
    return reader(path, required)


def find(cwd: str | Path = ".") -> Path | None:
    """The nearest pyproject.toml with [tool.audit] or setup.cfg with [audit], from ``cwd``
    up to the root; None when there is none."""
    here = Path(cwd).resolve()
    for directory in (here, *here.parents):
        for name in ("pyproject.toml", "setup.cfg"):
            candidate = directory / name
            if candidate.is_file() and _read(candidate, required=False) is not None:
                return candidate
    return None


def load(path: str | Path | None = None, *, cwd: str | Path = ".") -> Config:
    """Read ``--config FILE`` when given, else the nearest configuration found upward from
    ``cwd`` (``find``); the defaults when there is none."""
    if path is None:
        found = find(cwd)
        if found is None:
            return default_config()
        path = found
        try:
            shown = str(found.relative_to(Path(cwd).resolve()))
        except ValueError:
            shown = str(found)
    else:
        shown = str(path)
    values = _read(Path(path), required=True)
    return from_mapping(values, origin=shown)
