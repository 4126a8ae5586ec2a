"""From component hits to a :class:`PageRecord`: context, de-duplication, page facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex
from spacy.tokens import Doc

from ..document import Document
from ..records import (
    Certification,
    ExperienceBand,
    LocationPremium,
    Mention,
    PageRecord,
    Salary,
    SeniorityShare,
    Skill,
    YearsRange,
)
from .components import Unit, clause_bounds, unit_at, units_of
from .context import Labels, labels_for
from .experience import SENIORITY_LABEL, BandHit, seniority_of
from .facts import find_facts
from .geo import CURRENCY_OF_COUNTRY, find_places
from .money import PERIOD_BEFORE, MoneyHit, currency_code
from .role import find_market, find_role

_F = regex.I

#: (statistic, pattern) in priority order.
STATISTICS: list[tuple[str, regex.Pattern[str]]] = [
    ("projected", regex.compile(r"\b(?:projected|projections?|projecting|forecast(?:ed|s|ing)?|"
                                r"expected to (?:reach|rise|grow|hit)|predicted|will reach|"
                                r"to reach)\b", _F)),
    ("percentile", regex.compile(r"\b(?:(?P<p>\d{1,2})(?:st|nd|rd|th)[ -]percentile|"
                                 r"P(?P<q>\d{2})\b|"
                                 r"(?P<w>bottom|lowest|top|highest|upper|lower)\s+(?P<n>\d{1,2})\s?(?:%|percent))",
                                 regex.I)),
    ("median", regex.compile(r"\bmedian\b", _F)),
    ("average", regex.compile(r"\b(?:averages?|avg\.?|mean|on average)\b", _F)),
    ("starting", regex.compile(r"\b(?:starting|starts? (?:at|on|from)|entry salary|"
                               r"start(?:ing)? (?:salary|pay))\b", _F)),
    ("typical", regex.compile(r"\btypical(?:ly)?\b", _F)),
    ("estimate", regex.compile(r"\b(?:est\.|estimated?|estimates)(?!\w)", _F)),
]
_STAT_AFTER = regex.compile(r"^\W{0,3}(?:(?:a|an|per)\s+(?:year|month|week|day|hour)\W{1,3})?"
                            r"(?:(?P<avg>on average|\(average\)|\(mean\)|average|mean)|"
                            r"(?P<med>\(median\)|median)|(?P<est>est\.|estimated?))\b", _F)
#: "… $86,070, or $41.38 per hour": the same statistic restated in another unit.
_RESTATED = regex.compile(r"^\W{0,3}(?:or|i\.e\.|that is|which is|equivalent to|about|roughly)\s+\W{0,3}$", _F)
#: A header cell that is just a percentile: "10th", "P25", "90%", "75th percentile".
_PCT_HEADER = regex.compile(r"^\W*(?:P|p)?(?P<n>\d{1,2})(?:st|nd|rd|th)?\s*(?:%|percentile)?\W*$")
_YEAR = regex.compile(r"\b(?:by|in|for|through|until)?\s*(?P<y>20[2-4]\d)\b", _F)
PREMIUM_LINE = regex.compile(r"^(?P<place>[\p{L} .'-]{2,40}?)\s*(?:\||:|–|-)?\s*\+\s*(?P<pct>\d{1,3}(?:\.\d+)?)\s*%")
_SALARY_CUE = regex.compile(r"\b(?:salar(?:y|ies)|compensation|base pay|pay|earn(?:s|ings)?|"
                            r"income|wages?|remuneration|package)\b", _F)
_DP_HINT = regex.compile(r"\b(?:based on|salaries|data points?|submissions|sample|respondents|"
                         r"reported)\b|\bn\s?=\s?\d", _F)


@dataclass(slots=True)
class Candidate:
    """A salary mention with its context, before de-duplication."""

    hit: MoneyHit
    currency: str | None
    period: str | None
    statistic: str | None
    percentile: int | None
    projected_year: int | None
    experience: tuple[float | None, float | None] | None
    seniority: str | None
    location: str | None
    unit: Unit | None
    mentions: list[MoneyHit] = field(default_factory=list)
    labels: Labels = field(default_factory=Labels)

    def key(self) -> tuple[float, float, str | None, str | None]:
        return (self.hit.low, self.hit.high, self.currency, self.hit.bound)

    def specificity(self) -> int:
        return sum(x is not None for x in (self.experience, self.seniority, self.location)) * 2 + (
            self.statistic is not None)

    def contextual(self) -> bool:
        return any(x is not None for x in (self.experience, self.seniority, self.location))


def _statistic(text: str, hit: MoneyHit, lo: int, hi: int, headers: list[str]
               ) -> tuple[str | None, int | None, int | None]:
    before = text[lo:hit.start]
    after = text[hit.end:hi]
    stat: str | None = None
    pct: int | None = None
    best = -1
    for name, rx in STATISTICS:
        for m in rx.finditer(before):
            if name == "projected":
                stat, best = name, 10 ** 9
                break
            if m.end() > best:
                best = m.end()
                stat = name
                if name == "percentile":
                    g = m.groupdict()
                    pct = _percentile(g)
        if stat == "projected":
            break
    if stat is None:
        m = _STAT_AFTER.match(after)
        if m:
            stat = "average" if m.group("avg") else "median" if m.group("med") else "estimate"
    for header in headers:
        if stat is not None:
            break
        m = _PCT_HEADER.match(header)
        if m and 1 <= int(m.group("n")) <= 99:
            n = int(m.group("n"))
            stat, pct = ("median", None) if n == 50 else ("percentile", n)
            break
        for name, rx in STATISTICS:
            m = rx.search(header)
            if m:
                stat = name
                if name == "percentile":
                    pct = _percentile(m.groupdict())
                break
    year = None
    if stat == "projected":
        for m in _YEAR.finditer(text[lo:hi]):
            year = int(m.group("y"))
        for header in headers:
            if year is None:
                m = _YEAR.search(header)
                year = int(m.group("y")) if m else None
    return stat, pct, year


def _percentile(g: dict[str, Any]) -> int | None:
    if g.get("p"):
        return int(g["p"])
    if g.get("q"):
        return int(g["q"])
    if g.get("t"):
        return 100 - int(g["t"])
    if g.get("b"):
        return int(g["b"])
    if g.get("w"):
        n = int(g["n"])
        return n if g["w"].lower() in ("bottom", "lowest") else 100 - n
    return None


_SENTENCE_END = regex.compile(r"[.!?;]\s+\S")


def _short(unit: Unit | None, text: str = "") -> bool:
    """A list item, table row or one short line: its parts share one context."""
    if unit is None:
        return False
    if unit.kind in ("list_item", "table_row"):
        return True
    return unit.end - unit.start <= 150 and not _SENTENCE_END.search(text, unit.start, unit.end)


def _listish(unit: Unit | None, text: str) -> bool:
    """List items, table rows and value-only lines read their section's lead-in as a label."""
    return unit is not None and (unit.kind in ("list_item", "table_row") or unit.end - unit.start <= 60)


