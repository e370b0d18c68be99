"""« Où… ? » answers that are somewhere else than what the question names: not the question's own
place (« dans le village de Bennecourt » for « Où est Bennecourt ? »), not a century (« depuis le
IVe »); a name glossed in brackets is answered by the name alone. Real index and model, on a small
corpus written for the test."""

from __future__ import annotations

import pytest

from tests.qa.conftest import answerer_over

ARTICLES = {
    "bennecourt.txt": (
        "Bennecourt, un village de peintres\n\n"
        "Le peintre Claude Monet a séjourné en 1868 dans le village de Bennecourt, non loin de Vernon, "
        "dans les Yvelines. Il y peignit plusieurs vues de la Seine.\n"
    ),
    "jardin.txt": (
        "Le jardin des oliviers de Gethsémani\n\n"
        "Le jardin de Gethsémani se trouve à Jérusalem, au pied du mont des Oliviers. Des pèlerins "
        "s'y rendent depuis le IVe siècle, et une basilique y a été reconstruite au XXe siècle.\n"
    ),
    "kokpar.txt": (
        "Les jeux équestres des steppes\n\n"
        "Le jeu équestre traditionnel d'Asie centrale s'appelle le kokpar (ou bouzkachi), "
        "qui oppose deux équipes de cavaliers autour d'une carcasse de chèvre.\n"
    ),
}


@pytest.fixture(scope="module")
def place_answerer(tmp_path_factory: pytest.TempPathFactory, embedder):
    corpus = tmp_path_factory.mktemp("places-corpus")
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    with answerer_over(corpus, tmp_path_factory.mktemp("places-index"), embedder) as answerer:
        yield answerer


def test_where_is_not_answered_by_the_questions_own_place(place_answerer) -> None:
    ans = place_answerer.ask("Où se trouve Bennecourt ?")
    assert not ans.abstained
    assert "Bennecourt" not in ans.short_answer


def test_a_century_is_nowhere(place_answerer) -> None:
    ans = place_answerer.ask("Où se trouve le jardin de Gethsémani ?")
    assert not ans.abstained
    assert "IVe" not in ans.short_answer and "XXe" not in ans.short_answer
    assert "Jérusalem" in ans.short_answer


def test_a_name_glossed_in_brackets_is_the_name_alone(place_answerer) -> None:
    ans = place_answerer.ask("Comment s'appelle le jeu équestre traditionnel d'Asie centrale ?")
    assert not ans.abstained
    assert ans.short_answer == "kokpar"
