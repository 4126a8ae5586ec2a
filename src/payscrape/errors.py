"""Typed errors with stable codes.

``extract`` and ``normalise`` raise only :class:`PayscrapeError` subclasses; the batch
runner turns each into an error row ``{"code": ..., "message": ...}``.
"""

from __future__ import annotations


class PayscrapeError(Exception):
    """Base class of every error payscrape raises on bad input."""

    code = "E000"
    name = "payscrape-error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code} {self.name}] {self.message}"


class EmptyInput(PayscrapeError):
    """The input holds no text at all."""

    code = "E001"
    name = "empty-input"


class NotAPage(PayscrapeError):
    """The input is binary content (an image, an archive …), not a web page or text."""

    code = "E002"
    name = "not-a-page"


class InputTooLarge(PayscrapeError):
    """The input (or its decompressed form) exceeds the configured byte limit."""

    code = "E003"
    name = "too-large"


class DecodeFailure(PayscrapeError):
    """The bytes could not be decoded to text in any plausible encoding."""

    code = "E004"
    name = "decode-failure"


class PageTimeout(PayscrapeError):
    """The page exceeded its time budget."""

    code = "E005"
    name = "timeout"


class ModelError(PayscrapeError):
    """A page-type model file is missing, malformed or of an unknown version."""

    code = "E006"
    name = "model-error"


class ReaderError(PayscrapeError):
    """An input record could not be read from its container (JSONL, WARC, gzip)."""

    code = "E007"
    name = "reader-error"


class InternalError(PayscrapeError):
    """An unexpected failure inside payscrape (a bug: please report it)."""

    code = "E999"
    name = "internal-error"


ERRORS: tuple[type[PayscrapeError], ...] = (
    EmptyInput, NotAPage, InputTooLarge, DecodeFailure, PageTimeout, ModelError,
    ReaderError, InternalError,
)


class Deadline:
    """A per-page time budget, checked between pipeline stages."""

    __slots__ = ("budget", "end")

    def __init__(self, seconds: float) -> None:
        import time

        self.budget = seconds
        self.end = time.monotonic() + seconds

    def check(self, stage: str) -> None:
        """Raise :class:`PageTimeout` if the budget is spent."""
        import time

        if time.monotonic() > self.end:
            raise PageTimeout(f"page exceeded its {self.budget:g}s budget (at {stage})")
