"""reports/ holds exactly what `make run` writes for seeds/, byte for byte: a report holds
nothing that changes from run to run (no timestamp), so `make run` on a fresh clone
leaves `git status` clean."""

from audit.cli import cli
from conftest import ROOT


def test_seed_reports_are_fresh(runner, tmp_path, in_root):
    out = tmp_path / "reports"
    result = runner.invoke(cli, ["check", "seeds", "--out", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    expected = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in (ROOT / "reports").iterdir())
    assert committed == expected, "reports/ is stale: run `make run` and commit reports/"
    for name in expected:
        assert (ROOT / "reports" / name).read_bytes() == (out / name).read_bytes(), (
            f"reports/{name} is stale: run `make run` and commit reports/")
