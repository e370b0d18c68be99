"""Acronyms an article defines (« la Commission de régulation de l'énergie (CRE) »).

A news article spells an institution out once, then uses its acronym: « Le président de la CRE,
Emmanuelle Wargon, … ». A question that spells the name out (« Qui préside la Commission de
régulation de l'énergie ? ») shares no word with that sentence, so the sentence that answers ranks
below the lead. The reader lets each acronym stand for the words of its definition, within the
article that defines it only: another article's « CRE » may be something else.
"""

from __future__ import annotations

from index.analysis import FrenchAnalyzer
from qa.features import Token, tokens
from qa.spans import DEFINED_RE, initials_start


def definitions(text: str, analyzer: FrenchAnalyzer) -> dict[str, list[str]]:
    """Each acronym ``text`` defines, with the terms of its definition's words whose initials it
    spells (the long form's start is where the initials begin to match)."""
    out: dict[str, list[str]] = {}
    for m in DEFINED_RE.finditer(text):
        acr = m.group("acr")
        words = m.group("long").split()
        start = initials_start(words, acr.replace("-", "").replace("&", ""))
        if start is None:
            continue
        long = " ".join(words[start:])
        terms = [t.term for t in tokens(long, analyzer)]
        if terms:
            out.setdefault(acr, terms)
    return out


def expanded(toks: list[Token], defs: dict[str, list[str]]) -> list[Token]:
    """``toks`` with, after each acronym ``defs`` names, its definition's terms at its offsets."""
    if not defs:
        return toks
    out: list[Token] = []
    for t in toks:
        out.append(t)
        for term in defs.get(t.surface, ()):
            out.append(Token(term, t.start, t.end, t.surface))
    return out
