"""Where a figure's meaning is written: table headers, label lines of cards, section lead-ins."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..document import Block, Document

_AMOUNTISH = regex.compile(r"[$€£¥₹]\s?\d|\b(?:USD|CAD|EUR|GBP|AUD|INR|CHF)\s?\d|\d{1,3}(?:[,.' ]\d{3})+")


@dataclass(frozen=True, slots=True)
class Labels:
    """Texts that qualify a figure, nearest first."""

    column: str | None = None
    row: str | None = None
    line: str | None = None
    line_span: tuple[int, int] | None = None
    intro: str | None = None

    def ordered(self) -> list[str]:
        return [x for x in (self.column, self.row, self.line, self.intro) if x]


def _index(document: Document, offset: int) -> int | None:
    return document.block_index(offset)


def column_header(document: Document, idx: int, offset: int) -> str | None:
    """Header cell text of the column holding ``offset`` in a table row."""
    block = document.blocks[idx]
    if block.kind != "table_row" or not block.cells or block.header:
        return None
    col = next((i for i, (s, e) in enumerate(block.cells) if s <= offset < e), None)
    if col is None:
        return None
    for j in range(idx - 1, -1, -1):
        b = document.blocks[j]
        if b.table != block.table:
            break
        if b.header and len(b.cells) > col:
            s, e = b.cells[col]
            return document.text[s:e] or None
    return None


def row_header(document: Document, idx: int, offset: int) -> str | None:
    """First cell of a table row, when the figure sits in another cell."""
    block = document.blocks[idx]
    if block.kind != "table_row" or len(block.cells) < 2:
        return None
    s, e = block.cells[0]
    if s <= offset < e:
        return None
    return document.text[s:e] or None


def label_line(document: Document, idx: int) -> tuple[str, tuple[int, int]] | None:
    """The short label line just before a value-only line (cards: "Median salary" / "$85,000")."""
    block = document.blocks[idx]
    if block.kind == "table_row" or block.end - block.start > 60 or idx == 0:
        return None
    prev: Block = document.blocks[idx - 1]
    if prev.kind == "table_row" or prev.end - prev.start > 80:
        return None
    text = document.block_text(prev)
    if _AMOUNTISH.search(text):
        return None
    return text, (prev.start, prev.end)


def section_intro(document: Document, idx: int) -> str | None:
    """Heading and short lead-in line of the section a block sits in."""
    block = document.blocks[idx]
    if block.section is None:
        return None
    parts = [document.block_text(document.blocks[block.section])]
    for b in document.blocks[block.section + 1: idx]:
        if b.kind == "paragraph" and b.end - b.start <= 150:
            parts.append(document.block_text(b))
        break
    return " ".join(parts)


def labels_for(document: Document | None, offset: int, short: bool) -> Labels:
    """All label texts of the figure at ``offset`` (the intro only for short units)."""
    if document is None:
        return Labels()
    idx = _index(document, offset)
    if idx is None:
        return Labels()
    line = label_line(document, idx)
    return Labels(
        column=column_header(document, idx, offset),
        row=row_header(document, idx, offset),
        line=line[0] if line else None,
        line_span=line[1] if line else None,
        intro=section_intro(document, idx) if short else None,
    )
