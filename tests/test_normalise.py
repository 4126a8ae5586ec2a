"""normalise: decoding, mojibake repair without false positives, structure, boilerplate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import payscrape
from payscrape.normalise.mojibake import repair

from .conftest import FIXTURES

CLEAN = {
    "thai": "ภาษาไทยเป็นภาษาที่สวยงาม เงินเดือนเฉลี่ย 45,000 บาทต่อเดือน เขตบางรัก",
    "german": "Das Durchschnittsgehalt für Entwickler in München beträgt 65.900 € – Größe „groß“.",
    "russian": "Средняя зарплата программиста в Москве — 180 000 рублей в месяц, «по данным».",
    "japanese": "東京のソフトウェアエンジニアの平均年収は650万円です。",
    "emoji": "Growth Catalyst 🚀 — skills that pay 💰 and career moat 🛡️ “quoted” ‘single’",
    "french": "Le salaire médian d’un ingénieur à Montréal est de 95 000 $ par année — été, à, ç.",
}


def _damage(text: str, *codecs: str) -> str:
    """UTF-8 decoded byte by byte with the first codec that maps it; else the C1 control."""
    out = []
    for b in text.encode("utf-8"):
        for codec in codecs:
            try:
                out.append(bytes([b]).decode(codec))
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append(chr(b))
    return "".join(out)


def _damage_thai(text: str) -> str:
    """UTF-8 read as windows-874 with cp1252 filling its undefined bytes (as in seed 000)."""
    return _damage(text, "cp874", "cp1252")


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_text_is_never_altered(name: str) -> None:
    fixed, steps = repair(CLEAN[name])
    assert fixed == CLEAN[name]
    assert steps == []


@pytest.mark.parametrize("original", [
    "Last Updated: April 2026 · Based on 5 data points",
    "a favorable negotiation environment — employers are willing",
    "0-3 Years Exp • $113,052 Est.",
    "🚀 Growth Catalyst and 📊 Market Intelligence",
    "Café prices in Zürich — “quoted” ‘text’ … 中文 日本語",
])
def test_thai_mojibake_repaired(original: str) -> None:
    damaged = _damage_thai(original)
    assert damaged != original
    fixed, steps = repair(damaged)
    assert fixed == original
    assert any(s.step == "mojibake:windows-874" for s in steps)


@pytest.mark.parametrize("original,codec", [
    ("The average salary — “median” pay is €55,000 • 3–5 years", "cp1252"),
    ("Zürich: Gehalt für Entwickler – Größe", "latin-1"),
    ("Средняя зарплата — 180 000 рублей", "cp1251"),
])
def test_other_code_pages_repaired(original: str, codec: str) -> None:
    damaged = _damage(original, codec)
    fixed, steps = repair(damaged)
    assert fixed == original
    assert steps


def test_lossy_seed_damage_leaves_no_junk() -> None:
    doc = payscrape.normalise((FIXTURES / "seeds/001_7691ccfd23837436.txt").read_bytes())
    assert not any("\u0e00" <= c <= "\u0e7f" for c in doc.text)
    assert "$131,591 a delta" in doc.text
    assert "Last Updated: April 2026 · Based on 2 data points" in doc.text
    assert {s.step for s in doc.explanations} >= {"mojibake:windows-874", "mojibake:dropped-bytes"}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(CLEAN)), st.sampled_from(sorted(CLEAN)))
def test_normalise_is_idempotent_and_keeps_clean_scripts(a: str, b: str) -> None:
    text = f"{CLEAN[a]}\n\n- {CLEAN[b]}\n| x | 88,000 | 75,000 |\n"
    doc = payscrape.normalise(text)
    assert CLEAN[a] in doc.text and CLEAN[b] in doc.text
    assert payscrape.normalise(doc.text).text == doc.text


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_normalise_idempotent_on_random_text(text: str) -> None:
    try:
        doc = payscrape.normalise(text)
    except payscrape.PayscrapeError:
        return
    if doc.format == "text":
        assert payscrape.normalise(doc.text).text == doc.text


ENCODED = "<html><head><meta charset='{cs}'><title>Gehalt</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("codec,label,body", [
    ("utf-8", "utf-8", "Größe — 65.900 € für Entwickler in München"),
    ("cp1252", "windows-1252", "Größe — 65.900 € für Entwickler “quoted”"),
    ("latin-1", "iso-8859-1", "Größe für Entwickler in München"),
    ("shift_jis", "shift_jis", "東京のエンジニアの平均年収は650万円です"),
    ("gb18030", "gb18030", "北京软件工程师的平均工资为每月25000元"),
    ("cp1251", "windows-1251", "Средняя зарплата программиста"),
])
def test_declared_encodings(codec: str, label: str, body: str) -> None:
    raw = ENCODED.format(cs=label, body=body).encode(codec)
    assert body in payscrape.normalise(raw).text


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_encodings_with_and_without_bom(codec: str) -> None:
    body = "Salary in Zürich — CHF 118'500 per year"
    raw = f"<html><body><p>{body}</p></body></html>".encode(codec)
    assert body in payscrape.normalise(raw).text


def test_undeclared_legacy_encoding_is_detected() -> None:
    body = ("Das Durchschnittsgehalt für Softwareentwickler in München beträgt 65.900 Euro. "
            "Größere Unternehmen zahlen höhere Gehälter als kleinere Büros.") * 3
    raw = f"<html><body><p>{body}</p></body></html>".encode("cp1252")
    assert body in payscrape.normalise(raw).text


def test_table_cells_never_run_together() -> None:
    html = ("<table><tr><th>Level</th><th>Low</th><th>Median</th><th>High</th></tr>"
            "<tr><td>Mid</td><td>88,000</td><td>75,000</td><td>101,000</td></tr></table>")
    doc = payscrape.normalise(html)
    assert "88,00075,000" not in doc.text
    row = next(b for b in doc.blocks if b.kind == "table_row" and not b.header)
    cells = [doc.text[s:e] for s, e in row.cells]
    assert cells == ["Mid", "88,000", "75,000", "101,000"]
    header = next(b for b in doc.blocks if b.header)
    assert [doc.text[s:e] for s, e in header.cells][1] == "Low"


def test_structure_headings_lists_br_and_nbsp() -> None:
    html = ("<h1>Pay</h1><h2>By level</h2><p>Line one<br>Line two</p>"
            "<ul><li>Junior:&nbsp;$50,000</li><li>Senior:\u202f$90\u00a0000</li></ul>")
    doc = payscrape.normalise(html)
    kinds = [(b.kind, b.level) for b in doc.blocks]
    assert kinds[:2] == [("heading", 1), ("heading", 2)]
    assert "Line one\nLine two" in doc.text
    assert "Junior: $50,000" in doc.text and "$90 000" in doc.text
    item = next(b for b in doc.blocks if b.kind == "list_item")
    assert doc.section_title(item) == "By level"


def test_scripts_styles_hidden_and_boilerplate_removed() -> None:
    html = """<html><head><style>.x{content:"$1"}</style><script>var p="$250,000 salary";</script></head>
    <body><nav>Home Courses $19</nav><div id="cookie-banner">We use cookies</div>
    <main><h1>Nurse pay</h1><p>Median pay is $81,000 a year.</p>
    <p hidden>Senior salary $999,999</p><div style="display:none">$888,888</div>
    <noscript>$777,777</noscript><template>$666,666</template><svg><text>$555</text></svg></main>
    <aside class="ad">Bootcamp now $499</aside><footer>© 2026</footer></body></html>"""
    doc = payscrape.normalise(html)
    assert "Median pay is $81,000 a year." in doc.text
    for junk in ("$250,000", "$1", "$999,999", "$888,888", "$777,777", "$666,666", "$555",
                 "$499", "cookies", "$19", "© 2026"):
        assert junk not in doc.text, junk
    assert any("$499" in b for b in doc.boilerplate)


def test_json_ld_salary_markup() -> None:
    html = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "Occupation", "name": "Data Engineer",
      "estimatedSalary": [{"@type": "MonetaryAmountDistribution", "currency": "EUR",
        "duration": "P1Y", "median": 65900, "percentile10": 48000, "percentile90": 88000,}],
      "occupationLocation": {"@type": "City", "name": "Berlin"}},
     {"@type": "OccupationAggregationByEmployer", "sampleSize": 312,
      "yearsExperienceMin": 2, "yearsExperienceMax": 5}]}
    </script></head><body><p>Data engineers in Berlin.</p></body></html>"""
    rec = payscrape.extract(html)
    structured = [s for s in rec.salaries if s.origin == "structured_data"]
    got = {(s.statistic, s.percentile, s.low, s.currency, s.period) for s in structured}
    assert ("median", None, 65900, "EUR", "year") in got
    assert ("percentile", 10, 48000, "EUR", "year") in got
    assert ("percentile", 90, 88000, "EUR", "year") in got
    assert rec.data_points == 312


def test_external_entities_never_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-PAYSCRAPE")
    xml = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
           "<html><body><p>Pay &x; is $50,000 a year.</p></body></html>")
    doc = payscrape.normalise(xml)
    assert "TOPSECRET" not in doc.text
