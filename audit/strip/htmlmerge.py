"""Which blocks make the article of an HTML page, beyond what trafilatura returns.

trafilatura's tree does not point back to the page: each block is matched to its page
element (for its links, and for the judgements by position in audit.strip.htmlroles).
An article cut into sibling sections around ads is joined again (trafilatura keeps the
first section), and readability's blocks replace trafilatura's when it found nothing.
"""

from __future__ import annotations

import re
from typing import Any

from audit.strip.furniture import furniture_role
from audit.strip.htmltree import (
    HEADINGS,
    HTML,
    SENTENCE_END,
    WORD,
    RawBlock,
    blocks_of,
    common_ancestor,
    normalise,
    readability_blocks,
)

# --- the page element of each block ----------------------------------------------------

_SOURCE_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "pre", "td")
# Characters of a text node that identify the block it starts.
_PREFIX = 24


def _flat(text: str) -> str:
    return " ".join(text.split())


def page_elements(tree: Any, blocks: list[RawBlock]) -> tuple[dict[int, Any], dict[int, Any]]:
    """The page element each extracted block came from (trafilatura's tree does not point
    back to the page): ({index: element with exactly the block's text},
    {index: element holding the text node the block starts with}) -- the second for
    paragraphs written as text between <br>s in a <div>."""
    exact_text: dict[str, int] = {}
    by_prefix: dict[str, int] = {}
    for index, block in enumerate(blocks):
        flat = _flat(block.text)
        exact_text.setdefault(flat, index)
        if len(flat) >= _PREFIX:
            by_prefix.setdefault(flat[:_PREFIX], index)
    exact: dict[int, Any] = {}
    for el in tree.iter(*_SOURCE_TAGS):
        index = exact_text.get(_flat(el.text_content()))
        if index is not None and index not in exact:
            exact[index] = el
    holders: dict[int, Any] = {}
    if len(exact) < len(blocks):
        for el in tree.iter():
            for text, holder in ((el.text, el), (el.tail, el.getparent())):
                if text and holder is not None and len(text) >= _PREFIX:
                    index = by_prefix.get(_flat(text[:4 * _PREFIX])[:_PREFIX])
                    if index is not None and index not in exact and index not in holders:
                        holders[index] = holder
    return exact, holders


def attach_page_elements(blocks: list[RawBlock], tree: Any) -> None:
    """Give the blocks their page elements and the links in them. trafilatura's own link
    output is not used: with links on, it drops text before some links (measured on the
    benchmark: a cnn.com page loses its first sentence). A block found only by its first
    text node gets no links: its holder may hold the whole article."""
    exact, holders = page_elements(tree, blocks)
    for index, el in holders.items():
        blocks[index].node = el
    for index, el in exact.items():
        blocks[index].node = el
        links = [(a.get("href") or "", normalise(a.text_content())) for a in el.iter("a")]
        blocks[index].link_chars = sum(len(text.replace(" ", "")) for _, text in links)
        blocks[index].links = [(href, text) for href, text in links if href]


# --- an article split into sections ----------------------------------------------------

# How far above the extracted paragraphs to look for sibling sections, and how many
# prose paragraphs a sibling section needs to count as more of the article.
CONTINUATION_LEVELS = 3
MIN_SECTION_PARAGRAPHS = 2


def continuation_blocks(primary: list[RawBlock]) -> tuple[list[RawBlock], list[RawBlock]]:
    """Blocks of sections that continue the extracted article, before and after it.

    Pages cut long articles into sibling sections with the same class around ads
    ("<div class=body-chunk>...</div><div class=ad/><div class=body-chunk>...</div>");
    trafilatura keeps the first. A sibling of the article's container (or of one of its
    next two ancestors) with the same tag and class continues it, unless it looks like
    another article (an <article> or a sibling with its own <h1>).
    """
    container = common_ancestor([b.node for b in primary
                                 if b.node is not None and b.element == "p"])
    for _ in range(CONTINUATION_LEVELS):
        if container is None or container.getparent() is None:
            return [], []
        klass = (container.get("class") or "").strip()
        siblings = [s for s in container.getparent() if s is not container and klass
                    and s.tag == container.tag and (s.get("class") or "").strip() == klass
                    and not _another_article(s)]
        if siblings:
            return _section_blocks(siblings, container)
        container = container.getparent()
    return [], []


_NOT_ARTICLE = re.compile(r"comment|related|recommend|newsletter|promo|sidebar|footer",
                          re.IGNORECASE)


def _another_article(section: Any) -> bool:
    """A sibling that is not more of the same article: an <article> of its own, its own
    <h1>, or comments, related stories and the like (told by class or id names)."""
    if section.tag == "article" or section.find(".//h1") is not None:
        return True
    return any(_NOT_ARTICLE.search((el.get("class") or "") + " " + (el.get("id") or ""))
               for el in section.iter() if isinstance(el.tag, str))


def _section_blocks(siblings: list[Any], container: Any) -> tuple[list[RawBlock], list[RawBlock]]:
    parent = container.getparent()
    position = parent.index(container)
    before: list[RawBlock] = []
    after: list[RawBlock] = []
    for sibling in siblings:
        blocks = [b for b in blocks_of(sibling, HTML, "continuation")
                  if _is_prose(b) or b.element in HEADINGS]
        if sum(b.element not in HEADINGS for b in blocks) < MIN_SECTION_PARAGRAPHS:
            continue  # one paragraph beside the article is more often a bio or a teaser
        (before if parent.index(sibling) < position else after).extend(blocks)
    return before, after


# A paragraph of a sibling section is taken only when it is prose: this many words at
# least (or characters, for scripts written without spaces), few links, a sentence ending.
MIN_PROSE_WORDS = 12
MIN_PROSE_CHARS = 60
MAX_PROSE_LINK_DENSITY = 0.3


def _is_prose(block: RawBlock) -> bool:
    """A paragraph of running text: long enough, few links, ends like a sentence."""
    unspaced = len(block.text) >= MIN_PROSE_CHARS and " " not in block.text[:MIN_PROSE_CHARS]
    long_enough = len(WORD.findall(block.text)) >= MIN_PROSE_WORDS or unspaced
    return (long_enough and not block.caption and block.element not in HEADINGS
            and block.link_density <= MAX_PROSE_LINK_DENSITY
            and bool(SENTENCE_END.search(block.text)) and furniture_role(block.text) is None)


# --- trafilatura's blocks or readability's ---------------------------------------------

# Fewer words than this from trafilatura: it found no article; trust readability.
MIN_PRIMARY_WORDS = 60


def _word_count(blocks: list[RawBlock]) -> int:
    return sum(len(WORD.findall(b.text)) for b in blocks)


def choose(primary: list[RawBlock], tree: Any) -> list[RawBlock]:
    """trafilatura's blocks, or readability's when trafilatura found (next to) nothing.

    Adding readability's paragraphs where the two agree on the article was measured on
    the benchmark's development half: once trafilatura runs without its link output and
    split articles are joined, it changed no page, and readability costs a third of the
    extraction time; so it runs only as the fallback."""
    if _word_count(primary) >= MIN_PRIMARY_WORDS:
        return primary
    backup = readability_blocks(tree)
    return backup if _word_count(backup) > _word_count(primary) else primary
