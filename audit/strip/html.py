"""HTML pages: main content with trafilatura, then the furniture it lets through.

trafilatura (precision settings, fast mode) gives the main content as a tree of blocks.
Three things are added around it, each measured on the extraction benchmark:
- an article cut into sibling sections around ads is joined again (trafilatura keeps
  the first section);
- readability (a different algorithm) is the fallback when trafilatura finds nothing;
- the links of each block are read from the page, and rules mark what the extractor let
  through: link lists and "Related: <link>" lines, the repeated title, bylines and notes
  about the author (from the page's metadata), headings over nothing but furniture, and
  whatever audit.strip.furniture recognises (newsletter prompts, credits, ...).
Removed blocks stay in the Extraction with their role and the reason for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from audit import metadata, provenance
from audit.model import KEPT_ROLES, Block, Extraction
from audit.strip.furniture import furniture_role

_SPACE = re.compile(r"\s+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")
_CAPTION_CLASS = re.compile(r"caption|credit", re.IGNORECASE)


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
                self.stack[-1][3].append((href, _normalise("".join(parts))))
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
        text = _normalise("".join(top[1]))
        if text and _WORD.search(text):
            self.blocks.append(RawBlock(top[0], text, top[2], list(top[3]),
                                        caption=self.captions > 0, source=self.source))
        top[1], top[2], top[3] = [], 0, []


def _normalise(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line).strip()


def blocks_of(root: Any, dialect: _Dialect, source: str) -> list[RawBlock]:
    """The text blocks of a tree, in document order."""
    return _Walker(dialect, source).walk(root)


# --- the two extractors ----------------------------------------------------------------

def parse(html: str) -> Any:
    """The page as an lxml tree (trafilatura's parser), or None when nothing parses.
    A bare fragment is wrapped in a document first (the parser rejects fragments)."""
    from trafilatura.utils import load_html

    for candidate in (html, f"<html><body>{html}</body></html>"):
        try:
            tree = load_html(candidate)
        except (ValueError, TypeError):
            tree = None
        if tree is not None:
            return tree
    return None


# A card inside a paragraph (an image and several links: the hover card of a name, shown
# by CSS only on hover) is not the paragraph's text; the innermost such element goes.
_CARD_IN_PARAGRAPH = ("//p//*[.//img and count(.//a) >= 2]"
                      "[not(.//*[.//img and count(.//a) >= 2])]")


def trafilatura_blocks(tree: Any, url: str | None) -> list[RawBlock]:
    """trafilatura in precision mode without its own fallbacks (we run ours)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree, url=url, fast=True, favor_precision=True, include_comments=False,
        include_links=False, include_tables=True, output_format="xml",
        prune_xpath=_CARD_IN_PARAGRAPH)
    if doc is None or doc.body is None:
        return []
    return blocks_of(doc.body, TRAFILATURA, "trafilatura")


def readability_blocks(tree: Any) -> list[RawBlock]:
    """readability's article (trafilatura's fork of readability-lxml: same algorithm, five
    times faster on the benchmark). It changes the tree it reads: call it last."""
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
            if para.tag != "p" or _SENTENCE_END.search(para.text_content()) is not None:
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


