"""payscrape.render: escaping, every span kind highlighted, overlapping spans."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

import payscrape
from payscrape.document import Document
from payscrape.records import (
    Certification,
    ExperienceBand,
    LocationPremium,
    Mention,
    PageRecord,
    Salary,
    SeniorityShare,
    Skill,
    YearsRange,
)
from payscrape.render import KINDS, Span, evidence_spans, render_text

VOID = {"br", "hr", "img", "meta", "link", "input", "wbr"}


class Tree(HTMLParser):
    """Checks well-formedness; collects tags, the text of marks and script elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self.marks: list[dict] = []  # {"kind", "text", "continued"}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)
        a = dict(attrs)
        if tag in VOID:
            return
        if tag == "mark":
            self.marks.append({"kind": a.get("data-kind"), "text": "",
                               "continued": a.get("data-continued") == "true"})
            a["_mark"] = len(self.marks) - 1
        self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with open {[t for t, _ in self.stack]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(a.get("class") == "payscrape-label" for _, a in self.stack):
            return
        for _, a in self.stack:
            if "_mark" in a:
                self.marks[a["_mark"]]["text"] += data


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    assert not tree.errors, tree.errors
    assert not tree.stack, f"unclosed: {tree.stack}"
    return tree


def plain_text(markup: str) -> str:
    """The text a reader sees in render_text output, labels removed."""
    no_labels = re.sub(r'<span class="payscrape-label"[^>]*>[^<]*</span>', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", no_labels))


def assert_no_script(markup: str) -> None:
    assert "<script" not in markup.lower()
    assert "<style" not in markup.lower()
    tree = parse(markup)
    assert "script" not in tree.tags
    assert not [a for a in tree.attributes if a.startswith("on")], "an event handler leaked"


# --- a hand-made page with every kind -------------------------------------------------------

TEXT = ("Data Analyst salary <script>alert(1)</script>\n"
        "Based on 1,204 salaries reported.\n"
        "0-2 years: $58,000 median\n"
        "Calgary: +5% (about $105,000)\n"
        "Senior 40%\n"
        "Skills: SQL, Python. Certifications: CPA.")


def at(needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return start, start + len(needle)


def mention(needle: str) -> Mention:
    s, e = at(needle)
    return Mention(text=needle, start=s, end=e)


def every_kind_record() -> PageRecord:
    pay = at("$58,000")
    premium_pay = at("$105,000")
    band = at("0-2 years")
    prem = at("Calgary: +5% (about $105,000)")
    mix = at("Senior 40%")
    return PageRecord(
        title="<script>alert('title')</script> Data Analyst", page_type="market_report",
        page_type_score=0.91, role="Data Analyst", country="CA", data_points=1204,
        salaries=[
            Salary(low=58000, high=58000, currency="CAD", period="year", statistic="median",
                   experience=YearsRange(min_years=0, max_years=2), text="$58,000",
                   start=pay[0], end=pay[1]),
            Salary(low=105000, high=105000, currency="CAD", period="year", location="Calgary",
                   text="$105,000", start=premium_pay[0], end=premium_pay[1]),
            Salary(low=1, high=2, currency="CAD", origin="structured_data"),
        ],
        experience_bands=[ExperienceBand(text="0-2 years", start=band[0], end=band[1],
                                         min_years=0, max_years=2, label="0-2 years")],
        skills=[Skill(id="sql", name="SQL", category="database", mentions=[mention("SQL")]),
                Skill(id="python", name='Py"thon <b>', category="programming_language",
                      mentions=[mention("Python")])],
        certifications=[Certification(id="cpa", name="CPA", mentions=[mention("CPA")])],
        location_premiums=[LocationPremium(location="Calgary", premium=0.05, amount=105000,
                                           currency="CAD", text=TEXT[prem[0]:prem[1]],
                                           start=prem[0], end=prem[1])],
        seniority_mix=[SeniorityShare(level="senior", share=0.4, text="Senior 40%",
                                      start=mix[0], end=mix[1])],
    )


def test_script_in_page_text_is_shown_not_executed() -> None:
    doc = Document(text=TEXT)
    out = payscrape.render(every_kind_record(), doc)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in out
    assert_no_script(out)
    parse(out)


def test_script_inside_a_span_and_in_attributes_is_escaped() -> None:
    s, e = at("<script>alert(1)</script>")
    rec = PageRecord(skills=[Skill(id="x", name='x" onmouseover="alert(1)', category="<i>",
                                   mentions=[Mention(text=TEXT[s:e], start=s, end=e)])])
    out = payscrape.render(rec, Document(text=TEXT))
    tree = parse(out)
    assert [m["text"] for m in tree.marks] == ["<script>alert(1)</script>"]
    assert "&lt;script&gt;" in out
    assert 'onmouseover="' not in out
    assert_no_script(out)


def test_script_from_an_extracted_page_is_escaped() -> None:
    page = ("<html><head><title>Nurse &lt;script&gt;alert(1)&lt;/script&gt; pay</title>"
            "<script>alert('real script')</script></head><body>"
            "<h1>Registered Nurse Salary</h1>"
            "<p>Type &lt;script&gt;alert(1)&lt;/script&gt; to test. The median salary is "
            "$81,000 per year, based on 530 salaries.</p></body></html>")
    rec = payscrape.extract(page)
    doc = payscrape.normalise(page)
    assert "<script>alert(1)</script>" in doc.text
    for out in (payscrape.render(rec, doc), payscrape.render(rec), rec._repr_html_()):
        assert "&lt;script&gt;" in out
        assert_no_script(out)
        assert "real script" not in out


def test_every_span_kind_is_highlighted_with_its_colour_and_legend() -> None:
    rec = every_kind_record()
    out = payscrape.render(rec, Document(text=TEXT))
    tree = parse(out)
    got = {(m["kind"], m["text"]) for m in tree.marks if not m["continued"]}
    assert got == {
        ("pay", "$58,000"), ("pay", "$105,000"), ("experience", "0-2 years"),
        ("skill", "SQL"), ("skill", "Python"), ("certification", "CPA"),
        ("data_points", "1,204"), ("location_premium", "Calgary: +5% (about $105,000)"),
        ("seniority_mix", "Senior 40%"),
    }
    colours = {colour for _, colour in KINDS.values()}
    assert len(colours) == len(KINDS), "each kind needs its own colour"
    for kind, (label, colour) in KINDS.items():
        assert f'data-kind="{kind}" title=' in out or f'data-kind="{kind}" data-continued' in out
        assert f"background: {colour}" in out
        assert label in out  # legend and labels
    assert 'class="payscrape-legend"' in out
    assert "market_report" in out and "0.91" in out


def test_every_kind_on_extracted_pages(fixtures_dir) -> None:
    from payscrape.api import read_page_bytes

    seen: set[str] = set()
    for rel in ("corpus/guides/jobfutures-civil-engineer-alberta.html",
                "corpus/reports/howmuch-data-scientist-nyc.html"):
        path = fixtures_dir / rel
        rec = payscrape.extract_file(path)
        doc = payscrape.normalise(read_page_bytes(path))
        spans, mismatched = evidence_spans(rec, doc)
        assert mismatched == 0
        out = payscrape.render(rec, doc)
        tree = parse(out)
        for m in tree.marks:
            seen.add(m["kind"])
        for s in spans:  # every evidence span shows its exact text
            assert any(m["kind"] == s.kind and m["text"] == doc.text[s.start:s.end]
                       for m in tree.marks if not m["continued"]), s
        assert plain_text(out.split('class="payscrape-text"', 1)[1].split(">", 1)[1]
                          .rsplit("</div></div>", 1)[0]) == doc.text
    assert {"pay", "experience", "skill", "certification", "data_points",
            "location_premium"} <= seen


def test_readme_page_has_data_points_span() -> None:
    page = ("<html><body><h1>Data Analyst Salary in Canada</h1><p>Based on 1,204 salaries "
            "reported.</p><table><tr><th>Experience</th><th>Median salary</th></tr>"
            "<tr><td>0-2 years</td><td>$58,000</td></tr></table>"
            "<p>Skills employers ask for: SQL and Power BI.</p></body></html>")
    rec = payscrape.extract(page)
    doc = payscrape.normalise(page)
    spans, _ = evidence_spans(rec, doc)
    dp = [s for s in spans if s.kind == "data_points"]
    assert [doc.text[s.start:s.end] for s in dp] == ["1,204"]


# --- overlap ----------------------------------------------------------------------------------

def test_nested_spans_render_nested() -> None:
    text = "Calgary: +5% (about $105,000) today"
    outer = Span(0, 29, "location_premium")
    inner = Span(20, 28, "pay")
    out = render_text(text, [inner, outer])
    tree = parse(out)
    assert [(m["kind"], m["text"], m["continued"]) for m in tree.marks] == [
        ("location_premium", "Calgary: +5% (about $105,000)", False),
        ("pay", "$105,000", False)]
    assert plain_text(out) == text
    assert out.count("payscrape-label") == 2


def test_crossing_spans_are_split_into_nested_pieces() -> None:
    text = "alpha beta gamma delta"
    a = Span(0, 10, "skill")        # "alpha beta"
    b = Span(6, 16, "certification")  # "beta gamma"
    c = Span(6, 10, "pay")          # "beta", same end as a
    out = render_text(text, [a, b, c])
    tree = parse(out)  # well-formed despite the crossing
    assert plain_text(out) == text
    pieces: dict[str, str] = {}
    for m in tree.marks:
        pieces[m["kind"]] = pieces.get(m["kind"], "") + m["text"]
    # each span's pieces together cover exactly its text (the outer mark's text includes nested)
    assert pieces["skill"] == "alpha beta"
    assert pieces["certification"] == "beta gamma"
    assert pieces["pay"] == "beta"
    assert sum(m["continued"] for m in tree.marks) == 1  # certification split once
    assert out.count("payscrape-label") == 3  # one label per span, after its last piece


def test_identical_and_out_of_range_spans() -> None:
    text = "SQL and Python"
    spans = [Span(0, 3, "skill"), Span(0, 3, "skill"), Span(0, 3, "certification"),
             Span(8, 99, "pay"), Span(5, 5, "pay"), Span(-1, 2, "pay")]
    out = render_text(text, spans)
    tree = parse(out)
    assert sorted((m["kind"], m["text"]) for m in tree.marks) == [
        ("certification", "SQL"), ("skill", "SQL")]
    assert plain_text(out) == text
    assert render_text(text, []) == text


def test_overlapping_record_spans_on_a_page() -> None:
    out = payscrape.render(every_kind_record(), Document(text=TEXT))
    tree = parse(out)
    prem = next(m for m in tree.marks if m["kind"] == "location_premium")
    assert prem["text"] == "Calgary: +5% (about $105,000)"  # contains the nested pay mark
    assert ("pay", "$105,000") in {(m["kind"], m["text"]) for m in tree.marks}


# --- without / with a wrong document ----------------------------------------------------------

def test_without_document_figures_only() -> None:
    rec = every_kind_record()
    out = payscrape.render(rec)
    parse(out)
    assert "payscrape-text" not in out and "<mark" not in out
    assert "<table" in out and "$58,000" in out and "(structured data)" in out
    assert "0–2 yrs" in out and "Calgary" in out
    assert rec._repr_html_() == out
    assert payscrape.render(rec.model_dump(mode="json")) == out


def test_document_that_does_not_match_is_reported() -> None:
    rec = every_kind_record()
    other = Document(text="Something else entirely. " * 3)
    _, mismatched = evidence_spans(rec, other)
    assert mismatched > 0
    out = payscrape.render(rec, other)
    assert "do not match this document" in out
    parse(out)


def test_bad_arguments() -> None:
    with pytest.raises(TypeError):
        payscrape.render(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        payscrape.render(every_kind_record(), "<p>not a document</p>")  # type: ignore[arg-type]
