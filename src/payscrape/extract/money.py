"""Money grammar: amounts, ranges, bounds and periods, with non-pay figures rejected by context.

All patterns use possessive quantifiers and a guarded start, so scanning stays linear
on hostile input such as ``"$" + "1," * 60000``.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .windows import match_windows

_F = regex.I

# --- currencies ----------------------------------------------------------------------

#: Surface forms before or after a number → ISO 4217 (``$`` resolved by page country).
CURRENCY_SYMBOLS: dict[str, str | None] = {
    "$": None, "us$": "USD", "usd$": "USD", "ca$": "CAD", "c$": "CAD", "cdn$": "CAD",
    "can$": "CAD", "a$": "AUD", "au$": "AUD", "aud$": "AUD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "sg$": "SGD", "mx$": "MXN", "r$": "BRL", "£": "GBP", "€": "EUR", "₹": "INR",
    "rs": "INR", "rs.": "INR", "₨": "INR", "¥": "JPY", "￥": "JPY", "₩": "KRW", "₱": "PHP",
    "₦": "NGN", "fr.": "CHF", "sfr.": "CHF", "zł": "PLN", "kr": "SEK", "r": "ZAR", "₪": "ILS",
    "₺": "TRY", "元": "CNY",
}
ISO_CODES = (
    "USD", "CAD", "EUR", "GBP", "AUD", "NZD", "INR", "CHF", "JPY", "CNY", "RMB", "SGD", "HKD",
    "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "ZAR", "BRL", "MXN", "AED", "SAR", "KRW", "PHP",
    "NGN", "KES", "PKR", "MYR", "IDR", "THB", "VND", "TRY", "ILS", "EGP", "CLP", "COP", "ARS",
)
CURRENCY_WORDS: dict[str, str | None] = {
    "dollars": None, "dollar": None, "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "pound": "GBP", "rupees": "INR", "rupee": "INR", "francs": "CHF", "yen": "JPY",
    "yuan": "CNY", "rand": "ZAR",
}

_SYM = (r"(?:(?:US|USD|CA|CDN|CAN|C|AU|AUD|A|NZ|HK|SG|S|MX|R)\$|\$|£|€|₹|₨|¥|￥|₩|₱|₦|₪|₺|"
        r"Rs\.?(?=\s?\d)|s?Fr\.(?=\s?\d))")
_ISO = r"(?:" + "|".join(ISO_CODES) + r")"
_WORDS = r"(?:dollars?|euros?|pounds?|rupees?|francs|yen|yuan|rand)"

# A number: digit groups with , . ' or narrow/ordinary space separators; possessive.
_NUM = r"(?<![\d.,'’])\d++(?:(?:[,.'’]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d++)*+"
_MULT = (r"(?:k|K|thousand|mn|million|M|bn|billion|B|lakhs?|lacs?|L|crores?|cr|Cr|LPA|lpa)"
         r"(?![\p{L}\d])")

#: One amount: optional currency before, number, optional multiplier, optional currency after.
AMOUNT = regex.compile(
    rf"(?:(?P<pre>{_SYM}|\b{_ISO}\b)[ \u00a0]?)?(?P<num>{_NUM})(?:[ \u00a0]?(?P<mult>{_MULT}))?"
    rf"(?:[ \u00a0]?(?P<post>€|£|₹|\$|\b{_ISO}\b|\b{_WORDS}\b|(?:CHF|Fr\.)(?![\p{{L}}])))?",
    regex.V1,
)

# --- periods ---------------------------------------------------------------------------

_PERIOD_AFTER = [
    ("year", r"^\s*(?:/\s*|per\s+|a\s+|an\s+|each\s+|every\s+)(?:year|yr|annum|annually)\b|"
             r"^\s*(?:annually|yearly|p\.?\s?a\.?(?!\w)|pa\b|per\s+annum|annual\b|/\s*y\b)|"
             r"^\s*(?:LPA|lpa)\b"),
    ("month", r"^\s*(?:/\s*|per\s+|a\s+|each\s+|every\s+)(?:month|mo|mth)\b|^\s*monthly\b|"
              r"^\s*p\.?\s?m\.?(?!\w)"),
    ("week", r"^\s*(?:/\s*|per\s+|a\s+|each\s+)(?:week|wk)\b|^\s*weekly\b|^\s*p\.?\s?w\.?(?!\w)"),
    ("day", r"^\s*(?:/\s*|per\s+|a\s+|each\s+)(?:day|diem)\b|^\s*daily\b|^\s*p\.?\s?d\.?(?!\w)"),
    ("hour", r"^\s*(?:/\s*|per\s+|an\s+|a\s+|each\s+)(?:hour|hr|h)\b|^\s*hourly\b|"
             r"^\s*p\.?\s?h\.?(?!\w)|^\s*/\s*hr\b"),
]
PERIOD_AFTER = [(p, regex.compile(rx, _F)) for p, rx in _PERIOD_AFTER]
PERIOD_BEFORE = [
    ("hour", regex.compile(r"\b(?:hourly|per[- ]hour|an hour)\b[^.;\n]{0,40}$", _F)),
    ("day", regex.compile(r"\b(?:day[- ]rates?|daily(?: rate)?|per[- ]day)\b[^.;\n]{0,30}$", _F)),
    ("week", regex.compile(r"\bweekly\b[^.;\n]{0,30}$", _F)),
    ("month", regex.compile(r"\bmonthly\b[^.;\n]{0,30}$", _F)),
    ("year", regex.compile(
        r"\b(?:annual(?:ly)?|yearly|per year|a year|per annum|annum)\b[^.;\n]{0,40}$", _F)),
]

# --- bounds, ranges, context -----------------------------------------------------------

BOUND_BEFORE = regex.compile(
    r"(?:(?P<least>more than|over|above|at least|exceeds?|exceeding|in excess of|upwards of|"
    r"north of|starting (?:at|from)|from)|(?P<most>up to|under|below|less than|as much as|"
    r"no more than|maximum of|max\.?))\s*$", _F,
)
RANGE_JOIN = regex.compile(r"^\s*(?:–|—|-|‒|to|and|&|until)\s*$", _F)
#: "grew from X to a projected Y", "moved from X toward Y": two figures, never a range.
MOVEMENT = regex.compile(
    r"\b(?:moved?|moving|grew|grow(?:n|ing|s)?|rose|rise[sn]?|rising|increase[sd]?|increasing|"
    r"climb(?:ed|ing|s)?|jump(?:ed|ing|s)?|trajectory|went|gap|delta|difference|shift(?:ed)?|"
    r"progress(?:ed|ion)?|forecast|projection|projected|decline[sd]?|fell|drop(?:ped)?|"
    r"compared|versus|vs\.?)\b", _F,
)

NON_PAY = regex.compile(
    r"\b(?:tuition|courses?|bootcamps?|classes|fees?|price[sd]?|pricing|costs?|costing|"
    r"discount(?:ed)?|coupon|subscriptions?|membership|enrol(?:l|ment|ling|s)?|revenues?|funding|"
    r"raised?|raising|valuation|valued|investments?|invest(?:ed|ing|ors?)?|spend(?:ing)?|spent|"
    r"sales|profits?|loss(?:es)?|grants?|scholarships?|bursar(?:y|ies)|loans?|debt|rent(?:s|al)?|"
    r"mortgage|groceries|deposit|fines?|penalt(?:y|ies)|donat(?:e|ion|ions)|budget|"
    r"market (?:size|cap|value)|purchase|shipping|tickets?|e-?book|bonus(?:es)?|signing|"
    r"relocation|allowance|stipend|per seat|lifetime access|free trial|checkout|"
    r"housing|utilities|transit|childcare|insurance premiums?|taxes|"
    r"metrocard|bus pass|commut\w*|save|savings|bill|bills|program fee|application fee|"
    r"exam fee|registration|materials|textbooks?|equipment|tools cost|licen[cs]ing fee|billed|"
    r"upgrade|per user|refund|cashback|gift card|semester|contribution|"
    r"(?:expect|need|have|want|plan)\s+to\s+pay|you(?:'ll| will)?\s+pay|students?\s+pay|"
    r"pay\s+(?:around|about|roughly|up\s+to))\b", _F,
)
#: Words that make a label (column header, card label) about pay.
PAY_LABEL = regex.compile(r"\b(?:salar(?:y|ies)|wages?|pay|earn\w*|income|compensation|rates?|"
                          r"remuneration|TC|OTE|base)\b", _F)
#: "$X in salary": a pay noun right after a figure that followed a non-pay word.
PAY_NOUN = regex.compile(r"^\W{0,3}(?:in |of |per year in |a year in )?(?:base )?"
                         r"(?:salar(?:y|ies)|wages?|pay|compensation|earnings|income)\b", _F)
PAY = regex.compile(
    r"\b(?:salar(?:y|ies)|pay(?:s|ing|scale)?|paid|earn(?:s|ed|ing|ings)?|compensation|"
    r"comp|wages?|income|makes?|making|rates?|base|package|TC|OTE|remuneration|"
    r"average|median|mean|percentile|starting|entry|senior|junior|"
    r"mid|lead|principal|graduates?|hourly|annual(?:ly)?|per (?:hour|year|annum)|a year|"
    r"an hour|gross|net|take[- ]home|offers?|benchmark|band|bracket|estimated?|est\.?)\b", _F,
)

MULTIPLIERS: dict[str, float] = {
    "k": 1e3, "thousand": 1e3, "mn": 1e6, "million": 1e6, "m": 1e6, "bn": 1e9, "billion": 1e9,
    "b": 1e9, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "l": 1e5, "crore": 1e7,
    "crores": 1e7, "cr": 1e7, "lpa": 1e5,
}
_INDIAN = frozenset({"lakh", "lakhs", "lac", "lacs", "l", "crore", "crores", "cr", "lpa"})


@dataclass(slots=True)
class Amount:
    """One number, possibly with currency and multiplier, as found in the text."""

    start: int
    end: int
    value: float
    currency_raw: str | None
    mult: str | None
    num: str


@dataclass(slots=True)
class MoneyHit:
    """A pay-figure candidate: an amount or a range, with what its surroundings say."""

    start: int
    end: int
    low: float
    high: float
    currency_raw: str | None
    period: str | None = None
    bound: str | None = None
    indian: bool = False

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


def parse_number(num: str, currency_hint: str | None = None) -> float | None:
    """Parse ``1,234`` / ``1.234`` / ``1 234`` / ``1'234`` / ``12,00,000`` / ``57.50``."""
    num = num.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    seps = [c for c in num if c in ",.' "]
    if not seps:
        return float(num)
    groups = regex.split(r"[,.' ]", num)
    last_sep = seps[-1]
    tail = groups[-1]
    # A final group of 1–2 digits after , or . is a decimal part.
    if last_sep in ",." and len(tail) in (1, 2):
        int_part = "".join(groups[:-1])
        if len(groups) > 2 and any(len(g) != 3 for g in groups[1:-1]) and not _indian(groups[:-1]):
            return None
        return float(f"{int_part}.{tail}")
    if last_sep in ",." and len(tail) != 3:
        return None
    if len(set(s for s in seps if s != " ")) > 1:
        return None
    if all(len(g) == 3 for g in groups[1:]) or _indian(groups):
        if len(groups[0]) > 3 and not _indian(groups):
            return None
        return float("".join(groups))
    return None


