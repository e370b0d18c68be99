"""Our BM25 (``index.lexical``) against the reference implementation ``bm25s``.

``bm25s`` with ``method="lucene"`` uses the same formula as ours: Lucene's always-positive idf
``log(1 + (N - df + 0.5) / (df + 0.5))`` and the term-frequency part
``tf / (tf + k1·(1 - b + b·len/avg))``. Ours keeps the classic ``(k1 + 1)`` numerator factor
(Lucene 8 dropped it as rank-neutral), so our scores are bm25s's times ``k1 + 1``: checked
exactly, along with equal rankings. Documents are given pre-tokenised: only scoring is compared.
"""

from __future__ import annotations

import numpy as np
import pytest

from index.lexical import LexicalIndex, TermCounts

bm25s = pytest.importorskip("bm25s")

DOCS = [
    "le conseil municipal vote le budget de la ville".split(),
    "la ville de lyon vote un budget en hausse budget record".split(),
    "le maire de lyon présente le budget".split(),
    "les élections municipales auront lieu en mars".split(),
    "la cour des comptes critique la gestion de la ville".split(),
    "match de football à lyon victoire de l'équipe".split(),
    "budget budget budget".split(),
]
QUERIES = [
    ["budget"],
    ["budget", "lyon"],
    ["vote", "ville", "budget"],
    ["élections", "mars"],
    ["lyon", "lyon", "football"],  # a repeated query term counts twice in both
    ["absent"],
]


def _ours(k1: float, b: float, tmp_path) -> LexicalIndex:
    counts = TermCounts()
    for doc in DOCS:
        counts.add_terms(doc)
    counts.save(tmp_path)  # through the on-disk format, as the index is really used
    return LexicalIndex.load(tmp_path, k1=k1, b=b)


@pytest.mark.parametrize("k1,b", [(1.5, 0.75), (1.2, 0.75), (0.9, 0.5)])
def test_scores_match_bm25s_lucene(k1: float, b: float, tmp_path) -> None:
    ours = _ours(k1, b, tmp_path)
    ref = bm25s.BM25(k1=k1, b=b, method="lucene")
    ref.index(DOCS, show_progress=False)
    for query in QUERIES:
        expected = np.asarray(ref.get_scores(query), dtype=np.float64) * (k1 + 1.0)
        got = ours.scores(query).astype(np.float64)
        np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5, err_msg=str(query))
        matched = expected > 0
        # Same ranking of the documents that match (ties broken alike by document order).
        assert list(np.argsort(-got[matched], kind="stable")) == list(np.argsort(-expected[matched], kind="stable"))


def test_idf_is_lucene(tmp_path) -> None:
    ours = _ours(1.2, 0.75, tmp_path)
    n, df = len(DOCS), sum("budget" in d for d in DOCS)
    assert ours.idf("budget") == pytest.approx(np.log(1 + (n - df + 0.5) / (df + 0.5)))
    assert ours.idf("inconnu") == pytest.approx(np.log(1 + (n + 0.5) / 0.5))
