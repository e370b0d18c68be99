"""Sentence features for the extractive answerer, shared by answering and by training.

Why these: BM25-style word overlap alone picks the right sentence about half of the time on
PIAF. The extra signals are French-aware: stemmed bigrams of the question found in order,
how close together the matched words are, proper names matched through accent- and
spelling-tolerant comparison (Gerasimov ~ Guerassimov), whether the sentence contains the kind
of thing asked for (a date for « quand »), and what the sentence adds beyond the question (a
sentence that only repeats the question cannot answer it). The weights come from
``bench/train_answerer.py`` and live in ``qa/extractive_weights.json``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Callable

from index.analysis import NUMBER, STOP_WORDS, FrenchAnalyzer, fold

from qa.english import french_gloss
from qa.qtypes import OTHER, question_type
from qa.spans import typed_spans

Span = tuple[int, int]

_WORD = re.compile(r"\w+", re.UNICODE)
_WHERE = re.compile(r"\s*(?:où|d['’]où|jusqu['’]où|par où)\b", re.IGNORECASE)
_TOOK_PLACE = re.compile(r"\b(?:eu|a|ont|aura|auront|avait|avaient|avoir|va avoir|vont avoir)\s+(?P<lieu>lieu)\b", re.IGNORECASE)
_HOW_LONG = re.compile(r"\bcombien\s+de\s+(?P<temps>temps)\b", re.IGNORECASE)
# Question words that must not count as names even when capitalised at the start.
_QWORDS = frozenset("""quand combien qui que quoi quel quelle quels quelles où ou comment pourquoi lequel laquelle
    est-ce when who whom whose where how what which why did does do is was were are en dans à de le la les
    l d au aux a par pour avec selon sur""".split())

FEATURES = (
    "bias", "idf_cov", "match_frac", "bigram", "proximity", "names", "numbers", "type_ok", "type_missing",
    "novel", "novel_log", "len_log", "pass_score", "pass_rrank", "pass_dense", "pass_lex", "context_cov",
    "best_in_passage", "best_overall", "title_like", "cov_x_type", "idf_cov_sq", "qlen_log", "first_in_article",
    "prefix_cov", "surface_cov", "unmatched_max_idf", "all_matched", "context_x_low",
)


@dataclass
class Token:
    term: str
    start: int
    end: int
    surface: str


#: Who does it and what is done: « Qui dirige le festival ? » meets « Le directeur du festival,
#: Jérôme Tréhorel », « Qui a créé… » meets « son créateur ». French derives these agent nouns
#: regularly, but the stemmer keeps them apart (dirig / directeur).
#: Stems of the verb and of the feminine map to the masculine noun's stem, in questions and
#: sentences alike; only pairs the stemmer separates are listed.
AGENT_NOUNS: dict[str, str] = {
    "dirig": "directeur", "directric": "directeur",
    "presid": "president",
    "fondatric": "fondateur",
    "cre": "createur", "creatric": "createur",
    "invent": "inventeur", "inventric": "inventeur",
    "entrain": "entraineur",
    "compos": "compositeur", "compositric": "compositeur",
    # « Qui a acheté le tableau ? » meets « L'acheteur, qui enchérissait par téléphone, est… »
    "achet": "acheteur", "vend": "vendeur", "vendu": "vendeur", "vendeux": "vendeur",
    # not « acquis » (« les acquis de la Révolution ») nor « construit » (« le castor construit des
    # barrages »): as words of their own they are far more common than the deed
    "vaincu": "vainqueur",
    "sculpt": "sculpteur", "nag": "nageur", "agress": "agresseur", "traduit": "traducteur",
    "chant": "chanteur", "chanteux": "chanteur",
    "jou": "joueur", "joueux": "joueur", "sauv": "sauveteur",
}
def tokens(text: str, analyzer: FrenchAnalyzer) -> list[Token]:
    """Content tokens of ``text`` with their spans (relative), terms as the BM25 index has them."""
    # Keep offsets: join digit groups in place (« 2.900 » → « 2_900 ») rather than deleting.
    norm = NUMBER.sub(lambda m: re.sub(r"\D", "_", m.group(0)), text)
    out: list[Token] = []
    for m in _WORD.finditer(norm):
        w = m.group(0).lower()
        if "_" in w:
            w = w.replace("_", "")
        if w in STOP_WORDS or (len(w) == 1 and not w.isdigit()):
            continue
        term = analyzer._term(w)
        out.append(Token(AGENT_NOUNS.get(term, term), m.start(), m.end(), text[m.start() : m.end()]))
    return out


def similar(a: str, b: str) -> bool:
    """Folded-string similarity for proper names across spellings and languages."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 4:
        return False
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= 0.75 and sm.quick_ratio() >= 0.75 and sm.ratio() >= 0.75


