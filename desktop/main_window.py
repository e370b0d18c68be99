"""The main window: ask, read the cited answer, open the source, manage the corpus and the index.

It only wires views to the core (:class:`desktop.core.Core`) through two serial queues
(:mod:`desktop.workers`): the *index* queue runs everything that writes the corpus or the index
(start-up, updates, rebuilds, adding articles), the *read* queue runs questions and other reads
of the index in use. A rebuild therefore never blocks a question, and the index it produces is
swapped in on this thread only once complete; the previous index is then closed on the read
queue, after any question still using it.

Answering modes (extractive, or a local language model): the model is loaded on the index
queue (:meth:`Core.reload_answerer`), and a question streams its events from the read queue —
the extractive preview at once, then the model's tokens, then the verified answer. Only one
generation runs at a time; Stop (or Esc) cancels it and leaves the preview shown.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFrame, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QPushButton, QSplitter,
    QTabWidget, QVBoxLayout, QWidget,
)

from desktop.answer_view import AnswerView, QuestionEdit
from desktop.articles_panel import INDEXED, ArticlesPanel
from desktop.core import AnswererReady, Core, ModeStatus, Ready, Snapshot
from desktop.errors import ErrorBanner, user_message
from desktop.evidence_view import EvidenceList
from desktop.markdown import answer_markdown
from desktop.progress_panel import ProgressPanel
from desktop.qt_guard import protect_none
from desktop.settings import MODE_LABELS, MODES, Preferences, Settings, SettingsDialog
from desktop.source_viewer import SourceViewer
from desktop.watcher import CorpusWatcher
from desktop.workers import GeneratorWorker, OperationQueue

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import Answer

# Every Qt call that returns nothing costs PySide6 6.12 on Python 3.11 a reference to None; a
# long session would abort the interpreter. Guarded once, before any window exists.
protect_none()

APP_TITLE = "Veille"
CLOSE_WAIT_MS = 3000
NOTICE_STOPPED = "Génération interrompue : voici la réponse extractive."


def _close_index(index: Any, cancel: Any = None) -> None:
    index.close()


def _release_models(cancel: Any = None) -> None:
    from models.llm import release_shared_models

    release_shared_models()


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
    mode_changed = Signal(object)  # the ModeStatus now in use
    token_shown = Signal(str)  # a piece of the model's text, once in the view
    generation_stopped = Signal(object)  # the extractive preview left shown (or None)

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
        self._closing = False
        self._gen: GeneratorWorker | None = None  # the question being answered
        self._gen_question = ""
        self._gen_preview: "Answer | None" = None
        self._gen_passages: list[Any] = []  # the passages the model reads, as numbered in its text
        self._mode_loading = 0  # answerer reloads queued or running
        self._shown_load_error = ""

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
        return Core(self._cli_corpus or p.corpus or None, self._cli_embedder or p.embedder or None, p.passages,
                    p.mode, p.llm_model, p.llm)

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
        self.stop_button = QPushButton("Arrêter")
        self.stop_button.setObjectName("stopButton")
        self.stop_button.setToolTip("Arrêter la rédaction du modèle et garder la réponse extractive (Échap)")
        self.stop_button.hide()
        self.mode_box = QComboBox()
        self.mode_box.setObjectName("modeBox")
        for m in MODES:
            self.mode_box.addItem(MODE_LABELS[m], m)
        self.mode_box.setCurrentIndex(MODES.index(self.prefs.mode))
        self.mode_box.setToolTip("Mode de réponse : Auto (modèle de langue s'il y en a un), Extractif "
                                 "(phrases citées des articles) ou Modèle de langue (réponse rédigée et vérifiée)")
        self.mode_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        ask_row = QHBoxLayout()
        ask_row.setSpacing(8)
        ask_row.addWidget(self.question, 1)
        ask_row.addWidget(self.ask_button)
        ask_row.addWidget(self.stop_button)
        mode_title = QLabel("&Mode :")
        mode_title.setBuddy(self.mode_box)
        ask_row.addSpacing(4)
        ask_row.addWidget(mode_title)
        ask_row.addWidget(self.mode_box)
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

        self.mode_label = QLabel("Mode : chargement…")
        self.mode_label.setObjectName("modeLabel")
        self.index_label = QLabel()
        self.index_label.setObjectName("hint")
        self.statusBar().addPermanentWidget(self.mode_label)
        self.statusBar().addPermanentWidget(self.index_label)
        self.statusBar().showMessage("Chargement du modèle et de l'index…")
        self.ask_button.setEnabled(False)

        self.question.returnPressed.connect(self.ask_current)
        self.ask_button.clicked.connect(self.ask_current)
        self.copy_button.clicked.connect(self.copy_markdown)
        self.stop_button.clicked.connect(self.stop_generation)
        self.mode_box.activated.connect(lambda i: self.set_mode(self.mode_box.itemData(i)))
        self.answer_view.citation_clicked.connect(self.show_citation)
        self.answer_view.passage_clicked.connect(self.show_prompt_passage)
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
        self._fit_to_screen()
        for key, splitter in (("window/main_split", self.main_split), ("window/left_split", self.left_split)):
            state = self.settings.bytes(key)
            if state is not None:
                splitter.restoreState(state)

    def _fit_to_screen(self) -> None:
        """Keep the window on the screen it opens on: a default or saved size larger than a small
        screen (1024×700) would otherwise leave the right-hand panel out of reach."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width, height = min(self.width(), area.width()), min(self.height(), area.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        if not area.contains(self.frameGeometry().topLeft()) or self.x() + width > area.right() + 1:
            self.move(area.topLeft())

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
        if self._gen is not None:
            self._gen.cancel()
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
        if isinstance(result, AnswererReady) or result is None:
            return  # its index is the one of the previous core, closed when that core was replaced
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
        from models.errors import IndexCorrupt

        if isinstance(exc, IndexCorrupt):  # the remedy, offered where the message is read
            self.error_banner.show_error(user_message(exc), details,
                                         action=("Reconstruire l'index", lambda: self.update_index(True)))
        else:
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
        """Esc / « Annuler »: stop the model's answer if one is being written, else the index
        operation (the previous index stays in use)."""
        if self._gen is not None and self.stop_button.isVisible():
            self.stop_generation()
            return
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
        if ready.mode is not None:
            self._apply_mode(ready.mode)
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
        self._ask_pending()

    def _ask_pending(self) -> None:
        if self._pending_question and self.ready and not self._mode_loading:
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
        self.answer_view.titles = self.titles
        self.answer_view.sites = {a.source: a.site for a in snap.articles if getattr(a, "site", None)}
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
        """Ask on the read queue; the answer's events stream back to this thread.

        One question at a time: a new one stops the model writing the previous answer.
        """
        question = question.strip()
        if not question:
            return
        self.question.remember(question)
        if not self.ready or self.core.answerer is None or self._mode_loading:
            self._pending_question = question
            self.statusBar().showMessage("La question sera posée dès que le modèle de langue sera chargé…"
                                         if self.ready else "La question sera posée dès que l'index sera prêt…")
            return
        if self._gen is not None:
            if question == self._gen_question:
                return  # Enter pressed again on the question being answered
            self.stop_generation(show_preview=False)
        answerer = self.core.answerer
        streaming = getattr(answerer, "mode", "extractive") == "llm"
        started = time.perf_counter()
        worker = GeneratorWorker(Core.ask, answerer, question, self.core.passages, name="question")
        self._gen, self._gen_question, self._gen_preview, self._gen_passages = worker, question, None, []
        s = worker.signals
        s.progress.connect(lambda event, w=worker: self._on_event(w, event, started, streaming))
        s.cancelled.connect(lambda _msg, w=worker: self._gen_cancelled(w))
        s.errored.connect(lambda exc, tb, w=worker: self._gen_failed(w, exc, tb))
        s.finished.connect(lambda w=worker: self._gen_done(w))
        self.statusBar().showMessage("Recherche…")
        if streaming:
            self.stop_button.show()
        self.read_queue.submit(worker)

    def _on_event(self, worker: GeneratorWorker, event: Any, started: float, streaming: bool) -> None:
        if worker is not self._gen:
            return  # stopped, or a newer question was asked meanwhile
        kind = type(event).__name__
        if kind == "Token":
            if not self.answer_view.draft:
                self.statusBar().showMessage("Le modèle rédige sa réponse… (Échap pour l'arrêter)")
            self.answer_view.append_token(event.text)
            self.token_shown.emit(event.text)
        elif kind == "Retrieved":
            self._gen_preview = event.preview
            if streaming:
                self.answer = event.preview
                self.answer_view.start_draft(self._gen_question, event.preview, self.dates)
                self.evidence.show_answer(event.preview, self.dates)
                self.copy_button.setEnabled(True)
                self.statusBar().showMessage("Réponse extractive affichée ; le modèle de langue prépare la sienne…")
                if not event.preview.abstained and event.preview.citations:
                    self.show_citation(event.preview.citations[0].n)
        elif kind == "PromptReady":
            self._gen_passages = list(event.passages)
            n = len(event.passages)
            msg = f"Le modèle lit {n} passage{'s' if n > 1 else ''}… ({event.prompt_tokens} jetons)"
            self.answer_view.set_draft_status(msg)
            self.statusBar().showMessage(msg)
        elif kind == "Finished":
            self._end_generation()
            self._show_answer(event.answer, started)

    def _end_generation(self) -> None:
        self._gen = None
        self.stop_button.hide()

    def stop_generation(self, show_preview: bool = True) -> bool:
        """Stop (or Esc): cancel the answer being written; the extractive preview stays shown.

        Returns at once: the worker stops at its next check (between tokens, or inside llama.cpp's
        prompt processing), within a fraction of a second; later events of it are ignored.
        """
        worker = self._gen
        if worker is None:
            return False
        worker.cancel()
        self._end_generation()
        preview = self._gen_preview
        if not show_preview:
            return True
        if preview is not None:
            preview = replace(preview, notices=[*preview.notices, NOTICE_STOPPED])
            self.answer = preview
            self.answer_view.show_answer(preview, self.dates)
            self.evidence.show_answer(preview, self.dates)
            self.copy_button.setEnabled(True)
        else:
            self.answer_view.show_message("Question annulée.")
        self.statusBar().showMessage("Génération interrompue ; la réponse extractive est affichée.", 8000)
        self.generation_stopped.emit(preview)
        return True

    def _gen_cancelled(self, worker: GeneratorWorker) -> None:
        if worker is self._gen:  # cancelled from elsewhere (closing the window)
            self.stop_generation()

    def _gen_failed(self, worker: GeneratorWorker, exc: BaseException, details: str) -> None:
        self.show_error(user_message(exc), details)
        if worker is self._gen:
            self.stop_generation()

    def _gen_done(self, worker: GeneratorWorker) -> None:
        if worker is self._gen:  # ended with no answer (cannot happen: Finished always comes)
            self._end_generation()

    def _show_answer(self, answer: "Answer", started: float) -> None:
        self.answer = answer
        self.answer_view.show_answer(answer, self.dates)
        self.evidence.show_answer(answer, self.dates)
        self.copy_button.setEnabled(True)
        ms = (time.perf_counter() - started) * 1000
        state = "aucune réponse dans ces articles" if answer.abstained else f"{len(answer.citations)} citation(s)"
        how = "rédigée par le modèle de langue" if answer.mode == "llm" else "extractive"
        self.statusBar().showMessage(f"Réponse {how} en {ms:.0f} ms · {state}", 10000)
        if not answer.abstained and answer.citations:
            # The reader's next move is almost always to check [1]: show it without a click.
            self.show_citation(answer.citations[0].n)
        self.answer_shown.emit(answer)

    # -- answering mode ----------------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        """The mode switch: Auto, Extractif or Modèle de langue (saved, applied on the index queue)."""
        if mode not in MODES or mode == self.prefs.mode:
            return
        self.prefs = replace(self.prefs, mode=mode)
        self.settings.set_mode(mode)
        self.core.mode = mode
        self._reload_answerer(release=False)

    def _reload_answerer(self, release: bool) -> None:
        """Make the answerer again on the index queue (the model loads there, never here)."""
        self.stop_generation()
        if self.core.workspace is None and not self.index_queue.busy:
            return  # not started: the next start uses the new settings
        self._mode_loading += 1
        self.mode_label.setText("Mode : chargement du modèle de langue…" if self.core.mode != "extractive"
                                else "Mode : changement…")
        title = "Chargement du modèle de langue…" if self.core.mode != "extractive" else "Changement de mode…"
        worker = self._run_index_op(title, self.core.reload_answerer, release, on_result=self._answerer_in)
        worker.signals.finished.connect(self._reload_done)

    def _reload_done(self) -> None:
        self._mode_loading = max(0, self._mode_loading - 1)
        if not self._mode_loading:
            self._apply_mode(self.core.mode_status)
            self._ask_pending()

    def _answerer_in(self, ready: "AnswererReady | None") -> None:
        if ready is not None and self.core.swap_answerer(ready):
            self._apply_mode(ready.mode)
            self.statusBar().showMessage(ready.mode.label + ".", 8000)

    def _apply_mode(self, status: ModeStatus) -> None:
        """Say which mode answers, offer the LLM choice only when a model exists."""
        self.mode_label.setText(status.label)
        self.mode_label.setToolTip(status.tooltip)
        self.mode_box.setCurrentIndex(MODES.index(status.requested) if status.requested in MODES else 0)
        item = self.mode_box.model().item(MODES.index("llm"))  # type: ignore[attr-defined]
        item.setEnabled(status.available or status.active == "llm")
        if status.available or status.active == "llm":
            item.setToolTip(f"Réponses rédigées par {status.model or 'le modèle de langue'}, vérifiées "
                            "phrase par phrase contre les passages cités.")
        else:
            why = status.unavailable_reason or "aucun fichier .gguf trouvé"
            item.setToolTip(f"Indisponible : {why}. Choisissez un fichier .gguf dans Fichier › Paramètres… "
                            "ou placez-en un dans le dossier models/.")
        # Auto with no model is the ordinary state: the status bar says it, not every answer.
        self.answer_view.hidden_notices = (status.notice,) if status.requested == "auto" and status.notice \
            and not status.load_error else ()
        if status.load_error and status.load_error != self._shown_load_error:
            self.show_error(f"Le modèle de langue n'a pas pu être chargé ; les réponses restent extractives. "
                            f"{status.load_error}")
        self._shown_load_error = status.load_error
        self.mode_changed.emit(status)

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

    def show_prompt_passage(self, n: int) -> None:
        """A ``[n]`` of the model's text while it writes: the n-th passage it was given."""
        if 1 <= n <= len(self._gen_passages):
            ev = self._gen_passages[n - 1]
            self._show_source(ev.source, (ev.start, ev.end))

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
                                 path if path is not None and path.exists() else None, spans, active,
                                 author=art.get("author"), site=art.get("site"),  # type: ignore[arg-type]
                                 pages=art.get("pages") or (), kind=art.get("kind"))  # type: ignore[arg-type]
        self.tabs.setCurrentWidget(self.viewer)

    # -- adding and removing articles --------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Ajouter des articles", str(Path.home()), "Articles (*.txt *.md *.html *.htm *.pdf);;Tous les fichiers (*)")
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
        st = self.core.mode_status
        info = st.details or st.unavailable_reason
        if st.load_error:
            info = f"{st.load_error}\n{info}" if info != st.load_error else info
        dialog = SettingsDialog(self.prefs, defaults, self, llm_info=info)
        if dialog.exec():
            self.apply_preferences(dialog.preferences())

    def apply_preferences(self, prefs: Preferences) -> None:
        old, self.prefs = self.prefs, prefs
        self.settings.save_preferences(prefs)
        self.core.passages = prefs.passages
        llm_changed = prefs.llm_settings() != old.llm_settings()
        if (prefs.corpus, prefs.embedder) != (old.corpus, old.embedder):
            self._cli_corpus = self._cli_embedder = None  # the user's choice now wins
            self.stop_generation(show_preview=False)
            self.index_queue.cancel_all()
            previous = self.core.index
            self.core = self._new_core()
            if previous is not None:
                self.read_queue.submit(GeneratorWorker(_close_index, previous, name="fermeture"))
            if llm_changed:  # before the new core loads the model with its new settings
                self.index_queue.submit(GeneratorWorker(_release_models, name="libération du modèle"))
            self.viewer.clear()
            self.start_core()
        elif llm_changed:
            self.core.llm_path, self.core.llm_config = prefs.llm_model, dict(prefs.llm)
            self._reload_answerer(release=True)

    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt API
        if event.type() == QEvent.Type.WindowActivate:
            self.refresh_snapshot()  # coming back from another program that may have edited files
        return super().event(event)