def _band_for(text: str, hit: MoneyHit, bands: list[tuple[BandHit, str]], unit: Unit | None,
              lo: int, hi: int, labels: Labels) -> tuple[BandHit, str] | None:
    if unit is None:
        return None
    if labels.line_span:
        a, b = labels.line_span
        inside = [x for x in bands if a <= x[0].start < b]
        if inside:
            return inside[0]
    if _short(unit, text):
        inside = [b for b in bands if unit.start <= b[0].start < unit.end]
        if inside:
            before = [b for b in inside if b[0].start < hit.start]
            return before[-1] if before else inside[0]
    inside = [b for b in bands if lo <= b[0].start < hi]
    before = [b for b in inside if b[0].start < hit.start]
    if before:
        return before[-1]
    return inside[0] if inside else None


def _seniority_for(text: str, hit: MoneyHit, unit: Unit | None,
                   band: tuple[BandHit, str] | None, labels: Labels) -> str | None:
    if band and band[1]:
        level = seniority_of(band[1])
        if level:
            return level
    if unit is None:
        return None
    if _short(unit, text):
        head = text[unit.start:min(unit.start + 30, hit.start)]
        m = SENIORITY_LABEL.search(head)
        if m and m.start() < 5:
            return seniority_of(m.group(0))
        for label in (labels.row, labels.line, labels.column):
            if label and len(label) < 40:
                level = seniority_of(label)
                if level:
                    return level
        if unit.heading and len(unit.heading.split()) <= 3 and unit.end - unit.start < 120:
            return seniority_of(unit.heading)
    return None


