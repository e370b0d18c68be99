"""SIGKILL a build at random moments, over and over: the previous index always answers, and the
next build always completes correctly.

(``tests/index/test_build.py`` kills one CLI build once, during embedding; this one covers every
phase.) A fresh ``python`` per kill would spend most of the test importing torch, so a small
server process imports everything once and ``fork()``s one child per build; the test kills
that child with SIGKILL after a delay drawn uniformly in [0, the build's measured duration],
so kills land during the model load, the reading, the embedding, the writing and the
``CURRENT`` swap alike. Writing is a small part of a build (a few hundred ms), too short to be hit
reliably by a clock started at the fork, so one kill in four instead waits for the child to log
« Écriture de l'index » and then strikes after a delay drawn uniformly in 1.3 × the writing
stretch the calibration build measured: the ``fsync``, rename and ``CURRENT`` swap are hit. The server never runs the model itself (a parent that has used
OpenMP must not fork), each child loads it: that load is one of the phases killed.

Between kills the corpus is mutated (articles edited, added, removed), so each build really
writes a new generation; one build in three is a full ``--rebuild``. After each kill the test
opens the live index and searches it, then completes a build in-process and checks it
(offsets, counts, vectors aligned with their passages, no leftovers). The phase each kill hit
is printed (the child logs its progress messages to a file).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from index.build import build_index
from index.retriever import Retriever
from index.store import OpenIndex, current_generation
from models.embedder import Embedder
from tests.conftest import ROOT, SAMPLE_CORPUS

PIAF = ROOT.parent / "shared" / "data" / "piaf" / "piaf-corpus.jsonl"
KILLS = int(os.environ.get("VEILLE_KILLS", "20"))
QUERY = "Lecointre Guerassimov 10 juillet"
LECOINTRE = "003_546b02830ba72005.txt"  # never mutated

SERVER = r"""
import json, os, sys, time, traceback
from index.build import build_index
from models.embedder import Embedder
import sentence_transformers  # imported once here; children start ready

def log(path, msg):
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"{time.monotonic():.3f}\t{msg}\n")