# --- an article split into sections --------------------------------------------------

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
    container = _common_ancestor([b.node for b in primary
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


def _common_ancestor(found: list[Any]) -> Any:
    """The innermost element holding all of ``found``."""
    if not found:
        return None
    common = list(found[0].iterancestors())
    for el in found[1:]:
        ancestors = set(el.iterancestors())
        common = [a for a in common if a in ancestors]
    return common[0] if common else None


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
        links = [(a.get("href") or "", _normalise(a.text_content())) for a in el.iter("a")]
        blocks[index].link_chars = sum(len(text.replace(" ", "")) for _, text in links)
        blocks[index].links = [(href, text) for href, text in links if href]


def _section_blocks(siblings: list[Any], container: Any) -> tuple[list[RawBlock], list[RawBlock]]:
    parent = container.getparent()
    position = parent.index(container)
    before: list[RawBlock] = []
    after: list[RawBlock] = []
    for sibling in siblings:
        blocks = [b for b in blocks_of(sibling, HTML, "continuation")
                  if _is_prose(b) or b.element in _HEADINGS]
        if sum(b.element not in _HEADINGS for b in blocks) < MIN_SECTION_PARAGRAPHS:
            continue  # one paragraph beside the article is more often a bio or a teaser
        (before if parent.index(sibling) < position else after).extend(blocks)
    return before, after


# --- choosing between them ------------------------------------------------------------

# Fewer words than this from trafilatura: it found no article; trust readability.
MIN_PRIMARY_WORDS = 60
# A paragraph of a sibling section is taken only when it is prose: this many words at
# least (or characters, for scripts written without spaces), few links, a sentence ending.
MIN_PROSE_WORDS = 12
MIN_PROSE_CHARS = 60
MAX_PROSE_LINK_DENSITY = 0.3


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _word_count(blocks: list[RawBlock]) -> int:
    return sum(len(_WORD.findall(b.text)) for b in blocks)


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


def _is_prose(block: RawBlock) -> bool:
    """A paragraph of running text: long enough, few links, ends like a sentence."""
    unspaced = len(block.text) >= MIN_PROSE_CHARS and " " not in block.text[:MIN_PROSE_CHARS]
    long_enough = len(_WORD.findall(block.text)) >= MIN_PROSE_WORDS or unspaced
    return (long_enough and not block.caption and block.element not in _HEADINGS
            and block.link_density <= MAX_PROSE_LINK_DENSITY
            and bool(_SENTENCE_END.search(block.text)) and furniture_role(block.text) is None)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


# --- roles -----------------------------------------------------------------------------

# A short block whose text is mostly link text is a link list (related stories, tags,
# share bar); a long one is a link list when it has several links, else more often a
# paragraph that is one link (deal pages, quotes).
MAX_BODY_LINK_DENSITY = 0.75
MAX_LINK_LIST_WORDS = 30
# The title repeated in the extraction is looked for among this many first blocks.
TITLE_WINDOW = 5
# Bylines and datelines are short, and near the top unless they start with "By".
MAX_BYLINE_WORDS = 15
BYLINE_WINDOW = 6
_BY_WORD = re.compile(r"\W*(?:by|von|por|di|par|oleh|door|av|af)\b", re.IGNORECASE)


def _key(text: str) -> str:
    return " ".join(_tokens(text))


def _role(block: RawBlock, index: int, titles: list[str], authors: list[str]) -> tuple[str, str]:
    """The role of one block, judged with the page's metadata but without its neighbours."""
    key = _key(block.text)
    words = key.count(" ") + 1
    if index < TITLE_WINDOW and any(key == t or (words >= 4 and t.startswith(key + " "))
                                    for t in titles):
        return "duplicate-title", "same-as-title"
    if block.link_density >= MAX_BODY_LINK_DENSITY and (words <= MAX_LINK_LIST_WORDS
                                                        or len(block.links) >= 3):
        return "related", "link-text"
    if _label_and_link(block):
        return "related", "label-and-link"
    furniture = furniture_role(block.text)
    if furniture is not None:
        return furniture
    if block.caption:
        return "other", "caption"
    if _is_byline(block, index, key, words, authors):
        return "byline", "author-name"
    if block.element in _HEADINGS:
        return "heading", block.source
    return "body", block.source


def _is_byline(block: RawBlock, index: int, key: str, words: int, authors: list[str]) -> bool:
    """Short, naming the author, and either starting with "By" or near the top and not
    a sentence (a lead sentence may name an agency that is also the author)."""
    if words > MAX_BYLINE_WORDS or not any(f" {a} " in f" {key} " for a in authors):
        return False
    return bool(_BY_WORD.match(block.text)) or (index < BYLINE_WINDOW
                                                and not _SENTENCE_END.search(block.text))


def _label_and_link(block: RawBlock) -> bool:
    """"Related: <a>Other story</a>", "SEE MORE: <a>...</a>" in any language: a label of a
    few words ending in a colon, then nothing but a link."""
    label, colon, rest = block.text.partition(":")
    return (bool(colon and block.links) and 0 < len(label.split()) <= 3
            and rest.strip() == block.links[-1][1])


def assign_roles(blocks: list[RawBlock], meta: metadata.PageMetadata) -> list[tuple[str, str]]:
    """(role, reason) of every block: each judged alone first, with the page's metadata,
    then by position (above the <h1> title, the last paragraphs, headings over furniture)."""
    titles = [k for k in (_key(t.value) for t in meta.titles) if k]
    authors = [k for k in (_key(a.value) for a in meta.authors) if " " in k]
    roles = [_role(b, i, titles, authors) for i, b in enumerate(blocks)]
    roles = _before_title(blocks, roles)
    roles = _author_notes(blocks, roles, authors)
    return _headings_of_furniture(blocks, roles)


def _before_title(blocks: list[RawBlock], roles: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """What the extractor kept above the article's <h1> title and outside the element
    holding the title and the paragraphs after it (a sidebar's teaser of another story)
    is not the article. A lead the page places above its title stays (cnn.com)."""
    first = next((i for i, (role, _) in enumerate(roles)
                  if role == "duplicate-title" and blocks[i].element == "h1"), None)
    if first is None or blocks[first].node is None:
        return roles
    after = [b.node for b in blocks[first + 1:first + 6] if b.node is not None]
    article = _common_ancestor([blocks[first].node, *after]) if after else None
    if article is None:
        return roles
    roles = list(roles)
    for index in range(first):
        node = blocks[index].node
        if roles[index][0] in KEPT_ROLES and node is not None \
                and article not in set(node.iterancestors()):
            roles[index] = ("other", "outside-the-article")
    return roles


# How many of the last body blocks may be a note about the author.
AUTHOR_NOTE_BLOCKS = 3
MAX_AUTHOR_NOTE_WORDS = 80


def _author_notes(blocks: list[RawBlock], roles: list[tuple[str, str]], authors: list[str]
                  ) -> list[tuple[str, str]]:
    """A paragraph among the last few that starts with the article's own author, or names
    the author next to an address or handle, is about the author ("Jane Doe is a senior
    editor...", "Jane Doe's book ...", "Email Jane Doe at jane@..."). A paragraph merely
    naming an agency that is also the author ("..., the Associated Press reported") stays."""
    roles = list(roles)
    body = [i for i, (role, _) in enumerate(roles) if role == "body"]
    for index in body[-AUTHOR_NOTE_BLOCKS:]:
        key = f" {_key(blocks[index].text)} "
        if len(key.split()) > MAX_AUTHOR_NOTE_WORDS:
            continue
        named = [a for a in authors if f" {a} " in key]
        if any(key.startswith(f" {a} ") for a in named) or (named and "@" in blocks[index].text):
            roles[index] = ("author-bio", "names-the-author")
    return roles


def _headings_of_furniture(blocks: list[RawBlock], roles: list[tuple[str, str]]
                           ) -> list[tuple[str, str]]:
    """A heading over furniture only ("Most read", "About us") or over nothing at the end
    of the article is furniture too."""
    roles = list(roles)
    for index in range(len(blocks) - 1, -1, -1):
        if roles[index][0] != "heading":
            continue
        section = []
        for role, _ in roles[index + 1:]:
            if role == "heading":
                break
            section.append(role)
        trailing = index + 1 + len(section) == len(roles)
        if (section or trailing) and all(r not in ("body", "heading") for r in section):
            roles[index] = ("other", "heading-without-body")
    return roles


# --- the Extraction --------------------------------------------------------------------

def extract_html(html: str, *, url: str | None = None) -> Extraction:
    """Main content, blocks with roles, title and provenance of an HTML page."""
    tree = parse(html)
    if tree is None:
        return Extraction(text="", blocks=(), title=None, provenance=provenance.empty())
    meta = metadata.read_metadata(tree, url)
    try:
        primary = trafilatura_blocks(tree, url)
        attach_page_elements(primary, tree)
        before, after = continuation_blocks(primary)
        primary = before + primary + after
        chosen = choose(primary, tree)  # last: readability changes the tree
    except RecursionError:  # pathological nesting: keep the page's text as it stands
        chosen = blocks_of(tree, HTML, "page")
    roles = assign_roles(chosen, meta)
    return _build(chosen, roles, meta)


def _build(raw: list[RawBlock], roles: list[tuple[str, str]],
           meta: metadata.PageMetadata) -> Extraction:
    blocks, parts, links, pos = [], [], [], 0
    for index, (block, (role, reason)) in enumerate(zip(raw, roles, strict=True)):
        span = None
        if role in ("body", "heading"):
            pos += 2 if parts else 0
            span = (pos, pos + len(block.text))
            pos = span[1]
            parts.append(block.text)
            links.extend(block.links)
        blocks.append(Block(index=index, text=block.text, role=role, reason=reason,
                            element=block.element, span=span))
    text = "\n\n".join(parts)
    title = meta.title or next((b.text for b in raw if b.element == "h1"), None)
    base = provenance.read(blocks, text, None)
    prov = metadata.to_provenance(meta, links, base)
    if prov["title"] is None and title is not None:
        prov["title"] = {"text": title, "origin": {"kind": "element", "element": "h1"}}
    return Extraction(text=text, blocks=tuple(blocks), title=title, provenance=prov)
