"""Checks that every citation is real before an answer is shown.

Shared by every answering mode: the extractive answerer can only produce valid citations by
construction, but a language model can invent markers, offsets or quotes, so the check is a
function of its own and runs on every answer.

Rules: every ``[n]`` in the text has a citation; citation numbers are unique; each quote equals
``article_text[start:end]``; each span is one sentence (not a whole article or paragraph):
it is short, contains no paragraph break, and overlaps at most one sentence of the article as
the index splits it (so an article that is a single sentence may be cited whole).

:func:`check_citations` is strict and raises; :func:`repair_citations` is what a user-facing
command calls: it never raises, drops or re-anchors what does not hold, falls back to quoting
the sentence when the short answer is not in it, abstains when nothing sound is left, and
records each repair in ``answer.citation_warnings``.
"""

from __future__ import annotations

import re
from typing import Callable

from index.sentences import split_sentences
from models.errors import VeilleError

from qa.answer import ABSTAIN_TEXT, Answer, Citation

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
        problems += _citation_problems(c, texts, get_article_text)
    if not answer.abstained and answer.citations and not markers(answer.text):
        problems.append("la réponse ne renvoie à aucune citation")
    if answer.short_answer and answer.citations and not answer.abstained:
        first = answer.citation(1)
        if first is not None and answer.short_answer not in first.quote:
            problems.append("la réponse courte n'est pas un extrait de la citation [1]")
    return problems


def _article(source: str, texts: dict[str, str | None], get_article_text: Callable[[str], str]) -> tuple[str | None, str]:
    if source not in texts:
        try:
            texts[source] = get_article_text(source)
        except Exception as exc:  # noqa: BLE001 - any lookup failure is a citation problem
            texts[source] = None
            return None, str(exc)
    return texts[source], ""


def _citation_problems(c: Citation, texts: dict[str, str | None], get_article_text: Callable[[str], str]) -> list[str]:
    """What is wrong with one citation on its own (empty when it holds)."""
    text, err = _article(c.source, texts, get_article_text)
    if text is None:
        return [f"[{c.n}] cite un article introuvable ({c.source}) : {err or 'illisible'}"]
    if not (0 <= c.start < c.end <= len(text)):
        return [f"[{c.n}] positions hors de l'article ({c.start}-{c.end}, longueur {len(text)})"]
    out = []
    if text[c.start : c.end] != c.quote:
        out.append(f"[{c.n}] la citation ne correspond pas au texte en {c.source}:{c.start}-{c.end}")
    if "\n" in c.quote.strip() or len(c.quote.split()) > MAX_QUOTE_WORDS:
        out.append(f"[{c.n}] cite plus qu'une phrase")
    elif _sentences_overlapped(text, c.start, c.end) > 1:
        whole = c.start == 0 and c.end >= len(text.rstrip())
        out.append(f"[{c.n}] cite l'article entier au lieu d'une phrase" if whole else f"[{c.n}] cite plus qu'une phrase")
    return out


def _sentences_overlapped(text: str, start: int, end: int) -> int:
    """How many sentences of the article (as the index splits it) the span covers in part.

    Only the paragraph around the span is split (sentences never cross a line break), so
    this stays cheap on long articles. Touching a sentence by a couple of characters
    (a quote mark, a space) does not count.
    """
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    n = 0
    for s, e in split_sentences(text, lo, hi, max_words=MAX_QUOTE_WORDS):
        if min(e, end) - max(s, start) > 2:
            n += 1
    return n


def check_citations(answer: Answer, get_article_text: Callable[[str], str]) -> None:
    """Raise :class:`CitationError` when :func:`verify_citations` finds anything."""
    problems = verify_citations(answer, get_article_text)
    if problems:
        raise CitationError(problems)


def repair_citations(answer: Answer, get_article_text: Callable[[str], str]) -> Answer:
    """A sound version of ``answer`` (the same object, repaired in place); never raises.

    A citation whose quote is found elsewhere in its article is re-anchored; one that cannot
    be is dropped with its mentions and markers. When the short answer is not a span of [1],
    the answer falls back to quoting [1]'s sentence. When no sound citation is left, the
    answer abstains (its passages are kept). Every repair is listed in
    ``answer.citation_warnings``; an answer that was sound comes back unchanged.
    """
    try:
        problems = verify_citations(answer, get_article_text)
    except Exception as exc:  # noqa: BLE001 - a broken answer must not take the command down
        problems = [f"vérification impossible : {exc}"]
    if not problems or answer.abstained and not answer.citations:
        return answer
    warnings = list(problems)
    texts: dict[str, str | None] = {}
    kept: list[Citation] = []
    seen: set[int] = set()
    for c in answer.citations:
        if c.n in seen:
            continue
        try:
            if _citation_problems(c, texts, get_article_text):
                c = _reanchor(c, texts, get_article_text)
        except Exception:  # noqa: BLE001
            c = None
        if c is not None:
            kept.append(c)
            seen.add(c.n)
    known = {c.n for c in kept}
    answer.citations = kept
    answer.other_mentions = [m for m in answer.other_mentions if m.citation in known]
    text = MARKER.sub(lambda m: m.group(0) if int(m.group(1)) in known else "", answer.text)
    answer.text = re.sub(r"\s+([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    first = answer.citation(1)
    if not answer.abstained and first is None:
        answer.abstained, answer.text, answer.short_answer, answer.short_answer_span = True, ABSTAIN_TEXT, "", None
        answer.citations, answer.other_mentions = [], []
    elif not answer.abstained and first is not None:
        if answer.short_answer and answer.short_answer not in first.quote:
            answer.short_answer, answer.short_answer_span = "", None
            answer.text = f"« {first.quote} » [1]"
            answer.other_mentions = []
            answer.citations = [first]
        elif not markers(answer.text):
            answer.text = f"{answer.text} [1]".strip()
    try:
        left = verify_citations(answer, get_article_text)
    except Exception as exc:  # noqa: BLE001
        left = [str(exc)]
    if left:  # should not happen: abstain rather than show an unsound answer
        warnings += left
        answer.abstained, answer.text, answer.short_answer, answer.short_answer_span = True, ABSTAIN_TEXT, "", None
        answer.citations, answer.other_mentions = [], []
    answer.citation_warnings = warnings
    return answer


def _reanchor(c: Citation, texts: dict[str, str | None], get_article_text: Callable[[str], str]) -> Citation | None:
    """The same quote at its nearest true position in the article, if it is one sentence there."""
    text, _ = _article(c.source, texts, get_article_text)
    quote = c.quote.strip()
    if text is None or not quote:
        return None
    best = None
    i = text.find(quote)
    while i >= 0:
        if best is None or abs(i - c.start) < abs(best - c.start):
            best = i
        i = text.find(quote, i + 1)
    if best is None:
        return None
    fixed = Citation(c.n, c.source, c.title, best, best + len(quote), quote)
    return None if _citation_problems(fixed, texts, get_article_text) else fixed
