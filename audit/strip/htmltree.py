"""HTML pages as blocks of text: the page's tree, and the two extractors' trees walked
into RawBlocks (trafilatura's article, and readability's as the fallback).

Both trees are walked by one walker, told apart by a dialect (how each marks blocks,
links and line breaks). lxml and trafilatura are imported inside the functions that use
them, so that auditing text pages never loads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from audit.sentences import CLOSING_MARKS, END_MARKS, FULL_WIDTH_END_MARKS

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(  # a block that ends as a sentence does (audit.sentences)
    f"[{END_MARKS}{FULL_WIDTH_END_MARKS}][{re.escape(CLOSING_MARKS)}]*\\s*$")
_CAPTION_CLASS = re.compile(r"caption|credit", re.IGNORECASE)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class RawBlock:
    """A block as read from an extractor's tree, before it gets a role."""

    element: str
    text: str
    link_chars: int = 0
    links: list[tuple[str, str]] = field(default_factory=list)
    caption: bool = False
    source: str = "trafilatura"
    node: Any = field(default=None, repr=False, compare=False)  # its element in the page

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text.replace(" ", "")))


# --- walking a tree into blocks --------------------------------------------------------

@dataclass(frozen=True)
class _Dialect:
    """How one kind of tree marks blocks, links and line breaks."""

    block: Callable[[Any], str | None]  # element -> block element name, or None if inline
    link: str  # tag of a link
    href: str  # attribute of a link's target
    breaks: frozenset[str]
    skip: frozenset[str]
    captions: frozenset[str] = frozenset()
    cell: str = ""  # tag of a table cell (cells of a row are joined by " | ")


_TRAFILATURA_BLOCKS = {"p": "p", "item": "li", "quote": "blockquote", "code": "pre",
                       "row": "tr", "list": "ul", "table": "table", "body": "div", "div": "div"}
_HTML_BLOCKS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "dt", "dd",
    "figcaption", "caption", "address", "div", "section", "article", "main", "header",
    "footer", "aside", "figure", "ul", "ol", "dl", "table", "tbody", "thead", "tfoot",
    "form", "nav", "body", "html", "center", "details", "summary", "hr"})


def _trafilatura_block(el: Any) -> str | None:
    if el.tag == "head":
        rend = (el.get("rend") or "h2").lower()
        return rend if re.fullmatch(r"h[1-6]", rend) else "h2"
    return _TRAFILATURA_BLOCKS.get(el.tag)


def _html_block(el: Any) -> str | None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    return tag if tag in _HTML_BLOCKS else None


TRAFILATURA = _Dialect(block=_trafilatura_block, link="ref", href="target",
                       breaks=frozenset({"lb"}), skip=frozenset({"graphic"}), cell="cell")
HTML = _Dialect(block=_html_block, link="a", href="href", breaks=frozenset({"br"}),
                skip=frozenset({"script", "style", "noscript", "template", "button", "select",
                                "svg", "iframe", "object", "textarea", "input"}),
                captions=frozenset({"figure", "figcaption"}), cell="td")


class _Walker:
    """Turns a tree into RawBlocks without recursion (pages nest thousands of levels)."""

    def __init__(self, dialect: _Dialect, source: str) -> None:
        self.d, self.source = dialect, source
        self.blocks: list[RawBlock] = []
        self.stack: list[list[Any]] = [["div", [], 0, []]]  # name, parts, link chars, links
        self.open_links: list[tuple[str, list[str]]] = []
        self.captions = 0

    def walk(self, root: Any) -> list[RawBlock]:
        from lxml import etree

        walker = etree.iterwalk(root, events=("start", "end"))
        for event, el in walker:
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if event == "start" and tag in self.d.skip:
                walker.skip_subtree()  # its "end" event still comes, and adds the tail
                continue
            if event == "start":
                self._start(el, tag)
            else:
                self._end(el, tag)
        self._flush()
        return self.blocks

    def _start(self, el: Any, tag: str) -> None:
        name = self.d.block(el)
        if self._is_caption(el, tag):
            self.captions += 1
        if name is not None:
            self._flush()
            self.stack.append([name, [], 0, []])
        elif tag == self.d.link:
            self.open_links.append((el.get(self.d.href) or "", []))
        elif tag in self.d.breaks:
            self.stack[-1][1].append("\n")
        elif tag == self.d.cell and self.stack[-1][1]:
            self.stack[-1][1].append(" | ")
        self._text(el.text)

    def _end(self, el: Any, tag: str) -> None:
        if self._is_caption(el, tag):
            self.captions -= 1
        if self.d.block(el) is not None:
            self._flush()
            if len(self.stack) > 1:
                self.stack.pop()
        elif tag == self.d.link and self.open_links:
            href, parts = self.open_links.pop()
            if href:
                self.stack[-1][3].append((href, normalise("".join(parts))))
        self._text(el.tail)

    def _is_caption(self, el: Any, tag: str) -> bool:
        """<figure>, <figcaption>, or an element whose class says caption or credit."""
        if not self.d.captions:
            return False
        return tag in self.d.captions or bool(_CAPTION_CLASS.search(el.get("class") or ""))

    def _text(self, text: str | None) -> None:
        if not text:
            return
        text = _SPACE.sub(" ", text)
        top = self.stack[-1]
        top[1].append(text)
        if self.open_links:
            top[2] += len(text.replace(" ", ""))
            for _, parts in self.open_links:
                parts.append(text)

    def _flush(self) -> None:
        top = self.stack[-1]
        text = normalise("".join(top[1]))
        if text and WORD.search(text):
            self.blocks.append(RawBlock(top[0], text, top[2], list(top[3]),
                                        caption=self.captions > 0, source=self.source))
        top[1], top[2], top[3] = [], 0, []


