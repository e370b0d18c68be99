"""The one answer type every answering mode returns (extractive, or a local LLM through llama.cpp).

Why one type: the CLI, the desktop app, the evaluator and the citation checker must not care
how an answer was produced. The JSON shape produced by :meth:`Answer.to_json` is a stable
contract (keys are only ever added).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Shown when the evidence does not answer the question (French UI string).
ABSTAIN_TEXT = "Les articles ne permettent pas de répondre à cette question."


@dataclass(frozen=True)
class Citation:
    """A numbered quote: ``quote == article_text[start:end]`` and the span is one sentence."""

    n: int
    source: str
    title: str
    start: int
    end: int
    quote: str
    #: 1-based page of the quote (PDF articles), else None
    page: int | None = None
    #: the article's publication date (ISO), when known
    date: str | None = None
    #: other copies of the same article (near-duplicates) that say the same thing
    also_in: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "source": self.source, "title": self.title, "start": self.start,
                "end": self.end, "quote": self.quote, "page": self.page, "date": self.date,
                "also_in": list(self.also_in)}

    def where(self) -> str:
        """« titre, 12 mars 2024, p. 3 »: how a citation names its place for a reader."""
        from qa.dates import format_date

        parts = [self.title or self.source]
        if self.date:
            parts.append(format_date(self.date))
        if self.page:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Evidence:
    """A retrieved passage as shown to the user (ranked, with its fused retrieval score and,
    when the passages were reranked, the reranker's probability that it answers: ``relevance``,
    which decreases with the rank where the fused score may not)."""

    source: str
    title: str
    start: int
    end: int
    score: float
    text: str
    relevance: float | None = None

    @classmethod
    def of(cls, hit: Any) -> "Evidence":
        """The evidence for a retrieval hit (``index.retriever.Hit`` or ``RankedHit``)."""
        p = hit.passage
        return cls(hit.source, hit.title, p.start, p.end, hit.score, p.text, getattr(hit, "relevance", None))

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title, "start": self.start, "end": self.end,
                "score": round(self.score, 6), "text": self.text,
                "relevance": None if self.relevance is None else round(self.relevance, 6)}


@dataclass(frozen=True)
class Mention:
    """Another answer found in the sources (e.g. a different date for the same event)."""

    text: str
    citation: int  # the ``n`` of its citation

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "citation": self.citation}


@dataclass(frozen=True)
class DateNote:
    """A relative date in the answer (« lundi », « il y a quelques mois ») placed in time.

    ``published`` is the cited article's publication date; ``resolved`` the day deduced from it
    (« lundi » → the Monday before), or ``period`` when the expression names a span
    (« fin février dernier », « la semaine dernière »); both None when it cannot be placed
    more precisely than « before the article ». ``inferred``: the article did not write it.
    """

    text: str
    citation: int
    published: str
    resolved: str | None = None
    period: tuple[str, str] | None = None
    precision: str | None = None
    label: str = ""
    approximate: bool = False
    inferred: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "citation": self.citation, "published": self.published,
                "resolved": self.resolved, "period": list(self.period) if self.period else None,
                "precision": self.precision, "label": self.label, "approximate": self.approximate,
                "inferred": self.inferred}


@dataclass
class Answer:
    """``text`` carries ``[n]`` markers that refer to ``citations`` (numbered from 1)."""

    question: str
    text: str
    abstained: bool
    mode: str
    citations: list[Citation] = field(default_factory=list)
    passages: list[Evidence] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    #: the answer proper, an exact span of citation [1]'s sentence ("" when abstaining)
    short_answer: str = ""
    #: absolute offsets of ``short_answer`` in citation [1]'s article, when there is one
    short_answer_span: tuple[int, int] | None = None
    qtype: str = "autre"
    confidence: float = 0.0
    other_mentions: list[Mention] = field(default_factory=list)
    #: repairs made by :func:`qa.citations.repair_citations` (empty for a sound answer)
    citation_warnings: list[str] = field(default_factory=list)
    #: answer sentences (LLM mode) whose cited passages do not support them: shown unsourced
    unsupported: list[str] = field(default_factory=list)
    #: citation numbers the model wrote that named no passage it was given (dropped from the text)
    invalid_citations: list[int] = field(default_factory=list)
    #: plain-language notes for the reader (fallback to extractive, model missing…)
    notices: list[str] = field(default_factory=list)
    #: the GGUF file that wrote the answer ("" in extractive mode)
    model: str = ""
    #: relative dates of the answer placed in time by the cited article's publication date
    dates: list[DateNote] = field(default_factory=list)

    def citation(self, n: int) -> Citation | None:
        return next((c for c in self.citations if c.n == n), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "citations": [c.to_json() for c in self.citations],
            "passages": [p.to_json() for p in self.passages],
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "short_answer": self.short_answer,
            "short_answer_span": list(self.short_answer_span) if self.short_answer_span else None,
            "qtype": self.qtype,
            "confidence": round(self.confidence, 4),
            "other_mentions": [m.to_json() for m in self.other_mentions],
            "citation_warnings": list(self.citation_warnings),
            "unsupported": list(self.unsupported),
            "invalid_citations": list(self.invalid_citations),
            "notices": list(self.notices),
            "model": self.model,
            # a note whose citation was dropped (qa.citations.repair_citations) goes with it
            "dates": [d.to_json() for d in self.dates if self.citation(d.citation) is not None],
        }
