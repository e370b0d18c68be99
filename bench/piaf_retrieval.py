"""Retrieval benchmark on the PIAF dev questions (French Wikipedia QA, 480 articles, 3709 questions).

Each article is written as ``<doc_id>.txt`` (its text only, as-is) into a corpus folder, indexed
with the real builder and searched with the real :class:`index.retriever.Retriever`. A question
is answered at rank r when the r-th passage comes from its article and contains one of its
answers (both compared after :func:`index.analysis.fold`). We report Recall@1/5/10 and MRR@10.

Embedding the corpus takes minutes on two cores, so:

* the corpus folder and the index live under a fixed temporary path (``--workdir``), the index
  keyed by chunking parameters, and are reused by later runs (an unchanged corpus is "up to date");
* vectors are cached by text hash (:class:`CachedEmbedder`), so a rebuild forced by an analyzer
  change or a chunking tweak only embeds passages never seen before, and question vectors are
  computed once for all the configurations of a ``--sweep``.

Usage::

    .venv/bin/python bench/piaf_retrieval.py                       # current defaults
    .venv/bin/python bench/piaf_retrieval.py --fusion rrf --limit 500
    .venv/bin/python bench/piaf_retrieval.py --sweep               # ablation table + grids
    .venv/bin/python bench/piaf_retrieval.py --sweep --grid lexical_weight=0.6,0.8 article_weight=0.3,0.5
    .venv/bin/python bench/piaf_retrieval.py --min-words 40 --max-words 120   # another chunking (own index)

Every configuration is also scored on the *held-out half* (questions whose article's SHA-1 is
odd): the learned reranker (``index/rerank.py``) is trained on the other half by
``bench/train_reranker.py``, so only held-out numbers are honest for it.

Results (2026-11-23, MiniLM, analysis fr-2, 50–130-word passages), all questions / held-out half:

* fused defaults without rerank: R@1 0.689 / 0.676, R@5 0.861 / 0.856, R@10 0.899 / 0.896,
  MRR@10 0.764 / 0.755;
* with the learned rerank of the top 30 (defaults): R@1 0.714 / 0.699, R@5 0.877 / 0.869,
  R@10 0.910 / 0.906, MRR@10 0.783 / 0.772 (all-questions numbers include the training half).

Rerun 2026-12-02 with analysis fr-3 (« elles » a stop word): with the rerank R@1 0.713 / 0.698,
R@5 0.877 / 0.869, R@10 0.909 / 0.905, MRR@10 0.782 / 0.772.

The full ablation and the latency are in ``bench/results/piaf_retrieval.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from index.analysis import FrenchAnalyzer, fold  # noqa: E402
from index.build import build_index  # noqa: E402
from index.chunking import ChunkParams  # noqa: E402
from index.lexical import LexicalIndex  # noqa: E402
from index.retriever import RetrievalParams, Retriever  # noqa: E402
from index.store import OpenIndex  # noqa: E402
from models.embedder import Embedder  # noqa: E402

DATA = Path(os.environ.get("PIAF_DATA", "/work/shared/data/piaf"))
WORKDIR = Path("/tmp/veille-bench")
RESULTS = ROOT / "bench" / "results" / "piaf_retrieval.json"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answers: tuple[str, ...]
    source: str  # "<doc_id>.txt"


@dataclass
class Scores:
    r1: float
    r5: float
    r10: float
    mrr10: float
    n: int

    def row(self) -> str:
        return f"{self.r1:6.3f} {self.r5:6.3f} {self.r10:6.3f} {self.mrr10:7.3f}"


class CachedEmbedder(Embedder):
    """The real embedder behind a text-hash → vector cache (same ``model_id``, same vectors).

    Only for benchmarking: it lets a rebuild or a sweep skip embeddings already computed. The
    cache file is keyed by the model id, so another model never reads these vectors.
    """

    def __init__(self, cache_dir: Path, path: str | None = None) -> None:
        super().__init__(path)
        self.cache_file = cache_dir / f"vectors-{self.model_id.replace('/', '_')}.npz"
        self._cache: dict[str, np.ndarray] = {}
        self._dirty = False
        if self.cache_file.is_file():
            with np.load(self.cache_file, allow_pickle=False) as z:
                self._cache = dict(zip(z["keys"].tolist(), z["vectors"]))

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self._cache]
        if missing:
            vecs = super().encode([texts[i] for i in missing], batch_size)
            for i, v in zip(missing, vecs):
                self._cache[keys[i]] = v
            self._dirty = True
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self._cache[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if not self._dirty:
            return
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._cache), dtype="U40")
        vectors = np.vstack(list(self._cache.values())).astype(np.float32)
        tmp = self.cache_file.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vectors=vectors)
        os.replace(tmp, self.cache_file)
        self._dirty = False


def load_questions(limit: int | None) -> list[Question]:
    out = []
    with open(DATA / "piaf-dev-questions.jsonl", encoding="utf-8") as fh:
        for line in fh:
            q = json.loads(line)
            out.append(Question(q["id"], q["question"], tuple(q["answers"]), f"{q['doc_id']}.txt"))
    return out[:limit] if limit else out


def write_corpus(folder: Path) -> int:
    """Write each article as ``<doc_id>.txt``; unchanged files are left alone (mtime kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(DATA / "piaf-corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            path = folder / f"{art['doc_id']}.txt"
            data = art["text"].encode("utf-8")
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)
            n += 1
    return n


def index_dir_for(workdir: Path, chunking: ChunkParams) -> Path:
    c = chunking
    return workdir / f"piaf-index-w{c.min_words}-{c.max_words}-o{c.overlap}"


def prepare_index(workdir: Path, chunking: ChunkParams, embedder: CachedEmbedder) -> Path:
    corpus = workdir / "piaf-corpus"
    write_corpus(corpus)
    index_dir = index_dir_for(workdir, chunking)
    t0 = time.perf_counter()
    summary = build_index(corpus, index_dir, embedder, chunking)
    embedder.save()
    state = "up to date" if summary.up_to_date else f"built, {summary.embedded} passages embedded"
    print(f"index {index_dir}: {summary.passages} passages, {state} ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
    return index_dir


def set_bm25(index: OpenIndex, k1: float, b: float) -> None:
    """Re-derive BM25 weights in place (what ``OpenIndex.open(k1=, b=)`` does at load)."""
    if (index.lexical.k1, index.lexical.b) != (k1, b):
        index.lexical = LexicalIndex(index.lexical.vocab, index.lexical.tf, k1=k1, b=b)


def scores_of(ranks: Sequence[int | None]) -> Scores:
    n = len(ranks) or 1
    return Scores(
        r1=sum(1 for r in ranks if r is not None and r <= 1) / n,
        r5=sum(1 for r in ranks if r is not None and r <= 5) / n,
        r10=sum(1 for r in ranks if r is not None and r <= 10) / n,
        mrr10=sum(1.0 / r for r in ranks if r is not None) / n,
        n=len(ranks),
    )


def held_out(q: Question) -> bool:
    """The half of the questions the reranker was not trained on (``bench/train_reranker.py``)."""
    return int(hashlib.sha1(q.source.encode("utf-8")).hexdigest(), 16) % 2 == 1


def evaluate(index: OpenIndex, embedder: Embedder, params: RetrievalParams,
             questions: Sequence[Question], k: int = 10) -> Scores:
    return scores_of(question_ranks(index, embedder, params, questions, k))


def question_ranks(index: OpenIndex, embedder: Embedder, params: RetrievalParams,
                   questions: Sequence[Question], k: int = 10) -> list[int | None]:
    """Rank of the first answering passage for each question (None: not in the top ``k``)."""
    set_bm25(index, params.k1, params.b)
    retriever = Retriever(index, embedder, params)
    ranks: list[int | None] = []
    for q in questions:
        answers = [fold(a) for a in q.answers if a.strip()]
        rank = None
        for hit in retriever.search(q.question, k=k):
            if hit.source == q.source and any(a in fold(hit.passage.text) for a in answers):
                rank = hit.rank
                break
        ranks.append(rank)
    return ranks


def latency(index: OpenIndex, params: RetrievalParams, questions: Sequence[Question], n: int = 200) -> dict[str, float]:
    """Warm single-query latency with the real (uncached) embedder.

    When ``params`` reranks, the same queries are also run without the rerank, interleaved
    query by query (this machine's load varies from second to second), and the difference of
    the non-embedding parts is reported as ``rerank_added_p50_ms``.
    """
    set_bm25(index, params.k1, params.b)
    embedder = Embedder()
    retriever = Retriever(index, embedder, params)
    plain = Retriever(index, embedder, replace(params, rerank=False)) if params.rerank else None
    for q in questions[:20]:
        retriever.search(q.question)
        if plain:
            plain.search(q.question)
    times, embed, rest, rest_plain, rerank_ms = [], [], [], [], []
    for q in questions[:n]:
        t0 = time.perf_counter()
        retriever.search(q.question)
        times.append((time.perf_counter() - t0) * 1000)
        embed.append(retriever.last_timings.get("embed_ms", 0.0))
        rest.append(times[-1] - embed[-1])
        rerank_ms.append(retriever.last_timings.get("rerank_ms", 0.0))
        if plain:
            t0 = time.perf_counter()
            plain.search(q.question)
            rest_plain.append((time.perf_counter() - t0) * 1000 - plain.last_timings.get("embed_ms", 0.0))
    times.sort()
    # The query embedding dominates and depends on machine load; the rest is ours to keep small.
    out = {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
           "embed_p50_ms": round(statistics.median(embed), 2),
           "retrieval_p50_ms": round(statistics.median(rest), 2), "n": len(times)}
    if plain:
        out["retrieval_without_rerank_p50_ms"] = round(statistics.median(rest_plain), 2)
        out["rerank_added_p50_ms"] = round(statistics.median(a - b for a, b in zip(rest, rest_plain)), 2)
        out["rerank_step_p50_ms"] = round(statistics.median(rerank_ms), 2)
    return out


def ablation(defaults: RetrievalParams) -> list[tuple[str, RetrievalParams]]:
    """The steps from BM25 alone to ``defaults``, each adding one thing (same index throughout)."""
    plain = replace(defaults, rerank=False, **RetrievalParams.passage_only())
    classic = replace(plain, k1=1.2, b=0.75)
    return [
        ("BM25 only (k1=1.2 b=0.75)", replace(classic, fusion="lexical")),
        ("dense only (MiniLM)", replace(plain, fusion="dense")),
        ("plain RRF (k=60, equal weights, k1=1.2 b=0.75)", replace(classic, fusion="rrf", lexical_weight=0.5, rrf_k=60)),
        ("weighted min-max fusion (0.7 BM25, k1=1.2 b=0.75)", replace(classic, fusion="weighted", lexical_weight=0.7)),
        (f"BM25 only (k1={defaults.k1} b={defaults.b})", replace(plain, fusion="lexical")),
        (f"weighted fusion ({defaults.lexical_weight} BM25, k1={defaults.k1} b={defaults.b})",
         replace(plain, fusion="weighted")),
        (f"BM25 + article BM25 x{defaults.article_weight}",
         replace(plain, fusion="lexical", article_weight=defaults.article_weight)),
        (f"+ article BM25 x{defaults.article_weight} (fused)",
         replace(plain, article_weight=defaults.article_weight)),
        (f"+ article centroid x{defaults.article_dense_weight}", replace(defaults, rerank=False)),
        (f"+ learned rerank of the top {defaults.rerank_depth} = defaults", replace(defaults, rerank=True)),
    ]


def params_from_args(args: argparse.Namespace) -> RetrievalParams:
    p = RetrievalParams()
    changes = {}
    for name in (f.name for f in dataclasses.fields(RetrievalParams)):
        value = getattr(args, name, None)
        if value is not None:
            changes[name] = value
    return replace(p, **changes)


def grid(base: RetrievalParams, spec: Iterable[str]) -> list[RetrievalParams]:
    """Parse ``name=v1,v2`` items into the cartesian product of settings around ``base``."""
    combos: list[dict[str, object]] = [{}]
    types = {f.name: type(getattr(base, f.name)) for f in dataclasses.fields(RetrievalParams)}
    for item in spec:
        name, values = item.split("=", 1)
        if name not in types:
            raise SystemExit(f"unknown retrieval parameter in grid: {name}")
        vals = [types[name](v) if types[name] is not bool else v.lower() in ("1", "true", "yes") for v in values.split(",")]
        combos = [{**c, name: v} for c in combos for v in vals]
    return [replace(base, **c) for c in combos]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=WORKDIR, help="cache folder for the corpus, indexes, vectors")
    ap.add_argument("--limit", type=int, default=None, help="first N questions only")
    ap.add_argument("--min-words", type=int, default=None)
    ap.add_argument("--max-words", type=int, default=None)
    ap.add_argument("--overlap", type=int, default=None)
    for f in dataclasses.fields(RetrievalParams):
        ftype = type(f.default)
        if ftype is bool:
            ap.add_argument(f"--{f.name.replace('_', '-')}", dest=f.name, type=lambda s: s.lower() in ("1", "true", "yes"), default=None)
        else:
            ap.add_argument(f"--{f.name.replace('_', '-')}", dest=f.name, type=ftype, default=None)
    ap.add_argument("--sweep", action="store_true", help="ablation steps, then a grid, on one loaded index")
    ap.add_argument("--grid", nargs="*", default=None, metavar="NAME=V1,V2",
                    help="grid for --sweep, e.g. lexical_weight=0.6,0.7 k1=1.2,1.5 (default: a small built-in grid)")
    ap.add_argument("--no-latency", action="store_true")
    ap.add_argument("--output", type=Path, default=RESULTS)
    args = ap.parse_args(argv)

    d = ChunkParams()
    chunking = ChunkParams(
        min_words=args.min_words if args.min_words is not None else d.min_words,
        max_words=args.max_words if args.max_words is not None else d.max_words,
        overlap=args.overlap if args.overlap is not None else d.overlap,
    )
    params = params_from_args(args)
    questions = load_questions(args.limit)
    embedder = CachedEmbedder(args.workdir / "embed-cache")
    index_dir = prepare_index(args.workdir, chunking, embedder)
    index = OpenIndex.open(index_dir, k1=params.k1, b=params.b)
    # Embed every question once (cached across runs), so configurations are timed fairly.
    embedder.encode([q.question for q in questions])
    embedder.save()

    rows: list[dict[str, object]] = []

    held = [held_out(q) for q in questions]

    def run(label: str, p: RetrievalParams) -> Scores:
        t0 = time.perf_counter()
        ranks = question_ranks(index, embedder, p, questions)
        s = scores_of(ranks)
        h = scores_of([r for r, is_held in zip(ranks, held) if is_held])
        rows.append({"label": label, "params": dataclasses.asdict(p), **dataclasses.asdict(s),
                     "held_out": dataclasses.asdict(h)})
        print(f"{label:<58} {s.row()}   {h.row()}   ({time.perf_counter() - t0:.0f}s)", flush=True)
        return s

    print(f"{'':<58} {'all questions':^29}   {'held-out half (reranker not trained on it)':^29}")
    print(f"{'configuration':<58} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}   "
          f"{'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}   n={len(questions)}/{sum(held)}")
    if args.sweep:
        for label, p in ablation(params):
            run(label, p)
        spec = args.grid if args.grid else ["lexical_weight=0.5,0.6,0.7,0.8"]
        for p in grid(params, spec):
            diff = {f.name: getattr(p, f.name) for f in dataclasses.fields(p) if getattr(p, f.name) != getattr(params, f.name)}
            run("grid " + (" ".join(f"{k}={v}" for k, v in diff.items()) or "(defaults)"), p)
    else:
        if params.rerank:
            run("configuration without rerank", replace(params, rerank=False))
        run("configuration" + (" (rerank)" if params.rerank else ""), params)

    lat = None if args.no_latency else latency(index, params, questions)
    if lat:
        print(f"warm latency (real embedder): p50 {lat['p50_ms']} ms, p95 {lat['p95_ms']} ms over {lat['n']} queries "
              f"(query embedding p50 {lat['embed_p50_ms']} ms, everything else p50 {lat['retrieval_p50_ms']} ms)")
        if "rerank_added_p50_ms" in lat:
            print(f"rerank adds p50 {lat['rerank_added_p50_ms']} ms per query (without it, everything but the "
                  f"embedding: p50 {lat['retrieval_without_rerank_p50_ms']} ms; the rerank step itself p50 "
                  f"{lat['rerank_step_p50_ms']} ms)")
    index.close()
    result = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "questions": len(questions),
        "embedder": embedder.model_id,
        "analyzer": FrenchAnalyzer.version,
        "chunking": chunking.as_dict(),
        "params": dataclasses.asdict(params),
        "latency": lat,
        "rows": rows,
        "command": "python bench/piaf_retrieval.py " + " ".join(sys.argv[1:] if argv is None else argv),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, args.output)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
