# Two commands on a fresh machine (Python 3.11 + PyPI): `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: demo test evaluate bench train lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

## Batch-extract the bundled fixtures: summary table on stdout, records in out/fixtures.jsonl.
demo: $(STAMP)
	$(BIN)/payscrape extract fixtures -o out/fixtures.jsonl

## The whole test suite (unit, golden, accuracy gate, doctests).
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Field-by-field precision / recall / F1 on the fixtures.
evaluate: $(STAMP)
	$(BIN)/payscrape evaluate fixtures

## Retrain the shipped page-type model from the labelled fixtures.
train: $(STAMP)
	$(BIN)/payscrape train-classifier fixtures -o src/payscrape/data/page_type_model.json

## Speed against trafilatura on generated heavy pages (benchmarks/README.md).
bench: $(STAMP)
	$(BIN)/python benchmarks/make_pages.py && $(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) out .pytest_cache
