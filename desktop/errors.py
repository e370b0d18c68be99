"""Errors reach the user as a readable message in the window, never as a dead window.

The core's :class:`models.errors.VeilleError` messages are already written for people and are
shown as they are; anything else is an unexpected failure shown with a short French sentence.
The traceback is one click away (« Copier les détails »), as in Anki's error dialog.
:class:`models.errors.Cancelled` is an interruption, not an error, and is never shown here.

``install_excepthooks`` routes uncaught exceptions from any thread to the GUI thread through a
signal, so they too land in the window (napari's notification manager does the same).
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from models.errors import Cancelled, VeilleError


def user_message(exc: BaseException) -> str:
    """The sentence shown for ``exc``."""
    if isinstance(exc, VeilleError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "Mémoire insuffisante pour terminer l'opération."
    if isinstance(exc, OSError):
        return f"Erreur de fichier : {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")
    return f"Une erreur inattendue s'est produite ({type(exc).__name__} : {exc})."


class ErrorBanner(QFrame):
    """A dismissable message at the top of the window, with the details one click away.

    An error that has a remedy (a damaged index: « Reconstruire l'index ») shows it as a button
    beside the message, so the fix is where the problem is read.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton("Copier les détails")
        self.copy_button.clicked.connect(self.copy_details)
        self.action_button = QPushButton()
        self.action_button.setObjectName("errorAction")
        self.action_button.clicked.connect(self._run_action)
        self.action_button.hide()
        self._action: Callable[[], object] | None = None
        close = QPushButton("Fermer")
        close.clicked.connect(self.hide)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 8, 8, 8)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action_button)
        lay.addWidget(self.copy_button)
        lay.addWidget(close)
        self.details = ""
        self.hide()

    def show_error(self, message: str, details: str = "",
                   action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show ``message``; ``action`` is an optional (button text, remedy) offered beside it."""
        self.label.setText(message)
        self.details = details or message
        self.copy_button.setVisible(bool(details))
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self.action_button.setEnabled(action is not None)
        self.show()

    def _run_action(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.label.text()}\n\n{self.details}")


class ExceptionBridge(QObject):
    """Carries uncaught exceptions from any thread to the GUI thread."""

    raised = Signal(object, str)

    def excepthook(self, etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        if isinstance(value, Cancelled):
            return
        details = "".join(traceback.format_exception(etype, value, tb))
        sys.stderr.write(details)
        self.raised.emit(value, details)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)


def install_excepthooks(bridge: ExceptionBridge) -> None:
    sys.excepthook = bridge.excepthook
    threading.excepthook = bridge.thread_excepthook
