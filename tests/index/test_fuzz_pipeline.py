"""Fuzzing the text pipeline: bytes → decode → normalise → boilerplate → sentences → passages.

Whatever the input (random Unicode, control characters, ``\\r\\n``, endless words, no
punctuation at all), every span the pipeline produces must point into the stored text exactly:
``text[start:end]`` *is* the passage or sentence, spans are inside the text, sorted and disjoint.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.boilerplate import excluded_spans, repeated_line_keys
from index.chunking import ChunkParams, chunk_text
from index.ingest import CorpusFile, UnreadableArticle, normalise, read_article
from index.passage import Passage
from index.pdf_article import clean_page
from index.sentences import split_sentences

#: 150 examples per test keeps the suite fast; ``VEILLE_FUZZ_EXAMPLES=5000`` for a deeper search.
FUZZ = settings(max_examples=int(os.environ.get("VEILLE_FUZZ_EXAMPLES", "150")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

_PIECES = st.one_of(
    st.sampled_from(["Le", "président", "a", "déclaré", "M.", "Mme", "J.-C.", "gén.", "2.900", "3,5", "etc.",
                     "«", "»", "“", "”", "(…)", "…", ".", "!", "?", "?!", "...", ";", ":", ",", "-", "—",
                     "Publicité", "Abonnez-vous", "Lire aussi", "© 2024", "Partager", "À", "É", "e\u0301",
                     "🎉", "\u00a0", "\u202f", "\u2028", "\u0085", "\ufeff", "\x00", "\x07", "\x1b", "\x7f"]),
    st.sampled_from([" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\x0c", "\x0b"]),
    st.text(alphabet="abcdéèàç", min_size=1, max_size=12),
    st.text(alphabet="xyz", min_size=200, max_size=3000),  # a very long "word"
    st.text(max_size=20),  # any Unicode
)
TEXTS = st.lists(_PIECES, max_size=120).map(" ".join) | st.lists(_PIECES, max_size=120).map("".join)
#: Paragraph after paragraph without a single punctuation mark.
UNPUNCTUATED = st.lists(st.text(alphabet="abc éà", min_size=1, max_size=30), min_size=1, max_size=400).map("\n".join)


def check_spans(text: str, spans: list[tuple[int, int]]) -> None:
    for s, e in spans:
        assert 0 <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()  # trimmed, never empty
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))  # sorted, disjoint


def check_pipeline(text: str, neighbours: tuple[str, ...] = ()) -> None:
    """The build's steps on one article text, with every offset invariant."""
    repeated = repeated_line_keys([text, *neighbours])
    excluded = excluded_spans(text, repeated)
    check_spans(text, split_sentences(text))
    params = ChunkParams(min_words=5, max_words=20)  # small passages: more boundaries to get wrong
    chunks = chunk_text(text, excluded, params)
    prev_end = 0
    for ordinal, c in enumerate(chunks):
        assert prev_end <= c.start < c.end <= len(text)
        prev_end = c.end
        passage = Passage(ordinal, "a.txt", ordinal, c.start, c.end, text[c.start : c.end], c.sentences)
        assert passage.text == text[c.start : c.end]
        assert c.sentences[0][0] == c.start and c.sentences[-1][1] == c.end
        check_spans(text, list(c.sentences))
        assert passage.sentence_texts() == [text[s:e] for s, e in c.sentences]
        for s, e in c.sentences:  # nothing excluded is ever part of a passage
            assert not any(s < xe and xs < e for xs, xe in excluded)


@FUZZ
@given(TEXTS)
def test_any_text(raw: str) -> None:
    text = normalise(raw)
    assert "\r" not in text
    check_pipeline(text, neighbours=(text,))


@FUZZ
@given(UNPUNCTUATED)
def test_text_without_punctuation(raw: str) -> None:
    check_pipeline(normalise(raw))


_ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])


@FUZZ
@given(TEXTS, _ENCODINGS, st.binary(max_size=64), st.booleans())
def test_bytes_through_read_article(raw: str, encoding: str, noise: bytes, add_noise: bool) -> None:
    data = raw.encode(encoding, errors="ignore")
    if add_noise:
        data = data[: len(data) // 2] + noise + data[len(data) // 2 :]
    file = CorpusFile("fuzz.txt", Path("/nonexistent/veille-fuzz/fuzz.txt"), len(data), 0)
    try:
        art = read_article(file, data)
    except UnreadableArticle as exc:
        assert exc.reason  # refused, with a reason: never an exception of another kind
        return
    assert art.text.strip() and "\r" not in art.text and art.text == normalise(art.text)
    check_pipeline(art.text)


@FUZZ
@given(TEXTS)
def test_pdf_page_cleaning(raw: str) -> None:
    page = clean_page(raw)
    assert "\n\n" not in page and "\r" not in page and page == page.strip()
    check_pipeline(page)
