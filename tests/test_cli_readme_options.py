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
