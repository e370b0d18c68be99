"""Learned reranking of the fused top-N passages: cheap features, one linear model.

The fused ranking (see :mod:`index.retriever`) gets the right article first ~81% of the time on
PIAF dev, and the right passage inside it first ~84%. Both mistakes leave traces that single
scores do not see: the gold passage usually holds *all* the question's rare words, close
together, often as the same adjacent pairs, plus a word of the kind asked for (a number for
« quand », « combien »). This module computes such features for the N best fused candidates and
scores them with a linear model trained on half of the PIAF dev questions
(``bench/train_reranker.py``, listwise softmax loss). The weights are a small JSON file next to
this module (``rerank_weights.json``): feature names, the standardisation, the weights.

Features per candidate passage (vectorised over the N candidates where it matters; no analysis
of whole passage texts, which would cost ~3 ms for 30 passages here: term presence and counts
come from the BM25 index's term-count rows, positions from ``str.find`` of the query's own stems
in the accent-folded texts, each occurrence confirmed by stemming that one word):

* the fusion's own signals: fused score, its gap to the best, log rank, passage BM25 and article
  BM25 relative to the best candidate, passage cosine and article-centroid cosine (and gaps);
* coverage: share of the query's idf mass (distinct stems; surface forms apart) found in the
  passage, in its whole article, in its title; BM25 of stems and of surface forms apart;
* proximity: share of the idf mass found inside the best window of ~10 and ~25 words;
  query stem pairs found adjacent in the passage (stop words between allowed), longest chain;
* the query's numbers and capitalised names found in the passage;
* answer type: « quand / combien / quelle année … » × numbers (years) of the passage that the
  query lacks, « qui … » × capitalised words; passage length; first passage of its article;
* the passage against the other candidates of its own article (BM25 ratio, cosine, coverage and
  window gaps to the article's best), the article's number of candidates and best fused score.

On the held-out half of PIAF dev (1896 questions, articles never seen in training) the rerank
lifts R@1 0.676 → 0.699, R@5 0.856 → 0.869, R@10 0.896 → 0.906, MRR@10 0.755 → 0.772. The
weights are dominated by article BM25, stem coverage, the long window and the cosine. Tried on
the training half (2-fold CV by article) and not kept: pairwise products of the main features
(no gain); coverage by the neighbouring passages (no gain on either half); a pointwise
gradient-boosted classifier (worse than the linear listwise model on the held-out half).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy import sparse

from index.analysis import STOP_WORDS, FrenchAnalyzer, fold

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")

FEATURES: tuple[str, ...] = (
    "fused", "fused_gap", "log_rank",
    "lex_rel", "article_lex_rel",
    "dense", "dense_gap", "centroid", "centroid_gap",
    "cov_stem", "cov_surface", "cov_article", "cov_title",
    "window_short", "window_long", "bigrams", "longest_run",
    "bm25_stem_rel", "bm25_surface_rel",
    "numbers", "names",
    "log_len", "number_answer", "name_answer", "year_answer",
    "first_passage", "article_best",
    # the passage against the other candidates of its own article
    "lex_in_article", "dense_in_article", "cov_in_article", "window_in_article",
    "article_count", "article_fused_gap",
)

#: proximity windows, in characters of text (~6 characters a word in French news)
WINDOW_SHORT = 60
WINDOW_LONG = 150

_NUMBER_Q = re.compile(
    r"\b(quand|combien|annee|annees|date|age|siecle|pourcentage|montant|somme|nombre|duree|periode|"
    r"epoque|taux|prix|population|superficie|temperature|distance|hauteur|longueur|jour|mois)\b"
)
_YEAR_Q = re.compile(r"\b(quand|annee|date|siecle|epoque|depuis|jusqu)\b")
_NAME_Q = re.compile(r"\b(qui|nom|appel\w*|surnom\w*|personne|auteur|fondateur|createur|president|dirigeant)\b")
_DIGITS = re.compile(r"\d+")
_CAPITAL = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w-]+")
_WORD = re.compile(r"\w+")
#: what may separate two words that still count as adjacent: spaces, punctuation, stop words
_ADJACENT_GAP = re.compile(r"\W+|\W+(?:de|des|du|la|le|les|l|d|et|en|a|au|aux|un|une)\W+")


def fast_fold(text: str) -> str:
    """Lower-cased ASCII text (accents stripped, other non-ASCII characters dropped), by C calls only.

    Cheaper by an order of magnitude than :func:`index.analysis.fold`; offsets shift slightly,
    which the proximity features (windows of characters) do not mind.
    """
    text = text.replace("\u2019", "'").replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae")
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii").lower()


@dataclass(frozen=True)
class RerankModel:
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    depth: int = 30
    meta: dict | None = None

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> "RerankModel":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        names = tuple(data["features"])
        if names != FEATURES:
            raise ValueError(f"{path}: features {names} do not match this code's {FEATURES}")
        return cls(names, np.asarray(data["mean"], np.float64), np.asarray(data["scale"], np.float64),
                   np.asarray(data["weights"], np.float64), int(data.get("depth", 30)), data.get("meta"))

    def save(self, path: Path = WEIGHTS_FILE) -> None:
        data = {"features": list(self.features), "mean": [round(float(x), 6) for x in self.mean],
                "scale": [round(float(x), 6) for x in self.scale],
                "weights": [round(float(x), 6) for x in self.weights], "depth": self.depth, "meta": self.meta or {}}
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    def score(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mean) / self.scale) @ self.weights


@lru_cache(maxsize=4)
def default_model() -> RerankModel | None:
    """The shipped weights, or None (search then keeps the fused order) if they cannot be read
    or were trained for other features; ``tests/index/test_rerank.py`` checks they load."""
    try:
        return RerankModel.load(WEIGHTS_FILE)
    except (OSError, ValueError, KeyError) as exc:
        logging.getLogger(__name__).warning("reranker disabled: %s", exc)
        return None


@dataclass
class QueryInfo:
    """What the features need from the query, computed once per query."""

    stems: list[str]  # distinct stems, in query order
    stem_ids: np.ndarray  # vocabulary ids (-1 when absent from the index)
    stem_idf: np.ndarray
    surface_ids: np.ndarray
    surface_idf: np.ndarray
    pairs: set[tuple[int, int]]  # adjacent stems (indices into ``stems``)
    numbers: list[str]  # number terms
    names: list[str]  # stems of capitalised words
    wants_number: bool
    wants_name: bool
    wants_year: bool
    folded_stems: dict[str, int]  # stem of the accent-folded word → index into ``stems``
    number_set: set[str]
    name_forms: set[str]  # lower-cased capitalised words of the query


def query_info(query: str, analyzer: FrenchAnalyzer, vocab: dict[str, int], idf) -> QueryInfo:
    raw_words = analyzer.words(query)
    kept = [w for w in raw_words if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
    seq = [analyzer._term(w) for w in kept]
    stems = list(dict.fromkeys(seq))
    index_of = {s: i for i, s in enumerate(stems)}
    pairs = {(index_of[a], index_of[b]) for a, b in zip(seq, seq[1:]) if a != b}
    surfaces = list(dict.fromkeys(analyzer._surface(w) for w in kept if not w.isdigit()))
    numbers = [s for s in stems if s.isdigit()]
    # Capitalised words after the first (the first is capitalised anyway), and acronyms.
    tokens = re.findall(r"\w+", query)
    names = []
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if (i > 0 or tok.isupper() and len(tok) > 1) and tok[:1].isupper() and low not in STOP_WORDS:
            names.append(analyzer._term(low))
    names = list(dict.fromkeys(n for n in names if n in index_of))
    folded_q = fold(query)
    stem_ids = np.array([vocab.get(s, -1) for s in stems], dtype=np.int64)
    surface_ids = np.array([vocab.get(s, -1) for s in surfaces], dtype=np.int64)
    folded_stems: dict[str, int] = {}
    for w, s in zip(kept, seq):
        folded_stems.setdefault(analyzer._term(fast_fold(w)), index_of[s])
    name_forms = {t.lower() for i, t in enumerate(tokens) if i > 0 and t[:1].isupper()}
    return QueryInfo(
        stems, stem_ids, np.array([idf(s) for s in stems], np.float64),
        surface_ids, np.array([idf(s) for s in surfaces], np.float64),
        pairs, numbers, names, bool(_NUMBER_Q.search(folded_q)), bool(_NAME_Q.search(folded_q)),
        bool(_YEAR_Q.search(folded_q)),
        folded_stems, set(numbers), name_forms,
    )


def _counts(tf: sparse.csr_matrix, rows: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """(len(rows) × len(ids)) count of term ``ids[j]`` in row r of ``tf`` (ids < 0: zero).

    A direct gather over the CSR arrays: scipy's fancy indexing costs ~0.3 ms a call here.
    """
    out = np.zeros((len(rows), len(ids)), dtype=np.float64)
    ok = np.flatnonzero(ids >= 0)
    if len(ok) == 0 or len(rows) == 0:
        return out
    starts, ends = tf.indptr[rows], tf.indptr[rows + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return out
    row_of = np.repeat(np.arange(len(rows)), lengths)
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths) + np.repeat(starts, lengths)
    terms = tf.indices[offsets]
    wanted = ids[ok]
    order = np.argsort(wanted)
    sorted_ids = wanted[order]
    pos = np.searchsorted(sorted_ids, terms)
    pos[pos >= len(sorted_ids)] = 0
    hit = sorted_ids[pos] == terms
    out[row_of[hit], ok[order[pos[hit]]]] = tf.data[offsets[hit]]
    return out


def _share(present: np.ndarray, idf: np.ndarray) -> np.ndarray:
    total = float(idf.sum())
    return present @ idf / total if total > 0 and present.shape[1] else np.zeros(len(present))


def features(
    q: QueryInfo,
    analyzer: FrenchAnalyzer,
    texts: Sequence[str],
    passage_ids: np.ndarray,
    article_ids: np.ndarray,
    ordinals: np.ndarray,
    title_terms: Sequence[frozenset[str]],
    lengths: np.ndarray,
    mean_length: float,
    fused: np.ndarray,
    lex: np.ndarray,
    article_lex: np.ndarray,
    dense: np.ndarray,
    centroid: np.ndarray,
    passage_tf: sparse.csr_matrix,
    article_tf: sparse.csr_matrix,
) -> np.ndarray:
    """The feature matrix (N × len(FEATURES)) of N candidates given in fused order.

    ``lengths`` are the passages' BM25 lengths (indexed terms); ``title_terms`` the analysed
    titles of their articles.
    """
    n = len(texts)
    x = np.zeros((n, len(FEATURES)), dtype=np.float64)
    if n == 0:
        return x
    col = _COLUMNS
    x[:, col["fused"]] = fused
    x[:, col["fused_gap"]] = fused - fused.max()
    x[:, col["log_rank"]] = np.log1p(np.arange(n))
    x[:, col["lex_rel"]] = lex / lex.max() if lex.max() > 0 else 0.0
    x[:, col["article_lex_rel"]] = article_lex / article_lex.max() if article_lex.max() > 0 else 0.0
    x[:, col["dense"]] = dense
    x[:, col["dense_gap"]] = dense - dense.max()
    x[:, col["centroid"]] = centroid
    x[:, col["centroid_gap"]] = centroid - centroid.max()

    n_stems = len(q.stems)
    counts = _counts(passage_tf, passage_ids, np.concatenate([q.stem_ids, q.surface_ids]))
    present = counts > 0
    stem_present = present[:, :n_stems]
    x[:, col["cov_stem"]] = _share(stem_present, q.stem_idf)
    x[:, col["cov_surface"]] = _share(present[:, n_stems:], q.surface_idf)
    x[:, col["cov_article"]] = _share(_counts(article_tf, article_ids, q.stem_ids) > 0, q.stem_idf)
    # BM25 (k1=1.2, b=0.75) of stems and of surface forms apart; the index's BM25 sums both.
    norm = 1.2 * (0.25 + 0.75 * lengths / max(mean_length, 1e-9))
    bm25 = counts * 2.2 / (counts + norm[:, None])
    for name, part, idf in (("bm25_stem_rel", bm25[:, :n_stems], q.stem_idf),
                            ("bm25_surface_rel", bm25[:, n_stems:], q.surface_idf)):
        v = part @ idf if part.shape[1] else np.zeros(n)
        x[:, col[name]] = v / v.max() if v.max() > 0 else 0.0
    title_present = np.array([[s in t for s in q.stems] for t in title_terms], dtype=bool).reshape(n, n_stems)
    x[:, col["cov_title"]] = _share(title_present, q.stem_idf)
    if q.numbers:
        x[:, col["numbers"]] = stem_present[:, [q.stems.index(s) for s in q.numbers]].mean(axis=1)
    if q.names:
        x[:, col["names"]] = stem_present[:, [q.stems.index(s) for s in q.names]].mean(axis=1)
    x[:, col["log_len"]] = np.log1p(lengths)
    x[:, col["first_passage"]] = ordinals == 0
    _, first = np.unique(article_ids, return_index=True)  # candidates are in fused order
    x[first, col["article_best"]] = 1.0

    folded = [fast_fold(t) for t in texts]
    if n_stems and q.stem_idf.sum() > 0:
        win_s, win_l, bigr, run = _proximity(q, analyzer, folded)
        x[:, col["window_short"]] = win_s
        x[:, col["window_long"]] = win_l
        x[:, col["bigrams"]] = bigr
        x[:, col["longest_run"]] = run
    if q.wants_number or q.wants_year:  # numbers (years) of the passage that the query lacks
        numbers, years = [], []
        for f in folded:
            digits = [d for d in _DIGITS.findall(f) if d not in q.number_set] if q.number_set else _DIGITS.findall(f)
            numbers.append(len(digits))
            years.append(sum(1 for d in digits if len(d) == 4 and (d[0] == "1" or d[:2] == "20")))
        if q.wants_number:
            x[:, col["number_answer"]] = np.log1p(numbers)
        if q.wants_year:
            x[:, col["year_answer"]] = np.log1p(years)
    if q.wants_name:  # capitalised words of the passage that the query lacks
        counts = []
        for t in texts:
            caps = _CAPITAL.findall(t)
            counts.append(len(caps) - (sum(1 for w in caps if w.lower() in q.name_forms) if q.name_forms else 0))
        x[:, col["name_answer"]] = np.log1p(counts)

    # Within-article competition: each passage against the best candidate of its article.
    _, art = np.unique(article_ids, return_inverse=True)
    for name, source, kind in (("lex_in_article", lex, "ratio"), ("dense_in_article", dense, "gap"),
                               ("cov_in_article", x[:, col["cov_stem"]], "gap"),
                               ("window_in_article", x[:, col["window_long"]], "gap"),
                               ("article_fused_gap", fused, "article")):
        best = np.full(art.max() + 1, -np.inf)
        np.maximum.at(best, art, source)
        if kind == "ratio":
            x[:, col[name]] = np.where(best[art] > 0, source / np.where(best[art] > 0, best[art], 1.0), 0.0)
        elif kind == "gap":
            x[:, col[name]] = source - best[art]
        else:
            x[:, col[name]] = best[art] - fused.max()
    x[:, col["article_count"]] = np.log(np.bincount(art)[art])
    return x


_COLUMNS = {name: i for i, name in enumerate(FEATURES)}


def _proximity(q: QueryInfo, analyzer: FrenchAnalyzer,
               folded: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Best-window idf shares (short, long), the share of query stem pairs found adjacent, and the
    longest chain of query stems found adjacent in query order.

    Occurrences are found with ``str.find`` of each query stem (as stemmed from the folded word)
    at word starts, then confirmed by stemming the whole word: a few calls per passage. The
    windows are then computed for all candidates at once.
    """
    total = float(q.stem_idf.sum())
    n = len(folded)
    win_s, win_l, bigr, run = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n)
    term = analyzer._term
    prefixes = list(q.folded_stems.items())
    all_p: list[int] = []
    all_pos: list[int] = []
    all_j: list[int] = []
    n_pairs = len(q.pairs)
    for p, text in enumerate(folded):
        found: list[tuple[int, int, int]] = []
        for stem, j in prefixes:
            i = text.find(stem)
            while i >= 0:
                if i == 0 or not text[i - 1].isalnum():
                    m = _WORD.match(text, i)
                    if term(m.group(0)) == stem:
                        found.append((i, m.end(), j))
                i = text.find(stem, i + 1)
        if not found:
            continue
        found.sort()
        all_p.extend([p] * len(found))
        all_pos.extend(f[0] for f in found)
        all_j.extend(f[2] for f in found)
        if n_pairs and len(found) > 1:
            pairs = set()
            length = best = 1
            for (s0, e0, j0), (s1, _, j1) in zip(found, found[1:]):
                if (j0, j1) in q.pairs and s1 - e0 < 12 and _ADJACENT_GAP.fullmatch(text, e0, s1):
                    pairs.add((j0, j1))
                    length += 1
                    best = max(best, length)
                else:
                    length = 1
            bigr[p] = len(pairs) / n_pairs
            run[p] = (best - 1) / n_pairs
    if not all_p:
        return win_s, win_l, bigr, run
    owner = np.asarray(all_p)
    pos = owner * 1_000_000 + np.asarray(all_pos)  # passages far apart: windows never straddle two
    onehot = np.zeros((len(pos), len(q.stems)))
    onehot[np.arange(len(pos)), all_j] = 1.0
    for width, out in ((WINDOW_SHORT, win_s), (WINDOW_LONG, win_l)):
        inside = (pos[None, :] >= pos[:, None]) & (pos[None, :] < pos[:, None] + width)
        share = (((inside.astype(np.float64) @ onehot) > 0) @ q.stem_idf) / total
        np.maximum.at(out, owner, share)
    return win_s, win_l, bigr, run
