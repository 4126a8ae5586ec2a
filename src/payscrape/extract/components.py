"""spaCy components: registered factories usable in any English pipeline.

Each component reads ``doc.text`` (and, when payscrape built the doc, the page structure
on ``doc._.payscrape_document``), stores its hits on a ``Doc._`` extension and mirrors them
as ``doc.spans[...]`` groups:

========================  ===========================  ===============================
factory                   ``Doc._`` attribute          span group
========================  ===========================  ===============================
``payscrape_money``       ``payscrape_money``          ``payscrape_money``
``payscrape_experience``  ``payscrape_bands``          ``payscrape_experience``
``payscrape_counts``      ``payscrape_facts``          —
``payscrape_vocab``       ``payscrape_skills`` /       ``payscrape_skills`` /
                          ``payscrape_certifications`` ``payscrape_certifications``
========================  ===========================  ===============================
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..document import Block, Document, span_index
from .context import labels_for
from .experience import (
    EXPERIENCE_CUE,
    SENIORITY_LABEL,
    STUDY_CUE,
    BandHit,
    find_bands,
    seniority_of,
)
from .facts import find_facts
from .money import NON_PAY, PAY, PAY_LABEL, PAY_NOUN, MoneyHit, bare_cell_money, find_money
from .vocab import (
    CERT_CUE,
    CERT_PATTERN,
    ROLE_NOUN,
    SKILL_CUE,
    TECH_CUE,
    Entry,
    VocabHit,
    VocabMatcher,
    is_area,
    load_entries,
    shipped_entries,
)

_F = regex.I

_EXTENSIONS = (
    "payscrape_document", "payscrape_money", "payscrape_bands", "payscrape_facts",
    "payscrape_skills", "payscrape_certifications", "payscrape_units",
    "payscrape_glued_units",
)


def register_extensions() -> None:
    """Register the ``Doc._`` attributes once."""
    for name in _EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()


# --- page structure for components -------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Unit:
    """A block as components see it: span, kind and the heading above it."""

    start: int
    end: int
    kind: str
    heading: str | None
    cells: tuple[tuple[int, int], ...] = ()


def text_of(doc: Doc) -> str:
    """The text components read: the attached Document's (same length as ``doc.text``)."""
    document: Document | None = doc._.payscrape_document
    return document.text if document is not None else doc.text


def units_of(doc: Doc) -> list[Unit]:
    """The page's blocks: from the attached Document, else one per line of ``doc.text``.

    Computed once per ``Doc`` (kept on ``doc._.payscrape_units``).
    """
    cached: list[Unit] | None = doc._.payscrape_units
    if cached is not None:
        return cached
    document: Document | None = doc._.payscrape_document
    out: list[Unit] = []
    if document is not None:
        out = [_unit(document, b) for b in document.blocks]
    else:
        pos = 0
        for line in doc.text.split("\n"):
            if line.strip():
                out.append(Unit(pos, pos + len(line), "paragraph", None))
            pos += len(line) + 1
    doc._.payscrape_units = out
    return out


def _unit(document: Document, b: Block) -> Unit:
    return Unit(b.start, b.end, b.kind, document.section_title(b), b.cells)


def unit_at(units: list[Unit], offset: int) -> Unit | None:
    """The unit containing ``offset``."""
    i = span_index(units, offset)
    return None if i is None else units[i]


_CLAUSE_END = regex.compile(r"(?<!\b(?:e\.g|i\.e|vs|approx|Est|est|St|Dr|Mr|Ms|No|U\.S))[.!?;](?=\s|$)|\n")


def clause_bounds(text: str, start: int, end: int, unit: Unit | None) -> tuple[int, int]:
    """The sentence-ish clause around ``[start, end)`` inside its unit (at most ~400 chars each way)."""
    lo = max(unit.start if unit else 0, start - 400)
    hi = min(unit.end if unit else len(text), end + 400)
    left = lo
    for m in _CLAUSE_END.finditer(text, lo, start):
        left = m.end()
    m = _CLAUSE_END.search(text, end, hi)
    right = m.start() if m else hi
    return left, right


