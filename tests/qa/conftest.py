"""Fixtures for the answering tests: one extractive answerer over the sample corpus per run.

Built on the shared session fixtures (the loaded MiniLM, the sample index built once), so the
real retriever and model answer every question.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "data" / "sample_questions.jsonl"


@pytest.fixture(scope="session")
def sample_questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
