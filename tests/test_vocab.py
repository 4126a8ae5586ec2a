"""Tests of the shipped skills and certifications vocabularies.

These read the package-data files by path so they run even when payscrape
itself is not importable.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "payscrape" / "data"
SKILLS_PATH = DATA / "skills.jsonl"
CERTS_PATH = DATA / "certifications.jsonl"
ONET_PATH = ROOT.parent / "shared" / "taxonomy" / "onet-technology-skills.tsv"
BUILD_SCRIPT = ROOT / "tools" / "build_vocab.py"

SKILL_CATEGORIES = {
    "programming_language",
    "framework",
    "library",
    "cloud",
    "database",
    "devops",
    "data",
    "ml_ai",
    "tool",
    "os",
    "method",
    "skill_area",
    "soft_skill",
    "business_software",
    "design",
    "security",
}
CERT_CATEGORIES = {
    "cloud",
    "security",
    "networking",
    "project_management",
    "data",
    "it_service",
    "agile",
    "crm",
    "database",
    "devops",
    "linux",
    "finance_accounting",
    "engineering",
    "healthcare",
    "trades",
    "hr",
    "other",
}
CERT_KINDS = {"certification", "designation", "licence"}
SOURCES = {"curated", "onet", "curated+onet"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ONET_CREDIT = (
    "This product includes information from the O*NET 28 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a "
    "trademark of USDOL/ETA. USDOL/ETA has not approved, endorsed, or tested these modifications."
)


def norm(text: str) -> str:
    """Same loose key as the matcher: case-folded, hyphen/dash/space tolerant."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\-\u2010-\u2014_]+", " ", text).strip()


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def skills() -> list[dict]:
    return load(SKILLS_PATH)


@pytest.fixture(scope="module")
def certs() -> list[dict]:
    return load(CERTS_PATH)


@pytest.fixture(scope="module")
def skill_by_name(skills) -> dict[str, dict]:
    return {s["name"]: s for s in skills}


@pytest.fixture(scope="module")
def cert_by_name(certs) -> dict[str, dict]:
    return {c["name"]: c for c in certs}


# ---------------------------------------------------------------- file format


@pytest.mark.parametrize("path", [SKILLS_PATH, CERTS_PATH], ids=["skills", "certifications"])
def test_files_are_canonical_sorted_jsonl(path):
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")
    lines = text.splitlines()
    records = [json.loads(line) for line in lines]
    # one compact object per line, exactly as the build script writes it
    assert lines == [json.dumps(r, ensure_ascii=False) for r in records]
    ids = [r["id"] for r in records]
    assert ids == sorted(ids), "records must be sorted by id"
    assert len(ids) == len(set(ids)), "ids must be unique"


# ---------------------------------------------------------------- skills schema


def test_skill_schema(skills):
    keys = {
        "id",
        "name",
        "category",
        "aliases",
        "case_sensitive",
        "ambiguous",
        "generic",
        "source",
        "hot",
        "case_sensitive_aliases",
        "ambiguous_aliases",
    }
    for s in skills:
        assert set(s) == keys, s["id"]
        assert ID_RE.match(s["id"]), s["id"]
        assert isinstance(s["name"], str) and s["name"] == s["name"].strip() and s["name"]
        assert s["category"] in SKILL_CATEGORIES, s
        assert s["source"] in SOURCES, s
        for flag in ("case_sensitive", "ambiguous", "generic", "hot"):
            assert isinstance(s[flag], bool), (s["id"], flag)
        assert isinstance(s["aliases"], list)
        for alias in s["aliases"]:
            assert isinstance(alias, str) and alias.strip() == alias and alias
        assert len(s["aliases"]) == len(set(s["aliases"]))
        lowered = {a.casefold() for a in s["aliases"]}
        assert s["name"].casefold() not in lowered, f"{s['id']}: alias repeats the name"
        assert len(lowered) == len(s["aliases"]), f"{s['id']}: pure case variants among aliases"
        assert set(s["case_sensitive_aliases"]) <= set(s["aliases"]), s["id"]
        assert set(s["ambiguous_aliases"]) <= set(s["aliases"]), s["id"]


