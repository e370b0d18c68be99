"""French text analysis for BM25: the same function for passages and for queries.

Steps, in the order that matters: lower-case; split elisions (l', d', qu', jusqu'…) so that
« l'armée » matches « armée »; join digit groups (« 2.900 », « 2 900 » → 2900) so numbers match
however they are written; drop stop words; Snowball-stem the accented word (the French stemmer
relies on accents), then fold accents so that « Etat » and « État » meet.

Each word is indexed twice: as its stem, and as its accent-folded surface form prefixed with
``=`` (the "keyword repeat" of search engines). Stems give recall across inflections
(« élections » ~ « électoral »); the surface form rewards passages that use the question's very
word, which stemming alone cannot tell apart. On the PIAF dev questions (bench/piaf_retrieval.py,
BM25 only, k1=1.2 b=0.75, 40–120-word passages) this lifts Recall@1 from 0.655 to 0.664 and
Recall@5 from 0.824 to 0.829 (weighted fusion: R@1 0.655 → 0.666, R@5 0.837 → 0.841). Tried
and dropped: stem bigrams indexed the same way (BM25 R@1 −1.4 points), folding accents before
stemming (no change), no stemming (−1.1), extra query-only stop words for answer types such
as « année », « nom », « date » (+0.1, within noise).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Snowball's French stop list, plus a few news fillers. Kept small on purpose: question words
# such as « quand », « combien », « où » are stop words for retrieval.
STOP_WORDS = frozenset(
    """
    au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me même mes moi
    mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
    votre vous c d j l à m n s t y été étée étées étés étant étante étants étantes suis es est sommes êtes
    sont serai seras sera serons serez seront serais serait serions seriez seraient étais était étions
    étiez étaient fus fut fûmes fûtes furent sois soit soyons soyez soient fusse fusses fût fussions
    fussiez fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai auras aura
    aurons aurez auront aurais aurait aurions auriez auraient avais avait avions aviez avaient eut eûmes
    eûtes eurent aie aies ait ayons ayez aient eusse eusses eût eussions eussiez eussent
    ceci cela celà cet cette ici ils elles les leurs quel quels quelle quelles sans soi
    quand combien où comment pourquoi quoi est-ce a-t-il a-t-elle ont-ils
    the of and to in is was what when who where which how did does do
    """.split()
)

ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|quelqu)['’](?=\w)", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[.\u00a0\u202f ]\d{3})+(?![\d])")
TOKEN = re.compile(r"\w+", re.UNICODE)


class _DropCombining(dict):
    """``str.translate`` table deleting combining marks, filled lazily one code point at a time
    (hits are then a C-level lookup: about a third faster than a per-character generator on
    article lines, which boilerplate detection folds for every article of the corpus)."""

    def __missing__(self, cp: int) -> int | None:
        value = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = value
        return value


_DROP_COMBINING = _DropCombining()


def fold(text: str) -> str:
    """Lower-case and strip accents (NFKD, drop combining marks); œ → oe, æ → ae."""
    text = unicodedata.normalize("NFKD", text.lower().replace("œ", "oe").replace("æ", "ae"))
    return text if text.isascii() else text.translate(_DROP_COMBINING)


class FrenchAnalyzer:
    """Turns text into index terms. Stateless apart from the stemmer and a term cache."""

    version = "fr-3"  # recorded in the manifest: changing analysis requires a rebuild (fr-3: « elles » is a stop word)
    #: prefix of surface-form terms; cannot collide with a stem (``\w`` never matches it)
    SURFACE = "="

    def __init__(self, stem: bool = True, surface: bool = True) -> None:
        self.stem = stem
        self.surface = surface and stem  # without stemming the surface form is the term itself
        import Stemmer  # PyStemmer: C Snowball, fast enough to stem every token of every passage

        self._stemmer = Stemmer.Stemmer("french")
        self._term = lru_cache(maxsize=200_000)(self._term_uncached)
        self._surface = lru_cache(maxsize=200_000)(self._surface_uncached)

    def _term_uncached(self, word: str) -> str:
        if word.isdigit():
            return word.lstrip("0") or "0"
        stemmed = self._stemmer.stemWord(word) if self.stem else word
        return fold(stemmed)

    def words(self, text: str) -> list[str]:
        """Lower-cased surface words after elision and number normalisation (stop words kept)."""
        text = ELISION.sub(" ", text.lower())
        text = NUMBER.sub(lambda m: re.sub(r"\D", "", m.group(0)), text)
        return TOKEN.findall(text)

    def __call__(self, text: str) -> list[str]:
        """Index terms: every kept word's stem, then (``surface``) its ``=``-prefixed folded form."""
        kept = [w for w in self.words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]
        out = [self._term(w) for w in kept]
        if self.surface:
            out.extend(self._surface(w) for w in kept if not w.isdigit())
        return out

    def _surface_uncached(self, word: str) -> str:
        return self.SURFACE + fold(word)
