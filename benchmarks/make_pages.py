#!/usr/bin/env python3
"""Generate heavy, realistic salary-report / career-guide HTML pages for benchmarking.

Deterministic (fixed seed, standard library only): the same arguments always write the same
bytes. Each page is 50-100 KB: the main content block of one fixture page (a salary report
or a career guide from ``fixtures/corpus`` or ``fixtures/seeds_html``) with its role renamed,
its money amounts and sample counts rescaled and some of its sections reordered, sometimes
followed by a section borrowed from another fixture, wrapped in the furniture of a real
commercial page: a large ``<head>`` (dozens of ``<meta>``/``<link>`` tags, JSON-LD), big
``<style>`` blocks, analytics / consent / ad-config scripts and JSON blobs full of prices, an
inline SVG sprite and icons, a cookie banner with a vendor list, a mega-menu with hundreds of
links, ad slots with prices (some inside the article), a sidebar with a salary calculator, a
related-articles grid, a comment thread and a footer with link columns.

Four site templates are used in turn-ish (chosen by the seeded RNG): two with semantic markup
(``<header>/<nav>/<main>/<aside>/<footer>``), one WordPress-like, and one ``<div>`` soup with
unhelpful class names, as many real sites have.

Usage::

    python benchmarks/make_pages.py                       # 200 pages -> benchmarks/pages/
    python benchmarks/make_pages.py --n 50 --out /tmp/p   # 50 pages elsewhere
    python benchmarks/make_pages.py --scaling             # also 4N pages -> benchmarks/pages-4x/

Page ``i`` depends only on the seed and ``i``, so the first N pages of the 4N set are the N set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SOURCE_DIRS = (
    ROOT / "fixtures" / "corpus" / "reports",
    ROOT / "fixtures" / "corpus" / "guides",
    ROOT / "fixtures" / "seeds_html",
)
DEFAULT_SEED = 20260301
DEFAULT_N = 1000
DEFAULT_OUT = HERE / "pages"
SCALING_FACTOR = 4
MIN_BYTES, MAX_BYTES = 50_000, 100_000

# --------------------------------------------------------------------------------------------
# vocabularies
# --------------------------------------------------------------------------------------------

ROLES = [
    "Data Analyst",
    "Data Engineer",
    "Data Scientist",
    "Machine Learning Engineer",
    "Software Engineer",
    "Backend Developer",
    "Frontend Developer",
    "Full Stack Developer",
    "DevOps Engineer",
    "Site Reliability Engineer",
    "Cloud Engineer",
    "Cloud Architect",
    "Platform Engineer",
    "Security Analyst",
    "Cyber Security Engineer",
    "Network Engineer",
    "Database Administrator",
    "Business Analyst",
    "Product Manager",
    "Project Manager",
    "Scrum Master",
    "QA Engineer",
    "Test Automation Engineer",
    "Mobile Developer",
    "iOS Developer",
    "Android Developer",
    "UX Designer",
    "UI Designer",
    "Product Designer",
    "Technical Writer",
    "Solutions Architect",
    "Systems Administrator",
    "IT Support Specialist",
    "BI Developer",
    "Analytics Engineer",
    "Data Architect",
    "Embedded Software Engineer",
    "Game Developer",
    "Registered Nurse",
    "Nurse Practitioner",
    "Pharmacist",
    "Physiotherapist",
    "Accountant",
    "Financial Analyst",
    "Payroll Specialist",
    "HR Specialist",
    "Recruiter",
    "Marketing Manager",
    "Digital Marketing Specialist",
    "SEO Specialist",
    "Content Strategist",
    "Sales Engineer",
    "Account Executive",
    "Customer Success Manager",
    "Operations Manager",
    "Supply Chain Analyst",
    "Civil Engineer",
    "Mechanical Engineer",
    "Electrical Engineer",
    "Electrician",
    "Plumber",
    "Welder",
    "Carpenter",
    "Paralegal",
    "Teacher",
    "Actuary",
    "Quantity Surveyor",
    "Architect",
    "Graphic Designer",
]

CITIES = [
    "New York",
    "San Francisco",
    "Seattle",
    "Austin",
    "Chicago",
    "Boston",
    "Denver",
    "Atlanta",
    "Dallas",
    "Miami",
    "Toronto",
    "Vancouver",
    "Montreal",
    "Calgary",
    "Ottawa",
    "London",
    "Manchester",
    "Edinburgh",
    "Bristol",
    "Leeds",
    "Dublin",
    "Berlin",
    "Munich",
    "Hamburg",
    "Frankfurt",
    "Zurich",
    "Geneva",
    "Amsterdam",
    "Rotterdam",
    "Paris",
    "Lyon",
    "Madrid",
    "Barcelona",
    "Lisbon",
    "Milan",
    "Stockholm",
    "Copenhagen",
    "Oslo",
    "Helsinki",
    "Warsaw",
    "Prague",
    "Vienna",
    "Sydney",
    "Melbourne",
    "Brisbane",
    "Perth",
    "Auckland",
    "Wellington",
    "Singapore",
    "Bengaluru",
    "Hyderabad",
    "Pune",
    "Mumbai",
    "Delhi",
    "Dubai",
    "Tokyo",
]

COMPANIES = [
    "Northwind Analytics",
    "Bluefin Systems",
    "Crestline Bank",
    "Harbor Health",
    "Ironbark Labs",
    "Juniper Freight",
    "Kestrel Retail",
    "Lumen Insurance",
    "Maple Grid Energy",
    "Nimbus Cloud",
    "Orchard Media",
    "Pinecrest Logistics",
    "Quartz Payments",
    "Redwood Pharma",
    "Silverline Telecom",
    "Tidewater Foods",
    "Umbra Security",
    "Vantage Motors",
    "Willow Software",
    "Yarrow Biotech",
    "Zephyr Airlines",
    "Alder & Finch",
    "Beacon Robotics",
    "Cobalt Games",
    "Driftwood Hotels",
    "Ember Mobility",
    "Fjord Capital",
    "Granite Construction Co",
    "Halcyon Travel",
    "Indigo Learning",
]

COURSES = [
    ("Data Analytics Bootcamp", 2990),
    ("Python for Everyone", 49),
    ("SQL Mastery", 79),
    ("AWS Solutions Architect Prep", 199),
    ("Full-Stack Web Development", 7900),
    ("UX Design Certificate", 1490),
    ("Project Management Professional Prep", 349),
    ("Machine Learning Specialisation", 399),
    ("Excel for Finance", 39),
    ("Cyber Security Fundamentals", 249),
    ("Power BI Dashboards", 89),
    ("Kubernetes in Production", 299),
    ("Digital Marketing Diploma", 1190),
    ("Agile & Scrum Certification", 179),
    ("Salary Negotiation Masterclass", 59),
]

FIRST = [
    "Alex",
    "Priya",
    "Jordan",
    "Mei",
    "Sam",
    "Olu",
    "Hannah",
    "Luca",
    "Aisha",
    "Tom",
    "Sofia",
    "Ravi",
    "Emma",
    "Kenji",
    "Fatima",
    "Noah",
    "Chloe",
    "Diego",
    "Ingrid",
    "Marcus",
    "Zara",
    "Ben",
    "Leila",
    "Owen",
    "Nadia",
    "Felix",
    "Grace",
    "Ivan",
    "Julia",
    "Kwame",
]
LAST = [
    "Nguyen",
    "Patel",
    "Smith",
    "Okafor",
    "Müller",
    "Rossi",
    "Kowalski",
    "Silva",
    "Tanaka",
    "Brown",
    "Haddad",
    "Johansson",
    "O'Brien",
    "Garcia",
    "Kim",
    "Dubois",
    "Novak",
    "Singh",
    "Walker",
    "Moreau",
    "Chen",
    "Ali",
    "Larsen",
    "Costa",
    "Evans",
]

SITES = [
    ("PayScope", "payscope.example"),
    ("SalaryLens", "salarylens.example"),
    ("CareerCompass", "careercompass.example"),
    ("WageWise", "wagewise.example"),
    ("JobHorizon", "jobhorizon.example"),
    ("TalentLedger", "talentledger.example"),
    ("PayBench", "paybench.example"),
    ("WorkNorth", "worknorth.example"),
]

LOCALES = [
    "en-US",
    "en-GB",
    "en-CA",
    "en-AU",
    "en-IN",
    "de-DE",
    "fr-FR",
    "es-ES",
    "nl-NL",
    "it-IT",
    "pt-PT",
    "sv-SE",
    "pl-PL",
    "ja-JP",
]

CURRENCY_OF = {
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "¥": "JPY",
    "CHF": "CHF",
    "A$": "AUD",
    "C$": "CAD",
    "NZ$": "NZD",
}

COMMENT_TEMPLATES = [
    "I'm a {role} in {city} with {y} years of experience and I make {amt}. This page is pretty close.",
    "These numbers feel high for {city}. My last offer was {amt} and that was considered good.",
    "Great breakdown, thanks! Does the {amt} figure include bonus or is it base only?",
    "Switched from retail to {role} two years ago. Went from {small} to {amt}. Worth it.",
    "Anyone know if remote roles pay the {city} rate or a national rate?",
    "The cost-of-living section is the most useful part. Rent alone eats half of {amt} here.",
    "Would love to see a breakdown by company size. Start-ups around me pay {small} plus equity.",
    "Just negotiated {amt} after reading the negotiation tips. Ask for more, people!",
    "I hire {role}s and honestly we'd pay {amt} for someone strong in the skills listed above.",
    "Is the certification really worth {small}? My employer didn't care about it at all.",
    "Numbers for juniors look optimistic. Most grads I know started around {small}.",
    "Bookmarked. Will share with my team before our review cycle.",
]

RELATED_TEMPLATES = [
    "How much does a {role} make in {city}?",
    "{role} salary guide {year}",
    "How to become a {role}: a step-by-step guide",
    "{role} vs {role2}: pay, skills and outlook",
    "The 10 best-paying cities for {role}s",
    "What does a {role} do all day?",
    "Is {role} a good career in {year}?",
    "{role} interview questions (and answers)",
    "Entry-level {role} jobs: where to start",
    "Remote {role} pay: who pays the most?",
]

CSS_COMPONENTS = [
    "header",
    "nav",
    "mega",
    "menu",
    "card",
    "grid",
    "btn",
    "hero",
    "stat",
    "table",
    "badge",
    "chip",
    "toc",
    "faq",
    "comment",
    "footer",
    "ad",
    "modal",
    "toast",
    "cookie",
    "form",
    "input",
    "select",
    "avatar",
    "share",
    "tooltip",
    "tabs",
    "accordion",
    "pager",
    "rail",
    "promo",
    "newsletter",
    "chart",
    "legend",
    "bar",
]
CSS_PARTS = [
    "",
    "__title",
    "__body",
    "__item",
    "__link",
    "__icon",
    "__label",
    "__value",
    "__meta",
    "__list",
    "--active",
    "--large",
    "--compact",
    "--dark",
    "--muted",
    ":hover",
    "::before",
    "::after",
    ":focus-visible",
    " > a",
    " li",
    " svg",
]
CSS_PROPS = [
    "display:flex",
    "display:grid",
    "display:block",
    "display:inline-flex",
    "align-items:center",
    "justify-content:space-between",
    "gap:{n}px",
    "padding:{n}px {m}px",
    "margin:0 0 {n}px",
    "font-size:{f}rem",
    "font-weight:{w}",
    "line-height:{l}",
    "color:#{c}",
    "background:#{c}",
    "border:1px solid #{c}",
    "border-radius:{n}px",
    "box-shadow:0 {n}px {m}px rgba(0,0,0,.{o})",
    "grid-template-columns:repeat({k},minmax(0,1fr))",
    "position:relative",
    "position:absolute",
    "top:{n}px",
    "left:0",
    "right:0",
    "z-index:{z}",
    "width:100%",
    "max-width:{x}px",
    "min-height:{n}px",
    "overflow:hidden",
    "text-overflow:ellipsis",
    "white-space:nowrap",
    "transition:all .{o}s ease-in-out",
    "transform:translateY(-{n}px)",
    "opacity:.{o}",
    "letter-spacing:.0{o}em",
    "text-transform:uppercase",
    "cursor:pointer",
    "font-family:var(--font-{k})",
    "background-image:url(/static/img/bg-{c}.webp)",
]

JS_WORDS = [
    "price",
    "amount",
    "currency",
    "salary",
    "median",
    "percentile",
    "track",
    "event",
    "render",
    "state",
    "props",
    "user",
    "session",
    "consent",
    "slot",
    "bid",
    "floor",
    "layout",
    "menu",
    "toggle",
    "open",
    "close",
    "scroll",
    "resize",
    "observer",
    "lazy",
    "image",
    "fetch",
    "cache",
    "query",
    "filter",
    "sort",
    "chart",
    "tooltip",
    "format",
    "locale",
    "experiment",
    "variant",
    "flag",
    "config",
    "init",
]

# --------------------------------------------------------------------------------------------
# content sources: the main content block of each fixture page
# --------------------------------------------------------------------------------------------

VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
_CONTENTISH = re.compile(
    r"(?:^|[\s_-])(?:content|main|primary|article|post|report|guide|"
    r"profile|entry|body|page)(?:$|[\s_-])",
    re.IGNORECASE,
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    start: int
    inner_start: int
    inner_end: int
    end: int
    depth: int


class _SpanParser(HTMLParser):
    """Records the character span of every element (tolerant of unclosed tags)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0]
        for m in re.finditer("\n", text):
            self.line_starts.append(m.end())
        self.stack: list[tuple[str, dict[str, str], int, int]] = []
        self.elements: list[Element] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        a = {k: v or "" for k, v in attrs}
        if tag in VOID:
            self.elements.append(Element(tag, a, start, end, end, end, len(self.stack)))
        else:
            self.stack.append((tag, a, start, end))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end = start + len(self.get_starttag_text() or "")
        self.elements.append(
            Element(tag, {k: v or "" for k, v in attrs}, start, end, end, end, len(self.stack))
        )

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                break
        else:
            return
        close_start = self._offset()
        close_end = self.text.find(">", close_start) + 1
        while len(self.stack) > k:
            t, a, s, inner = self.stack.pop()
            mine = len(self.stack) == k
            self.elements.append(
                Element(
                    t, a, s, inner, close_start, close_end if mine else close_start, len(self.stack)
                )
            )


