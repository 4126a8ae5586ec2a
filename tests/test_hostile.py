"""Hostile input: pathological text finishes fast, errors are typed, nothing crashes."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import payscrape

from .conftest import FIXTURES

PATHOLOGICAL = {
    "dollar-commas": "$" + "1," * 60000,
    "dash-chain": "1-" * 60000,
    "cad-words": "CAD " * 40000,
    "no-whitespace": "a1$" * 1_700_000,
    "years-chain": "1 to " * 40000 + "years",
    "nested-divs": "<div>" * 5000 + "Salary $50,000" + "</div>" * 5000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_is_bounded(name: str) -> None:
    start = time.perf_counter()
    try:
        payscrape.extract(PATHOLOGICAL[name])
    except payscrape.PayscrapeError:
        pass
    # generous bound for slow CI machines; catastrophic backtracking takes minutes
    assert time.perf_counter() - start < 10


def test_too_large_is_typed() -> None:
    with pytest.raises(payscrape.InputTooLarge):
        payscrape.extract(b"x" * 100, max_input_bytes=10)


@pytest.mark.parametrize("data,error", [
    (b"", payscrape.EmptyInput), (b"   \n ", payscrape.EmptyInput),
    (b"%PDF-1.7 binary", payscrape.NotAPage), (bytes(range(256)) * 50, payscrape.NotAPage),
])
def test_bad_input_raises_typed_errors(data: bytes, error: type) -> None:
    with pytest.raises(error):
        payscrape.extract(data)


SEED_TEXT = (FIXTURES / "seeds/000_bb0d3b1a1f5bd651.txt").read_text("utf-8")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data: bytes) -> None:
    try:
        payscrape.extract(data)
    except payscrape.PayscrapeError:
        pass


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SEED_TEXT) - 1), st.integers(1, 400),
       st.text(alphabet="<>/$€£%0123456789,.-–+ |\n&;#x", max_size=60))
def test_mutated_seed_never_crashes(pos: int, cut: int, junk: str) -> None:
    text = SEED_TEXT[:pos] + junk + SEED_TEXT[pos + cut:]
    try:
        rec = payscrape.extract(text)
    except payscrape.PayscrapeError:
        return
    doc = payscrape.normalise(text)
    for s in rec.salaries:
        assert doc.text[s.start:s.end] == s.text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "<table>", "<tr><td>", "</td>",
                                 "<li>", "<script>", "</script>", "$1,000", "per year", "<br>",
                                 "&nbsp;", "<!--", "-->", "Senior", "3-5 years", "<h2>"]),
                max_size=80))
def test_random_html_never_crashes(parts: list[str]) -> None:
    try:
        payscrape.extract("<html><body>" + "".join(parts))
    except payscrape.PayscrapeError:
        pass
