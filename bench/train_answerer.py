"""Learn the sentence-scoring weights of the extractive answerer from PIAF dev questions.

Only the train half (split by article, see ``bench/answers.split``) is used to fit; the test
half is scored and reported, never fitted. A sentence is a positive when it contains a gold
answer (case/accent-insensitive). Pointwise L2-regularised logistic regression (numpy, Newton
steps): the probabilities are absolute, so the same number both ranks sentences and decides
abstention. The abstention threshold is set on the train half so that at most ``--max-abstain``
of answerable questions abstain; questions whose own article is hidden serve as unanswerable.

    .venv/bin/python bench/train_answerer.py        # writes qa/extractive_weights.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from answers import piaf_questions, piaf_workspace  # noqa: E402

from qa.evaluate import best_f1, contains_answer  # noqa: E402
from qa.extractive import WEIGHTS_FILE, ExtractiveAnswerer, Weights  # noqa: E402
from qa.features import FEATURES, SPAN_FEATURES, span_candidates  # noqa: E402


def collect(answerer: ExtractiveAnswerer, questions: list[dict], hide: bool = False):
    """Per question: (candidates, labels, golds)."""
    out = []
    for d in questions:
        hits = answerer.retrieve(d["question"], 30 if hide else answerer.candidate_passages)
        if hide:
            hits = [h for h in hits if h.source != f"{d['doc_id']}.txt"]
        q = answerer.question_info(d["question"])
        cands = answerer.candidates(q, hits[: answerer.candidate_passages])
        labels = [1.0 if contains_answer(c.text, d["answers"]) else 0.0 for c in cands]
        out.append((q, cands, labels, d["answers"]))
    return out


def fit(X: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 30) -> np.ndarray:
    w = np.zeros(X.shape[1])
    reg = l2 * np.ones(X.shape[1])
    reg[0] = 1e-6  # no penalty on the bias
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def fit_listwise(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0) -> np.ndarray:
    """Softmax over each question's sentences, maximising the mass on answer-bearing ones.

    This optimises what is used (the top sentence), unlike pointwise regression; questions
    with no positive candidate carry no ranking signal and are skipped.
    """
    from scipy.optimize import minimize

    groups = [(X, y) for X, y in groups if y.sum() > 0 and len(y) > 1]
    dim = groups[0][0].shape[1]
    reg = l2 * np.ones(dim)
    reg[0] = 0.0

    def loss(w: np.ndarray):
        total, grad = 0.5 * float((reg * w) @ w), reg * w
        for X, y in groups:
            s = X @ w
            s = s - s.max()
            e = np.exp(s)
            p = e / e.sum()
            pos = y > 0
            mp = p[pos].sum()
            total -= np.log(mp + 1e-12)
            # d(-log sum_pos p)/dw = E_p[x] - E_{p|pos}[x]
            grad += X.T @ p - (X[pos].T @ p[pos]) / (mp + 1e-12)
        return total, grad

    res = minimize(loss, np.zeros(dim), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    return res.x


def span_groups(data, types: tuple[str, ...] = ("autre",)) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per answer-bearing sentence of an open question: its candidate spans' features and F1."""
    out = []
    for q, cands, labels, golds in data:
        if q.qtype not in types:
            continue
        for c in [c for c, lab in zip(cands, labels) if lab][:2]:
            spans, rows = span_candidates(q, c.text, c.toks)
            if spans:
                out.append((np.array(rows), np.array([best_f1(c.text[s:e], golds) for s, e in spans])))
    return out


