"""Sentence-transformers embedder: configuration in ``__init__``, weights in ``load()``.

The model is always read from a local folder with the Hugging Face hub forced offline, so a
missing file fails loudly instead of triggering a download.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from models.discovery import resolve_embedder_path
from models.errors import ModelMissing

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def _force_offline() -> None:
    """Make every Hugging Face library refuse the network before it is imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class Embedder:
    """Encodes passages and queries into L2-normalised float32 vectors."""

    def __init__(self, path: str | os.PathLike[str] | None = None, batch_size: int = 64) -> None:
        self.path: Path = resolve_embedder_path(path)
        self.batch_size = batch_size
        self._model = None
        self._dimension: int | None = None

    @property
    def model_id(self) -> str:
        """A stable identity for the manifest: folder name plus a hash of its configuration.

        Two copies of the same model in different places get the same id; a different model
        (or different weights) in the same place does not.
        """
        digest = hashlib.sha1()
        for name in ("modules.json", "config.json", "sentence_bert_config.json", "1_Pooling/config.json"):
            f = self.path / name
            if f.is_file():
                digest.update(name.encode())
                digest.update(f.read_bytes())
        for weights in sorted(self.path.glob("*.safetensors")) + sorted(self.path.glob("*.bin")):
            digest.update(f"{weights.name}:{weights.stat().st_size}".encode())
        name = self.path.name if self.path.name not in ("model", "") else self.path.parent.name
        return f"{name}@{digest.hexdigest()[:12]}"

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._dimension = self._read_dimension()
        return self._dimension

    def _read_dimension(self) -> int:
        """Read the output dimension from the folder when possible, so it needs no load()."""
        pooling = self.path / "1_Pooling" / "config.json"
        for f in sorted(self.path.glob("*_Dense/config.json"), reverse=True):
            return int(json.loads(f.read_text())["out_features"])
        if pooling.is_file():
            return int(json.loads(pooling.read_text())["word_embedding_dimension"])
        self.load()
        assert self._dimension is not None
        return self._dimension

    def load(self) -> "Embedder":
        """Load the weights once (CPU); later calls return at once."""
        if self._model is not None:
            return self
        _force_offline()
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any loader failure is a user-facing model problem
            raise ModelMissing(f"Impossible de charger le modèle d'embedding {self.path} : {exc}") from exc
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self._dimension = int(getter())
        return self

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> "np.ndarray":
        """Embed ``texts`` as an ``(n, dim)`` float32 array of unit vectors."""
        import numpy as np

        self.load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(  # type: ignore[union-attr]
            list(texts),
            batch_size=batch_size or self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)