def _indian(groups: list[str]) -> bool:
    """``12,00,000`` style: 1–2 digit leading group, 2-digit groups, final 3-digit group."""
    return (len(groups) >= 3 and len(groups[-1]) == 3 and 1 <= len(groups[0]) <= 2
            and all(len(g) == 2 for g in groups[1:-1]))


#: Every pay figure carries one of these; amounts are only parsed in windows around them.
CURRENCY_MARK = regex.compile(
    rf"[$£€₹₨¥￥₩₱₦₪₺]|\b(?:{'|'.join(ISO_CODES)}|Rs|LPA|lpa|lakhs?|lacs?|crores?|Cr|CHF|Fr)\b|"
    rf"\b{_WORDS}\b", regex.V1)


def find_amounts(text: str) -> list[Amount]:
    """Every number near a currency mark in ``text``, with its currency and multiplier."""
    out: list[Amount] = []
    for a, b in match_windows(CURRENCY_MARK, text, 40, 60):
        # widen to whole numbers so a window never cuts one in two
        while a > 0 and (text[a - 1].isdigit() or text[a - 1] in ",.'’ "):
            a -= 1
        out.extend(_amounts(text, a, b))
    return out


def _amounts(text: str, pos: int, endpos: int) -> list[Amount]:
    out: list[Amount] = []
    for m in AMOUNT.finditer(text, pos, endpos):
        num = m.group("num")
        pre, post, mult = m.group("pre"), m.group("post"), m.group("mult")
        value = parse_number(num)
        if value is None:
            continue
        if mult:
            key = mult.lower()
            if key == "b" or key == "m" and mult == "m":
                # lower-case "m" is metres/minutes far more often than millions
                mult = None
            elif key in ("l",) and not (pre and pre.strip() in ("₹", "₨") or
                                        (pre or "").lower().startswith("rs")):
                mult = None
        if mult:
            value *= MULTIPLIERS[mult.lower()]
        start = m.start()
        end = m.end()
        if not mult and m.group("mult") and not post:
            # multiplier was rejected: end the amount at the number
            end = m.end("num")
        raw = pre or post
        if raw is not None:
            raw = raw.strip()
        if m.group("mult") and not mult and post:
            raw = pre.strip() if pre else None
            end = m.end("num")
        out.append(Amount(start, end, value, raw, mult.lower() if mult else None, num))
    return out