@dataclass
class QuestionInfo:
    text: str
    qtype: str
    terms: list[str]
    idf: dict[str, float]
    names: list[str]  # folded capitalised words of the question (proper names)
    numbers: list[str]
    bigrams: set[tuple[str, str]] = field(default_factory=set)
    surfaces: list[str] = field(default_factory=list)  # folded unstemmed content words

    @property
    def idf_total(self) -> float:
        return sum(self.idf[t] for t in set(self.terms)) or 1.0


def analyse_question(question: str, analyzer: FrenchAnalyzer, idf: Callable[[str], float]) -> QuestionInfo:
    # an English question also looks for the French words of its own (see qa.english)
    # « Quand les interpellations ont-elles eu lieu ? »: « avoir lieu » only says that something
    # happened; its « lieu » would match « La passation aura lieu jeudi » of another story (for
    # « Où … a-t-elle eu lieu ? » the sentence saying where often says « a eu lieu » too)
    light = {m.start("lieu") for m in _TOOK_PLACE.finditer(question)} if not _WHERE.match(question) else set()
    # « Combien de temps le musée a-t-il été fermé ? »: « combien de temps » asks a duration, and its
    # « temps » would match « Le Portail de la cathédrale de Rouen, temps gris » of another story
    light |= {m.start("temps") for m in _HOW_LONG.finditer(question)}
    toks = [t for t in tokens(question, analyzer) if t.start not in light] + tokens(french_gloss(question), analyzer)
    terms = [t.term for t in toks]
    names = []
    for i, m in enumerate(_WORD.finditer(question)):
        w = m.group(0)
        if w[0].isupper() and fold(w) not in _QWORDS and (i > 0 or len(w) > 3) and not w.isdigit():
            names.append(fold(w))
    numbers = [t.term for t in toks if t.term.isdigit()]
    bigrams = {(a, b) for a, b in zip(terms, terms[1:])}
    return QuestionInfo(question, question_type(question), terms, {t: idf(t) for t in set(terms)}, names, numbers,
                        bigrams, sorted({fold(t.surface) for t in toks}))


@dataclass
class Candidate:
    """One sentence of a retrieved passage, with everything needed to score and cite it."""

    source: str
    title: str
    start: int  # absolute offsets in the article
    end: int
    text: str
    hit_rank: int
    hit_score: float
    dense: float
    lexical: float
    sent_index: int  # position of the sentence in its passage
    passage_ordinal: int
    toks: list[Token]
    matched: set[str] = field(default_factory=set)
    name_hits: int = 0
    features: list[float] = field(default_factory=list)
    score: float = 0.0
    prob: float = 0.0
    #: the short answer when a rule has already found it (the name right after the asked role noun)
    answer_span: tuple[int, int] | None = None


def _coverage(q: QuestionInfo, terms: set[str]) -> float:
    return sum(q.idf[t] for t in set(q.terms) if t in terms) / q.idf_total


def _question_overlap(q: QuestionInfo, tok: Token) -> bool:
    return tok.term in q.idf or any(similar(fold(tok.surface), n) for n in q.names if tok.surface[:1].isupper())


