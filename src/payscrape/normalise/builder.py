"""Assemble blocks into ``Document.text`` with exact offsets."""

from __future__ import annotations

import regex

from ..document import Block, BlockKind

#: Invisible characters that only break words and numbers apart.
_INVISIBLE = regex.compile("[\u200b\u2060\ufeff\u00ad]")

CELL_SEPARATOR = " | "


def clean_inline(text: str) -> str:
    """Collapse whitespace to single spaces per line; drop empty lines and invisibles."""
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    if "\n" not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


class TextBuilder:
    """Append blocks; each block becomes one span of the final text."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.blocks: list[Block] = []
        self._section: int | None = None
        self.tables = 0

    def _append(self, text: str) -> int:
        if self._parts:
            self._parts.append("\n")
            self._pos += 1
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        return start

    def add(self, kind: BlockKind, text: str, *, level: int = 0) -> Block | None:
        """Add one block of text; blank text adds nothing."""
        text = clean_inline(text)
        if not text:
            return None
        start = self._append(text)
        block = Block(kind, start, self._pos, level=level, section=self._section)
        if kind == "heading":
            self._section = len(self.blocks)
        self.blocks.append(block)
        return block

    def add_row(self, cells: list[str], *, table: int, header: bool) -> Block | None:
        """Add one table row; cells are kept apart by ``" | "``."""
        cleaned = [clean_inline(c).replace("\n", "; ") for c in cells]
        if not any(cleaned):
            return None
        spans: list[tuple[int, int]] = []
        offset = 0
        for i, cell in enumerate(cleaned):
            if i:
                offset += len(CELL_SEPARATOR)
            spans.append((offset, offset + len(cell)))
            offset += len(cell)
        start = self._append(CELL_SEPARATOR.join(cleaned))
        block = Block(
            "table_row", start, self._pos, section=self._section, table=table, header=header,
            cells=tuple((start + a, start + b) for a, b in spans),
        )
        self.blocks.append(block)
        return block

    def new_table(self) -> int:
        """Allocate a table index."""
        self.tables += 1
        return self.tables - 1

    @property
    def text(self) -> str:
        return "".join(self._parts)
