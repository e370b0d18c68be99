"""The main window: ask, read the cited answer, open the source, manage the corpus and the index.

It only wires views to the core (:class:`desktop.core.Core`) through two serial queues
(:mod:`desktop.workers`): the *index* queue runs everything that writes the corpus or the index
(start-up, updates, rebuilds, adding articles), the *read* queue runs questions and other reads
of the index in use. A rebuild therefore never blocks a question, and the index it produces is
swapped in on this thread only once complete; the previous index is then closed on the read
queue, after any question still using it.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QSplitter,
    QTabWidget, QVBoxLayout, QWidget,
)

from desktop.answer_view import AnswerView, QuestionEdit
from desktop.articles_panel import INDEXED, ArticlesPanel
from desktop.core import Core, Ready, Snapshot
from desktop.errors import ErrorBanner, user_message
from desktop.evidence_view import EvidenceList
from desktop.markdown import answer_markdown
from desktop.progress_panel import ProgressPanel
from desktop.settings import Preferences, Settings, SettingsDialog
from desktop.source_viewer import SourceViewer
from desktop.watcher import CorpusWatcher
from desktop.workers import GeneratorWorker, OperationQueue

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import Answer

APP_TITLE = "Veille"
CLOSE_WAIT_MS = 3000


def _close_index(index: Any, cancel: Any = None) -> None:
    index.close()


class Notice(QFrame):
    """A one-line notice with an action button (the corpus changed → « Mettre à jour »)."""

    def __init__(self, button_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(button_text)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 8, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.hide()


class MainWindow(QMainWindow):
    """See the module docstring. ``ready_changed`` and ``answer_shown`` let tests wait on the GUI."""

    ready_changed = Signal(bool)
    answer_shown = Signal(object)
    index_swapped = Signal(object)  # the Ready that was swapped in
    operation_finished = Signal(str)  # "ok", "cancelled" or "error"
    snapshot_changed = Signal(object)

    def __init__(self, settings: Settings | None = None, corpus: str | None = None,
                 embedder: str | None = None, autostart: bool = True) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.prefs = self.settings.preferences()
        self._cli_corpus, self._cli_embedder = corpus, embedder
        self.core = self._new_core()
        self.index_queue = OperationQueue("index", self)
        self.read_queue = OperationQueue("lecture", self)
        self.ready = False
        self.answer: "Answer | None" = None
        self.dates: dict[str, str | None] = {}
        self.titles: dict[str, str] = {}
        self.snapshot: Snapshot | None = None
        self._pending_question: str | None = None
        self._queued_update: bool | None = None  # an update asked for while another op ran
        self._ask_seq = 0
        self._closing = False

        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self._build_ui()
        self._build_actions()
        self._restore_state()
        self.watcher = CorpusWatcher(self)
        self.watcher.check_needed.connect(self.refresh_snapshot)
        if autostart:
            QTimer.singleShot(0, self.start_core)

    # -- construction ------------------------------------------------------------------------
    def _new_core(self) -> Core:
        p = self.prefs
        return Core(self._cli_corpus or p.corpus or None, self._cli_embedder or p.embedder or None, p.passages)

    def _build_ui(self) -> None:
        self.question = QuestionEdit()
        self.question.setObjectName("question")
        self.question.set_history(self.settings.history())
        self.ask_button = QPushButton("Demander")
        self.ask_button.setObjectName("askButton")
        self.ask_button.setDefault(True)
        self.copy_button = QPushButton("Copier en Markdown")
        self.copy_button.setToolTip("Copier la réponse et ses sources (Ctrl+Maj+C)")
        self.copy_button.setEnabled(False)
        ask_row = QHBoxLayout()
        ask_row.setSpacing(8)
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.ask_button)
        ask_row.addWidget(self.copy_button)

        self.error_banner = ErrorBanner()
        self.notice = Notice("Mettre à jour l'index")
        self.notice.button.clicked.connect(lambda: self.update_index(False))

        self.answer_view = AnswerView()
        self.answer_view.setObjectName("answerView")
        self.evidence = EvidenceList()
        evidence_box = QWidget()
        ev_lay = QVBoxLayout(evidence_box)
        ev_lay.setContentsMargins(0, 0, 0, 0)
        ev_lay.setSpacing(4)
        ev_title = QLabel("Passages retenus")
        ev_title.setObjectName("sectionTitle")
        ev_lay.addWidget(ev_title)
        ev_lay.addWidget(self.evidence, 1)
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(self.answer_view)
        self.left_split.addWidget(evidence_box)
        self.left_split.setStretchFactor(0, 3)
        self.left_split.setStretchFactor(1, 2)
        self.left_split.setChildrenCollapsible(False)

        self.viewer = SourceViewer()
        self.articles = ArticlesPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.viewer, "Source")
        self.tabs.addTab(self.articles, "Articles")

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(self.left_split)
        self.main_split.addWidget(self.tabs)
        self.main_split.setStretchFactor(0, 1)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setChildrenCollapsible(False)
        self.main_split.setSizes([520, 500])

        self.progress = ProgressPanel()
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(12, 10, 12, 6)
        lay.setSpacing(8)
        lay.addLayout(ask_row)
        lay.addWidget(self.error_banner)
        lay.addWidget(self.notice)
        lay.addWidget(self.main_split, 1)
        lay.addWidget(self.progress)
        self.setCentralWidget(central)

        self.index_label = QLabel()
        self.index_label.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.index_label)
        self.statusBar().showMessage("Chargement du modèle et de l'index…")
        self.ask_button.setEnabled(False)

        self.question.returnPressed.connect(self.ask_current)
        self.ask_button.clicked.connect(self.ask_current)
        self.copy_button.clicked.connect(self.copy_markdown)
        self.answer_view.citation_clicked.connect(self.show_citation)
        self.evidence.evidence_activated.connect(self.show_passage)
        self.viewer.open_failed.connect(lambda msg: self.show_error(msg))
        self.articles.add_requested.connect(self.choose_files)
        self.articles.remove_requested.connect(self.remove_article)
        self.articles.update_requested.connect(lambda: self.update_index(False))
        self.articles.rebuild_requested.connect(lambda: self.update_index(True))
        self.articles.article_activated.connect(self.show_article)
        self.progress.cancel_requested.connect(self.cancel_operation)
        self.index_queue.busy_changed.connect(self._index_busy)

    def _build_actions(self) -> None:
        def action(menu: Any, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.triggered.connect(slot)
            menu.addAction(a)
            return a

        bar = self.menuBar()
        m = bar.addMenu("&Fichier")
        action(m, "Ajouter des articles…", self.choose_files, QKeySequence.StandardKey.Open)
        action(m, "Paramètres…", self.open_settings, "Ctrl+,")
        m.addSeparator()
        action(m, "Quitter", self.close, QKeySequence.StandardKey.Quit)
        m = bar.addMenu("&Index")
        self.update_action = action(m, "Mettre à jour l'index", lambda: self.update_index(False), "Ctrl+U")
        self.rebuild_action = action(m, "Reconstruire", lambda: self.update_index(True))
        self.cancel_action = action(m, "Annuler l'opération", self.cancel_operation)
        m = bar.addMenu("&Réponse")
        action(m, "Aller à la question", self.focus_question, "Ctrl+L")
        self.copy_action = action(m, "Copier en Markdown", self.copy_markdown, "Ctrl+Shift+C")
        # Esc cancels the running operation from anywhere in the window.
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WindowShortcut)
        esc.activated.connect(self.cancel_operation)

    # -- window state ------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.bytes("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        for key, splitter in (("window/main_split", self.main_split), ("window/left_split", self.left_split)):
            state = self.settings.bytes(key)
            if state is not None:
                splitter.restoreState(state)

    def save_state(self) -> None:
        self.settings.set_bytes("window/geometry", self.saveGeometry())
        self.settings.set_bytes("window/main_split", self.main_split.saveState())
        self.settings.set_bytes("window/left_split", self.left_split.saveState())
        self.settings.set_history(self.question.history)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self._closing = True
        self.save_state()
        self.watcher.stop()
        self.index_queue.cancel_all()
        self.read_queue.cancel_all()
        # Builds stop at their next check; loading a model cannot be interrupted, and then
        # app.main() exits without waiting: a killed build never damages the index in use.
        self.index_queue.wait(CLOSE_WAIT_MS)
        self.read_queue.wait(CLOSE_WAIT_MS)
        super().closeEvent(event)

    @property
    def busy(self) -> bool:
        return self.index_queue.busy or self.read_queue.busy

    # -- running operations ------------------------------------------------------------------
    def _run_index_op(self, title: str, func: Callable[..., Any], *args: Any,
                      on_result: Callable[[Any], None]) -> GeneratorWorker:
        worker = GeneratorWorker(func, *args, name=title)
        s = worker.signals
        s.started.connect(lambda: self._op_started(title))
        s.progress.connect(self._op_progress)
        core = self.core
        # A result of a core replaced meanwhile (settings changed) is closed, never swapped in.
        s.returned.connect(lambda result: on_result(result) if core is self.core else self._discard(result))
        s.cancelled.connect(self._op_cancelled)
        s.errored.connect(self._op_failed)
        s.finished.connect(self._op_finished)
        return self.index_queue.submit(worker)

    def _discard(self, result: Any) -> None:
        ready = result[1] if isinstance(result, tuple) else result
        index = getattr(ready, "index", None)
        if index is not None:
            self.read_queue.submit(GeneratorWorker(_close_index, index, name="fermeture"))

    def _op_started(self, title: str) -> None:
        self.progress.start(title)
        self.statusBar().showMessage(title)

    def _op_progress(self, p: Any) -> None:
        self.progress.update_progress(p)
        if getattr(p, "message", ""):
            self.statusBar().showMessage(p.message)

    def _op_cancelled(self, message: str) -> None:
        self.statusBar().showMessage(message or "Opération annulée ; l'index précédent est conservé.", 8000)
        self._last_outcome = "cancelled"

    def _op_failed(self, exc: BaseException, details: str) -> None:
        self.show_error(user_message(exc), details)
        if self.ready:
            self.statusBar().showMessage("L'opération a échoué ; l'index précédent reste utilisé.", 8000)
        else:
            self.statusBar().showMessage("Veille n'a pas pu charger l'index : voir Fichier › Paramètres… "
                                         "(rien n'a été modifié).")
        self._last_outcome = "error"

    def _op_finished(self) -> None:
        # The queue's own bookkeeping runs after this slot; the progress panel closes on busy_changed.
        outcome = getattr(self, "_last_outcome", "ok")
        self._last_outcome = "ok"
        if not self._closing:
            QTimer.singleShot(0, self.refresh_snapshot)
        self.operation_finished.emit(outcome)

    def _index_busy(self, busy: bool) -> None:
        self.articles.set_busy(busy)
        self.update_action.setEnabled(not busy)
        self.rebuild_action.setEnabled(not busy)
        if busy:
            self.notice.hide()
        else:
            self.progress.finish()
            if self._queued_update is not None and not self._closing:
                rebuild, self._queued_update = self._queued_update, None
                QTimer.singleShot(0, lambda: self.update_index(rebuild))

    def cancel_operation(self) -> None:
        """Esc / « Annuler »: stop the index operation; the previous index stays in use."""
        if self.index_queue.busy:
            self.progress.cancelling()
            self.statusBar().showMessage("Annulation…")
            self.index_queue.cancel_all()

    def show_error(self, message: str, details: str = "") -> None:
        self.error_banner.show_error(message, details)

    # -- start-up and index updates ----------------------------------------------------------
    def start_core(self) -> None:
        """Load models and index in the background (building the first index if needed)."""
        self.ready = False
        self.ready_changed.emit(False)
        self.ask_button.setEnabled(False)
        self.statusBar().showMessage("Chargement du modèle et de l'index…")
        self._run_index_op("Chargement du modèle et de l'index…", self.core.start, on_result=self._swap_in)

    def update_index(self, rebuild: bool = False) -> GeneratorWorker | None:
        """Incremental update (or full rebuild); questions keep using the current index meanwhile."""
        if self.index_queue.busy:
            # Runs when the current operation ends (once, however often it was asked for).
            self._queued_update = bool(self._queued_update) or rebuild
            self.statusBar().showMessage("La mise à jour suivra l'opération en cours.", 5000)
            return None
        if self.core.workspace is None:
            self.start_core()
            return None
        title = "Reconstruction de l'index…" if rebuild else "Mise à jour de l'index…"
        return self._run_index_op(title, self.core.update, rebuild, on_result=self._swap_in)

    def _swap_in(self, ready: Ready) -> None:
        old = self.core.swap(ready)
        if old is not None:
            self.read_queue.submit(GeneratorWorker(_close_index, old, name="fermeture"))
        self._apply_snapshot(ready.snapshot)
        s = ready.summary
        if s is not None and not s.up_to_date:
            msg = (f"Index à jour : {s.added} ajouté(s), {s.changed} modifié(s), {s.removed} retiré(s)"
                   + (f", {len(s.skipped)} en échec" if s.skipped else "") + f" ({s.seconds:.1f} s).")
        else:
            msg = "Prêt."
        self.statusBar().showMessage(msg, 10000)
        if ready.index is not None:
            self.watcher.watch(self.core.corpus)
        was_ready, self.ready = self.ready, True
        self.ask_button.setEnabled(True)
        if not was_ready:
            self.ready_changed.emit(True)
        self.index_swapped.emit(ready)
        if self._pending_question:
            q, self._pending_question = self._pending_question, None
            self.ask(q)

    # -- corpus snapshot (articles panel, « modifié » notice) -----------------------------------
    def refresh_snapshot(self) -> None:
        """Cheap staleness check, on the read queue (it reads the index in use)."""
        if not self.ready or self.index_queue.busy or self._closing:
            return
        worker = GeneratorWorker(self.core.snapshot, name="état du corpus")
        worker.signals.returned.connect(self._apply_snapshot)
        worker.signals.errored.connect(lambda exc, tb: self.statusBar().showMessage(user_message(exc), 8000))
        self.read_queue.submit(worker)

    def _apply_snapshot(self, snap: Snapshot) -> None:
        self.snapshot = snap
        self.dates = {a.source: a.date for a in snap.articles}
        self.titles = {a.source: a.title for a in snap.articles}
        self.articles.set_snapshot(snap)
        n_passages = self.core.index.size if self.core.index is not None else 0
        self.index_label.setText(f"{len(snap.articles)} articles · {n_passages} passages")
        st = snap.staleness
        if (st.added or st.changed or st.removed) and not self.index_queue.busy:
            parts = []
            if st.added:
                parts.append(f"{len(st.added)} nouveau(x)")
            if st.changed:
                parts.append(f"{len(st.changed)} modifié(s)")
            if st.removed:
                parts.append(f"{len(st.removed)} retiré(s)")
            self.notice.label.setText("Le corpus a changé depuis la dernière mise à jour de l'index : "
                                      + ", ".join(parts) + ".")
            self.notice.show()
        else:
            self.notice.hide()
        self.snapshot_changed.emit(snap)

    # -- asking ------------------------------------------------------------------------------
    def focus_question(self) -> None:
        self.question.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.question.selectAll()

    def ask_current(self) -> None:
        self.ask(self.question.text())

    def ask(self, question: str) -> None:
        question = question.strip()
        if not question:
            return
        self.question.remember(question)
        if not self.ready or self.core.answerer is None:
            self._pending_question = question
            self.statusBar().showMessage("La question sera posée dès que l'index sera prêt…")
            return
        self._ask_seq += 1
        seq = self._ask_seq
        started = time.perf_counter()
        self.statusBar().showMessage("Recherche…")
        worker = GeneratorWorker(Core.ask, self.core.answerer, question, self.core.passages, name="question")
        worker.signals.returned.connect(lambda answer: self._show_answer(seq, answer, started))
        worker.signals.errored.connect(lambda exc, tb: self.show_error(user_message(exc), tb))
        self.read_queue.submit(worker)

    def _show_answer(self, seq: int, answer: "Answer", started: float) -> None:
        if seq != self._ask_seq:
            return  # a newer question was asked meanwhile
        self.answer = answer
        self.answer_view.show_answer(answer, self.dates)
        self.evidence.show_answer(answer, self.dates)
        self.copy_button.setEnabled(True)
        ms = (time.perf_counter() - started) * 1000
        state = "aucune réponse dans ces articles" if answer.abstained else f"{len(answer.citations)} citation(s)"
        self.statusBar().showMessage(f"Réponse en {ms:.0f} ms · {state}", 10000)
        if not answer.abstained and answer.citations:
            # The reader's next move is almost always to check [1]: show it without a click.
            self.show_citation(answer.citations[0].n)
        self.answer_shown.emit(answer)

    def copy_markdown(self) -> None:
        if self.answer is not None:
            QGuiApplication.clipboard().setText(answer_markdown(self.answer, self.dates))
            self.statusBar().showMessage("Réponse copiée en Markdown.", 4000)

    # -- the source viewer -------------------------------------------------------------------
    def show_citation(self, n: int) -> None:
        if self.answer is None:
            return
        c = self.answer.citation(n)
        if c is None:
            return
        self._show_source(c.source, (c.start, c.end), expect=c.quote)

    def show_passage(self, source: str, start: int, end: int) -> None:
        self._show_source(source, (start, end))

    def show_article(self, source: str) -> None:
        if self.articles.state_of(source) != INDEXED and source not in self.titles:
            self.statusBar().showMessage("Cet article n'est pas (encore) indexé.", 5000)
            return
        self._show_source(source, None)

    def _show_source(self, source: str, active: tuple[int, int] | None, expect: str | None = None) -> None:
        index = self.core.index
        if index is None:
            return
        try:
            art = index.article(source)
        except Exception as exc:  # noqa: BLE001 - e.g. the article was removed since the answer
            self.show_error(user_message(exc))
            return
        text = str(art["text"])
        spans = [(c.start, c.end) for c in (self.answer.citations if self.answer else []) if c.source == source]
        if expect is not None and active is not None and text[active[0]:active[1]] != expect:
            # The article changed since this answer was computed: offsets no longer apply.
            self.show_error("Cet article a changé depuis la réponse ; posez la question à nouveau.")
            spans, active = [], None
        corpus = self.core.corpus
        path = (corpus / source) if corpus is not None else None
        self.viewer.show_article(source, str(art["title"] or source), art.get("date"), text,  # type: ignore[arg-type]
                                 path if path is not None and path.exists() else None, spans, active)
        self.tabs.setCurrentWidget(self.viewer)

    # -- adding and removing articles --------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Ajouter des articles", str(Path.home()), "Articles (*.txt *.md);;Tous les fichiers (*)")
        if files:
            self.add_paths(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def add_paths(self, paths: list[str]) -> GeneratorWorker | None:
        """Copy files (or folders' articles) into the corpus, then update the index incrementally.

        The one path for the file dialog and drag-and-drop. Runs on the index queue, so files
        dropped during a rebuild are added right after it.
        """
        if self.core.workspace is None:
            self.show_error("Le corpus n'est pas encore chargé ; réessayez dans un instant.")
            return None
        return self._run_index_op("Ajout d'articles…", self._add_and_update, list(paths), on_result=self._added)

    def _add_and_update(self, paths: list[str], cancel: Any) -> Any:
        from desktop.corpus_files import add_articles
        from index.progress import Progress

        corpus = self.core.corpus
        assert corpus is not None
        yield Progress(0, 0, "Copie des articles dans le corpus…")
        result = add_articles(corpus, paths)
        if not result.added:
            return result, None
        ready = yield from self.core.update(False, cancel)
        return result, ready

    def _added(self, outcome: tuple[Any, Ready | None]) -> None:
        result, ready = outcome
        if ready is not None:
            self._swap_in(ready)
        msg = result.summary() + "."
        if result.ignored:
            self.show_error(msg + " Ignorés : " + " ; ".join(result.ignored[:5]))
        self.statusBar().showMessage(msg, 10000)

    def remove_article(self, source: str) -> None:
        from desktop.corpus_files import remove_article
        from index.locations import data_dir

        corpus = self.core.corpus
        if corpus is None:
            return
        title = self.titles.get(source, source)
        trash = data_dir() / "corbeille"
        box = QMessageBox(QMessageBox.Icon.Question, "Retirer l'article",
                          f"Retirer « {title} » du corpus ?\n\nLe fichier {source} sera déplacé dans {trash} "
                          "(il n'est pas supprimé), puis l'index sera mis à jour.", parent=self)
        yes = box.addButton("Retirer", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("Annuler", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(QMessageBox.StandardButton.NoButton)
        if getattr(self, "_confirm_override", None) is not None:
            confirmed = self._confirm_override(box)  # tests answer the question themselves
        else:
            box.exec()
            confirmed = box.clickedButton() is yes
        if not confirmed:
            return
        try:
            where = remove_article(corpus, source, trash)
        except OSError as exc:
            self.show_error(user_message(exc))
            return
        self.statusBar().showMessage(f"« {title} » retiré du corpus (copie dans {where}).", 10000)
        self.update_index(False)

    # -- settings ----------------------------------------------------------------------------
    def open_settings(self) -> None:
        defaults = {"corpus": str(self.core.corpus or "")}
        dialog = SettingsDialog(self.prefs, defaults, self)
        if dialog.exec():
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        old, self.prefs = self.prefs, prefs
        self.settings.save_preferences(prefs)
        self.core.passages = prefs.passages
        if (prefs.corpus, prefs.embedder) != (old.corpus, old.embedder):
            self._cli_corpus = self._cli_embedder = None  # the user's choice now wins
            self.index_queue.cancel_all()
            previous = self.core.index
            self.core = self._new_core()
            if previous is not None:
                self.read_queue.submit(GeneratorWorker(_close_index, previous, name="fermeture"))
            self.viewer.clear()
            self.start_core()

    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt API
        if event.type() == QEvent.Type.WindowActivate:
            self.refresh_snapshot()  # coming back from another program that may have edited files
        return super().event(event)