def parse_spans(text: str) -> list[Element]:
    p = _SpanParser(text)
    p.feed(text)
    p.close()
    return sorted(p.elements, key=lambda e: (e.start, -e.end))


def strip_tags(fragment: str) -> str:
    fragment = re.sub(r"(?is)<(script|style|svg)\b.*?</\1>", " ", fragment)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def _clean_fragment(fragment: str) -> str:
    fragment = re.sub(r"(?is)<!--.*?-->", "", fragment)
    fragment = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1>", "", fragment)
    return fragment


@dataclass
class Source:
    name: str
    kind: str  # "report" | "guide"
    role: str | None
    title: str
    description: str
    currency: str  # the most frequent currency sign of its amounts
    head: str  # opening markup and the h1: always first
    groups: list[str]  # sections (whole sibling elements): these may be reordered
    tail: str  # closing markup: always last


MOJIBAKE = re.compile("â€|Ã[\x80-\xbf©]|ยท|โ€|\ufffd")
HEADING_CLASS = re.compile(r"(?:^|[\s_-])h[23](?:$|[\s_-])|title|heading", re.IGNORECASE)
FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|topbar|top-bar|masthead|footer|sidebar|side-box|"
    r"side-ad|breadcrumbs?|crumbs|toc|share|newsletter)(?:$|[\s_-])",
    re.IGNORECASE,
)


def _starts_group(el: Element, text: str) -> bool:
    if el.tag in ("h2", "h3", "section", "details"):
        return True
    if el.tag in ("div", "aside", "table", "dl", "ol", "ul", "article", "figure"):
        head = text[el.inner_start : el.inner_start + 400]
        if re.match(r"\s*<(?:h2|h3)\b", head, re.IGNORECASE):
            return True
        if re.match(r"""\s*<div[^>]*class=["'][^"']*(?:h2|title|heading)""", head, re.IGNORECASE):
            return True
    return el.tag == "div" and HEADING_CLASS.search(el.attrs.get("class", "")) is not None


def _is_furniture(el: Element) -> bool:
    if el.tag in (
        "header",
        "nav",
        "footer",
        "form",
        "script",
        "style",
        "noscript",
        "template",
        "aside",
    ):
        return True
    names = " ".join((el.attrs.get("id", ""), el.attrs.get("class", "")))
    return bool(FURNITURE.search(names))