def currency_code(raw: str | None, country_currency: str | None) -> str | None:
    """ISO 4217 code for a currency surface form."""
    if raw is None:
        return None
    key = raw.lower().strip()
    if key.upper() in ISO_CODES:
        return "CNY" if key.upper() == "RMB" else key.upper()
    if key in CURRENCY_WORDS:
        return CURRENCY_WORDS[key] or country_currency or "USD"
    if key in CURRENCY_SYMBOLS:
        code = CURRENCY_SYMBOLS[key]
        if code is None:  # a bare $
            if country_currency in {"USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"}:
                return country_currency
            return "USD"
        if code == "JPY" and country_currency == "CNY":
            return "CNY"
        return code
    return None


_PERIOD_FILLER = regex.compile(r"^\s*(?:gross|net|base|before tax(?:es)?|pre-tax|after tax|"
                               r"in base(?: pay| salary)?|(?:of )?salary)(?=\s)", _F)


def _period_after(text: str, end: int) -> tuple[str | None, int]:
    window = text[end:end + 40].split("\n", 1)[0].split("|", 1)[0]
    filler = _PERIOD_FILLER.match(window)
    if filler:
        window = window[filler.end():]
        end += filler.end()
    for period, rx in PERIOD_AFTER:
        m = rx.match(window)
        if m:
            return period, end + m.end()
    return None, end


