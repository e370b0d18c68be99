"""Answer-quality metrics shared by ``veille eval`` and ``bench/answers.py``.

Short answers are scored like SQuAD (token F1 against the best gold answer) after French
normalisation: lower case, accents removed, punctuation removed, articles (le, la, les, l', un,
une, des, du, au, aux) removed. A whole sentence given as the answer scores what it scores.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from index.analysis import fold

from qa.answer import Answer
from qa.citations import verify_citations

_ARTICLES = re.compile(r"\b(?:le|la|les|l|un|une|des|du|au|aux)\b")
_PUNCT = re.compile(r"[^\w\s]|_")


def normalize(text: str) -> str:
    t = fold(text).replace("’", " ").replace("'", " ")
    t = _PUNCT.sub(" ", t)
    t = _ARTICLES.sub(" ", t)
    return " ".join(t.split())


def f1(prediction: str, gold: str) -> float:
    p, g = normalize(prediction).split(), normalize(gold).split()
    if not p or not g:
        return float(p == g)
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    prec, rec = same / len(p), same / len(g)
    return 2 * prec * rec / (prec + rec)


def best_f1(prediction: str, golds: Iterable[str]) -> float:
    return max((f1(prediction, g) for g in golds), default=0.0)


def contains_answer(sentence: str, golds: Iterable[str]) -> bool:
    """Does the sentence contain a gold answer (case- and accent-insensitive)?"""
    s = " " + normalize(sentence) + " "
    return any(normalize(g) and (" " + normalize(g) + " ") in s for g in golds)


def short_answer_correct(prediction: str, golds: Iterable[str]) -> bool:
    """The gold answer is inside the short answer, and the short answer is not a whole sentence."""
    p = normalize(prediction)
    for g in golds:
        ng = normalize(g)
        if ng and (" " + ng + " ") in (" " + p + " ") and len(p.split()) <= 2 * len(ng.split()) + 3:
            return True
    return False


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    v = sorted(values)
    i = min(len(v) - 1, max(0, int(round(q * (len(v) - 1)))))
    return v[i]


@dataclass
class EvalItem:
    question: str
    answers: list[str]
    source: str | None = None
    id: str | None = None


@dataclass
class Tally:
    """Accumulates per-question outcomes; :meth:`summary` gives the reported numbers."""

    k: int = 5
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, item: EvalItem, answer: Answer, get_text: Callable[[str], str]) -> dict[str, Any]:
        answerable = bool(item.answers)
        sources = [p.source for p in answer.passages]
        rank = next((i + 1 for i, s in enumerate(sources) if item.source and s == item.source), None)
        cited = answer.citation(1)
        problems = verify_citations(answer, get_text) if not answer.abstained else []
        row = {
            "id": item.id, "question": item.question, "answerable": answerable, "abstained": answer.abstained,
            "short_answer": answer.short_answer, "qtype": answer.qtype, "gold": item.answers,
            "rank": rank,
            "sentence_ok": bool(answerable and cited and contains_answer(cited.quote, item.answers)),
            # open questions (type « autre ») are answered by the sentence itself
            "answer_ok": bool(answerable and not answer.abstained and (
                short_answer_correct(answer.short_answer, item.answers)
                or (answer.qtype == "autre" and cited is not None and contains_answer(cited.quote, item.answers)))),
            "f1": best_f1(answer.short_answer, item.answers) if answerable and not answer.abstained else 0.0,
            "citations_ok": not problems, "problems": problems,
            "latency_ms": answer.timings_ms.get("total_ms", 0.0), "confidence": answer.confidence,
        }
        self.rows.append(row)
        return row

    def summary(self) -> dict[str, Any]:
        ans = [r for r in self.rows if r["answerable"]]
        unans = [r for r in self.rows if not r["answerable"]]
        with_src = [r for r in ans if r["rank"] is not None or r.get("source_known", True)]
        abst = [r for r in self.rows if r["abstained"]]
        answered = [r for r in self.rows if not r["abstained"]]
        lat = [r["latency_ms"] for r in self.rows]
        mean = lambda xs: (sum(xs) / len(xs)) if xs else 0.0  # noqa: E731
        return {
            "questions": len(self.rows), "answerable": len(ans), "unanswerable": len(unans),
            f"recall@{self.k}": mean([1.0 if r["rank"] is not None else 0.0 for r in with_src]),
            "mrr": mean([1.0 / r["rank"] if r["rank"] else 0.0 for r in with_src]),
            "answer_accuracy": mean([float(r["answer_ok"]) for r in ans]),
            "sentence_accuracy": mean([float(r["sentence_ok"]) for r in ans]),
            "f1": mean([r["f1"] for r in ans]),
            "citation_correctness": mean([float(r["citations_ok"]) for r in answered]) if answered else 1.0,
            "abstention_precision": (sum(1 for r in abst if not r["answerable"]) / len(abst)) if abst else 1.0,
            "abstention_recall": (sum(1 for r in unans if r["abstained"]) / len(unans)) if unans else 1.0,
            "abstention_on_answerable": mean([float(r["abstained"]) for r in ans]),
            "latency_p50_ms": percentile(lat, 0.5), "latency_p95_ms": percentile(lat, 0.95),
        }


def read_items(lines: Iterable[str]) -> list[EvalItem]:
    import json

    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        d = json.loads(line)
        src = d.get("source") or (f"{d['doc_id']}.txt" if d.get("doc_id") else None)
        out.append(EvalItem(str(d["question"]), [str(a) for a in d.get("answers", [])], src, d.get("id")))
    return out
