"""The citation check rejects what a careless answering mode (or LLM) could produce."""

from __future__ import annotations

import dataclasses

import pytest

from qa.answer import Answer, Citation
from qa.citations import CitationError, check_citations, verify_citations
from models.errors import VeilleError

TEXT = "Titre\n\nLe 10 juillet, les deux généraux se sont parlé. Ils ont évoqué la Syrie.\n"
SENT = "Le 10 juillet, les deux généraux se sont parlé."
START = TEXT.index(SENT)


def _answer(**kw) -> Answer:
    base = dict(question="quand ?", text="Le 10 juillet [1]", abstained=False, mode="extractive",
                citations=[Citation(1, "a.txt", "Titre", START, START + len(SENT), SENT)], short_answer="Le 10 juillet")
    base.update(kw)
    return Answer(**base)


def get(source: str) -> str:
    if source != "a.txt":
        raise KeyError(source)
    return TEXT


def test_valid_answer_passes():
    assert verify_citations(_answer(), get) == []
    check_citations(_answer(), get)


def test_wrong_offset_rejected():
    bad = _answer(citations=[Citation(1, "a.txt", "Titre", START + 1, START + 1 + len(SENT), SENT)])
    problems = verify_citations(bad, get)
    assert any("ne correspond pas" in p for p in problems)
    with pytest.raises(CitationError) as err:
        check_citations(bad, get)
    assert isinstance(err.value, VeilleError)


def test_dangling_marker_rejected():
    problems = verify_citations(_answer(text="Le 10 juillet [1], en Syrie [2]"), get)
    assert any("[2]" in p for p in problems)


def test_whole_article_is_not_a_sentence():
    whole = _answer(citations=[Citation(1, "a.txt", "Titre", 0, len(TEXT), TEXT)])
    assert any("phrase" in p for p in verify_citations(whole, get))


def test_out_of_range_and_unknown_article():
    far = _answer(citations=[Citation(1, "a.txt", "Titre", 10, 10_000, "x")])
    assert any("hors" in p for p in verify_citations(far, get))
    unknown = _answer(citations=[Citation(1, "b.txt", "Titre", START, START + len(SENT), SENT)])
    assert any("introuvable" in p for p in verify_citations(unknown, get))


def test_short_answer_must_come_from_citation():
    assert verify_citations(_answer(short_answer="le 11 juillet"), get)


def test_answers_serialise_to_the_json_contract():
    out = _answer().to_json()
    for key in ("question", "answer", "abstained", "mode", "citations", "passages", "timings_ms"):
        assert key in out
    assert set(out["citations"][0]) >= {"n", "source", "title", "start", "end", "quote"}
    assert dataclasses.asdict(_answer())["citations"][0]["quote"] == SENT
