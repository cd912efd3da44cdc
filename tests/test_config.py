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
