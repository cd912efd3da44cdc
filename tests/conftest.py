import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def gold():
    return json.loads((ROOT / "tests" / "data" / "seeds.gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


@pytest.fixture
def in_root(monkeypatch):
    """Run from the repository root, as `make run` does."""
    monkeypatch.chdir(ROOT)
    return ROOT
