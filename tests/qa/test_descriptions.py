"""« Qui est X ? »: the answer says what X is, from an apposition beside the name, never another name."""

from __future__ import annotations

import pytest

from qa.citations import verify_citations
from qa.descriptions import description_spans
from qa.qtypes import OTHER, PERSON, defined_name, question_type

CALL = ("«Le 10 juillet, le chef d’État-Major des forces armées de la Fédération de Russie, vice-ministre de la "
        "Défense russe, le général Valeri Guerassimov, a eu un échange téléphonique avec le chef des armées "
        "françaises, général d’armée, François Lecointre», indique un communiqué.")
PAIR = ("En effet, pour la première fois depuis 2014, le général tchèque Petr Pavel, le chef du comité militaire "
        "de l’Otan, et le général Valéri Guerassimov, le chef d’état-major des forces armées russes, ont eu un "
        "entretien téléphonique, le 3 mars.")


def spans(sentence: str, name: str) -> list[tuple[str, bool]]:
    return [(sentence[s:e], strong) for (s, e), strong in description_spans(sentence, name)]


@pytest.mark.parametrize("question, name", [
    ("Qui est Valeri Guerassimov ?", "Valeri Guerassimov"),
    ("qui est Jean de Lattre de Tassigny?", "Jean de Lattre de Tassigny"),
    ("Who is Valeri Gerasimov?", "Valeri Gerasimov"),
    ("Qui était Pie IV ?", "Pie IV"),
])
def test_definition_questions(question: str, name: str) -> None:
    assert question_type(question) == OTHER and defined_name(question) == name


@pytest.mark.parametrize("question", [
    "Qui est le chef du comité militaire de l'Otan ?",
    "Qui est l'homologue russe de Jean-Yves Le Drian ?",
    "Qui a appelé Guerassimov ?",
])
def test_questions_asking_for_a_name_stay_person(question: str) -> None:
    assert question_type(question) == PERSON and defined_name(question) is None


def test_apposition_before_the_name() -> None:
    assert spans(CALL, "Valeri Guerassimov")[0] == (
        "le chef d’État-Major des forces armées de la Fédération de Russie, vice-ministre de la Défense russe", True)


def test_apposition_after_the_name_and_coordinated_names() -> None:
    assert spans(PAIR, "Petr Pavel")[0] == ("le chef du comité militaire de l’Otan", True)
    # what precedes « et le général Valéri Guerassimov » describes Pavel, not him
    got = spans(PAIR, "Valeri Guerassimov")
    assert got[0] == ("le chef d’état-major des forces armées russes", True)
    assert all("Pavel" not in text and "Otan" not in text for text, _ in got)


def test_copula_title_and_clauses_refused() -> None:
    assert spans("Walter Rodney est un historien guyanien né en 1942.", "Walter Rodney")[0][0] == (
        "un historien guyanien né en 1942")
    assert spans("Le ministre français de la Défense Jean-Yves Le Drian a rencontré son homologue.",
                 "Jean-Yves Le Drian")[0] == ("Le ministre français de la Défense", True)
    # a clause after the comma is not a description
    assert spans("Il a parlé avec Valeri Guerassimov, précisant que tout allait bien.", "Valeri Guerassimov") == []
    assert spans("Valeri Guerassimov, a-t-il dit, est parti.", "Valeri Guerassimov") == []


def test_apposition_ending_a_clause_and_opening_a_sentence() -> None:
    hamel = ("L'affaire avait été révélée en 2023 par un signalement d'Anticor à la suite des alertes d'une ancienne "
             "directrice des services, Sandrine Hamel, licenciée quelques mois plus tôt.")
    # the indefinite noun phrase that ends the clause, before what happened to her
    assert spans(hamel, "Sandrine Hamel")[0] == ("une ancienne directrice des services", True)
    assert spans(hamel, "Sandrine Hamel")[-1] == ("licenciée quelques mois plus tôt", False)
    # « menée par le maréchal X »: not in apposition to what ends the clause before
    papagos = ("Le gouvernement est constitué en 1951 d'une majorité de droite conservatrice dure, menée par le "
               "maréchal Alexandros Papagos.")
    assert all("majorité" not in text for text, _ in spans(papagos, "Alexandros Papagos"))
    assert spans("Le maître-nageur le plus ancien de l'établissement, Gérard Vuillemin, y travaille depuis 1989.",
                 "Gérard Vuillemin")[0] == ("Le maître-nageur le plus ancien de l'établissement", True)
    # a capitalised opening that is a clause, or a date, is no description
    assert spans("Le tribunal a condamné le maire, Philippe Lemonnier, à deux ans.", "Philippe Lemonnier") == []
    assert all(not text.startswith("Le 11 juin") for text, _ in
               spans("Le 11 juin 1904, Lothar von Trotha, nommé commandant en chef des troupes, débarque.", "Lothar von Trotha"))


def test_ask_who_is(answerer, article_text) -> None:
    ans = answerer.ask("Qui est Valeri Guerassimov ?")
    assert not ans.abstained and "Pierre de Villiers" not in ans.text
    assert "chef" in ans.short_answer.lower() and "Guerassimov" in ans.citation(1).quote
    assert ans.text == ans.short_answer[:1].upper() + ans.short_answer[1:] + " [1]"
    s, e = ans.short_answer_span
    assert article_text(ans.citation(1).source)[s:e] == ans.short_answer
    assert verify_citations(ans, article_text) == []
    petr = answerer.ask("Qui est Petr Pavel ?")
    assert petr.short_answer == "le chef du comité militaire de l’Otan"
