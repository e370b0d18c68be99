"""Hybrid retrieval: BM25 and dense candidates, fused by a weighted score combination.

Why weighted and not plain reciprocal rank fusion: with the bundled English MiniLM on French
text, dense rankings are much weaker than BM25 (PIAF dev, 50–130-word passages: dense alone
Recall@5 0.472 vs 0.840 for BM25), and RRF gives both lists equal say (Recall@5 0.679, worse
than BM25 alone). We min-max normalise each score over the union of candidates and weight BM25
more (0.7; 0.6 and 0.8 are within 0.6 points).

Each side also looks at the passage's whole article. A question written about one paragraph
usually names the article's subject in words that other paragraphs of the same article carry
(« Steinschneider », « rhinocéros blanc »), so a passage is scored as itself *plus* its article:

* lexical: passage BM25 + ``article_weight`` × BM25 of the article as one document;
* dense: passage cosine + ``article_dense_weight`` × cosine with the article's centroid (the
  normalised mean of its passage vectors).

Both article-level indexes are derived from the passage index when first needed (a sparse
product and a mean, milliseconds here) and cached per open index, so they cost nothing to build
and well under a millisecond per query. All weights were tuned on the PIAF dev questions with
``bench/piaf_retrieval.py --sweep`` (50–130-word passages, analysis fr-2):

=====================================================  =====  =====  ======
step                                                     R@1    R@5  MRR@10
=====================================================  =====  =====  ======
BM25 only, k1=1.2 b=0.75                               0.677  0.840   0.745
weighted fusion 0.7, k1=1.2 b=0.75                     0.676  0.847   0.749
weighted fusion 0.7, k1=0.9 b=0.5                      0.683  0.849   0.755
+ article BM25 ×0.5                                    0.685  0.865   0.761
+ article centroid ×0.5 (defaults)                     0.689  0.861   0.764
=====================================================  =====  =====  ======

Tried and dropped: RM3-style expansion from the top 2–5 passages (BM25 R@1 −1 to −2 points,
R@5 unchanged), smoothing a passage's score with its neighbours' (R@1 −0.2 to −2), re-scoring
by the best-matching sentence (no gain once ties are broken), article-local idf (R@1 −1).
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from index.analysis import FrenchAnalyzer
from index.lexical import LexicalIndex
from index.passage import Hit
from index.store import OpenIndex
from models.embedder import Embedder


@dataclass(frozen=True)
class RetrievalParams:
    # BM25 saturation and length normalisation, applied when the index is opened. Passages are
    # short and similar in length, so less length normalisation and earlier saturation help:
    # PIAF dev BM25 alone, k1=1.2 b=0.75 → 0.9/0.5: Recall@1 0.677 → 0.679, fused 0.676 → 0.683.
    k1: float = 0.9
    b: float = 0.5
    lexical_weight: float = 0.7  # dense weight is 1 - lexical_weight
    candidates: int = 100  # from each ranking, before fusion
    fusion: str = "weighted"  # or "rrf", or "lexical", or "dense"
    rrf_k: int = 60
    #: BM25 of the passage's whole article, added to the passage's own BM25 (0 = off)
    article_weight: float = 0.5
    #: cosine with the article's centroid vector, added to the passage's cosine (0 = off)
    article_dense_weight: float = 0.5

    #: values that switch the article-level signals off (the baseline of the ablation)
    @staticmethod
    def passage_only() -> dict[str, float]:
        return {"article_weight": 0.0, "article_dense_weight": 0.0}


def _minmax(x: np.ndarray) -> np.ndarray:
    if len(x) == 0:
        return x
    lo, hi = float(x.min()), float(x.max())
    return (x - lo) / (hi - lo) if hi > lo else np.ones_like(x) * (1.0 if hi > 0 else 0.0)


class _ArticleLevel:
    """Article-level BM25 and centroid vectors, derived from one open index's passage data."""

    def __init__(self, index: OpenIndex) -> None:
        sources = index.passage_sources()
        names, passage_article = np.unique(np.asarray(sources, dtype=object).astype(str), return_inverse=True)
        self.lexical_source = index.lexical  # rebuilt if the index's BM25 is replaced (new k1/b)
        self.passage_article = passage_article.astype(np.int64)
        n_passages, n_articles = len(sources), len(names)
        # Article × passage membership: article term counts are sums of their passages' rows.
        member = sparse.csr_matrix(
            (np.ones(n_passages, np.float32), (self.passage_article, np.arange(n_passages))),
            shape=(n_articles, n_passages),
        )
        lex = index.lexical
        self.lexical = LexicalIndex(lex.vocab, (member @ lex.tf).tocsr(), k1=lex.k1, b=lex.b)
        centroids = np.asarray(member @ index.dense.vectors, dtype=np.float32)
        norms = np.linalg.norm(centroids, axis=1, keepdims=True)
        self.centroids = np.ascontiguousarray(centroids / np.where(norms > 0, norms, 1.0))


