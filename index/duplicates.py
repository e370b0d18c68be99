"""Near-duplicate articles: the same wire story saved twice, or published by two outlets.

Two copies of a story differ by their title, header and footer, an added intro line or a cut
sentence, and typography (’ or ', « » or "", non-breaking spaces). What they share is long runs
of the same words. So an article is compared as the set of its **word 5-grams** ("shingles")
after normalisation: lower case, accents folded, punctuation dropped (:func:`folded_bytes`,
:func:`word_hashes`).

What does not count, because two *different* articles of one site share it:

* site furniture recognised by its wording (legal notice, « Lire aussi », sign-in prompts: the
  rules of :func:`index.boilerplate.footer_spans`) is dropped before shingling;
* so are short lines (≤ 12 words: signatures, link labels) found in several articles;
* shingles found in more than :data:`COMMON_DF` articles (stock phrases, a site's long footer)
  count in an article's size but never as shared: they say nothing about which story it tells.

Long lines shared by a few articles are kept on purpose: they are exactly what the copies of a
wire story share (three copies of a story must not hide each other). For the same reason
:mod:`index.build` counts the copies of a story once when it looks for repeated footer lines.

Two articles are copies when their shingle sets have a Jaccard resemblance of at least
:data:`MIN_JACCARD` (a story re-published with its own title, intro line and footer and a
sentence cut keeps ≈ 0.8), or when one is mostly contained in the other (:data:`MIN_CONTAINMENT`,
a shortened version) while they still resemble each other (:data:`MIN_JACCARD_CONTAINED`). Two
articles on the same event written separately share names and a quote or two: a resemblance
under 0.1. Texts too short for shingles (under :data:`MIN_WORDS` words) are copies only when
their words are identical.

Speed: no pair is compared unless they share sampled shingles. About one shingle in
:data:`SAMPLE_EVERY` (chosen by its hash, so the same shingles in every article) goes into an
inverted index built with NumPy sorts; only pairs sharing :data:`CANDIDATE_SHARE` of the smaller
article's samples are compared exactly. Words are hashed without a Python loop (a polynomial
hash over prefix sums). 10,000 articles (5.3 M words) take ≈ 3 s of CPU on this machine
(``bench/duplicates_speed.py``: 298 of 300 planted copies found, no false positive).

The canonical copy of a group — the one :attr:`ArticleInfo.dup_of` points to; answers name the
others in ``also_in`` — is the earliest published (``Article.date``), else the longest text, else
the first by source (:func:`canonical_order`). Copies are grouped transitively (A ~ B and B ~ C
put A, B, C together) and every copy maps to the group's canonical article. The result depends
only on the articles: it is deterministic (unsalted hashes, sorted order).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

from index.boilerplate import _LINE_RE, _START_RE, REPEATED_SHORT_WORDS, line_key, line_spans
from index.ingest import Article

#: words per shingle: long enough that two articles on one topic rarely share one by chance
SHINGLE = 5
#: copies resemble each other at least this much (Jaccard of shingle sets)…
MIN_JACCARD = 0.5
#: …or one holds this share of the other's shingles (a shortened version)…
MIN_CONTAINMENT = 0.8
#: …while their resemblance is not negligible (the short one is not a single quoted paragraph).
MIN_JACCARD_CONTAINED = 0.3
#: a shingle in more articles than this is a stock phrase or site furniture, not a story
COMMON_DF = 20
#: about one shingle in this many is sampled into the inverted index
SAMPLE_EVERY = 4
#: a pair is compared exactly when it shares this share of the smaller article's samples
CANDIDATE_SHARE = 0.4
#: under this many words after cleaning, only an identical text counts as a copy
MIN_WORDS = 12

_WORD = re.compile(r"\w+")
# odd 64-bit multipliers for the rolling combination of word hashes
_MULT = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                  0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)


_COMBINING = re.compile("[\u0300-\u036f]+")


def normalise(text: str) -> str:
    """Lower case, accents folded, typographic apostrophe and spaces made plain: the form in
    which sentences are compared (as :func:`index.analysis.fold`, faster on long texts)."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae").replace("\u2019", "'")
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """The words of ``text`` as compared: lower case, accents folded, punctuation and typography
    gone (« l’été » and "l'ete" both give ``["l", "ete"]``)."""
    return _WORD.findall(normalise(text))


def sentence_key(text: str) -> str:
    """Comparable form of a sentence: two copies of it with different typography get one key."""
    return " ".join(words(text))


def near_identical(a: str, b: str, min_share: float = 0.85) -> bool:
    """Whether two sentences (or short texts) say the same thing in the same words.

    Equal keys, or word sets overlapping by ``min_share`` of the larger one (a word changed or
    added in a long sentence). Short sentences must be equal.
    """
    return same_words(sentence_key(a), sentence_key(b), min_share)


def same_words(ka: str, kb: str, min_share: float = 0.85) -> bool:
    """:func:`near_identical` on two :func:`sentence_key` results (compute each key once)."""
    if ka == kb:
        return bool(ka)
    wa, wb = ka.split(), kb.split()
    if min(len(wa), len(wb)) < 6 or min(len(wa), len(wb)) < min_share * max(len(wa), len(wb)):
        return False
    common = sum((Counter(wa) & Counter(wb)).values())
    return common >= min_share * max(len(wa), len(wb))


