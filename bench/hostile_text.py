"""How sentence splitting and chunking scale on hostile texts (the tests assert no timings).

Usage::

    .venv/bin/python bench/hostile_text.py

Each input is timed at size n and 2n: a linear step takes about twice as long at 2n, a
quadratic one four times. Prints a table and writes bench/results/hostile_text.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.boilerplate import excluded_spans  # noqa: E402
from index.chunking import chunk_text  # noqa: E402
from index.ingest import extract_date, extract_title  # noqa: E402
from index.sentences import split_sentences  # noqa: E402

WORDS = "maire conseil budget commune vote soir débat heures financement médiathèque".split()

INPUTS: dict[str, Callable[[int], str]] = {
    "lines without punctuation": lambda n: "\n".join(" ".join(WORDS[:5]) for _ in range(n // 5)),
    "one line without punctuation": lambda n: " ".join(WORDS * (n // 10)),
    "run of points": lambda n: "a" + "." * n + "b",
    "closing quotes": lambda n: "début " + "». " * (n // 3) + "fin",
    "furniture lines": lambda n: "Publicité\n" * (n // 10) + "Fin de l'article.",
    "abbreviations": lambda n: "M. " * (n // 3),
}


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def run_pipeline(text: str) -> None:
    extract_title(text)
    extract_date(text)
    split_sentences(text)
    chunk_text(text, excluded_spans(text, set()))


def main() -> None:
    n = 200_000
    rows = []
    print(f"{'input':32} {'n chars':>9} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6}")
    for name, make in INPUTS.items():
        small, large = make(n), make(2 * n)
        t1, t2 = best_of(lambda: run_pipeline(small)), best_of(lambda: run_pipeline(large))
        rows.append({"input": name, "chars": len(small), "seconds_n": round(t1, 4), "seconds_2n": round(t2, 4),
                     "ratio": round(t2 / t1, 2) if t1 else None})
        print(f"{name:32} {len(small):>9} {t1:>8.3f} {t2:>8.3f} {t2 / t1 if t1 else 0:>6.2f}")
    out = ROOT / "bench" / "results" / "hostile_text.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"rows": rows}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
