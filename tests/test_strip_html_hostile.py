"""HTML shaped to be slow or to lose its text: built here, small. Speed itself is checked
by `bench/run.py --only growth`, not by timed tests."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from audit.cli import cli
from audit.decode import InputError
from audit.strip.html import extract_html
from audit.strip.htmltree import (
    CARD_IN_PARAGRAPH,
    MAX_ATTRIBUTES,
    MAX_PARAGRAPHS,
    parse,
    trafilatura_too_costly,
)

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


def _nested(tag: str, depth: int) -> str:
    paragraphs = "".join(f"<p>Paragraph {i} of the nested article, which has a few words.</p>"
                         for i in range(20))
    return ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            + f"<{tag}>" * depth + paragraphs + f"</{tag}>" * depth + "</body></html>")


@pytest.mark.parametrize("tag", ["div", "span", "table", "ul"])
@pytest.mark.parametrize("depth", [100, 300, 2000])
def test_deep_nesting_keeps_the_text(tag: str, depth: int) -> None:
    result = extract_html(_nested(tag, depth))
    assert all(f"Paragraph {i} of the nested article" in result.text for i in range(20))
    assert "Home" not in result.text


def test_nesting_deeper_than_the_parser_goes_is_refused_with_a_reason() -> None:
    with pytest.raises(InputError) as caught:
        extract_html(_nested("div", 3000))
    message = str(caught.value)
    assert message == ("HTML nested more than 2,048 elements deep: the parser stops there "
                       "and the article would be lost")


def test_deep_nesting_through_the_cli_is_exit_3_with_the_reason(tmp_path) -> None:
    page = tmp_path / "deep.html"
    page.write_text(_nested("div", 3000))
    result = CliRunner().invoke(cli, ["check", str(page), "--out", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 3
    assert result.stderr.strip() == (f"audit: {page}: HTML nested more than 2,048 elements "
                                     "deep: the parser stops there and the article would be lost")


def _many_attributes(count: int, separator: str = " ") -> str:
    attributes = separator.join(f'data-a{i}="v"' for i in range(count))
    return (f"<html><body><div {attributes}><p>The council met on Tuesday and voted for the "
            "plan, the mayor said.</p></div></body></html>")


@pytest.mark.parametrize("separator", [" ", "", "\n", " / "])
def test_an_element_with_too_many_attributes_is_refused_with_a_reason(separator: str) -> None:
    with pytest.raises(InputError) as caught:
        extract_html(_many_attributes(MAX_ATTRIBUTES + 1, separator))
    assert str(caught.value) == ("an HTML element with more than 1,000 attributes (at "
                                 "character 12): the parser's time grows with their square")


def test_attributes_up_to_the_limit_and_long_names_are_parsed() -> None:
    assert "the mayor said" in extract_html(_many_attributes(MAX_ATTRIBUTES)).text
    spread = "".join(f'<span data-a{i}="v"></span>' for i in range(3 * MAX_ATTRIBUTES))
    page = _many_attributes(10).replace("<p>", spread + f"<p {'x' * 50_000}>")
    assert "the mayor said" in extract_html(page).text


@pytest.mark.parametrize(("depth", "too_deep"), [(2, False), (17, False), (18, True),
                                                 (250, True)])
def test_tables_nested_deeper_than_trafilatura_walks_cheaply(depth: int, too_deep: bool) -> None:
    page = _nested("table", depth)
    assert trafilatura_too_costly(parse(page)) is too_deep
    assert all(f"Paragraph {i} of the nested article" in extract_html(page).text
               for i in range(20))


@pytest.mark.parametrize(("count", "too_many"), [(MAX_PARAGRAPHS, False),
                                                 (MAX_PARAGRAPHS + 1, True)])
def test_pages_with_very_many_paragraphs_keep_their_text(count: int, too_many: bool) -> None:
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
            + "".join(f"<p>Paragraph {i} says the council met.</p>" for i in range(count))
            + "</article></body></html>")
    assert trafilatura_too_costly(parse(page)) is too_many
    text = extract_html(page).text
    assert "Paragraph 0 says" in text and f"Paragraph {count - 1} says" in text
