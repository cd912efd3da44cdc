"""Score the sourcing stage's attributions against the hand-annotated development set.

Usage: python bench/eval_sourcing.py [--gold FILE] [--truth DIR] [--worst N] [--show ID] [--json]

Gold: tests/data/attributions.dev.jsonl, one article a line:
{"id": ..., "attributions": [{"content", "source", "cue", "source_type"}]}, every string an
exact substring of the article body DIR/ID.txt (default: the extraction benchmark's truth/).
Each article is run through ``audit.audit_text(text, strip=False)`` and
report["sourcing"]["attributions"] is compared with the gold, the way the external
measurement does it:

- tokens: lower-cased word tokens (``\\w+``), compared as sets;
- a predicted attribution matches a gold one when the content overlap
  |P & G| / max(|P|, |G|) is at least 0.5; matching is one-to-one, greedy by best overlap;
- content P/R/F1 are micro-averaged over all articles;
- content+source: a content match counts only if the predicted source shares a token with
  the gold source, or both are null. Function words ("the", "of", ...) do not count as a
  shared token unless one side has nothing else, so "the statement" does not match
  "the US military".

Prints per-article counts and the totals (with recall by gold source_type); --worst N lists
the N articles with the lowest content F1, --show ID the matched, missed and spurious
attributions of one article, --json the totals as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from typing import Any

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

GOLD = os.path.join(ROOT, "tests", "data", "attributions.dev.jsonl")
TRUTH = os.path.join(ROOT, "..", "shared", "bench", "extraction", "truth")
THRESHOLD = 0.5
FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "for", "to", "by", "with", "from",
    "as", "s", "its", "his", "her", "their"})

_WORD = re.compile(r"\w+")


def tokens(text: str | None) -> set[str]:
    return set(_WORD.findall(text.lower())) if text else set()


def overlap(pred: set[str], gold: set[str]) -> float:
    if not pred or not gold:
        return 0.0
    return len(pred & gold) / max(len(pred), len(gold))


def source_agrees(pred: str | None, gold: str | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    p, g = tokens(pred), tokens(gold)
    p_content, g_content = p - FUNCTION_WORDS, g - FUNCTION_WORDS
    if p_content and g_content:
        return bool(p_content & g_content)
    return bool(p & g)


def _text(span: Any) -> str | None:
    if span is None:
        return None
    return span["text"] if isinstance(span, dict) else str(span)


def predictions(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's attributions as flat dicts of strings; a split content is its segments
    joined. Nested attributions ("I think" inside a quote) count: this set annotates them."""
    out = []
    for a in report["sourcing"]["attributions"]:
        segments = a.get("content_segments")
        content = " ".join(s["text"] for s in segments) if segments else _text(a.get("content"))
        out.append({"content": content, "source": _text(a.get("source")),
                    "cue": _text(a.get("cue")), "source_type": a.get("source_type"),
                    "kind": a.get("kind"), "resolved_source": a.get("resolved_source")})
    return out


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching by best content overlap: (gold index, pred index, overlap)."""
    gtok = [tokens(g["content"]) for g in gold]
    ptok = [tokens(p["content"]) for p in pred]
    pairs = []
    for gi, g in enumerate(gtok):
        for pi, p in enumerate(ptok):
            score = overlap(p, g)
            if score >= THRESHOLD:
                pairs.append((score, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, score))
    return sorted(out)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def load_gold(path: str = GOLD) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def article_text(article_id: str, truth_dir: str = TRUTH) -> str:
    with open(os.path.join(truth_dir, article_id + ".txt"), encoding="utf-8") as fh:
        return fh.read()


def score_article(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> dict[str, Any]:
    pairs = match(gold, pred)
    source_ok = [source_agrees(pred[pi]["source"], gold[gi]["source"]) for gi, pi, _ in pairs]
    return {"gold": len(gold), "pred": len(pred), "tp": len(pairs), "tp_source": sum(source_ok),
            "pairs": pairs, "source_ok": source_ok}


def evaluate(gold_path: str = GOLD, truth_dir: str = TRUTH) -> dict[str, Any]:
    """Run the tool on every annotated article; per-article results and micro totals."""
    from audit import audit_text

    articles = []
    for item in load_gold(gold_path):
        text = article_text(item["id"], truth_dir)
        report = audit_text(text, strip=False)
        pred = predictions(report)
        result = score_article(item["attributions"], pred)
        result.update(id=item["id"], gold_list=item["attributions"], pred_list=pred,
                      **{"content": prf(result["tp"], len(pred), len(item["attributions"]))})
        articles.append(result)
    n_gold = sum(a["gold"] for a in articles)
    n_pred = sum(a["pred"] for a in articles)
    tp = sum(a["tp"] for a in articles)
    tp_source = sum(a["tp_source"] for a in articles)
    by_type: dict[str, Counter[str]] = {}
    for a in articles:
        matched = {gi for gi, _, _ in a["pairs"]}
        for gi, g in enumerate(a["gold_list"]):
            c = by_type.setdefault(g["source_type"], Counter())
            c["gold"] += 1
            c["found"] += gi in matched
    totals = {
        "articles": len(articles), "gold": n_gold, "predicted": n_pred,
        "content_tp": tp, "content_source_tp": tp_source,
        "content": prf(tp, n_pred, n_gold),
        "content_source": prf(tp_source, n_pred, n_gold),
        "recall_by_source_type": {
            t: {"gold": c["gold"], "found": c["found"],
                "recall": round(c["found"] / c["gold"], 4)}
            for t, c in sorted(by_type.items())},
    }
    return {"articles": articles, "totals": totals}


def _short(text: str | None, width: int = 90) -> str:
    if text is None:
        return "-"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def show(article: dict[str, Any]) -> None:
    gold, pred = article["gold_list"], article["pred_list"]
    print(f"== {article['id']}  gold {article['gold']}  predicted {article['pred']}  "
          f"matched {article['tp']}  source ok {article['tp_source']}")
    print("-- matched (gold | predicted)")
    for (gi, pi, score), ok in zip(article["pairs"], article["source_ok"]):
        g, p = gold[gi], pred[pi]
        print(f"  {score:.2f} {'src-ok ' if ok else 'src-BAD'} G[{g['source']}|{g['cue']}] "
              f"{_short(g['content'])}")
        print(f"               P[{p['source']}|{p['cue']}|{p['kind']}] {_short(p['content'])}")
    matched_g = {gi for gi, _, _ in article["pairs"]}
    matched_p = {pi for _, pi, _ in article["pairs"]}
    print("-- missed (gold only)")
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            print(f"  [{g['source_type']}] [{g['source']}|{g['cue']}] {_short(g['content'])}")
    print("-- spurious (predicted only)")
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            print(f"  [{p['source_type']}|{p['kind']}] [{p['source']}|{p['cue']}] "
                  f"{_short(p['content'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", default=GOLD)
    parser.add_argument("--truth", default=TRUTH, help="directory of ID.txt article bodies")
    parser.add_argument("--worst", type=int, default=0, metavar="N")
    parser.add_argument("--show", metavar="ID")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args(argv)
    if not os.path.isdir(args.truth):
        print(f"no article directory: {args.truth}", file=sys.stderr)
        return 2
    result = evaluate(args.gold, args.truth)
    articles, totals = result["articles"], result["totals"]
    if args.json:
        print(json.dumps(totals, indent=1))
        return 0
    if args.show:
        found = [a for a in articles if a["id"] == args.show]
        if not found:
            print(f"no annotated article {args.show}", file=sys.stderr)
            return 2
        show(found[0])
        return 0
    print(f"{'article':18} {'gold':>4} {'pred':>4} {'tp':>3} {'tp+s':>4} "
          f"{'P':>5} {'R':>5} {'F1':>5}")
    for a in articles:
        c = a["content"]
        print(f"{a['id']:18} {a['gold']:4} {a['pred']:4} {a['tp']:3} {a['tp_source']:4} "
              f"{c['precision']:5.2f} {c['recall']:5.2f} {c['f1']:5.2f}")
    c, cs = totals["content"], totals["content_source"]
    print(f"total: {totals['articles']} articles, {totals['gold']} gold, "
          f"{totals['predicted']} predicted")
    print(f"content:        P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  "
          f"(tp {totals['content_tp']})")
    print(f"content+source: P {cs['precision']:.3f}  R {cs['recall']:.3f}  F1 {cs['f1']:.3f}  "
          f"(tp {totals['content_source_tp']})")
    print("recall by gold source_type: " + ", ".join(
        f"{t} {v['found']}/{v['gold']}" for t, v in totals["recall_by_source_type"].items()))
    if args.worst:
        print(f"worst {args.worst} by content F1:")
        for a in sorted(articles, key=lambda a: (a["content"]["f1"], a["id"]))[: args.worst]:
            c = a["content"]
            print(f"  {a['id']}  F1 {c['f1']:.2f}  (gold {a['gold']}, pred {a['pred']}, "
                  f"tp {a['tp']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
