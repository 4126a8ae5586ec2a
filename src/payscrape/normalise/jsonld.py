"""schema.org salary markup in JSON-LD: Occupation, JobPosting, OccupationAggregationByEmployer."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import regex

from ..document import StructuredData, StructuredSalary

_TRAILING_COMMA = regex.compile(r",\s*(?=[}\]])")
_COMMENTS = regex.compile(r"(?s)/\*.*?\*/|(?m)^\s*//[^\n]*$")
_DURATION = {"P1Y": "year", "P1M": "month", "P1W": "week", "P1D": "day", "PT1H": "hour"}
_UNIT = {
    "year": "year", "annual": "year", "yearly": "year", "annum": "year", "month": "month",
    "monthly": "month", "week": "week", "weekly": "week", "day": "day", "daily": "day",
    "hour": "hour", "hourly": "hour",
}
_PERCENTILES = {"percentile10": 10, "percentile25": 25, "percentile75": 75, "percentile90": 90}
MAX_JSONLD_CHARS = 1_000_000


def loads_lenient(raw: str) -> Any:
    """Parse JSON-LD, tolerating CDATA wrappers, comments and trailing commas."""
    raw = raw.strip()
    raw = regex.sub(r"^\s*(?://)?\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
    try:
        return json.loads(raw)
    except ValueError:
        pass
    cleaned = _TRAILING_COMMA.sub("", _COMMENTS.sub("", raw))
    try:
        return json.loads(cleaned, strict=False)
    except ValueError:
        return None


def _nodes(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 20:
        return
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key, value in data.items():
            if key == "@context":
                continue
            if isinstance(value, (dict, list)):
                yield from _nodes(value, depth + 1)


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    values = t if isinstance(t, list) else [t]
    return {str(v).rpartition("/")[2].lower() for v in values if v}


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        digits = regex.sub(r"[^\d.]", "", value.replace(",", ""))
        try:
            return float(digits) if digits else None
        except ValueError:
            return None
    if isinstance(value, dict):
        return _number(value.get("value"))
    return None


def _period(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.upper() in _DURATION:
        return _DURATION[text.upper()]
    return _UNIT.get(text.lower().removeprefix("per ").strip())


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    if isinstance(value, list) and value:
        return _text(value[0])
    return None


def _location(node: dict[str, Any]) -> str | None:
    loc = node.get("occupationLocation") or node.get("jobLocation")
    if isinstance(loc, list) and loc:
        loc = loc[0]
    if isinstance(loc, dict):
        address = loc.get("address")
        if isinstance(address, dict):
            return _text(address.get("addressLocality")) or _text(address.get("addressRegion"))
        return _text(loc)
    return _text(loc)


def _amounts(node: Any, role: str | None, location: str | None,
             exp: tuple[float | None, float | None]) -> Iterator[StructuredSalary]:
    if isinstance(node, list):
        for item in node:
            yield from _amounts(item, role, location, exp)
        return
    if not isinstance(node, dict):
        return
    currency = _text(node.get("currency"))
    value = node.get("value")
    period = _period(node.get("duration")) or _period(node.get("unitText"))
    if isinstance(value, dict):
        period = period or _period(value.get("unitText"))
        currency = currency or _text(value.get("currency"))
        node = {**node, **value}
    common = dict(currency=currency.upper() if currency else None, period=period, role=role,
                  location=location, experience_min=exp[0], experience_max=exp[1])
    median = _number(node.get("median"))
    if median is not None:
        yield StructuredSalary(low=median, high=median, statistic="median", **common)
    for key, pct in _PERCENTILES.items():
        v = _number(node.get(key))
        if v is not None:
            yield StructuredSalary(low=v, high=v, statistic="percentile", percentile=pct, **common)
    lo, hi = _number(node.get("minValue")), _number(node.get("maxValue"))
    if lo is not None or hi is not None:
        low = lo if lo is not None else hi
        high = hi if hi is not None else lo
        assert low is not None and high is not None
        yield StructuredSalary(low=low, high=high, statistic="range" if low != high else None,
                               **common)
    single = value if not isinstance(value, dict) else value.get("value")
    v = _number(single)
    if v is not None and lo is None and hi is None:
        yield StructuredSalary(low=v, high=v, statistic=None, **common)


def read_jsonld(scripts: list[str]) -> StructuredData:
    """Collect salary facts from the texts of ``application/ld+json`` scripts."""
    out = StructuredData()
    for raw in scripts:
        if len(raw) > MAX_JSONLD_CHARS:
            continue
        data = loads_lenient(raw)
        if data is None:
            continue
        for node in _nodes(data):
            types = _types(node)
            if not types & {"occupation", "jobposting", "occupationaggregationbyemployer"}:
                continue
            out.raw.append(node)
            role = _text(node.get("name")) or _text(node.get("title"))
            location = _location(node)
            exp = (_number(node.get("yearsExperienceMin")), _number(node.get("yearsExperienceMax")))
            if "occupationaggregationbyemployer" in types:
                size = _number(node.get("sampleSize"))
                if size is not None:
                    out.sample_size = int(size)
            out.role = out.role or role
            for key in ("estimatedSalary", "baseSalary"):
                if key in node:
                    out.salaries.extend(_amounts(node[key], role, location, exp))
            date = _text(node.get("datePosted")) or _text(node.get("dateModified"))
            if date and not out.updated:
                out.updated = date[:10]
    return out
