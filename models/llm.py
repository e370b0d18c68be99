"""A local GGUF language model through llama-cpp-python: configuration, loading, streaming.

Shaped like the embedder: configuration in ``__init__``, weights in :meth:`LlamaModel.load`,
``llama_cpp`` imported lazily so the app runs (extractively) without it.

Everything the answering layer needs is the small :class:`TextGenerator` protocol — render a
chat, count tokens, stream text — so tests can drive the same code with scripted text.

Threading: a llama.cpp context is not thread-safe, so one generation runs at a time per model
(:attr:`LlamaModel.lock`). Cancellation is checked between tokens and, during prompt processing
(the slow part on CPU: ~1,500 prompt tokens cost 20–45 s on 2 cores), inside ``llama_decode``
through llama.cpp's abort callback, so a stop request lands within a fraction of a second.
"""

from __future__ import annotations

import codecs
import os
import threading
import time
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Iterator, Protocol, runtime_checkable

from models.errors import Cancelled, LLMError, ModelMissing

#: Used when a GGUF has no ``tokenizer.chat_template`` (or it fails to render).
FALLBACK_TEMPLATE = (
    "{% for m in messages %}"
    "{% if m.role == 'system' %}### Instructions\n{{ m.content }}\n\n"
    "{% elif m.role == 'user' %}### Demande\n{{ m.content }}\n\n"
    "{% else %}### Réponse\n{{ m.content }}\n\n{% endif %}"
    "{% endfor %}"
    "{% if add_generation_prompt %}### Réponse\n{% endif %}"
)
#: End-of-turn texts that some templates leave as plain text; generation stops at them.
COMMON_STOPS = ("<|im_end|>", "<|eot_id|>", "<|end|>", "<end_of_turn>", "</s>", "### Demande", "### Instructions")


def physical_cores() -> int:
    """Physical cores available to this process (llama.cpp gains nothing from hyper-threads).

    Counted from ``/proc/cpuinfo`` (core id × physical id), capped by the CPU affinity mask
    (containers); falls back to the logical count.
    """
    try:
        logical = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        logical = os.cpu_count() or 1
    cores: set[tuple[str, str]] = set()
    try:
        phys = core = ""
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                key, value = key.strip(), value.strip()
                if key == "physical id":
                    phys = value
                elif key == "core id":
                    core = value
                elif not key and core:
                    cores.add((phys, core))
                    phys = core = ""
        if core:
            cores.add((phys, core))
    except OSError:
        pass
    return max(1, min(len(cores), logical) if cores else logical)


