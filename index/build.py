"""Incremental, crash-safe index builds.

``IndexBuilder.run()`` is a generator of :class:`Progress`; the caller renders it and may cancel
through a :class:`CancelToken`. What is reused, and why it is safe:

* an article whose file size and mtime (or, failing that, content hash) are unchanged keeps its
  text; if its boilerplate lines are also unchanged it keeps its passages, vectors and term
  counts as they were;
* any passage whose exact text was embedded before reuses that vector (so an article that is
  re-chunked only because a footer became "repeated" costs no embedding);
* everything else is read, chunked, embedded.

The new generation is written into a ``.tmp`` folder and swapped in by replacing ``CURRENT``
(see ``index.store``), so an interrupted build never damages the index in use.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from index.analysis import FrenchAnalyzer
from index.boilerplate import LINES_CACHE, excluded_from, lines_of, load_lines_cache, repeated_keys, save_lines_cache
from index.chunking import ChunkParams, chunk_text
from index.duplicates import find_duplicates
from index.dense import load_vectors
from index.ingest import (ARTICLE_SUFFIXES, Article, CorpusFile, UnreadableArticle, content_sha1, read_article,
                          read_corpus_file, scan_corpus)
from index.lexical import LexicalIndex, TermCounts
from index.manifest import Manifest
from index.progress import CancelToken, Progress
from index.store import CURRENT, SCHEMA_SQL, check_database, connect, current_generation, verify_files, write_checksums
from models.embedder import Embedder
from models.errors import CorpusError, IndexCorrupt, IndexMismatch, IndexWriteError, VeilleError, os_reason

#: Passages per stretch of the embedding run that mixes all lengths (see :func:`_embedding_batches`).
EMBED_CHUNK = 256


@dataclass
class BuildSummary:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    passages: int = 0
    embedded: int = 0  # passages whose vectors were computed in this build
    skipped: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    full_rebuild: bool = False
    reason: str = ""  # why a full rebuild happened, for the user
    generation: str = ""
    up_to_date: bool = False  # nothing changed: no new generation was written
    duplicates: int = 0  # articles that are near-copies of another (see index.duplicates)

    def to_json(self) -> dict[str, object]:
        return {
            "added": self.added, "changed": self.changed, "removed": self.removed,
            "unchanged": self.unchanged, "passages": self.passages, "embedded": self.embedded,
            "skipped": self.skipped, "seconds": round(self.seconds, 3), "full_rebuild": self.full_rebuild,
            "reason": self.reason, "generation": self.generation, "up_to_date": self.up_to_date,
            "duplicates": self.duplicates,
        }


@dataclass
class _OldArticle:
    sha1: str
    size: int
    mtime_ns: int
    title: str
    date: str | None
    text: str
    chunk_key: str
    author: str | None = None
    site: str | None = None
    pages: str | None = None  # JSON list of page starts
    kind: str | None = None
    date_source: str | None = None

    def article(self, source: str) -> Article:
        """The article as last read (its file is unchanged)."""
        return Article(source, self.title, self.date, self.text, self.sha1, self.author, self.site,
                       tuple(json.loads(self.pages)) if self.pages else (), self.kind or "text",
                       self.date_source)


@dataclass
class _Planned:
    """One article of the new generation and where its passages come from."""

    article: Article
    size: int
    mtime_ns: int
    chunk_key: str
    reuse_from: str | None  # source in the old generation whose passages are reused as-is
    chunks: list = field(default_factory=list)  # new chunks when not reused


def expected_manifest(embedder: Embedder, params: ChunkParams, analyzer: FrenchAnalyzer) -> Manifest:
    return Manifest(
        embedder_id=embedder.model_id,
        dimension=embedder.dimension,
        chunking=params.as_dict(),
        analyzer=analyzer.version,
        embedder_path=str(embedder.path),
    )


@contextmanager
def _build_lock(index_dir: Path) -> Iterator[None]:
    """One build at a time per index folder (another process or thread waits)."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        fh = open(index_dir / ".lock", "w")
    except OSError as exc:  # read-only place, full disk, a file where the folder should be
        raise IndexWriteError.from_os(index_dir, exc) from exc
    with fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _chunk_key(article: Article, excluded: list[tuple[int, int]]) -> str:
    return hashlib.sha1((article.sha1 + json.dumps(excluded)).encode()).hexdigest()


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _embedding_batches(items: list[tuple[str, str]], lengths: list[int], batch_size: int,
                       spread: int) -> list[list[tuple[str, str]]]:
    """Cut ``(key, text)`` items into model batches of similar token length, in an order that
    keeps progress linear. Each batch is one ``encode`` call.

    A batch costs its size times its *longest* text (padding). Sorting by exact token counts and
    encoding each batch on its own beats both the old article-ordered calls of 256 and one big
    ``SentenceTransformer.encode`` (which sorts by characters, not tokens): on PIAF (1,783
    passages, batch 64, 327,792 real tokens) the padded totals are 393,470 (calls of 256),
    374,194 (one call) and 333,845 (this), for 0.6 s of extra tokenisation.

    Batches are then dealt round-robin into groups of ``spread`` batches and run group after
    group, so every stretch of the run mixes long and short passages: the ETA, which
    extrapolates linearly, is not thrown off by the longest passages coming first.
    """
    order = sorted(range(len(items)), key=lambda i: lengths[i], reverse=True)
    batches = [[items[i] for i in order[s : s + batch_size]] for s in range(0, len(order), batch_size)]
    n_groups = -(-len(batches) // max(1, spread))
    return [b for g in range(n_groups) for b in batches[g::n_groups]]


def unreachable_links(root: Path) -> dict[str, str]:
    """Article-named symlinks below ``root`` that lead nowhere (a loop ``a -> b -> a``, a
    deleted target), with the reason: ``scan_corpus`` leaves them out, and the user should be
    told why an article they can see in the folder is not indexed.

    Only symlinks are stat-ed (``DirEntry.is_symlink`` comes from the directory listing), so
    this costs one listing of the corpus; symlinked folders are not followed, as in the scan.
    """
    found: dict[str, str] = {}
    stack = [Path(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):
                    stack.append(Path(e.path))
                    continue
                if not (e.is_symlink() and e.name.lower().endswith(ARTICLE_SUFFIXES)):
                    continue
                os.stat(e.path)
            except OSError as exc:
                rel = Path(e.path).relative_to(root).as_posix()
                why = "lien symbolique cassé" if exc.errno == errno.ENOENT else os_reason(exc)
                found[rel] = f"illisible : {why}"
    return found


def _read_reason(exc: OSError) -> str:
    """Why a file listed by the scan could not be read, in French."""
    if exc.errno == errno.ENOENT:
        return "fichier supprimé pendant l'indexation"
    return f"lecture impossible : {os_reason(exc)}"


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class IndexBuilder:
    """Builds or updates the index of ``corpus`` in ``index_dir``; see the module docstring."""

    def __init__(
        self,
        corpus: Path,
        index_dir: Path,
        embedder: Embedder,
        params: ChunkParams = ChunkParams(),
        analyzer: FrenchAnalyzer | None = None,
        rebuild: bool = False,
        cancel: CancelToken | None = None,
    ) -> None:
        self.corpus = Path(corpus)
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.params = params
        self.analyzer = analyzer or FrenchAnalyzer()
        self.rebuild = rebuild
        self.cancel = cancel or CancelToken()
        self.summary = BuildSummary()
        self._files: dict[str, CorpusFile] = {}
        self._dup_of: dict[str, str] = {}
        self._lines: dict = {}  # content sha1 -> boilerplate.Lines, saved in the generation
        self._old_vectors: np.ndarray | None = None
        self._old_lexical: LexicalIndex | None = None
        #: files deleted between the scan and their reading: reported, but not remembered as
        #: skipped (they are gone; remembering them would make the index look stale)
        self._vanished: set[str] = set()

    # -- the old generation ------------------------------------------------------------------
    def _open_old(self, manifest: Manifest) -> tuple[Path | None, sqlite3.Connection | None]:
        try:
            gen = current_generation(self.index_dir)
        except IndexCorrupt as exc:
            self.summary.full_rebuild = True
            self.summary.reason = f"L'index était endommagé ({exc.detail}) ; reconstruction complète."
            return None, None
        if gen is None:
            self.summary.full_rebuild = True
            return None, None
        if self.rebuild:
            self.summary.full_rebuild, self.summary.reason = True, "reconstruction demandée"
            return None, None
        conn = None
        try:
            old_manifest = Manifest.load(gen)
            old_manifest.check_compatible(manifest)
            # What is reused must be sound: the same checks as opening the index for search.
            verify_files(gen)
            conn = connect(gen / "meta.sqlite", readonly=True)
            check_database(conn, gen, old_manifest)
            self._old_vectors = load_vectors(gen / "vectors.npy", old_manifest.dimension, mmap=True)
            self._old_lexical = LexicalIndex.load(gen / "lexical")
            if not (len(self._old_vectors) == self._old_lexical.size):
                raise IndexCorrupt(f"index incohérent dans {gen.name} ({len(self._old_vectors)} vecteurs, "
                                   f"{self._old_lexical.size} lexicaux)")
            return gen, conn
        except IndexCorrupt as exc:
            if conn is not None:
                conn.close()
            self._old_vectors = self._old_lexical = None
            self.summary.full_rebuild = True
            self.summary.reason = f"L'index était endommagé ({exc.detail}) ; reconstruction complète."
            return None, None
        except (IndexMismatch, sqlite3.DatabaseError) as exc:
            if conn is not None:
                conn.close()
            self._old_vectors = self._old_lexical = None
            self.summary.full_rebuild = True
            self.summary.reason = f"{exc} Reconstruction complète."
            return None, None

    def run(self) -> Iterator[Progress]:
        """Do the build, yielding progress; ``self.summary`` is complete when it returns."""
        t0 = time.perf_counter()
        files = scan_corpus(self.corpus)
        if not files:
            raise CorpusError(f"Le corpus {self.corpus} ne contient aucun article (.txt, .md, .html ou .pdf).")
        self.cancel.raise_if_cancelled()
        with _build_lock(self.index_dir):
            # Leftovers of a killed build: never read, removed before anything else is written.
            for stale in self.index_dir.glob("gen-*.tmp"):
                shutil.rmtree(stale, ignore_errors=True)
            (self.index_dir / (CURRENT + ".tmp")).unlink(missing_ok=True)
            yield from self._run_locked(files, t0)

    def _run_locked(self, files: list[CorpusFile], t0: float) -> Iterator[Progress]:
        summary = self.summary
        manifest = expected_manifest(self.embedder, self.params, self.analyzer)
        manifest.corpus = str(self.corpus.resolve())
        old_gen, old = self._open_old(manifest)
        old_articles: dict[str, _OldArticle] = {}
        old_skipped: dict[str, tuple[str, int, int]] = {}
        if old is not None:
            for r in old.execute("SELECT source, sha1, size, mtime_ns, title, date, text, chunk_key, author, site, "
                                 "pages, kind, date_source FROM articles"):
                old_articles[r["source"]] = _OldArticle(*tuple(r)[1:])
            for r in old.execute("SELECT source, reason, size, mtime_ns FROM skipped"):
                old_skipped[r[0]] = (r[1], r[2], r[3])
            old_dup_of = {r[0]: r[1] for r in old.execute("SELECT source, dup_of FROM articles WHERE dup_of IS NOT NULL")}
        else:
            old_dup_of = {}

        # 1. Read what changed.
        self._files = {f.source: f for f in files}  # the stat each decision was made on
        yield Progress(0, len(files), "Lecture du corpus…")
        articles: list[tuple[Article, CorpusFile, bool]] = []  # (article, file, content unchanged)
        for i, f in enumerate(files):
            if i % 500 == 0:
                self.cancel.raise_if_cancelled()
            prev = old_articles.get(f.source)
            if prev is not None and (prev.size, prev.mtime_ns) == (f.size, f.mtime_ns):
                articles.append((prev.article(f.source), f, True))
                continue
            skipped = old_skipped.get(f.source)
            if skipped is not None and (skipped[1], skipped[2]) == (f.size, f.mtime_ns):
                summary.skipped[f.source] = skipped[0]
                continue
            try:
                data = read_corpus_file(f)  # refuses an oversized file before reading it
                if prev is not None and content_sha1(f, data) == prev.sha1:
                    articles.append((prev.article(f.source), f, True))
                    continue
                articles.append((read_article(f, data), f, False))
            except UnreadableArticle as exc:
                summary.skipped[f.source] = exc.reason
            except OSError as exc:
                summary.skipped[f.source] = _read_reason(exc)
                if exc.errno == errno.ENOENT:
                    self._vanished.add(f.source)
        for source, reason in unreachable_links(self.corpus).items():
            summary.skipped.setdefault(source, reason)
        current = {a.source for a, _, _ in articles}
        summary.removed = sum(1 for s in old_articles if s not in current)
        for a, _, same in articles:
            if same:
                summary.unchanged += 1
            elif a.source in old_articles:
                summary.changed += 1
            else:
                summary.added += 1
        if not articles:
            raise CorpusError(
                f"Aucun article lisible dans {self.corpus} ("
                + "; ".join(f"{s} : {r}" for s, r in list(summary.skipped.items())[:5]) + ")."
            )

        # 2. Boilerplate is a corpus-wide property: recompute it, re-chunk only where it moved.
        #    So are near-duplicates (the same wire story saved twice): which copy is canonical.
        #    Copies of one story count once for boilerplate: otherwise the paragraphs shared by
        #    three copies would read as a site's footer and leave every copy without passages.
        if old is not None and summary.added == summary.changed == summary.removed == 0:
            # Same articles, same texts: the same copies (detection costs seconds at 10k articles).
            self._dup_of = dict(old_dup_of)
        else:
            self._dup_of = find_duplicates([a for a, _, _ in articles])
        summary.duplicates = len(self._dup_of)
        #    Each article's lines are folded and hashed once, then cached in the index by content.
        cached = load_lines_cache(old_gen / LINES_CACHE) if old is not None and old_gen is not None else {}
        self._lines = {a.sha1: cached.get(a.sha1) or lines_of(a.text) for a, _, _ in articles}
        del cached
        repeated = repeated_keys(self._lines[a.sha1] for a, _, _ in articles if a.source not in self._dup_of)
        plan: list[_Planned] = []
        for a, f, same in articles:
            excluded = excluded_from(self._lines[a.sha1], repeated)
            key = _chunk_key(a, excluded)
            prev = old_articles.get(a.source)
            reuse = a.source if (same and prev is not None and prev.chunk_key == key) else None
            item = _Planned(a, f.size, f.mtime_ns, key, reuse)
            if reuse is None:
                item.chunks = chunk_text(a.text, excluded, self.params)
            plan.append(item)

        nothing_changed = (
            old is not None and summary.added == summary.changed == summary.removed == 0
            and all(p.reuse_from for p in plan)
            and set(summary.skipped) == set(old_skipped)
            and self._dup_of == old_dup_of
        )
        if nothing_changed:
            assert old_gen is not None
            old_sizes = {s: (v.size, v.mtime_ns) for s, v in old_articles.items()}
            new_sizes = {p.article.source: (p.size, p.mtime_ns) for p in plan}
            if old_sizes == new_sizes:
                old.close()
                summary.up_to_date = True
                summary.generation = old_gen.name
                # The manifest already counts them; no second connection (it was never closed).
                summary.passages = int(Manifest.load(old_gen).counts.get("passages", 0))
                # A build killed between its CURRENT swap and its clean-up left a third generation.
                older = sorted(g.name for g in self.index_dir.glob("gen-*") if g.name < old_gen.name)
                self._remove_old_generations(keep={old_gen.name, *older[-1:]})
                summary.seconds = time.perf_counter() - t0
                yield Progress(len(files), len(files), "Index à jour.", summary.passages, summary.seconds)
                return

        # 3. Vectors and term counts of the old generation, for reuse.
        old_vectors = None
        old_lexical: LexicalIndex | None = None
        old_by_text: dict[str, int] = {}
        old_rows: dict[str, list[sqlite3.Row]] = {}
        if old is not None and old_gen is not None:
            old_vectors, old_lexical = self._old_vectors, self._old_lexical
            for r in old.execute('SELECT id, source, ordinal, start, "end", text_sha1, sentences FROM passages ORDER BY id'):
                old_by_text.setdefault(r["text_sha1"], r["id"])
                old_rows.setdefault(r["source"], []).append(r)

        # 4. Embed what is new, article by article, with progress and cancellation.
        todo = [p for p in plan if p.reuse_from is None]
        pending: list[tuple[str, str]] = []  # (text key, text) to embed
        seen: set[str] = set()
        for p in todo:
            for c in p.chunks:
                text = p.article.text[c.start : c.end]
                k = _text_key(text)
                if k not in old_by_text and k not in seen:
                    seen.add(k)
                    pending.append((k, text))
        new_vectors: dict[str, np.ndarray] = {}
        total_articles = len(todo)
        start = time.perf_counter()
        done_passages = 0
        if pending:
            self.embedder.load()
        yield Progress(0, total_articles, "Calcul des vecteurs…", 0, 0.0)
        batch_size = self.embedder.batch_size
        # By blocks: the tokenizer's lists of Python ints for 56,000 passages at once were ~0.4 GB.
        lengths = [n for b in range(0, len(pending), 2048)
                   for n in self.embedder.token_lengths([t for _, t in pending[b : b + 2048]])]
        for batch in _embedding_batches(pending, lengths, batch_size, max(1, EMBED_CHUNK // batch_size)):
            self.cancel.raise_if_cancelled()
            vecs = self.embedder.encode([t for _, t in batch], batch_size=batch_size)
            for (k, _), v in zip(batch, vecs):
                new_vectors[k] = v
            done_passages += len(batch)
            # Batches mix passages of all articles, so articles done is estimated from passages
            # done (batches are dealt so that this is also about linear in time).
            done_articles = total_articles * done_passages // len(pending)
            elapsed = time.perf_counter() - start
            yield Progress(done_articles, total_articles,
                           f"Indexation : {done_articles}/{total_articles} articles", done_passages, elapsed)
        summary.embedded = len(pending)
        self.cancel.raise_if_cancelled()

        # 5. Assemble and write the new generation aside.
        yield Progress(total_articles, total_articles, "Écriture de l'index…", done_passages, time.perf_counter() - start)
        n = self._next_generation_number()
        tmp = self.index_dir / f"gen-{n:06d}.tmp"
        final = self.index_dir / f"gen-{n:06d}"
        pointer = self.index_dir / (CURRENT + ".tmp")
        swapped = False
        try:
            self._write_generation(tmp, plan, old_rows, old_vectors, old_lexical, old_by_text, new_vectors, summary, manifest)
            if old is not None:
                old.close()
            self.cancel.raise_if_cancelled()
            _fsync_tree(tmp)
            os.rename(tmp, final)
            _fsync_dir(self.index_dir)
            with open(pointer, "w", encoding="utf-8") as fh:
                fh.write(final.name)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(pointer, self.index_dir / CURRENT)
            swapped = True
            _fsync_dir(self.index_dir)
        except BaseException as exc:
            # Nothing half-written stays behind: the previous generation is still the live one.
            shutil.rmtree(tmp, ignore_errors=True)
            if not swapped:
                shutil.rmtree(final, ignore_errors=True)
                pointer.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise IndexWriteError.from_os(self.index_dir, exc) from exc
            raise
        summary.generation = final.name
        self._remove_old_generations(keep={final.name, old_gen.name if old_gen else ""})
        summary.seconds = time.perf_counter() - t0
        yield Progress(total_articles, total_articles, "Index prêt.", summary.passages, summary.seconds)

    def _next_generation_number(self) -> int:
        nums = [int(p.name[4:10]) for p in self.index_dir.glob("gen-*") if p.name[4:10].isdigit()]
        return max(nums, default=0) + 1

    def _remove_old_generations(self, keep: set[str]) -> None:
        """Keep the live generation and the one before it (a reader may still have it open)."""
        for gen in self.index_dir.glob("gen-*"):
            if gen.is_dir() and gen.name not in keep:
                shutil.rmtree(gen, ignore_errors=True)

    def _write_generation(self, tmp: Path, plan: list[_Planned], old_rows: dict[str, list[sqlite3.Row]],
                          old_vectors: np.ndarray | None, old_lexical: LexicalIndex | None,
                          old_by_text: dict[str, int], new_vectors: dict[str, np.ndarray],
                          summary: BuildSummary, manifest: Manifest) -> None:
        tmp.mkdir(parents=True)
        dim = self.embedder.dimension
        terms = TermCounts(old_lexical.vocab if old_lexical is not None else None)
        passage_rows: list[tuple] = []
        article_rows: list[tuple] = []
        # Filled in place: stacking per-article parts held the vectors three times over (parts,
        # stack, float32 copy), +260 MB at 60,000 passages.
        n_total = sum(len(old_rows.get(p.article.source, [])) if p.reuse_from is not None else len(p.chunks)
                      for p in plan)
        vectors = np.empty((n_total, dim), np.float32)
        for p in plan:
            a = p.article
            first = len(passage_rows)
            if p.reuse_from is not None:
                rows = old_rows.get(a.source, [])
                assert old_vectors is not None and old_lexical is not None
                ids = [r["id"] for r in rows]
                for r in rows:
                    passage_rows.append((len(passage_rows), a.source, r["ordinal"], r["start"], r["end"], r["text_sha1"], r["sentences"]))
                    terms.add_row(*old_lexical.row(r["id"]))
                if ids:
                    vectors[first : first + len(ids)] = old_vectors[ids]
            else:
                for ordinal, c in enumerate(p.chunks):
                    text = a.text[c.start : c.end]
                    k = _text_key(text)
                    passage_rows.append((len(passage_rows), a.source, ordinal, c.start, c.end, k, json.dumps(c.sentences)))
                    terms.add_terms(self.analyzer(text))
                    if k in new_vectors:
                        vectors[len(passage_rows) - 1] = new_vectors[k]
                    else:
                        assert old_vectors is not None
                        vectors[len(passage_rows) - 1] = old_vectors[old_by_text[k]]
            article_rows.append((a.source, a.sha1, p.size, p.mtime_ns, a.title, a.date, a.text, p.chunk_key,
                                 first, len(passage_rows) - first, a.author, a.site,
                                 json.dumps(list(a.pages)) if a.pages else None, a.kind, a.date_source,
                                 self._dup_of.get(a.source)))
        assert len(passage_rows) == n_total
        np.save(tmp / "vectors.npy", vectors, allow_pickle=False)
        terms.save(tmp / "lexical")
        save_lines_cache(tmp / LINES_CACHE, self._lines)
        try:
            conn = connect(tmp / "meta.sqlite", readonly=False)
        except sqlite3.OperationalError as exc:  # "unable to open database file"
            raise OSError(errno.EACCES, str(exc)) from exc
        try:
            conn.executescript(SCHEMA_SQL)
            conn.executemany("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", article_rows)
            conn.executemany("INSERT INTO passages VALUES (?,?,?,?,?,?,?)", passage_rows)
            # The stat seen when the file was read (not a fresh one): a file that changes during
            # the build is then seen as changed by the next one, and read again.
            files = self._files
            conn.executemany(
                "INSERT INTO skipped VALUES (?,?,?,?)",
                [(s, r, files[s].size if s in files else None, files[s].mtime_ns if s in files else None)
                 for s, r in summary.skipped.items() if s not in self._vanished],
            )
            conn.commit()
        except sqlite3.OperationalError as exc:
            # SQLite reports a full disk as its own error, not as an OSError.
            full = "full" in str(exc).lower()
            raise OSError(errno.ENOSPC if full else errno.EIO, str(exc)) from exc
        finally:
            conn.close()
        summary.passages = len(passage_rows)
        manifest.counts = {"articles": len(article_rows), "passages": len(passage_rows), "skipped": len(summary.skipped)}
        write_checksums(tmp)
        manifest.save(tmp)  # last: a generation without a manifest is never opened


def build_index(
    corpus: Path,
    index_dir: Path,
    embedder: Embedder,
    params: ChunkParams = ChunkParams(),
    rebuild: bool = False,
    cancel: CancelToken | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> BuildSummary:
    """Run a build to completion (the callback form of :class:`IndexBuilder`)."""
    builder = IndexBuilder(corpus, index_dir, embedder, params, rebuild=rebuild, cancel=cancel)
    for progress in builder.run():
        if on_progress is not None:
            on_progress(progress)
    return builder.summary


@dataclass
class Staleness:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reason: str = ""  # set when the index cannot be used as it is (missing, mismatched, damaged)
    #: the damage found when the index is damaged: readers report it (and offer a rebuild)
    #: rather than silently rebuilding over it
    corrupt: IndexCorrupt | None = None

    @property
    def stale(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.reason)


def check_staleness(corpus: Path, index_dir: Path, embedder: Embedder | None = None,
                    params: ChunkParams = ChunkParams()) -> Staleness:
    """Compare the corpus folder with the live index by file size and mtime (no reading)."""
    st = Staleness()
    files = scan_corpus(corpus)
    try:
        gen = current_generation(index_dir)
    except IndexCorrupt as exc:
        st.reason, st.corrupt = str(exc), exc
        return st
    if gen is None:
        st.reason = "aucun index"
        return st
    try:
        manifest = Manifest.load(gen)
        if embedder is not None:
            manifest.check_compatible(expected_manifest(embedder, params, FrenchAnalyzer()))
        conn = connect(gen / "meta.sqlite", readonly=True)
        try:
            # Skipped files without a stat are unreachable links the scan does not list.
            rows = conn.execute("SELECT source, size, mtime_ns FROM articles UNION ALL "
                                "SELECT source, size, mtime_ns FROM skipped WHERE size IS NOT NULL").fetchall()
        finally:
            conn.close()
    except IndexCorrupt as exc:
        st.reason, st.corrupt = str(exc), exc
        return st
    except sqlite3.DatabaseError as exc:
        st.corrupt = IndexCorrupt(f"base meta.sqlite illisible dans {gen.name} : {exc}")
        st.reason = str(st.corrupt)
        return st
    except VeilleError as exc:
        st.reason = str(exc)
        return st
    known = {r[0]: (r[1], r[2]) for r in rows}
    for f in files:
        if f.source not in known:
            st.added.append(f.source)
        elif known[f.source] != (f.size, f.mtime_ns):
            st.changed.append(f.source)
    present = {f.source for f in files}
    st.removed = [s for s in known if s not in present]
    return st
