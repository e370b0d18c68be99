"""LLM answer benchmark: speed and grounding of a local GGUF model on the sample-corpus questions.

Usage::

    .venv/bin/python bench/llm.py [--llm FILE.gguf] [--limit N] [--ctx 2048] [--threads N]
                                  [--max-tokens 256] [--prompt-tokens 800] [--out results.json]

The model is found like ``veille ask`` finds it (``--llm``, ``VEILLE_LLM``, then the first
``*.gguf`` in models/ or the user data models/ folder); with none, the script says so and exits 0.
The sample corpus is indexed once into /tmp/veille-bench/sample-index.

Per question: prompt tokens (and how many were reused from the KV cache of the fixed
instructions), time to first token (≈ prompt processing on CPU), generation speed (tokens/s),
total time, and what verification made of the answer (valid citations, unsupported sentences,
fallback to extractive). The first question is also timed: it pays for the cold prefix.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BENCH_DIR = Path("/tmp/veille-bench")
SAMPLE_QUESTIONS = ROOT / "tests" / "data" / "sample_questions.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--llm", help="fichier GGUF (défaut : découverte comme veille ask)")
    ap.add_argument("--questions", default=str(SAMPLE_QUESTIONS))
    ap.add_argument("--limit", type=int, default=0, help="nombre de questions (0 : toutes)")
    ap.add_argument("--ctx", type=int, default=2048)
    ap.add_argument("--threads", type=int, default=0, help="0 : un par cœur physique")
    ap.add_argument("--max-tokens", type=int, default=256)
    ap.add_argument("--prompt-tokens", type=int, default=800)
    ap.add_argument("--index", help="dossier d'index (défaut : /tmp/veille-bench/sample-index)")
    ap.add_argument("--out", help="écrire les résultats JSON ici")
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args(argv)

    os.environ.setdefault("VEILLE_DATA", str(BENCH_DIR / "data"))
    from index.locations import data_dir
    from models.discovery import resolve_llm

    choice = resolve_llm(args.llm, data_dir=data_dir())
    if not choice.found:
        print(f"Pas de modèle GGUF : {choice.problem or choice.reason}. Rien à mesurer.")
        return 0
    from models.errors import VeilleError
    from models.llm import LLMConfig, LlamaModel, llama_cpp_version

    if llama_cpp_version() is None:
        print("llama-cpp-python n'est pas installé (pip install 'veille[llm]'). Rien à mesurer.")
        return 0

    from index.workspace import Workspace
    from qa.extractive import ExtractiveAnswerer
    from qa.llm_answerer import Finished, LLMAnswerer, Token

    config = LLMConfig(n_ctx=args.ctx, n_threads=args.threads, max_tokens=args.max_tokens,
                       prompt_tokens=args.prompt_tokens)
    ws = Workspace(ROOT / "corpus", args.index or BENCH_DIR / "sample-index")
    if ws.staleness().stale:
        print("indexation du corpus d'exemple…", file=sys.stderr)
        ws.build()
    model = LlamaModel(choice.path, config)
    t0 = time.perf_counter()
    try:
        model.load()
    except VeilleError as exc:
        print(f"Modèle inutilisable : {exc}")
        return 0
    load_s = time.perf_counter() - t0
    answerer = LLMAnswerer(ExtractiveAnswerer(ws.index, ws.retriever()).load(), model)
    items = [json.loads(line) for line in Path(args.questions).read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.limit:
        items = items[: args.limit]
    print(f"{choice.path.name} ({choice.reason}) chargé en {load_s:.1f} s ; {config.threads()} threads, "
          f"contexte {model.n_ctx}, budget de prompt {config.prompt_budget(model.n_ctx)} jetons\n")
    header = f"{'question':42} {'prompt':>6} {'cache':>5} {'1er jeton':>9} {'jet/s':>6} {'jetons':>6} {'total':>7}  résultat"
    print(header)
    print("-" * len(header))
    rows = []
    for item in items:
        t = time.perf_counter()
        finished = None
        for event in answerer.stream(item["question"], args.k):
            if isinstance(event, Finished):
                finished = event
            elif isinstance(event, Token):
                pass
        total = time.perf_counter() - t
        assert finished is not None and finished.stats is not None
        s, a = finished.stats, finished.answer
        outcome = ("repli extractif" if a.mode != "llm" else "abstention" if a.abstained
                   else f"{len(a.citations)} cit." + (f", {len(a.unsupported)} non appuyée(s)" if a.unsupported else ""))
        gold = [g.lower() for g in item.get("answers", [])]
        row = {"id": item.get("id"), "question": item["question"], "prompt_tokens": s.prompt_tokens,
               "cached_tokens": s.cached_tokens, "first_token_s": round(s.first_token_s, 3),
               "tokens_per_s": round(s.tokens_per_s, 2), "completion_tokens": s.completion_tokens,
               "total_s": round(total, 3), "mode": a.mode, "abstained": a.abstained, "citations": len(a.citations),
               "unsupported": len(a.unsupported), "invalid_citations": a.invalid_citations,
               "gold_in_answer": any(g in a.text.lower() for g in gold) if gold else None,
               "answer": a.text, "raw": finished.raw}
        rows.append(row)
        print(f"{item['question'][:42]:42} {s.prompt_tokens:>6} {s.cached_tokens:>5} {s.first_token_s:>8.2f}s "
              f"{s.tokens_per_s:>6.1f} {s.completion_tokens:>6} {total:>6.1f}s  {outcome}", flush=True)
    if rows:
        def med(key: str) -> float:
            return statistics.median(r[key] for r in rows)

        llm_rows = [r for r in rows if r["mode"] == "llm"]
        summary = {
            "model": str(choice.path), "load_s": round(load_s, 2), "threads": config.threads(), "n_ctx": model.n_ctx,
            "questions": len(rows), "median_prompt_tokens": med("prompt_tokens"),
            "median_first_token_s": med("first_token_s"), "median_tokens_per_s": med("tokens_per_s"),
            "median_total_s": med("total_s"), "llm_answers": len(llm_rows),
            "fallbacks": len(rows) - len(llm_rows),
            "with_unsupported": sum(1 for r in llm_rows if r["unsupported"]),
            "gold_in_answer": sum(1 for r in rows if r["gold_in_answer"]),
        }
        print(f"\nmédianes : prompt {summary['median_prompt_tokens']} jetons, 1er jeton {summary['median_first_token_s']:.2f} s, "
              f"{summary['median_tokens_per_s']:.1f} jetons/s, total {summary['median_total_s']:.1f} s ; "
              f"{summary['llm_answers']} réponses du modèle, {summary['fallbacks']} replis extractifs")
        if args.out:
            Path(args.out).write_text(json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False, indent=1),
                                      encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
