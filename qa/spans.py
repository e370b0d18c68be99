"""Typed spans inside one sentence: dates, numbers with units, names, places.

The short answer must be a span of the cited sentence, never invented text, so extraction only
ever returns offsets into the sentence. Regular expressions plus French capitalisation rules;
candidates are deliberately generous, the answerer chooses among them (closeness to the words
of the question, not repeating the question).
"""

from __future__ import annotations

import re

from index.analysis import fold
from qa.qtypes import DATE, NAME, NUMBER, PERSON, PLACE

Span = tuple[int, int]

_MONTH = (r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
          r"|janv\.|f[ée]vr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\.)")
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_YEAR = r"(?:1\d{3}|20\d{2}|\d{2,3}(?=\s*(?:av|apr)))"
_WRITTEN = (r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
            r"vingts?|trente|quarante|cinquante|soixante|cents?|mille|quelques|plusieurs)")
_REL_UNIT = r"(?:jours?|semaines?|mois|ans|années|annees|décennies|siècles?|heures?|minutes?)"
_ROMAN = r"(?:[IVXL]+|\d{1,2})(?:e|è|ème|eme|er)"
_CLOCK = (r"(?:(?:(?:à partir de|à|vers|dès|peu avant|peu après|avant|après|jusqu'à|aux alentours de)\s+)?"
          r"(?:[01]?\d|2[0-3])\s*h\s*(?:[0-5]\d)?(?!\w)"
          r"|(?:à partir de|à|vers|dès|peu avant|peu après|jusqu'à|aux alentours de)\s+(?:[01]?\d|2[0-3])\s+heures?(?:\s+[0-5]\d)?)"
          # « vers 3 heures du matin », « à 9 h du soir »: the part of the day belongs to the hour
          r"(?:\s+(?:du\s+matin|du\s+soir|de\s+l['’]apr[èe]s-midi|de\s+la\s+nuit)(?!\w))?")
#: a clock time alone (« à quelle heure » questions take only these)
CLOCK_RE = re.compile(rf"(?<!\w)(?:{_CLOCK})", re.IGNORECASE)

