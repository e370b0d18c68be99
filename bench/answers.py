"""Answer benchmark: PIAF dev questions (test half) and the sample-corpus question set.

Usage::

    .venv/bin/python bench/answers.py [--limit N] [--unanswerable N]

PIAF articles are written as ``<doc_id>.txt`` into /tmp/veille-bench/piaf-corpus and indexed
once into /tmp/veille-bench/answers-index (reused between runs). Dev questions are split by
article into train/test halves (see :func:`split`); the weights in qa/extractive_weights.json
are learnt on the train half only (bench/train_answerer.py) and the numbers here are test-half
numbers. Unanswerable PIAF questions are made by hiding the question's own article from the
retrieved passages (its answer is then, almost always, nowhere in the corpus).
Prints a table and writes bench/results/answers.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PIAF = Path("/work/shared/data/piaf")
BENCH_DIR = Path("/tmp/veille-bench")
CORPUS = BENCH_DIR / "piaf-corpus"
INDEX = BENCH_DIR / "answers-index"
SAMPLE_QUESTIONS = ROOT / "tests" / "data" / "sample_questions.jsonl"
RESULTS = ROOT / "bench" / "results" / "answers.json"


def split(doc_id: str) -> str:
    """'train' or 'test', by article, stable across runs and machines."""
    return "train" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def piaf_workspace():
    os.environ.setdefault("VEILLE_DATA", str(BENCH_DIR / "data"))
    from index.workspace import Workspace

    CORPUS.mkdir(parents=True, exist_ok=True)
    for line in (PIAF / "piaf-corpus.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        f = CORPUS / f"{d['doc_id']}.txt"
        if not f.exists() or f.read_text(encoding="utf-8") != d["text"]:
            f.write_text(d["text"], encoding="utf-8")
    ws = Workspace(CORPUS, INDEX)
    if ws.staleness().stale:
        print("indexation du corpus PIAF (quelques minutes, une seule fois)…", file=sys.stderr)
        ws.build()
    return ws


def piaf_questions(half: str | None = None) -> list[dict]:
    out = []
    for line in (PIAF / "piaf-dev-questions.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if half is None or split(d["doc_id"]) == half:
            out.append(d)
    return out


def run(answerer, items, get_text, k: int = 5, hide_source: bool = False):
    """Answer every item; with ``hide_source`` the gold article is removed from the evidence."""
    from qa.evaluate import Tally

    tally = Tally(k=k)
    for item in items:
        if hide_source:
            t0 = time.perf_counter()
            hits = [h for h in answerer.retrieve(item.question, 30) if h.source != item.source]
            ans = answerer.answer_from_hits(item.question, hits, k)
            ans.timings_ms = {"total_ms": (time.perf_counter() - t0) * 1000}
            item = type(item)(item.question, [], item.source, item.id)
        else:
            ans = answerer.ask(item.question, k)
        tally.add(item, ans, get_text)
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="at most N test questions (0: all)")
    ap.add_argument("--unanswerable", type=int, default=400, help="synthetic unanswerable questions")
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args(argv)

    from qa.evaluate import EvalItem, read_items
    from qa.extractive import ExtractiveAnswerer

    ws = piaf_workspace()
    answerer = ExtractiveAnswerer(ws.index, ws.retriever()).load()
    get_text = lambda s: str(ws.index.article(s)["text"])  # noqa: E731
    answerer.ask("Qui a écrit ce texte ?")  # warm-up: first call pays model and cache start-up

    test = [EvalItem(d["question"], d["answers"], f"{d['doc_id']}.txt", d["id"]) for d in piaf_questions("test")]
    if args.limit:
        test = test[: args.limit]
    piaf = run(answerer, test, get_text, args.k)
    step = max(1, len(test) // max(1, args.unanswerable))
    unans = run(answerer, test[::step][: args.unanswerable], get_text, args.k, hide_source=True)
    combined = type(piaf)(k=args.k, rows=piaf.rows + unans.rows)

    from index.workspace import Workspace

    sample_ws = Workspace(ROOT / "corpus", BENCH_DIR / "sample-index")
    if sample_ws.staleness().stale:
        sample_ws.build()
    sample_answerer = ExtractiveAnswerer(sample_ws.index, sample_ws.retriever())
    sample_items = read_items(SAMPLE_QUESTIONS.open(encoding="utf-8"))
    sample = run(sample_answerer, sample_items, lambda s: str(sample_ws.index.article(s)["text"]), args.k)

    results = {
        "piaf_test": piaf.summary(),
        "piaf_with_unanswerable": combined.summary(),
        "sample": sample.summary(),
        "sample_failures": [r for r in sample.rows if not ((r["answerable"] and r["answer_ok"] and r["sentence_ok"])
                                                           or (not r["answerable"] and r["abstained"]))],
        "piaf_by_type": _by_type(piaf.rows),
        "config": {"k": args.k, "test_questions": len(test), "unanswerable": len(unans.rows),
                   "weights": "qa/extractive_weights.json"},
    }
    _table(results)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nrésultats écrits dans {RESULTS.relative_to(ROOT)}")
    return 0


def _by_type(rows: list[dict]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for r in rows:
        d = out.setdefault(r["qtype"], {"n": 0, "sentence_accuracy": 0.0, "f1": 0.0})
        d["n"] += 1
        d["sentence_accuracy"] += r["sentence_ok"]
        d["f1"] += r["f1"]
    for d in out.values():
        d["sentence_accuracy"] = round(d["sentence_accuracy"] / d["n"], 3)
        d["f1"] = round(d["f1"] / d["n"], 3)
    return out


def _table(results: dict) -> None:
    keys = ["questions", "recall@5", "mrr", "sentence_accuracy", "answer_accuracy", "f1", "citation_correctness",
            "abstention_on_answerable", "abstention_precision", "abstention_recall", "latency_p50_ms", "latency_p95_ms"]
    cols = ["piaf_test", "piaf_with_unanswerable", "sample"]
    print(f"{'':28}" + "".join(f"{c:>24}" for c in cols))
    for k in keys:
        cells = []
        for c in cols:
            v = results[c].get(k)
            cells.append(f"{v:>24.3f}" if isinstance(v, float) else f"{v!s:>24}")
        print(f"{k:28}" + "".join(cells))
    print("\nPIAF (test) par type de question :")
    for t, d in sorted(results["piaf_by_type"].items()):
        print(f"  {t:10} n={d['n']:4}  phrase={d['sentence_accuracy']:.3f}  F1={d['f1']:.3f}")


if __name__ == "__main__":
    sys.exit(main())
