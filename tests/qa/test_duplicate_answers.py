"""Answers over a corpus holding the same story twice (another outlet's near-copy).

The answer cites one copy and names the other in ``also_in``; no sentence is cited, listed as
evidence or put in the model's prompt twice.
"""

from __future__ import annotations

import pytest

from index.duplicates import near_identical, sentence_key
from qa.copies import story_of
from qa.prompting import build_prompt
from tests.conftest import SAMPLE_CORPUS
from tests.llm.conftest import ScriptedModel

ORIGINAL = "003_546b02830ba72005.txt"
COPY = "autre-media/lecointre-guerassimov.txt"
Q = "quand Lecointre a-t-il appelé Guerassimov ?"


def other_outlet(text: str) -> str:
    """The story as a second outlet re-publishes it: own title and intro line, another footer,
    its own typography (’ for ', non-breaking spaces before colons, « » spacing)."""
    body = text.split("\n", 1)[1]
    body = body.replace("'", "’").replace(" :", "\u00a0:").replace("«", "«\u00a0").replace("»", "\u00a0»")
    return ("Téléphone rouge entre Paris et Moscou\n\n"
            "Un dialogue militaire discret se poursuit malgré les tensions entre les deux pays.\n" + body +
            "\nRetrouvez toute l’actualité internationale sur notre site.\n")


@pytest.fixture(scope="module")
def dup_index(tmp_path_factory: pytest.TempPathFactory, embedder):
    from index.build import build_index
    from index.store import OpenIndex

    corpus = tmp_path_factory.mktemp("dup-corpus")
    for f in SAMPLE_CORPUS.iterdir():
        (corpus / f.name).write_bytes(f.read_bytes())
    (corpus / "autre-media").mkdir()
    (corpus / COPY).write_text(other_outlet((SAMPLE_CORPUS / ORIGINAL).read_text(encoding="utf-8")), encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("dup-index")
    build_index(corpus, index_dir, embedder)
    idx = OpenIndex.open(index_dir)
    yield idx
    idx.close()


@pytest.fixture(scope="module")
def dup_answerer(dup_index, embedder):
    from index.retriever import Retriever
    from qa.extractive import ExtractiveAnswerer

    return ExtractiveAnswerer(dup_index, Retriever(dup_index, embedder))


def test_the_copy_is_detected(dup_index) -> None:
    infos = {a.source: a for a in dup_index.articles()}
    assert {infos[COPY].dup_of, infos[ORIGINAL].dup_of} in ({ORIGINAL, None}, {COPY, None})
    assert sorted(dup_index.duplicates(ORIGINAL) + dup_index.duplicates(COPY)) == sorted([ORIGINAL, COPY])
    assert all(infos[s].dup_of is None for s in infos if s not in (ORIGINAL, COPY))


def test_answer_cites_one_copy_and_names_the_other(dup_answerer, dup_index) -> None:
    ans = dup_answerer.ask(Q)
    assert not ans.abstained and "10 juillet" in ans.short_answer
    first = ans.citations[0]
    assert first.source in (ORIGINAL, COPY)
    assert first.also_in == ((COPY,) if first.source == ORIGINAL else (ORIGINAL,))
    text = str(dup_index.article(first.source)["text"])
    assert text[first.start:first.end] == first.quote
    # the same sentence is never cited twice (once per copy)
    keys = [sentence_key(c.quote) for c in ans.citations]
    assert len(keys) == len(set(keys))
    for i, a in enumerate(ans.citations):
        for b in ans.citations[i + 1:]:
            assert not near_identical(a.quote, b.quote)
    # the evidence lists one copy of each passage
    for i, a in enumerate(ans.passages):
        for b in ans.passages[i + 1:]:
            if {a.source, b.source} == {ORIGINAL, COPY}:
                assert sentence_key(a.text) != sentence_key(b.text)
                assert not near_identical(a.text, b.text, 0.8)


def test_candidates_hold_each_sentence_of_the_story_once(dup_answerer, dup_index) -> None:
    hits = dup_answerer.retrieve(Q, 8)
    sources = {h.source for h in hits}
    assert {ORIGINAL, COPY} <= sources  # both copies are retrieved…
    cands = dup_answerer.candidates(dup_answerer.question_info(Q), hits)
    story = [c for c in cands if c.source in (ORIGINAL, COPY)]
    keys = [sentence_key(c.text) for c in story]
    assert len(keys) == len(set(keys))  # …but each sentence is a candidate once
    assert story_of(dup_index, sources) == {ORIGINAL: _canonical(dup_index), COPY: _canonical(dup_index)}


def _canonical(index) -> str:
    return next(a.dup_of for a in index.articles() if a.dup_of)


def test_prompt_shows_each_sentence_once(dup_answerer) -> None:
    hits = dup_answerer.retrieve(Q, 8)
    model = ScriptedModel()
    prompt = build_prompt(Q, hits, model, budget=100_000, max_passages=8, analyzer=dup_answerer.analyzer)
    shown = [sentence_key(p.sentence_text(sp)) for p in prompt.passages for sp in p.sentences]
    assert len(shown) == len(set(shown))
    # whole passages of the second copy were left out as repeats, not for lack of room
    assert prompt.repeats and not prompt.dropped
    assert set(prompt.repeats) <= {h.rank for h in hits if h.source in (ORIGINAL, COPY)}
    # what remains of a copy's passage maps back to the original text exactly
    for p in prompt.passages:
        for s, e in p.sentences:
            assert p.sentence_text((s, e)) == p.hit.passage.text[s - p.hit.passage.start:e - p.hit.passage.start]