_DATE_PATTERNS = [
    # ranges first, so that « du 17 au 20 juillet 2025 » is one answer, not « au 20 juillet 2025 »
    rf"(?:dans la nuit\s+)?(?:du|entre le|entre)\s+(?:1er|\d{{1,2}})(?:\s+{_MONTH})?\s+(?:au|et le|et)\s+(?:1er|\d{{1,2}})\s+{_MONTH}(?:\s+{_YEAR})?",
    rf"(?:de|d['’]|entre)\s+{_MONTH}(?:\s+{_YEAR})?\s+(?:à|et)\s+{_MONTH}(?:\s+{_YEAR})?",
    # le 10 juillet 2019, mercredi 3 mars, ce 19 novembre, le 1er mai, à partir du 18 novembre
    rf"(?:(?:le|ce|du|au|dès le|depuis le|jusqu'au|avant le|après le|à partir du|à compter du)\s+)?(?:{_WEEKDAY}\s+)?(?:1er|\d{{1,2}})\s+{_MONTH}(?:\s+(?:{_YEAR}|dernier|prochain))?",
    # en avril 2016, fin février (dernier), début mars, mi-juillet, en septembre 2019
    rf"(?:(?:en|depuis|dès|jusqu'en|(?:à la\s+)?(?:fin|début|mi|courant|mi-)\s*|(?:à la\s+)?mi-)\s*)+{_MONTH}(?:\s+(?:{_YEAR}|dernier|prochain))?",
    rf"{_MONTH}\s+{_YEAR}",
    # « jusqu'à la fin du mois de septembre », « au début du mois d'août »
    rf"(?:jusqu['’]à\s+|à\s+|dès\s+|avant\s+|après\s+|d['’]ici\s+(?:à\s+)?)?(?:la\s+|au\s+)?(?:fin|début|milieu)\s+du\s+mois\s+(?:de\s+|d['’]){_MONTH}(?:\s+{_YEAR})?",
    # « dès la rentrée 2027 », « à la rentrée scolaire »: the start of the school year
    rf"(?:(?:dès|depuis|avant|après|pour|jusqu['’]à)\s+la|à\s+la)\s+rentrée(?:\s+(?:scolaire|universitaire|de\s+septembre))?"
    rf"(?:\s+(?:{_YEAR}|prochaine|dernière))?|la\s+rentrée\s+(?:{_YEAR}|prochaine|dernière)",
    # « du VIe et du VIIe siècle », « entre le XIIe et le XIVe siècle »: one answer
    rf"(?:du|au|le|entre le|entre)\s+{_ROMAN}(?:\s+siècle)?\s+(?:et|au|à)\s+(?:du\s+|le\s+|au\s+)?{_ROMAN}\s+siècles?",
    # au XVIIe siècle, du 19e siècle
    rf"(?:(?:au|du|le|en|dès le|depuis le|(?:au\s+|à\s+la\s+|la\s+)?(?:fin|début|milieu)\s+du)\s+)?{_ROMAN}\s+siècles?(?:\s+av(?:ant|\.)\s+J\.?-?C\.?)?",
    # au printemps, à l'automne, cet été 2024, à partir de l'automne (« été » alone is a participle)
    rf"(?:(?:dès|depuis|jusqu'à|à partir de|avant|après|pendant|durant|courant)\s+)?(?:au\s+printemps|ce\s+printemps"
    rf"|(?:à\s+)?l['’](?:été|automne|hiver)|cet\s+(?:été|automne|hiver)|en\s+(?:été|automne|hiver))"
    rf"(?:\s+(?:{_YEAR}|dernier|prochain))?",
    # dans les années 1980
    r"(?:dans\s+)?les\s+années\s+(?:\d{2}|\d{4})",
    # il y a quelques mois, depuis deux ans
    # « il y a environ 72 millions d'années »
    rf"(?:il y a|depuis|voici|pendant|durant)\s+(?:(?:environ|près de|plus de|moins de|quelque)\s+)?"
    rf"(?:{_WRITTEN}(?:[- ](?:et[- ])?(?:{_WRITTEN}|un|une))*|\d+(?:,\d+)?|un|une)(?:\s+(?:millions?|milliards?|mille)\s+d['’]\s*|\s+){_REL_UNIT}",
    # « depuis ses quinze ans », « dès l'âge de 8 ans », « depuis son enfance »: a time of life
    rf"(?:depuis|dès)\s+(?:ses|leurs|l['’]âge\s+de)\s+(?:{_WRITTEN}(?:[- ](?:et[- ])?(?:{_WRITTEN}|un|une))*|\d+)\s+ans",
    r"(?:depuis|dès)\s+(?:son|sa|leur)\s+(?:enfance|adolescence|jeunesse|plus\s+jeune\s+âge)",
    # « d'ici à la fin du premier trimestre 2026 », « au second semestre », « fin du troisième trimestre »
    rf"(?:d['’]ici\s+(?:à\s+)?|avant\s+|dès\s+|depuis\s+|jusqu['’]à\s+|à\s+partir\s+d[eu]\s+|au\s+cours\s+d[eu]\s+|pendant\s+|durant\s+)?"
    rf"(?:(?:la\s+|à\s+la\s+|au\s+)?(?:fin|début|milieu)\s+d[eu]\s+|au\s+|du\s+|le\s+|ce\s+)?"
    rf"(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e|dernier)\s+(?:trimestre|semestre)"
    rf"(?:\s+(?:de\s+)?{_YEAR}|\s+(?:prochain|dernier))?",
    # en 1987, depuis 2014, de 1994 à 2003, d'ici à 2030
    rf"(?:(?:en|depuis|dès|de|vers|jusqu'en|d['’]ici(?:\s+à)?|avant|après|à partir de|entre|fin|début|(?:à la\s+)?fin de(?:\s+la)?\s+\w+"
    # « d'ici à la fin de l'année 2026 »
    rf"|(?:d['’]ici\s+(?:à\s+)?)?(?:(?:à\s+)?la\s+)?(?:fin|début|milieu)\s+de\s+l['’](?:année|exercice))\s+)?{_YEAR}(?:\s*(?:-|–|à|et)\s*{_YEAR})?(?!\d|[,.]\d|\s*(?:%|personnes|habitants|euros|dollars|km|m\b))",
    # « vers 260, à une époque où… », « en 476. »: an early year, said with its preposition and nothing after it
    rf"(?:vers|en|dès|jusqu['’]en|avant|après)\s+(?:l['’]an\s+)?\d{{2,3}}(?=\s*[,;:)]|\.(?!\d)|\s*$)",
    # clock times: vers 7 h 30, à 14h, dès 20 heures
    rf"{_CLOCK}",
    # « le jour de l'inauguration », « le jour du scrutin »: a day named by its event
    r"(?:le|ce|dès le|jusqu['’]au)\s+jour\s+(?:de\s+l['’]|de\s+la\s+|du\s+|de\s+son\s+|de\s+sa\s+)[a-zàâçéèêëîïôûù]{4,}",
    # « dans la nuit de jeudi à vendredi », « dans la nuit de samedi »: one answer, not « jeudi »
    rf"(?:dans\s+|durant\s+|pendant\s+)?la\s+nuit\s+(?:de\s+|du\s+)?{_WEEKDAY}(?:\s+(?:à|au)\s+{_WEEKDAY})?",
    # lundi, ce mercredi matin, vendredi dernier
    rf"(?:(?:ce|le|dès|depuis|avant|après|jusqu'à)\s+)?{_WEEKDAY}(?:\s+(?:matin|soir|midi|après-midi|dernier|prochain))?",
    r"\b(?:hier|aujourd'hui|aujourd’hui|demain|avant-hier|ce matin|ce soir|cette année|cette semaine|l[’']an dernier|l[’']année dernière|la semaine dernière|le mois dernier|l[’']an passé|"
    r"après-demain|cette nuit|la semaine prochaine|le mois prochain|l[’']an prochain|l[’']année prochaine|l[’']année passée)\b",
]
# whole words only: « en mai » is not in « l'ancien maire », nor « mardi » in « mardistes »
DATE_RE = re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in _DATE_PATTERNS) + r")(?<![\s-])(?!\w)", re.IGNORECASE)

#: a word that can be a figure's unit: not an elided pronoun or negation (« n'avait », « qu'il »)
_UNIT_WORD = r"(?!(?:n|l|qu|s|c|j|m|t)['’])[a-zà-ÿœæ][\w’'-]*"
_NUM_CORE = r"\d+(?:[.\u00a0\u202f ]\d{3})*(?:[,.]\d+)?"
_SCALE = r"(?:\s+(?:millions?|milliards?|mille|billions?))"
NUMBER_RE = re.compile(
    # (« auprès de 640 exploitations » is no « près de »)
    rf"(?:(?<!\w)(?:près de|environ|plus de|moins de|au moins|au plus|quelque|jusqu['’]à|pas moins de|presque|un peu plus de|un peu moins de)\s+)?"
    rf"(?:{_NUM_CORE}|(?:{_WRITTEN})(?:[- ](?:{_WRITTEN}|et|un|une))*\b)"
    rf"(?:{_SCALE})?"
    # a symbol, or a unit word that ends there (« 1.200 habitants » is not « 1.200 ha »)
    rf"(?:(?:\s*(?:%|‰|€|\$|°C?)|\s*(?:pour\s?cent|km/h|m/s|km²|km2|km|m²|m2|m³|m3|mm|cm|kg|t|ha|MW|GW|kWh|MWh|TWh|ans|(?:kilo|centi)?mètres?\s+(?:carrés?|cubes?)|mètres|euros|dollars)(?![\w²³/]))"
    # after a unit, only what it measures (« 12 ha de vignes »), not the next clause (« 22 ans n'avait »)
    rf"(?:\s+(?:de\s+|d['’]){_UNIT_WORD})?|\s+(?:de\s+|d['’])?{_UNIT_WORD})?",
    re.IGNORECASE,
)
#: « un seul combat », « une seule fois »: one, said so; « Aucun décès »: none
SINGLE_RE = re.compile(rf"(?<!\w)(?:(?:un|une)\s+seule?(?:\s+{_UNIT_WORD})?|aucune?\s+{_UNIT_WORD})", re.IGNORECASE)
#: « 285 voix contre 270 », « six voix contre deux »: the rest of a tally after its first number
VERSUS_RE = re.compile(rf"\s+contre\s+(?:\d+(?:[.\u00a0\u202f ]\d{{3}})*(?:,\d+)?|{_WRITTEN}|une?)\b(?:\s*%)?", re.IGNORECASE)
#: « 22 et 25 ans », « 3 ou 4 jours »: a figure before a coordinated one that carries the unit
_COORD_BEFORE = re.compile(r"(?<![\w.,])\d+(?:,\d+)?\s+(?:et|ou|à)\s+$")
#: « un train sur trois », « une personne sur cinq »: a proportion is one figure, not « trois »
RATIO_RE = re.compile(rf"\b(?:une?|{_WRITTEN}|\d+)\s+(?:[^\W\d][\w’'-]*\s+){{1,2}}?sur\s+(?:{_WRITTEN}|dix|cent|\d+)\b",
                      re.IGNORECASE)
