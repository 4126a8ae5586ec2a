"""The five seed pages, as given (mojibake included) and as HTML renditions, field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

import payscrape
from payscrape.evaluate import Score, score_record

from .conftest import golden_pages

SEEDS = golden_pages("seeds") + golden_pages("seeds_html")
EXACT = ("page_type", "title", "role", "country", "region", "updated", "data_points",
         "confidence_label")


@pytest.fixture(scope="module")
def records() -> dict[Path, payscrape.PageRecord]:
    return {page: payscrape.extract_file(page) for page, _ in SEEDS}


def test_all_ten_seed_pages_present() -> None:
    assert len(SEEDS) == 10


@pytest.mark.parametrize("page,golden", SEEDS, ids=lambda x: getattr(x, "name", ""))
def test_scalar_fields_exact(page: Path, golden: dict, records: dict) -> None:
    got = records[page].model_dump(mode="json")
    for name in EXACT:
        if name == "title":
            norm = lambda s: " ".join("".join(c if c.isalnum() else " " for c in s.casefold()).split()) if s else s
            assert norm(got[name]) == norm(golden[name]), name
        else:
            assert got[name] == golden[name], name


@pytest.mark.parametrize("page,golden", SEEDS, ids=lambda x: getattr(x, "name", ""))
def test_salaries_and_bands(page: Path, golden: dict, records: dict) -> None:
    scores: dict[str, Score] = {k: Score() for k in (
        "salaries", "currency", "experience_bands", "band.seniority", "skills", "certifications",
        "sources", "seniority_mix", "location_premiums",
        *(f"salary.{a}" for a in ("statistic", "bound", "projected_year", "experience",
                                   "seniority", "location")),
        *EXACT)}
    score_record(golden, records[page], scores, str(page))
    assert scores["salaries"].f1 >= 0.95, scores["salaries"].errors
    assert scores["currency"].accuracy == 1.0, scores["currency"].errors
    for attr in ("experience", "seniority", "bound", "location", "projected_year"):
        assert scores[f"salary.{attr}"].accuracy == 1.0, scores[f"salary.{attr}"].errors
    assert scores["experience_bands"].f1 == 1.0, scores["experience_bands"].errors
    assert scores["seniority_mix"].f1 == 1.0, scores["seniority_mix"].errors
    assert scores["location_premiums"].f1 == 1.0, scores["location_premiums"].errors
    assert scores["sources"].f1 == 1.0, scores["sources"].errors


def test_projection_is_two_figures_not_a_range(records: dict) -> None:
    page = next(p for p, _ in SEEDS if p.name.startswith("000") and p.suffix == ".txt")
    lows = {(s.low, s.high) for s in records[page].salaries}
    assert (150736, 160537) not in lows
    assert (150736, 150736) in lows and (160537, 160537) in lows


def test_study_durations_are_not_bands(records: dict) -> None:
    page = next(p for p, _ in SEEDS if p.name.startswith("004") and p.suffix == ".txt")
    bands = {(b.min_years, b.max_years) for b in records[page].experience_bands}
    assert bands == {(0, 2), (3, 5), (5, None)}


def test_html_boilerplate_prices_are_not_pay(records: dict) -> None:
    for page, _ in SEEDS:
        if page.suffix != ".html":
            continue
        amounts = {s.low for s in records[page].salaries} | {s.high for s in records[page].salaries}
        # ad, script, hidden-element and comment prices planted in the renditions
        for price in (499, 29, 12.99, 14000, 1200, 79, 250000, 999999, 145000, 190000):
            assert price not in amounts, (page.name, price)
