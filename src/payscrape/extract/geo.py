"""Places and currencies: country names, regions and tech-hub cities with their country."""

from __future__ import annotations

import regex

#: country code → (names, currency of a bare ``$`` or the local currency)
COUNTRIES: dict[str, tuple[tuple[str, ...], str]] = {
    "US": (("United States", "USA", "U.S.", "US", "America", "United States of America"), "USD"),
    "CA": (("Canada",), "CAD"),
    "GB": (("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "England", "Scotland",
            "Wales", "Northern Ireland"), "GBP"),
    "IE": (("Ireland",), "EUR"),
    "AU": (("Australia",), "AUD"),
    "NZ": (("New Zealand",), "NZD"),
    "IN": (("India",), "INR"),
    "DE": (("Germany", "Deutschland"), "EUR"),
    "FR": (("France",), "EUR"),
    "NL": (("Netherlands", "the Netherlands", "Holland"), "EUR"),
    "ES": (("Spain",), "EUR"),
    "IT": (("Italy",), "EUR"),
    "AT": (("Austria",), "EUR"),
    "BE": (("Belgium",), "EUR"),
    "PT": (("Portugal",), "EUR"),
    "FI": (("Finland",), "EUR"),
    "CH": (("Switzerland",), "CHF"),
    "SE": (("Sweden",), "SEK"),
    "NO": (("Norway",), "NOK"),
    "DK": (("Denmark",), "DKK"),
    "PL": (("Poland",), "PLN"),
    "SG": (("Singapore",), "SGD"),
    "HK": (("Hong Kong",), "HKD"),
    "JP": (("Japan",), "JPY"),
    "CN": (("China",), "CNY"),
    "KR": (("South Korea", "Korea"), "KRW"),
    "AE": (("United Arab Emirates", "UAE", "Dubai"), "AED"),
    "SA": (("Saudi Arabia",), "SAR"),
    "ZA": (("South Africa",), "ZAR"),
    "NG": (("Nigeria",), "NGN"),
    "KE": (("Kenya",), "KES"),
    "BR": (("Brazil",), "BRL"),
    "MX": (("Mexico",), "MXN"),
    "PH": (("Philippines",), "PHP"),
    "PK": (("Pakistan",), "PKR"),
    "MY": (("Malaysia",), "MYR"),
}

#: region → country code (provinces, states, Länder …)
REGIONS: dict[str, str] = {
    **{r: "CA" for r in (
        "Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba", "Saskatchewan",
        "Nova Scotia", "New Brunswick", "Newfoundland and Labrador", "Prince Edward Island",
        "Yukon", "Northwest Territories", "Nunavut")},
    **{r: "US" for r in (
        "California", "New York State", "Texas", "Washington State", "Massachusetts", "Illinois",
        "Florida", "Colorado", "Georgia", "North Carolina", "Virginia", "New Jersey", "Oregon",
        "Pennsylvania", "Ohio", "Michigan", "Arizona", "Minnesota", "Utah", "Maryland")},
    **{r: "AU" for r in ("New South Wales", "Victoria", "Queensland", "Western Australia",
                         "South Australia", "Tasmania")},
    **{r: "DE" for r in ("Bavaria", "Bayern", "Berlin-Brandenburg", "Hesse", "Hessen",
                         "Baden-Württemberg", "North Rhine-Westphalia", "Saxony", "Hamburg")},
    **{r: "IN" for r in ("Karnataka", "Maharashtra", "Tamil Nadu", "Telangana", "Delhi NCR",
                         "Haryana", "Uttar Pradesh", "Kerala", "Gujarat")},
    **{r: "GB" for r in ("Greater London", "South East England", "North West England")},
}