#: a time of a race or a record: « 2 h 03 min 58 s », « 2h18'40 », « 3 min 26 s », « 9 s 58 »
#: « au terme de 2 h 41 de jeu »: hours and minutes that are a length, not a clock time (« à 7 h 12 »)
HOURS_RE = re.compile(r"(?<![\w,.])(?<!à )(?<!vers )(?<!dès )(?<!avant )(?<!après )(?<!jusqu'à )(?<!jusqu’à )"
                      r"\d{1,2}\s*h\s*\d{2}(?![\d,.]|\s*(?:min\b|['’]))")
RACE_TIME_RE = re.compile(r"(?<![\w,.])(?:\d{1,2}\s*h\s*\d{2}\s*(?:min\b|['’])\s*(?:\d{2}(?:[,.]\d+)?\s*(?:s\b|['’]{2}|\b))?"
                          r"|\d{1,3}\s*min\s*\d{1,2}(?:[,.]\d+)?\s*s\b(?:\s*\d{2}\b(?!\s*(?:%|ans?\b|[a-zé])))?)")
#: the unit of measure after an approximate count (« une quinzaine de mètres »)
_APPROX_UNIT = re.compile(r"\s+(?:de|d['’])\s*(?:kilomètres|mètres|centimètres|km|tonnes|kilos|litres|hectares|euros|dollars|degrés|"
                          # « une vingtaine de minutes », « une dizaine de jours »: a duration
                          r"secondes|minutes|heures|jours|semaines|années)(?!\w)",
                          re.IGNORECASE)
#: « de moitié », « la moitié », « un tiers », « les trois quarts »: a share said in words
FRACTION_RE = re.compile(r"\b(?:de\s+moitié|(?:la|une)\s+moitié|(?:un|deux)\s+tiers|(?:un|trois)\s+quarts?|(?:les\s+)?deux\s+tiers|les\s+trois\s+quarts)\b",
                         re.IGNORECASE)
#: « une heure », « un an »: « un/une » count as numbers only before a unit of measure.
ONE_RE = re.compile(r"\b(?:(?:plus|près|moins)\s+d['’]|environ\s+)?(?:une?)\s+(?:heure|minute|seconde|journée|jour|semaine|mois|an|année|fois|siècle|mètre|kilomètre|centimètre|millimètre|kilogramme|kilo|tonne|litre|hectare|degré|euro|dollar|dizaine|centaine|douzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|quinzaine|millier|million|milliard)s?\b", re.IGNORECASE)

_CAP = r"(?:[A-ZÀ-ÝŒ][\w’'.-]*[\w]|[A-ZÀ-ÝŒ])"
#: a middle or first initial inside a name: « William M. Jennings », « le musée J. Paul Getty »; not
#: « M. » (Monsieur) unless a first name comes before it
_INITIAL = (r"(?:(?<=(?<![\w'’.-])[A-LN-ZÀ-Ý])|" + "|".join(rf"(?<=[A-ZÀ-Ý][a-zà-ÿ]{{{n}}} M)" for n in range(2, 12))
            + r")\.\s+(?=[A-ZÀ-ÝŒ][a-zà-ÿ])")
_CONNECT = r"(?:" + _INITIAL + r"|-(?:sur|sous|en|lès|lez|les|le|la|de|du|des|aux|au|et|l['’])-|(?:(?<=Pointe)|(?<=Cap)|(?<=Anse)|(?<=Île)|(?<=Ile)|(?<=Bois)|(?<=Col)|(?<=Trou)|(?<=Puy)|(?<=Roche)|(?<=Rocher)|(?<=Croix)|(?<=Mont)|(?<=Pont)|(?<=Port)|(?<=Pas)|(?<=Val))\s+(?:au|aux)\s+(?=[A-ZÀ-ÝŒ])|\s+de\s+l['’]|\s+de\s+la\s+|\s+(?:de|du|des|d['’]|von|van|der|den|da|di|del|della|la|le|al-|ben|bin|y|of|the|and)\s*|\s*&\s*|\s+|-)"
_OF = r"(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])"
_LOWER_WORD = r"[a-zàâçéèêëîïôûù][a-zàâçéèêëîïôûù-]{2,}(?![\w-])"
#: the scope adjectives of a public body (« l'Agence nationale », « le Conseil régional »)
_BODY_ADJ = (r"(?:national|nationale|régional|régionale|départemental|départementale|européen|européenne"
             r"|international|internationale)")
