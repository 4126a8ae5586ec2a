"""Money grammar on a table of real-world phrasings (grouped by origin), plus non-pay figures."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import payscrape

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]


def _case(row: list[str]):
    group, text, country, low, high, cur, period, bound = row[:8]
    xfail = row[8] if len(row) > 8 else ""
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, country, float(low), float(high), cur, period,
                        None if bound == "-" else bound, id=f"{group}:{text[:40]}", marks=marks)


_COUNTRY_WORD = {"CA": "Canada", "US": "the United States", "GB": "the United Kingdom",
                 "DE": "Germany", "IE": "Ireland", "FR": "France", "CH": "Switzerland",
                 "IN": "India", "AU": "Australia", "JP": "Japan"}


@pytest.mark.parametrize("text,country,low,high,currency,period,bound",
                         [_case(r) for r in _rows("money_cases.tsv")])
def test_money(text, country, low, high, currency, period, bound) -> None:
    page = f"Salary report for {_COUNTRY_WORD[country]}\n{text}\n"
    rec = payscrape.extract(page)
    assert rec.salaries, f"no pay figure found in {text!r}"
    s = rec.salaries[0]
    assert (s.low, s.high) == (low, high)
    assert s.currency == currency
    assert s.period == period
    assert s.bound == bound
    assert s.text and s.text in text


@pytest.mark.parametrize("group,text", [pytest.param(*r[:2], id=f"{r[0]}:{r[1][:40]}")
                                        for r in _rows("not_pay_cases.tsv")])
def test_not_pay(group: str, text: str) -> None:
    rec = payscrape.extract(f"Careers in Canada\n{text}\n")
    assert rec.salaries == [], [s.text for s in rec.salaries]
