"""Configuration from setup.cfg or --config: known keys only, typed values, a digest."""

import pytest

from audit import config


def test_defaults_have_a_stable_digest():
    assert config.Config().digest == config.Config().digest
    assert len(config.Config().digest) == 16


def test_the_default_config_is_shared_and_equal_to_a_fresh_one(tmp_path):
    from audit.api import audit_text

    shared = config.default_config()
    assert shared is config.default_config() is config.load(cwd=tmp_path)
    assert shared.values == {} and shared.digest == config.Config().digest
    assert shared.settings() == config.Config().settings()
    report = audit_text("The mayor said the bridge will reopen in May.", strip=False)
    assert report["config"]["digest"] == config.Config().digest


def test_a_changed_weight_changes_the_digest():
    changed = config.from_mapping({"overall.weight.sourcing": "0.9"})
    assert changed.get("overall.weight.sourcing") == 0.9
    assert changed.digest != config.Config().digest


def test_unknown_key_is_named():
    with pytest.raises(config.ConfigError, match="'colour'"):
        config.from_mapping({"colour": "blue"})


def test_wrong_type_is_named():
    with pytest.raises(config.ConfigError, match=r"overall.weight.sourcing"):
        config.from_mapping({"overall.weight.sourcing": "lots"})


def test_unknown_rule_is_named():
    with pytest.raises(config.ConfigError, match="NOPE-RULE"):
        config.from_mapping({"rules.disable": "NOPE-RULE"})


def test_setup_cfg_of_the_working_directory_is_read(tmp_path):
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = x\n\n[audit]\nfail-under = 55\n")
    assert config.load(cwd=tmp_path).fail_under == 55


def test_setup_cfg_without_audit_section_is_defaults(tmp_path):
    (tmp_path / "setup.cfg").write_text("[metadata]\nname = x\n")
    assert config.load(cwd=tmp_path).values == {}


def test_config_file_without_section_is_an_error(tmp_path):
    path = tmp_path / "x.ini"
    path.write_text("[other]\na = 1\n")
    with pytest.raises(config.ConfigError, match="no \\[audit\\] section"):
        config.load(path)


def test_whole_number_settings_stay_whole():
    changed = config.from_mapping({"readability.long-sentence-words": "30"})
    assert changed.get("readability.long-sentence-words") == 30
    assert isinstance(changed.get("readability.long-sentence-words"), int)
    with pytest.raises(config.ConfigError, match="whole number"):
        config.from_mapping({"readability.long-sentence-words": "30.5"})


def test_a_threshold_from_config_changes_the_findings():
    import audit
    from audit.rules import all_rules

    text = all_rules()["RDB-LONG-SENTENCE"].must_fire[0]
    lenient = config.from_mapping({"readability.long-sentence-words": "80"})
    strict_ids = {f["rule_id"] for f in audit.audit_text(text, strip=False)["findings"]}
    lenient_ids = {f["rule_id"]
                   for f in audit.audit_text(text, strip=False, config=lenient)["findings"]}
    assert "RDB-LONG-SENTENCE" in strict_ids and "RDB-LONG-SENTENCE" not in lenient_ids


# ----------------------------------------------------------------- found like linters' (#19)


def test_pyproject_tool_audit_is_found_upward_and_nearest_wins(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.audit]\nfail-under = 40\nrules.disable = ["RDB"]\n[tool.audit.grade]\na = 90\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    found = config.load(cwd=deep)
    assert found.fail_under == 40 and found.get("grade.a") == 90
    assert "RDB-LONG-SENTENCE" in found.get("rules.disable")  # a prefix names its rules
    assert found.origin_of("grade.a").endswith("pyproject.toml")
    assert found.origin_of("grade.b") == "default"
    (tmp_path / "a" / "setup.cfg").write_text("[audit]\nfail-under = 30\n")
    assert config.load(cwd=deep).fail_under == 30  # nearer
    (tmp_path / "a" / "setup.cfg").write_text("[metadata]\nname = x\n")  # no section: skipped
    assert config.load(cwd=deep).fail_under == 40


