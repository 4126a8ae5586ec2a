"""HTML view of a record: page type, key figures and — given its Document — the page text with
every evidence span highlighted by kind, in the spirit of spaCy's displaCy.

Everything taken from the page or the record is HTML-escaped: a page that says
``<script>alert(1)</script>`` is shown as that text, never executed. Only inline styles are
used (no ``<style>`` or ``<script>`` elements), so the output is safe to embed and renders the
same in Jupyter, on GitHub and in a plain browser.

Spans may overlap (a location premium contains its pay figure; a skill mention may sit inside
a certification name). Nested spans are drawn nested; spans that cross are split at the
crossing point into properly nested pieces, and the kind's label is drawn once, after the
span's last piece.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from typing import Any

from .document import Document
from .records import PageRecord, Salary

__all__ = ["KINDS", "Span", "evidence_spans", "render", "render_text"]

#: Kind → (legend label, background colour). The order is the legend's and the tie-break
#: order for spans covering exactly the same characters (earlier kind = outer).
KINDS: dict[str, tuple[str, str]] = {
    "location_premium": ("LOCATION PREMIUM", "#ffc9b9"),
    "seniority_mix": ("SENIORITY MIX", "#aee9df"),
    "pay": ("PAY", "#ffd166"),
    "experience": ("EXPERIENCE", "#9fd3ff"),
    "skill": ("SKILL", "#bde58f"),
    "certification": ("CERTIFICATION", "#f5b0dc"),
    "data_points": ("DATA POINTS", "#cdbdff"),
}
_KIND_ORDER = {k: i for i, k in enumerate(KINDS)}

_FONT = "font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif"


@dataclass(frozen=True, slots=True)
class Span:
    """One evidence span: ``document.text[start:end]`` of a fact of one ``kind``."""

    start: int
    end: int
    kind: str
    detail: str = ""


# --- formatting helpers ----------------------------------------------------------------------

def _e(value: Any) -> str:
    """Escape anything for HTML text or a quoted attribute."""
    return escape("" if value is None else str(value), quote=True)


def _num(v: float | None) -> str:
    if v is None:
        return ""
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"


def _years(lo: float | None, hi: float | None) -> str:
    if lo is None and hi is None:
        return ""
    if hi is None:
        return f"{_num(lo)}+ yrs"
    if lo is None:
        return f"≤{_num(hi)} yrs"
    return f"{_num(lo)}–{_num(hi)} yrs" if lo != hi else f"{_num(lo)} yrs"


def _amount(s: Salary) -> str:
    text = _num(s.low) if s.low == s.high else f"{_num(s.low)}–{_num(s.high)}"
    if s.bound == "at_least":
        text = "≥ " + text
    elif s.bound == "at_most":
        text = "≤ " + text
    return text


def _salary_detail(s: Salary) -> str:
    parts = [f"{_amount(s)} {s.currency or ''}".strip()]
    if s.period:
        parts[0] += f" / {s.period}"
    if s.statistic:
        parts.append(s.statistic + (f" (p{s.percentile})" if s.percentile is not None else ""))
    if s.experience is not None:
        parts.append(_years(s.experience.min_years, s.experience.max_years))
    for extra in (s.seniority, s.location):
        if extra:
            parts.append(extra)
    if s.projected_year is not None:
        parts.append(f"projected {s.projected_year}")
    return " · ".join(p for p in parts if p)


# --- spans -----------------------------------------------------------------------------------

def _as_record(record: PageRecord | Mapping[str, Any]) -> PageRecord:
    if isinstance(record, PageRecord):
        return record
    if isinstance(record, Mapping):
        return PageRecord.model_validate(record)
    raise TypeError(f"render() needs a PageRecord or a dict, got {type(record).__name__}")


def _data_points_span(record: PageRecord, text: str) -> tuple[int, int] | None:
    """Where the page states its data-point count (the extractor's own patterns first)."""
    n = record.data_points
    if n is None:
        return None
    patterns: list[Any] = []
    try:
        from .extract.facts import DATA_POINTS

        patterns = list(DATA_POINTS)
    except ImportError:  # pragma: no cover - the extractor always ships it
        pass
    for rx in patterns:
        for m in rx.finditer(text):
            try:
                if int(m.group("n").replace(",", "")) == n:
                    return m.span("n")
            except (IndexError, ValueError):
                continue
    import re

    for surface in (f"{n:,}", str(n)):
        m = re.search(rf"(?<![\d,.]){re.escape(surface)}(?![\d]|[,.]\d)", text)
        if m:
            return m.span()
    return None


def evidence_spans(record: PageRecord | Mapping[str, Any], document: Document | None = None
                   ) -> tuple[list[Span], int]:
    """Every evidence span of ``record``: ``(spans, n_mismatched)``.

    With a ``document``, a span is kept only when its offsets lie inside ``document.text``
    and the text there equals the evidence text; the others are counted as mismatched (the
    document is not the one the record was extracted from). Without a document, spans are
    taken on trust (data points need the text and are left out).
    """
    rec = _as_record(record)
    raw: list[tuple[str | None, int | None, int | None, str, str]] = []
    for s in rec.salaries:
        raw.append((s.text, s.start, s.end, "pay", _salary_detail(s)))
    for b in rec.experience_bands:
        detail = " · ".join(x for x in (_years(b.min_years, b.max_years), b.seniority or "") if x)
        raw.append((b.text, b.start, b.end, "experience", detail))
    for k in rec.skills:
        for m in k.mentions:
            raw.append((m.text, m.start, m.end, "skill", f"{k.name} ({k.category})"))
    for c in rec.certifications:
        for m in c.mentions:
            issuer = f" — {c.issuer}" if c.issuer else ""
            raw.append((m.text, m.start, m.end, "certification", f"{c.name}{issuer}"))
    for p in rec.location_premiums:
        detail = f"{p.location}: {p.premium:+.0%}"
        if p.amount is not None:
            detail += f" ({_num(p.amount)} {p.currency or ''})".rstrip()
        raw.append((p.text, p.start, p.end, "location_premium", detail))
    for sm in rec.seniority_mix:
        raw.append((sm.text, sm.start, sm.end, "seniority_mix", f"{sm.level}: {sm.share:.0%}"))

    spans: list[Span] = []
    mismatched = 0
    text = document.text if document is not None else None
    for surface, start, end, kind, detail in raw:
        if start is None or end is None or end <= start:
            continue  # structured-data figures without visible evidence
        if text is not None and (end > len(text) or
                                 (surface is not None and text[start:end] != surface)):
            mismatched += 1
            continue
        spans.append(Span(start, end, kind, detail))
    if text is not None:
        dp = _data_points_span(rec, text)
        if dp is not None:
            spans.append(Span(dp[0], dp[1], "data_points", f"{rec.data_points:,} data points"))
    unique = sorted(set(spans), key=lambda s: (s.start, -s.end, _KIND_ORDER.get(s.kind, 99)))
    return unique, mismatched


def _mark_open(span: Span, continued: bool) -> str:
    label, colour = KINDS.get(span.kind, (span.kind.upper(), "#dddddd"))
    title = f"{label.lower()}: {span.detail}" if span.detail else label.lower()
    part = ' data-continued="true"' if continued else ""
    return (f'<mark class="payscrape-{_e(span.kind)}" data-kind="{_e(span.kind)}"{part} '
            f'title="{_e(title)}" style="background: {colour}; padding: 0.1em 0.25em; '
            f'margin: 0 0.05em; border-radius: 0.3em; line-height: 1.9; '
            f'box-decoration-break: clone; -webkit-box-decoration-break: clone">')


def _mark_close(span: Span, last: bool) -> str:
    if not last:
        return "</mark>"
    label = KINDS.get(span.kind, (span.kind.upper(), ""))[0]
    return (f'<span class="payscrape-label" style="font-size: 0.6em; font-weight: bold; '
            f'line-height: 1; border-radius: 0.3em; vertical-align: middle; '
            f'margin-left: 0.4em; text-transform: uppercase">{_e(label)}</span></mark>')


def render_text(text: str, spans: Iterable[Span]) -> str:
    """``text`` as escaped HTML with ``spans`` as (properly nested) ``<mark>`` elements.

    Overlapping spans are split where they cross, so the output is well-formed HTML; a
    span's label follows its last piece.
    """
    items = sorted({s for s in spans if 0 <= s.start < s.end <= len(text)},
                   key=lambda s: (s.start, -s.end, _KIND_ORDER.get(s.kind, 99)))
    if not items:
        return _e(text)
    bounds = sorted({0, len(text)} | {s.start for s in items} | {s.end for s in items})
    starts: dict[int, list[Span]] = {}
    for s in items:
        starts.setdefault(s.start, []).append(s)  # already outer (longer) first
    out: list[str] = []
    stack: list[Span] = []
    for i, pos in enumerate(bounds):
        # close every span ending here; spans opened above them are split and reopened
        ending = [j for j, s in enumerate(stack) if s.end == pos]
        if ending:
            lowest = ending[0]
            reopen = [s for s in stack[lowest:] if s.end > pos]
            for s in reversed(stack[lowest:]):
                out.append(_mark_close(s, last=s.end == pos))
            del stack[lowest:]
            for s in reopen:
                out.append(_mark_open(s, continued=True))
                stack.append(s)
        for s in starts.get(pos, ()):
            out.append(_mark_open(s, continued=False))
            stack.append(s)
        if i + 1 < len(bounds):
            out.append(_e(text[pos:bounds[i + 1]]))
    for s in reversed(stack):  # pragma: no cover - every span ends at a boundary
        out.append(_mark_close(s, last=True))
    return "".join(out)


# --- the page view ---------------------------------------------------------------------------

_TABLE = "border-collapse: collapse; font-size: 0.85em; margin: 0.4em 0"
_TH = "text-align: left; border-bottom: 1px solid #999; padding: 0.15em 0.6em"
_TD = "border-bottom: 1px solid #e5e5e5; padding: 0.15em 0.6em; vertical-align: top"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th style="{_TH}">{_e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<td style="{_TD}">{_e(c)}</td>' for c in row) + "</tr>"
                   for row in rows)
    return f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _legend(counts: dict[str, int]) -> str:
    chips = []
    for kind, (label, colour) in KINDS.items():
        chips.append(f'<span data-kind="{_e(kind)}" style="background: {colour}; '
                     f'padding: 0.1em 0.5em; margin-right: 0.4em; border-radius: 0.3em; '
                     f'font-size: 0.75em; font-weight: bold">{_e(label)} '
                     f'({counts.get(kind, 0)})</span>')
    return f'<div class="payscrape-legend" style="margin: 0.5em 0">{"".join(chips)}</div>'


def render(record: PageRecord | Mapping[str, Any], document: Document | None = None) -> str:
    """An HTML view of one record (a PageRecord or its dict).

    Shows the page type and its score, the page facts and the pay figures as a table. With
    the record's :class:`~payscrape.Document` (``payscrape.normalise(page)``), it also shows
    the normalised text with every evidence span highlighted by kind and a legend; without
    one, figures only. All page content is HTML-escaped.
    """
    rec = _as_record(record)
    if document is not None and not isinstance(getattr(document, "text", None), str):
        raise TypeError("document must be a payscrape.Document (payscrape.normalise(page))")
    parts: list[str] = [f'<div class="payscrape-record" style="{_FONT}; max-width: 60em">']

    title = rec.title or rec.source or rec.url or "(untitled page)"
    parts.append(f'<div style="font-size: 1.15em; font-weight: bold">{_e(title)}</div>')
    if rec.page_type is not None:
        score = f" · {rec.page_type_score:.2f}" if rec.page_type_score is not None else ""
        badge = (f'<span class="payscrape-page-type" style="background: #333; color: #fff; '
                 f'padding: 0.1em 0.5em; border-radius: 0.3em; font-size: 0.8em">'
                 f'{_e(rec.page_type)}{_e(score)}</span>')
    else:
        badge = ('<span class="payscrape-page-type" style="background: #999; color: #fff; '
                 'padding: 0.1em 0.5em; border-radius: 0.3em; font-size: 0.8em">'
                 'unclassified</span>')
    facts = [("role", rec.role), ("country", rec.country), ("region", rec.region),
             ("updated", rec.updated),
             ("data points", f"{rec.data_points:,}" if rec.data_points is not None else None),
             ("confidence", rec.confidence_label), ("source", rec.source), ("url", rec.url)]
    fact_html = " · ".join(f"{_e(k)}: <b>{_e(v)}</b>" for k, v in facts if v is not None)
    parts.append(f'<div style="margin: 0.3em 0; font-size: 0.9em">{badge} {fact_html}</div>')
    if rec.error is not None:
        parts.append(f'<div style="color: #b00020; font-size: 0.9em">error {_e(rec.error.code)}: '
                     f'{_e(rec.error.message)}</div>')
    for w in rec.warnings:
        parts.append(f'<div style="color: #8a5a00; font-size: 0.85em">⚠ {_e(w)}</div>')

    if rec.salaries:
        rows = [[s.text or "(structured data)", _amount(s), s.currency or "", s.period or "",
                 s.statistic + (f" p{s.percentile}" if s.percentile is not None else "")
                 if s.statistic else "",
                 _years(s.experience.min_years, s.experience.max_years) if s.experience else "",
                 s.seniority or "", s.location or "",
                 str(s.projected_year) if s.projected_year is not None else ""]
                for s in rec.salaries]
        parts.append(_table(["evidence", "amount", "currency", "period", "statistic",
                             "experience", "seniority", "location", "projected"], rows))
    else:
        parts.append('<div style="font-size: 0.9em; color: #666">no pay figures</div>')
    if rec.location_premiums:
        parts.append(_table(["location", "premium", "amount", "currency"], [
            [p.location, f"{p.premium:+.0%}", _num(p.amount), p.currency or ""]
            for p in rec.location_premiums]))
    if rec.seniority_mix:
        parts.append(_table(["seniority", "share"],
                            [[m.level, f"{m.share:.0%}"] for m in rec.seniority_mix]))
    lists = [("skills", [k.name for k in rec.skills]),
             ("certifications", [c.name for c in rec.certifications]),
             ("experience bands", [b.label for b in rec.experience_bands])]
    for name, values in lists:
        if values:
            parts.append(f'<div style="font-size: 0.85em; margin: 0.2em 0">{_e(name)}: '
                         f'{_e(", ".join(values))}</div>')

    if document is not None:
        spans, mismatched = evidence_spans(rec, document)
        counts: dict[str, int] = {}
        for s in spans:
            counts[s.kind] = counts.get(s.kind, 0) + 1
        parts.append(_legend(counts))
        if mismatched:
            parts.append(f'<div style="color: #8a5a00; font-size: 0.85em">⚠ {mismatched} '
                         f'evidence span(s) do not match this document and are not shown</div>')
        parts.append('<div class="payscrape-text" style="white-space: pre-wrap; '
                     'line-height: 1.9; border: 1px solid #ddd; border-radius: 0.3em; '
                     'padding: 0.8em; font-size: 0.9em">'
                     f"{render_text(document.text, spans)}</div>")
    parts.append("</div>")
    return "".join(parts)