#: lower-case adjectives that belong to an institution's name (« la Commission européenne »,
#: « l'Assemblée nationale », « le Conseil constitutionnel », « les Nations unies »)
_NAME_ADJ = (r"(?:"
             # a school named by adjectives and its field: « le Conservatoire national supérieur d'art
             # dramatique de Paris », « l'École nationale supérieure des mines de Nancy »
             r"(?:(?<=Conservatoire)|(?<=École)|(?<=Ecole)|(?<=Institut)|(?<=Université)|(?<=Académie))"
             rf"(?:\s+(?:{_BODY_ADJ}|supérieur|supérieure|normal|normale|municipal|municipale|polytechnique)(?![\w-])){{1,3}}"
             rf"(?:\s+{_OF}{_LOWER_WORD}(?:\s+{_LOWER_WORD})?(?=\s+{_OF}[A-ZÀ-ÝŒ]))?(?:\s+{_OF}{_CAP}(?:-{_CAP})*)?"
             # a national body and its field: « l'Agence nationale de la recherche », « l'Office national
             # des forêts », « le Centre national de la recherche scientifique »
             r"|(?:(?<=Agence)|(?<=Office)|(?<=Centre)|(?<=Institut)|(?<=Conseil)|(?<=Observatoire)|(?<=Fonds)|(?<=Caisse))"
             rf"\s+{_BODY_ADJ}\s+{_OF}{_LOWER_WORD}(?:\s+(?:scientifique|médicale|publique|technique|agricole|sociale|économique|spatiale|nucléaire))?"
             r"|\s+(?:européen|européenne|européens|national|nationale|nationaux|international|internationale|"
             r"mondial|mondiale|constitutionnel|fédéral|fédérale|unies|unis|olympique|paralympique|centrale|"
             r"populaire|suprême|pénale|administratif|administrative|correctionnel|judiciaire|"
             r"(?<=Force\s)ouvrière|(?<=Lutte\s)ouvrière)(?![\w-])"
             # a club named by its town's adjective: « le Stade toulousain », « l'Olympique lyonnais »
             r"|(?:(?<=Stade)|(?<=Olympique)|(?<=Racing)|(?<=Sporting)|(?<=Union)|(?<=Athletic))"
             r"\s+(?!(?:prochain|certain|lointain|soudain|humain|ancien|voisin|malin|quotidien)e?\b)[a-zéèêëîïôûç-]+(?:ais|aise|ois|oise|ain|aine|ien|ienne|in|ine)(?![\w-])"
             # « l'Office anti-cybercriminalité (OFAC) »
             r"|(?:(?<=Office)|(?<=Agence)|(?<=Direction)|(?<=Brigade)|(?<=Service)|(?<=Centre)|(?<=Pôle))"
             r"\s+anti-[a-zàâçéèêëîïôûù-]+(?:\s+\([A-Z]{2,8}\))?"
             # an institution named by a common noun: « l'Autorité de la concurrence », « la Cour des comptes »
             r"|(?:(?<=Autorité)|(?<=Cour)|(?<=Agence)|(?<=Office)|(?<=Caisse)|(?<=Chambre)|(?<=Commission)|(?<=Comité)"
             r"|(?<=Conseil)|(?<=Direction)|(?<=Inspection)|(?<=Tribunal)|(?<=Institut)|(?<=Observatoire)|(?<=Fédération)"
             r"|(?<=Confédération)|(?<=Ligue)|(?<=Ministère)|(?<=Banque)|(?<=Syndicat)|(?<=Parquet)|(?<=Bureau)"
             r"|(?<=Centre)|(?<=Service)|(?<=Haut-Commissariat)|(?<=Établissement)|(?<=Cercle)|(?<=Club)|(?<=Amicale))"
             # « l'Office français de la biodiversité (OFB) »: a nationality between
             r"(?:\s+(?:français|française|européen|européenne|national|nationale|international|internationale))?"
             rf"\s+{_OF}{_LOWER_WORD}"
             # « le Bureau d'enquêtes et d'analyses (BEA) », « l'Institut de géodynamique d'Athènes »
             rf"(?:\s+et\s+{_OF}?{_LOWER_WORD})?(?:\s+{_OF}{_CAP}(?:-{_CAP})*)?(?:\s+\([A-Z]{{2,8}}\))?)?")
NAME_RE = re.compile(rf"{_CAP}(?:{_CONNECT}{_CAP})*{_NAME_ADJ}")
_PLACE_PREP = (r"(?:à|au|aux|en|dans|vers|près de|depuis|jusqu[’']à"
               # « sur le site de Kerampuilh », « sur l'île de Ré », « sur les bords de la Loire »
               r"|sur\s+(?:le\s+site|l['’]île|l['’]ile|les\s+bords|la\s+côte|le\s+territoire|le\s+plateau)\s+(?:de|du|des|d['’]))")
_ART = r"(?:(?:la|le|les|l['’])\s*)"
_LOW = r"[a-zà-ÿœ][a-zà-ÿœ'’-]*"
#: a common-noun head before the name, « le parvis de la gare Saint-Jean », « au musée
#: archéologique de Strasbourg », « à hauteur de Loriol-sur-Drôme »: a noun, maybe an adjective,
#: « de », then maybe one more noun (« gare ») before the name
_PLACE_HEAD = (rf"(?:{_LOW}\s+(?:{_LOW}\s+)?(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+|d['’])\s*{_ART}?"
               # « à la salle des fêtes d'Oullins »: a second noun and its own « de »
               # (not « de la ville de Sitia »: the town is the place)
               rf"(?:(?!d['’]){_LOW}\s+|(?!(?:ville|commune|village|localité|région|département)\b){_LOW}"
               rf"(?:\s+(?:de\s+la\s+|de\s+l['’]|de\s+|du\s+|des\s+)|\s+d['’]))?|{_LOW}\s+)")
PLACE_RE = re.compile(rf"\b{_PLACE_PREP}\s+{_ART}?{_PLACE_HEAD}?{_CAP}(?:{_CONNECT}{_CAP})*{_NAME_ADJ}")
#: « sur le parvis de la gare Saint-Jean », « devant l'hôtel de ville de Lyon »: prepositions that
#: introduce a place only through a common noun
PLACE_NOUN_RE = re.compile(rf"\b(?:sur|devant|derrière|sous)\s+{_ART}{_PLACE_HEAD}{_CAP}(?:{_CONNECT}{_CAP})*")

