"""What never becomes citable: site furniture around the article.

Two sources of evidence, both line-based: known French footer phrases (legal notice, advert,
comment prompts, sign-in and share links), and lines repeated verbatim across several articles
of the corpus (a site's standard footer). The article text shown to the user is never edited;
these lines are only kept out of passages.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from index.analysis import fold

Span = tuple[int, int]

# Matched against the accent-folded, lower-cased line. A footer "start" also drops every line
# after it when it occurs in the last part of the article (« Envie d'afficher votre publicité ? »
# is followed by links, comment prompts…).
_FOOTER_START = [
    r"conformement a l'?article 38",
    r".*loi (n° ?)?78-17",
    r".*loi informatique et libertes",
    r"envie d'afficher votre publicite",
    r"l'espace des commentaires",
    r"connectez-vous (ou|pour)",
    r"vous devez etre connecte",
    r"(pour )?(reagir|commenter)(,| a) (cet|cette|l'article)",
    r"tous droits reserves",
    r"abonnez-vous",
    r"inscrivez-vous (a|pour)",
    r"recevez (notre|nos|la) newsletter",
]
_FOOTER_LINE = [
    r"contactez-nous",
    r"\[?voir les regles de confidentialite\]?",
    r"(a )?lire aussi\b.*",
    r"(voir|lire) (aussi|egalement)\s*:.*",
    r"partager( sur| cet article)?.*",
    r"publicite",
    r"suivez-nous.*",
    r"(discuter|commenter|reagir|imprimer|envoyer)",
    r"\d+ commentaires?",
    r"(c|©) ?\d{4}.*",
    r"©.*",
]
_START_RE = re.compile(r"^(?:%s)" % "|".join(_FOOTER_START))
_LINE_RE = re.compile(r"^(?:%s)\s*[.!?:]*$" % "|".join(_FOOTER_LINE))

#: A line shared verbatim by this many articles is furniture whatever its length...
REPEATED_MIN_ARTICLES = 3
#: ...and a short one (a signature, a link label) already when two articles share it.
REPEATED_SHORT_WORDS = 12


def line_spans(text: str) -> list[Span]:
    """Non-empty lines as whitespace-trimmed spans."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def line_key(line: str) -> str:
    """Identity of a line for cross-article comparison (case, accents and spacing ignored)."""
    return hashlib.sha1(" ".join(fold(line).split()).encode()).hexdigest()[:16]


def footer_spans(text: str) -> list[Span]:
    """Lines that are site furniture by their wording alone."""
    lines = line_spans(text)
    out: list[Span] = []
    tail_from = len(text) * 0.5
    in_footer = False
    for s, e in lines:
        low = " ".join(fold(text[s:e]).replace("’", "'").split())
        if in_footer or _LINE_RE.match(low):
            out.append((s, e))
        elif _START_RE.match(low):
            out.append((s, e))
            if s >= tail_from:
                in_footer = True
    return out


def repeated_line_keys(texts: Iterable[str]) -> set[str]:
    """Keys of lines that occur in several articles (see the two thresholds above)."""
    articles_with: Counter[str] = Counter()
    words: dict[str, int] = {}
    for text in texts:
        keys = set()
        for s, e in line_spans(text):
            k = line_key(text[s:e])
            keys.add(k)
            words.setdefault(k, len(text[s:e].split()))
        articles_with.update(keys)
    return {
        k
        for k, n in articles_with.items()
        if n >= REPEATED_MIN_ARTICLES or (n >= 2 and words[k] <= REPEATED_SHORT_WORDS)
    }


def excluded_spans(text: str, repeated: set[str]) -> list[Span]:
    """All lines of ``text`` that must stay out of passages, sorted."""
    spans = set(footer_spans(text))
    if repeated:
        spans.update((s, e) for s, e in line_spans(text) if line_key(text[s:e]) in repeated)
    return sorted(spans)


class Lines:
    """What boilerplate detection needs from one text, each line folded once.

    It depends on the text only, so the index keeps it per article (keyed by content hash) and
    an incremental build reuses it: at 10,000 articles, folding and hashing every line of every
    article again was most of the time of adding 10 articles. ``excluded_from(lines_of(t), r)``
    equals ``excluded_spans(t, r)`` and ``repeated_keys`` equals ``repeated_line_keys``.
    """

    __slots__ = ("spans", "keys", "words", "footer")

    def __init__(self, spans: list[Span], keys: list[str], words: list[int], footer: list[Span]) -> None:
        self.spans = spans
        self.keys = keys
        self.words = words
        self.footer = footer

    def to_json(self) -> list:
        return [[list(s) for s in self.spans], self.keys, self.words, [list(s) for s in self.footer]]

    @classmethod
    def from_json(cls, data: list) -> "Lines":
        spans, keys, words, footer = data
        return cls([tuple(s) for s in spans], list(keys), list(words), [tuple(s) for s in footer])


def lines_of(text: str) -> Lines:
    """Line spans, keys, word counts and footer lines of ``text`` (see :class:`Lines`)."""
    spans = line_spans(text)
    keys, words, footer = [], [], []
    tail_from = len(text) * 0.5
    in_footer = False
    for s, e in spans:
        folded = fold(text[s:e])
        keys.append(hashlib.sha1(" ".join(folded.split()).encode()).hexdigest()[:16])
        words.append(len(text[s:e].split()))
        low = " ".join(folded.replace("’", "'").split())
        if in_footer or _LINE_RE.match(low):
            footer.append((s, e))
        elif _START_RE.match(low):
            footer.append((s, e))
            if s >= tail_from:
                in_footer = True
    return Lines(spans, keys, words, footer)


def repeated_keys(all_lines: Iterable[Lines]) -> set[str]:
    """:func:`repeated_line_keys` from precomputed :class:`Lines`."""
    articles_with: Counter[str] = Counter()
    words: dict[str, int] = {}
    for lines in all_lines:
        articles_with.update(set(lines.keys))
        for k, n in zip(lines.keys, lines.words):
            words.setdefault(k, n)
    return {
        k
        for k, n in articles_with.items()
        if n >= REPEATED_MIN_ARTICLES or (n >= 2 and words[k] <= REPEATED_SHORT_WORDS)
    }


def excluded_from(lines: Lines, repeated: set[str]) -> list[Span]:
    """:func:`excluded_spans` from precomputed :class:`Lines`."""
    spans = set(lines.footer)
    if repeated:
        spans.update(sp for sp, k in zip(lines.spans, lines.keys) if k in repeated)
    return sorted(spans)


#: File of a generation caching each article's :class:`Lines` by content hash (optional: an
#: index without it, or with an unreadable one, just recomputes them).
LINES_CACHE = "lines.json"


def load_lines_cache(path: Path) -> dict[str, Lines]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {sha1: Lines.from_json(v) for sha1, v in data.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def save_lines_cache(path: Path, lines: dict[str, Lines]) -> None:
    path.write_text(json.dumps({k: v.to_json() for k, v in lines.items()}, separators=(",", ":")),
                    encoding="utf-8")
