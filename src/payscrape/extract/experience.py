"""Experience bands ("0-3 Years Exp", "7+ years", "1 to 3 years of experience") and seniority labels."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .windows import match_windows

_F = regex.I

_NUMBER_WORDS = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20,
}
_N = r"(?:\d{1,2}(?:\.5)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_Y = r"(?:years?|yrs?\.?|y|yoe)(?![\p{L}])"
_EXP = (r"(?:['’]?\s*(?:of\s+)?(?:[\w,/-]+\s+){0,5}?(?:experience|exp)\b\.?|"
        r"\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:role|roles|trade|field|industry|"
        r"profession|position|job)\b)")

BAND = regex.compile(
    rf"""
    (?:(?=[\d(])|(?<![\p{{L}}\p{{N}}_])(?=\p{{L}}))  # a digit, "(" or the start of a word
    (?:(?P<lt>(?:less\s+than|under|fewer\s+than|up\s+to)\s+(?P<l1>{_N}|a)\s+{_Y}{_EXP}?)
    | (?P<atleast>(?:at\s+least|minimum(?:\s+of)?|a\s+minimum\s+of|min\.|more\s+than|over)\s+
        (?P<a1>{_N})\s*(?:\+\s*)?{_Y}{_EXP}?)
    | (?P<plus>(?P<p1>{_N})\s*(?:\+|plus)\s*{_Y}{_EXP}?)
    | (?P<ormore>(?P<m1>{_N})\s*(?:{_Y}\s+(?:or\s+more|and\s+(?:more|up|above|over))|
        or\s+more\s+{_Y})\b{_EXP}?)
    | (?P<range>(?:between\s+)?(?P<r1>{_N})\s*(?:-|–|—|to|and)\s*(?P<r2>{_N})\s*{_Y}{_EXP}?)
    | (?P<paren>\(\s*(?P<q1>{_N})\s*(?:-|–|—)\s*(?P<q2>{_N})\s*{_Y}\s*\))
    | (?P<single>(?P<s1>{_N})\s*{_Y}{_EXP}))
    """,
    _F | regex.X,
)

EXPERIENCE_CUE = regex.compile(r"\b(?:experience[ds]?|exp\b|in the (?:role|field|industry)|"
                               r"seniority|career)", _F)
STUDY_CUE = regex.compile(
    r"\b(?:degrees?|diplomas?|bachelor|master|phd|doctorate|certificates?|programs?|programmes?|"
    r"course(?:work)?|courses|college|university|school|stud(?:y|ies|ying)|training|"
    r"apprenticeships?|co-?op|terms?|semesters?|bootcamps?|old|ages?|aged|warranty|contracts?|"
    r"lease|service|ago|since|founded|in business|licen[cs]e|tuition|full-time study|"
    r"part-time study|internship)\b", _F,
)

#: Seniority labels → normalised level (first match in the label wins).
SENIORITY_WORDS: list[tuple[str, str]] = [
    (r"intern(?:ship)?s?|co-?op(?: student)?|trainee|apprentice", "intern"),
    (r"entry[- ]?level|entry|graduate|new grad|beginner|starting", "entry"),
    (r"junior|jr\.?|associate", "junior"),
    (r"mid[- ]?level|mid[- ]?career|mid|intermediate|professional|experienced|"
     r"early[- ]career", "mid"),
    (r"senior|sr\.?|expert|advanced|late[- ]career", "senior"),
    (r"lead|team lead|tech lead|staff lead", "lead"),
    (r"principal|staff|distinguished|architect", "principal"),
    (r"director|vp|vice president|head of|chief|executive|c-level|cxo|partner", "executive"),
]
_SENIORITY_RX = [(regex.compile(rf"\b(?:{rx})\b", _F), level) for rx, level in SENIORITY_WORDS]
SENIORITY_LABEL = regex.compile(
    r"\b(?:intern(?:ship)?|co-?op|trainee|entry[- ]?level|junior|jr\.?|mid[- ]?level|mid[- ]?career|"
    r"intermediate|senior(?: level)?|sr\.?|lead|principal|staff|director|executive|"
    r"early[- ]career|late[- ]career)\b", _F,
)


def seniority_of(label: str) -> str | None:
    """Normalise a seniority label: "Junior / Entry" → junior, "Principal/Staff" → principal."""
    best: tuple[int, str] | None = None
    for rx, level in _SENIORITY_RX:
        m = rx.search(label)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), level)
    return best[1] if best else None


def _num(word: str) -> float:
    word = word.lower()
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    return float(word)


@dataclass(slots=True)
class BandHit:
    """A candidate experience band."""

    start: int
    end: int
    min_years: float | None
    max_years: float | None
    explicit: bool  # the match itself says "experience"/"exp"


#: Every band names years: the full grammar only runs in windows around such a word.
_YEAR_WORD = regex.compile(r"(?i)\b(?:years?|yrs?|yoe)\b|\d\s?y\b")


def find_bands(text: str) -> list[BandHit]:
    """Year-range candidates; callers decide with context whether they are experience."""
    out: list[BandHit] = []
    for a, b in match_windows(_YEAR_WORD, text, 60, 90):
        out.extend(_find_bands(text, a, b))
    return out


#: Where a band can start: a digit, "(" or a word BAND begins with. Trying BAND only there
#: gives what ``BAND.finditer`` gives, at half the cost.
_BAND_START = regex.compile(
    r"[\d(]|(?<![\p{L}])(?:less|under|fewer|up|at|an?|min|more|over|between|zero|one|two|three|"
    r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)", regex.I,
)


def _band_matches(text: str, pos: int, endpos: int) -> list[regex.Match[str]]:
    out = []
    last = pos
    for s in _BAND_START.finditer(text, pos, endpos):
        if s.start() < last:
            continue
        m = BAND.match(text, s.start(), endpos)
        if m is not None and m.end() > m.start():
            out.append(m)
            last = m.end()
    return out


def _find_bands(text: str, pos: int, endpos: int) -> list[BandHit]:
    out: list[BandHit] = []
    for m in _band_matches(text, pos, endpos):
        g = m.groupdict()
        span = m.group(0)
        explicit = bool(regex.search(r"experience|\bexp\b", span, _F))
        try:
            if g["lt"]:
                lo, hi = 0.0, (1.0 if g["l1"].lower() in ("a", "one") else _num(g["l1"]))
            elif g["atleast"]:
                lo, hi = _num(g["a1"]), None
            elif g["plus"]:
                lo, hi = _num(g["p1"]), None
            elif g["ormore"]:
                lo, hi = _num(g["m1"]), None
            elif g["range"]:
                lo, hi = _num(g["r1"]), _num(g["r2"])
                if regex.match(r"between", span, _F) is None and span.lower().split()[1:2] == ["and"]:
                    pass
            elif g["paren"]:
                lo, hi = _num(g["q1"]), _num(g["q2"])
            else:
                lo = hi = _num(g["s1"])
        except ValueError:
            continue
        if hi is not None and lo is not None and (hi < lo or hi > 50):
            continue
        if lo is not None and lo > 50:
            continue
        # "and" joins only after "between": "4 and 6 years" alone is rarely a band
        if g["range"] and regex.search(r"\band\b", span, _F) and not regex.match(
            r"between", span, _F
        ) and not regex.search(r"between\s*$", text[max(0, m.start() - 10):m.start()], _F):
            continue
        start, end = m.start(), m.end()
        if g["paren"]:
            start, end = m.start() + 1, m.end() - 1
        if regex.match(r"between\s", span, _F):
            start += len(regex.match(r"between\s+", span, _F).group(0))  # type: ignore[union-attr]
        out.append(BandHit(start, end, lo, hi, explicit))
    return out
