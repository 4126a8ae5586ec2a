"""One frozen configuration object; override any field with keywords."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Config:
    """Limits and switches for one extraction.

    >>> Config().replace(max_input_bytes=1024).max_input_bytes
    1024
    """

    #: Largest raw input accepted, in bytes.
    max_input_bytes: int = 20_000_000
    #: Largest decompressed size of a ``.gz`` input, in bytes (checked while streaming).
    max_decompressed_bytes: int = 50_000_000
    #: Longest normalised text handed to the extraction pipeline, in characters.
    max_text_chars: int = 2_000_000
    #: Deepest element nesting walked in HTML; deeper content is flattened to text.
    max_depth: int = 256
    #: Wall-clock budget per page in seconds (regex timeouts derive from it).
    page_timeout: float = 10.0
    #: Repair mojibake (UTF-8 read as a legacy code page).
    fix_mojibake: bool = True
    #: Run ftfy on text that still looks damaged after our own repairs.
    use_ftfy: bool = True
    #: Separate boilerplate (nav, footer, ads …) from the main text.
    remove_boilerplate: bool = True
    #: Read JSON-LD and microdata salary markup.
    read_structured_data: bool = True
    #: Country (ISO 3166 alpha-2) assumed for a bare ``$`` when the page names none.
    default_country: str | None = None
    #: An installed spaCy pipeline to use instead of ``spacy.blank("en")``.
    spacy_model: str | None = None
    #: Path to a page-type model JSON; ``None`` uses the shipped model.
    page_type_model: str | None = None

    def replace(self, **overrides: Any) -> Config:
        """Return a copy with some fields replaced."""
        return replace(self, **overrides)


DEFAULT_CONFIG = Config()


def resolve(config: Config | None, overrides: dict[str, Any]) -> Config:
    """Combine an optional config with keyword overrides."""
    base = config or DEFAULT_CONFIG
    return base.replace(**overrides) if overrides else base