_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[[*range(ord("0"), ord("9") + 1), *range(ord("a"), ord("z") + 1), *range(128, 256)]] = True
#: odd multiplier of the words' polynomial hash, and its inverse modulo 2**64
_P = 0x100000001B3
_P_INV = pow(_P, -1, 2**64)
_tables: tuple[np.ndarray, np.ndarray] = (np.ones(1, dtype=np.uint64), np.ones(1, dtype=np.uint64))


def _power_tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``P**i`` and ``P**-i`` modulo 2**64 for i < n (grown on demand; replaced in one assignment,
    so concurrent builds never see a half-grown pair)."""
    global _tables
    powers, inverses = _tables
    if len(powers) < n:
        size = max(n, 2 * len(powers))
        powers = np.concatenate(([np.uint64(1)], np.cumprod(np.full(size - 1, _P, dtype=np.uint64))))
        inverses = np.concatenate(([np.uint64(1)], np.cumprod(np.full(size - 1, _P_INV, dtype=np.uint64))))
        _tables = (powers, inverses)
    return powers[:n], inverses[:n]


def folded_bytes(text: str) -> bytes:
    """``text`` lower-cased, accents folded, as bytes; punctuation is left for :func:`word_hashes`
    to skip. Latin text becomes ASCII; other scripts keep their letters (as UTF-8 bytes)."""
    t = (text.lower().replace("œ", "oe").replace("æ", "ae").replace("\u2019", "'").replace("\u2018", "'")
         .replace("\u2014", " ").replace("\u2013", " "))
    decomposed = unicodedata.normalize("NFKD", t)
    ascii_ = decomposed.encode("ascii", "ignore")
    if len(ascii_) * 4 >= len(decomposed) * 3:  # (almost) all Latin: the rest is punctuation
        return ascii_
    return _COMBINING.sub("", decomposed).encode("utf-8")


def word_hashes(data: bytes) -> np.ndarray:
    """A stable 64-bit hash of each word of ``data`` (runs of letters and digits), in order.

    Vectorised: a polynomial hash over prefix sums, position removed with the inverse powers, so
    the same word gets the same hash wherever it is (and in every run: nothing is salted).
    """
    a = np.frombuffer(data, dtype=np.uint8)
    if a.size == 0:
        return np.zeros(0, dtype=np.uint64)
    in_word = _WORD_BYTE[a].astype(np.int8)
    edges = np.diff(np.concatenate(([0], in_word, [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    if starts.size == 0:
        return np.zeros(0, dtype=np.uint64)
    pw, inv = _power_tables(a.size + 1)
    prefix = np.concatenate(([np.uint64(0)], np.cumsum((a.astype(np.uint64) + np.uint64(1)) * pw[: a.size],
                                                       dtype=np.uint64)))
    h = (prefix[ends] - prefix[starts]) * inv[starts]
    # spread the bits (splitmix64 finaliser): short words differ in more than their low bits
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    return h


def shingles(h: np.ndarray, size: int = SHINGLE) -> np.ndarray:
    """Sorted distinct 64-bit hashes of the ``size``-word shingles of a text given as word hashes."""
    if len(h) < size:
        return np.zeros(0, dtype=np.uint64)
    n = len(h) - size + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(size):
        acc ^= h[j : j + n] * _MULT[j]
        acc = (acc << np.uint64(7)) | (acc >> np.uint64(57))
    # final mix (splitmix-like) so that the low bits are usable for sampling
    acc ^= acc >> np.uint64(31)
    acc *= np.uint64(0xBF58476D1CE4E5B9)
    acc ^= acc >> np.uint64(29)
    acc.sort()
    return acc[np.concatenate(([True], acc[1:] != acc[:-1]))]


def _footer_lines(text: str, lines: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The lines :func:`index.boilerplate.footer_spans` drops, computed with a faster fold."""
    out: set[tuple[int, int]] = set()
    tail_from = len(text) * 0.5
    in_footer = False
    for s, e in lines:
        # A footer line is short, or recognised by how it starts: its first 100 characters suffice.
        low = " ".join(normalise(text[s : min(e, s + 100)]).split())
        if in_footer or _LINE_RE.match(low):
            out.add((s, e))
        elif _START_RE.match(low):
            out.add((s, e))
            if s >= tail_from:
                in_footer = True
    return out