_PLACE_HEAD = regex.compile(r"\b(?:city|cities|region|regions|location|locations|state|states|"
                            r"province|provinces|metro|metropolitan|area|areas|canton|cantons|county|"
                            r"community|market|hub|hubs)\b", _F)


def _location_for(document: Document, text: str, unit: Unit | None, lo: int, hi: int,
                  hit: MoneyHit, market: set[str], labels: Labels, window: tuple[int, int]
                  ) -> str | None:
    if unit is None:
        return None
    if unit.kind == "table_row":
        if labels.row:
            place = _place_label(document, unit, labels.row)
            if place and place not in market:
                return place
        if labels.column:
            places = find_places(labels.column)
            if places and places[0][2] != "country" and places[0][3] not in market:
                return labels.column.strip()
        return None
    if _listish(unit, text):
        a, b = unit.start, unit.end
    else:  # in prose, only a place right next to the figure
        a, b = max(lo, hit.start - 60, window[0]), min(hi, hit.end + 20, window[1])
    for _s, _e, kind, name, _code in find_places(text[a:b]):
        if kind == "country" or name in market:
            continue
        return name
    return None


def _place_label(document: Document, unit: Unit, label: str) -> str | None:
    """A table header/first cell naming a place: as written when the table is about places."""
    places = find_places(label)
    if places and places[0][2] == "country":
        return None
    idx = document.block_index(unit.start)
    first_header = None
    if idx is not None:
        for j in range(idx - 1, -1, -1):
            b = document.blocks[j]
            if b.table != document.blocks[idx].table:
                break
            if b.header and b.cells:
                first_header = document.text[b.cells[0][0]:b.cells[0][1]]
                break
    about_places = bool(first_header and _PLACE_HEAD.search(first_header))
    if about_places and len(label) <= 60:
        return label
    if places and len(label) <= 40:
        return places[0][3] if label.strip() == places[0][3] else label
    return None


_PERIOD_WORDS = [
    ("hour", regex.compile(r"\b(?:hourly|per hour|an hour|/\s?h(?:ou)?r)\b", _F)),
    ("day", regex.compile(r"\b(?:day rates?|daily|per day|a day)\b", _F)),
    ("week", regex.compile(r"\b(?:weekly|per week|a week)\b", _F)),
    ("month", regex.compile(r"\b(?:monthly|per month|a month)\b", _F)),
    ("year", regex.compile(r"\b(?:annual(?:ly)?|yearly|per year|a year|per annum|p\.a\.)", _F)),
]


def _period_for(text: str, hit: MoneyHit, lo: int, labels: Labels) -> str | None:
    if hit.period:
        return hit.period
    before = text[lo:hit.start]
    for period, rx in PERIOD_BEFORE:
        if rx.search(before):
            return period
    for label in labels.ordered():
        for period, rx in _PERIOD_WORDS:
            if rx.search(label):
                return period
    return None


