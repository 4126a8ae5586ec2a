"""Page-type model: shipped as JSON (no pickle), reproducible from the fixtures, accurate."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from payscrape.classify import load_model, train
from payscrape.training import cross_validate, load_labelled, report

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def labelled():
    return load_labelled(FIXTURES)


def test_shipped_model_is_plain_json() -> None:
    raw = (resources.files("payscrape") / "data" / "page_type_model.json").read_bytes()
    data = json.loads(raw)
    assert data["format"] == "payscrape-page-type" and data["classes"]
    assert b"pickle" not in raw and not raw.startswith(b"\x80")
    load_model()


def test_retraining_reproduces_shipped_predictions(labelled) -> None:
    shipped = load_model()
    fresh = train(labelled.documents, labelled.records, labelled.labels, groups=labelled.groups)
    a = shipped.predict_proba(labelled.documents, labelled.records)
    b = fresh.predict_proba(labelled.documents, labelled.records)
    assert (a.argmax(axis=1) == b.argmax(axis=1)).all()
    assert np.allclose(a, b, atol=1e-3)


def test_grouped_cross_validation_accuracy(labelled) -> None:
    res = cross_validate(labelled)
    print(report(res))
    assert res.n >= 100
    assert res.accuracy is not None and res.accuracy >= 0.95


def test_corrupt_model_is_a_typed_error(tmp_path) -> None:
    from payscrape.errors import ModelError

    bad = tmp_path / "m.json"
    bad.write_text('{"format": "something-else"}')
    with pytest.raises(ModelError):
        load_model(bad)


def test_top_features_are_readable_cues() -> None:
    model = load_model()
    report_words = [f for f, _ in model.top_features("market_report", 40)]
    guide_words = [f for f, _ in model.top_features("career_guide", 40)]
    assert len(report_words) == 40 and not set(report_words) & set(guide_words)
    # salary statistics drive reports; becoming / training drive guides
    assert any(w.split(":")[-1] in {"median", "percentile", "salary", "salaries", "average"}
               for w in report_words)
    assert any(k in w for w in guide_words for k in ("become", "training", "degree", "steps"))
