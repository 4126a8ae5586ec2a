"""Command line and batch: one row per page, error rows, resume, python -m."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from payscrape.batch import run
from payscrape.cli import main

from .conftest import FIXTURES

SEEDS = FIXTURES / "seeds"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_extract_directory_one_row_per_page(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(SEEDS), "-o", str(out), "-q"]) == 0
    rows = _rows(out)
    assert sorted(Path(r["source"]).name for r in rows) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(r["error"] is None and r["page_type"] for r in rows)


def test_bad_pages_become_error_rows(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.html").write_bytes(b"")
    (src / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (src / "broken.html.gz").write_bytes(b"\x1f\x8b not really gzip")
    (src / "good.txt").write_text("Average salary: $85,000 a year in Canada.\n", "utf-8")
    with gzip.open(src / "zipped.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("Median pay is £41,000 per year.\n")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "-q"]) == 1
    rows = {Path(r["source"]).name: r for r in _rows(out)}
    assert set(rows) == {"empty.html", "image.html", "broken.html.gz", "good.txt", "zipped.txt.gz"}
    assert rows["empty.html"]["error"]["code"] == "E001"
    assert rows["image.html"]["error"]["code"] == "E002"
    assert rows["broken.html.gz"]["error"]["code"] == "E007"
    assert rows["good.txt"]["salaries"][0]["low"] == 85000
    assert rows["zipped.txt.gz"]["salaries"][0]["currency"] == "GBP"


def test_resume_skips_done_pages_and_repairs_torn_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run([str(SEEDS)], str(out))
    full = _rows(out)
    lines = out.read_text("utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][:40], "utf-8")  # killed mid-write
    summary = run([str(SEEDS)], str(out), resume=True)
    assert summary.skipped == 2
    again = _rows(out)
    assert sorted(r["source"] for r in again) == sorted(r["source"] for r in full)


def test_parallel_output_equals_serial(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run([str(SEEDS)], str(a), jobs=1)
    run([str(SEEDS)], str(b), jobs=2)
    assert a.read_text("utf-8") == b.read_text("utf-8")


def test_jsonl_input_and_csv_output(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"url": "https://x.test/a", "html": "<p>Median salary: $70,000 a year</p>"}) + "\n"
        + "not json\n"
        + json.dumps({"url": "https://x.test/b", "text": "Pay: €3,100 per month."}) + "\n",
        "utf-8")
    out = tmp_path / "pay.csv"
    assert main(["extract", str(dump), "-o", str(out), "-q"]) == 1
    text = out.read_text("utf-8")
    assert "70000" in text and "3100" in text and "E007" in text


def test_python_dash_m_and_missing_input(tmp_path: Path) -> None:
    out = tmp_path / "o.jsonl"
    proc = subprocess.run([sys.executable, "-m", "payscrape", "extract",
                           str(SEEDS / "000_bb0d3b1a1f5bd651.txt"), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "pages" in proc.stdout
    assert len(_rows(out)) == 1
    assert main(["extract", str(tmp_path / "nope"), "-o", str(out)]) == 2
