"""Scale benchmark: a synthetic corpus of 10,000 French articles (~60,000 passages), end to end.

Measures, prints as a table and writes to ``bench/results/scale.json`` (it never asserts):

1. **Full build** (real embedding with the bundled model, ``index.build.build_index``) — wall
   time, passages/s, and where the time goes: reading, chunking, embedding, writing (from the
   builder's own progress messages, plus a separate timing of reading and of chunking alone).
2. **Incremental update** after adding 10 new articles (and after removing them again).
3. **Search latency** p50/p95 of ``Retriever.search(q, k=10)`` (PIAF dev questions), warm.
4. **Ask latency** p50/p95 of the extractive ``ExtractiveAnswerer.ask`` (no LLM), warm.
5. **Peak RSS** of each phase, each in its own fresh process (``VmHWM``), and the index size on disk.

Targets on 2 cores: search p50 ≤ 50 ms, ask p50 ≤ 250 ms, update of 10 articles ≤ 10 s,
peak RSS ≤ 1.5 GB without an LLM.

The corpus is generated from the 480 PIAF articles (``/work/shared/data/piaf``), deterministically:
each synthetic article takes a run of consecutive sentences from each of three random PIAF
articles, lightly reorders them, renames a few proper names and shifts its numbers and years,
and gets its own title and dateline. The articles are therefore distinct (two of them rarely
share more than a sentence or two) and not near-duplicates of one another, while reading like
French encyclopaedic/news prose with the same vocabulary and passage lengths as the real thing.

Corpus and index are cached under ``/tmp/veille-bench/scale/`` so reruns skip the (long) build;
``--fresh`` starts over. ``--articles N`` measures at a smaller scale.

Run (from the repository root)::

    .venv/bin/python bench/scale.py                     # 10,000 articles (build: ~35 min on 2 free cores)
    .venv/bin/python bench/scale.py --random-vectors    # all but the embedding, a few minutes
    .venv/bin/python bench/scale.py --articles 1000 --fresh
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PIAF = Path(os.environ.get("VEILLE_PIAF_DIR", "/work/shared/data/piaf"))
CORPUS_JSONL = PIAF / "piaf-corpus.jsonl"
QUESTIONS_JSONL = PIAF / "piaf-dev-questions.jsonl"
RESULTS = ROOT / "bench" / "results" / "scale.json"
WORK = Path(os.environ.get("VEILLE_SCALE_DIR", "/tmp/veille-bench/scale"))

TARGETS = {
    "search_p50_ms": 50.0,
    "ask_p50_ms": 250.0,
    "update_10_s": 10.0,
    "peak_rss_mb": 1536.0,
}

#: Words of body text per synthetic article: about six 50–130-word passages.
TARGET_WORDS = (500, 660)
SOURCES_PER_ARTICLE = 3
SEED = 20261123

_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"]
_FIRST = ["Camille", "Julien", "Nadia", "Thomas", "Léa", "Karim", "Sophie", "Hugo", "Inès", "Marc",
          "Claire", "Yanis", "Élise", "Paul", "Amina", "Louis", "Chloé", "Mathieu", "Sarah", "Antoine"]
_LAST = ["Morel", "Lefèvre", "Benali", "Garnier", "Rousseau", "Fontaine", "Chevalier", "Masson",
         "Renaud", "Lambert", "Dupuis", "Carpentier", "Brunet", "Aubert", "Perrin", "Vasseur",
         "Gauthier", "Marchand", "Colin", "Barbier"]
_PLACES = ["Lyon", "Nantes", "Rennes", "Lille", "Grenoble", "Dijon", "Brest", "Metz", "Tours",
           "Angers", "Limoges", "Nîmes", "Amiens", "Perpignan", "Besançon", "Poitiers"]
_LEADS = ["Enquête", "Analyse", "Portrait", "Décryptage", "Récit", "Chronique", "Dossier", "Reportage"]

_SENT_SPLIT = re.compile(r"(?<=[.!?»])\s+(?=[«A-ZÀ-ÖØ-Þ0-9])")
_NUMBER = re.compile(r"\b\d{1,4}\b")
_PROPER = re.compile(r"(?<=[a-zà-ÿ,;:] )[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{3,}\b")


# -- synthetic corpus ------------------------------------------------------------------------
def piaf_articles() -> list[dict]:
    """PIAF articles as dicts with ``title`` and ``sentences`` (the text split into sentences)."""
    out = []
    with open(CORPUS_JSONL, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                sents = [s.strip() for p in d["text"].split("\n") for s in _SENT_SPLIT.split(p) if s.strip()]
                out.append({"title": d["title"], "sentences": sents})
    return out


def _shift_number(m: re.Match, rng: random.Random) -> str:
    s = m.group(0)
    n = int(s)
    if len(s) == 4 and 1000 <= n <= 2099:  # a year: move it a little
        return str(min(2099, max(1000, n + rng.randint(-6, 6))))
    if n < 32 or rng.random() < 0.5:  # small numbers are often days of the month
        return s
    return str(max(1, n + rng.randint(-n // 4 - 1, n // 4 + 1)))


def synth_article(i: int, pool: list[dict], seed: int = SEED) -> str:
    """The text of synthetic article ``i`` (a title line, a dateline, then paragraphs)."""
    rng = random.Random(seed * 1_000_003 + i)
    srcs = rng.sample(range(len(pool)), SOURCES_PER_ARTICLE)
    target = rng.randint(*TARGET_WORDS)
    per_source = target // SOURCES_PER_ARTICLE
    paragraphs: list[str] = []
    for s in srcs:
        sents = pool[s]["sentences"]
        start = rng.randrange(len(sents))
        run: list[str] = []
        words = 0
        j = start
        while words < per_source and len(run) < len(sents):
            run.append(sents[j % len(sents)])
            words += len(run[-1].split())
            j += 1
        if len(run) > 2 and rng.random() < 0.5:  # swap two neighbouring sentences
            k = rng.randrange(len(run) - 1)
            run[k], run[k + 1] = run[k + 1], run[k]
        # two or three paragraphs per source
        cut = sorted(rng.sample(range(1, len(run)), min(len(run) - 1, rng.choice((1, 2))))) if len(run) > 1 else []
        bounds = [0, *cut, len(run)]
        paragraphs += [" ".join(run[a:b]) for a, b in zip(bounds, bounds[1:]) if b > a]
    rng.shuffle(paragraphs)
    body = "\n\n".join(paragraphs)
    # Rename a few proper names (consistently within the article) and shift numbers and years.
    names = sorted(set(_PROPER.findall(body)))
    renamed = {n: rng.choice(_LAST + _PLACES) for n in rng.sample(names, min(len(names), 3))}
    if renamed:
        body = re.sub(r"\b(" + "|".join(map(re.escape, renamed)) + r")\b", lambda m: renamed[m.group(0)], body)
    body = _NUMBER.sub(lambda m: _shift_number(m, rng), body)
    main = re.sub(r"<[^>]+>", "", pool[srcs[0]]["title"])
    title = f"{rng.choice(_LEADS)} : {main}, vu de {rng.choice(_PLACES)} par {rng.choice(_FIRST)} {rng.choice(_LAST)}"
    date = f"{rng.randint(1, 28)} {rng.choice(_MONTHS)} {rng.randint(2015, 2026)}"
    return f"{title}\nPublié le {date}\n\n{body}\n"


def write_corpus(folder: Path, n: int, start: int = 0, prefix: str = "art") -> list[Path]:
    """Write articles ``start``..``start+n-1`` (100 per sub-folder); existing identical files are
    left alone so their mtime, hence the index, stays valid."""
    pool = piaf_articles()
    paths = []
    for i in range(start, start + n):
        path = folder / f"{prefix}-{i // 100:03d}" / f"{prefix}-{i:05d}.txt"
        data = synth_article(i, pool).encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        paths.append(path)
    return paths


# -- helpers ---------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else float("nan")


def peak_rss_mb() -> float:
    """Peak resident memory of this process (``VmHWM``; ``ru_maxrss`` survives exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def load_questions(n: int, offset: int = 0) -> list[str]:
    qs = [json.loads(line)["question"] for line in QUESTIONS_JSONL.open(encoding="utf-8") if line.strip()]
    step = max(1, len(qs) // max(n, 1))
    return [qs[(offset + i * step) % len(qs)] for i in range(n)]


def dir_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# -- phases (each run in a child process) ----------------------------------------------------
def _random_embedder():
    """The bundled model's identity and dimension, but pseudo-random unit vectors (a hash of the
    text seeds each): for profiling everything but the embedding (``--random-vectors``)."""
    import hashlib

    import numpy as np

    from models.embedder import Embedder

    class RandomVectors(Embedder):
        def token_lengths(self, texts):
            return [len(t.split()) for t in texts]

        def encode(self, texts, batch_size=None):
            out = np.empty((len(texts), self.dimension), np.float32)
            for i, t in enumerate(texts):
                seed = int.from_bytes(hashlib.sha1(t.encode()).digest()[:8], "little")
                v = np.random.default_rng(seed).standard_normal(self.dimension).astype(np.float32)
                out[i] = v / np.linalg.norm(v)
            return out

    return RandomVectors()


def phase_build(corpus: Path, index_dir: Path, random_vectors: bool = False, warm: bool = False) -> dict[str, object]:
    """A build (full or incremental) with the time of each of its stages, from its progress.

    ``warm``: the model is loaded first and its load timed apart (the desktop app keeps it
    loaded; a ``veille index`` command pays both)."""
    from index.build import build_index
    from models.embedder import Embedder

    embedder = _random_embedder() if random_vectors else Embedder()
    load_s = 0.0
    if warm:
        t = time.perf_counter()
        embedder.load()
        embedder.encode(["Une phrase pour chauffer le modèle."])
        load_s = time.perf_counter() - t
    marks: dict[str, float] = {}
    t0 = time.perf_counter()

    def on_progress(p) -> None:
        key = p.message.split(" ")[0].rstrip("…")
        marks.setdefault(key, time.perf_counter() - t0)
        if p.message.startswith("Indexation") and p.done and p.done % 500 < 10:
            print(f"  {p.message} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)

    la0 = loadavg()
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    summary = build_index(corpus, index_dir, embedder, on_progress=on_progress)
    wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    embed_start = marks.get("Calcul", 0.0)
    write_start = marks.get("Écriture", embed_start)
    return {
        "seconds": wall,
        "model_load_s": load_s,
        "cpu_seconds": (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime),
        "stages_s": {
            "scan_read_chunk": embed_start,  # scan, read changed files, boilerplate, chunk
            "embed": write_start - embed_start,  # model load, tokenisation, encode
            "write": wall - write_start,  # assemble, vectors/lexical/sqlite, fsync, swap
        },
        "summary": summary.to_json() | {"skipped": len(summary.skipped)},
        "loadavg": [la0, loadavg()],
        "peak_rss_mb": peak_rss_mb(),
    }


def phase_read_chunk(corpus: Path) -> dict[str, object]:
    """Reading and chunking alone (no embedding), to split the build's first stage."""
    from index.analysis import FrenchAnalyzer
    from index.boilerplate import excluded_spans, repeated_line_keys
    from index.chunking import ChunkParams, chunk_text
    from index.ingest import read_article, scan_corpus

    t0 = time.perf_counter()
    files = scan_corpus(corpus)
    t1 = time.perf_counter()
    arts = [read_article(f) for f in files]
    t2 = time.perf_counter()
    repeated = repeated_line_keys(a.text for a in arts)
    chunks = [chunk_text(a.text, excluded_spans(a.text, repeated), ChunkParams()) for a in arts]
    t3 = time.perf_counter()
    analyzer = FrenchAnalyzer()
    for a, cs in zip(arts, chunks):
        for c in cs:
            analyzer(a.text[c.start : c.end])
    t4 = time.perf_counter()
    n_passages = sum(len(c) for c in chunks)
    return {"scan_s": t1 - t0, "read_s": t2 - t1, "chunk_s": t3 - t2, "analyse_s": t4 - t3,
            "articles": len(arts), "passages": n_passages,
            "words": sum(len(a.text.split()) for a in arts)}


def _searcher(index_dir: Path):
    from index.store import OpenIndex
    from models.embedder import Embedder

    embedder = Embedder().load()
    t = time.perf_counter()
    index = OpenIndex.open(index_dir)
    return embedder, index, time.perf_counter() - t


def phase_search(index_dir: Path, n: int) -> dict[str, object]:
    from index.retriever import Retriever

    embedder, index, open_s = _searcher(index_dir)
    retriever = Retriever(index, embedder)
    t = time.perf_counter()
    retriever.search("première requête", k=10)
    first_s = time.perf_counter() - t
    for q in load_questions(10, offset=7):
        retriever.search(q, k=10)
    lat, cpu, parts = [], [], {}
    for q in load_questions(n):
        t, c = time.perf_counter(), time.process_time()
        retriever.search(q, k=10)
        lat.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        for key, v in retriever.last_timings.items():
            parts.setdefault(key, []).append(v)
    return {"open_s": open_s, "first_search_s": first_s, "queries": n,
            "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
            "cpu_p50_ms": percentile(cpu, 50), "cpu_p95_ms": percentile(cpu, 95), "loadavg": loadavg(),
            "breakdown_p50_ms": {k: percentile(v, 50) for k, v in parts.items()},
            "passages": index.size, "peak_rss_mb": peak_rss_mb()}


def phase_ask(index_dir: Path, n: int) -> dict[str, object]:
    from index.retriever import Retriever
    from qa.extractive import ExtractiveAnswerer

    embedder, index, open_s = _searcher(index_dir)
    answerer = ExtractiveAnswerer(index, Retriever(index, embedder)).load()
    t = time.perf_counter()
    answerer.ask("Quelle est la première question ?")
    first_s = time.perf_counter() - t
    for q in load_questions(10, offset=11):
        answerer.ask(q)
    lat, cpu = [], []
    for q in load_questions(n, offset=3):
        t, c = time.perf_counter(), time.process_time()
        answerer.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return {"open_s": open_s, "first_ask_s": first_s, "queries": n,
            "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95),
            "cpu_p50_ms": percentile(cpu, 50), "cpu_p95_ms": percentile(cpu, 95), "loadavg": loadavg(),
            "peak_rss_mb": peak_rss_mb()}


def run_child(*args: str) -> dict[str, object]:
    """Run one phase in a fresh interpreter (its own peak RSS) and return its JSON."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", VEILLE_LLM="off")
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                          stdout=subprocess.PIPE, env=env, check=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- main ------------------------------------------------------------------------------------
def real_builds(target_passages: int) -> dict[str, dict]:
    """Full builds with the model cached under WORK (any size), each extrapolated to
    ``target_passages`` from its CPU time per embedded passage (wall time on this shared machine
    says more about the other jobs than about Veille): ``ideal_2core_s`` assumes both cores."""
    out = {}
    for f in sorted(WORK.glob("n*/build.json")):
        if f.parent.name.endswith("-random"):
            continue
        b = json.loads(f.read_text())
        emb = b["summary"]["embedded"]
        if not emb:
            continue
        cpu_per_passage = b["cpu_seconds"] / emb
        out[f.parent.name] = {
            "articles": b["summary"]["added"], "passages": b["summary"]["passages"], "embedded": emb,
            "seconds": b["seconds"], "cpu_seconds": b["cpu_seconds"], "stages_s": b["stages_s"],
            "peak_rss_mb": b["peak_rss_mb"], "loadavg": b.get("loadavg"),
            "passages_per_cpu_s": emb / b["cpu_seconds"],
            "extrapolated_cpu_s": cpu_per_passage * target_passages,
            "extrapolated_ideal_2core_s": cpu_per_passage * target_passages / 2,
        }
    return out


def commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def table(res: dict) -> str:
    rows: list[tuple[str, str, str]] = []

    def add(name: str, value: str, target: str = "") -> None:
        rows.append((name, value, target))

    b = res.get("build", {})
    add("articles / passages", f"{res['articles']:,} / {res.get('passages', 0):,}")
    for name, r in res.get("real_builds", {}).items():
        add(f"model build {name} ({r['embedded']:,} passages)",
            f"{r['seconds']:.0f} s wall, {r['cpu_seconds']:.0f} s CPU ({r['passages_per_cpu_s']:.1f} passages/CPU-s), "
            f"peak RSS {r['peak_rss_mb']:.0f} MB")
        add(f"  extrapolated to {res.get('passages', 0):,} passages",
            f"{r['extrapolated_cpu_s'] / 60:.0f} CPU-min, ~{r['extrapolated_ideal_2core_s'] / 60:.0f} min on 2 free cores")
    if b:
        st = b["stages_s"]
        add("full build" + (" (random vectors)" if res.get("build_vectors", "").startswith("pseudo") else ""), f"{b['seconds']:.0f} s ({b.get('passages_per_s', 0):.1f} passages/s)")
        add("  of which scan+read+chunk / embed / write", f"{st['scan_read_chunk']:.1f} / {st['embed']:.0f} / {st['write']:.1f} s")
        add("  peak RSS", f"{b['peak_rss_mb']:.0f} MB", "≤ 1,536 MB")
    rc = res.get("read_chunk")
    if rc:
        add("read / chunk / analyse alone", f"{rc['read_s']:.1f} / {rc['chunk_s']:.1f} / {rc['analyse_s']:.1f} s")
    for key, label in (("update_add", "incremental: +10 articles"), ("update_remove", "incremental: −10 articles")):
        u = res.get(key)
        if u:
            st = u["stages_s"]
            add(label, f"{u['seconds']:.2f} s (read {st['scan_read_chunk']:.2f}, embed {st['embed']:.2f}, "
                       f"write {st['write']:.2f})", "≤ 10 s" if key == "update_add" else "")
    s = res.get("search")
    if s:
        add("search p50 / p95 (k=10)", f"{s['p50_ms']:.1f} / {s['p95_ms']:.1f} ms", "p50 ≤ 50 ms")
        add("  same in process CPU time", f"{s['cpu_p50_ms']:.1f} / {s['cpu_p95_ms']:.1f} ms")
        add("  open index / first search", f"{s['open_s']:.2f} / {s['first_search_s']:.2f} s")
        add("  peak RSS (model + index + searches)", f"{s['peak_rss_mb']:.0f} MB", "≤ 1,536 MB")
    a = res.get("ask")
    if a:
        add("ask p50 / p95 (extractive)", f"{a['p50_ms']:.1f} / {a['p95_ms']:.1f} ms", "p50 ≤ 250 ms")
        add("  same in process CPU time", f"{a['cpu_p50_ms']:.1f} / {a['cpu_p95_ms']:.1f} ms")
        add("  peak RSS (model + index + answers)", f"{a['peak_rss_mb']:.0f} MB", "≤ 1,536 MB")
    if "index_mb" in res:
        add("index size on disk", f"{res['index_mb']:.0f} MB (corpus {res['corpus_mb']:.0f} MB)")
    w = max(len(r[0]) for r in rows)
    v = max(len(r[1]) for r in rows)
    return "\n".join(f"{n:<{w}}  {val:<{v}}  {t}" for n, val, t in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--questions", type=int, default=200)
    ap.add_argument("--fresh", action="store_true", help="regenerate the corpus and rebuild the index")
    ap.add_argument("--only", choices=["corpus", "build"], help="stop after this step")
    ap.add_argument("--random-vectors", action="store_true",
                    help="pseudo-random vectors instead of the model (profiles all but the embedding; "
                         "search quality is meaningless, its cost is not)")
    ap.add_argument("--output", type=Path, default=RESULTS)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        kind, *rest = args.child
        if kind == "build":
            out = phase_build(Path(rest[0]), Path(rest[1]), random_vectors="random" in rest[2:],
                              warm="warm" in rest[2:])
        elif kind == "read_chunk":
            out = phase_read_chunk(Path(rest[0]))
        elif kind == "search":
            out = phase_search(Path(rest[0]), int(rest[1]))
        elif kind == "ask":
            out = phase_ask(Path(rest[0]), int(rest[1]))
        else:
            raise SystemExit(f"unknown phase {kind}")
        print(json.dumps(out))
        return 0

    work = WORK / (f"n{args.articles}" + ("-random" if args.random_vectors else ""))
    build_args = ("random",) if args.random_vectors else ()
    corpus, index_dir = work / "corpus", work / "index"
    if args.fresh:
        shutil.rmtree(work, ignore_errors=True)
    t = time.perf_counter()
    write_corpus(corpus, args.articles)
    # Leftovers of an interrupted update run.
    for extra in corpus.glob("upd-*"):
        shutil.rmtree(extra)
    print(f"corpus {corpus}: {args.articles} articles ({time.perf_counter() - t:.1f} s)", file=sys.stderr)
    if args.only == "corpus":
        return 0

    res: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d"), "commit": commit(), "articles": args.articles,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "note": "2 CPU cores shared with other agents' jobs: timings are noisy, see loadavg"},
        "targets": TARGETS, "loadavg_start": loadavg(),
    }
    prev = json.loads(args.output.read_text()) if args.output.is_file() else {}
    # 1. Full build (or the cached one when the index is up to date: its numbers are kept from
    #    the run that built it).
    print("build…", file=sys.stderr, flush=True)
    b = run_child("build", str(corpus), str(index_dir), *build_args)
    if b["summary"]["up_to_date"]:
        cached = work / "build.json"
        b = json.loads(cached.read_text()) if cached.is_file() else prev.get("build", {})
        print("  index up to date: full-build numbers from the run that built it", file=sys.stderr)
    else:
        b["passages_per_s"] = b["summary"]["embedded"] / b["seconds"] if b["seconds"] else 0.0
        (work / "build.json").write_text(json.dumps(b, indent=2))
    res["build"] = b
    res["build_vectors"] = "pseudo-random (embedding not measured)" if args.random_vectors else "model"
    res["passages"] = b.get("summary", {}).get("passages", 0)
    res["real_builds"] = real_builds(res["passages"])
    if args.only == "build":
        print(json.dumps(b, indent=2))
        return 0
    res["read_chunk"] = run_child("read_chunk", str(corpus))

    # 2. Incremental: add 10 articles, then remove them.
    write_corpus(corpus, 10, start=args.articles + int(time.time()) % 1000 * 10, prefix="upd")
    print("update +10…", file=sys.stderr, flush=True)
    res["update_add"] = run_child("build", str(corpus), str(index_dir), *build_args, "warm")
    for extra in corpus.glob("upd-*"):
        shutil.rmtree(extra)
    print("update −10…", file=sys.stderr, flush=True)
    res["update_remove"] = run_child("build", str(corpus), str(index_dir), *build_args, "warm")

    # 3–4. Search and ask, each in a fresh process.
    print("search…", file=sys.stderr, flush=True)
    res["search"] = run_child("search", str(index_dir), str(args.questions))
    print("ask…", file=sys.stderr, flush=True)
    res["ask"] = run_child("ask", str(index_dir), str(args.questions))
    gen = (index_dir / "CURRENT").read_text().strip()
    res["index_mb"] = dir_size_mb(index_dir / gen)
    res["index_files_mb"] = {p.name: round(p.stat().st_size / 1e6, 1) for p in (index_dir / gen).rglob("*") if p.is_file()}
    res["corpus_mb"] = dir_size_mb(corpus)
    res["loadavg_end"] = loadavg()
    print(table(res))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
