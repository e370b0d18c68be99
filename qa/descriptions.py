"""What a sentence says a named person or body *is*: the answer to « Qui est Valeri Guerassimov ? ».

News French introduces people by apposition, on either side of the name:
« le général François Lecointre, chef d'état-major français, a indiqué… » or « le chef d'État-Major
des forces armées russes, vice-ministre de la Défense, le général Valeri Guerassimov, a eu… ».
The description is the comma-delimited noun phrase next to the name; a title glued to the name
(« le général tchèque Petr Pavel ») is the fallback. As for every short answer, only offsets into
the sentence are returned: nothing is rephrased.
"""

from __future__ import annotations

import re

from index.analysis import fold
from qa.features import similar
from qa.spans import trim_span

Span = tuple[int, int]

#: finite verbs that make a capitalised opening a clause rather than a noun phrase
_VERBS = frozenset("a ont est sont etait etaient avait avaient sera seront fut furent va vont doit peut".split())
#: Words that start a clause, not a noun phrase: « , a eu un échange », « , qui a dit », « , selon… ».
_CLAUSE_START = _VERBS | frozenset(
    """fait font
    qui que qu dont ou et mais car donc puis ni il elle ils elles on se s y en ne n je nous vous
    selon lors apres avant pendant depuis alors ainsi comme si quand lorsque tandis
    pour par dans avec sans sous sur au aux vers chez contre entre malgre outre ce cet cette des
    indique declare affirme precise explique ajoute estime souligne rappelle assure annonce""".split()
)
_SEPARATORS = ",;:()«»\"“”"
_MAX_WORDS = 18


def _name_tokens(name: str) -> list[str]:
    """Folded words of the name that identify it (particles and initials left out)."""
    return [w for w in re.findall(r"\w+", fold(name)) if len(w) >= 3 and w not in {"von", "van", "der", "del"}]


def find_name(sentence: str, name: str) -> Span | None:
    """Span of the name in the sentence: a word like its last word, extended left over the words
    of the name that precede it there (« Jean-Yves Le Drian », « Valeri Guerassimov »)."""
    wanted = _name_tokens(name)
    if not wanted:
        return None
    last = wanted[-1]
    all_words = set(re.findall(r"\w+", fold(name)))
    for m in re.finditer(r"\w+", sentence):
        word = fold(m.group(0))
        if m.group(0)[:1].isupper() and (word == last or similar(word, last)):
            s, e = m.start(), m.end()
            while True:
                prev = re.search(r"([\w\-]+)['’\s]+$", sentence[:s])
                if not prev:
                    break
                parts = re.findall(r"\w+", fold(prev.group(1)))
                if not parts or not all(p in all_words or any(similar(p, w) for w in wanted) for p in parts):
                    break
                s = prev.start()
            return s, e
    return None


def _title_before(sentence: str, ns: int) -> Span | None:
    """The title glued to the name: « le général tchèque », « son homologue russe », « Le ministre
    français de la Défense »; from the first determiner of the words just before the name."""
    words = list(re.finditer(r"[\w\-]+['’]?", sentence[:ns]))
    run: list[re.Match[str]] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        gap = sentence[w.end() : (run[-1].start() if run else ns)]
        if gap.strip(" '’"):
            break  # a comma, a quote, a parenthesis
        f = fold(w.group(0)).rstrip("'’")
        capital = w.group(0)[:1].isupper()
        before = fold(words[i - 1].group(0)).rstrip("'’") if i else ""
        if capital and before not in {"de", "du", "des", "la", "d", "l"} and i > 0:
            break  # another name
        if not capital and f in _CLAUSE_START and f not in {"des"}:
            break
        run.append(w)
    run.reverse()
    if run and fold(run[-1].group(0)).rstrip("'’") in {"de", "du", "des", "d", "a", "au", "aux", "pour", "contre", "avec", "par"}:
        return None  # « le principal ennemi de von François » names someone else's relation to him
    for j, w in enumerate(run):
        if fold(w.group(0)).rstrip("'’") in _DETERMINERS:
            s, e = w.start(), run[-1].end()
            return (s, e) if len(run) - j >= 2 else None
    return None


_DETERMINERS = frozenset({"le", "la", "les", "l", "un", "une", "son", "sa", "ses", "leur", "leurs"})


def _phrase_ok(text: str, initial: bool = False) -> bool:
    """A noun phrase, not a clause: no verb, pronoun, conjunction or gerund first, no « que »
    inside, lower case (or, at the start of the sentence, a capitalised article)."""
    words = re.findall(r"[\w\-’']+", text)
    if not 1 <= len(words) <= _MAX_WORDS:
        return False
    first = re.split(r"[-'’]", fold(words[0]))[0]
    if first in _CLAUSE_START or re.search(r"\d", words[0]) or (first.endswith("ant") and len(first) > 5):
        return False
    if re.search(r"\bque\b|\bqu['’]", text):  # not « quelques »
        return False
    if initial and re.match(r"(?:Le|La|Les|L['’]|Un|Une)\b", text) and not re.search(r"\d", text):
        # « Le maître-nageur le plus ancien de l'établissement, X »; not « Le tribunal a condamné le
        # maire, X », a clause
        return not any(fold(w) in _VERBS for w in words[1:])
    return text[:1].islower() or text[:2] in ("l'", "l’")


