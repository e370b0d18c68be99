"""Relative dates in a model-written « quand » answer are placed in time beside it.

The answer is built by hand (a real model's wording cannot be produced by the tiny test GGUF);
the function under test only reads its citations.
"""

from __future__ import annotations

from qa.answer import Answer, Citation
from qa.provenance import relative_date_notes

QUOTE = "Le ministre a rencontré son homologue lundi à Moscou."


def _answer(qtype: str, date: str | None) -> Answer:
    c = Citation(1, "a.txt", "Rencontre", 10, 10 + len(QUOTE), QUOTE, date=date)
    return Answer("quand le ministre a-t-il rencontré son homologue ?", "Lundi [1].", False, "llm", [c], qtype=qtype)


def test_weekday_is_resolved_from_the_article_date() -> None:
    a = relative_date_notes(_answer("date", "2024-03-13"))  # a Wednesday
    assert [(d.text, d.citation, d.resolved, d.inferred) for d in a.dates] == [("lundi", 1, "2024-03-11", True)]
    assert any("11 mars 2024" in n and "13 mars 2024" in n and "[1]" in n for n in a.notices)
    assert a.to_json()["dates"][0]["resolved"] == "2024-03-11"


def test_nothing_without_a_date_or_for_other_questions() -> None:
    assert relative_date_notes(_answer("date", None)).dates == []
    assert relative_date_notes(_answer("autre", "2024-03-13")).dates == []
    assert relative_date_notes(_answer("autre", "2024-03-13")).notices == []
