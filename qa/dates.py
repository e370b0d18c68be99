"""Dates for readers: publication dates in French, and relative expressions placed in time.

Why: news articles date events relative to their own publication (« lundi », « hier », « le
10 juillet » without a year, « il y a trois mois »). Read months or years later, out of their
page, such an answer is useless unless it is placed in time. :func:`resolve` turns an
expression and the article's publication date into a day or a period, always flagged as
*inferred* (the article never wrote it); :func:`describe` words that for the reader.

Rules (documented because they are choices, not facts):

* A bare weekday (« lundi », « ce lundi », « lundi soir ») is the most recent such day *on or
  before* the publication date: news reports what happened, and an article published on a
  Monday that says « lundi » means that very day. « lundi dernier » is strictly before the
  publication date, « lundi prochain » strictly after it.
* A day and month without a year (« le 10 juillet ») is in the publication year, or the year
  before when that would put it after the publication date; « le 10 juillet dernier » is the
  latest one strictly before publication, « … prochain » the first one strictly after. A
  weekday given with it (« mercredi 3 mars ») picks, among neighbouring years, the one where
  the day really is a Wednesday.
* A month without a year (« en mars », « fin février », « début mars ») follows the same rule
  on the period's first day; « février dernier » is the latest February before the
  publication month. « début » is days 1–10, « mi- » 11–20, « fin » 21 to the end.
* In a clause that speaks of the future (« se déplaceront à Nantes le 24 novembre », « aura
  lieu en mars », « doit être lancé lundi »), an expression without « dernier/prochain » reads
  as the next such day or month on or after the publication date (:func:`speaks_of_future`).
* « il y a N jours » is exact; « il y a N semaines / mois / ans » is approximate (« vers »);
  « il y a quelques mois », « depuis plusieurs années » cannot be placed more precisely than
  « before the article » and resolve to ``None`` (the reader is shown the article's date).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import DateNote

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
             "octobre", "novembre", "décembre")

#: precision of a :class:`ResolvedDate`
DAY, WEEK, MONTH_PART, MONTH, YEAR = "day", "week", "month_part", "month", "year"


def format_date(iso: str) -> str:
    """« 2024-03-12 » → « 12 mars 2024 » (« 1er » for the first); anything else unchanged."""
    try:
        d = _dt.date.fromisoformat(iso[:10])
    except (ValueError, TypeError):
        return iso
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_FR[d.month - 1]} {d.year}"


@dataclass(frozen=True)
class ResolvedDate:
    """A day or a period deduced from a relative expression and a publication date."""

    start: _dt.date
    end: _dt.date  # inclusive; == start for a day
    precision: str  # DAY, WEEK, MONTH_PART, MONTH or YEAR
    #: « vers » : « il y a trois mois » is about a month, not exactly it
    approximate: bool = False
    #: only the year was missing (« le 10 juillet » → 2019): the day and month are the article's
    year_only: bool = False
    #: a starting point (« depuis deux ans »), not the time of an event
    since: bool = False
    #: always True: the article did not write this date, it was deduced from its publication
    inferred: bool = True

    @property
    def day(self) -> _dt.date | None:
        """The resolved day, when the expression names one."""
        return self.start if self.precision == DAY else None

    def label(self) -> str:
        """The resolved date in French: « 11 mars 2024 », « fin février 2024 », « 2023 »…"""
        s = self.start
        if self.precision == DAY:
            text = "le " + format_date(s.isoformat())
        elif self.precision == WEEK:
            text = "la semaine du " + format_date(s.isoformat())
        elif self.precision == MONTH_PART:
            part = {1: "début", 11: "mi-", 21: "fin"}[s.day]
            text = f"{part}{'' if part.endswith('-') else ' '}{MONTHS_FR[s.month - 1]} {s.year}"
        elif self.precision == MONTH:
            text = f"{MONTHS_FR[s.month - 1]} {s.year}"
        else:
            text = str(s.year)
        if self.since:
            return f"depuis {_bare(text)} environ" if self.approximate else f"depuis {_bare(text)}"
        if self.approximate:
            return f"vers {text}"
        return text if self.precision in (DAY, WEEK, MONTH_PART) else f"en {text}"


def _bare(text: str) -> str:
    return text[3:] if text.startswith("le ") else text


# -- recognising expressions ----------------------------------------------------------------------
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTH_KEYS = {"janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
               "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
               "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12}
_UNITS = {"jour": "day", "jours": "day", "journee": "day", "journees": "day", "semaine": "week",
          "semaines": "week", "mois": "month", "an": "year", "ans": "year", "annee": "year",
          "annees": "year", "decennie": "decade", "decennies": "decade", "siecle": "century",
          "siecles": "century", "heure": "hour", "heures": "hour", "minute": "hour", "minutes": "hour"}
_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                 "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
                 "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
                 "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000}
#: counts that say « some », not how many: the expression is relative but cannot be resolved
_VAGUE_COUNTS = frozenset("quelques plusieurs des nombreux nombreuses certains certaines".split())

_WD = "(?P<wd>" + "|".join(_WEEKDAYS) + ")"
_MON = (r"(?:(?P<mon>janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)"
        r"|(?P<abbr>janv|fevr|fev|avr|juil|sept|oct|nov|dec)\.)")
_DIR = r"(?:\s+(?P<dir>dernier|derniere|passe|passee|prochain|prochaine))?"
_YEAR_RE = re.compile(r"\b(?:1[5-9]\d{2}|20\d{2})\b")

_SIMPLE_DAYS = {"avant-hier": -2, "avant hier": -2, "hier": -1, "aujourd'hui": 0, "ce matin": 0, "ce soir": 0,
                "cette nuit": 0, "cet apres-midi": 0, "demain": 1, "apres-demain": 2, "apres demain": 2}
_RE_SIMPLE = re.compile(r"\b(" + "|".join(re.escape(k) for k in sorted(_SIMPLE_DAYS, key=len, reverse=True)) + r")\b")
_RE_DAY_MONTH = re.compile(rf"(?:{_WD}\s+)?\b(?P<day>1er|\d{{1,2}})\s+{_MON}(?!\w){_DIR}")
_RE_MONTH = re.compile(rf"(?:\b(?P<part>debut|fin|mi|courant|mi-)\s*-?\s*|\b(?:en|depuis|des|jusqu'en)\s+)?(?<![\w])"
                       rf"{_MON}(?!\w){_DIR}")
_RE_WEEKDAY = re.compile(rf"\b{_WD}\b(?:\s+(?:matin|soir|apres-midi|midi))?{_DIR}")
_RE_PERIOD = re.compile(r"\b(?:(?P<this>cette|ce|cet)\s+(?P<u1>semaine|mois|annee|an)(?:-ci)?"
                        r"|(?:la|le|l')\s*(?P<u2>semaine|mois|annee|an)\s+(?P<d2>dernier|derniere|passe|passee|prochain|prochaine))\b")
_RE_AGO = re.compile(r"\b(?P<kind>il y a|voici|depuis|cela fait|ca fait)\s+(?P<n>[\w\s'-]+?)\s+(?P<unit>"
                     + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")\b")


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return " ".join("".join(c for c in t if not unicodedata.combining(c)).split())


def words_to_number(text: str) -> int | None:
    """« 3 » → 3, « vingt-cinq » → 25, « quatre-vingt-dix » → 90; None for « quelques »."""
    t = _fold(text).strip()
    if t.isdigit():
        return int(t)
    total = current = 0
    seen = False
    for tok in re.split(r"[\s-]+", t):
        if not tok or tok == "et":
            continue
        if tok not in _NUMBER_WORDS:
            return None
        v = _NUMBER_WORDS[tok]
        seen = True
        if v == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif v == 100:
            current = max(current, 1) * 100
        elif v == 20 and current in (4,):  # quatre-vingt(s)
            current = 80
        else:
            current += v
    return total + current if seen else None


def is_relative(expression: str) -> bool:
    """True when the expression needs the publication date to be placed in time.

    « lundi », « hier », « le 10 juillet », « fin février dernier », « il y a quelques mois »
    are relative; « le 10 juillet 2019 », « en 2014 », « au XIXe siècle » are not.
    """
    t = _fold(expression)
    if _YEAR_RE.search(t) and not _RE_AGO.search(t):
        return False
    return bool(_RE_SIMPLE.search(t) or _RE_DAY_MONTH.search(t) or _RE_MONTH.search(t) or _RE_WEEKDAY.search(t)
                or _RE_PERIOD.search(t) or _RE_AGO.search(t))


#: verbs in the simple future (« se déplaceront », « jouera », « viendra »), a few irregular ones,
#: and the markers of planned events (« doit être lancé », « est prévu », « la prochaine édition »)
_FUTURE = re.compile(
    r"\b(?:sera|seront|aura|auront|ira|iront|fera|feront|devra|devront|pourra|pourront|faudra|verra|verront"
    r"|saura|sauront|voudra|voudront|[a-zàâçéèêëîïôûù]{2,}(?:era|eront|erons|erez|ira|iront|dra|dront))\b"
    r"|\b(?:doit|doivent|devrait|devraient)\s+(?:[\w'’]+\s+){0,2}?[a-zàâçéèêëîïôûù'’]*(?:er|ir|re)\b"
    r"|\b(?:est|sont|était|étaient)\s+(?:prévue?s?|programmée?s?|attendue?s?)\b|\bprochaine?s?\b|\bà venir\b")
#: a past participle alone, set off by commas around the date (« , construite en 1974, »)
_PARTICIPLE_ONLY = re.compile(r"[a-zàâçéèêëîïôûù]{3,}(?:é|ée|és|ées|ite|ites|it|its|ue|ues)(?:\s+(?:en|le|au|dès|depuis))?",
                              re.IGNORECASE)
#: a conditional (« défendrait », « aurait lieu »), the future of reported speech after…
_CONDITIONAL = re.compile(r"\b(?:serait|seraient|aurait|auraient|irait|iraient|ferait|feraient|devrait|devraient"
                          r"|[a-zàâçéèêëîïôûù]{2,}(?:erait|eraient|irait|iraient|drait|draient))\b")
#: … a verb of saying and « que » (« a indiqué qu' », « ont annoncé que »)
_REPORTED = re.compile(r"\b(?:indiqu|annonc|précis|expliqu|affirm|assur|promis|prévenu|estim|ajout|confirm|déclar)\w*\s+(?:que|qu['’])$",
                       re.IGNORECASE)
#: what bounds the clause a date belongs to
_CLAUSE_END = re.compile(r"[,;:()«»\u201c\u201d]|\s[–—-]\s|\b(?:qui|que|qu['’]|alors que|tandis que|mais)\b")


#: « le préavis court jusqu'au 21 mars », « à partir du 18 novembre »: an open end, ahead of the
#: article unless its clause is in a past tense
_OPEN_END = re.compile(r"(?:jusqu['’]\s*(?:au|à|a|en)|à partir d[ue]|a partir d[ue]|à compter d[ue]|d['’]ici\s+(?:au|à|le|la|l['’]|fin))\s*",
                       re.IGNORECASE)
_PAST = re.compile(r"\b(?:avait|avaient|a|ont|était|étaient|fut|furent|eut|eurent)\s+(?:été\s+|déjà\s+|pas\s+)?[a-zàâçéèêëîïôûù]{2,}(?:é|ée|és|ées|i|is|ie|u|us|ue|it|ert|erte)\b"
                   r"|\b[a-zàâçéèêëîïôûù]{2,}(?:ait|aient)\b|\b(?:dernier|dernière|passé|passée)\b", re.IGNORECASE)


def speaks_of_future(sentence: str, start: int, end: int) -> bool:
    """Whether the clause holding ``sentence[start:end]`` (a date) talks about the future.

    The clause runs from the previous to the next comma, quote or relative pronoun; a future
    verb elsewhere in the sentence (« X, qui avait battu Nantes le 3 novembre, jouera… ») does
    not count.
    """
    bounds = [m.span() for m in _CLAUSE_END.finditer(sentence)]
    left = max((b for a, b in bounds if b <= start), default=0)
    right = min((a for a, b in bounds if a >= end), default=len(sentence))
    clause = sentence[left:start] + " " + sentence[end:right]
    if len(clause.split()) < 3 and _PARTICIPLE_ONLY.fullmatch(clause.strip()):
        return False  # « La maison d'arrêt, construite en 1974, doit être remplacée »: the participle's own past
    if len(clause.split()) < 3:
        # « Il affrontera au second tour, le 8 décembre, la centriste… »: a date set off by commas
        # belongs to the clauses around it
        left = max((b for a, b in bounds if b < left - 1), default=0) if left else 0
        right = min((a for a, b in bounds if a > right), default=len(sentence))
        clause = sentence[left:start] + " " + sentence[end:right]
    if _FUTURE.search(clause.lower()):
        return True
    if _CONDITIONAL.search(clause.lower()) and _REPORTED.search(sentence, max(0, left - 60), left):
        return True  # « a indiqué qu'il défendrait sa ceinture au printemps »: a future, reported
    opens = _OPEN_END.match(sentence, start) or _OPEN_END.search(sentence[max(0, start - 14):start] + " ")
    return bool(opens) and not _PAST.search(clause)


def resolve(expression: str, published: _dt.date | str | None, future: bool = False) -> ResolvedDate | None:
    """The day or period a relative expression names, given the article's publication date.

    ``None`` when there is no publication date, when the expression is absolute (it has a
    year) or when it is too vague to place (« il y a quelques mois »). ``future``: the sentence
    speaks of what is to come (:func:`speaks_of_future`). See the module docstring for the rules.
    """
    pub = _as_date(published)
    if pub is None:
        return None
    t = _fold(expression)
    if _YEAR_RE.search(t) and not _RE_AGO.search(t):
        return None
    m = _RE_AGO.search(t)
    if m:
        return _ago(m, pub)
    m = _RE_SIMPLE.search(t)
    if m:
        return _day(pub + _dt.timedelta(days=_SIMPLE_DAYS[m.group(1)]))
    m = _RE_DAY_MONTH.search(t)
    if m:
        return _day_month(m, pub, future)
    m = _RE_PERIOD.search(t)
    if m:
        return _period(m, pub)
    m = _RE_MONTH.search(t)
    if m:
        return _month(m, pub, future)
    m = _RE_WEEKDAY.search(t)
    if m:
        return _weekday(m, pub, future)
    return None


def describe(expression: str, published: str | None, future: bool = False) -> str | None:
    """The reader's note for a relative expression, to put in brackets after it.

    « soit le 11 mars 2024, date déduite de la parution du 12 mars 2024 » when resolved,
    « article du 12 mars 2024 » when it cannot be placed more precisely; None when the
    expression is not relative or the article's date is unknown (nothing to add).
    """
    if not published or _as_date(published) is None or not is_relative(expression):
        return None
    when = format_date(published)
    r = resolve(expression, published, future)
    if r is None:
        return f"article du {when}"
    what = "année déduite" if r.year_only else "date déduite"
    return f"soit {r.label()}, {what} de la parution du {when}"


def note(expression: str, citation: int, published: str | None, future: bool = False) -> "DateNote | None":
    """The :class:`qa.answer.DateNote` for a relative expression cited as ``[citation]``."""
    from qa.answer import DateNote

    pub = _as_date(published)
    if pub is None or not is_relative(expression):
        return None
    r = resolve(expression, pub, future)
    if r is None:
        return DateNote(expression, citation, pub.isoformat(), inferred=False)  # only the article date is shown
    return DateNote(expression, citation, pub.isoformat(), resolved=r.day.isoformat() if r.day else None,
                    period=(r.start.isoformat(), r.end.isoformat()), precision=r.precision, label=r.label(),
                    approximate=r.approximate, inferred=r.inferred)


# -- the rules ------------------------------------------------------------------------------------
def _as_date(value: _dt.date | str | None) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _day(d: _dt.date, approximate: bool = False, year_only: bool = False) -> ResolvedDate:
    return ResolvedDate(d, d, DAY, approximate=approximate, year_only=year_only)


def _direction(word: str | None) -> int:
    """-1 « dernier / passé », +1 « prochain », 0 none."""
    if not word:
        return 0
    return 1 if word.startswith("prochain") else -1


def _weekday(m: re.Match[str], pub: _dt.date, future: bool = False) -> ResolvedDate:
    target = _WEEKDAYS.index(m.group("wd"))
    d = _direction(m.group("dir"))
    if d == 0 and future:  # « doit être lancé lundi »: that day or the next one
        return _day(pub + _dt.timedelta(days=(target - pub.weekday()) % 7))
    if d > 0:
        delta = (target - pub.weekday()) % 7 or 7
        return _day(pub + _dt.timedelta(days=delta))
    back = (pub.weekday() - target) % 7
    if d < 0 and back == 0:
        back = 7
    return _day(pub - _dt.timedelta(days=back))


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _day_month(m: re.Match[str], pub: _dt.date, future: bool = False) -> ResolvedDate | None:
    day = 1 if m.group("day") == "1er" else int(m.group("day"))
    month = _MONTH_KEYS[m.group("mon") or m.group("abbr")]
    d = _direction(m.group("dir"))
    if d == 0 and future:
        year = pub.year if (_safe_date(pub.year, month, day) or pub) >= pub else pub.year + 1
    elif d > 0:
        year = pub.year if (_safe_date(pub.year, month, day) or pub) > pub else pub.year + 1
    elif d < 0:
        year = pub.year if (_safe_date(pub.year, month, day) or pub) < pub else pub.year - 1
    else:
        year = pub.year if (_safe_date(pub.year, month, day) or pub) <= pub else pub.year - 1
    if m.group("wd") and d == 0:  # « mercredi 3 mars »: the year where the 3rd of March is a Wednesday
        wd = _WEEKDAYS.index(m.group("wd"))
        for y in (year, year - 1, year + 1):
            cand = _safe_date(y, month, day)
            if cand is not None and cand.weekday() == wd and cand <= pub + _dt.timedelta(days=366):
                year = y
                break
    got = _safe_date(year, month, day)
    if got is None and month == 2 and day == 29:  # 29 février: the nearest leap year before
        while got is None:
            year -= 1
            got = _safe_date(year, month, day)
    return _day(got, year_only=True) if got else None


def _month(m: re.Match[str], pub: _dt.date, future: bool = False) -> ResolvedDate:
    month = _MONTH_KEYS[m.group("mon") or m.group("abbr")]
    part = (m.group("part") or "").rstrip("-")
    first = {"debut": 1, "mi": 11, "fin": 21}.get(part, 1)
    d = _direction(m.group("dir"))
    if d == 0 and future:
        year = pub.year if month >= pub.month else pub.year + 1
    elif d < 0:
        year = pub.year if month < pub.month else pub.year - 1
    elif d > 0:
        year = pub.year if month > pub.month else pub.year + 1
    else:
        year = pub.year if _dt.date(pub.year, month, first) <= pub else pub.year - 1
    last_day = calendar.monthrange(year, month)[1]
    if part in ("debut", "mi", "fin"):
        end = {"debut": 10, "mi": 20, "fin": last_day}[part]
        return ResolvedDate(_dt.date(year, month, first), _dt.date(year, month, end), MONTH_PART, year_only=True)
    return ResolvedDate(_dt.date(year, month, 1), _dt.date(year, month, last_day), MONTH, year_only=True)


def _shift_months(d: _dt.date, months: int) -> _dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return _dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _month_period(d: _dt.date, approximate: bool = False, since: bool = False) -> ResolvedDate:
    last = calendar.monthrange(d.year, d.month)[1]
    return ResolvedDate(d.replace(day=1), d.replace(day=last), MONTH, approximate=approximate, since=since)


def _year_period(year: int, approximate: bool = False, since: bool = False) -> ResolvedDate:
    return ResolvedDate(_dt.date(year, 1, 1), _dt.date(year, 12, 31), YEAR, approximate=approximate, since=since)


def _week_of(d: _dt.date) -> ResolvedDate:
    monday = d - _dt.timedelta(days=d.weekday())
    return ResolvedDate(monday, monday + _dt.timedelta(days=6), WEEK)


def _period(m: re.Match[str], pub: _dt.date) -> ResolvedDate:
    unit = m.group("u1") or m.group("u2")
    shift = 0 if m.group("this") else _direction(m.group("d2"))
    if unit == "semaine":
        return _week_of(pub + _dt.timedelta(weeks=shift))
    if unit == "mois":
        return _month_period(_shift_months(pub.replace(day=1), shift))
    return _year_period(pub.year + shift)


def _ago(m: re.Match[str], pub: _dt.date) -> ResolvedDate | None:
    words = m.group("n").split()
    if any(w in _VAGUE_COUNTS for w in words):
        return None
    n = words_to_number(m.group("n"))
    if n is None or n > 5000:
        return None
    since = m.group("kind") == "depuis"
    unit = _UNITS[m.group("unit")]
    if unit == "hour":
        return ResolvedDate(pub, pub, DAY, since=since)
    if unit == "day":
        d = pub - _dt.timedelta(days=n)
        return ResolvedDate(d, d, DAY, since=since)
    if unit == "week":
        d = pub - _dt.timedelta(weeks=n)
        return ResolvedDate(d, d, DAY, approximate=True, since=since)
    if unit == "month":
        return _month_period(_shift_months(pub, -n), approximate=True, since=since)
    years = n * {"year": 1, "decade": 10, "century": 100}[unit]
    if pub.year - years < 1:
        return None
    return _year_period(pub.year - years, approximate=True, since=since)