def featurize(q: QuestionInfo, cands: list[Candidate]) -> None:
    """Fill ``features`` of every candidate (some features compare candidates with each other)."""
    if not cands:
        return
    max_lex = max(c.lexical for c in cands) or 1.0
    qset = set(q.terms)
    n_q = max(1, len(qset))
    covs = []
    for c in cands:
        terms = [t.term for t in c.toks]
        tset = set(terms)
        c.matched = qset & tset
        covs.append(_coverage(q, tset))
    # neighbouring sentences (same passage) give context: the subject is often one sentence back
    by_passage: dict[tuple[str, int], list[int]] = {}
    for i, c in enumerate(cands):
        by_passage.setdefault((c.source, c.passage_ordinal), []).append(i)
    best_overall = max(covs)
    for i, c in enumerate(cands):
        terms = [t.term for t in c.toks]
        cov = covs[i]
        # bigrams in order
        pairs = set(zip(terms, terms[1:]))
        bigram = len(q.bigrams & pairs) / max(1, len(q.bigrams))
        # proximity: tightest window holding every matched distinct term
        pos = [j for j, t in enumerate(terms) if t in c.matched]
        if len(c.matched) >= 2:
            window = _min_window(terms, c.matched)
            proximity = len(c.matched) / max(window, 1)
        else:
            proximity = 0.0 if not pos else 0.5
        # names, fuzzily
        caps = [fold(t.surface) for t in c.toks if t.surface[:1].isupper() or t.surface.isdigit()]
        name_hits = sum(1 for n in set(q.names) if any(similar(n, w) for w in caps))
        c.name_hits = name_hits
        names = name_hits / len(set(q.names)) if q.names else 0.0
        numbers = (sum(1 for n in q.numbers if n in set(terms)) / len(q.numbers)) if q.numbers else 0.0
        # typed span not made of question words
        type_ok = 0.0
        if q.qtype != OTHER:
            type_ok = 1.0 if any(not _all_question(q, c, s, e) for s, e in typed_spans(c.text, q.qtype)) else 0.0
        novel_terms = [t for t in terms if t not in qset]
        novel = len(novel_terms) / max(1, len(terms))
        siblings = by_passage[(c.source, c.passage_ordinal)]
        k = siblings.index(i)
        ctx = set()
        for j in (k - 1, k + 1):
            if 0 <= j < len(siblings):
                ctx |= {t.term for t in cands[siblings[j]].toks}
        context_cov = _coverage(q, ctx - set(terms))
        best_in_passage = 1.0 if cov >= max(covs[j] for j in siblings) and cov > 0 else 0.0
        prefixes = {t.term[:5] for t in c.toks if len(t.term) >= 5}
        prefix_cov = sum(q.idf[t] for t in set(q.terms) if t in c.matched or (len(t) >= 5 and t[:5] in prefixes)) / q.idf_total
        surf = {fold(t.surface) for t in c.toks}
        surface_cov = sum(1 for w in q.surfaces if w in surf) / max(1, len(q.surfaces))
        unmatched = [q.idf[t] for t in set(q.terms) if t not in c.matched]
        max_idf = max(q.idf.values(), default=1.0) or 1.0
        unmatched_max_idf = (max(unmatched) / max_idf) if unmatched else 0.0
        title_like = 1.0 if not c.text.rstrip().endswith((".", "!", "?", "»", "\"", "”", ")")) else 0.0
        feats = {
            "bias": 1.0, "idf_cov": cov, "match_frac": len(c.matched) / n_q, "bigram": bigram,
            "proximity": proximity, "names": names, "numbers": numbers, "type_ok": type_ok,
            "type_missing": 1.0 if q.qtype != OTHER and not type_ok else 0.0,
            "novel": novel, "novel_log": math.log1p(len(novel_terms)), "len_log": math.log1p(len(terms)),
            "pass_score": c.hit_score, "pass_rrank": 1.0 / c.hit_rank, "pass_dense": c.dense,
            "pass_lex": c.lexical / max_lex, "context_cov": context_cov, "best_in_passage": best_in_passage,
            "best_overall": 1.0 if cov >= best_overall and cov > 0 else 0.0, "title_like": title_like,
            "cov_x_type": cov * type_ok, "idf_cov_sq": cov * cov, "qlen_log": math.log1p(n_q),
            "first_in_article": 1.0 if c.passage_ordinal == 0 and c.sent_index == 0 else 0.0,
            "prefix_cov": prefix_cov, "surface_cov": surface_cov, "unmatched_max_idf": unmatched_max_idf,
            "all_matched": 1.0 if not unmatched else 0.0, "context_x_low": context_cov * (1.0 - cov),
        }
        c.features = [feats[f] for f in FEATURES]


