"""What an HTML page's extraction left out, recorded as blocks with a role and a reason.

The extractor returns the article only; the page's furniture around it would otherwise
leave no trace, so ``audit strip page.html --show-removed`` said "removed: 0 block(s)".
``furniture_regions(tree)`` finds, before extraction, the page's furniture regions by
their markup: navigation, header and footer, asides and related links, comments,
newsletter and sharing boxes, paywalls, credits. ``removed_blocks`` then turns the
regions holding none of the extracted blocks into blocks for the report.

Regions, not every block of the page: one XPath query and the regions' texts (both in
lxml's C code) cost far less than walking the whole page into blocks (README,
Performance).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from audit.model import Role
from audit.strip.furniture import furniture_role
from audit.strip.htmltree import RawBlock, normalise

# (role, reason, what in a class or id marks it), tried in order: the first that matches.
_MARKS: tuple[tuple[Role, str, re.Pattern[str]], ...] = tuple(
    (role, reason, re.compile(pattern, re.IGNORECASE)) for role, reason, pattern in (
        (Role.COMMENTS, "comments-region", r"comment|disqus|respond|discussion"),
        (Role.NEWSLETTER, "newsletter-region", r"newsletter|signup|sign-up|subscribe"),
        (Role.ACCESS, "paywall-region", r"paywall|piano|regwall|premium-wall"),
        (Role.CALL_TO_ACTION, "share-region", r"share|social|follow-us"),
        (Role.RELATED, "related-region", r"related|recommend|more-stories|read-more|popular|"
                                      r"trending|teaser|most-read|outbrain|taboola"),
        (Role.PHOTO_CREDIT, "credit-region", r"(?:^|[-_ ])credits?(?:$|[-_ ])"),
        (Role.NAVIGATION, "navigation-region", r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|"
                                            r"breadcrumbs?)(?:$|[-_ ])"),
    ))
# Elements that are furniture by their tag, and their (role, reason).
_TAGS = {"nav": (Role.NAVIGATION, "nav-element"), "header": (Role.NAVIGATION, "page-header"),
         "footer": (Role.OTHER, "page-footer"), "aside": (Role.RELATED, "aside-element")}
# The words of _MARKS, for a first test of each element's class and id (literal words:
# one search costs less than _MARKS' patterns, and most elements have none).
_ANY_MARK = re.compile(
    "comment|disqus|respond|discussion|newsletter|sign-?up|subscribe|paywall|piano|regwall|"
    "premium|share|social|follow|related|recommend|stories|read-more|popular|trending|"
    "teaser|most-read|outbrain|taboola|credit|nav|menu|breadcrumb")  # on lower-cased marks
_VISIBLE_TEXT = ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
# A page has at most this many furniture regions recorded (a menu of menus stays one).
MAX_REGIONS = 60
# Tags never a region, however they are marked.
_NOT_REGIONS = frozenset({"html", "body", "main", "article", "script", "style", "link",
                          "meta", "input", "button", "svg", "path", "img", "a", "span",
                          "label", "option", "i", "use", "noscript", "template"})


@dataclass
class Region:
    element: Any
    role: Role
    reason: str


def furniture_regions(tree: Any) -> list[Region]:
    """The page's outermost furniture regions, in document order (a region's inside is
    not searched: a menu's items are one region)."""
    regions: list[Region] = []
    stack = [tree]
    while stack and len(regions) < MAX_REGIONS:
        el = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        kind = None
        if tag in _TAGS:
            kind = _kind(el, tag)
        elif tag and tag not in _NOT_REGIONS:
            marks, ident = el.get("class"), el.get("id")
            if (marks or ident) and _ANY_MARK.search(f"{marks} {ident}".lower()):
                kind = _kind(el, tag)
        if kind is not None:
            regions.append(Region(el, *kind))
        elif tag not in _LEAVES:
            stack.extend(reversed(el))
    return regions


# Elements whose inside holds no region.
_LEAVES = frozenset({"script", "style", "svg", "noscript", "template", "p", "a", "span",
                     "img", "input", "button", "select", "textarea", "iframe", "video"})


def _kind(el: Any, tag: str) -> tuple[Role, str] | None:
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    for role, reason, pattern in _MARKS:
        if pattern.search(marks):
            return role, reason
    return _TAGS.get(tag)


def removed_blocks(regions: list[Region], kept: list[RawBlock]) -> list[tuple[RawBlock, str, str]]:
    """(block, role, reason) for each region holding none of the extracted blocks and
    some text. A region's own furniture rule wins when its text has one ("Photo: ...")."""
    inside: set[Any] = set()  # the elements themselves: a freed proxy's id() is reused
    for block in kept:
        if block.node is not None:
            for el in (block.node, *_until_known(block.node, inside)):
                inside.add(el)
    # Blocks not found in the page (no node) are told by their text.
    loose = [block.text for block in kept if block.node is None and len(block.text) >= 40]
    out = []
    for region in regions:
        el = region.element
        if el in inside:
            continue
        scripted = el.find(".//script") is not None or el.find(".//style") is not None
        text = normalise(" ".join(el.xpath(_VISIBLE_TEXT)) if scripted else el.text_content())
        if not text or any(t in text for t in loose):
            continue
        role, reason = furniture_role(text) or (region.role, region.reason)
        out.append((RawBlock(el.tag, text, source="page", node=el), role, reason))
    return out


def _until_known(el: Any, known: set[Any]) -> list[Any]:
    """``el``'s ancestors up to the first one in ``known`` (whose own are there too):
    the article's blocks share theirs, so each is walked once."""
    out = []
    for parent in el.iterancestors():
        if parent in known:
            break
        out.append(parent)
    return out
