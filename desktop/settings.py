"""User settings (corpus, models, passages, answering mode, LLM) and window state, kept across restarts.

Stored with QSettings in an INI file under ``VEILLE_DATA`` when it is set (tests and portable
installs stay isolated) or else under the platformdirs configuration folder, so nothing goes
to the registry or a hidden global location that tests could pollute.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

SETTINGS_FILE = "desktop.ini"
HISTORY_MAX = 100
#: Answering modes as saved (``qa.modes.MODES``) and as shown in the window's mode switch.
MODES = ("auto", "extractive", "llm")
MODE_LABELS = {"auto": "Auto", "extractive": "Extractif", "llm": "Modèle de langue"}
#: ``models.llm.LLMConfig`` fields kept in the settings file (section ``llm/``); the dialog edits
#: the first four, the others can be tuned in the file and are kept as they are.
LLM_KEYS = ("n_ctx", "n_threads", "max_tokens", "temperature", "top_p", "repeat_penalty", "prompt_tokens",
            "n_batch", "seed")


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
    llm_model: str = ""  # a GGUF file (empty: found in models/, or none)
    mode: str = "auto"  # "auto" | "extractive" | "llm"
    #: LLMConfig values saved by the user (missing keys: LLMConfig's defaults)
    llm: dict[str, Any] = field(default_factory=dict)

    def llm_settings(self) -> tuple[str, Any]:
        """What the loaded model depends on: changing it releases and reloads the model."""
        from models.llm import LLMConfig

        return self.llm_model, LLMConfig.from_dict(self.llm)


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
            mode=self.mode(),
            llm=self._llm_values(),
        )

    def _llm_values(self) -> dict[str, Any]:
        """Saved LLMConfig fields, typed like LLMConfig's defaults (INI files store strings)."""
        from models.llm import LLMConfig

        defaults = LLMConfig().as_dict()
        out: dict[str, Any] = {}
        for k in LLM_KEYS:
            if self.qs.contains(f"llm/{k}"):
                try:
                    out[k] = type(defaults[k])(self.qs.value(f"llm/{k}"))
                except (TypeError, ValueError):
                    pass
        return out

    def mode(self) -> str:
        m = str(self.qs.value("answer/mode", "auto") or "auto")
        return m if m in MODES else "auto"

    def set_mode(self, mode: str) -> None:
        self.qs.setValue("answer/mode", mode if mode in MODES else "auto")
        self.qs.sync()

    def save_preferences(self, p: Preferences) -> None:
        q = self.qs
        q.setValue("paths/corpus", p.corpus)
        q.setValue("paths/embedder", p.embedder)
        q.setValue("answer/passages", int(p.passages))
        q.setValue("paths/llm_model", p.llm_model)
        q.setValue("answer/mode", p.mode if p.mode in MODES else "auto")
        for k in LLM_KEYS:
            if k in p.llm:
                q.setValue(f"llm/{k}", p.llm[k])
            else:
                q.remove(f"llm/{k}")
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
    """Edits :class:`Preferences`; the window applies them (reloading what changed).

    ``llm_info`` says which language model is in use (or why none), as the core found it.
    """

    def __init__(self, prefs: Preferences, defaults: dict[str, str], parent: QWidget | None = None,
                 llm_info: str = "") -> None:
        from models.llm import LLMConfig, physical_cores

        super().__init__(parent)
        self.setWindowTitle("Paramètres")
        self.setMinimumWidth(560)
        self._prefs = prefs
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.corpus = _PathField(prefs.corpus, defaults.get("corpus", ""), True)
        self.embedder = _PathField(prefs.embedder, defaults.get("embedder", "modèle fourni (MiniLM)"), True)
        self.passages = QSpinBox()
        self.passages.setRange(1, 50)
        self.passages.setValue(prefs.passages)
        form.addRow("Dossier du corpus :", self.corpus)
        form.addRow("Modèle d'embedding :", self.embedder)
        form.addRow("Passages affichés :", self.passages)

        config = LLMConfig.from_dict(prefs.llm)
        self.llm = _PathField(prefs.llm_model, "automatique (dossier models/)", False,
                              "Modèles GGUF (*.gguf)")
        self.n_ctx = QSpinBox()
        self.n_ctx.setRange(512, 32768)
        self.n_ctx.setSingleStep(512)
        self.n_ctx.setSuffix(" jetons")
        self.n_ctx.setValue(config.n_ctx)
        self.threads = QSpinBox()
        self.threads.setRange(0, 256)
        self.threads.setSpecialValueText(f"auto ({physical_cores()} cœurs physiques)")
        self.threads.setValue(config.n_threads)
        self.max_tokens = QSpinBox()
        self.max_tokens.setRange(16, 8192)
        self.max_tokens.setSingleStep(32)
        self.max_tokens.setSuffix(" jetons")
        self.max_tokens.setValue(config.max_tokens)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(0.0, 2.0)
        self.temperature.setSingleStep(0.05)
        self.temperature.setDecimals(2)
        self.temperature.setValue(config.temperature)
        self.temperature.setToolTip("Basse (0,1) : réponses sobres et reproductibles ; plus haute : plus variées.")
        llm_form = QFormLayout()
        llm_form.setVerticalSpacing(8)
        llm_form.addRow("Fichier GGUF :", self.llm)
        self.llm_info = QLabel(llm_info)
        self.llm_info.setObjectName("hint")
        self.llm_info.setWordWrap(True)
        self.llm_info.setVisible(bool(llm_info))
        llm_form.addRow("", self.llm_info)
        llm_form.addRow("Taille du contexte :", self.n_ctx)
        llm_form.addRow("Threads :", self.threads)
        llm_form.addRow("Longueur max. de la réponse :", self.max_tokens)
        llm_form.addRow("Température :", self.temperature)
        llm_box = QGroupBox("Modèle de langue (mode « Modèle de langue » ou « Auto »)")
        llm_box.setLayout(llm_form)

        note = QLabel("Changer de corpus ou de modèle d'embedding recharge l'index (construit s'il n'existe pas) ; "
                      "changer le modèle de langue ou ses réglages le recharge en arrière-plan.")
        note.setWordWrap(True)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuler")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(llm_box)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def preferences(self) -> Preferences:
        from models.llm import LLMConfig

        llm = dict(self._prefs.llm)  # fields not edited here are kept as saved
        llm.update(n_ctx=self.n_ctx.value(), n_threads=self.threads.value(), max_tokens=self.max_tokens.value(),
                   temperature=round(self.temperature.value(), 2))
        defaults = LLMConfig().as_dict()
        # Values left at their default are not saved, so a better default later applies to them.
        llm = {k: v for k, v in llm.items() if v != defaults.get(k)}
        return Preferences(self.corpus.text(), self.embedder.text(), self.passages.value(), self.llm.text(),
                           self._prefs.mode, llm)
