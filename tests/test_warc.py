"""WARC input: same records as the other readers and the API, charsets, error rows, streaming."""

from __future__ import annotations

import gzip
import io
import json
import re
import tracemalloc
from pathlib import Path

import pytest

import payscrape
from payscrape.batch import read_inputs, run
from payscrape.cli import main
from payscrape.config import Config
from payscrape.warc import parse_content_type, read_warc

from .conftest import FIXTURES

warcio = pytest.importorskip("warcio", reason="WARC input needs the 'warc' extra (warcio)")
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML_SEEDS = sorted((FIXTURES / "seeds_html").glob("*.html"))
HTML = "text/html; charset=utf-8"


def write_warc(path: Path, responses: list[tuple[str, str | None, bytes]], *,
               compress: bool | None = None, extra: bool = True,
               headers: dict[str, list[tuple[str, str]]] | None = None) -> Path:
    """A WARC of ``(url, content type, body)`` responses, with warcinfo/request/metadata
    records around them when ``extra``; gzip per record for ``.warc.gz``."""
    compress = path.name.endswith(".gz") if compress is None else compress
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        if extra:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, ctype, body in responses:
            if extra:
                req = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.test")],
                                       is_http_request=True)
                writer.write_record(writer.create_warc_record(
                    url, "request", payload=io.BytesIO(b""), http_headers=req))
            fields = [("Content-Type", ctype)] if ctype else []
            fields += (headers or {}).get(url, [])
            http = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http))
            if extra:
                writer.write_record(writer.create_warc_record(
                    url, "metadata", payload=io.BytesIO(b"fetchTimeMs: 12\r\n"),
                    warc_content_type="application/warc-fields"))
    return path


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def _minus(row: dict, *keys: str) -> dict:
    return {k: v for k, v in row.items() if k not in keys}


def _url(page: Path) -> str:
    return f"https://salaries.example.test/{page.stem}"


def _declared(page: Path) -> str:
    m = re.search(rb'charset="?([\w-]+)', page.read_bytes())
    assert m, page
    return m.group(1).decode()


def test_same_records_from_directory_jsonl_warc_and_api(tmp_path: Path) -> None:
    pages = HTML_SEEDS
    assert len(pages) == 5
    assert "windows-1252" in [_declared(p) for p in pages]  # not all UTF-8
    # the server's Content-Type states the charset the page declares
    responses = [(_url(p), f"text/html; charset={_declared(p)}", p.read_bytes()) for p in pages]
    warc = write_warc(tmp_path / "dump.warc", responses)
    warc_gz = write_warc(tmp_path / "dump.warc.gz", responses)
    dump = tmp_path / "dump.jsonl"  # JSON Lines hold decoded text
    dump.write_text("".join(json.dumps({"url": _url(p), "html": p.read_bytes().decode(_declared(p))})
                            + "\n" for p in pages), "utf-8")
    api = [payscrape.extract(p.read_bytes(), url=_url(p)).model_dump(mode="json") for p in pages]
    api_no_url = [payscrape.extract(p.read_bytes()).model_dump(mode="json") for p in pages]

    outputs = {}
    for name, source in (("dir", FIXTURES / "seeds_html"), ("jsonl", dump), ("warc", warc),
                         ("warc_gz", warc_gz)):
        out = tmp_path / f"{name}.jsonl"
        summary = run([str(source)], str(out))
        assert summary.errors == 0
        outputs[name] = _rows(out)
        assert len(outputs[name]) == 5, name

    assert [_minus(r, "source") for r in outputs["warc"]] == [_minus(r, "source") for r in api]
    assert [_minus(r, "source") for r in outputs["warc_gz"]] == [_minus(r, "source") for r in api]
    assert [_minus(r, "source") for r in outputs["jsonl"]] == [_minus(r, "source") for r in api]
    assert [_minus(r, "source") for r in outputs["dir"]] == [_minus(r, "source")
                                                           for r in api_no_url]
    # the page's URL is carried, and nothing else differs between the readers
    assert [r["url"] for r in outputs["warc"]] == [_url(p) for p in pages]
    assert ([_minus(r, "source", "url") for r in outputs["dir"]]
            == [_minus(r, "source", "url") for r in outputs["warc"]])
    assert any(r["salaries"] for r in outputs["warc"])
    # sources are "path#offset": distinct, and stable from one read to the next
    sources = [r["source"] for r in outputs["warc"]]
    assert all(s.startswith(f"{warc}#") and s.rsplit("#", 1)[1].isdigit() for s in sources)
    assert len(set(sources)) == 5
    assert [p.source for p in read_warc(warc)] == sources


