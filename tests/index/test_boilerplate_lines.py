"""The per-article line cache that incremental builds reuse gives exactly the boilerplate
spans of the direct computation, and a build with it reuses it (or shrugs off a broken one)."""

from pathlib import Path

from hypothesis import given, settings, strategies as st

from index.boilerplate import (LINES_CACHE, Lines, excluded_from, excluded_spans, lines_of, load_lines_cache,
                               repeated_keys, repeated_line_keys)
from index.build import build_index
from index.ingest import read_article, scan_corpus
from index.store import OpenIndex
from tests.conftest import SAMPLE_CORPUS

FOOTER = "Retrouvez toute l'actualité de la défense sur notre site"
TEXTS = [
    f"Titre {i}\nPublié le 3 mars 2024\n\nUn paragraphe propre à l'article {i}, assez long pour compter.\n"
    f"{FOOTER}\nÀ lire aussi : autre chose\nEnvie d'afficher votre publicité ?\nLien\n"
    for i in range(4)
]


def _same(texts: list[str]) -> None:
    lines = [Lines.from_json(lines_of(t).to_json()) for t in texts]
    repeated = repeated_line_keys(texts)
    assert repeated_keys(lines) == repeated
    for t, ln in zip(texts, lines):
        assert excluded_from(ln, repeated) == excluded_spans(t, repeated)
        assert excluded_from(ln, set()) == excluded_spans(t, set())


def test_lines_give_the_same_spans_on_the_sample_corpus_and_footers() -> None:
    _same([read_article(f).text for f in scan_corpus(SAMPLE_CORPUS)] + TEXTS)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aé É\n’'Œ©2 lire aussi:"), max_size=300), min_size=1, max_size=4))
def test_lines_give_the_same_spans_on_any_text(texts: list[str]) -> None:
    _same(texts + texts[:1])


def test_build_caches_lines_and_ignores_a_broken_cache(corpus_copy: Path, tmp_path: Path, embedder) -> None:
    index_dir = tmp_path / "index"
    build_index(corpus_copy, index_dir, embedder)
    gen = index_dir / (index_dir / "CURRENT").read_text().strip()
    cache = load_lines_cache(gen / LINES_CACHE)
    assert len(cache) == len(scan_corpus(corpus_copy))
    (gen / LINES_CACHE).write_text("{pas du json", encoding="utf-8")
    (corpus_copy / "ajout.txt").write_text(TEXTS[0], encoding="utf-8")
    summary = build_index(corpus_copy, index_dir, embedder)
    assert summary.added == 1 and not summary.full_rebuild
    gen = index_dir / (index_dir / "CURRENT").read_text().strip()
    assert len(load_lines_cache(gen / LINES_CACHE)) == len(scan_corpus(corpus_copy))
    index = OpenIndex.open(index_dir)
    try:
        assert index.size == summary.passages
    finally:
        index.close()


def _fold_reference(text: str) -> str:
    """The original per-character definition of ``fold``."""
    import unicodedata

    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_fast_fold_is_the_reference_fold(text: str) -> None:
    from index.analysis import fold

    assert fold(text) == _fold_reference(text)
    assert fold("Élève ŒUVRE Æther ﬁn ² « ça »") == _fold_reference("Élève ŒUVRE Æther ﬁn ² « ça »")
