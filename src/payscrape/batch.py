"""Stage 4 — batch: read many pages, extract in parallel, write one row per page.

Readers yield :class:`Page` items (directories, ``.gz`` files, JSON Lines, WARC dumps, stdin);
writers append rows as they complete (JSON Lines, CSV, Parquet). A page that fails becomes an
error row — never a dropped page — and ``resume`` skips pages already present in the output.
Readers stream: memory does not grow with the size of a dump. See ``docs/batch.md``.
"""

from __future__ import annotations

import csv
import gc
import gzip
import io
import json
import os
import sys
import threading
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
from .warc import is_warc, read_warc

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".xhtml", ".md")
FORMATS = ("jsonl", "csv", "parquet")


class UsageError(ValueError):
    """A batch request that cannot be carried out as asked (the CLI exits 2)."""


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
    if is_warc(name):
        return True
    return name.removesuffix(".gz").endswith(PAGE_SUFFIXES)


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
                        raise TypeError("no 'html', 'text' or 'content' string")
                    # the record holds already-decoded text: its bytes are UTF-8 now
                    yield Page(source, body.encode("utf-8"), url=obj.get("url"), charset="utf-8")
                except (ValueError, TypeError, AttributeError) as exc:
                    yield Page(source, error=ReaderError(f"bad JSON Lines record: {exc}"))
    except OSError as exc:
        yield Page(str(path), error=ReaderError(f"{path}: {exc}"))


def read_inputs(paths: Iterable[str], config: Config | None = None) -> Iterator[Page]:
    """Every page of every input (``-`` reads one page from stdin).

    Directories are walked in sorted order for page files and WARC dumps; ``.jsonl`` /
    ``.jsonl.gz`` / ``.ndjson`` files are JSON Lines dumps, ``.warc`` / ``.warc.gz`` WARC dumps.
    """
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
            if is_warc(name):
                yield from read_warc(f, cfg)
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
            self.fh = open(path, "a" if append else "w", encoding="utf-8",  # noqa: SIM115
                           newline="")
        self._csv: Any = None
        if fmt == "csv":
            self._csv = csv.writer(self.fh)
            if not append or Path(path).stat().st_size == 0:
                self._csv.writerow(SALARY_COLUMNS)

    def write_json(self, line: str) -> None:
        """Append a record already serialised by ``record.model_dump_json()`` (JSON Lines)."""
        self.fh.write(line + "\n")
        self.fh.flush()

    def write(self, record: PageRecord) -> None:
        if self.fmt == "jsonl":
            self.fh.write(record.model_dump_json() + "\n")
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


#: Rows per Parquet part file (each part is one row group, written when full).
PARQUET_ROWS_PER_PART = 256
_PART = "part-{:06d}.parquet"


def _is_part(name: str) -> bool:
    return name.startswith("part-") and name.endswith(".parquet")


def _is_partial_part(name: str) -> bool:
    return name.startswith(".part-") and name.endswith(".parquet.tmp")


