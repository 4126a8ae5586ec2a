"""schema.org salary markup in microdata: the same three types as :mod:`.jsonld`.

Microdata (``itemscope`` / ``itemtype`` / ``itemprop``) is turned into the dicts a JSON-LD
block would have held — ``{"@type": "Occupation", "estimatedSalary": {...}}`` — and those are
read by :func:`.jsonld.read_jsonld`, so both syntaxes share one conversion (periods,
currencies, percentiles, min/max values, experience years, sample size).

Item and value rules follow the WHATWG microdata model:

- a *top-level item* is an element with ``itemscope`` and no ``itemprop``;
- an item's properties are the ``itemprop`` elements below it (and below the elements its
  ``itemref`` names), not crossing into a nested ``itemscope``;
- a property's value is a nested item when the element has ``itemscope``; else ``content`` on
  ``<meta>``, ``value`` on ``<data>``/``<meter>``, ``datetime`` on ``<time>``, ``href``/``src``/
  ``data`` on links and media, and otherwise the element's text;
- ``itemprop`` may list several names, and names and types may be full URLs
  (``https://schema.org/baseSalary``) — the last path segment is the name.

A ``content`` attribute on any element wins over its text (RDFa-style pages put the
machine-readable number there and a formatted one in the text).

Limits: at most ``MAX_ITEMS`` items and ``MAX_DEPTH`` levels of nesting are read; an item
reached twice through ``itemref`` (a cycle) is read once.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from ..document import StructuredData
from .html import _tag
from .jsonld import read_jsonld

__all__ = ["merge_structured", "microdata_items", "read_microdata"]

MAX_ITEMS = 2000
MAX_DEPTH = 20

_URL_ATTR = {
    "a": "href", "area": "href", "link": "href", "audio": "src", "embed": "src",
    "iframe": "src", "img": "src", "source": "src", "track": "src", "video": "src",
    "object": "data",
}
_SKIP_TEXT = frozenset({"script", "style", "template"})


def _local(name: str) -> str:
    """``https://schema.org/baseSalary`` → ``baseSalary``; ``schema:name`` → ``name``."""
    name = name.strip().rstrip("/")
    for sep in ("/", "#"):
        name = name.rpartition(sep)[2]
    if ":" in name and not name.startswith("@"):
        name = name.rpartition(":")[2]
    return name


def _text_content(el: Any) -> str:
    parts: list[str] = []

    def rec(node: Any) -> None:
        tag = _tag(node)
        if tag is not None and tag not in _SKIP_TEXT:
            if node.text:
                parts.append(node.text)
            for child in node:
                rec(child)
        if node is not el and node.tail:
            parts.append(node.tail)

    rec(el)
    return " ".join("".join(parts).split())


def _value(el: Any, tag: str) -> str:
    if tag == "meta":
        return (el.get("content") or "").strip()
    if el.get("content") is not None:
        return el.get("content").strip()
    if tag in _URL_ATTR:
        return (el.get(_URL_ATTR[tag]) or "").strip()
    if tag in ("data", "meter") and el.get("value") is not None:
        return el.get("value").strip()
    if tag == "time" and el.get("datetime") is not None:
        return el.get("datetime").strip()
    return _text_content(el)


