"""The hand-annotated attribution dev set (tests/data/attributions.dev.jsonl) and its scorer
(bench/eval_sourcing.py): every gold string is in its article, and content F1 does not
fall more than 0.05 below the figure measured when the set was made."""

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "attributions.dev.jsonl"
TRUTH = ROOT.parent / "shared" / "bench" / "extraction" / "truth"
SOURCE_TYPES = {"person", "role", "organization", "outlet", "document", "unnamed", "vague",
                "pronoun"}
# Content F1 of audit on this set when it was annotated (P 0.898, R 0.549 -> F1 0.682).
# After attribution v2 (issue 15): P 0.829 R 0.705 F1 0.762 (stances and intentions this set
# does not annotate cost precision); the floor stays at the annotation's figure.
BASELINE_CONTENT_F1 = 0.68

needs_truth = pytest.mark.skipif(not TRUTH.is_dir(), reason="extraction benchmark not present")


def _gold():
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_sourcing",
                                                  ROOT / "bench" / "eval_sourcing.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_shape():
    articles = _gold()
    assert len(articles) == len({a["id"] for a in articles}) >= 16
    for article in articles:
        assert article["attributions"], article["id"]
        for a in article["attributions"]:
            assert set(a) == {"content", "source", "cue", "source_type"}, article["id"]
            assert a["source_type"] in SOURCE_TYPES
            assert a["content"] and a["cue"]
            assert a["source"] is None or a["source"]


@needs_truth
def test_gold_strings_are_substrings_of_their_article():
    for article in _gold():
        text = (TRUTH / f"{article['id']}.txt").read_text(encoding="utf-8")
        for a in article["attributions"]:
            for field in ("content", "source", "cue"):
                value = a[field]
                assert value is None or value in text, (article["id"], field, value)


def test_matching_rules():
    scorer = _scorer()
    gold = [{"content": "the deal will close next year", "source": "the company"},
            {"content": "prices rose", "source": None}]
    pred = [{"content": "the deal will close next year, but details were scarce",
             "source": "company"},
            {"content": "prices rose sharply", "source": "analysts"}]
    result = scorer.score_article(gold, pred)
    # 6/10 tokens for the first pair, 2/3 for the second: both match on content
    assert result["tp"] == 2
    # the second predicted source is not null while the gold one is
    assert result["tp_source"] == 1
    assert not scorer.source_agrees("the statement", "the US military")
    assert scorer.source_agrees("he", "he")


@needs_truth
def test_content_f1_does_not_regress(capsys):
    totals = _scorer().evaluate(str(GOLD), str(TRUTH))["totals"]
    content, source = totals["content"], totals["content_source"]
    with capsys.disabled():
        print(f"\nattribution dev set: {totals['gold']} gold, {totals['predicted']} predicted; "
              f"content P {content['precision']:.3f} R {content['recall']:.3f} "
              f"F1 {content['f1']:.3f}; content+source F1 {source['f1']:.3f}")
    assert content["f1"] >= BASELINE_CONTENT_F1 - 0.05
    assert source["f1"] <= content["f1"]
