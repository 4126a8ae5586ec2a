"""Field-by-field evaluation against golden records (``*.expected.json``).

A golden file holds a subset of ``PageRecord`` fields; only the fields it holds are
scored. Salaries match on (low, high, currency, period); bands on (min, max); skills,
certifications and sources as sets of names.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .records import PageRecord

SET_FIELDS = ("skills", "certifications", "sources")
#: Files next to a page that are not pages: golden records and reference main texts.
SIDECARS = (".expected.json", ".maintext.txt", ".py", ".md")
SCALAR_FIELDS = ("page_type", "title", "role", "country", "region", "updated", "data_points",
                 "confidence_label")
ATTRS = ("statistic", "bound", "projected_year", "experience", "seniority", "location")


@dataclass(slots=True)
class Score:
    """Counts for one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


def golden_pairs(root: str | Path) -> list[tuple[Path, Path]]:
    """``(page, golden)`` pairs under ``root`` (a page is any sibling of ``X.expected.json``)."""
    pairs = []
    for golden in sorted(Path(root).rglob("*.expected.json")):
        stem = golden.name[: -len(".expected.json")]
        pages = [p for p in golden.parent.glob(stem + ".*") if p != golden
                 and not p.name.endswith(SIDECARS)]
        if pages:
            pairs.append((sorted(pages)[0], golden))
    return pairs


def _norm_text(s: Any) -> Any:
    if not isinstance(s, str):
        return s
    return regex.sub(r"[\W_]+", " ", s.casefold()).strip()


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def _exp(v: Any) -> tuple[float | None, float | None] | None:
    if not v:
        return None
    return (_num(v.get("min_years")), _num(v.get("max_years")))


def _salary_key(s: dict[str, Any]) -> tuple[float, float, str | None, str | None]:
    return (round(float(s["low"]), 2), round(float(s["high"]), 2), s.get("currency"),
            s.get("period"))


def _attr(s: dict[str, Any], name: str) -> Any:
    if name == "experience":
        return _exp(s.get("experience"))
    v = s.get(name)
    return _norm_text(v) if name == "location" else v


def _match_salaries(gold: list[dict[str, Any]], got: list[dict[str, Any]], scores: dict[str, Score],
                    where: str) -> None:
    sc = scores["salaries"]
    cur = scores["currency"]
    unmatched = list(range(len(got)))
    for g in gold:
        # currency accuracy: among figures found by amount
        same_amount = [i for i in range(len(got)) if
                       (round(float(got[i]["low"]), 2), round(float(got[i]["high"]), 2)) ==
                       (round(float(g["low"]), 2), round(float(g["high"]), 2))]
        if same_amount:
            cur.total += 1
            if any(got[i].get("currency") == g.get("currency") for i in same_amount):
                cur.correct += 1
            else:
                cur.errors.append(f"{where}: currency of {g.get('text')!r} "
                                  f"{[got[i].get('currency') for i in same_amount]} != {g.get('currency')}")
        cands = [i for i in unmatched if _salary_key(got[i]) == _salary_key(g)]
        if not cands:
            sc.fn += 1
            sc.errors.append(f"{where}: missed {g.get('text')!r} {_salary_key(g)}")
            continue
        best = max(cands, key=lambda i: sum(_attr(got[i], a) == _attr(g, a) for a in ATTRS))
        unmatched.remove(best)
        sc.tp += 1
        for a in ATTRS:
            if a in g:
                s = scores[f"salary.{a}"]
                s.total += 1
                if _attr(got[best], a) == _attr(g, a):
                    s.correct += 1
                else:
                    s.errors.append(f"{where}: {a} of {g.get('text')!r}: "
                                    f"{_attr(got[best], a)!r} != {_attr(g, a)!r}")
    for i in unmatched:
        sc.fp += 1
        sc.errors.append(f"{where}: spurious {got[i].get('text')!r} {_salary_key(got[i])}")


def _match_set(gold: Iterable[Any], got: Iterable[Any], sc: Score, where: str,
               key: Callable[[Any], Any] = _norm_text) -> None:
    g = {key(x) for x in gold}
    r = {key(x) for x in got}
    sc.tp += len(g & r)
    sc.fp += len(r - g)
    sc.fn += len(g - r)
    for x in sorted(map(str, r - g)):
        sc.errors.append(f"{where}: spurious {x}")
    for x in sorted(map(str, g - r)):
        sc.errors.append(f"{where}: missed {x}")


