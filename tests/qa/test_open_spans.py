"""Open-question spans: exact spans of the sentence, never invented text."""

from __future__ import annotations

from index.analysis import FrenchAnalyzer

from qa.extractive import Weights
from qa.features import SPAN_FEATURES, analyse_question, span_candidates, tokens

SENTENCE = ("Pour relier Alger et Constantine, la régence d'Alger dut aussi payer un droit de passage nommé "
            "l'Ouadia pour emprunter la route des « Portes de Fer ».")


def _question(text: str):
    analyzer = FrenchAnalyzer()
    return analyse_question(text, analyzer, lambda t: 2.0), analyzer


def test_span_candidates_are_exact_spans_with_one_row_each() -> None:
    q, analyzer = _question("Qu'est-ce que l'Ouadia ?")
    spans, rows = span_candidates(q, SENTENCE, tokens(SENTENCE, analyzer))
    assert spans and len(spans) == len(rows)
    assert all(len(r) == len(SPAN_FEATURES) for r in rows)
    for s, e in spans:
        text = SENTENCE[s:e]
        assert text == text.strip() and text[0].isalnum() and len(text.split()) <= 20


def test_learnt_open_span_is_a_short_part_of_the_sentence() -> None:
    weights = Weights.load()
    if weights.span_coef is None:  # the trained file has a span model; this checks its use
        return
    q, analyzer = _question("Qu'est-ce que l'Ouadia ?")
    spans, rows = span_candidates(q, SENTENCE, tokens(SENTENCE, analyzer))
    scores = [sum(a * b for a, b in zip(weights.span_coef, r)) for r in rows]
    s, e = spans[max(range(len(spans)), key=lambda i: scores[i])]
    assert SENTENCE[s:e] in SENTENCE and e - s < len(SENTENCE)
