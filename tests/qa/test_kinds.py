"""Answers of a closed kind: a language, a nationality, a colour, a religion (qa/kinds.py)."""

from __future__ import annotations

import pytest

from qa.kinds import COLOUR, LANGUAGE, NATIONALITY, RELIGION, asked_kind, kind_spans


@pytest.mark.parametrize("question, kind", [
    ("Quelle est la langue officielle des États-Unis ?", LANGUAGE),
    ("En quelle langue écrit Forster ?", LANGUAGE),
    ("De quelle nationalité est George Eliott ?", NATIONALITY),
    ("Quelle est la couleur de la robe des sangliers ?", COLOUR),
    ("Quelle était la religion d'Agrippa d'Aubigné ?", RELIGION),
    ("Quelle est la langue la plus parlée ?", LANGUAGE),
    ("Combien de langues sont parlées en Inde ?", None),  # a count
    ("Qui parle la langue bretonne ?", None),
])
def test_the_kind_a_question_asks_for(question: str, kind: str | None) -> None:
    assert asked_kind(question) == kind


@pytest.mark.parametrize("sentence, kind, question, expected", [
    # the word nearest the kind's own noun: « de couleur grise », not « blancs » or « noirs »
    ("La peau des rhinocéros blancs est de couleur grise, plus claire que celle des rhinocéros noirs.", COLOUR,
     "Quelle est la couleur de la peau du rhinocéros blanc ?", "grise"),
    ("Forster écrit dans une prose allemande raffinée.", LANGUAGE, "En quelle langue écrit Forster ?", "allemande"),
    ("Elle a été découverte en 1781 par l'astronome français Charles Messier.", NATIONALITY,
     "Quelle est la nationalité de Charles Messier ?", "français"),
    ("fils du célèbre poète protestant Agrippa d'Aubigné", RELIGION, "Quelle était la religion d'Agrippa d'Aubigné ?", "protestant"),
])
def test_the_word_of_that_kind(sentence: str, kind: str, question: str, expected: str) -> None:
    spans = kind_spans(sentence, kind, question)
    assert spans and sentence[spans[0][0]:spans[0][1]] == expected


def test_a_word_the_question_says_is_not_the_answer() -> None:
    # « blanc » is the question's own word
    sentence = "Le rhinocéros blanc a une peau grise."
    spans = kind_spans(sentence, COLOUR, "Quelle est la couleur de la peau du rhinocéros blanc ?")
    assert [sentence[a:b] for a, b in spans] == ["grise"]


@pytest.mark.parametrize("question, qtype", [
    ("A quelle place se classe l'équipe au classement mondial ?", "nombre"),  # a rank, « 21e »
    ("Quelle est l'étendue de Minneapolis ?", "nombre"),
    ("Quel historien est spécialiste de cet événement ?", "personne"),
    ("Quelle tribu mène une attaque contre les Allemands ?", "personne"),
    ("Quelle association critique l'opération ?", "personne"),
])
def test_question_types_of_ranks_measures_and_people_by_trade(question: str, qtype: str) -> None:
    from qa.qtypes import question_type

    assert question_type(question) == qtype


@pytest.mark.parametrize("question, sentence, expected", [
    ("Quelle route passe entre Vireux-Molhain et Treignes ?", "Elle est desservie par la route de Najauge, qui relie les villages.",
     "route de Najauge"),
    ("Quel cyclone a frappé l'océan Indien en décembre 2013 ?", "Le cyclone Bejisa est un cyclone tropical actif dans l'océan Indien.",
     "cyclone Bejisa"),
    # an adjective before the noun is not the noun; the question's own name is no answer
    ("Quelle nouvelle structure sera créée à Mayotte ?", "La nouvelle Communauté sera créée.", None),
    ("Que s'est-il passé après la bataille de Poudlard ?", "Après la bataille de Poudlard, Harry part.", None),
])
def test_the_name_after_the_questions_noun(question: str, sentence: str, expected: str | None) -> None:
    from qa.extractive import ExtractiveAnswerer
    from qa.features import Candidate

    answerer = ExtractiveAnswerer.__new__(ExtractiveAnswerer)  # only the span rule, no index
    c = Candidate("a.txt", "", 0, len(sentence), sentence, 0, 0.0, 0.0, 0.0, 0, 0, [])
    span = answerer._named_by_noun(type("Q", (), {"text": question})(), c)
    assert (sentence[span[0]:span[1]] if span else None) == expected


@pytest.mark.parametrize("question, kind, sentence, expected", [
    ("Quel animal a offert le père à son fils aîné ?", "animal", "Le père ne lui a jamais donné un chevreau.", "chevreau"),
    ("Avec quel métal est fabriqué le gallion ?", "matériau", "Or, il est en or massif.", "or"),  # not the conjunction
    ("Quel sport pratiquait son père ?", "sport", "Son père, maître d'armes, enseignait l'escrime.", "escrime"),
    ("De quel instrument joue-t-elle ?", "instrument", "Elle joue du piano depuis l'enfance.", "piano"),
])
def test_instruments_animals_materials_and_sports(question: str, kind: str, sentence: str, expected: str) -> None:
    assert asked_kind(question) == kind
    spans = kind_spans(sentence, kind, question)
    assert spans and sentence[spans[0][0]:spans[0][1]] == expected


def test_a_trade() -> None:
    question = "Quel métier exerce Fabien Escalona ?"
    sentence = "Le politologue Fabien Escalona le qualifie de « parti-entreprise »."
    assert asked_kind(question) == "profession"
    spans = kind_spans(sentence, "profession", question)
    assert sentence[spans[0][0]:spans[0][1]] == "politologue"


def test_which_court() -> None:
    from qa.kinds import asks_court, court_spans
    assert asks_court("Quelle juridiction examinera l'appel ?") and asks_court("Devant quel tribunal a-t-il été jugé ?")
    assert not asks_court("Quel est le cours du blé ?")
    text = "Le tribunal correctionnel de Caen l'a condamné ; il reste en fonctions jusqu'à son appel par la cour d'appel de Caen."
    q = "Quelle juridiction examinera son appel ?"
    assert [text[a:b] for a, b in court_spans(text, q)] == ["Le tribunal correctionnel de Caen", "la cour d'appel de Caen"]
    # a court the question already names is not the answer
    assert [text[a:b] for a, b in court_spans(text, "Quel tribunal siège après le tribunal correctionnel de Caen ?")] == \
        ["la cour d'appel de Caen"]


def test_ranks_and_what_is_no_rank() -> None:
    from qa.kinds import asks_rank, rank_spans
    assert asks_rank("Quelle place Inès Morel a-t-elle prise ?")
    assert asks_rank("Quel était le classement de Loïs Boisson ?")
    assert not asks_rank("Quelle est la position de X sur le mariage ?")  # a stance
    def ranks(s: str) -> list[str]:
        return [s[a:b] for a, b in rank_spans(s, "Quelle place ?")]
    assert ranks("Elle a terminé deuxième de la course, à moins d'une seconde de la gagnante.") == ["deuxième"]
    assert ranks("Le premier Français, Hassan Chahdi, a pris la huitième place.") == ["la huitième place"]
    assert ranks("Le Premier ministre a parlé pour la première fois sous la Cinquième République.") == []