def load_source(path: Path) -> Source | None:
    expected = path.with_name(path.name[: -len(path.suffix)] + ".expected.json")
    meta = json.loads(expected.read_text("utf-8")) if expected.exists() else {}
    kind = {"market_report": "report", "career_guide": "guide"}.get(meta.get("page_type", ""))
    if kind is None:
        return None
    raw = path.read_bytes()
    declared = re.search(rb"""charset=["']?([\w-]+)""", raw[:2000])
    try:
        text = raw.decode(declared.group(1).decode() if declared else "utf-8")
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("utf-8", errors="replace")
    if MOJIBAKE.search(text):  # fixtures that test mojibake repair: not plain content
        return None
    elements = parse_spans(text)
    h1s = [e for e in elements if e.tag == "h1"]
    bodies = [e for e in elements if e.tag == "body"]
    if not h1s or not bodies:
        return None
    h1, body = h1s[0], bodies[0]
    body_len = len(strip_tags(text[body.inner_start : body.inner_end]))

    def children(el: Element) -> list[Element]:
        return [
            e
            for e in elements
            if e.depth == el.depth + 1 and el.inner_start <= e.start and e.end <= el.inner_end
        ]

    root = body  # the innermost content-like element holding the h1 and much of the text
    for el in elements:
        if not (el.start <= h1.start and h1.end <= el.end) or el is body:
            continue
        named = (
            el.tag in ("main", "article")
            or el.attrs.get("role") == "main"
            or _CONTENTISH.search(" ".join((el.attrs.get("id", ""), el.attrs.get("class", ""))))
        )
        if not named or el.tag not in ("main", "article", "div", "section", "td"):
            continue
        if len(strip_tags(text[el.inner_start : el.inner_end])) < 0.3 * body_len:
            continue
        if el.end - el.start < root.end - root.start:
            root = el
    container = root  # descend through wrappers that hold most of the content
    while True:
        span = container.inner_end - container.inner_start
        big = [
            k
            for k in children(container)
            if k.end - k.start > 0.6 * span and k.tag in ("div", "section", "article", "main")
        ]
        if not big:
            break
        container = big[0]
    kids = [k for k in children(container) if (k.start <= h1.start < k.end) or not _is_furniture(k)]
    head_parts = [text[root.inner_start : container.inner_start]] if container is not root else []
    groups: list[list[str]] = []
    for k in kids:
        chunk = text[k.start : k.end]
        if k.start > h1.start and _starts_group(k, text):
            groups.append([chunk])
        elif groups:
            groups[-1].append(chunk)
        else:
            head_parts.append(chunk)
    tail = text[container.inner_end : root.inner_end] if container is not root else ""
    head = _clean_fragment("\n".join(head_parts)).strip()
    sections = [g for g in (_clean_fragment("\n".join(parts)).strip() for parts in groups) if g]
    if not head and not sections:
        return None
    title_m = re.search(r"(?is)<title[^>]*>(.*?)</title>", text)
    title = (
        strip_tags(title_m.group(1)) if title_m else strip_tags(text[h1.inner_start : h1.inner_end])
    )
    title = re.split(r"\s+[|–—·]\s+", title)[0].strip()
    desc_m = re.search(r'(?is)<meta\s+name="description"\s+content="([^"]*)"', text)
    description = unescape(desc_m.group(1)) if desc_m else strip_tags(head)[:155]
    return Source(
        path.stem,
        kind,
        meta.get("role"),
        title,
        description,
        main_currency(head + "".join(sections)),
        head,
        sections,
        _clean_fragment(tail).strip(),
    )


def load_sources() -> list[Source]:
    out = []
    for d in SOURCE_DIRS:
        for path in sorted(d.glob("*.htm*")):
            src = load_source(path)
            if src is not None:
                out.append(src)
    if not out:
        sys.exit("make_pages: no fixture pages found under fixtures/")
    return out


# --------------------------------------------------------------------------------------------
# varying the content: role names, money amounts, counts, section order
# --------------------------------------------------------------------------------------------

_CUR = (
    r"(?:NZ\$|A\$|C\$|CA\$|US\$|AU\$|S\$|R\$|[$€£₹¥]|&(?:pound|euro|yen|#163|#8364|#8377|#36);"
    r"|\b(?:USD|CAD|AUD|EUR|GBP|CHF|INR|SEK|NZD|Rs\.?)\s?)"
)
_NUM = r"\d{1,3}(?:[,.'’\u202f\u00a0]\d{3})+(?:[.,]\d{1,2})?|\d+(?:\.\d{1,2})?"
MONEY_BEFORE = re.compile(rf"(?P<cur>{_CUR})(?P<num>{_NUM})(?P<suf>\s?(?:[kKmM]|L|lakh|LPA)\b)?")
MONEY_AFTER = re.compile(
    rf"(?<![\d.,'’])(?P<num>{_NUM})(?P<sp>\s?)(?P<cur>€|&euro;|&#8364;|CHF\b|kr\b|SEK\b|EUR\b)"
)
COUNTS = re.compile(
    r"(?<![\d.,$€£])(?P<num>\d{1,3}(?:,\d{3})+|\d{2,6})(?P<rest>\s+(?:salaries|salary "
    r"reports|data points|responses|respondents|reports|profiles|submissions|"
    r"job postings|job ads|records|employees|people))\b"
)


def main_currency(fragment: str) -> str:
    text = strip_tags(fragment)
    signs = [unescape(m.group("cur")).strip() for m in MONEY_BEFORE.finditer(text)]
    signs += [unescape(m.group("cur")).strip() for m in MONEY_AFTER.finditer(text)]
    return max(sorted(set(signs)), key=signs.count) if signs else "$"


def _scale_number(num: str, factor: float) -> str:
    m = re.fullmatch(r"(\d{1,3})((?:([,.'’\u202f\u00a0])\d{3})+)(?:([.,])(\d{1,2}))?", num)
    if m and (m.group(4) is None or m.group(4) != m.group(3)):
        sep = m.group(3)
        digits = (m.group(1) + m.group(2)).replace(sep, "")
        decimals = m.group(5)
        if decimals is not None:  # 1.234,56 or 1,234.56: keep the cents
            value = float(f"{digits}.{decimals}") * factor
            whole, cents = f"{value:.{len(decimals)}f}".split(".")
            return f"{int(whole):,}".replace(",", sep) + m.group(4) + cents
        value = int(digits) * factor
        zeros = len(digits) - len(digits.rstrip("0"))
        step = 1000 if zeros >= 3 else 100 if zeros == 2 else 10 if zeros == 1 else 1
        value = max(step, round(value / step) * step)
        return f"{int(value):,}".replace(",", sep)
    if "." in num:
        whole, frac = num.split(".", 1)
        return f"{float(num) * factor:.{len(frac)}f}"
    value = int(num) * factor
    if int(num) >= 1000:
        zeros = len(num) - len(num.rstrip("0"))
        step = 1000 if zeros >= 3 else 100 if zeros == 2 else 10 if zeros == 1 else 1
        return str(max(step, round(value / step) * step))
    return str(max(1, round(value)))


def _map_text(fragment: str, fn) -> str:
    """Apply ``fn`` to the text between tags only (attributes and markup untouched)."""
    parts = re.split(r"(<[^>]*>)", fragment)
    skip = False
    for i, part in enumerate(parts):
        if i % 2:
            low = part[:8].lower()
            if low.startswith(("<script", "<style")):
                skip = True
            elif low.startswith(("</script", "</style")):
                skip = False
            continue
        if part and not skip:
            parts[i] = fn(part)
    return "".join(parts)


class Variator:
    def __init__(self, rng: random.Random, old_role: str | None, new_role: str) -> None:
        self.old_role = old_role
        self.new_role = new_role
        self.money = rng.uniform(0.8, 1.3)
        self.count = rng.uniform(0.5, 2.2)
        self.amounts: list[tuple[str, float]] = []

    def _money_before(self, m: re.Match[str]) -> str:
        new = _scale_number(m.group("num"), self.money)
        self._record(m.group("cur"), new, m.group("suf"))
        return m.group("cur") + new + (m.group("suf") or "")

    def _money_after(self, m: re.Match[str]) -> str:
        new = _scale_number(m.group("num"), self.money)
        self._record(m.group("cur"), new, None)
        return new + m.group("sp") + m.group("cur")

    def _record(self, cur: str, num: str, suffix: str | None) -> None:
        digits = re.sub(
            r"[^\d]",
            "",
            num.split(".")[0] if num.count(".") == 1 and len(num.split(".")[1]) <= 2 else num,
        )
        if digits and not suffix:
            self.amounts.append((unescape(cur).strip(), float(digits)))

    def _count(self, m: re.Match[str]) -> str:
        num = m.group("num")
        value = max(3, round(int(num.replace(",", "")) * self.count))
        return (f"{value:,}" if "," in num or value >= 10_000 else str(value)) + m.group("rest")

    def text(self, s: str) -> str:
        if self.old_role and self.old_role != self.new_role:
            s = s.replace(self.old_role, self.new_role)
            s = s.replace(self.old_role.lower(), self.new_role.lower())
        s = MONEY_BEFORE.sub(self._money_before, s)
        s = MONEY_AFTER.sub(self._money_after, s)
        return COUNTS.sub(self._count, s)

    def html(self, fragment: str) -> str:
        return _map_text(fragment, self.text)

    def title(self, s: str) -> str:
        if self.old_role and self.old_role != self.new_role:
            s = s.replace(self.old_role, self.new_role)
        return s