def build_candidates(doc: Doc, document: Document, country: str | None, region: str | None
                     ) -> list[Candidate]:
    """One candidate per money hit, with its context read from the page."""
    text = document.text
    units = units_of(doc)
    hits: list[MoneyHit] = doc._.payscrape_money or []
    bands: list[tuple[BandHit, str]] = doc._.payscrape_bands or []
    cur = CURRENCY_OF_COUNTRY.get(country or "")
    # places that name the page's own market are not a figure's location
    market = market_places(document, region)
    out: list[Candidate] = []
    prev_end = 0
    prev: Candidate | None = None
    for i, hit in enumerate(hits):
        unit = unit_at(units, hit.start)
        lo, hi = clause_bounds(text, hit.start, hit.end, unit)
        trailing = _STAT_AFTER.match(text, prev_end, hit.start) if prev_end else None
        lo_stat = max(lo, trailing.end() if trailing else prev_end)
        nxt = hits[i + 1].start if i + 1 < len(hits) else hi
        hi_stat = min(hi, nxt)
        window_start = prev_end
        prev_end = hit.end
        labels = labels_for(document, hit.start, _listish(unit, text))
        stat, pct, year = _statistic(text, hit, lo_stat, hi_stat, labels.ordered())
        if (stat is None and prev is not None and prev.statistic
                and _RESTATED.match(text[prev_end:hit.start])):
            stat, pct, year = prev.statistic, prev.percentile, prev.projected_year
        if stat is None and hit.low != hit.high:
            stat = "range"
        band = _band_for(text, hit, bands, unit, lo, hi, labels)
        currency = currency_code(hit.currency_raw, cur)
        if currency is None and hit.indian:
            currency = "INR"
        if currency is None:
            currency = cur
        prev = Candidate(
            hit=hit, currency=currency, period=_period_for(text, hit, lo_stat, labels), statistic=stat,
            percentile=pct, projected_year=year,
            experience=(band[0].min_years, band[0].max_years) if band else None,
            seniority=_seniority_for(text, hit, unit, band, labels),
            location=_location_for(document, text, unit, lo, hi, hit, market, labels,
                                   (window_start, nxt)), unit=unit,
            mentions=[hit], labels=labels,
        )
        out.append(prev)
    return out


_WEAK_STATS = {"range"}


def _compatible(a: Candidate, b: Candidate) -> bool:
    if a.key() != b.key():
        return False
    for x, y in ((a.experience, b.experience), (a.seniority, b.seniority), (a.location, b.location),
                 (a.period, b.period), (a.percentile, b.percentile)):
        if x is not None and y is not None and x != y:
            return False
    if a.statistic and b.statistic and a.statistic != b.statistic and not (
        {a.statistic, b.statistic} & _WEAK_STATS
    ):
        return False
    return True


def deduplicate(cands: list[Candidate]) -> list[Candidate]:
    """Merge mentions of one figure with one meaning; keep distinct meanings apart."""
    items: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-c.specificity(), c.hit.start)):
        pool = [it for it in items if _compatible(it, c)]
        if not c.contextual():
            # a figure stated without band, level or place is the general figure
            pool = [it for it in pool if not it.contextual()]
        if not pool:
            items.append(c)
            continue
        it = pool[0]
        it.mentions.append(c.hit)
        for attr in ("period", "percentile", "projected_year", "experience", "seniority", "location"):
            if getattr(it, attr) is None:
                setattr(it, attr, getattr(c, attr))
        if it.statistic in (None, *_WEAK_STATS) and c.statistic not in (None, *_WEAK_STATS):
            it.statistic = c.statistic
    items.sort(key=lambda c: min(m.start for m in c.mentions))
    return items


def infer_periods(items: list[Candidate], document: Document) -> None:
    """A figure without a period word: salary wording means annual, else its siblings' period."""
    text = document.text
    for c in items:
        if c.period:
            continue
        for m in c.mentions:
            unit = c.unit
            lo, hi = clause_bounds(text, m.start, m.end, unit)
            ctx = text[lo:hi]
            heading = unit.heading if unit else None
            labels = [*c.labels.ordered(), heading or "", document.title or ""]
            if _SALARY_CUE.search(ctx) or any(_SALARY_CUE.search(x) for x in labels):
                c.period = "year"
                break
    for c in items:
        if c.period or c.unit is None:
            continue
        siblings = [o.period for o in items if o is not c and o.period and o.unit is not None
                    and o.unit.heading == c.unit.heading and o.unit.kind == c.unit.kind]
        if siblings and len(set(siblings)) == 1:
            c.period = siblings[0]
    explicit = {c.period for c in items if c.period}
    if len(explicit) == 1:
        only = explicit.pop()
        for c in items:
            if c.period is None and c.hit.low >= 1000:
                c.period = only


