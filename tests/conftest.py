"""Shared fixtures. Tests use the real model, real FAISS and real SQLite; nothing is faked.

Every test gets its own data folder (``VEILLE_DATA``), so nothing reads or writes a user's real
indexes; the heavy objects (the loaded embedder, the sample-corpus index) are built once per run.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = ROOT / "corpus"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VEILLE_DATA", str(tmp_path_factory.mktemp("veille-data")))
    for var in ("VEILLE_CORPUS", "VEILLE_INDEX", "VEILLE_EMBEDDER"):
        monkeypatch.delenv(var, raising=False)
    # A GGUF a developer keeps in models/ must not switch the tests to LLM mode; the LLM tests
    # set their own model explicitly.
    monkeypatch.setenv("VEILLE_LLM", "off")


@pytest.fixture(scope="session")
def embedder():
    """The bundled MiniLM, loaded once for the whole run."""
    from models.embedder import Embedder

    return Embedder().load()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A private, writable copy of the sample corpus."""
    dst = tmp_path / "corpus"
    shutil.copytree(SAMPLE_CORPUS, dst)
    return dst


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> Path:
    """The sample corpus indexed once (read-only for the tests that use it)."""
    from index.build import build_index

    index_dir = tmp_path_factory.mktemp("sample-index")
    build_index(SAMPLE_CORPUS, index_dir, embedder)
    return index_dir


# The sample index opened once, and the extractive answerer over it (shared by qa/, llm/ tests).
@pytest.fixture(scope="session")
def qa_index(sample_index: Path):
    from index.store import OpenIndex

    index = OpenIndex.open(sample_index)
    yield index
    index.close()


@pytest.fixture(scope="session")
def answerer(qa_index, embedder):
    from index.retriever import Retriever
    from qa.extractive import ExtractiveAnswerer

    return ExtractiveAnswerer(qa_index, Retriever(qa_index, embedder))


@pytest.fixture(scope="session")
def article_text(qa_index):
    return lambda source: str(qa_index.article(source)["text"])
