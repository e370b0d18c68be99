"""Fixtures for the answering tests: one extractive answerer over the sample corpus per run.

Built on the shared session fixtures (the loaded MiniLM, the sample index built once), so the
real retriever and model answer every question.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT / "tests" / "data" / "sample_questions.jsonl"


@pytest.fixture(scope="session")
def sample_questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


@contextmanager
def answerer_over(corpus: Path, index_dir: Path, embedder) -> Iterator["ExtractiveAnswerer"]:  # noqa: F821
    """An extractive answerer over ``corpus``, indexed into ``index_dir`` with the BM25 parameters
    `veille` itself uses; the index is closed afterwards."""
    from index.build import build_index
    from index.retriever import RetrievalParams, Retriever
    from index.store import OpenIndex
    from qa.extractive import ExtractiveAnswerer

    build_index(corpus, index_dir, embedder)
    params = RetrievalParams()
    index = OpenIndex.open(index_dir, k1=params.k1, b=params.b)
    try:
        yield ExtractiveAnswerer(index, Retriever(index, embedder, params))
    finally:
        index.close()
