"""The ``veille`` command line as scripts use it: JSON contracts, exit codes, user errors."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from qa.cli import main
from tests.conftest import ROOT, SAMPLE_CORPUS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_finds_the_lecointre_call(capsys: pytest.CaptureFixture[str], sample_index: Path) -> None:
    code, out, _ = run(capsys, "search", "Lecointre Guerassimov entretien téléphonique", "--json",
                       "--corpus", str(SAMPLE_CORPUS), "--index", str(sample_index))
    assert code == 0
    result = json.loads(out)
    assert result["query"] == "Lecointre Guerassimov entretien téléphonique"
    assert set(result["hits"][0]) >= {"rank", "source", "title", "start", "end", "score", "text"}
    assert "timings_ms" in result
    top3 = result["hits"][:3]
    assert any(h["source"] == "003_546b02830ba72005.txt" and "10 juillet" in h["text"] for h in top3)
    for h in result["hits"]:
        text = (SAMPLE_CORPUS / h["source"]).read_text(encoding="utf-8")
        assert text[h["start"] : h["end"]] == h["text"]


def test_search_relevance_follows_the_rank(capsys: pytest.CaptureFixture[str], sample_index: Path) -> None:
    """The reranked order comes with the reranker's probability, which never increases down the
    list (the fused ``score`` may: it is what the reranker started from)."""
    code, out, _ = run(capsys, "search", "Quand Lecointre a-t-il appelé Guerassimov ?", "--json", "-k", "10",
                       "--corpus", str(SAMPLE_CORPUS), "--index", str(sample_index))
    assert code == 0
    rel = [h["relevance"] for h in json.loads(out)["hits"]]
    assert all(r is not None and 0.0 < r <= 1.0 for r in rel)
    assert rel == sorted(rel, reverse=True)
    assert sum(rel) <= 1.0 + 1e-6


def test_search_batch(capsys: pytest.CaptureFixture[str], sample_index: Path, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "a", "query": "porte-avions Charles de Gaulle"}\n{"id": 2, "query": "Otan Pavel"}\n', encoding="utf-8")
    code, out, _ = run(capsys, "search", "--batch", str(batch), "--json", "-k", "3",
                       "--corpus", str(SAMPLE_CORPUS), "--index", str(sample_index))
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in lines] == ["a", 2]
    assert all(len(r["hits"]) == 3 for r in lines)
    assert lines[1]["hits"][0]["source"] == "001_f27857910a253753.txt"


def test_show_prints_the_text_offsets_refer_to(capsys: pytest.CaptureFixture[str], sample_index: Path) -> None:
    src = "002_4066432a79b64ac8.txt"
    code, out, _ = run(capsys, "show", src, "--json", "--corpus", str(SAMPLE_CORPUS), "--index", str(sample_index))
    art = json.loads(out)
    assert code == 0 and set(art) >= {"source", "title", "date", "text"}  # contract: keys only added
    assert art["text"] == (SAMPLE_CORPUS / src).read_text(encoding="utf-8")


def test_index_summary_counts(capsys: pytest.CaptureFixture[str], corpus_copy: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "index", "--corpus", str(corpus_copy), "--index", str(tmp_path / "i"))
    assert code == 0 and "5 ajouté(s)" in out and "passages" in out
    assert "Index prêt" in err  # progress on stderr
    code, out, err = run(capsys, "index", "-q", "--corpus", str(corpus_copy), "--index", str(tmp_path / "i"))
    assert code == 0 and "5 inchangé(s)" in out and err == ""


@pytest.mark.parametrize(
    "argv, message",
    [
        (["search", "x", "--corpus", "/nonexistent/corpus"], "n'existe pas"),
        (["index", "--corpus", "{empty}"], "aucun article"),
        (["show", "inconnu.txt", "--corpus", str(SAMPLE_CORPUS), "--index", "{index}"], "inconnu"),
    ],
)
def test_user_errors_are_one_line_without_traceback(argv: list[str], message: str, tmp_path: Path, sample_index: Path) -> None:
    (tmp_path / "empty").mkdir()
    argv = [a.replace("{empty}", str(tmp_path / "empty")).replace("{index}", str(sample_index)) for a in argv]
    result = subprocess.run([sys.executable, "-m", "qa.cli", *argv], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr


def test_end_to_end_run_never_touches_the_network(
    capsys: pytest.CaptureFixture[str], corpus_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fresh model load, index build and search with every socket connection refused."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network disabled by test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    code, out, _ = run(capsys, "search", "Choïgou Le Drian Moscou", "--json", "--corpus", str(corpus_copy),
                       "--index", str(tmp_path / "index"))
    assert code == 0 and json.loads(out)["hits"][0]["source"] == "002_4066432a79b64ac8.txt"
    assert attempts == []
