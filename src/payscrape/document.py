"""The normalised page: clean text plus the structure extraction reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

BlockKind = Literal["heading", "paragraph", "list_item", "table_row", "pre"]


class _Span(Protocol):
    start: int
    end: int


def span_index(spans: Sequence[_Span], offset: int) -> int | None:
    """Index of the span (sorted, non-overlapping) that contains ``offset`` (binary search)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        s = spans[mid]
        if offset < s.start:
            hi = mid
        elif offset >= s.end:
            lo = mid + 1
        else:
            return mid
    return None


@dataclass(frozen=True, slots=True)
class Block:
    """A line-level unit of the main text: ``Document.text[start:end]``.

    ``section`` is the index (into ``Document.blocks``) of the heading the block sits
    under, ``cells`` the ``(start, end)`` of each table cell of a ``table_row``.
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    section: int | None = None
    table: int | None = None
    header: bool = False
    cells: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Explanation:
    """One repair made while normalising, like an ftfy explanation step."""

    step: str
    detail: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class StructuredSalary:
    """A pay figure read from JSON-LD or microdata."""

    low: float
    high: float
    currency: str | None
    period: str | None
    statistic: str | None
    percentile: int | None = None
    role: str | None = None
    location: str | None = None
    experience_min: float | None = None
    experience_max: float | None = None


@dataclass(slots=True)
class StructuredData:
    """Salary facts from schema.org markup."""

    salaries: list[StructuredSalary] = field(default_factory=list)
    sample_size: int | None = None
    role: str | None = None
    country: str | None = None
    updated: str | None = None
    raw: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A page reduced to faithful clean text with its structure.

    ``text`` is what every evidence offset indexes into; blocks are separated by a
    single ``"\\n"``.
    """

    text: str
    title: str | None = None
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)
    structured: StructuredData = field(default_factory=StructuredData)
    explanations: list[Explanation] = field(default_factory=list)
    format: Literal["html", "text"] = "text"
    encoding: str | None = None

    def block_text(self, block: Block) -> str:
        """The text of one block."""
        return self.text[block.start:block.end]

    def headings(self) -> list[Block]:
        """Heading blocks in document order."""
        return [b for b in self.blocks if b.kind == "heading"]

    def section_title(self, block: Block) -> str | None:
        """The heading text a block sits under, if any."""
        if block.section is None:
            return None
        return self.block_text(self.blocks[block.section])

    def block_at(self, offset: int) -> Block | None:
        """The block that contains character ``offset``."""
        i = span_index(self.blocks, offset)
        return None if i is None else self.blocks[i]

    def block_index(self, offset: int) -> int | None:
        """Index of the block containing ``offset``."""
        return span_index(self.blocks, offset)
