"""Every rule has examples that must fire and must not fire, and they do."""

from html import escape

import pytest

import audit
from audit.rules import all_rules

RULES = list(all_rules().values())
# Every example runs through both inputs: as text, and as an HTML page (as_html).
PATHS = ("text", "html")


def _fired(rule, text, path="text"):
    if path == "text":
        report = audit.audit_text(text, strip=rule.examples_are_pages)
    else:
        report = audit.audit_html(as_html(text, page=rule.examples_are_pages))
    if rule.reference is not None:  # audited against a reference, as --reference does
        report = _with_reference(report, rule.reference)
    return rule.id in {f["rule_id"] for f in report["findings"]}


def as_html(text, *, page):
    """The example as a web page: each paragraph a <p> inside <article>; a page's first
    paragraph is its headline, given as <title> and as the <h1> above the body."""
    paragraphs = text.split("\n\n")
    title = ""
    if page:
        title = f"<title>{escape(paragraphs[0])}</title>"
        paragraphs[0] = f"<h1>{escape(paragraphs[0])}</h1>"
    body = "".join(p if p.startswith("<h1>") else f"<p>{escape(p)}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><meta charset=utf-8>{title}</head><body><article>"
            f"{body}</article></body></html>")


def _with_reference(report, reference, config=None):
    import tempfile
    from pathlib import Path

    from audit.copies.index import Reference
    from audit.copies.reference import attach

    with tempfile.TemporaryDirectory() as tmp:
        index = Path(tmp, "ref.audit-index")
        Reference.build(index, [("reference", reference, None, None)])
        opened = Reference(index)
        attach(report, opened, config)
        opened.close()
    return report


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule):
    assert rule.must_fire, f"{rule.id} has no example that must fire"
    assert rule.must_not_fire, f"{rule.id} has no example that must not fire"


@pytest.mark.parametrize(
    "rule,text",
    [(r, t) for r in RULES for t in r.must_fire],
    ids=lambda v: v.id if hasattr(v, "id") else "",
)
@pytest.mark.parametrize("path", PATHS)
def test_rule_fires(rule, text, path):
    assert _fired(rule, text, path), f"{rule.id} did not fire on ({path}): {text[:80]}"


@pytest.mark.parametrize(
    "rule,text",
    [(r, t) for r in RULES for t in r.must_not_fire],
    ids=lambda v: v.id if hasattr(v, "id") else "",
)
@pytest.mark.parametrize("path", PATHS)
def test_rule_does_not_fire(rule, text, path):
    assert not _fired(rule, text, path), f"{rule.id} fired on ({path}): {text[:80]}"


def test_rule_ids_are_stable_and_prefixed():
    prefixes = {"readability": "RDB-", "sourcing": "SRC-", "attribution": "ATT-",
                "extraction": "EXT-"}
    for rule in RULES:
        assert rule.id.startswith(prefixes[rule.category]), rule.id


def test_disabled_rule_does_not_report():
    from audit.config import from_mapping

    rule = all_rules()["RDB-LONG-SENTENCE"]
    text = rule.must_fire[0]
    config = from_mapping({"rules.disable": "RDB-LONG-SENTENCE"})
    report = audit.audit_text(text, strip=False, config=config)
    assert "RDB-LONG-SENTENCE" not in {f["rule_id"] for f in report["findings"]}


def test_a_rule_switch_changes_what_is_reported_never_a_score():
    """One decision for every rule (README, Configuration): ``rules.disable``,
    ``rules.enable`` and ``rules.min-severity`` filter findings; scores move only with
    their settings. Seed 002's readability stayed 75.7 while RDB-LONG-SENTENCE was
    disabled (it rose to 81.7 when the switch also dropped the long sentences' points)."""
    from pathlib import Path

    from audit.config import from_mapping

    seed = Path(__file__).resolve().parent.parent / "seeds" / "002_a3d8c08d90f6a73e.txt"
    plain = audit.audit_path(seed)
    assert "RDB-LONG-SENTENCE" in {f["rule_id"] for f in plain["findings"]}
    for switch in ({"rules.disable": "RDB-LONG-SENTENCE"}, {"rules.disable": "RDB"},
                   {"rules.disable": "readability"}, {"rules.enable": "SRC"},
                   {"rules.disable": "ATT-NO-BYLINE ATT-NO-DATE"},
                   {"rules.min-severity": "high"}):
        report = audit.audit_path(seed, config=from_mapping(switch))
        assert report["scores"] == plain["scores"], switch
    weightless = from_mapping({"readability.points-per-long-sentence": 0})
    assert (audit.audit_path(seed, config=weightless)["scores"]["readability"]["value"]
            > plain["scores"]["readability"]["value"])


