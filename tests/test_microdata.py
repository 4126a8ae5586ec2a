"""schema.org microdata → the same salary facts as JSON-LD (``normalise/microdata.py``)."""

from __future__ import annotations

import json

import pytest

import payscrape
from payscrape.document import StructuredData, StructuredSalary
from payscrape.normalise.html import parse_html
from payscrape.normalise.jsonld import read_jsonld
from payscrape.normalise.microdata import (
    MAX_DEPTH,
    merge_structured,
    microdata_items,
    read_microdata,
)

from .conftest import FIXTURES

S = "https://schema.org/"


def tree(body: str):
    return parse_html(f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>")


def key(s: StructuredSalary) -> tuple:
    return (s.low, s.high, s.currency, s.period, s.statistic, s.percentile,
            s.experience_min, s.experience_max)


OCCUPATION = f"""
<div itemscope itemtype="{S}Occupation">
  <h1 itemprop="name">Data Engineer</h1>
  <div itemprop="occupationLocation" itemscope itemtype="{S}City"><meta itemprop="name" content="Berlin"></div>
  <div itemprop="estimatedSalary" itemscope itemtype="{S}MonetaryAmountDistribution">
    <meta itemprop="currency" content="EUR"><meta itemprop="duration" content="P1Y">
    <p>Median <span itemprop="median" content="65900">€65,900</span> a year;
       most earn <span itemprop="percentile10">48,000</span> to
       <data itemprop="percentile90" value="88000">€88k</data>.</p>
  </div>
</div>"""


def test_occupation_distribution() -> None:
    sd = read_microdata(tree(OCCUPATION))
    got = {key(s) for s in sd.salaries}
    assert got == {
        (65900, 65900, "EUR", "year", "median", None, None, None),
        (48000, 48000, "EUR", "year", "percentile", 10, None, None),
        (88000, 88000, "EUR", "year", "percentile", 90, None, None),
    }
    assert sd.role == "Data Engineer"
    assert {s.location for s in sd.salaries} == {"Berlin"}


def test_same_facts_as_the_json_ld_equivalent() -> None:
    jsonld = {"@context": "https://schema.org", "@type": "Occupation", "name": "Data Engineer",
              "occupationLocation": {"@type": "City", "name": "Berlin"},
              "estimatedSalary": {"@type": "MonetaryAmountDistribution", "currency": "EUR",
                                  "duration": "P1Y", "median": 65900, "percentile10": 48000,
                                  "percentile90": 88000}}
    a = read_jsonld([json.dumps(jsonld)])
    b = read_microdata(tree(OCCUPATION))
    assert sorted(a.salaries, key=key) == sorted(b.salaries, key=key)
    assert a.role == b.role


def test_job_posting_base_salary_with_quantitative_value() -> None:
    html = f"""
    <main itemscope itemtype="{S}JobPosting">
      <h1 itemprop="title">Shift Supervisor</h1>
      <span itemprop="hiringOrganization" itemscope itemtype="{S}Organization">
        <span itemprop="name">Kestrel Freight</span></span>
      Posted <time itemprop="datePosted" datetime="2026-01-28T09:00:00Z">28 Jan</time>
      <div itemprop="baseSalary" itemscope itemtype="{S}MonetaryAmount">
        <meta itemprop="currency" content="usd">
        <span itemprop="value" itemscope itemtype="{S}QuantitativeValue">
          <data itemprop="minValue" value="31">$31</data>–<data itemprop="maxValue" value="36">$36</data>
          <meta itemprop="unitText" content="HOUR"></span>
      </div>
    </main>"""
    sd = read_microdata(tree(html))
    assert [key(s) for s in sd.salaries] == [(31, 36, "USD", "hour", "range", None, None, None)]
    # the nested Organization's name is not the posting's role
    assert sd.role == "Shift Supervisor"
    assert sd.updated == "2026-01-28"


def test_job_posting_single_value_and_text_unit() -> None:
    html = f"""<div itemscope itemtype="{S}JobPosting"><span itemprop="title">Nurse</span>
      <div itemprop="baseSalary" itemscope itemtype="{S}MonetaryAmount">
        <meta itemprop="currency" content="GBP">
        <span itemprop="value" itemscope itemtype="{S}QuantitativeValue">
          £<span itemprop="value">37,338</span> <span itemprop="unitText">per year</span></span>
      </div></div>"""
    sd = read_microdata(tree(html))
    assert [key(s) for s in sd.salaries] == [(37338, 37338, "GBP", "year", None, None, None, None)]


def test_aggregation_by_employer_sample_size_and_experience() -> None:
    html = f"""
    <div itemscope itemtype="{S}OccupationAggregationByEmployer">
      <meta itemprop="name" content="Electrician">
      <meta itemprop="sampleSize" content="860">
      <meta itemprop="yearsExperienceMin" content="2"><meta itemprop="yearsExperienceMax" content="6">
      <div itemprop="estimatedSalary" itemscope itemtype="{S}MonetaryAmountDistribution">
        <meta itemprop="currency" content="NZD"><meta itemprop="duration" content="P1Y">
        <span itemprop="median">NZ$78,000</span>
      </div>
    </div>"""
    sd = read_microdata(tree(html))
    assert sd.sample_size == 860
    assert [key(s) for s in sd.salaries] == [(78000, 78000, "NZD", "year", "median", None, 2, 6)]


@pytest.mark.parametrize("markup,expected", [
    ('<meta itemprop="p" content=" 42 ">', "42"),
    ('<data itemprop="p" value="42">forty-two</data>', "42"),
    ('<meter itemprop="p" value="0.4">40%</meter>', "0.4"),
    ('<time itemprop="p" datetime="2026-04-01">April</time>', "2026-04-01"),
    ('<time itemprop="p">April 2026</time>', "April 2026"),
    ('<a itemprop="p" href="https://x.example/a">link text</a>', "https://x.example/a"),
    ('<img itemprop="p" src="/chart.png" alt="chart">', "/chart.png"),
    ('<span itemprop="p" content="65900">€65,900</span>', "65900"),
    ('<span itemprop="p">  €65,900\n  a <b>year</b><script>var x=1</script> </span>', "€65,900 a year"),
])
def test_property_values(markup: str, expected: str) -> None:
    items = microdata_items(tree(f'<div itemscope itemtype="{S}Thing">{markup}</div>'))
    assert items == [{"@type": "Thing", "p": expected}]


def test_names_types_and_repeated_properties() -> None:
    html = (f'<div itemscope itemtype="{S}Occupation {S}Role" itemid="urn:x">'
            f'<span itemprop="name {S}alternateName">Nurse</span>'
            '<span itemprop="skills">triage</span><span itemprop="skills">IV</span></div>')
    [item] = microdata_items(tree(html))
    assert item == {"@type": ["Occupation", "Role"], "@id": "urn:x", "name": "Nurse",
                    "alternateName": "Nurse", "skills": ["triage", "IV"]}


def test_nested_items_keep_their_properties() -> None:
    html = (f'<div itemscope itemtype="{S}JobPosting"><span itemprop="title">A</span>'
            f'<div itemprop="hiringOrganization" itemscope itemtype="{S}Organization">'
            '<span itemprop="name">Org</span><div><span itemprop="url">u</span></div></div>'
            '<p><span itemprop="description">D</span></p></div>')
    [item] = microdata_items(tree(html))
    assert item == {"@type": "JobPosting", "title": "A", "description": "D",
                    "hiringOrganization": {"@type": "Organization", "name": "Org", "url": "u"}}


def test_itemscope_without_itemprop_inside_another_is_its_own_item() -> None:
    html = (f'<div itemscope itemtype="{S}WebPage"><span itemprop="name">Page</span>'
            f'<div itemscope itemtype="{S}Occupation"><span itemprop="name">Welder</span></div></div>')
    items = microdata_items(tree(html))
    assert items == [{"@type": "WebPage", "name": "Page"}, {"@type": "Occupation", "name": "Welder"}]


def test_itemref_and_cycles() -> None:
    html = (f'<div id="top" itemscope itemtype="{S}Occupation" itemref="pay loop">'
            '<span itemprop="name">Welder</span>'
            f'<div id="loop" itemprop="related" itemscope itemtype="{S}Thing" itemref="top"></div></div>'
            f'<div id="pay"><div itemprop="estimatedSalary" itemscope itemtype="{S}MonetaryAmount">'
            '<meta itemprop="currency" content="CAD"><meta itemprop="unitText" content="HOUR">'
            '<span itemprop="value">36.10</span></div></div>')
    sd = read_microdata(tree(html))
    assert [key(s) for s in sd.salaries] == [(36.1, 36.1, "CAD", "hour", None, None, None, None)]


def test_other_types_and_empty_input_give_nothing() -> None:
    product = (f'<div itemscope itemtype="{S}Product"><span itemprop="name">Course</span>'
               f'<div itemprop="offers" itemscope itemtype="{S}Offer">'
               '<meta itemprop="priceCurrency" content="USD"><span itemprop="price">499</span></div></div>')
    assert read_microdata(tree(product)).salaries == []
    assert read_microdata(tree("<p>No markup, $50,000 a year.</p>")) == StructuredData()
    assert read_microdata(None) == StructuredData()


def test_deep_and_wide_markup_is_bounded() -> None:
    deep = (f'<div itemprop="x" itemscope itemtype="{S}Thing">' * 200) + "</div>" * 200
    items = microdata_items(tree(f'<div itemscope itemtype="{S}Thing">{deep}</div>'))
    depth, node = 0, items[0]
    while isinstance(node, dict) and "x" in node:
        depth, node = depth + 1, node["x"]
    assert depth <= MAX_DEPTH
    wide = "".join(f'<div itemscope itemtype="{S}Thing"><span itemprop="n">{i}</span></div>'
                   for i in range(5000))
    assert len(microdata_items(tree(wide))) <= 2000


def test_merge_keeps_json_ld_first_and_drops_duplicates() -> None:
    a = StructuredData(salaries=[StructuredSalary(1, 1, "EUR", "year", "median")], role="A")
    b = StructuredData(salaries=[StructuredSalary(1, 1, "EUR", "year", "median"),
                                 StructuredSalary(2, 2, "EUR", "year", "percentile", 90)],
                       sample_size=5, role="B")
    m = merge_structured(a, b)
    assert [(s.low, s.percentile) for s in m.salaries] == [(1, None), (2, 90)]
    assert (m.role, m.sample_size) == ("A", 5)


# --- the fixture pages -----------------------------------------------------------------

MICRODATA_PAGES = ["microdata-occupation", "microdata-jobposting", "microdata-aggregation"]


def _page(name: str):
    html = (FIXTURES / "normalise" / f"{name}.html").read_bytes().decode("utf-8")
    return parse_html(html)


def _golden(name: str) -> dict:
    return json.loads((FIXTURES / "normalise" / f"{name}.expected.json").read_text("utf-8"))


@pytest.mark.parametrize("name", MICRODATA_PAGES)
def test_fixture_page_markup_holds_every_golden_figure(name: str) -> None:
    """Each microdata page marks up all its pay figures: the reader must find every one."""
    sd = read_microdata(_page(name))
    got = {key(s) for s in sd.salaries}
    for g in _golden(name)["salaries"]:
        exp = g.get("experience") or {}
        want = (g["low"], g["high"], g["currency"], g["period"], g["statistic"], g["percentile"],
                exp.get("min_years"), exp.get("max_years"))
        assert want in got, (want, got)
    if "data_points" in _golden(name):
        assert sd.sample_size == _golden(name)["data_points"]


def test_normalise_reads_microdata() -> None:
    raw = (FIXTURES / "normalise" / "microdata-occupation.html").read_bytes()
    doc = payscrape.normalise(raw)
    assert any(s.statistic == "percentile" and s.percentile == 10 for s in doc.structured.salaries)
    doc = payscrape.normalise((FIXTURES / "normalise" / "microdata-aggregation.html").read_bytes())
    assert doc.structured.sample_size == 860
