"""The extractive answerer on the sample corpus, with the real model and index."""

from __future__ import annotations

import pytest

from index.analysis import fold
from qa.answer import ABSTAIN_TEXT
from qa.citations import verify_citations
from qa.evaluate import contains_answer, short_answer_correct


def _check(answer, article_text):
    assert verify_citations(answer, article_text) == []
    for c in answer.citations:
        assert article_text(c.source)[c.start : c.end] == c.quote


def test_lecointre_call_date_with_other_mention(answerer, article_text):
    ans = answerer.ask("quand Lecointre a-t-il appelé Guerassimov ?")
    _check(ans, article_text)
    assert not ans.abstained and ans.mode == "extractive" and ans.qtype == "date"
    assert "10 juillet" in ans.short_answer
    assert ans.text.startswith(ans.short_answer[:1].upper() + ans.short_answer[1:] + " [1]")
    first = ans.citation(1)
    assert first.source.startswith("003_") and "10 juillet" in first.quote and "Guerassimov" in first.quote
    # the other article says « il y a quelques mois »: listed with its own citation
    assert any("il y a quelques mois" in m.text for m in ans.other_mentions)
    m = next(m for m in ans.other_mentions if "quelques mois" in m.text)
    assert ans.citation(m.citation).source.startswith("000_") and f"[{m.citation}]" in ans.text
    # the short answer is an exact span of the cited sentence
    s, e = ans.short_answer_span
    assert article_text(first.source)[s:e] == ans.short_answer and first.start <= s < e <= first.end


@pytest.mark.parametrize("question, qtype, expected", [
    ("Quand le Conseil Otan-Russie s'est-il réuni pour la première fois depuis l'annexion de la Crimée ?", "date", "avril 2016"),
    ("Combien de Russes combattent pour des groupes jihadistes en Syrie et en Irak ?", "nombre", "2.900"),
    ("Combien de temps a duré l'entretien entre Villiers et Guerassimov ?", "nombre", "une heure"),
    ("Qui est le chef du comité militaire de l'Otan ?", "personne", "Petr Pavel"),
    ("Où Le Drian a-t-il rencontré Choïgou ?", "lieu", "Moscou"),
])
def test_question_types(answerer, article_text, question, qtype, expected):
    ans = answerer.ask(question)
    _check(ans, article_text)
    assert ans.qtype == qtype
    assert not ans.abstained
    assert short_answer_correct(ans.short_answer, [expected]), ans.short_answer
    assert expected in ans.citation(1).quote


def test_open_question_gives_the_sentence(answerer, article_text):
    ans = answerer.ask("Pourquoi la France a-t-elle annulé la livraison des Mistral à la Russie ?")
    _check(ans, article_text)
    assert ans.qtype == "autre" and not ans.abstained
    assert contains_answer(ans.citation(1).quote, ["en raison du conflit ukrainien"])
    assert ans.text == f"« {ans.citation(1).quote} » [1]"


def test_english_question(answerer, article_text):
    ans = answerer.ask("When did Lecointre call Gerasimov?")
    _check(ans, article_text)
    assert ans.qtype == "date" and not ans.abstained
    assert "10 juillet" in ans.short_answer or "quelques mois" in ans.short_answer


def test_english_fuzzy_names_reach_the_article(answerer):
    assert "guerassimov" in fold(answerer.expand_query("When did Pavel call Gerasimov?"))


@pytest.mark.parametrize("question", [
    "Qui a remporté la Coupe du monde de football en 2018 ?",
    "Quel est le budget annuel de l'armée française ?",
])
def test_unanswerable_abstains_but_lists_passages(answerer, question):
    ans = answerer.ask(question, k=3)
    assert ans.abstained
    assert ans.text == ABSTAIN_TEXT and ans.citations == [] and ans.short_answer == ""
    assert 1 <= len(ans.passages) <= 3


def test_sample_question_set(answerer, article_text, sample_questions):
    """Every answerable sample question is answered right (short answer and cited sentence), and
    every unanswerable one abstains."""
    failures = []
    for d in sample_questions:
        ans = answerer.ask(d["question"])
        _check(ans, article_text)
        if d["answers"]:
            ok = (not ans.abstained and contains_answer(ans.citation(1).quote, d["answers"])
                  and (ans.qtype == "autre" or short_answer_correct(ans.short_answer, d["answers"])))
        else:
            ok = ans.abstained
        if not ok:
            failures.append((d["id"], ans.text))
    assert failures == []


def test_lecointre_cites_the_sentence_stating_the_call(answerer):
    ans = answerer.ask("quand Lecointre a-t-il appelé Guerassimov ?")
    assert ans.text.startswith("Le 10 juillet [1]")
    assert ans.citation(1).quote.startswith("«Le 10 juillet, le chef d’État-Major")


@pytest.mark.parametrize("question, expected", [
    # the date next to the words of the question, not the one of another event in a longer sentence
    ("Quand ont eu lieu les attentats de Paris ?", "13 novembre"),
    # the whole organisation name (« de l' » joins a name chain)
    ("Qui a adopté à l'unanimité une résolution ouvrant la voie à un cessez-le-feu en Syrie ?", "Conseil de Sécurité de l'ONU"),
    # « depuis 2014 » is a duration, not the date of the call
    ("When did Petr Pavel and Gerasimov talk on the phone?", "3 mars"),
])
def test_answer_choice_rules(answerer, question, expected):
    ans = answerer.ask(question)
    assert not ans.abstained and expected in ans.short_answer, ans.text


@pytest.mark.parametrize("question", [
    "Quand Emmanuel Macron a-t-il reçu Vladimir Poutine à Versailles ?",  # a name the corpus never mentions
    "Where was the NATO summit held in 2019?",  # an acronym absent from the corpus (it says « Otan »)
    "Quel est le prix d'un porte-avions nucléaire ?",  # no amount of money in any likely sentence
])
def test_unanswerable_by_rule(answerer, question):
    assert answerer.ask(question).abstained


def test_unknown_names(answerer):
    assert answerer.unknown_names("Where did Le Drian meet Shoigu?") == []  # Shoigu ~ Choïgou
    assert answerer.unknown_names("When did Lecointre call Gerasimov?") == []
    assert answerer.unknown_names("Quand Macron est-il allé à Versailles ?") == ["Versailles"]
    assert answerer.unknown_names("Que dit l'OTAN ?") == []  # in the corpus as « Otan »