#: « dans le 3e arrondissement de Lyon », « le 11e arrondissement »
DISTRICT_RE = re.compile(rf"\b(?:(?:dans|à)\s+)?(?:le\s+)?\d{{1,2}}(?:e|er|ème)\s+arrondissement(?:\s+(?:de\s+|d['’]){_CAP}(?:{_CONNECT}{_CAP})*)?")

#: Capitalised words that start sentences or titles but are not names.
_NOT_NAMES = frozenset(
    """le la les l un une des du de d ce cet cette ces il elle ils elles on nous vous je j en dans par pour
    sur sous avec sans mais et ou donc or ni car selon ainsi alors après avant depuis lors pendant quand
    comme si cela ceci c qu que qui quoi dont où a à au aux son sa ses leur leurs mon ma mes notre nos
    votre vos tout toute tous toutes enfin puis cependant toutefois néanmoins pourtant outre parmi entre
    suite seulement également aussi déjà encore même m mm mme mlle dr pr st ste the this that of""".split()
)
_TITLES = frozenset("général président ministre roi reine pape prince princesse saint sainte maréchal colonel amiral docteur".split())
#: Nationalities, capitalised as nouns in French news, that run into the name they qualify:
#: « le Belge Lennert Van Eetvelt », « le Français Romain Grégoire » are the riders, not « Belge … »
NATIONALITIES = frozenset(
    """français française belge belges suisse suisses allemand allemande britannique anglais anglaise
    irlandais irlandaise écossais écossaise espagnol espagnole italien italienne portugais portugaise
    néerlandais néerlandaise luxembourgeois luxembourgeoise danois danoise suédois suédoise norvégien
    norvégienne finlandais finlandaise polonais polonaise tchèque slovaque hongrois hongroise autrichien
    autrichienne slovène croate serbe roumain roumaine bulgare grec grecque turc turque russe ukrainien
    ukrainienne biélorusse estonien estonienne letton lettonne lituanien lituanienne américain américaine
    canadien canadienne mexicain mexicaine brésilien brésilienne argentin argentine colombien colombienne
    chilien chilienne équatorien équatorienne vénézuélien vénézuélienne péruvien péruvienne cubain cubaine
    chinois chinoise japonais japonaise coréen coréenne indien indienne pakistanais pakistanaise iranien
    iranienne irakien irakienne syrien syrienne libanais libanaise israélien israélienne palestinien
    palestinienne égyptien égyptienne marocain marocaine algérien algérienne tunisien tunisienne libyen
    libyenne sénégalais sénégalaise ivoirien ivoirienne malien malienne camerounais camerounaise
    nigérian nigériane éthiopien éthiopienne kényan kényane sud-africain sud-africaine australien
    australienne néo-zélandais néo-zélandaise saoudien saoudienne qatari émirati afghan afghane
    kazakh ouzbek géorgien géorgienne arménien arménienne azerbaïdjanais""".split()
)
#: Portfolios, capitalised in French news, that run into the minister's name:
#: « le ministre de la Défense Jean-Yves Le Drian » is a person, not « Défense Jean-Yves Le Drian ».
_PORTFOLIOS = frozenset(
    """défense intérieur justice économie santé culture travail éducation agriculture armées finances
    transports écologie logement sports budget industrie commerce environnement recherche
    numérique outre-mer""".split()
)


_DETERMINER_AFTER = re.compile(r"\s+(?:la|le|les|l['’]|un|une|des|du|au|aux|ce|cette|ces|son|sa|ses|leur|leurs)\b", re.IGNORECASE)
_NOT_UNITS = frozenset(
    """et ou à au aux en sur sous dans par pour avec sans de des du le la les l un une qui que dont mais ni
    selon contre entre vers chez depuis pendant avant après est sont a ont était fut se sa son ses ce
    il elle ils elles on nous vous seulement environ déjà encore aussi chacun chacune chaque
    jusqu'à jusqu’à jusqu'au jusqu’au jusqu'aux jusqu’aux lorsque puis
    nécessaires requis requises exigés exigées indispensables""".split()
)


#: units said in the singular before an article (« 1,712 euro le litre », « 1,5 mètre la seconde »)
_SINGULAR_UNITS = frozenset("euro dollar franc livre yen litre mètre kilomètre centimètre kilo kilogramme gramme "
                            "tonne degré point heure minute seconde jour mois an".split())


#: « Baptisé Occitanosaurus », « Surnommée la Dame de fer »: a participle that gives a name
_NAMING_WORD = re.compile(r"(?:baptisé|nommé|dénommé|surnommé|appelé|intitulé)e?s?")


def _strip_leading(sentence: str, s: int, e: int) -> tuple[int, int]:
    """Drop capitalised function words (« Le », « Selon ») at the start of a name span."""
    while s < e:
        m = re.match(r"(\w+)(?:\s+|['’])?", sentence[s:e])
        if not m:
            break
        word = m.group(1).lower().rstrip("’'")
        rest = sentence[s + m.end() : e]
        if word in _TITLES and sentence[s + len(m.group(1)) : s + len(m.group(1)) + 1] == "-":
            break  # « Saint-Malo-de-Phily », « Sainte-Anne »: a place, not the title « saint »
        if word in _NOT_NAMES or word in _TITLES or _NAMING_WORD.fullmatch(word) or (
                (word in _PORTFOLIOS or word in NATIONALITIES) and re.match(r"[A-ZÀ-ÝŒ]", rest)):
            s += m.end()
            while s < e and sentence[s] in " '’":
                s += 1
        else:
            break
    return s, e


def trim_span(sentence: str, s: int, e: int) -> tuple[int, int]:
    """Shrink [s, e) past surrounding spaces, punctuation and quotes."""
    while s < e and sentence[s] in " ,;:.-–«»\"“”()'’":
        s += 1
    while e > s and sentence[e - 1] in " ,;:.-–«»\"“”()'’":
        if sentence[e - 1] == ")" and sentence.count("(", s, e) > sentence.count(")", s, e - 1):
            break  # « Bureau d'enquêtes et d'analyses (BEA) »: the name's own acronym
        e -= 1
    return s, e


def date_spans(sentence: str) -> list[Span]:
    return [trim_span(sentence, *m.span()) for m in DATE_RE.finditer(sentence) if m.group(0).strip()]


