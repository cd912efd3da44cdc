"""Roles of the blocks of an HTML page: what the extractor let through is marked.

Each block is judged alone first, with the page's metadata (the repeated title, link
lists and "Related: <link>" lines, furniture from audit.strip.furniture, captions,
bylines), then by position: what sits above the <h1> title outside the article, notes
about the author among the last paragraphs, headings over nothing but furniture.
"""

from __future__ import annotations

from audit import bylines, metadata
from audit.model import KEPT_ROLES, Role
from audit.sentences import whitespace_words
from audit.strip.furniture import furniture_role
from audit.strip.htmltree import HEADINGS, SENTENCE_END, WORD, RawBlock, common_ancestor

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


def _tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def _key(text: str) -> str:
    return " ".join(_tokens(text))


def _role(block: RawBlock, index: int, titles: list[str], authors: list[str]) -> tuple[Role, str]:
    """The role of one block, judged with the page's metadata but without its neighbours."""
    key = _key(block.text)
    words = whitespace_words(key)  # its tokens (the key joins them with single spaces)
    if index < TITLE_WINDOW and any(key == t or (words >= 4 and t.startswith(key + " "))
                                    for t in titles):
        return Role.DUPLICATE_TITLE, "same-as-title"
    if block.link_density >= MAX_BODY_LINK_DENSITY and (words <= MAX_LINK_LIST_WORDS
                                                        or len(block.links) >= 3):
        return Role.RELATED, "link-text"
    if _label_and_link(block):
        return Role.RELATED, "label-and-link"
    furniture = furniture_role(block.text)
    if furniture is not None:
        return furniture
    if block.caption:
        return Role.OTHER, "caption"
    if _is_byline(block, index, key, words, authors):
        return Role.BYLINE, "author-name"
    if block.element in HEADINGS:
        return Role.HEADING, block.source
    return Role.BODY, block.source


def _is_byline(block: RawBlock, index: int, key: str, words: int, authors: list[str]) -> bool:
    """Short, and either a byline by its shape near the top ("By Jane Doe", the pattern of
    audit.bylines, not a sentence) or naming the author and either starting with "By" or
    near the top and not a sentence (a lead sentence may name an agency that is also the
    author)."""
    if words > MAX_BYLINE_WORDS:
        return False
    if not any(f" {a} " in f" {key} " for a in authors):
        return (index < BYLINE_WINDOW and bylines.BYLINE.match(block.text) is not None
                and not SENTENCE_END.search(block.text))
    return bool(bylines.OPENER.match(block.text)) or (index < BYLINE_WINDOW
                                                and not SENTENCE_END.search(block.text))


def _label_and_link(block: RawBlock) -> bool:
    """"Related: <a>Other story</a>", "SEE MORE: <a>...</a>" in any language: a label of a
    few words ending in a colon, then nothing but a link."""
    label, colon, rest = block.text.partition(":")
    return (bool(colon and block.links) and 0 < whitespace_words(label) <= 3
            and rest.strip() == block.links[-1][1])


def assign_roles(blocks: list[RawBlock], meta: metadata.PageMetadata) -> list[tuple[Role, str]]:
    """(role, reason) of every block: each judged alone first, with the page's metadata,
    then by position (above the <h1> title, the last paragraphs, headings over furniture)."""
    titles = [k for k in (_key(t.value) for t in meta.titles) if k]
    authors = [k for k in (_key(a.value) for a in meta.authors) if " " in k]
    roles = [_role(b, i, titles, authors) for i, b in enumerate(blocks)]
    roles = _before_title(blocks, roles)
    roles = _author_notes(blocks, roles, authors)
    return _headings_of_furniture(blocks, roles)


def _before_title(blocks: list[RawBlock], roles: list[tuple[Role, str]]) -> list[tuple[Role, str]]:
    """What the extractor kept above the article's <h1> title and outside the element
    holding the title and the paragraphs after it (a sidebar's teaser of another story)
    is not the article. A lead the page places above its title stays (cnn.com)."""
    first = next((i for i, (role, _) in enumerate(roles)
                  if role == Role.DUPLICATE_TITLE and blocks[i].element == "h1"), None)
    if first is None or blocks[first].node is None:
        return roles
    after = [b.node for b in blocks[first + 1:first + 6] if b.node is not None]
    article = common_ancestor([blocks[first].node, *after]) if after else None
    if article is None:
        return roles
    roles = list(roles)
    for index in range(first):
        node = blocks[index].node
        if roles[index][0] in KEPT_ROLES and node is not None \
                and article not in set(node.iterancestors()):
            roles[index] = (Role.OTHER, "outside-the-article")
    return roles


# How many of the last body blocks may be a note about the author.
AUTHOR_NOTE_BLOCKS = 3
MAX_AUTHOR_NOTE_WORDS = 80


def _author_notes(blocks: list[RawBlock], roles: list[tuple[Role, str]], authors: list[str]
                  ) -> list[tuple[Role, str]]:
    """A paragraph among the last few that starts with the article's own author, or names
    the author next to an address or handle, is about the author ("Jane Doe is a senior
    editor...", "Jane Doe's book ...", "Email Jane Doe at jane@..."). A paragraph merely
    naming an agency that is also the author ("..., the Associated Press reported") stays."""
    roles = list(roles)
    body = [i for i, (role, _) in enumerate(roles) if role == Role.BODY]
    for index in body[-AUTHOR_NOTE_BLOCKS:]:
        key = f" {_key(blocks[index].text)} "
        if whitespace_words(key) > MAX_AUTHOR_NOTE_WORDS:
            continue
        named = [a for a in authors if f" {a} " in key]
        if any(key.startswith(f" {a} ") for a in named) or (named and "@" in blocks[index].text):
            roles[index] = (Role.AUTHOR_BIO, "names-the-author")
    return roles


def _headings_of_furniture(blocks: list[RawBlock], roles: list[tuple[Role, str]]
                           ) -> list[tuple[Role, str]]:
    """A heading over furniture only ("Most read", "About us") or over nothing at the end
    of the article is furniture too."""
    roles = list(roles)
    for index in range(len(blocks) - 1, -1, -1):
        if roles[index][0] != Role.HEADING:
            continue
        section = []
        for role, _ in roles[index + 1:]:
            if role == Role.HEADING:
                break
            section.append(role)
        trailing = index + 1 + len(section) == len(roles)
        if (section or trailing) and all(r not in (Role.BODY, Role.HEADING) for r in section):
            roles[index] = (Role.OTHER, "heading-without-body")
    return roles
