"""Train the passage reranker (``index/rerank.py``) on half of the PIAF dev questions.

The questions are split by article (``doc_id``): a question is in the training half when the
SHA-1 of its doc_id is even, so no article lends questions to both halves. For every question
the real :class:`index.retriever.Retriever` fuses candidates with the default parameters and
the features of its top ``--depth`` passages are computed; a passage is a positive when it comes
from the question's article and contains one of its answers (the rule of
``bench/piaf_retrieval.py``). The model is linear over standardised features, trained with a
listwise softmax loss (minus the log of the probability mass on the positives, L2-regularised,
L-BFGS); questions without a positive in the top ``--depth`` carry no signal and are left out of
training but count as misses in every evaluation.

Reported: Recall@1/5/10 and MRR@10 of the fused order and of the reranked order on the held-out
half (honest numbers), on the training half, and on all questions. The weights are written to
``index/rerank_weights.json`` (plain JSON) unless ``--no-save``.

Usage::

    .venv/bin/python bench/train_reranker.py                  # extract (cached), train, evaluate, save
    .venv/bin/python bench/train_reranker.py --l2 0.01 --no-save
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "bench"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from index import rerank  # noqa: E402
from index.analysis import fold  # noqa: E402
from index.chunking import ChunkParams  # noqa: E402
from index.retriever import RetrievalParams, Retriever  # noqa: E402
from index.store import OpenIndex  # noqa: E402
from piaf_retrieval import WORKDIR, CachedEmbedder, load_questions, prepare_index, set_bm25  # noqa: E402


def in_train_half(doc_source: str) -> bool:
    return int(hashlib.sha1(doc_source.encode("utf-8")).hexdigest(), 16) % 2 == 0


def extract(index: OpenIndex, embedder, questions, depth: int) -> dict[str, np.ndarray]:
    """Features and labels of the top-``depth`` fused candidates of every question."""
    params = RetrievalParams(rerank=False)
    set_bm25(index, params.k1, params.b)
    retriever = Retriever(index, embedder, params)
    xs, ys, qid, train = [], [], [], []
    for n, q in enumerate(questions):
        answers = [fold(a) for a in q.answers if a.strip()]
        f = retriever._fuse(q.question)
        if f is None:
            continue
        passages = index.passages([int(i) for i in f.ids[:depth]])
        x = retriever.rerank_features(f, passages)
        y = [ps.source == q.source and any(a in fold(ps.text) for a in answers) for ps in passages]
        xs.append(x)
        ys.append(np.asarray(y, bool))
        qid.append(np.full(len(y), n))
        train.append(in_train_half(q.source))
        if n % 500 == 0:
            print(f"  features {n}/{len(questions)}", file=sys.stderr, flush=True)
    return {"x": np.vstack(xs), "y": np.concatenate(ys), "qid": np.concatenate(qid),
            "train": np.asarray(train, bool), "n_questions": np.asarray(len(questions))}


def groups(qid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start offsets and the question number of each contiguous group of candidates."""
    starts = np.flatnonzero(np.r_[True, qid[1:] != qid[:-1]])
    return starts, qid[starts]


def evaluate(scores: np.ndarray, y: np.ndarray, qid: np.ndarray, questions: np.ndarray) -> dict[str, float]:
    """R@1/5/10 and MRR@10 over ``questions`` (numbers); a question with no candidate is a miss."""
    starts, qs = groups(qid)
    ends = np.r_[starts[1:], len(qid)]
    wanted = set(questions.tolist())
    ranks = []
    for s, e, q in zip(starts, ends, qs):
        if q not in wanted:
            continue
        order = np.argsort(-scores[s:e], kind="stable")
        pos = np.flatnonzero(y[s:e][order])
        ranks.append(int(pos[0]) + 1 if len(pos) else None)
    n = len(wanted) or 1
    r = [x for x in ranks if x is not None]
    return {"r1": sum(x <= 1 for x in r) / n, "r5": sum(x <= 5 for x in r) / n, "r10": sum(x <= 10 for x in r) / n,
            "mrr10": sum(1 / x for x in r if x <= 10) / n, "n": len(wanted)}


