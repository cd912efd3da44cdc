"""The report contract: load the shipped JSON Schemas and validate against them.

The schemas live in ``schemas/`` at the top of the repository and, identical, inside
the package (``audit/schemas/``) so that an installed copy validates its own output;
``tests/test_schema.py`` keeps the two the same.

Validation uses jsonschema, the reference implementation: ``audit validate``, the batch
summary and the tests. A report is not validated as it is made: it is written from typed
records by audit.report alone, and tests/test_schema_types.py holds those records to the
schema field by field (validating each report cost 2.4% of a clean-text audit).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1.0"
REPORT = "report.schema.json"
SUMMARY = "summary.schema.json"


class ReportInvalid(Exception):
    """A report does not match the schema: a bug in the tool, never the input's fault."""


def schema_text(name: str = REPORT) -> str:
    return resources.files("audit").joinpath("schemas", name).read_text(encoding="utf-8")


@cache
def load(name: str = REPORT) -> dict[str, Any]:
    return json.loads(schema_text(name))


@cache
def validator(name: str = REPORT):
    """One validator per schema per process. The schema itself is checked against the
    meta-schema by the tests, not at run time (that check alone costs about 150 ms)."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load(name))


def first_error(instance: Any, name: str = REPORT) -> str | None:
    """A one-line description of the first schema error, or None when the instance is valid."""
    error = next(iter(validator(name).iter_errors(instance)), None)
    if error is None:
        return None
    where = "/".join(str(part) for part in error.absolute_path) or "(top)"
    message = error.message if len(error.message) <= 200 else error.message[:197] + "..."
    return f"at {where}: {message}"


def validate(instance: Any, name: str = REPORT) -> None:
    problem = first_error(instance, name)
    if problem is not None:
        raise ReportInvalid(problem)