def test_a_pyproject_without_tool_audit_is_passed_over(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n")
    (tmp_path / "setup.cfg").write_text("[audit]\nfail-under = 20\n")
    assert config.load(cwd=tmp_path).fail_under == 20


@pytest.mark.parametrize(("text", "key"), [
    ("[tool.audit]\nsourcing.weight.named = -1\n", "sourcing.weight.named"),
    ("[tool.audit.grade]\na = 30\n", "grade.a"),
    ("[tool.audit.grade]\nd = 75\n", "grade.d"),
    ("[tool.audit]\n\"grade.b\" = 120\n", "grade.b"),
    ("[tool.audit]\noverall.weight.sourcing = nan\n", "overall.weight.sourcing"),
    ("[tool.audit]\nreadability.band-low = inf\n", "readability.band-low"),
    ("[tool.audit]\nreadability.band-low = 14\n", "readability.band-low"),
    ("[tool.audit]\nsourcing.mostly-unnamed-share = 1.5\n", "sourcing.mostly-unnamed-share"),
    ("[tool.audit]\nrules.min-severity = \"loud\"\n", "rules.min-severity"),
    ("[tool.audit]\nfail-under = true\n", "fail-under"),
])
def test_every_value_is_range_checked_naming_the_key(tmp_path, runner, text, key):
    from audit.cli import cli

    path = tmp_path / "audit.toml"
    path.write_text(text)
    with pytest.raises(config.ConfigError, match=key.replace(".", r"\.")):
        config.load(path)
    result = runner.invoke(cli, ["config", "--config", str(path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and key in result.stderr


def test_fail_under_is_not_in_the_report_nor_its_digest():
    assert config.from_mapping({"fail-under": "80"}).digest == config.Config().digest
    assert "fail-under" not in config.Config().settings()
    assert config.from_mapping({"grade.a": "90"}).digest != config.Config().digest


def test_select_disable_and_min_severity_filter_the_findings(runner):
    import json

    from audit.cli import cli
    from audit.rules import SEVERITIES, all_rules
    from conftest import SEEDS

    def findings(*options):
        result = runner.invoke(cli, ["check", str(SEEDS[2]), "--format", "json", *options])
        return [(f["rule_id"], f["severity"]) for f in json.loads(result.stdout)["findings"]]

    everything = findings()
    assert {rule for rule, _ in findings("--select", "sourcing")} == \
        {rule for rule, _ in everything if all_rules()[rule].category == "sourcing"}
    assert all(rule.startswith("SRC-") and not rule.startswith("SRC-UNNAMED")
               for rule, _ in findings("--select", "SRC", "--disable", "SRC-UNNAMED"))
    kept = findings("--min-severity", "medium")
    assert kept and all(SEVERITIES.index(s) >= SEVERITIES.index("medium") for _, s in kept)
    assert len(kept) < len(everything)
    result = runner.invoke(cli, ["check", str(SEEDS[2]), "--select", "NOPE"])
    assert result.exit_code == 2 and "NOPE" in result.stderr


def test_audit_config_prints_each_setting_and_where_it_came_from(runner, tmp_path,
                                                                 monkeypatch):
    import json

    from audit.cli import cli

    (tmp_path / "setup.cfg").write_text("[audit]\ngrade.a = 88\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["config"])
    assert result.exit_code == 0
    assert "grade.a = 88.0  # setup.cfg" in result.stdout
    assert "grade.b = 70.0  # default" in result.stdout
    listed = json.loads(runner.invoke(cli, ["config", "--format", "json"]).stdout)
    assert {row["key"] for row in listed["settings"]} == set(config.defaults())
    assert listed["digest"] == config.load().digest


def test_audit_config_shows_what_options_change(runner, tmp_path, monkeypatch):
    from audit.cli import cli

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["config", "--select", "RDB", "--min-severity", "low",
                                 "--fail-under", "50"])
    assert result.exit_code == 0, result.output
    assert "rules.enable = RDB-LONG-SENTENCE" in result.stdout and "# --select" in result.stdout
    assert "rules.min-severity = low  # --min-severity" in result.stdout
    assert "fail-under = 50.0  # --fail-under" in result.stdout