def test_skill_ids_and_names_unique(skills):
    assert len({s["id"] for s in skills}) == len(skills)
    names = Counter(norm(s["name"]) for s in skills)
    assert [n for n, c in names.items() if c > 1] == []


def test_no_surface_form_shared_by_two_skills(skills):
    owner: dict[str, str] = {}
    clashes = []
    for s in skills:
        for form in [s["name"], *s["aliases"]]:
            key = norm(form)
            if key in owner and owner[key] != s["id"]:
                clashes.append((form, owner[key], s["id"]))
            owner.setdefault(key, s["id"])
    assert clashes == []


def test_skill_counts(skills):
    assert len(skills) >= 1500
    by_source = Counter(s["source"] for s in skills)
    assert by_source["curated"] + by_source["curated+onet"] >= 500
    assert by_source["onet"] + by_source["curated+onet"] >= 500
    by_cat = Counter(s["category"] for s in skills)
    assert set(by_cat) == SKILL_CATEGORIES
    assert by_cat["soft_skill"] >= 30
    assert by_cat["programming_language"] >= 50
    assert by_cat["ml_ai"] >= 60
    assert by_cat["cloud"] >= 50
    assert sum(s["hot"] for s in skills) >= 150


def test_soft_skills_are_generic(skills):
    for s in skills:
        if s["category"] == "soft_skill":
            assert s["generic"], s["name"]


def test_no_generic_onet_category_rows(skills):
    banned = {
        "word processing software",
        "web browser software",
        "email software",
        "spreadsheet software",
        "database software",
        "accounting software",
        "operating system software",
        "graphics software",
    }
    for s in skills:
        for form in [s["name"], *s["aliases"]]:
            assert form.casefold() not in banned, (s["id"], form)


def test_no_unspsc_codes_shipped():
    for path in (SKILLS_PATH, CERTS_PATH):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(?<!\d)4\d{7}(?!\d)", text), (
            f"{path.name} contains an 8-digit UNSPSC-like code"
        )


@pytest.mark.skipif(not ONET_PATH.is_file(), reason="O*NET source table not available")
def test_no_unspsc_titles_or_codes_shipped(skills):
    titles, codes = set(), set()
    with ONET_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            titles.add(row["Commodity Title"].strip().casefold())
            codes.add(row["Commodity Code"].strip())
    for s in skills:
        for form in [s["name"], *s["aliases"]]:
            assert form.casefold() not in titles, (s["id"], form)
    text = SKILLS_PATH.read_text(encoding="utf-8") + CERTS_PATH.read_text(encoding="utf-8")
    assert not [c for c in codes if c and c in text]


# ---------------------------------------------------------------- required skills

