"""Stage 1 — normalise: bytes or str, HTML or text dump → one :class:`Document`.

Steps, each recorded on ``Document.explanations`` when it changes anything:
decode bytes → repair mojibake → parse (HTML with lxml, or a text dump line by line)
→ blocks with offsets, boilerplate set aside, JSON-LD salary markup read.
"""

from __future__ import annotations

from typing import Any

import regex

from ..config import Config, resolve
from ..document import Document, Explanation, StructuredData
from ..errors import EmptyInput, InputTooLarge
from .builder import TextBuilder
from .decode import decode
from .html import extract_title, parse_blocks, parse_html
from .jsonld import read_jsonld
from .microdata import merge_structured, read_microdata
from .mojibake import repair
from .text import parse_text

__all__ = ["looks_like_html", "normalise"]

_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b",
                            regex.I | regex.S)
_HTML_TAG = regex.compile(
    r"</?(?:p|div|span|a|li|ul|ol|h[1-6]|table|tr|td|th|br|body|html|head|meta|section|"
    r"article|main|nav|footer|header|strong|em|b|i)\b[^<>]{0,500}>", regex.I,
)
_TITLE_CUE = regex.compile(
    r"(?i)\bmarket intelligence\b|\bhow to become\b|\bsalar(?:y|ies) (?:in|for|of|guide|report)\b|"
    r"\b(?:career|salary) guide\b|\bwhat does an?\b|\bhow much does\b|(?-i:\bin [A-Z][\w ]+\??$)")
_WORDS = regex.compile(r"\p{L}{2,}")
_NOT_TITLE = regex.compile(r"(?i)^(?:source|sources|also read|note|related|see also|faq)\b")


_YEN_CODECS = frozenset({"shift_jis", "cp932", "euc_jp", "iso2022_jp", "shift_jis_2004",
                         "shift_jisx0213", "euc_jis_2004"})
_YEN_BACKSLASH = regex.compile(r"\\(?=\d)")


def looks_like_html(text: str) -> bool:
    """True when ``text`` is HTML markup rather than a text dump."""
    if _HTML_START.match(text[:2000]):
        return True
    if _HTML_TAG.match(text.lstrip()[:600]) and _HTML_TAG.search(text, 1, 5000):
        return True  # a fragment such as "<h1>…</h1><p>…</p>"
    tags = 0
    for _ in _HTML_TAG.finditer(text, endpos=min(len(text), 200_000)):
        tags += 1
        if tags >= 5:
            return True
    return False


def _text_title(doc_text: str, blocks: list[Any]) -> str | None:
    """A title for a text dump: a heading-like first line, else a title-like heading near the top."""
    if blocks and blocks[0].kind == "heading":
        first = doc_text[blocks[0].start:blocks[0].end]
        if len(_WORDS.findall(first)) >= 3 and not _NOT_TITLE.match(first):
            return first
    for rank, block in enumerate(blocks[:20]):
        if block.kind != "heading":
            continue
        line = doc_text[block.start:block.end]
        if len(line) < 12 or _NOT_TITLE.match(line) or not _TITLE_CUE.search(line):
            continue
        if line.endswith("?") and not regex.match(r"(?i)(?:how|what)\b", line):
            continue
        return line
    return None


def normalise(
    content: str | bytes | Any,
    *,
    url: str | None = None,
    charset: str | None = None,
    config: Config | None = None,
    **overrides: Any,
) -> Document:
    """Turn a page (str, bytes or a BeautifulSoup object) into a :class:`Document`.

    >>> doc = normalise("<h1>Data Analyst Salary</h1><p>Median pay:&nbsp;$72,000 a year.</p>")
    >>> doc.title, doc.text
    ('Data Analyst Salary', 'Data Analyst Salary\\nMedian pay: $72,000 a year.')
    """
    cfg = resolve(config, overrides)
    steps: list[Explanation] = []
    encoding: str | None = None
    if not isinstance(content, (str, bytes, bytearray)):
        content = str(content)  # a BeautifulSoup object renders back to its markup
    if isinstance(content, (bytes, bytearray)):
        if len(content) > cfg.max_input_bytes:
            raise InputTooLarge(f"{len(content)} bytes exceeds max_input_bytes={cfg.max_input_bytes}")
        if not content.strip():
            raise EmptyInput("the input is empty")
        text, encoding, steps = decode(bytes(content), charset)
        if encoding in _YEN_CODECS and _YEN_BACKSLASH.search(text):
            # Japanese code pages put the yen sign on 0x5C, which Python decodes as "\\"
            text = _YEN_BACKSLASH.sub("¥", text)
            steps.append(Explanation("decode", f"{encoding}: 0x5C before a number read as ¥"))
    else:
        text = content
        if len(text) > cfg.max_input_bytes:
            raise InputTooLarge(f"{len(text)} characters exceeds max_input_bytes={cfg.max_input_bytes}")
    if not text.strip():
        raise EmptyInput("the input holds no text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if cfg.fix_mojibake:
        text, fixes = repair(text, use_ftfy=cfg.use_ftfy)
        steps.extend(fixes)
    builder = TextBuilder()
    structured = StructuredData()
    boilerplate: list[str] = []
    title: str | None = None
    fmt: Any = "text"
    is_html = looks_like_html(text)
    if not is_html and len(text) > cfg.max_text_chars:
        raise InputTooLarge(f"text of {len(text)} characters exceeds max_text_chars={cfg.max_text_chars}")
    tree = parse_html(text) if is_html else None
    if tree is not None:
        fmt = "html"
        if cfg.read_structured_data:
            scripts = [s.text or "" for s in tree.iter("script")
                       if (s.get("type") or "").strip().lower() == "application/ld+json"]
            structured = merge_structured(read_jsonld(scripts), read_microdata(tree))
        title = extract_title(tree)
        boilerplate = parse_blocks(tree, builder, max_depth=cfg.max_depth,
                                   remove_boilerplate=cfg.remove_boilerplate)
    else:
        boilerplate = parse_text(text, builder)
        if cfg.fix_mojibake:
            # whitespace clean-up can expose damage the raw text hid; settle it now so that
            # normalising our own output changes nothing
            again, fixes = repair(builder.text, use_ftfy=cfg.use_ftfy)
            if again != builder.text:
                steps.extend(fixes)
                builder = TextBuilder()
                boilerplate = parse_text(again, builder)
    doc_text = builder.text
    if len(doc_text) > cfg.max_text_chars:
        raise InputTooLarge(
            f"normalised text of {len(doc_text)} characters exceeds max_text_chars={cfg.max_text_chars}"
        )
    if fmt == "text":
        title = _text_title(doc_text, builder.blocks)
    if not doc_text.strip() and not structured.salaries:
        raise EmptyInput("the page has no main text")
    return Document(
        text=doc_text, title=title, url=url, blocks=builder.blocks, boilerplate=boilerplate,
        structured=structured, explanations=steps, format=fmt, encoding=encoding,
    )


