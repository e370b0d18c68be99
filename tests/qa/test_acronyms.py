"""An acronym an article defines stands for its definition's words (qa.acronyms): pure text, no model."""

from __future__ import annotations

from index.analysis import FrenchAnalyzer
from qa.acronyms import definitions, expanded
from qa.features import tokens

TEXT = ("Le tarif baissera, a confirmé la Commission de régulation de l'énergie (CRE). L'Office français de "
        "la biodiversité (OFB) et le Bureau d'enquêtes et d'analyses (BEA) enquêtent. Le président de la CRE, "
        "Emmanuelle Wargon, a parlé. Il a gagné 3 matchs (2-1).")


def test_definitions_are_the_words_the_initials_spell() -> None:
    defs = definitions(TEXT, FrenchAnalyzer())
    assert defs["CRE"] == ["commiss", "regul", "energ"]  # « l'énergie »: the accent folded, the elision dropped
    assert defs["OFB"] == ["offic", "franc", "biodivers"]
    assert defs["BEA"] == ["bureau", "enquet", "analys"]
    assert set(defs) == {"CRE", "OFB", "BEA"}  # brackets that spell nothing are no definition


def test_an_acronym_token_carries_its_definition_at_its_offsets() -> None:
    analyzer = FrenchAnalyzer()
    sentence = "Le président de la CRE, Emmanuelle Wargon, a parlé."
    toks = expanded(tokens(sentence, analyzer), definitions(TEXT, analyzer))
    at_cre = [t.term for t in toks if sentence[t.start:t.end] == "CRE"]
    assert {"commiss", "regul", "energ"} <= set(at_cre)
    assert expanded(tokens(sentence, analyzer), {}) == tokens(sentence, analyzer)
