"""Skills and certifications from the shipped vocabularies, matched with spaCy's PhraseMatcher.

Ambiguous names (Go, R, Spark, Excel …) count only with supporting technical context;
generic skill areas and soft skills only in skill-list context (list items, table cells,
"expertise in …"). Glued chip rows such as ``React/Next.jsNode.jsSystem Design`` are
segmented against the vocabulary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

_F = regex.I
CURRENCY_CODES = frozenset({"CAD", "USD", "EUR", "GBP", "AUD", "INR", "CHF", "NZD", "SGD", "JPY"})

#: Categories of skill *areas* (not named tools): in running prose they need skill context.
AREA_CATEGORIES = frozenset({"ml_ai", "data", "skill_area", "soft_skill", "method", "security",
                             "design"})
#: First words that make a multi-word name a product ("Apache Kafka", "Vertex AI").
_PRODUCT_WORDS = frozenset({
    "apache", "google", "amazon", "aws", "microsoft", "azure", "ibm", "oracle", "sap", "adobe",
    "power", "vertex", "hugging", "looker", "qlik", "splunk", "cisco", "salesforce", "snowflake",
    "red", "elastic", "github", "gitlab", "atlassian", "meta", "openai", "nvidia", "dell", "vmware",
})
_CONCEPT_SUFFIX = regex.compile(r"(?:ing|ity|ics|ation|ment|ography|ology|ness|ism)$")
_CONCEPT_JOINERS = frozenset({"and", "of", "for", "&", "-", "in", "to", "the"})


def is_area(entry: Entry) -> bool:
    """A skill *area* (Machine Learning, Communication) rather than a named tool (Databricks)."""
    if entry.generic or entry.category in ("skill_area", "soft_skill", "method"):
        return True
    if entry.category not in AREA_CATEGORIES:
        return False
    words = entry.name.replace("-", " ").split()
    if len(words) == 1:
        w = words[0]
        return w.isalpha() and w[1:].islower() and bool(_CONCEPT_SUFFIX.search(w))
    if words[0].lower() in _PRODUCT_WORDS:
        return False
    return all(w.lower() in _CONCEPT_JOINERS or (w[:1].isupper() and (w[1:].islower() or w in
               ("AI", "ML", "NLP", "LLMs"))) for w in words)


#: Aliases too vague to count on their own ("AI", "ML" …).
STOP_ALIASES = frozenset({"ai", "ml", "cloud", "data", "design", "analytics", "research",
                          "testing", "security", "networking", "automation", "reporting"})
SKILL_CUE = regex.compile(
    r"\b(?:skills?(?! shortages?| gaps?| premiums?)|skillset|expertise|expert (?:in|at)|proficien\w*|knowledge (?:of|in)|"
    r"experience (?:with|in)|familiar\w*|competenc\w*|master(?:y|ing)|understanding of|"
    r"background in|fluen\w*|required|requirements?|qualifications?|hands-on|"
    r"learn(?:ing)? (?:to|how)|courses? in|training in|certified in|focus on|"
    r"must[- ]have|nice[- ]to[- ]have|core (?:competenc\w*|areas)|"
    r"you(?:'ll|\s+will)\s+(?:need|use|work|apply))\b",
    _F,
)
TECH_CUE = regex.compile(
    r"\b(?:programming|languages?|frameworks?|librar(?:y|ies)|stacks?|scripting|coding|code|"
    r"software|databases?|spreadsheets?|clusters?|big data|devops|cloud|SQL|Python|Java|"
    r"JavaScript|TypeScript|APIs?|backend|frontend|developers?)\b", _F,
)
#: A generic area followed by one of these is part of a job title or sector name.
ROLE_NOUN = regex.compile(
    r"^\s*(?:(?:&|and)\s+\w+\s+)?(?:engineers?|scientists?|developers?|managers?|specialists?|analysts?|"
    r"architects?|leads?|researchers?|consultants?|interns?|programmers?|administrators?|"
    r"technicians?|designers?|roles?|positions?|professionals?|practitioners?|teams?|jobs?|"
    r"careers?|courses?|programs?|programmes?|bootcamps?|certifications?|certificates?|"
    r"degrees?|diplomas?|sector|industry|domain|field|department|meetups?|conferences?|"
    r"trends?|talent|hiring|market|salary|salaries|job|strateg(?:y|ies)|narratives?|leverage|"
    r"tactics|process|points?|tables?|phases?|stages?|playbooks?|environments?)\b", _F,
)
CERT_CUE = regex.compile(
    r"\b(?:certif\w*|credentials?|designations?|licen[cs]\w*|exams?|accredit\w*|qualifi\w*|"
    r"holders?|obtain\w*|earn\w*|passed|registered|chartered|charter)\b", _F,
)
#: Credentials outside the vocabulary: "<Vendor> Certified <Title>".
CERT_PATTERN = regex.compile(
    r"\b(?P<name>(?:[A-Z][\w&+-]*\s){1,3}Certified(?:\s(?:[A-Z][\w&+/-]*(?:\.\w+)*|–|-|in|of|for|and)){1,6})",
    regex.V1,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One vocabulary entry."""

    id: str
    name: str
    category: str
    aliases: tuple[str, ...]
    case_sensitive: bool = False
    case_sensitive_aliases: tuple[str, ...] = ()
    ambiguous: bool = False
    generic: bool = False
    issuer: str | None = None
    codes: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    source: str = "curated"


