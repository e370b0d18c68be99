"""Speed benchmark of indexing and search on the PIAF corpus, plus a synthetic 100k-passage index.

Measures, prints as a table and writes to ``bench/results/speed.json`` (it never asserts):

1. **Full build** of the 480 PIAF articles (``index.build.build_index`` into a fresh folder) and
   its ratio to a raw ``SentenceTransformer.encode`` of exactly the same (unique) passage texts,
   read back from the built index, in the same process, same model, same batch size,
   ``normalize_embeddings=True``. The model is loaded and warmed up once before both timings.
   Target: build / raw <= 1.2.
2. **Warm search latency** (p50/p95) of ``Retriever.search(q, k=10)`` over PIAF dev questions in
   one process, after a few warm-up queries. Target: p50 <= 30 ms.
3. **Re-indexing after one changed article** (one file edited, ``build_index`` again with the
   embedder already loaded). Median of a few edits. Target: <= 2 s.
4. **Synthetic 100k passages**: NOT embedded with the model. Vectors are random unit vectors
   (dim 384) and texts are random PIAF sentences plus random rare words; the stores
   (``TermCounts``/``LexicalIndex``, ``DenseIndex`` vectors, ``meta.sqlite``, manifest) are written
   directly as a real index generation, so ``OpenIndex`` + ``Retriever`` are measured end to end
   (real query embedding included) in a fresh child process whose peak RSS (``ru_maxrss``) is
   reported. Targets: search p50 <= 50 ms, peak RSS <= 1.2 GB.

Timings on a shared machine are noisy: the load average at start and end is recorded, and the
build ratio is also given in process CPU time.

Run (from the repository root)::

    VEILLE_DATA=$(mktemp -d) .venv/bin/python bench/speed.py
    # options: --questions 300 --synthetic 100000 --reindex-repeats 3 --repeat 1 --skip-synthetic
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PIAF = Path(os.environ.get("VEILLE_PIAF_DIR", "/work/shared/data/piaf"))
CORPUS_JSONL = PIAF / "piaf-corpus.jsonl"
QUESTIONS_JSONL = PIAF / "piaf-dev-questions.jsonl"
RESULTS = ROOT / "bench" / "results" / "speed.json"

TARGETS = {
    "build_ratio": 1.2,
    "search_p50_ms": 30.0,
    "reindex_one_s": 2.0,
    "synthetic_search_p50_ms": 50.0,
    "synthetic_peak_rss_mb": 1200.0,
}


# -- helpers ---------------------------------------------------------------------------------
def percentile(values: list[float], q: float) -> float:
    import numpy as np

    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else float("nan")


def cpu_seconds() -> float:
    """User + system CPU time of this process (all threads)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def peak_rss_mb() -> float:
    """Peak resident memory of this process, in MB.

    ``VmHWM`` from /proc, because ``ru_maxrss`` survives ``exec`` on Linux: a child started by
    this bench would otherwise report the parent's peak (seen: 1,375 MB before loading anything).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def load_questions(n: int, offset: int = 0) -> list[str]:
    """``n`` questions spread evenly over the dev set (deterministic), starting at ``offset``."""
    qs = [json.loads(line)["question"] for line in QUESTIONS_JSONL.open(encoding="utf-8") if line.strip()]
    step = max(1, len(qs) // max(n, 1))
    return [qs[(offset + i * step) % len(qs)] for i in range(n)]


def write_corpus(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for line in CORPUS_JSONL.open(encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            (folder / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
            n += 1
    return n


def search_latencies(retriever, questions: list[str], warmup: list[str]) -> dict[str, float]:
    """Warm latencies of ``retriever.search(q, k=10)`` and the medians of its own breakdown."""
    for q in warmup:
        retriever.search(q, k=10)
    total, embed, lexical, rest = [], [], [], []
    for q in questions:
        t = time.perf_counter()
        retriever.search(q, k=10)
        total.append((time.perf_counter() - t) * 1000)
        lt = retriever.last_timings
        embed.append(lt.get("embed_ms", 0.0))
        lexical.append(lt.get("lexical_ms", 0.0))
        rest.append(lt.get("fusion_ms", 0.0))
    return {
        "queries": len(questions),
        "p50_ms": percentile(total, 50), "p95_ms": percentile(total, 95), "mean_ms": sum(total) / len(total),
        "index_only_p50_ms": percentile([t - e for t, e in zip(total, embed)], 50),
        "embed_p50_ms": percentile(embed, 50), "lexical_p50_ms": percentile(lexical, 50),
        "faiss_fusion_fetch_p50_ms": percentile(rest, 50),
    }


# -- 1-3: PIAF -------------------------------------------------------------------------------
def bench_piaf(work: Path, n_questions: int, reindex_repeats: int, repeat: int) -> dict[str, object]:
    from index.build import build_index
    from index.retriever import Retriever
    from index.store import OpenIndex
    from models.embedder import Embedder

    corpus = work / "corpus"
    n_articles = write_corpus(corpus)
    embedder = Embedder()
    t = time.perf_counter()
    embedder.load()
    # Warm-up on real passages at full batch size (first calls allocate and pick kernels).
    sample = [json.loads(l)["text"][:1500] for l in CORPUS_JSONL.open(encoding="utf-8")][: embedder.batch_size]
    embedder.encode(sample)
    embedder.encode(["Quelle est la capitale de la France ?"])
    load_s = time.perf_counter() - t
    model = embedder._model  # the very SentenceTransformer the build uses
    out: dict[str, object] = {"articles": n_articles, "model_load_and_warmup_s": load_s,
                              "batch_size": embedder.batch_size}

    # 1. Full build vs raw encode of the same passage texts (alternated when --repeat > 1).
    runs = []
    index_dir = work / "index"
    for r in range(repeat):
        shutil.rmtree(index_dir, ignore_errors=True)
        embed_phase: dict[str, float] = {}

        def on_progress(p, _e=embed_phase):
            if p.message.startswith("Écriture"):
                _e["s"] = p.elapsed_s  # seconds spent in the embedding loop

        w0, c0 = time.perf_counter(), cpu_seconds()
        summary = build_index(corpus, index_dir, embedder, on_progress=on_progress)
        build_wall, build_cpu = time.perf_counter() - w0, cpu_seconds() - c0
        idx = OpenIndex.open(index_dir)
        texts = list(dict.fromkeys(p.text for p in idx.passages(list(range(idx.size)))))  # unique, in id order
        idx.close()
        w0, c0 = time.perf_counter(), cpu_seconds()
        model.encode(texts, batch_size=embedder.batch_size, normalize_embeddings=True,
                     convert_to_numpy=True, show_progress_bar=False)
        raw_wall, raw_cpu = time.perf_counter() - w0, cpu_seconds() - c0
        runs.append({
            "build_s": build_wall, "raw_encode_s": raw_wall, "ratio": build_wall / raw_wall,
            "build_cpu_s": build_cpu, "raw_encode_cpu_s": raw_cpu, "ratio_cpu": build_cpu / raw_cpu,
            "build_embed_phase_s": embed_phase.get("s", float("nan")),
            "build_non_embed_s": build_wall - embed_phase.get("s", float("nan")),
            "passages": summary.passages, "embedded": summary.embedded, "unique_texts": len(texts),
        })
        print(f"  build run {r + 1}: build {build_wall:.1f} s, raw encode {raw_wall:.1f} s, "
              f"ratio {build_wall / raw_wall:.3f} (CPU {build_cpu / raw_cpu:.3f})", file=sys.stderr)
    med = sorted(runs, key=lambda x: x["ratio"])[len(runs) // 2]
    out["build"] = {**med, "runs": runs}

    # 2. Warm search latency.
    index = OpenIndex.open(index_dir)
    retriever = Retriever(index, embedder)
    out["search"] = search_latencies(retriever, load_questions(n_questions), load_questions(20, offset=7))
    index.close()

    # 3. Re-index after one changed article (embedder warm).
    files = sorted(corpus.glob("*.txt"))
    times, details = [], []
    for i in range(reindex_repeats):
        f = files[(i * 97) % len(files)]
        with f.open("a", encoding="utf-8") as fh:
            fh.write(f"\n\nMise à jour n° {i + 1} : la rédaction a complété cet article le {10 + i} mars.\n")
        t = time.perf_counter()
        s = build_index(corpus, index_dir, embedder)
        times.append(time.perf_counter() - t)
        details.append({"file": f.name, "seconds": times[-1], "changed": s.changed, "embedded": s.embedded,
                        "passages": s.passages})
    out["reindex_one"] = {"median_s": percentile(times, 50), "max_s": max(times), "runs": details}
    out["peak_rss_mb"] = peak_rss_mb()
    return out


# -- 4: synthetic 100k ----------------------------------------------------------------------
def synth_build(index_dir: Path, n_passages: int, seed: int = 0) -> dict[str, object]:
    """Write a real index generation of ``n_passages`` synthetic passages (no model involved)."""
    import numpy as np

    from index.analysis import FrenchAnalyzer
    from index.build import expected_manifest
    from index.chunking import ChunkParams
    from index.lexical import TermCounts
    from index.sentences import split_sentences
    from index.store import CURRENT, SCHEMA_SQL, connect
    from models.embedder import Embedder

    t0 = time.perf_counter()
    rng = random.Random(seed)
    analyzer = FrenchAnalyzer()
    # Sentence pool from PIAF, each analysed once (a passage's terms are its sentences' terms:
    # sentences are joined by a space, so tokenisation does not cross them).
    pool: list[tuple[str, list[str]]] = []
    for line in CORPUS_JSONL.open(encoding="utf-8"):
        text = json.loads(line)["text"]
        for s, e in split_sentences(text):
            sent = " ".join(text[s:e].split())
            if 4 <= len(sent.split()) <= 60:
                pool.append((sent, analyzer(sent)))
    # Variation: two rare made-up words per passage (Zipf-like ids) so the vocabulary keeps
    # growing with the corpus, as names and numbers do in real news.
    per_article = 10
    dim = Embedder().dimension
    gen = index_dir / "gen-000001"
    shutil.rmtree(index_dir, ignore_errors=True)
    gen.mkdir(parents=True)
    terms = TermCounts()
    article_rows, passage_rows = [], []
    words = 0
    for a in range(0, n_passages, per_article):
        source = f"synth/{a // per_article:06d}.txt"
        parts: list[str] = []
        spans: list[list[list[int]]] = []
        pos = 0
        for _ in range(min(per_article, n_passages - a)):
            chosen = [pool[rng.randrange(len(pool))] for _ in range(rng.randint(3, 6))]
            rare = f"Réf. synth{int(rng.paretovariate(0.8)) % 400_000} ville{rng.randrange(50_000)}."
            sents = [c[0] for c in chosen] + [rare]
            p_terms = [t for c in chosen for t in c[1]] + analyzer(rare)
            start = pos
            sent_spans = []
            for j, s in enumerate(sents):
                sent_spans.append([pos, pos + len(s)])
                pos += len(s) + (1 if j < len(sents) - 1 else 0)
            ptext = " ".join(sents)
            assert len(ptext) == pos - start
            passage_rows.append((len(passage_rows), source, len(spans), start, pos,
                                 hashlib.sha1(ptext.encode()).hexdigest(), json.dumps(sent_spans)))
            terms.add_terms(p_terms)
            words += len(ptext.split())
            parts.append(ptext)
            spans.append(sent_spans)
            pos += 2  # "\n\n" between passages
        text = "\n\n".join(parts)
        raw = text.encode("utf-8")
        first = len(passage_rows) - len(parts)
        article_rows.append((source, hashlib.sha1(raw).hexdigest(), len(raw), 0, parts[0][:80], None, text,
                             "synthetic", first, len(parts), None, None, None, "text", None, None))
    # Random unit vectors, written block by block.
    vectors = np.lib.format.open_memmap(gen / "vectors.npy", mode="w+", dtype=np.float32, shape=(n_passages, dim))
    nprng = np.random.default_rng(seed)
    for i in range(0, n_passages, 10_000):
        block = nprng.standard_normal((min(10_000, n_passages - i), dim), dtype=np.float32)
        vectors[i : i + len(block)] = block / np.linalg.norm(block, axis=1, keepdims=True)
    vectors.flush()
    del vectors
    terms.save(gen / "lexical")
    conn = connect(gen / "meta.sqlite", readonly=False)
    conn.executescript(SCHEMA_SQL)
    conn.executemany(f"INSERT INTO articles VALUES ({','.join('?' * len(article_rows[0]))})", article_rows)
    conn.executemany("INSERT INTO passages VALUES (?,?,?,?,?,?,?)", passage_rows)
    conn.commit()
    conn.close()
    manifest = expected_manifest(Embedder(), ChunkParams(), analyzer)
    manifest.corpus = "synthetic"
    manifest.counts = {"articles": len(article_rows), "passages": len(passage_rows), "skipped": 0}
    manifest.save(gen)
    (index_dir / CURRENT).write_text(gen.name, encoding="utf-8")
    return {"passages": len(passage_rows), "articles": len(article_rows), "sentence_pool": len(pool),
            "vocabulary": len(terms.vocab), "mean_words_per_passage": words / len(passage_rows),
            "generation_s": time.perf_counter() - t0,
            "disk_mb": sum(f.stat().st_size for f in gen.rglob("*") if f.is_file()) / 1e6,
            "generator_peak_rss_mb": peak_rss_mb()}


def synth_search(index_dir: Path, n_questions: int) -> dict[str, object]:
    """In a fresh process: load the embedder, open the index, time Retriever.search; peak RSS."""
    from index.retriever import Retriever
    from index.store import OpenIndex
    from models.embedder import Embedder

    rss = {"start_mb": peak_rss_mb()}
    embedder = Embedder().load()
    embedder.encode(["Quelle est la capitale de la France ?"])
    rss["after_model_mb"] = peak_rss_mb()
    t = time.perf_counter()
    index = OpenIndex.open(index_dir)
    open_s = time.perf_counter() - t
    rss["after_open_mb"] = peak_rss_mb()
    res = search_latencies(Retriever(index, embedder), load_questions(n_questions), load_questions(20, offset=7))
    rss["after_search_mb"] = peak_rss_mb()
    return {"open_s": open_s, "size": index.size, **res, "rss": rss, "peak_rss_mb": peak_rss_mb()}


def run_child(*args: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def bench_synthetic(work: Path, n_passages: int, n_questions: int) -> dict[str, object]:
    index_dir = work / "synthetic-index"
    gen = run_child("--_synth-build", str(index_dir), str(n_passages))
    search = run_child("--_synth-search", str(index_dir), str(n_questions))
    return {"note": "random unit vectors + PIAF-sentence texts; passages not embedded with the model",
            "generation": gen, "search": search}


# -- report ----------------------------------------------------------------------------------
def table(res: dict[str, object]) -> str:
    rows: list[tuple[str, str, str]] = []

    def add(name: str, value: str, target: str = "") -> None:
        rows.append((name, value, target))

    if "piaf" in res:
        p = res["piaf"]
        b = p["build"]
        add("PIAF articles / passages embedded", f"{p['articles']} / {b['embedded']}")
        add("full build (wall)", f"{b['build_s']:.1f} s")
        add("  of which embedding loop", f"{b['build_embed_phase_s']:.1f} s")
        add("  everything else", f"{b['build_non_embed_s']:.2f} s")
        add("raw SentenceTransformer.encode (wall)", f"{b['raw_encode_s']:.1f} s")
        add("build / raw encode (wall)", f"{b['ratio']:.3f}", f"<= {TARGETS['build_ratio']}")
        add("build / raw encode (CPU time)", f"{b['ratio_cpu']:.3f}")
        s = p["search"]
        add(f"warm search p50 ({s['queries']} q, k=10)", f"{s['p50_ms']:.1f} ms", f"<= {TARGETS['search_p50_ms']:.0f} ms")
        add("warm search p95", f"{s['p95_ms']:.1f} ms")
        add("  query embedding p50", f"{s['embed_p50_ms']:.1f} ms")
        add("  everything but embedding p50", f"{s['index_only_p50_ms']:.2f} ms")
        r = p["reindex_one"]
        add(f"re-index, one article changed (median of {len(r['runs'])})", f"{r['median_s']:.2f} s",
            f"<= {TARGETS['reindex_one_s']:.0f} s")
        add("  slowest", f"{r['max_s']:.2f} s")
    if "synthetic" in res:
        g, s = res["synthetic"]["generation"], res["synthetic"]["search"]
        add(f"SYNTHETIC {g['passages']} passages (random vectors)", f"vocab {g['vocabulary']}, {g['disk_mb']:.0f} MB on disk")
        add("  index open", f"{s['open_s']:.2f} s")
        add(f"  Retriever.search p50 ({s['queries']} q)", f"{s['p50_ms']:.1f} ms", f"<= {TARGETS['synthetic_search_p50_ms']:.0f} ms")
        add("  Retriever.search p95", f"{s['p95_ms']:.1f} ms")
        add("  BM25+FAISS+fusion+fetch p50 (no embedding)", f"{s['index_only_p50_ms']:.1f} ms")
        add("  peak RSS (model + index + search)", f"{s['peak_rss_mb']:.0f} MB",
            f"<= {TARGETS['synthetic_peak_rss_mb']:.0f} MB")
        add("  RSS after model load", f"{s['rss']['after_model_mb']:.0f} MB")
    w = max(len(r[0]) for r in rows)
    v = max(len(r[1]) for r in rows)
    lines = [f"{'measure':<{w}}  {'value':>{v}}  target", "-" * (w + v + 12)]
    lines += [f"{a:<{w}}  {b:>{v}}  {c}" for a, b, c in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--questions", type=int, default=300)
    ap.add_argument("--synthetic", type=int, default=100_000, help="synthetic passages (0: skip)")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--skip-piaf", action="store_true")
    ap.add_argument("--reindex-repeats", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1, help="build/raw-encode pairs (median ratio)")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--_synth-build", nargs=2, dest="synth_build", help=argparse.SUPPRESS)
    ap.add_argument("--_synth-search", nargs=2, dest="synth_search", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    os.environ.setdefault("VEILLE_DATA", tempfile.mkdtemp(prefix="veille-data-"))

    if args.synth_build:
        print(json.dumps(synth_build(Path(args.synth_build[0]), int(args.synth_build[1]))))
        return 0
    if args.synth_search:
        print(json.dumps(synth_search(Path(args.synth_search[0]), int(args.synth_search[1]))))
        return 0

    import torch

    res: dict[str, object] = {
        "machine": {"cpus": os.cpu_count(), "torch_threads": torch.get_num_threads(),
                    "python": platform.python_version(), "torch": torch.__version__,
                    "loadavg_start": os.getloadavg()},
        "targets": TARGETS,
    }
    try:
        res["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                       cwd=ROOT).stdout.strip()
    except OSError:
        pass
    work = Path(tempfile.mkdtemp(prefix="veille-speed-"))
    try:
        if not args.skip_piaf:
            print("PIAF build / search / re-index…", file=sys.stderr)
            res["piaf"] = bench_piaf(work, args.questions, args.reindex_repeats, args.repeat)
        if args.synthetic and not args.skip_synthetic:
            print(f"Synthetic {args.synthetic} passages…", file=sys.stderr)
            res["synthetic"] = bench_synthetic(work, args.synthetic, args.questions)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    res["machine"]["loadavg_end"] = os.getloadavg()
    print(table(res))
    print(f"load average start {res['machine']['loadavg_start'][0]:.2f}, end {res['machine']['loadavg_end'][0]:.2f} "
          f"on {res['machine']['cpus']} CPUs (shared machine: timings are noisy)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"écrit : {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
