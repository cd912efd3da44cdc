"""The README documents every option `--help` lists, and names no option that does not
exist (issue 19). Only the part about using the tool is read: later sections quote the
options of the benchmark and scoring scripts."""

from __future__ import annotations

import re

import click

from audit.cli import cli
from conftest import ROOT

USAGE_END = "## How the scores are made"
CLICK_OWN = {"--help", "--version"}


def _usage_part() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert USAGE_END in readme
    return readme.split(USAGE_END, 1)[0]


def _options() -> dict[str, set[str]]:
    """Every long option of every command, with the commands that have it."""
    found: dict[str, set[str]] = {}
    for name, command in cli.commands.items():
        for param in command.params:
            if isinstance(param, click.Option):
                for option in (*param.opts, *param.secondary_opts):
                    if option.startswith("--"):
                        found.setdefault(option, set()).add(name)
    return found


def test_every_option_in_help_is_in_the_readme_and_the_other_way_round():
    part = _usage_part()
    documented = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", part))
    options = _options()
    assert not set(options) - documented, "options in --help, not in the README"
    assert not documented - set(options) - CLICK_OWN, "options in the README, not in --help"


def test_every_command_is_in_the_readme_and_every_option_in_its_help(runner):
    part = _usage_part()
    for name, command in cli.commands.items():
        assert f"audit {name}" in part, name
        # Through the group, as a user asks: a Context made here would cache a help option
        # without -h on the command.
        text = runner.invoke(cli, [name, "--help"]).output
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.opts[-1] in text


def _section(title: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"\n{title}\n" in readme, title
    return readme.split(f"\n{title}\n", 1)[1].split("\n## ", 1)[0]


def _table_rows(section: str) -> list[list[str]]:
    rows = [line.strip().strip("|").split("|") for line in section.splitlines()
            if line.startswith("|") and not line.startswith("|---")]
    return [[cell.strip() for cell in row] for row in rows[1:]]  # without the header


def test_the_readme_rules_table_is_the_rules_of_the_code():
    """Every rule `audit rules` lists is in the README's table with its category, and the
    table names no rule that does not exist."""
    from audit.rules import all_rules

    rules = all_rules()
    listed: dict[str, str] = {}
    for ids, category, _what in _table_rows(_section("## Rules")):
        for rule_id in re.findall(r"`([A-Z]+(?:-[A-Z]+)+)`", ids):
            listed[rule_id] = category
    assert set(listed) == set(rules), "the README's rules table and audit.rules differ"
    for rule_id, category in listed.items():
        assert rules[rule_id].category == category, rule_id


def test_the_readme_configuration_keys_exist():
    """The keys of the README's configuration table are settings the code knows, and the
    general ones (not a stage's) are all there."""
    from audit.config import defaults

    known = defaults()
    documented: set[str] = set()
    for row in _table_rows(_section("### Configuration")):
        keys = re.findall(r"`(\.?[a-z][\w.-]*)`", row[0])
        base = ""
        for key in keys:
            if key.startswith("."):  # `overall.weight.readability` / `.sourcing`
                key = base.rsplit(".", 1)[0] + key
            base = key
            documented.add(key)
        if "…" in row[0]:  # `grade.a` … `grade.d`
            first, last = keys[0], keys[-1]
            stem = first.rsplit(".", 1)[0]
            documented |= {k for k in known if k.startswith(stem + ".")
                           and first <= k <= last}
    assert documented <= set(known), documented - set(known)
    general = {k for k in known if not k.startswith(("readability.", "sourcing.",
                                                     "attribution."))}
    assert general <= documented, general - documented


def test_the_layout_names_files_that_exist():
    """Every path the README's layout and extension-point tables name is in the tree, and
    the registries they send a newcomer to exist where they say."""
    layout = _section("## Layout")
    paths = set(re.findall(r"`(audit/[\w/.<>-]+)`", layout))
    assert len(paths) > 15
    for path in paths:
        if "<" not in path:
            assert (ROOT / path).exists(), path
    from audit import inputs, lang, render

    assert render._FORMAT_MODULES and inputs.SOURCES and lang.MODULES and lang.PACKS
