"""User settings (corpus, models, passages) and window state, kept across restarts.

Stored with QSettings in an INI file under ``VEILLE_DATA`` when it is set (tests and portable
installs stay isolated) or else under the platformdirs configuration folder, so nothing goes
to the registry or a hidden global location that tests could pollute.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

SETTINGS_FILE = "desktop.ini"
HISTORY_MAX = 100


def settings_path() -> Path:
    env = os.environ.get("VEILLE_DATA")
    if env:
        return Path(env).expanduser() / SETTINGS_FILE
    from platformdirs import user_config_dir

    return Path(user_config_dir("veille", appauthor=False)) / SETTINGS_FILE


@dataclass
class Preferences:
    """What the settings dialog edits; empty strings mean « the default »."""

    corpus: str = ""
    embedder: str = ""
    passages: int = 5
    llm_model: str = ""  # a GGUF file, for the LLM answering mode to come


class Settings:
    """Typed access to the QSettings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def preferences(self) -> Preferences:
        q = self.qs
        try:
            passages = int(q.value("answer/passages", 5))
        except (TypeError, ValueError):
            passages = 5
        return Preferences(
            corpus=str(q.value("paths/corpus", "") or ""),
            embedder=str(q.value("paths/embedder", "") or ""),
            passages=max(1, min(50, passages)),
            llm_model=str(q.value("paths/llm_model", "") or ""),
        )

    def save_preferences(self, p: Preferences) -> None:
        q = self.qs
        q.setValue("paths/corpus", p.corpus)
        q.setValue("paths/embedder", p.embedder)
        q.setValue("answer/passages", int(p.passages))
        q.setValue("paths/llm_model", p.llm_model)
        q.sync()

    def bytes(self, key: str) -> QByteArray | None:
        v = self.qs.value(key)
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(key, value)

    def history(self) -> list[str]:
        v = self.qs.value("answer/history", [])
        if isinstance(v, str):
            v = [v]
        return [str(x) for x in (v or [])][-HISTORY_MAX:]

    def set_history(self, items: list[str]) -> None:
        self.qs.setValue("answer/history", items[-HISTORY_MAX:])

    def sync(self) -> None:
        self.qs.sync()


class _PathField(QWidget):
    """A line edit with a « Parcourir… » button (folder or file)."""

    def __init__(self, value: str, placeholder: str, pick_dir: bool, file_filter: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(value)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        button = QPushButton("Parcourir…")
        button.clicked.connect(self._browse)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.edit, 1)
        lay.addWidget(button)
        self.pick_dir, self.file_filter = pick_dir, file_filter

    def _browse(self) -> None:
        if self.pick_dir:
            chosen = QFileDialog.getExistingDirectory(self, "Choisir un dossier", self.edit.text())
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, "Choisir un fichier", self.edit.text(), self.file_filter)
        if chosen:
            self.edit.setText(chosen)

    def text(self) -> str:
        return self.edit.text().strip()


class SettingsDialog(QDialog):
    """Edits :class:`Preferences`; the window applies them (reloading what changed)."""

    def __init__(self, prefs: Preferences, defaults: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paramètres")
        self.setMinimumWidth(560)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.corpus = _PathField(prefs.corpus, defaults.get("corpus", ""), True)
        self.embedder = _PathField(prefs.embedder, defaults.get("embedder", "modèle fourni (MiniLM)"), True)
        self.passages = QSpinBox()
        self.passages.setRange(1, 50)
        self.passages.setValue(prefs.passages)
        self.llm = _PathField(prefs.llm_model, "aucun (réponses extractives)", False, "Modèles GGUF (*.gguf)")
        form.addRow("Dossier du corpus :", self.corpus)
        form.addRow("Modèle d'embedding :", self.embedder)
        form.addRow("Passages affichés :", self.passages)
        form.addRow("Modèle de langage (GGUF) :", self.llm)
        note = QLabel("Changer de corpus ou de modèle recharge l'index (construit s'il n'existe pas).")
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def preferences(self) -> Preferences:
        return Preferences(self.corpus.text(), self.embedder.text(), self.passages.value(), self.llm.text())
