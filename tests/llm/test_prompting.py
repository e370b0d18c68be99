"""Prompt assembly within the token budget (qa/prompting.py)."""

from __future__ import annotations

from models.llm import LLMConfig
from qa.prompting import SYSTEM_PROMPT, build_prompt

Q = "Combien de Russes combattent pour des groupes jihadistes en Syrie et en Irak ?"


def _hits(extractive, q=Q, k=8):
    return extractive.retrieve(q, k)


def test_everything_fits_when_the_budget_allows(extractive, scripted) -> None:
    model = scripted()
    hits = _hits(extractive)
    prompt = build_prompt(Q, hits, model, budget=10_000, max_passages=4)
    assert [p.hit.rank for p in prompt.passages] == [h.rank for h in hits[:4]]
    assert [p.n for p in prompt.passages] == [1, 2, 3, 4]
    assert not any(p.trimmed for p in prompt.passages)
    assert prompt.dropped == [h.rank for h in hits[4:]]
    assert prompt.tokens == model.count_tokens(prompt.text) <= prompt.budget
    assert prompt.messages[0]["content"] == SYSTEM_PROMPT and f"Question : {Q}\n" in prompt.messages[1]["content"]
    for p in prompt.passages:
        assert f"[{p.n}] " in prompt.text and p.text() == " ".join(p.hit.passage.text.split())


def test_lowest_ranked_are_dropped_first_and_never_cut_mid_sentence(extractive, scripted) -> None:
    model = scripted()
    hits = _hits(extractive)
    full = build_prompt(Q, hits, model, budget=10_000, max_passages=6)
    for budget in (full.tokens - 30, full.tokens // 2, full.tokens // 3):
        prompt = build_prompt(Q, hits, model, budget=budget, max_passages=6)
        assert prompt.tokens <= budget
        ranks = [p.hit.rank for p in prompt.passages]
        assert ranks == [h.rank for h in hits[: len(ranks)]]  # a prefix of the ranking
        for p in prompt.passages:
            whole = set(p.hit.passage.sentences)
            assert set(p.sentences) <= whole  # whole sentences only
            if not p.trimmed:
                assert set(p.sentences) == whole
        assert all(p.trimmed for p in prompt.passages[-1:]) or len(prompt.passages) < 6


def test_trimming_keeps_the_best_matching_sentences(extractive, scripted) -> None:
    from qa.prompting import overlap_scorer

    model = scripted()
    hit = next(h for h in _hits(extractive) if len(h.passage.sentences) > 2)
    p0 = hit.passage
    score = overlap_scorer(Q, extractive.analyzer)
    best = max(p0.sentences, key=lambda sp: (score(p0.text[sp[0] - p0.start: sp[1] - p0.start]), -sp[0]))
    base = build_prompt(Q, [], model, budget=10_000).tokens
    prompt = build_prompt(Q, [hit], model, budget=base + model.count_tokens(p0.text) * 2 // 3)
    (p,) = prompt.passages
    assert p.trimmed and best in p.sentences and len(p.sentences) < len(p0.sentences)
    assert list(p.sentences) == sorted(p.sentences)  # reading order


def test_fixed_prefix_is_identical_across_questions(extractive, scripted) -> None:
    model = scripted()
    a = build_prompt(Q, _hits(extractive), model)
    b = build_prompt("quand Lecointre a-t-il appelé Guerassimov ?", _hits(extractive, "Lecointre Guerassimov"), model)
    prefix = model.render([{"role": "system", "content": SYSTEM_PROMPT}])
    assert a.text.startswith(prefix.rsplit("<|assistant|>", 1)[0]) and b.text.startswith(prefix.rsplit("<|assistant|>", 1)[0])


def test_default_budget_comes_from_the_config(extractive, scripted) -> None:
    model = scripted(config=LLMConfig(n_ctx=1024, max_tokens=256, prompt_tokens=800), n_ctx=1024)
    prompt = build_prompt(Q, _hits(extractive), model)
    assert prompt.budget == 1024 - 256 - 8 and prompt.tokens <= prompt.budget