class ParquetWriter:
    """Writes records as Parquet in the layout of :func:`payscrape.arrow.arrow_schema`.

    To a path, the output is a dataset directory (as Spark writes it): ``part-000000.parquet``,
    ``part-000001.parquet`` …, each one row group of up to :data:`PARQUET_ROWS_PER_PART` rows,
    written to a hidden temporary file and renamed into place when complete. A killed run
    therefore leaves only complete parts and loses at most the rows of the part being filled;
    ``--resume`` reads the ``source`` column of the parts and carries on. ``pyarrow``,
    ``pandas``, Spark and DuckDB (``'DIR/*.parquet'``) read the directory as one table.

    To ``-`` (or a binary file object), the output is a single Parquet stream written one row
    group at a time; it is readable only once closed.
    """

    def __init__(self, path: str | Any, append: bool = False,
                 rows_per_part: int | None = None) -> None:
        try:
            from .arrow import arrow_schema, require_pyarrow

            self._pa = require_pyarrow()
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise UsageError(f"parquet output: {exc}") from exc
        self._pq = pq
        self.schema = arrow_schema()
        self.rows_per_part = max(1, rows_per_part or PARQUET_ROWS_PER_PART)
        self._rows: list[PageRecord] = []
        self._stream: Any = None
        self._sink: Any = None
        self.directory: Path | None = None
        self.parts = 0
        if not isinstance(path, (str, os.PathLike)) or str(path) == "-":
            self._sink = sys.stdout.buffer if str(path) == "-" else path
            self._stream = pq.ParquetWriter(self._sink, self.schema)
        else:
            self.directory = Path(path)
            if self.directory.is_file() or self.directory.is_symlink():
                self.directory.unlink()  # an old single-file output is replaced, like JSON Lines
            self.directory.mkdir(parents=True, exist_ok=True)
            names = [f.name for f in self.directory.iterdir()]
            for name in names:
                if _is_partial_part(name) or (_is_part(name) and not append):
                    (self.directory / name).unlink()
            if append:
                numbers = [int(n[5:11]) for n in names if _is_part(n) and n[5:11].isdigit()]
                self.parts = max(numbers, default=-1) + 1

    def write(self, record: PageRecord) -> None:
        self._rows.append(record)
        if len(self._rows) >= self.rows_per_part:
            self._flush()

    def _flush(self, force: bool = False) -> None:
        if not self._rows and not force:
            return
        from .arrow import records_to_batch

        table = self._pa.Table.from_batches([records_to_batch(self._rows)], self.schema)
        self._rows = []
        if self._stream is not None:
            if table.num_rows:
                self._stream.write_table(table, row_group_size=self.rows_per_part)
            return
        assert self.directory is not None
        name = _PART.format(self.parts)
        tmp = self.directory / f".{name}.tmp"
        self._pq.write_table(table, tmp, row_group_size=self.rows_per_part)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.directory / name)
        self.parts += 1

    def close(self) -> None:
        if self._stream is not None:
            self._flush()
            self._stream.close()
            if self._sink is sys.stdout.buffer:
                self._sink.flush()
            return
        # an output with no row at all still gets one (empty) part, so it has a schema
        self._flush(force=self.parts == 0)


def parquet_done_sources(path: str) -> set[str]:
    """Sources already written to a Parquet dataset directory (for ``--resume``).

    Hidden temporary parts of a killed run are removed; a part that cannot be read is removed
    too (its pages are extracted again).
    """
    done: set[str] = set()
    p = Path(path)
    if not p.is_dir():
        return done
    import pyarrow.parquet as pq

    for f in sorted(p.iterdir()):
        if _is_partial_part(f.name):
            f.unlink()
        elif _is_part(f.name):
            try:
                column = pq.read_table(f, columns=["source"]).column("source")
            except (OSError, ValueError) as exc:  # pyarrow's errors derive from these
                print(f"payscrape: removing unreadable part {f}: {exc}", file=sys.stderr)
                f.unlink()
                continue
            done.update(s for s in column.to_pylist() if s is not None)
    return done


def resume_sources(path: str, fmt: str) -> set[str]:
    """Sources already in an output, for ``--resume`` (repairs a killed run's tail)."""
    if path == "-":
        return set()
    if fmt == "jsonl":
        return done_sources(path)
    if fmt == "parquet":
        try:
            from .arrow import require_pyarrow

            require_pyarrow()
        except ImportError as exc:
            raise UsageError(f"parquet output: {exc}") from exc
        return parquet_done_sources(path)
    raise UsageError(f"--resume works with jsonl and parquet output, not {fmt}: a CSV table "
                     "has no complete record per page to resume from")


