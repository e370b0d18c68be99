"""Speed and accuracy of near-duplicate detection (index/duplicates.py) at 10,000 articles.

Two corpora of 10,000 articles:

1. **scale** — the scale benchmark's synthetic corpus as it is (``bench/scale.py``: each article
   mixes runs of sentences from three PIAF articles). Its articles are meant to be distinct:
   anything flagged is a false positive. (Every PIAF sentence is reused by dozens of articles
   there, so most shingles are "common" and the detector ignores them — fine for this check,
   useless for measuring recall.)
2. **planted** — the same articles with the words of each sentence lightly shuffled (so that
   each article's wording is its own, as in a real corpus), plus planted copies of some of
   them, edited the way a second outlet edits a wire story:

* a new title and intro line, the dateline changed, an outlet footer added;
* one sentence removed;
* typography: ’ for ', non-breaking spaces before « : ; ? ! », « » for "".

It prints a table and writes ``bench/results/duplicates.json``: wall and CPU time of
``find_duplicates`` (the machine may be shared: CPU time is the steadier figure), planted copies
found (recall) and articles flagged that were not planted (false positives).

Run: ``.venv/bin/python bench/duplicates_speed.py [--articles 10000] [--copies 300]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.scale import piaf_articles, synth_article  # noqa: E402
from index.duplicates import find_duplicates  # noqa: E402
from index.ingest import Article, extract_date, extract_title  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "duplicates.json"
FOOTER = ("Cet article vous a intéressé ? Retrouvez toute l'actualité de la région sur notre site.\n"
          "Lire aussi : Les autres titres du jour")


def article(source: str, text: str) -> Article:
    return Article(source, extract_title(text), extract_date(text), text, str(hash(text)))


def edited_copy(text: str, rng: random.Random) -> str:
    """How a second outlet re-publishes a story (see the module docstring)."""
    lines = text.split("\n")
    body = "\n".join(lines[2:])
    sentences = re.split(r"(?<=[.!?])\s+", body)
    if len(sentences) > 4:
        del sentences[rng.randrange(1, len(sentences) - 1)]
    body = " ".join(sentences)
    body = body.replace("'", "’").replace(" :", "\u00a0:").replace(" ?", "\u00a0?")
    body = re.sub(r'"([^"]*)"', r"« \1 »", body)
    intro = "Notre correspondant revient sur cette affaire qui agite la région depuis plusieurs semaines."
    return f"Autre titre de l'édition régionale\nPublié le 3 janvier 2027\n\n{intro}\n\n{body}\n\n{FOOTER}\n"


def scrambled(text: str, rng: random.Random) -> str:
    """``text`` with a few neighbouring words swapped in every line (its own wording)."""
    out = []
    for line in text.split("\n"):
        ws = line.split(" ")
        for _ in range(len(ws) // 6):
            k = rng.randrange(len(ws) - 1)
            ws[k], ws[k + 1] = ws[k + 1], ws[k]
        out.append(" ".join(ws))
    return "\n".join(out)


def timed(arts: list[Article]) -> tuple[dict[str, str], float, float]:
    w, c = time.perf_counter(), time.process_time()
    dups = find_duplicates(arts)
    return dups, time.perf_counter() - w, time.process_time() - c


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--copies", type=int, default=300)
    args = ap.parse_args(argv)
    pool = piaf_articles()
    texts = [synth_article(i, pool) for i in range(args.articles)]
    scale = [article(f"art{i:05d}.txt", t) for i, t in enumerate(texts)]
    dups_scale, wall0, cpu0 = timed(scale)
    dups = dups_scale
    res: dict[str, object] = {"scale": {"articles": len(scale), "words": sum(len(t.split()) for t in texts),
                                        "flagged": len(dups), "examples": sorted(dups.items())[:10],
                                        "wall_s": round(wall0, 2), "cpu_s": round(cpu0, 2)}}
    rng = random.Random(7)
    arts = [article(a.source, scrambled(a.text, rng)) for a in scale]
    planted = {}
    for i in rng.sample(range(args.articles), args.copies):
        src = f"copy{i:05d}.txt"
        arts.append(article(src, edited_copy(arts[i].text, rng)))
        planted[src] = arts[i].source
    dups, wall1, cpu1 = timed(arts)
    found = sum(1 for d, c in planted.items() if (dups.get(d) or d) == (dups.get(c) or c))
    unplanted = sorted(s for s in dups if s not in planted and s not in planted.values())
    res["planted"] = {"articles": len(arts), "planted_copies": len(planted), "found": found,
                      "recall": round(found / max(1, len(planted)), 3), "flagged_not_planted": len(unplanted),
                      "examples_not_planted": [(s, dups[s]) for s in unplanted[:10]],
                      "wall_s": round(wall1, 2), "cpu_s": round(cpu1, 2)}
    print(f"{'corpus':<10}{'articles':>9}{'copies':>8}{'found':>7}{'false +':>9}{'wall s':>8}{'cpu s':>7}")
    print(f"{'scale':<10}{len(scale):>9}{0:>8}{'-':>7}{len(dups_scale):>9}"
          f"{wall0:>8.2f}{cpu0:>7.2f}")
    print(f"{'planted':<10}{len(arts):>9}{len(planted):>8}{found:>7}{len(unplanted):>9}{wall1:>8.2f}{cpu1:>7.2f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
