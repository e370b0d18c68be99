"""Relative dates placed in time by the article's publication date (qa/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from qa.dates import DAY, MONTH, MONTH_PART, WEEK, YEAR, describe, format_date, is_relative, note, resolve, words_to_number

TUESDAY = dt.date(2024, 3, 12)  # a Tuesday
MONDAY = dt.date(2024, 3, 11)


def day(expr: str, pub: dt.date = TUESDAY) -> dt.date | None:
    r = resolve(expr, pub)
    assert r is not None, expr
    assert r.precision == DAY and r.inferred
    return r.day


def test_format_date_unchanged():
    assert format_date("2024-03-12") == "12 mars 2024"
    assert format_date("2024-03-01") == "1er mars 2024"
    assert format_date("pas une date") == "pas une date"


# -- weekdays ----------------------------------------------------------------------------------
@pytest.mark.parametrize("expr, expected", [
    ("lundi", dt.date(2024, 3, 11)),  # the day before a Tuesday publication
    ("ce lundi", dt.date(2024, 3, 11)),
    ("Lundi soir", dt.date(2024, 3, 11)),
    ("mardi", dt.date(2024, 3, 12)),  # the publication day itself: on or before
    ("mercredi", dt.date(2024, 3, 6)),  # not the day after: the most recent one
    ("dimanche", dt.date(2024, 3, 10)),
    ("lundi dernier", dt.date(2024, 3, 11)),
    ("mardi dernier", dt.date(2024, 3, 5)),  # « dernier » is strictly before publication
    ("mardi prochain", dt.date(2024, 3, 19)),  # « prochain » strictly after
    ("mercredi prochain", dt.date(2024, 3, 13)),
])
def test_weekday_rule(expr, expected):
    assert day(expr) == expected


def test_weekday_crosses_month_and_year():
    assert day("vendredi", dt.date(2024, 3, 2)) == dt.date(2024, 3, 1)
    assert day("jeudi", dt.date(2024, 3, 2)) == dt.date(2024, 2, 29)  # leap day
    assert day("samedi", dt.date(2024, 1, 2)) == dt.date(2023, 12, 30)
    assert day("lundi prochain", dt.date(2023, 12, 29)) == dt.date(2024, 1, 1)


# -- days around the publication ----------------------------------------------------------------
@pytest.mark.parametrize("expr, offset", [
    ("hier", -1), ("Hier soir", -1), ("avant-hier", -2), ("aujourd'hui", 0), ("aujourd’hui", 0),
    ("ce matin", 0), ("demain", 1), ("après-demain", 2), ("il y a trois jours", -3), ("il y a 10 jours", -10),
    ("il y a deux heures", 0),
])
def test_days_around_publication(expr, offset):
    assert day(expr) == TUESDAY + dt.timedelta(days=offset)


def test_hier_on_the_first_of_january():
    assert day("hier", dt.date(2024, 1, 1)) == dt.date(2023, 12, 31)
    assert day("avant-hier", dt.date(2024, 3, 1)) == dt.date(2024, 2, 28)


# -- periods ------------------------------------------------------------------------------------
def test_weeks():
    r = resolve("la semaine dernière", TUESDAY)
    assert (r.precision, r.start, r.end) == (WEEK, dt.date(2024, 3, 4), dt.date(2024, 3, 10))
    assert r.label() == "la semaine du 4 mars 2024"
    assert resolve("cette semaine", TUESDAY).start == dt.date(2024, 3, 11)
    assert resolve("la semaine prochaine", TUESDAY).start == dt.date(2024, 3, 18)
    # the week before a 2 January publication is in the year before
    assert resolve("la semaine dernière", dt.date(2024, 1, 2)).start == dt.date(2023, 12, 25)


def test_months_and_years():
    r = resolve("le mois dernier", TUESDAY)
    assert (r.precision, r.start, r.end, r.label()) == (MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29), "en février 2024")
    assert resolve("le mois dernier", dt.date(2024, 1, 15)).start == dt.date(2023, 12, 1)  # year boundary
    assert resolve("le mois prochain", dt.date(2023, 12, 15)).start == dt.date(2024, 1, 1)
    for expr in ("l'an dernier", "l’année dernière", "l'an passé", "l'année passée"):
        r = resolve(expr, TUESDAY)
        assert (r.precision, r.start.year, r.label()) == (YEAR, 2023, "en 2023"), expr
    assert resolve("cette année", TUESDAY).start.year == 2024
    assert resolve("l'an prochain", TUESDAY).start.year == 2025


def test_parts_of_months():
    r = resolve("fin février dernier", TUESDAY)
    assert (r.precision, r.start, r.end, r.label()) == (MONTH_PART, dt.date(2024, 2, 21), dt.date(2024, 2, 29),
                                                         "fin février 2024")
    r = resolve("début mars", TUESDAY)
    assert (r.start, r.end, r.label()) == (dt.date(2024, 3, 1), dt.date(2024, 3, 10), "début mars 2024")
    assert resolve("mi-mars", TUESDAY).label() == "mi-mars 2024"
    # a period that would start after publication is last year's
    assert resolve("fin mars", TUESDAY).start == dt.date(2023, 3, 21)
    assert resolve("en juillet", TUESDAY).label() == "en juillet 2023"
    # « février dernier » read in February is last year's
    assert resolve("fin février dernier", dt.date(2024, 2, 25)).start == dt.date(2023, 2, 21)
    assert resolve("en janvier prochain", dt.date(2023, 12, 5)).start == dt.date(2024, 1, 1)
    assert resolve("fin décembre", dt.date(2024, 1, 10)).start == dt.date(2023, 12, 21)


# -- day and month without a year ----------------------------------------------------------------
def test_day_month_takes_the_publication_year_or_the_one_before():
    assert day("le 10 juillet", dt.date(2019, 7, 11)) == dt.date(2019, 7, 10)
    assert day("le 10 juillet", dt.date(2019, 7, 10)) == dt.date(2019, 7, 10)  # the publication day
    assert day("ce 10 juillet", dt.date(2019, 3, 1)) == dt.date(2018, 7, 10)  # after publication: last year
    assert day("le 30 décembre", dt.date(2024, 1, 3)) == dt.date(2023, 12, 30)
    assert day("le 1er mars", TUESDAY) == dt.date(2024, 3, 1)
    assert day("le 3 sept.", TUESDAY) == dt.date(2023, 9, 3)
    assert day("le 10 juillet dernier", dt.date(2019, 7, 10)) == dt.date(2018, 7, 10)
    assert day("le 10 juillet prochain", dt.date(2019, 7, 10)) == dt.date(2020, 7, 10)
    assert resolve("le 10 juillet", dt.date(2019, 7, 11)).year_only


def test_weekday_with_day_month_picks_a_consistent_year():
    # 3 mars 2023 was a Friday, 3 mars 2024 a Sunday: « vendredi 3 mars » read on 12 March 2024
    # can only be last year's
    assert day("vendredi 3 mars", TUESDAY) == dt.date(2023, 3, 3)
    assert day("dimanche 3 mars", TUESDAY) == dt.date(2024, 3, 3)


def test_29_february_in_a_common_year():
    assert day("le 29 février", dt.date(2023, 3, 5)) == dt.date(2020, 2, 29)


# -- « il y a » ------------------------------------------------------------------------------------
def test_ago_with_numbers_in_words():
    r = resolve("il y a deux semaines", TUESDAY)
    assert (r.day, r.approximate, r.label()) == (dt.date(2024, 2, 27), True, "vers le 27 février 2024")
    r = resolve("il y a trois mois", TUESDAY)
    assert (r.precision, r.start, r.approximate, r.label()) == (MONTH, dt.date(2023, 12, 1), True, "vers décembre 2023")
    assert resolve("il y a un mois", dt.date(2024, 3, 31)).start == dt.date(2024, 2, 1)  # no 31 février
    assert resolve("Il y a 14 mois", TUESDAY).start == dt.date(2023, 1, 1)
    r = resolve("il y a vingt-cinq ans", TUESDAY)
    assert (r.precision, r.start.year, r.label()) == (YEAR, 1999, "vers 1999")
    assert resolve("il y a quatre-vingts ans", TUESDAY).start.year == 1944
    assert resolve("il y a une décennie", TUESDAY).start.year == 2014
    assert resolve("depuis deux ans", TUESDAY).label() == "depuis 2022 environ"


def test_words_to_number():
    assert words_to_number("3") == 3
    assert words_to_number("vingt et un") == 21
    assert words_to_number("soixante-dix") == 70
    assert words_to_number("quatre-vingt-dix-neuf") == 99
    assert words_to_number("deux cents") == 200
    assert words_to_number("quelques") is None


@pytest.mark.parametrize("expr", ["il y a quelques mois", "il y a plusieurs années", "depuis quelques jours",
                                  "il y a un peu plus de deux ans"])
def test_vague_expressions_are_relative_but_unresolved(expr):
    assert is_relative(expr)
    assert resolve(expr, TUESDAY) is None
    assert describe(expr, "2024-03-12") == "article du 12 mars 2024"
    n = note(expr, 2, "2024-03-12")
    assert n is not None and n.resolved is None and n.period is None and n.published == "2024-03-12"


# -- what is not relative, and no date -------------------------------------------------------------
@pytest.mark.parametrize("expr", ["le 10 juillet 2019", "en avril 2016", "depuis 2014", "en 1987", "au XVIIe siècle",
                                  "dans les années 1980", "septembre 2019", "Moscou", ""])
def test_absolute_expressions_are_left_alone(expr):
    assert not is_relative(expr)
    assert resolve(expr, TUESDAY) is None
    assert describe(expr, "2024-03-12") is None
    assert note(expr, 1, "2024-03-12") is None


@pytest.mark.parametrize("published", [None, "", "inconnue"])
def test_no_publication_date_no_note(published):
    assert resolve("lundi", published) is None
    assert describe("lundi", published) is None
    assert note("lundi", 1, published) is None


def test_relative_recognition():
    for expr in ("lundi", "hier", "la semaine dernière", "le mois dernier", "l'an dernier", "fin février dernier",
                 "début mars", "il y a trois jours", "il y a quelques mois", "le 10 juillet", "mercredi 3 mars"):
        assert is_relative(expr), expr
    assert not is_relative("sept personnes")  # « sept » is a number, not September


def test_describe_and_note_words():
    assert describe("lundi", "2024-03-12") == "soit le 11 mars 2024, date déduite de la parution du 12 mars 2024"
    assert describe("le 10 juillet", "2019-07-11") == \
        "soit le 10 juillet 2019, année déduite de la parution du 11 juillet 2019"
    n = note("lundi", 1, "2024-03-12")
    assert n.to_json() == {"text": "lundi", "citation": 1, "published": "2024-03-12", "resolved": "2024-03-11",
                           "period": ["2024-03-11", "2024-03-11"], "precision": "day", "label": "le 11 mars 2024",
                           "approximate": False, "inferred": True}
    n = note("fin février dernier", 1, "2024-03-12")
    assert n.resolved is None and n.period == ("2024-02-21", "2024-02-29") and n.precision == MONTH_PART
    assert resolve("lundi", "2024-03-12T08:00:00") == resolve("lundi", TUESDAY) == resolve("lundi", MONDAY + dt.timedelta(1))
