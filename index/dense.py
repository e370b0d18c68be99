"""Dense vectors searched exactly by inner product (vectors are unit length: IP = cosine).

Vectors are stored as a plain ``vectors.npy`` (no pickle) and held in memory **once**: the exact
top-k is FAISS's brute-force kernel run directly over that array (``faiss.knn``, the same
``knn_inner_product`` routine ``IndexFlatIP.search`` calls, identical ids and scores). An
``IndexFlatIP`` would keep a second private copy: measured on a synthetic 100k × 384 index,
that copy was +154 MB resident (and a 308 MB peak while loading) for no speed gain
(single query, top-100: 6.5–7.7 ms with the index, 5.6–6.5 ms with ``faiss.knn``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from models.errors import IndexCorrupt

_faiss = None


def _faiss_module():
    """Import FAISS once and pin it to one OpenMP thread.

    One thread per query: fan-out costs more than it gains for a single short query (with 2
    threads a query was ~3.7× slower here on a 2-CPU machine, worse when the CPUs are busy).
    """
    global _faiss
    if _faiss is None:
        import faiss

        faiss.omp_set_num_threads(1)
        _faiss = faiss
    return _faiss


class DenseIndex:
    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.dimension = int(self.vectors.shape[1]) if self.vectors.ndim == 2 else 0
        self._faiss = _faiss_module()

    @classmethod
    def load(cls, path: Path, dimension: int) -> "DenseIndex":
        try:
            vectors = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise IndexCorrupt(f"Vecteurs illisibles ({path}) : {exc}") from exc
        if vectors.ndim != 2 or vectors.shape[1] != dimension:
            raise IndexCorrupt(f"Vecteurs de dimension {vectors.shape} au lieu de (n, {dimension}) dans {path}.")
        return cls(vectors)

    @property
    def size(self) -> int:
        return len(self.vectors)

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, ids) for one unit query vector, best first."""
        k = min(k, self.size)
        if k <= 0:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        q = np.ascontiguousarray(query, dtype=np.float32).reshape(1, -1)
        scores, ids = self._faiss.knn(q, self.vectors, k, metric=self._faiss.METRIC_INNER_PRODUCT)
        return scores[0], ids[0]

    def similarity(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query with the given passages."""
        return self.vectors[ids] @ query.astype(np.float32)
