"""Answers written by a local language model, grounded in retrieved passages and verified.

The flow for one question:

1. retrieve (the extractive answerer's retrieval, with its query expansion) and compute the
   extractive answer at once — it costs milliseconds and is both the preview shown while the
   model reads and the fallback;
2. build the prompt within the token budget (:mod:`qa.prompting`);
3. stream the model's text (:meth:`LLMAnswerer.stream` yields :class:`Token` events);
4. map its ``[n]`` markers to exact sentences and flag what is unsupported (:mod:`qa.grounding`),
   then run the shared citation check (:func:`qa.citations.verify_citations`);
5. with no valid citation, or if the model fails, answer extractively with a notice.

Cancellation raises :class:`models.errors.Cancelled` (not an error for the GUI); every other
failure of the model ends in an extractive answer, so the app keeps running.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Iterator, Union

from models.errors import Cancelled, LLMError, ModelMissing
from models.llm import GenerationStats

from qa.answer import ABSTAIN_TEXT, Answer, Evidence
from qa.citations import verify_citations
from qa.grounding import Grounder
from qa.prompting import Prompt, build_prompt
from qa.provenance import annotate, relative_date_notes

if TYPE_CHECKING:  # pragma: no cover
    from models.llm import Cancellable, TextGenerator
    from qa.extractive import ExtractiveAnswerer

MODE = "llm"

NOTICE_NO_CITATION = "Le modèle n'a cité aucun passage de façon vérifiable ; voici la réponse extractive."
NOTICE_FAILED = "Le modèle de langue a échoué ({error}) ; voici la réponse extractive."
NOTICE_UNSUPPORTED = "Certaines phrases de la réponse ne sont pas appuyées par les passages cités ; elles sont signalées."
NOTICE_INVALID = "Le modèle a cité des passages inexistants ({numbers}) ; ces renvois ont été retirés."


# -- events of a streamed answer -----------------------------------------------------------------
@dataclass(frozen=True)
class Retrieved:
    """Passages found, and the extractive answer (show it as a preview while the model reads)."""

    passages: list[Evidence]
    preview: Answer


@dataclass(frozen=True)
class PromptReady:
    """The model is reading the prompt (the slow part on CPU); passages numbered as in the text."""

    prompt_tokens: int
    passages: list[Evidence]


@dataclass(frozen=True)
class Token:
    """A piece of the model's raw text. Its ``[n]`` refer to :class:`PromptReady` passages; the final
    answer renumbers them as sentence citations, so replace the streamed text with ``Finished.answer``."""

    text: str


@dataclass(frozen=True)
class Finished:
    """The verified answer (or the extractive fallback, with ``answer.notices`` saying why)."""

    answer: Answer
    stats: GenerationStats | None = None
    raw: str = ""


AnswerEvent = Union[Retrieved, PromptReady, Token, Finished]


class LLMAnswerer:
    """The LLM answering mode over an extractive answerer (retrieval + fallback) and a model."""

    mode = MODE

    def __init__(self, extractive: "ExtractiveAnswerer", model: "TextGenerator",
                 get_article_text: Callable[[str], str] | None = None, retrieve_k: int = 8,
                 max_passages: int = 6, grounder: Grounder | None = None) -> None:
        self.extractive = extractive
        self.model = model
        self.retrieve_k = retrieve_k
        self.max_passages = max_passages
        self.grounder = grounder or Grounder(extractive.analyzer)
        self._get_text = get_article_text or (lambda source: str(extractive.index.article(source)["text"]))
        self.last_prompt: Prompt | None = None

    @property
    def model_name(self) -> str:
        return self.model.name

    def load(self) -> "LLMAnswerer":
        """Load the embedder and the model now. Raises ModelMissing / LLMError (callers fall back)."""
        self.extractive.load()
        self.model.load()
        return self

    # -- public API --------------------------------------------------------------------------
    def ask(self, question: str, k: int = 5, cancel: "Cancellable | None" = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        """The whole answer; ``on_token`` receives the raw text as it streams."""
        answer: Answer | None = None
        for event in self.stream(question, k, cancel):
            if isinstance(event, Token) and on_token is not None:
                on_token(event.text)
            elif isinstance(event, Finished):
                answer = event.answer
        assert answer is not None
        return answer

    def stream(self, question: str, k: int = 5, cancel: "Cancellable | None" = None) -> Iterator[AnswerEvent]:
        """Events for one question, ending with exactly one :class:`Finished` (unless cancelled).

        Meant to run on a worker thread (it blocks while the model reads); the GUI renders each
        event on its own thread. Raises :class:`Cancelled` when ``cancel`` is set.
        """
        t0 = time.perf_counter()
        hits = self.extractive.retrieve(question, max(k, self.retrieve_k))
        t1 = time.perf_counter()
        preview = annotate(self.extractive.answer_from_hits(question, hits, k), self.extractive.index)
        timings = {"retrieval_ms": (t1 - t0) * 1000,
                   **{f"retrieval_{a}": b for a, b in self.extractive.retriever.last_timings.items()}}
        preview.timings_ms = {**timings, "answer_ms": (time.perf_counter() - t1) * 1000,
                              "total_ms": (time.perf_counter() - t0) * 1000}
        yield Retrieved(list(preview.passages), preview)
        if cancel is not None and cancel.cancelled:
            raise Cancelled("Réponse interrompue.")

        stats = GenerationStats()
        raw_parts: list[str] = []
        try:
            t2 = time.perf_counter()
            prompt = build_prompt(question, hits, self.model, max_passages=self.max_passages,
                                  analyzer=self.extractive.analyzer)
            self.last_prompt = prompt
            timings["prompt_ms"] = (time.perf_counter() - t2) * 1000
            yield PromptReady(prompt.tokens, [Evidence.of(p.hit) for p in prompt.passages])
            gen = self.model.stream(prompt.text, cancel=cancel, stats=stats)
            try:
                for piece in gen:
                    raw_parts.append(piece)
                    yield Token(piece)
            finally:
                close = getattr(gen, "close", None)
                if close is not None:
                    close()
        except Cancelled:
            raise
        except (LLMError, ModelMissing) as exc:
            yield Finished(self._fallback(preview, NOTICE_FAILED.format(error=exc), t0), stats, "".join(raw_parts))
            return
        except Exception as exc:  # noqa: BLE001 - a crash in generation must never take the app down
            yield Finished(self._fallback(preview, NOTICE_FAILED.format(error=f"{type(exc).__name__}: {exc}"), t0),
                           stats, "".join(raw_parts))
            return
        raw = "".join(raw_parts)
        timings.update({"llm_prompt_tokens": float(stats.prompt_tokens), "llm_cached_tokens": float(stats.cached_tokens),
                        "llm_first_token_ms": stats.first_token_s * 1000, "llm_tokens": float(stats.completion_tokens),
                        "llm_ms": stats.total_s * 1000})
        answer = self.verify(question, raw, prompt, preview)
        answer.timings_ms = {**timings, "total_ms": (time.perf_counter() - t0) * 1000}
        yield Finished(answer, stats, raw)

    # -- verification ------------------------------------------------------------------------
    def verify(self, question: str, raw: str, prompt: Prompt, preview: Answer) -> Answer:
        """The model's text as a checked Answer, or the extractive ``preview`` with a notice."""
        g = self.grounder.ground(raw, prompt.passages)
        notices: list[str] = []
        if g.invalid:
            notices.append(NOTICE_INVALID.format(numbers=", ".join(f"[{n}]" for n in g.invalid)))
        if g.abstained:
            return Answer(question, ABSTAIN_TEXT, True, MODE, [], list(preview.passages), qtype=preview.qtype,
                          confidence=preview.confidence, invalid_citations=g.invalid, notices=notices,
                          model=self.model.name)
        if not g.valid:
            return self._fallback(preview, NOTICE_NO_CITATION, None, invalid=g.invalid, extra=notices)
        if g.unsupported:
            notices.append(NOTICE_UNSUPPORTED)
        supported = [c for c in g.claims if c.supported]
        answer = Answer(question, g.text, False, MODE, g.citations, list(preview.passages), qtype=preview.qtype,
                        confidence=len(supported) / max(1, len(g.claims)), unsupported=g.unsupported,
                        invalid_citations=g.invalid, notices=notices, model=self.model.name)
        problems = verify_citations(answer, self._get_text)
        if problems:  # cannot happen by construction; if it does, never show the answer as sourced
            return self._fallback(preview, NOTICE_NO_CITATION + " (" + " ; ".join(problems) + ")", None)
        return relative_date_notes(annotate(answer, self.extractive.index))

    def _fallback(self, preview: Answer, notice: str, t0: float | None, invalid: list[int] | None = None,
                  extra: list[str] | None = None) -> Answer:
        """The extractive answer (its text is sourced; the model's claims are not shown)."""
        answer = replace(preview, notices=[*preview.notices, *(extra or []), notice],
                         invalid_citations=list(invalid or []), timings_ms=dict(preview.timings_ms))
        if t0 is not None:
            answer.timings_ms["total_ms"] = (time.perf_counter() - t0) * 1000
        return answer


__all__ = ["LLMAnswerer", "Retrieved", "PromptReady", "Token", "Finished", "AnswerEvent", "MODE"]
