"""Checks that every citation is real before an answer is shown.

Shared by every answering mode: the extractive answerer can only produce valid citations by
construction, but a language model can invent markers, offsets or quotes, so the check is a
function of its own and runs on every answer.

Rules: every ``[n]`` in the text has a citation; citation numbers are unique; each quote equals
``article_text[start:end]``; each span is one sentence (not a whole article or paragraph):
it is short, and it contains no paragraph break.
"""

from __future__ import annotations

import re
from typing import Callable

from models.errors import VeilleError

from qa.answer import Answer

MARKER = re.compile(r"\[(\d+)\]")
#: A sentence from the splitter is at most 120 words; anything much longer is not one sentence.
MAX_QUOTE_WORDS = 160


class CitationError(VeilleError):
    """An answer cites something the articles do not say where it says they do."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("Citations invalides : " + " ; ".join(problems))


def markers(text: str) -> list[int]:
    """The citation numbers used in ``text``, in order of appearance (with repeats)."""
    return [int(m) for m in MARKER.findall(text)]


def verify_citations(answer: Answer, get_article_text: Callable[[str], str]) -> list[str]:
    """Every problem found (French, one sentence each); an empty list means the answer is sound.

    ``get_article_text(source)`` returns the exact text the offsets refer to; it may raise
    (e.g. ``SourceNotFound``), which is reported as a problem rather than propagated.
    """
    problems: list[str] = []
    numbers = [c.n for c in answer.citations]
    if len(set(numbers)) != len(numbers):
        problems.append("numéros de citation en double")
    known = set(numbers)
    for n in sorted(set(markers(answer.text))):
        if n not in known:
            problems.append(f"[{n}] ne renvoie à aucune citation")
    for m in answer.other_mentions:
        if m.citation not in known:
            problems.append(f"la mention « {m.text} » renvoie à [{m.citation}], absente")
    texts: dict[str, str | None] = {}
    for c in answer.citations:
        if c.source not in texts:
            try:
                texts[c.source] = get_article_text(c.source)
            except Exception as exc:  # noqa: BLE001 - any lookup failure is a citation problem
                texts[c.source] = None
                problems.append(f"[{c.n}] cite un article introuvable ({c.source}) : {exc}")
        text = texts[c.source]
        if text is None:
            continue
        if not (0 <= c.start < c.end <= len(text)):
            problems.append(f"[{c.n}] positions hors de l'article ({c.start}-{c.end}, longueur {len(text)})")
            continue
        if text[c.start : c.end] != c.quote:
            problems.append(f"[{c.n}] la citation ne correspond pas au texte en {c.source}:{c.start}-{c.end}")
        if "\n" in c.quote.strip() or len(c.quote.split()) > MAX_QUOTE_WORDS:
            problems.append(f"[{c.n}] cite plus qu'une phrase")
        elif c.start == 0 and c.end >= len(text.rstrip()) and len(c.quote.split()) > 40:
            problems.append(f"[{c.n}] cite l'article entier au lieu d'une phrase")
    if not answer.abstained and answer.citations and not markers(answer.text):
        problems.append("la réponse ne renvoie à aucune citation")
    if answer.short_answer and answer.citations and not answer.abstained:
        first = answer.citation(1)
        if first is not None and answer.short_answer not in first.quote:
            problems.append("la réponse courte n'est pas un extrait de la citation [1]")
    return problems


def check_citations(answer: Answer, get_article_text: Callable[[str], str]) -> None:
    """Raise :class:`CitationError` when :func:`verify_citations` finds anything."""
    problems = verify_citations(answer, get_article_text)
    if problems:
        raise CitationError(problems)
