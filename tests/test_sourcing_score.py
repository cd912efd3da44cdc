"""The sourcing score's formula: each term moves the score the documented way (and the
things left out of it do not), weights are range-checked settings, every term is a signal
with the spans behind it, and the overall score leaves readability out by default."""

from __future__ import annotations

import math

import pytest

from audit.article import from_text
from audit.config import Config, ConfigError, from_mapping
from audit.lang import en
from audit.model import Form, Kind, Label, LabelItem, Origin, OriginKind, Provenance, Score
from audit.scoring import overall
from audit.sourcing import scores
from audit.sourcing.analyse import _score_counts, analyse
from audit.sourcing.quotes import QuoteIndex
from audit.sourcing.record import Attribution
from audit.sourcing.rules import SETTINGS

WEIGHTS = sorted(k for k in SETTINGS if k.startswith(("sourcing.weight.", "sourcing.kind.",
                                                         "sourcing.full.")))


def run(text: str, config: Config | None = None, provenance: Provenance | None = None):
    return analyse(from_text(text, language="en", provenance=provenance),
                   config=config or Config())


def value(text: str, config: Config | None = None) -> float:
    score = run(text, config).scores["sourcing"]
    assert score.value is not None, score.reason
    return score.value


def signal(text: str, name: str):
    return next(s for s in run(text).scores["sourcing"].signals if s.name == name)


# Filler: 45 words of plain reporting with no source, no quote and no I/we/you.
FILLER = ("The council met on Tuesday to discuss the budget for the coming year, and the "
          "meeting ran late into the evening as members went through the cost of repairing "
          "the old bridge, the state of the roads and the library hours in the town centre.")


def article(*extra: str, filler: int = 10) -> str:
    return "\n\n".join([FILLER] * filler + list(extra))


NAMED = "The bridge will close in May, Mayor Anna Berg said on Tuesday."
NAMED_2 = "The roads will be repaired first, council engineer Tom Hale said."
QUOTE = "“We will not raise the fees this year,” Mayor Anna Berg said."
UNNAMED = "The bridge will close in May, officials said on Tuesday."
VAGUE = "The bridge will close in May, experts say."
OWN_VOICE = "I think we all know where this is going, and you should be worried."


def test_named_attributions_raise_the_score():
    assert value(article(NAMED)) > value(article())
    assert value(article(NAMED, NAMED_2)) > value(article(NAMED))


def test_direct_quotes_raise_the_score():
    plain = article("The fees will not rise this year, Mayor Anna Berg said.")
    assert value(article(QUOTE)) > value(plain)


def test_distinct_named_sources_raise_the_score_and_repeats_do_not_count_twice():
    counts = dict(words=600, named=((0, 1),) * 4, named_weight=4.0, direct=(), own_voice=())
    one = scores.sourcing(scores.SourcingCounts(sources=((0, 1),), **counts), Config().get)
    three = scores.sourcing(scores.SourcingCounts(sources=((0, 1),) * 3, **counts), Config().get)
    assert three.value > one.value
    text = article(NAMED, NAMED.replace("the bridge", "the road"))
    assert len(signal(text, "sources").spans) == 1


def test_own_voice_lowers_the_score_and_says_so():
    assert value(article(OWN_VOICE)) < value(article())
    voice = signal(article(OWN_VOICE), "own-voice")
    assert voice.delta < 0 and "own voice" in voice.detail
    assert [OWN_VOICE[a - len(article()) - 2:b - len(article()) - 2] for a, b in voice.spans] \
        == ["I", "we", "you"]


def test_first_person_inside_quotes_or_attributed_content_is_not_the_authors_voice():
    assert signal(article(QUOTE), "own-voice").spans == ()
    reported = article("Mayor Anna Berg said we would all pay less next year.")
    assert signal(reported, "own-voice").spans == ()
    assert signal(article("The US and Japan signed the deal."), "own-voice").spans == ()


def test_pronouns_in_names_and_titles_are_not_the_authors_voice():
    from audit.sourcing.voice import own_voice

    def found(text):
        return [text[a:b] for a, b in own_voice(text, [], en)]

    assert found("The We Company said so. Their album The Captain and Me sold well.") == []
    assert found("We know. You know. He said: we can.") == ["We", "You", "we"]


def test_unnamed_and_vague_sources_do_not_move_the_score_but_stay_findings():
    base = value(article())
    for extra, rule in ((UNNAMED, "SRC-UNNAMED-SOURCE"), (VAGUE, "SRC-VAGUE-SOURCE")):
        result = run(article(extra))
        assert result.scores["sourcing"].value == base
        assert rule in [f.rule_id for f in result.findings]


def test_unattributed_claims_do_not_move_the_score_but_stay_findings():
    claim = "The bridge will cost 40 million dollars and open in 2027, the longest in the region."
    result = run(article(claim))
    assert result.scores["sourcing"].value == value(article())
    assert "SRC-UNATTRIBUTED-CLAIM" in [f.rule_id for f in result.findings]