def normalise(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line).strip()


def blocks_of(root: Any, dialect: _Dialect, source: str) -> list[RawBlock]:
    """The text blocks of a tree, in document order."""
    return _Walker(dialect, source).walk(root)


def common_ancestor(found: list[Any]) -> Any:
    """The innermost element holding all of ``found``."""
    if not found:
        return None
    common = list(found[0].iterancestors())
    for el in found[1:]:
        ancestors = set(el.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


# --- the two extractors ----------------------------------------------------------------

# libxml2 parses one element's attributes in time growing with their square (80,000 on
# one element: 9 s); pages of the benchmark have at most 40. Beyond this, refused.
MAX_ATTRIBUTES = 1000
# A start tag with more than MAX_ATTRIBUTES attributes (names, then optional values, quoted or not).
# Possessive, so that a long name is never split into many, and no "<" outside quotes, so
# that each attempt stops at the next tag: one linear pass (0.3 ms for a 177 KB page).
_MANY_ATTRIBUTES = re.compile(
    r"<[A-Za-z][^\s/<>]*+(?:[\s/]*+[^\s\"'<>/=]++"
    r"(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s<>]++))?+)"
    + f"{{{MAX_ATTRIBUTES + 1}}}")
# libxml2 stops parsing at this depth of nesting even with its "huge" option (256
# without it), and everything after the cut is lost: deeper pages are refused.
MAX_DEPTH = 2048


def parse(html: str) -> Any:
    """The page as an lxml tree (trafilatura's parser), or None when nothing parses."""
    return parse_page(html)[0]


def parse_page(html: str) -> tuple[Any, bool]:
    """The page as an lxml tree (trafilatura's parser), or None when nothing parses, and
    whether it nests deeper than trafilatura's parser goes (255 levels).
    A bare fragment is wrapped in a document first (the parser rejects fragments).
    A page that parser stops in (deeper than 255 levels, or a text, script, comment or
    attribute value over libxml2's 10 MB, such as a page's data in one script: nothing
    after the cut would be kept) is parsed again with libxml2's huge option.
    Raises InputError when the page nests deeper than MAX_DEPTH."""
    _refuse_many_attributes(html)
    for candidate in (html, f"<html><body>{html}</body></html>"):
        parser = _parser(huge=False)
        tree = _load(candidate, parser)
        if _cut_short(parser):
            return _parse_huge(candidate), _cut_short(parser, "depth")
        if tree is not None:
            return tree, False
    return None, False


@cache
def _parser(*, huge: bool) -> Any:
    """trafilatura's HTML parser (its settings in trafilatura.utils.HTML_PARSER), with the
    page's elements made lxml.html's HtmlElement by a lookup in lxml's C code: lxml.html's
    own lookup is a Python method called for every element each time a walk (ours or
    trafilatura's) reaches it, about 5% of an HTML audit. Its special classes for forms
    and their fields are used by neither. ``huge`` lifts libxml2's depth limit of 255
    to MAX_DEPTH."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True, huge_tree=huge)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


def _load(html: str, parser: Any) -> Any:
    """``html`` parsed as trafilatura.utils.load_html parses a string, with ``parser``:
    repaired for libxml2, as bytes when lxml refuses the string (an encoding declaration
    in it), and None for something that is not HTML (no "html" near the start, and
    fewer than two elements under the root)."""
    from lxml.html import fromstring
    from trafilatura.utils import repair_faulty_html

    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    try:
        tree = fromstring(html, parser=parser)
    except Exception:  # a str with an encoding declaration is refused; an empty document
        tree = None
    if tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
        except Exception:
            tree = None
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None
    return tree


# Two shapes on which trafilatura's time grows faster than the page; such pages are read
# by the page walker instead. Its walk of a table visits every element of the tables
# nested in it, so a chain of nested tables costs the cube of its depth (250 deep: 17 s
# a MB); the benchmark's pages nest tables 2 deep at most. And it asks libxml2 for
# "//p//text()", whose time grows with the square of the paragraphs (10,000: 0.04 s;
# 40,000: 0.84 s); the benchmark's pages have 205 at most.
MAX_TABLE_NESTING = 16
MAX_PARAGRAPHS = 10_000


def trafilatura_too_costly(tree: Any) -> bool:
    """Whether some table sits inside more than MAX_TABLE_NESTING tables, or the page has
    more than MAX_PARAGRAPHS paragraphs (time proportional to the page's elements)."""
    from itertools import islice

    if int(tree.xpath("count(//p)")) > MAX_PARAGRAPHS:
        return True
    return any(sum(1 for _ in islice(table.iterancestors("table"), MAX_TABLE_NESTING + 1))
               > MAX_TABLE_NESTING for table in tree.iter("table"))


def _refuse_many_attributes(html: str) -> None:
    from audit.decode import InputError

    found = _MANY_ATTRIBUTES.search(html)
    if found is not None:
        raise InputError(f"an HTML element with more than {MAX_ATTRIBUTES:,} attributes (at "
                         f"character {found.start():,}): the parser's time grows with their "
                         "square")


def _cut_short(parser: Any, limit: str = "") -> bool:
    """Whether the parser's last document stopped at one of libxml2's limits (``limit`` in
    its message: "depth" for its depth limit)."""
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and limit in e.message
               for e in parser.error_log)


def _parse_huge(html: str) -> Any:
    """A page trafilatura's parser stops in (``parse_page``: it keeps nothing after the cut),
    parsed again with libxml2's huge option: up to MAX_DEPTH levels, 1 GB a text."""
    import lxml.html
    from trafilatura.utils import repair_faulty_html

    from audit.decode import InputError

    parser = _parser(huge=True)
    repaired = repair_faulty_html(html, html[:50].lower())
    tree = lxml.html.fromstring(repaired.encode("utf-8", "surrogatepass"), parser=parser)
    if _cut_short(parser, "depth"):
        raise InputError(f"HTML nested more than {MAX_DEPTH:,} elements deep: the parser "
                         "stops there and the article would be lost")
    return tree


# A card inside a paragraph (an image and several links: the hover card of a name, shown
# by CSS only on hover) is not the paragraph's text; the innermost such element goes.
# "p/descendant::*", not "p//*": the same elements, but libxml2 evaluates "//p//*[...]" in
# time quadratic in the number of paragraphs (4.5 s for 32,000 unclosed <p>, 1 ms this way).
CARD_IN_PARAGRAPH = ("//p/descendant::*[.//img and count(.//a) >= 2]"
                     "[not(.//*[.//img and count(.//a) >= 2])]")


def trafilatura_blocks(tree: Any, url: str | None) -> list[RawBlock]:
    """trafilatura in precision mode without its own fallbacks (we run ours)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, url=url, fast=True, favor_precision=True, include_comments=False,
        include_links=False, include_tables=True, output_format="xml",
        prune_xpath=CARD_IN_PARAGRAPH)
    if doc is None or doc.body is None:
        return []
    return blocks_of(doc.body, TRAFILATURA, "trafilatura")


def readability_blocks(tree: Any) -> list[RawBlock]:
    """readability's article (trafilatura's fork of readability-lxml: the same algorithm,
    faster; README, Performance). It changes the tree it reads: call it last."""
    import lxml.html
    from trafilatura.readability_lxml import Document

    try:
        summary = Document(tree, min_text_length=25).summary()
        root = lxml.html.fromstring(summary) if summary.strip() else None
    except Exception:
        return []
    if root is None:
        return []
    _rejoin_split_paragraphs(root)
    return blocks_of(root, HTML, "readability")


_INLINE = frozenset({"a", "em", "i", "b", "strong", "span", "code", "sup", "sub", "small",
                     "abbr", "cite", "q", "time", "mark", "u", "s", "font"})


def _rejoin_split_paragraphs(root: Any) -> None:
    """readability turns the text of a <div> into <p>s but leaves the links and emphasis
    between them outside: "<p>according to </p><em>DigiTimes</em><p>. A preview</p>".
    Put such a paragraph back together when it stops mid-sentence before an inline element."""
    for container in list(root.iter("div")):
        children = list(container)
        index = 0
        while index < len(children) - 1:
            para = children[index]
            if para.tag != "p" or SENTENCE_END.search(para.text_content()) is not None:
                index += 1
                continue
            end = index + 1
            while end < len(children) and children[end].tag in _INLINE:
                end += 1
            if end == index + 1:
                index += 1
                continue
            for inline in children[index + 1:end]:
                para.append(inline)  # moves the element, and its tail, into the paragraph
            if end < len(children) and children[end].tag == "p":
                _absorb(para, children[end])
                end += 1
            children[index + 1:end] = []


def _absorb(para: Any, following: Any) -> None:
    """Append the content of paragraph ``following`` to ``para`` and drop it."""
    last = para[-1] if len(para) else None
    if following.text:
        if last is None:
            para.text = (para.text or "") + following.text
        else:
            last.tail = (last.tail or "") + following.text
    for child in list(following):
        para.append(child)
    following.getparent().remove(following)