def reorder(rng: random.Random, groups: list[str]) -> list[str]:
    """Swap a few sections (never the heading block, which is kept apart)."""
    groups = list(groups)
    if len(groups) >= 3:
        for _ in range(rng.randint(1, max(1, len(groups) // 2))):
            i, j = rng.randrange(len(groups)), rng.randrange(len(groups))
            groups[i], groups[j] = groups[j], groups[i]
    return groups


# --------------------------------------------------------------------------------------------
# boilerplate
# --------------------------------------------------------------------------------------------


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def hexcolor(rng: random.Random) -> str:
    return f"{rng.randrange(0x1000000):06x}"


def svg_path(rng: random.Random, n: int) -> str:
    cmds = [f"M{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}"]
    for _ in range(n):
        c = rng.choice("LCQSA")
        if c == "L":
            cmds.append(f"L{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}")
        elif c == "C":
            cmds.append("C" + " ".join(f"{rng.uniform(0, 24):.2f}" for _ in range(6)))
        elif c == "Q" or c == "S":
            cmds.append(c + " ".join(f"{rng.uniform(0, 24):.2f}" for _ in range(4)))
        else:
            cmds.append(
                f"A{rng.uniform(1, 12):.1f} {rng.uniform(1, 12):.1f} 0 0 1 "
                f"{rng.uniform(0, 24):.2f} {rng.uniform(0, 24):.2f}"
            )
    return "".join(cmds) + "Z"


def icon(rng: random.Random, name: str, size: int = 20, n: int = 6) -> str:
    return (
        f'<svg class="icon icon-{name}" width="{size}" height="{size}" viewBox="0 0 24 24" '
        f'aria-hidden="true" focusable="false"><path fill="currentColor" d="{svg_path(rng, n)}"/></svg>'
    )


def sprite(rng: random.Random, scale: float = 1.0) -> str:
    names = [
        "search",
        "user",
        "menu",
        "close",
        "chevron-down",
        "chevron-right",
        "bookmark",
        "share",
        "facebook",
        "linkedin",
        "x",
        "whatsapp",
        "mail",
        "print",
        "star",
        "clock",
        "calendar",
        "pin",
        "briefcase",
        "chart",
        "download",
        "heart",
        "reply",
        "flag",
    ]
    names = names[: max(12, int(len(names) * scale))]
    syms = "".join(
        f'<symbol id="i-{n}" viewBox="0 0 24 24"><path d="{svg_path(rng, rng.randint(4, 10))}"/></symbol>'
        for n in names
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{syms}</svg>'


def use_icon(name: str) -> str:
    return f'<svg class="i" aria-hidden="true"><use href="#i-{name}"></use></svg>'


def css_rules(rng: random.Random, prefix: str, budget: int) -> str:
    out: list[str] = []
    size = 0
    while size < budget:
        r = rng.random()
        if r < 0.04:
            bp = rng.choice([480, 640, 768, 960, 1024, 1280])
            inner = css_rule(rng, prefix) + css_rule(rng, prefix)
            rule = f"@media (max-width:{bp}px){{{inner}}}\n"
        elif r < 0.06:
            rule = (
                f"@keyframes {prefix}-{rng.choice(CSS_COMPONENTS)}-{rng.randint(1, 9)}"
                f"{{0%{{opacity:0;transform:translateY({rng.randint(2, 20)}px)}}"
                f"100%{{opacity:1;transform:none}}}}\n"
            )
        elif r < 0.07:
            fam = rng.choice(["Inter", "Source Sans", "Merriweather", "Roboto"])
            rule = (
                f'@font-face{{font-family:"{fam}";font-style:normal;font-weight:{rng.choice([400, 600, 700])};'
                f"font-display:swap;src:url(/static/fonts/{slug(fam)}-{rng.randint(100, 999)}.woff2) "
                f'format("woff2");unicode-range:U+0000-00FF,U+0131,U+0152-0153}}\n'
            )
        else:
            rule = css_rule(rng, prefix) + "\n"
        out.append(rule)
        size += len(rule)
    return "".join(out)


def css_rule(rng: random.Random, prefix: str) -> str:
    sels = ",".join(
        f".{prefix}-{rng.choice(CSS_COMPONENTS)}{rng.choice(CSS_PARTS)}"
        for _ in range(rng.randint(1, 3))
    )
    props = []
    for _ in range(rng.randint(2, 7)):
        p = rng.choice(CSS_PROPS)
        props.append(
            p.format(
                n=rng.randint(0, 48),
                m=rng.randint(0, 64),
                f=round(rng.uniform(0.7, 2.6), 3),
                w=rng.choice([300, 400, 500, 600, 700, 800]),
                l=round(rng.uniform(1, 1.8), 2),
                c=hexcolor(rng),
                o=rng.randint(1, 9),
                k=rng.randint(2, 6),
                z=rng.choice([1, 2, 10, 50, 100, 999]),
                x=rng.choice([320, 640, 960, 1200, 1440]),
            )
        )
    return f"{sels}{{{';'.join(props)}}}"


def js_ident(rng: random.Random) -> str:
    return rng.choice("abcdefghijklmnopqrstuvwxyz") + rng.choice(
        ["", str(rng.randint(0, 9)), rng.choice("ABCDEFGHIJKLMNOP")]
    )


def js_module(rng: random.Random) -> str:
    """One webpack-style module with a few minified functions."""
    mid = rng.randint(1000, 99999)
    body = []
    for _ in range(rng.randint(2, 6)):
        f, a, b = js_ident(rng), js_ident(rng), js_ident(rng)
        w1, w2 = rng.choice(JS_WORDS), rng.choice(JS_WORDS)
        kind = rng.randint(0, 5)
        if kind == 0:
            body.append(
                f'function {f}({a},{b}){{return{a}.{w1}?"{rng.choice(["$", "£", "€"])}"+({a}.{w1}/100).toFixed(2):{b}.{w2}||""}}'
            )
        elif kind == 1:
            body.append(
                f"var {f}=function({a}){{var {b}=[];for(var i=0;i<{a}.length;i++){a}[i].{w1}>{rng.randint(0, 500)}&&{b}.push({a}[i].{w2});return {b}}}"
            )
        elif kind == 2:
            body.append(
                f'{f}.prototype.{w1}=function({a}){{this.{w2}=Object.assign({{}},this.{w2},{a});this.emit("{w1}:{w2}",{{ts:Date.now(),v:{rng.randint(1, 9)}}})}}'
            )
        elif kind == 3:
            body.append(
                f'const {f}={{{w1}:"{w2}-{rng.randint(0, 999)}",{w2}:{rng.randint(0, 99999)},currency:"{rng.choice(["USD", "GBP", "EUR", "CAD"])}",label:"{rng.choice(["Average salary", "Per year", "Per hour", "Median pay", "Upgrade for $4.99/mo", "Save 40% today"])}"}}'
            )
        elif kind == 4:
            body.append(
                f'document.querySelectorAll(".{rng.choice(CSS_COMPONENTS)}-{w1}").forEach(function({a}){{{a}.addEventListener("click",function({b}){{{b}.preventDefault();window.dataLayer.push({{event:"{w1}_{w2}",value:{rng.randint(0, 999)}}})}})}})'
            )
        else:
            body.append(
                f'try{{{f}(JSON.parse(localStorage.getItem("{w1}_{w2}")||"{{}}"))}}catch({a}){{console.warn("{w1}",{a})}}'
            )
    return f'{mid}:function(e,t,n){{"use strict";{";".join(body)}}}'


def js_bundle(rng: random.Random, budget: int) -> str:
    mods = []
    size = 0
    while size < budget:
        m = js_module(rng)
        mods.append(m)
        size += len(m) + 1
    chunk = rng.randint(100, 999)
    return (
        f"(self.webpackChunk_app=self.webpackChunk_app||[]).push([[{chunk}],{{{','.join(mods)}}}]);"
    )


def app_config(rng: random.Random, site: str, role: str, country_cur: str) -> str:
    plans = [
        {"id": p, "price": f"{c}{v:.2f}", "interval": i, "trialDays": rng.choice([0, 7, 14])}
        for p, v, i in (
            ("premium_monthly", rng.choice([9.99, 14.99, 19.99, 29.0]), "month"),
            ("premium_annual", rng.choice([99.0, 149.0, 199.0, 249.0]), "year"),
            ("resume_review", rng.choice([49.0, 79.0, 99.0]), "once"),
        )
        for c in [country_cur]
    ]
    cfg = {
        "site": site,
        "env": "production",
        "release": f"{rng.randint(2024, 2026)}.{rng.randint(1, 52)}.{rng.randint(0, 9)}",
        "page": {
            "type": "salary",
            "role": role,
            "slug": slug(role),
            "template": f"tpl-{rng.randint(1, 9)}",
        },
        "pricing": {
            "currency": CURRENCY_OF.get(country_cur, "USD"),
            "plans": plans,
            "promo": {
                "code": f"SAVE{rng.randint(10, 50)}",
                "label": f"Save {rng.randint(10, 50)}% - now {country_cur}{rng.randint(5, 30)}.99/month",
            },
        },
        "ads": {
            "network": "gpt",
            "lazyLoad": True,
            "refreshSeconds": rng.choice([30, 45, 60]),
            "floors": {
                u: f"${rng.uniform(0.2, 6):.2f}"
                for u in ("leaderboard", "mpu", "inline", "sticky", "native")
            },
            "units": [
                {
                    "code": f"/{rng.randint(10000, 99999)}/{slug(site)}/{slug(role)}/{u}",
                    "sizes": rng.sample(
                        [[728, 90], [970, 250], [300, 250], [300, 600], [320, 50], [336, 280]], 3
                    ),
                }
                for u in ("top", "inline-1", "inline-2", "rail-1", "rail-2", "sticky")
            ],
        },
        "experiments": {
            f"exp_{rng.choice(JS_WORDS)}_{i}": rng.choice(["control", "a", "b", "c"])
            for i in range(rng.randint(6, 14))
        },
        "features": {
            f"{rng.choice(JS_WORDS)}{rng.choice(JS_WORDS).title()}": rng.random() < 0.5
            for _ in range(rng.randint(10, 25))
        },
        "i18n": {
            "salary.perYear": "per year",
            "salary.perHour": "per hour",
            "salary.median": "Median",
            "salary.average": "Average base salary",
            "salary.range": "Most likely range",
            "cta.upgrade": f"Unlock full report for {country_cur}{rng.randint(5, 30)}",
            "cta.course": f"Courses from {country_cur}{rng.randint(9, 49)}.99",
            "cookie.accept": "Accept all",
        },
        "benchmarks": {
            slug(r): {
                "p25": rng.randint(30, 90) * 1000,
                "p50": rng.randint(60, 140) * 1000,
                "p75": rng.randint(90, 220) * 1000,
            }
            for r in rng.sample(ROLES, rng.randint(8, 20))
        },
    }
    return json.dumps(cfg, separators=(",", ":"), ensure_ascii=False)


def analytics(rng: random.Random) -> str:
    gid = f"G-{rng.randrange(16**10):010X}"
    gtm = f"GTM-{rng.randrange(36**7):07X}"
    return (
        "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}\n"
        "gtag('consent','default',{ad_storage:'denied',analytics_storage:'denied',ad_user_data:'denied',"
        "ad_personalization:'denied',wait_for_update:500});\n"
        f"gtag('js',new Date());gtag('config','{gid}',{{send_page_view:true,cookie_flags:'SameSite=None;Secure'}});\n"
        "(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
        "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;"
        f"j.src='https://www.googletagmanager.example/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);}})(window,document,'script','dataLayer','{gtm}');\n"
        "!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};"
        "if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;"
        "t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.pixel.example/fbevents.js');\n"
        f"fbq('init','{rng.randrange(10**15, 10**16)}');fbq('track','PageView');\n"
    )


def prebid(rng: random.Random, site: str) -> str:
    units = []
    for code in (
        "div-gpt-top",
        "div-gpt-inline-1",
        "div-gpt-inline-2",
        "div-gpt-rail-1",
        "div-gpt-sticky",
    ):
        bids = [
            {
                "bidder": b,
                "params": {
                    "placementId": rng.randint(10**6, 10**7),
                    "floor": round(rng.uniform(0.1, 5), 2),
                },
            }
            for b in rng.sample(
                ["appnexus", "rubicon", "ix", "openx", "pubmatic", "criteo", "teads", "sovrn"], 4
            )
        ]
        units.append(
            {
                "code": code,
                "mediaTypes": {"banner": {"sizes": [[300, 250], [728, 90]]}},
                "bids": bids,
            }
        )
    return (
        "var pbjs=pbjs||{};pbjs.que=pbjs.que||[];pbjs.que.push(function(){pbjs.addAdUnits("
        + json.dumps(units, separators=(",", ":"))
        + ");pbjs.setConfig({priceGranularity:'dense',currency:{adServerCurrency:'USD',granularityMultiplier:1},"
        f"floors:{{data:{{currency:'USD',schema:{{fields:['mediaType']}},values:{{'banner':{rng.uniform(0.2, 2):.2f}}}}}}},"
        f"userSync:{{syncDelay:3000}},publisherDomain:'https://www.{site}'}});pbjs.requestBids({{timeout:1200}})}});"
    )


def head_html(rng: random.Random, ctx: dict) -> str:
    site, domain, title, desc, role = (
        ctx["site"],
        ctx["domain"],
        ctx["title"],
        ctx["description"],
        ctx["role"],
    )
    url = ctx["url"]
    lines = [
        '<meta charset="utf-8">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">',
        f"<title>{escape(title)} | {site}</title>",
        f'<meta name="description" content="{escape(desc)}">',
        f'<meta name="keywords" content="{escape(role)} salary, {escape(role)} pay, {escape(role)} career, how to become a {escape(role.lower())}, salary calculator">',
        '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1">',
        f'<meta name="author" content="{rng.choice(FIRST)} {rng.choice(LAST)}">',
        f'<meta name="theme-color" content="#{hexcolor(rng)}">',
        f'<meta name="application-name" content="{site}">',
        f'<meta name="msapplication-TileColor" content="#{hexcolor(rng)}">',
        f'<meta name="google-site-verification" content="{hashlib.sha1(domain.encode()).hexdigest()}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:site_name" content="{site}">',
        f'<meta property="og:title" content="{escape(title)}">',
        f'<meta property="og:description" content="{escape(desc)}">',
        f'<meta property="og:url" content="{url}">',
        f'<meta property="og:image" content="https://cdn.{domain}/og/{slug(role)}-{rng.randint(1, 99)}.jpg">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="630">',
        f'<meta property="og:image:alt" content="{escape(role)} salary chart">',
        f'<meta property="og:locale" content="{ctx["locale"].replace("-", "_")}">',
    ]
    lines += [
        f'<meta property="og:locale:alternate" content="{loc.replace("-", "_")}">'
        for loc in rng.sample(LOCALES, 6)
    ]
    lines += [
        f'<meta property="article:published_time" content="{ctx["published"]}T08:{rng.randint(10, 59)}:00+00:00">',
        f'<meta property="article:modified_time" content="{ctx["modified"]}T1{rng.randint(0, 9)}:{rng.randint(10, 59)}:00+00:00">',
        '<meta property="article:section" content="Salaries">',
    ]
    lines += [
        f'<meta property="article:tag" content="{t}">'
        for t in (role, f"{role} salary", "Careers", "Pay", "Compensation")
    ]
    lines += [
        '<meta name="twitter:card" content="summary_large_image">',
        f'<meta name="twitter:site" content="@{site.lower()}">',
        f'<meta name="twitter:title" content="{escape(title)}">',
        f'<meta name="twitter:description" content="{escape(desc)}">',
        f'<meta name="twitter:image" content="https://cdn.{domain}/og/{slug(role)}.jpg">',
        '<meta name="twitter:label1" content="Reading time">',
        f'<meta name="twitter:data1" content="{rng.randint(4, 15)} minutes">',
        f'<link rel="canonical" href="{url}">',
    ]
    lines += [
        f'<link rel="alternate" hreflang="{loc.lower()}" href="https://www.{domain}/{loc.lower()}/salaries/{slug(role)}">'
        for loc in LOCALES
    ]
    lines += [
        f'<link rel="preconnect" href="https://{h}" crossorigin>'
        for h in (
            f"cdn.{domain}",
            "fonts.gstatic.example",
            "securepubads.ads.example",
            "www.googletagmanager.example",
        )
    ]
    lines += [
        f'<link rel="dns-prefetch" href="//{h}">'
        for h in (
            "c.amazon-adsystem.example",
            "ib.adnxs.example",
            "fastlane.rubiconproject.example",
            "cdn.consent.example",
            "connect.pixel.example",
            "static.hotjar.example",
            "js-agent.newrelic.example",
        )
    ]
    lines += [
        f'<link rel="preload" as="font" type="font/woff2" crossorigin href="https://cdn.{domain}/fonts/{f}.woff2">'
        for f in ("inter-400", "inter-600", "inter-800", "merriweather-700")
    ]
    lines += [
        f'<link rel="stylesheet" href="https://cdn.{domain}/css/{n}.{rng.randrange(16**8):08x}.css" media="all">'
        for n in ("app", "vendors", "article", "print")
    ]
    lines += [
        f'<link rel="apple-touch-icon" sizes="{s}x{s}" href="https://cdn.{domain}/icons/apple-{s}.png">'
        for s in (57, 76, 120, 152, 180)
    ]
    lines += [
        f'<link rel="icon" type="image/png" sizes="{s}x{s}" href="https://cdn.{domain}/icons/fav-{s}.png">'
        for s in (16, 32, 96)
    ]
    lines += [
        '<link rel="manifest" href="/site.webmanifest">',
        f'<link rel="alternate" type="application/rss+xml" title="{site} feed" href="https://www.{domain}/feed/">',
        f'<link rel="amphtml" href="https://www.{domain}/amp/salaries/{slug(role)}">',
    ]
    crumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i + 1, "name": n, "item": f"https://www.{domain}/{p}"}
            for i, (n, p) in enumerate(
                (("Home", ""), ("Salaries", "salaries/"), (role, f"salaries/{slug(role)}"))
            )
        ],
    }
    org = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site,
        "url": f"https://www.{domain}/",
        "logo": f"https://cdn.{domain}/logo-512.png",
        "sameAs": [
            f"https://{s}.example/{site.lower()}"
            for s in ("facebook", "x", "linkedin", "instagram", "youtube")
        ],
    }
    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title,
        "description": desc,
        "datePublished": ctx["published"],
        "dateModified": ctx["modified"],
        "author": {"@type": "Person", "name": ctx["author"]},
        "publisher": {"@type": "Organization", "name": site},
        "mainEntityOfPage": url,
        "image": [f"https://cdn.{domain}/og/{slug(role)}.jpg"],
    }
    blobs = [crumbs, org, article]
    if ctx.get("occupation"):
        blobs.append(ctx["occupation"])
    lines += [
        f'<script type="application/ld+json">{json.dumps(b, ensure_ascii=False)}</script>'
        for b in blobs
    ]
    lines.append(f"<script>{analytics(rng)}</script>")
    lines.append(f"<script>window.__APP_CONFIG__={ctx['config']};</script>")
    lines.append(f'<style id="critical-css">{ctx["css1"]}</style>')
    lines.append('<script async src="https://securepubads.ads.example/tag/js/gpt.js"></script>')
    lines.append(f"<script>{prebid(rng, domain)}</script>")
    lines.append(f'<style id="theme-css">{ctx["css2"]}</style>')
    return "\n".join(lines)


