"""An index on disk, and the opened index used for search.

Layout of an index folder::

    CURRENT              name of the live generation (replaced atomically)
    gen-000007/          one complete, immutable build
        manifest.json    how it was built (written last)
        meta.sqlite      articles (text, title, date, hash) and passages (offsets, sentences)
        vectors.npy      one unit vector per passage, row = passage id
        lexical/         BM25 term counts (see ``index.lexical``)
    gen-000008.tmp/      a build in progress; never read, removed by the next build

A build writes a new generation aside and then replaces ``CURRENT``; a reader opens whatever
``CURRENT`` names. Killing a build at any moment therefore leaves the previous index whole.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from index.dense import DenseIndex
from index.ingest import page_of
from index.lexical import LexicalIndex
from index.manifest import Manifest
from index.passage import Passage
from models.errors import IndexCorrupt, IndexMissing, SourceNotFound

CURRENT = "CURRENT"
SCHEMA_SQL = """
CREATE TABLE articles(
    source TEXT PRIMARY KEY, sha1 TEXT NOT NULL, size INTEGER, mtime_ns INTEGER,
    title TEXT, date TEXT, text TEXT NOT NULL, chunk_key TEXT,
    first_passage INTEGER, n_passages INTEGER,
    author TEXT, site TEXT, pages TEXT, kind TEXT, date_source TEXT, dup_of TEXT
);
CREATE TABLE passages(
    id INTEGER PRIMARY KEY, source TEXT NOT NULL, ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text_sha1 TEXT NOT NULL, sentences TEXT NOT NULL
);
CREATE INDEX passages_source ON passages(source);
CREATE TABLE skipped(source TEXT PRIMARY KEY, reason TEXT NOT NULL, size INTEGER, mtime_ns INTEGER);
"""


@dataclass(frozen=True)
class ArticleInfo:
    source: str
    title: str
    date: str | None
    sha1: str
    size: int
    mtime_ns: int
    n_passages: int
    author: str | None = None
    site: str | None = None
    kind: str = "text"
    date_source: str | None = None
    #: the article this one is a near-duplicate of (the copy answers cite), or None
    dup_of: str | None = None
    #: number of pages (PDF), 0 otherwise
    n_pages: int = 0


def current_generation(index_dir: Path) -> Path | None:
    """The live generation folder, or None when no build has completed."""
    try:
        name = (Path(index_dir) / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexCorrupt(f"Index illisible ({index_dir}) : {exc}") from exc
    gen = Path(index_dir) / name
    if not name.startswith("gen-") or not gen.is_dir():
        raise IndexCorrupt(f"L'index {index_dir} désigne une version absente ({name}) ; reconstruisez-le.")
    return gen


def connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


class OpenIndex:
    """A loaded generation: BM25 and vectors in memory, texts fetched from SQLite on demand.

    Safe to share between threads (queries are serialised on the SQLite connection).
    """

    def __init__(self, index_dir: Path, generation: Path, manifest: Manifest,
                 lexical: LexicalIndex, dense: DenseIndex, conn: sqlite3.Connection) -> None:
        self.index_dir = index_dir
        self.generation = generation
        self.manifest = manifest
        self.lexical = lexical
        self.dense = dense
        self._conn = conn
        self._lock = threading.Lock()
        self._sources: list[str] | None = None
        self._passage_source: list[str] | None = None

    @classmethod
    def open(cls, index_dir: Path, k1: float = 1.2, b: float = 0.75) -> "OpenIndex":
        index_dir = Path(index_dir)
        gen = current_generation(index_dir)
        if gen is None:
            raise IndexMissing(f"Aucun index dans {index_dir} ; lancez « veille index ».")
        manifest = Manifest.load(gen)
        try:
            conn = connect(gen / "meta.sqlite", readonly=True)
            (n,) = conn.execute("SELECT COUNT(*) FROM passages").fetchone()
        except sqlite3.DatabaseError as exc:
            raise IndexCorrupt(f"Base de l'index illisible ({gen}) : {exc}") from exc
        lexical = LexicalIndex.load(gen / "lexical", k1=k1, b=b)
        dense = DenseIndex.load(gen / "vectors.npy", manifest.dimension)
        if not (lexical.size == dense.size == n):
            conn.close()
            raise IndexCorrupt(
                f"Index incohérent dans {gen} ({n} passages, {lexical.size} lexicaux, {dense.size} vecteurs)."
            )
        return cls(index_dir, gen, manifest, lexical, dense, conn)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def size(self) -> int:
        return self.dense.size

    def _query(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def passages(self, ids: list[int]) -> list[Passage]:
        """Passages by id, in the order asked, with their exact text."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._query(
            f'SELECT p.id, p.source, p.ordinal, p.start, p."end", p.sentences, a.text, a.pages '
            f"FROM passages p JOIN articles a ON a.source = p.source WHERE p.id IN ({marks})",
            tuple(int(i) for i in ids),
        )
        by_id = {}
        for r in rows:
            text = r["text"][r["start"] : r["end"]]
            sents = tuple(tuple(s) for s in json.loads(r["sentences"]))
            page = page_of(json.loads(r["pages"]) if r["pages"] else (), r["start"])
            by_id[r["id"]] = Passage(r["id"], r["source"], r["ordinal"], r["start"], r["end"], text, sents, page)
        return [by_id[i] for i in ids if i in by_id]

    def passage_sources(self) -> list[str]:
        """Source of every passage, by id (cached; used to group hits by article)."""
        if self._passage_source is None:
            self._passage_source = [r[0] for r in self._query("SELECT source FROM passages ORDER BY id")]
        return self._passage_source

    def article_passages(self, source: str) -> list[Passage]:
        ids = [r[0] for r in self._query("SELECT id FROM passages WHERE source = ? ORDER BY ordinal", (source,))]
        return self.passages(ids)

    def titles(self, sources: list[str]) -> dict[str, str]:
        if not sources:
            return {}
        marks = ",".join("?" * len(sources))
        return {r[0]: r[1] for r in self._query(f"SELECT source, title FROM articles WHERE source IN ({marks})", tuple(sources))}

    def article(self, source: str) -> dict[str, object]:
        """Text and metadata of one article (``pages``: start offset of each page, PDF only)."""
        rows = self._query(
            "SELECT source, title, date, text, author, site, pages, kind, date_source, dup_of "
            "FROM articles WHERE source = ?", (source,))
        if not rows:
            raise SourceNotFound(f"Article inconnu de l'index : {source}")
        r = rows[0]
        return {"source": r["source"], "title": r["title"], "date": r["date"], "text": r["text"],
                "author": r["author"], "site": r["site"], "pages": json.loads(r["pages"]) if r["pages"] else [],
                "kind": r["kind"] or "text", "date_source": r["date_source"], "dup_of": r["dup_of"]}

    def articles(self) -> list[ArticleInfo]:
        rows = self._query(
            "SELECT source, title, date, sha1, size, mtime_ns, n_passages, author, site, kind, date_source, "
            "dup_of, pages FROM articles ORDER BY source")
        return [ArticleInfo(*tuple(r)[:12], n_pages=len(json.loads(r["pages"])) if r["pages"] else 0) for r in rows]

    def article_meta(self, sources: list[str]) -> dict[str, ArticleInfo]:
        """Metadata of some articles by source (for citations: date, pages, duplicates)."""
        if not sources:
            return {}
        marks = ",".join("?" * len(sources))
        rows = self._query(
            "SELECT source, title, date, sha1, size, mtime_ns, n_passages, author, site, kind, date_source, "
            f"dup_of, pages FROM articles WHERE source IN ({marks})", tuple(sources))
        return {r[0]: ArticleInfo(*tuple(r)[:12], n_pages=len(json.loads(r["pages"])) if r["pages"] else 0)
                for r in rows}

    def page_of(self, source: str, offset: int) -> int | None:
        """The 1-based page of ``offset`` in a PDF article, None for other articles."""
        rows = self._query("SELECT pages FROM articles WHERE source = ?", (source,))
        if not rows or not rows[0][0]:
            return None
        return page_of(json.loads(rows[0][0]), offset)

    def duplicates(self, source: str) -> list[str]:
        """The other copies of ``source`` (same story saved twice or from two outlets)."""
        rows = self._query("SELECT dup_of FROM articles WHERE source = ?", (source,))
        if not rows:
            return []
        canonical = rows[0][0] or source
        group = [r[0] for r in self._query(
            "SELECT source FROM articles WHERE source = ? OR dup_of = ? ORDER BY source", (canonical, canonical))]
        return [s for s in group if s != source]

    def skipped(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self._query("SELECT source, reason FROM skipped ORDER BY source")}

    def file_states(self) -> dict[str, tuple[int, int]]:
        """(size, mtime_ns) of every file the last build saw, indexed or skipped."""
        rows = self._query("SELECT source, size, mtime_ns FROM articles UNION ALL SELECT source, size, mtime_ns FROM skipped")
        return {r[0]: (r[1], r[2]) for r in rows}
