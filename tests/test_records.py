"""Records: JSON round trip, schema, evidence offsets into Document.text."""

from __future__ import annotations

import json

import pytest

import payscrape
from payscrape.api import read_page_bytes
from payscrape.evaluate import golden_pairs

from .conftest import FIXTURES

PAGES = [page for page, _ in golden_pairs(FIXTURES)]


def test_schema_is_usable() -> None:
    schema = payscrape.PageRecord.model_json_schema()
    props = schema["properties"]
    for name in ("source", "url", "page_type", "page_type_score", "title", "role", "country",
                 "region", "updated", "salaries", "experience_bands", "skills", "certifications",
                 "data_points", "confidence_label", "seniority_mix", "location_premiums",
                 "sources", "warnings"):
        assert name in props, name
    json.dumps(schema)


@pytest.mark.parametrize("page", PAGES[::3], ids=lambda p: p.name)
def test_round_trip_and_evidence(page) -> None:
    data = read_page_bytes(page)
    record = payscrape.extract(data, source=str(page))
    again = payscrape.PageRecord.model_validate_json(record.model_dump_json())
    assert again == record
    doc = payscrape.normalise(data)
    spans = [(s.text, s.start, s.end) for s in record.salaries if s.start is not None]
    spans += [(b.text, b.start, b.end) for b in record.experience_bands]
    spans += [(m.text, m.start, m.end) for sk in record.skills for m in sk.mentions]
    spans += [(m.text, m.start, m.end) for c in record.certifications for m in c.mentions]
    for text, start, end in spans:
        assert doc.text[start:end] == text


def test_integral_amounts_serialise_as_integers() -> None:
    rec = payscrape.extract("Average salary: $85,000 a year. Hourly: $41.50 per hour.")
    row = json.loads(rec.model_dump_json())
    values = {(s["low"], s["period"]) for s in row["salaries"]}
    assert (85000, "year") in values and (41.5, "hour") in values
    assert any(isinstance(s["low"], int) for s in row["salaries"])