#: city → country code
CITIES: dict[str, str] = {
    **{c: "CA" for c in (
        "Toronto", "Vancouver", "Montreal", "Montréal", "Ottawa", "Calgary", "Edmonton",
        "Waterloo", "Kitchener", "Hamilton", "Winnipeg", "Quebec City", "Halifax", "Victoria BC",
        "Mississauga", "London ON", "Regina", "Saskatoon")},
    **{c: "US" for c in (
        "New York", "New York City", "NYC", "San Francisco", "Seattle", "Austin", "Boston",
        "Chicago", "Los Angeles", "Denver", "Atlanta", "Dallas", "Houston", "Miami", "Phoenix",
        "San Diego", "San Jose", "Portland", "Washington, D.C.", "Raleigh", "Pittsburgh",
        "Philadelphia", "Minneapolis", "Salt Lake City", "Nashville", "Charlotte", "Detroit")},
    **{c: "GB" for c in ("London", "Manchester", "Edinburgh", "Birmingham", "Bristol", "Leeds",
                         "Glasgow", "Cambridge", "Oxford", "Belfast", "Cardiff")},
    **{c: "DE" for c in ("Berlin", "Munich", "München", "Hamburg", "Frankfurt", "Cologne",
                         "Köln", "Stuttgart", "Düsseldorf")},
    **{c: "IN" for c in ("Bangalore", "Bengaluru", "Mumbai", "Delhi", "New Delhi", "Hyderabad",
                         "Pune", "Chennai", "Gurgaon", "Gurugram", "Noida", "Kolkata")},
    **{c: "AU" for c in ("Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide", "Canberra")},
    **{c: "CH" for c in ("Zurich", "Zürich", "Geneva", "Basel", "Lausanne", "Bern")},
    **{c: "NL" for c in ("Amsterdam", "Rotterdam", "Utrecht", "Eindhoven")},
    **{c: "FR" for c in ("Paris", "Lyon")},
    **{c: "IE" for c in ("Dublin",)},
    **{c: "SG" for c in ("Singapore",)},
}

CURRENCY_OF_COUNTRY: dict[str, str] = {code: cur for code, (_, cur) in COUNTRIES.items()}

_NAME_TO_COUNTRY: dict[str, str] = {}
for _code, (_names, _cur) in COUNTRIES.items():
    for _name in _names:
        _NAME_TO_COUNTRY[_name.lower()] = _code

# Short, ambiguous names must match case-exactly.
_CASE_EXACT = {"US", "UK", "U.S.", "U.K.", "USA", "UAE", "NYC"}


def _alternation(names: list[str]) -> str:
    return "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))


_PLACE_NAMES = list(_NAME_TO_COUNTRY) + [r.lower() for r in REGIONS] + [c.lower() for c in CITIES]
PLACE_RE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:"
    + _alternation([n for n in _PLACE_NAMES if n.upper() not in _CASE_EXACT])
    + r")(?![\p{L}\p{N}])",
    regex.I,
)
PLACE_EXACT_RE = regex.compile(
    r"(?<![\p{L}\p{N}.])(?:" + _alternation(sorted(_CASE_EXACT)) + r")(?![\p{L}\p{N}])"
)
_REGION_LOWER = {r.lower(): r for r in REGIONS}
_CITY_LOWER = {c.lower(): c for c in CITIES}


def classify_place(name: str) -> tuple[str, str, str] | None:
    """``(kind, canonical name, country code)`` for a place name, else ``None``."""
    key = name.lower()
    if key in _NAME_TO_COUNTRY:
        return "country", name, _NAME_TO_COUNTRY[key]
    if key in _REGION_LOWER:
        return "region", _REGION_LOWER[key], REGIONS[_REGION_LOWER[key]]
    if key in _CITY_LOWER:
        return "city", _CITY_LOWER[key], CITIES[_CITY_LOWER[key]]
    return None


def find_places(text: str) -> list[tuple[int, int, str, str, str]]:
    """All place mentions: ``(start, end, kind, canonical, country)``."""
    out = []
    for pattern in (PLACE_RE, PLACE_EXACT_RE):
        for m in pattern.finditer(text):
            info = classify_place(m.group(0))
            if info:
                out.append((m.start(), m.end(), *info))
    out.sort()
    return out