@dataclass(frozen=True)
class LLMConfig:
    """LLM settings (the desktop settings dialog edits these; the CLI uses the defaults).

    ``prompt_tokens`` is a target, not the context size: prompt processing dominates on CPU, so
    prompts are kept short (< 800 tokens) even when the context would allow more.
    """

    n_ctx: int = 2048
    #: 0 = one per physical core
    n_threads: int = 0
    max_tokens: int = 256
    temperature: float = 0.1
    top_p: float = 0.9
    repeat_penalty: float = 1.1
    prompt_tokens: int = 800
    #: tokens per llama_decode call while reading the prompt
    n_batch: int = 256
    seed: int = 1234

    def threads(self) -> int:
        return self.n_threads if self.n_threads > 0 else physical_cores()

    def prompt_budget(self, n_ctx: int | None = None) -> int:
        """Prompt tokens allowed: the target, and never more than the context minus the answer."""
        ctx = n_ctx or self.n_ctx
        return max(64, min(self.prompt_tokens, ctx - self.max_tokens - 8))

    def with_(self, **changes: Any) -> "LLMConfig":
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """For saving in the settings file."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "LLMConfig":
        """From saved settings; unknown keys and values of the wrong type are ignored."""
        out = cls()
        for f in fields(cls):
            if data and f.name in data:
                default = getattr(out, f.name)
                try:
                    out = replace(out, **{f.name: type(default)(data[f.name])})
                except (TypeError, ValueError):
                    pass
        return out


@dataclass
class GenerationStats:
    """Measured for each generation (the benchmark and ``timings_ms`` read it)."""

    prompt_tokens: int = 0
    #: prompt tokens whose KV cache was reused from the previous question (the fixed prefix)
    cached_tokens: int = 0
    completion_tokens: int = 0
    first_token_s: float = 0.0
    total_s: float = 0.0
    finish_reason: str = ""

    @property
    def tokens_per_s(self) -> float:
        gen = self.total_s - self.first_token_s
        return (self.completion_tokens - 1) / gen if self.completion_tokens > 1 and gen > 0 else 0.0


class Cancellable(Protocol):
    """What the model checks for a stop request (``index.progress.CancelToken`` fits)."""

    @property
    def cancelled(self) -> bool: ...


@runtime_checkable
class TextGenerator(Protocol):
    """What answering needs from a language model; :class:`LlamaModel` is the real one."""

    config: LLMConfig
    lock: threading.Lock

    @property
    def name(self) -> str: ...

    @property
    def n_ctx(self) -> int: ...

    def load(self) -> "TextGenerator": ...

    def render(self, messages: list[dict[str, str]]) -> str: ...

    def count_tokens(self, text: str) -> int: ...

    def stream(self, prompt: str, max_tokens: int | None = None, cancel: Cancellable | None = None,
               stats: GenerationStats | None = None) -> Iterator[str]: ...


class StopFilter:
    """Holds back streamed text that could be the start of a stop string, and cuts at one.

    ``feed`` returns the text that is safe to show; ``stopped`` turns true at a stop string.
    """

    def __init__(self, stops: tuple[str, ...]) -> None:
        self.stops = tuple(s for s in stops if s)
        self.pending = ""
        self.stopped = False

    def feed(self, piece: str) -> str:
        if self.stopped:
            return ""
        text = self.pending + piece
        cut = min((i for i in (text.find(s) for s in self.stops) if i >= 0), default=-1)
        if cut >= 0:
            self.stopped = True
            self.pending = ""
            return text[:cut]
        hold = 0
        for s in self.stops:
            for n in range(min(len(s) - 1, len(text)), 0, -1):
                if text.endswith(s[:n]):
                    hold = max(hold, n)
                    break
        self.pending = text[len(text) - hold :] if hold else ""
        return text[: len(text) - hold]

    def flush(self) -> str:
        out, self.pending = ("" if self.stopped else self.pending), ""
        return out


class LlamaModel:
    """A GGUF file run by llama-cpp-python. Nothing is loaded until :meth:`load`."""

    def __init__(self, path: str | os.PathLike[str], config: LLMConfig = LLMConfig()) -> None:
        self.path = Path(path)
        self.config = config
        self.lock = threading.Lock()
        self._llm: Any = None
        self._formatter: Any = None
        self._stops: tuple[str, ...] = COMMON_STOPS
        self._template_source = ""
        self._merge_system = False
        self._abort = False
        self._abort_cb: Any = None  # keeps the ctypes callback alive as long as the context

    # -- identity ----------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.path.name

    @property
    def loaded(self) -> bool:
        return self._llm is not None

    @property
    def n_ctx(self) -> int:
        return int(self._llm.n_ctx()) if self._llm is not None else self.config.n_ctx

    @property
    def template_source(self) -> str:
        """``"gguf"`` when the model's own chat template is used, ``"simple"`` for the fallback."""
        return self._template_source

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> "LlamaModel":
        """Load weights and create the context once; later calls return at once.

        Raises :class:`ModelMissing` (no such file, not a GGUF) or :class:`LLMError` (llama_cpp
        not installed, unsupported architecture, corrupt tensors, not enough memory).
        """
        with self.lock:
            if self._llm is not None:
                return self
            from models.gguf_info import read_metadata

            meta = read_metadata(self.path)  # ModelMissing for absent / non-GGUF / truncated files
            llama_cpp = import_llama_cpp()
            try:
                llm = llama_cpp.Llama(
                    model_path=str(self.path), n_ctx=self.config.n_ctx, n_batch=self.config.n_batch,
                    n_ubatch=self.config.n_batch, n_threads=self.config.threads(),
                    n_threads_batch=self.config.threads(), seed=self.config.seed, n_gpu_layers=0,
                    verbose=False,
                )
            except MemoryError as exc:
                raise LLMError(f"Mémoire insuffisante pour charger {self.path.name} ; essayez un modèle plus petit "
                               f"ou un contexte plus court.") from exc
            except Exception as exc:  # noqa: BLE001 - llama_cpp raises ValueError/RuntimeError/OSError
                arch = meta.get("general.architecture", "?")
                raise LLMError(f"Impossible de charger {self.path.name} (architecture « {arch} ») : fichier corrompu, "
                               f"incompatible avec cette version de llama.cpp, ou mémoire insuffisante ({exc}).") from exc
            self._llm = llm
            self._setup_template(llama_cpp, meta)
            self._install_abort(llama_cpp)
        return self

    def close(self) -> None:
        with self.lock:
            if self._llm is not None:
                try:
                    self._llm.close()
                finally:
                    self._llm = None

    def _setup_template(self, llama_cpp: Any, meta: dict[str, Any]) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        llm = self._llm
        eos_id, bos_id = llm.token_eos(), llm.token_bos()
        eos = llm._model.token_get_text(eos_id) if eos_id != -1 else ""
        bos = llm._model.token_get_text(bos_id) if bos_id != -1 else ""
        template = llm.metadata.get("tokenizer.chat_template") or meta.get("tokenizer.chat_template")
        probe = [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]
        self._formatter, self._template_source, self._merge_system = None, "simple", False
        if template:
            fmt = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
            for merge in (False, True):  # Gemma-style templates refuse a system role: fold it into the question
                try:
                    fmt(messages=_merged(probe) if merge else probe)
                except Exception:  # noqa: BLE001 - a template that cannot render falls back to ours
                    continue
                self._formatter, self._template_source, self._merge_system = fmt, "gguf", merge
                break
        if self._formatter is None:
            self._formatter = Jinja2ChatFormatter(template=FALLBACK_TEMPLATE, eos_token=eos, bos_token=bos)
        self._stops = tuple(dict.fromkeys([s for s in (eos,) if s] + list(COMMON_STOPS)))

    def _install_abort(self, llama_cpp: Any) -> None:
        """Let llama_decode stop mid-prompt when :attr:`_abort` is set (best effort)."""
        try:
            cb = llama_cpp.ggml_abort_callback(lambda _data: bool(self._abort))
            llama_cpp.llama_set_abort_callback(self._llm._ctx.ctx, cb, None)
            self._abort_cb = cb
        except Exception:  # noqa: BLE001 - older bindings: cancellation between batches only
            self._abort_cb = None

    # -- text --------------------------------------------------------------------------------
    def _require(self) -> Any:
        if self._llm is None:
            self.load()
        return self._llm

    def render(self, messages: list[dict[str, str]]) -> str:
        """The prompt text for a chat, through the model's own template when it has one."""
        self._require()
        # enable_thinking=False: reasoning models' templates (Qwen3) then skip the <think> block; others ignore it
        return str(self._formatter(messages=_merged(messages) if self._merge_system else messages,
                                   enable_thinking=False).prompt)

    def tokenize(self, text: str) -> list[int]:
        llm = self._require()
        # rendered templates carry their own BOS and special tokens (llama-cpp-python does the same)
        return list(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text))

    # -- generation --------------------------------------------------------------------------
    def stream(self, prompt: str, max_tokens: int | None = None, cancel: Cancellable | None = None,
               stats: GenerationStats | None = None) -> Iterator[str]:
        """Yield the answer's text as it is generated; one generation at a time per model.

        Stops at an end-of-generation token, a stop string or ``max_tokens``. Raises
        :class:`Cancelled` when ``cancel`` is set (checked between tokens and inside prompt
        processing) and :class:`LLMError` when llama.cpp fails (e.g. the prompt exceeds the
        context). Close the generator (or exhaust it) to release the model.
        """
        llm = self._require()
        import llama_cpp

        stats = stats if stats is not None else GenerationStats()
        limit = max_tokens or self.config.max_tokens
        tokens = self.tokenize(prompt)
        if len(tokens) + limit > self.n_ctx:
            limit = self.n_ctx - len(tokens)
            if limit < 8:
                raise LLMError(f"La question et les passages ({len(tokens)} jetons) dépassent le contexte du modèle "
                               f"({self.n_ctx} jetons).")
        t0 = time.perf_counter()
        while not self.lock.acquire(timeout=0.05):
            if cancel is not None and cancel.cancelled:
                raise Cancelled("Réponse interrompue.")
        watcher: threading.Thread | None = None
        done = threading.Event()
        try:
            if cancel is not None and cancel.cancelled:
                raise Cancelled("Réponse interrompue.")
            self._abort = False
            if cancel is not None:
                watcher = threading.Thread(target=self._watch, args=(cancel, done), daemon=True)
                watcher.start()
            stats.prompt_tokens = len(tokens)
            stats.cached_tokens = _common_prefix(list(llm._input_ids[: llm.n_tokens]), tokens)
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
            stop = StopFilter(self._stops)
            started = False
            gen = llm.generate(tokens, temp=self.config.temperature, top_p=self.config.top_p,
                               top_k=40, min_p=0.05, repeat_penalty=self.config.repeat_penalty, reset=True)
            try:
                for n, token in enumerate(_guarded(gen, cancel, self)):
                    if not started:
                        stats.first_token_s = time.perf_counter() - t0
                        started = True
                    if llama_cpp.llama_vocab_is_eog(llm._model.vocab, token):
                        stats.finish_reason = "stop"
                        break
                    stats.completion_tokens = n + 1
                    piece = stop.feed(decoder.decode(llm.detokenize([token])))
                    if piece:
                        yield piece
                    if stop.stopped:
                        stats.finish_reason = "stop"
                        break
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled("Réponse interrompue.")
                    if n + 1 >= limit:
                        stats.finish_reason = "length"
                        break
                else:
                    stats.finish_reason = stats.finish_reason or "stop"
            finally:
                gen.close()
            tail = stop.feed(decoder.decode(b"", final=True)) + stop.flush()
            if tail:
                yield tail
        except Cancelled:
            stats.finish_reason = "cancelled"
            raise
        finally:
            stats.total_s = time.perf_counter() - t0
            done.set()
            self._abort = False
            self.lock.release()

    def _watch(self, cancel: Cancellable, done: threading.Event) -> None:
        """Turn a cancel request into llama.cpp's abort flag while a decode is running."""
        while True:
            if cancel.cancelled:
                self._abort = True
                return
            if done.wait(0.05):
                return