#: a determiner and a common noun right before a number make it the thing's label (« la ligne 16 »)
_LABEL_BEFORE = re.compile(r"(?:^|[\s(])(?:(?:la|le|les|sa|son|ses|leur)\s+|l['’]\s*)(?!total\b|moins\b|plus\b)[a-zàâçéèêëîïôûù]{3,}(?:\s+(?:départementale|nationale|communale))?\s+$")


_CURRENCY_OF = re.compile(r"\s+(?:suédoises?|danoises?|norvégiennes?|tchèques?|suisses?|américains?|canadiens?|australiens?|"
                          r"hongkongais|singapouriens?|indiennes?|mexicains?|argentins?|sterling)\b")


def number_spans(sentence: str) -> list[Span]:
    """Numbers with their unit (« près de 2.900 Russes », « 80% », « une heure »)."""
    out: list[Span] = []
    for m in NUMBER_RE.finditer(sentence):
        s, e = m.span()
        text = m.group(0)
        if not re.search(r"\d", text) and not re.search(_WRITTEN, text, re.IGNORECASE):
            continue
        # don't start inside a word (« sept » in « septembre », « cent » in « centre »)
        if s > 0 and (sentence[s - 1].isalnum()):
            continue
        if text[-1:].isdigit() and re.match(r"(?:e|è|ème|eme|er|re|nd|nde)\b", sentence[m.end():]):
            continue  # an ordinal (« la 10e étape », « 1er »), not an amount
        if text[:1].isdigit() and (sentence[e:e + 1] == "/" or sentence[s - 1 : s] == "/"):
            continue  # « Publié le 22/05/2025 »: a date, no amount
        if text[:1].isdigit() and _LABEL_BEFORE.search(sentence, max(0, s - 30), s):
            continue  # « la ligne 16 », « l'article 49 », « la route départementale 817 »: a label, not an amount
        word = re.match(r"[\w]+", text)
        if word and not word.group(0)[0].isdigit() and not re.fullmatch(
                r"(?:près|environ|plus|moins|au|quelque|jusqu|pas|presque|un)", word.group(0), re.IGNORECASE):
            end_word = re.match(rf"(?:{_WRITTEN})\b", text, re.IGNORECASE)
            if not end_word:
                continue
        s, e = trim_span(sentence, s, e)
        # a month after the number makes it a date; a function word is not a unit
        tail = re.search(r"\s+(?:de\s+|d['’])?([\w’'-]+)$", sentence[s:e])
        if tail and re.fullmatch(_MONTH, tail.group(1), re.IGNORECASE):
            continue
        if tail and re.fullmatch(r"(?:1[5-9]|20)\d\d", sentence[s:s + tail.start()].strip()) and re.search(r"(?:é|ée|és|ées)$", tail.group(1)):
            e = s + tail.start()  # « Le prix Femina 2026 attribué à… »: a year, then a participle, not a unit
        if tail and (tail.group(1).lower() in _NOT_UNITS or (
                # « magnitude 5,8 secoue la Crète »: a word before an article is a verb, not a unit
                not re.search(r"[sx]$", tail.group(1)) and tail.group(1).lower() not in _SINGULAR_UNITS
                and _DETERMINER_AFTER.match(sentence, e))):
            e = s + tail.start()
        cur = _CURRENCY_OF.match(sentence, e) if re.search(r"(?:couronnes?|francs?|dollars?|livres?|roupies?|pesos?)$", sentence[s:e]) else None
        if cur:
            e = cur.end()  # « 11 millions de couronnes suédoises », « 5 millions de dollars américains »
        both = _COORD_BEFORE.search(sentence, max(0, s - 20), s)
        if both and (tail or re.search(r"%|°C?$", sentence[s:e])):  # (« de 2 à 3 % »)
            out = [sp for sp in out if sp[0] < both.start()]  # « 22 et 25 ans »: one answer, not « 22 »
            s = both.start()
            if re.search(r"\bet\s+$", both.group(0)) and (between := re.search(r"\bentre\s+$", sentence[max(0, s - 8):s], re.IGNORECASE)):
                s -= len(between.group(0))  # « entre 250 et 270 grammes »: a range, its bounds said with it
        every = re.search(r"\b(?:toutes|tous)\s+les\s+$", sentence[max(0, s - 12):s], re.IGNORECASE)
        if every:
            s -= len(every.group(0))  # « toutes les huit minutes »: a frequency, not a duration
        if sentence[s:s + 1].isdigit() and s > 0 and sentence[s - 1] in "-−" and (s == 1 or sentence[s - 2] in " (\u00a0\u202f"):
            s -= 1  # « -45 °C », « −3,2 % »: the sign is the figure's
        out.append((s, e))
    for m in SINGLE_RE.finditer(sentence):
        out.append(trim_span(sentence, *m.span()))  # « n'avait perdu qu'un seul combat »: a count of one
    for m in FRACTION_RE.finditer(sentence):
        out.append(trim_span(sentence, *m.span()))  # « réduire de moitié », « un tiers du gaz »
    for m in ONE_RE.finditer(sentence):
        # « une quinzaine de mètres » measures; « une cinquantaine de patients » counts (the noun is the question's)
        unit = _APPROX_UNIT.match(sentence, m.end())
        out.append(trim_span(sentence, m.start(), unit.end() if unit else m.end()))
    for m in [*RACE_TIME_RE.finditer(sentence), *HOURS_RE.finditer(sentence)]:
        # « 2 h 03 min 58 s »: one time, not « 2 h » and two more figures
        out = [sp for sp in out if not (m.start() <= sp[0] < m.end())]
        out.append(m.span())
    for m in RATIO_RE.finditer(sentence):
        # the proportion replaces the figures inside it (« trois » of « un train sur trois »)
        out = [sp for sp in out if not (m.start() <= sp[0] < m.end())]
        out.append(m.span())
    return sorted(sp for sp in out if sp[0] < sp[1])


_ORG_AND = re.compile(rf"\b(?:association|fondation|collectif|coopérative|fédération|société|agence|cabinet|maison|librairie)\s+"
                      rf"({_CAP}(?:{_CONNECT}{_CAP})*\s+et\s+{_CAP}(?:{_CONNECT}{_CAP})*)")


