"""payscrape.to_frames / from_jsonl: the documented columns and dtypes, row counts, inputs."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

import payscrape
from payscrape.errors import ReaderError
from payscrape.frames import FIXED_CATEGORIES, FRAME_COLUMNS
from payscrape.records import (
    Certification,
    ErrorInfo,
    ExperienceBand,
    LocationPremium,
    Mention,
    PageRecord,
    Salary,
    SeniorityShare,
    Skill,
    YearsRange,
)

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "frames.md"
FRAMES = ("pages", "salaries", "experience_bands", "skills", "certifications",
          "location_premiums", "seniority_mix")


def documented() -> dict[str, list[tuple[str, str]]]:
    """``### name`` sections of docs/frames.md and their ``| column | dtype | … |`` rows."""
    out: dict[str, list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text("utf-8").splitlines():
        m = re.match(r"^###\s+(\w+)\s*$", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        if line.startswith("## "):
            current = None
        if current and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if cells[0] in ("column", "") or set(cells[0]) <= {"-", ":"}:
                continue
            out[current].append((cells[0], cells[1]))
    return out


def full_record(source: str = "a.html", n_salaries: int = 3) -> PageRecord:
    text = "Data Analyst salary"
    return PageRecord(
        source=source, url=f"https://example.test/{source}", page_type="market_report",
        page_type_score=0.93, title="Data Analyst Salary", role="Data Analyst", country="CA",
        region="Ontario", updated="2026-03", data_points=1204, confidence_label="High",
        salaries=[
            Salary(low=58000 + i, high=60000 + i, currency="CAD", period="year",
                   statistic="median", experience=YearsRange(min_years=0, max_years=2),
                   seniority="entry", location="Toronto", text="$58,000", start=10, end=17)
            for i in range(n_salaries)
        ] + [Salary(low=30, high=30, currency="USD", period="hour", statistic="percentile",
                    percentile=90, projected_year=2030, bound="at_least",
                    origin="structured_data")],
        experience_bands=[
            ExperienceBand(text="0-2 years", start=0, end=9, min_years=0, max_years=2,
                           label="0-2 years", seniority="entry"),
            ExperienceBand(text="7+ years", start=20, end=28, min_years=7, max_years=None,
                           label="7+ years"),
        ],
        skills=[
            Skill(id="sql", name="SQL", category="database",
                  mentions=[Mention(text="SQL", start=1, end=4), Mention(text="SQL", start=40,
                                                                         end=43)]),
            Skill(id="python", name="Python", category="programming_language",
                  mentions=[Mention(text="Python", start=50, end=56)]),
        ],
        certifications=[Certification(id="cpa", name="CPA", issuer="CPA Canada",
                                      category="accounting",
                                      mentions=[Mention(text="CPA", start=60, end=63)]),
                        Certification(id="xyz-cert", name="XYZ Cert", in_vocabulary=False)],
        seniority_mix=[SeniorityShare(level="senior", share=0.4, text="Senior 40%", start=70,
                                      end=80)],
        location_premiums=[LocationPremium(location="Calgary", premium=0.05, amount=105000,
                                           currency="CAD", text=text, start=0, end=len(text))],
    )


def records() -> list[PageRecord]:
    return [
        full_record("a.html", 3),
        full_record("b.html", 1),
        PageRecord(source="c.html", page_type="other", page_type_score=0.5),
        PageRecord(source="d.bin", error=ErrorInfo(code="E002", message="not-a-page: PNG")),
    ]


def assert_schema(frames: dict) -> None:
    assert list(frames) == list(FRAMES)
    for name, spec in FRAME_COLUMNS.items():
        df = frames[name]
        assert list(df.columns) == [c for c, _ in spec], name
        assert [str(t) for t in df.dtypes] == [d for _, d in spec], name
        assert isinstance(df.index, pd.RangeIndex)
        for col, dtype in spec:
            if dtype == "category" and col in FIXED_CATEGORIES:
                assert tuple(df[col].cat.categories) == FIXED_CATEGORIES[col], (name, col)


# --- the documented schema ------------------------------------------------------------------

def test_docs_document_every_frame_column_and_dtype() -> None:
    docs = documented()
    assert list(docs) == list(FRAMES)
    for name in FRAMES:
        assert docs[name] == list(FRAME_COLUMNS[name]), name


def test_dtypes_are_the_allowed_nullable_ones() -> None:
    allowed = {"string", "Float64", "Int64", "boolean", "category"}
    for spec in FRAME_COLUMNS.values():
        assert {d for _, d in spec} <= allowed
    for col in ("page_type", "period", "statistic", "seniority", "currency"):
        for name, spec in FRAME_COLUMNS.items():
            if col in dict(spec):
                assert dict(spec)[col] == "category", (name, col)


def test_frames_match_documented_columns_and_dtypes() -> None:
    frames = payscrape.to_frames(records())
    docs = documented()
    for name, df in frames.items():
        assert [(c, str(t)) for c, t in df.dtypes.items()] == docs[name], name
    assert_schema(frames)


def test_brief_columns_present() -> None:
    spec = {k: [c for c, _ in v] for k, v in FRAME_COLUMNS.items()}
    assert spec["pages"] == [
        "source", "url", "page_type", "page_type_score", "title", "role", "country", "region",
        "updated", "data_points", "confidence_label", "n_salaries", "n_skills",
        "n_certifications", "error_code"]
    assert spec["salaries"] == [
        "source", "url", "page_type", "role", "country", "low", "high", "bound", "currency",
        "period", "statistic", "percentile", "projected_year", "experience_min",
        "experience_max", "seniority", "location", "origin", "text", "start", "end"]
    assert spec["skills"][5:] == ["name", "id", "category", "n_mentions"]


# --- rows -----------------------------------------------------------------------------------

def test_row_counts_match_records() -> None:
    recs = records()
    frames = payscrape.to_frames(recs)
    assert len(frames["pages"]) == len(recs)
    assert len(frames["salaries"]) == sum(len(r.salaries) for r in recs) == 4 + 2
    assert len(frames["experience_bands"]) == sum(len(r.experience_bands) for r in recs)
    assert len(frames["skills"]) == sum(len(r.skills) for r in recs)
    assert len(frames["certifications"]) == sum(len(r.certifications) for r in recs)
    assert len(frames["location_premiums"]) == sum(len(r.location_premiums) for r in recs)
    assert len(frames["seniority_mix"]) == sum(len(r.seniority_mix) for r in recs)
    pages = frames["pages"]
    assert pages["n_salaries"].tolist() == [len(r.salaries) for r in recs]
    assert pages["n_skills"].tolist() == [2, 2, 0, 0]
    assert pages["n_certifications"].tolist() == [2, 2, 0, 0]
    # per-fact rows carry the page key of their page, in input order
    assert frames["salaries"]["source"].tolist() == ["a.html"] * 4 + ["b.html"] * 2


def test_values_and_missing_values() -> None:
    frames = payscrape.to_frames(records())
    pages = frames["pages"]
    assert pages.loc[3, "error_code"] == "E002"
    assert pages["error_code"].isna().tolist() == [True, True, True, False]
    assert pd.isna(pages.loc[3, "page_type"])
    assert pages.loc[0, "data_points"] == 1204
    assert pages.loc[0, "page_type_score"] == pytest.approx(0.93)
    s = frames["salaries"]
    first, structured = s.iloc[0], s.iloc[3]
    assert (first.low, first.high, first.currency, first.period) == (58000, 60000, "CAD", "year")
    assert (first.experience_min, first.experience_max, first.seniority) == (0, 2, "entry")
    assert (first.text, first.start, first.end) == ("$58,000", 10, 17)
    assert structured.origin == "structured_data" and structured.bound == "at_least"
    assert structured.percentile == 90 and structured.projected_year == 2030
    assert pd.isna(structured.text) and pd.isna(structured.start)
    assert pd.isna(structured.experience_min) and pd.isna(structured.seniority)
    assert list(s["currency"].cat.categories) == ["CAD", "USD"]
    assert list(s["statistic"].cat.categories) == ["median", "percentile"]
    bands = frames["experience_bands"]
    assert pd.isna(bands.loc[1, "max_years"]) and bands.loc[1, "min_years"] == 7
    skills = frames["skills"]
    assert skills.loc[0, ["name", "id", "category", "n_mentions"]].tolist() == [
        "SQL", "sql", "database", 2]
    certs = frames["certifications"]
    assert certs["in_vocabulary"].tolist() == [True, False, True, False]
    assert pd.isna(certs.loc[1, "issuer"]) and certs.loc[1, "n_mentions"] == 0
    assert frames["location_premiums"].loc[0, "premium"] == pytest.approx(0.05)
    assert frames["seniority_mix"]["level"].cat.ordered


def test_empty_input_gives_empty_frames_with_same_schema() -> None:
    empty = payscrape.to_frames([])
    assert_schema(empty)
    assert all(len(df) == 0 for df in empty.values())
    full = payscrape.to_frames(records())
    for name in FRAMES:
        assert list(empty[name].columns) == list(full[name].columns)
        assert [str(t) for t in empty[name].dtypes] == [str(t) for t in full[name].dtypes]
        for col in empty[name].columns:  # fixed categories are identical; open ones are empty
            if str(empty[name][col].dtype) == "category" and col not in FIXED_CATEGORIES:
                assert len(empty[name][col].cat.categories) == 0
    assert_schema(payscrape.to_frames(iter(())))


def test_dict_input_equals_record_input() -> None:
    recs = records()
    dicts = [json.loads(r.model_dump_json()) for r in recs]
    from_dicts = payscrape.to_frames(dicts)
    from_records = payscrape.to_frames(recs)
    for name in FRAMES:
        pd.testing.assert_frame_equal(from_dicts[name], from_records[name], obj=name)
    mixed = payscrape.to_frames([recs[0], dicts[1]])
    assert len(mixed["pages"]) == 2


def test_generator_and_single_record_input() -> None:
    frames = payscrape.to_frames(r for r in records())
    assert len(frames["pages"]) == 4
    single = payscrape.to_frames(full_record())
    assert len(single["pages"]) == 1 and len(single["salaries"]) == 4


def test_bad_input_is_rejected_clearly() -> None:
    with pytest.raises(ValueError, match="record 1"):
        payscrape.to_frames([full_record(), {"salaries": "nope"}])
    with pytest.raises(TypeError, match="record 0"):
        payscrape.to_frames([42])


def test_parquet_round_trip_keeps_dtypes(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    frames = payscrape.to_frames(records())
    for name, df in frames.items():
        path = tmp_path / f"{name}.parquet"
        df.to_parquet(path)
        back = pd.read_parquet(path)
        assert [str(t) for t in back.dtypes] == [str(t) for t in df.dtypes], name


def test_extracted_page(fixtures_dir: Path) -> None:
    page = fixtures_dir / "corpus" / "reports" / "howmuch-data-scientist-nyc.html"
    rec = payscrape.extract_file(page)
    frames = payscrape.to_frames([rec])
    assert_schema(frames)
    assert len(frames["salaries"]) == len(rec.salaries) > 0
    assert frames["pages"].loc[0, "source"] == str(page)
    assert set(frames["skills"]["name"]) == {k.name for k in rec.skills}


# --- from_jsonl -------------------------------------------------------------------------------

def write_jsonl(path: Path, lines: list[str]) -> Path:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    return path


def test_from_jsonl_round_trip(tmp_path: Path) -> None:
    recs = records()
    lines = [r.model_dump_json() for r in recs]
    for name in ("out.jsonl", "out.jsonl.gz"):
        path = write_jsonl(tmp_path / name, lines[:2] + [""] + lines[2:])
        back = list(payscrape.from_jsonl(path))
        assert back == recs
        assert all(isinstance(r, PageRecord) for r in back)


def test_from_jsonl_is_lazy_and_names_the_bad_line(tmp_path: Path) -> None:
    recs = records()
    path = write_jsonl(tmp_path / "out.jsonl", [recs[0].model_dump_json(),
                                                recs[1].model_dump_json(),
                                                '{"source": "x", "salaries": 3}',
                                                recs[2].model_dump_json()])
    it = payscrape.from_jsonl(path)
    assert next(it) == recs[0]
    assert next(it) == recs[1]
    with pytest.raises(ReaderError, match="line 3") as info:
        next(it)
    assert info.value.code == "E007" and "out.jsonl" in str(info.value)

    broken = write_jsonl(tmp_path / "torn.jsonl", [recs[0].model_dump_json(), '{"source": "x"',
                                                   "[1, 2]"])
    with pytest.raises(ReaderError, match="line 2"):
        list(payscrape.from_jsonl(broken))
    assert list(payscrape.from_jsonl(broken, errors="skip")) == [recs[0]]


def test_from_jsonl_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="no such file"):
        payscrape.from_jsonl(tmp_path / "missing.jsonl")


def test_from_jsonl_reads_batch_output(tmp_path: Path, fixtures_dir: Path) -> None:
    from payscrape.batch import run

    out = tmp_path / "seeds.jsonl"
    summary = run([str(fixtures_dir / "seeds")], str(out))
    recs = list(payscrape.from_jsonl(out))
    assert len(recs) == summary.pages == 5
    frames = payscrape.to_frames(recs)
    assert frames["pages"]["n_salaries"].sum() == summary.salaries == len(frames["salaries"])