def test_terms_saturate():
    get = Config().get
    assert scores.saturate(0, 20) == 0
    assert 0 < scores.saturate(5, 20) < scores.saturate(10, 20) < 1
    assert scores.saturate(20, 20) == scores.saturate(200, 20) == 1
    gains = [scores.saturate(n, 20) - scores.saturate(n - 1, 20) for n in range(1, 20)]
    assert gains == sorted(gains, reverse=True)  # each more counts less than the one before
    top = scores.SourcingCounts(words=1000, named=((0, 1),) * 40, named_weight=40.0,
                                direct=((0, 1),) * 40, sources=((0, 1),) * 40, own_voice=())
    assert scores.sourcing(top, get).value == 100
    worst = scores.SourcingCounts(words=1000, named=(), named_weight=0.0, direct=(),
                                  sources=(), own_voice=((0, 1),) * 40)
    assert scores.sourcing(worst, get).value == 0


def _att(start: int, kind: str, nested_in: int | None = None) -> Attribution:
    """A reported attribution of ``kind`` (a Kind's value), nested in ``nested_in``."""
    return Attribution(content=(start + 10, start + 20), source=(start, start + 5), cue=None,
                       source_type="person", direct=False, form=Form.REPORTED, kind=Kind(kind),
                       nested_in=nested_in)


def test_attribution_kinds_weigh_by_what_they_show_and_nested_ones_do_not_count():
    text = "x" * 400
    config = Config()

    def named(found):
        return _score_counts(text, 300, found, QuoteIndex(text, []), config, opinion=False,
                             lang=en)

    speech = named([_att(0, "speech"), _att(100, "speech")])
    belief = named([_att(0, "speech"), _att(100, "belief")])
    nested = named([_att(0, "speech"), _att(12, "speech", nested_in=0)])
    assert speech.named_weight == 2 and belief.named_weight == 1.5
    assert nested.named_weight == 1 and len(nested.named) == 1
    assert scores.sourcing(belief, config.get).value < scores.sourcing(speech, config.get).value


def test_an_opinion_label_is_a_signal_not_a_silent_mark_down():
    labelled = Provenance(labels=(LabelItem(Label.OPINION, Origin(OriginKind.LINE, line=1)),))
    text = article(NAMED)
    plain = run(text).scores["sourcing"]
    opinion = run(text, provenance=labelled).scores["sourcing"]
    assert opinion.value == plain.value
    sig = next(s for s in opinion.signals if s.name == "labelled-opinion")
    assert sig.delta == 0 and "opinion" in sig.detail


def test_signals_carry_spans_inside_the_text():
    text = article(NAMED, QUOTE, OWN_VOICE)
    for s in run(text).scores["sourcing"].signals:
        if s.name == "base":
            assert s.spans is None
            continue
        assert s.spans is not None
        for start, end in s.spans:
            assert 0 <= start < end <= len(text)
    named = signal(text, "named")
    assert [text[a:b] for a, b in named.spans] == ["Mayor Anna Berg", "Mayor Anna Berg"]


def test_a_short_text_in_the_authors_voice_is_judged_a_short_neutral_one_is_not():
    short = article(filler=5)  # 225 words, nothing attributed
    assert run(short).scores["sourcing"].value is None
    judged = run(article(OWN_VOICE, filler=5)).scores["sourcing"]
    assert judged.value is not None and judged.value < 30


@pytest.mark.parametrize("key", WEIGHTS)
def test_weights_are_settings_that_move_the_score(key):
    text = article(NAMED, NAMED_2, QUOTE, OWN_VOICE)
    if key.startswith("sourcing.kind."):
        return  # the extractor on main has no statement kinds; covered above
    assert value(text, from_mapping({key: 0})) != value(text) or key.startswith(
        "sourcing.full.")


@pytest.mark.parametrize("key", WEIGHTS + ["sourcing.base", "overall.weight.sourcing"])
@pytest.mark.parametrize("bad", ["-1", "nan", "inf", "-inf", "lots"])
def test_weights_are_range_checked(key, bad):
    with pytest.raises(ConfigError, match=key.replace(".", r"\.")):
        from_mapping({key: bad})


def test_overall_leaves_readability_out_by_default_and_takes_it_when_weighted():
    parts = {"readability": Score(10.0, ""), "sourcing": Score(80.0, ""),
             "attribution": Score(60.0, "")}
    default = overall(parts, Config())
    assert math.isclose(default.value, 0.7 * 80 + 0.3 * 60)
    assert [(s.name, s.delta) for s in default.signals] == [
        ("sourcing score", 56.0), ("attribution score", 18.0), ("readability score", 0.0)]
    assert "not counted" in default.signals[-1].detail
    assert default.reason.endswith("weakest: attribution")
    weighted = overall(parts, from_mapping({"overall.weight.readability": 0.2}))
    assert weighted.value < default.value


def test_the_readme_formula_is_the_default_settings():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    def n(key: str) -> str:
        return f"{SETTINGS[key]:g}"

    line = (f"sourcing = clamp({n('sourcing.base')} + {n('sourcing.weight.named')}·sat(N, "
            f"{n('sourcing.full.named')}) + {n('sourcing.weight.direct')}·sat(Q, "
            f"{n('sourcing.full.direct')}) + {n('sourcing.weight.sources')}·sat(S, "
            f"{n('sourcing.full.sources')}) − {n('sourcing.weight.own-voice')}·sat(V, "
            f"{n('sourcing.full.own-voice')}))")
    assert line in readme
