"""French sentence segmentation that returns character spans, never rewritten text.

Rules that matter for French news: a newline always ends a sentence (paragraphs and
headings); abbreviations (M., Mme, gén., J.-C.) and initials do not; a point between
digits (2.900, 3.5) is part of a number; closing « » ” quotes and brackets stay with the
sentence they end. A "sentence" with no punctuation at all (a 10,000-word paragraph) is cut at
word boundaries so that no passage becomes unbounded.
"""

from __future__ import annotations

import re
from typing import Iterator

Span = tuple[int, int]

# Lower-cased, without the final point. Titles, military ranks, and common abbreviations.
ABBREVIATIONS = frozenset(
    """
    m mm mme mmes mlle mlles mgr dr drs pr me mes st ste sts stes vve
    gén gal gen col lt cdt cne capt adj sgt sgt-chef cmdt amiral adm
    av apr j.-c jc etc cf cf. p pp vol n no nos art al éd ed coll chap fig tab ex env min max
    tél tel fax bd boul av. éts ets cie sa s.a inc ltd co dept dép hab km kg
    janv févr fév avr juil sept oct nov déc
    """.split()
)

# The punctuation run is matched whole, from its first mark only (lookbehind, possessive ``++``):
# otherwise a run of 20,000 points followed by a letter is retried from each of its points,
# and one hostile line costs minutes (quadratic) instead of milliseconds.
_END = re.compile(r"(?<![.!?…])[.!?…]++(?:\s*[»\"”’)\]])*(?=\s|$)|(?<=\S)\s*[»”](?=\s+[A-ZÀ-Ý«\"“])")
_WORD_BEFORE = re.compile(r"([\w.\-]+)\.$", re.UNICODE)
_WS = re.compile(r"\s+")


def _is_abbreviation(text: str, dot_end: int) -> bool:
    """True when the point ending at ``dot_end`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, max(0, dot_end - 20), dot_end)
    if not m:
        return False
    word = m.group(1)
    low = word.lower()
    if low in ABBREVIATIONS or low.rstrip(".") in ABBREVIATIONS:
        return True
    # Initials: "J. Dupont", "J.-C. Juncker", "U.S."
    if re.fullmatch(r"(?:[A-ZÀ-Ý]\.-?)*[A-ZÀ-Ý]", word):
        return True
    return False


def _lines(text: str, start: int, end: int) -> Iterator[Span]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _strip(text: str, s: int, e: int) -> Span:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _split_long(text: str, s: int, e: int, max_words: int) -> list[Span]:
    """Cut an over-long run of text at word boundaries, preferring ; : , when near."""
    words = [m.span() for m in re.finditer(r"\S+", text[s:e])]
    if len(words) <= max_words:
        return [(s, e)]
    out: list[Span] = []
    i = 0
    while i < len(words):
        j = min(len(words), i + max_words)
        if j < len(words):
            # look back for a clause mark in the last third of the window
            for k in range(j - 1, i + (2 * max_words) // 3, -1):
                if text[s + words[k][1] - 1] in ";:,":
                    j = k + 1
                    break
        out.append((s + words[i][0], s + words[j - 1][1]))
        i = j
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None, max_words: int = 120) -> list[Span]:
    """Sentence spans of ``text[start:end]``, whitespace-trimmed, in order, non-overlapping."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for ls, le in _lines(text, start, end):
        ls, le = _strip(text, ls, le)
        if ls >= le:
            continue
        cur = ls
        for m in _END.finditer(text, ls, le):
            stop = m.end()
            punct = m.group(0)
            nxt = _WS.match(text, stop, le)
            after = nxt.end() if nxt else stop
            if after >= le:
                continue  # end of line closes the sentence anyway
            following = text[after]
            if following.islower():
                continue  # "etc. et", "M. de Villiers" never start a sentence in lower case
            if punct.startswith(".") and punct.rstrip("»\"”’)] ").endswith(".") and len(punct.strip()) == 1:
                if _is_abbreviation(text, m.start() + 1):
                    continue
            s, e = _strip(text, cur, stop)
            if s < e:
                spans.append((s, e))
            cur = after
        s, e = _strip(text, cur, le)
        if s < e:
            spans.append((s, e))
    merged = _merge_fragments(text, spans)
    out: list[Span] = []
    for s, e in merged:
        out.extend(_split_long(text, s, e, max_words))
    return out


def _merge_fragments(text: str, spans: list[Span]) -> list[Span]:
    """Attach pieces with no letter or digit (e.g. "(…)") to a neighbour on the same line."""
    out: list[Span] = []
    pending: int | None = None
    for s, e in spans:
        if not re.search(r"\w", text[s:e]):
            if pending is None:
                pending = s
            continue
        if pending is not None:
            if "\n" not in text[pending:s]:
                s = pending
            else:
                out.append(_strip(text, pending, text.rfind("\n", pending, s)))
            pending = None
        out.append((s, e))
    if pending is not None:
        tail = _strip(text, pending, spans[-1][1])
        if out and "\n" not in text[out[-1][1] : tail[0]]:
            out[-1] = (out[-1][0], tail[1])
        else:
            out.append(tail)
    return out


def word_count(text: str) -> int:
    return len(text.split())
