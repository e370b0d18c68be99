"""GGUF discovery (models/discovery.py) and the header reader (models/gguf_info.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.discovery import LLM_ENV, find_gguf, resolve_llm, user_models_dir
from models.errors import ModelMissing
from models.gguf_info import is_gguf, read_metadata, summary


def _fake_gguf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"GGUF" + b"\0" * 60)
    return path


def test_user_models_dir_matches_index_data_dir() -> None:
    from index.locations import data_dir

    assert user_models_dir() == data_dir() / "models"


def test_order_flag_env_setting_project_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flag, env, setting = (_fake_gguf(tmp_path / n / "m.gguf") for n in ("flag", "env", "setting"))
    project, data = tmp_path / "project", tmp_path / "data"
    in_project = _fake_gguf(project / "b.gguf")
    in_data = _fake_gguf(data / "models" / "a.gguf")
    kw = {"setting": setting, "data_dir": data, "project_dir": project}
    monkeypatch.setenv(LLM_ENV, str(env))
    assert resolve_llm(flag, **kw).path == flag.resolve()
    assert resolve_llm(None, **kw).path == env.resolve() and LLM_ENV in resolve_llm(None, **kw).reason
    monkeypatch.delenv(LLM_ENV)
    assert resolve_llm(None, **kw).path == setting.resolve()
    assert resolve_llm(None, data_dir=data, project_dir=project).path == in_project.resolve()
    in_project.unlink()
    choice = resolve_llm(None, data_dir=data, project_dir=project)
    assert choice.path == in_data.resolve() and "données" in choice.reason
    in_data.unlink()
    none = resolve_llm(None, data_dir=data, project_dir=project)
    assert not none.found and none.problem is None and "aucun fichier .gguf" in none.reason
    with pytest.raises(ModelMissing):
        none.require()


def test_explicit_problems_are_reported_not_replaced(tmp_path: Path) -> None:
    _fake_gguf(tmp_path / "models" / "other.gguf")
    missing = resolve_llm(tmp_path / "absent.gguf", data_dir=tmp_path)
    assert not missing.found and "introuvable" in missing.problem
    text = tmp_path / "notes.gguf"
    text.write_text("pas un modèle")
    bad = resolve_llm(text, data_dir=tmp_path)
    assert not bad.found and "n'est pas un modèle GGUF" in bad.problem
    assert resolve_llm(tmp_path / "models").path == (tmp_path / "models" / "other.gguf").resolve()


def test_find_gguf_skips_projectors_and_later_shards(tmp_path: Path) -> None:
    _fake_gguf(tmp_path / "a-mmproj-f16.gguf")
    _fake_gguf(tmp_path / "big-00002-of-00002.gguf")
    first = _fake_gguf(tmp_path / "big-00001-of-00002.gguf")
    _fake_gguf(tmp_path / "sub" / "aaa.gguf")
    assert find_gguf(tmp_path) == first
    assert find_gguf(tmp_path / "nothing") is None


def test_header_reader(tiny_gguf: Path, tmp_path: Path) -> None:
    meta = read_metadata(tiny_gguf)
    s = summary(meta)
    assert s["architecture"] == "llama" and s["chat_template"] and s["context_length"] == 4096
    assert meta["tokenizer.ggml.tokens"] == {"array_length": 354}
    assert is_gguf(tiny_gguf)
    truncated = tmp_path / "cut.gguf"
    truncated.write_bytes(tiny_gguf.read_bytes()[:200])
    with pytest.raises(ModelMissing, match="tronqué"):
        read_metadata(truncated)
    with pytest.raises(ModelMissing, match="pas un modèle GGUF"):
        read_metadata(Path(__file__))


def test_veille_llm_off_disables_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_gguf(tmp_path / "models" / "m.gguf")
    monkeypatch.setenv(LLM_ENV, "off")
    choice = resolve_llm(None, data_dir=tmp_path)
    assert not choice.found and "désactivé" in choice.reason and choice.problem is None


def test_config_round_trip_and_defaults() -> None:
    from models.llm import LLMConfig, physical_cores

    c = LLMConfig(n_ctx=4096, temperature=0.3)
    assert LLMConfig.from_dict(c.as_dict()) == c
    assert LLMConfig.from_dict({"n_ctx": "1024", "bogus": 1, "temperature": "chaud"}) == LLMConfig(n_ctx=1024)
    assert LLMConfig().threads() == physical_cores() >= 1 and LLMConfig().temperature <= 0.2
    assert LLMConfig(n_ctx=1024, max_tokens=256).prompt_budget() == 760
