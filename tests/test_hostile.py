"""Hostile input: pathological text finishes fast, errors are typed, nothing crashes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import payscrape

from .conftest import FIXTURES

PATHOLOGICAL = {
    "dollar-commas": "$" + "1," * 60000,
    "dash-chain": "1-" * 60000,
    "cad-words": "CAD " * 40000,
    "no-whitespace": "a1$" * 1_700_000,
    "years-chain": "1 to " * 40000 + "years",
    "nested-divs": "<div>" * 5000 + "Salary $50,000" + "</div>" * 5000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_is_bounded(name: str) -> None:
    start = time.perf_counter()
    try:
        payscrape.extract(PATHOLOGICAL[name])
    except payscrape.PayscrapeError:
        pass
    # generous bound for slow CI machines; catastrophic backtracking takes minutes
    assert time.perf_counter() - start < 3


def test_too_large_is_typed() -> None:
    with pytest.raises(payscrape.InputTooLarge):
        payscrape.extract(b"x" * 100, max_input_bytes=10)


@pytest.mark.parametrize("data,error", [
    (b"", payscrape.EmptyInput), (b"   \n ", payscrape.EmptyInput),
    (b"%PDF-1.7 binary", payscrape.NotAPage), (bytes(range(256)) * 50, payscrape.NotAPage),
])
def test_bad_input_raises_typed_errors(data: bytes, error: type) -> None:
    with pytest.raises(error):
        payscrape.extract(data)


SEED_TEXT = (FIXTURES / "seeds/000_bb0d3b1a1f5bd651.txt").read_text("utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        payscrape.extract(data)
    except payscrape.PayscrapeError:
        pass


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SEED_TEXT) - 1), st.integers(1, 400),
       st.text(alphabet="<>/$€£%0123456789,.-–+ |\n&;#x", max_size=60))
def test_mutated_seed_never_crashes(pos: int, cut: int, junk: str) -> None:
    text = SEED_TEXT[:pos] + junk + SEED_TEXT[pos + cut:]
    try:
        rec = payscrape.extract(text)
    except payscrape.PayscrapeError:
        return
    doc = payscrape.normalise(text)
    for s in rec.salaries:
        assert doc.text[s.start:s.end] == s.text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "<table>", "<tr><td>", "</td>",
                                 "<li>", "<script>", "</script>", "$1,000", "per year", "<br>",
                                 "&nbsp;", "<!--", "-->", "Senior", "3-5 years", "<h2>"]),
                max_size=80))
def test_random_html_never_crashes(parts: list[str]) -> None:
    try:
        payscrape.extract("<html><body>" + "".join(parts))
    except payscrape.PayscrapeError:
        pass


def test_time_budget_is_a_typed_error() -> None:
    with pytest.raises(payscrape.PageTimeout):
        payscrape.extract("Median salary $50,000 a year. " * 2000, page_timeout=0.0)


def _hostile_dir(root) -> dict[str, bytes]:
    import gzip as gz
    import io

    bomb = io.BytesIO()
    with gz.GzipFile(fileobj=bomb, mode="wb") as fh:
        for _ in range(200):
            fh.write(b"\0" * 1_000_000)  # 200 MB of zeros, ~200 KB compressed
    files = {
        "empty.html": b"",
        "binary.html": bytes(range(256)) * 100,
        "png.html": b"\x89PNG\r\n\x1a\n" + b"\0" * 500,
        "bomb.html.gz": bomb.getvalue(),
        "nested.html": b"<div>" * 20000 + b"Pay $50,000 a year" + b"</div>" * 20000,
        "entities.html": (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                          b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                          b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                          b"<html><body><p>&c;&c;&c; Salary $40,000 a year</p></body></html>"),
        "local-file.html": b'<!DOCTYPE x [<!ENTITY f SYSTEM "file:///etc/passwd">]><p>&f; $1</p>',
        "regex-bait.txt": ("$" + "1," * 60000).encode(),
        "dashes.txt": ("1-" * 60000).encode(),
        "utf16.html": "<html><body><p>Median salary: £41,000 per year in Manchester</p></body></html>".encode("utf-16"),
        "latin1.html": ("<html><head><meta charset='iso-8859-1'></head><body><p>Gehalt in München: "
                        "65.900 EUR pro Jahr, Größe - average salary 65.900 EUR per year</p></body></html>").encode("latin-1"),
        "huge.txt": b"Salary $1 " * 2_500_000,
    }
    for name, data in files.items():
        (root / name).write_bytes(data)
    return files


def test_hostile_directory_one_row_each_no_traceback(tmp_path) -> None:
    import json
    import subprocess
    import sys

    src = tmp_path / "hostile"
    src.mkdir()
    files = _hostile_dir(src)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "payscrape", "extract", str(src), "-o", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = {Path(r["source"]).name: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert set(rows) == set(files)
    codes = {name: (r["error"] or {}).get("code") for name, r in rows.items()}
    assert codes["empty.html"] == "E001" and codes["binary.html"] == "E002"
    assert codes["png.html"] == "E002" and codes["bomb.html.gz"] == "E003"
    assert codes["huge.txt"] == "E003"
    assert "root:" not in out.read_text("utf-8")
    assert rows["utf16.html"]["salaries"][0]["low"] == 41000
    assert rows["utf16.html"]["salaries"][0]["currency"] == "GBP"
    assert rows["latin1.html"]["salaries"][0]["low"] == 65900
    assert rows["latin1.html"]["salaries"][0]["currency"] == "EUR"


def test_killed_batch_resumes_with_every_page_once(tmp_path) -> None:
    import json
    import signal
    import subprocess
    import sys
    import time as _time

    src = tmp_path / "pages"
    src.mkdir()
    seed = (FIXTURES / "seeds_html/000_bb0d3b1a1f5bd651.html").read_bytes()
    for i in range(60):
        (src / f"page{i:03d}.html").write_bytes(seed.replace(b"150,736", f"{150000 + i:,}".encode()))
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "payscrape", "extract", str(src), "-o", str(out), "-q"]
    proc = subprocess.Popen(cmd)
    deadline = _time.monotonic() + 120
    while _time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 10:
            break
        _time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = out.read_bytes().count(b"\n")
    assert 10 <= partial < 60
    subprocess.run(cmd + ["--resume"], check=True, timeout=300)
    sources = [json.loads(line)["source"] for line in out.read_text("utf-8").splitlines()]
    assert len(sources) == 60 and len(set(sources)) == 60