def _all_question(q: QuestionInfo, c: Candidate, s: int, e: int) -> bool:
    """True when the span [s, e) of the sentence only repeats words of the question."""
    inside = [t for t in c.toks if t.start >= s and t.end <= e]
    return bool(inside) and all(_question_overlap(q, t) for t in inside)


def _min_window(terms: list[str], wanted: set[str]) -> int:
    """Length of the shortest run of ``terms`` containing every term of ``wanted``."""
    need = len(wanted)
    counts: dict[str, int] = {}
    have = 0
    best = len(terms)
    left = 0
    for right, t in enumerate(terms):
        if t in wanted:
            counts[t] = counts.get(t, 0) + 1
            if counts[t] == 1:
                have += 1
        while have == need and left <= right:
            best = min(best, right - left + 1)
            lt = terms[left]
            if lt in wanted:
                counts[lt] -= 1
                if counts[lt] == 0:
                    have -= 1
            left += 1
    return best


# -- open answers: which span of the chosen sentence answers the question ----------------------

#: Features of a candidate span for open questions (« autre ») and typed questions with no typed
#: span. Why: PIAF-like gold answers are short (median 3 words) and sit next to the words the
#: question repeats, often right after a copula (« … est un droit de passage ») or a boundary;
#: a learnt linear score over these cues replaces a fixed « clause after the question » rule.
SPAN_FEATURES = (
    "bias", "len1", "len2", "len3_4", "len5_7", "len8_12", "len_log", "q_frac", "has_q", "gap_after", "gap_before",
    "adj_after", "adj_before", "dist_log", "start_bound", "end_bound", "end_sentence", "start_sentence",
    "after_copula", "start_stop", "end_stop", "caps", "digits", "pos_rel", "inside_gap", "start_prep",
    "why_cue", "how_cue", "crosses_bound", "after_q_clause", "before_verb_q",
)

#: a word, a figure with its separators (« 300.000 », « 9,3 »: never cut at the dot), or a mark
_SPAN_WORD = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)+|\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_BOUND_CHARS = frozenset(",;:()«»\"“”–—[]")
_COPULA = frozenset("est sont était étaient fut furent sera seront devient devenu reste appelé appelée appelés nommé "
                    "nommée désigne désignent signifie représente constitue consiste".split())
_SPAN_STOP = frozenset("le la les l un une des du de d au aux et ou à en dans par pour sur qui que qu dont ce cette "
                       "se sa son ses leur il elle ils elles ne pas est sont a ont".split())
_PREPS = frozenset("par pour avec en dans sur grâce afin car parce lors après avant contre selon".split())
_MAX_SPAN = 14


def _glued(sentence: str, at: int, step: int) -> bool:
    """Whether ``sentence[at]`` is a hyphen joining the word on its side to a word (« dix-huit »,
    « Saint-Malo »): looking ``step`` (+1: after a span's end, -1: before its start)."""
    nxt = at + step
    return 0 <= at < len(sentence) and 0 <= nxt < len(sentence) and sentence[at] == "-" and sentence[nxt].isalnum()


