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

Last, a learned linear reranker (:mod:`index.rerank`) reorders the fused top 30 from cheap
features (the scores above, query-term coverage and proximity, answer-type cues, the passage
against its own article's other candidates). Trained on the PIAF dev questions of half the
articles (``bench/train_reranker.py``), measured on the other half:

=====================================================  =====  =====  =====  ======
held-out half (1896 questions)                           R@1    R@5   R@10  MRR@10
=====================================================  =====  =====  =====  ======
fused (the step above)                                 0.676  0.856  0.896   0.755
+ learned rerank of the top 30 (defaults)              0.699  0.869  0.906   0.772
=====================================================  =====  =====  =====  ======

It adds ~2 ms per query (p50 +2.2 ms measured on 200 PIAF queries: the features of 30 passages,
and fetching 30 passages instead of 10).
Hits then come in reranked order; ``Hit.score`` stays the fused score (what the answerer was
trained on) and the reranker's score is ``RankedHit.rerank_score``. ``RankedHit.relevance`` is
that score as the model was trained to read it: the softmax over the reranked candidates, i.e.
the estimated probability that this passage is the one that answers. It decreases with the rank,
so a front-end can show it beside the order without the fused score's inversions.

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

from index import rerank
from index.analysis import FrenchAnalyzer
from index.lexical import LexicalIndex
from index.passage import Hit, Passage
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
    #: rerank the fused top ``rerank_depth`` with the learned linear model (index.rerank, weights
    #: trained on half of PIAF dev; on the other half R@1 0.676 → 0.699, R@5 0.856 → 0.869)
    rerank: bool = True
    rerank_depth: int = 30

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
        self.passage_len = np.asarray(lex.tf.sum(axis=1)).ravel()
        self.mean_len = float(self.passage_len.mean()) if n_passages else 1.0
        self.title_terms: dict[str, frozenset[str]] = {}  # analysed titles, filled by the reranker
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
                 analyzer: FrenchAnalyzer | None = None, reranker: "rerank.RerankModel | None" = None) -> None:
        self.index = index
        self.embedder = embedder
        self.params = params
        self.analyzer = analyzer or FrenchAnalyzer()
        self.reranker = reranker  # None: the shipped weights (index/rerank_weights.json)
        self.last_timings: dict[str, float] = {}

    def _fuse(self, query: str) -> "_Fused | None":
        """Candidates from both rankings, with every score the fusion and the reranker use."""
        t0 = time.perf_counter()
        p = self.params
        n = self.index.size
        if n == 0 or not query.strip():
            return None
        use_dense = p.fusion != "lexical"
        use_lexical = p.fusion != "dense"
        level = _article_level(self.index) if (
            (use_lexical and p.article_weight) or (use_dense and p.article_dense_weight) or p.rerank) else None
        terms = self.analyzer(query)
        lex = self.index.lexical.scores(terms) if terms else np.zeros(n, np.float32)
        lex_total = lex
        article_lex = None
        if level is not None and terms and ((use_lexical and p.article_weight) or p.rerank):
            article_lex = level.lexical.scores(terms)[level.passage_article]
            if use_lexical and p.article_weight:
                lex_total = lex + p.article_weight * article_lex
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
            return None
        lex_c = lex[ids]
        lex_total_c = lex_total[ids]
        dense_c = self.index.dense.similarity(qvec, ids) if qvec is not None else np.zeros(len(ids), np.float32)
        dense_total_c = dense_c
        centroid_c = np.zeros(len(ids), np.float32)
        if level is not None and qvec is not None and (p.article_dense_weight or p.rerank):
            centroid_c = level.centroids[level.passage_article[ids]] @ qvec
            if p.article_dense_weight:
                dense_total_c = dense_c + p.article_dense_weight * centroid_c
        if p.fusion == "lexical":
            fused = lex_total_c
        elif p.fusion == "dense":
            fused = dense_total_c
        elif p.fusion == "rrf":
            fused = (p.lexical_weight / (p.rrf_k + _ranks(lex_total_c))
                     + (1 - p.lexical_weight) / (p.rrf_k + _ranks(dense_total_c)))
        else:
            fused = p.lexical_weight * _minmax(lex_total_c) + (1 - p.lexical_weight) * _minmax(dense_total_c)
        order = np.argsort(-fused, kind="stable")
        return _Fused(query, terms, ids[order], np.asarray(fused[order], np.float64),
                      np.asarray(lex_c[order], np.float64),
                      np.asarray(article_lex[ids][order] if article_lex is not None else np.zeros(len(ids)), np.float64),
                      np.asarray(dense_c[order], np.float64), np.asarray(centroid_c[order], np.float64),
                      level, {"lexical_ms": (t1 - t0) * 1000, "embed_ms": (t2 - t1) * 1000, "t0": t0, "t2": t2})

    def rerank_features(self, fused: "_Fused", passages: list[Passage]) -> np.ndarray:
        """Reranking features of the first ``len(passages)`` fused candidates (in fused order)."""
        m = len(passages)
        level = fused.level if fused.level is not None else _article_level(self.index)
        lexical = self.index.lexical
        q = rerank.query_info(fused.query, self.analyzer, lexical.vocab, lexical.idf)
        ids = fused.ids[:m]
        cache = level.title_terms
        missing = sorted({ps.source for ps in passages} - cache.keys())
        if missing:
            for src, title in self.index.titles(missing).items():
                cache[src] = frozenset(self.analyzer(title or ""))
        return rerank.features(
            q, self.analyzer, [ps.text for ps in passages], ids, level.passage_article[ids],
            np.array([ps.ordinal for ps in passages]), [cache.get(ps.source, frozenset()) for ps in passages],
            level.passage_len[ids], level.mean_len, fused.fused[:m], fused.lex[:m], fused.article_lex[:m], fused.dense[:m], fused.centroid[:m],
            lexical.tf, level.lexical.tf,
        )

    def search(self, query: str, k: int = 10) -> list[Hit]:
        f = self._fuse(query)
        if f is None:
            return []
        p = self.params
        t2 = f.timings["t2"]
        model = None
        if p.rerank and p.fusion == "weighted" and p.rerank_depth > 1:
            model = self.reranker or rerank.default_model()
        depth = min(p.rerank_depth, len(f.ids)) if model is not None else 0
        fetch = min(max(k, depth), len(f.ids))
        passages = self.index.passages([int(i) for i in f.ids[:fetch]])
        order = np.arange(len(passages))
        rerank_scores: np.ndarray | None = None
        t_rr = time.perf_counter()
        if model is not None and len(passages) == fetch and depth > 1:
            x = self.rerank_features(f, passages[:depth])
            rerank_scores = model.score(x)
            order = np.concatenate([np.argsort(-rerank_scores, kind="stable"), np.arange(depth, fetch)])
        t_rr_end = time.perf_counter()
        relevance: np.ndarray | None = None
        if rerank_scores is not None:
            e = np.exp(rerank_scores - rerank_scores.max())
            relevance = e / e.sum()
        order = order[:k]
        titles = self.index.titles(sorted({passages[o].source for o in order}))
        t3 = time.perf_counter()
        hits = [
            RankedHit(rank=r + 1, passage=passages[o], title=titles.get(passages[o].source, passages[o].source),
                score=float(f.fused[o]), lexical_score=float(f.lex[o]), dense_score=float(f.dense[o]),
                rerank_score=float(rerank_scores[o]) if rerank_scores is not None and o < depth else None,
                relevance=float(relevance[o]) if relevance is not None and o < depth else None)
            for r, o in enumerate(order.tolist())
        ]
        self.last_timings = {
            "lexical_ms": f.timings["lexical_ms"], "embed_ms": f.timings["embed_ms"],
            "fusion_ms": (t3 - t2) * 1000, "rerank_ms": (t_rr_end - t_rr) * 1000,
            "total_ms": (t3 - f.timings["t0"]) * 1000,
        }
        return hits


@dataclass(frozen=True)
class RankedHit(Hit):
    """A :class:`Hit` that also carries the reranker's score and its softmax over the reranked
    candidates (both None when not reranked)."""

    rerank_score: float | None = None
    relevance: float | None = None


@dataclass
class _Fused:
    """Fused candidates, best first, with the scores behind the fusion."""

    query: str
    terms: list[str]
    ids: np.ndarray
    fused: np.ndarray
    lex: np.ndarray  # passage BM25
    article_lex: np.ndarray  # article BM25 (unweighted)
    dense: np.ndarray  # passage cosine
    centroid: np.ndarray  # article-centroid cosine
    level: "_ArticleLevel | None"
    timings: dict[str, float]


def _ranks(scores: np.ndarray) -> np.ndarray:
    """1-based rank of each score (highest first)."""
    order = np.argsort(-scores, kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[order] = np.arange(1, len(scores) + 1)
    return ranks