def train_listwise(x: np.ndarray, y: np.ndarray, qid: np.ndarray, l2: float) -> np.ndarray:
    """Weights minimising mean over questions of −log Σ_pos softmax(x·w) + l2·|w|²."""
    starts, _ = groups(qid)
    keep_q = np.add.reduceat(y.astype(np.int64), starts) > 0
    mask = np.repeat(keep_q, np.diff(np.r_[starts, len(qid)]))
    x, y, qid = x[mask], y[mask], qid[mask]
    starts, _ = groups(qid)
    sizes = np.diff(np.r_[starts, len(qid)])
    group_of = np.repeat(np.arange(len(starts)), sizes)
    n_groups = len(starts)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        mx = np.maximum.reduceat(s, starts)
        e = np.exp(s - mx[group_of])
        z_all = np.add.reduceat(e, starts)
        e_pos = e * y
        z_pos = np.add.reduceat(e_pos, starts)
        val = float(np.mean(np.log(z_all) - np.log(z_pos))) + l2 * float(w @ w)
        p_all = e / z_all[group_of]
        p_pos = e_pos / z_pos[group_of]
        grad = ((p_all - p_pos) @ x) / n_groups + 2 * l2 * w
        return val, grad

    w0 = np.zeros(x.shape[1])
    res = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workdir", type=Path, default=WORKDIR)
    ap.add_argument("--depth", type=int, default=RetrievalParams().rerank_depth)
    ap.add_argument("--l2", type=float, default=1e-3)
    ap.add_argument("--refresh", action="store_true", help="recompute the cached features")
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--output", type=Path, default=rerank.WEIGHTS_FILE)
    args = ap.parse_args(argv)

    questions = load_questions(None)
    cache = args.workdir / f"rerank-features-d{args.depth}.npz"
    if cache.is_file() and not args.refresh:
        with np.load(cache, allow_pickle=False) as z:
            data = {k: z[k] for k in z.files}
    else:
        embedder = CachedEmbedder(args.workdir / "embed-cache")
        index = OpenIndex.open(prepare_index(args.workdir, ChunkParams(), embedder), k1=0.9, b=0.5)
        embedder.encode([q.question for q in questions])
        t0 = time.perf_counter()
        data = extract(index, embedder, questions, args.depth)
        print(f"features of {len(questions)} questions in {time.perf_counter() - t0:.0f}s", file=sys.stderr)
        index.close()
        np.savez(cache, **data)
    x, y, qid, train_q = data["x"], data["y"], data["qid"], data["train"]
    starts, qs = groups(qid)
    n_q = int(data["n_questions"])
    is_train = np.array([in_train_half(q.source) for q in questions])
    train_set, held_set = np.flatnonzero(is_train), np.flatnonzero(~is_train)
    cand_train = is_train[qid]

    mean = x[cand_train].mean(axis=0)
    scale = x[cand_train].std(axis=0)
    scale[scale < 1e-9] = 1.0
    xs = (x - mean) / scale
    w = train_listwise(xs[cand_train], y[cand_train], qid[cand_train], args.l2)
    model = rerank.RerankModel(rerank.FEATURES, mean, scale, w, args.depth)
    scores = model.score(x)
    fused_order = -np.concatenate([np.arange(e - s) for s, e in zip(starts, np.r_[starts[1:], len(qid)])]).astype(float)

    table = {}
    print(f"{'set':<10} {'order':<8} {'R@1':>6} {'R@5':>6} {'R@10':>6} {'MRR@10':>7}     n")
    for name, qset in (("held-out", held_set), ("train", train_set), ("all", np.arange(n_q))):
        for label, s in (("fused", fused_order), ("rerank", scores)):
            m = evaluate(s, y, qid, qset)
            table[f"{name}/{label}"] = m
            print(f"{name:<10} {label:<8} {m['r1']:6.3f} {m['r5']:6.3f} {m['r10']:6.3f} {m['mrr10']:7.3f} {m['n']:5d}")
    print("weights (standardised features):")
    for name, v in sorted(zip(rerank.FEATURES, w), key=lambda t: -abs(t[1])):
        print(f"  {name:<16} {v:+.3f}")
    if not args.no_save:
        model = rerank.RerankModel(rerank.FEATURES, mean, scale, w, args.depth, meta={
            "trained": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "data": "PIAF dev, questions whose sha1(doc_id.txt) is even (held-out: odd)",
            "loss": f"listwise softmax, l2={args.l2}", "depth": args.depth,
            "held_out": {k.split("/")[1]: {m: round(v, 4) for m, v in table[k].items()}
                         for k in table if k.startswith("held-out")},
            "command": "python bench/train_reranker.py " + " ".join(sys.argv[1:] if argv is None else argv),
        })
        model.save(args.output)
        print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
