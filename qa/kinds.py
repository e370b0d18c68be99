"""Answers that are one word of a closed kind: a language, a nationality, a colour, a religion.

« Quelle est la langue officielle des États-Unis ? » is answered by « l'anglais », « De quelle
couleur est la peau du rhinocéros blanc ? » by « grise »: words no capitalised-name or figure
pattern finds, and that the open-answer span model (trained on clauses) rarely isolates. When
a question asks for such a kind, the answer is the word of that kind in the cited sentence
nearest the kind's own noun (« de couleur grise ») or the question's words.
"""

from __future__ import annotations

import re

from index.analysis import fold
from qa.spans import NATIONALITIES, Span

LANGUAGE = "langue"
NATIONALITY = "nationalité"
COLOUR = "couleur"
RELIGION = "religion"

_LANGUAGES = frozenset(NATIONALITIES) | frozenset(
    """latin grec hébreu arabe sanskrit mandarin cantonais breton occitan basque catalan corse alsacien
    flamand créole wolof berbère kabyle swahili hindi ourdou tamoul persan yiddish espéranto gaélique celte
    provençal picard galicien romanche frison scots anglo-saxon""".split())
_COLOURS = frozenset(
    """rouge rouges bleu bleue bleus bleues vert verte verts vertes jaune jaunes noir noire noirs noires
    blanc blanche blancs blanches orange violet violette violets violettes rose roses gris grise grises
    brun brune bruns brunes marron beige beiges pourpre pourpres doré dorée dorés dorées argenté argentée
    écarlate turquoise ocre fauve roux rousse rousses gris-brun bleu-vert bleu-gris vert-de-gris""".split())
_RELIGIONS = frozenset(
    """catholique catholiques catholicisme protestant protestante protestants protestantes protestantisme
    chrétien chrétienne chrétiens chrétiennes christianisme musulman musulmane musulmans musulmanes islam
    juif juive juifs juives judaïsme bouddhiste bouddhistes bouddhisme hindou hindoue hindous hindouisme
    orthodoxe orthodoxes anglican anglicane anglicans anglicanisme sunnite sunnites chiite chiites animiste
    animistes animisme calviniste calvinistes calvinisme luthérien luthérienne luthériens luthéranisme
    évangélique évangéliques athée athées shintoïsme sikh sikhs taoïsme confucianisme païen païenne païens
    paganisme zoroastrisme""".split())
_WORDS = {LANGUAGE: _LANGUAGES, NATIONALITY: frozenset(NATIONALITIES), COLOUR: _COLOURS, RELIGION: _RELIGIONS}

#: « Quelle est la langue… », « En quelle langue… », « De quelle nationalité… », « Quelle couleur… »
_ASKED = re.compile(r"^\s*(?:(?:de|en|dans|par)\s+)?quel(?:le)?s?\s+(?:(?:est|était|etait|sont|étaient|fut)\s+)?"
                    r"(?:(?:la|le|les|sa|son|ses|leur)\s+)?(?P<kind>langues?|nationalités?|nationalites?|couleurs?|religions?)\b",
                    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w-]*")


def asked_kind(question: str) -> str | None:
    """The kind a question asks for (:data:`LANGUAGE`…), ``None`` for other questions."""
    m = _ASKED.match(question.replace("’", "'"))
    if not m:
        return None
    noun = fold(m.group("kind").lower()).rstrip("s")
    return {"langue": LANGUAGE, "nationalite": NATIONALITY, "couleur": COLOUR, "religion": RELIGION}[noun]


def kind_spans(sentence: str, kind: str, question: str) -> list[Span]:
    """Words of ``kind`` in ``sentence`` that the question does not already say, nearest first to
    the kind's noun in the sentence (« de couleur grise »), else in sentence order."""
    asked = {w.lower() for w in _WORD.findall(question)}
    words = [m for m in _WORD.finditer(sentence) if m.group(0).lower() in _WORDS[kind] and m.group(0).lower() not in asked]
    if not words:
        return []
    noun = re.compile(rf"\b{fold(kind)[:6]}\w*", re.IGNORECASE)
    marks = [m.start() for m in noun.finditer(fold(sentence))]  # fold keeps offsets

    def distance(m: re.Match[str]) -> int:
        return min((abs(m.start() - i) for i in marks), default=0)
    return [m.span() for m in sorted(words, key=lambda m: (distance(m), m.start()))]


def has_kind(sentence: str, kind: str, question: str) -> bool:
    """Whether ``sentence`` holds a word of ``kind`` the question does not already say."""
    return bool(kind_spans(sentence, kind, question))
