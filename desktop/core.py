"""The desktop's one handle on the engine: a Workspace, the index used for asking, the answerer.

Why not simply ``Workspace.index``: ``Workspace.build`` closes and reloads its index when a
build completes, but the desktop keeps answering from the previous index *during* a rebuild and
swaps the new one in only when it is complete. So builds here run ``IndexBuilder`` directly
and open the new generation themselves; the swap happens on the GUI thread
(:meth:`Core.swap`), and the previous index is closed on the question queue, after any
question still using it.

Everything here is plain Python that runs in workers; nothing in it touches a widget. The
answering mode (extractive, or a local LLM through :mod:`qa.modes`) is chosen in one place,
:func:`make_answerer`, on the index queue because it loads the language model; questions then
stream their events (:meth:`Core.ask`) on the read queue.
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


@dataclass(frozen=True)
class ModeStatus:
    """Which answering mode is active and why, in words for the status bar and the settings."""

    requested: str = "auto"  # "auto" | "extractive" | "llm"
    active: str = "extractive"  # "llm" | "extractive"
    model: str = ""  # the GGUF file name when the LLM answers
    #: a GGUF was found (so the « Modèle de langue » choice can be offered)
    available: bool = False
    #: why there is no usable model (shown as the LLM choice's tooltip)
    unavailable_reason: str = ""
    #: why the answers are extractive when an LLM was wanted ("" otherwise)
    notice: str = ""
    #: the model was found but failed to load (a readable message)
    load_error: str = ""
    #: the model as described for the settings dialog
    details: str = ""
    #: turned off on purpose (VEILLE_LLM=off)
    disabled: bool = False

    @property
    def label(self) -> str:
        """The status bar's plain sentence."""
        if self.active == "llm":
            return f"Mode : modèle de langue ({self.model})"
        if self.requested == "extractive":
            return "Mode : extractif"
        if self.load_error:
            return "Mode extractif : le modèle de langue n'a pas pu être chargé"
        if self.disabled:
            return "Mode extractif : modèle de langue désactivé"
        if not self.available:
            return "Mode extractif : aucun modèle de langue trouvé"
        return "Mode : extractif"

    @property
    def tooltip(self) -> str:
        lines = ["Les réponses sont des phrases extraites des articles." if self.active != "llm" else
                 "Les réponses sont rédigées par le modèle de langue puis vérifiées contre les passages cités ; "
                 "à défaut, la réponse extractive est donnée.", self.load_error or self.notice, self.details]
        return "\n".join(x for x in lines if x)


def _describe(llm: Any, config: Any) -> str:
    from qa.modes import describe_llm

    try:
        d = describe_llm(llm, config)
    except Exception:  # noqa: BLE001 - a description is never worth failing a load
        return str(llm.path or llm.reason)
    model = d.get("model") or {}
    parts = [str(llm.path.name if llm.path else "")]
    if isinstance(model, dict):
        parts += [str(model.get("architecture") or ""), str(model.get("size_label") or "")]
    if d.get("size_mb"):
        parts.append(f"{d['size_mb']} Mo")
    cfg = d.get("config") or {}
    if isinstance(cfg, dict):
        parts.append(f"contexte {cfg.get('n_ctx')}, {cfg.get('threads')} threads")
    return " · ".join(p for p in parts if p) + f"\n{llm.reason}"


def make_answerer(index: "OpenIndex", embedder: "Embedder", workspace: "Workspace", mode: str = "auto",
                  llm_path: str = "", llm_config: dict[str, Any] | None = None) -> tuple[Any, ModeStatus]:
    """The answerer for one open index and the mode it runs in; loads the language model.

    Never raises for a missing or broken model: the answerer is then extractive and the status
    says why (``load_error`` when a model was found but could not be loaded).
    """
    from index.locations import data_dir
    from index.retriever import Retriever
    from models.llm import LLMConfig
    from qa import modes

    retriever = Retriever(index, embedder, workspace.retrieval)
    config = LLMConfig.from_dict(llm_config)
    # Resolved even in extractive mode: the window offers the LLM choice only when a model exists.
    llm = modes.choose_mode("auto", setting=llm_path or None, data_dir=data_dir()).llm
    assert llm is not None
    choice = modes.ModeChoice(mode if mode in modes.MODES else "auto", None if mode == "extractive" else llm)
    answerer = modes.make_answerer(index, retriever, choice, config)
    unavailable = "" if llm.found else (llm.problem or llm.reason)
    details = _describe(llm, config) if llm.found else unavailable
    if answerer.mode == "llm":
        status = ModeStatus(choice.requested, "llm", answerer.model_name, True, "", "", "", details)
    else:
        notices = list(getattr(answerer, "notices", []))
        notice = notices[0] if notices else (choice.notice() or "")
        load_error = notice if choice.wants_llm else ""  # found, asked for, yet extractive: it failed to load
        status = ModeStatus(choice.requested, "extractive", "", llm.found and not load_error, unavailable or load_error,
                            notice, load_error, details, llm.disabled)
    return answerer, status


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
    mode: ModeStatus | None = None


