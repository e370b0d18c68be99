"""Citation mapping and verification (qa/grounding.py, qa/llm_answerer.py) on scripted model outputs.

The scripted model (conftest.ScriptedModel) is a stand-in for deterministic text: the same
interface as the llama.cpp wrapper, with answers written by the test.
"""

from __future__ import annotations

import pytest

from models.errors import Cancelled, LLMError
from qa.citations import verify_citations
from qa.grounding import Grounder, split_claims
from qa.llm_answerer import Finished, LLMAnswerer, PromptReady, Retrieved, Token
from qa.prompting import build_prompt

Q = "quand Lecointre a-t-il appelé Guerassimov ?"


def _prompt(extractive, model, question=Q):
    hits = extractive.retrieve(question, 8)
    return build_prompt(question, hits, model, analyzer=extractive.analyzer)


def _n_with(prompt, needle: str) -> int:
    return next(p.n for p in prompt.passages if needle in p.text())


def test_split_claims_moves_trailing_markers_back() -> None:
    claims = split_claims("Il a appelé le 10 juillet. [1] Ils ont parlé de la Syrie [2, 3]. Sans source.")
    assert [c.cited for c in claims] == [[1], [2, 3], []]
    assert claims[0].text == "Il a appelé le 10 juillet."
    assert split_claims("Réponse [passage 2] et [1][4].")[0].cited == [2, 1, 4]
    assert [c.text for c in split_claims("<think>Hmm. Voyons [3].</think>Le 10 juillet [1].")] == ["Le 10 juillet."]


def test_valid_citation_becomes_the_best_sentence(extractive, scripted, article_text) -> None:
    model = scripted()
    prompt = _prompt(extractive, model)
    n = _n_with(prompt, "10 juillet")
    model.script = f"Lecointre et Guerassimov se sont parlé par téléphone le 10 juillet [{n}]."
    answer = LLMAnswerer(extractive, model).ask(Q)
    assert answer.mode == "llm" and not answer.abstained and not answer.unsupported and not answer.notices
    assert answer.text == "Lecointre et Guerassimov se sont parlé par téléphone le 10 juillet [1]."
    c = answer.citations[0]
    assert "10 juillet" in c.quote and article_text(c.source)[c.start:c.end] == c.quote
    assert verify_citations(answer, article_text) == []
    assert answer.model == "scripted.gguf" and answer.to_json()["unsupported"] == []


def test_invented_passage_numbers_are_dropped_and_flagged(extractive, scripted, article_text) -> None:
    model = scripted()
    prompt = _prompt(extractive, model)
    n = _n_with(prompt, "10 juillet")
    model.script = f"Ils se sont parlé le 10 juillet [{n}][9]. Guerassimov a appelé Lecointre [42]."
    answer = LLMAnswerer(extractive, model).ask(Q)
    assert answer.mode == "llm"
    assert answer.invalid_citations == [9, 42]
    assert "[9]" not in answer.text and "[42]" not in answer.text
    assert answer.unsupported == ["Guerassimov a appelé Lecointre."]
    assert any("inexistants" in x for x in answer.notices)
    assert verify_citations(answer, article_text) == []


def test_unsupported_sentence_is_flagged_not_sourced(extractive, scripted, article_text) -> None:
    model = scripted()
    prompt = _prompt(extractive, model)
    n = _n_with(prompt, "10 juillet")
    other = next(p.n for p in prompt.passages if p.n != n)
    model.script = (f"L'appel a eu lieu le 10 juillet [{n}]. "
                    f"La conversation a duré 95 minutes et portait sur le football brésilien [{other}].")
    answer = LLMAnswerer(extractive, model).ask(Q)
    assert answer.mode == "llm" and len(answer.citations) == 1
    assert answer.unsupported == ["La conversation a duré 95 minutes et portait sur le football brésilien."]
    assert answer.text.endswith("football brésilien.")  # kept, but with no marker
    assert verify_citations(answer, article_text) == []


def test_numbers_must_be_in_the_cited_passage(extractive, scripted) -> None:
    model = scripted()
    prompt = _prompt(extractive, model)
    n = _n_with(prompt, "10 juillet")
    model.script = f"Lecointre a appelé Guerassimov le 14 juillet [{n}]."
    answer = LLMAnswerer(extractive, model).ask(Q)
    assert answer.mode == "extractive" and answer.citations  # fell back: nothing verifiable
    assert any("extractive" in x for x in answer.notices)


def test_no_valid_citation_falls_back_to_extractive(extractive, scripted, article_text) -> None:
    answer = LLMAnswerer(extractive, scripted("Le 10 juillet, sans doute.")).ask(Q)
    plain = extractive.ask(Q)
    assert answer.mode == "extractive" and answer.text == plain.text
    assert answer.notices and "réponse extractive" in answer.notices[-1]
    assert verify_citations(answer, article_text) == []


def test_model_abstention_is_an_abstention(extractive, scripted) -> None:
    answer = LLMAnswerer(extractive, scripted("Les articles ne permettent pas de répondre à cette question.")).ask(
        "Qui a remporté la Coupe du monde de football en 2018 ?")
    assert answer.mode == "llm" and answer.abstained and not answer.citations and answer.passages


def test_failure_inside_generation_falls_back(extractive, scripted) -> None:
    for exc in (LLMError("décodage impossible"), RuntimeError("llama_decode returned -3")):
        answer = LLMAnswerer(extractive, scripted("x", fail=exc)).ask(Q)
        assert answer.mode == "extractive" and answer.citations
        assert "a échoué" in answer.notices[-1]


def test_stream_events_and_cancellation(extractive, scripted) -> None:
    from index.progress import CancelToken

    model = scripted("Une réponse de plusieurs mots sans la moindre citation.")
    events = list(LLMAnswerer(extractive, model).stream(Q))
    assert isinstance(events[0], Retrieved) and isinstance(events[1], PromptReady)
    tokens = [e.text for e in events if isinstance(e, Token)]
    assert "".join(tokens) == model.script and len(tokens) > 3
    assert isinstance(events[-1], Finished) and sum(isinstance(e, Finished) for e in events) == 1
    cancel = CancelToken()
    stream = LLMAnswerer(extractive, model).stream(Q, cancel=cancel)
    with pytest.raises(Cancelled):
        for e in stream:
            if isinstance(e, Token):
                cancel.cancel()
    assert not model.lock.locked()


def test_grounder_picks_sentence_by_overlap(extractive, scripted) -> None:
    prompt = _prompt(extractive, scripted())
    p = prompt.passages[0]
    if len(p.sentences) < 2:
        pytest.skip("le premier passage n'a qu'une phrase")
    target = p.sentences[-1]
    claim = p.sentence_text(target)
    span, score = Grounder(extractive.analyzer).best_sentence(claim, p)
    assert span == target and score > 0
