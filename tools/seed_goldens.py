"""Golden records for the five seed pages, written by reading them (see docs/annotation.md).

Run once to (re)write fixtures/seeds/*.expected.json and fixtures/seeds_html/*.expected.json.
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def sal(low, high=None, *, text, statistic=None, period="year", currency="CAD", bound=None,
        projected_year=None, experience=None, seniority=None, location=None, percentile=None):
    return {
        "low": low, "high": low if high is None else high, "bound": bound, "currency": currency,
        "period": period, "statistic": statistic, "percentile": percentile,
        "projected_year": projected_year,
        "experience": None if experience is None else {"min_years": experience[0], "max_years": experience[1]},
        "seniority": seniority, "location": location, "text": text,
    }


def band(lo, hi, label, seniority=None):
    return {"min_years": lo, "max_years": hi, "label": label, "seniority": seniority}


MI_COMMON = {"page_type": "market_report", "country": "CA", "region": None, "updated": "2026-04"}

SEEDS = {
    "000_bb0d3b1a1f5bd651": {
        "_meta": {"site": "market-intelligence", "notes": "seed; full template with cards, hubs, roadmap"},
        **MI_COMMON,
        "title": "Market Intelligence: Machine Learning Infrastructure Engineer in Canada",
        "role": "Machine Learning Infrastructure Engineer",
        "data_points": 5, "confidence_label": "Extrapolated",
        "sources": ["Eurostat", "U.S. Bureau of Labor Statistics"],
        "seniority_mix": [{"level": "mid", "share": 0.2}, {"level": "senior", "share": 0.8}],
        "location_premiums": [
            {"location": "Toronto", "premium": 0.15, "amount": 173346, "currency": "CAD"},
            {"location": "Vancouver", "premium": 0.10, "amount": 165810, "currency": "CAD"},
            {"location": "Montreal", "premium": 0.02, "amount": 153751, "currency": "CAD"},
            {"location": "Ottawa", "premium": 0.05, "amount": 158273, "currency": "CAD"},
        ],
        "salaries": [
            sal(150736, text="$150,736", statistic="average"),
            sal(160537, text="$160,537", statistic="projected", projected_year=2026),
            sal(173346, text="$173,346", statistic="estimate", location="Toronto"),
            sal(165810, text="$165,810", statistic="estimate", location="Vancouver"),
            sal(153751, text="$153,751", statistic="estimate", location="Montreal"),
            sal(158273, text="$158,273", statistic="estimate", location="Ottawa"),
            sal(113052, text="$113,052", statistic="estimate", experience=(0, 3), seniority="junior"),
            sal(150736, text="$150,736", statistic="estimate", experience=(3, 7), seniority="mid"),
            sal(211030, text="$211,030", statistic="estimate", experience=(7, None), seniority="senior"),
        ],
        "experience_bands": [
            band(0, 3, "0-3 Years Exp", "junior"), band(3, 7, "3-7 Years Exp", "mid"),
            band(7, None, "7+ Years Exp", "senior"),
        ],
        "skills": ["CI/CD", "Next.js", "Node.js", "NoSQL", "React", "SQL", "System Design", "TypeScript"],
        "certifications": ["AWS Certified Developer – Associate", "Google Cloud Professional Cloud Developer"],
    },
    "001_7691ccfd23837436": {
        "_meta": {"site": "market-intelligence", "notes": "seed; lossy Thai mojibake"},
        **MI_COMMON,
        "title": "Market Intelligence: Machine Learning Lead in Canada",
        "role": "Machine Learning Lead", "data_points": 2, "confidence_label": None, "sources": [],
        "seniority_mix": [], "location_premiums": [],
        "salaries": [
            sal(123557, text="$123,557"),
            sal(131591, text="$131,591", statistic="projected"),
        ],
        "experience_bands": [],
        "skills": ["NumPy", "Python", "Statistics", "pandas"],
        "certifications": ["AWS Certified Machine Learning – Specialty"],
    },
    "002_eabe45fa1e8d5fb3": {
        "_meta": {"site": "upgrad-blog", "notes": "seed career guide with salary outlook by experience"},
        "page_type": "career_guide",
        "title": "How to Become a Machine Learning Engineer in Canada?",
        "role": "Machine Learning Engineer", "country": "CA", "region": None, "updated": None,
        "data_points": None, "confidence_label": None, "sources": ["Glassdoor"],
        "seniority_mix": [], "location_premiums": [],
        "salaries": [
            sal(83000, 100000, text="CAD 83,000 and CAD 100,000", statistic="average"),
            sal(100000, text="CAD 100,000", statistic="average"),
            sal(83000, 100000, text="CAD 83,000 and CAD 100,000", statistic="range",
                experience=(1, 3), seniority="entry"),
            sal(95000, 100000, text="CAD 95,000 and CAD 100,000", statistic="average", experience=(4, 6)),
            sal(97000, 100000, text="CAD 97,000 to CAD 100,000", statistic="average", experience=(7, 9)),
            sal(100000, 200000, text="CAD 100,000 and CAD 200,000", statistic="average",
                experience=(10, 14)),
        ],
        "experience_bands": [
            band(1, 3, "1 to 3 years of experience", "entry"), band(4, 6, "4 and 6 years"),
            band(7, 9, "7 to 9 years of experience"), band(10, 14, "10-14 years’ experience"),
        ],
        "skills": ["Cloud Computing", "Collaboration", "Communication", "Computer Vision",
                   "Continuous Learning", "Data Management", "Data Modeling", "Deep Learning",
                   "DevOps", "Domain Knowledge", "Generative AI", "MLOps", "Machine Learning",
                   "Mathematics", "Natural Language Processing", "Problem-Solving", "Programming",
                   "Responsible AI", "Software Engineering", "Statistics", "Kaggle"],
        "certifications": [],
    },
    "003_5f387167353d1d96": {
        "_meta": {"site": "market-intelligence", "notes": "seed; lossy Thai mojibake"},
        **MI_COMMON,
        "title": "Market Intelligence: Senior Machine Learning Manager in Canada",
        "role": "Senior Machine Learning Manager", "data_points": 2462, "confidence_label": None,
        "sources": [], "seniority_mix": [], "location_premiums": [],
        "salaries": [
            sal(174289, text="$174,289", statistic="average"),
            sal(188232, text="$188,232", statistic="projected", projected_year=2026),
        ],
        "experience_bands": [],
        "skills": ["NumPy", "PyTorch", "Python", "TensorFlow", "pandas"],
        "certifications": ["AWS Certified Machine Learning – Specialty"],
    },
    "004_a391597a1a4f29b6": {
        "_meta": {"site": "ontario-careers", "notes": "seed career guide; study durations are not bands"},
        "page_type": "career_guide", "title": None,
        "role": "Machine Learning Engineer", "country": "CA", "region": "Ontario", "updated": None,
        "data_points": None, "confidence_label": None, "sources": ["Job Bank"],
        "seniority_mix": [], "location_premiums": [],
        "salaries": [
            sal(75000, 110000, text="$75,000–$110,000", statistic="range", experience=(0, 2), seniority="entry"),
            sal(100000, 140000, text="$100,000–$140,000", statistic="range", experience=(3, 5), seniority="mid"),
            sal(120000, 180000, text="$120,000–$180,000+", statistic="range", bound="at_least",
                experience=(5, None), seniority="senior"),
            sal(200000, text="$200,000", bound="at_least", seniority="principal"),
            sal(60, 120, text="$60–$120/hour", statistic="range", period="hour"),
        ],
        "experience_bands": [
            band(0, 2, "0–2 years", "entry"), band(3, 5, "3–5 years", "mid"),
            band(5, None, "5+ years", "senior"),
        ],
        "skills": None,  # filled in below
        "certifications": ["P.Eng."],
    },
}

SEEDS["004_a391597a1a4f29b6"]["skills"] = sorted([
    "A/B Testing", "Adaptability", "Amazon EMR", "Amazon SageMaker", "Amazon Web Services",
    "Apache Airflow", "Apache Kafka", "Apache Spark", "Azure Machine Learning", "BigQuery", "CI/CD",
    "Collaboration", "Communication", "Computer Vision", "Cross-Validation", "Data Engineering",
    "Data Modeling", "Databricks", "Deep Learning", "Docker", "ETL",
    "Generative AI", "Google Cloud Platform", "Hyperparameter Tuning", "Kubeflow", "Kubernetes",
    "LIME", "Large Language Models", "MLOps", "MLflow", "Microservices", "Microsoft Azure",
    "Natural Language Processing", "NoSQL", "NumPy", "Prompt Engineering", "PyTorch", "Python",
    "Recommender Systems", "Retrieval-Augmented Generation", "SHAP", "SQL", "Software Engineering",
    "Statistics", "TensorFlow", "Time Management", "Time-Series Forecasting", "Vector Databases",
    "Vertex AI", "pandas", "scikit-learn",
    # named in the hard-skills, MLOps and expert-advice lists
    "API Development", "Code Review", "Containerization", "Cryptography", "Dashboards",
    "Data Pipelines", "Data Science", "Design Patterns", "DevOps", "Documentation", "Ethics",
    "Feature Selection", "Feature Stores", "GitHub", "Model Deployment", "Programming",
    "Storytelling", "Transformer Models", "Version Control", "Continuous Learning", "Optimization",
], key=str.casefold)

# The HTML renditions state the same facts; their title is the <title> element.
HTML_TITLES = {
    "000_bb0d3b1a1f5bd651": "Market Intelligence: Machine Learning Infrastructure Engineer in Canada (2026) | PayPulse Insights",
    "001_7691ccfd23837436": "Machine Learning Lead Salary in Canada — Market Intelligence · PayPulse Insights",
    "002_eabe45fa1e8d5fb3": "How to Become a Machine Learning Engineer in Canada | Skillora Blog",
    "003_5f387167353d1d96": "Market Intelligence: Senior Machine Learning Manager in Canada – PayPulse Insights",
    "004_a391597a1a4f29b6": "Machine Learning Engineer | Career Profiles | Ontario Career Compass",
}


def main() -> None:
    for stem, golden in SEEDS.items():
        for key in ("skills", "certifications"):
            golden[key] = sorted(golden[key], key=str.casefold)
        (ROOT / "fixtures/seeds" / f"{stem}.expected.json").write_text(
            json.dumps(golden, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        html = dict(golden)
        html["_meta"] = {**golden["_meta"], "notes": golden["_meta"]["notes"] + "; HTML rendition"}
        if stem in HTML_TITLES:
            html["title"] = HTML_TITLES[stem]
        out = ROOT / "fixtures/seeds_html" / f"{stem}.expected.json"
        if out.parent.exists():
            out.write_text(json.dumps(html, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
