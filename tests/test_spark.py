"""Spark: extract_pages and extract_warcs give the per-page API's records, typed."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import payscrape
from payscrape.batch import process_page
from payscrape.records import PageRecord
from payscrape.warc import read_warc

from .conftest import FIXTURES

if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (no `java` on PATH)", allow_module_level=True)
pytest.importorskip("pyspark", reason="Spark support needs the 'spark' extra (pyspark)")
pytest.importorskip("pyarrow", reason="Spark support needs the 'spark' extra (pyarrow)")

from pyspark.sql import SparkSession
from pyspark.sql import types as st

from payscrape.spark import extract_pages, extract_warcs, spark_schema

SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "SPARK_LOCAL_IP")}
    os.environ["PYSPARK_PYTHON"] = sys.executable  # executors run this interpreter (the venv)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session = (SparkSession.builder.master("local[2]").appName("payscrape-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.extraJavaOptions", "-Dlog4j2.level=ERROR")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _record(row: st.Row, *drop: str) -> PageRecord:
    data = row.asDict(recursive=True)
    return PageRecord.model_validate({k: v for k, v in data.items() if k not in drop})


def _minus_source(record: PageRecord) -> dict:
    return record.model_dump(mode="json", exclude={"source"})


def test_extract_pages_equals_the_api(spark: SparkSession) -> None:
    assert len(SEEDS) == 5
    rows = [(i, p.read_text("utf-8"), f"https://seeds.example.test/{p.stem}")
            for i, p in enumerate(SEEDS)]
    rows.append((99, None, "https://seeds.example.test/missing"))
    df = spark.createDataFrame(rows, "id long, html string, url string")  # 2 partitions
    out = extract_pages(df, keep=["id"])
    assert out.schema == st.StructType([st.StructField("id", st.LongType(), True),
                                        *spark_schema().fields])
    salary = out.schema["salaries"].dataType.elementType
    assert isinstance(salary, st.StructType) and salary["low"].dataType == st.DoubleType()
    assert isinstance(salary["experience"].dataType, st.StructType)
    assert out.schema["error"].dataType.names == ["code", "message"]

    got = {row.id: row for row in out.collect()}
    assert sorted(got) == [0, 1, 2, 3, 4, 99]  # one output row per input row
    for i, page in enumerate(SEEDS):
        expected = payscrape.extract(page.read_text("utf-8"), url=rows[i][2])
        record = _record(got[i], "id")
        assert record.error is None and record.source is None
        assert _minus_source(record) == _minus_source(expected), page.name
    assert got[99].error.code == "E001" and got[99].url == rows[5][2]
    assert any(got[i].salaries for i in range(5))


def test_binary_content_with_a_charset_column(spark: SparkSession) -> None:
    body = ("<html><body><h1>Café manager salary</h1>"
            "<p>Average salary: €41,000 a year.</p></body></html>").encode("cp1252")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    df = spark.createDataFrame(
        [(bytearray(body), "windows-1252", "dump#1"), (bytearray(png), None, "dump#2")],
        "content binary, charset string, source string")
    got = {r.source: r for r in extract_pages(df, content="content", url=None, charset="charset",
                                              source="source").collect()}
    record = _record(got["dump#1"])
    expected = payscrape.extract(body, charset="windows-1252")
    assert _minus_source(record) == _minus_source(expected)
    assert record.salaries[0].text == "€41,000"
    assert got["dump#2"].error.code == "E002"


def test_extract_warcs_reads_on_the_executors(spark: SparkSession, tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason="WARC input needs the 'warc' extra (warcio)")
    from .test_warc import write_warc

    a = write_warc(tmp_path / "a.warc.gz", [
        (f"https://seeds.example.test/{p.stem}", "text/plain; charset=utf-8", p.read_bytes())
        for p in SEEDS[:3]])
    b = write_warc(tmp_path / "b.warc", [
        (f"https://seeds.example.test/{p.stem}", "text/plain", p.read_bytes())
        for p in SEEDS[3:]] + [("https://seeds.example.test/logo", "image/png", b"\x89PNG..")])
    rows = extract_warcs(spark, [str(a), str(b)]).collect()
    assert len(rows) == 6
    expected = {p.source: process_page(p) for path in (a, b) for p in read_warc(path)}
    got = {r.source: _record(r) for r in rows}
    assert got == expected  # sources "path#offset" included
    assert [r.error.code for r in got.values() if r.error] == ["E002"]


def test_spark_submit_example_writes_parquet(spark: SparkSession, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("warcio", reason="WARC input needs the 'warc' extra (warcio)")
    import importlib.util

    from .test_warc import write_warc

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for i, page in enumerate(SEEDS[:2]):
        write_warc(crawl / f"{i}.warc.gz", [
            (f"https://seeds.example.test/{page.stem}", "text/plain", page.read_bytes()),
            ("https://seeds.example.test/style.css", "text/css", b"body {}")])
    spec = importlib.util.spec_from_file_location(
        "spark_submit_warc", FIXTURES.parent / "examples" / "spark_submit_warc.py")
    assert spec and spec.loader
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    out = tmp_path / "records.parquet"
    assert example.main([str(crawl), "-o", str(out), "--files", "1"], spark=spark) == 0
    assert "2 WARC files: 4 pages" in capsys.readouterr().out
    written = spark.read.parquet(str(out))
    assert written.schema.names == spark_schema().names
    got = {r.source: _record(r) for r in written.collect()}
    expected = {p.source: process_page(p) for f in sorted(crawl.iterdir()) for p in read_warc(f)}
    assert got == expected