class _Reader:
    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.items = 0
        self._ids: dict[str, Any] | None = None

    def by_id(self, ident: str) -> Any:
        if self._ids is None:
            self._ids = {}
            for el in self.tree.iter():
                i = el.get("id") if isinstance(el.tag, str) else None
                if i and i not in self._ids:
                    self._ids[i] = el
        return self._ids.get(ident)

    def _property_elements(self, root: Any) -> list[Any]:
        """``itemprop`` elements of the item at ``root``, in document order."""
        found: list[Any] = []
        seen: set[int] = {id(root)}
        pending = [root]
        for ref in (root.get("itemref") or "").split():
            target = self.by_id(ref)
            if target is not None and id(target) not in seen:
                seen.add(id(target))
                if target.get("itemprop") is not None:
                    found.append(target)
                if target.get("itemscope") is None:
                    pending.append(target)

        def walk(node: Any) -> None:
            for child in node:
                if _tag(child) is None:
                    continue
                if child.get("itemprop") is not None:
                    found.append(child)
                if child.get("itemscope") is None:
                    walk(child)

        for start in pending:
            walk(start)
        return found

    def item(self, el: Any, depth: int, path: frozenset[int]) -> dict[str, Any]:
        self.items += 1
        out: dict[str, Any] = {}
        types = [_local(t) for t in (el.get("itemtype") or "").split() if _local(t)]
        if types:
            out["@type"] = types[0] if len(types) == 1 else types
        if el.get("itemid"):
            out["@id"] = el.get("itemid").strip()
        if depth >= MAX_DEPTH or self.items > MAX_ITEMS:
            return out
        path = path | {id(el)}
        for prop in self._property_elements(el):
            tag = _tag(prop)
            if tag is None:
                continue
            if prop.get("itemscope") is not None:
                if id(prop) in path or self.items >= MAX_ITEMS:
                    continue
                value: Any = self.item(prop, depth + 1, path)
            else:
                value = _value(prop, tag)
            for raw_name in (prop.get("itemprop") or "").split():
                name = _local(raw_name)
                if not name:
                    continue
                if name in out:
                    prev = out[name]
                    out[name] = [*prev, value] if isinstance(prev, list) else [prev, value]
                else:
                    out[name] = value
        return out


def microdata_items(tree: Any) -> list[dict[str, Any]]:
    """Every top-level microdata item of ``tree`` as a JSON-LD-like dict."""
    if tree is None:
        return []
    reader = _Reader(tree)
    out: list[dict[str, Any]] = []
    for el in tree.iter():
        if _tag(el) is None:
            continue
        if el.get("itemscope") is not None and el.get("itemprop") is None:
            out.append(reader.item(el, 0, frozenset()))
            if reader.items >= MAX_ITEMS:
                break
    return out


_HAS_ITEMSCOPE = etree.XPath("boolean(//*[@itemscope])")


def read_microdata(tree: Any) -> StructuredData:
    """Salary facts (Occupation, JobPosting, OccupationAggregationByEmployer) from microdata.

    >>> from payscrape.normalise.html import parse_html
    >>> tree = parse_html('<div itemscope itemtype="https://schema.org/Occupation">'
    ...     '<h1 itemprop="name">Data Engineer</h1><div itemprop="estimatedSalary" itemscope '
    ...     'itemtype="https://schema.org/MonetaryAmountDistribution">'
    ...     '<meta itemprop="currency" content="EUR"><meta itemprop="duration" content="P1Y">'
    ...     'Median: <span itemprop="median">65,900</span></div></div>')
    >>> s = read_microdata(tree).salaries[0]
    >>> (s.low, s.currency, s.period, s.statistic, s.role)
    (65900.0, 'EUR', 'year', 'median', 'Data Engineer')
    """
    if tree is None or not _HAS_ITEMSCOPE(tree):
        return StructuredData()
    items = microdata_items(tree)
    # one JSON text per item keeps each under jsonld's per-script size limit
    return read_jsonld([json.dumps(item) for item in items])


def merge_structured(first: StructuredData, second: StructuredData) -> StructuredData:
    """One :class:`StructuredData` from two sources (JSON-LD first, then microdata).

    Scalars keep the first source's value when it has one; a salary already present with the
    same amounts, statistic and percentile is not added twice.
    """
    out = StructuredData(
        salaries=list(first.salaries),
        sample_size=first.sample_size if first.sample_size is not None else second.sample_size,
        role=first.role or second.role,
        country=first.country or second.country,
        updated=first.updated or second.updated,
        raw=[*first.raw, *second.raw],
    )
    seen = {(s.low, s.high, s.statistic, s.percentile) for s in first.salaries}
    for s in second.salaries:
        key = (s.low, s.high, s.statistic, s.percentile)
        if key not in seen:
            seen.add(key)
            out.salaries.append(s)
    return out