def span_candidates(q: QuestionInfo, sentence: str, toks: list[Token]) -> tuple[list[Span], list[list[float]]]:
    """Contiguous word spans of ``sentence`` (up to 14 words, no sentence-final punctuation) with
    their features. Offsets are relative to the sentence, so the answer is always its exact text.
    """
    words = [(m.start(), m.end(), m.group(0)) for m in _SPAN_WORD.finditer(sentence)]
    if not words:
        return [], []
    qmark = []
    content = {(t.start, t.end): t for t in toks}
    for s, e, w in words:
        t = content.get((s, e))
        hit = False
        if t is not None:
            hit = t.term in q.idf or (t.surface[:1].isupper() and any(similar(fold(t.surface), n) for n in q.names))
        else:
            # words the analyser dropped (stop words) never count as the question's
            sub = [x for x in toks if x.start >= s and x.end <= e]
            hit = bool(sub) and all(x.term in q.idf for x in sub)
        qmark.append(hit)
    is_punct = [not w[0].isalnum() and w[0] != "_" for _, _, w in words]
    bound = [w in _BOUND_CHARS or w == "-" for _, _, w in words]
    qpos = [i for i, h in enumerate(qmark) if h]
    qtext = fold(q.text.lower())
    why = 1.0 if re.search(r"\bpourquoi\b|\bdans quel but\b|\bpour quelle raison\b", qtext) else 0.0
    how = 1.0 if re.match(r"\s*comment\b", qtext) and "appel" not in qtext else 0.0
    first_q, last_q = (qpos[0], qpos[-1]) if qpos else (-1, -1)
    n = len(words)
    spans: list[Span] = []
    rows: list[list[float]] = []
    for i in range(n):
        if is_punct[i]:
            continue
        prev = i - 1
        if _glued(sentence, words[i][0] - 1, -1):
            continue  # « huit » of « dix-huit »: never half a hyphenated word
        for j in range(i, min(n, i + _MAX_SPAN + 6)):
            if is_punct[j] and words[j][2] in ".!?":
                break
            if is_punct[j] or _glued(sentence, words[j][1], 1):
                continue
            wc = sum(1 for k in range(i, j + 1) if not is_punct[k])
            if wc > _MAX_SPAN:
                break
            qn = sum(1 for k in range(i, j + 1) if qmark[k])
            nxt = j + 1
            crosses = any(bound[k] for k in range(i, j + 1))
            before_q = [k for k in qpos if k < i]
            after_q = [k for k in qpos if k > j]
            d_before = i - before_q[-1] if before_q else 99
            d_after = after_q[0] - j if after_q else 99
            dist = min(d_before, d_after) if qn == 0 else 0
            start_w = words[i][2].lower()
            end_w = words[j][2].lower()
            prev_w = words[prev][2].lower() if prev >= 0 else ""
            inside_gap = 1.0 if before_q and after_q and qn == 0 else 0.0
            caps = sum(1 for k in range(i, j + 1) if words[k][2][:1].isupper() and k > 0) / wc
            digits = 1.0 if any(words[k][2][:1].isdigit() for k in range(i, j + 1)) else 0.0
            feats = [
                1.0, float(wc == 1), float(wc == 2), float(3 <= wc <= 4), float(5 <= wc <= 7), float(8 <= wc <= 12),
                math.log1p(wc), qn / wc, float(qn > 0), float(d_before == 1 and qn == 0), float(d_after == 1 and qn == 0),
                float(d_before <= 3 and qn == 0), float(d_after <= 3 and qn == 0), math.log1p(min(dist, 30)),
                float(prev < 0 or bound[prev]), float(nxt >= n or is_punct[nxt]), float(nxt >= n or words[nxt][2] in ".!?"),
                float(i == 0), float(prev_w in _COPULA), float(start_w in _SPAN_STOP), float(end_w in _SPAN_STOP),
                caps, digits, i / n, inside_gap, float(start_w in _PREPS), why * float(start_w in ("pour", "car", "parce", "afin")),
                how * float(start_w in ("en", "par", "grâce", "avec")), float(crosses),
                float(last_q >= 0 and i > last_q), float(first_q >= 0 and j < first_q),
            ]
            spans.append((words[i][0], words[j][1]))
            rows.append(feats)
    return spans, rows
