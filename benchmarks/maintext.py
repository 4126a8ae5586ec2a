"""Main-text extraction: ``payscrape.normalise(page).text`` vs ``trafilatura.extract(page)``.

Each fixture page ``X.<ext>`` with a hand-written reference ``X.maintext.txt`` (the page's
main text as a careful reader extracts it: headings and body, one block per line, no
navigation, footer, ads, cookie banner, related links or newsletter box) is scored by
token-level bag-of-words overlap, as in trafilatura's and the article-extraction benchmarks:

    tp = Σ min(count_ref(t), count_got(t))     P = tp / |got|    R = tp / |ref|

Tokens are case-folded runs of letters/digits; Han, kana and Thai characters count one
token each (those scripts do not separate words with spaces). Punctuation is ignored, so a
repaired ``—`` scores the same as a dropped one while left-over mojibake (``â``, ``ยท``,
``Ã©``) costs precision and recall. An empty extraction has P = R = 0.

Both extractors get the same raw bytes (as read from disk). "overall" is micro-averaged
(token counts summed over pages); "macro" is the mean of per-page F1.

    python benchmarks/maintext.py                  # fixtures/normalise
    python benchmarks/maintext.py fixtures/normalise -v   # plus missed/extra tokens per page
    python benchmarks/maintext.py --json
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import regex

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ROOT = ROOT / "fixtures" / "normalise"
REFERENCE_SUFFIX = ".maintext.txt"

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}"
_TOKEN = regex.compile(rf"[{_CJK}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_CJK}]]+", regex.V1)


def tokens(text: str | None) -> Counter[str]:
    """Bag of case-folded word tokens (one token per CJK/Thai character)."""
    if not text:
        return Counter()
    return Counter(m.group(0).casefold() for m in _TOKEN.finditer(text))


@dataclass(slots=True)
class Overlap:
    """Token counts of one extraction against its reference."""

    tp: int = 0
    got: int = 0
    ref: int = 0
    missed: Counter[str] = field(default_factory=Counter)
    extra: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.tp / self.got if self.got else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.ref if self.ref else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: Overlap) -> Self:
        self.tp += other.tp
        self.got += other.got
        self.ref += other.ref
        return self


def overlap(reference: str, extracted: str | None) -> Overlap:
    """Bag-of-words overlap of ``extracted`` with ``reference``."""
    ref, got = tokens(reference), tokens(extracted)
    common = ref & got
    return Overlap(tp=sum(common.values()), got=sum(got.values()), ref=sum(ref.values()),
                   missed=ref - got, extra=got - ref)


def reference_pages(roots: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """``(page, reference)`` for every ``*.maintext.txt`` with a sibling page file."""
    from payscrape.evaluate import SIDECARS

    out = []
    for root in roots:
        for ref in sorted(Path(root).rglob("*" + REFERENCE_SUFFIX)):
            stem = ref.name[: -len(REFERENCE_SUFFIX)]
            pages = sorted(p for p in ref.parent.glob(stem + ".*")
                           if p.is_file() and not p.name.endswith(SIDECARS))
            if pages:
                out.append((pages[0], ref))
    return out


# --- the extractors ---------------------------------------------------------------------

def payscrape_text(raw: bytes) -> str | None:
    """``payscrape.normalise(raw).text`` (``None`` when normalise refuses the page)."""
    import payscrape

    try:
        return payscrape.normalise(raw).text
    except payscrape.PayscrapeError:
        return None


def trafilatura_text(raw: bytes) -> str | None:
    """``trafilatura.extract`` with its defaults (tables on, comments off), as plain text."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    return trafilatura.extract(raw, output_format="txt", include_comments=False,
                               include_tables=True)


def trafilatura_available() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


EXTRACTORS: dict[str, Callable[[bytes], str | None]] = {
    "payscrape": payscrape_text,
    "trafilatura": trafilatura_text,
}


@dataclass(slots=True)
class PageResult:
    page: Path
    scores: dict[str, Overlap]