def description_spans(sentence: str, name: str) -> list[tuple[Span, bool]]:
    """Descriptions of ``name`` in ``sentence``, best first, each with ``True`` unless it is only
    the title glued to the name (« le général »), a weaker answer than a full apposition."""
    at = find_name(sentence, name)
    if at is None:
        return []
    ns, ne = at
    out: list[Span] = []
    affiliation: Span | None = None
    participle: Span | None = None
    # 1. After the name: « Petr Pavel, le chef du comité militaire de l'Otan, et… »
    m = re.match(r"\s*,\s*", sentence[ne:])
    if m:
        s = ne + m.end()
        stop = re.search(rf"[{re.escape(_SEPARATORS)}]|\s+(?:et|qui|a|ont|est)\s+|\.(?:\s|$)", sentence[s:])
        e = s + stop.start() if stop else len(sentence)
        s, e = trim_span(sentence, s, e)
        if e > s and _phrase_ok(sentence[s:e]):
            if re.match(r"(?:de|du|des|d['’])\b", sentence[s:e], re.IGNORECASE):
                # « le volcanologue X, de l'université d'Islande »: where X works, after what X is
                affiliation = (s, e)
            elif re.match(r"[^\W\d]{3,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\b", sentence[s:e]) and not re.match(
                    r"(?:nommée?s?|élue?s?|réélue?s?|désignée?s?|devenue?s?|promue?s?|choisie?s?)\b", sentence[s:e]):
                # « Sandrine Hamel, licenciée quelques mois plus tôt »: what happened to her, a
                # weaker answer than what she is
                participle = (s, e)
            else:
                out.append(((s, e), True))
    # 2. A copula: « Walter Rodney est un historien guyanien né en 1942 »
    m = re.match(r"\s*,?\s*(?:est|était|etait|fut|sera|reste|devient|est devenu|était devenu)\s+"
                 r"(?=(?:un|une|le|la|l'|l’|les|des)\b)", sentence[ne:])
    if m:
        s = ne + m.end()
        stop = re.search(rf"[{re.escape(_SEPARATORS)}]|\s+(?:qui|dont|depuis|et a|et est)\s+|\.(?:\s|$)", sentence[s:])
        e = s + stop.start() if stop else len(sentence)
        s, e = trim_span(sentence, s, e)
        if e > s and len(re.findall(r"\w+", sentence[s:e])) <= _MAX_WORDS:
            out.append(((s, e), True))
    # 3. Before the name, comma-delimited: « le chef d'État-Major…, vice-ministre…, le général Valeri Guerassimov »
    head = sentence[:ns]
    title_start = max(head.rfind(c) for c in _SEPARATORS) + 1  # the name's own segment (title + name)
    segs: list[Span] = []
    end = title_start - 1  # the comma before the name's segment
    # « …, le chef du comité militaire, et le général Guerassimov »: what precedes a coordinated
    # name describes the previous person.
    coordinated = re.match(r"\s*(?:et|ou)\b", sentence[title_start:ns]) is not None
    while end > 0 and sentence[end] == "," and not coordinated:
        start = max(sentence.rfind(c, 0, end) for c in _SEPARATORS) + 1
        s, e = trim_span(sentence, start, end)
        if e <= s or not _phrase_ok(sentence[s:e], initial=start == 0):
            break
        segs.append((s, e))
        end = start - 1
    if segs:
        s, e = segs[-1][0], segs[0][1]
        if len(re.findall(r"\w+", sentence[s:e])) <= 2 * _MAX_WORDS:
            out.append(((s, e), True))
    elif not coordinated and end > 0 and sentence[end] == "," and not sentence[title_start:ns].strip():
        # « …à la suite des alertes d'une ancienne directrice des services, Sandrine Hamel »: the
        # clause ends in the indefinite noun phrase the name is in apposition to
        start = max(sentence.rfind(c, 0, end) for c in _SEPARATORS) + 1
        np = next((m for m in re.finditer(r"\b(?:d['’]|de|à|par|avec|pour|chez)\s*(?P<np>(?:un|une)\s)", sentence[start:end])
                   if len(re.findall(r"\w+", sentence[start + m.start("np"):end])) <= 8
                   and _phrase_ok(sentence[start + m.start("np"):end])), None)
        if np is not None:
            out.append((trim_span(sentence, start + np.start("np"), end), True))
    # 4. A title glued to the name: « le général tchèque Petr Pavel »
    title = _title_before(sentence, ns)
    if title is not None:
        n_words = len(re.findall(r"\w+", sentence[title[0] : title[1]]))
        out.append((title, n_words >= 4))
    if affiliation is not None:
        out.append((affiliation, not out))
    if participle is not None:
        out.append((participle, not out))
    return out