def cookie_banner(rng: random.Random, skin: str, site: str, scale: float = 1.0) -> str:
    vendors = rng.sample(
        [
            "Google Advertising Products",
            "Meta Platforms",
            "Amazon Advertising",
            "Criteo SA",
            "Rubicon Project",
            "Index Exchange",
            "OpenX",
            "PubMatic",
            "Taboola",
            "Outbrain",
            "Hotjar",
            "New Relic",
            "LinkedIn Ads",
            "Microsoft Advertising",
            "TikTok Ads",
            "Quantcast",
            "Adform",
            "Xandr",
            "Teads",
            "Sovrn",
            "Magnite",
            "The Trade Desk",
        ],
        max(6, int(rng.randint(10, 20) * scale)),
    )
    items = "".join(
        f'<li class="vendor"><label><input type="checkbox" checked> {v}</label> '
        f'<a href="/privacy/vendors/{slug(v)}">Privacy policy</a> <span>Retention: {rng.randint(30, 730)} days</span></li>'
        for v in vendors
    )
    text = (
        f"We and our {len(vendors)} partners store and/or access information on a device, such as cookies, and process "
        "personal data, such as unique identifiers and standard information sent by a device, for personalised "
        "advertising and content, advertising and content measurement, audience research and services development. "
        f"With your permission, {site} and our partners may use precise geolocation data. You may change your "
        "preferences at any time by returning to this site or visiting our privacy policy."
    )
    if skin == "soup":
        return (
            f'<div id="onetrust-banner-sdk" class="otFlat ot-bnr-w-logo"><div class="ot-sdk-container"><div class="ot-sdk-row">'
            f'<div id="onetrust-policy"><div id="onetrust-policy-text">{text}</div></div>'
            f'<div class="ot-sdk-three ot-sdk-columns"><button id="onetrust-accept-btn-handler">Accept All Cookies</button>'
            f'<button id="onetrust-reject-all-handler">Reject All</button></div>'
            f'<div class="ot-pc-scrollbar" style="display:none"><ul>{items}</ul></div></div></div></div>'
        )
    return (
        f'<div id="cookie-consent" class="cookie-consent" role="dialog" aria-modal="false" aria-label="Cookie consent">'
        f'<div class="cookie-consent__inner"><h2 class="cookie-consent__title">We value your privacy</h2><p>{text}</p>'
        f'<details class="cookie-consent__vendors"><summary>Show all {len(vendors)} vendors</summary><ul>{items}</ul></details>'
        f'<div class="cookie-consent__actions"><button class="btn btn--primary">Accept all</button>'
        f'<button class="btn">Reject all</button><button class="btn btn--link">Manage preferences</button></div></div></div>'
    )


