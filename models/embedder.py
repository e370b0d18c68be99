"""Sentence-transformers embedder: configuration in ``__init__``, weights in ``load()``.

The model is always read from a local folder with the Hugging Face hub forced offline, so a
missing file fails loudly instead of triggering a download.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from models.discovery import resolve_embedder_path
from models.errors import ModelMissing

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


#: Inputs up to this many characters in total (a question, a few short texts) are encoded on one
#: torch thread. Measured on the 2-CPU machine, bundled MiniLM, one PIAF question per call:
#: 18–29 ms median with 1 thread against 157–257 ms with torch's default 2 (an OpenMP fan-out for
#: a dozen tokens mostly waits, and far worse when the other CPU is busy). Batches for indexing
#: keep all threads.
SMALL_INPUT_CHARS = 2_000

_threads_lock = threading.Lock()
_single_thread_users = 0
_saved_threads = 0


@contextmanager
def _one_torch_thread():
    """Run the block with torch on one intra-op thread, then restore the previous count.

    ``torch.set_num_threads`` is process-wide, so concurrent small encodes (the desktop app's
    question thread next to a build thread) share one reference count: the first one in lowers
    the count, the last one out restores it. A build batch that starts meanwhile runs on one
    thread for that short while (a query takes tens of milliseconds).
    """
    import torch

    global _single_thread_users, _saved_threads
    with _threads_lock:
        if _single_thread_users == 0:
            _saved_threads = torch.get_num_threads()
            if _saved_threads != 1:
                torch.set_num_threads(1)
        _single_thread_users += 1
    try:
        yield
    finally:
        with _threads_lock:
            _single_thread_users -= 1
            if _single_thread_users == 0 and _saved_threads != 1:
                torch.set_num_threads(_saved_threads)


def force_offline() -> None:
    """Make every Hugging Face library refuse the network before it is imported."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


#: Texts per ``encode`` call. Why 16 and not sentence-transformers' 32 or our former 64: a batch
#: of 64 long passages took ~650 MB of transient activations on top of the model, 16 about a
#: quarter of that, and on these 2 cores the smaller batches were not slower (the model is
#: compute-bound well before 16 texts). ``VEILLE_EMBED_BATCH`` overrides it for benchmarks.
DEFAULT_BATCH = 16


def _default_batch() -> int:
    try:
        return max(1, int(os.environ.get("VEILLE_EMBED_BATCH", DEFAULT_BATCH)))
    except ValueError:
        return DEFAULT_BATCH


class Embedder:
    """Encodes passages and queries into L2-normalised float32 vectors."""

    def __init__(self, path: str | os.PathLike[str] | None = None, batch_size: int | None = None) -> None:
        self.path: Path = resolve_embedder_path(path)
        self.batch_size = batch_size or _default_batch()
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
        force_offline()
        try:
            from sentence_transformers import SentenceTransformer

            self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
        except Exception as exc:  # noqa: BLE001 - any loader failure is a user-facing model problem
            raise ModelMissing(f"Impossible de charger le modèle d'embedding {self.path} : {exc}") from exc
        getter = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self._dimension = int(getter())
        return self

    def token_lengths(self, texts: Sequence[str]) -> list[int]:
        """Tokens the model will see for each text (special tokens included, truncated as the
        model truncates); used to batch texts of similar length. Characters if the model has
        no tokenizer."""
        self.load()
        tokenizer = getattr(self._model, "tokenizer", None)
        if tokenizer is None or not texts:
            return [len(t) for t in texts]
        limit = self._model.max_seq_length  # type: ignore[union-attr]
        if limit:
            ids = tokenizer(list(texts), truncation=True, max_length=limit)["input_ids"]
        else:
            ids = tokenizer(list(texts))["input_ids"]
        return [len(x) for x in ids]

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> "np.ndarray":
        """Embed ``texts`` as an ``(n, dim)`` float32 array of unit vectors."""
        import numpy as np

        self.load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        texts = list(texts)
        small = sum(len(t) for t in texts) <= SMALL_INPUT_CHARS
        with _one_torch_thread() if small else nullcontext():
            vectors = self._model.encode(  # type: ignore[union-attr]
                texts,
                batch_size=batch_size or self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        if not small:
            release_free_memory()
        return np.ascontiguousarray(vectors, dtype=np.float32)


#: Seconds between two heap trims (see :func:`release_free_memory`).
TRIM_INTERVAL_S = 2.0
_last_trim = 0.0
_libc: object = None  # None: not loaded yet; False: not glibc


def release_free_memory() -> None:
    """Hand the heap's free pages back to the system, at most every ``TRIM_INTERVAL_S``.

    Why: each batch of a build allocates and frees tens of MB of activations of varying sizes;
    the ones under the mmap threshold land in the heap, whose free space glibc only returns from
    its top. Over a 10,000-article build the process grew to 1.37 GB, of which ``malloc_trim``
    gave back 490 MB at once (measured by calling it in the running build). Trimming every two
    seconds costs a few milliseconds each time. It replaces a fixed ``M_MMAP_THRESHOLD``, which
    bounded the growth too but made encoding ~23 % slower (fresh pages for every large buffer).
    No-op outside glibc.
    """
    global _last_trim, _libc
    now = time.monotonic()
    if _libc is False or now - _last_trim < TRIM_INTERVAL_S:
        return
    _last_trim = now
    try:
        if _libc is None:
            import ctypes

            _libc = ctypes.CDLL("libc.so.6")
        _libc.malloc_trim(0)
    except (OSError, AttributeError):
        _libc = False  # not glibc: never try again

