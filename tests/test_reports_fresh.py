"""reports/ holds exactly what `make run` writes for seeds/ (ignoring generated_at)."""

import json

from audit.cli import cli
from conftest import ROOT


def _load(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("generated_at", None)
    return data


def test_seed_reports_are_fresh(runner, tmp_path, in_root):
    out = tmp_path / "reports"
    result = runner.invoke(cli, ["check", "seeds", "--out", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    expected = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in (ROOT / "reports").iterdir())
    assert committed == expected, "reports/ is stale: run `make run` and commit reports/"
    for name in expected:
        assert _load(ROOT / "reports" / name) == _load(out / name), (
            f"reports/{name} is stale: run `make run` and commit reports/")
