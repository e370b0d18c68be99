"""A corpus, its index folder and the models over them: the one object front-ends hold.

The CLI and the desktop app both go through this, so "open the index, bringing it up to date
first if the corpus changed" means the same thing everywhere.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable, Iterator

from index.build import BuildSummary, IndexBuilder, Staleness, check_staleness
from index.chunking import ChunkParams
from index.locations import resolve_corpus, resolve_index
from index.progress import CancelToken, Progress
from index.retriever import RetrievalParams, Retriever
from index.store import OpenIndex
from models.embedder import Embedder


class Workspace:
    """Holds configuration at construction; loads models and the index only when asked."""

    def __init__(self, corpus: str | Path | None = None, index_dir: str | Path | None = None,
                 embedder: str | Path | None = None, chunking: ChunkParams = ChunkParams(),
                 retrieval: RetrievalParams = RetrievalParams()) -> None:
        self.corpus = resolve_corpus(corpus)
        self.index_dir = resolve_index(self.corpus, index_dir)
        self.embedder = Embedder(embedder)
        self.chunking = chunking
        self.retrieval = retrieval
        self._index: OpenIndex | None = None
        self._lock = threading.RLock()

    def staleness(self) -> Staleness:
        return check_staleness(self.corpus, self.index_dir, self.embedder, self.chunking)

    def builder(self, rebuild: bool = False, cancel: CancelToken | None = None) -> IndexBuilder:
        return IndexBuilder(self.corpus, self.index_dir, self.embedder, self.chunking, rebuild=rebuild, cancel=cancel)

    def build(self, rebuild: bool = False, cancel: CancelToken | None = None,
              on_progress: Callable[[Progress], None] | None = None) -> BuildSummary:
        """Build or update, then make the new generation the one searched."""
        builder = self.builder(rebuild, cancel)
        for progress in builder.run():
            if on_progress:
                on_progress(progress)
        self.reload()
        return builder.summary

    def build_steps(self, rebuild: bool = False, cancel: CancelToken | None = None) -> Iterator[Progress]:
        """Generator form for GUI workers; the summary is the generator's return value."""
        builder = self.builder(rebuild, cancel)
        yield from builder.run()
        self.reload()
        return builder.summary

    def reload(self) -> None:
        with self._lock:
            old, self._index = self._index, None
        if old is not None:
            old.close()

    @property
    def index(self) -> OpenIndex:
        with self._lock:
            if self._index is None:
                self._index = OpenIndex.open(self.index_dir, k1=self.retrieval.k1, b=self.retrieval.b)
            return self._index

    def retriever(self) -> Retriever:
        return Retriever(self.index, self.embedder, self.retrieval)