# name -> (aliases that must be present, expected flags)
REQUIRED_SKILLS = {
    "React": (["React.js", "ReactJS"], {}),
    "Next.js": ([], {}),
    "Node.js": ([], {}),
    "TypeScript": ([], {}),
    "JavaScript": (["JS"], {}),
    "SQL": ([], {}),
    "NoSQL": ([], {}),
    "CI/CD": ([], {}),
    "System Design": ([], {"generic": True}),
    "Python": ([], {}),
    "NumPy": ([], {}),
    "pandas": ([], {}),
    "PyTorch": ([], {}),
    "TensorFlow": ([], {}),
    "scikit-learn": (["sklearn", "scikit learn"], {}),
    "Statistics": ([], {"generic": True}),
    "Kubernetes": (["K8s"], {}),
    "Docker": ([], {}),
    "Google Cloud Platform": (["GCP", "Google Cloud"], {}),
    "Amazon Web Services": (["AWS"], {}),
    "Microsoft Azure": (["Azure"], {}),
    "Apache Spark": (["Spark"], {"ambiguous": True}),
    "Apache Kafka": (["Kafka"], {}),
    "Databricks": ([], {}),
    "MLflow": ([], {}),
    "Kubeflow": ([], {}),
    "Apache Airflow": (["Airflow"], {}),
    "Amazon SageMaker": (["SageMaker"], {}),
    "Vertex AI": ([], {}),
    "BigQuery": ([], {}),
    "Amazon EMR": (["EMR"], {}),
    "Azure Machine Learning": (["Azure ML"], {}),
    "SHAP": ([], {}),
    "LIME": ([], {"ambiguous": True}),
    "MLOps": ([], {}),
    "DevOps": ([], {}),
    "Machine Learning": (["ML"], {}),
    "Deep Learning": (["DL"], {}),
    "Natural Language Processing": (["NLP"], {}),
    "Computer Vision": (["CV"], {}),
    "Generative AI": (["GenAI"], {}),
    "Responsible AI": ([], {}),
    "Large Language Models": (["LLMs", "LLM"], {}),
    "Vector Databases": ([], {}),
    "Retrieval-Augmented Generation": (["RAG"], {}),
    "Prompt Engineering": ([], {}),
    "Feature Engineering": ([], {}),
    "Hyperparameter Tuning": ([], {}),
    "Cross-Validation": ([], {}),
    "Recommender Systems": (["recommendation systems", "recommendation engines"], {}),
    "Time-Series Forecasting": ([], {}),
    "Data Modeling": ([], {}),
    "Data Engineering": ([], {}),
    "ETL": ([], {}),
    "Microservices": ([], {}),
    "API Development": (["REST APIs", "RESTful APIs"], {}),
    "Git": ([], {}),
    "GitHub": ([], {}),
    "Linux": ([], {}),
    "Go": (["Golang"], {"ambiguous": True, "case_sensitive": True}),
    "R": ([], {"ambiguous": True, "case_sensitive": True}),
    "C": ([], {"ambiguous": True, "case_sensitive": True}),
    "C++": ([], {}),
    "C#": ([], {}),
    "Java": ([], {"ambiguous": True}),
    "Rust": ([], {"ambiguous": True}),
    "Swift": ([], {"ambiguous": True}),
    "Excel": (["Microsoft Excel"], {"ambiguous": True}),
    "Chef": ([], {"ambiguous": True}),
    "Puppet": ([], {"ambiguous": True}),
    "Communication": ([], {"category": "soft_skill", "generic": True}),
    "Collaboration": ([], {"generic": True}),
    "Problem-Solving": (["problem solving"], {"generic": True}),
    "Continuous Learning": ([], {"generic": True}),
    "Adaptability": ([], {"generic": True}),
    "Time Management": ([], {"generic": True}),
    "Critical Thinking": ([], {"generic": True}),
    "Leadership": ([], {"generic": True}),
    "Data Management": ([], {"generic": True}),
    "Data Analysis": ([], {"generic": True}),
    "Data Visualization": ([], {}),
    "Data Science": ([], {}),
    "Software Engineering": ([], {}),
    "Artificial Intelligence": (["AI"], {}),
    "Cloud Computing": (["cloud platforms"], {"generic": True}),
    "Programming": (["programming languages"], {"generic": True}),
    "Mathematics": ([], {"generic": True}),
    "Domain Knowledge": ([], {"generic": True}),
    "Model Deployment": ([], {}),
    "Model Monitoring": ([], {}),
    "Tableau": ([], {}),
    "Power BI": ([], {}),
    "Snowflake": ([], {}),
    "dbt": ([], {}),
    "Terraform": ([], {}),
    "Ansible": ([], {"ambiguous": False}),
    "MATLAB": (["The MathWorks MATLAB"], {}),
}


@pytest.mark.parametrize("name", sorted(REQUIRED_SKILLS))
def test_required_skill(skill_by_name, name):
    assert name in skill_by_name, f"missing skill {name!r}"
    entry = skill_by_name[name]
    aliases, flags = REQUIRED_SKILLS[name]
    for alias in aliases:
        assert alias in entry["aliases"], f"{name}: missing alias {alias!r}"
    for key, value in flags.items():
        assert entry[key] == value, f"{name}: {key} should be {value!r}"


def test_risky_skill_acronyms_are_case_sensitive(skill_by_name):
    for name, alias in [
        ("Artificial Intelligence", "AI"),
        ("Machine Learning", "ML"),
        ("Computer Vision", "CV"),
        ("Amazon EMR", "EMR"),
    ]:
        assert alias in skill_by_name[name]["case_sensitive_aliases"], (name, alias)
    assert "CV" in skill_by_name["Computer Vision"]["ambiguous_aliases"]


