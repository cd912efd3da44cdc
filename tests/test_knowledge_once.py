"""Knowledge written once (issue 18): a fact the code needs in two places is imported from
its one home, not spelled again. Each test reads the string literals of every module
(docstrings and comments aside) and fails when a second copy appears."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "audit"


def _literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


def _modules_spelling(*needles: str) -> set[str]:
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        text = "\n".join(_literals(path)).casefold()
        if any(needle in text for needle in needles):
            found.add(path.relative_to(ROOT).as_posix())
    return found


def test_one_list_of_agencies():
    assert _modules_spelling("associated press", "xinhua", "agence france") == \
        {"audit/agencies.py"}


def test_one_list_of_month_names():
    assert _modules_spelling("fevereiro", "januari", "dicembre") == {"audit/metadata.py"}


def test_one_list_of_byline_words():
    assert _modules_spelling("by|von", "von|por", "door|av") == set()
    assert "oleh" in "\n".join(_literals(PACKAGE / "bylines.py"))


def test_one_date_parser():
    """Dates are parsed by audit.metadata.parse_date alone (measured against htmldate and
    dateutil: README, Dependencies)."""
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "dateutil" not in source and "strptime(" not in source.replace(
            "datetime.strptime(text, fmt)", ""), path


def test_one_registrable_domain():
    for path in PACKAGE.rglob("*.py"):
        assert "co.uk" not in "\n".join(_literals(path)), path