#: « J. Paul Getty », « J.-B. Martin »: a first name's initials glued before a name; « M. » is « monsieur »
_INITIALS_BEFORE = re.compile(r"(?<![\w.’'-])(?!M\.\s)(?:[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)?\s)+$")


#: « Commission de régulation de l'énergie (CRE) », « l'Office français de la biodiversité (OFB) »:
#: a capitalised word, up to eight more words, then the acronym in brackets
DEFINED_RE = re.compile(r"(?<!\w)(?P<long>[A-ZÀ-Ý][\w'’-]+(?:\s+[\w'’-]+){0,8})\s+\((?P<acr>[A-Z][A-Z0-9&-]{1,9})\)")


def initials_start(words: list[str], acr: str) -> int | None:
    """The first word of the longest tail of ``words`` whose capitalised or content words start
    with the acronym's letters in order (« Commission de régulation de l'énergie » for CRE)."""
    for start in range(len(words)):
        if not words[start][:1].isupper():
            continue
        bare = [re.sub(r"^(?:l|d)['’]", "", w, flags=re.IGNORECASE) for w in words[start:]]
        for skip in (frozenset(), _LINKS):
            letters = [w[:1].upper() for w in bare if w[:1].isupper() or (len(w) > 3 and w.lower() not in skip)]
            if fold("".join(letters)).upper() == acr.upper():
                return start
    return None


#: prepositions an acronym skips (« Union internationale pour la conservation de la nature », UICN)
_LINKS = frozenset("pour dans avec sans sous contre entre vers chez auprès".split())


def defined_spans(sentence: str) -> list[Span]:
    """Names spelt out before their acronym, with it: « l'Union internationale pour la
    conservation de la nature (UICN) » is one name, lower-case words and all."""
    out = []
    for m in DEFINED_RE.finditer(sentence):
        acr = m.group("acr").replace("-", "").replace("&", "")
        words = list(re.finditer(r"\S+", m.group("long")))
        start = initials_start([w.group(0) for w in words], acr)
        if start is not None and start < len(words) - 1:
            out.append((m.start("long") + words[start].start(), m.end()))
    return out


def name_spans(sentence: str) -> list[Span]:
    """Runs of capitalised words (people, organisations, places), minus leading function words."""
    out: list[Span] = []
    for m in NAME_RE.finditer(sentence):
        s, e = _strip_leading(sentence, *m.span())
        s, e = trim_span(sentence, s, e)
        if s < e and sentence[s].islower() and (cap := re.search(r"(?<![\w'’-])[A-ZÀ-ÝŒ]", sentence[s:e])):
            s += cap.start()  # « L'association Eau »: the name after the common noun
        at_start = not sentence[:s].strip(" «\"“-–(")
        single = not re.search(r"[\s-]", sentence[s:e])
        # one capitalised word opening the sentence is most often a common word (« Elle », « Selon »),
        # unless a relative clause describes it (« Keolis, qui exploite le réseau, … »)
        described = re.match(r"\s*,\s*qui\s", sentence[e:])
        if s < e and sentence[s].isupper() and not (at_start and single and not sentence[s:e].isupper() and not described):
            initials = _INITIALS_BEFORE.search(sentence, 0, s)
            if initials and not single:
                s = initials.start()  # « J. Paul Getty », not « Paul Getty »; never « M. » (monsieur)
            out.append((s, e))
    # « l'association Eau et Rivières de Bretagne »: after a singular organisation noun, « X et Y » is one name
    out += [m.span(1) for m in _ORG_AND.finditer(sentence)]
    for a, b in defined_spans(sentence):
        # « l'Union internationale pour la conservation de la nature (UICN) », not « Union internationale »
        out = [(s, e) for s, e in out if not a <= s < b or e > b] + [(a, b)]
    return sorted(set(out))


#: « face à l'Olympique lyonnais », « grâce à Airbus »: « à » that introduces no place
_NOT_PLACE_BEFORE = re.compile(r"\b(?:face|grâce|grace|quant|contre|succède|succede|opposé|opposée|oppose|opposant)\s*$", re.IGNORECASE)


#: « rue de Varenne », « 55, rue du Faubourg-Saint-Honoré », « place de la Concorde »: an address is a place
STREET_RE = re.compile(rf"(?:\d{{1,4}}(?:\s*bis|\s*ter)?,?\s+)?\b(?:rue|avenue|boulevard|bd|place|quai|allée|impasse|cours|esplanade|parvis)"
                       rf"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?{_CAP}(?:{_CONNECT}{_CAP})*")
_NEAR = re.compile(r"(?:à hauteur|au niveau|près|non loin|à proximité|au large|au nord|au sud|à l['’]est|à l['’]ouest)\b",
                   re.IGNORECASE)


#: « devant la sous-préfecture », « à la mairie », « dans l'enceinte du tribunal »: a place named
#: only by a common noun, for sentences that name no place at all
COMMON_PLACE_RE = re.compile(
    r"\b(?:devant|derrière|dans|sous|sur|près\s+de|à|en\s+face\s+de|aux\s+abords\s+de)\s+(?:la\s+|le\s+|l['’]\s*|les\s+)"
    r"(?:sous-préfecture|préfecture|mairie|hôtel\s+de\s+ville|gare|usine|hôpital|tribunal|palais\s+de\s+justice|"
    r"école|collège|lycée|université|église|cathédrale|basilique|stade|parvis|siège|ministère|ambassade|"
    r"aéroport|port|centre-ville|salle\s+des\s+fêtes|salle\s+polyvalente|place\s+centrale|site)"
    r"(?:\s+(?:(?:de\s+la|du|des|de)\s+|de\s+l['’]\s*)[^\W\d][\w’'-]*)?(?![\w-])",
    re.IGNORECASE)


def common_place_spans(sentence: str) -> list[Span]:
    """« devant la sous-préfecture »: where, in a sentence that names no place."""
    return [trim_span(sentence, *m.span()) for m in COMMON_PLACE_RE.finditer(sentence)]