@dataclass(slots=True)
class Result:
    pages: list[PageResult]
    systems: list[str]

    def overall(self, system: str, pages: list[PageResult] | None = None) -> Overlap:
        """Micro-averaged overlap (token counts summed over pages)."""
        total = Overlap()
        for p in self.pages if pages is None else pages:
            total += p.scores[system]
        return total

    def macro_f1(self, system: str, pages: list[PageResult] | None = None) -> float:
        chosen = self.pages if pages is None else pages
        return sum(p.scores[system].f1 for p in chosen) / len(chosen) if chosen else 0.0

    def html_pages(self) -> list[PageResult]:
        return [p for p in self.pages if p.page.suffix.lower() in (".html", ".htm", ".xhtml")]


def run(roots: Iterable[str | Path] = (DEFAULT_ROOT,), systems: Iterable[str] | None = None
        ) -> Result:
    """Score each extractor on every referenced page under ``roots``."""
    from payscrape.api import read_page_bytes

    names = list(systems) if systems is not None else [
        s for s in EXTRACTORS if s != "trafilatura" or trafilatura_available()]
    results = []
    for page, ref in reference_pages(roots):
        raw = read_page_bytes(page)
        reference = ref.read_text("utf-8")
        results.append(PageResult(page, {s: overlap(reference, EXTRACTORS[s](raw)) for s in names}))
    return Result(results, names)


def format_table(result: Result, *, verbose: bool = False) -> str:
    systems = result.systems
    head = f"{'page':<36}{'ref':>6}" + "".join(f"  {s[:11]:>11} P     R     F1" for s in systems)
    lines = [head, "-" * len(head)]

    def row(label: str, ref: int, ovs: list[Overlap]) -> str:
        return f"{label:<36}{ref:>6}" + "".join(
            f"  {'':>11}{o.precision:>5.3f} {o.recall:>5.3f} {o.f1:>5.3f}" for o in ovs)

    for p in result.pages:
        ovs = [p.scores[s] for s in systems]
        lines.append(row(p.page.name[:36], ovs[0].ref, ovs))
        if verbose:
            for s, o in zip(systems, ovs, strict=True):
                if o.missed or o.extra:
                    lines.append(f"    {s}: missed {dict(o.missed.most_common(8))} "
                                 f"extra {dict(o.extra.most_common(8))}")
    lines.append("-" * len(head))
    for label, subset in (("overall (micro)", None), ("html pages (micro)", result.html_pages())):
        ovs = [result.overall(s, subset) for s in systems]
        lines.append(row(label, ovs[0].ref, ovs))
    lines.append(f"{'macro F1':<36}{'':>6}" + "".join(
        f"  {'':>11}{'':>12}{result.macro_f1(s):>5.3f}" for s in systems))
    lines.append(f"{len(result.pages)} pages")
    return "\n".join(lines)


def as_json(result: Result) -> dict[str, object]:
    def d(o: Overlap) -> dict[str, float]:
        return {"precision": round(o.precision, 4), "recall": round(o.recall, 4),
                "f1": round(o.f1, 4), "tp": o.tp, "got": o.got, "ref": o.ref}

    return {
        "pages": {p.page.name: {s: d(p.scores[s]) for s in result.systems} for p in result.pages},
        "overall": {s: d(result.overall(s)) for s in result.systems},
        "html_overall": {s: d(result.overall(s, result.html_pages())) for s in result.systems},
        "macro_f1": {s: round(result.macro_f1(s), 4) for s in result.systems},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("roots", nargs="*", default=[str(DEFAULT_ROOT)])
    ap.add_argument("-v", "--verbose", action="store_true", help="show missed/extra tokens")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    result = run(args.roots)
    if not result.pages:
        print("no *.maintext.txt references found", file=sys.stderr)
        return 2
    if "trafilatura" not in result.systems:
        print("trafilatura is not installed (pip install -e '.[bench]'): payscrape only",
              file=sys.stderr)
    print(json.dumps(as_json(result), indent=2) if args.json else
          format_table(result, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
