"""Bytes to text: BOM, the caller's charset, ``<meta charset>``, then detection."""

from __future__ import annotations

import codecs

import regex

from ..document import Explanation
from ..errors import DecodeFailure, NotAPage

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.I
)
_XML_ENCODING = regex.compile(rb"""^\s*<\?xml[^>]{0,100}encoding=["']([A-Za-z0-9_.:-]{2,40})""")

#: Labels browsers treat as another encoding (WHATWG Encoding Standard).
_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252", "x-sjis": "shift_jis",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "tis-620": "cp874",
    "iso-8859-11": "cp874", "windows-874": "cp874", "iso-8859-9": "cp1254", "ks_c_5601-1987": "cp949",
    "euc-kr": "cp949", "utf8": "utf-8", "unicode": "utf-16-le",
}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive"), (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "ELF binary"), (b"RIFF", "RIFF media"), (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"), (b"7z\xbc\xaf", "7z archive"), (b"\x00\x00\x01\x00", "icon"),
    (b"MZ", "Windows executable"), (b"\x28\xb5\x2f\xfd", "zstd data"),
)


def normalise_label(label: str) -> str | None:
    """Map a charset label to a Python codec name, or ``None`` if unknown."""
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


#: Every byte that is not a C0 control (tab, newlines, form feed and carriage return are text).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


def _check_binary(data: bytes) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotAPage(f"input is {what}, not a web page or text")
    sample = data[:8000]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if sample and controls > 0.1 * len(sample):
        raise NotAPage(f"input looks binary ({controls} control bytes in the first {len(sample)})")


def decode(data: bytes, charset: str | None = None) -> tuple[str, str, list[Explanation]]:
    """Decode page bytes; return ``(text, encoding, explanation steps)``."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, [Explanation("decode", f"BOM says {enc}")]
            except UnicodeDecodeError:
                break
    utf16 = _looks_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, [Explanation("decode", f"{utf16} without BOM")]
        except UnicodeDecodeError:
            pass
    _check_binary(data)
    candidates: list[tuple[str, str]] = []
    if charset:
        enc = normalise_label(charset)
        if enc:
            candidates.append((enc, f"caller said {charset}"))
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m:
            enc = normalise_label(m.group(1).decode("ascii", "replace"))
            if enc:
                candidates.append((enc, f"page declares {m.group(1).decode('ascii', 'replace')}"))
    candidates.append(("utf-8", "valid UTF-8"))
    for enc, why in candidates:
        # A page that says utf-16 in its meta but arrives as 8-bit bytes is not utf-16.
        if enc.startswith("utf-16") or enc.startswith("utf-32"):
            continue
        try:
            return data.decode(enc), enc, [Explanation("decode", why)]
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        enc = normalise_label(best.encoding) or best.encoding
        try:
            return data.decode(enc), enc, [Explanation("decode", f"detected {enc}")]
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        text = data.decode("cp1252")
        return text, "cp1252", [Explanation("decode", "fallback cp1252")]
    except UnicodeDecodeError as exc:  # pragma: no cover - cp1252 leaves 5 bytes undefined
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > 0.05 * max(1, len(text)):
            raise DecodeFailure(f"no encoding decodes this input: {exc}") from exc
        return text, "cp1252", [Explanation("decode", "fallback cp1252 with replacements")]
