"""Fixtures for the LLM tests: a tiny GGUF built on the spot, and a scripted stand-in model.

Nothing is downloaded. The real-llama fixtures skip (with the reason) only when llama_cpp is
not importable; the GGUF builder needs the ``gguf`` package (dev extra).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Iterator

import pytest

from models.errors import Cancelled
from models.llm import GenerationStats, LLMConfig

ROOT = Path(__file__).resolve().parents[2]

#: The tiny model tokenizes about one character per token, so its budgets are in characters.
TINY_CONFIG = LLMConfig(n_ctx=4096, n_threads=1, max_tokens=48, temperature=0.0, prompt_tokens=3000, n_batch=256)


@pytest.fixture(autouse=True)
def _no_project_models(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A GGUF a developer keeps in the project's models/ folder must not change what these tests see."""
    monkeypatch.setattr("models.discovery.PROJECT_MODELS_DIR", tmp_path_factory.mktemp("project-models"))
    monkeypatch.delenv("VEILLE_LLM", raising=False)  # the root conftest turns the LLM off; these tests choose


def _need_llama_cpp():
    return pytest.importorskip("llama_cpp", reason="llama-cpp-python n'est pas installé (pip install 'veille[llm]')")


@pytest.fixture(scope="session")
def tiny_gguf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("gguf", reason="le paquet gguf (extra dev) construit le modèle de test")
    from tests.llm.tiny_gguf import build_tiny_llama

    return build_tiny_llama(tmp_path_factory.mktemp("gguf") / "tiny-llama.gguf")


@pytest.fixture(scope="session")
def tiny_gguf_no_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("gguf", reason="le paquet gguf (extra dev) construit le modèle de test")
    from tests.llm.tiny_gguf import build_tiny_llama

    return build_tiny_llama(tmp_path_factory.mktemp("gguf") / "tiny-no-template.gguf", chat_template=None)


@pytest.fixture(scope="session")
def tiny_model(tiny_gguf: Path):
    """The tiny GGUF loaded through the real llama-cpp-python (shared by the session)."""
    _need_llama_cpp()
    from models.llm import LlamaModel

    model = LlamaModel(tiny_gguf, TINY_CONFIG).load()
    yield model
    model.close()


class ScriptedModel:
    """A stand-in for deterministic text: implements :class:`models.llm.TextGenerator` (the protocol
    of :class:`models.llm.LlamaModel`) but "generates" a fixed script, word by word.

    Lets the tests check prompting budgets, citation mapping and verification on exact model
    outputs that the random tiny GGUF could never produce. Tokens are words and punctuation.
    """

    name = "scripted.gguf"

    def __init__(self, script: str = "", config: LLMConfig = LLMConfig(), n_ctx: int = 2048,
                 fail: Exception | None = None) -> None:
        self.script = script
        self.config = config
        self.lock = threading.Lock()
        self._n_ctx = n_ctx
        self.fail = fail
        self.prompts: list[str] = []

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    def load(self) -> "ScriptedModel":
        return self

    def render(self, messages: list[dict[str, str]]) -> str:
        return "".join(f"<|{m['role']}|>\n{m['content']}\n" for m in messages) + "<|assistant|>\n"

    def count_tokens(self, text: str) -> int:
        return len(re.findall(r"\w+|[^\w\s]", text))

    def stream(self, prompt: str, max_tokens: int | None = None, cancel=None,
               stats: GenerationStats | None = None) -> Iterator[str]:
        self.prompts.append(prompt)
        with self.lock:
            if stats is not None:
                stats.prompt_tokens = self.count_tokens(prompt)
            if self.fail is not None:
                raise self.fail
            for i, piece in enumerate(re.findall(r"\S+\s*", self.script)):
                if cancel is not None and cancel.cancelled:
                    raise Cancelled("Réponse interrompue.")
                if stats is not None:
                    stats.completion_tokens = i + 1
                yield piece


@pytest.fixture
def scripted():
    return ScriptedModel


@pytest.fixture(scope="session")
def llm_index(qa_index):
    """The shared sample index (tests/conftest.py), under the name these tests use."""
    return qa_index


@pytest.fixture(scope="session")
def extractive(answerer):
    return answerer