_ARTICLE_LEVEL: "weakref.WeakKeyDictionary[OpenIndex, _ArticleLevel]" = weakref.WeakKeyDictionary()
_ARTICLE_LOCK = threading.Lock()


def _article_level(index: OpenIndex) -> _ArticleLevel:
    """The article-level view of ``index``, built once per open index (front-ends make a
    Retriever per request, so it cannot live on the Retriever)."""
    with _ARTICLE_LOCK:
        level = _ARTICLE_LEVEL.get(index)
        if level is None or level.lexical_source is not index.lexical:
            level = _ARTICLE_LEVEL[index] = _ArticleLevel(index)
        return level


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
        use_dense = p.fusion != "lexical"
        use_lexical = p.fusion != "dense"
        level = _article_level(self.index) if (
            (use_lexical and p.article_weight) or (use_dense and p.article_dense_weight)) else None
        terms = self.analyzer(query)
        lex = self.index.lexical.scores(terms) if terms else np.zeros(n, np.float32)
        lex_total = lex
        if level is not None and use_lexical and p.article_weight and terms:
            lex_total = lex + p.article_weight * level.lexical.scores(terms)[level.passage_article]
        t1 = time.perf_counter()
        cand = min(p.candidates, n)
        lex_top = np.argpartition(-lex_total, cand - 1)[:cand] if cand < n else np.arange(n)
        lex_top = lex_top[lex[lex_top] > 0]  # a passage must match by itself, not only its article
        if use_dense:
            qvec = self.embedder.encode([query])[0]
            t2 = time.perf_counter()
            _, dense_top = self.index.dense.search(qvec, cand)
        else:
            qvec, dense_top, t2 = None, np.zeros(0, np.int64), t1
        ids = np.unique(np.concatenate([lex_top, dense_top.astype(np.int64)]))
        if len(ids) == 0:
            return []
        lex_c = lex[ids]
        lex_total_c = lex_total[ids]
        dense_c = self.index.dense.similarity(qvec, ids) if qvec is not None else np.zeros(len(ids), np.float32)
        dense_total_c = dense_c
        if level is not None and qvec is not None and p.article_dense_weight:
            article_ids = level.passage_article[ids]
            dense_total_c = dense_c + p.article_dense_weight * (level.centroids[article_ids] @ qvec)
        if p.fusion == "lexical":
            fused = lex_total_c
        elif p.fusion == "dense":
            fused = dense_total_c
        elif p.fusion == "rrf":
            fused = (p.lexical_weight / (p.rrf_k + _ranks(lex_total_c))
                     + (1 - p.lexical_weight) / (p.rrf_k + _ranks(dense_total_c)))
        else:
            fused = p.lexical_weight * _minmax(lex_total_c) + (1 - p.lexical_weight) * _minmax(dense_total_c)
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
