"""``veille ask --mode/--llm`` and ``veille info`` (qa/cli.py), and ``bench/llm.py`` without a model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qa.cli import main
from tests.llm.conftest import _need_llama_cpp

ROOT = Path(__file__).resolve().parents[2]
Q = "quand Lecointre a-t-il appelé Guerassimov ?"


def _ask(capsys, sample_index: Path, *extra: str) -> tuple[str, str]:
    code = main(["ask", Q, "--corpus", str(ROOT / "corpus"), "--index", str(sample_index), *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out, err


def test_no_model_means_extractive_said_plainly(capsys, sample_index) -> None:
    d = json.loads(_ask(capsys, sample_index, "--json")[0])
    assert d["mode"] == "extractive" and "10 juillet" in d["answer"]
    assert any("aucun modèle GGUF" in n for n in d["notices"])
    assert d["unsupported"] == [] and d["invalid_citations"] == [] and d["model"] == ""
    out, _ = _ask(capsys, sample_index)
    assert "Remarque : Mode extractif" in out
    d = json.loads(_ask(capsys, sample_index, "--json", "--mode", "extractive")[0])
    assert d["mode"] == "extractive" and d["notices"] == []


def test_llm_off_is_said_as_such(capsys, sample_index, monkeypatch) -> None:
    monkeypatch.setenv("VEILLE_LLM", "off")
    d = json.loads(_ask(capsys, sample_index, "--json")[0])
    assert d["mode"] == "extractive" and "désactivé" in d["notices"][0]


def test_missing_explicit_model_is_explained(capsys, sample_index, tmp_path) -> None:
    d = json.loads(_ask(capsys, sample_index, "--json", "--mode", "llm", "--llm", str(tmp_path / "absent.gguf"))[0])
    assert d["mode"] == "extractive" and "introuvable" in d["notices"][0]


def test_tiny_model_streams_then_falls_back(capsys, sample_index, tiny_gguf) -> None:
    _need_llama_cpp()
    out, err = _ask(capsys, sample_index, "--llm", str(tiny_gguf), "--mode", "llm")
    assert "tiny-llama.gguf" in err and "jetons" in err
    assert "Réponse vérifiée (extractive)" in out and "Sources :" in out
    assert "Remarque : Le modèle n'a cité aucun passage" in out
    d = json.loads(_ask(capsys, sample_index, "--llm", str(tiny_gguf), "--json")[0])
    assert d["mode"] == "extractive" and d["citations"] and "réponse extractive" in d["notices"][-1]


def test_info_says_which_model_and_why(capsys, tiny_gguf, monkeypatch) -> None:
    assert main(["info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["llm"]["path"] is None and info["llm"]["mode"] == "extractive"
    assert info["embedder"]["path"] and info["corpus"]["path"] and info["index"]["state"]
    monkeypatch.setenv("VEILLE_LLM", str(tiny_gguf))
    assert main(["info", "--json"]) == 0
    llm = json.loads(capsys.readouterr().out)["llm"]
    assert llm["path"] == str(tiny_gguf.resolve()) and "VEILLE_LLM" in llm["reason"]
    assert llm["model"]["architecture"] == "llama" and llm["model"]["chat_template"] is True
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "Modèle LLM : " + str(tiny_gguf.resolve()) in out and "Embeddings" in out


def test_bench_without_a_model_says_so(tmp_path) -> None:
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "llm.py")], capture_output=True, text=True, cwd=ROOT,
                       env={"PATH": "/usr/bin:/bin", "VEILLE_DATA": str(tmp_path), "HOME": str(tmp_path),
                            "VEILLE_LLM": "off"})
    assert r.returncode == 0 and "Pas de modèle GGUF" in r.stdout and "désactivé" in r.stdout


@pytest.mark.slow
def test_bench_runs_on_the_tiny_model(tiny_gguf, sample_index, tmp_path) -> None:
    _need_llama_cpp()
    out = tmp_path / "bench.json"
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "llm.py"), "--llm", str(tiny_gguf), "--limit", "2",
                        "--index", str(sample_index), "--ctx", "4096", "--prompt-tokens", "3000", "--max-tokens", "16",
                        "--out", str(out)], capture_output=True, text=True, cwd=ROOT,
                       env={"PATH": "/usr/bin:/bin", "VEILLE_DATA": str(tmp_path), "HOME": str(tmp_path),
                            "HF_HUB_OFFLINE": "1"})
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    assert data["summary"]["questions"] == 2 and data["rows"][0]["prompt_tokens"] > 0