@dataclass(slots=True)
class VocabHit:
    """A vocabulary match: entry id and character span."""

    entry: Entry
    start: int
    end: int
    in_vocabulary: bool = True
    ambiguous: bool = False
    weak: bool = False


def _data_path(name: str) -> Any:
    return resources.files("payscrape") / "data" / name


def load_entries(path: str | Path | None, default: str) -> list[Entry]:
    """Read a vocabulary JSONL file (the shipped one when ``path`` is ``None``)."""
    source = Path(path) if path else _data_path(default)
    entries: list[Entry] = []
    if not source.is_file():
        return entries
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            d = json.loads(line)
            entries.append(Entry(
                id=d["id"], name=d["name"], category=d.get("category", "other"),
                aliases=tuple(d.get("aliases", ())),
                case_sensitive=bool(d.get("case_sensitive", False)),
                case_sensitive_aliases=tuple(d.get("case_sensitive_aliases", ())),
                ambiguous=bool(d.get("ambiguous", False)), generic=bool(d.get("generic", False)),
                issuer=d.get("issuer"), codes=tuple(d.get("codes", ())),
                ambiguous_aliases=tuple(d.get("ambiguous_aliases", ())),
                source=d.get("source", "curated"),
            ))
    return entries


def _variants(form: str) -> set[str]:
    out = {form}
    if form.endswith(".") and len(form) > 2:
        out.add(form[:-1])
    if "-" in form and form.count(" ") < 3:
        out.add(form.replace("-", " "))
    if " " in form and form.count(" ") < 3 and "-" not in form:
        out.add(form.replace(" ", "-"))
    return out


