"""Places and currencies: country names, regions and tech-hub cities with their country."""

from __future__ import annotations

from functools import lru_cache

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


_LOWER_TO_PLACE: dict[str, tuple[str, str, str]] = {}
for _code, (_names, _cur) in COUNTRIES.items():
    for _name in _names:
        _LOWER_TO_PLACE.setdefault(_name.lower(), ("country", _name, _code))
for _name, _code in REGIONS.items():
    _LOWER_TO_PLACE.setdefault(_name.lower(), ("region", _name, _code))
for _name, _code in CITIES.items():
    _LOWER_TO_PLACE.setdefault(_name.lower(), ("city", _name, _code))
#: For each first word of a place name, the most words a name starting with it has.
_MAX_WORDS_AFTER: dict[str, int] = {}
for _name in _LOWER_TO_PLACE:
    _first = _name.split()[0].rstrip(",.")
    _MAX_WORDS_AFTER[_first] = max(_MAX_WORDS_AFTER.get(_first, 1), len(_name.split()))

# Short, ambiguous names must match case-exactly.
_CASE_EXACT = {"US", "UK", "U.S.", "U.K.", "USA", "UAE", "NYC"}
#: A capitalised word (place names start with one): "New", "York", "U.S.", "Zürich", "D.C.".
_CAP_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}.'’-]*(?:,\s(?=D\.C\.))?")


def classify_place(name: str) -> tuple[str, str, str] | None:
    """``(kind, canonical name, country code)`` for a place name, else ``None``."""
    info = _LOWER_TO_PLACE.get(name.lower())
    if info and info[1].upper() in _CASE_EXACT and name != info[1]:
        return None
    return info


@lru_cache(maxsize=8192)
def find_places(text: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """All place mentions: ``(start, end, kind, canonical, country)`` (cached per string).

    Candidate names are runs of capitalised words ("New York City", "the Netherlands" via
    "Netherlands"), looked up longest first — linear in the text, no big alternation.
    """
    words = [(m.start(), m.end()) for m in _CAP_WORD.finditer(text)]
    out: list[tuple[int, int, str, str, str]] = []
    i = 0
    while i < len(words):
        found = None
        first = text[words[i][0]:words[i][1]].lower().rstrip(",. ")
        for n in range(min(_MAX_WORDS_AFTER.get(first, 1), len(words) - i), 0, -1):
            start, end = words[i][0], words[i + n - 1][1]
            # the words must be adjacent (separated by one space or ", ")
            if n > 1 and any(words[j + 1][0] - words[j][1] > 2 for j in range(i, i + n - 1)):
                continue
            surface = text[start:end].rstrip(".,") if n == 1 else text[start:end]
            if n == 1 and surface not in _CASE_EXACT and text[start:end].endswith("."):
                surface = text[start:end].rstrip(".")
            info = classify_place(surface) or classify_place(text[start:end])
            if info:
                e = start + len(surface) if classify_place(surface) else end
                found = (start, e, *info), n
                break
        if found:
            out.append(found[0])
            i += found[1]
        else:
            i += 1
    return tuple(out)
