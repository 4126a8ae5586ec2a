"""The occupation a page is about, and the market (country, region) it describes."""

from __future__ import annotations

from collections import Counter

import regex

from ..document import Document
from .geo import find_places

_F = regex.V1

_W = r"(?:[A-Z][\w&+./'-]*|\([A-Z]{2,5}\)|of|and|&|for|in(?=\s[A-Z][a-z]+\s(?:Engineer|Developer|Manager|Specialist|Analyst|Designer)))"
_ROLE = rf"(?P<role>{_W}(?:\s{_W}){{0,6}})"
_TAIL = r"(?=\s+(?:in|salary|salaries|pay|wages?|jobs?|career|careers|guide|\||-|–|—|:|\?|do\b|make\b|earn)|\s*[?:|–—,.]|\s*$)"
ROLE_PATTERNS = [
    regex.compile(rf"(?i:market intelligence|salary (?:report|guide|data))\s*[:\-–]\s*{_ROLE}\s+in\s", _F),
    regex.compile(rf"(?i:how to become an?|how do i become an?|becoming an?|become an?)\s+{_ROLE}{_TAIL}", _F),
    regex.compile(rf"(?i:what does an?|what is an?|what do)\s+{_ROLE}\s+(?i:do|earn|make)\b", _F),
    regex.compile(rf"(?i:how much does an?|how much do)\s+{_ROLE}\s+(?i:make|earn|get paid)", _F),
    regex.compile(rf"(?i:average)\s+{_ROLE}\s+(?i:salary|salaries|pay|wage)", _F),
    regex.compile(rf"^{_ROLE}\s+(?i:salary|salaries|pay|wages?|hourly rates?|day rates?)\b", _F | regex.M),
    regex.compile(rf"(?i:salary|salaries|pay) (?i:for|of) an?\s+{_ROLE}{_TAIL}", _F),
    regex.compile(rf"(?<![\w])(?:As|as) an?\s+{_ROLE}\s+in\s+[A-Z]", _F),
    regex.compile(rf"^{_ROLE}\s+in\s+[A-Z][a-z]+", _F | regex.M),
]
ROLE_HEAD = regex.compile(
    r"\b(?:Engineers?|Developers?|Scientists?|Analysts?|Managers?|Leads?|Architects?|Designers?|"
    r"Administrators?|Specialists?|Consultants?|Nurses?|Accountants?|Technicians?|Technologists?|"
    r"Officers?|Directors?|Electricians?|Plumbers?|Teachers?|Writers?|Assistants?|Coordinators?|"
    r"Programmers?|Researchers?|Therapists?|Pharmacists?|Mechanics?|Drivers?|Operators?|"
    r"Auditors?|Advisors?|Advisers?|Controllers?|Tester|Testers|Owners?|Associates?|Chefs?|"
    r"Carpenters?|Welders?|Paralegals?|Lawyers?|Attorneys?|Physicians?|Doctors?|Dentists?|"
    r"Hygienists?|Strategists?|Marketers?|Recruiters?|Representatives?|Agents?|Clerks?|"
    r"Supervisors?|Planners?|Inspectors?|Surveyors?|Economists?|Statisticians?|Actuaries|Actuary|"
    r"Editors?|Journalists?|Photographers?|Pilots?|Attendants?|Dispatchers?|Handlers?|Workers?|"
    r"Professionals?|Practitioners?|Bookkeepers?|Cashiers?|Stewards?|Instructors?|Tutors?|"
    r"Lecturers?|Professors?|Librarians?|Counsellors?|Counselors?|Psychologists?|Paramedics?|"
    r"Midwives|Midwife|Radiographers?|Sonographers?|Veterinarians?|Vets?|Machinists?|Millwrights?|"
    r"Fitters?|Installers?|Riggers?|Crane Operators?|Cooks?|Bakers?|Baristas?|Servers?|"
    r"Hosts?|Guards?|Firefighters?|Police Officers?|Constables?|Soldiers?)$"
)
_PAREN_ABBR = regex.compile(r"\s*\([A-Z]{2,5}\)")


def _clean_role(raw: str) -> str | None:
    role = _PAREN_ABBR.sub("", raw).strip(" .,:;-–—")
    role = regex.sub(r"\s+", " ", role)
    words = role.split()
    if not words or len(words) > 7:
        return None
    # cut trailing words after the role head (e.g. "Engineer Professionals")
    for i in range(len(words), 0, -1):
        if ROLE_HEAD.search(" ".join(words[:i])):
            words = words[:i]
            break
    else:
        return None
    role = " ".join(words)
    last = words[-1]
    if last.endswith("s") and not last.endswith("ss") and last not in {"Actuaries", "Midwives"}:
        words[-1] = last[:-1]
        role = " ".join(words)
    return role


def find_role(document: Document) -> str | None:
    """The occupation named by the title, headings or first paragraphs."""
    sources: list[str] = []
    if document.title:
        sources.append(document.title)
    heads = [document.block_text(b) for b in document.blocks[:80] if b.kind == "heading"]
    sources.extend(heads)
    sources.append(document.text[:3000])
    for text in sources:
        for rx in ROLE_PATTERNS:
            for m in rx.finditer(text):
                role = _clean_role(m.group("role"))
                if role:
                    return _title_case(role)
    return None


def _title_case(role: str) -> str:
    small = {"of", "and", "for", "in", "&"}
    return " ".join(w if (w.isupper() or any(c.isupper() for c in w[1:]) or w in small)
                    else w[:1].upper() + w[1:] for w in role.split())


def find_market(document: Document) -> tuple[str | None, str | None]:
    """``(country code, region)`` of the market the page describes."""
    countries: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    title_country: str | None = None
    title_region: str | None = None
    if document.title:
        for _s, _e, kind, name, code in find_places(document.title):
            if kind == "country" and title_country is None:
                title_country = code
            if kind == "region" and title_region is None:
                title_region, title_country = name, title_country or code
    for _s, _e, kind, name, code in find_places(document.text):
        weight = 3 if kind == "country" else 2 if kind == "region" else 1
        countries[code] += weight
        if kind == "region":
            regions[name] += 1
    country = title_country or (countries.most_common(1)[0][0] if countries else None)
    region = title_region
    if region is None and regions:
        name, n = regions.most_common(1)[0]
        if n >= 2:
            from .geo import REGIONS
            region = name if REGIONS.get(name) == country else None
    return country, region
