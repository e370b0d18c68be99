"""The prompt a local model answers from: French instructions, numbered passages, the question.

Shape, and why:

- The instructions are a fixed system message, rendered first by the model's chat template, so
  every question's prompt starts with the same tokens and llama.cpp reuses their KV cache.
- Passages come in retrieval order, numbered ``[1]``, ``[2]``… — the numbers the model must cite
  and that :mod:`qa.grounding` maps back to exact sentences.
- The prompt must fit a token budget (:meth:`models.llm.LLMConfig.prompt_budget`, < 800 tokens by
  default, because reading the prompt dominates on CPU). Lowest-ranked passages are dropped
  first; a passage that does not fit whole is trimmed to whole sentences, keeping those that
  best match the question — a passage is never cut mid-sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from index.passage import Hit, Span
    from models.llm import TextGenerator

SYSTEM_PROMPT = (
    "Tu es un assistant qui répond en français à des questions sur des articles de presse. "
    "Réponds uniquement à partir des passages numérotés fournis, sans rien ajouter de ta propre connaissance. "
    "Après chaque phrase de ta réponse, indique entre crochets le numéro du passage qui la justifie, "
    "par exemple [1] ou [2]. "
    "Si les passages ne permettent pas de répondre, écris seulement : "
    "« Les articles ne permettent pas de répondre à cette question. » "
    "Réponds brièvement, en une à trois phrases."
)
#: The reminder after the question is for small models, which follow the last instruction best.
QUESTION_TEMPLATE = ("Passages :\n\n{passages}\n\nQuestion : {question}\n"
                     "Réponds d'après ces passages, avec leur numéro entre crochets après chaque phrase.")
PASSAGE_TEMPLATE = "[{n}] {title}\n{text}"
#: Between two kept sentences of a trimmed passage that were not adjacent.
ELLIPSIS = " […] "
#: A trimmed passage shorter than this (tokens) is not worth its place.
MIN_TRIMMED_TOKENS = 40


@dataclass(frozen=True)
class PromptPassage:
    """A passage as the model saw it: its number, its hit and the sentences kept (absolute spans)."""

    n: int
    hit: "Hit"
    sentences: tuple["Span", ...]
    trimmed: bool = False

    @property
    def source(self) -> str:
        return self.hit.passage.source

    @property
    def title(self) -> str:
        return self.hit.title

    def sentence_text(self, span: "Span") -> str:
        p = self.hit.passage
        return p.text[span[0] - p.start : span[1] - p.start]

    def text(self) -> str:
        parts: list[str] = []
        prev_end: int | None = None
        for s, e in self.sentences:
            if parts:
                p = self.hit.passage
                gap = p.text[prev_end - p.start : s - p.start] if prev_end is not None else ""
                parts.append(" " if not gap.strip() and len(gap) < 5 else ELLIPSIS)
            parts.append(self.sentence_text((s, e)))
            prev_end = e
        return " ".join("".join(parts).split())

    def block(self) -> str:
        return PASSAGE_TEMPLATE.format(n=self.n, title=" ".join(self.title.split()), text=self.text())


@dataclass
class Prompt:
    """The rendered prompt, what it contains, and its size in the model's tokens."""

    question: str
    messages: list[dict[str, str]]
    text: str
    passages: list[PromptPassage]
    tokens: int
    budget: int
    #: ranks of hits left out for lack of room
    dropped: list[int] = field(default_factory=list)

    def passage(self, n: int) -> PromptPassage | None:
        return next((p for p in self.passages if p.n == n), None)


def messages_for(question: str, passages: list[PromptPassage]) -> list[dict[str, str]]:
    blocks = "\n\n".join(p.block() for p in passages) if passages else "(aucun passage)"
    return [{"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": QUESTION_TEMPLATE.format(passages=blocks, question=" ".join(question.split()))}]


def _full(hit: "Hit", n: int) -> PromptPassage:
    sentences = hit.passage.sentences or ((hit.passage.start, hit.passage.end),)
    return PromptPassage(n, hit, tuple(sentences))


def _trim(hit: "Hit", n: int, fits: Callable[[PromptPassage], bool],
          relevance: Callable[[str], float]) -> PromptPassage | None:
    """The passage cut down to whole sentences: best-matching first, kept in reading order."""
    whole = _full(hit, n)
    ranked = sorted(whole.sentences, key=lambda sp: (-relevance(whole.sentence_text(sp)), sp[0]))
    kept: list[Span] = []
    for sp in ranked:
        trial = PromptPassage(n, hit, tuple(sorted(kept + [sp])), trimmed=True)
        if fits(trial):
            kept.append(sp)
    return PromptPassage(n, hit, tuple(sorted(kept)), trimmed=True) if kept else None


def overlap_scorer(question: str, analyzer: Callable[[str], list[str]]) -> Callable[[str], float]:
    """Share of the question's terms found in a text (stems and surface forms, stop words out)."""
    q = set(analyzer(question))

    def score(text: str) -> float:
        return len(q & set(analyzer(text))) / len(q) if q else 0.0

    return score


def build_prompt(question: str, hits: list["Hit"], model: "TextGenerator", budget: int | None = None,
                 max_passages: int = 6, analyzer: Callable[[str], list[str]] | None = None) -> Prompt:
    """The prompt for ``question`` from ranked ``hits``, within ``budget`` tokens.

    ``analyzer`` turns text into terms for choosing which sentences of a passage to keep when it
    must be trimmed (default: the index's French analyzer).
    """
    if analyzer is None:
        from index.analysis import FrenchAnalyzer

        analyzer = FrenchAnalyzer()
    budget = budget if budget is not None else model.config.prompt_budget(model.n_ctx)
    relevance = overlap_scorer(question, analyzer)

    def size(passages: list[PromptPassage]) -> int:
        return model.count_tokens(model.render(messages_for(question, passages)))

    base = size([])
    if base > budget:
        # the instructions and question alone overflow: send them anyway, the model will abstain
        budget = base
    chosen: list[PromptPassage] = []
    used = base
    dropped: list[int] = []
    sep = model.count_tokens("\n\n")
    full = True  # once a passage had to be trimmed or left out, every lower-ranked one is left out
    for hit in hits[:max_passages]:
        if not full:
            dropped.append(hit.rank)
            continue
        n = len(chosen) + 1
        whole = _full(hit, n)
        cost = model.count_tokens(whole.block()) + sep
        if used + cost <= budget:
            chosen.append(whole)
            used += cost
            continue
        full = False
        room = budget - used - sep
        if room >= MIN_TRIMMED_TOKENS:
            trimmed = _trim(hit, n, lambda p: model.count_tokens(p.block()) <= room, relevance)
            if trimmed is not None:
                chosen.append(trimmed)
                used += model.count_tokens(trimmed.block()) + sep
                continue
        dropped.append(hit.rank)
    dropped.extend(h.rank for h in hits[max_passages:])
    # Token counts of separate pieces can differ from the whole by a few merges: check the real thing.
    total = size(chosen)
    while total > budget and chosen:
        last = chosen.pop()
        dropped.insert(0, last.hit.rank)
        total = size(chosen)
    messages = messages_for(question, chosen)
    return Prompt(question, messages, model.render(messages), chosen, total, budget, sorted(dropped))
