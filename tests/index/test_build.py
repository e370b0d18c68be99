"""Incremental builds, crash safety and manifest checks, on the real model and real files."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.build import build_index, check_staleness
from index.retriever import Retriever
from index.store import OpenIndex, current_generation
from models.embedder import Embedder
from tests.conftest import ROOT

PIAF = ROOT.parent / "shared" / "data" / "piaf" / "piaf-corpus.jsonl"


class EncodeSpy:
    """Records what the real embedder is asked to encode (it still encodes for real)."""

    def __init__(self, embedder: Embedder, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str] = []
        real = embedder.encode

        def encode(texts, batch_size=None):
            self.texts.extend(texts)
            return real(texts, batch_size)

        monkeypatch.setattr(embedder, "encode", encode)


def search_sources(index_dir: Path, embedder: Embedder, query: str, k: int = 5) -> list[str]:
    idx = OpenIndex.open(index_dir)
    try:
        return [h.source for h in Retriever(idx, embedder).search(query, k)]
    finally:
        idx.close()


def test_add_modify_delete_and_unchanged_articles_are_not_reembedded(
    corpus_copy: Path, tmp_path: Path, embedder: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    index_dir = tmp_path / "index"
    first = build_index(corpus_copy, index_dir, embedder)
    assert (first.added, first.unchanged, first.passages) == (5, 0, first.embedded)

    spy = EncodeSpy(embedder, monkeypatch)
    (corpus_copy / "sub").mkdir()
    (corpus_copy / "sub" / "nouveau.md").write_text(
        "# Le festival de Cornouaille\n\nLe festival de Cornouaille a réuni 250.000 spectateurs à Quimper en juillet.",
        encoding="utf-8",
    )
    changed = corpus_copy / "000_6499cf396df39ab0.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nUne phrase ajoutée sur les sous-marins nucléaires.\n", encoding="utf-8")
    (corpus_copy / "004_a4761b2f1505ef77.txt").unlink()

    assert check_staleness(corpus_copy, index_dir, embedder).stale
    second = build_index(corpus_copy, index_dir, embedder)
    assert (second.added, second.changed, second.removed, second.unchanged) == (1, 1, 1, 3)
    # Only passages of the new article and the changed passage of the modified one were embedded.
    assert any("Cornouaille" in t for t in spy.texts)
    assert any("sous-marins" in t for t in spy.texts)
    unchanged_sources = ["001_f27857910a253753.txt", "002_4066432a79b64ac8.txt", "003_546b02830ba72005.txt"]
    for src in unchanged_sources:
        body = (corpus_copy / src).read_text(encoding="utf-8")
        assert not any(t in body for t in spy.texts), f"{src} was re-embedded"
    assert second.embedded == len(spy.texts) <= 3

    assert search_sources(index_dir, embedder, "festival Cornouaille spectateurs Quimper")[0] == "sub/nouveau.md"
    idx = OpenIndex.open(index_dir)
    assert "004_a4761b2f1505ef77.txt" not in {a.source for a in idx.articles()}
    for a in idx.articles():  # offsets still exact after the incremental build
        text = idx.article(a.source)["text"]
        for p in idx.article_passages(a.source):
            assert text[p.start : p.end] == p.text
    idx.close()

    third = build_index(corpus_copy, index_dir, embedder)
    assert third.up_to_date and third.unchanged == 5 and third.embedded == 0
    assert not check_staleness(corpus_copy, index_dir, embedder).stale


def test_touching_a_file_without_changing_it_is_not_a_change(corpus_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    f = corpus_copy / "001_f27857910a253753.txt"
    os.utime(f, ns=(time.time_ns(), time.time_ns() + 10**9))
    summary = build_index(corpus_copy, index_dir, embedder)
    assert summary.changed == 0 and summary.unchanged == 5 and summary.embedded == 0


def test_embedder_change_forces_a_full_rebuild(corpus_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    # Same weights, different configuration file: a different model as far as the index can tell.
    other_path = tmp_path / "other-model"
    shutil.copytree(embedder.path, other_path)
    config = json.loads((other_path / "config.json").read_text())
    config["veille_test_marker"] = 1
    (other_path / "config.json").write_text(json.dumps(config))
    other = Embedder(other_path)
    assert other.model_id != embedder.model_id
    assert "modèle d'embedding" in check_staleness(corpus_copy, index_dir, other).reason
    summary = build_index(corpus_copy, index_dir, other)
    assert summary.full_rebuild and "modèle d'embedding" in summary.reason
    assert summary.embedded == summary.passages
    assert OpenIndex.open(index_dir).manifest.embedder_id == other.model_id


def test_bad_files_are_reported_and_the_rest_is_indexed(corpus_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    (corpus_copy / "binaire.txt").write_bytes(bytes(range(256)) * 50)
    (corpus_copy / "vide.txt").write_bytes(b"")
    (corpus_copy / "ancien.txt").write_bytes("Le préfet a annoncé l'évacuation de 1.200 habitants à Nîmes.".encode("cp1252"))
    summary = build_index(corpus_copy, tmp_path / "index", embedder)
    assert set(summary.skipped) == {"binaire.txt", "vide.txt"}
    assert summary.added == 6
    assert search_sources(tmp_path / "index", embedder, "évacuation habitants Nîmes")[0] == "ancien.txt"
    # Skipped files are remembered: no re-read, no false "stale" on the next check.
    assert not check_staleness(corpus_copy, tmp_path / "index", embedder).stale


def _write_piaf_articles(folder: Path, n: int) -> None:
    with open(PIAF, encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            doc = json.loads(line)
            (folder / f"{doc['doc_id']}.txt").write_text(doc["text"], encoding="utf-8")


@pytest.mark.slow
def test_killed_build_leaves_the_previous_index_answering(corpus_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    before = current_generation(index_dir)
    _write_piaf_articles(corpus_copy, 120)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "index", "--corpus", str(corpus_copy), "--index", str(index_dir)],
        cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    assert proc.stderr is not None
    deadline = time.time() + 120
    for line in proc.stderr:
        if "Indexation" in line or "Calcul des vecteurs" in line:
            break
        assert time.time() < deadline
    time.sleep(0.5)
    assert proc.poll() is None, "the build finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert current_generation(index_dir) == before
    assert "003_546b02830ba72005.txt" in search_sources(index_dir, embedder, "Lecointre Guerassimov 10 juillet")
    summary = build_index(corpus_copy, index_dir, embedder)
    assert summary.added == 120 and summary.unchanged == 5
    assert not list(index_dir.glob("*.tmp"))
    assert current_generation(index_dir) != before


def test_corrupt_pointer_is_reported_and_rebuilt(corpus_copy: Path, tmp_path: Path, embedder: Embedder) -> None:
    from models.errors import IndexCorrupt

    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    (index_dir / "CURRENT").write_text("gen-999999")
    with pytest.raises(IndexCorrupt):
        OpenIndex.open(index_dir)
    summary = build_index(corpus_copy, index_dir, embedder)
    assert summary.full_rebuild and OpenIndex.open(index_dir).size == summary.passages
