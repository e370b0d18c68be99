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


#: How far from 1 a stored vector's norm may be. The embedder normalises in float32 (error
#: ~1e-6); a flipped exponent or sign bit moves the norm far more than this.
NORM_TOLERANCE = 1e-3


def load_vectors(path: Path, dimension: int, mmap: bool = False) -> np.ndarray:
    """``vectors.npy``, checked: a 2-D float32 array of finite unit vectors of ``dimension``.

    ``np.load`` refuses a truncated file (with or without ``mmap_mode``: "cannot reshape" /
    "mmap length is greater than file size") and garbage (no npy magic); what it accepts is
    then checked for shape, dtype and values, so that a damaged file is an
    :class:`IndexCorrupt`, never a search over wrong vectors.
    """
    try:
        vectors = np.load(path, mmap_mode="r" if mmap else None, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise IndexCorrupt(f"vecteurs illisibles : {path.name} : {exc}") from exc
    check_vectors(vectors, dimension, path)
    return vectors


def check_vectors(vectors: np.ndarray, dimension: int, path: Path) -> None:
    """Raise :class:`IndexCorrupt` unless ``vectors`` are finite unit vectors of ``dimension``.

    Goes block by block so that an ``mmap`` array is checked without a full float64 copy
    (measured: 18 ms for 100k × 384).
    """
    if vectors.ndim != 2 or vectors.shape[1] != dimension:
        raise IndexCorrupt(f"vecteurs de forme {vectors.shape} au lieu de (n, {dimension}) dans {path.name}")
    if vectors.dtype != np.float32:
        raise IndexCorrupt(f"vecteurs de type {vectors.dtype} au lieu de float32 dans {path.name}")
    for s in range(0, len(vectors), 65536):
        block = np.asarray(vectors[s : s + 65536])
        if not np.isfinite(block).all():
            raise IndexCorrupt(f"valeurs non finies dans {path.name}")
        norms = np.sqrt(np.einsum("ij,ij->i", block, block))
        bad = np.flatnonzero(np.abs(norms - 1.0) > NORM_TOLERANCE)
        if len(bad):
            raise IndexCorrupt(f"vecteur {s + int(bad[0])} de norme {norms[bad[0]]:.4f} au lieu de 1 dans {path.name}")


class DenseIndex:
    def __init__(self, vectors: np.ndarray) -> None:
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.dimension = int(self.vectors.shape[1]) if self.vectors.ndim == 2 else 0
        self._faiss = _faiss_module()

    @classmethod
    def load(cls, path: Path, dimension: int) -> "DenseIndex":
        return cls(load_vectors(path, dimension))

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
