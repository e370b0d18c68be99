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


# -- a one-sentence article may be cited whole (PIAF paragraphs often are one sentence) -----------
ONE = "La construction du bâtiment fut commandée en 1910 par Frank Woolworth qui désirait un bâtiment " \
      "construit dans un style néogothique sur Broadway, en face du New York City Hall, " + " ".join(["mot"] * 40) + "."


def test_single_sentence_article_can_be_cited_whole():
    ans = _answer(text="Frank Woolworth [1]", short_answer="Frank Woolworth",
                  citations=[Citation(1, "one.txt", "Titre", 0, len(ONE), ONE)])
    assert verify_citations(ans, lambda s: ONE) == []


def test_two_sentences_on_one_line_are_not_one_citation():
    two = TEXT.strip().split("\n")[-1]
    ans = _answer(citations=[Citation(1, "a.txt", "Titre", TEXT.index(two), TEXT.index(two) + len(two), two)])
    assert any("plus qu'une phrase" in p for p in verify_citations(ans, get))


# -- repair: what `veille ask` does instead of failing ---------------------------------------------
from qa.answer import Mention  # noqa: E402
from qa.citations import repair_citations  # noqa: E402

OTHER = "Ils ont évoqué la Syrie."


def test_repair_keeps_a_sound_answer_unchanged():
    ans = repair_citations(_answer(), get)
    assert ans.text == "Le 10 juillet [1]" and not ans.abstained and ans.citation_warnings == []


def test_repair_reanchors_shifted_offsets():
    bad = _answer(citations=[Citation(1, "a.txt", "Titre", START + 3, START + 3 + len(SENT), SENT)])
    ans = repair_citations(bad, get)
    assert verify_citations(ans, get) == [] and not ans.abstained
    assert ans.citation(1).start == START and ans.citation_warnings


def test_repair_drops_a_bad_secondary_citation_and_its_mention():
    bad = _answer(text="Le 10 juillet [1]. Autre mention : « en Syrie » [2].",
                  citations=[Citation(1, "a.txt", "Titre", START, START + len(SENT), SENT),
                             Citation(2, "a.txt", "Titre", 0, 5, "pas dans le texte")],
                  other_mentions=[Mention("en Syrie", 2)])
    ans = repair_citations(bad, get)
    assert verify_citations(ans, get) == [] and not ans.abstained
    assert [c.n for c in ans.citations] == [1] and ans.other_mentions == [] and "[2]" not in ans.text


def test_repair_falls_back_to_the_sentence_when_the_short_answer_is_not_in_it():
    ans = repair_citations(_answer(short_answer="le 11 juillet", text="Le 11 juillet [1]"), get)
    assert verify_citations(ans, get) == [] and not ans.abstained
    assert ans.text == f"« {SENT} » [1]" and ans.short_answer == "" and ans.citation_warnings


def test_repair_abstains_when_nothing_sound_is_left():
    bad = _answer(citations=[Citation(1, "b.txt", "Titre", START, START + len(SENT), SENT)])
    ans = repair_citations(bad, get)
    assert ans.abstained and ans.citations == [] and ans.citation_warnings
    assert "citation_warnings" in ans.to_json()
