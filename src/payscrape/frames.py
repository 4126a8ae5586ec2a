"""Records as pandas DataFrames, and batch output read back as records.

``to_frames(records)`` flattens :class:`~payscrape.records.PageRecord` objects (or their
dicts) into tidy tables with explicit pandas nullable dtypes; ``from_jsonl(path)`` lazily
reads the JSON Lines a batch run writes. pandas is an optional dependency (the ``notebook``
extra): it is imported only when :func:`to_frames` is called. Every column and dtype is
documented in ``docs/frames.md``; :data:`FRAME_COLUMNS` is the same schema in code.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError

from .errors import ReaderError
from .records import SENIORITY_LEVELS, PageRecord

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["FIXED_CATEGORIES", "FRAME_COLUMNS", "from_jsonl", "to_frames"]

PAGE_TYPES: tuple[str, ...] = ("market_report", "career_guide", "other")
PERIODS: tuple[str, ...] = ("year", "month", "week", "day", "hour")

#: Categorical columns whose categories are fixed by the record schema (same on every call,
#: empty input included). Other ``category`` columns (``currency``, ``statistic``) are open:
#: their categories are the sorted values present in the input.
FIXED_CATEGORIES: dict[str, tuple[str, ...]] = {
    "page_type": PAGE_TYPES,
    "period": PERIODS,
    "seniority": SENIORITY_LEVELS,
    "level": SENIORITY_LEVELS,
}

#: Columns every per-fact frame starts with, to join back to ``pages``.
_KEY: tuple[tuple[str, str], ...] = (
    ("source", "string"), ("url", "string"), ("page_type", "category"), ("role", "string"),
    ("country", "string"),
)

#: Frame name → ordered ``(column, dtype)`` pairs. Dtype names are ``str(series.dtype)``.
FRAME_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "pages": (
        ("source", "string"), ("url", "string"), ("page_type", "category"),
        ("page_type_score", "Float64"), ("title", "string"), ("role", "string"),
        ("country", "string"), ("region", "string"), ("updated", "string"),
        ("data_points", "Int64"), ("confidence_label", "string"), ("n_salaries", "Int64"),
        ("n_skills", "Int64"), ("n_certifications", "Int64"), ("error_code", "string"),
    ),
    "salaries": _KEY + (
        ("low", "Float64"), ("high", "Float64"), ("bound", "string"), ("currency", "category"),
        ("period", "category"), ("statistic", "category"), ("percentile", "Int64"),
        ("projected_year", "Int64"), ("experience_min", "Float64"),
        ("experience_max", "Float64"), ("seniority", "category"), ("location", "string"),
        ("origin", "string"), ("text", "string"), ("start", "Int64"), ("end", "Int64"),
    ),
    "experience_bands": _KEY + (
        ("label", "string"), ("min_years", "Float64"), ("max_years", "Float64"),
        ("seniority", "category"), ("text", "string"), ("start", "Int64"), ("end", "Int64"),
    ),
    "skills": _KEY + (
        ("name", "string"), ("id", "string"), ("category", "string"), ("n_mentions", "Int64"),
    ),
    "certifications": _KEY + (
        ("name", "string"), ("id", "string"), ("issuer", "string"), ("category", "string"),
        ("in_vocabulary", "boolean"), ("n_mentions", "Int64"),
    ),
    "location_premiums": _KEY + (
        ("location", "string"), ("premium", "Float64"), ("amount", "Float64"),
        ("currency", "category"), ("text", "string"), ("start", "Int64"), ("end", "Int64"),
    ),
    "seniority_mix": _KEY + (
        ("level", "category"), ("share", "Float64"), ("text", "string"), ("start", "Int64"),
        ("end", "Int64"),
    ),
}


def _import_pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "payscrape.to_frames needs pandas: pip install 'payscrape[notebook]'") from exc
    return pd


def _as_record(item: PageRecord | Mapping[str, Any], index: int) -> PageRecord:
    if isinstance(item, PageRecord):
        return item
    if isinstance(item, Mapping):
        try:
            return PageRecord.model_validate(item)
        except ValidationError as exc:
            raise ValueError(f"record {index} is not a valid PageRecord: {exc}") from exc
    raise TypeError(f"record {index}: expected a PageRecord or a dict, "
                    f"got {type(item).__name__}")


def _rows(records: Iterable[PageRecord]) -> dict[str, dict[str, list[Any]]]:
    cols: dict[str, dict[str, list[Any]]] = {
        name: {c: [] for c, _ in spec} for name, spec in FRAME_COLUMNS.items()
    }

    def add(frame: str, row: dict[str, Any]) -> None:
        target = cols[frame]
        for c in target:
            target[c].append(row.get(c))

    for r in records:
        key = {"source": r.source, "url": r.url, "page_type": r.page_type, "role": r.role,
               "country": r.country}
        add("pages", {
            **key, "page_type_score": r.page_type_score, "title": r.title, "region": r.region,
            "updated": r.updated, "data_points": r.data_points,
            "confidence_label": r.confidence_label, "n_salaries": len(r.salaries),
            "n_skills": len(r.skills), "n_certifications": len(r.certifications),
            "error_code": r.error.code if r.error else None,
        })
        for s in r.salaries:
            exp = s.experience
            add("salaries", {
                **key, "low": s.low, "high": s.high, "bound": s.bound, "currency": s.currency,
                "period": s.period, "statistic": s.statistic, "percentile": s.percentile,
                "projected_year": s.projected_year,
                "experience_min": exp.min_years if exp else None,
                "experience_max": exp.max_years if exp else None,
                "seniority": s.seniority, "location": s.location, "origin": s.origin,
                "text": s.text, "start": s.start, "end": s.end,
            })
        for b in r.experience_bands:
            add("experience_bands", {
                **key, "label": b.label, "min_years": b.min_years, "max_years": b.max_years,
                "seniority": b.seniority, "text": b.text, "start": b.start, "end": b.end,
            })
        for k in r.skills:
            add("skills", {**key, "name": k.name, "id": k.id, "category": k.category,
                           "n_mentions": len(k.mentions)})
        for c in r.certifications:
            add("certifications", {
                **key, "name": c.name, "id": c.id, "issuer": c.issuer, "category": c.category,
                "in_vocabulary": c.in_vocabulary, "n_mentions": len(c.mentions),
            })
        for p in r.location_premiums:
            add("location_premiums", {
                **key, "location": p.location, "premium": p.premium, "amount": p.amount,
                "currency": p.currency, "text": p.text, "start": p.start, "end": p.end,
            })
        for m in r.seniority_mix:
            add("seniority_mix", {**key, "level": m.level, "share": m.share, "text": m.text,
                                  "start": m.start, "end": m.end})
    return cols


def _column(pd: Any, name: str, dtype: str, values: list[Any]) -> Any:
    if dtype == "category":
        fixed = FIXED_CATEGORIES.get(name)
        if fixed is not None:
            unknown = {v for v in values if v is not None} - set(fixed)
            if unknown:  # a value outside the schema: keep it rather than turn it into NaN
                fixed = fixed + tuple(sorted(unknown))
            categories = list(fixed)
        else:
            categories = sorted({v for v in values if v is not None})
        cat_dtype = pd.CategoricalDtype(categories, ordered=name in ("seniority", "level"))
        return pd.Series(pd.Categorical(values, dtype=cat_dtype), name=name)
    return pd.Series(pd.array(values, dtype=dtype), name=name)


def to_frames(records: Iterable[PageRecord | Mapping[str, Any]] | PageRecord
              ) -> dict[str, pd.DataFrame]:
    """Flatten records into tidy DataFrames with explicit nullable dtypes.

    Returns a dict of frames keyed ``pages`` (one row per page), ``salaries`` (one row per
    pay figure), ``experience_bands``, ``skills`` and ``certifications`` (one row per page ×
    item), ``location_premiums`` and ``seniority_mix``. Every per-fact frame starts with the
    page key columns ``source, url, page_type, role, country``. Accepts any iterable of
    :class:`PageRecord` or dicts (as read from batch JSON Lines); empty input gives empty
    frames with the same columns and dtypes. See ``docs/frames.md``.
    """
    pd = _import_pandas()
    if isinstance(records, (PageRecord, Mapping)):
        records = [records]
    recs = (_as_record(item, i) for i, item in enumerate(records))
    cols = _rows(recs)
    frames: dict[str, Any] = {}
    for name, spec in FRAME_COLUMNS.items():
        data = {c: _column(pd, c, dtype, cols[name][c]) for c, dtype in spec}
        frames[name] = pd.DataFrame(data, columns=[c for c, _ in spec])
    return frames


def from_jsonl(path: str | Path, *, errors: Literal["raise", "skip"] = "raise"
               ) -> Iterator[PageRecord]:
    """Lazily read the :class:`PageRecord` rows of a batch output (``.jsonl`` or ``.jsonl.gz``).

    Blank lines are ignored. A line that is not a valid record raises
    :class:`~payscrape.errors.ReaderError` naming the file and line number, or is skipped
    with ``errors="skip"``. A missing file raises ``ReaderError`` at once.
    """
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    p = Path(path)
    if not p.is_file():
        raise ReaderError(f"{p}: no such file")
    return _iter_jsonl(p, errors)


def _iter_jsonl(p: Path, errors: str) -> Iterator[PageRecord]:
    opener: Any = gzip.open if p.suffix == ".gz" else open
    lineno = 0
    try:
        with opener(p, "rt", encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    if not isinstance(obj, dict):
                        raise TypeError(f"expected a JSON object, got {type(obj).__name__}")
                    record = PageRecord.model_validate(obj)
                except (ValueError, TypeError, ValidationError) as exc:
                    if errors == "skip":
                        continue
                    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
                    raise ReaderError(f"{p}: line {lineno}: not a PageRecord: {msg}") from exc
                yield record
    except UnicodeDecodeError as exc:
        raise ReaderError(f"{p}: line {lineno + 1}: not UTF-8: {exc}") from exc
    except (OSError, EOFError) as exc:
        raise ReaderError(f"{p}: {exc}") from exc
