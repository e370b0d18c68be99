"""The learned reranker: shipped weights load, ranking is deterministic and only reorders hits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from index import rerank
from index.retriever import RetrievalParams, Retriever
from index.store import OpenIndex
from tests.conftest import SAMPLE_CORPUS

QUERY = "Lecointre Guerassimov entretien téléphonique"


def test_weights_load_and_match_the_features() -> None:
    model = rerank.RerankModel.load()
    assert model.features == rerank.FEATURES
    assert model.weights.shape == model.mean.shape == model.scale.shape == (len(rerank.FEATURES),)
    assert np.all(np.isfinite(model.weights)) and np.all(model.scale > 0)
    assert model.depth >= 10


@pytest.fixture(scope="module")
def opened(sample_index: Path):
    index = OpenIndex.open(sample_index, k1=RetrievalParams().k1, b=RetrievalParams().b)
    yield index
    index.close()


def test_rerank_is_deterministic_and_keeps_passages(opened: OpenIndex, embedder) -> None:
    params = replace(RetrievalParams(), rerank=True)
    first = Retriever(opened, embedder, params).search(QUERY, k=10)
    again = Retriever(opened, embedder, params).search(QUERY, k=10)
    assert [(h.passage.id, h.rerank_score) for h in first] == [(h.passage.id, h.rerank_score) for h in again]
    assert all(h.rerank_score is not None for h in first)
    assert [h.rank for h in first] == list(range(1, len(first) + 1))
    # Reranking reorders the fused top-N; it never changes a passage or its offsets.
    fused = Retriever(opened, embedder, replace(params, rerank=False)).search(QUERY, k=params.rerank_depth)
    by_id = {h.passage.id: h.passage for h in fused}
    for h in first:
        assert h.passage == by_id[h.passage.id]
        text = (SAMPLE_CORPUS / h.source).read_text(encoding="utf-8")
        assert text[h.passage.start : h.passage.end] == h.passage.text


def test_rerank_keeps_the_lecointre_call_in_top3(opened: OpenIndex, embedder) -> None:
    hits = Retriever(opened, embedder, replace(RetrievalParams(), rerank=True)).search(QUERY, k=10)
    assert any(h.source == "003_546b02830ba72005.txt" and "10 juillet" in h.passage.text for h in hits[:3])


def test_features_are_finite_for_odd_queries(opened: OpenIndex, embedder) -> None:
    retriever = Retriever(opened, embedder, replace(RetrievalParams(), rerank=True))
    for query in ("?", "le la les", "2024", "Qui ?", "OTAN " * 30):
        for h in retriever.search(query, k=5):
            assert h.rerank_score is None or np.isfinite(h.rerank_score)
