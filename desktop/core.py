"""The desktop's one handle on the engine: a Workspace, the index used for asking, the answerer.

Why not simply ``Workspace.index``: ``Workspace.build`` closes and reloads its index when a
build completes, but the desktop keeps answering from the previous index *during* a rebuild and
swaps the new one in only when it is complete. So builds here run ``IndexBuilder`` directly
and open the new generation themselves; the swap happens on the GUI thread
(:meth:`Core.swap`), and the previous index is closed on the question queue, after any
question still using it.

Everything here is plain Python that runs in workers; nothing in it touches a widget. The
answering mode is chosen in one place, :func:`make_answerer`, so the later LLM mode plugs in
there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # pragma: no cover - the core is imported lazily, in workers
    from index.build import BuildSummary, Staleness
    from index.progress import CancelToken, Progress
    from index.store import ArticleInfo, OpenIndex
    from index.workspace import Workspace
    from models.embedder import Embedder
    from qa.answer import Answer


def make_answerer(index: "OpenIndex", embedder: "Embedder", workspace: "Workspace") -> Any:
    """The answerer for one open index (extractive today; the LLM mode will be chosen here)."""
    from index.retriever import Retriever
    from qa.extractive import ExtractiveAnswerer

    return ExtractiveAnswerer(index, Retriever(index, embedder, workspace.retrieval))


@dataclass
class Snapshot:
    """What the GUI shows about the corpus: the index's articles plus the folder's changes."""

    articles: list["ArticleInfo"]
    skipped: dict[str, str]
    staleness: "Staleness"


@dataclass
class Ready:
    """An index opened in a worker, to be swapped in on the GUI thread."""

    index: "OpenIndex"
    answerer: Any
    snapshot: Snapshot
    summary: "BuildSummary | None" = None


class Core:
    """Configuration at construction; models and index are loaded by :meth:`start` in a worker."""

    def __init__(self, corpus: str | Path | None = None, embedder: str | Path | None = None,
                 passages: int = 5) -> None:
        self.corpus_arg = corpus
        self.embedder_arg = embedder
        self.passages = passages
        self.workspace: "Workspace | None" = None
        self.index: "OpenIndex | None" = None
        self.answerer: Any = None
        #: A second embedder instance for questions: a HF fast tokenizer must not be used by two
        #: threads at once ("Already borrowed"), and builds embed on the index queue.
        self.ask_embedder: "Embedder | None" = None

    # -- called in workers -------------------------------------------------------------------
    def start(self, cancel: "CancelToken") -> Iterator["Progress"]:
        """Load the models, build the index if there is none (or it is unusable), open it."""
        from index.progress import Progress
        from index.workspace import Workspace
        from models.embedder import Embedder

        yield Progress(0, 0, "Chargement du modèle…")
        ws = Workspace(self.corpus_arg, None, self.embedder_arg)
        self.workspace = ws
        ws.embedder.load()
        self.ask_embedder = Embedder(ws.embedder.path).load()
        cancel.raise_if_cancelled()
        st = ws.staleness()
        summary = None
        if st.reason:  # no index yet, or one that cannot be used as it is
            first = st.reason == "aucun index"
            yield Progress(0, 0, "Premier index de ce corpus…" if first else f"{st.reason} Reconstruction…")
            summary = yield from self._build(False, cancel)
        yield Progress(0, 0, "Ouverture de l'index…")
        return self._open(summary)

    def update(self, rebuild: bool, cancel: "CancelToken") -> Iterator["Progress"]:
        """Incremental update (or full rebuild) into a new generation; the old one stays in use."""
        summary = yield from self._build(rebuild, cancel)
        if summary.up_to_date and self.index is not None and summary.generation == self.index.generation.name:
            return Ready(self.index, self.answerer, self.snapshot(self.index), summary)
        return self._open(summary)

    def _build(self, rebuild: bool, cancel: "CancelToken") -> Iterator["Progress"]:
        assert self.workspace is not None
        builder = self.workspace.builder(rebuild, cancel)
        yield from builder.run()
        return builder.summary

    def _open(self, summary: "BuildSummary | None") -> Ready:
        from index.store import OpenIndex

        ws = self.workspace
        assert ws is not None and self.ask_embedder is not None
        index = OpenIndex.open(ws.index_dir, k1=ws.retrieval.k1, b=ws.retrieval.b)
        answerer = make_answerer(index, self.ask_embedder, ws)
        return Ready(index, answerer, self.snapshot(index), summary)

    def snapshot(self, index: "OpenIndex | None" = None, cancel: "CancelToken | None" = None) -> Snapshot:
        """Articles of ``index`` (default: the one in use) and what changed in the folder since."""
        index = index or self.index
        assert self.workspace is not None
        st = self.workspace.staleness()
        if index is None:
            return Snapshot([], {}, st)
        return Snapshot(index.articles(), index.skipped(), st)

    @staticmethod
    def ask(answerer: Any, question: str, k: int, cancel: "CancelToken | None" = None) -> "Answer":
        return answerer.ask(question, k)

    # -- called on the GUI thread ------------------------------------------------------------
    def swap(self, ready: Ready) -> "OpenIndex | None":
        """Make ``ready`` the index used for asking; return the previous one (to close later)."""
        old = self.index if self.index is not ready.index else None
        self.index, self.answerer = ready.index, ready.answerer
        return old

    @property
    def corpus(self) -> Path | None:
        return self.workspace.corpus if self.workspace else None

    @property
    def index_dir(self) -> Path | None:
        return self.workspace.index_dir if self.workspace else None
