"""Hybrid retrieval: BM25 and dense candidates, fused by a weighted score combination.

Why weighted and not plain reciprocal rank fusion: with the bundled English MiniLM on French
text, dense rankings are much weaker than BM25 (PIAF R@5 0.50 vs 0.84), and RRF gives both
lists equal say. We min-max normalise each score over the union of candidates and weight BM25
more; the weights were tuned on the PIAF dev questions (``bench/piaf_retrieval.py``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from index.analysis import FrenchAnalyzer
from index.passage import Hit
from index.store import OpenIndex
from models.embedder import Embedder


@dataclass(frozen=True)
class RetrievalParams:
    k1: float = 1.2
    b: float = 0.75
    lexical_weight: float = 0.7  # dense weight is 1 - lexical_weight
    candidates: int = 100  # from each ranking, before fusion
    fusion: str = "weighted"  # or "rrf", or "lexical", or "dense"
    rrf_k: int = 60


def _minmax(x: np.ndarray) -> np.ndarray:
    if len(x) == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.ones_like(x) * (1.0 if hi > 0 else 0.0)


class Retriever:
    """Ranks the passages of an open index for a query."""

    def __init__(self, index: OpenIndex, embedder: Embedder, params: RetrievalParams = RetrievalParams(),
                 analyzer: FrenchAnalyzer | None = None) -> None:
        self.index = index
        self.embedder = embedder
        self.params = params
        self.analyzer = analyzer or FrenchAnalyzer()
        self.last_timings: dict[str, float] = {}

    def search(self, query: str, k: int = 10) -> list[Hit]:
        t0 = time.perf_counter()
        p = self.params
        n = self.index.size
        if n == 0 or not query.strip():
            return []
        terms = self.analyzer(query)
        lex = self.index.lexical.scores(terms) if terms else np.zeros(n, np.float32)
        t1 = time.perf_counter()
        cand = min(p.candidates, n)
        lex_top = np.argpartition(-lex, cand - 1)[:cand] if cand < n else np.arange(n)
        lex_top = lex_top[lex[lex_top] > 0]
        if p.fusion != "lexical":
            qvec = self.embedder.encode([query])[0]
            t2 = time.perf_counter()
            _, dense_top = self.index.dense.search(qvec, cand)
        else:
            qvec, dense_top, t2 = None, np.zeros(0, np.int64), t1
        ids = np.unique(np.concatenate([lex_top, dense_top.astype(np.int64)]))
        if len(ids) == 0:
            return []
        lex_c = lex[ids]
        dense_c = self.index.dense.similarity(qvec, ids) if qvec is not None else np.zeros(len(ids), np.float32)
        if p.fusion == "lexical":
            fused = lex_c
        elif p.fusion == "dense":
            fused = dense_c
        elif p.fusion == "rrf":
            fused = p.lexical_weight / (p.rrf_k + _ranks(lex_c)) + (1 - p.lexical_weight) / (p.rrf_k + _ranks(dense_c))
        else:
            fused = p.lexical_weight * _minmax(lex_c) + (1 - p.lexical_weight) * _minmax(dense_c)
        order = np.argsort(-fused, kind="stable")[:k]
        chosen = ids[order]
        passages = self.index.passages([int(i) for i in chosen])
        titles = self.index.titles(sorted({ps.source for ps in passages}))
        t3 = time.perf_counter()
        hits = [
            Hit(rank=r + 1, passage=ps, title=titles.get(ps.source, ps.source), score=float(fused[o]),
                lexical_score=float(lex_c[o]), dense_score=float(dense_c[o]))
            for r, (ps, o) in enumerate(zip(passages, order))
        ]
        self.last_timings = {
            "lexical_ms": (t1 - t0) * 1000, "embed_ms": (t2 - t1) * 1000,
            "fusion_ms": (t3 - t2) * 1000, "total_ms": (t3 - t0) * 1000,
        }
        return hits


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each score (highest first)."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks
