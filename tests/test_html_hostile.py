"""HTML shaped to be slow or to lose its text: built here, small. Speed itself is checked
by `bench/run.py --only growth`, not by timed tests."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from lxml import etree

from audit.strip.htmltree import CARD_IN_PARAGRAPH, parse

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction" / "html"

# The expression CARD_IN_PARAGRAPH replaced (quadratic in libxml2 on many paragraphs).
OLD_CARD_IN_PARAGRAPH = ("//p//*[.//img and count(.//a) >= 2]"
                         "[not(.//*[.//img and count(.//a) >= 2])]")


def _random_tree(rng: random.Random, size: int) -> etree._Element:
    """A tree of paragraphs, spans, links and images, with paragraphs inside paragraphs
    (which the HTML parser never builds, but the expressions must agree on them too)."""
    root = etree.Element("html")
    body = etree.SubElement(root, "body")
    nodes = [body]
    for _ in range(size):
        parent = rng.choice(nodes)
        child = etree.SubElement(parent, rng.choice(["p", "span", "div", "a", "a", "img", "b"]))
        if child.tag != "img":
            nodes.append(child)
    return root


@pytest.mark.parametrize("seed", range(40))
def test_card_in_paragraph_matches_the_old_expression_on_generated_trees(seed: int) -> None:
    tree = _random_tree(random.Random(seed), 60 + seed * 5)
    old, new = tree.xpath(OLD_CARD_IN_PARAGRAPH), tree.xpath(CARD_IN_PARAGRAPH)
    assert new == old


def test_card_in_paragraph_matches_the_old_expression_on_generated_trees_with_hits() -> None:
    found = 0
    for seed in range(200):
        tree = _random_tree(random.Random(seed), 40)
        old = tree.xpath(OLD_CARD_IN_PARAGRAPH)
        assert tree.xpath(CARD_IN_PARAGRAPH) == old
        found += len(old)
    assert found > 20  # the generated trees do hold cards


@pytest.mark.skipif(not BENCH.exists(), reason="shared bench absent")
def test_card_in_paragraph_matches_the_old_expression_on_the_benchmark_pages() -> None:
    pages = sorted(BENCH.glob("*.html.gz"))
    assert len(pages) >= 100
    found = 0
    for page in pages:
        tree = parse(gzip.decompress(page.read_bytes()).decode("utf-8"))
        old = tree.xpath(OLD_CARD_IN_PARAGRAPH)
        assert tree.xpath(CARD_IN_PARAGRAPH) == old, page.name
        found += len(old)
    assert found >= 1
