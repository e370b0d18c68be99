"""Saying a thing once: sentences and passages repeated by copies of the same story.

When a wire story is in the corpus twice (two outlets, or saved twice), retrieval finds both
copies and every sentence comes back twice. Answers cite one copy — the citation's ``also_in``
names the others (:mod:`qa.provenance`) — so the repeated sentences of the other copies are
left out of candidates, of the evidence list and of the model's prompt.

"Repeated" is :func:`index.duplicates.near_identical`: the same words once typography is set
aside (’ or ', « » or "", non-breaking spaces), or a word changed in a long sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, TypeVar

from index.duplicates import same_words, sentence_key

if TYPE_CHECKING:  # pragma: no cover
    from index.passage import Hit
    from index.store import OpenIndex

T = TypeVar("T")

#: A passage whose sentences are repeats for at least this share of its characters is a repeat
#: (a copy's passage made of its own title and a paragraph of the other copy is one).
REPEATED_PASSAGE_SHARE = 0.6


def story_of(index: "OpenIndex", sources: Iterable[str]) -> dict[str, str]:
    """Each source's story: its canonical copy's source (itself when it is not a copy).

    Only sources whose story is told by another of ``sources`` are listed: the others can
    repeat nothing.
    """
    sources = sorted(set(sources))
    meta_of = getattr(index, "article_meta", None)
    if meta_of is None or len(sources) < 2:
        return {}
    meta = meta_of(sources)
    story = {s: (meta[s].dup_of or s) if s in meta else s for s in sources}
    count: dict[str, int] = {}
    for g in story.values():
        count[g] = count.get(g, 0) + 1
    return {s: g for s, g in story.items() if count[g] > 1}


class SeenSentences:
    """Sentences already used, per story: ``repeats(text, source, story)`` tells whether a
    sentence of ``source`` says again what another copy of ``story`` already said."""

    def __init__(self) -> None:
        self._by_story: dict[str, list[tuple[str, str]]] = {}  # story -> (source, sentence key)

    def repeats(self, text: str, source: str, story: str | None) -> bool:
        if story is None:
            return False
        key = sentence_key(text)
        return any(src != source and same_words(k, key) for src, k in self._by_story.get(story, ()))

    def add(self, text: str, source: str, story: str | None) -> None:
        if story is not None:
            self._by_story.setdefault(story, []).append((source, sentence_key(text)))


def drop_repeats(items: list[T], story: dict[str, str], source: Callable[[T], str],
                 text: Callable[[T], str]) -> list[T]:
    """``items`` (best first) without the sentences that another copy of their story, earlier in
    the list, already gave."""
    if not story:
        return items
    seen = SeenSentences()
    out = []
    for it in items:
        src, t = source(it), text(it)
        g = story.get(src)
        if seen.repeats(t, src, g):
            continue
        seen.add(t, src, g)
        out.append(it)
    return out


def distinct_hits(hits: list["Hit"], story: dict[str, str], k: int) -> list["Hit"]:
    """The first ``k`` hits, skipping a passage that mostly repeats one of another copy of its
    story ranked above it (the next hit takes its place)."""
    if not story:
        return hits[:k]
    seen = SeenSentences()
    out: list["Hit"] = []
    for h in hits:
        if len(out) >= k:
            break
        p = h.passage
        g = story.get(p.source)
        sentences = [p.text[s - p.start : e - p.start] for s, e in (p.sentences or [(p.start, p.end)])]
        repeated = sum(len(t) for t in sentences if seen.repeats(t, p.source, g))
        total = sum(len(t) for t in sentences) or 1
        for t in sentences:
            seen.add(t, p.source, g)
        if g is not None and repeated >= REPEATED_PASSAGE_SHARE * total:
            continue
        out.append(h)
    return out
