"""``veille ask`` and ``veille eval`` end to end (real model, sample index)."""

from __future__ import annotations

import json
from pathlib import Path

from qa.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _run(capsys, *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_ask_json_and_batch_agree(capsys, sample_index, tmp_path):
    common = ["--corpus", str(ROOT / "corpus"), "--index", str(sample_index)]
    questions = ["quand Lecointre a-t-il appelé Guerassimov ?", "Qui a remporté la Coupe du monde de football en 2018 ?"]
    singles = [json.loads(_run(capsys, "ask", q, "--json", *common)) for q in questions]
    first = singles[0]
    assert set(first) >= {"question", "answer", "abstained", "mode", "citations", "passages", "timings_ms"}
    assert first["citations"][0]["n"] == 1 and "10 juillet" in first["answer"]
    assert singles[1]["abstained"] is True
    batch = tmp_path / "q.jsonl"
    batch.write_text("\n".join(json.dumps({"id": i, "question": q}, ensure_ascii=False) for i, q in enumerate(questions)))
    lines = [json.loads(line) for line in _run(capsys, "ask", "--batch", str(batch), "--json", *common).splitlines()]
    assert [d["id"] for d in lines] == [0, 1]
    for single, batched in zip(singles, lines):
        for key in ("answer", "abstained", "citations", "short_answer"):
            assert single[key] == batched[key]


def test_ask_human_output(capsys, sample_index):
    out = _run(capsys, "ask", "Où Le Drian a-t-il rencontré Choïgou ?", "--corpus", str(ROOT / "corpus"),
               "--index", str(sample_index))
    assert "[1]" in out and "Sources" in out and "002_4066432a79b64ac8.txt:" in out


def test_eval_reports_metrics(capsys, sample_index):
    out = json.loads(_run(capsys, "eval", str(ROOT / "tests" / "data" / "sample_questions.jsonl"), "--json",
                          "--corpus", str(ROOT / "corpus"), "--index", str(sample_index)))
    for key in ("recall@5", "mrr", "answer_accuracy", "sentence_accuracy", "citation_correctness",
                "abstention_precision", "abstention_recall", "latency_p50_ms", "latency_p95_ms"):
        assert key in out
    assert out["citation_correctness"] == 1.0


def test_ask_never_fails_on_a_bad_citation(capsys, sample_index, monkeypatch):
    """An unsound citation is repaired or dropped (flagged in citation_warnings), never an error."""
    import dataclasses

    from qa.extractive import ExtractiveAnswerer

    real = ExtractiveAnswerer.answer_from_hits

    def broken(self, question, hits, k=5):
        ans = real(self, question, hits, k)
        c = ans.citations[0]
        ans.citations[0] = dataclasses.replace(c, start=c.start + 1, end=c.end + 1)  # shifted offsets
        return ans

    monkeypatch.setattr(ExtractiveAnswerer, "answer_from_hits", broken)
    out = json.loads(_run(capsys, "ask", "Où Le Drian a-t-il rencontré Choïgou ?", "--json",
                          "--corpus", str(ROOT / "corpus"), "--index", str(sample_index)))
    assert out["citation_warnings"] and not out["abstained"]
    c = out["citations"][0]
    text = (ROOT / "corpus" / c["source"]).read_text(encoding="utf-8")
    assert text[c["start"]:c["end"]] == c["quote"]
