"""Progress of the index operation: articles done/total, ETA, Cancel; shown only if it lasts.

Why the delay: an incremental update of a few articles takes well under a second; a bar that
flashes for 100 ms is noise. The panel appears after :data:`PROGRESS_DELAY_MS` (Anki does the
same) and the status bar carries the message meanwhile.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from index.progress import Progress

from desktop.workers import DelayedTimer


def format_eta(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(round(seconds))
    if seconds < 60:
        return f"reste ~{max(seconds, 1)} s"
    return f"reste ~{seconds // 60} min {seconds % 60:02d} s"


class ProgressPanel(QFrame):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMinimumWidth(200)
        self.bar.setTextVisible(True)
        self.eta = QLabel()
        self.eta.setObjectName("hint")
        self.cancel_button = QPushButton("Annuler")
        self.cancel_button.setToolTip("Arrêter (Échap) ; l'index précédent est conservé")
        self.cancel_button.clicked.connect(self.cancel_requested)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.eta)
        lay.addWidget(self.cancel_button)
        self.timer = DelayedTimer(self)
        self.timer.timeout.connect(self.show)
        self.running = False
        self.hide()

    def start(self, title: str) -> None:
        self.running = True
        self.label.setText(title)
        self.bar.setRange(0, 0)  # busy until the first count arrives
        self.eta.clear()
        self.cancel_button.setEnabled(True)
        self.timer.start()

    def update_progress(self, p: Progress) -> None:
        if p.message:
            self.label.setText(p.message)
        if p.total > 0:
            self.bar.setRange(0, p.total)
            self.bar.setValue(min(p.done, p.total))
            self.bar.setFormat(f"{p.done}/{p.total} articles")
        else:
            self.bar.setRange(0, 0)
        self.eta.setText(format_eta(p.eta_s) if p.done < p.total else "")

    def cancelling(self) -> None:
        self.label.setText("Annulation…")
        self.cancel_button.setEnabled(False)

    def finish(self) -> None:
        self.running = False
        self.timer.stop()
        self.hide()