def test_charset_from_the_http_header_is_honoured(tmp_path: Path) -> None:
    # cp1252 bytes for € (0x80), £ (0xA3) and é (0xE9); the page itself declares nothing
    body = ("<html><body><h1>Café manager salary</h1>"
            "<p>Average salary: €41,000 a year. In London: £38,500 a year.</p>"
            "</body></html>").encode("cp1252")
    assert b"charset" not in body
    warc = write_warc(tmp_path / "cp1252.warc.gz", [
        ("https://example.test/cafe", 'text/html; charset="Windows-1252"', body)])
    (page,) = list(read_warc(warc))
    assert page.charset == "Windows-1252" and page.content == body
    record = payscrape.extract(page.content, url=page.url, charset=page.charset)
    assert record.title == "Café manager salary"
    assert [(s.low, s.currency, s.text) for s in record.salaries] == [
        (41000, "EUR", "€41,000"), (38500, "GBP", "£38,500")]
    # the same through the batch runner
    out = tmp_path / "out.jsonl"
    run([str(warc)], str(out))
    (row,) = _rows(out)
    assert [s["text"] for s in row["salaries"]] == ["€41,000", "£38,500"]


def test_parse_content_type() -> None:
    assert parse_content_type('text/html; charset="ISO-8859-1"') == ("text/html", "ISO-8859-1")
    assert parse_content_type("TEXT/HTML;CHARSET=utf-8") == ("text/html", "utf-8")
    assert parse_content_type("text/plain") == ("text/plain", None)
    assert parse_content_type(None) == (None, None)


def test_binary_responses_become_error_rows_other_records_are_skipped(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    warc = write_warc(tmp_path / "mixed.warc", [
        ("https://example.test/pay", HTML, b"<p>Median salary: $70,000 a year</p>"),
        ("https://example.test/logo.png", "image/png", png),
        ("https://example.test/report.pdf", "application/pdf", b"%PDF-1.7 ..."),
        ("https://example.test/site.css", "text/css", b"body { color: red }"),
        ("https://example.test/untyped", None, png),  # no content type: sniffed
        ("https://example.test/notes", "text/plain", "Pay: €3,100 per month.".encode()),
    ])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(warc), "-o", str(out), "-q"]) == 1
    rows = {r["url"]: r for r in _rows(out)}
    # one row per response record: warcinfo, request and metadata records are not pages
    assert len(rows) == 6
    assert rows["https://example.test/pay"]["salaries"][0]["low"] == 70000
    assert rows["https://example.test/notes"]["salaries"][0]["currency"] == "EUR"
    for url in ("logo.png", "report.pdf", "site.css", "untyped"):
        assert rows[f"https://example.test/{url}"]["error"]["code"] == "E002", url
    assert "image/png" in rows["https://example.test/logo.png"]["error"]["message"]


def test_oversized_records_become_error_rows_without_being_read(tmp_path: Path) -> None:
    big = b"<p>" + b"Salary $50,000. " * 2_000_000 + b"</p>"  # 32 MB, under 1 MB on disk
    bomb = gzip.compress(b"<p>" + b" " * 32_000_000 + b"</p>")  # 32 KB sent, 32 MB decoded
    warc = write_warc(tmp_path / "big.warc.gz", [
        ("https://example.test/big", HTML, big),
        ("https://example.test/bomb", HTML, bomb),
        ("https://example.test/ok", HTML, b"<p>Median salary: $70,000 a year</p>"),
    ], headers={"https://example.test/bomb": [("Content-Encoding", "gzip")]})
    assert warc.stat().st_size < 200_000
    cfg = Config(max_input_bytes=1_000_000)
    tracemalloc.start()
    try:
        pages = [(p.url, p.error.code if p.error else None, len(p.content or b""))
                 for p in read_warc(warc, cfg)]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert pages == [("https://example.test/big", "E003", 0),
                     ("https://example.test/bomb", "E003", 0),
                     ("https://example.test/ok", None, 36)]
    # neither record was held whole: the 1 MB limit plus one inflated read block (~1 MB)
    assert peak < 5_000_000, peak


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_reading_a_large_dump_streams(tmp_path: Path, suffix: str) -> None:
    body = ("<html><body><h1>Role {i}</h1>" + "<p>Median salary: $70,000 a year.</p>" * 60
            + "</body></html>")
    warc = write_warc(tmp_path / f"large{suffix}", [
        (f"https://example.test/{i}", HTML, body.replace("{i}", str(i)).encode())
        for i in range(2000)], extra=False)
    dump_bytes = 2000 * len(body)
    tracemalloc.start()
    try:
        count = total = 0
        for page in read_warc(warc):
            count += 1
            total += len(page.content or b"")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2000 and total >= dump_bytes
    assert peak < 1_000_000, peak  # a few records' worth, not the 4.6 MB dump
    assert peak < dump_bytes / 4


