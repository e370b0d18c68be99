"""Sentence-aligned passages with exact offsets.

A passage is a run of whole sentences from one article, about ``min_words``–``max_words``
words. Passages prefer to end at a paragraph break once they are long enough, never include a
boilerplate line, and are never cut inside a sentence (an over-long "sentence" was already cut at
word boundaries by the splitter).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from index.sentences import split_sentences

Span = tuple[int, int]


@dataclass(frozen=True)
class ChunkParams:
    # Slightly longer than 40–120: a passage is the unit a question must be answered from, and
    # source paragraphs (PIAF: median 107 words, a third above 120) are cut less often. Measured on
    # the PIAF dev questions with the default retrieval (bench/piaf_retrieval.py), 40–120 → 50–130:
    # Recall@1 0.681 → 0.689, Recall@5 0.857 → 0.861, MRR@10 0.756 → 0.764; passages median
    # 99 → 104 words, 95th percentile 120 → 130. 60–140 would give 0.700 / 0.868 but passages
    # of up to 170 words, too long to cite. Passages with one sentence of overlap scored lower (BM25 R@1 0.651
    # vs 0.657 at 40–120): the repeated sentence only adds near-duplicate competitors.
    min_words: int = 50
    max_words: int = 130
    #: sentences repeated at the start of the next passage (context for retrieval)
    overlap: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class Chunk:
    start: int
    end: int
    sentences: tuple[Span, ...]


def _merged(excluded: list[Span], length: int) -> list[Span]:
    """Excluded spans clipped to the text, sorted and merged into disjoint intervals.

    Between two merged intervals no character is excluded, so every sentence of a gap is kept
    without testing it against each excluded span (which was quadratic for a text made of
    thousands of furniture lines).
    """
    out: list[Span] = []
    for xs, xe in sorted((max(0, s), min(length, e)) for s, e in excluded):
        if xs >= xe:
            continue
        if out and xs <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], xe))
        else:
            out.append((xs, xe))
    return out


def chunk_text(text: str, excluded: list[Span] | None = None, params: ChunkParams = ChunkParams()) -> list[Chunk]:
    """Cut ``text`` into passages; ``text[c.start:c.end]`` is each passage's exact text."""
    # Sentences of every non-excluded region; an excluded line breaks passage continuity.
    runs: list[list[Span]] = []
    pos = 0
    for xs, xe in _merged(excluded or [], len(text)) + [(len(text), len(text))]:
        if xs > pos:
            sents = split_sentences(text, pos, xs, max_words=params.max_words)
            if sents:
                runs.append(sents)
        pos = max(pos, xe)
    chunks: list[Chunk] = []
    for sents in runs:
        chunks.extend(_pack(text, sents, params))
    return chunks


def _pack(text: str, sents: list[Span], params: ChunkParams) -> list[Chunk]:
    words = [len(text[s:e].split()) for s, e in sents]
    groups: list[list[int]] = []
    cur: list[int] = []
    cur_words = 0
    for i, (s, e) in enumerate(sents):
        paragraph_break = bool(cur) and "\n" in text[sents[cur[-1]][1] : s]
        if cur and (cur_words + words[i] > params.max_words or (paragraph_break and cur_words >= params.min_words)):
            groups.append(cur)
            keep = cur[-params.overlap :] if params.overlap and cur_words + words[i] > params.max_words else []
            cur = [j for j in keep if sum(words[k] for k in keep) + words[i] <= params.max_words]
            cur_words = sum(words[j] for j in cur)
        cur.append(i)
        cur_words += words[i]
    if cur:
        # A short tail joins the previous passage when both fit, rather than standing alone.
        if groups and cur_words < params.min_words:
            prev_words = sum(words[j] for j in groups[-1])
            if prev_words + cur_words <= params.max_words + params.min_words // 2:
                groups[-1] = groups[-1] + [j for j in cur if j not in groups[-1]]
                cur = []
        if cur:
            groups.append(cur)
    return [
        Chunk(sents[g[0]][0], sents[g[-1]][1], tuple(sents[j] for j in g))
        for g in groups
    ]