@dataclass
class AnswererReady:
    """A new answerer for the index in use (the mode or the language model changed)."""

    index: "OpenIndex"
    answerer: Any
    mode: ModeStatus


class Core:
    """Configuration at construction; models and index are loaded by :meth:`start` in a worker."""

    def __init__(self, corpus: str | Path | None = None, embedder: str | Path | None = None,
                 passages: int = 5, mode: str = "auto", llm_path: str = "",
                 llm_config: dict[str, Any] | None = None) -> None:
        self.corpus_arg = corpus
        self.embedder_arg = embedder
        self.passages = passages
        #: the answering mode and language model; set on the GUI thread, read by the next load
        self.mode = mode
        self.llm_path = llm_path
        self.llm_config = dict(llm_config or {})
        self.workspace: "Workspace | None" = None
        self.index: "OpenIndex | None" = None
        self.answerer: Any = None
        self.mode_status = ModeStatus(mode)
        #: the index most recently opened on the index queue (maybe not yet swapped in)
        self._latest: "OpenIndex | None" = None
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
        if st.corrupt is not None:
            # Damage is shown with « Reconstruire l'index » (main window), not silently rebuilt over.
            raise st.corrupt
        if st.reason:  # no index yet, or one built with other settings
            first = st.reason == "aucun index"
            yield Progress(0, 0, "Premier index de ce corpus…" if first else f"{st.reason} Reconstruction…")
            summary = yield from self._build(False, cancel)
        yield Progress(0, 0, "Ouverture de l'index…")
        return self._open(summary)

    def update(self, rebuild: bool, cancel: "CancelToken") -> Iterator["Progress"]:
        """Incremental update (or full rebuild) into a new generation; the old one stays in use."""
        summary = yield from self._build(rebuild, cancel)
        if summary.up_to_date and self.index is not None and summary.generation == self.index.generation.name:
            return Ready(self.index, self.answerer, self.snapshot(self.index), summary, self.mode_status)
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
        self._latest = index
        answerer, mode = make_answerer(index, self.ask_embedder, ws, self.mode, self.llm_path, self.llm_config)
        return Ready(index, answerer, self.snapshot(index), summary, mode)

    def reload_answerer(self, release: bool, cancel: "CancelToken") -> Iterator["Progress"]:
        """A new answerer for the index in use after the mode or the LLM settings changed.

        ``release`` frees the loaded language model first (its file or settings changed), so two
        models are never in memory at once. Runs on the index queue: loading takes seconds.
        """
        from index.progress import Progress

        # The newest index: one opened by the operation just before may not be swapped in yet.
        index, ws = self._latest or self.index, self.workspace
        if index is None or ws is None or self.ask_embedder is None:
            return None  # not started yet: start() will use the new settings
        if release:
            from models.llm import release_shared_models

            yield Progress(0, 0, "Libération du modèle de langue…")
            release_shared_models()
        wants_llm = self.mode != "extractive"
        yield Progress(0, 0, "Chargement du modèle de langue…" if wants_llm else "Mode extractif…")
        answerer, mode = make_answerer(index, self.ask_embedder, ws, self.mode, self.llm_path, self.llm_config)
        return AnswererReady(index, answerer, mode)

    def snapshot(self, index: "OpenIndex | None" = None, cancel: "CancelToken | None" = None) -> Snapshot:
        """Articles of ``index`` (default: the one in use) and what changed in the folder since."""
        index = index or self.index
        assert self.workspace is not None
        st = self.workspace.staleness()
        if index is None:
            return Snapshot([], {}, st)
        return Snapshot(index.articles(), index.skipped(), st)

    @staticmethod
    def ask(answerer: Any, question: str, k: int, cancel: "CancelToken | None" = None) -> Iterator[Any]:
        """The answer's events (``qa.llm_answerer``: Retrieved, PromptReady, Token, Finished);
        returns the final Answer. Raises ``Cancelled`` when ``cancel`` is set."""
        answer = None
        for event in answerer.stream(question, k, cancel):
            yield event
            if type(event).__name__ == "Finished":
                answer = event.answer
        return answer

    # -- called on the GUI thread ------------------------------------------------------------
    def swap(self, ready: Ready) -> "OpenIndex | None":
        """Make ``ready`` the index used for asking; return the previous one (to close later)."""
        old = self.index if self.index is not ready.index else None
        self.index, self.answerer = ready.index, ready.answerer
        if ready.mode is not None:
            self.mode_status = ready.mode
        return old

    def swap_answerer(self, ready: AnswererReady) -> bool:
        """Use ``ready``'s answerer if it was made for the index in use (else a newer one won)."""
        if ready.index is not self.index:
            return False
        self.answerer, self.mode_status = ready.answerer, ready.mode
        return True

    @property
    def corpus(self) -> Path | None:
        return self.workspace.corpus if self.workspace else None

    @property
    def index_dir(self) -> Path | None:
        return self.workspace.index_dir if self.workspace else None