def score_record(golden: dict[str, Any], record: PageRecord, scores: dict[str, Score],
                 where: str) -> None:
    """Add one page's comparison to ``scores``."""
    got = record.model_dump(mode="json")
    if "salaries" in golden:
        _match_salaries(golden["salaries"], got["salaries"], scores, where)
    if "experience_bands" in golden:
        sc = scores["experience_bands"]
        gold_b = [(_num(b["min_years"]), _num(b["max_years"])) for b in golden["experience_bands"]]
        got_b = [(_num(b["min_years"]), _num(b["max_years"])) for b in got["experience_bands"]]
        _match_set(gold_b, got_b, sc, where, key=lambda x: x)
        sen = scores["band.seniority"]
        for b in golden["experience_bands"]:
            twin = next((x for x in got["experience_bands"] if
                         (_num(x["min_years"]), _num(x["max_years"])) ==
                         (_num(b["min_years"]), _num(b["max_years"]))), None)
            if twin is not None:
                sen.total += 1
                if twin.get("seniority") == b.get("seniority"):
                    sen.correct += 1
                else:
                    sen.errors.append(f"{where}: seniority of band {b.get('label')!r}: "
                                      f"{twin.get('seniority')} != {b.get('seniority')}")
    for name in SET_FIELDS:
        if name in golden:
            got_names = [x["name"] if isinstance(x, dict) else x for x in got[name]]
            gold_names = [x["name"] if isinstance(x, dict) else x for x in golden[name]]
            _match_set(gold_names, got_names, scores[name], where)
    for name in SCALAR_FIELDS:
        if name in golden:
            sc = scores[name]
            sc.total += 1
            if _norm_text(golden[name]) == _norm_text(got[name]):
                sc.correct += 1
            else:
                sc.errors.append(f"{where}: {got[name]!r} != {golden[name]!r}")
    if "seniority_mix" in golden:
        sc = scores["seniority_mix"]
        _match_set([(m["level"], round(m["share"], 4)) for m in golden["seniority_mix"]],
                   [(m["level"], round(m["share"], 4)) for m in got["seniority_mix"]], sc, where,
                   key=lambda x: x)
    if "location_premiums" in golden:
        sc = scores["location_premiums"]
        _match_set([(_norm_text(m["location"]), round(m["premium"], 4), _num(m.get("amount")))
                    for m in golden["location_premiums"]],
                   [(_norm_text(m["location"]), round(m["premium"], 4), _num(m.get("amount")))
                    for m in got["location_premiums"]], sc, where, key=lambda x: x)


def evaluate(root: str | Path, extract_fn: Callable[[Path], PageRecord] | None = None
             ) -> dict[str, Score]:
    """Score extraction on every golden page under ``root``."""
    from .api import extract_file

    fn = extract_fn or extract_file
    scores: dict[str, Score] = {}

    class _Scores(dict):  # type: ignore[type-arg]
        def __missing__(self, key: str) -> Score:
            self[key] = Score()
            return self[key]

    scores = _Scores()
    for page, golden_path in golden_pairs(root):
        golden = json.loads(golden_path.read_text("utf-8"))
        record = fn(page)
        if record.error is not None:
            scores["errors"].errors.append(f"{page}: {record.error.message}")
        score_record(golden, record, scores, str(page))
    return dict(scores)


def metrics(scores: dict[str, Score]) -> dict[str, float]:
    """Flatten scores to ``{"salaries.f1": 0.97, "page_type.accuracy": 1.0, …}``."""
    out: dict[str, float] = {}
    for name, sc in sorted(scores.items()):
        if sc.tp or sc.fp or sc.fn:
            out[f"{name}.precision"] = round(sc.precision, 4)
            out[f"{name}.recall"] = round(sc.recall, 4)
            out[f"{name}.f1"] = round(sc.f1, 4)
        if sc.total:
            out[f"{name}.accuracy"] = round(sc.accuracy, 4)
    return out


def format_report(scores: dict[str, Score], *, verbose: bool = False) -> str:
    lines = [f"{'field':<28}{'P':>8}{'R':>8}{'F1':>8}{'acc':>8}{'n':>6}"]
    for name, sc in sorted(scores.items()):
        if name == "errors":
            continue
        if sc.tp or sc.fp or sc.fn:
            lines.append(f"{name:<28}{sc.precision:>8.3f}{sc.recall:>8.3f}{sc.f1:>8.3f}{'':>8}"
                         f"{sc.tp + sc.fn:>6}")
        elif sc.total:
            lines.append(f"{name:<28}{'':>8}{'':>8}{'':>8}{sc.accuracy:>8.3f}{sc.total:>6}")
    if verbose:
        for name, sc in sorted(scores.items()):
            for e in sc.errors:
                lines.append(f"  [{name}] {e}")
    return "\n".join(lines)


def check_floors(values: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Metrics that fell below their pinned floor."""
    return [f"{k}: {values.get(k, 0.0):.4f} < floor {v:.4f}" for k, v in sorted(floors.items())
            if values.get(k, 0.0) + 1e-9 < v]