def mega_menu(rng: random.Random, skin: str, domain: str, n_links: int) -> str:
    cats = [
        (
            "Salaries",
            lambda: (f"{r} salary", f"/salaries/{slug(r)}") if (r := rng.choice(ROLES)) else None,
        ),
        (
            "Locations",
            lambda: (
                (f"Salaries in {c}", f"/salaries/in/{slug(c)}")
                if (c := rng.choice(CITIES))
                else None
            ),
        ),
        (
            "Careers",
            lambda: (
                (f"How to become a {r.lower()}", f"/careers/{slug(r)}")
                if (r := rng.choice(ROLES))
                else None
            ),
        ),
        (
            "Companies",
            lambda: (
                (f"{c} reviews", f"/companies/{slug(c)}") if (c := rng.choice(COMPANIES)) else None
            ),
        ),
        (
            "Courses",
            lambda: (
                (f"{c[0]} – from ${c[1]}", f"/courses/{slug(c[0])}")
                if (c := rng.choice(COURSES))
                else None
            ),
        ),
        (
            "Jobs",
            lambda: (
                (f"{r} jobs in {c}", f"/jobs/{slug(r)}-{slug(c)}")
                if ((r := rng.choice(ROLES)) and (c := rng.choice(CITIES)))
                else None
            ),
        ),
    ]
    per_cat = max(8, n_links // len(cats))
    blocks = []
    for name, gen in cats:
        cols = []
        for c in range(4):
            links = []
            for _ in range(per_cat // 4):
                label, href = gen()
                if skin == "soup":
                    links.append(
                        f'<div class="mm-i"><a class="mm-a" href="{href}">{escape(label)}</a></div>'
                    )
                else:
                    links.append(
                        f'<li><a href="{href}" data-nav="{slug(name)[:3]}">{escape(label)}</a></li>'
                    )
            if skin == "soup":
                cols.append(
                    f'<div class="mm-col"><div class="mm-h">{name} {c + 1}</div>{"".join(links)}</div>'
                )
            else:
                cols.append(
                    f'<div class="mega-menu__col"><h3 class="mega-menu__heading">{name} {c + 1}</h3><ul>{"".join(links)}</ul></div>'
                )
        if skin == "soup":
            blocks.append(
                f'<div class="mm-top"><span class="mm-t">{name}{use_icon("chevron-down")}</span><div class="mm-panel">{"".join(cols)}</div></div>'
            )
        else:
            blocks.append(
                f'<li class="mega-menu__top"><button aria-expanded="false">{name}{use_icon("chevron-down")}</button>'
                f'<div class="mega-menu__panel">{"".join(cols)}</div></li>'
            )
    if skin == "soup":
        return f'<div class="mm" id="mm">{"".join(blocks)}</div>'
    return f'<nav class="mega-menu" aria-label="Main"><ul class="mega-menu__list">{"".join(blocks)}</ul></nav>'


def ad_slot(rng: random.Random, skin: str, where: str, cur: str) -> str:
    course, price = rng.choice(COURSES)
    price = max(9, round(price * rng.uniform(0.6, 1.2)))
    offers = [
        f"{course}: enrol today for {cur}{price:,} (was {cur}{round(price * 1.6):,}).",
        f"Earn more as a {rng.choice(ROLES)} — {course} from {cur}{price:,}. Limited seats!",
        f"Upgrade to Premium for {cur}{rng.choice([4.99, 9.99, 14.99])}/month and see every salary.",
        f"Compare top-rated {rng.choice(['laptops', 'office chairs', 'standing desks', 'headsets'])} from {cur}{rng.randint(79, 999)}.",
    ]
    text = escape(rng.choice(offers))
    aid = f"div-gpt-ad-{rng.randint(10**12, 10**13)}-{rng.randint(0, 9)}"
    if skin == "soup":
        return (
            f'<div class="dfp-wrap {where}" id="{aid}" data-unit="/{rng.randint(1000, 9999)}/{where}">'
            f'<div class="dfp-lbl">Sponsored</div><a href="https://clk.ads.example/?u={rng.randrange(16**12):012x}" rel="sponsored nofollow">{text}</a></div>'
        )
    return (
        f'<div class="ad-slot ad-slot--{where}" id="{aid}" data-ad-unit="/{rng.randint(1000, 9999)}/{where}" '
        f'data-sizes="[[300,250],[728,90]]"><span class="ad-slot__label">Advertisement</span>'
        f'<a href="https://clk.ads.example/?u={rng.randrange(16**12):012x}" rel="sponsored nofollow">{text}</a></div>'
    )


def related_grid(
    rng: random.Random, skin: str, domain: str, role: str, cur: str, year: int, count: int
) -> str:
    cards = []
    for _ in range(count):
        r = rng.choice([role] + rng.sample(ROLES, 3))
        title = rng.choice(RELATED_TEMPLATES).format(
            role=r, role2=rng.choice(ROLES), city=rng.choice(CITIES), year=year
        )
        pay = rng.randint(35, 180) * 1000
        excerpt = (
            f"The median {r.lower()} earns {cur}{pay:,} a year, but the spread between the top and bottom "
            f"of the market is wide. Here is what drives it."
        )
        cards.append(
            f'<div class="card"><a class="card__link" href="https://www.{domain}/articles/{slug(title)}">'
            f'<img src="https://cdn.{domain}/img/{slug(r)}-{rng.randint(1, 40)}.webp" alt="" loading="lazy" width="320" height="180">'
            f'<span class="card__cat">{rng.choice(["Salaries", "Careers", "Guides", "News"])}</span>'
            f'<h3 class="card__title">{escape(title)}</h3><p class="card__excerpt">{escape(excerpt)}</p>'
            f'<span class="card__meta">{use_icon("clock")} {rng.randint(3, 14)} min read · {rng.choice(FIRST)} {rng.choice(LAST)}</span></a></div>'
        )
    cls = "rel-wrap" if skin == "soup" else "related-articles"
    return f'<section class="{cls}"><h2>You may also like</h2><div class="grid grid--3">{"".join(cards)}</div></section>'


def comments(rng: random.Random, skin: str, role: str, cur: str, count: int) -> str:
    items = []
    for i in range(count):
        amt = (
            f"{cur}{rng.randint(40, 190) * 1000:,}"
            if rng.random() < 0.7
            else f"{cur}{rng.randint(40, 190)}k"
        )
        small = f"{cur}{rng.randint(25, 60) * 1000:,}"
        text = rng.choice(COMMENT_TEMPLATES).format(
            role=role.lower(), city=rng.choice(CITIES), y=rng.randint(1, 15), amt=amt, small=small
        )
        who = f"{rng.choice(FIRST)} {rng.choice(LAST)[0]}."
        items.append(
            f'<li class="comment" id="comment-{rng.randint(10**5, 10**6)}"><div class="comment__avatar">'
            f'<svg width="40" height="40" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" fill="#{hexcolor(rng)}"/>'
            f'<text x="20" y="26" text-anchor="middle" fill="#fff" font-size="16">{who[0]}</text></svg></div>'
            f'<div class="comment__body"><p class="comment__author"><strong>{escape(who)}</strong> · '
            f'<time datetime="2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}">{rng.randint(1, 11)} months ago</time></p>'
            f'<p>{escape(text)}</p><p class="comment__actions"><a href="#reply">Reply</a> · {use_icon("heart")} {rng.randint(0, 120)}</p></div></li>'
        )
    form = (
        '<form class="comment-form" action="/comments/post" method="post"><label>Comment<textarea name="comment" rows="5"></textarea></label>'
        '<label>Name<input name="author" type="text"></label><label>Email<input name="email" type="email"></label>'
        '<button type="submit">Post comment</button></form>'
    )
    if skin == "soup":
        return f'<div class="disc" id="disc"><div class="disc-h">{count} responses</div><ul class="disc-list">{"".join(items)}</ul>{form}</div>'
    return f'<section class="comments" id="comments"><h2>{count} comments</h2><ol class="comment-list">{"".join(items)}</ol>{form}</section>'


def sidebar(
    rng: random.Random, skin: str, domain: str, role: str, cur: str, scale: float = 1.0
) -> str:
    countries = [
        "United States",
        "Canada",
        "United Kingdom",
        "Ireland",
        "Germany",
        "Switzerland",
        "Netherlands",
        "France",
        "Spain",
        "Italy",
        "Portugal",
        "Sweden",
        "Norway",
        "Denmark",
        "Poland",
        "Australia",
        "New Zealand",
        "India",
        "Singapore",
        "Japan",
        "United Arab Emirates",
        "South Africa",
        "Brazil",
        "Mexico",
    ]
    opts = "".join(f'<option value="{slug(c)}">{c}</option>' for c in countries)
    roles = "".join(
        f'<option value="{slug(r)}">{r}</option>'
        for r in rng.sample(ROLES, max(10, int(40 * scale)))
    )
    calc = (
        f'<div class="widget widget--calc"><h3>Salary calculator</h3><form action="https://www.{domain}/calculator">'
        f'<select name="role">{roles}</select><select name="country">{opts}</select>'
        f'<input type="number" name="years" placeholder="Years of experience"><button>Calculate</button></form></div>'
    )
    popular = "".join(
        f'<li><a href="https://www.{domain}/salaries/{slug(r)}">{r} salary</a> <span>{cur}{rng.randint(40, 160)}k</span></li>'
        for r in rng.sample(ROLES, 10)
    )
    news = (
        '<div class="widget widget--newsletter newsletter"><h3>Get the pay report</h3><p>Weekly salary data in your inbox. '
        'Join 120,000 readers.</p><form><input type="email" placeholder="you@example.com"><button>Subscribe</button></form></div>'
    )
    inner = (
        calc
        + f'<div class="widget"><h3>Popular salaries</h3><ol>{popular}</ol></div>'
        + ad_slot(rng, skin, "rail-1", cur)
        + news
        + ad_slot(rng, skin, "rail-2", cur)
    )
    if skin == "soup":
        return f'<div class="rcol">{inner}</div>'
    if skin == "wp":
        return f'<aside id="secondary" class="widget-area">{inner}</aside>'
    return f'<aside class="sidebar">{inner}</aside>'


def footer(rng: random.Random, skin: str, site: str, domain: str, scale: float = 1.0) -> str:
    cols = []
    for title in ("Salaries", "Careers", "Companies", "Resources", "About", "Legal"):
        links = "".join(
            f'<li><a href="/{slug(title)}/{slug(x)}">{escape(x)}</a></li>'
            for x in rng.sample(ROLES + CITIES + COMPANIES, max(5, int(rng.randint(8, 15) * scale)))
        )
        cols.append(f'<div class="footer__col"><h4>{title}</h4><ul>{links}</ul></div>')
    social = "".join(
        f'<a href="https://{s}.example/{site.lower()}" aria-label="{s}">{icon(rng, s, 24, rng.randint(4, 9))}</a>'
        for s in ("facebook", "x", "linkedin", "instagram", "youtube", "tiktok")
    )
    langs = "".join(f'<option value="{loc}">{loc}</option>' for loc in LOCALES)
    legal = (
        f"© 2008–2026 {site} Ltd. All rights reserved. Salary figures are estimates based on user submissions and "
        "third-party data and are provided for information only. Prices of courses and premium plans include VAT where applicable."
    )
    inner = (
        f'<div class="footer__cols">{"".join(cols)}</div><div class="footer__social">{social}</div>'
        f'<div class="footer__apps">{icon(rng, "appstore", 120, 14)}{icon(rng, "playstore", 120, 14)}</div>'
        f'<select class="footer__lang">{langs}</select><p class="footer__legal">{legal}</p>'
    )
    if skin == "soup":
        return f'<div class="ft" id="ft">{inner.replace("footer__", "ft-")}</div>'
    if skin == "wp":
        return f'<footer id="colophon" class="site-footer">{inner}</footer>'
    return f'<footer class="site-footer" role="contentinfo">{inner}</footer>'


def header(rng: random.Random, skin: str, site: str, domain: str, menu: str) -> str:
    logo = f'<a class="logo" href="https://www.{domain}/">{icon(rng, "logo", 32, 12)}<span>{site}</span></a>'
    search = (
        f'<form class="search" role="search" action="https://www.{domain}/search"><input type="search" name="q" '
        f'placeholder="Job title, city or company">{use_icon("search")}<button type="submit">Search</button></form>'
    )
    account = f'<a class="account" href="https://www.{domain}/login">{use_icon("user")} Sign in</a>'
    if skin == "soup":
        return f'<div class="hdr"><div class="hdr-in">{logo}<div class="srch">{search.replace("<form", "<div").replace("</form>", "</div>")}</div>{account}</div>{menu}</div>'
    if skin == "wp":
        return f'<header id="masthead" class="site-header">{logo}{search}{account}{menu.replace("mega-menu", "main-navigation")}</header>'
    return f'<header class="site-header" role="banner">{logo}{search}{account}{menu}</header>'


def share_bar(rng: random.Random, url: str) -> str:
    links = "".join(
        f'<a href="https://{s}.example/share?u={url}">{use_icon(s)}</a>'
        for s in ("facebook", "linkedin", "x", "whatsapp", "mail")
    )
    return f'<div class="share-bar">{links}<button>{use_icon("print")}</button><button>{use_icon("bookmark")}</button></div>'


# --------------------------------------------------------------------------------------------
# one page
# --------------------------------------------------------------------------------------------


def _occupation(role: str, amounts: list[tuple[str, float]]) -> dict | None:
    yearly = [(c, v) for c, v in amounts if 10_000 <= v <= 2_000_000]
    if not yearly:
        return None
    cur = CURRENCY_OF.get(yearly[0][0], "USD")
    values = sorted(v for c, v in yearly if c == yearly[0][0])
    return {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role,
        "estimatedSalary": [
            {
                "@type": "MonetaryAmountDistribution",
                "name": "base",
                "currency": cur,
                "duration": "P1Y",
                "percentile10": values[0],
                "median": values[len(values) // 2],
                "percentile90": values[-1],
            }
        ],
    }


def make_page(index: int, sources: list[Source], seed: int = DEFAULT_SEED) -> str:
    rng = random.Random(seed * 1_000_003 + index)
    primary = sources[rng.randrange(len(sources))]
    role = rng.choice(ROLES)
    var = Variator(rng, primary.role, role)
    head = var.html(primary.head)
    groups = reorder(rng, [var.html(g) for g in primary.groups])
    tail = var.html(primary.tail)
    same_kind = [
        s
        for s in sources
        if s.kind == primary.kind
        and s.currency == primary.currency
        and s is not primary
        and s.groups
    ]
    if same_kind and rng.random() < 0.5:  # borrow one section from another page of the same kind
        other = rng.choice(same_kind)
        var2 = Variator(rng, other.role, role)
        var2.money = var.money
        groups.insert(rng.randint(0, len(groups)), var2.html(rng.choice(other.groups)))
    skin = rng.choices(["semantic", "app", "wp", "soup"], weights=[3, 2, 2, 2])[0]
    site, domain = rng.choice(SITES)
    cur = rng.choice([c for c, _ in var.amounts[:3]] or ["$"])
    cur = cur if cur in ("$", "£", "€", "₹") else "$"
    year = rng.choice([2025, 2026])
    title = var.title(primary.title)
    ctx = {
        "site": site,
        "domain": domain,
        "title": title,
        "description": var.text(primary.description),
        "role": role,
        "url": f"https://www.{domain}/salaries/{slug(role)}-{index}",
        "locale": rng.choice(LOCALES[:5]),
        "published": f"{year - 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "modified": f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}",
        "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "occupation": _occupation(role, var.amounts)
        if primary.kind == "report" and rng.random() < 0.4
        else None,
        "config": app_config(rng, site, role, cur),
        "css1": css_rules(rng, slug(site)[:3], rng.randint(1500, 4000)),
        "css2": "",
    }
    # in-article ad slots between sections
    body_parts = [head]
    for i, g in enumerate(groups):
        body_parts.append(g)
        if i in (0, 2, 5) and i < len(groups) - 1:
            body_parts.append(ad_slot(rng, skin, f"inline-{i}", cur))
    body_parts.append(tail)
    byline = (
        f'<div class="byline">By <a rel="author" href="/authors/{slug(ctx["author"])}">{ctx["author"]}</a>'
        f' · Updated <time datetime="{ctx["modified"]}">{ctx["modified"]}</time> · {rng.randint(4, 15)} min read</div>'
    )
    article = byline + share_bar(rng, ctx["url"]) + "\n" + "\n".join(body_parts)
    target = rng.randint(MIN_BYTES + 2_000, MAX_BYTES - 2_000)
    n_links, n_comments, n_related = rng.randint(180, 340), rng.randint(4, 14), rng.randint(6, 12)
    furniture_seed = rng.randrange(2**32)
    body_cls = {
        "semantic": "single salary-page",
        "app": "next-app",
        "wp": "post-template-default single single-post",
        "soup": "pg pg-sal",
    }[skin]

    def render(scale: float, css2: str, bundle: str) -> str:
        """The whole page; ``scale`` shrinks the menu, comments and related grid of long articles."""
        frng = random.Random(furniture_seed)
        menu = mega_menu(frng, skin, domain, max(120, int(n_links * scale)))
        trail = f'<a href="/">Home</a> › <a href="/salaries/">Salaries</a> › {escape(role)}'
        breadcrumbs = f'<nav class="breadcrumbs" aria-label="Breadcrumb">{trail}</nav>'
        related = related_grid(frng, skin, domain, role, cur, year, max(3, int(n_related * scale)))
        thread = comments(frng, skin, role, cur, max(2, int(n_comments * scale)))
        side = sidebar(frng, skin, domain, role, cur, scale)
        foot = footer(frng, skin, site, domain, scale)
        top = header(frng, skin, site, domain, menu)
        banner = cookie_banner(frng, skin, site, scale)
        top_ad = ad_slot(frng, skin, "leaderboard", cur)
        sticky = ad_slot(frng, skin, "sticky", cur)
        svg = sprite(frng, scale)
        if skin == "soup":
            main = (
                f'<div class="wrap"><div class="crumbs">{trail}</div><div class="cols"><div class="lcol">'
                f'<div class="post-body">{article}</div>{related}{thread}</div>{side}</div></div>'
            )
        elif skin == "wp":
            main = (
                f'<div id="content" class="site-content">{breadcrumbs}<main id="primary" class="site-main">'
                f'<article class="post type-post status-publish format-standard hentry"><div class="entry-content">{article}</div></article>'
                f"{related}{thread}</main>{side}</div>"
            )
        elif skin == "app":
            main = (
                f'<div id="__next"><div class="layout">{breadcrumbs}<main class="page"><article class="page__article">{article}</article>'
                f"{related}{thread}</main>{side}</div></div>"
            )
        else:
            main = (
                f'<div class="page">{breadcrumbs}<main id="main" class="content"><article class="article">{article}</article>'
                f"</main>{side}{related}{thread}</div>"
            )
        chat = {
            "widget": "helpdesk",
            "delayMs": frng.randint(2000, 9000),
            "greeting": f"Questions about {role} pay? Chat with an advisor: first session {cur}0, then {cur}29 per 30 min.",
        }
        tail_scripts = [
            f"<script>window.__CHAT__={json.dumps(chat, ensure_ascii=False)};</script>",
            '<script async src="https://static.hotjar.example/c/hotjar.js"></script>',
        ]
        if skin == "app":
            jobs = [
                {
                    "title": f"{frng.choice(ROLES)} – {frng.choice(COMPANIES)}",
                    "city": frng.choice(CITIES),
                    "salary": f"{cur}{frng.randint(40, 180)}k",
                }
                for _ in range(frng.randint(10, 25))
            ]
            props = {
                "props": {
                    "pageProps": {
                        "role": role,
                        "site": site,
                        "relatedJobs": jobs,
                        "percentiles": {
                            f"p{p}": frng.randint(30, 200) * 1000 for p in (10, 25, 50, 75, 90)
                        },
                    }
                },
                "page": "/salaries/[role]",
                "buildId": f"{frng.randrange(16**10):010x}",
                "isFallback": False,
            }
            tail_scripts.insert(
                0,
                f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(props, ensure_ascii=False)}</script>',
            )
        ctx["css2"] = css2
        head_markup = head_html(random.Random(furniture_seed + 1), ctx)
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{ctx["locale"]}" class="no-js">\n<head>\n{head_markup}\n</head>\n'
            f'<body class="{body_cls}">\n{svg}\n<noscript><iframe src="https://www.googletagmanager.example/ns.html" '
            'height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>\n'
            f"{banner}\n{top}\n{top_ad}\n{main}\n{foot}\n{sticky}\n"
            + "\n".join(tail_scripts)
            + f"\n<script>{bundle}</script>\n</body>\n</html>\n"
        )

    min_filler = 4_000
    for scale in (1.0, 0.8, 0.65, 0.5, 0.4, 0.3):
        base = len(render(scale, "", "").encode("utf-8"))
        if base + min_filler <= target:
            break
    room = max(min_filler, target - base)
    css_budget = int(room * rng.uniform(0.25, 0.45))
    page = render(
        scale, css_rules(rng, slug(site)[:3], css_budget), js_bundle(rng, room - css_budget)
    )
    size = len(page.encode("utf-8"))
    if not MIN_BYTES <= size <= MAX_BYTES:
        raise RuntimeError(f"page {index}: {size} bytes, outside {MIN_BYTES}-{MAX_BYTES}")
    return page


def write_pages(
    out: Path, n: int, seed: int = DEFAULT_SEED, quiet: bool = False
) -> tuple[int, str]:
    """Write pages 0..n-1 into ``out``; return (total bytes, sha256 of all pages)."""
    sources = load_sources()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("page-*.html"):
        old.unlink()
    digest = hashlib.sha256()
    total = 0
    for i in range(n):
        data = make_page(i, sources, seed).encode("utf-8")
        (out / f"page-{i:05d}.html").write_bytes(data)
        digest.update(data)
        total += len(data)
    manifest = {
        "n": n,
        "seed": seed,
        "bytes": total,
        "sha256": digest.hexdigest(),
        "generator": generator_digest(),
    }
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    if not quiet:
        print(
            f"{n} pages, {total / 1e6:.1f} MB ({total / max(1, n) / 1e3:.1f} KB/page) -> {out}  "
            f"sha256 {digest.hexdigest()[:16]}  ({len(sources)} content sources)"
        )
    return total, digest.hexdigest()


def generator_digest() -> str:
    """Fingerprint of everything a page depends on: this script and the fixture sources."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    for d in SOURCE_DIRS:
        for path in sorted(d.iterdir()):
            if path.suffix in (".html", ".htm") or path.name.endswith(".expected.json"):
                h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


def pages_ok(out: Path, n: int, seed: int = DEFAULT_SEED) -> bool:
    """True when ``out`` already holds this generator's pages for (n, seed) from the current
    script and fixtures."""
    try:
        manifest = json.loads((out / "MANIFEST.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return (
        manifest.get("n") == n
        and manifest.get("seed") == seed
        and manifest.get("generator") == generator_digest()
        and len(list(out.glob("page-*.html"))) == n
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--n", type=int, default=DEFAULT_N, help=f"number of pages (default {DEFAULT_N})"
    )
    ap.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="output directory (default benchmarks/pages/)"
    )
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument(
        "--scaling",
        action="store_true",
        help=f"also write {SCALING_FACTOR}x N pages into OUT-{SCALING_FACTOR}x/ (memory-scaling check)",
    )
    args = ap.parse_args(argv)
    write_pages(args.out, args.n, args.seed)
    if args.scaling:
        write_pages(scaled_dir(args.out), SCALING_FACTOR * args.n, args.seed)
    return 0


def scaled_dir(out: Path) -> Path:
    return out.with_name(f"{out.name}-{SCALING_FACTOR}x")


if __name__ == "__main__":
    sys.exit(main())