print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    req = json.loads(line)
    if req["cmd"] == "build":
        pid = os.fork()
        if pid == 0:
            try:
                log(req["log"], "chargement du modèle")
                emb = Embedder().load()
                build_index(req["corpus"], req["index"], emb, rebuild=req["rebuild"],
                            on_progress=lambda p: log(req["log"], p.message))
                log(req["log"], "terminé")
                os._exit(0)
            except BaseException:
                traceback.print_exc()
                os._exit(1)
        print(json.dumps({"pid": pid}), flush=True)
    elif req["cmd"] == "wait":
        _, status = os.waitpid(req["pid"], 0)
        print(json.dumps({"status": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class BuildServer:
    def __init__(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER], cwd=ROOT, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert json.loads(self._readline())["ready"]

    def _readline(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, "the build server died"
        return line

    def _ask(self, **req: object) -> dict:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(req) + "\n")
        self.proc.stdin.flush()
        return json.loads(self._readline())

    def start(self, corpus: Path, index_dir: Path, rebuild: bool, log: Path) -> int:
        return int(self._ask(cmd="build", corpus=str(corpus), index=str(index_dir), rebuild=rebuild, log=str(log))["pid"])

    def wait(self, pid: int) -> int:
        return int(self._ask(cmd="wait", pid=pid)["status"])

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _piaf_docs(max_chars: int = 1500) -> list[tuple[str, str]]:
    """PIAF articles cut to their first paragraphs: a build of a few seconds, not minutes."""
    docs = []
    with open(PIAF, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            text = d["text"]
            if len(text) > max_chars:
                cut = text.rfind(". ", 0, max_chars)
                text = text[: cut + 1 if cut > 0 else max_chars]
            docs.append((f"piaf_{d['doc_id']}.txt", text + "\n"))
    return docs


def check_index(index_dir: Path, embedder: Embedder, corpus: Path | None = None, sample: int = 3) -> int:
    """Open the live index, search it and check it is sound; with ``corpus``, also that it is
    exactly that corpus. Returns the number of passages."""
    idx = OpenIndex.open(index_dir)  # checksums, shapes, counts (raises IndexCorrupt)
    try:
        hits = Retriever(idx, embedder).search(QUERY, 5)
        assert LECOINTRE in [h.source for h in hits]
        counts = idx.manifest.counts
        assert counts["passages"] == idx.size == idx.lexical.size
        rows = idx._query('SELECT p.id, p.start, p."end", p.text_sha1, a.text FROM passages p '
                          "JOIN articles a ON a.source = p.source ORDER BY p.id")
        assert [r["id"] for r in rows] == list(range(idx.size))
        for r in rows:  # offsets exact: each passage is the very text that was embedded
            assert hashlib.sha1(r["text"][r["start"] : r["end"]].encode()).hexdigest() == r["text_sha1"]
        picked = random.Random(idx.size).sample(range(idx.size), min(sample, idx.size))
        for p in idx.passages(picked):  # vectors belong to their passages
            assert float(embedder.encode([p.text])[0] @ idx.dense.vectors[p.id]) > 0.99
        if corpus is not None:
            files = {f.name: f.read_text(encoding="utf-8") for f in corpus.glob("*.txt")}
            arts = idx.articles()
            assert {a.source for a in arts} == set(files) and counts["articles"] == len(files)
            assert sum(a.n_passages for a in arts) == idx.size
            for a in arts:
                assert idx.article(a.source)["text"] == files[a.source]
        return idx.size
    finally:
        idx.close()


def _wait_for(log: Path, prefix: str, timeout: float = 120.0) -> None:
    """Until the child logs a message starting with ``prefix`` (or finishes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists():
            msgs = [ln.partition("\t")[2] for ln in log.read_text(encoding="utf-8").splitlines()]
            if any(m.startswith((prefix, "terminé")) for m in msgs):
                return
        time.sleep(0.005)
    raise AssertionError(f"the build never logged « {prefix} »")


def _phase(log: Path) -> str:
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    if not lines:
        return "démarrage"
    msg = lines[-1].partition("\t")[2]
    return msg.split(":")[0].split("…")[0].strip()


@pytest.mark.slow
def test_random_kills_never_damage_the_index(tmp_path: Path, embedder: Embedder) -> None:
    rng = random.Random(20240612)
    corpus, index_dir = tmp_path / "corpus", tmp_path / "index"
    corpus.mkdir()
    for f in SAMPLE_CORPUS.glob("*.txt"):
        (corpus / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    docs = _piaf_docs()
    pool = docs[16:]
    for name, text in docs[:16]:
        (corpus / name).write_text(text, encoding="utf-8")

    def mutate(i: int) -> None:
        present = sorted(p.name for p in corpus.glob("piaf_*.txt"))
        for name in rng.sample(present, 3):
            with open(corpus / name, "a", encoding="utf-8") as fh:
                fh.write(f"\nMise à jour {i} : le conseil municipal a voté une rallonge de {rng.randint(2, 900)} euros.\n")
        for name in rng.sample(present, 1):
            (corpus / name).unlink()
        for _ in range(2):
            name, text = pool.pop()
            (corpus / name).write_text(text, encoding="utf-8")

    server = BuildServer()
    try:
        # Calibration: how long a full build and an incremental one take, unkilled.
        durations, writing = {}, {}
        for rebuild in (True, False):
            if not rebuild:
                mutate(0)
            log = tmp_path / f"calib-{rebuild}.log"
            t0 = time.monotonic()
            status = server.wait(server.start(corpus, index_dir, rebuild, log))
            durations[rebuild] = time.monotonic() - t0
            assert status == 0
            stamps = [(float(t) - t0, m) for t, m in (ln.split("\t", 1) for ln in log.read_text(encoding="utf-8").splitlines())]
            writing[rebuild] = (next(t for t, m in stamps if m.startswith("Écriture")), stamps[-1][0])
        check_index(index_dir, embedder, corpus)

        phases: Counter[str] = Counter()
        leftovers = 0
        for i in range(1, KILLS + 1):
            mutate(i)
            before = current_generation(index_dir)
            rebuild = rng.random() < 1 / 3
            log = tmp_path / f"kill-{i}.log"
            pid = server.start(corpus, index_dir, rebuild, log)
            if i % 4 == 0:
                _wait_for(log, "Écriture")
                time.sleep(rng.uniform(0, 1.3 * (writing[rebuild][1] - writing[rebuild][0])))
            else:
                time.sleep(rng.uniform(0, durations[rebuild]))
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - already reaped is impossible: we wait below
                pass
            status = server.wait(pid)
            phase = _phase(log)
            after = current_generation(index_dir)
            if phase.startswith("Écriture"):
                phase += " (CURRENT déjà basculé)" if after != before else " (avant la bascule de CURRENT)"
            phases[phase if status == -signal.SIGKILL else "fini avant le kill"] += 1

            # The live index is the previous one (or the new one, if the swap happened): it answers.
            assert after == before or (after is not None and after.name > before.name)
            check_index(index_dir, embedder)
            leftovers += bool(list(index_dir.glob("*.tmp")))

            # The next build completes, and the index is exactly the corpus.
            summary = build_index(corpus, index_dir, embedder)
            assert not list(index_dir.glob("*.tmp")), "a killed build's leftovers survived a build"
            assert len(list(index_dir.glob("gen-*"))) <= 2
            n = check_index(index_dir, embedder, corpus)
            assert summary.passages == n
            assert summary.added + summary.changed + summary.unchanged == len(list(corpus.glob("*.txt")))
        print(f"\n{KILLS} kills; full build {durations[True]:.1f} s (writing from {writing[True][0]:.1f} s), "
              f"incremental {durations[False]:.1f} s (writing from {writing[False][0]:.1f} s); "
              f"leftovers found after {leftovers} kills (all cleaned by the next build)")
        for phase, n in phases.most_common():
            print(f"  {n:3d}  {phase}")
    finally:
        server.close()
