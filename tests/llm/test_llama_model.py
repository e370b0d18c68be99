"""The real llama-cpp-python path on a tiny GGUF built by the test (models/llm.py).

Skipped only when llama_cpp is not importable. The tiny model's weights are random, so its
text is noise: these tests check loading, templating, token budgets, streaming, cancellation,
locking, failures and the fallback, never answer quality.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from index.progress import CancelToken
from models.errors import Cancelled, LLMError, ModelMissing
from models.llm import GenerationStats, LlamaModel, StopFilter
from qa.citations import verify_citations
from qa.llm_answerer import Finished, LLMAnswerer, Token
from qa.prompting import SYSTEM_PROMPT, build_prompt
from tests.llm.conftest import TINY_CONFIG, _need_llama_cpp

Q = "quand Lecointre a-t-il appelé Guerassimov ?"


def test_uses_the_gguf_chat_template(tiny_model) -> None:
    text = tiny_model.render([{"role": "system", "content": "S"}, {"role": "user", "content": "U"}])
    assert tiny_model.template_source == "gguf"
    assert text == "<s><|system|>\nS\n<|user|>\nU\n<|assistant|>\n"
    assert tiny_model.tokenize(text)[0] == 1  # the template's BOS, once (not added twice)


def test_falls_back_to_a_simple_template(tiny_gguf_no_template: Path) -> None:
    _need_llama_cpp()
    model = LlamaModel(tiny_gguf_no_template, TINY_CONFIG).load()
    try:
        text = model.render([{"role": "system", "content": "S"}, {"role": "user", "content": "U"}])
        assert model.template_source == "simple" and "### Instructions\nS" in text and text.endswith("### Réponse\n")
    finally:
        model.close()


def test_template_without_system_role_gets_it_folded_in(tmp_path: Path) -> None:
    _need_llama_cpp()
    pytest.importorskip("gguf")
    from tests.llm.tiny_gguf import build_tiny_llama

    no_system = ("{% for m in messages %}{% if m['role'] == 'system' %}{{ raise_exception('System role not supported') }}"
                 "{% endif %}<turn>{{ m['role'] }}\n{{ m['content'] }}\n{% endfor %}<turn>model\n")
    model = LlamaModel(build_tiny_llama(tmp_path / "gemma-like.gguf", chat_template=no_system), TINY_CONFIG).load()
    try:
        text = model.render([{"role": "system", "content": "S"}, {"role": "user", "content": "U"}])
        assert model.template_source == "gguf" and text == "<turn>user\nS\n\nU\n<turn>model"  # Jinja drops the final newline
    finally:
        model.close()


def test_streams_pieces_with_stats(tiny_model) -> None:
    stats = GenerationStats()
    pieces = list(tiny_model.stream(tiny_model.render([{"role": "user", "content": "Bonjour"}]), max_tokens=20,
                                    stats=stats))
    assert len(pieces) >= 2 and stats.completion_tokens <= 20
    assert stats.prompt_tokens > 5 and stats.first_token_s > 0 and stats.total_s >= stats.first_token_s
    assert stats.finish_reason in ("stop", "length")
    assert not tiny_model.lock.locked()


def test_prefix_kv_cache_is_reused_across_questions(tiny_model) -> None:
    def prompt(q: str) -> str:
        return tiny_model.render([{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": q}])

    list(tiny_model.stream(prompt("Première question ?"), max_tokens=2))
    stats = GenerationStats()
    list(tiny_model.stream(prompt("Deuxième question ?"), max_tokens=2, stats=stats))
    assert stats.cached_tokens >= tiny_model.count_tokens(prompt("")) - 25


def test_cancellation_stops_within_a_fraction_of_a_second(tiny_model) -> None:
    cancel = CancelToken()
    first = threading.Event()
    outcome: dict[str, object] = {}

    def consume() -> None:
        try:
            for _ in tiny_model.stream(tiny_model.render([{"role": "user", "content": "x"}]), max_tokens=3500,
                                       cancel=cancel):
                first.set()
                time.sleep(0.002)
            outcome["result"] = "finished"
        except Cancelled:
            outcome["result"] = "cancelled"
        outcome["t"] = time.perf_counter()

    worker = threading.Thread(target=consume)
    worker.start()
    assert first.wait(10)
    t0 = time.perf_counter()
    cancel.cancel()
    worker.join(5)
    assert outcome["result"] == "cancelled" and float(outcome["t"]) - t0 < 0.3
    assert not tiny_model.lock.locked()
    assert list(tiny_model.stream(tiny_model.render([{"role": "user", "content": "y"}]), max_tokens=3))  # still usable


def test_cancel_before_start_and_during_prompt(tiny_model) -> None:
    cancel = CancelToken()
    cancel.cancel()
    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        list(tiny_model.stream("z" * 3000, max_tokens=5, cancel=cancel))
    assert time.perf_counter() - t0 < 1.0 and not tiny_model.lock.locked()


def test_one_generation_at_a_time(tiny_model) -> None:
    prompt = tiny_model.render([{"role": "user", "content": "a"}])
    gen = tiny_model.stream(prompt, max_tokens=50)
    next(gen)
    assert tiny_model.lock.locked()
    other: list[str] = []
    t = threading.Thread(target=lambda: other.extend(tiny_model.stream(prompt, max_tokens=3)))
    t.start()
    time.sleep(0.2)
    assert not other and t.is_alive()  # waits for the first generation
    gen.close()
    t.join(5)
    assert other and not tiny_model.lock.locked()


def test_prompt_budget_in_real_tokens(tiny_model, extractive) -> None:
    hits = extractive.retrieve(Q, 8)
    base = build_prompt(Q, [], tiny_model, budget=10_000).tokens  # the tiny model: ~1 token per character
    for budget in (base + 1500, base + 400, base + 80):
        prompt = build_prompt(Q, hits, tiny_model, budget=budget, analyzer=extractive.analyzer)
        assert prompt.tokens == tiny_model.count_tokens(prompt.text) <= budget
        if budget > base + 300:
            assert prompt.passages  # at least part of the best passage


def test_too_long_prompt_is_an_llm_error(tiny_model) -> None:
    with pytest.raises(LLMError, match="dépassent le contexte"):
        list(tiny_model.stream("a" * 5000))


def test_random_model_falls_back_to_extractive(tiny_model, extractive, article_text) -> None:
    answerer = LLMAnswerer(extractive, tiny_model)
    events = list(answerer.stream(Q))
    tokens = [e for e in events if isinstance(e, Token)]
    final = events[-1]
    assert isinstance(final, Finished) and tokens and final.raw == "".join(t.text for t in tokens)
    answer = final.answer
    assert answer.mode == "extractive" and "10 juillet" in answer.text
    assert answer.notices and "réponse extractive" in answer.notices[-1]
    assert verify_citations(answer, article_text) == []
    assert final.stats is not None and final.stats.prompt_tokens <= TINY_CONFIG.prompt_budget(4096)


@pytest.mark.parametrize("content, error", [
    (b"GGUF" + b"\x03\x00\x00\x00" + b"\xff" * 8, ModelMissing),  # truncated header
    (b"not a model at all", ModelMissing),
])
def test_broken_files_give_clear_errors(tmp_path: Path, content: bytes, error: type) -> None:
    _need_llama_cpp()
    path = tmp_path / "broken.gguf"
    path.write_bytes(content)
    with pytest.raises(error):
        LlamaModel(path).load()


def test_corrupt_tensors_are_an_llm_error(tiny_gguf: Path, tmp_path: Path) -> None:
    _need_llama_cpp()
    data = tiny_gguf.read_bytes()
    cut = tmp_path / "cut-tensors.gguf"
    cut.write_bytes(data[: len(data) - 50_000])  # header intact, tensor data missing
    with pytest.raises(LLMError, match="Impossible de charger"):
        LlamaModel(cut).load()
    unknown = tmp_path / "unknown-arch.gguf"
    unknown.write_bytes(data.replace(b"llama", b"zzzzz"))
    with pytest.raises(LLMError):
        LlamaModel(unknown).load()


def test_stop_filter_holds_back_partial_stops() -> None:
    f = StopFilter(("<|im_end|>",))
    assert f.feed("Bonjour <|im") == "Bonjour "
    assert f.feed("_e") == ""
    assert f.feed("nd|> reste") == "" and f.stopped
    g = StopFilter(("<|im_end|>",))
    assert g.feed("a <|") == "a " and g.feed("y") == "<|y" and g.flush() == ""
    h = StopFilter(("</s>",))
    assert h.feed("fin </") == "fin " and h.flush() == "</"
