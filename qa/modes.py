"""Choosing the answering mode: extractive, or a local LLM when a GGUF model is available.

``auto`` uses the LLM when a model is found and loads, and the extractive answerer otherwise;
``llm`` asks for the model but still falls back (with a notice) when it is missing or broken,
because an answer with a plain explanation is better than none. Both modes stream the same
events (:mod:`qa.llm_answerer`), so front-ends have one code path.

For a front-end (the desktop app), on its index worker::

    choice = choose_mode(settings_mode, setting=settings_llm_path, data_dir=index.locations.data_dir())
    answerer = make_answerer(index, retriever, choice, LLMConfig.from_dict(settings_llm))  # loads the model

and on its question worker (one at a time; ``cancel`` is an ``index.progress.CancelToken``)::

    for event in answerer.stream(question, k, cancel):
        Retrieved  -> show event.preview (extractive answer) and event.passages at once
        PromptReady-> "le modèle lit N passages…"
        Token      -> append event.text to a provisional view (raw ``[n]`` = PromptReady passages)
        Finished   -> replace everything with event.answer (renumbered citations, .unsupported, .notices)

``Cancelled`` ends the stream when ``cancel`` is set (not an error). After changing the model or
its settings, call :func:`models.llm.release_shared_models` and make a new answerer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from models.discovery import LLMChoice, resolve_llm
from models.errors import Cancelled, LLMError, ModelMissing
from models.llm import LLMConfig, TextGenerator, llama_cpp_version, shared_model

from qa.answer import Answer
from qa.llm_answerer import AnswerEvent, Finished, LLMAnswerer, Retrieved, Token

if TYPE_CHECKING:  # pragma: no cover
    from index.retriever import Retriever
    from index.store import OpenIndex
    from models.llm import Cancellable
    from qa.extractive import ExtractiveAnswerer

MODES = ("auto", "extractive", "llm")


@dataclass(frozen=True)
class ModeChoice:
    """The mode asked for, the model found (and why), and the notice to show if we fall back."""

    requested: str
    llm: LLMChoice | None

    @property
    def wants_llm(self) -> bool:
        return self.requested in ("auto", "llm") and self.llm is not None and self.llm.found

    def notice(self) -> str | None:
        """Why the answer is extractive, in French (``None`` when that is what was asked)."""
        if self.requested == "extractive":
            return None
        if self.llm is None or not self.llm.found:
            if self.llm is not None and self.llm.problem:
                why = self.llm.problem
            elif self.llm is not None and self.llm.disabled:
                why = self.llm.reason
            else:
                why = "aucun modèle GGUF trouvé (placez un fichier .gguf dans models/, ou indiquez --llm / VEILLE_LLM)"
            return f"Mode extractif : {why}."
        return None


def choose_mode(requested: str = "auto", llm: str | Path | None = None, setting: str | Path | None = None,
                data_dir: str | Path | None = None) -> ModeChoice:
    """Resolve the model for ``requested`` (nothing is loaded). See :func:`models.discovery.resolve_llm`."""
    if requested not in MODES:
        raise ValueError(f"mode inconnu : {requested}")
    if requested == "extractive":
        return ModeChoice(requested, None)
    return ModeChoice(requested, resolve_llm(llm, setting, data_dir))


class ExtractiveMode:
    """The extractive answerer behind the streaming interface of :class:`LLMAnswerer`."""

    mode = "extractive"

    def __init__(self, extractive: "ExtractiveAnswerer", notices: list[str] | None = None) -> None:
        self.extractive = extractive
        self.notices = list(notices or [])

    def load(self) -> "ExtractiveMode":
        self.extractive.load()
        return self

    def stream(self, question: str, k: int = 5, cancel: "Cancellable | None" = None) -> Iterator[AnswerEvent]:
        answer = self.ask(question, k, cancel)
        yield Retrieved(list(answer.passages), answer)
        yield Finished(answer)

    def ask(self, question: str, k: int = 5, cancel: "Cancellable | None" = None,
            on_token: Callable[[str], None] | None = None) -> Answer:
        if cancel is not None and cancel.cancelled:
            raise Cancelled("Réponse interrompue.")
        answer = self.extractive.ask(question, k)
        answer.notices = [*answer.notices, *self.notices]
        return answer



def make_answerer(index: "OpenIndex", retriever: "Retriever", choice: ModeChoice,
                  config: LLMConfig = LLMConfig(), model: TextGenerator | None = None,
                  load: bool = True) -> "LLMAnswerer | ExtractiveMode":
    """The answerer for ``choice``; loads the model now when ``load`` so a broken file is found
    before the first question (and the answerer falls back with a notice instead of failing).

    ``model`` lets a front-end pass a model it keeps loaded; by default the process-wide
    :func:`models.llm.shared_model` is used, so the weights are loaded once per process.
    """
    from qa.extractive import ExtractiveAnswerer

    extractive = ExtractiveAnswerer(index, retriever)
    if not choice.wants_llm:
        notice = choice.notice()
        return ExtractiveMode(extractive, [notice] if notice else [])
    assert choice.llm is not None and choice.llm.path is not None
    llm = model if model is not None else shared_model(choice.llm.path, config)
    if load:
        try:
            llm.load()
        except (LLMError, ModelMissing) as exc:
            return ExtractiveMode(extractive, [f"Mode extractif : {exc}"])
    return LLMAnswerer(extractive, llm)


def print_stream(events: Iterator[AnswerEvent], write: Callable[[str], None]) -> Answer:
    """Drive a stream, writing raw tokens as they come; returns the final answer."""
    answer: Answer | None = None
    for event in events:
        if isinstance(event, Token):
            write(event.text)
        elif isinstance(event, Finished):
            answer = event.answer
    assert answer is not None
    return answer


def describe_llm(choice: LLMChoice, config: LLMConfig = LLMConfig()) -> dict[str, object]:
    """What ``veille info`` (and the settings dialog) show about the language model."""
    from models.gguf_info import read_metadata, summary

    out: dict[str, object] = {
        "path": str(choice.path) if choice.path else None, "reason": choice.reason, "problem": choice.problem,
        "llama_cpp": llama_cpp_version(),
        "config": {"n_ctx": config.n_ctx, "threads": config.threads(), "max_tokens": config.max_tokens,
                   "temperature": config.temperature, "prompt_tokens": config.prompt_tokens},
    }
    if choice.path is not None:
        t0 = time.perf_counter()
        try:
            out["model"] = summary(read_metadata(choice.path))
            out["size_mb"] = round(choice.path.stat().st_size / 1e6, 1)
        except ModelMissing as exc:
            out["problem"] = str(exc)
        out["read_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    return out
