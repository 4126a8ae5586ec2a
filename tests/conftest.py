from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


def golden_pages(subdir: str) -> list[tuple[Path, dict]]:
    from payscrape.evaluate import golden_pairs

    return [(page, json.loads(golden.read_text("utf-8")))
            for page, golden in golden_pairs(FIXTURES / subdir)]


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
