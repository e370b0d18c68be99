"""The unit of retrieval: a span of an article that knows exactly where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


Span = tuple[int, int]


@dataclass(frozen=True)
class Passage:
    """``text == article_text[start:end]`` always; ``sentences`` are absolute spans inside it."""

    id: int
    source: str
    ordinal: int
    start: int
    end: int
    text: str
    sentences: tuple[Span, ...] = field(default_factory=tuple)
    #: 1-based page where the passage starts (PDF articles), else None
    page: int | None = None

    def sentence_texts(self) -> list[str]:
        return [self.text[s - self.start : e - self.start] for s, e in self.sentences]


@dataclass(frozen=True)
class Hit:
    """A ranked passage with its article's title and the fused score."""

    rank: int
    passage: Passage
    title: str
    score: float
    lexical_score: float = 0.0
    dense_score: float = 0.0

    @property
    def source(self) -> str:
        return self.passage.source
