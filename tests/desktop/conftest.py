"""Desktop fixtures: real core, real model, the sample corpus; one index built per session.

Each window gets a private copy of the session's index (and, when it edits the corpus, of the
corpus), so tests stay independent while only one build is paid for.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import SAMPLE_CORPUS

pytest.importorskip("PySide6")
pytest.importorskip("pytestqt")

LECOINTRE = "Quand Lecointre a-t-il appelé Guerassimov ?"
ABSTAIN_QUESTION = "Qu'est-ce que le zorglub ?"
READY_TIMEOUT_MS = 120_000


@pytest.fixture
def index_copy(sample_index: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "index"
    shutil.copytree(sample_index, dst)
    return dst


@pytest.fixture
def make_window(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., object]:
    """``make_window(corpus, index_dir)`` → a shown MainWindow whose index is loaded."""
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    windows = []

    def make(corpus: Path = SAMPLE_CORPUS, index_dir: Path | None = None, wait: bool = True) -> MainWindow:
        if index_dir is not None:
            monkeypatch.setenv("VEILLE_INDEX", str(index_dir))
        window = MainWindow(settings=Settings(tmp_path / "desktop.ini"), corpus=str(corpus))
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1024, 700)
        if wait:
            with qtbot.waitSignal(window.ready_changed, timeout=READY_TIMEOUT_MS,
                                  check_params_cb=lambda ready: ready):
                window.show()
            qtbot.waitUntil(lambda: not window.busy, timeout=READY_TIMEOUT_MS)
        else:
            window.show()
        return window

    yield make
    for w in windows:
        w.close()


def ask(qtbot, window, question: str):
    """Type the question and press Enter, as a user would; return the Answer shown."""
    window.question.clear()
    window.question.setFocus()
    # QTest.keyClicks only types ASCII (it asserts on « é »): insert the text, press a real Enter.
    window.question.insert(question)
    with qtbot.waitSignal(window.answer_shown, timeout=30_000) as blocker:
        from PySide6.QtCore import Qt

        qtbot.keyClick(window.question, Qt.Key.Key_Return)
    return blocker.args[0]


@pytest.fixture(scope="session")
def tiny_gguf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny random llama of tests/llm (built on the spot, ~200 KB), for the LLM answering mode."""
    pytest.importorskip("gguf", reason="le paquet gguf (extra dev) construit le modèle de test")
    pytest.importorskip("llama_cpp", reason="llama-cpp-python n'est pas installé (pip install 'veille[llm]')")
    from tests.llm.tiny_gguf import build_tiny_llama

    return build_tiny_llama(tmp_path_factory.mktemp("gguf") / "tiny-llama.gguf")


@pytest.fixture
def llm_discovery(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Model discovery as a user would have it (the root conftest turns the LLM off), but blind to a
    GGUF a developer keeps in the project's models/ folder; loaded models are freed afterwards."""
    monkeypatch.setattr("models.discovery.PROJECT_MODELS_DIR", tmp_path_factory.mktemp("project-models"))
    monkeypatch.delenv("VEILLE_LLM", raising=False)
    yield
    from models.llm import release_shared_models

    release_shared_models()
