"""The spaCy components work in anyone's pipeline."""

from __future__ import annotations

import spacy

import payscrape.extract.components  # noqa: F401  (registers the factories)


def test_factories_in_a_plain_pipeline() -> None:
    nlp = spacy.blank("en")
    for name in ("payscrape_money", "payscrape_experience", "payscrape_counts"):
        nlp.add_pipe(name)
    nlp.add_pipe("payscrape_vocab", name="skills", config={"kind": "skills"})
    doc = nlp("Senior engineers with 7+ years of experience earn $150,000 a year.\n"
              "Based on 312 salaries reported. Skills: Python, Kubernetes and SQL.")
    assert [(h.low, h.period) for h in doc._.payscrape_money] == [(150000, "year")]
    assert [(b.min_years, b.max_years) for b, _ in doc._.payscrape_bands] == [(7, None)]
    assert doc._.payscrape_facts.data_points == 312
    assert {h.entry.name for h in doc._.payscrape_skills} == {"Python", "Kubernetes", "SQL"}
    assert [s.text for s in doc.spans["payscrape_money"]] == ["$150,000"]


def test_entry_points_are_declared() -> None:
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"payscrape_money", "payscrape_experience", "payscrape_counts",
            "payscrape_vocab"} <= names


def test_ambiguous_skills_need_context() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("payscrape_vocab", config={"kind": "skills"})
    tech = nlp("Backend work uses Go, Rust and PostgreSQL.")
    plain = nlp("You will go far. Rust on old pipes. A swift reply helps you excel.")
    assert {"Go", "Rust", "PostgreSQL"} <= {h.entry.name for h in tech._.payscrape_skills}
    assert not plain._.payscrape_skills
