"""Plain-text and Markdown-like dumps: headings, bullets and table lines as a reader sees them."""

from __future__ import annotations

import regex

from .builder import TextBuilder

_MD_HEADING = regex.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
_BULLET = regex.compile(r"^(?:[-*•‣◦▪●·]|\u2022)\s+(?=\S)")
_NUMBERED = regex.compile(r"^\d{1,2}[.)]\s+\S")
_TABLE_RULE = regex.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_TERMINAL = regex.compile(r"[.,;:!]$")
_LETTER = regex.compile(r"\p{L}")
_MONEYISH = regex.compile(r"[$€£¥₹%]|\d{1,3}(?:[,.]\d{3})+|(?<!\d)(?!(?:19|20)\d\d(?!\d))\d{2,}")
_WORD = regex.compile(r"\S+")
_LEAD_OK = regex.compile(r"^[\p{Lu}\p{So}\p{Sk}\d\"'“(]")


def _is_table_line(line: str) -> bool:
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        return True
    return line.count(" | ") >= 2


def _split_cells(line: str) -> list[str]:
    if line.startswith("|") and line.endswith("|"):
        line = line[1:-1]
    return [c.strip() for c in line.split("|")]


def _heading_level(line: str) -> int:
    """Return a heading level for a heading-like line, or 0."""
    words = len(_WORD.findall(line))
    if not _LETTER.search(line) or not _LEAD_OK.match(line):
        return 0
    if line.endswith("?") and words <= 25:
        return 3
    if words > 12 or len(line) > 100 or _TERMINAL.search(line) or _MONEYISH.search(line):
        return 0
    return 2


_SETEXT = regex.compile(r"^(?:={3,}|-{3,})$")


_MD_LINK = regex.compile(r"!?\[([^\]\n]{1,300})\]\([^)\s]{0,500}(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = regex.compile(r"(\*\*|__|(?<![\w*])\*(?!\*))(?=\S)([^*_\n]{1,300}?\S)\1(?![\w*])")


def strip_markdown(line: str) -> str:
    """Links to their text, ``**bold**`` and ``__bold__`` to plain text."""
    if "](" in line:
        line = _MD_LINK.sub(r"\1", line)
    if "*" in line or "__" in line:
        line = _MD_EMPHASIS.sub(r"\2", line)
    return line


#: Headings of link lists that are page furniture in a text dump.
_RELATED = regex.compile(r"(?i)^(?:#+\s*)?(?:related(?:\s+\w+)?|read\s+more|more\s+(?:guides|articles|"
                         r"stories|reading)|you\s+(?:may|might)\s+also\s+like|see\s+also|"
                         r"popular\s+(?:posts|articles|guides)|recommended(?:\s+\w+)?)\s*:?$")


def parse_text(text: str, builder: TextBuilder) -> list[str]:
    """Fill ``builder`` from a text dump; return the boilerplate lines set aside."""
    table: int | None = None
    lines = text.splitlines()
    boilerplate: list[str] = []
    skipping = False
    for i, raw in enumerate(lines):
        line = strip_markdown(raw.strip())
        if not line:
            table = None
            continue
        if _RELATED.match(line):
            skipping = True
            boilerplate.append(line)
            continue
        if skipping:
            if _BULLET.match(line) or len(line) < 90 and not _heading_level(line):
                boilerplate.append(line)
                continue
            skipping = False
        if _SETEXT.match(line):
            continue
        if _TABLE_RULE.match(line) and "-" in line and "|" in line:
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _SETEXT.match(nxt) and len(line) <= 120:
            builder.add("heading", line, level=1 if nxt[0] == "=" else 2)
            continue
        if _is_table_line(line):
            if table is None:
                table = builder.new_table()
                header = True
            else:
                header = False
            builder.add_row(_split_cells(line), table=table, header=header)
            continue
        table = None
        m = _MD_HEADING.match(line)
        if m:
            builder.add("heading", m.group(2), level=len(m.group(1)))
            continue
        if _BULLET.match(line):
            builder.add("list_item", _BULLET.sub("", line, count=1))
            continue
        if _NUMBERED.match(line):
            level = _heading_level(line)
            builder.add("heading" if level and len(line) < 90 else "list_item", line, level=level)
            continue
        level = _heading_level(line)
        builder.add("heading" if level else "paragraph", line, level=level)
    return boilerplate
