from pathlib import Path

from hypothesis import given, settings, strategies as st

from index.boilerplate import excluded_spans, repeated_line_keys
from index.chunking import ChunkParams, chunk_text
from index.ingest import read_article, scan_corpus
from tests.conftest import SAMPLE_CORPUS

BOILERPLATE = [
    "Conformément à l'article 38",
    "Envie d'afficher votre publicité",
    "Contactez-nous",
    "L'espace des commentaires",
    "Connectez-vous",
]


def sample_articles():
    return [read_article(f) for f in scan_corpus(SAMPLE_CORPUS)]


def test_offsets_round_trip_on_every_sample_passage() -> None:
    articles = sample_articles()
    repeated = repeated_line_keys(a.text for a in articles)
    for a in articles:
        chunks = chunk_text(a.text, excluded_spans(a.text, repeated))
        assert chunks
        for c in chunks:
            passage = a.text[c.start : c.end]
            assert passage.strip() == passage
            assert c.sentences[0][0] == c.start and c.sentences[-1][1] == c.end
            for s, e in c.sentences:
                assert c.start <= s < e <= c.end


def test_passage_sizes_stay_in_range() -> None:
    params = ChunkParams()
    for a in sample_articles():
        for c in chunk_text(a.text, excluded_spans(a.text, set()), params):
            words = len(a.text[c.start : c.end].split())
            assert words <= params.max_words + params.min_words // 2


def test_boilerplate_never_in_a_passage_but_text_stays_whole() -> None:
    articles = sample_articles()
    repeated = repeated_line_keys(a.text for a in articles)
    seen_in_text = set()
    for a in articles:
        for phrase in BOILERPLATE:
            if phrase in a.text:
                seen_in_text.add(phrase)
        for c in chunk_text(a.text, excluded_spans(a.text, repeated)):
            for phrase in BOILERPLATE:
                assert phrase not in a.text[c.start : c.end]
    assert seen_in_text == set(BOILERPLATE)  # the article text itself keeps them


def test_lines_repeated_across_articles_are_excluded() -> None:
    footer = "Retrouvez toute l'actualité de la défense sur notre site"
    texts = [f"Article numéro {i} sur un sujet de défense.\n{footer}\n" for i in range(3)]
    repeated = repeated_line_keys(texts)
    for t in texts:
        for c in chunk_text(t, excluded_spans(t, repeated)):
            assert footer not in t[c.start : c.end]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000))
def test_fuzzed_text_keeps_exact_offsets(text: str) -> None:
    for c in chunk_text(text, excluded_spans(text, set())):
        assert 0 <= c.start < c.end <= len(text)
        for s, e in c.sentences:
            assert c.start <= s < e <= c.end
            assert text[s:e].strip() == text[s:e]