def test_onet_names_map_to_curated_entries(skill_by_name):
    assert "Structured query language SQL" in skill_by_name["SQL"]["aliases"]
    assert skill_by_name["SQL"]["source"] == "curated+onet"
    assert "Microsoft Excel" in skill_by_name["Excel"]["aliases"]
    assert skill_by_name["Excel"]["hot"]


# ---------------------------------------------------------------- certifications


def test_cert_schema(certs):
    keys = {
        "id",
        "name",
        "issuer",
        "category",
        "kind",
        "aliases",
        "codes",
        "case_sensitive_aliases",
        "ambiguous",
    }
    for c in certs:
        assert set(c) == keys, c["id"]
        assert ID_RE.match(c["id"]), c["id"]
        assert c["name"] and c["issuer"]
        assert c["category"] in CERT_CATEGORIES, c
        assert c["kind"] in CERT_KINDS, c
        assert isinstance(c["ambiguous"], bool)
        for field in ("aliases", "codes", "case_sensitive_aliases"):
            assert isinstance(c[field], list) and all(isinstance(x, str) and x for x in c[field])
        assert c["name"].casefold() not in {a.casefold() for a in c["aliases"]}
        assert set(c["case_sensitive_aliases"]) <= set(c["aliases"]), c["id"]


def test_no_surface_form_shared_by_two_certs(certs):
    owner: dict[str, str] = {}
    clashes = []
    for c in certs:
        for form in [c["name"], *c["aliases"], *c["codes"]]:
            key = norm(form)
            if key in owner and owner[key] != c["id"]:
                clashes.append((form, owner[key], c["id"]))
            owner.setdefault(key, c["id"])
    assert clashes == []


def test_cert_counts(certs):
    assert len(certs) >= 200
    cats = Counter(c["category"] for c in certs)
    for cat in (
        "cloud",
        "security",
        "networking",
        "project_management",
        "agile",
        "data",
        "finance_accounting",
    ):
        assert cats[cat] >= 5, cat
    kinds = Counter(c["kind"] for c in certs)
    assert kinds["designation"] >= 10 and kinds["licence"] >= 5


def test_no_degrees_among_certifications(certs):
    degree = re.compile(
        r"\b(BSc|MSc|MBA|B\.?A\.?Sc|Bachelor|Master of|Diploma|PhD|Doctorate)\b", re.IGNORECASE
    )
    for c in certs:
        for form in [c["name"], *c["aliases"]]:
            assert not degree.search(form), (c["id"], form)


def test_job_titles_not_used_as_cert_aliases(certs):
    for c in certs:
        assert "registered nurse" not in {a.casefold() for a in c["aliases"]}, c["id"]


