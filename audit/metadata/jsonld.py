"""JSON-LD: the page's article object (schema.org), its authors, dates, headline and
publisher.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from audit.decode import without_surrogates
from audit.metadata.authors import split_names
from audit.metadata.records import Item, Origin, PageMetadata
from audit.metadata.text import clean, person

# schema.org types whose object describes the article itself.
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle",
    "askpublicnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
    "scholarlyarticle", "techarticle", "report", "satiricalarticle", "advertisercontentarticle",
})


def article_objects(tree: Any) -> Iterator[dict[str, Any]]:
    """Article-like JSON-LD objects, including those inside lists and @graph."""
    for script in tree.iter("script"):
        if not (script.get("type") or "").strip().lower().startswith("application/ld+json"):
            continue
        data = _load_json(script.text or "")
        if data is None:
            continue
        nodes = list(_flatten(data))
        by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
        for node in nodes:
            if _is_article(node):
                yield _resolve_refs(node, by_id)


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    if not text:
        return None
    try:
        data = json.loads(text, strict=False)
        # An escaped lone surrogate ("\ud800") decodes to a string that is not valid
        # UTF-8: a headline or author holding one could not be written in the report.
        return _without_surrogates(data) if _SURROGATE_ESCAPE.search(text) else data
    except (ValueError, RecursionError):
        return None


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    return value


def _flatten(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Objects of a JSON-LD document: the top level, list members, @graph members and
    mainEntity (depth-limited: hostile JSON nesting must not recurse without end)."""
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _flatten(data[key], depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def _is_article(node: dict[str, Any]) -> bool:
    return bool(_types(node) & _ARTICLE_TYPES)


def _resolve_refs(node: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Replace {"@id": ...} author/publisher references by the objects of the @graph."""
    resolved = dict(node)
    for key in ("author", "creator", "publisher"):
        value = node.get(key)
        if isinstance(value, list):
            resolved[key] = [_deref(v, by_id) for v in value]
        elif value is not None:
            resolved[key] = _deref(value, by_id)
    return resolved


def _deref(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    ref = value.get("@id") if isinstance(value, dict) else None
    if isinstance(ref, str) and set(value) <= {"@id", "@type"} and ref in by_id:
        return by_id[ref]
    return value


def read_json_ld(obj: dict[str, Any], meta: PageMetadata) -> None:
    for key in ("headline", "name"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            meta.titles.append(Item(clean(obj[key]), _json_origin(key)))
            break
    for key in ("author", "creator"):
        for name, org in _typed_names(obj.get(key)):
            (meta.json_orgs if org else meta.authors).append(Item(name, _json_origin(key)))
    for key, target in (("datePublished", meta.published), ("dateCreated", meta.published),
                        ("dateModified", meta.modified)):
        if isinstance(obj.get(key), str) and obj[key].strip():
            target.append(Item(obj[key].strip(), _json_origin(key)))
    for name in _names(obj.get("publisher")):
        meta.publishers.append(Item(name, _json_origin("publisher")))


def _names(value: Any) -> Iterator[str]:
    """Names in a JSON-LD publisher value: a string, an object or a list of them."""
    values = value if isinstance(value, list) else [value]
    for item in values[:20]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            name = person(item)
            if name:
                yield name


_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation",
                        "organisation", "website", "localbusiness", "governmentorganization",
                        "educationalorganization", "ngo", "brand"})


def _typed_names(value: Any) -> Iterator[tuple[str, bool]]:
    """(name, whether typed as an organisation) for a JSON-LD author/publisher value."""
    values = value if isinstance(value, list) else [value]
    for item in values[:20]:
        org = False
        if isinstance(item, dict):
            org = bool(_types(item) & _ORG_TYPES)
            item = item.get("name")
            if isinstance(item, list):  # some sites give {"name": ["A", "B"]}
                item = ", ".join(x for x in item if isinstance(x, str))
        if isinstance(item, str):
            for name in split_names(item):
                yield name, org


def _json_origin(key: str) -> Origin:
    return {"kind": "json-ld", "field": key}