def to_salaries(items: list[Candidate], document: Document) -> list[Salary]:
    out = []
    for c in items:
        ev = c.hit
        exp = YearsRange(min_years=c.experience[0], max_years=c.experience[1]) if c.experience else None
        out.append(Salary(
            low=c.hit.low, high=c.hit.high, bound=c.hit.bound, currency=c.currency,  # type: ignore[arg-type]
            period=c.period, statistic=c.statistic, percentile=c.percentile,  # type: ignore[arg-type]
            projected_year=c.projected_year, experience=exp, seniority=c.seniority,  # type: ignore[arg-type]
            location=c.location, text=document.text[ev.start:ev.end], start=ev.start, end=ev.end,
        ))
    return out


def structured_salaries(document: Document, existing: list[Salary], market: set[str]
                        ) -> list[Salary]:
    """Figures from JSON-LD that the text does not already state."""
    out: list[Salary] = []
    seen = {(s.low, s.high) for s in existing}
    for s in document.structured.salaries:
        if (s.low, s.high) in seen:
            continue
        seen.add((s.low, s.high))
        exp = None
        if s.experience_min is not None or s.experience_max is not None:
            exp = YearsRange(min_years=s.experience_min, max_years=s.experience_max)
        out.append(Salary(
            low=s.low, high=s.high, currency=s.currency, period=s.period,  # type: ignore[arg-type]
            statistic=s.statistic, percentile=s.percentile, experience=exp,
            location=_structured_place(s.location, market), origin="structured_data",
        ))
    return out


def _structured_place(name: str | None, market: set[str]) -> str | None:
    if not name:
        return None
    places = find_places(name)
    if places and (places[0][2] == "country" or places[0][3] in market):
        return None
    if any(name.startswith(m) or m.startswith(name) for m in market):
        return None
    return name


def market_places(document: Document, region: str | None) -> set[str]:
    """Places that name the page's own market (title, region)."""
    market = {region} if region else set()
    market |= {name for *_x, name, _c in find_places(document.title or "")}
    return market


def experience_bands(doc: Doc, document: Document) -> list[ExperienceBand]:
    out: list[ExperienceBand] = []
    seen: set[tuple[float | None, float | None]] = set()
    for hit, label in doc._.payscrape_bands or []:
        key = (hit.min_years, hit.max_years)
        if key in seen:
            continue
        seen.add(key)
        surface = document.text[hit.start:hit.end]
        out.append(ExperienceBand(
            min_years=hit.min_years, max_years=hit.max_years, label=surface,
            seniority=seniority_of(label) if label else None,  # type: ignore[arg-type]
            text=surface, start=hit.start, end=hit.end,
        ))
    return out


def _role_spans(text: str, role: str | None) -> list[tuple[int, int]]:
    if not role:
        return []
    rx = regex.compile(regex.escape(role).replace(r"\ ", r"\s+") + r"s?", _F)
    return [m.span() for m in rx.finditer(text)]


