"""Parquet output: typed nested columns, the same records as JSON Lines, parts and resume."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from payscrape import batch
from payscrape.batch import ParquetWriter, run
from payscrape.cli import main
from payscrape.records import PageRecord

from .conftest import FIXTURES

pa = pytest.importorskip("pyarrow", reason="Parquet output needs the 'parquet' extra (pyarrow)")
pq = pytest.importorskip("pyarrow.parquet")
pc = pytest.importorskip("pyarrow.compute")

from payscrape.arrow import arrow_schema, table_to_records

SEEDS = FIXTURES / "seeds"


def _jsonl(path: Path) -> dict[str, PageRecord]:
    records = [PageRecord.model_validate_json(line)
               for line in path.read_text("utf-8").splitlines()]
    return {r.source: r for r in records if r.source}


def _parquet(path: Path) -> dict[str, PageRecord]:
    return {r.source: r for r in table_to_records(pq.read_table(path)) if r.source}


def test_seed_fixtures_round_trip_through_parquet(tmp_path: Path) -> None:
    jsonl, parquet = tmp_path / "seeds.jsonl", tmp_path / "seeds.parquet"
    assert main(["extract", str(SEEDS), "-o", str(jsonl), "-q"]) == 0
    assert main(["extract", str(SEEDS), "-o", str(parquet), "-q"]) == 0  # by suffix
    expected, got = _jsonl(jsonl), _parquet(parquet)
    assert len(expected) == 5 and any(r.salaries for r in expected.values())
    assert got == expected
    # and the JSON the two give is the same, byte for byte
    assert ({k: r.model_dump_json() for k, r in got.items()}
            == {k: r.model_dump_json() for k, r in expected.items()})


def test_nested_typed_columns(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SEEDS), "-o", str(out), "--format", "parquet", "-q"]) == 0
    table = pq.read_table(out)
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    assert table.schema.metadata[b"payscrape.schema_version"] == b"1"
    salary = table.schema.field("salaries").type.value_type
    assert pa.types.is_struct(salary)
    assert salary.field("low").type == pa.float64()
    assert salary.field("experience").type == pa.struct(
        [("min_years", pa.float64()), ("max_years", pa.float64())])
    assert table.schema.field("data_points").type == pa.int64()
    skill = table.schema.field("skills").type.value_type
    assert pa.types.is_list(skill.field("mentions").type)
    assert table.schema.field("error").type == pa.struct(
        [pa.field("code", pa.string(), False), pa.field("message", pa.string(), False)])
    # the columns are usable as they are: every pay figure of every page, flattened
    figures = pc.list_flatten(table.column("salaries").combine_chunks())
    expected = sum(len(r.salaries) for r in _parquet(out).values())
    assert len(figures) == expected > 0
    assert set(figures.field("period").to_pylist()) <= {None, "year", "month", "week", "day",
                                                        "hour"}


def test_error_rows_in_parquet(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.html").write_bytes(b"")
    (src / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (src / "good.txt").write_text("Average salary: $85,000 a year in Canada.\n", "utf-8")
    out = tmp_path / "out.parquet"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 1
    rows = {Path(r["source"]).name: r for r in pq.read_table(out).to_pylist()}
    assert rows["empty.html"]["error"]["code"] == "E001"
    assert rows["image.html"]["error"]["code"] == "E002"
    assert rows["image.html"]["salaries"] == []
    assert rows["good.txt"]["error"] is None
    assert rows["good.txt"]["salaries"][0]["low"] == 85000.0


def test_parts_are_complete_row_groups_and_resume_carries_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "PARQUET_ROWS_PER_PART", 2)
    out = tmp_path / "out.parquet"
    run([str(SEEDS)], str(out), fmt="parquet")
    parts = sorted(p.name for p in out.iterdir())
    assert parts == ["part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    assert [pq.ParquetFile(out / p).metadata.num_row_groups for p in parts] == [1, 1, 1]
    full = _parquet(out)
    # a killed run: the part being filled never got its name, the last complete one is kept
    (out / "part-000002.parquet").unlink()
    (out / ".part-000002.parquet.tmp").write_bytes(b"PAR1 half a row group")
    summary = run([str(SEEDS)], str(out), fmt="parquet", resume=True)
    assert summary.skipped == 4 and summary.pages == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "part-000000.parquet", "part-000001.parquet", "part-000002.parquet"]
    again = pq.read_table(out).column("source").to_pylist()
    assert sorted(again) == sorted(full)  # every page once
    assert _parquet(out) == full
    # a fresh run (no --resume) replaces the parts
    run([str(SEEDS / "000_bb0d3b1a1f5bd651.txt")], str(out), fmt="parquet")
    assert pq.read_table(out).num_rows == 1


def test_single_stream_output_and_empty_output(tmp_path: Path) -> None:
    records = list(_jsonl_records())
    sink = io.BytesIO()
    writer = ParquetWriter(sink, rows_per_part=2)
    for r in records:
        writer.write(r)
    writer.close()
    stream = pq.ParquetFile(io.BytesIO(sink.getvalue()))
    assert stream.metadata.num_row_groups == 2
    assert table_to_records(stream.read()) == records
    empty = tmp_path / "empty.parquet"
    run([], str(empty), fmt="parquet")
    table = pq.read_table(empty)
    assert table.num_rows == 0 and table.schema.equals(arrow_schema(), check_metadata=False)


def _jsonl_records() -> list[PageRecord]:
    return [PageRecord(source=f"s{i}", url=f"https://x.test/{i}", title=f"page {i}",
                       data_points=i) for i in range(3)]


def test_resume_with_csv_output_is_a_usage_error(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pay.csv"
    code = main(["extract", str(SEEDS / "000_bb0d3b1a1f5bd651.txt"), "-o", str(out), "-q",
                 "--resume"])
    assert code == 2
    assert "--resume works with jsonl and parquet" in capsys.readouterr().err


def test_every_field_survives_a_parquet_round_trip(tmp_path: Path) -> None:
    full = PageRecord.model_validate({
        "source": "a", "salaries": [{"low": 1, "high": 2.5, "experience": {"min_years": 3},
                                     "origin": "structured_data"}],
        "experience_bands": [{"text": "3-5 years", "start": 0, "end": 9, "min_years": 3,
                              "max_years": 5, "label": "3-5 years", "seniority": "mid"}],
        "skills": [{"id": "sql", "name": "SQL", "category": "data",
                    "mentions": [{"text": "SQL", "start": 1, "end": 4}]}],
        "certifications": [{"id": "cpa", "name": "CPA", "in_vocabulary": False}],
        "seniority_mix": [{"level": "senior", "share": 0.25}],
        "location_premiums": [{"location": "Toronto", "premium": 0.1, "amount": 5000}],
        "sources": ["BLS"], "warnings": ["w"],
        "error": {"code": "E999", "message": "x"},
    })
    out = tmp_path / "one"
    writer = ParquetWriter(str(out))
    writer.write(full)
    writer.close()
    assert table_to_records(pq.read_table(out)) == [full]
