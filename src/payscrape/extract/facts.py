"""Page facts: data-point counts, update dates, confidence labels, cited sources, seniority mix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from .experience import seniority_of

_F = regex.I

_COUNT = r"(?P<n>\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})++(?!\d)|\d++)"
_UNITS = (r"(?:data\s*points?|datapoints|salar(?:y|ies)|records?|submissions?|reports?|responses?|"
          r"profiles?|samples?|employees|respondents|entries|observations|postings?|job\s+ads|ads|"
          r"adverts|offers?|placements?|graduates|contracts?|vacanc(?:y|ies)|listings?|reviews|"
          r"professionals|workers|surveys?|data\s+sets?|pay\s+slips|payslips)")
_NOT_LOWER = r"(?-i:(?!\p{Ll}))"
DATA_POINTS = [
    regex.compile(rf"\b(?:based\s+on|built\s+(?:from|on)|drawn\s+from|draws\s+on|compiled\s+from|"
                  rf"derived\s+from|calculated\s+from|using|from|across|survey\s+of|poll\s+of)\s+"
                  rf"(?:our\s+analysis\s+of\s+|[\w-]+\s+on\s+)?"
                  rf"(?:more\s+than\s+|over\s+|nearly\s+|almost\s+)?{_COUNT}\s+(?:[\w-]+\s+){{0,3}}?"
                  rf"{_UNITS}{_NOT_LOWER}", _F),
    regex.compile(rf"\b{_COUNT}\s+(?:[\w-]+\s+){{0,2}}?(?:data\s*points?|salary\s+records?|"
                  r"salaries\s+(?:reported|submitted|shared)|salary\s+(?:reports?|submissions?|"
                  r"profiles?|responses?|data\s+points?|entries)|(?:anonymous\s+)?submissions|"
                  rf"respondents|survey\s+responses|reported\s+salaries){_NOT_LOWER}", _F),
    regex.compile(rf"\b(?:sample|sample\s+size)\s*(?:of\s+|:\s*|was\s+|is\s+|=\s*){_COUNT}\b", _F),
    regex.compile(rf"(?<![\w])[nN]\s?=\s?{_COUNT}\b", regex.V1),
    # a stat card: "Reports 386", "Data points: 1,204"
    regex.compile(rf"(?m)^\s*(?:salaries|salary\s+reports|reports|data\s*points|submissions|"
                  rf"responses|respondents|sample(?:\s+size)?|records|profiles)\s*[:\-–]?\s*"
                  rf"{_COUNT}\s*$", _F),
]
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
UPDATED = regex.compile(
    r"\b(?:last\s+)?(?:updated|modified|reviewed|published|data\s+as\s+of|as\s+of)\s*(?:on\s+)?[:\-–]?\s*"
    rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MON})\s*,?\s+(?P<y1>20\d\d)"
    rf"|(?P<m2>{_MON})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y2>20\d\d)"
    r"|(?P<iso>20\d\d-\d\d(?:-\d\d)?))", _F,
)
CONFIDENCE = regex.compile(
    r"\bconfidence(?:\s+(?:score|level|rating|grade))?(?:\s+for\s+this\s+\w+)?\s*"
    r"(?:[:\-–]\s*|is\s+rated\s+|rated\s+|is\s+|of\s+)?[\"“”']?"
    r"(?P<label>extrapolated|very\s+high|high|medium|moderate|low|limited|strong|estimated|"
    r"verified|insufficient)\b", _F,
)
SOURCES: dict[str, str] = {
    "Glassdoor": r"glassdoor", "PayScale": r"payscale", "Indeed": r"indeed(?:\.com)?",
    "LinkedIn": r"linkedin(?:\s+salary)?", "Levels.fyi": r"levels\.fyi",
    "U.S. Bureau of Labor Statistics": r"(?:u\.?s\.?\s+)?bureau\s+of\s+labor\s+statistics|\bBLS\b",
    "Eurostat": r"eurostat", "Statistics Canada": r"statistics\s+canada|statcan",
    "Job Bank": r"(?:government\s+of\s+canada\s+)?job\s+bank", "ONS": r"office\s+for\s+national\s+statistics|\bONS\b",
    "ZipRecruiter": r"ziprecruiter", "Salary.com": r"salary\.com", "Talent.com": r"talent\.com",
    "Hays": r"hays\s+salary\s+guide", "Robert Half": r"robert\s+half",
    "Stack Overflow Developer Survey": r"stack\s+overflow\s+(?:developer\s+)?survey",
    "AmbitionBox": r"ambitionbox", "Naukri": r"naukri", "SEEK": r"\bSEEK\b",
    "StepStone": r"stepstone", "Destatis": r"destatis", "Australian Bureau of Statistics":
    r"australian\s+bureau\s+of\s+statistics|\bABS\b", "O*NET": r"o\*net",
    "Dice": r"\bdice(?:\.com)?\s+(?:salary|tech)", "Built In": r"\bbuilt\s?in\b(?=\s+(?:salary|data))",
    "Reed": r"\breed\.co\.uk|\breed\s+salary", "Adzuna": r"adzuna", "Comparably": r"comparably",
    "Blind": r"\bteam\s?blind\b",
}
SOURCE_CUE = regex.compile(
    r"\b(?:sources?|according\s+to|data\s+(?:from|by)|reported\s+by|per|via|cites?|citing|"
    r"based\s+on|from|use|using|against|weighted|checked|survey|statistics|figures|estimates?)\b",
    _F,
)
#: "Glassdoor lists …", "Job Bank reports …", "Eurostat's survey": the source speaks.
SOURCE_AFTER = regex.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:lists?|reports?|reported|data|shows?|says|estimates?|"
    r"survey|figures|records?|puts|finds?|found|publishes|places)\b", _F,
)
_CASE_EXACT_SOURCES = frozenset({"SEEK", "ONS"})
_SOURCE_RX = {n: regex.compile(rf"(?<![\w.])(?:{rx})", 0 if n in _CASE_EXACT_SOURCES else regex.I)
              for n, rx in SOURCES.items()}
#: Lower-case literals one of which every mention of the source contains (a cheap pre-check).
_SOURCE_KEYS: dict[str, tuple[str, ...]] = {
    "Glassdoor": ("glassdoor",), "PayScale": ("payscale",), "Indeed": ("indeed",),
    "LinkedIn": ("linkedin",), "Levels.fyi": ("levels.fyi",),
    "U.S. Bureau of Labor Statistics": ("labor statistics", "bls"), "Eurostat": ("eurostat",),
    "Statistics Canada": ("statistics canada", "statcan"), "Job Bank": ("job bank",),
    "ONS": ("national statistics", "ons"), "ZipRecruiter": ("ziprecruiter",),
    "Salary.com": ("salary.com",), "Talent.com": ("talent.com",), "Hays": ("hays",),
    "Robert Half": ("robert half",), "Stack Overflow Developer Survey": ("stack overflow",),
    "AmbitionBox": ("ambitionbox",), "Naukri": ("naukri",), "SEEK": ("seek",),
    "StepStone": ("stepstone",), "Destatis": ("destatis",),
    "Australian Bureau of Statistics": ("australian bureau", "abs"), "O*NET": ("o*net",),
    "Dice": ("dice",), "Built In": ("built",), "Reed": ("reed",), "Adzuna": ("adzuna",),
    "Comparably": ("comparably",), "Blind": ("blind",),
}
MIX_LINE = regex.compile(r"^\s*(?P<label>[\p{L} /&-]{3,40}?)\s*[:\-–]?\s*(?P<pct>\d{1,3}(?:\.\d)?)\s*%\s*$")
MIX_PROSE = regex.compile(
    r"(?P<pct>\d{1,3}(?:\.\d)?)\s*%\s+of\s+(?:the\s+)?(?:sampled\s+|surveyed\s+)?"
    r"(?:population|respondents|salaries|professionals|sample|data)\s+(?:\w+\s+){0,4}?"
    r"(?:at|in|are|is)\s+(?:the\s+)?(?P<label>[\p{L} /-]{3,30}?)\s+(?:tier|level|band)\b", _F,
)


@dataclass(slots=True)
class Facts:
    """What ``payscrape_counts`` finds on a page."""

    data_points: int | None = None
    data_points_span: tuple[int, int] | None = None
    updated: str | None = None
    confidence_label: str | None = None
    sources: list[str] = field(default_factory=list)
    seniority_mix: list[dict[str, Any]] = field(default_factory=list)


def _month(word: str) -> int:
    w = word.lower().rstrip(".")[:3]
    return [m[:3] for m in _MONTHS].index(w) + 1


def find_facts(text: str, units: list[Any]) -> Facts:
    """Scan the text for page-level facts."""
    facts = Facts()
    counts: dict[int, tuple[int, int]] = {}
    order: list[int] = []
    for rx in DATA_POINTS:
        for m in rx.finditer(text):
            n = int(regex.sub(r"\D", "", m.group("n")))
            if 1 <= n <= 10_000_000 and not (1990 <= n <= 2100 and m.group("n").isdigit()):
                if n not in counts:
                    order.append(n)
                counts.setdefault(n, m.span("n"))
    if order:
        facts.data_points = order[0] if len(order) == 1 else min(
            order, key=lambda n: counts[n][0])
        facts.data_points_span = counts[facts.data_points]
    m = UPDATED.search(text)
    if m:
        g = m.groupdict()
        if g["iso"]:
            facts.updated = g["iso"]
        elif g["y1"]:
            facts.updated = f"{g['y1']}-{_month(g['m1']):02d}-{int(g['d1']):02d}"
        elif g["d2"]:
            facts.updated = f"{g['y2']}-{_month(g['m2']):02d}-{int(g['d2']):02d}"
        else:
            facts.updated = f"{g['y2']}-{_month(g['m2']):02d}"
    m = CONFIDENCE.search(text)
    if m:
        facts.confidence_label = " ".join(w.capitalize() for w in m.group("label").split())
    lower = text.lower()
    for name, rx in _SOURCE_RX.items():
        if not any(k in lower for k in _SOURCE_KEYS[name]):
            continue
        for sm in rx.finditer(text):
            window = text[max(0, sm.start() - 80):sm.start()]
            after = text[sm.end():sm.end() + 60]
            if SOURCE_CUE.search(window) or SOURCE_AFTER.match(after) or regex.match(
                    r"\s*source", after, _F):
                facts.sources.append(name)
                break
    facts.sources.sort()
    seen: set[str] = set()
    for u in units:
        line = text[u.start:u.end]
        if len(line) > 60:
            continue
        mm = MIX_LINE.match(line)
        if mm:
            level = seniority_of(mm.group("label"))
            if level and level not in seen:
                seen.add(level)
                facts.seniority_mix.append({
                    "level": level, "share": round(float(mm.group("pct")) / 100, 4),
                    "text": line, "start": u.start, "end": u.end,
                })
    for mm in MIX_PROSE.finditer(text):
        level = seniority_of(mm.group("label"))
        if level and level not in seen:
            seen.add(level)
            facts.seniority_mix.append({
                "level": level, "share": round(float(mm.group("pct")) / 100, 4),
                "text": mm.group(0), "start": mm.start(), "end": mm.end(),
            })
    return facts