def vocab_records(doc: Doc, document: Document, role: str | None
                  ) -> tuple[list[Skill], list[Certification]]:
    text = document.text
    certs_hits = doc._.payscrape_certifications or []
    blocked = _role_spans(text, role) + [(h.start, h.end) for h in certs_hits]
    skills: dict[str, Skill] = {}
    for h in doc._.payscrape_skills or []:
        if any(s < h.end and h.start < e for s, e in blocked):
            continue
        sk = skills.get(h.entry.id)
        if sk is None:
            sk = skills[h.entry.id] = Skill(id=h.entry.id, name=h.entry.name,
                                            category=h.entry.category)
        sk.mentions.append(Mention(text=text[h.start:h.end], start=h.start, end=h.end))
    certs: dict[str, Certification] = {}
    for h in certs_hits:
        ce = certs.get(h.entry.id)
        if ce is None:
            ce = certs[h.entry.id] = Certification(
                id=h.entry.id, name=h.entry.name, issuer=h.entry.issuer,
                category=h.entry.category, in_vocabulary=h.in_vocabulary)
        ce.mentions.append(Mention(text=text[h.start:h.end], start=h.start, end=h.end))
    return list(skills.values()), list(certs.values())


def location_premiums(document: Document, salaries: list[Salary], units: list[Unit]
                      ) -> tuple[list[LocationPremium], list[str]]:
    text = document.text
    warnings: list[str] = []
    out: list[LocationPremium] = []
    base = next((s for s in salaries if s.statistic == "average" and s.experience is None
                 and s.location is None and s.low == s.high), None) or next(
        (s for s in salaries if s.statistic == "median" and s.experience is None
         and s.location is None and s.low == s.high), None)
    for u in units:
        line = text[u.start:u.end]
        if len(line) > 120:
            continue
        m = PREMIUM_LINE.match(line)
        if not m:
            continue
        place = m.group("place").strip()
        places = find_places(place)
        if not places:
            continue
        premium = round(float(m.group("pct")) / 100, 4)
        sal = next((s for s in salaries if s.start is not None and u.start <= s.start < u.end), None)
        lp = LocationPremium(location=places[0][3], premium=premium,
                             amount=sal.low if sal else None, currency=sal.currency if sal else None,
                             text=line, start=u.start, end=u.end)
        out.append(lp)
        if base and sal:
            expected = base.low * (1 + premium)
            if abs(expected - sal.low) > max(0.01 * expected, 50):
                warnings.append(
                    f"location premium for {lp.location} inconsistent: base {base.low:,.0f} × "
                    f"{1 + premium:.2f} = {expected:,.0f}, page says {sal.low:,.0f}")
    return out, warnings


def build_record(doc: Doc, document: Document, *, source: str | None = None) -> PageRecord:
    """Assemble the page record from a processed doc and its Document."""
    country, region = find_market(document)
    role = find_role(document)
    units = units_of(doc)
    cands = build_candidates(doc, document, country, region)
    items = deduplicate(cands)
    infer_periods(items, document)
    salaries = to_salaries(items, document)
    if document.structured.salaries:
        salaries.extend(structured_salaries(document, salaries, market_places(document, region)))
    facts = doc._.payscrape_facts
    skills, certs = vocab_records(doc, document, role)
    premiums, warnings = location_premiums(document, salaries, units)
    data_points = facts.data_points if facts else None
    if data_points is None and document.boilerplate:
        # a page's own sample size sometimes sits in a sidebar widget
        widgets = [b for b in document.boilerplate if len(b) < 2000 and _DP_HINT.search(b)]
        if widgets:
            data_points = find_facts("\n".join(widgets), []).data_points
    if data_points is None and document.structured.sample_size:
        data_points = document.structured.sample_size
    if data_points is not None and data_points < 10:
        warnings.append(f"thin evidence: figures rest on {data_points} data points")
    record = PageRecord(
        source=source, url=document.url, title=document.title,
        role=role or document.structured.role, country=country, region=region,
        updated=(facts.updated if facts else None) or document.structured.updated,
        salaries=salaries, experience_bands=experience_bands(doc, document),
        skills=skills, certifications=certs, data_points=data_points,
        confidence_label=facts.confidence_label if facts else None,
        seniority_mix=[SeniorityShare(**m) for m in (facts.seniority_mix if facts else [])],
        location_premiums=premiums, sources=facts.sources if facts else [], warnings=warnings,
    )
    return record
