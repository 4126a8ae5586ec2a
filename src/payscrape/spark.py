"""Spark: extract pages held in a DataFrame, or WARC dumps read on the executors.

Both run the same code path as the per-page API — :func:`payscrape.batch.process_page`, so a
row equals ``payscrape.extract(content, url=url)`` and a failure is an error row, never a lost
row — and both produce the columns of :func:`spark_schema`, the Spark form of
:func:`payscrape.arrow.arrow_schema` (``salaries`` is ``array<struct<…>>``, ``error`` is
``struct<code, message>`` and null when the page was extracted).

Executors need payscrape installed with the ``spark`` extra (the same version as the driver)
and, for :func:`extract_warcs`, the ``warc`` extra and the WARC paths readable. See
``docs/batch.md`` and ``examples/spark_submit_warc.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from .arrow import arrow_schema, records_to_batch, require_pyarrow
from .batch import Page, process_page
from .config import Config, resolve
from .records import PageRecord
from .warc import read_warc

if TYPE_CHECKING:  # pragma: no cover
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import DataType, StructType

#: Rows per Arrow batch handed back to Spark (bounds executor memory).
BATCH_ROWS = 256


def spark_type(arrow_type: Any, nullable: bool = True) -> DataType:
    """The Spark SQL type of an Arrow type (the subset :func:`arrow_schema` uses)."""
    import pyarrow.types as t
    from pyspark.sql import types as st

    if t.is_struct(arrow_type):
        return st.StructType([st.StructField(f.name, spark_type(f.type), f.nullable)
                              for f in arrow_type])
    if t.is_list(arrow_type) or t.is_large_list(arrow_type):
        return st.ArrayType(spark_type(arrow_type.value_type),
                            containsNull=arrow_type.value_field.nullable)
    simple = {
        "string": st.StringType, "large_string": st.StringType, "int64": st.LongType,
        "int32": st.IntegerType, "double": st.DoubleType, "float": st.FloatType,
        "bool": st.BooleanType, "binary": st.BinaryType, "large_binary": st.BinaryType,
    }
    if str(arrow_type) in simple:
        return simple[str(arrow_type)]()
    raise TypeError(f"no Spark type for Arrow type {arrow_type}")


def spark_schema() -> StructType:
    """The Spark schema of a :class:`PageRecord` row (from :func:`arrow_schema`)."""
    from pyspark.sql import types as st

    return st.StructType([st.StructField(f.name, spark_type(f.type), f.nullable)
                          for f in arrow_schema()])


def _page(content: Any, url: str | None, charset: str | None, source: str | None) -> Page:
    if isinstance(content, str):
        # decoded text: its bytes are UTF-8 now (as the JSON Lines reader does)
        return Page(source or "", content.encode("utf-8"), url=url, charset="utf-8")
    return Page(source or "", bytes(content or b""), url=url, charset=charset)


def _column(batch: Any, name: str | None) -> list[Any]:
    return batch.column(name).to_pylist() if name else [None] * batch.num_rows


def _records_to_output(records: list[PageRecord], sources: list[Any],
                       passthrough: list[Any], schema: Any) -> Any:
    pa = require_pyarrow()
    for rec, src in zip(records, sources):
        rec.source = src  # None when no source column was named (not "")
    out = records_to_batch(records)
    if not passthrough:
        return out
    return pa.RecordBatch.from_arrays([*passthrough, *out.columns], schema=schema)


def _extract_batches(batches: Iterable[Any], *, content: str, url: str | None,
                     charset: str | None, source: str | None, keep: Sequence[str],
                     config: Config, rows: int, schema: Any) -> Iterator[Any]:
    """The ``mapInArrow`` function of :func:`extract_pages` (runs on the executors)."""
    for batch in batches:
        for start in range(0, batch.num_rows, rows):
            chunk = batch.slice(start, rows)
            sources = _column(chunk, source)
            records = [
                process_page(_page(c, u, cs, s), config)
                for c, u, cs, s in zip(_column(chunk, content), _column(chunk, url),
                                       _column(chunk, charset), sources)
            ]
            yield _records_to_output(records, sources, [chunk.column(k) for k in keep], schema)


def extract_pages(df: DataFrame, content: str = "html", url: str | None = "url", *,
                  charset: str | None = None, source: str | None = None,
                  keep: Sequence[str] = (), config: Config | None = None,
                  batch_rows: int = BATCH_ROWS) -> DataFrame:
    """Extract every row of ``df`` into a DataFrame of records, one output row per input row.

    ``content`` names a string column (HTML or text) or a binary column (raw bytes, decoded
    with the ``charset`` column if given, else from the page itself); ``url`` and ``source``
    name optional string columns copied into the record; ``keep`` names input columns passed
    through in front of the record columns (e.g. an id to join back on). A null content is an
    empty page (an ``E001`` error row).
    """
    from pyspark.sql import types as st

    cfg = resolve(config, {})
    columns = set(df.columns)
    named = [c for c in (content, url, charset, source, *keep) if c]
    missing = [c for c in named if c not in columns]
    if missing:
        raise ValueError(f"no such column: {', '.join(missing)}")
    clash = [k for k in keep if k in PageRecord.model_fields]
    if clash:
        raise ValueError(f"kept columns clash with record fields: {', '.join(clash)}")
    out_schema = st.StructType([df.schema[k] for k in keep] + spark_schema().fields)
    arrow_out = None
    if keep:
        # the pass-through columns keep the Arrow types Spark sends them in
        from pyspark.sql.pandas.types import to_arrow_schema

        pa = require_pyarrow()
        kept = to_arrow_schema(st.StructType([df.schema[k] for k in keep]))
        arrow_out = pa.schema(list(kept) + list(arrow_schema()))
    func = partial(_extract_batches, content=content, url=url, charset=charset, source=source,
                   keep=tuple(keep), config=cfg, rows=max(1, batch_rows), schema=arrow_out)
    return df.select(*dict.fromkeys(named)).mapInArrow(func, out_schema)


def _warc_batches(batches: Iterable[Any], *, config: Config, rows: int) -> Iterator[Any]:
    """The ``mapInArrow`` function of :func:`extract_warcs`: WARC paths in, records out."""
    for batch in batches:
        for path in batch.column("path").to_pylist():
            records: list[PageRecord] = []
            for page in read_warc(path, config):
                records.append(process_page(page, config))
                if len(records) >= rows:
                    yield records_to_batch(records)
                    records = []
            if records:
                yield records_to_batch(records)


def extract_warcs(spark: SparkSession, paths: Iterable[str], *, config: Config | None = None,
                  batch_rows: int = BATCH_ROWS) -> DataFrame:
    """A DataFrame of the records of every response in the given WARC files.

    Each path becomes one Spark partition and is read — streaming, with the payscrape WARC
    reader — on an executor, so the paths must be readable there (a local path in local mode,
    a shared or mounted file system on a cluster). Rows follow :func:`spark_schema`; ``source``
    is ``"{path}#{offset}"`` as in the command line's output.
    """
    cfg = resolve(config, {})
    items = [(str(p),) for p in paths]
    rdd = spark.sparkContext.parallelize(items, max(1, len(items)))
    frame = spark.createDataFrame(rdd, "path string")
    func = partial(_warc_batches, config=cfg, rows=max(1, batch_rows))
    return frame.mapInArrow(func, spark_schema())