class VocabMatcher:
    """Phrase matching of a vocabulary over a spaCy ``Doc``."""

    def __init__(self, tokenizer: Tokenizer, entries: list[Entry]) -> None:
        """Patterns are tokenised by ``tokenizer``: the one that will tokenise the pages."""
        vocab = tokenizer.vocab
        self.entries = {e.id: e for e in entries}
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.exact = PhraseMatcher(vocab, attr="ORTH")
        lower_forms: dict[str, list[str]] = {}
        exact_forms: dict[str, list[str]] = {}
        self._by_lower: dict[str, str] = {}
        self._exact_seg: dict[str, tuple[str, str]] = {}
        self._ambiguous_forms: set[tuple[str, str]] = set()
        self._weak_forms: set[tuple[str, str]] = set()
        for e in entries:
            forms = [e.name, *e.aliases, *e.codes]
            for alias in e.ambiguous_aliases:
                self._ambiguous_forms.add((e.id, alias.lower()))
            if e.source == "onet" and " " in e.name:
                # "Sites" for Google Sites: a vendor-less O*NET short name is an everyday word
                for alias in e.aliases:
                    if alias.isalpha() and (alias.islower() or alias.istitle()):
                        self._ambiguous_forms.add((e.id, alias.lower()))
            for form in forms:
                if form.lower() in STOP_ALIASES:
                    self._weak_forms.add((e.id, form.lower()))
                sensitive = (e.case_sensitive and (e.ambiguous or len(form) <= 3)) or (
                    form in e.case_sensitive_aliases) or len(form) <= 2 or (
                    form in e.codes and len(form) <= 4)
                for v in _variants(form):
                    (exact_forms if sensitive else lower_forms).setdefault(e.id, []).append(v)
                    if not sensitive:
                        self._by_lower.setdefault(v.lower(), e.id)
                    elif len(v) >= 3:
                        self._exact_seg.setdefault(v.lower(), (e.id, v))
        for target, forms_by_id in ((self.lower, lower_forms), (self.exact, exact_forms)):
            for key, forms in forms_by_id.items():
                target.add(key, list(tokenizer.pipe(sorted(set(forms)))))
        # glued-chip segmentation: aliases bucketed by their first two characters; a bucket
        # holds its alias lengths, longest first, and the set of aliases
        grouped: dict[str, set[str]] = {}
        for form in set(self._by_lower) | set(self._exact_seg):
            if len(form) >= 2:
                grouped.setdefault(form[:2], set()).add(form)
        self._buckets: dict[str, tuple[tuple[int, ...], frozenset[str]]] = {
            k: (tuple(sorted({len(f) for f in v}, reverse=True)), frozenset(v))
            for k, v in grouped.items()
        }

    def raw_matches(self, doc: Doc, text: str | None = None) -> list[VocabHit]:
        """All phrase matches, longest-first with overlaps removed."""
        found: list[tuple[int, int, int]] = []
        for matcher in (self.lower, self.exact):
            found.extend((s, e, key) for key, s, e in matcher(doc))
        found.sort(key=lambda t: (t[0] - t[1], t[0]))
        taken = bytearray(len(doc) + 1)
        hits: list[VocabHit] = []
        strings = doc.vocab.strings
        if text is None:
            text = doc.text  # built on every access: take it once
        for s, e, key in found:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            first, last = doc[s], doc[e - 1]
            start, end = first.idx, last.idx + len(last)
            surface = text[start:end]
            if surface.upper() in CURRENCY_CODES and e < len(doc) and doc[e].like_num:
                continue  # "CAD 83,000" is a currency, not Computer-Aided Design
            ident = strings[key]
            entry = self.entries[ident]
            amb = entry.ambiguous or (ident, surface.lower()) in self._ambiguous_forms
            weak = (ident, surface.lower()) in self._weak_forms
            hits.append(VocabHit(entry, start, end, ambiguous=amb, weak=weak))
        hits.sort(key=lambda h: h.start)
        return hits

    def _seg_ok(self, form: str, text: str, i: int) -> bool:
        if form in self._by_lower:
            return True
        return text.startswith(self._exact_seg[form][1], i)

    def _longest_at(self, lower: str, text: str, i: int) -> str | None:
        bucket = self._buckets.get(lower[i:i + 2])
        if bucket is None:
            return None
        lengths, forms = bucket
        for n in lengths:
            form = lower[i:i + n]
            if len(form) == n and form in forms and self._seg_ok(form, text, i):
                return form
        return None

    def segment(self, text: str, offset: int) -> list[VocabHit]:
        """Split a glued chip row ("React/Next.jsNode.jsSystem Design") into entries."""
        lower = text.lower()
        hits: list[VocabHit] = []
        covered = 0
        i, n = 0, len(text)
        last_end = -1
        while i < n:
            if (i and i != last_end and text[i - 1].isalnum()
                    and not (text[i - 1].islower() and text[i].isupper())):
                if not (text[i].isupper() and lower.startswith(".js", i - 3)):
                    i += 1
                    continue
            form = self._longest_at(lower, text, i)
            if form is None:
                i += 1
                continue
            key = self._by_lower.get(form) or self._exact_seg[form][0]
            hits.append(VocabHit(self.entries[key], offset + i, offset + i + len(form)))
            covered += len(form)
            i += len(form)
            last_end = i
        letters = sum(1 for c in text if c.isalnum())
        if letters and covered >= 0.8 * letters and len(hits) >= 3:
            return hits
        return []


@lru_cache(maxsize=4)
def shipped_entries(kind: str) -> tuple[Entry, ...]:
    """The shipped skills (``"skills"``) or certifications (``"certifications"``)."""
    return tuple(load_entries(None, f"{kind}.jsonl"))
