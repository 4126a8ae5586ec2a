"""The Arrow schema of :class:`~payscrape.records.PageRecord`, derived from the pydantic models.

This is the one place the columnar layout of a record is defined: the Parquet writer
(:mod:`payscrape.batch`) and Spark (:mod:`payscrape.spark`) both use :func:`arrow_schema`.
Nested models become structs, ``list[Model]`` becomes ``list<struct<…>>``, ``Literal`` values
are strings, ``X | None`` is a nullable column and a field without ``None`` in its type is
non-nullable. Needs the ``parquet`` extra (pyarrow).

>>> schema = arrow_schema()
>>> schema.names[:3]
['source', 'url', 'page_type']
>>> str(schema.field("salaries").type.value_type.field("experience").type)
'struct<min_years: double, max_years: double>'
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from .records import SCHEMA_VERSION, PageRecord

try:  # pyarrow is an optional dependency (extras: parquet, spark)
    import pyarrow as pa
except ImportError:  # pragma: no cover - exercised only without the extra
    pa = None

#: Schema metadata key carrying :data:`payscrape.records.SCHEMA_VERSION`.
SCHEMA_VERSION_KEY = b"payscrape.schema_version"

_SCALARS: dict[type, str] = {str: "string", int: "int64", float: "float64", bool: "bool_",
                             bytes: "binary"}


def require_pyarrow() -> Any:
    """Return the ``pyarrow`` module or raise ImportError naming the extra to install."""
    if pa is None:
        raise ImportError("Parquet and Spark support need pyarrow: "
                          "pip install 'payscrape[parquet]' (or 'payscrape[spark]')")
    return pa


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip ``Annotated`` and ``Optional``; return ``(inner type, nullable)``."""
    nullable = False
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(args) != len(typing.get_args(annotation)):
                nullable = True
            if len(args) != 1:
                raise TypeError(f"no Arrow type for the union {annotation!r}")
            annotation = args[0]
            continue
        return annotation, nullable


def _arrow_type(annotation: Any) -> Any:
    pa_ = require_pyarrow()
    inner, _ = _unwrap(annotation)
    origin = typing.get_origin(inner)
    if origin is typing.Literal:
        kinds = {type(v) for v in typing.get_args(inner)}
        if len(kinds) != 1:
            raise TypeError(f"mixed Literal {inner!r}")
        return getattr(pa_, _SCALARS[kinds.pop()])()
    if origin in (list, tuple, Sequence):
        (item,) = typing.get_args(inner)[:1]
        item_type, item_nullable = _unwrap(item)
        return pa_.list_(pa_.field("element", _arrow_type(item_type), nullable=item_nullable))
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return pa_.struct(_fields(inner))
    if inner in _SCALARS:
        return getattr(pa_, _SCALARS[inner])()
    raise TypeError(f"no Arrow type for {inner!r}")


def _fields(model: type[BaseModel]) -> list[Any]:
    pa_ = require_pyarrow()
    out = []
    for name, info in model.model_fields.items():
        _, nullable = _unwrap(info.annotation)
        out.append(pa_.field(name, _arrow_type(info.annotation), nullable=nullable))
    return out


@lru_cache(maxsize=8)
def arrow_schema(model: type[BaseModel] = PageRecord) -> Any:
    """The ``pyarrow.Schema`` of a record model (default: :class:`PageRecord`)."""
    pa_ = require_pyarrow()
    return pa_.schema(_fields(model), metadata={SCHEMA_VERSION_KEY: SCHEMA_VERSION.encode()})


def record_row(record: PageRecord) -> dict[str, Any]:
    """A record as a plain dict in the layout of :func:`arrow_schema`."""
    return record.model_dump(mode="python")


def records_to_batch(records: Iterable[PageRecord]) -> Any:
    """A ``pyarrow.RecordBatch`` holding the records, one row each."""
    pa_ = require_pyarrow()
    schema = arrow_schema()
    return pa_.RecordBatch.from_pylist([record_row(r) for r in records], schema=schema)


def table_to_records(table: Any) -> list[PageRecord]:
    """Records back from an Arrow table or batch in the layout of :func:`arrow_schema`."""
    names = set(PageRecord.model_fields)
    return [PageRecord.model_validate({k: v for k, v in row.items() if k in names})
            for row in table.to_pylist()]