def fit_spans(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0) -> np.ndarray:
    """Softmax over a sentence's spans maximising the expected F1 of the chosen span."""
    from scipy.optimize import minimize

    dim = groups[0][0].shape[1]

    def loss(w: np.ndarray):
        total, grad = 0.5 * l2 * float(w @ w), l2 * w
        for X, f in groups:
            s = X @ w
            e = np.exp(s - s.max())
            p = e / e.sum()
            ef = float(p @ f)
            total -= ef
            grad = grad - X.T @ (p * (f - ef))
        return total, grad

    return minimize(loss, np.zeros(dim), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x


def calibrate(best_scores: np.ndarray, correct: np.ndarray) -> tuple[float, float]:
    """1-D logistic regression: P(top sentence holds the answer | its raw score)."""
    X = np.stack([np.ones_like(best_scores), best_scores], axis=1)
    b, a = fit(X, correct.astype(float), l2=1e-3)
    return float(a), float(b)


def score(answerer: ExtractiveAnswerer, data, w: np.ndarray) -> dict:
    sent_ok, f1s, f1_sent, best_probs = [], [], [], []
    for q, cands, labels, golds in data:
        if not cands:
            sent_ok.append(0.0); f1s.append(0.0); f1_sent.append(0.0); best_probs.append(0.0)
            continue
        s = np.array([c.features for c in cands]) @ w
        i = int(np.argmax(s))
        best = cands[i]
        sent_ok.append(labels[i])
        a, b = answerer.short_span(q, best)
        f1s.append(best_f1(best.text[a:b], golds))
        f1_sent.append(best_f1(best.text, golds))
        best_probs.append(float(s[i]))
    return {"sentence_accuracy": float(np.mean(sent_ok)), "f1": float(np.mean(f1s)),
            "whole_sentence_f1": float(np.mean(f1_sent)), "best_probs": best_probs, "sent_ok": sent_ok}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--max-abstain", type=float, default=0.03, help="abstention allowed on answerable (train)")
    ap.add_argument("--pointwise", action="store_true", help="pointwise logistic regression instead of listwise")
    ap.add_argument("--keep-scorer", metavar="WEIGHTS_JSON",
                    help="keep this file's sentence scorer, calibration and threshold; learn only the span model")
    ap.add_argument("--dry-run", action="store_true", help="do not write the weights file")
    args = ap.parse_args(argv)

    ws = piaf_workspace()
    answerer = ExtractiveAnswerer(ws.index, ws.retriever()).load()
    t0 = time.time()
    train, test = piaf_questions("train"), piaf_questions("test")
    tr = collect(answerer, train)
    te = collect(answerer, test)
    tr_hidden = collect(answerer, train[::4], hide=True)
    te_hidden = collect(answerer, test[::4], hide=True)
    print(f"features: {len(train)} train / {len(test)} test questions in {time.time() - t0:.0f} s", file=sys.stderr)

    X = np.array([c.features for _, cands, _, _ in tr for c in cands])
    y = np.array([l for _, _, labels, _ in tr for l in labels])
    kept = json.loads(Path(args.keep_scorer).read_text(encoding="utf-8")) if args.keep_scorer else None
    if kept is not None:  # the sentence scorer as it was (same calibration, same threshold); spans re-learnt
        coef = dict(zip(kept["features"], kept["coef"]))
        w = np.array([float(coef.get(f, 0.0)) for f in FEATURES])
    elif args.pointwise:
        w = fit(X, y, args.l2)
    else:
        w = fit_listwise([(np.array([c.features for c in cands]), np.array(labels))
                          for _, cands, labels, _ in tr if cands], args.l2)
    span_w = fit_spans(span_groups(tr))
    answerer.weights.span_coef = [float(x) for x in span_w]  # short spans of open questions, as answering uses them
    r_tr, r_te = score(answerer, tr, w), score(answerer, te, w)
    hid_tr, hid_te = score(answerer, tr_hidden, w), score(answerer, te_hidden, w)
    a, b = calibrate(np.array(r_tr["best_probs"]), np.array(r_tr["sent_ok"]))
    if kept is not None:
        a, b = (float(x) for x in kept["calibration"])
    for r in (r_tr, r_te, hid_tr, hid_te):  # raw best scores -> calibrated probabilities
        r["best_probs"] = list(1 / (1 + np.exp(-(a * np.array(r["best_probs"]) + b))))
        r.pop("sent_ok")
    threshold = float(np.quantile(r_tr["best_probs"], args.max_abstain)) if kept is None else float(kept["abstain_threshold"])
    report = {
        "train": {k: v for k, v in r_tr.items() if k != "best_probs"},
        "test": {k: v for k, v in r_te.items() if k != "best_probs"},
        "abstain_threshold": threshold,
        "abstention_on_answerable": {"train": float(np.mean(np.array(r_tr["best_probs"]) < threshold)),
                                     "test": float(np.mean(np.array(r_te["best_probs"]) < threshold))},
        "abstention_recall_hidden_article": {"train": float(np.mean(np.array(hid_tr["best_probs"]) < threshold)),
                                             "test": float(np.mean(np.array(hid_te["best_probs"]) < threshold))},
        "calibration": [a, b], "positives": int(y.sum()), "sentences": int(len(y)),
    }
    print(json.dumps(report, indent=2))
    for f, c in sorted(zip(FEATURES, w), key=lambda t: -abs(t[1])):
        print(f"  {f:18} {c:+.3f}")
    if not args.dry_run:
        WEIGHTS_FILE.write_text(json.dumps({
            "about": "Sentence scorer of qa/extractive.py; trained by bench/train_answerer.py on the PIAF dev "
                     "train half (split by article). Do not edit by hand.",
            "features": list(FEATURES), "coef": [round(float(c), 5) for c in w],
            "abstain_threshold": round(threshold, 5), "calibration": [round(a, 5), round(b, 5)],
            "method": kept.get("method", "listwise") if kept else ("pointwise" if args.pointwise else "listwise"),
            "span_features": list(SPAN_FEATURES), "span_coef": [round(float(c), 5) for c in span_w], "report": report,
        }, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"écrit {WEIGHTS_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