def _spans(doc: Doc, items: Iterable[Any], label: str) -> list[Span]:
    out = []
    for it in items:
        span = doc.char_span(it.start, it.end, label=label, alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


# --- money -------------------------------------------------------------------------------

def is_pay(text: str, hit: MoneyHit, unit: Unit | None, labels: list[str] | None = None) -> bool:
    """Reject tuition, prices, revenue, rents … by the words around the figure and its labels."""
    if hit.high >= 20_000_000 and not hit.indian:
        return False
    left, right = clause_bounds(text, hit.start, hit.end, unit)
    before = text[max(left, hit.start - 80):hit.start]
    after = text[hit.end:min(right, hit.end + 40)]
    last_non = max((m.end() for m in NON_PAY.finditer(before)), default=-1)
    last_pay = max((m.end() for m in PAY.finditer(before)), default=-1)
    if last_non >= 0 and last_non >= last_pay:
        return bool(PAY_NOUN.match(after))
    non_after = NON_PAY.search(after[:30])
    pay_after = PAY_LABEL.search(after[:30])
    if non_after and last_pay < 0 and not (pay_after and pay_after.start() < non_after.start()):
        return False
    if labels:
        joined = " ".join(labels)
        if NON_PAY.search(joined) and not PAY_LABEL.search(joined):
            return False
    if hit.currency_raw is None and not hit.indian:
        return last_pay >= 0 or pay_after is not None
    return True


def _table_cell_money(document: Document | None, text: str) -> list[MoneyHit]:
    """Bare numbers in table cells whose column (or row) header names a currency."""
    if document is None:
        return []
    out: list[MoneyHit] = []
    for idx, block in enumerate(document.blocks):
        if block.kind != "table_row" or block.header or len(block.cells) < 2:
            continue
        for s, e in block.cells[1:]:
            labels = labels_for(document, s, False)
            header = " ".join(x for x in (labels.column, labels.row) if x)
            if header:
                hit = bare_cell_money(text, s, e, header)
                if hit is not None:
                    out.append(hit)
    return out


@Language.factory("payscrape_money", default_config={})
def make_money(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Find pay figures: ``doc._.payscrape_money`` (list of MoneyHit)."""

    def money(doc: Doc) -> Doc:
        text = text_of(doc)
        units = units_of(doc)
        document = doc._.payscrape_document
        hits = []
        for h in find_money(text) + _table_cell_money(document, text):
            unit = unit_at(units, h.start)
            labels = labels_for(document, h.start, True).ordered() if document else []
            if is_pay(text, h, unit, labels):
                hits.append(h)
        hits.sort(key=lambda h: h.start)
        doc._.payscrape_money = hits
        doc.spans["payscrape_money"] = _spans(doc, hits, "MONEY")
        return doc

    return money


# --- experience --------------------------------------------------------------------------

_WITH_BEFORE = regex.compile(r"\b(?:with|having|after|requires|require|need|needs)\s+$", _F)


def accept_band(text: str, hit: BandHit, unit: Unit | None, has_money: bool) -> str | None:
    """Return the seniority label text attached to a band ('' if none), or None to reject."""
    left, right = clause_bounds(text, hit.start, hit.end, unit)
    before = text[max(left, hit.start - 60):hit.start]
    after = text[hit.end:min(right, hit.end + 40)]
    clause = text[left:right]
    label = SENIORITY_LABEL.search(before[-45:]) if before else None
    explicit = hit.explicit or bool(EXPERIENCE_CUE.search(before[-60:]) or
                                    EXPERIENCE_CUE.search(after[:20]))
    if STUDY_CUE.search(before[-50:]) or STUDY_CUE.search(after[:25]):
        if not explicit:
            return None
    if explicit:
        return label.group(0) if label else _heading_label(unit)
    if label:
        return label.group(0)
    unit_text = text[unit.start:unit.end] if unit else clause
    if STUDY_CUE.search(unit_text):
        return None
    if len(unit_text) <= 60 or _WITH_BEFORE.search(before):
        return _heading_label(unit)
    if has_money and (len(unit_text) < 160 or _MONEY_SIGN.search(clause)):
        return _heading_label(unit)
    return None


_MONEY_SIGN = regex.compile(r"[$€£¥₹]\s?\d|\b(?:USD|CAD|EUR|GBP|AUD|INR|CHF)\s?\d|\d\s?(?:LPA|€)")


def _heading_label(unit: Unit | None) -> str:
    if unit and unit.heading and len(unit.heading) < 40 and seniority_of(unit.heading):
        return unit.heading
    return ""


@Language.factory("payscrape_experience", default_config={})
def make_experience(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Find experience bands: ``doc._.payscrape_bands`` (list of (BandHit, label))."""

    def experience(doc: Doc) -> Doc:
        text = text_of(doc)
        units = units_of(doc)
        money = doc._.payscrape_money
        if money is None:
            money = find_money(text)
        money_units = {(u.start if (u := unit_at(units, m.start)) else -1) for m in money}
        out: list[tuple[BandHit, str]] = []
        for hit in find_bands(text):
            unit = unit_at(units, hit.start)
            label = accept_band(text, hit, unit, (unit.start if unit else -1) in money_units)
            if label is not None:
                out.append((hit, label))
        doc._.payscrape_bands = out
        doc.spans["payscrape_experience"] = _spans(doc, (h for h, _ in out), "EXPERIENCE")
        return doc

    return experience


# --- counts and page facts ------------------------------------------------------------

@Language.factory("payscrape_counts", default_config={})
def make_counts(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Data points, dates, confidence labels, sources, seniority mix: ``doc._.payscrape_facts``."""

    def counts(doc: Doc) -> Doc:
        doc._.payscrape_facts = find_facts(text_of(doc), units_of(doc))
        return doc

    return counts


# --- vocabularies ------------------------------------------------------------------------

def _neighbours_tech(hits: list[VocabHit], i: int) -> bool:
    h = hits[i]
    for j in (i - 1, i + 1, i - 2, i + 2):
        if 0 <= j < len(hits):
            o = hits[j]
            e = o.entry
            if (not o.ambiguous and not e.generic and e.category not in ("soft_skill", "skill_area")
                    and abs(o.start - h.start) < 80):
                return True
    return False


#: A vague alias ("ML", "AI") counts only when named as a skill: "ML expertise", "AI skills".
WEAK_OK = regex.compile(r"^\s*(?:expertise|skills?|knowledge|proficiency|fundamentals)\b",
                        regex.I)
#: "salary negotiation" is about pay, not a skill.
NOT_SKILL_BEFORE = regex.compile(r"\b(?:salary|pay|offer|wage|compensation|contract)\s+$",
                                 regex.I)
_PROPER_BEFORE = regex.compile(r"(?:^|[^.!?:;,(\n]\s)\p{Lu}\p{Ll}+\s$")
#: A lead-in that makes the list below it a list of degrees or subjects, not skills.
DEGREE_LEAD = regex.compile(r"\b(?:degrees?|subjects?|majors?|bachelor\w*|master\w*|diplomas?|"
                            r"programs?|programmes?|courses?|stud(?:y|ies)|universit\w+|colleges?|"
                            r"high school|grade \d+|schools?)\b",
                            regex.I)
SKILL_HEAD = regex.compile(r"\b(?:skills?|competenc\w*|expertise|requirements?|qualifications?|"
                           r"tools?|stacks?|platforms?|technolog\w*|what you(?:'ll)? need|proficienc\w*|"
                           r"abilities|knowledge)\b", regex.I)


def _lead_in(document: Document | None, offset: int) -> str:
    """Heading and the paragraph introducing the list or table that holds ``offset``."""
    if document is None:
        return ""
    idx = document.block_index(offset)
    if idx is None:
        return ""
    parts = []
    block = document.blocks[idx]
    if block.section is not None:
        parts.append(document.block_text(document.blocks[block.section]))
    j = idx - 1
    while j >= 0 and document.blocks[j].kind in ("list_item", "table_row"):
        j -= 1
    if j >= 0 and document.blocks[j].kind == "paragraph":
        parts.append(document.block_text(document.blocks[j]))
    return " ".join(parts)


def accept_skill(text: str, hits: list[VocabHit], i: int, units: list[Unit],
                 document: Document | None = None) -> bool:
    """Context rules for one skill hit."""
    h = hits[i]
    e = h.entry
    unit = unit_at(units, h.start)
    after = text[h.end:min(h.end + 40, unit.end if unit else len(text))]
    if h.weak and not WEAK_OK.match(after):
        return False
    area = is_area(e)
    if area and NOT_SKILL_BEFORE.search(text[max(0, h.start - 20):h.start]):
        return False
    next_is_skill = i + 1 < len(hits) and hits[i + 1].start - h.end <= 2
    if (area or e.category == "devops") and not next_is_skill and ROLE_NOUN.match(after):
        return False
    if h.ambiguous:
        if unit is not None and unit.kind == "heading":
            return False
        surface = text[h.start:h.end]
        if e.case_sensitive and surface[:1].islower():
            return False
        left, right = clause_bounds(text, h.start, h.end, unit)
        window = text[max(left, h.start - 80):min(right, h.end + 80)]
        return _neighbours_tech(hits, i) or bool(TECH_CUE.search(window))
    if not area:
        return True
    if unit is None or unit.kind == "heading":
        return False
    if unit.kind in ("list_item", "table_row"):
        if document is not None:
            idx = document.block_index(h.start)
            if idx is not None and document.blocks[idx].header:
                return False
        lead = _lead_in(document, h.start)
        if DEGREE_LEAD.search(lead) and not SKILL_HEAD.search(lead):
            return False
        words = len(text[unit.start:unit.end].split())
        left, right = clause_bounds(text, h.start, h.end, unit)
        return (unit.kind == "table_row" or words <= 8 or bool(SKILL_HEAD.search(lead))
                or bool(SKILL_CUE.search(text[left:right])))
    if e.generic and _PROPER_BEFORE.search(text[max(unit.start, h.start - 30):h.start]):
        return False  # "Bureau of Labor Statistics"
    left, right = clause_bounds(text, h.start, h.end, unit)
    return bool(SKILL_CUE.search(text[left:right]))


def accept_cert(text: str, hit: VocabHit, units: list[Unit]) -> bool:
    """Ambiguous credential acronyms need credential words nearby."""
    if not hit.ambiguous:
        return True
    unit = unit_at(units, hit.start)
    left, right = clause_bounds(text, hit.start, hit.end, unit)
    return bool(CERT_CUE.search(text[max(left, hit.start - 80):min(right, hit.end + 80)]))


#: Mentions of one vocabulary entry examined per page.
MAX_MENTIONS = 50
_GLUED = regex.compile(r"\p{Ll}[\p{Lu}]|\.js\p{Lu}|\p{Lu}{2}\p{Lu}\p{Ll}")


def glued_units(doc: Doc) -> list[Unit]:
    """Short units that look like chips glued together ("PythonSQLExcel"); once per ``Doc``."""
    found: list[Unit] | None = doc._.payscrape_glued_units
    if found is None:
        text = text_of(doc)
        found = []
        for u in units_of(doc):
            if u.end - u.start < 300:
                chunk = text[u.start:u.end]
                if chunk.count(" ") < len(chunk) / 6 and _GLUED.search(chunk):
                    found.append(u)
        doc._.payscrape_glued_units = found
    return found


@Language.factory("payscrape_vocab", default_config={"kind": "skills", "path": None})
def make_vocab(nlp: Language, name: str, kind: str, path: str | None) -> VocabComponent:
    """Match the skills or certifications vocabulary (``kind``), optionally from ``path``."""
    return VocabComponent(nlp, kind, path)


class VocabComponent:
    """Vocabulary matching with context rules; see :func:`make_vocab`."""

    def __init__(self, nlp: Language, kind: str, path: str | None) -> None:
        if kind not in ("skills", "certifications"):
            raise ValueError(f"kind must be 'skills' or 'certifications', not {kind!r}")
        self.kind = kind
        entries = load_entries(path, f"{kind}.jsonl") if path else list(shipped_entries(kind))
        self.matcher = VocabMatcher(nlp.tokenizer, entries)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        units = units_of(doc)
        hits = self.matcher.raw_matches(doc, text)
        for u in glued_units(doc):
            seg = self.matcher.segment(text[u.start:u.end], u.start)
            if seg:
                hits = [h for h in hits if not (u.start <= h.start < u.end)] + seg
        hits.sort(key=lambda h: h.start)
        # a name repeated thousands of times adds nothing: check a bounded number per entry
        seen: dict[str, int] = {}
        bounded = []
        for h in hits:
            seen[h.entry.id] = seen.get(h.entry.id, 0) + 1
            if seen[h.entry.id] <= MAX_MENTIONS:
                bounded.append(h)
        hits = bounded
        if self.kind == "skills":
            document = doc._.payscrape_document
            accepted = [h for i, h in enumerate(hits)
                        if accept_skill(text, hits, i, units, document)]
            doc._.payscrape_skills = accepted
        else:
            accepted = [h for h in hits if accept_cert(text, h, units)]
            accepted.extend(self._pattern_certs(text, accepted))
            accepted.sort(key=lambda h: h.start)
            doc._.payscrape_certifications = accepted
        doc.spans[f"payscrape_{self.kind}"] = _spans(doc, accepted, self.kind.upper())
        return doc

    def _pattern_certs(self, text: str, known: list[VocabHit]) -> list[VocabHit]:
        out: list[VocabHit] = []
        for m in CERT_PATTERN.finditer(text):
            s, e = m.span("name")
            if any(h.start < e and s < h.end for h in known):
                continue
            name = m.group("name").strip(" –-")
            ident = "x-" + regex.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            entry = Entry(id=ident, name=name, category="other", aliases=())
            out.append(VocabHit(entry, s, s + len(name), in_vocabulary=False))
        return out

    def to_disk(self, path: Any, exclude: Any = ()) -> None:  # pragma: no cover - spaCy API
        pass

    def from_disk(self, path: Any, exclude: Any = ()) -> VocabComponent:  # pragma: no cover
        return self
