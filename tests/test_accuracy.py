"""The accuracy gate: field-by-field metrics on every golden fixture, against pinned floors.

Floors live in ``accuracy_floors.json``; lowering one is an explicit, reviewed change.
Raise them when extraction improves.
"""

from __future__ import annotations

import json
from pathlib import Path

from payscrape.evaluate import check_floors, evaluate, format_report, metrics

from .conftest import FIXTURES

FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text("utf-8"))


def test_no_metric_below_its_floor() -> None:
    scores = evaluate(FIXTURES)
    values = metrics(scores)
    failed = check_floors(values, FLOORS)
    assert not failed, "\n".join(failed) + "\n\n" + format_report(scores)


def test_every_fixture_has_a_golden_and_extracts_without_error() -> None:
    scores = evaluate(FIXTURES / "seeds")
    assert "errors" not in scores or not scores["errors"].errors
    from payscrape.batch import _is_page_file

    pages = [p for p in FIXTURES.rglob("*") if p.is_file() and _is_page_file(p)]
    missing = [p for p in pages if not p.with_name(p.name.split(".")[0] + ".expected.json").exists()]
    assert not missing, missing