# name -> (aliases that must be present, codes that must be present)
REQUIRED_CERTS = {
    "AWS Certified Machine Learning – Specialty": (
        [
            "AWS Machine Learning Specialty",
            "AWS ML Specialty",
            "AWS Certified Machine Learning Specialty",
        ],
        ["MLS-C01"],
    ),
    "AWS Certified Developer – Associate": (["AWS Certified Developer"], ["DVA-C02"]),
    "AWS Certified Solutions Architect – Associate": ([], ["SAA-C03"]),
    "AWS Certified Solutions Architect – Professional": ([], ["SAP-C02"]),
    "AWS Certified SysOps Administrator – Associate": ([], []),
    "AWS Certified DevOps Engineer – Professional": ([], ["DOP-C02"]),
    "AWS Certified Data Engineer – Associate": ([], ["DEA-C01"]),
    "AWS Certified Security – Specialty": ([], []),
    "AWS Certified Cloud Practitioner": ([], ["CLF-C02"]),
    "AWS Certified Machine Learning Engineer – Associate": ([], ["MLA-C01"]),
    "AWS Certified AI Practitioner": ([], ["AIF-C01"]),
    "Microsoft Certified: Azure Fundamentals": ([], ["AZ-900"]),
    "Microsoft Certified: Azure Administrator Associate": ([], ["AZ-104"]),
    "Microsoft Certified: Azure Developer Associate": ([], ["AZ-204"]),
    "Microsoft Certified: Azure Solutions Architect Expert": ([], ["AZ-305"]),
    "Microsoft Certified: DevOps Engineer Expert": ([], ["AZ-400"]),
    "Microsoft Certified: Azure AI Engineer Associate": ([], ["AI-102"]),
    "Microsoft Certified: Azure Data Scientist Associate": (
        ["Azure Data Scientist Associate"],
        ["DP-100"],
    ),
    "Microsoft Certified: Azure Data Engineer Associate": ([], ["DP-203"]),
    "Microsoft Certified: Azure Data Fundamentals": ([], ["DP-900"]),
    "Microsoft Certified: Azure AI Fundamentals": ([], ["AI-900"]),
    "Microsoft Certified: Security, Compliance, and Identity Fundamentals": ([], ["SC-900"]),
    "Microsoft Certified: Power BI Data Analyst Associate": ([], ["PL-300"]),
    "Google Cloud Professional Cloud Developer": (["Google Professional Cloud Developer"], []),
    "Google Cloud Professional Cloud Architect": ([], []),
    "Google Cloud Professional Data Engineer": ([], []),
    "Google Cloud Professional Machine Learning Engineer": ([], []),
    "Google Cloud Associate Cloud Engineer": ([], []),
    "Google Cloud Digital Leader": ([], []),
    "Certified Kubernetes Administrator": (["CKA"], []),
    "Certified Kubernetes Application Developer": (["CKAD"], []),
    "Certified Kubernetes Security Specialist": (["CKS"], []),
    "Kubernetes and Cloud Native Associate": (["KCNA"], []),
    "CompTIA A+": (["A+"], []),
    "CompTIA Network+": ([], []),
    "CompTIA Security+": ([], ["SY0-701"]),
    "CompTIA CySA+": ([], []),
    "CompTIA PenTest+": ([], []),
    "CompTIA SecurityX": (["CASP+"], []),
    "CompTIA Cloud+": ([], []),
    "CompTIA Linux+": ([], []),
    "CompTIA Data+": ([], []),
    "CompTIA Server+": ([], []),
    "CompTIA Project+": ([], []),
    "CISSP": ([], []),
    "CCSP": ([], []),
    "SSCP": ([], []),
    "CSSLP": ([], []),
    "Certified in Cybersecurity": (["CC"], []),
    "CISA": ([], []),
    "CISM": ([], []),
    "CRISC": ([], []),
    "CGEIT": ([], []),
    "CDPSE": ([], []),
    "CCNA": ([], []),
    "CCNP": ([], []),
    "CCIE": ([], []),
    "Project Management Professional": (["PMP"], []),
    "Certified Associate in Project Management": (["CAPM"], []),
    "PMI Agile Certified Practitioner": (["PMI-ACP"], []),
    "Program Management Professional": (["PgMP"], []),
    "PMI Risk Management Professional": (["PMI-RMP"], []),
    "Certified ScrumMaster": (["CSM"], []),
    "Professional Scrum Master I": (["PSM I", "PSM"], []),
    "Professional Scrum Master II": ([], []),
    "Certified Scrum Product Owner": (["CSPO"], []),
    "Professional Scrum Product Owner I": ([], []),
    "Certified SAFe Agilist": (["SAFe Agilist"], []),
    "ITIL 4 Foundation": (["ITIL Foundation"], []),
    "Salesforce Certified Administrator": ([], []),
    "Salesforce Certified Platform Developer I": ([], []),
    "Salesforce Certified Platform Developer II": ([], []),
    "Databricks Certified Data Engineer Associate": ([], []),
    "Databricks Certified Data Engineer Professional": ([], []),
    "Databricks Certified Machine Learning Associate": ([], []),
    "Databricks Certified Machine Learning Professional": ([], []),
    "Databricks Certified Generative AI Engineer Associate": ([], []),
    "SnowPro Core Certification": ([], ["COF-C02"]),
    "HashiCorp Certified: Terraform Associate": (["Terraform Associate"], []),
    "HashiCorp Certified: Vault Associate": ([], []),
    "HashiCorp Certified: Consul Associate": ([], []),
    "Red Hat Certified System Administrator": (["RHCSA"], []),
    "Red Hat Certified Engineer": (["RHCE"], []),
    "Red Hat Certified Architect": (["RHCA"], []),
    "Linux Foundation Certified System Administrator": (["LFCS"], []),
    "Linux Foundation Certified Engineer": (["LFCE"], []),
    "TensorFlow Developer Certificate": ([], []),
    "Certified Ethical Hacker": (["CEH"], []),
    "OffSec Certified Professional": (["OSCP"], []),
    "GIAC Security Essentials": (["GSEC"], []),
    "Tableau Desktop Specialist": ([], []),
    "Six Sigma Green Belt": ([], []),
    "Six Sigma Black Belt": ([], []),
    "CPA": ([], []),
    "Chartered Financial Analyst": (["CFA"], []),
    "Certified Management Accountant": (["CMA"], []),
    "ACCA Qualification": (["ACCA"], []),
    "Chartered Accountant": (["CA"], []),
    "Financial Risk Manager": (["FRM"], []),
    "Certified Financial Planner": (["CFP"], []),
    "P.Eng.": (["P. Eng", "PEng", "Professional Engineer"], []),
    "PE licence": (["PE"], []),
    "Engineer in Training": (["EIT"], []),
    "RN licence": (["NCLEX-RN"], ["NCLEX-RN"]),
    "LPN licence": ([], []),
    "RPN licence": ([], []),
    "Red Seal endorsement": (["Red Seal"], []),
    "Certificate of Qualification": ([], []),
    "SHRM-CP": ([], []),
    "SHRM-SCP": ([], []),
    "Certified Human Resources Professional": (["CHRP"], []),
    "Certified Human Resources Leader": (["CHRL"], []),
    "Professional in Human Resources": (["PHR"], []),
    "Senior Professional in Human Resources": (["SPHR"], []),
    "Certified Information Privacy Professional": (["CIPP"], []),
    "Certified Supply Chain Professional": (["CSCP"], []),
    "Certified in Planning and Inventory Management": (["CPIM"], []),
    "Oracle Certified Professional: Java SE 17 Developer": ([], ["1Z0-829"]),
    "Oracle Certified Associate, Java SE 8 Programmer": ([], ["1Z0-808"]),
}