def _cleaned_texts(articles: Sequence[Article]) -> list[str]:
    """Each article's text without its site furniture (see the module docstring)."""
    per_article: list[list[tuple[str, str]]] = []  # (short line key or "", line text)
    short_count: Counter[str] = Counter()
    for a in articles:
        spans = line_spans(a.text)
        footer = _footer_lines(a.text, spans)
        lines = []
        keys = set()
        for s, e in spans:
            if (s, e) in footer:
                continue
            line = a.text[s:e]
            short = e - s <= 40 or (e - s <= 250 and len(line.split()) <= REPEATED_SHORT_WORDS)
            k = line_key(line) if short else ""
            lines.append((k, line))
            if k:
                keys.add(k)
        short_count.update(keys)
        per_article.append(lines)
    return ["\n".join(line for k, line in lines if not (k and short_count[k] >= 2)) for lines in per_article]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _common_shingles(sets: list[np.ndarray], max_df: int) -> np.ndarray:
    """Sorted shingles that occur in more than ``max_df`` articles (stock phrases, site furniture)."""
    allh = np.concatenate(sets) if sets else np.zeros(0, dtype=np.uint64)
    if allh.size == 0:
        return allh
    uniq, counts = np.unique(allh, return_counts=True)
    return uniq[counts > max_df]


def _candidate_pairs(sets: list[np.ndarray]) -> list[tuple[int, int]]:
    """Pairs of articles sharing at least :data:`CANDIDATE_SHARE` of the smaller one's samples."""
    samples = [s[(s % np.uint64(SAMPLE_EVERY)) == 0] for s in sets]
    n_samples = np.array([len(s) for s in samples], dtype=np.int64)
    if n_samples.sum() == 0:
        return []
    keys = np.concatenate(samples)
    docs = np.concatenate([np.full(len(s), i, dtype=np.int64) for i, s in enumerate(samples)])
    order = np.lexsort((docs, keys))
    keys, docs = keys[order], docs[order]
    # runs of equal sampled shingles shared by 2..COMMON_DF articles
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    ends = np.append(starts[1:], len(keys))
    sizes = ends - starts
    pair_codes: list[np.ndarray] = []
    n_docs = np.int64(len(sets))
    for size in range(2, COMMON_DF + 1):
        sel = starts[sizes == size]
        if sel.size == 0:
            continue
        block = docs[sel[:, None] + np.arange(size)[None, :]]  # (runs, size), docs ascending
        for a in range(size):
            for b in range(a + 1, size):
                pair_codes.append(block[:, a] * n_docs + block[:, b])
    if not pair_codes:
        return []
    codes, shared = np.unique(np.concatenate(pair_codes), return_counts=True)
    i, j = codes // n_docs, codes % n_docs
    smaller = np.minimum(n_samples[i], n_samples[j])
    keep = shared >= np.maximum(1, np.ceil(CANDIDATE_SHARE * smaller))
    return list(zip(i[keep].tolist(), j[keep].tolist()))


def _are_copies(a: np.ndarray, b: np.ndarray, common: np.ndarray) -> bool:
    """The copy test of the module docstring. Common shingles count in the sizes, not in what two
    articles share: a long site footer makes two articles neither closer nor further apart."""
    if a.size == 0 or b.size == 0:
        return False
    shared = np.intersect1d(a, b, assume_unique=True)
    union = a.size + b.size - shared.size
    if common.size and shared.size:
        pos = np.minimum(np.searchsorted(common, shared), common.size - 1)
        shared = shared[common[pos] != shared]
    inter = shared.size
    jaccard = inter / union
    containment = inter / min(a.size, b.size)
    return jaccard >= MIN_JACCARD or (containment >= MIN_CONTAINMENT and jaccard >= MIN_JACCARD_CONTAINED)


def canonical_order(article: Article) -> tuple:
    """Sort key of a group's copies; the first is canonical: earliest date, longest, first source."""
    return (article.date is None, article.date or "", -len(article.text), article.source)


def duplicate_groups(articles: Iterable[Article]) -> list[list[Article]]:
    """Groups of two or more copies, each sorted canonical first; groups sorted by their canonical."""
    arts = sorted(articles, key=lambda a: a.source)
    if len(arts) < 2:
        return []
    hashes = [word_hashes(folded_bytes(t)) for t in _cleaned_texts(arts)]
    uf = _UnionFind(len(arts))
    # identical texts (after normalisation), whatever their length; a short article may be nothing
    # but lines shared with its copy: it is compared whole
    by_text: dict[bytes, int] = {}
    for i, h in enumerate(hashes):
        if len(h) < MIN_WORDS:
            h = word_hashes(folded_bytes(arts[i].text))
        if not len(h):
            continue
        key = h.tobytes()
        if key in by_text:
            uf.union(by_text[key], i)
        else:
            by_text[key] = i
    sets = [shingles(h) if len(h) >= MIN_WORDS else np.zeros(0, dtype=np.uint64) for h in hashes]
    common = _common_shingles(sets, COMMON_DF)
    for i, j in _candidate_pairs(sets):
        if uf.find(i) != uf.find(j) and _are_copies(sets[i], sets[j], common):
            uf.union(i, j)
    groups: dict[int, list[Article]] = {}
    for i, a in enumerate(arts):
        groups.setdefault(uf.find(i), []).append(a)
    out = [sorted(g, key=canonical_order) for g in groups.values() if len(g) > 1]
    return sorted(out, key=lambda g: g[0].source)


def find_duplicates(articles: list[Article]) -> dict[str, str]:
    """``{duplicate source: canonical source}`` for every article that repeats another.

    See the module docstring for what counts as a copy and which copy is canonical.
    """
    return {a.source: g[0].source for g in duplicate_groups(articles) for a in g[1:]}