def _guarded(gen: Iterator[int], cancel: Cancellable | None, model: LlamaModel) -> Iterator[int]:
    """Translate llama.cpp failures into Veille errors as tokens are drawn."""
    while True:
        try:
            token = next(gen)
        except StopIteration:
            return
        except MemoryError as exc:
            raise LLMError("Mémoire insuffisante pendant la génération.") from exc
        except Exception as exc:  # noqa: BLE001 - llama_decode failures surface as RuntimeError
            if cancel is not None and cancel.cancelled:
                raise Cancelled("Réponse interrompue.") from None
            try:  # the KV cache may hold a half-written batch: start clean next time
                model._llm.reset()
            except Exception:  # noqa: BLE001
                pass
            raise LLMError(f"Le modèle a échoué pendant la génération ({exc}).") from exc
        yield token


def _merged(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """The system message prepended to the first user message (for templates without a system role);
    the instructions still come first, so the prompt prefix stays identical across questions."""
    system = "\n\n".join(m["content"] for m in messages if m["role"] == "system")
    rest = [dict(m) for m in messages if m["role"] != "system"]
    if system and rest and rest[0]["role"] == "user":
        rest[0]["content"] = system + "\n\n" + rest[0]["content"]
    elif system:
        rest.insert(0, {"role": "user", "content": system})
    return rest


def _common_prefix(a: list[int], b: list[int]) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def import_llama_cpp() -> Any:
    """``llama_cpp``, or :class:`LLMError` saying how to install it."""
    try:
        import llama_cpp
    except ImportError as exc:
        raise LLMError("llama-cpp-python n'est pas installé : pip install 'veille[llm]' "
                       "(ou utilisez le mode extractif).") from exc
    return llama_cpp


def llama_cpp_version() -> str | None:
    """The installed llama-cpp-python version, without importing it (``None`` if absent)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("llama-cpp-python")
    except PackageNotFoundError:
        return None


_cache_lock = threading.Lock()
_cache: dict[tuple[str, LLMConfig], LlamaModel] = {}


def shared_model(path: str | os.PathLike[str], config: LLMConfig = LLMConfig()) -> LlamaModel:
    """One :class:`LlamaModel` per (file, settings) per process, so the weights and the KV cache
    of the fixed prompt prefix are kept between questions (not loaded here: call ``load()``)."""
    key = (str(Path(path).resolve()), config)
    with _cache_lock:
        model = _cache.get(key)
        if model is None:
            model = _cache[key] = LlamaModel(path, config)
        return model


def release_shared_models() -> None:
    """Free every cached model (settings changed, or the app is closing)."""
    with _cache_lock:
        models = list(_cache.values())
        _cache.clear()
    for m in models:
        m.close()


__all__ = ["LLMConfig", "GenerationStats", "TextGenerator", "LlamaModel", "StopFilter", "ModelMissing", "LLMError",
           "physical_cores", "shared_model", "release_shared_models", "import_llama_cpp", "llama_cpp_version"]