def test_a_detector_lives_with_its_rule():
    """A rule that carries its detector declares it in the same module (as a proselint
    check or a bandit plugin): declaration, detector, settings and examples in one place."""
    import importlib

    from audit.rules import RULE_MODULES

    carried = 0
    for name in RULE_MODULES:
        for rule in importlib.import_module(name).RULES:
            if rule.detect is not None:
                carried += 1
                assert rule.detect.__module__ == name, rule.id
    assert carried >= 5


def test_the_rewrite_finding_obeys_the_reports_rule_switches():
    """ATT-LIKELY-REWRITTEN is added after the audit (audit.copies): it obeys the run's
    switches as every other rule does, min-severity included."""
    from audit.config import from_mapping

    rule = all_rules()["ATT-LIKELY-REWRITTEN"]
    text = rule.must_fire[0]
    for switch, reported in (({}, True), ({"rules.disable": "ATT"}, False),
                             ({"rules.min-severity": "high"}, rule.severity == "high")):
        config = from_mapping(switch)
        report = audit.audit_text(text, strip=False, config=config)
        report = _with_reference(report, rule.reference, config)
        assert (rule.id in {f["rule_id"] for f in report["findings"]}) is reported, switch


def _copy_item(**changes):
    item = {"kind": "article", "other": "wire.txt", "other_date": "2024-05-01",
            "other_source": None, "relation": "rewrite", "share": 0.8, "other_share": 0.7,
            "similarity": 0.75, "sentences": 4, "credited": False,
            "credit": "credits no one for the text",
            "passages": [{"span": {"start": 0, "end": 40, "text": "x"},
                          "other_span": {"start": 0, "end": 40, "text": "x"},
                          "similarity": 0.75}]}
    return {**item, **changes}


@pytest.mark.parametrize("published,item,fires", [
    ("2024-05-02", _copy_item(), True),  # rewritten from an earlier article, uncredited
    ("2024-05-02", _copy_item(credited=True, credit="credits Wire"), False),
    ("2024-04-30", _copy_item(), False),  # the other article is the later one
    (None, _copy_item(kind="reference", other_date=None), True),  # a reference text
    # dates compared at the precision both give: the same day is not "before"
    ("2024-05-01T09:00:00", _copy_item(), False),
    # both with a UTC offset: instants (the other's 23:30 at -05:00 is 04:30 UTC on the
    # 2nd, after this one's 23:00 UTC on the 1st, though its date reads earlier)
    ("2024-05-02T01:00:00+02:00", _copy_item(other_date="2024-05-01T23:30:00-05:00"), False),
    ("2024-05-02T09:00:00+02:00", _copy_item(other_date="2024-05-01T23:30:00-05:00"), True),
    # one with an offset and one without: the wall clock
    ("2024-05-01T10:00:00", _copy_item(other_date="2024-05-01T09:00:00+02:00"), True),
])
def test_the_rewrite_detector_reads_the_match_records(published, item, fires):
    """ATT-LIKELY-REWRITTEN carries its detector like the other rules: it reads the copies
    the article shares (the match records), not a page, so it is also tested on them."""
    from audit.copies.rules import Copied, CopyItem
    from audit.model import Confidence

    rule = all_rules()["ATT-LIKELY-REWRITTEN"]
    assert rule.reads == "copies"
    found = rule.detect(Copied(published, (CopyItem.from_json(item),)))
    assert bool(found) is fires
    if fires:
        [finding] = found
        assert finding.span == (0, 40) and finding.confidence is None
        copy = rule.detect(Copied(published, (
            CopyItem.from_json(_copy_item(**{**item, "relation": "copy"})),)))
        assert copy[0].confidence is Confidence.HIGH


_HEADLINE = "Ships sail at dawn after a week of storms"
_BODY = ("<p>The fleet left the harbour on Monday morning after a week of storms kept it in "
         "port, the harbour master said.</p><p>The crews said the delay had cost them two days "
         "of fishing and that prices at the market would rise this week.</p>")


@pytest.mark.parametrize("article,fires", [
    (f"<h1>{_HEADLINE}</h1>{_BODY}", False),  # the page's own headline
    (f"<p>HARBOURTOWN (Wire) The fleet is back at sea at last.</p><h1>{_HEADLINE}</h1>{_BODY}",
     False),  # a lead the page puts above its headline (cnn.com)
    (f"<h1>{_HEADLINE}</h1>{_BODY}<h2>{_HEADLINE}</h2>{_BODY}", True),  # a repeat in the body
])
def test_headline_repeated_on_html_only_for_a_repeat_inside_the_body(article, fires):
    page = (f"<!DOCTYPE html><html><head><title>{_HEADLINE}</title></head><body><article>"
            f"{article}</article></body></html>")
    report = audit.audit_html(page)
    assert ("EXT-HEADLINE-REPEATED" in {f["rule_id"] for f in report["findings"]}) is fires
