"""French départements and regions: names that are places, never someone who did something.

« au centre hospitalier de Valence (Drôme) », « à Saint-Pierre-sur-Dives (Calvados) »: news
articles put the département after a town, in brackets or after a comma, and a « qui » question
must not be answered by it. The list is the administrative one (départements and regions; not
Paris, which also names a club and a city that « a battu » or « a signé »),
folded (lower case, no accents) for comparison with :func:`index.analysis.fold`.
"""

from __future__ import annotations

from index.analysis import fold

_NAMES = """
Ain|Aisne|Allier|Alpes-de-Haute-Provence|Hautes-Alpes|Alpes-Maritimes|Ardèche|Ardennes|Ariège|Aube|Aude|Aveyron|
Bouches-du-Rhône|Calvados|Cantal|Charente|Charente-Maritime|Cher|Corrèze|Corse-du-Sud|Haute-Corse|Côte-d'Or|
Côtes-d'Armor|Creuse|Dordogne|Doubs|Drôme|Eure|Eure-et-Loir|Finistère|Gard|Haute-Garonne|Gers|Gironde|Hérault|
Ille-et-Vilaine|Indre|Indre-et-Loire|Isère|Jura|Landes|Loir-et-Cher|Loire|Haute-Loire|Loire-Atlantique|Loiret|Lot|
Lot-et-Garonne|Lozère|Maine-et-Loire|Manche|Marne|Haute-Marne|Mayenne|Meurthe-et-Moselle|Meuse|Morbihan|Moselle|
Nièvre|Nord|Oise|Orne|Pas-de-Calais|Puy-de-Dôme|Pyrénées-Atlantiques|Hautes-Pyrénées|Pyrénées-Orientales|Bas-Rhin|
Haut-Rhin|Rhône|Haute-Saône|Saône-et-Loire|Sarthe|Savoie|Haute-Savoie|Seine-Maritime|Seine-et-Marne|Yvelines|
Deux-Sèvres|Somme|Tarn|Tarn-et-Garonne|Var|Vaucluse|Vendée|Vienne|Haute-Vienne|Vosges|Yonne|Territoire de Belfort|
Essonne|Hauts-de-Seine|Seine-Saint-Denis|Val-de-Marne|Val-d'Oise|Guadeloupe|Martinique|Guyane|La Réunion|Réunion|Mayotte|
Auvergne-Rhône-Alpes|Bourgogne-Franche-Comté|Bretagne|Centre-Val de Loire|Corse|Grand Est|Hauts-de-France|
Île-de-France|Normandie|Nouvelle-Aquitaine|Occitanie|Pays de la Loire|Provence-Alpes-Côte d'Azur
"""

TERRITORIES: frozenset[str] = frozenset(fold(n.strip().lower()).replace("’", "'") for n in _NAMES.split("|") if n.strip())


def is_territory(name: str) -> bool:
    """Whether ``name`` is a French département or region (« Drôme », « Calvados »)."""
    return fold(name.strip().lower()).replace("’", "'") in TERRITORIES
