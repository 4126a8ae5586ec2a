"""Read pages from WARC crawl dumps (``.warc`` and ``.warc.gz``), streaming.

:func:`read_warc` yields one :class:`~payscrape.batch.Page` per WARC ``response`` record:

* the payload is the HTTP body (transfer- and content-encodings undone by warcio), its
  charset comes from the HTTP ``Content-Type`` header (``Page.charset``), ``Page.url`` is
  ``WARC-Target-URI``;
* ``Page.source`` is ``"{path}#{offset}"`` — the byte offset of the record in the file (the
  compressed offset for the usual per-record gzip ``.warc.gz``, as in CDX indexes; the
  uncompressed offset for a file gzipped as a whole). It is stable, so ``--resume`` works;
* ``warcinfo``, ``request``, ``metadata``, ``revisit``, ``resource`` … records are skipped
  silently — they are not pages;
* a response whose content type is not a page (images, PDFs, scripts, CSS, JSON …) becomes an
  error row with :class:`~payscrape.errors.NotAPage`, without its payload being read, so the
  run accounts for every response; a response without a content type is read and sniffed;
* a record longer than ``config.max_input_bytes`` — declared, or once its content encoding is
  undone — becomes an :class:`~payscrape.errors.InputTooLarge` error row; its payload is never
  held in memory beyond that limit;
* a record that cannot be parsed becomes a :class:`~payscrape.errors.ReaderError` row; when the
  file itself is broken the rest of it is one such row.

Memory does not grow with the dump: records are read one at a time and skipped payloads are
streamed past. Needs the ``warc`` extra (warcio).
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .config import Config, resolve
from .errors import InputTooLarge, NotAPage, PayscrapeError, ReaderError

if TYPE_CHECKING:  # pragma: no cover
    from .batch import Page

WARC_SUFFIXES = (".warc", ".warc.gz")

#: Media types read as pages; every other declared type becomes a NotAPage error row.
PAGE_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown",
    "application/xml", "text/xml",
})

_CHUNK = 1 << 16
#: warcio's read block: a gzip member is inflated one block at a time, and zlib inflates at
#: most ~1,032 times its input, so this bounds one inflated block to ~1 MB even for a bomb
#: (reading costs well under a millisecond a record either way).
_BLOCK = 1024


def is_warc(path: str | Path) -> bool:
    """Whether a file name is a WARC dump (``.warc`` or ``.warc.gz``)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``'text/html; charset="cp1252"'`` → ``('text/html', 'cp1252')``."""
    if not value:
        return None, None
    parts = value.split(";")
    mime = parts[0].strip().lower() or None
    charset = None
    for param in parts[1:]:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("\"'").strip() or None
    return mime, charset


def _require_warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ImportError("WARC input needs warcio: pip install 'payscrape[warc]'") from exc
    return ArchiveIterator


def read_warc(path: str | Path, config: Config | None = None) -> Iterator[Page]:
    """Every response record of a WARC / WARC.gz file as a :class:`Page` (see module doc)."""
    from .batch import Page

    cfg = config or resolve(None, {})
    name = str(path)
    at_zero = past_zero = fallback = False  # which offsets were yielded (not a set: no growth)
    try:
        with open(path, "rb") as fh:
            try:
                size = os.fstat(fh.fileno()).st_size
                for page, offset in _read_stream(fh, name, cfg, size=size):
                    at_zero, past_zero = at_zero or offset == 0, past_zero or offset != 0
                    yield page
            except _NotChunkedGzip as exc:
                # a .warc.gz compressed as one gzip stream rather than record by record: warcio
                # notices at the second record, so at most the record at offset 0 is out already
                if past_zero:
                    yield Page(f"{name}#{exc.offset}", error=ReaderError(
                        f"{Path(name).name}: gzip member holds more than one record"))
                    return
                fallback = True
    except OSError as exc:
        yield Page(name, error=ReaderError(f"{path}: {exc}"))
        return
    if fallback:
        yield from _read_whole_gzip(name, cfg, skip_first=at_zero)


class _NotChunkedGzip(Exception):
    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _read_whole_gzip(name: str, cfg: Config, skip_first: bool) -> Iterator[Page]:
    from .batch import Page

    try:
        with gzip.open(name, "rb") as gz:
            for page, offset in _read_stream(gz, name, cfg):
                if not (skip_first and offset == 0):
                    yield page
    except _NotChunkedGzip as exc:  # pragma: no cover - cannot happen on a plain stream
        yield Page(f"{name}#{exc.offset}", error=ReaderError(f"{name}: unreadable gzip"))
    except OSError as exc:
        yield Page(name, error=ReaderError(f"{name}: {exc}"))


def _read_stream(fh: IO[bytes] | gzip.GzipFile, name: str, cfg: Config,
                 size: int | None = None) -> Iterator[tuple[Page, int]]:
    """``(page, offset)`` for each response record of an open WARC stream.

    ``size`` is the file's size when the offsets are file offsets: warcio ends quietly at a
    record cut off inside its headers, so a stop short of it is reported as a ReaderError row.
    """
    from warcio.exceptions import ArchiveLoadFailed

    from .batch import Page

    iterator = _require_warcio()(fh, block_size=_BLOCK)
    records = iter(iterator)
    while True:
        try:
            record = next(records)
        except StopIteration:
            end = iterator.offset
            if size is not None and end < size and _has_data(fh, end):
                yield Page(f"{name}#{end}", error=ReaderError(
                    f"{Path(name).name}: truncated or unreadable data at offset {end} "
                    f"({size - end} bytes before the end of the file)")), end
            return
        except ArchiveLoadFailed as exc:
            offset = iterator.offset  # the start of the record that failed
            if "non-chunked gzip" in str(exc):
                raise _NotChunkedGzip(offset) from exc
            yield Page(f"{name}#{offset}", error=ReaderError(
                f"{Path(name).name}: unreadable WARC record at offset {offset}: "
                f"{str(exc).strip()[:200]}")), offset
            return
        except Exception as exc:  # noqa: BLE001 - a broken container is one error row
            offset = iterator.offset
            yield Page(f"{name}#{offset}", error=ReaderError(
                f"{Path(name).name}: unreadable WARC at offset {offset}: "
                f"{type(exc).__name__}: {exc}")), offset
            return
        offset = iterator.offset  # the start of this record
        if record.rec_type != "response":
            continue
        yield _page(record, f"{name}#{offset}", cfg), offset


def _has_data(fh: IO[bytes] | gzip.GzipFile, offset: int) -> bool:
    """Whether anything but blank lines follows ``offset`` in a seekable file."""
    try:
        fh.seek(offset)
        while block := fh.read(_CHUNK):
            if block.strip():
                return True
    except OSError:
        return True
    return False


def dechunk(data: bytes) -> bytes:
    """Undo HTTP chunked transfer coding; data that is not chunked after all is kept as is."""
    out = bytearray()
    pos = 0
    while True:
        eol = data.find(b"\r\n", pos, pos + 64)
        try:
            if eol < 0:
                raise ValueError("no chunk size line")
            size = int(data[pos:eol].split(b";")[0].strip() or b"x", 16)
        except ValueError:
            return data if pos == 0 else bytes(out) + data[pos:]
        if size == 0:
            return bytes(out)
        start = eol + 2
        out += data[start:start + size]
        pos = start + size + 2
        if pos >= len(data):  # the last chunk, or a truncated one
            return bytes(out)


def decode_content(data: bytes, encoding: str | None, limit: int) -> bytes:
    """Undo an HTTP ``Content-Encoding`` (gzip, deflate), never inflating past ``limit``."""
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):
        if coding in ("identity", "none"):
            continue
        if coding in ("gzip", "x-gzip"):
            wbits = [16 + zlib.MAX_WBITS]
        elif coding == "deflate":
            wbits = [zlib.MAX_WBITS, -zlib.MAX_WBITS]  # zlib-wrapped or raw, both are seen
        else:
            raise ReaderError(f"unsupported Content-Encoding: {coding}")
        for bits in wbits:
            try:
                data = _inflate(data, bits, limit)
                break
            except zlib.error:
                continue
        # none worked: servers do label plain bodies as compressed; keep the bytes as they are
    return data


def _inflate(data: bytes, wbits: int, limit: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = bytearray()
    pending = data
    while pending and not inflater.eof:
        out += inflater.decompress(pending, limit + 1 - len(out))
        if len(out) > limit:
            raise InputTooLarge(f"decoded payload exceeds max_input_bytes={limit}")
        pending = inflater.unconsumed_tail
    out += inflater.flush()  # what is left fits in zlib's window
    if len(out) > limit:
        raise InputTooLarge(f"decoded payload exceeds max_input_bytes={limit}")
    return bytes(out)


def _page(record: Any, source: str, cfg: Config) -> Page:
    from .batch import Page

    url = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    mime, charset = parse_content_type(http.get_header("Content-Type") if http else None)
    page = Page(source, url=url, charset=charset)
    try:
        if http is None:
            raise ReaderError("response record without HTTP headers")
        if mime is not None and mime not in PAGE_TYPES:
            raise NotAPage(f"content type {mime} is not a web page")
        limit = cfg.max_input_bytes
        if record.length is not None and record.length > limit:
            raise InputTooLarge(f"WARC record of {record.length} bytes exceeds "
                                f"max_input_bytes={limit}")
        body = bytearray()
        while chunk := record.raw_stream.read(_CHUNK):
            body += chunk
            if len(body) > limit:
                raise InputTooLarge(f"HTTP payload exceeds max_input_bytes={limit}")
        missing = getattr(record.raw_stream, "limit", 0)
        if missing:
            raise ReaderError(f"WARC record truncated: {missing} of {record.length} bytes missing")
        data = bytes(body)
        if "chunked" in (http.get_header("Transfer-Encoding") or "").lower():
            data = dechunk(data)
        page.content = decode_content(data, http.get_header("Content-Encoding"), limit)
    except PayscrapeError as exc:
        page.error = exc
    except Exception as exc:  # noqa: BLE001 - e.g. a corrupt content encoding
        page.error = ReaderError(f"unreadable payload: {type(exc).__name__}: {exc}")
    return page