#: « à bord d'une Peugeot 308 », « à l'aide de Google », « à cause du statut de Coco Chanel »: « à »
#: that introduces a vehicle, a means or a cause, no place
_ABOARD = re.compile(r"à\s+(?:bord|l['’]aide|l['’]occasion|la\s+demande|l['’]appel|la\s+tête|l['’]issue|l['’]initiative|"
                     r"cause|la\s+suite|l['’]image|l['’]instar|propos|l['’]égard|l['’]exception)\b", re.IGNORECASE)


def place_spans(sentence: str) -> list[Span]:
    """« à Moscou », « en Syrie », « dans le Golfe »: a place preposition then a name."""
    out = [trim_span(sentence, *m.span()) for m in PLACE_RE.finditer(sentence)
           if not _NOT_PLACE_BEFORE.search(sentence, 0, m.start()) and not _ABOARD.match(m.group(0))]
    out += [trim_span(sentence, *m.span()) for m in PLACE_NOUN_RE.finditer(sentence)
            if not any(a <= m.start() < b for a, b in out)]
    out += [trim_span(sentence, *m.span()) for m in STREET_RE.finditer(sentence)
            if not any(a <= m.start() < b for a, b in out)]
    # « dans le 3e arrondissement de Lyon »: the district with its city, not the city alone
    districts = [trim_span(sentence, *m.span()) for m in DISTRICT_RE.finditer(sentence)]
    out = [sp for sp in out if not any(a <= sp[0] and sp[1] <= b for a, b in districts)] + districts
    out = sorted(sp for sp in out if sp[0] < sp[1])
    merged: list[Span] = []
    for s, e in out:
        gap = sentence[merged[-1][1]:s].strip() if merged else None
        # « au laboratoire de l'Inrap à Sélestat »: one place; « sur l'autoroute A7, à hauteur de
        # Loriol-sur-Drôme »: where on it
        if gap == "" and re.match(r"(?:à|en)\s", sentence[s:e]) or gap == "," and _NEAR.match(sentence, s):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


_ORIGIN_ONE = (rf"(?:(?:de\s+|d['’]\s*|du\s+|des\s+){_ART}?{_CAP}(?:{_CONNECT}{_CAP})*"
               # « originaires de la région lyonnaise », « venus de la banlieue parisienne »
               r"|(?:de\s+la|du|de\s+l['’])\s*(?:région|banlieue|vallée|agglomération|métropole|province|campagne)"
               r"\s+[a-zàâçéèêëîïôûù-]{4,})")
#: « venus d'Espagne et du Portugal », « originaire de Lyon », « en provenance de Chine »: where
#: people or goods come from, with the places coordinated to it
ORIGIN_RE = re.compile(
    rf"\b(?:venu|venue|venus|venues|venant|vient|viennent|originaires?|provenant|provient|proviennent|"
    rf"en\s+provenance|issus?|issues?|importés?|importées?|arrivés?|arrivées?)\s+"
    rf"(?P<place>{_ORIGIN_ONE}(?:\s*,\s*{_ORIGIN_ONE})*(?:\s+(?:et|ou)\s+{_ORIGIN_ONE})?)")


def origin_spans(sentence: str) -> list[Span]:
    """« d'Espagne et du Portugal » in « des vendangeurs venus d'Espagne et du Portugal »: the
    answer to « D'où viennent… ? », which the place prepositions (à, en, dans…) never reach."""
    return [trim_span(sentence, *m.span("place")) for m in ORIGIN_RE.finditer(sentence)]


def typed_spans(sentence: str, qtype: str) -> list[Span]:
    """Candidate short answers of ``qtype`` in ``sentence`` (relative offsets, may overlap)."""
    if qtype == DATE:
        return date_spans(sentence)
    if qtype == NUMBER:
        return number_spans(sentence)
    if qtype in (PERSON, NAME):
        return name_spans(sentence)
    if qtype == PLACE:
        return place_spans(sentence) or name_spans(sentence) or common_place_spans(sentence)
    return []


#: a lower-case adjective that belongs to a name before it: « le Journal officiel », « le Lagon bleu »,
#: « l'Assemblée nationale », « le Conseil constitutionnel »
_NAME_EPITHET = re.compile(r"\s(?:[a-zàâçéèêëîïôûù]+(?:el|elle|al|ale|aux|ien|ienne|aire|ique)|bleue?s?|rouges?|verte?s?|"
                           r"noire?s?|blanche?s?|grande?s?)(?=[\s,;:.)»]|$)")


def with_epithet(sentence: str, s: int, e: int) -> Span:
    """The span with the adjective of its name after it, when the span ends with a capitalised word
    (applied to the chosen answer only: the adjective says nothing of which span answers)."""
    last = sentence[s:e].split()[-1:] if e > s else []
    if last and last[0][:1].isupper() and (m := _NAME_EPITHET.match(sentence, e)):
        return s, m.end()
    return s, e


#: « 846 millions d'aides » in a sentence that speaks of euros, « va coûter quelques millions »: an
#: amount without its currency
SCALED_RE = re.compile(r"\b(?:millions?|milliards?)\b|\bM€|\bMd€", re.IGNORECASE)

#: Units that make a number an amount of money (« 5,857 milliards d'euros », « 30 M$ »).
MONEY_RE = re.compile(r"€|\$|£|\b(?:euros?|centimes?|dollars?|francs?|livres? sterling|yens?|yuans?|roubles?|dinars?|dirhams?|"
                      r"francs? CFA|M€|Md€|milliards? d['’]euros|millions? d['’]euros)\b", re.IGNORECASE)


def date_specificity(text: str) -> int:
    """3: day and month (« 10 juillet »); 2: month or year; 1: weekday or century; 0: relative."""
    if re.search(rf"\d{{1,2}}\s+{_MONTH}|1er\s+{_MONTH}", text, re.IGNORECASE):
        return 3
    if re.search(rf"{_MONTH}|{_YEAR}", text, re.IGNORECASE):
        return 2
    if re.search(rf"{_WEEKDAY}|siècle", text, re.IGNORECASE):
        return 1
    return 0
