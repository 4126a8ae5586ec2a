"""The public entry points: ``extract``, ``extract_file``, ``extract_document``."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from .classify import PageTypeModel, cached_model, classify
from .config import Config, resolve
from .document import Document
from .errors import Deadline, InputTooLarge, InternalError, PayscrapeError, ReaderError
from .extract import get_pipeline, process
from .extract.assemble import build_record
from .normalise import normalise
from .records import PageRecord


def extract_document(document: Document, *, source: str | None = None,
                     config: Config | None = None, model: PageTypeModel | None = None,
                     deadline: Deadline | None = None, **overrides: Any) -> PageRecord:
    """Extract the record of an already normalised :class:`Document`."""
    cfg = resolve(config, overrides)
    nlp = get_pipeline(cfg.spacy_model)
    doc = process(document, nlp, deadline)
    if deadline is not None:
        deadline.check("assemble")
    record = build_record(doc, document, source=source)
    if model is None:
        model = cached_model(cfg.page_type_model)
    record.page_type, record.page_type_score = classify(document, record, model)  # type: ignore[assignment]
    return record


def extract(content: str | bytes, *, url: str | None = None, charset: str | None = None,
            source: str | None = None, config: Config | None = None,
            model: PageTypeModel | None = None, **overrides: Any) -> PageRecord:
    """Extract a typed :class:`PageRecord` from one page (HTML or text, str or bytes).

    Raises only :class:`~payscrape.errors.PayscrapeError` subclasses.
    """
    cfg = resolve(config, overrides)
    deadline = Deadline(cfg.page_timeout)
    try:
        document = normalise(content, url=url, charset=charset, config=cfg)
        deadline.check("normalise")
        return extract_document(document, source=source, config=cfg, model=model,
                                deadline=deadline)
    except PayscrapeError:
        raise
    except RecursionError as exc:
        raise InputTooLarge(f"page nesting too deep: {exc}") from exc
    except MemoryError as exc:
        raise InputTooLarge("page needs more memory than allowed") from exc
    except Exception as exc:
        raise InternalError(f"{type(exc).__name__}: {exc}") from exc


def read_page_bytes(path: str | Path, config: Config | None = None) -> bytes:
    """Read a page file, gunzipping ``.gz`` with a streamed size limit."""
    cfg = config or resolve(None, {})
    p = Path(path)
    try:
        if p.suffix == ".gz":
            out = bytearray()
            with gzip.open(p, "rb") as fh:
                while chunk := fh.read(1 << 16):
                    out += chunk
                    if len(out) > cfg.max_decompressed_bytes:
                        raise InputTooLarge(
                            f"{p.name}: decompressed size exceeds max_decompressed_bytes="
                            f"{cfg.max_decompressed_bytes}")
            return bytes(out)
        size = p.stat().st_size
        if size > cfg.max_input_bytes:
            raise InputTooLarge(f"{p.name}: {size} bytes exceeds max_input_bytes={cfg.max_input_bytes}")
        return p.read_bytes()
    except PayscrapeError:
        raise
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise ReaderError(f"{p}: {exc}") from exc


def extract_file(path: str | Path, *, config: Config | None = None, **overrides: Any) -> PageRecord:
    """Extract the record of a page file (``.html``, ``.htm``, ``.txt``, or any of them ``.gz``)."""
    cfg = resolve(config, overrides)
    data = read_page_bytes(path, cfg)
    return extract(data, source=str(path), config=cfg)