HEADER_CURRENCY = regex.compile(
    r"(?:US|CA|C|A|AU|NZ)?\$|£|€|₹|¥|\b(?:USD|CAD|EUR|GBP|AUD|NZD|INR|CHF|JPY|SGD)\b")
_BARE_CELL = regex.compile(rf"^\s*(?P<num>{_NUM})(?:\s?(?P<mult>k|K))?\s*(?P<plus>\+)?\s*$", regex.V1)


def bare_cell_money(text: str, start: int, end: int, header: str) -> MoneyHit | None:
    """A table cell holding only a number, under a header that names the currency ("$/hour")."""
    cell = text[start:end]
    m = _BARE_CELL.match(cell)
    cur = HEADER_CURRENCY.search(header)
    if not m or not cur:
        return None
    value = parse_number(m.group("num"))
    if value is None:
        return None
    if m.group("mult"):
        value *= 1000
    s = start + m.start("num")
    e = start + (m.end("mult") if m.group("mult") else m.end("num"))
    hit = MoneyHit(s, e, value, value, cur.group(0))
    if m.group("plus"):
        hit.bound = "at_least"
        hit.end = start + m.end("plus")
    return hit


def find_money(text: str) -> list[MoneyHit]:
    """Pay-figure candidates in ``text`` (amounts with a currency, ranges joined)."""
    amounts = find_amounts(text)
    hits: list[MoneyHit] = []
    i = 0
    n = len(amounts)
    while i < n:
        a = amounts[i]
        b = amounts[i + 1] if i + 1 < n else None
        is_range = False
        if b is not None and b.start - a.end <= 12:
            joiner = text[a.end:b.start]
            if RANGE_JOIN.match(joiner) and (a.currency_raw or b.currency_raw or a.mult or b.mult):
                word = joiner.strip().lower()
                before = text[max(0, a.start - 60):a.start]
                clause = before.rsplit(".", 1)[-1]
                if word == "and" or word == "&":
                    is_range = bool(regex.search(r"\bbetween\s*$", before, _F)) and not (
                        MOVEMENT.search(clause))
                elif word in ("to", "until"):
                    is_range = not MOVEMENT.search(clause)
                else:
                    is_range = True
        if is_range and b is not None:
            lo_mult = a.mult or b.mult
            low = a.value
            if not a.mult and b.mult and a.value < 1000:
                low = a.value * MULTIPLIERS[b.mult]
            high = b.value
            if not b.mult and a.mult and b.value < 1000:
                high = b.value * MULTIPLIERS[a.mult]
            raw = a.currency_raw or b.currency_raw
            hit = MoneyHit(a.start, b.end, low, high, raw,
                           indian=(lo_mult or "") in _INDIAN)
            if low > high:
                hit = MoneyHit(a.start, b.end, high, low, raw, indian=hit.indian)
            i += 2
        else:
            if not (a.currency_raw or (a.mult or "") in _INDIAN):
                i += 1
                continue
            hit = MoneyHit(a.start, a.end, a.value, a.value, a.currency_raw,
                           indian=(a.mult or "") in _INDIAN)
            i += 1
        # a trailing "+" is an open upper bound
        if text[hit.end:hit.end + 1] == "+":
            hit.bound = "at_least"
            hit.end += 1
        period, end = _period_after(text, hit.end)
        if period:
            hit.period = period
            if text[hit.end:end].strip().lower() in ("/yr", "/hr", "/hour", "/year", "/mo",
                                                     "/month", "/h", "/day", "/week", "/y"):
                hit.end = end
        if hit.bound is None:
            bm = BOUND_BEFORE.search(text[max(0, hit.start - 30):hit.start])
            if bm and not (bm.group("least") == "from" and hit.low != hit.high):
                if bm.group("least") and bm.group("least").lower() != "from":
                    hit.bound = "at_least"
                elif bm.group("most"):
                    hit.bound = "at_most"
        if (a.mult or "") == "lpa":
            hit.period = "year"
        hits.append(hit)
    return hits