def test_directories_find_warcs_and_resume_uses_record_offsets(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    write_warc(src / "a.warc", [(f"https://example.test/a{i}", HTML,
                                 f"<p>Median salary: ${60 + i},000 a year</p>".encode())
                                for i in range(3)])
    write_warc(src / "b.warc.gz", [(f"https://example.test/b{i}", HTML,
                                    f"<p>Median salary: ${70 + i},000 a year</p>".encode())
                                   for i in range(3)])
    (src / "page.html").write_text("<p>Average salary: $85,000 a year</p>", "utf-8")
    (src / "notes.bin").write_bytes(b"ignored: not a page suffix")
    names = sorted(Path(p.source).name for p in read_inputs([str(src)]))
    assert len(names) == 7 and names[-1] == "page.html"

    out = tmp_path / "out.jsonl"
    run([str(src)], str(out))
    full = _rows(out)
    lines = out.read_text("utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:4]) + lines[4][:30], "utf-8")  # killed mid-write
    summary = run([str(src)], str(out), resume=True)
    assert summary.skipped == 4 and summary.pages == 3
    assert sorted(r["source"] for r in _rows(out)) == sorted(r["source"] for r in full)


def test_parallel_run_over_a_warc_equals_serial(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "d.warc.gz", [
        (f"https://example.test/{i}", HTML, f"<p>Median salary: ${50 + i},000</p>".encode())
        for i in range(12)])
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    run([str(warc)], str(a), jobs=1)
    run([str(warc)], str(b), jobs=2)
    assert a.read_text("utf-8") == b.read_text("utf-8")
    assert len(_rows(a)) == 12


def test_broken_containers_become_reader_error_rows(tmp_path: Path) -> None:
    responses = [(f"https://example.test/{i}", HTML, f"<p>Pay: ${40 + i},000</p>".encode())
                 for i in range(3)]
    good = write_warc(tmp_path / "good.warc.gz", responses, extra=False)
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a WARC file\r\n\r\n")
    truncated = tmp_path / "truncated.warc.gz"
    rows = [(p.source, p.error.code if p.error else None) for p in read_warc(garbage)]
    assert rows == [(f"{garbage}#0", "E007")]
    complete = [p.source.replace("good", "truncated") for p in read_warc(good)]
    for cut in (60, 200):  # inside the last record's payload, inside its headers
        truncated.write_bytes(good.read_bytes()[:-cut])
        pages = list(read_warc(truncated))
        # the cut record is an error row under the source it would have had: resume redoes it
        assert [p.source for p in pages] == complete
        assert [p.error.code if p.error else None for p in pages] == [None, None, "E007"], cut


def test_a_warc_gzipped_as_a_whole_is_read_too(tmp_path: Path) -> None:
    responses = [(f"https://example.test/{i}", HTML, f"<p>Pay: ${40 + i},000</p>".encode())
                 for i in range(3)]
    for extra in (True, False):  # a response first (offset 0) or a warcinfo record first
        plain = write_warc(tmp_path / f"plain{extra}.warc", responses, extra=extra)
        whole = tmp_path / f"whole{extra}.warc.gz"
        whole.write_bytes(gzip.compress(plain.read_bytes()))
        a = [(p.source.rsplit("#", 1)[1], p.url, p.content) for p in read_warc(plain)]
        b = [(p.source.rsplit("#", 1)[1], p.url, p.content) for p in read_warc(whole)]
        assert a == b and len(a) == 3  # uncompressed offsets, no record twice


def test_transfer_and_content_codings_are_undone(tmp_path: Path) -> None:
    import zlib

    html = b"<p>Median salary: $70,000 a year</p>"
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (html[:10], html[10:]))
    chunked += b"0\r\n\r\n"
    deflated = zlib.compress(html)
    warc = write_warc(tmp_path / "codings.warc", [
        ("https://example.test/chunked", HTML, chunked),
        ("https://example.test/gzip-chunked", HTML,
         b"%x\r\n%s\r\n0\r\n\r\n" % (len(gzip.compress(html)), gzip.compress(html))),
        ("https://example.test/deflate", HTML, deflated),
        ("https://example.test/raw-deflate", HTML, deflated[2:-4]),
        ("https://example.test/mislabelled", HTML, html),
        ("https://example.test/brotli", HTML, b"\x1b\x00\x00"),
    ], headers={
        "https://example.test/chunked": [("Transfer-Encoding", "chunked")],
        "https://example.test/gzip-chunked": [("Transfer-Encoding", "chunked"),
                                              ("Content-Encoding", "gzip")],
        "https://example.test/deflate": [("Content-Encoding", "deflate")],
        "https://example.test/raw-deflate": [("Content-Encoding", "deflate")],
        "https://example.test/mislabelled": [("Content-Encoding", "gzip")],  # plain after all
        "https://example.test/brotli": [("Content-Encoding", "br")],
    })
    pages = {p.url.rsplit("/", 1)[1]: p for p in read_warc(warc)}
    for name in ("chunked", "gzip-chunked", "deflate", "raw-deflate", "mislabelled"):
        assert pages[name].content == html, name
    assert pages["brotli"].error.code == "E007"
    assert "br" in pages["brotli"].error.message
