"""Extract salary records from WARC crawl dumps with Spark and write them as Parquet.

    PYSPARK_PYTHON=.venv/bin/python .venv/bin/spark-submit --master 'local[2]' \\
        examples/spark_submit_warc.py crawl/ -o out/records.parquet

Each WARC file becomes one Spark task: an executor reads it with the payscrape WARC reader
(streaming, one record at a time), extracts every response through the same code path as
``payscrape.extract`` and hands the records back as Arrow batches typed by
``payscrape.spark.spark_schema()``. A page that fails is an error row (``error.code``), never
a lost row. The output is an ordinary Parquet dataset (``spark.read.parquet``, pandas,
DuckDB …) with the same columns as ``payscrape extract … -o OUT.parquet``.

The executors' Python (``PYSPARK_PYTHON``) needs payscrape with the ``warc`` and ``spark``
extras, and the WARC paths must be readable there: local paths in local mode, a shared or
mounted file system on a cluster. Directories are listed on the driver.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def warc_paths(inputs: list[str]) -> list[str]:
    """The WARC files among the inputs (directories are searched, in sorted order)."""
    from payscrape.batch import iter_files
    from payscrape.warc import is_warc

    return [str(f) for f in iter_files(inputs) if is_warc(f)]


def main(argv: list[str] | None = None, spark: Any = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="WARC files (.warc, .warc.gz) or directories")
    parser.add_argument("-o", "--output", required=True, help="Parquet output directory")
    parser.add_argument("--files", type=int, default=None,
                        help="write the output as this many files (default: one per WARC)")
    parser.add_argument("--max-input-bytes", type=int, default=None,
                        help="largest HTTP payload read from a record (default: Config's)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from payscrape.config import Config
    from payscrape.spark import extract_warcs

    paths = warc_paths(args.inputs)
    if not paths:
        print(f"no .warc or .warc.gz files in {', '.join(args.inputs)}", file=sys.stderr)
        return 2
    config = Config() if args.max_input_bytes is None else Config(
        max_input_bytes=args.max_input_bytes)

    own = spark is None
    if own:
        spark = SparkSession.builder.appName("payscrape-warc").getOrCreate()
    try:
        records = extract_warcs(spark, paths, config=config)
        if args.files:
            records = records.coalesce(args.files)
        records.write.mode("overwrite").parquet(args.output)

        written = spark.read.parquet(args.output)
        totals = written.agg(
            F.count("*").alias("pages"),
            F.sum(F.size("salaries")).alias("pay_figures"),
            F.sum(F.col("error").isNotNull().cast("int")).alias("errors"),
        ).first()
        print(f"{len(paths)} WARC files: {totals.pages} pages, {totals.pay_figures or 0} pay "
              f"figures, {totals.errors or 0} error rows -> {args.output}")
        for row in (written.groupBy(F.coalesce("page_type", "error.code").alias("kind"))
                    .count().orderBy("kind").collect()):
            print(f"  {row.kind}: {row['count']}")
    finally:
        if own:
            spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