def open_writer(path: str, fmt: str, append: bool = False) -> Writer | ParquetWriter:
    """The writer for an output format (``jsonl``, ``csv`` or ``parquet``)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return ParquetWriter(path, append=append)
    return Writer(path, fmt, append=append)


# --- running -------------------------------------------------------------------------------

#: Rows kept for the end-of-run table.
SUMMARY_ROWS = 60
#: Pages handed to a worker at a time (fewer round trips; order is kept).
CHUNK = 4


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

    def add(self, r: PageRecord | Stats) -> None:
        st = r if isinstance(r, Stats) else Stats.of(r)
        self.pages += 1
        if st.error:
            self.errors += 1
        self.salaries += st.salaries
        key = st.page_type or ("error" if st.error else "unknown")
        self.by_type[key] = self.by_type.get(key, 0) + 1
        if len(self.rows) >= SUMMARY_ROWS:
            return  # the table shows the first rows only; memory stays flat on huge dumps
        self.rows.append((
            Path(st.source or "").name[:38], (st.page_type or st.error or "-"),
            (st.role or "-")[:34], st.salaries, st.bands, st.vocab,
            str(st.data_points) if st.data_points is not None else "-",
        ))


@dataclass(frozen=True, slots=True)
class Stats:
    """What the summary reads of one record (small enough to send back from a worker)."""

    source: str | None
    page_type: str | None
    role: str | None
    error: str | None
    salaries: int
    bands: int
    vocab: int
    data_points: int | None

    @classmethod
    def of(cls, r: PageRecord) -> Stats:
        return cls(r.source, r.page_type, r.role, r.error.code if r.error else None,
                   len(r.salaries), len(r.experience_bands),
                   len(r.skills) + len(r.certifications), r.data_points)


def _worker(args: tuple[Page, Config, bool]) -> tuple[str, PageRecord | Stats]:
    """Extract in a worker; send back the JSON line and the record (or just its stats)."""
    page, cfg, need_record = args
    rec = process_page(page, cfg)
    return rec.model_dump_json(), (rec if need_record else Stats.of(rec))


def _warm(cfg: Config) -> None:
    """Build the pipeline and load the model now, then move everything allocated so far out
    of the garbage collector's sight: its full collections stop re-scanning the vocabularies,
    and forked workers stop copying the pages those objects live on (``run`` unfreezes at
    the end)."""
    from .classify import cached_model
    from .extract import get_pipeline

    get_pipeline(cfg.spacy_model)
    cached_model(cfg.page_type_model)
    gc.collect()
    gc.freeze()


def run(inputs: list[str], output: str, *, fmt: str = "jsonl", jobs: int = 1,
        resume: bool = False, config: Config | None = None,
        progress: Any = None) -> Summary:
    """Extract every input page into ``output``; return the run summary."""
    cfg = config or resolve(None, {})
    summary = Summary()
    done = resume_sources(output, fmt) if resume else set()
    writer = open_writer(output, fmt, append=bool(done) or (resume and Path(output).exists()))
    start = time.perf_counter()

    def pages() -> Iterator[Page]:
        for page in read_inputs(inputs, cfg):
            if page.source in done:
                summary.skipped += 1
                continue
            yield page

    try:
        if jobs <= 1:
            _warm(cfg)
            for page in pages():
                rec = process_page(page, cfg)
                writer.write(rec)
                summary.add(rec)
                if progress:
                    progress(summary)
        else:
            ctx = get_context("spawn" if sys.platform == "darwin" else "fork")
            if ctx.get_start_method() == "fork":
                _warm(cfg)  # forked workers inherit the pipeline and model
            # Pool.imap drains its input as fast as it can: bound the pages in flight so a
            # large dump is not read into memory ahead of the workers.
            slots, stop = threading.Semaphore(jobs * CHUNK * 4), threading.Event()

            direct = isinstance(writer, Writer) and writer.fmt == "jsonl"

            def feed() -> Iterator[tuple[Page, Config, bool]]:
                for page in pages():
                    while not slots.acquire(timeout=0.2):
                        if stop.is_set():
                            return
                    yield page, cfg, not direct

            with ctx.Pool(jobs) as pool:
                try:
                    for line, rec in pool.imap(_worker, feed(), chunksize=CHUNK):
                        slots.release()
                        if direct:
                            writer.write_json(line)  # type: ignore[union-attr]
                        else:
                            writer.write(rec)  # type: ignore[arg-type]
                        summary.add(rec)
                        if progress:
                            progress(summary)
                finally:
                    stop.set()
    finally:
        gc.unfreeze()
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
    if summary.pages > min(limit, len(summary.rows)):
        out.write(f"… {summary.pages - min(limit, len(summary.rows))} more\n")
    rate = summary.pages / summary.seconds if summary.seconds else 0.0
    types = ", ".join(f"{k}: {v}" for k, v in sorted(summary.by_type.items()))
    out.write(f"\n{summary.pages} pages ({types}); {summary.salaries} pay figures; "
              f"{summary.errors} errors; {summary.skipped} skipped (resume); "
              f"{summary.seconds:.2f}s, {rate:.1f} pages/s\n")
    return out.getvalue()
