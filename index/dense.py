"""Dense vectors in an exact FAISS inner-product index (vectors are unit length: IP = cosine).

Vectors are stored as a plain ``vectors.npy`` (memory-mappable, no pickle); the FAISS index is
rebuilt in memory when the index is opened, which for a flat index is a copy and takes
milliseconds, so there is no second file that could disagree with the first.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from models.errors import IndexCorrupt


class DenseIndex:
    def __init__(self, vectors: np.ndarray) -> None:
        import faiss

        # One thread per query: fan-out costs more than it gains for a single short query.
        faiss.omp_set_num_threads(1)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.dimension = int(self.vectors.shape[1]) if self.vectors.ndim == 2 else 0
        self._faiss = faiss.IndexFlatIP(self.dimension)
        if len(self.vectors):
            self._faiss.add(self.vectors)

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
        """Top-``k`` (scores, ids) for one unit query vector."""
        k = min(k, self.size)
        if k <= 0:
            return np.zeros(0, np.float32), np.zeros(0, np.int64)
        scores, ids = self._faiss.search(query.reshape(1, -1).astype(np.float32), k)
        return scores[0], ids[0]

    def similarity(self, query: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query with the given passages."""
        return self.vectors[ids] @ query.astype(np.float32)
