"""Inputs as linters take them (issue 19): nothing to audit is a usage error naming the
patterns, ``**/`` matches top-level files, gzip-compressed pages, malformed URLs, empty
files, and `audit strip` reading what `audit check` reads."""

from __future__ import annotations

import gzip

import pytest

from audit import inputs
from audit.cli import cli
from conftest import ROOT, SEEDS


def test_zero_inputs_after_filtering_exit_2_naming_the_patterns(runner, tmp_path):
    result = runner.invoke(cli, ["check", str(ROOT / "seeds"), "--include", "*.html"])
    assert result.exit_code == 2
    assert "no input to audit" in result.stderr and "--include *.html" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(cli, ["check", str(empty)])
    assert result.exit_code == 2 and "no input to audit" in result.stderr


def test_a_double_star_pattern_also_matches_top_level_files():
    wants = inputs.Selection(include=("**/*.txt",)).wants
    assert wants("a.txt") and wants("sub/a.txt") and not wants("a.html")
    assert inputs.Selection(include=("x/**/*.txt",)).wants("x/a.txt")
    assert len(list(inputs.iter_items([str(ROOT / "seeds")],
                                      selection=inputs.Selection(("**/*.txt",))))) == len(SEEDS)


@pytest.mark.parametrize("content", [b"", b"  \n\t \n"])
def test_an_empty_or_blank_file_is_a_one_line_failure(runner, tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "empty input" in result.stderr


@pytest.mark.parametrize("url", ["https://exa mple.org/x", "https://[::1"])
def test_a_malformed_url_is_exit_3_with_its_reason(runner, url):
    result = runner.invoke(cli, ["check", url])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"audit: {url}: not a valid URL")
    assert runner.invoke(cli, ["strip", url]).exit_code == 3


def test_gzip_compressed_pages_are_read_by_check_and_strip(runner, tmp_path):
    page = tmp_path / "story.txt.gz"
    page.write_bytes(gzip.compress(SEEDS[2].read_bytes()))
    plain = runner.invoke(cli, ["check", str(SEEDS[2]), "--format", "lines"]).stdout
    packed = runner.invoke(cli, ["check", str(page), "--format", "lines"])
    assert packed.exit_code in (0, 1), packed.output
    assert packed.stdout.replace(str(page), str(SEEDS[2])) == plain
    stripped = runner.invoke(cli, ["strip", str(page)])
    assert stripped.stdout == runner.invoke(cli, ["strip", str(SEEDS[2])]).stdout
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"not gzip at all")
    result = runner.invoke(cli, ["check", str(broken)])
    assert result.exit_code == 3 and str(broken) in result.stderr


def test_a_gzip_bomb_is_refused_past_the_cap(monkeypatch, tmp_path):
    monkeypatch.setattr(inputs.base, "MAX_RECORD_BYTES", 1000)
    page = tmp_path / "bomb.html.gz"
    page.write_bytes(gzip.compress(b"<p>" + b"a" * 50_000))
    (item,) = inputs.iter_items([str(page)])
    assert isinstance(item, inputs.Failure) and "cap" in item.reason


def test_strip_refuses_a_file_of_several_articles(runner, tmp_path):
    records = tmp_path / "two.jsonl"
    records.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n')
    result = runner.invoke(cli, ["strip", str(records)])
    assert result.exit_code == 2 and "several" in result.stderr


def test_every_input_module_is_one_source_with_the_same_interface():
    import importlib
    import pkgutil

    from audit.inputs import lists

    modules = {m.name for m in pkgutil.iter_modules(inputs.__path__)} - {"base"}
    found = {type(s).__module__.rsplit(".", 1)[-1] for s in (*inputs.SOURCES, lists.SOURCE)}
    assert found == modules  # every module's source is asked (lists: through --from-file)
    for name in modules:
        module = importlib.import_module(f"audit.inputs.{name}")
        sources = [v for v in vars(module).values() if isinstance(v, inputs.Source)]
        assert sources and all(s.name for s in sources), name
    assert inputs.SOURCES[-1] is importlib.import_module("audit.inputs.files").FILES