@pytest.mark.parametrize("name", sorted(REQUIRED_CERTS))
def test_required_cert(cert_by_name, name):
    assert name in cert_by_name, f"missing certification {name!r}"
    entry = cert_by_name[name]
    aliases, codes = REQUIRED_CERTS[name]
    for alias in aliases:
        assert alias in entry["aliases"], f"{name}: missing alias {alias!r}"
    for code in codes:
        assert code in entry["codes"], f"{name}: missing code {code!r}"


def test_risky_cert_acronyms_are_case_sensitive(certs):
    owner = {a: c for c in certs for a in c["aliases"]}
    for acronym in ("CA", "PE", "RN", "CC", "CMA", "A+", "PSM"):
        assert acronym in owner, acronym
        assert acronym in owner[acronym]["case_sensitive_aliases"], acronym
        assert owner[acronym]["ambiguous"], acronym


# ---------------------------------------------------------------- NOTICE and reproducibility


def test_notice_carries_onet_credit():
    text = (ROOT / "NOTICE").read_text(encoding="utf-8")
    assert ONET_CREDIT in " ".join(text.split())
    assert "src/payscrape/data/skills.jsonl" in text


@pytest.mark.skipif(not ONET_PATH.is_file(), reason="O*NET source table not available")
def test_build_reproduces_shipped_files(tmp_path):
    cmd = [sys.executable, str(BUILD_SCRIPT), "--onet", str(ONET_PATH), "--out-dir", str(tmp_path)]
    for _ in range(2):  # twice: the output must not depend on a previous run
        subprocess.run(cmd, check=True, capture_output=True, text=True)
        assert (tmp_path / "skills.jsonl").read_bytes() == SKILLS_PATH.read_bytes()
        assert (tmp_path / "certifications.jsonl").read_bytes() == CERTS_PATH.read_bytes()
