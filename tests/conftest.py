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


# For the batch tests (tests/test_batch*.py): a news-like paragraph, a folder of short
# articles made of it, and the reports a run printed as JSON Lines.
BODY = ("The council approved the budget on Tuesday after a long debate, the mayor said. "
        "Officials said the plan would cost $4.7 billion over five years. ")


def articles(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(f"Story {i}\n\n{BODY * 4}\n", encoding="utf-8")
    return folder


def stdout_jsonl(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]

