"""Short answers that stay on what was asked: not the person the question names, and other
mentions only for values that sources can state differently (dates, figures)."""

from __future__ import annotations


def test_who_met_does_not_answer_the_named_person(answerer) -> None:
    ans = answerer.ask("Qui a rencontré Choïgou à Moscou ?")
    assert not ans.abstained and "Choïgou" not in ans.short_answer
    assert "Le Drian" in ans.short_answer


def test_no_unrelated_names_as_other_mentions(answerer) -> None:
    ans = answerer.ask("Comment s'appelle le porte-avions français ?")
    assert ans.short_answer == "Charles de Gaulle" and ans.other_mentions == []
    place = answerer.ask("Où se trouve le porte-avions ?")
    assert place.other_mentions == [] and "Charles de Gaulle" not in place.short_answer


def test_conflicting_dates_still_listed(answerer) -> None:
    ans = answerer.ask("quand Lecointre a-t-il appelé Guerassimov ?")
    assert [m.text for m in ans.other_mentions] == ["il y a quelques mois"]
