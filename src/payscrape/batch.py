"""Stage 4 — batch: read many pages, extract in parallel, write one row per page.

Readers yield :class:`Page` items (directories, ``.gz`` files, JSON Lines, stdin); writers
append rows as they complete (JSON Lines, CSV). A page that fails becomes an error row —
never a dropped page — and ``resume`` skips pages already present in the output.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TextIO

from .api import extract, read_page_bytes
from .config import Config, resolve
from .errors import InternalError, PayscrapeError, ReaderError
from .records import ErrorInfo, PageRecord

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".xhtml", ".md")


@dataclass(slots=True)
class Page:
    """One input page: where it came from and its raw content (or the error reading it)."""

    source: str
    content: bytes | None = None
    url: str | None = None
    charset: str | None = None
    error: PayscrapeError | None = None


def _is_page_file(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith((".expected.json", ".maintext.txt")):
        return False
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(PAGE_SUFFIXES)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Page files under the given files/directories, in sorted order."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and _is_page_file(f):
                    yield f
        else:
            yield p


def read_jsonl(path: Path, config: Config) -> Iterator[Page]:
    """Pages from JSON Lines: ``{"url", "html" | "text" | "content", "charset"?}``."""
    opener: Any = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                source = f"{path}#L{lineno}"
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                    body = obj.get("html") or obj.get("text") or obj.get("content")
                    if not isinstance(body, str):
                        raise ValueError("no 'html', 'text' or 'content' string")
                    # the record holds already-decoded text: its bytes are UTF-8 now
                    yield Page(source, body.encode("utf-8"), url=obj.get("url"), charset="utf-8")
                except (ValueError, AttributeError) as exc:
                    yield Page(source, error=ReaderError(f"bad JSON Lines record: {exc}"))
    except OSError as exc:
        yield Page(str(path), error=ReaderError(f"{path}: {exc}"))


def read_inputs(paths: Iterable[str], config: Config | None = None) -> Iterator[Page]:
    """Every page of every input (``-`` reads one page from stdin)."""
    cfg = config or resolve(None, {})
    for raw in paths:
        if raw == "-":
            yield Page("<stdin>", sys.stdin.buffer.read())
            continue
        for f in iter_files([raw]):
            name = f.name.lower()
            if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
                yield from read_jsonl(f, cfg)
                continue
            try:
                yield Page(str(f), read_page_bytes(f, cfg))
            except PayscrapeError as exc:
                yield Page(str(f), error=exc)


def process_page(page: Page, config: Config | None = None) -> PageRecord:
    """Extract one page; every failure becomes an error row."""
    if page.error is not None:
        return error_record(page, page.error)
    try:
        assert page.content is not None
        return extract(page.content, url=page.url, charset=page.charset, source=page.source,
                       config=config)
    except PayscrapeError as exc:
        return error_record(page, exc)
    except Exception as exc:  # noqa: BLE001 - a batch never dies of one page
        return error_record(page, InternalError(f"{type(exc).__name__}: {exc}"))


def error_record(page: Page, exc: PayscrapeError) -> PageRecord:
    return PageRecord(source=page.source, url=page.url,
                      error=ErrorInfo(code=exc.code, message=f"{exc.name}: {exc.message}"))


# --- writers ------------------------------------------------------------------------------

SALARY_COLUMNS = (
    "source", "url", "page_type", "role", "country", "region", "low", "high", "bound",
    "currency", "period", "statistic", "percentile", "projected_year", "experience_min",
    "experience_max", "seniority", "location", "origin", "text", "start", "end", "error",
)


class Writer:
    """Appends rows to JSON Lines or a flat CSV salaries table, flushing each row."""

    def __init__(self, path: str, fmt: str, append: bool = False) -> None:
        self.fmt = fmt
        self.path = path
        if path == "-":
            self.fh: TextIO = sys.stdout
        else:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.fh = open(path, "a" if append else "w", encoding="utf-8", newline="")
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.writer(self.fh)
            if not append or Path(path).stat().st_size == 0:
                self._csv.writerow(SALARY_COLUMNS)

    def write(self, record: PageRecord) -> None:
        if self.fmt == "jsonl":
            self.fh.write(record.model_dump_json(exclude_none=False) + "\n")
        else:
            for row in salary_rows(record):
                self._csv.writerow([row.get(c) for c in SALARY_COLUMNS])
        self.fh.flush()

    def close(self) -> None:
        if self.fh is not sys.stdout:
            try:
                os.fsync(self.fh.fileno())
            except OSError:
                pass
            self.fh.close()


def salary_rows(record: PageRecord) -> list[dict[str, Any]]:
    """Flat rows: one per salary figure (one empty row for a page without figures)."""
    page = {"source": record.source, "url": record.url, "page_type": record.page_type,
            "role": record.role, "country": record.country, "region": record.region,
            "error": record.error.code if record.error else None}
    rows = []
    for s in record.salaries:
        d = s.model_dump(mode="json")
        exp = d.pop("experience") or {}
        d["experience_min"] = exp.get("min_years")
        d["experience_max"] = exp.get("max_years")
        rows.append({**page, **d})
    return rows or [page]


def done_sources(path: str) -> set[str]:
    """Sources already written to a JSON Lines output (for ``--resume``)."""
    done: set[str] = set()
    p = Path(path)
    if not p.exists():
        return done
    with p.open("r+", encoding="utf-8") as fh:
        good = 0
        for line in fh:
            try:
                done.add(json.loads(line)["source"])
                good += len(line.encode("utf-8"))
            except (ValueError, KeyError):
                break  # a torn last line from a killed run: cut it off
        fh.truncate(good)
    return done


# --- running -------------------------------------------------------------------------------

@dataclass(slots=True)
class Summary:
    """Counts for the end-of-run table."""

    pages: int = 0
    errors: int = 0
    skipped: int = 0
    salaries: int = 0
    seconds: float = 0.0
    by_type: dict[str, int] = field(default_factory=dict)
    rows: list[tuple[str, str, str, int, int, int, str]] = field(default_factory=list)

    def add(self, r: PageRecord) -> None:
        self.pages += 1
        if r.error:
            self.errors += 1
        self.salaries += len(r.salaries)
        key = r.page_type or ("error" if r.error else "unknown")
        self.by_type[key] = self.by_type.get(key, 0) + 1
        self.rows.append((
            Path(r.source or "").name[:38], (r.page_type or (r.error.code if r.error else "-")),
            (r.role or "-")[:34], len(r.salaries), len(r.experience_bands),
            len(r.skills) + len(r.certifications),
            str(r.data_points) if r.data_points is not None else "-",
        ))


def _worker(args: tuple[Page, Config]) -> str:
    page, cfg = args
    return process_page(page, cfg).model_dump_json()


def run(inputs: list[str], output: str, *, fmt: str = "jsonl", jobs: int = 1,
        resume: bool = False, config: Config | None = None,
        progress: Any = None) -> Summary:
    """Extract every input page into ``output``; return the run summary."""
    cfg = config or resolve(None, {})
    summary = Summary()
    done = done_sources(output) if resume and fmt == "jsonl" and output != "-" else set()
    writer = Writer(output, fmt, append=bool(done) or (resume and Path(output).exists()))
    start = time.perf_counter()

    def pages() -> Iterator[Page]:
        for page in read_inputs(inputs, cfg):
            if page.source in done:
                summary.skipped += 1
                continue
            yield page

    try:
        if jobs <= 1:
            for page in pages():
                rec = process_page(page, cfg)
                writer.write(rec)
                summary.add(rec)
                if progress:
                    progress(summary)
        else:
            ctx = get_context("spawn" if sys.platform == "darwin" else "fork")
            with ctx.Pool(jobs) as pool:
                for raw in pool.imap(_worker, ((p, cfg) for p in pages()), chunksize=1):
                    rec = PageRecord.model_validate_json(raw)
                    writer.write(rec)
                    summary.add(rec)
                    if progress:
                        progress(summary)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - start
    return summary


def format_summary(summary: Summary, *, limit: int = 60) -> str:
    """A plain-text table of the run."""
    out = io.StringIO()
    head = ("page", "type", "role", "pay", "bands", "skills+certs", "data pts")
    widths = [38, 14, 34, 4, 5, 12, 8]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths))
    out.write(line + "\n" + "-" * len(line) + "\n")
    for row in summary.rows[:limit]:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(row, widths)) + "\n")
    if len(summary.rows) > limit:
        out.write(f"… {len(summary.rows) - limit} more\n")
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    types = ", ".join(f"{k}: {v}" for k, v in sorted(summary.by_type.items()))
    out.write(f"\n{summary.pages} pages ({types}); {summary.salaries} pay figures; "
              f"{summary.errors} errors; {summary.skipped} skipped (resume); "
              f"{summary.seconds:.2f}s, {rate:.1f} pages/s\n")
    return out.getvalue()
