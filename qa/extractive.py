"""Extractive answers: the best supporting sentence, a typed span of it, or an abstention.

No language model: retrieved passages are split into their (already indexed) sentences, each
sentence is scored by a small linear model over :mod:`qa.features`, the best one becomes
citation [1] and the short answer is a span of it chosen by question type (:mod:`qa.spans`).
When the best score is too low the answer abstains but still lists the closest passages.
"""

from __future__ import annotations

import dataclasses
import json
import math
from bisect import bisect_right
import re
import time
from dataclasses import dataclass
from functools import lru_cache, partial
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from index.analysis import NUMBER as DIGIT_GROUPS
from index.analysis import STOP_WORDS, FrenchAnalyzer, fold
from index.ingest import WIRE_DATELINE

from qa.answer import ABSTAIN_TEXT, Answer, Citation, DateNote, Evidence, Mention
from qa.copies import distinct_hits, drop_repeats, story_of
from qa.dates import describe, speaks_of_future
from qa.dates import note as date_note
from qa.features import (_QWORDS, AGENT_NOUNS, FEATURES, SPAN_FEATURES, Candidate, QuestionInfo, analyse_question, featurize, similar,
                         Token, span_candidates, tokens)
from qa.descriptions import description_spans
from qa.english import french_gloss, french_word, glossed
from qa.acronyms import definitions, expanded
from qa.first_names import starts_with_first_name
from qa.kinds import (asked_kind, asks_court, asks_penalty, asks_rank, court_spans, has_kind, kind_spans, penalty_spans,
                      rank_spans, says_rank_noun)
from qa.qtypes import DATE, NAME, NUMBER, OTHER, PERSON, PERSON_NOUNS, PLACE, defined_name, is_english
from qa.provenance import annotate
from qa.spans import CLOCK_RE, MONEY_RE, NATIONALITIES, RACE_TIME_RE, SCALED_RE, VERSUS_RE, date_specificity, name_spans, origin_spans, trim_span, typed_spans, with_epithet
from qa.territories import is_territory

if TYPE_CHECKING:  # pragma: no cover
    from index.passage import Hit, Passage
    from index.retriever import Retriever
    from index.store import OpenIndex

WEIGHTS_FILE = Path(__file__).with_name("extractive_weights.json")
MODE = "extractive"

#: Re-ranking of typed answers among nearly as likely sentences (tuned on the PIAF train half):
#: log-probability, minus ANCHOR_W per log-word of distance between the answer and the words the
#: question repeats (« attentats de Paris, le 13 novembre »), plus SPECIFICITY_W per level of
#: date precision (« le 10 juillet » over « il y a quelques mois »).
ANCHOR_W = 0.3
#: weight of the share of what a measure question measures (its words but the measure's noun)
SUBJECT_W = 0.3
SPECIFICITY_W = 0.3
RERANK_TOP = 6
#: « Qui est X ? »: sentences looked at for a description of X, and how likely they must be
#: relative to the best sentence.
DESCRIPTION_TOP = 12
DESCRIPTION_RATIO = 0.3
#: a sentence competes when its probability is at least this fraction of the best one's…
RERANK_RATIO = 0.7
#: …or this fraction when it gives a more precise date than the best one (exact dates first)
RERANK_RATIO_DATE = 0.6

#: « Qui est le préfet… ? »: the role noun after « qui est/était le/la »
_ROLE_Q = re.compile(r"^\s*qui\s+(?:est|était|etait|fut|a été|a ete|sont|étaient)\s+(?:le|la|l['’]|les)\s*"
                     r"(?:(?:actuel|actuelle|ancien|ancienne|nouveau|nouvel|nouvelle|futur|future|premier|première|"
                     r"principal|principale|grand|grande|vrai|véritable|seul|seule)\s+)?(?P<role>[^\W\d]{3,})\b",
                     re.IGNORECASE)
#: « Quel groupe possède la papeterie ? », « Quelle entreprise a remporté le marché ? »: an
#: organisation or a role named by the question's noun (« le groupe finlandais NordPulp »)
#: « Comment s'appelle la mère des bébés pandas ? »: a role whose holder is named (« La mère, Huan Huan, »)
_NAME_ROLE_Q = re.compile(r"^\s*comment\s+s['’]appel(?:le|ait|lent|aient)\s+(?:le|la|l['’]|les)\s*(?P<role>[^\W\d]{3,})\b", re.IGNORECASE)
_WHICH_ROLE_Q = re.compile(r"^\s*(?:quel|quelle|quels|quelles)\s+(?P<role>groupe|entreprise|société|club|équipe|parti|"
                           r"constructeur|laboratoire|fabricant|opérateur|association|syndicat|banque|compagnie|"
                           r"cabinet|fonds|assureur|industriel|distributeur|éditeur|promoteur|transporteur)s?\b",
                           re.IGNORECASE)
_EN_ROLE_Q = re.compile(r"^\s*who\s+(?:is|was|are|were)\s+(?:the\s+)?(?P<rest>[^?]+)", re.IGNORECASE)
#: role nouns an English « who is the … » question may ask for, as the glossary writes them (folded)
_EN_ROLES = frozenset("""president presidente ministre maire prefet directeur directrice dirigeant chef entraineur
    avocat avocate juge procureur gouverneur fondateur fondatrice secretaire patron""".split())
#: what may stand between the role noun and its holder's name: a complement (« du festival »,
#: checked against the question's words), then a comma or a space
#: adjectives between a role noun and its holder: « le directeur général X », « le Premier ministre
#: social-démocrate Marcel Ciolacu », « le président américain Joe Biden », « le maire sortant X »
_ROLE_ADJ = ("général|générale|adjoint|adjointe|délégué|déléguée|exécutif|exécutive|sportif|sportive|artistique|"
             "technique|financier|financière|régional|régionale|national|nationale|sortant|sortante|démissionnaire|"
             "intérimaire|socialiste|conservateur|conservatrice|libéral|libérale|centriste|écologiste|communiste|"
             "social-démocrate|sociale-démocrate|républicain|républicaine|démocrate|travailliste|populiste|"
             "nationaliste|réformateur|réformatrice|" + "|".join(sorted(NATIONALITIES, key=len, reverse=True)))
_ROLE_GAP = re.compile(rf"(?:\s+(?:{_ROLE_ADJ})(?![\w-])){{0,2}}"
                       r"(?P<of>\s+(?:du|de la|de l['’]|des|de|d['’])\s*[^,;:.()«»\d]{1,40}?)?\s*,?\s*(?:M\.|Mme|Me|Dr)?\s*")
#: how likely (against the best) a sentence saying what a measure question measures, which the
#: best one does not say, must be to compete
MEASURED_RATIO = 0.5
#: a question asking how long something lasted, and the words that say it is a duration
_LASTED_Q = re.compile(r"\bcombien\s+de\s+temps\b|\bdurée\b|\bhow\s+long\s+(?:did|does|do|will|would|has|have|had)\b", re.IGNORECASE)
#: « Combien de temps dure le spectacle ? », « Quelle est la durée du chantier ? »: how long a thing
#: lasts, which « depuis sept ans » (how long something has been going on) does not say
_LASTS_Q = re.compile(r"\b(?:dur(?:e|ent|ait|aient|era|eront|é)|durée)\b", re.IGNORECASE)
_ONGOING_BEFORE = re.compile(r"\bdepuis\s+$", re.IGNORECASE)
_DURATION_WORDS = re.compile(r"\b(?:temps|durée|durer|duré|dure|durait|durera|devait|doit|last\w*|take|took|long)\b", re.IGNORECASE)
#: how likely (against the best) a sentence saying what a measure question measures must be to
#: replace a best one that says none of it
MEASURED_FAR_RATIO = 0.15
#: words that say which measure (« la vitesse moyenne »), not what is measured
_MEASURE_QUALIFIERS = ("moyenne", "moyen", "maximale", "maximal", "maximum", "minimale", "minimal", "minimum",
                       "totale", "total", "record", "moyennes", "maximales")
#: how likely (against the best) a sentence naming the question's own role must be to replace a best
#: sentence that names the role of another body only
ROLE_OTHER_RATIO = 0.85
#: between a name and the role noun after it: « Hélène Marchal, directrice … », « X, l'actuel président … »
_HOLDER_GAP = re.compile(r"\s*,\s*(?:(?:l['’]|le|la|son|sa)\s*)?(?:actuel(?:le)?\s+|nouveau\s+|nouvelle\s+)?")
#: the role's complement after the role noun: « (générale) de la fromagerie », up to the clause's end
_ROLE_OF = re.compile(rf"(?:e|s|es)?(?:\s+(?:{_ROLE_ADJ})(?![\w-])){{0,2}}"
                      r"\s+(?:du|de la|de l['’]|des|de|d['’])\s*(?P<of>[^,;:.()«»\d]{1,40}?)\s*(?=[,;:.()«»]|$)")
#: « Qui a développé CO3D ? »: a participle whose agent (« développé par X ») answers
_AGENT_Q = re.compile(r"^\s*(?:qui|par qui)\s+(?:(?:a|ont|avait|avaient|est|sont|a été|ont été|avait été|fut)\s+"
                      r"(?:été\s+)?(?P<verb>[^\W\d]{4,}(?:é|ée|és|ées|i|is|it|u|us)|[^\W\d]{2,}(?:ert|erte|erts|eint|aint|oint|ort))"
                      # « Qui finance les fouilles ? » answered by « financés par l'aménageur »
                      # « Qui indemnisera l'éleveur ? » answered by « Il sera indemnisé par l'État »
                      # « Qui construit les rames ? » answered by « construites par Alstom »
                      r"|(?P<present>[^\W\d]{4,}(?:e|ent|era|eront|ira|iront|ait|aient)|[^\W\d]{3,}(?:uit|uisent|uira|uiront|crit|crivent))"
                      # « Qui va saisir le Conseil constitutionnel ? »: what someone is to do
                      r"|(?:va|vont|doit|doivent|devra|devront|devrait|veut|veulent|pourrait|pourra)\s+(?P<inf>[^\W\d]{3,}(?:er|ir|re)))\b",
                      re.IGNORECASE)
#: a sentence's subject that starts with a common noun (« Le peloton de gendarmerie … de Savoie »),
#: then a compound tense's auxiliary: it did what the question's participle says
_COMMON_SUBJECT = re.compile(r"\s*(?P<np>(?:Le|La|Les|L['’])\s*[a-zàâçéèêëîïôûù][^,;:.«»]{2,90}?)\s+(?:a|ont|est|sont|avait|avaient|était|étaient)\s+")
#: « Par qui le président est-il élu ? », « Par qui les pertes sont-elles évaluées ? »: the subject between
_BY_WHOM_Q = re.compile(r"^\s*par\s+qui\s+[^?]+?\s+(?:est|sont|a|ont|fut|furent)(?:(?:-t)?-(?:il|elle|ils|elles|on))?\s+"
                        r"(?:été\s+)?(?:\w+ment\s+)?(?P<verb>[^\W\d]+?(?:é|ée|és|ées|i|is|ie|ies|u|us|ue|ues|it|ite|its|int|inte|ert|erte))\b",
                        re.IGNORECASE)
#: « samedi », « mardi soir », « hier »: when, between a verb and who did it
_WHEN_BETWEEN = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)(?:\s+(?:matin|midi|après-midi|soir))?"
_BY_AGENT = re.compile(r"(?:e|s|es)?(?:\s+(?:en|dès|depuis)\s+\d{4}|\s+en\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|"
                       r"octobre|novembre|décembre)(?:\s+\d{4})?|\s+la\s+veille|\s+(?:le\s+)?(?:1er|\d{1,2})\s+[^\W\d]+(?:\s+\d{4})?"
                       # « inauguré samedi par la présidente… », « reçu mardi soir par »
                       rf"|\s+{_WHEN_BETWEEN}"
                       # « endommagée selon eux par des travaux »
                       r"|\s+selon\s+(?:eux|elles?|lui|(?:les|la|le|l['’])\s*[^\W\d]+)"
                       # « donnée vers 19 h 15 par une habitante »
                       r"|\s+(?:vers|à|dès)\s+\d{1,2}\s*h(?:\s*\d{2})?"
                       # « classée « en danger critique d'extinction » par l'UICN »
                       r"|\s+«[^»]{1,60}»"
                       # « Financé à hauteur de 640.000 euros par l'ARS », « remorqué jusqu'à Lorient par une vedette »
                       r"|\s+à\s+hauteur\s+de\s+(?:\d[\d.,\s]*|[^\W\d]+\s+)(?:millions?\s+|milliards?\s+)?(?:d['’]\s*|de\s+)?(?:euros|€|%)"
                       r"|\s+(?:jusqu['’]à|jusqu['’]au|vers)\s+(?:(?:le|la|l['’])\s*)?[A-ZÀ-ÝŒ][\w'’-]*(?:[\s-][A-ZÀ-ÝŒ][\w'’-]*){0,2})?"
                       r"\s+par\s+(?:(?:le|la|les|l['’])\s*)?")
#: « par » that names no agent (« par ailleurs », « par an »)
_NOT_AGENT = re.compile(r"(?:ailleurs|exemple|rapport|an|jour|mois|semaine|heure|personne|habitant|tête|conséquent|"
                        r"contre|la suite|endroits|moments|hasard|erreur|défaut|téléphone|écrit|courrier)\b", re.IGNORECASE)
#: where a common-noun agent ends (« par l'aménageur du lotissement, comme le prévoit… »)
_AGENT_END = re.compile(r"[,;:.()«»\"“”]|\s(?:à|au|en)\s+\d|\s(?:qui|que|qu['’]|dont|comme|pour|afin|selon|lors|depuis|avant|après|et|mais|"
                        # « déposée par les députés de La France insoumise contre le gouvernement … a été
                        # rejetée »: what the agent did it against, or the main clause's verb
                        r"contre|a été|ont été|a|ont|est|sont|"
                        r"à hauteur|au titre|dans le cadre|à la suite|suite à)\b")
#: « révélée par un signalement d'Anticor », « ouverte après une plainte de la Fnac »: an act
#: noun whose author, named after it, is the agent
_ACT_OF = re.compile(r"(?:un|une|le|la|les|l['’]|des|deux|plusieurs)\s*(?:signalements?|plaintes?|enquêtes?|rapports?|articles?|"
                     r"témoignages?|alertes?|lettres?|courriers?|décisions?|arrêtés?|notes?|recours|communiqués?|études?|"
                     r"reportages?|révélations?|dénonciations?|audits?|investigations?)\s+(?:de|du|des|d['’])\s*"
                     r"(?:(?:la|le|les)\s+|l['’])?(?=[A-ZÀ-ÖØ-Þ])")
#: « Qui dirige ACC ? »: verbs whose subject is named by a role noun
_ROLE_VERB_Q = re.compile(r"^\s*qui\s+(?P<verb>dirige|dirigeait|a dirigé|préside|présidait|a présidé|entraîne|entraine|"
                          r"entraînait|a fondé|fonde|a créé|distribue|distribuait|a distribué)\s+", re.IGNORECASE)
#: the role nouns of those verbs, by the verb's folded stem (« dirige », « dirigeait », « a dirigé »)
_AGENT_TERMS = frozenset(AGENT_NOUNS.values())
_WHO_Q = re.compile(r"^\s*(?:par\s+)?qui\b", re.IGNORECASE)
_VERB_ROLES = {"dirig": ["directeur", "directrice", "dirigeant"], "presid": ["president", "presidente"],
               "entrain": ["entraineur", "entraineuse"], "fond": ["fondateur", "fondatrice"],
               "cre": ["createur", "creatrice", "fondateur", "fondatrice"],
               # « selon les chiffres du distributeur Gaumont » for « Qui distribue le film ? »
               "distribu": ["distributeur", "distributrice"]}
#: « la directrice de l'établissement »: nouns that stand for what the article is about
_SUBJECT_NOUNS = frozenset("etablissement entreprise societe groupe club association structure organisation "
                           "equipe institution service collectif syndicat formation parti festival usine site".split())
_POSSESSIVE_BEFORE = re.compile(r"\b(?:son|sa|ses|leur|leurs|notre|nos|votre|vos|mon|ma|mes)\s+(?:[^\W\d]+\s+)?$")
#: how likely a role-apposition sentence must be, relative to the best sentence
ROLE_RATIO = 0.1
#: how likely, against the best, a sentence must be whose role noun is glued to a name (« le
#: président Waldemar Kita ») to name the holder when no likelier sentence has the role
ROLE_RATIO_GLUED = 0.03
#: « en revendiquaient plus d'un millier », « en a compté 3.000 »: the pronoun « en » and a verb before a figure
_EN_VERB = re.compile(r"\ben\s+(?:(?:a|ont|avait|avaient|aurait|auraient|est|sont|était|étaient)\s+)?(?:(?:déjà|encore|aussi|même|ainsi)\s+)?(?P<verb>[^\W\d]{3,})\s+"
                      r"(?:(?:plus|près|moins)\s+d['’]|environ\s+|quelque\s+)?$", re.IGNORECASE)
#: « la ligne 17 … en 2030 »: how much farther (characters) an answer outside the clause of the
#: question's number counts, and what ends a clause
CLAUSE_CHARS = 80.0
#: where a clause ends; « , dont deux mortels » goes on with the clause before it (its part)
_CLAUSE_CUT = re.compile(r"[;:]|,(?!\d)(?!\s*dont\b)|\s[-–]\s")
#: « qui » answers: how much nearer (characters) a name must be to beat one that starts with a
#: given name (« Gérard Lemoine » over « Saint-Malo-de-Phily »); organisations still answer
NOT_PERSON_CHARS = 30.0
#: how many of the top retrieved passages' articles lend passages that use an acronym the question spells out
ACRONYM_ARTICLES = 3
#: a sentence's common-noun subject, for « qui » when it names nobody: « L'opposition de gauche »
#: (a determiner, up to five words, then an auxiliary or a common verb)
_SUBJECT_NP = re.compile(r"(?:Les|Le|La|L['’]|Un|Une|Des|Ces|Ce|Cette|Plusieurs|Certains|Certaines)\s*"
                         r"[^\W\d][\w'’-]*(?:\s+(?!(?:a|ont|est|sont)\b)[^\W\d][\w'’-]*){0,4}?"
                         r"(?=(?:\s*,[^,;:()]{1,80},)?\s+(?:a|ont|avait|avaient|va|vont|doit|doivent|devrait|devraient|est|sont|était|étaient|"
                         r"sera|seront|peut|peuvent|veut|veulent|entend|entendent|compte|comptent|se|s['’]|n['’]|ne)\b)")
_CHANGE_Q = re.compile(r"\bde combien\b.*\b(?:augment|baiss|progress|recul|diminu|chut|grimp|hauss|ralenti|accélér|cr[uû]|dépass|excède|rédui|relev|plus\s+(?:élevé|cher|chère|haut|bas))"
                       # « By how much will the price fall? »: a change, not a price
                       r"|\bby how much\b.*\b(?:rise|rose|risen|fall|fell|fallen|drop|increase|decrease|grow|grew|grown|go up|go down)",
                       re.IGNORECASE)
#: units of time, as counted in durations and sentences (« quatre ans », « dix jours »)
_TIME_UNITS = r"(?:ans?|années?|mois|semaines?|jours?|heures?|minutes?|secondes?|centièmes?|siècles?|décennies?)"
#: unit words of measure and money, shared by :data:`_MEASURE_UNIT` and :data:`_KEPT_UNIT`
_MEASURE_WORDS = r"km|kilomètres?|(?:centi|milli)?mètres?|cm|mm|kg|tonnes?|ha|hectares?|euros?|dollars?|degrés?|(?:micro|milli)?grammes?|litres?"
#: units a short answer keeps even when the question names them: « dix jours » and « 1.200
#: hectares » read as answers, a bare « dix » or « 1.200 » does not (counted things are dropped:
#: « combien de prévenus » → « seize »)
_KEPT_UNIT = re.compile(rf"{_TIME_UNITS}|{_MEASURE_WORDS}|millimètres?|centimètres?|kilos?|litres?|hectolitres?|"
                        r"carrés|cubes|fois", re.IGNORECASE)
#: « sous la barre des 1,60 euro », « franchi le seuil de 10 % »: a threshold, not the value itself
_THRESHOLD_BEFORE = re.compile(r"\b(?:barre|seuil|cap)\s+(?:symbolique\s+|psychologique\s+)?(?:de|des|du|d['’])\s*$", re.IGNORECASE)
_THRESHOLD_Q = re.compile(r"\b(?:barre|seuil|cap)\b", re.IGNORECASE)
#: how far (in characters) a threshold's figure counts as being from the question's words
THRESHOLD_CHARS = 40.0
#: a question about the value after a change (« Quel sera le montant… ? », « … désormais ? »)
_FROM_TO_Q = re.compile(r"\b(?:sera|seront|désormais|nouveau|nouvelle|nouveaux|atteindra|passera|passeront|paiera|paieront|"
                        r"coûtera|coûteront|après\s+(?:la|le|l['’]|cette|ce)\s*(?:hausse|baisse|augmentation|réforme|revalorisation))\b", re.IGNORECASE)
#: « Combien de voix fallait-il pour renverser le gouvernement ? »: what is required, which the
#: article says with « loin des 289 nécessaires », « il faut 60 signatures », « au moins 500 »
_REQUIRED_Q = re.compile(r"\b(?:faut|fallait|faudrait|faudra|fallu|nécessaires?|requise?s?|exigée?s?|minimum|suffi\w*)\b", re.IGNORECASE)
_REQUIRED_AFTER = re.compile(r"^\S+(?:\s+[^\W\d]+)?\s+(?:nécessaires?|requise?s?|exigée?s?|indispensables?)\b", re.IGNORECASE)
_REQUIRED_BEFORE = re.compile(r"\b(?:il\s+(?:faut|fallait|faudrait|faudra)|au\s+moins|au\s+minimum|minimum\s+de|seuil\s+de)\s+$", re.IGNORECASE)
#: the measure's own noun before a figure (« à une profondeur de 12 kilomètres »)
_MEASURE_NAMED = re.compile(r"\b([^\W\d]{4,})\s+(?:de\s+|d['’])$")
#: what a measure question asks for, by its noun: the units that answer it (« À quelle altitude… ? »
#: is not answered by « 165 kilomètres », « Quel est le taux… ? » by « un an »)
#: measures of things (height, length, area, speed, weight, temperature): the question names
#: what it measures beside the measure's noun (« la vitesse de la tramontane »)
_PHYSICAL_MEASURES = [
    (re.compile(r"\b(?:altitude|culmine)\b", re.IGNORECASE), re.compile(r"\b(?:m|mètres?|pieds)\b", re.IGNORECASE)),
    # « Quelle hauteur de neige est tombée ? » « Jusqu'à 40 centimètres »
    (re.compile(r"\b(?:hauteur|profondeur|haut|profond)\b", re.IGNORECASE),
     re.compile(r"\b(?:m|mètres?|pieds|cm|centimètres?|mm|millimètres?)\b", re.IGNORECASE)),
    # « Quelle est la taille de la grenouille ? »: a length, not « une vingtaine de minutes » of
    # hailstones « de la taille d'une balle de golf »
    (re.compile(r"\b(?:longueur|distance|parcours|mesure|mesurait|mesurer|mesurent|mesuraient|taille|envergure|autonomie)\b|\bhow\s+far\b", re.IGNORECASE),
     re.compile(r"\b(?:m|mètres?|km(?!/h)|kilomètres?|cm|centimètres?|mm|millimètres?|micromètres?|microns?|nanomètres?|nm|µm|milles?|années-lumière|pc|parsecs?)\b", re.IGNORECASE)),
    (re.compile(r"\b(?:débit)\b", re.IGNORECASE),
     re.compile(r"m3/s|m³/s|\b(?:mètres cubes|litres|m3|m³)\b", re.IGNORECASE)),
    # « Quel volume d'eau… ? », « Combien d'eau… ? »: a volume, not « trois bassins »
    (re.compile(r"\b(?:volume|contenance)\b|\bcombien\s+d['’]\s*eau\b|\bhow\s+much\s+water\b", re.IGNORECASE),
     re.compile(r"\b(?:mètres cubes|litres?|hectolitres?|millilitres?|m3|m³)\b", re.IGNORECASE)),
    # « à la surface de la planète » is where, « refait surface » when, not how large
    (re.compile(r"\b(?:superficie|(?<!à la )(?<!a la )(?<!en )(?<!fait )(?<!faire )(?<!refait )(?<!refaire )(?<!-il )(?<!-elle )(?<!-ils )(?<!-elles )surface|étendue)\b", re.IGNORECASE),
     re.compile(r"km²|km2|m²|m2|\b(?:hectares?|ha|kilomètres? carrés?|mètres? carrés?)\b", re.IGNORECASE)),
    (re.compile(r"\b(?:vitesse)\b", re.IGNORECASE), re.compile(r"km/h|m/s|\bnœuds\b|\bkilomètres[- ]heure\b", re.IGNORECASE)),
    # (« pour un poids lourd » is a lorry)
    (re.compile(r"\b(?:poids(?!\s+lourds?\b)|masse|pès(?:e|ent)|pes(?:er|ait|aient|ant|é|ée|és|ées))\b", re.IGNORECASE),
     re.compile(r"\b(?:kg|kilos?|kilogrammes?|tonnes?|t|grammes?|g)\b", re.IGNORECASE)),
    (re.compile(r"\b(?:température)\b", re.IGNORECASE), re.compile(r"°|\bdegrés?\b", re.IGNORECASE)),
]
#: « Quelle est la taille des orangs-outans par rapport aux autres espèces ? »: a comparison, which
#: a sentence may make without a measure
_COMPARED_Q = re.compile(r"\b(?:par\s+rapport|comparée?s?|en\s+comparaison|que\s+celle|que\s+celui)\b", re.IGNORECASE)
#: « Combien a coûté la rénovation… ? », « Quel est le montant des travaux ? »: what is priced
_PRICED_Q = re.compile(r"\bco[uû]t\w*\s+(?:le|la|les|l['’]|un|une|des|ce|cette|ces|son|sa|ses)\s*(?P<what>[^\W\d]{4,})"
                       r"|\b(?:montant|prix|coût|budget)\s+(?:de\s+la|de\s+l['’]|du|des|de)\s*(?P<what2>[^\W\d]{4,})"
                       # « Combien la collectivité devait-elle payer ? »: who pays is what the sum is of
                       r"|^\s*(?:de\s+)?combien\s+(?:le|la|les|l['’]|chaque)\s*(?P<what3>[^\W\d]{4,})", re.IGNORECASE)
#: « Quelle part du budget… ? », « Quel taux… ? »: a share, said as a percentage, not an amount
_SHARE_Q = re.compile(r"\b(?:taux|pourcentage|proportion|(?:la|quelle|une) part|quote-part|participation|rate|percentage|share|turnout)\b",
                      re.IGNORECASE)
_MEASURES = [
    *_PHYSICAL_MEASURES,
    (re.compile(r"^\s*(?:quel\s+(?:âge|age)|[àa] quel [âa]ge|how old|what age)\b", re.IGNORECASE), re.compile(r"\b(?:ans?|années|mois|semaines|siècles)\b", re.IGNORECASE)),
    (_SHARE_Q,
     re.compile(r"%|\bpour\s?cent\b|\bpoints?\b|\bsur\s+(?:deux|trois|quatre|cinq|dix|\d+)\b", re.IGNORECASE)),
    # « De combien les passages ont-ils augmenté ? »: a change, most often a percentage
    (_CHANGE_Q, re.compile(r"%|\bpour\s?cent\b|\bpoints?\b|\bmoitié\b|\btiers\b|\bquarts?\b", re.IGNORECASE)),
    # « À combien d'années de prison… ? », « De combien de jours… ? », « Combien de temps le musée
    # a-t-il été fermé ? »: a duration, not « 65 rue » nor « un million » (« depuis combien de
    # temps » may be answered by a year)
    (re.compile(rf"\bcombien\s+(?:de\s+|d['’]\s*){_TIME_UNITS}\b|(?<!depuis )\bcombien\s+de\s+temps\b"
                r"|\bhow\s+long\s+(?:did|does|do|will|would|has|have|had)\b", re.IGNORECASE),
     re.compile(rf"\b{_TIME_UNITS}\b|\b(?:h|min)\b", re.IGNORECASE)),
]
#: units of measure and money: never the answer to « combien de morts / de foyers »
_MEASURE_UNIT = re.compile(rf"%|€|\$|°|km/h|\b(?:{_MEASURE_WORDS}|m)\b", re.IGNORECASE)
#: « Quel est le salaire de X ? » is not answered by what the film cost: such amounts need their word
_SALARY_Q = re.compile(r"\b(?:salaires?|rémunérations?|cachets?|loyers?|amendes?|salary|wage|wages|rent|fine)\b", re.IGNORECASE)
_SALARY_WORD = re.compile(r"salaire|rémunér|par\s+mois|mensuel|payé|payée|gagne|gagnait|touche|touchait|cachet|émolument|loyer|amende|condamn",
                          re.IGNORECASE)
#: how far (characters) a figure without the measure's unit falls behind one with it
MEASURE_CHARS = 200.0
#: a name followed by its verb (« Lennert Van Eetvelt (Lotto) a remporté »): the subject, allowing a
#: bracket or an apposition between commas and an auxiliary
#: « X (Lotto) a remporté », « X, le Belge, a remporté », « Keolis, qui exploite le réseau »
_BEFORE_VERB = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?(?:,?\s*qui\s+|(?:,[^,;:()]{1,80},\s*)?)(?:(?:a|ont|avait|avaient|aura|auront|va|vont)\s+)?")
_WHY_Q = re.compile(r"^\s*(?:pourquoi|pour quelle raison|pour quelles raisons|why"
                    # « Quelle est la cause de la panne ? », « Quelles sont les raisons du retard ? »
                    r"|quelle\s+(?:est|était|serait)\s+(?:la\s+cause|la\s+raison)\s+d"
                    r"|quelles\s+(?:sont|étaient|seraient)\s+les\s+(?:causes|raisons)\s+d)", re.IGNORECASE)
#: « la panne serait due à la défaillance d'un transformateur », « provoqué par »: a cause of what
#: is named just before (a cause only when that is the question's own word: « des cancers dus aux
#: retombées » does not say why the thyroid is saturated)
_DUE_TO = re.compile(r"\b(?:dû|due|dus|dues|imputables?)\s+(?=à|au|aux)|\b(?:causée?s?|provoquée?s?)\s+par\s", re.IGNORECASE)
_CAUSE = re.compile(r"\b(?:s['’]expliqu\w*|expliqu\w* par|en raison d|à cause d|a cause d|du fait d|parce qu|car\b|"
                    r"grâce à|faute d|suite à|en réaction à|pour protester|afin d|dans le but d|invoqu\w*|attribu\w* (?:ce|cette|ces|la|le|les)\b[^.]{0,40}? à|because|due to"
                    # « sanctionné … pour ne pas avoir vérifié », « condamné pour avoir frappé »
                    r"|pour (?:ne pas |n['’])?avoir"
                    # « condamnée en 2024 … à une amende de 375.000 euros pour travail dissimulé »
                    r"|(?:condamn|poursuivi|sanctionn|inculp|mise?s? en examen)\w*\b(?:[^.;]|\.(?=\d)){0,140}?\b(?P<offence>pour)\s+(?!la première|le moment)(?=[^\W\d]))",
                    re.IGNORECASE)
#: where a cause clause ends: the sentence's end, a semicolon, or who says so
_CAUSE_END = re.compile(r"\s*(?:[;:.!?]|»|,\s*(?:selon|a\s+(?:déclaré|indiqué|expliqué|précisé|annoncé)|explique|précise|indique))")
#: how likely (share of the best sentence's probability) a sentence giving a cause must be
WHY_RATIO = 0.3
#: a figure followed by the place or group it is about (« 19.000 en France »)
_BREAKDOWN = re.compile(r"\s+(?:sur un an\s+)?(?:en|à|au|aux|dans|pour)\s+(?:(?:la|le|les|l['’])\s*|(?<=pour )une?\s+)?(?P<name>[^\W\d][\w-]+)")
_MONTH_WORD = re.compile(r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)",
                         re.IGNORECASE)
BREAKDOWN_CHARS = 20
#: how far (characters) a figure followed by the noun a « combien de … » question counts gets ahead;
#: less than a breakdown that names the question's place (« 132.000 personnes dans le monde, dont
#: 19.000 en France »): the whole and its parts usually count the same noun
COUNTED_CHARS = BREAKDOWN_CHARS / 2
#: « How many bike stations are there? » counts stations: a second noun, then the verb
_COUNTED_EN = re.compile(r"\bhow\s+many\s+(?P<noun>[a-z]+)(?:\s+(?P<next>[a-z]+)(?=\s+(?:are|were|is|was|did|do|does|have|has|had|"
                         r"will|would|can|could)\b|\s*\?))?", re.IGNORECASE)
#: nouns that count people: a duration never answers « combien de personnes / d'enfants »
_PEOPLE = re.compile(r"personnes|gens|habitants|victimes|morts|blessés|salariés|employés|enfants|patients|élèves|"
                     r"spectateurs|visiteurs|manifestants|participants|suspects|prévenus|détenus|soldats|policiers|"
                     r"gendarmes|pompiers|bénévoles|adhérents|membres|électeurs|malades|people|children|workers",
                     re.IGNORECASE)
_TIME_SPAN = re.compile(rf"\b{_TIME_UNITS}\b", re.IGNORECASE)
_ADDRESS = re.compile(r"\d+(?:\s*(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|place|quai|allée|impasse|chemin|route|cours)\b",
                      re.IGNORECASE)
_OF_WHAT = re.compile(r"\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+)(?P<what>[^\W\d][\w-]{2,})")
_COUNT_GAP = re.compile(r"\s*(?:de\s+|d['’]\s*)?")
#: a determiner right before a word: the word is a noun (« quelle année », « le musée », « cette idée »)
_NOUN_BEFORE = re.compile(r"\b(?:la|le|les|l['’]|une?|cette|ce|ces|sa|son|ses|leur|leurs|du|des|au|aux|quel|quelle|quels|quelles)\s*$",
                          re.IGNORECASE)
#: « La Réunion », « Le Havre »: a name after a capitalised article, whose word alone is often a common noun
_TOPONYM = re.compile(r"\b(?:La|Le|Les|L['’])\s*([A-ZÀ-Ý][\w-]+)")
#: « , Rennes, Angers et Le Mans » after « à Nantes »: more names that share its preposition
_NAME_WORD = r"(?:(?:Le|La|Les|L['’])\s*)?[A-ZÀ-Ý][\w'’-]*(?:[\s-](?:sur|sous|en|lès|de|du)?[\s-]?[A-ZÀ-Ý][\w'’-]*)*"
_NAMES_AFTER = re.compile(rf"(?:\s*,\s*{_NAME_WORD})*\s+et\s+{_NAME_WORD}(?![\w'’-])")
_PLACE_PREPOSITION_START = re.compile(r"(?:à|a|en|au|aux)\s", re.IGNORECASE)
_PLACED_BEFORE = re.compile(r"\b(?:à|en|au|aux|dans)\s+(?:(?:le|la|les)\s+|l['’])?$", re.IGNORECASE)
_ARTICLED_NAMES_AFTER = re.compile(rf"(?:\s*,\s*(?:(?:le|la|les)\s+|l['’])?{_NAME_WORD})*\s+et\s+(?:(?:le|la|les)\s+|l['’])?{_NAME_WORD}(?![\w'’-])")
#: « De quand datent les sépultures ? », « De quand date le château ? »: what is dated
_DATES_FROM_Q = re.compile(r"^\s*(?:de\s+quand|de\s+quelle\s+(?:époque|année|période))\s+dat\w*\s+(?P<what>.+?)\s*\??\s*$", re.IGNORECASE)
#: « neuf d'entre eux », « deux d'entre elles »: a figure that counts some of those just spoken of
_AMONG_THEM = re.compile(r"\s+d['’]entre\s+(?:eux|elles)\b", re.IGNORECASE)
#: « 42 des 55 agents », « trois sur dix Français »: a part, then the whole it is counted from
_WHOLE_AFTER_PART = re.compile(r"\d\s+(?:des|sur)\s+$")
_PART_OF = re.compile(r"\s+(?:des|sur)\s+\d[\d.,\s]*?\d?\s*(?=[^\W\d])")
#: « Quand est-il né ? », « When was she born? »: a birth, which the cited sentence must speak of
_BIRTH_WORDS = r"né|née|nés|nées|naissance|naquit|naît"
_BIRTH_Q = re.compile(rf"\b(?:{_BIRTH_WORDS}|born|birth)\b", re.IGNORECASE)
_BIRTH = re.compile(rf"\b(?:{_BIRTH_WORDS}|naissent|vit le jour|voit le jour|venue? au monde)\b"
                    r"|\(\s*(?:\w+\s+){0,3}\d{3,4}\s*[-–]", re.IGNORECASE)
#: « un Airbus reliant Paris à Nice a dû se poser à Lyon »: the ends of a route are where the plane
#: was going, not where the question's event happened (unless the question asks about the route)
_ROUTE_END = re.compile(r"\b(?:reliant|relie|reliait|de|depuis|entre)\s+[A-ZÀ-ÝŒ][\w'’-]*(?:[\s-][A-ZÀ-ÝŒ][\w'’-]*){0,3}\s+(?P<to>(?:à|et)\s+)?$")
_ROUTE_Q = re.compile(r"\b(?:reli\w*|destination|trajet|itinéraire|ligne|allait|va|vont|rendait|partait|parti|partie)\b",
                      re.IGNORECASE)
ROUTE_CHARS = 20.0
#: « Qui Loïs Boisson a-t-elle battu ? », « Qui le maire a-t-il rencontré ? »: the question names the
#: subject and asks for the verb's object
_OBJECT_Q = re.compile(r"^\s*qui\s+(?!est\b|sont\b|a\b|ont\b|était\b)[^?]+?\s+(?:a|ont|avait|avaient|va|vont|doit|devra)"
                       r"-t-(?:il|elle|ils|elles|on)\s+(?P<verb>[^\W\d]{4,})", re.IGNORECASE)
#: how far (characters) after the verb the object's name may start (« battant l'Américaine »)
OBJECT_GAP = 20
#: « l'Américaine Coco Gauff », « au Portugais Miguel Gomes »: the word before a name, a nationality if listed
_NATIONALITY_BEFORE = re.compile(r"\b(?:le|la|les|au|aux|du|des|l['’])\s*([^\W\d]+)\s+$", re.IGNORECASE)
#: « morts pendant la canicule », « tués dans l'incendie »: the event a toll is asked of
_DEATH_IN_Q = re.compile(r"\b(?:morte?s?|tuée?s?|décédée?s?|blessée?s?|victimes?|péri)\s+(?:dans|pendant|lors|durant|au cours)\s+"
                         r"(?:de\s+|d['’])?(?:(?:la|le|les|l['’]|du|des|ce|cet|cette)\s*)?(?P<event>[^\W\d]{4,})", re.IGNORECASE)
#: « Combien de morts… ? », « Quand X est-il mort ? »: a question about deaths, answered only by
#: a sentence that speaks of them (« 87 cas », « 1.850 passages » count something else)
_DEATH_WORDS = (r"morts?|mortes?|décès|décédée?s?|décéda|tuée?s?|meurt|meurent|mourir|mourut|mouraient|"
                r"périe?s?|périrent|succombée?s?|succomba")
_DEATH_Q = re.compile(rf"\b(?:{_DEATH_WORDS}|died|dead|deaths|killed|die)\b", re.IGNORECASE)
_DEATH = re.compile(rf"\b(?:{_DEATH_WORDS}|victimes?|mortels?|mortelles?|morte?s?|noyée?s?|sans vie|"
                    r"bilan|assassinée?s?|exécutée?s?|disparue?s?|tombée?s?|mort-née?s?)\b"
                    r"|\(\s*(?:\w+\s+){0,3}\d{3,4}\s*[-–]\s*(?:\w+\s+){0,3}\d{3,4}\s*\)", re.IGNORECASE)
#: « Quand l'autoroute a-t-elle été construite ? »: events whose date a sentence gives only in
#: words of the same family (a building's date is not the day of an accident on it)
_EVENT_FAMILIES: tuple[tuple[tuple[str, ...], "re.Pattern[str]", "re.Pattern[str]"], ...] = tuple(
    # (« le condamné devra verser » names a person: a determiner before the word makes it a noun)
    (qtypes, re.compile(rf"(?<!\ble\s)(?<!\bles\s)(?<!\bla\s)(?<!\bdu\s)(?<!\bdes\s)(?<!\bau\s)(?<!\baux\s)\b(?:{asks})\b", re.IGNORECASE),
     re.compile(rf"\b(?:{says})\b", re.IGNORECASE))
    for qtypes, asks, says in (
        ((DATE,), r"construite?s?|bâtie?s?|édifiée?s?|érigée?s?|built|constructed",
         r"construite?s?|construction|constructions|construisirent|construisit|bâtie?s?|bâtiment|édifiée?s?|édification|"
         r"érigée?s?|élevée?s?|achevée?s?|achèvement|inaugurée?s?|inauguration|ouverte?s?|ouverture|mise?s? en service|"
         r"date|datant|datent|remonte|remontent|travaux|chantier"),
        ((DATE,), r"fondée?s?|founded|créée?s?|created",
         r"fondée?s?|fondation|fondateur|fondatrice|fonde|fondent|fonda|créée?s?|création|crée|créent|créa|créateur|"
         r"créatrice|établie?s?|instaurée?s?|instituée?s?|lancée?s?|lancement|naissance|née?s?|apparaît|apparaissent|"
         r"apparue?s?|date|datant|remonte|ouverte?s?|ouverture|inaugurée?s?|inauguration"),
        ((DATE,), r"ouverte?s?|ouvrira|ouvriront|opened|inaugurée?s?|inaugurated",
         r"ouverte?s?|ouverture|ouvrira|ouvriront|ouvre|ouvrent|rouvert\w*|réouverture|inaugurée?s?|inauguration|"
         r"accueille|accueillera|portes|mise?s? en service|lancée?s?|lancement|date|datant"),
        ((DATE,), r"désorbitée?s?|désorbitera", r"désorbit\w*|fin de (?:vie|mission)|rentrée atmosphérique"),
        ((DATE,), r"rejetée?s?|rejeté|rejected|refusée?s?",
         r"rejet\w*|refus\w*|repouss\w*|vot\w* contre|censur\w*|désavou\w*|retoqu\w*|recal\w*"),
        # « Combien de Canadair ont été détruits ? »: « six Canadair ont été mobilisés » counts others
        ((DATE, NUMBER), r"détruite?s?|détruits|destruction|ravagée?s?|brûlée?s?|incendiée?s?|destroyed|burnt|burned",
         r"détrui\w*|destruction|ravag\w*|brûl\w*|incendi\w*|rasée?s?|anéanti\w*|dévast\w*|endommag\w*|ruines?|"
         r"bombard\w*|calcin\w*|effondr\w*|en fumée|sinistrée?s?|flammes|feu"),
        ((DATE, NUMBER), r"arrêtée?s?|arrêtés|interpellée?s?|interpellés|arrested|interpellations?",
         r"arrêt\w*|interpell\w*|gardes? à vue|appréhend\w*|écrou\w*|mise?s? en examen|détenu\w*|captur\w*|"
         r"menott\w*|placée?s? en détention"),
        # « Combien de personnes ont été condamnées ? »: not the fourteen arrested ones
        ((DATE, NUMBER), r"condamnée?s?|condamnés|convicted|sentenced",
         r"condamn\w*|peines?|prison|réclusion|emprisonnement|amendes?|sursis|coupables?|verdict|jugée?s?|jugement|"
         r"relaxée?s?|acquittée?s?"),
        # « Qui a racheté la papeterie ? » is not answered by the group that owns it and closes it
        ((PERSON, DATE, NUMBER), r"achetée?s?|acheté|rachetée?s?|racheté|acquise?s?|acquis|bought|purchased|acquired",
         r"achet\w*|rachet\w*|rachat|acqui[ès]\w*|acquér\w*|acquiert|acquit|acquisition|acquéreur\w*|repreneur\w*|reprise|achat|vend\w*|"
         r"céd\w*|cède\w*|cession|offert\w*|légu\w*|don|donation"),
    ))
#: « Quel âge a Loïs Boisson ? »: an age, as articles give it (« la Dijonnaise de 23 ans », « à l'âge
#: de 45 ans », « (61 ans) », « , 61 ans, »), not « deux ans avant » nor « depuis dix ans »
_AGE_Q = re.compile(r"\b(?:quel\s+(?:âge|age)|how old|what age)\b", re.IGNORECASE)
#: the age of a thing: « vieille de 1,2 million d'années », « remontent à environ 1,2 million d'années »
_OLD_AS = re.compile(r"\b(?:vieux|vieille|vieilles|âgée?s?|datant|dat\w*|remont\w*)\s+(?:de|à|d['’])\s*(?:environ\s+|près\s+de\s+|plus\s+de\s+)?"
                     r"\d[\d.,\s]*(?:millions?\s+d['’]|milliards?\s+d['’]|\s)*(?:ans|années|siècles)\b", re.IGNORECASE)
#: « détenu pendant plus de deux ans », « depuis trois ans »: how long, not how old
_LASTED_BEFORE = re.compile(r"\b(?:pendant|depuis|durant|il\s+y\s+a|voilà|en)\s+(?:(?:plus|moins|près|presque|environ|quelque)\s+)?(?:de\s+|d['’])?$",
                            re.IGNORECASE)
_AGE_WORDS = r"(?:(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|" \
             r"trente|quarante|cinquante|soixante|cent|et)(?:[- ]|(?=\s+(?:ans|mois|semaines))))+"
_AGE_N = rf"(?:\d{{1,3}}|{_AGE_WORDS})"
_AGE = re.compile(rf"(?:\b(?:de|à|âgée?s?|entre|vers|dès)|\(|,)\s*{_AGE_N}(?:\s*(?:et|à|,)\s*{_AGE_N})*\s*(?:ans|mois|semaines)\b"
                  r"(?!\s+(?:avant|après|plus tard|plus tôt|de prison|d['’]emprisonnement|de réclusion|ferme|auparavant))",
                  re.IGNORECASE)
#: a sentence whose subject is described with an age: « Le coureur de 24 ans », « La
#: Dijonnaise, 23 ans, », « L'ancien ministre, âgé de 71 ans, »
_DESCRIBED_AGE = re.compile(rf"(?:Le|La|L['’])\s*(?:[^\W\d]+\s+){{0,2}}?[^\W\d]+\s*(?:,\s*(?:âgée?\s+de\s+)?|de\s+){_AGE_N}\s*ans\b")
#: a capitalised word after the first of a sentence (someone else named)
_CAPITAL_WORD = re.compile(r"(?<=[\s(«“\"'’-])[A-ZÀ-ÖØ-Þ][\w-]+")
_AGE_RANGE = re.compile(r"\d\s*(?:et|à)\s*\d", re.IGNORECASE)
#: a question about what is to come: « Quand Brest jouera-t-il… ? », « Quand va-t-elle ouvrir ? »,
#: « Quand les travaux doivent-ils s'achever ? »
_FUTURE_Q = re.compile(r"\b[^\W\d]{2,}(?:era|eront|ira|iront|dra|dront|ra|ront)-t-(?:il|elle|on)\b"
                       r"|\b[^\W\d]{2,}(?:eront|iront|dront|ront)-(?:ils|elles)\b"
                       r"|\b(?:va|vont|doit|doivent|devra|devront)(?:-t)?-(?:il|elle|on|ils|elles)\s+(?:s['’]|se\s+)?[^\W\d]+(?:er|ir|re)\b"
                       r"|\bprévue?s?\b|\bprochaine?s?\b|\bwill\b"
                       # « Quand aura lieu le second tour ? », « Où se tiendra le sommet ? »
                       r"|^\s*(?:quand|à\s+quelle\s+date|où)\s+(?:aura|auront|sera|seront|se\s+tiendra|se\s+tiendront)\b", re.IGNORECASE)
#: an institution named by a common noun and its town (« le parquet de Paris »)
_INSTITUTION_OF = re.compile(r"\b(?:le|la|l['’])\s*(?P<inst>(?:parquet|tribunal(?:\s+(?:judiciaire|correctionnel|administratif))?|préfecture|"
                             r"mairie|conseil\s+(?:départemental|régional|municipal)|cour\s+d['’]appel|université|"
                             r"gouvernement|parlement|ministère|métropole|communauté\s+d['’]agglomération|communauté\s+de\s+communes)\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+))$", re.IGNORECASE)
#: « Qu'est-ce qui a endommagé la canalisation ? », « Qu'est-ce qui a provoqué l'incendie ? »: by what
_WHAT_DID_Q = re.compile(r"^\s*qu'est-ce\s+qui\s+(?:a|ont|avait|avaient|aurait|auraient)\s+(?:pu\s+)?(?P<verb>[^\W\d]{4,})", re.IGNORECASE)
#: where what did it ends: punctuation, a relative pronoun, a conjunction
_THING_AGENT_END = re.compile(r"[,;:.()«»\"“”]|\s(?:qui|que|qu['’]|dont|mais|selon)\s")
#: « La Voie | est libre | a déposé »: a name that reads on as a clause, then the sentence's verb
_NAME_GOES_ON = re.compile(r"\s+(?:est|sont)\s+[a-zàâçéèêëîïôûù]+(?=\s+(?:a|ont|avait|avaient|va|vont)\s+[a-zàâçéèêëîïôûù]+)")
#: « Comment s'intitule le projet… ? », « Quel est le nom de l'opération… ? »: the noun to be named
_TITLED_Q = re.compile(r"^\s*(?:comment\s+s'(?:intitul|appel|nomm)\w*|quel(?:le)?\s+est\s+(?:le\s+)?(?:nom|titre|intitulé)\s+d[eu]s?"
                       r"|quel\s+nom\s+porte)\s+(?:le\s+|la\s+|les\s+|l'|son\s+|sa\s+|ses\s+|leur\s+|ce\s+|cette\s+)?(?P<noun>[^\W\d]{4,})\b",
                       re.IGNORECASE)
#: « , intitulé « Un théâtre ouvert » », « baptisé Horizon 2030 »: the name given
_TITLED_AS = (r"(?:intitulée?s?|baptisée?s?|dénommée?s?|surnommée?s?|appelée?s?|nommée?s?|du\s+nom\s+de)\s+"
              r"(?P<name>«[^«»]{1,80}»|[A-ZÀ-ÝŒ][\w’'-]*(?:\s+(?:[A-ZÀ-ÝŒ\d][\w’'-]*|de|du|des|la|le|d['’]\S+))*)")
#: « Qui dirigeait le théâtre avant Clara Vidal ? »: the predecessor of someone named
_BEFORE_SOMEONE_Q = re.compile(r"^\s*(?i:qui)\b.*\bavant\s+(?P<who>[A-ZÀ-ÖØ-Þ][\w’'-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w’'-]+)*)\s*\??\s*$")
#: « succédera le 1er janvier à », « remplace », « prend la succession de », « son prédécesseur, »:
#: the name that follows is who came before
_SUCCEEDS = re.compile(r"\b(?:succ[ée]d\w*|remplac\w*|prend(?:ra)?\s+la\s+(?:succession|suite)|pris\s+la\s+(?:succession|suite)"
                       r"|(?:son|sa|leur)\s+prédécesseur|(?:son|sa|leur)\s+prédécesseure)\b(?:[^,;:.()«»]{0,40}?\s(?:à|de|d['’]))?\s*,?\s*",
                       re.IGNORECASE)
#: « la ministre de la Culture », « le secrétaire d'État chargé des Transports »: a title whose
#: capitalised word is a portfolio, not a name
_PORTFOLIO_BEFORE = re.compile(r"(?P<title>\b(?:(?:le|la|l['’])\s*)?(?:ministre|secrétaire\s+d['’]État)"
                               r"(?:\s+(?:délégué|déléguée|chargé|chargée))?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|aux\s+))$",
                               re.IGNORECASE)
_PORTFOLIO = re.compile(r"(?:(?:le|la|l['’])\s*)?(?:ministre|secrétaire\s+d['’]État)\b", re.IGNORECASE)
#: « L'acheteur […] est le musée J. Paul Getty », « par le musée Getty »: a building's institution that
#: acts (a subject, an attribute, an agent) and is someone; not « dans le musée X », « au musée X »
_ACTING_BUILDING = re.compile(r"(?:^|(?<=[\s,]))(?:(?:par|est|sont|était|fut|et)\s+)?(?:le|la|l['’])\s*"
                              r"(?P<inst>(?:musée|fondation|hôpital|lycée|collège|école|stade|palais|aéroport)\s+)$", re.IGNORECASE)
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:dans|sur|devant|derrière|vers|sous|depuis|près|entre|en|de|du|à|au|pour)\s+$", re.IGNORECASE)
#: « Dans quelle ville… ? », « Quel pays… ? »: a named place is asked for
_WHICH_PLACE_Q = re.compile(r"\bquel(?:le)?s?\s+(?P<noun>ville|pays|région|département|province|continent|commune|état|"
                            r"île|capitale|village|fleuve|rivière|océan|mer|quartier|massif|vallée|lac|baie|golfe|canton)s?\b", re.IGNORECASE)
#: what a « quel(le) X » place question asks for by a proper name (a massif, a lake… have their own rule)
_NAMED_PLACE_KINDS = frozenset("ville commune village pays région département province capitale canton île état".split())
_CAPITALISED = r"[A-ZÀ-ÝŒ][\w’'-]*"
#: a place's name: « Saint-Sorlin-d'Arves », « Grandes Rousses », « Clermont-Ferrand »
_PLACE_NAME = rf"{_CAPITALISED}(?:[\s-](?:sur|sous|en|lès|de|du|la|le)?[\s-]?{_CAPITALISED})*"
#: « Quelle est la population de… ? », « Combien d'habitants compte… ? » and what answers it
_POPULATION_Q = re.compile(r"\bpopulation\b|\bcombien\s+d['’]habitants\b", re.IGNORECASE)
_INHABITANTS = re.compile(r"\s*(?:d['’])?(?:habitants?|âmes|résidents)\b", re.IGNORECASE)
#: stems of the verbs and nouns that say money is spent, given or received, by kind
_MONEY_KINDS = (
    ("funding", re.compile(r"(?:financ|vers|invest|mobilis|debours|depens|subvention|allou|alloc|accord|debloqu|pret|avanc|"
                           r"indemnis|rembours|dot)")),
    ("payout", re.compile(r"(?:empoch|touch|gagn|rapport|recev|recoi|recu|percu|percev|prime|cheque)")),
    ("cost", re.compile(r"(?:cout|valeur|vaut|prix|factur)")),
    ("paid", re.compile(r"(?:pai|pay)")),  # « payé 12,50 euros de l'heure » is a wage, not a price
)


def _money_kind(term: str) -> str | None:
    """« funding », « payout », « cost » or « paid » for a word's term that says money moves, else ``None``."""
    folded = fold(term)
    return next((kind for kind, stems in _MONEY_KINDS if stems.match(folded)), None)


#: « la ligne 15 », « l'autoroute A69 », « le vol AF447 »: a numbered label a question names
_LABEL_Q = re.compile(r"\b(?:ligne|route|autoroute|vol|salle|terminal|quai|porte|bâtiment|lot|tranche)\s+[A-Z]{0,3}\d{1,4}[A-Za-z]?\b")
#: « en avril », « fin mars », « au mois de juin »: a month a question places its fact in
_IN_MONTH_Q = re.compile(r"\b(?:en|fin|début|mi-|au\s+mois\s+de|au\s+mois\s+d['’])\s*(janvier|février|mars|avril|mai|juin|juillet|"
                         r"août|septembre|octobre|novembre|décembre)\b", re.IGNORECASE)
#: a sentence's term said with it: « deux ans d'emprisonnement », « une interdiction d'exercer de cinq ans »
_TERM_AFTER = re.compile(r"\s*(?:d['’]emprisonnement|de\s+prison|de\s+réclusion|ferme\b|avec\s+sursis|de\s+sursis)", re.IGNORECASE)
_TERM_BEFORE = re.compile(r"\b(?:interdiction\s+(?:d['’]\w+|de\s+\w+)|peine|condamnée?s?\s+à|suspension|privation)\s+(?:de\s+|à\s+)?$", re.IGNORECASE)
#: « Quelle augmentation de salaire… ? »: a change asked by its noun, most often a percentage
_CHANGE_NOUN_Q = re.compile(r"\bquelle\s+(?:augmentation|hausse|baisse|réduction|diminution)\b", re.IGNORECASE)
#: an auxiliary or an inverted subject right before a participle: the question's own verb
_AUX_BEFORE = re.compile(r"(?:\b(?:a|ont|été|est|sont|avait|avaient|sera|seront|fut)|-t-(?:il|elle|ils|elles|on)|-(?:il|elle|ils|elles))\s+(?:[^\W\d]+\s+)?$",
                         re.IGNORECASE)
#: a name an article uses as a place: before its département in brackets (« Valence (Drôme) »,
#: « Caen (14) »), or after a town's institution (« le maire de Saint-Nazaire »)
_PLACE_CUE = re.compile(
    rf"(?P<name>{_PLACE_NAME})\s+\((?P<dept>\d{{2,3}}|[^()\n]{{3,40}})\)"
    rf"|\b(?:maire|mairie|ville|commune|préfecture|sous-préfecture|tribunal(?:\s+(?:correctionnel|judiciaire|administratif|de\s+commerce))?"
    rf"|cour\s+d['’]appel|centre\s+hospitalier|CHU|hôpital|habitants|gendarmerie|commissariat|agglomération|métropole|"
    rf"parquet|procureur(?:e)?\s+de\s+la\s+République)\s+(?:de\s+|d['’])(?P<name2>{_PLACE_NAME})")
#: « entre Clermont-Ferrand et Saint-Flour »
_BETWEEN_PLACES = re.compile(rf"\bentre\s+({_PLACE_NAME})\s+et\s+((?:(?:le|la|les)\s+|l['’])?{_PLACE_NAME})"
                             # « aperçue de Nantes jusqu'à Caen », « de Paris à Rodez »: a route's two ends
                             rf"|\b(?<![’'])(?:de\s+|d['’])((?:(?:la|le)\s+|l['’])?{_PLACE_NAME})\s+(?:jusqu['’](?:à|au)\s+|à\s+)((?:(?:la|le|les)\s+|l['’])?{_PLACE_NAME})")
#: places news names with their noun (« le massif des Écrins », « le lac de Serre-Ponçon »)
_FEATURE_NOUNS = frozenset({"massif", "vallée", "lac", "baie", "golfe"})
_WORD_CAPITAL = re.compile(r"(?<![\w-])[A-ZÀ-ÝŒ]")
#: « Quels pays… ? », « Qui sont les fondateurs… ? »: several answers, listed
_PLURAL_Q = re.compile(r"\bquel(?:le)?s\b|^\s*qui\s+sont\b|\bwhich\s+\w+s\b", re.IGNORECASE)
_SET_GAP = re.compile(r"\s*[,;/]?\s*")
#: between two listed places: a comma or « et », nothing else (« en Espagne, au Portugal et en Suisse »)
_PLACE_LIST_GAP = re.compile(r",\s*|\s+et\s+")
_LIST_GAP = re.compile(r"\s*(?:,|\bet\b|\bou\b|,\s*et\b)\s*(?:(?:de|du|des|d['’]|en|à|au|aux|la|le|les|l['’])\s*)?")
#: words that give a name (« baptisé », « du nom de »), and a Latin species name's second word
_NAMING = re.compile(r"\b(?:baptisée?s?|nommée?s?|dénommée?s?|surnommée?s?|appelée?s?|intitulée?s?|du nom de|"
                     r"s['’]appelle|s['’]appelait|s['’]appellent)\s+(?:«\s*)?(?=[A-ZÀ-ÝŒ])", re.IGNORECASE)
#: (« Pristimantis kaiteur, découverte… »: after a naming word, a lower-case word that ends the
#: name before punctuation is the epithet too)
_EPITHET = re.compile(r"\s+(?:[a-z]{3,}(?:ensis|iensis|oides|ii|ae|us|um|is|a|i)\b|[a-z]{3,}(?=\s*[,;.)]))")
#: « Quel film… ? », « Quel roman… ? »: a work, whose title articles put in quotes
_WORK_Q = re.compile(r"^\s*(?:(?:de|dans|pour|avec|par)\s+)?quel(?:le)?s?\s+(?:film|long-métrage|court-métrage|documentaire|livre|roman|"
                     r"essai|album|chanson|titre|single|pièce|spectacle|série|œuvre|oeuvre|ouvrage|tableau|opéra|jeu)s?\b", re.IGNORECASE)
_QUOTED_TITLE = re.compile(r"«\s*([^«»]{1,80}?)\s*»")
_SAID_AFTER = re.compile(r"\s*,\s*(?:a\s+|ont\s+|avait\s+)?(?:déclar|dit|affirm|estim|soulign|expliqu|ajout|assur|déplor|racont|"
                         r"indiqu|précis|confi|lanc|réag|rappel|prévien|martel|insist|regrett|conclu|comment|résum|admet|"
                         r"reconn|poursui|not|dénonc|salu|avert|tranch)\w*", re.IGNORECASE)
#: « Qui a reçu le prix… ? » and how articles say who got it
_AWARD_Q = re.compile(r"^\s*(?:qui\s+(?:a|ont)\s+(?P<verb>reçu|obtenu|remporté|gagné|décroché)|who\s+(?:won|received|got)|who\s+was\s+awarded"
                      # « Qui a été désignée révélation de l'année ? » « La révélation est revenue à X »
                      r"|qui\s+a\s+été\s+(?P<chosen>désignée?|élue?|sacrée?|couronnée?))\b",
                      re.IGNORECASE)
#: « Contre qui… ? », « Face à qui… ? », « Qui affrontera X ? », « Quel adversaire… ? »: the opponent
_OPPONENT_Q = re.compile(r"^\s*(?:(?:contre|face\s+à)\s+qui\b|qui\s+(?:affronte|affrontera|affronteront|a\s+affronté|rencontrera)\b"
                         r"|quel(?:le)?s?\s+(?:adversaire|rival|rivale|challenger|opposant|opposante)s?\b)", re.IGNORECASE)
#: « Qui est devenu champion… ? », « Qui a remporté… ? »: the winner, never the one beaten
_WINNER_Q = re.compile(r"^\s*qui\s+(?:est\s+devenue?|a\s+remporté|remporte|a\s+gagné|gagne|s['’]est\s+imposée?|a\s+décroché|est\s+sacrée?|a\s+été\s+sacrée?)\b",
                       re.IGNORECASE)
#: the opponent named after: « en battant l'Italien », « face au Britannique », « contre », « aux dépens de »
_OPPONENT_BEFORE = re.compile(r"\b(?:en\s+battant|a\s+battu|ont\s+battu|bat|face\s+(?:à|au|aux)|contre|aux\s+dépens\s+(?:de|du|des|d['’])|"
                              r"devant|affrontera|affronter|affronte|a\s+affronté|opposée?s?\s+(?:à|au|aux))"
                              r"\s+(?:(?:le|la|les)\s+|l['’])?(?:[a-zàâçéèêëîïôûù-]+\s+){0,2}$", re.IGNORECASE)
_AWARDED_TO = re.compile(r"\b(?:revenue?s?|attribuée?s?|décernée?s?|remise?s?|accordée?s?)\s+(?:[^\W\d]+\s+)?(?:à|au|aux)\s+"
                         r"(?:(?:l['’]|la|le|les)\s*)?(?:[^\W\d]+\s+){0,2}$"
                         # « a décerné dimanche son Fauve d'or, la plus haute récompense …, à l'autrice japonaise X »
                         r"|\b(?:attribué|décerné|remis|accordé)e?s?\b(?:(?!\b(?:à|au|aux)\s)[^.;:«»]){0,120}?,?\s*(?:à|au|aux)\s+"
                         r"(?:(?:l['’]|la|le|les)\s*)?(?:[^\W\d]+\s+){0,2}(?:«\s*)?$", re.IGNORECASE)
#: headlines round their figures: how much (log-probability) a headline's figure gives up to one of its text
HEADLINE_PENALTY = math.log(2.0)
#: a question about a rank, and the ordinals that answer it
_RANK_Q = re.compile(r"\b(?:classement|rang|classée?s?|quelle\s+place|quelle\s+position)\b", re.IGNORECASE)
#: what « combien de … » counts in words too general for an article to repeat them (« combien de
#: personnes » is answered by « 12 blessés », « combien de temps » by « trois heures »; people, see
#: _PEOPLE, are counted as « personnes » as often as by their own noun)
_GENERIC_COUNT = re.compile(r"(?:personnes?|gens|fois|temps|ann[ée]es?|ans?|mois|jours?|semaines?|heures?|minutes?|"
                            r"secondes?|siècles?|décennies?|euros?|dollars?|argent|membres?|pays|points?|places?|"
                            r"exemplaires?|unités?|sortes?|types?|espèces?|catégories?|parties?|étapes?)", re.IGNORECASE)
#: how many of the best sentence's article's likeliest sentences an age is looked for in
AGE_TOP = 30
#: « Quand X est-il arrivé… ? », « Quand le pont a-t-il été fermé ? »: the act dated
#: the participle after the inverted subject (« a-t-il été arrêté »), or, when a name follows
#: it instead (« suit-il Inès Morel »), the simple tense before it
_DATE_VERB_Q = re.compile(r"(?:\b(?P<simple>[^\W\d]{4,}))?(?:-t)?-(?:il|elle|ils|elles|on)\s+(?:été\s+|pas\s+|déjà\s+)?"
                          r"(?P<verb>[^\W\d]{4,})", re.IGNORECASE)
#: « Quand la réunion … ? », « À quelle date le procès … ? »: the noun whose date is asked
_WHEN_SUBJECT_Q = re.compile(r"^\s*(?:quand|à\s+quelle\s+date|en\s+quelle\s+année)\s+(?:le|la|les|l['’]|ce|cette|ces)\s*"
                             r"(?P<noun>[^\W\d]{4,})\b", re.IGNORECASE)
#: a determiner (and maybe an ordinal or adjective) before a word: it is a noun
_DETERMINER_BEFORE = re.compile(r"\b(?:la|le|les|l['’]|une?|cette|ce|ces|sa|son|ses|leur|leurs|du|des|de\s+la)\s*(?:\w+\s+)?$", re.IGNORECASE)
#: verbs too common to say which act is dated (stems)
_LIGHT_VERBS = frozenset({"fait", "faire", "deven", "devenu", "passe", "pass", "mise", "pris", "prise", "comm", "commenc", "eu", "lieu"})
#: « Qui est représenté… ? », « Qui a été désigné… ? »: a passive participle
_PASSIVE_Q = re.compile(r"^\s*qui\s+(?:est|sont|était|étaient|a\s+été|ont\s+été|avait\s+été|fut|sera|serait)\s+"
                        r"(?P<verb>[^\W\d]{3,}(?:é|ée|és|ées|is|ise|it|ite|u|ue|us))\b", re.IGNORECASE)
#: « Qui a remporté les élections municipales de Marseille ? »: who won what; a sentence about
#: another prize (« a remporté la finale du Top 14 ») does not answer it
_WHO_DID_Q = re.compile(r"^\s*qui\s+(?:a|ont|avait|avaient)\s+(?:remporté|gagné|marqué|inscrit|obtenu|décroché|conquis|"
                        r"remportée|gagnée)\s+(?:le|la|les|l['’]|un|une|des|du)\s*"
                        r"(?:(?:premier|première|second|seconde|dernier|dernière|grand|grande)\s+)?(?P<head>[^\W\d]{3,})",
                        re.IGNORECASE)
#: « Quel était le taux de chômage en avril ? »: the rate of what; a sentence about another rate
#: (« l'inflation… 1,1 % ») does not answer
_RATE_OF_Q = re.compile(r"\b(?:taux|pourcentage|proportion)\s+(?:de\s+l['’]|de\s+la\s+|de\s+|d['’]|du\s+|des\s+)\s*"
                        r"(?P<what>[^\W\d]{4,})", re.IGNORECASE)
#: « D'où viennent les vendangeurs ? », « De quel pays est-il originaire ? »: where from
_ORIGIN_Q = re.compile(r"^\s*(?:d['’]\s*où|de\s+quel(?:le)?s?\s+(?:pays|ville|région|endroit)|where\b.*\bfrom\b)",
                       re.IGNORECASE)
_IN_PLACE = re.compile(r"\b(?:en|dans\s+(?:la|le|les|l['’])\s*|(?:ville|commune|village|localité|région|île|port)\s+(?:de|d['’]))\s*$",
                       re.IGNORECASE)
_AT_PLACE = re.compile(r"\b(?:au|aux)\s+$", re.IGNORECASE)
#: « boulanger rue Ordener », « au 12 boulevard Voltaire »: a street's name, even a person's, is nobody
_STREET_BEFORE = re.compile(r"\b(?:rue|avenue|boulevard|bd|quai|impasse|allée|ruelle|cours|square|passage)\s+"
                            r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?$", re.IGNORECASE)
#: « élève au lycée Kléber », « au stade Pierre-Mauroy »: a building named after someone is nobody
#: when a person is asked for (« Quel lycée… ? » and organisation questions keep it)
_BUILDING_BEFORE = re.compile(r"\b(?:lycée|collège|école|stade|gymnase|hôpital|palais|musée|gare|aéroport|piscine)\s+"
                              r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])?$", re.IGNORECASE)
#: « …, a annoncé mardi la maire de Paris, Anne Hidalgo »: a verb after a comma or a quotation, then
#: a weekday maybe, then its subject
_INVERTED_BEFORE = re.compile(r"(?:,|»)\s*(?:a|ont|avait|avaient)\s+$")
#: « Keolis, qui exploite le réseau »: a name, then a relative clause whose verb is the question's
_RELATIVE_SUBJECT = re.compile(r",\s*qui\s+(?:(?:a|ont|avait|avaient|aura|auront)\s+)?$")
_INVERTED_AFTER = re.compile(rf"(?:\s+{_WHEN_BETWEEN})?\s+")
#: « Quel syndicat a lancé la grève ? » answered by « lancé par le SNCTA »: an organisation or a person
#: asked by its kind, then a participle
_WHICH_AGENT_Q = re.compile(r"^\s*(?:quel|quelle|quels|quelles)\s+(?:[^\W\d]+(?:\s+[^\W\d]+)?\s+(?:a|ont|avait|avaient)\s+"
                            r"(?P<verb>[^\W\d]{4,}(?:é|ée|és|ées|i|is|it|u|us))\b"
                            # « Quel organisme classe l'anguille… ? »: a body, a present tense, then its object
                            r"|(?:organisme|institution|entreprise|société|association|agence|syndicat|organisation|fondation|"
                            r"autorité|office|comité|commission|institut|laboratoire)s?\s+"
                            r"(?P<present>[^\W\d]{3,}(?<!a)(?:e|ent|it))\s+(?:le|la|les|l['’]|un|une|des|du|ce|cette|ces)\b)",
                            re.IGNORECASE)
#: « Quelle bataille… ? », « Lors de quelle guerre… ? »: a kind of thing, often named after its noun
#: « À quel journal… ? » is answered by « au quotidien Les Dernières Nouvelles d'Alsace »: the
#: nouns news uses for one of the asked noun's kind
_NOUN_KINDS: dict[str, tuple[str, ...]] = {
    "journal": ("quotidien", "hebdomadaire", "magazine", "mensuel", "site", "titre"),
    "média": ("journal", "quotidien", "hebdomadaire", "magazine", "radio", "chaîne", "site"),
    "quotidien": ("journal",),
    "magazine": ("hebdomadaire", "mensuel", "revue"),
    "radio": ("station",),
}
_WHICH_NOUN_Q = re.compile(r"^\s*(?:(?:de|en|dans|par|avec|sur|à|a|pour|chez|lors\s+de|pendant|au\s+cours\s+de)\s+)?(?:quel|quelle|quels|quelles)\s+"
                           r"(?:(?:est|était|sont|étaient|fut)\s+(?:la|le|les|l')\s*)?"
                           r"(?:(?:nouvelle|nouveau|nouveaux|premier|première|dernier|dernière|principale?|principaux|autres?|"
                           r"grande?|ancienne?|seule?|meilleure?)\s+)?(?P<noun>[a-zéèêàçôû]{4,})\b(?!-t)", re.IGNORECASE)
#: « Où X était-il caché ? »: where something was put or found, by the participle
_HIDDEN_Q = re.compile(r"\boù\b.*?\b(?P<verb>(?:dissimul|cach|enfou|enterr|stock|entrepos|rang|gard|conserv|retrouv|découv"
                       # « Où les habitants évacués ont-ils été accueillis ? » « accueillis dans un gymnase »
                       r"|accueill|héberg|relog|install|réfugi|confin|enferm|séquestr)"
                       r"[^\W\d]*(?:é|ée|és|ées|i|ie|is|ies|ert|erte|erts|ertes))\b", re.IGNORECASE)
#: « dans une vingtaine de valises », « sous le plancher du salon »: the container, to the clause's
#: end or the next place's preposition
_HELD_IN = re.compile(r"\s+((?:dans|sous|derrière|sur|entre|parmi|au\s+fond\s+d['’]?\w*|à\s+l['’]intérieur\s+d['’]?\w*)\s+"
                      r"[^,;:.()«»]{2,60}?)(?=\s*(?:[,;:.()«»]|$|\s(?:à|au|aux|en|vers|pour|par|qui|que|et|avant|après)\s))",
                      re.IGNORECASE)
#: « Pour quel club… ? », « Dans quelle équipe… ? »: a body people play, run or write for
_CLUB_Q = re.compile(r"^\s*(?:dans|pour|chez|à|a|avec|de)\s+(?:quel|quelle|quels|quelles)\s+(?:club|équipe|formation|"
                     r"parti|journal|quotidien|hebdomadaire|magazine|chaîne|radio|banque|groupe|cabinet|agence|école|université|"
                     r"lycée|collège|laboratoire|service)s?\b", re.IGNORECASE)
#: « Quelle banque… ? », « Dans quelle entreprise… ? »: an organisation, so nobody's own name
_ORGANISATION_Q = re.compile(r"^\s*(?:(?:de|dans|à|a|pour|par|chez)\s+)?(?:quel|quelle|quels|quelles)\s+(?:(?:est|était|sont)\s+)?"
                             r"(?:(?:la|le|les|l['’])\s*)?(?:banque|institution|entreprise|société|association|syndicat|organisation|"
                             r"compagnie|enseigne|fondation|ong|organisme|collectif|constructeur|fabricant|opérateur|groupe|club|"
                             r"équipe|parti|marque|journal)s?\b", re.IGNORECASE)
#: « Quelle association… ? », « Quel syndicat… ? »: an organisation asked for by its kind
_WHICH_ORG_Q = re.compile(r"^\s*(?:quel|quelle|quels|quelles)\s+(?P<noun>association|fondation|collectif|ong|organisation|syndicat|société|entreprise|compagnie|groupe)s?\b",
                          re.IGNORECASE)
#: « installée à Saint-Pierre-sur-Dives », « basé à Lyon »: where something is, nobody
_SITED_AT = re.compile(r"\b(?:install|situ|bas|implant|localis|domicili|n)(?:é|ée|és|ées)\s+(?:à|au|aux)\s+$", re.IGNORECASE)
#: « Dans quel club… ? »: « licenciée au Cercle des nageurs de Marseille » is the answer, not a place
_IN_WHICH_Q = re.compile(r"^\s*(?:dans|au\s+sein\s+d[eu']|pour|chez)\s+(?:quel|quelle|quels|quelles)\b", re.IGNORECASE)
_TO_WHOM_Q = re.compile(r"^\s*(?:à|a|auprès\s+de|aupres\s+de)\s+qui\b", re.IGNORECASE)
_PLACE_START = re.compile(r"(?:à|au|aux|en|dans|vers|près|depuis|jusqu|sur)\b", re.IGNORECASE)
#: share (idf) of the question's other words that the best sentence must hold when no retrieved
#: article mentions the year the question states
YEARLESS_COVERAGE = 0.5
#: how likely (against the best) a sentence from an article naming all of the question's proper
#: names must be to go ahead of the best one's, from an article that does not (PIAF held-out:
#: 0.7 → sentence 0.530, 0.5 → 0.531 and F1 0.272, 0.35 → 0.530 with more abstention)
NAMED_RATIO = 0.5
#: for dates, the share of the best sentence's matched question words (idf) that another
#: article's sentence must hold to compete on its date (PIAF held-out date sentence 0.644 → 0.650;
#: for figures it cost 0.638 → 0.631, so it is not applied to them)
POOL_SHARED = 0.5
#: how likely (against the best) a sentence of the best one's article with an event's words
#: (« édifié » for « construit ») must be to answer when no nearly as likely one has them
EVENT_RATIO = 0.15
_YEAR_TERM = re.compile(r"1[0-9]{3}|20[0-9]{2}")
#: a match's score in brackets, « (0-4) », « (3–1) »
_SCORE_LINE = re.compile(r"\(\d{1,2}\s*[-–]\s*\d{1,2}\)")
_ROMAN_ORDINAL = re.compile(r"[IVXLC]+(?:e|è|er|ère|ème|eme)")
_ROMAN = re.compile(r"^[IVXLC]+(?:e|er|ème|eme|ieme|ième)?$")
_DURATION = re.compile(r"^(?:depuis|pendant|durant|jusqu)", re.IGNORECASE)
#: « le dixième établissement », « la 12e victime »: an ordinal that says how many so far
_COUNTING_ORDINAL = re.compile(r"\b(?:\d{1,4}(?:e|ème|eme)|[a-zé-]{3,}ième)(?!\w)", re.IGNORECASE)
#: « un an plus tôt », « l'année précédente »: when a figure held, said right after it (a year is
#: left to :func:`_clause_of_number`)
_WHEN_QUALIFIER = re.compile(r"\s*,?\s*(?P<when>(?:un|une|deux|trois|quatre|cinq|six|dix|\d+)\s+(?:ans?|années?|mois|semaines?|jours?)"
                             r"\s+(?:plus\s+tôt|auparavant|avant)|l['’](?:an|année)\s+(?:dernière?|passée?|précédente?)"
                             r")(?![\w-])", re.IGNORECASE)
#: « Combien … compte la Creuse aujourd'hui ? » asks the present figure, and what says it is one
_NOW_Q = re.compile(r"\b(?:aujourd['’]hui|actuellement|désormais|à\s+ce\s+jour|today|currently|now)\b", re.IGNORECASE)
_NOW_BEFORE = re.compile(r"\b(?:aujourd['’]hui|actuellement|désormais)\s+(?:(?:près\s+de|environ|plus\s+de)\s+)?$", re.IGNORECASE)
_NOW_AFTER = re.compile(r"\s*,?\s*(?:aujourd['’]hui|actuellement|désormais|à\s+ce\s+jour)\b", re.IGNORECASE)
#: « contre 3,2 km² en 1990 »: the year a compared figure held
_PAST_YEAR_AFTER = re.compile(r"\s+(?:en|fin|début|à\s+la\s+fin\s+de)\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
#: a past participle right before a date (« construite en 1974 », « inauguré le 3 mai »): a past event
_PARTICIPLE_BEFORE = re.compile(r"\b(?!prévu|attendu|programmé)[a-zàâçéèêëîïôûù]{3,}(?:é|ée|és|ées|it|ite|its|ites)\s+(?=(?:en|le|au|dès)?\s*$|$)",
                                re.IGNORECASE)
#: « jeudi soir », « lundi matin »: a day and its part
_DAYPART = re.compile(r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(matin|midi|après-midi|soir)\b", re.IGNORECASE)
#: « Jusqu'à quand… ? », « Jusqu'à quelle heure… ? »: answered by « jusqu'au 1er septembre »
_UNTIL_Q = re.compile(r"^\s*jusqu['’](?:à|au)\s+(?:quand|quelle)\b", re.IGNORECASE)
_UNTIL = re.compile(r"^jusqu", re.IGNORECASE)
#: « Depuis quand… ? » is answered by « depuis 2018 », not by the sentence's more precise date
_SINCE_Q = re.compile(r"^\s*depuis\s+(?:quand|quelle\s+(?:date|année|époque))\b", re.IGNORECASE)
_SINCE = re.compile(r"^(?:depuis|dès)\b", re.IGNORECASE)
_ASKS_DURATION = re.compile(r"\b(?:depuis|jusqu|since|how long|combien de temps|pendant combien|durant combien)\b", re.IGNORECASE)
_VOTES_Q = re.compile(r"\bcombien\s+de\s+voix\b|\bhow many votes\b", re.IGNORECASE)
_MIDDAY = re.compile(r"\b(?:midi|minuit)\b", re.IGNORECASE)
_TIME_Q = re.compile(r"\b(?:(?:à|a|vers|dès|à partir de|a partir de|jusqu['’]à|depuis)\s+quelle\s+heure|what time)\b", re.IGNORECASE)
_BARE_YEAR = re.compile(r"(?:1[89]|20)\d{2}")
#: « le projet de loi pour 2025 »: a year the thing is for; « prévue pour 2025 » stays a date
_FOR_PERIOD = re.compile(r"(?<!prévu )(?<!prévue )(?<!prévus )(?<!prévues )(?<!attendu )(?<!attendue )(?<!programmé )"
                         r"(?<!programmée )(?<!fixé )(?<!fixée )(?<!reporté )(?<!reportée )(?<!repoussé )(?<!repoussée )"
                         r"(?<!annoncé )(?<!annoncée )\b(?:pour|for)\s+(?:l['’]année\s+|l['’]exercice\s+)?$", re.IGNORECASE)
_SCORE_Q = re.compile(r"\b(?:score|sur quel résultat|quel résultat|final score|what score|what was the score)\b", re.IGNORECASE)
_SCORE = re.compile(r"(?<!\d)(?<!\d[,.])\d{1,3}\s*(?:-|–|à)\s*\d{1,3}(?!\d|[,.]\d|\s*(?:%|ans|euros|heures|h\b|km|mètres))")
#: a figure that can be a score when it is not « 3-1 »: a share of votes, points
_SCORE_UNIT = re.compile(r"%|pour\s?cent|\bvoix\b|\bpoints?\b")
_MONEY_Q = re.compile(r"\b(?:prix|co[uû]ts?|économies?|co[uû]t(?:e|es|ent|ée?s?|er|era|eront|erait|eraient|ait|aient)|budgets?|montants?|sommes?|salaires?|tarifs?|dettes?|"
                      r"loyers?|indemnités?|subventions?|redevances?|rançons?|dommages\s+et\s+intérêts|"
                      r"fortune|chiffre d['’]affaires|price|cost|costs|budget|how much money|salary|"
                      r"how much (?:\w+ )*?(?:pay|paid|spend|spent|cost|costs|invest|invested|earn|earned|worth))\b", re.IGNORECASE)

#: « Combien chaque livreur recevra-t-il ? »: receiving is paid money when « combien » is not « combien de X »
_RECEIVED_Q = re.compile(r"^\s*combien\s+(?!de\s|d['’])[^?]*\b(?:recevra|recevront|recevrait|recevraient|reçoit|reçoivent|recevoir|"
                         r"reçu|reçue|reçus|reçues|percevra|percevront|perçoit|perçoivent|percevoir|perçu|perçue|perçus|"
                         r"touchera|toucheront)\b", re.IGNORECASE)
#: « Qu'avait requis le parquet… ? », « Qu'ont découvert les chercheurs ? »: a verb and its subject's noun
_WHAT_SAID_Q = re.compile(r"^\s*qu['’](?:a|ont|avait|avaient|aura|auront)\s+(?P<verb>[^\W\d]{4,}(?:é|és|ée|ées|i|is|u|us|it|its|ert|erts|ait))\s+"
                          r"(?:le|la|les|l['’])\s*(?P<noun>[^\W\d]{3,})\b", re.IGNORECASE)
#: « Combien l'OM a-t-il payé pour X ? », « Combien a rapporté la vente ? »: a verb of paying
_MONEY_VERB_Q = re.compile(r"\bcombien\b.*\b(?:payée?s?|payer|paie|paient|paiera|paieront|payera|payeront|payait|payaient|paierait|versée?s?|verser|dépensée?s?|dépenser|"
                           r"déboursée?s?|débourser|investie?s?|investir|rapportée?s?|rapporter|gagnée?s?|gagner|gagnera|empochée?s?|empocher|touchée?s?|toucher|levée?s?|lever"
                           # « Combien la région a-t-elle promis ? »: an aid, a loan, a claim
                           r"|promise?s?|promet|promettre|accordée?s?|accorder|allouée?s?|allouer|octroyée?s?|octroyer|débloquée?s?|débloquer"
                           r"|prêtée?s?|prêter|empruntée?s?|emprunter|économisée?s?|économiser|réclamée?s?|réclamer|réclame|réclament)\b", re.IGNORECASE)

#: Fallback weights (hand-set) when no trained file is present.
_DEFAULT = {"idf_cov": 3.0, "bigram": 1.0, "proximity": 0.5, "names": 1.0, "type_ok": 1.0, "type_missing": -1.0,
            "novel_log": 0.3, "pass_score": 1.0, "bias": -3.0}


@dataclass
class Weights:
    coef: list[float]
    abstain_threshold: float
    #: maps a raw sentence score to P(sentence answers the question): sigmoid(a * score + b)
    calibration: tuple[float, float] = (1.0, 0.0)
    #: linear span scorer for open answers (:data:`qa.features.SPAN_FEATURES`); None: clause rule
    span_coef: list[float] | None = None

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> "Weights":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            names = data["features"]
            coef = dict(zip(names, data["coef"]))
            a, b = data.get("calibration", (1.0, 0.0))
            span = None
            if data.get("span_coef"):
                sc = dict(zip(data["span_features"], data["span_coef"]))
                span = [float(sc.get(f, 0.0)) for f in SPAN_FEATURES]
            return cls([float(coef.get(f, 0.0)) for f in FEATURES], float(data["abstain_threshold"]), (float(a), float(b)),
                       span)
        except (OSError, ValueError, KeyError):
            return cls([_DEFAULT.get(f, 0.0) for f in FEATURES], 0.2)

    def scores(self, rows: list[list[float]]) -> list[float]:
        """Raw (linear) scores of sentence feature rows."""
        return _linear(self.coef, rows)


def _linear(coef: list[float], rows: list[list[float]]) -> list[float]:
    return [sum(a * b for a, b in zip(coef, r)) for r in rows]


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class ExtractiveAnswerer:
    """Answers from an open index and its retriever; holds no model of its own."""

    mode = MODE

    def __init__(self, index: "OpenIndex", retriever: "Retriever", weights: Weights | None = None,
                 candidates: int = 8, analyzer: FrenchAnalyzer | None = None) -> None:
        self.index = index
        self.retriever = retriever
        self.weights = weights or Weights.load()
        self.candidate_passages = candidates
        self.analyzer = analyzer or FrenchAnalyzer()
        self._vocab_by_letter: dict[str, list[str]] | None = None
        self._vocab_by_second: dict[str, list[str]] | None = None
        self._words_cache: dict[str, frozenset[str]] = {}
        self._capitalised_cache: dict[str, frozenset[str]] = {}
        self._places_cache: dict[str, frozenset[str]] = {}
        self._terms_cache: dict[str, frozenset[str]] = {}
        self._acronym_cache: dict[tuple[str, int], dict[str, list[str]]] = {}

    def load(self) -> "ExtractiveAnswerer":
        """Load the embedding model now (answers load it on first use otherwise)."""
        self.retriever.embedder.load()
        return self

    # -- retrieval ---------------------------------------------------------------------------
    def expand_query(self, question: str) -> str:
        """Add index terms that spell a question's unknown name differently (Gerasimov → guerassimov)."""
        vocab = self.index.lexical.vocab
        extra: list[str] = []
        for m in re.finditer(r"\w+", question):
            w = m.group(0)
            if len(w) < 5 or w.isdigit():
                continue
            term = self.analyzer._term(w.lower())
            if term in vocab or not (w[0].isupper() or not any(c in "éèêàçùôî" for c in w)):
                continue
            if not w[0].isupper():
                continue
            best, best_r = None, 0.0
            for cand in self._vocab_letter(fold(w)[0]):
                if abs(len(cand) - len(term)) > 4:
                    continue
                sm = SequenceMatcher(None, term, cand)
                if sm.real_quick_ratio() < 0.75 or sm.quick_ratio() < 0.75:
                    continue
                r = sm.ratio()
                if r > best_r:
                    best, best_r = cand, r
            if best and best_r >= 0.75:
                extra.append(best)
        if _WHO_Q.match(question):
            # « Qui a acheté le tableau ? »: the article may name the doer by the agent noun only
            # (« L'acheteur […] est le musée J. Paul Getty »), which the stemmer keeps apart. Not
            # for role verbs (diriger, présider…): their holders are found by the role nouns'
            # own rules, and « directeur » in the query pulls in every other article's director.
            for m in re.finditer(r"[^\W\d]{3,}", question):
                if m.group(0)[0].isupper() and m.start() > 0:
                    continue  # « Vendée » is no form of « vendre »
                term = self.analyzer._term(m.group(0).lower())
                noun = AGENT_NOUNS.get(term)
                if noun and term not in _VERB_ROLES and noun not in question.lower():
                    extra.append(noun)
        gloss = french_gloss(question)  # an English question: its French words too
        if gloss:
            extra.append(gloss)
        return question if not extra else question + " " + " ".join(extra)

    def unknown_names(self, question: str) -> list[str]:
        """Proper names of the question that the corpus never mentions, even spelt differently.

        A name the articles never contain (« Versailles », « NATO » in a corpus that says
        « Otan ») means the articles cannot be about what is asked: the answer abstains.
        Acronyms must be found as they are; other names may match a close spelling
        (Gerasimov ~ Guerassimov, Shoigu ~ Choïgou).
        """
        vocab = self.index.lexical.vocab
        out = []
        for w in _proper_names(question, r"\w+", first_acronym=True):
            term = self.analyzer._term(w.lower())
            if term in vocab or fold(w.lower()) in vocab:
                continue
            if w.isupper():  # an acronym: as it is, or starting a word (BPI → Bpifrance)
                if not any(t.startswith(fold(w.lower())) for t in self._vocab_letter(fold(w.lower())[0])):
                    out.append(w)
                continue
            f = fold(w)
            # same first letter, or same second letter (Shoigu ~ Choïgou, Kaboul ~ Caboul)
            if not any(similar(f, cand) for cand in self._vocab_letter(f[0])) and \
                    not any(similar(f, cand) for cand in self._vocab_second(f[1])):
                out.append(w)
        return out

    def _vocab_second(self, letter: str) -> list[str]:
        if self._vocab_by_second is None:
            groups: dict[str, list[str]] = {}
            for t in self.index.lexical.vocab:
                if len(t) >= 4 and not t[0].isdigit():
                    groups.setdefault(t[1], []).append(t)
            self._vocab_by_second = groups
        return self._vocab_by_second.get(letter, [])

    def _vocab_letter(self, letter: str) -> list[str]:
        if self._vocab_by_letter is None:
            groups: dict[str, list[str]] = {}
            for t in self.index.lexical.vocab:
                if len(t) >= 4 and not t[0].isdigit():
                    groups.setdefault(t[0], []).append(t)
            self._vocab_by_letter = groups
        return self._vocab_by_letter.get(letter, [])

    def retrieve(self, question: str, k: int) -> list["Hit"]:
        return self.retriever.search(self.expand_query(question), k)

    # -- scoring -----------------------------------------------------------------------------
    def _acronyms(self, source: str) -> dict[str, list[str]]:
        """The acronyms ``source`` defines (see :mod:`qa.acronyms`), found once per article text
        (keyed by the text, so a rebuilt article is read anew)."""
        text = str(self.index.article(source)["text"])
        key = (source, hash(text))
        if key not in self._acronym_cache:
            if len(self._acronym_cache) > 4096:
                self._acronym_cache.clear()
            self._acronym_cache[key] = definitions(text, self.analyzer)
        return self._acronym_cache[key]

    def question_info(self, question: str) -> QuestionInfo:
        return analyse_question(question, self.analyzer, self.index.lexical.idf)

    def _acronym_passages(self, q: QuestionInfo, hits: list["Hit"]) -> list["Hit"]:
        """Passages of a retrieved article that name, by its acronym, what the question spells
        out: « Qui préside la Fédération des exportateurs de vins et spiritueux ? » retrieves the
        lead that defines « (FEVS) », while « le président de la FEVS, Gabriel Picard » is in a
        paragraph that shares none of the question's words. Each counts as retrieved as well as
        its article's passage, for the article's top passages (``ACRONYM_ARTICLES``)."""
        asked = q.text.lower()
        seen = {h.passage.id for h in hits}
        out: list["Hit"] = []
        for h in {h.passage.source: h for h in reversed(hits[:ACRONYM_ARTICLES])}.values():
            # the acronyms whose definition holds at least two of the question's terms
            acronyms = [a for a, ts in self._acronyms(h.passage.source).items()
                        if a.lower() not in asked and len(set(ts) & q.idf.keys()) >= 2]
            if not acronyms:
                continue
            said = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, acronyms)) + r")(?![\w-])")
            for p in self.index.article_passages(h.passage.source):
                if p.id not in seen and said.search(p.text):
                    seen.add(p.id)
                    out.append(dataclasses.replace(h, passage=p))
        return out

    def candidates(self, q: QuestionInfo, hits: list["Hit"]) -> list[Candidate]:
        out: list[Candidate] = []
        # only for a question that spells a definition out: an acronym the question uses as such
        # (« Qui dirige l'ARS de Bretagne ? ») already matches; one lookup per article, not per passage
        asked = q.text.lower()
        defs_of = {src: {a: ts for a, ts in self._acronyms(src).items() if a.lower() not in asked and set(ts) & q.idf.keys()}
                   for src in {h.passage.source for h in hits}}
        for h in hits:
            p = h.passage
            defs = defs_of[p.source]
            for i, (s, e) in enumerate(p.sentences):
                text = p.text[s - p.start : e - p.start]
                out.append(Candidate(p.source, h.title, s, e, text, h.rank, h.score, h.dense_score,
                                     h.lexical_score, i, p.ordinal, expanded(tokens(text, self.analyzer), defs)))
        featurize(q, out)
        for c, sc in zip(out, self.weights.scores([c.features for c in out])):
            c.score = sc
            c.prob = _sigmoid(self.weights.calibration[0] * c.score + self.weights.calibration[1])
        # a copy of the same story (another outlet) repeats sentences of a higher-ranked copy:
        # cite one copy (its citation names the others), never the same sentence twice
        return drop_repeats(out, story_of(self.index, {c.source for c in out}), lambda c: c.source, lambda c: c.text)

    # -- answering ---------------------------------------------------------------------------
    def ask(self, question: str, k: int = 5) -> Answer:
        t0 = time.perf_counter()
        hits = self.retrieve(question, max(k, self.candidate_passages))
        t1 = time.perf_counter()
        answer = annotate(self.answer_from_hits(question, hits, k), self.index)
        answer.timings_ms = {"retrieval_ms": (t1 - t0) * 1000,
                             **{f"retrieval_{a}": b for a, b in self.retriever.last_timings.items()},
                             "answer_ms": (time.perf_counter() - t1) * 1000,
                             "total_ms": (time.perf_counter() - t0) * 1000}
        return answer

    def answer_from_hits(self, question: str, hits: list["Hit"], k: int = 5) -> Answer:
        """The answer given these ranked passages (the benchmark also calls this directly)."""
        q = self.question_info(question)
        pool = hits[: self.candidate_passages]
        cands = self.candidates(q, pool + self._acronym_passages(q, pool))
        distinct = distinct_hits(hits, story_of(self.index, {h.source for h in hits}), k)  # one copy of a story
        evidence = [Evidence.of(h) for h in distinct]
        ranked = self._in_the_questions_years(q, sorted(cands, key=lambda c: -c.score))
        ranked = self._naming_the_questions_names(question, ranked)
        best = None
        if ranked and ranked[0].prob >= self.weights.abstain_threshold and not self.unknown_names(question):
            # the best sentence says whether there is evidence at all; agreement only says which
            ranked = self._agreeing(q, ranked)
            best = self._choose(q, ranked)
            if best is not None and q.qtype == PERSON and self._names_only_places(q, best):
                best = None
            if best is not None and q.qtype == NAME and (titled := _titled_noun(q.text)) and _is_person_noun(titled) \
                    and not self.typed(q, best) and not defined_name(question):
                # « Comment s'appelle le directeur de Rhône Habitat Avenir ? »: the sentence to cite names
                # nobody but the body; a person's or a firm's name is capitalised, the words left would be
                # a clause: the articles do not say, unless a sentence of its article names someone
                # with the question's noun (« a insisté Hélène Marchetti, directrice de la centrale »)
                best = self._named_with_noun(q, ranked, best, titled)
        if best is None:
            conf = ranked[0].prob if ranked else 0.0
            return Answer(question, ABSTAIN_TEXT, True, MODE, [], evidence, qtype=q.qtype, confidence=conf)
        described = self._description(question, ranked, best) or self._acronym_expansion(question, ranked, best)
        if described is not None:
            best, span = described
        else:
            span = self.short_span(q, best)
        citations = [Citation(1, best.source, best.title, best.start, best.end, best.text)]
        s, e = span
        short = best.text[s:e]
        # Other mentions are conflicting values of the same fact: a date or a figure that sources
        # state differently. Another name or place in a weaker sentence is, far more often, about
        # something else (« Méditerranée » beside « Charles de Gaulle » for the carrier's name).
        mentions = (self.other_mentions(q, best, short, [c for c in ranked if c is not best], citations, s)
                    if q.qtype in (DATE, NUMBER) else [])
        # relative dates (« lundi », « il y a quelques mois ») placed by their article's publication date
        published = self._published(citations) if q.qtype == DATE else {}
        notes: list[DateNote] = []

        def when(expr: str, n: int) -> str:
            quote = citations[n - 1].quote
            at = quote.find(expr)
            future = at >= 0 and speaks_of_future(quote, at, at + len(expr))
            dn = date_note(expr, n, published.get(citations[n - 1].source), future)
            if dn is None:
                return ""
            notes.append(dn)
            return f" ({describe(expr, dn.published, future)})"

        if described is not None:
            text = f"{_cap(short)} [1]"
        elif q.qtype == OTHER or (s, e) == (0, len(best.text)):
            text = f"« {best.text} » [1]"
        else:
            text = f"{_cap(short)}{when(short, 1)} [1]"
        if mentions:
            text += ". " + ("Autre mention" if len(mentions) == 1 else "Autres mentions") + " : " + " ; ".join(
                f"« {m.text} »{when(m.text, m.citation)} [{m.citation}]" for m in mentions) + "."
        return Answer(question, text, False, MODE, citations, evidence, short_answer=short,
                      short_answer_span=(best.start + s, best.start + e), qtype=q.qtype, confidence=best.prob,
                      other_mentions=mentions, dates=notes)

    def _description(self, question: str, ranked: list[Candidate], best: Candidate
                     ) -> tuple[Candidate, tuple[int, int]] | None:
        """For « Qui est X ? »: the likely sentence that says what X is (an apposition or « X est
        un… » beside the name), and that description; ``None`` when no likely sentence has one.

        The sentence scorer looks for the question's words, and X's name alone is found in many
        sentences; among those nearly as likely as the best, the first that describes X wins, a
        full apposition before a bare title (« le général »).
        """
        name = defined_name(question)
        if not name:
            return None
        weak: tuple[Candidate, tuple[int, int]] | None = None
        for c in self._describing(ranked, best):
            for span, strong in description_spans(c.text, name):
                if strong:
                    return c, span
                if weak is None:
                    weak = (c, span)
        return weak

    def _acronym_expansion(self, question: str, ranked: list[Candidate], best: Candidate
                           ) -> tuple[Candidate, tuple[int, int]] | None:
        """For « Qu'est-ce que le SSM ? »: what the acronym stands for, from a likely sentence that
        spells it out beside it (« Service de sécurité militaire (SSM) », « la DATAR (Délégation à
        l'aménagement du territoire et à l'action régionale) »), the words whose initials are its
        letters; ``None`` when no likely sentence does."""
        m = _ACRONYM_Q.match(question)
        if not m:
            return None
        acronym = m.group("x").replace(".", "")
        for c in self._describing(ranked, best):
            span = _expansion_of(c.text, m.group("x"), acronym)
            if span is not None:
                return c, span
        return None

    def _describing(self, ranked: list[Candidate], best: Candidate) -> Iterator[Candidate]:
        """The sentences a description or an acronym's expansion is looked for in, best first: up
        to ``DESCRIPTION_TOP``, nearly as likely as the best one (``DESCRIPTION_RATIO``)."""
        floor = max(self.weights.abstain_threshold, best.prob * DESCRIPTION_RATIO)
        for c in ranked[:DESCRIPTION_TOP]:
            if c.prob < floor:
                break
            yield c

    def _published(self, citations: list[Citation]) -> dict[str, str]:
        """Publication date (ISO) of each cited article that has one."""
        meta = getattr(self.index, "article_meta", None)
        if meta is None:
            return {}
        return {src: info.date for src, info in meta(sorted({c.source for c in citations})).items() if info.date}

    def _agreeing(self, q: QuestionInfo, ranked: list[Candidate]) -> list[Candidate]:
        """The candidates, a nearly as likely one first (``NAMED_RATIO``) whose participle agrees
        as the question's does when the best one's does not: « Où la voiture volée avait-elle été
        dérobée ? » is about something feminine that was stolen, « une Peugeot 308 volée la veille
        à Montélimar », not « Le tableau …, volé en janvier au musée des Beaux-Arts de Rouen ».
        Only feminine or plural participles (« -ée », « -és », « -ées ») say which noun they are
        about; « volé » agrees with anything masculine singular."""
        if len(ranked) < 2 or q.qtype not in (DATE, PLACE):
            return ranked
        # not a noun after its determiner (« En quelle année … ? », « le musée »)
        words = [m.group(0).lower() for m in re.finditer(r"\b[^\W\d]{3,}(?:ée|és|ées)\b", q.text)
                 if not _NOUN_BEFORE.search(q.text, 0, m.start())]
        if not words:
            return ranked
        marked = {fold(w) for w in words}
        stems = {self.analyzer._term(w) for w in words}

        def agrees(c: Candidate) -> bool | None:
            """True: says a marked participle as the question does; False: only otherwise; None: neither."""
            forms = {fold(t.surface.lower()) for t in c.toks if t.term in stems}
            return None if not forms else bool(forms & marked)

        if agrees(ranked[0]) is not False:
            return ranked
        floor = ranked[0].prob * NAMED_RATIO
        found = next((c for c in ranked[1:RERANK_TOP] if c.prob >= floor and agrees(c)), None)
        # the sentences whose participle agrees otherwise are about something else: out of the pool
        return ranked if found is None else [found] + [c for c in ranked if c is not found and agrees(c) is not False]

    def _naming_the_questions_names(self, question: str, ranked: list[Candidate]) -> list[Candidate]:
        """The candidates, those of articles that mention every proper name of the question first
        when one of them is nearly as likely as the best (``NAMED_RATIO``).

        « Combien de salariés emploie Cyclopia ? »: « Ambrosi emploie 600 salariés » repeats more
        of the question's words, but its article never names Cyclopia. Only a reordering among
        close candidates: names are often spelt otherwise in the articles (PIAF's questions), so
        an article without them is no reason to abstain."""
        if not ranked:
            return ranked
        names = [fold(w) for w in _proper_names(question, r"\w[\w-]*", first_acronym=False)]
        if not names:
            return ranked
        floor = ranked[0].prob * NAMED_RATIO
        named: dict[str, bool] = {}

        toponyms = frozenset(fold(m.group(1)) for m in _TOPONYM.finditer(question))

        def has(c: Candidate) -> bool:
            if c.source not in named:
                named[c.source] = self._names_in(names, c.source, toponyms)
            return named[c.source]

        if has(ranked[0]):
            return ranked
        close = [c for c in ranked if c.prob >= floor]
        if not any(has(c) for c in close):
            return ranked
        first = [c for c in close if has(c)]
        return first + [c for c in ranked if c not in first]

    def _names_in(self, names: list[str], source: str, toponyms: frozenset[str] = frozenset()) -> bool:
        """Whether the article mentions every name, allowing inflection (« France », « français »)
        and close spellings, but not a shorter word (« Réunion » is not « réuni »). A name the
        question writes after a capitalised article (« La Réunion », « Le Havre », ``toponyms``)
        is matched on capitalised words only: « une réunion de négociation » is no mention of it."""
        words = self._article_words(source)
        for n in names:
            pool = self._article_capitalised(source) if n in toponyms else words
            stem = n[: max(4, len(n) - 1)]
            if n in pool or any(w.startswith(stem) for w in pool):
                continue
            if any(similar(n, w) for w in pool if w[:1] == n[:1] and len(w) >= len(n) - 1):
                continue
            return False
        return True

    def _article_words(self, source: str) -> frozenset[str]:
        """The folded words of an article's text, as written (names are matched on them)."""
        return _cached(self._words_cache, source, lambda: frozenset(
            re.findall(r"\w[\w-]*", fold(str(self.index.article(source)["text"])))))

    def _article_capitalised(self, source: str) -> frozenset[str]:
        """The folded words of an article that it writes with a capital."""
        return _cached(self._capitalised_cache, source, lambda: frozenset(
            fold(w) for w in re.findall(r"\w[\w-]*", str(self.index.article(source)["text"])) if w[:1].isupper()))

    def _article_places(self, source: str) -> frozenset[str]:
        """The folded names an article uses as places: its dateline's town (« Saint-Nazaire, le 6
        février 2026 - »), a name before its département (« Valence (Drôme) »), and a name after a
        town's institution (« le maire de Saint-Nazaire », « le tribunal correctionnel de Rennes »).

        Why: a « qui » question about an article that never names who is asked finds the town in
        another of its sentences, where nothing near it says it is a place; the article says so
        elsewhere, and a place is nobody.
        """
        def make() -> frozenset[str]:
            text = str(self.index.article(source)["text"])
            names: set[str] = set()
            line = WIRE_DATELINE.match(text)
            if line:
                town = re.match(rf"\s*({_PLACE_NAME})\s*(?:\(|,)", text)
                if town:
                    names.add(town.group(1))
            for m in _PLACE_CUE.finditer(text):
                if m.group("name2"):
                    names.add(m.group("name2"))
                elif re.fullmatch(r"0[1-9]|[1-8]\d|9[0-5]|97[1-6]|2[AB]", m.group("dept")) or is_territory(m.group("dept")):
                    names.add(m.group("name"))  # « (Drôme) », « (14) »; not « Jean Dupont (PS) »
            return frozenset(fold(n.lower()) for n in names if not starts_with_first_name(n))

        return _cached(self._places_cache, source, make)

    def _money_in_article(self, q: QuestionInfo, ranked: list[Candidate]) -> Candidate | None:
        """For « Quelle somme a été mobilisée pour financer le bus médical ? » when no likely sentence
        gives an amount: a sentence of the best one's article, less likely or not retrieved, with an
        amount and the question's own money verb (« Financé à hauteur de 640.000 euros par l'ARS »):
        news gives the sum once, often naming the thing by another word (« le Médibus »)."""
        kinds = {_money_kind(t.term) for t in tokens(q.text, self.analyzer)} - {None}
        if not kinds:
            return None

        def pays(c: Candidate) -> bool:
            # the same kind of money as the question's: paid out (« empoche », « lui rapporte un chèque »),
            # a cost (« coûtera », « d'une valeur de »), a funding (« financer », « financé à hauteur de »)
            return bool(MONEY_RE.search(c.text)) and any(_money_kind(t.term) in kinds for t in c.toks) and bool(self.typed(q, c))

        return next((c for c in ranked[1:12] if c.source == ranked[0].source and pays(c)), None) or next(
            (c for c in self._unretrieved(ranked, lambda text: bool(MONEY_RE.search(text))) if pays(c)), None)

    def _named_with_noun(self, q: QuestionInfo, ranked: list[Candidate], best: Candidate, noun: str) -> Candidate | None:
        """For « Comment s'appelle la directrice de la centrale ? » when the best sentence names
        nobody: a less likely sentence of its article with a name and the question's noun (« a
        insisté Hélène Marchetti, directrice de la centrale »); ``None`` when there is none."""
        forms = _noun_forms(noun)

        def says(c: Candidate) -> bool:
            return bool(self.typed(q, c)) and any(fold(t.surface.lower()) in forms for t in c.toks)

        return next((c for c in ranked[1:] if c.source == best.source and says(c)), None) \
            or next((c for c in self._unretrieved(ranked, lambda text: any(f in fold(text.lower()) for f in forms)) if says(c)), None)

    def _names_only_places(self, q: QuestionInfo, c: Candidate) -> bool:
        """Whether the sentence to cite for a « qui » question names no one: it gives no typed
        answer and every name it holds, but the question's own, is a place of its article (« Le
        maire de Saint-Nazaire, Paul Guérin, a annoncé sa démission » for « Qui succédera à Paul
        Guérin ? »). The words left would be a clause, not who; the articles do not say."""
        if self.typed(q, c):
            return False
        places = self._article_places(c.source)
        names = [fold(c.text[a:b].lower()) for a, b in name_spans(c.text)]
        others = [n for n in names if not any(similar(n, m) or m in n for m in q.names)]
        return bool(others) and all(n in places or is_territory(n) for n in others)

    def _cause_in_article(self, q: QuestionInfo, best: Candidate) -> Candidate | None:
        """A sentence of ``best``'s article, retrieved or not, that gives a cause and shares a word
        of the question (« Ce ralentissement s'explique par le recul des prix de l'énergie »)."""
        found = None
        for p, i, s, e, text in self._article_sentences(best.source):
            if s == best.start:
                continue
            toks = tokens(text, self.analyzer)
            if not _CAUSE.search(text) and not _due_to(q, text, toks):
                continue
            weight = sum(q.idf.get(t, 0.0) for t in {t.term for t in toks})
            if weight > 0 and (found is None or weight > found[0]):
                found = (weight, self._sentence_candidate(best, p, i, s, e, text, WHY_RATIO, toks))
        return found[1] if found else None

    def _titled_in_article(self, q: QuestionInfo, best: Candidate) -> Candidate | None:
        """For « Comment s'intitule le projet de X ? »: a sentence of ``best``'s article, retrieved
        or not, that gives the question's noun its name (« Son projet, intitulé « Un théâtre
        ouvert », prévoit… »), with that name as the answer span. News names a project, a plan or
        an operation once, often in a sentence that says little else of the question."""
        m = _TITLED_Q.match(q.text.replace("’", "'"))
        if m is None:
            return None
        cue = re.compile(rf"\b{re.escape(m.group('noun'))}s?\s*,?\s*{_TITLED_AS}", re.IGNORECASE)
        for p, i, s, e, text in self._article_sentences(best.source):
            found = cue.search(text)
            if found is None:
                continue
            c = best if s == best.start else self._sentence_candidate(best, p, i, s, e, text, ROLE_RATIO)
            c.answer_span = found.span("name")
            return c
        return None

    def _sentence_candidate(self, best: Candidate, p: "Passage", i: int, s: int, e: int, text: str, ratio: float,
                            toks: list | None = None) -> Candidate:
        """A sentence of ``best``'s article that retrieval did not score, as a candidate with a
        share (``ratio``) of the best one's probability."""
        return Candidate(p.source, best.title, s, e, text, best.hit_rank, 0.0, 0.0, 0.0, i, p.ordinal,
                         toks if toks is not None else tokens(text, self.analyzer), prob=best.prob * ratio)

    def _article_sentences(self, source: str) -> Iterator[tuple["Passage", int, int, int, str]]:
        """Every sentence of an article, retrieved or not: (passage, index in it, start, end, text)."""
        for p in self.index.article_passages(source):
            for i, (s, e) in enumerate(p.sentences):
                yield p, i, s, e, p.text[s - p.start : e - p.start]

    def _described_age(self, q: QuestionInfo, best: Candidate, has: Callable[[Candidate], bool]) -> list[Candidate]:
        """« Quel âge a Arnaud De Lie ? » when the best sentence names him and a sentence of its
        article, retrieved or not, has for subject a description with an age (« Le coureur de 24
        ans, déjà vainqueur… »): news refers back to the article's person that way. Only the
        first such sentence, and only one naming nobody else."""
        if not q.names or not any(t.surface[:1].isupper() and similar(fold(t.surface), n) for t in best.toks for n in q.names):
            return []
        for p, i, s, e, text in self._article_sentences(best.source):
            m = _DESCRIBED_AGE.match(text)
            if not m or s == best.start or _CAPITAL_WORD.search(text, m.end()):
                continue
            c = self._sentence_candidate(best, p, i, s, e, text, ROLE_RATIO)
            return [c] if has(c) else []
        return []

    def _article_terms(self, source: str) -> frozenset[str]:
        """The analysed terms of an article and its title (words are matched on them)."""
        def make() -> frozenset[str]:
            art = self.index.article(source)
            return frozenset(t.term for t in tokens(f"{art['title']}\n{art['text']}", self.analyzer))

        return _cached(self._terms_cache, source, make)

    def _in_the_questions_years(self, q: QuestionInfo, ranked: list[Candidate]) -> list[Candidate]:
        """The candidates from articles that mention every year the question states (all of them
        when none does but the best sentence otherwise matches the question well).

        « Qui a remporté l'élection municipale d'Agen en 2020 ? » is not answered by an article on
        Agen that never says 2020: whatever name it holds is about something else. The year may be
        anywhere in the article (a dateline, an earlier paragraph), not only in the cited sentence.
        """
        years = sorted({n for n in q.numbers if _YEAR_TERM.fullmatch(n)})
        # « Quel était le taux de chômage en avril ? »: a month the question states, likewise
        months = sorted({fold(m.group(1).lower()) for m in _IN_MONTH_Q.finditer(q.text)})
        # « la ligne 15 », « le vol AF447 »: a numbered label the question names, likewise
        labels = sorted({fold(m.group(0).lower()) for m in _LABEL_Q.finditer(q.text)})
        if not (years or months or labels) or not ranked:
            return ranked
        texts: dict[str, bool] = {}
        keep = []
        for c in ranked:
            if c.source not in texts:
                text = DIGIT_GROUPS.sub(lambda g: re.sub(r"\D", "", g.group(0)), str(self.index.article(c.source)["text"]))  # « 1.500 »: 1500
                folded = fold(text.lower()) if months or labels else ""
                texts[c.source] = all(re.search(rf"(?<!\d){y}(?!\d)", text) for y in years) and all(
                    re.search(rf"\b{re.escape(m)}\b", folded) for m in months + labels)
            if texts[c.source]:
                keep.append(c)
        names = [fold(w) for w in _proper_names(q.text, r"\w[\w-]*", first_acronym=False)] if years and keep else []
        if names and not any(all(n in self._article_words(c.source) for n in names) for c in keep) and all(
                self.analyzer._term(n) in self.index.lexical.vocab for n in names):
            # « Qui a remporté l'élection municipale d'Agen en 2020 ? »: the articles that name Agen
            # never say 2020, those that say 2020 never name Agen: each tells another story
            return []
        if keep:
            return keep
        # No article states the year: answer only when the best sentence holds most of the rest of
        # the question (« Qui dirige les États-Unis en 1977 ? » from « le président Jimmy Carter… »
        # in a paragraph on the 1970s), not when it shares a name and little else.
        if q.qtype == DATE:
            return []  # « Quand … en 1890 ? »: whatever date an article without 1890 gives is another event's
        stated = set(years) | {self.analyzer._term(m) for m in months} | {t for lab in labels for t in self.analyzer(lab)}
        rest = {t: w for t, w in q.idf.items() if t not in stated}
        total = sum(rest.values())
        held = sum(w for t, w in rest.items() if t in ranked[0].matched)
        return ranked if total > 0 and held >= YEARLESS_COVERAGE * total else []

    def _role_apposition(self, q: QuestionInfo, ranked: list[Candidate]) -> Candidate | None:
        """For « Qui est le préfet du Lot-et-Garonne ? », « Qui dirige ACC ? »: a likely sentence
        that names the role's holder right after the role noun (« Le préfet, Daniel Barnier, »,
        « la maire Clémence Brandolin-Robert », « Le directeur du festival, Jérôme Tréhorel »),
        which answers the question even when another sentence repeats more of its words.

        « son directeur général, Yann Vincent », « La directrice de l'établissement, Sophie Le
        Gall » refer back to what the article is about: they count when what the question asks
        about (« ACC », « l'hôpital de Carhaix ») is in the article's title or first lines, or
        in the sentence before, which is as much coreference as is safe without a parser.
        """
        which = _WHICH_ROLE_Q.match(q.text) if q.qtype == PERSON else None
        m = _ROLE_Q.match(q.text) or which or (_NAME_ROLE_Q.match(q.text) if q.qtype == NAME else None)
        en = _EN_ROLE_Q.match(q.text) if not m and is_english(q.text) else None
        subject: set[str] | None = None
        if m:
            roles = [fold(m.group("role").lower())]
        elif en:
            # « Who is the Romanian Prime Minister? »: the glossary's role noun (« ministre »)
            words = fold(french_gloss(q.text).lower()).split()
            roles = [w for w in words if w in _EN_ROLES][:1]
            if not roles:
                return None
            subject = {t.term for t in tokens(" ".join(words), self.analyzer)} - set(roles)
            m = en
        else:
            m = _ROLE_VERB_Q.match(q.text)
            if not m:
                return None
            roles = _verb_roles(m.group("verb"))
        if ranked[0].prob <= 0:
            return None
        if subject is None:
            subject = {t.term for t in tokens(q.text[m.end():], self.analyzer)} - set(roles)
        role_re = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in roles) + r")(?:e|s|es)?\b")
        found = self._role_holder(q, ranked, role_re, which, subject, _likely_in_best_article(ranked), strict=False)
        if found is None and m is not None and not en and self._role_of_another(q, ranked[0], role_re):
            # « Le PDG de SNCF Voyageurs, X » does not say who is « le PDG de la SNCF »: a nearly as
            # likely sentence with the role and no other body's name after it
            found = next((c for c in ranked[1:RERANK_TOP] if c.prob >= ranked[0].prob * ROLE_OTHER_RATIO
                          and role_re.search(fold(c.text.lower())) and not self._role_of_another(q, c, role_re)
                          and self.typed(q, c)), None)
            if found is None and subject:
                # « l'ancien maire de Saint-Malo-de-Phily, X » does not say who is « le maire de
                # Rennes » either: « a justifié le maire, Thomas Girard » in a story about Rennes
                # does, however unlikely the sentence
                about = [c for c in ranked[1:] if c.prob > 0 and role_re.search(fold(c.text.lower()))
                         and not self._role_of_another(q, c, role_re) and self._about(c, subject, q)]
                found = self._role_holder(q, ranked, role_re, which, subject, about, strict=False)
        if found is None and m is not None and not en:
            # « souligne le directeur du parc, Pascal Vardon » in another story than the best
            # sentence's: the role noun followed by what the question asks about, then a name
            floor = ranked[0].prob * ROLE_RATIO
            others = [c for c in ranked[1:RERANK_TOP] if c.prob >= floor and c.source != ranked[0].source]
            found = self._role_holder(q, ranked, role_re, which, subject, others, strict=False, complement=True)
        if found is not None or role_re.search(fold(ranked[0].text.lower())):
            return found
        # « a expliqué le président Waldemar Kita » far down an article about the FC Nantes, when no
        # likely sentence has the role at all: the role glued to a name, nothing in between
        found = self._role_holder(q, ranked, role_re, which, subject,
                                  _likely_in_best_article(ranked, ROLE_RATIO_GLUED), strict=True)
        if found is None:
            # « a déclaré le directeur général, Hervé Castel » in a passage of the article that was
            # not retrieved (other stories' « directeur » outranked it): the article's own sentences
            found = self._role_holder(q, ranked, role_re, which, subject,
                                      self._unretrieved(ranked, lambda text: bool(role_re.search(fold(text.lower())))), strict=True)
        return found

    def _unretrieved(self, ranked: list[Candidate], keep: Callable[[str], bool]) -> Iterator[Candidate]:
        """The sentences of the best one's article that are not among ``ranked`` and that ``keep``
        accepts, as candidates (a tenth of the best one's probability), in article order."""
        best = ranked[0]
        seen = {c.start for c in ranked if c.source == best.source}
        for p, i, s, e, text in self._article_sentences(best.source):
            if s not in seen and keep(text):
                yield self._sentence_candidate(best, p, i, s, e, text, ROLE_RATIO)

    def _predecessor(self, q: QuestionInfo, ranked: list[Candidate]) -> Candidate | None:
        """For « Qui dirigeait le TNS avant Clara Vidal ? »: the person a sentence of the best
        one's article says the successor follows (« elle succédera … à Stanislas Merle », « elle
        remplace X », « son prédécesseur, X »), its name as the answer span; ``None`` when the
        question asks for no predecessor or no such sentence is found."""
        m = _BEFORE_SOMEONE_Q.search(q.text)
        if m is None:
            return None
        after = fold(m.group("who").lower())
        best = ranked[0]
        for c in ranked[:12]:
            if c.source != best.source or c.prob < best.prob * ROLE_RATIO:
                continue
            for cue in _SUCCEEDS.finditer(c.text):
                named = [(cue.end() + a, cue.end() + b) for a, b in name_spans(c.text[cue.end():cue.end() + 80])]
                if not named or re.search(r"[;:.()«»]", c.text[cue.end():named[0][0]]):
                    continue
                a, b = named[0]
                if fold(c.text[a:b].lower()) == after or not (
                        starts_with_first_name(c.text[a:b]) or len(c.text[a:b].split()) >= 2):
                    continue  # a person's name, not « à Strasbourg »
                c.answer_span = (a, b)
                return c
        return None

    def _names_holder(self, q: QuestionInfo, led: "re.Match[str]", c: Candidate) -> bool:
        """Whether ``c`` can say who holds the role of a « Qui dirige X ? » question: it names
        someone beyond the question's words, or says the role (« son directeur »). A minister
        named by portfolio only (« La ministre de la Culture a nommé X ») is not who holds it."""
        return any(not _PORTFOLIO.match(c.text, s) for s, _ in self.typed(q, c)) or _says_role(led, c)

    def _role_of_another(self, q: QuestionInfo, c: Candidate, role_re: "re.Pattern[str]") -> bool:
        """Whether every mention of the role in ``c`` is the role of a body the question does not
        name: « Le PDG de SNCF Voyageurs » has a capitalised word (« Voyageurs ») the question
        (« Qui est le PDG de la SNCF ? ») lacks."""
        folded = fold(c.text.lower())
        found = False
        for r in role_re.finditer(folded):
            of = _ROLE_OF.match(c.text, r.end())
            if not of:
                return False
            found = True
            words = [t for t in c.toks if t.start >= of.start("of") and t.end <= of.end("of")]
            if not any(t.surface[:1].isupper() and t.term not in q.idf for t in words):
                return False
        return found

    def _role_holder(self, q: QuestionInfo, ranked: list[Candidate], role_re: "re.Pattern[str]",
                     which: "re.Match[str] | None", subject: set[str], candidates: Iterable[Candidate],
                     strict: bool, complement: bool = False) -> Candidate | None:
        """The first of ``candidates`` naming the role's holder (see :meth:`_role_apposition`);
        ``strict``: only « le président Waldemar Kita », in an article about the question's subject;
        ``complement``: only a role whose complement the question says (« le directeur du parc, X »)."""
        for c in candidates:
            if strict and (c is ranked[0] or not self._about(c, subject, q)):
                continue
            folded = fold(c.text.lower())
            spans = sorted(self.typed(q, c))
            for r in role_re.finditer(folded):
                holder = None if strict or complement else self._holder_before(q, c, spans, r.start(), r.end(), subject)
                if holder:
                    c.answer_span = holder
                    return c  # « a déclaré Hélène Marchal, directrice générale de la fromagerie »
                end = r.end()
                adj = re.match(r"\s+([^\W\d]+)", c.text[end:])
                if adj and self.analyzer._term(adj.group(1).lower()) in q.idf:
                    end += adj.end()  # « son homologue russe Sergueï Choïgou » for « l'homologue russe »
                after = next(((a, b) for a, b in spans if a >= end), None)
                if after is None:
                    continue
                gap = _ROLE_GAP.fullmatch(c.text, end, after[0])
                if gap and re.search(r"(?:\b(?:de|du|des|de\s+la)|\bd['’]|\bde\s+l['’])\s*$", c.text[end:after[0]]):
                    continue  # « président de la Fédération nationale »: the body presided, not who presides
                if not gap or (which and gap.group("of")):
                    continue  # « l'équipe du New Jersey » names where the team is from, not the team
                of = [t for t in c.toks if gap.group("of") and t.start >= gap.start("of") and t.end <= gap.end("of")]
                # glued (« le président Waldemar Kita ») or in apposition (« le directeur général, Hervé Castel »)
                if strict and (of or not re.fullmatch(r"\s+|(?:\s+[^\W\d]+)?\s*,\s*", c.text[end:after[0]])):
                    continue
                if complement and not of:
                    continue
                referring = _POSSESSIVE_BEFORE.search(folded, 0, r.start()) or (
                    of and all(fold(t.surface.lower()) in _SUBJECT_NOUNS for t in of))
                if complement and referring:
                    continue
                if referring:
                    # « son homologue X »: whose? The nearest name before it in the sentence, else
                    # what the article is about; it must be what the question asks about
                    before = name_spans(c.text[: r.start()])
                    if before:
                        a, b = before[-1]
                        owner = {t.term for t in tokens(c.text[a:b], self.analyzer)}
                        if subject & owner:
                            return c  # « Le Drian a rencontré son homologue russe Sergueï Choïgou »
                        continue  # « François Hollande, qui a rencontré son homologue Vladimir Poutine »
                    if subject and self._about(c, subject, q):
                        return c
                    continue
                # a word of the complement is the question's when one of its terms is (an acronym
                # stands for its definition's words: « de la CRE »)
                said: dict[int, bool] = {}
                for t in of:
                    said[t.start] = said.get(t.start, False) or t.term in q.idf
                if all(said.values()):
                    # the fullest name that starts there: « l'association Eau et Rivières de Bretagne »,
                    # and for « Quels syndicats… ? » the whole list (« SUD-Rail et la CGT-Cheminots »)
                    after = max((sp for sp in spans if sp[0] == after[0]), key=lambda sp: sp[1])
                    c.answer_span = after  # « le groupe finlandais NordPulp », not a later « de Saint-Girons »
                    return c  # « Le directeur du festival, Jérôme Tréhorel » for « … directeur du festival … »
        return None

    def _holder_before(self, q: QuestionInfo, c: Candidate, spans: list[tuple[int, int]], start: int, end: int,
                       subject: set[str]) -> tuple[int, int] | None:
        """The name set just before a role noun (« Hélène Marchal, directrice générale de la
        fromagerie ») when the role's complement is what the question asks about: the apposition
        says who holds the role as plainly as « la directrice, Hélène Marchal »; the whole list
        when there is one (« Mark Burg et Oren Koules, producteurs de la série »)."""
        end_at = max((b for _, b in spans if b <= start), default=None)
        before = min(((a, b) for a, b in spans if b == end_at), default=None)
        if before is None or not _HOLDER_GAP.fullmatch(c.text, before[1], start):
            return None
        m = _ROLE_OF.match(c.text, end)
        if not m:
            return None
        of = {t.term for t in c.toks if t.start >= m.start("of") and t.end <= m.end("of")}
        return before if of and of <= subject else None

    def _passive_agent(self, q: QuestionInfo, ranked: list[Candidate]) -> Candidate | None:
        """For « Qui a développé le satellite ? »: a sentence of the best sentence's article where
        the question's participle is followed by its agent (« Développée par Airbus Defence and
        Space »), which names the doer even when it repeats few of the question's words."""
        verb = self._agent_verb(q)
        if ranked[0].prob <= 0 or verb is None:
            return None
        def named(c: Candidate) -> bool:
            starts = {a for a, _ in self.typed(q, c)}
            return any(a in starts for a, _ in self._agents(q, c))

        if self._active_subject(q, ranked[0]):
            return None  # « Léa Muller … a remporté le championnat » already says who did it
        found = next((c for c in _likely_in_best_article(ranked) if named(c)), None)
        if found is None and (not self.typed(q, ranked[0]) or self._verb_only_quoted(verb, ranked[0])):
            # (or says the verb only in a quotation, whose speaker did not do it: « « Votre banque ne
            # vous demandera jamais de valider une opération » », rappelle le colonel Stéphane Rivière)
            # the best sentence names nobody (« l'indemnisation des éleveurs touchés par … »): a
            # nearly as likely sentence of another article that names the agent (« Il sera
            # indemnisé par l'État ») answers « Qui indemnisera l'éleveur ? »
            found = next(iter(_nearly_as_likely(ranked, named)), None)
        if found is None and (not any(_same_verb(self._verb_term(t), verb) for t in ranked[0].toks)
                              or (not self._agents(q, ranked[0]) and not self._names_questions_subject(q, ranked[0]))):
            # « entraînée depuis 2020 par l'ancien champion olympique David Morel », an unlikely or
            # unretrieved sentence of the best one's article, when the best says nothing of the act
            own = [c for c in ranked[1:] if c.source == ranked[0].source]
            found = next((c for c in [*own, *self._unretrieved(ranked, lambda text: True)] if named(c)), None)
            if found is None:
                # « financés par l'aménageur du lotissement » in the excavation story, when another
                # story's quote is a little likelier: an article that has every other word of the
                # question (« fouilles »), not « financé par un prêt bancaire » of a bookshop's sale
                objects = {t for t in q.terms if q.idf.get(t, 0.0) > 0 and not _same_verb(t, verb)}
                found = next((c for c in ranked[1:] if c.source != ranked[0].source and c.prob >= ranked[0].prob * ROLE_RATIO
                              and objects and objects <= self._article_terms(c.source) and named(c)), None)
        return found

    def _verb_only_quoted(self, verb: str, c: Candidate) -> bool:
        """Whether every occurrence of the question's verb in ``c`` lies inside a quotation « … »."""
        quotes = [m.span() for m in re.finditer(r"«[^»]*»", c.text)]
        found = [t for t in c.toks if _same_verb(self._verb_term(t), verb)]
        return bool(found) and all(any(a < t.start < b for a, b in quotes) for t in found)

    def _names_questions_subject(self, q: QuestionInfo, c: Candidate) -> bool:
        """Whether ``c`` holds every one of the question's names and figures (« ligne 15 »): a
        sentence with the verb but no agent (« Le TGV M, construit à La Rochelle ») that lacks
        them may be about another thing than the question's."""
        return all(n in {t.term for t in c.toks} for n in q.numbers) and all(
            any(t.surface[:1].isupper() and similar(fold(t.surface), n) for t in c.toks) for n in q.names)

    def _active_subject(self, q: QuestionInfo, c: Candidate) -> bool:
        """Whether ``c`` has the question's verb in the active voice after one of its typed names
        (« Léa Muller, 16 ans, …, a remporté dimanche le championnat »): the doer is then in the
        best sentence itself, and another sentence's passive agent (« Le championnat mixte a été
        remporté par … ») answers a different question."""
        verb = self._agent_verb(q)
        ends = [e for _, e in self.typed(q, c)]
        for t in c.toks:
            if self._verb_term(t) == verb and re.search(r"\b(?:a|ont|avait|avaient|aura|auront)\s+(?:[^\W\d]+\s+)?$", c.text[max(0, t.start - 30):t.start]) \
                    and not re.search(r"\bété\s+$", c.text[max(0, t.start - 8):t.start]) and any(e <= t.start for e in ends):
                return True
        return False

    def _verb_term(self, t: Token) -> str:
        """A token's own stem, before agent nouns share it (« financés » is financ, not financeur):
        the agent of a verb follows the verb, not its noun."""
        return self.analyzer._term(t.surface.lower()) if t.term in _AGENT_TERMS else t.term

    def _agent_verb(self, q: QuestionInfo) -> str | None:
        """The term of the verb whose agent a « qui » question asks for, if it asks that."""
        if q.qtype != PERSON:
            return None
        m = _AGENT_Q.match(q.text)
        if m:
            return self.analyzer._term((m.group("verb") or m.group("present") or m.group("inf")).lower())
        m = _BY_WHOM_Q.match(q.text) or _WHICH_AGENT_Q.match(q.text)  # « Par qui … est-il élu ? », « Quel syndicat a lancé … ? »
        return self.analyzer._term((m.group("verb") or m.group("present")).lower()) if m else None

    def _agents(self, q: QuestionInfo, c: Candidate) -> list[tuple[int, int]]:
        """Spans of ``c`` that follow the question's verb and « par »: the named agent (« Airbus
        Defence and Space »: its name span's start) or a common-noun one (« l'aménageur du
        lotissement », at most eight words up to the clause's end)."""
        verb = self._agent_verb(q)
        if verb is None:
            return []
        # « Qui est intervenu ? », « Qui a lancé… ? », not « Qui a été condamné ? » (a passive asks the object)
        active = ((m := _AGENT_Q.match(q.text)) is not None and m.group("verb") is not None
                  and not re.search(r"\b(?:été|fut)\b", m.group(0), re.IGNORECASE))
        # « Qui exploite le réseau ? », « Qui va saisir le Conseil ? »: active too
        acting = active or (m is not None and (m.group("present") or m.group("inf")) is not None)
        out = []

        def described_role() -> bool:
            # a role's verb in a relative clause describes one leader among many a corpus names, unless
            # the question names what is led and the sentence's article names it too (« la
            # microbiologiste Camille Roux, qui dirige l'équipe » for « … l'équipe qui a découvert
            # Pseudomonas occitana ? »)
            names = [fold(w) for w in _proper_names(q.text, r"\w[\w-]*", first_acronym=False)]
            return bool(names) and self._names_in(names, c.source)

        for t in c.toks:
            if not _same_verb(self._verb_term(t), verb):
                continue
            by = _BY_AGENT.match(c.text, t.end)
            if not by and active and _INVERTED_BEFORE.search(c.text, max(0, t.start - 12), t.start):
                # « …, a annoncé mardi la maire de Paris, Anne Hidalgo. »: the subject after the verb
                after = _INVERTED_AFTER.match(c.text, t.end)
                named = name_spans(c.text[after.end():after.end() + 80]) if after else []
                base = after.end() if after else 0
                if len(named) > 1 and c.text[base + named[0][1]:base + named[1][0]] == ", " and starts_with_first_name(
                        c.text[base + named[1][0]:base + named[1][1]]) and not starts_with_first_name(c.text[base + named[0][0]:base + named[0][1]]):
                    named = named[1:]  # « la maire de Paris, Anne Hidalgo »: the person the title is of, not its town
                if named and not re.search(r"[;:.()«»]", c.text[base:base + named[0][0]]):
                    out.append((base + named[0][0], base + named[0][0]))
                continue
            if not by and acting and (rel := _RELATIVE_SUBJECT.search(c.text, max(0, t.start - 24), t.start)) and (
                    verb not in _VERB_ROLES or described_role()):
                # « Keolis, qui exploite le réseau TBM, … » for « Qui exploite le réseau ? »: the name
                # the relative clause describes did it; not a role's verb (« l'archéologue Marine Le
                # Goff, qui dirige les fouilles » describes one of several leaders a corpus names)
                spans = name_spans(c.text)
                named = [sp for sp in spans if sp[1] == rel.start()]
                if named and re.search(r"\b(?:de|du|des|d['’])\s*$", c.text[:named[-1][0]], re.IGNORECASE):
                    # « Olivier Leprêtre, président du comité régional des pêches des Hauts-de-France,
                    # qui a appelé au mouvement »: the clause describes the person the title is of
                    title = c.text.rfind(",", 0, named[-1][0])
                    named = [sp for sp in spans if title > 0 and sp[1] == title
                             and starts_with_first_name(c.text[sp[0]:sp[1]])]
                if named:
                    out.append(named[-1])
                continue
            if not by:
                # « Le peloton de gendarmerie de haute montagne (PGHM) de Savoie est intervenu »: for
                # « Qui est intervenu ? », the common-noun subject of the question's verb
                subject = _COMMON_SUBJECT.fullmatch(c.text, 0, t.start) if active else None
                if subject:
                    out.append(trim_span(c.text, *subject.span("np")))
                continue
            if _NOT_AGENT.match(c.text, by.end()):
                continue
            if c.text[by.end():by.end() + 1].isupper():
                art = re.match(r"(?:Le|La|Les|L['’])\s*(?=[A-ZÀ-ÖØ-Þ])", c.text[by.end():by.end() + 5])
                if art and (named := name_spans(c.text[by.end():by.end() + 80])) and named[0][0] == art.end():
                    out.append((by.end(), by.end() + named[0][1]))  # « distribué par Le Pacte »: the whole name
                    continue
                out.append((by.end(), by.end()))  # a name: its own span, which starts here
                continue
            start = c.text.index("par", t.end) + 4
            act = _ACT_OF.match(c.text, by.end())
            if act and (named := [sp for sp in name_spans(c.text) if sp[0] == act.end()]):
                out.append(named[0])  # « par un signalement d'Anticor »: Anticor
                continue
            stop = _AGENT_END.search(c.text, by.end())
            end = stop.start() if stop else len(c.text)
            if stop and stop.group(0).strip() == "et" and (person := self._person_in_clause(c.text, by.end(), end)):
                # « présidé par l'actrice et réalisatrice américaine Greta Gerwig »: the phrase stops at
                # « et », the person it names comes after
                out.append(person)
                continue
            named = name_spans(c.text[end:end + 80]) if c.text[end:end + 1] == "," else []
            if named and named[0][0] <= 2 and starts_with_first_name(c.text[end + named[0][0]:end + named[0][1]]):
                # « par deux anciens ingénieurs de Renault, Camille Roussel et Julien Bertrand »: the names
                a, b = end + named[0][0], end + named[0][1]
                more = named[1] if len(named) > 1 else None
                if more and c.text[b:end + more[0]] == " et " and starts_with_first_name(c.text[end + more[0]:end + more[1]]):
                    b = end + more[1]  # « Camille Roussel et Julien Bertrand »: both founders
                out.append((a, b))
                continue
            if 0 < len(c.text[start:end].split()) <= 8:
                # « par l'ancien champion olympique David Morel à l'Insep »: the phrase ends with the
                # person it names, not with where he works
                person = next((start + b for a, b in name_spans(c.text[start:end])
                               if re.match(r"\s+(?:à|au|aux|en|dans)\s", c.text[start + b:end + 1])
                               and len(c.text[start + a:start + b].split()) >= 2), None)
                out.append(trim_span(c.text, start, person or end))
        return out

    @staticmethod
    def _person_in_clause(text: str, start: int, after: int) -> tuple[int, int] | None:
        """The first person's name (a given name first) in the clause that opens at ``start``
        (up to punctuation, 90 characters at most), if it lies at or after ``after``."""
        clause = re.search(r"[,;:.()«»]", text[start:start + 90])
        clause_end = start + (clause.start() if clause else 90)
        person = next(((start + a, start + b) for a, b in name_spans(text[start:clause_end])
                       if starts_with_first_name(text[start + a:start + b])), None)
        return person if person and person[0] >= after else None

    def _about(self, c: Candidate, subject: set[str], q: QuestionInfo) -> bool:
        """Whether ``subject`` (terms) is what ``c``'s article is about: half of its weight in the
        title and first lines, or in the text just before ``c``."""
        art = self.index.article(c.source)
        text = str(art["text"])
        context = f"{art['title'] or ''} {text[:400]} {text[max(0, c.start - 300):c.start]}"
        found = {t.term for t in tokens(context, self.analyzer)}
        weight = {t: q.idf.get(t, 1.0) for t in subject}
        total = sum(weight.values())
        return total > 0 and sum(w for t, w in weight.items() if t in found) >= 0.5 * total

    def _requirements(self, q: QuestionInfo) -> Iterator[tuple[Callable[[Candidate], bool], Callable[..., list[Candidate]]]]:
        """What a sentence must say to answer ``q``, each with where to look when the best one
        does not (the alternatives, best first; none means abstaining).

        * « Quand X est-il né ? »: a date from a sentence that speaks of no birth is another
          event's (« mercredi », the day of the verdict): a nearly as likely sentence of the same
          article that does;
        * « Combien de nourrissons sont morts… ? »: a figure from a sentence that speaks of no
          death counts something else; likewise;
        * « Quand l'autoroute A7 a-t-elle été construite ? »: « jeudi matin » is the day of an
          accident on it; a construction date comes with words of building (or opening, dating):
          a nearly as likely sentence with them, else a less likely one of the best sentence's
          article (« Le château, édifié au début du XVIIIe siècle » for « construit »). Only the
          first event family the question asks about and the best sentence lacks applies;
        * « Quel était le taux de chômage en avril ? »: the rate's noun, in the sentence or its
          article's title (« Elle était de 1,4 % en mars » under « L'inflation ralentit… »), else a
          nearly as likely sentence that has it (« La participation s'est établie à 52,5 % » of
          another article, not « le taux de grévistes »);
        * « Qui a remporté les élections municipales de Marseille ? » is not answered by a
          sentence where someone « a remporté » something else: it must name what was won.

        Yielded lazily, so that each applies to the best sentence the previous ones left.
        """
        same_article = partial(_nearly_as_likely, same_article=True)
        measured = self._measured_terms(q) if q.qtype == NUMBER else set()
        if measured:
            # « Quelle est la vitesse maximale des vélos ? »: « La vitesse maximale autorisée sur le
            # boulevard périphérique … 50 km/h » says nothing of bikes; a less likely sentence that
            # says what is measured and gives a measure (« Les vélos peuvent rouler jusqu'à 25 km/h »)
            def measuring(ranked: list[Candidate], has: Callable[[Candidate], bool]) -> list[Candidate]:
                best = ranked[0]
                return [c for c in ranked[1:12] if c.prob >= best.prob * MEASURED_FAR_RATIO
                        and has(c) and self.typed(q, c)] or ranked

            yield (lambda c: bool(measured & c.matched)), measuring
        named_kind = _WHICH_PLACE_Q.search(q.text) if q.qtype == PLACE and not _ORIGIN_Q.search(q.text) else None
        if named_kind and named_kind.group("noun").lower() in _NAMED_PLACE_KINDS:
            # « Dans quelle commune la pierre a-t-elle été découverte ? »: « un agriculteur de la
            # commune … a découvert la pierre » names no place; a sentence of its article that does
            # (the lead: « retrouvée mercredi dans un champ de Noyal-Pontivy »); none: the best stands
            yield (lambda c: bool(self.typed(q, c))), lambda ranked, has: (
                _nearly_as_likely(ranked, has, same_article=True) or _less_likely_of_article(ranked, has) or ranked)
        if q.qtype == PLACE and _ORIGIN_Q.search(q.text):
            # « D'où est originaire X ? »: « ce voyageur originaire de Montpellier », a sentence of the
            # article that says where X comes from, over the likelier one that says where X was held
            yield (lambda c: bool(origin_spans(c.text))), lambda ranked, has: (
                _nearly_as_likely(ranked, has, same_article=True) or _less_likely_of_article(ranked, has) or ranked)
        dated = _DATES_FROM_Q.match(q.text) if q.qtype == DATE else None
        if dated:
            # « De quand datent les sépultures ? »: « Les pièces … datent du IIIe siècle » dates
            # something else; a nearly as likely sentence that names what is dated (« 42 sépultures
            # du VIe et du VIIe siècle »), in it or in its article's title; none: the best one stands
            what = {t.term for t in tokens(dated.group("what"), self.analyzer)}
            yield (lambda c: bool(what & ({t.term for t in c.toks} | {t.term for t in tokens(c.title, self.analyzer)}))), \
                lambda ranked, has: _nearly_as_likely(ranked, has) or ranked
        if q.qtype == DATE and _BIRTH_Q.search(q.text):
            yield lambda c: bool(_BIRTH.search(c.text)), same_article
        event = _DEATH_IN_Q.search(q.text) if q.qtype in (DATE, NUMBER) else None
        if event:
            # « Combien de personnes sont mortes pendant la canicule ? »: a toll from an article that
            # never speaks of the heat wave (« 17 personnes sont mortes dans des avalanches ») is another's
            term = self.analyzer._term(event.group("event").lower())
            yield lambda c: term in self._article_terms(c.source), _nearly_as_likely
        if q.qtype in (DATE, NUMBER) and _DEATH_Q.search(q.text):
            yield lambda c: bool(_DEATH.search(c.text)), same_article
        # (for a figure, the event must be the question's verb: « le prix du robot acquis par l'hôpital »
        # asks a price, which a sentence may give without a word of buying)
        families = [says for qtypes, asks, says in _EVENT_FAMILIES if q.qtype in qtypes and (m := asks.search(q.text))
                    and (q.qtype != NUMBER or _AUX_BEFORE.search(q.text, max(0, m.start() - 16), m.start()))]
        if families:
            def events(ranked: list[Candidate], _reports: Callable[[Candidate], bool]) -> list[Candidate]:
                best = ranked[0]
                says = next(says for says in families if not says.search(best.text))
                # « Qui a acheté la Célestine ? »: another article's purchase (« L'acheteur […] est le
                # musée Getty ») is not the Célestine's when the best sentence's article names it and
                # that one does not
                names = [fold(w) for w in _proper_names(q.text, r"\w[\w-]*", first_acronym=False)]
                own = bool(names) and self._names_in(names, best.source)

                # without names, the question's words the best sentence says (« Qui a acheté les bijoux
                # volés ? »: « bijoux ») must be in the other article too: an auction's « L'acheteur »
                # does not say who bought jewels
                objects = set() if names else {t for t in best.matched if t not in _AGENT_TERMS and says.search(t) is None}

                def reports(c: Candidate) -> bool:
                    if not says.search(c.text):
                        return False
                    if c.source == best.source:
                        return True
                    return (not own or self._names_in(names, c.source)) and objects <= self._article_terms(c.source)

                return _nearly_as_likely(ranked, reports) or [
                    c for c in ranked[1:12] if c.source == best.source
                    and c.prob >= best.prob * EVENT_RATIO and says.search(c.text)]

            yield lambda c: all(says.search(c.text) for says in families), events
        # « Dans quelle ville X avait-il été arrêté ? » likewise: « Il avait été arrêté à Chiraz »
        acted = _DATE_VERB_Q.search(q.text) if q.qtype in (DATE, PLACE) and not families else None
        if acted and acted.group("verb")[:1].isupper():
            verb = self.analyzer._term(acted.group("simple").lower()) if acted.group("simple") else ""
        else:
            verb = self.analyzer._term(acted.group("verb").lower()) if acted else ""
        if len(verb) >= 4 and verb not in _LIGHT_VERBS:
            # « Quand Kombouaré est-il arrivé à Nantes ? »: « a annoncé lundi le limogeage de son
            # entraîneur Antoine Kombouaré » dates the sacking; a less likely sentence of the article
            # with the verb and a date (« Arrivé en février 2021, le technicien kanak… ») dates the
            # arrival; none: the best one stands
            def dated_act(ranked: list[Candidate], has: Callable[[Candidate], bool]) -> list[Candidate]:
                best = ranked[0]
                # a place comes from a nearly as likely sentence only: places are many in an article
                floor = best.prob * (WHY_RATIO if q.qtype == PLACE else ROLE_RATIO)
                return [c for c in ranked[1:12] if c.source == best.source and c.prob >= floor
                        and has(c) and self.typed(q, c)] or ranked

            def acts(c: Candidate) -> bool:
                # for a place, the verb itself, not its noun after a determiner (« la 60e attaque »)
                return any(t.term == verb and (q.qtype != PLACE or not _DETERMINER_BEFORE.search(c.text, max(0, t.start - 25), t.start))
                           for t in c.toks)

            yield acts, dated_act
        doer = self._agent_verb(q) if q.qtype == PERSON and _WHO_Q.match(q.text) else None
        if doer and len(doer) >= 4 and doer not in _LIGHT_VERBS and doer not in _VERB_ROLES:
            # « Qui a promis une enveloppe aux apiculteurs ? »: the lead names the union, a less likely
            # sentence of its article says who promised (« Le vice-président …, Philippe Castan, a
            # promis une première enveloppe »); none: the best one stands
            def does(c: Candidate) -> bool:
                return any(_same_verb(self._verb_term(t), doer) for t in c.toks)

            def doing(ranked: list[Candidate], has: Callable[[Candidate], bool]) -> list[Candidate]:
                # and says more of what was done than the best one (« enveloppe »), not just the verb
                best = ranked[0]
                return _nearly_as_likely(ranked, lambda c: has(c) and bool(self.typed(q, c)) and any(
                    t not in best.matched and not _same_verb(t, doer) for t in set(q.idf) & c.matched), same_article=True) or ranked

            yield does, doing
        if q.qtype == NUMBER and _POPULATION_Q.search(q.text):
            # « Quelle est la population du village ? »: a count of inhabitants (« un village cévenol
            # de 470 habitants »), not the year of another sentence nearer the word « village »
            def inhabitants(c: Candidate) -> bool:
                return any(_INHABITANTS.search(c.text[a:b]) or _INHABITANTS.match(c.text, b) for a, b in self.typed(q, c))

            yield inhabitants, lambda ranked, has: (
                _nearly_as_likely(ranked, has, same_article=True) or _less_likely_of_article(ranked, has) or ranked)
        rate = _RATE_OF_Q.search(q.text) if q.qtype == NUMBER else None
        if rate:
            what = self.analyzer._term(fold(rate.group("what").lower()))
            yield (lambda c: what in {t.term for t in c.toks} | {t.term for t in tokens(c.title, self.analyzer)},
                   _nearly_as_likely)
        if q.qtype == NAME:
            # « Comment s'appelle le nouveau dinosaure ? »: the sentence that gives a name (« Baptisé
            # Occitanosaurus montoulierensis, l'animal… ») over a likelier one that only names places
            yield (lambda c: bool(_NAMING.search(c.text)),
                   lambda ranked, has: _nearly_as_likely(ranked, has, same_article=True) or ranked)
        subject_term = self._dated_subject(q)
        acted_q = _DATE_VERB_Q.search(q.text) if subject_term else None
        acted_term = self.analyzer._term(acted_q.group("verb").lower()) if acted_q else ""
        if subject_term and (not re.match(r"\s*quand\b", q.text, re.IGNORECASE) or _WHEN_SUBJECT_Q.match(q.text).group("noun")[:1].isupper()
                             or (len(acted_term) >= 4 and acted_term not in _LIGHT_VERBS)):
            # « Quand le cyclone a-t-il atteint son pic ? » « Il a atteint son pic le 30 décembre »: the
            # verb says which sentence; only « aura-t-il lieu », « se tiendra-t-il » leave it to the noun
            subject_term = None
        if subject_term and len(subject_term) >= 4 and subject_term not in _LIGHT_VERBS:
            # « Quand le rassemblement … aura-t-il lieu ? »: the lead dates the visit and the
            # building; « appelle à un rassemblement devant l'établissement jeudi » dates the
            # rally, a less likely sentence of the article; none: the best one stands
            def dates_it(c: Candidate) -> bool:
                return subject_term in c.matched and bool(self.typed(q, c))

            yield (lambda c: subject_term in c.matched), lambda ranked, has: (
                _nearly_as_likely(ranked, dates_it, same_article=True) or _less_likely_of_article(ranked, dates_it) or ranked)
        if q.qtype == DATE and _UNTIL_Q.match(q.text):
            # « Jusqu'à quelle heure l'évacuation a-t-elle duré ? »: « L'incident s'est produit vers 10 h
            # 40 » says when it began; a nearly as likely sentence of the article says until when
            def until_in(c: Candidate) -> bool:
                return any(_UNTIL.match(c.text[a:b]) for a, b in self.typed(q, c))

            yield until_in, lambda ranked, has: _nearly_as_likely(ranked, has, same_article=True) or ranked
        if q.qtype == DATE and _TIME_Q.search(q.text):
            # « À quelle heure est né le premier petit ? »: a clock time, from a nearly as likely
            # sentence of the article (« a donné naissance au premier petit à 1 h 08 ») when the best
            # one has none (« Leur premier petit, Yuan Meng, né en 2017 »); else a less likely one of
            # the article (« Un glissement de terrain a emporté dans la nuit… » tells the event, « se
            # sont détachés du versant vers 3 heures du matin » its hour); none: the articles do not say
            # (« Une réunion publique sera organisée le 12 février à la salle des fêtes » gives no hour)
            yield (lambda c: bool(CLOCK_RE.search(c.text) or _MIDDAY.search(c.text))), lambda ranked, has: (
                _nearly_as_likely(ranked, has, same_article=True) or _less_likely_of_article(ranked, has))
        if q.qtype in (DATE, PLACE) and _FUTURE_Q.search(q.text):
            # « Quand Brest jouera-t-il à Nantes ? » asks for a date to come (« se déplaceront à Nantes
            # le 24 novembre »), not the past one of a sentence naming both towns (« en mars, un vol
            # reliant Marseille à Brest avait été dérouté vers Nantes »); « Où les joueurs seront-ils
            # reçus ? » likewise asks for a place to come; none: the best one stands
            def ahead(c: Candidate) -> bool:
                return any(speaks_of_future(c.text, s, e) for s, e in self.typed(q, c))

            dated = self._dated_subject(q)
            # or a less likely one of the article that says more of the question's own pairs (« Il
            # affrontera au second tour, le 8 décembre », when the best tells the first round's Sunday)
            yield ahead, lambda ranked, has: _nearly_as_likely(
                ranked, lambda c: has(c) and _keeps_subject(dated, ranked[0], c)) or _less_likely_of_article(
                ranked, lambda c: has(c) and bool(_question_pairs(q, c) - _question_pairs(q, ranked[0]))) or ranked
        noun = _asked_noun(q.text) if q.qtype == NUMBER else None
        people = bool(noun) and bool(_PEOPLE.fullmatch(noun or ""))
        asked_kind = _count_kind(noun) if noun else None
        if asked_kind is not None:
            # « Combien de tentes ont été installées ? » is not answered by « environ 4.000 étudiants »,
            # nor « Combien de contrôleurs ont fait grève ? » by « 1.200 vols »: people counted for
            # things, or things for people, count something else; a nearly as likely sentence of the
            # article that counts the asked kind, else the articles do not say
            def other_kind(c: Candidate) -> bool:
                kinds = [_count_kind(w) for w in (_counted_word(c, a) for a, _ in self.typed(q, c))]
                return bool(kinds) and all(k is not None and k != asked_kind for k in kinds)

            asked_term = self.analyzer._term(noun.lower())

            def counts_exactly_it(c: Candidate) -> bool:
                return any(_counted_term(c, a) == asked_term for a, _ in self.typed(q, c))

            yield (lambda c: not other_kind(c)), lambda ranked, has: (
                _nearly_as_likely(ranked, counts_exactly_it, same_article=True) or _less_likely_of_article(ranked, counts_exactly_it)
                or _nearly_as_likely(ranked, lambda c: has(c) and bool(self.typed(q, c)), same_article=True))
        if noun and people and re.fullmatch(r"[^\W\d]{4,}", noun):
            # « Combien de pompiers sont intervenus ? »: people go by many names (« habitants »,
            # « personnes »), so a figure of others stands, unless the sentence names them and counts
            # others (« les pompiers à évacuer … 140 habitants ») while a sentence of the article
            # counts exactly them (« Une cinquantaine de sapeurs-pompiers »)
            pterm = self.analyzer._term(noun.lower())

            def counts_exactly(c: Candidate) -> bool:
                return any(_counted_term(c, s) == pterm for s, _ in self.typed(q, c))

            def counts_others_of_them(c: Candidate) -> bool:
                counted = [_counted_term(c, a) for a, _ in self.typed(q, c)]
                return any(t.term == pterm for t in c.toks) and bool(counted) and all(
                    t is not None and t != pterm for t in counted)

            yield (lambda c: not counts_others_of_them(c)), lambda ranked, has: [
                c for c in ranked[1:12] if c.source == ranked[0].source and c.prob >= ranked[0].prob * ROLE_RATIO_GLUED
                and counts_exactly(c)][:1] or ranked
        if (noun and re.fullmatch(r"[^\W\d]{4,}", noun) and noun not in STOP_WORDS and not _GENERIC_COUNT.fullmatch(noun)
                and not people):
            # « Combien de sauveteurs ont été envoyés ? »: when no retrieved sentence nor title names
            # what is counted, even misspelt, a figure found there (« magnitude 5,8 ») counts something
            # else
            term = self.analyzer._term(noun.lower())

            def names_it(c: Candidate) -> bool:
                # not « hauteur »; not « ouvrir » (ouvr) for « ouvriers » (ouvri): short stems are not fuzzed
                return any(t.term == term or (t.term[:2] == term[:2] and min(len(t.term), len(term)) >= 5 and similar(t.term, term))
                           for t in [*c.toks, *tokens(c.title, self.analyzer)])

            yield names_it, lambda ranked, has: ranked if any(has(c) for c in ranked) else []

            def counts_it(c: Candidate) -> bool:
                return any(_counted_term(c, s) == term for s, _ in self.typed(q, c))

            # « Combien de voyageurs par jour sont attendus ? »: the best sentence has no figure
            # (« ses premiers voyageurs »): a nearly as likely one that counts them (« attend
            # environ 300.000 voyageurs ») rather than another figure further down (« 16 gares »);
            # a best sentence with a figure keeps it (« Hašek compte 41 victoires » for « matchs »)
            yield (lambda c: bool(self.typed(q, c))), lambda ranked, has: (
                _nearly_as_likely(ranked, counts_it, same_article=True) or _less_likely_of_article(ranked, counts_it) or ranked)

            def counts_another(c: Candidate) -> bool:
                counted = [_counted_term(c, a) for a, _ in self.typed(q, c)]
                return bool(counted) and all(t is not None and t != term and t not in q.idf for t in counted)

            def counts_them(c: Candidate) -> bool:
                # « neuf d'entre eux ont été placés en détention » counts those the sentence is about
                return counts_it(c) or any(_AMONG_THEM.match(c.text, b) for _, b in self.typed(q, c))

            # « Faux conseillers bancaires : un réseau d'escrocs démantelé, 2.300 victimes » counts the
            # victims, not the « conseillers » the question counts: a nearly as likely sentence of the
            # article that counts them; none: the best one stands
            yield (lambda c: not counts_another(c)), lambda ranked, has: (
                _nearly_as_likely(ranked, counts_them, same_article=True) or ranked)

        if q.qtype == NUMBER and not _THRESHOLD_Q.search(q.text):
            # « Le prix moyen du gazole est passé sous la barre de 1,60 euro »: a threshold crossed;
            # the value is in another sentence of the article (« Il s'établissait à 1,587 euro »)
            def gives_value(c: Candidate) -> bool:
                spans = self.typed(q, c)
                return bool(spans) and not all(_crossed_threshold(q, c.text, a) for a, _ in spans)

            yield (lambda c: not self.typed(q, c) or gives_value(c)), lambda ranked, has: (
                _nearly_as_likely(ranked, gives_value, same_article=True) or _less_likely_of_article(ranked, gives_value) or ranked)
        if q.qtype == NUMBER and _AGE_Q.search(q.text):
            def aged(ranked: list[Candidate], has: Callable[[Candidate], bool]) -> list[Candidate]:
                # the article about the person gives the age once, often where nothing else of the
                # question is (« la Dijonnaise de 23 ans a conclu la rencontre »)
                # a sentence naming the question's person first (« Karim Benali, un infirmier de 41
                # ans » when another article's Karim Benali is likelier and gives someone else's age)
                # (all of the question's names in its article: « Léna Morel, âgée de 27 ans » of a film
                # story is not « Léna Vasseur », whose surname another story gives someone else)
                named = [c for c in ranked[1:AGE_TOP] if has(c) and any(
                    t.surface[:1].isupper() and similar(fold(t.surface), n) for t in c.toks for n in q.names)
                    and self._names_in(q.names, c.source)]
                return named or _nearly_as_likely(ranked, has, same_article=True) or [
                    c for c in ranked[1:AGE_TOP] if c.source == ranked[0].source and has(c)] or self._described_age(q, ranked[0], has)

            # « Quel âge a le plongeur Rémi Jacquot ? » asks one person's age: « âgés de 24 à 58 ans »
            # is a group's
            one = bool(re.search(r"\bquel\s+(?:âge|age)\s+(?:a|avait|aura)\b", q.text, re.IGNORECASE))
            yield (lambda c: any(not (one and _AGE_RANGE.search(m.group(0))) and not _LASTED_BEFORE.search(c.text, max(0, m.start() - 25), m.start() + 3)
                                 for m in _AGE.finditer(c.text)) or bool(_OLD_AS.search(c.text))), aged
        passive = _PASSIVE_Q.match(q.text) if q.qtype == PERSON else None
        if passive:
            # « Qui est représenté sur le tableau ? » is answered where the verb is (« la toile
            # représente René Caillebotte »), not by the likelier sentence naming the painter
            verb = self.analyzer._term(passive.group("verb").lower())
            # none: the best one stands
            yield (lambda c: verb in {t.term for t in c.toks}), lambda ranked, has: _nearly_as_likely(ranked, has, same_article=True) or ranked
        won = _WHO_DID_Q.match(q.text) if q.qtype == PERSON else None
        if won:
            head = AGENT_NOUNS.get(t := self.analyzer._term(won.group("head").lower()), t)
            yield lambda c: head in {t.term for t in c.toks}, _nearly_as_likely
            # « … l'élection municipale d'Agen ? »: won where the question says, by the article
            where = [fold(w) for w in _proper_names(q.text[won.end():], r"\w[\w-]*", first_acronym=True)]
            if where:
                yield lambda c: self._names_in(where, c.source), _nearly_as_likely

    def _choose(self, q: QuestionInfo, ranked: list[Candidate]) -> Candidate | None:
        """The sentence to cite: the most likely one, unless a nearly as likely one gives a better
        typed answer (closer to the question's words, a more precise date); ``None`` when a
        question asking for an amount of money finds none in any likely sentence.
        """
        best = ranked[0]
        if asks_penalty(q.text) and not penalty_spans(best.text):
            # « À quelle peine le détenu avait-il été condamné ? »: a nearly as likely sentence of the
            # article that gives a prison term, over one that tells the escape
            def termed_in(c: Candidate) -> bool:
                return bool(penalty_spans(c.text))

            termed = _nearly_as_likely(ranked, termed_in, same_article=True) or _less_likely_of_article(ranked, termed_in)
            if termed:
                return termed[0]
        if asks_court(q.text) and not court_spans(best.text, q.text):
            # « Quelle juridiction examinera l'appel ? »: a nearly as likely sentence of the article
            # that names a court, over one that names none
            def courted(c: Candidate) -> bool:
                return bool(court_spans(c.text, q.text))

            courts = _nearly_as_likely(ranked, courted, same_article=True) or _less_likely_of_article(ranked, courted)
            if courts:
                return courts[0]
        if asks_court(q.text) and _FUTURE_Q.search(q.text):
            # « Devant quel tribunal le maire va-t-il déposer un recours ? » asks a court to come: not
            # « a déposé plusieurs recours devant le tribunal administratif de Toulouse » of another
            # story when a nearly as likely sentence says « va déposer un recours devant … »
            def court_ahead(c: Candidate) -> bool:
                return any(speaks_of_future(c.text, a, b) for a, b in court_spans(c.text, q.text))

            if not court_ahead(best) and (ahead := _nearly_as_likely(ranked, court_ahead)):
                return ahead[0]
        if q.qtype != NUMBER and asks_rank(q.text) and not rank_spans(best.text, q.text):
            # « Quelle place X a-t-elle prise ? »: a sentence of the article that ranks someone
            # (« a terminé deuxième de la course »), over one that names the race
            def ranked_in(c: Candidate) -> bool:
                return bool(rank_spans(c.text, q.text))

            ranks = _nearly_as_likely(ranked, ranked_in, same_article=True) or _less_likely_of_article(ranked, ranked_in)
            if ranks:
                return ranks[0]
        said = _WHAT_SAID_Q.match(q.text) if q.qtype == OTHER else None
        if said:
            # « Qu'avait requis le parquet contre le maire de X ? »: the sentence that says what the
            # parquet requested, over the likelier one that names the mayor and says what he got
            terms = {self.analyzer._term(said.group(g).lower()) for g in ("verb", "noun")}
            def saying(c: Candidate) -> bool:
                return terms <= {self._verb_term(t) for t in c.toks} | {t.term for t in c.toks}
            if not saying(best):
                found = _nearly_as_likely(ranked, saying, same_article=True) or _less_likely_of_article(ranked, saying)
                if found:
                    best = found[0]
                    ranked = [best] + [c for c in ranked if c is not best]
        if q.qtype == OTHER:
            kind = asked_kind(q.text)
            if kind and not has_kind(best.text, kind, q.text):
                # « Quelle est la langue officielle des États-Unis ? »: a nearly as likely sentence of
                # the article that names a language, when the best one names none
                # or, less likely, one that says what the best one does not (« fabriquent … ce
                # fromage à croûte grise » for « De quelle couleur est la croûte… ? »)
                def of_kind(c: Candidate) -> bool:
                    return has_kind(c.text, kind, q.text)

                return next(iter(_nearly_as_likely(ranked, of_kind, same_article=True) or _less_likely_of_article(
                    ranked, lambda c: of_kind(c) and bool((set(q.idf) & c.matched) - best.matched))), best)
            if _WHAT_DID_Q.match(q.text) and self._thing_agent(q, best) is None:
                # « Qu'est-ce qui a endommagé la canalisation ? »: the sentence of the article that
                # says by what (« endommagée selon eux par des travaux de voirie »), however unlikely
                found = next((c for c in [*ranked[1:12], *self._unretrieved(ranked, lambda text: True)]
                              if c.source == best.source and self._thing_agent(q, c) is not None), None)
                if found is not None:
                    return found
            if _WORK_Q.search(q.text) and self._work_title(q, best) is None:
                # « Quel film a obtenu le Grand Prix ? »: a nearly as likely sentence that quotes a title
                return next(iter(_nearly_as_likely(ranked, lambda c: self._work_title(q, c) is not None,
                                                   same_article=True)), best)
            if _WHY_Q.match(q.text) and not self._gives_cause(q, best):
                # « Pourquoi l'inflation ralentit-elle ? »: a nearly as likely sentence that gives a
                # cause (« s'explique par », « en raison de », « la panne serait due à ») over one that
                # restates the fact; else when the best is the headline, which restates the question,
                # one of the article's sentences that were not retrieved
                return next(iter(_nearly_as_likely(ranked, lambda c: self._gives_cause(q, c), same_article=True)), None) or (
                    self._cause_in_article(q, best) if _is_headline(best) or WIRE_DATELINE.match(best.text) else None) or best
            return best
        if q.qtype == NAME and self._named_by_noun(q, best) is None and _WHICH_NOUN_Q.match(q.text.replace("’", "'")):
            # « Quel cyclone a frappé… ? »: a nearly as likely sentence of the article that says « le
            # cyclone Bejisa », as for « Quelle bataille… ? », over one that names it another way
            named = _nearly_as_likely(ranked, lambda c: self._named_by_noun(q, c) is not None, same_article=True)
            if named:
                return named[0]
        if q.qtype == PERSON and (_CLUB_Q.match(q.text) or _WHICH_ORG_Q.match(q.text)) and self._named_by_noun(q, best) is None:
            # « Pour quel club court X ? »: « la coureuse du club de l'ASPTT Grenoble », a sentence of
            # the article that names her by her trade, not by name, over the lead that names her;
            # « Quel collectif s'opposait au projet ? »: « réunis dans le collectif Glaisins Vivants »
            spans = {id(c): sp for c in ranked[1:12] if (sp := self._named_by_noun(q, c)) is not None}
            named = _less_likely_of_article(ranked, lambda c: id(c) in spans)
            if named:
                s, e = spans[id(named[0])]
                lead = re.match(r"\w+\s+(?:(?:de\s+la|de|du|des)\s+|d['’]|de\s+(?=l['’]))?", named[0].text[s:e])
                named[0].answer_span = (s + (lead.end() if lead else 0), e)  # « l'ASPTT Grenoble »
                return named[0]
        for has, alternatives in self._requirements(q):
            if has(best):
                continue
            ranked = alternatives(ranked, has)
            if not ranked:
                return None
            best = ranked[0]
        feature = _WHICH_PLACE_Q.search(q.text) if q.qtype == PLACE else None
        if feature and feature.group("noun").lower() in _FEATURE_NOUNS and not _named_place(feature.group("noun"), best.text):
            # « Dans quel massif se trouve le glacier ? »: a massif, a valley, a lake is named with its
            # noun (« Situé dans le massif des Grandes Rousses »), not the lead's « en Savoie »
            noun = feature.group("noun")
            named = [c for c in ranked[1:12] if c.source == best.source and c.prob >= best.prob * ROLE_RATIO
                     and _named_place(noun, c.text)]

            def others(c: Candidate) -> int:
                # « dont celui d'Argentière, dans le massif du Mont-Blanc » names another glacier
                places = _named_place(noun, c.text)
                return sum(1 for a, b in name_spans(c.text) if not any(x <= a < y for x, y in places)
                           and not any(similar(fold(w), n) for w in c.text[a:b].split() for n in q.names))

            if named:
                return min(named, key=lambda c: (others(c), -c.prob))
        if q.qtype == PERSON and (before := self._predecessor(q, ranked)) is not None:
            return before
        if q.qtype == NAME and (titled := self._titled_in_article(q, ranked[0])) is not None:
            return titled
        if q.qtype in (PERSON, NAME):
            # « Valence, entraîné par l'Espagnol Pedro Martínez, » names the doer of the question's
            # verb: another sentence's role noun (« L'entraîneur Frédéric Fauthoux ») is someone else's
            doer = q.qtype == PERSON and bool(_WHO_Q.match(q.text)) and bool(self._agents(q, best))
            named = (None if doer else self._role_apposition(q, ranked)) or self._passive_agent(q, ranked)
            if named is not None:
                return named
            led = _ROLE_VERB_Q.match(q.text) if q.qtype == PERSON else None
            if led and not self._names_holder(q, led, best):
                # « Qui dirige la Société des grands projets ? » asks for a holder: « La Société des
                # grands projets (SGP), maître d'ouvrage, attend… » names nobody but the body itself,
                # and what else it says is no leader. A nearly as likely sentence, or one of the
                # article, that names someone and is about the body (not « construites par Alstom »,
                # a maker); none: the articles do not say
                subject = {t.term: q.idf.get(t.term, 1.0) for t in tokens(q.text[led.end():], self.analyzer)}
                need = 0.5 * sum(subject.values())

                def holds(c: Candidate) -> bool:
                    if not self._names_holder(q, led, c):
                        return False
                    # about the body, or (« explique Léa Baudouin, présidente de la société ») the role
                    # in the body's own article
                    return sum(w for t, w in subject.items() if t in c.matched) >= need or (
                        c.source == best.source and _says_role(led, c))

                found = _nearly_as_likely(ranked, holds) or _less_likely_of_article(ranked, holds)
                if not found:
                    return None
                best = found[0]
        top_spec = self._specificity(q, best)
        held = _shared_weight(q, best.matched, best.matched)

        doer_verb = self._agent_verb(q) if q.qtype == PERSON else None
        if doer_verb in _VERB_ROLES:
            doer_verb = None  # « Qui dirige le chantier ? »: « la responsable du chantier, X » says it with a noun
        does = (lambda c: any(self._verb_term(t) == doer_verb or t.term == doer_verb for t in c.toks)) if doer_verb else None
        best_does = does is not None and does(best)

        # « Quand les suspects ont-ils été arrêtés ? »: a sentence that says « arrêtés » competes
        # on its date with one that says only « interpellés », whatever else each shares
        verb = _question_verb(q.text, self.analyzer) if q.qtype == DATE else None
        acts = (lambda c: any(self._verb_term(t) == verb for t in c.toks)) if verb else None
        best_acts = acts is not None and acts(best)

        dated = self._dated_subject(q)

        def related(c: Candidate) -> bool:
            if best_does and not does(c):
                return False  # « Qui va saisir le Conseil ? »: the sentence that says who will, not who censured
            if not _keeps_subject(dated, best, c):
                return False
            if acts is not None and not best_acts and acts(c):
                return True
            # another article's sentence competes on its date only with half of what the best matched:
            # « La prochaine édition aura lieu du 17 au 20 juillet » shares « lieu », not « incendie »
            return (q.qtype != DATE or c.source == best.source
                    or _shared_weight(q, c.matched, best.matched) >= POOL_SHARED * held)

        # « Où Nantes se déplace-t-il samedi ? »: when the best sentence names no place but the
        # question's own (« se déplaceront à Nantes »), its name hits rank nothing
        unplaced = q.qtype == PLACE and not self.typed_detail(q, best)
        # « Quelle était la vitesse de la tramontane ? »: the unit says the measure (« soufflant
        # jusqu'à 80 km/h »), what is measured must be said (not « la vitesse moyenne … 37 km/h »
        # of another story); a less likely sentence that says it the best one does not competes
        measured = self._measured_terms(q) if q.qtype == NUMBER else set()
        measured_idf = sum(q.idf[t] for t in measured)
        asked_noun = next((fold(m.group(0).lower()) for m in _MEASURE_NOUN_Q.finditer(q.text)), None) if measured else None
        # « Culminant à environ 3.320 mètres » says the altitude the likelier lead does not
        cue = re.compile(r"\baltitude|\bculmin" if asked_noun == "altitude" else rf"\b{asked_noun[:5]}", re.IGNORECASE) if asked_noun else None
        cued = cue is not None and not cue.search(fold(best.text))
        pool = [c for c in ranked[:RERANK_TOP]
                if c is best or ((c.name_hits >= best.name_hits or c.source == best.source or unplaced) and related(c) and (c.prob >= best.prob * RERANK_RATIO or (
                    c.prob >= best.prob * RERANK_RATIO_DATE and self._specificity(q, c) > top_spec) or (
                    c.prob >= best.prob * MEASURED_RATIO and (bool((measured & c.matched) - best.matched)
                                                              or (cued and bool(cue.search(fold(c.text))))))))]
        scored = []
        daypart = _DAYPART.search(q.text)
        priced = _PRICED_Q.search(q.text) if q.qtype == NUMBER and (asks_money(q.text) or _CHANGE_Q.search(q.text)) else None
        priced_term = self.analyzer._term(next(w for w in priced.groups() if w).lower()) if priced else None

        def rounded_in_text(head: Candidate, span: tuple[float, int, int, int]) -> bool:
            # the headline's figure given more precisely by a sentence of the same article
            lead = re.match(r"\d+", head.text[span[2]:span[3]].lstrip("~≈ "))
            return lead is not None and any(
                c is not head and c.source == head.source and (sp := self.typed(q, c))
                and re.match(rf"{lead.group(0)}[,.]\d", c.text[sp[0][0]:sp[0][1]]) for c in pool)

        for c in pool:
            spans = self.typed_detail(q, c)
            if not spans:
                continue
            dist, spec = spans[0][0], spans[0][1]
            val = math.log(max(c.prob, 1e-9)) - ANCHOR_W * math.log1p(max(dist, 0.0) / 6.0) + SPECIFICITY_W * spec
            if measured:
                val += SUBJECT_W * sum(q.idf[t] for t in measured & c.matched) / measured_idf
            if priced_term is not None and priced_term in c.matched:
                val += SUBJECT_W  # « Le projet a coûté 36 millions » over « Un bus coûte 650.000 euros »
            if daypart and (other := next((m for m in _DAYPART.finditer(c.text) if m.group(1).lower() == daypart.group(1).lower()), None)) \
                    and other.group(2).lower() != daypart.group(2).lower():
                val -= 1.0  # « … jeudi soir ? » is not « privés d'électricité jeudi matin »
            if asked_noun and (other_noun := _MEASURE_AFTER.match(c.text, spans[0][3])) and \
                    fold(other_noun.group(1).lower())[:4] != asked_noun[:4]:  # « de long » is a « longueur »
                val -= OTHER_MEASURE_PENALTY  # « 1.500 mètres de hauteur » for « Quelle est l'altitude… ? »
            if q.qtype == NUMBER and _is_headline(c) and rounded_in_text(c, spans[0]):
                val -= HEADLINE_PENALTY  # « avec 54 % des voix » in a headline, « 54,2 % » in the text
            scored.append((val, -ranked.index(c), c))
        if scored:
            return max(scored, key=lambda t: (t[0], t[1]))[2]
        figure = q.qtype == NUMBER and bool(asks_money(q.text) or _COUNTED.search(q.text))
        lasted = q.qtype == NUMBER and bool(measured) and bool(_LASTED_Q.search(q.text))
        if figure or lasted or (q.qtype == NUMBER and _asked_measure(q.text) is not None):
            # the amount, count (« combien de véhicules ») or measure (« à quelle altitude ») in a
            # less likely sentence; with none, a sentence without the amount or count does not
            # answer, while a measure question keeps the likeliest sentence
            floor = self.weights.abstain_threshold
            durations = bool(_ASKS_DURATION.search(q.text))

            asked = _COUNTED.search(q.text)
            # not for a duration (« combien de temps » is said « cinq mois »)
            asked_term = self.analyzer._term(asked.group("noun").lower()) if asked and not durations else None

            def counts(c: Candidate) -> bool:
                # a less likely sentence answers a count with a figure, not « un an » (« depuis un an »),
                # nor one that counts something else: « 6,3 millions de visiteurs » does not say how
                # many « salariés » are on strike
                spans = self.typed(q, c)
                if not spans or (not durations and _TIME_SPAN.search(c.text[spans[0][0]:spans[0][1]])):
                    return False
                unit = _counted_term(c, spans[0][0]) if asked_term else None
                if unit is None or unit == asked_term or similar(unit, asked_term) or not unit.isalpha():
                    return True
                # « deux autres Français »: the counted noun a word further on
                return any(t.term == asked_term for t in c.toks if spans[0][0] <= t.start <= spans[0][1] + 12)

            others = [c for c in ranked[:12] if c not in pool and c.prob >= floor and counts(c)]
            # the best sentence's own article first: « Combien a coûté le prolongement de la ligne
            # D ? » is « auront coûté 98 millions d'euros » of the tramway story, not another line's cost
            other = next((c for c in others if c.source == best.source), None) or next(iter(others), None)
            if other is None and (not figure or lasted):
                # « À quelle distance de l'entrée les spéléologues étaient-ils bloqués ? »: the best
                # sentence tells the rescue, a less likely one of its article the measure (« à environ
                # 300 mètres de l'entrée »)
                # « Combien de temps a duré l'expédition ? »: « lors d'une expédition de trois
                # semaines », a sentence that says what lasted
                other = next(iter(_less_likely_of_article(ranked, lambda c: c not in pool and counts(c) and (
                    not lasted or bool(measured & c.matched)))), None)
            elif other is None and priced_term is not None:
                # « Combien a coûté la rénovation du téléphérique ? »: the lead tells the breakdown, a
                # less likely sentence of its article the cost of what is priced (« rénové en 2021
                # pour 40 millions d'euros »), which the lead does not name
                if priced_term not in ranked[0].matched:
                    other = next(iter(_less_likely_of_article(ranked, lambda c: c not in pool and counts(c) and priced_term in c.matched)), None)
            if other is None and figure and asks_money(q.text):
                other = self._money_in_article(q, ranked)
            asks = _physical_asks(q.text)
            if other is None and not figure and asks is not None and not _COMPARED_Q.search(q.text) \
                    and not asks.search(best.text):
                # « Quelle est la vitesse maximale des bus ? »: no likely sentence gives a speed, nor one
                # of the article, and the best one does not speak of it (« de la taille d'une balle de
                # golf » does, without a figure); the articles do not say
                return None
            return other if other is not None or figure else best
        titled = _titled_noun(q.text) if q.qtype == NAME else None
        if titled and (_is_person_noun(titled) or _is_org_noun(titled)):
            # « Comment s'appelle la passagère ? »: no likely sentence gives a name but the question's
            # own (« Une femme de 67 ans … à l'hôpital de Sallanches »), and a person's name is
            # capitalised; the articles do not say (a thing's name may be common words)
            return self._named_with_noun(q, ranked, best, titled)
        return best

    def _dated_subject(self, q: QuestionInfo) -> str | None:
        """The term of the thing a date question dates (« Quand la réunion … ? »: « reunion »);
        ``None`` for people and plurals, which news refers back to by a pronoun (« Quand les
        suspects seront-ils présentés ? » « Ils seront présentés vendredi »)."""
        subject = _WHEN_SUBJECT_Q.match(q.text) if q.qtype == DATE else None
        if subject is None:
            return None
        noun = fold(subject.group("noun").lower())
        if noun[-1:] in "sx" or noun in PERSON_NOUNS:
            return None
        return self.analyzer._term(subject.group("noun").lower())

    def _measured_terms(self, q: QuestionInfo) -> set[str]:
        """The question's terms but the measure's own noun (« vitesse », « altitude »), for a
        question asking a measure; empty otherwise or when nothing else is left."""
        asks = _physical_asks(q.text)
        lasted = _LASTED_Q.search(q.text)
        if asks is not None and lasted and lasted.start() < asks.search(q.text).start():
            asks = None  # « En combien de temps … la masse … ? »: what lasted, not what weighs
        if asks is None and lasted:
            asks = _DURATION_WORDS  # « Combien de temps a duré le délibéré ? »: « délibéré » is what lasted
        if asks is None:
            return set()
        own = {self.analyzer._term(m.group(0).lower()) for m in asks.finditer(q.text)}
        # « la vitesse moyenne de la course »: « moyenne » says which measure, « course » what is measured
        qualifiers = {self.analyzer._term(w) for w in _MEASURE_QUALIFIERS}
        rest = {t for t in q.terms if t not in own and t not in qualifiers and q.idf.get(t, 0.0) > 0}
        return rest if own & set(q.terms) else set()

    def short_span(self, q: QuestionInfo, c: Candidate) -> tuple[int, int]:
        """The typed span of the sentence nearest the question's words, else a focused clause."""
        if c.answer_span is not None:
            return c.answer_span
        if q.qtype == OTHER and _WORK_Q.search(q.text) and (title := self._work_title(q, c)) is not None:
            return title
        if asks_court(q.text) and (courts := court_spans(c.text, q.text)):
            return courts[0]  # « la cour d'appel de Caen », not « de Caen »
        if q.qtype != NUMBER and asks_rank(q.text) and (ranks := rank_spans(c.text, q.text)):
            return ranks[0]  # « deuxième », « la sixième place », not the year of the final
        if asks_penalty(q.text) and (terms := penalty_spans(c.text)):
            return terms[0]  # « à deux ans d'emprisonnement avec sursis », not « de 58 ans à deux ans… »
        if q.qtype == OTHER and (kind := asked_kind(q.text)) and (words := kind_spans(c.text, kind, q.text)):
            return words[0]  # « l'anglais est la langue maternelle… », « de couleur grise »
        if q.qtype in (OTHER, NAME) and (named := self._named_by_noun(q, c)) is not None:
            return named  # « le trophée William M. Jennings » for « Quel trophée… ? »
        if q.qtype == OTHER and (agent := self._thing_agent(q, c)) is not None:
            return agent  # « des travaux de voirie réalisés la semaine précédente »
        if q.qtype == OTHER and _WHY_Q.match(q.text) and (cause := self._cause_clause(q, c)) is not None:
            return cause  # « pour ne pas avoir vérifié que les internautes avaient donné leur consentement »
        spans = self.typed(q, c)
        if spans:
            return with_epithet(c.text, *spans[0]) if q.qtype == PLACE else spans[0]
        if q.qtype == PERSON:
            m = _SUBJECT_NP.match(c.text)
            if m and not all(t.term in q.idf for t in c.toks if t.end <= m.end()):
                return trim_span(c.text, *m.span())  # « L'opposition de gauche a annoncé qu'elle saisirait… »
        if self.weights.span_coef is not None:
            s, e = self.open_span(q, c)
            # « Comment s'appelle le jeu… ? »: « kokpar (ou bouzkachi), qui forme… » names it with
            # its first word, the rest glosses it
            word = re.match(r"([^\W\d][\w’'-]{2,})\s*(?:\(|»)", c.text[s:e]) if q.qtype == NAME else None
            if word and word.group(1).lower() not in STOP_WORDS:
                return s, s + word.end(1)
            return s, e
        return focus_clause(q, c)

    def _named_by_noun(self, q: QuestionInfo, c: Candidate) -> tuple[int, int] | None:
        """For « Quelle bataille… ? »: the question's noun followed by a name in the sentence (« la
        bataille de Fuentes de Oñoro »), noun and name, unless the name is the question's own."""
        m = _WHICH_NOUN_Q.match(q.text.replace("’", "'"))
        if not m:
            return None
        noun = m.group("noun")
        # « l'Office central de lutte contre le trafic des biens culturels (OCBC) » for « Quel office… ? »:
        # the noun itself opens the name, which its acronym closes
        titled = re.search(rf"\b{re.escape(noun[:1].upper() + noun[1:])}\s[^,;:.()«»]{{0,90}}?\s\([A-ZÉ]{{2,}}\)", c.text)
        if titled and not (fold(titled.group(0).lower()) in fold(q.text.lower())):
            return titled.span()
        kinds = "|".join(re.escape(k) for k in (noun, *_NOUN_KINDS.get(noun.lower(), ())))
        for n in re.finditer(rf"\b(?i:(?:{kinds})s?)\s+(?:(?:de\s+la|de|du|des)\s+|d['’]|de\s+l['’])?({_CAPITALISED}(?:[\s-](?:de\s+|d['’]|du\s+|la\s+|[A-Z]\.\s+)?{_CAPITALISED})*)",
                             c.text):
            if not c.text[n.start(1)].isupper() or c.text[n.start()].isupper() and n.start() > 0:
                continue
            name = fold(c.text[n.start(1):n.end(1)].lower())
            if name in fold(q.text.lower()):
                continue  # « la bataille de Poudlard » for « … après la bataille de Poudlard ? »
            return n.start(), n.end()
        # « l'article 49.3 » for « Quel article de la Constitution… ? », « le niveau 4 » for « Quel
        # niveau du plan Orsec… ? »: a number that names one of the noun's kind, not a quantity
        for n in re.finditer(rf"\b(?i:{re.escape(noun)})\s+(?:n°\s*|numéro\s+)?(\d+(?:[.,]\d+)*(?:\s?(?:bis|ter))?)(?![\w,.]?\d)"
                             r"(?!\s*(?:%|€|euros?|ans?|km|mètres?|heures?|jours?|mois|millions?|milliards?)\b)", c.text):
            if n.group(1) not in q.text:
                return n.start(), n.end()
        return None

    def _work_title(self, q: QuestionInfo, c: Candidate) -> tuple[int, int] | None:
        """For « Quel film a obtenu le Grand Prix ? »: the quoted title (« All We Imagine as Light »)
        nearest the question's words that is not the question's own."""
        anchors = [(t.start, t.end) for t in c.toks if t.term in q.idf]
        best = None
        for m in _QUOTED_TITLE.finditer(c.text):
            inside = [t for t in c.toks if m.start(1) <= t.start and t.end <= m.end(1)]
            if not inside or all(t.term in q.idf for t in inside):
                continue
            if len(m.group(1).split()) > 8 or _SAID_AFTER.match(c.text, m.end()):
                continue  # « Ce film est dédié à … », a déclaré X: a quotation, no title
            dist = min((max(a - m.end(), m.start() - b, 0) for a, b in anchors if not m.start() <= a < m.end()), default=1000)
            if best is None or dist < best[0]:
                best = (dist, m.span(1))
        return best[1] if best else None

    def _thing_agent(self, q: QuestionInfo, c: Candidate) -> tuple[int, int] | None:
        """For « Qu'est-ce qui a endommagé la canalisation ? »: what follows the question's
        participle and « par » in ``c`` (« endommagée selon eux par des travaux de voirie »), to the
        clause's end; ``None`` when the question asks no such thing or ``c`` does not say."""
        m = _WHAT_DID_Q.match(q.text.replace("’", "'"))
        if m is None:
            return None
        verb = self.analyzer._term(m.group("verb").lower())
        for t in c.toks:
            if not _same_verb(self._verb_term(t), verb) or not (by := _BY_AGENT.match(c.text, t.end)):
                continue
            stop = _THING_AGENT_END.search(c.text, by.end())
            end = stop.start() if stop else len(c.text.rstrip(" .!?"))
            if 1 <= len(c.text[by.end():end].split()) <= 12:
                return trim_span(c.text, by.start() + by.group(0).rfind("par") + 4, end)
        return None

    def _gives_cause(self, q: QuestionInfo, c: Candidate) -> bool:
        """Whether ``c`` has a cause cue (« en raison de », « s'explique par »), or says that what the
        question names is « dû à » or « provoqué par » something."""
        return bool(_CAUSE.search(c.text)) or bool(_due_to(q, c.text, c.toks))

    def _cause_clause(self, q: QuestionInfo, c: Candidate) -> tuple[int, int] | None:
        """For « Pourquoi … ? »: the clause a cause cue opens (« en raison de la sécheresse », « pour
        avoir frappé un policier »), to the sentence's or the clause's end; none when the cue is
        the question's own words or the clause is too short or too long to be an answer."""
        for m in sorted([*_CAUSE.finditer(c.text), *_due_to(q, c.text, c.toks)], key=lambda m: m.start()):
            if fold(m.group(0).lower()) in fold(q.text.lower()):
                continue
            end = _CAUSE_END.search(c.text, m.end())
            stop = end.start() if end else len(c.text.rstrip(" .!?"))
            if (comma := c.text.find(",", m.end(), stop)) > 0:
                # « Faute de pédiatres en nombre suffisant, l'établissement … », « à cause du mildiou,
                # qui s'était développé… »: the cause, not what follows it
                stop = comma
            # « Cette baisse s'explique (principalement) par le repli des cours », « invoque la baisse
            # des commandes »: what explains, not the verb
            start = m.end() if re.search(r"(?:expliqu|invoqu)\w*(?: par)?$|(?:dû|due|dus|dues|imputables?|par)\s+$",
                                         m.group(0), re.IGNORECASE) else m.start()
            if start == m.end() and (to := re.match(r"(?:à\s+|au\s+|aux\s+)", c.text[start:])):
                start += to.end() if to.group(0).startswith("à") else 0  # « due à la défaillance »: « la défaillance »
            if start == m.end() and (by := re.match(r"\s+(?:\w+ment\s+)?par\b", c.text[start:])):
                start += by.end()
            if m.re is _CAUSE and m.group("offence"):
                start = m.start("offence")  # « … à une amende pour travail dissimulé »: the offence
            if 2 <= len(c.text[start:stop].split()) <= 25:
                return trim_span(c.text, start, stop)
        return None

    def open_span(self, q: QuestionInfo, c: Candidate) -> tuple[int, int]:
        """The best-scoring span of the sentence for an open question (learnt on PIAF train)."""
        spans, rows = span_candidates(q, c.text, c.toks)
        if not spans:
            return 0, len(c.text)
        scores = _linear(self.weights.span_coef or [], rows)
        return spans[max(range(len(spans)), key=lambda i: (scores[i], -i))]

    def _specificity(self, q: QuestionInfo, c: Candidate) -> int:
        spans = self.typed_detail(q, c) if q.qtype == DATE else []
        return spans[0][1] if spans else -1

    def typed(self, q: QuestionInfo, c: Candidate) -> list[tuple[int, int]]:
        """Typed spans of ``c`` that are not just question words, best first."""
        return [(s, e) for _, _, s, e in self.typed_detail(q, c)]

    def typed_detail(self, q: QuestionInfo, c: Candidate) -> list[tuple[float, int, int, int]]:
        """(distance to the question's words in characters, date specificity, start, end), best first.

        Best: nearest the question's words; for dates, precise dates before vague ones and
        durations (« depuis 2014 ») last unless the question asks since when.
        """
        if q.qtype == OTHER:
            return []
        # « le Français Romain Grégoire » shares a stem with « Tour de France » but is not about it
        asked = set(q.surfaces)
        anchors = [(t.start, t.end) for t in c.toks
                   if (t.surface.lower() not in NATIONALITIES or fold(t.surface) in asked) and (
                       t.term in q.idf or (t.surface[:1].isupper() and any(similar(fold(t.surface), n) for n in q.names)))]
        spans = typed_spans(c.text, q.qtype)
        which = _WHICH_PLACE_Q.search(q.text) if q.qtype == PLACE else None
        if which:
            # « Dans quelle ville… ? » is answered by the town's name (« Modène »), not by where in it
            # (« dans un hôpital de Modène »)
            # « dans les sédiments de l'étang de Thau, près de Sète »: each name of a span that has several
            def town_spans(a: int, b: int) -> list[tuple[int, int]]:
                inner = name_spans(c.text[a:b])
                return [(a + x, a + y) for x, y in inner] if len(inner) > 1 else [(_first_capital(c.text, a, b), b)]

            spans = [sp for a, b in spans for sp in town_spans(a, b)]
            # « sur la ligne T3 », « l'A7 »: a label with a figure names no town nor country
            spans = [(a, b) for a, b in spans if not re.search(r"\d", c.text[a:b])]
            # « de la commune d'Ustou, en Ariège »: the name the question's own noun introduces
            named = _named_place(which.group("noun"), c.text)
            if re.match(r"\s*entre\s+quel", q.text, re.IGNORECASE):
                # « Entre quelles villes… ? » « entre Clermont-Ferrand et Saint-Flour »: both ends
                named += [(m.start(1), m.end(2)) if m.group(1) else (m.start(0), m.end(4)) for m in _BETWEEN_PLACES.finditer(c.text)]
            if _PLURAL_Q.search(q.text):
                # « Quelles communes… ? » « Les communes de Meursault, Pommard et Volnay »: all of them
                named = [(a, m.end()) if (m := _NAMES_AFTER.match(c.text, b)) else (a, b) for a, b in named]
            spans = sorted(set(spans) | set(named))
            which_named = set(named)
        elif q.qtype == PERSON and (org := _WHICH_ORG_Q.match(q.text)):
            # « Quelle association a déposé une plainte ? » « l'association Notre affaire à tous, qui
            # a déposé une plainte »: the name the question's noun introduces, lower-case words and all
            # (« le groupe rennais Les Falaises »: a town's adjective between)
            named = [(m.start(1), m.end(1)) for m in re.finditer(
                rf"\b{re.escape(org.group('noun').lower())}s?\s+(?:[a-zéèêëîïôûç-]+(?:ais|aise|ois|oise|ain|aine|ien|ienne|in|ine|an|ane)\s+)?"
                rf"({_CAPITALISED}(?:\s+[^\W\d][\w'’-]*){{0,5}}?)"
                r"(?=\s*(?:[,;:.()«»]|\squi\s|\s(?:a|ont|est|sont|avait|avaient|dénonce|estime|demande|réclame)\s|$))",
                c.text, re.IGNORECASE) if c.text[m.start(1)].isupper()]
            # « le collectif La Voie est libre a déposé »: « est libre » belongs to the name when a verb follows
            named = [(a, x.end()) if (x := _NAME_GOES_ON.match(c.text, b)) else (a, b) for a, b in named]
            # « la société de gestion de l'aéroport, la SAC »: the name in apposition to the noun's phrase
            named += [(m.start(1), m.end(1)) for m in re.finditer(
                rf"\b{re.escape(org.group('noun').lower())}s?\s+(?:de|du|des|d['’])\s*[^,;:.()«»\d]{{1,60}}?,\s*(?:(?:la|le|les)\s+|l['’])?"
                rf"({_CAPITALISED}(?:[\s-][A-ZÀ-ÖØ-Þ][\w'’-]*){{0,4}})(?=\s*(?:[,;:.()«»]|$))",
                c.text, re.IGNORECASE) if c.text[m.start(1)].isupper()]
            spans = sorted(set(spans) | set(named))
            which_named = set(named)
        else:
            which_named = set()
        if q.qtype == PERSON:
            # « le parquet de Paris », « la préfecture du Nord »: the institution, not its town
            spans = [(m.start("inst") if (m := _INSTITUTION_OF.search(c.text, max(0, a - 40), a)) else a, b) for a, b in spans]
            spans = [(m.start("inst") if (m := _ACTING_BUILDING.search(c.text, max(0, a - 30), a))
                      and not _PLACE_PREPOSITION_BEFORE.search(c.text, max(0, m.start() - 12), m.start()) else a, b)
                     for a, b in spans]
            # « La ministre de la Culture a nommé… »: « Culture » is her portfolio; the title is who
            spans = [(m.start("title") if (m := _PORTFOLIO_BEFORE.search(c.text, max(0, a - 60), a)) else a, b)
                     for a, b in spans]
        if q.qtype in (PLACE, PERSON, NAME) and _PLURAL_Q.search(q.text):
            spans, lists = _enumerations(c.text, spans)  # « Quelles provinces… ? » « Gharb, Fès, Marrakech et Tafilalt »
            if q.qtype == PLACE:
                # « Dans quels départements… ? » « dans le Tarn et le Gers »: one preposition, each name its article
                more = {(a, m.end()) for a, b in spans if (_PLACE_PREPOSITION_START.match(c.text, a) or re.match(r"dans\s", c.text[a:a + 5])
                                                           or _PLACED_BEFORE.search(c.text, max(0, a - 12), a))
                        and (m := _ARTICLED_NAMES_AFTER.match(c.text, b))}
                spans, lists = sorted(set(spans) | more), lists | more
        elif q.qtype == PLACE:
            # « Où se tiendra l'Euro 2028 ? » « en Espagne, au Portugal et en Suisse »: places listed
            # with commas and a final « et » are one answer, whatever the question's number
            lists = {r for r in _runs(c.text, sorted(spans), _PLACE_LIST_GAP)
                     if r not in spans and re.search(r"\set\s+\S+[^,]*$", c.text[r[0]:r[1]])}
            # « à Nantes, Rennes, Angers et Le Mans »: one preposition for the whole list of names
            lists |= {(a, m.end()) for a, b in spans if _PLACE_PREPOSITION_START.match(c.text, a)
                      and (m := _NAMES_AFTER.match(c.text, b))}
            spans = sorted(set(spans) | lists)
        else:
            lists = set()
        if q.qtype == NUMBER and _RANK_Q.search(q.text):
            # « Quel était son classement ? » is answered by an ordinal (« 361e mondiale »), which
            # figures otherwise are not (« la 10e étape »)
            ranks = rank_spans(c.text, q.text)
            explicit = [sp for sp in ranks if says_rank_noun(c.text[sp[0]:sp[1]])]
            # « la sixième place de la finale olympique à Paris en 2024 » ranks; « 2024 » does not
            spans = explicit or sorted(set(spans) | set(ranks))
        elif q.qtype == NUMBER and (noun := _asked_noun(q.text)):
            # « Il s'agit du dixième établissement de santé visé … depuis le début de l'année » for
            # « Combien d'établissements ont été attaqués ? »: an ordinal before the counted noun counts
            term = self.analyzer._term(noun.lower())
            after = {t.start: t.term for t in c.toks}
            spans = sorted(spans + [m.span() for m in _COUNTING_ORDINAL.finditer(c.text)
                                    if after.get(m.end() + 1) == term and c.text[m.end():m.end() + 1] == " "])
        hid = _HIDDEN_Q.search(q.text) if q.qtype == PLACE else None
        if hid:
            # « Où les civelles étaient-elles dissimulées ? » « dissimulés dans une vingtaine de
            # valises »: what holds the thing, right after the question's participle, is where
            verb = self.analyzer._term(hid.group("verb").lower())
            held = [(m.start(1), m.end(1)) for tok in c.toks if tok.term == verb
                    and (m := _HELD_IN.match(c.text, tok.end))]
            spans = sorted(set(spans) | set(held))
            which_named = which_named | set(held)
        if q.qtype == PLACE and _ORIGIN_Q.search(q.text):
            origins = origin_spans(c.text)
            spans = origins + [sp for sp in spans if not any(a <= sp[0] < b for a, b in origins)]
        found_agents = self._agents(q, c) if q.qtype == PERSON else []
        agents = [(a, b) for a, b in found_agents if b > a]
        # for « Quel organisme… ? », a named agent, marked where its name starts, comes first: « classée
        # « … » par l'Union internationale pour la conservation de la nature », not the « Union
        # européenne » nearer the question's words (for « Qui… ? », « par le Premier ministre, X »
        # marks the title, and nearness finds the name)
        marks = {a for a, b in found_agents if a == b} if found_agents and _WHICH_AGENT_Q.match(q.text) else set()
        if agents and lists:
            # « Quels syndicats ont lancé la grève ? » « lancée par les syndicats SUD-Rail et la
            # CGT-Cheminots »: the whole list the agent opens
            agents = [next(((a, r[1]) for r in sorted(lists) if r[0] <= a < r[1]), (a, b)) for a, b in agents]
        if agents:
            # « Qui finance les fouilles ? » « …, financés par l'aménageur du lotissement »
            return [(-1.0, 0, a, b) for a, b in agents] + [
                d for d in self._typed_detail_spans(q, c, spans, anchors, lists, which_named) if d[2:] not in agents]
        details = self._typed_detail_spans(q, c, spans, anchors, lists, which_named)
        if marks:
            details = [(-1.0, *d[1:]) if d[2] in marks else d for d in details]
            details.sort(key=lambda d: d[0] != -1.0)
        return details

    def _typed_detail_spans(self, q: QuestionInfo, c: Candidate, spans: list[tuple[int, int]],
                            anchors: list[tuple[int, int]], lists: set[tuple[int, int]] | None = None,
                            which_named: set[tuple[int, int]] | None = None) -> list[tuple[float, int, int, int]]:
        money = q.qtype == NUMBER and asks_money(q.text)
        duration_ok = bool(_ASKS_DURATION.search(q.text))
        # « Au terme de quelle durée… ? », « Pendant quelle période… ? »: a duration by its noun
        duration_noun = q.qtype == NUMBER and bool(re.search(r"\bquelle\s+(?:durée|période)\b", q.text, re.IGNORECASE))
        aged_q = q.qtype == NUMBER and bool(_AGE_Q.search(q.text))
        since = q.qtype == DATE and bool(_SINCE_Q.match(q.text))
        ahead = q.qtype == DATE and bool(_FUTURE_Q.search(q.text))
        until = q.qtype == DATE and bool(_UNTIL_Q.match(q.text))
        lasting = q.qtype == NUMBER and bool(_LASTS_Q.search(q.text)) and not re.search(r"\bdepuis\b", q.text, re.IGNORECASE)
        when_asked = {fold(m.group("when").lower()) for m in _WHEN_QUALIFIER.finditer(q.text)} if q.qtype == NUMBER else set()
        now_asked = q.qtype == NUMBER and bool(_NOW_Q.search(q.text))
        # a thing's age (« une carotte de glace vieille de 1,2 million d'années »), once per sentence
        things_ages = [m.span() for m in _OLD_AS.finditer(c.text)] if duration_ok and not _AGE_Q.search(q.text) else []
        score = q.qtype == NUMBER and bool(_SCORE_Q.search(q.text))
        tally = score or bool(_VOTES_Q.search(q.text))
        counted = bool(_COUNTED.search(q.text))
        how_many = bool(_COUNTED_EN.search(q.text)) and not re.search(r"\bhow\s+many\s+years\b", q.text, re.IGNORECASE)
        noun = _asked_noun(q.text) if q.qtype == NUMBER else None
        asked_term = self.analyzer._term(noun) if noun else None
        out = []
        measure = _asked_measure(q.text) if q.qtype == NUMBER and noun != "fois" else None  # « combien de fois le taux… »
        change = bool(_CHANGE_Q.search(q.text))
        salary = bool(_SALARY_Q.search(q.text))
        required = q.qtype == NUMBER and bool(_REQUIRED_Q.search(q.text))
        changed_to = q.qtype == NUMBER and bool(_FROM_TO_Q.search(q.text))
        # the question's own verb, unless a place narrows the question (« De combien les prix ont-ils
        # reculé à Paris ? » is « 7,7 % à Paris », not the « ont reculé de 6,5 % » before it)
        acted = (_question_verb(q.text, self.analyzer) if q.qtype in (DATE, NUMBER, PLACE)
                 and not re.search(r"\b(?:en|à|au|aux|dans)\s+[A-ZÀ-ÖØ-Þ]", q.text) else None)
        # a wire dateline opening the sentence (« Paris, 10 septembre 2025 - ») dates the article,
        # rarely the event when the sentence gives another date (« a été nommée mercredi »)
        dateline = WIRE_DATELINE.match(c.text) if q.qtype in (DATE, PERSON, NAME) else None
        verb = self._agent_verb(q) if q.qtype == PERSON else None
        obj = _OBJECT_Q.match(q.text) if q.qtype == PERSON else None
        award = _AWARD_Q.match(q.text) if q.qtype == PERSON else None
        awarded = award is not None
        # « tandis que le rappeur Nassim a reçu le trophée »: the name right before the award's verb
        award_verb = self.analyzer._term((award.group("verb") or award.group("chosen")).lower()) if award and (
            award.group("verb") or award.group("chosen")) else None
        # « Contre qui X a-t-il combattu ? » asks the opponent, « Qui est devenu champion ? » the winner:
        # the name after « en battant », « face au », « contre » is the one, and not the other
        against = 0.0
        if q.qtype == PERSON:
            against = -NOT_PERSON_CHARS if _OPPONENT_Q.match(q.text) else NOT_PERSON_CHARS if _WINNER_Q.match(q.text) else 0.0
        at_how_much = q.qtype == NUMBER and bool(re.match(r"\s*(?:à|a)\s+combien\b", q.text, re.IGNORECASE))
        role_after = _role_after(q.text) if q.qtype == PERSON else None
        # « Qui Loïs Boisson a-t-elle battu ? »: the one named right after the verb (« en battant
        # l'Américaine Coco Gauff »), by the verb's first letters (« battu », « battant »)
        object_ends = [t.end for t in c.toks if fold(t.surface.lower()).startswith(_stem_prefix(obj.group("verb")))] if obj else []
        if score:
            # « 3-1 », « 2 à 0 », « 22,9 % des voix », not « la 9e minute »
            # sets in a row are one score (« 6-4, 3-6, 7-5 »: a tennis match is its sets)
            spans = _runs(c.text, [m.span() for m in _SCORE.finditer(c.text)], _SET_GAP) + [
                sp for sp in spans if _SCORE_UNIT.search(c.text[sp[0]:sp[1]])]
        elif q.qtype == DATE and _TIME_Q.search(q.text):
            spans = [trim_span(c.text, *m.span()) for m in CLOCK_RE.finditer(c.text)]  # « vers 7 h 30 », not « jeudi »
        place_ends: set[int] = set()  # where the places rejected as « qui » answers end
        which_place = _WHICH_PLACE_Q.search(q.text) if q.qtype == PLACE else None
        territories = [sp for sp in name_spans(c.text) if is_territory(c.text[sp[0]:sp[1]])] if which_place and \
            which_place.group("noun").lower() in ("département", "région") else []
        territory_asked = bool(territories)
        if territories:
            # « Fos-sur-Mer (Bouches-du-Rhône) »: the bracket that place spans leave to their town
            spans = list(spans) + [sp for sp in territories if sp not in spans]
        titled = _titled_noun(q.text) if q.qtype == NAME else None
        titled_org = bool(titled) and _is_org_noun(titled)
        titled_person = bool(titled) and _is_person_noun(titled)  # (the person nouns hold some organisations')
        organisation = (q.qtype == PERSON and bool(_ORGANISATION_Q.match(q.text))) or titled_org
        person_named = titled_person and not titled_org
        rival_q = q.qtype == PERSON and bool(re.search(r"\b(?:concurrents?|rivaux|rival|rivale?s?|adversaires?)\b", q.text, re.IGNORECASE))
        # who is asked (« Qui… ? », « Comment s'appelle le chirurgien ? »): never a town of the article
        places = self._article_places(c.source) if q.qtype == PERSON or titled_person else frozenset()
        q_numbers = set(re.findall(r"\d+", q.text))
        who = bool(_WHO_Q.match(q.text))
        for s, e in spans:
            inside = [t for t in c.toks if t.start >= s and t.end <= e]
            novel = [t for t in inside if not (t.term in q.idf or (q.qtype in (PERSON, NAME, PLACE) and t.surface[:1].isupper()
                     and any(similar(fold(t.surface), n) for n in q.names)))]
            if inside and (not novel or (q.qtype in (PERSON, NAME, PLACE) and 2 * len(novel) < len(inside))) \
                    and not (novel and which_named and (s, e) in which_named):
                # mostly repeats the question (« Défense Jean-Yves Le Drian » for « qui … Le Drian »), but
                # not a name the question's noun introduces (« La commune de Saint-Sorlin-d'Arves »)
                continue
            if places and (fold(c.text[s:e].lower()) in places or (q.qtype == NAME and (is_territory(c.text[s:e]) or (
                    c.text[s:e].isupper() and not titled_org)))):
                # (« Comment s'appelle l'infirmière ? » is not answered by « Nouvelle-Aquitaine » nor « ARS »)
                place_ends.add(e)
                continue  # « Saint-Nazaire » where its article has « le maire de Saint-Nazaire »: a town, nobody
            if q.qtype == PERSON and who and _COMMUNE_NAME.fullmatch(c.text[s:e]):
                # « Saint-Rémy-sur-Orne », « Châlons-en-Champagne »: a town, never who did it (but
                # « Quelle association… ? » may end at its town: « … de Bogny-sur-Meuse »)
                continue
            if q.qtype in (NUMBER, DATE) and (digits := re.findall(r"\d+", c.text[s:e])) and set(digits) <= q_numbers:
                continue  # « la ligne 15 Sud » for « Combien d'ouvriers … la ligne 15 ? »: the question's own figure
            if (q.qtype in (PERSON, NAME, PLACE) and inside and inside[0].surface[:1].isupper() and inside[0].term in q.idf
                    and re.search(rf"(?<!\w){re.escape(inside[0].surface.lower())}(?!\w)", q.text)
                    and not (which_named and (s, e) in which_named)):
                # « Rassemblement national » for « Où aura lieu le rassemblement ? »: the question's own
                # word (but « l'entreprise Voirie Services Nord » for « … le chantier de voirie ? » is named)
                continue
            if q.qtype in (PERSON, NAME, PLACE) and re.search(rf"(?<![\w'’-]){re.escape(c.text[s:e])}(?![\w'’-])", q.text):
                continue  # « plainte contre X » for « … une plainte contre X ? »: the question's own word
            last = [t for t in inside if t.surface[:1].isupper()][-1:]
            if q.qtype == PERSON and last and any(similar(fold(last[0].surface), n) for n in q.names):
                continue  # the person the question names (« Sergueï Choïgou » for « qui a rencontré Choïgou »)
            if q.qtype in (PERSON, PLACE) and c.text[s:e].isupper() and c.text[s - 1 : s] == "(" and c.text[e : e + 1] == ")":
                continue  # « le chef d'état-major des armées (CEMA) »: an abbreviation of the words before it
            if q.qtype in (PERSON, NAME) and _expands_acronym(c.text[s:e], q.text):
                continue  # « Automotive Cells Company » is what « ACC » stands for, not who runs it
            if q.qtype == PERSON and (_IN_PLACE.search(c.text, max(0, s - 18), s) or _SITED_AT.search(c.text, max(0, s - 20), s) or (
                    _AT_PLACE.search(c.text, max(0, s - 6), s) and not _TO_WHOM_Q.match(q.text) and not _IN_WHICH_Q.match(q.text)) or (
                    c.text[s - 1 : s] == "(" and c.text[: s - 1].rstrip() and len(c.text[: s - 1].rstrip()) in place_ends)
                    or is_territory(c.text[s:e]) or _STREET_BEFORE.search(c.text, max(0, s - 20), s)
                    or (not organisation and _BUILDING_BEFORE.search(c.text, max(0, s - 20), s))):
                place_ends.add(e)
                continue  # « en Alsace », « dans le Bas-Rhin », « au Stade de France », « à Caen (Calvados) », « (Drôme) »: a place, nobody
            if q.qtype == PERSON and re.match(r"\s\d{1,3}(?![\d.,]|\s*(?:%|ans\b))", c.text[e : e + 8]):
                continue  # « le Top 14 », « la Ligue 1 », « France 2 »: a competition or a channel, nobody
            caps = [t for t in inside if t.surface[:1].isupper()]
            if q.qtype in (PERSON, NAME, PLACE) and (_ROMAN_ORDINAL.fullmatch(c.text[s:e]) or (
                    len(caps) == 1 and caps[0].end == e and _ROMAN_ORDINAL.fullmatch(caps[0].surface))):
                continue  # « au début du XVIIIe siècle », « depuis le IVe »: a century, nobody and nowhere
            asked = [any(similar(fold(t.surface), n) for n in q.names) for t in caps] if q.qtype == PLACE else []
            if any(asked) and all(a or re.fullmatch(r"[A-Z]{2,4}", t.surface) for a, t in zip(asked, caps)):
                # « dans le village de Bennecourt » for « Où est Bennecourt ? »: the question's own place;
                # « le FC Nantes » for « Où Nantes se déplace-t-il ? »: its club
                continue
            if q.qtype == PLACE and re.search(r"\bcontre\s+(?:le\s+|la\s+|l['’]|les\s+)?$", c.text[max(0, s - 12):s]):
                continue  # « une défaite contre Lens »: an opponent, not where
            if q.qtype in (PERSON, NAME) and dateline and e <= dateline.end():
                continue  # « Saint-Girons, le 14 octobre 2025 - »: where the story was filed, nobody
            # « l'Américaine Coco Gauff », « le Russe Daniil Medvedev »: a nationality before a name
            # makes it a person's even when the first name is not a known one
            person = starts_with_first_name(c.text[s:e]) or bool(
                (nat := _NATIONALITY_BEFORE.search(c.text, max(0, s - 24), s)) and nat.group(1).lower() in NATIONALITIES)
            if q.qtype == PLACE and person and not _PLACE_START.match(c.text[s:e]):
                continue  # « Pierre Sage » is nowhere (« au stade Francis-Le Blé » would be kept)
            if organisation and starts_with_first_name(c.text[s:e]):
                continue  # « Quelle banque… ? » is not answered by « Stéphane Rivière »
            if q.qtype == NUMBER:
                if money and salary and not _SALARY_WORD.search(c.text):
                    continue  # « le long-métrage a coûté 43 millions » is no actor's salary
                if money and not MONEY_RE.search(c.text[s:e]) and not (
                        SCALED_RE.search(c.text[s:e]) and (MONEY_RE.search(c.text) or _MONEY_OF.search(c.text, s, e + 30)
                                    or _COST_BEFORE.search(c.text, max(0, s - 30), s))):
                    # « combien coûte » is answered by an amount of money, not « 26 avions »; « 846
                    # millions d'aides » in a sentence about euros is one
                    continue
                if aged_q and not re.search(r"\b(?:ans?|années?|siècles?|mois|semaines|jours)\b", c.text[s:e]):
                    continue  # « Quel âge a le footballeur ? » is « 27 ans », not « dix-huit mois » of prison nor a count
                if aged_q and (_TERM_AFTER.match(c.text, e) or re.search(r"\b(?:emprisonnement|prison|réclusion|sursis)\b", c.text[s:e])
                               or _TERM_BEFORE.search(c.text, max(0, s - 40), s)):
                    continue  # « à dix-huit mois d'emprisonnement », « une interdiction d'exercer de cinq ans »: a term, not an age
                if (duration_ok or duration_noun) and (re.match(r"\s*(?:à|a)\s+$", c.text[max(0, s - 3):s], re.IGNORECASE) and s <= 3
                                                      or re.search(r"\bà\s+l['’]âge\s+de\s+$", c.text[max(0, s - 14):s])):
                    continue  # « À 29 ans, le marin… », « à l'âge de 40 ans »: an age, not how long it took
                if duration_noun and not _TIME_SPAN.search(c.text[s:e]):
                    continue  # « Au terme de quelle durée… ? » is « dix-huit mois », not « 4 »
                if counted and not duration_ok and not duration_noun and any(
                        m.start() < e and s < m.end() and re.search(r"\d\s*h\b", m.group(0)) for m in CLOCK_RE.finditer(c.text)):
                    continue  # « Combien de bateaux… ? » is no clock time (« à 6 h 42 »)
                if duration_ok and re.search(r"\bâgée?s?\s+(?:de\s+)?$", c.text[max(0, s - 12):s]):
                    continue  # « Combien de temps… ? » is no one's age (« âgés de 22 et 25 ans »)
                if duration_ok and (who := re.search(r"\b([^\W\d]+)\s+(?:de|d['’])\s*$", c.text[max(0, s - 30):s])) \
                        and fold(who.group(1).lower()) in PERSON_NOUNS:
                    continue  # « un chirurgien de 58 ans » is his age, « une interdiction d'exercer de cinq ans » a duration
                if any(a < e and s < b for a, b in things_ages):
                    continue  # nor a thing's
                if duration_ok and re.fullmatch(r"(?:[01]?\d|2[0-4])\s*(?:h|heures?)(?:\s*\d{2})?", c.text[s:e]) and \
                        re.search(r"\b(?:à|vers|dès|avant|après|jusqu['’]à)\s+$", c.text[max(0, s - 12):s]):
                    continue  # nor a time of day (« à l'ouverture du musée, à 9 heures »)
                if not tally and _SCORE_LINE.search(c.text[max(0, s - 4):e + 4]) and re.fullmatch(r"\d{1,2}", c.text[s:e]):
                    continue  # « une défaite contre Lens (0-4) »: a match's score counts no « points » nor anything else
                if (counted or how_many or change) and _BARE_YEAR.fullmatch(c.text[s:e]):
                    continue  # « combien de véhicules », « de combien … a-t-il reculé » are not answered by « 2023 »
                if noun and (_PEOPLE.fullmatch(noun) or (counted and not duration_ok and not _TIME_SPAN.search(noun))) \
                        and (_TIME_SPAN.search(c.text[s:e]) or RACE_TIME_RE.fullmatch(c.text[s:e])) and not any(t.term == asked_term for t in inside):
                    # « combien de personnes ? » is never « quatre ans d'emprisonnement », « combien de
                    # véhicules ? » never « sur un an »
                    continue
                if counted and noun and noun.lower() != "fois" and re.search(r"\bfois$", c.text[s:e]):
                    continue  # « combien de personnes ? » is not « jusqu'à quatre fois » (a multiple)
                if (counted or how_many) and _ADDRESS.match(c.text, s):
                    continue  # « l'immeuble du 65 rue d'Aubagne » counts nobody
                if (counted and not money and _MEASURE_UNIT.search(c.text[s:e]) and not _MEASURE_UNIT.search(q.text)
                        and not any(t.term == asked_term for t in inside)
                        and not ((w := _OF_WHAT.match(c.text, e)) and self.analyzer._term(w.group("what").lower()) == asked_term)):
                    # « combien de morts » is not answered by « 207 km/h »; « sous combien de neige »
                    # is, by « deux mètres de neige »: what the question counts is measured
                    continue
                vs = VERSUS_RE.match(c.text, e) if tally else None
                if vs:
                    e = vs.end()  # « par combien de voix… ? » « six voix contre deux »: the whole tally
                else:
                    s, e = _drop_known_unit(q, c, s, e)
            dist = min((max(a - e, s - b, 0) for a, b in anchors), default=1000)
            spec = 0
            key = float(dist)
            if rival_q and q.names and (own := re.search(r"\b(?:de|du|d['’])\s*([A-ZÀ-ÝŒ][\w'’-]*)[^,;.]{0,30},\s*$", c.text[max(0, s - 60):s])) \
                    and any(similar(fold(own.group(1)), n) for n in q.names):
                key += NOT_PERSON_CHARS  # « Quels concurrents pèsent sur Auchan ? »: « Le directeur général d'Auchan Retail, X » is its own
            if person_named and not starts_with_first_name(c.text[s:e]) and any(starts_with_first_name(c.text[a:b]) for a, b in spans):
                key += NOT_PERSON_CHARS  # « Comment s'appelle la directrice ? »: « Hélène Marchetti », not « l'Autorité de sûreté »
            if territory_asked and not all(is_territory(re.sub(r"^(?:(?:dans|en|à)\s+)?(?:(?:le|la|les|l['’])\s*)?", "", part.strip(" ()")))
                                           for part in re.split(r",|\bet\b", c.text[s:e])):
                key += NOT_PERSON_CHARS  # « Dans quel département… ? »: « (Bouches-du-Rhône) », not its town « Fos-sur-Mer »
            if measure is not None and not measure.search(c.text[s:e]):
                named = _MEASURE_NAMED.search(c.text, max(0, s - 30), s)
                # « à une altitude de 502 kilomètres », « à une profondeur de 12 kilomètres »: named so
                # and a measure's noun: « Un rorqual de 18 mètres » does not say what it weighs
                # « à 28 km d'altitude »: named after the figure, inside the span
                own = _MEASURE_NOUN_Q.search(c.text[s:e]) or _MEASURE_AFTER.match(c.text, e)
                if not (named and any(asks.search(named.group(1)) for asks, _ in _MEASURES)
                        and re.search(rf"\b{re.escape(fold(named.group(1).lower()))}\b", fold(q.text.lower()))) and not (
                        own and re.search(rf"\b{re.escape(fold(own.group(own.lastindex or 0).lower()))}\b", fold(q.text.lower()))):
                    if not change:
                        continue  # « À quelle altitude… ? »: not « 165 kilomètres »
                    key += MEASURE_CHARS  # a change is most often a percentage, but may be a count
            if q.qtype == NUMBER and _crossed_threshold(q, c.text, s):
                key += THRESHOLD_CHARS  # « passé sous la barre de 1,60 euro »: a threshold crossed, not the value
            if acted and s <= 1 and c.text[e:e + 1] == "," and any(
                    _same_verb(self._verb_term(t), acted) and not _DETERMINER_BEFORE.search(c.text, max(0, t.start - 25), t.start)
                    for t in c.toks if e < t.start <= e + 40):
                # « En février, ce tribunal avait annulé l'autorisation, avant que la cour ne suspende
                # cette annulation en mai »: the date set before the clause of the question's verb
                key -= 2 * VERB_CHARS
            if acted and any(_same_verb(self._verb_term(t), acted) and not re.search(r"[,;:.()«»]", c.text[t.end:s])
                             and not _DETERMINER_BEFORE.search(c.text, max(0, t.start - 25), t.start)
                             for t in c.toks if s - 30 <= t.end <= s):
                # « a rouvert samedi soir » for « Quand … a-t-elle rouvert ? », not « ravagée le 15
                # avril 2019 »; « en attend désormais jusqu'à 15 millions », not « accueillait … 12 millions »
                key -= VERB_CHARS
            if changed_to and re.match(r"\s+(?:à|a)\s+\d", c.text[e:e + 6]) and re.search(r"\bde\s+$", c.text[max(0, s - 4):s]):
                # « passera de 1.766,92 euros à 1.801,80 euros »: « Quel sera le montant ? » asks the new one
                key += NOT_PERSON_CHARS
            if required and (_REQUIRED_AFTER.match(c.text[s:e + 40]) or _REQUIRED_BEFORE.search(c.text, max(0, s - 30), s)):
                key -= NOT_PERSON_CHARS  # « loin des 289 nécessaires pour faire tomber l'exécutif »
            if q.qtype == DATE and dateline is not None and s < dateline.end() and len(spans) > 1:
                key += 100.0  # the article's dateline, when the sentence dates the event itself
            if q.qtype == PERSON and verb is not None:
                gap = _BEFORE_VERB.match(c.text, e)
                nxt = next((t for t in c.toks if t.start >= gap.end()), None)
                if nxt is not None and nxt.start == gap.end() and _same_verb(nxt.term, verb):
                    key -= NOT_PERSON_CHARS  # « X (Lotto) a remporté … » for « Qui a remporté … ? »
            if any(0 <= s - end <= OBJECT_GAP and not re.search(r"[,;:.()«»]", c.text[end:s]) for end in object_ends):
                key -= NOT_PERSON_CHARS
            if asked_term:
                nxt = next((t for t in c.toks if t.start >= e), None)
                if nxt is not None and nxt.term == asked_term and _COUNT_GAP.fullmatch(c.text, e, nxt.start):
                    key -= COUNTED_CHARS  # « combien d'enfants ? » « plus de 22.000 enfants de moins de deux ans »
                elif re.match(r"\s+d['’]entre\s+(?:eux|elles)\b", c.text[e:]):
                    # « Trois d'entre eux ont été placés en détention »: a part of those just counted, as
                    # near to what is counted as « trois suspects » would be
                    key = min(key, 1.0) - COUNTED_CHARS
                elif nxt is not None and nxt.start - e < 3 and nxt.term in q.idf and not _PEOPLE.fullmatch(noun or "") and re.search(
                        rf"\b(?:les|des|ces|leurs|ses)\s+{re.escape(nxt.surface)}\b", q.text, re.IGNORECASE):
                    # « Combien de trottinettes les opérateurs devront-ils retirer ? »: « Les trois
                    # opérateurs » counts the question's subject, not what it asks to count
                    key += COUNTED_CHARS
                elif (part := _PART_OF.match(c.text, e)) and (whole := next((t for t in c.toks if t.start >= part.end()), None)) \
                        is not None and whole.term == asked_term and whole.start - part.end() < 3:
                    # « 42 des 55 agents du service sont grévistes » for « Combien d'agents … sont
                    # grévistes ? »: the part does what the sentence says, the whole is what it is of
                    key -= COUNTED_CHARS + 1.0
                if _WHOLE_AFTER_PART.search(c.text, max(0, s - 16), s):
                    key += 2 * COUNTED_CHARS  # the whole « 55 » of « 42 des 55 agents »
                # « Combien de kilos de cocaïne… ? »: « 4 kilos de cocaïne », not « 32 kilos de résine »
                what = _OF_WHAT.match(c.text, nxt.end if nxt is not None and nxt.term == asked_term and nxt.start - e < 3 else e)
                if what and (t := self.analyzer._term(fold(what.group("what").lower()))) != asked_term and t in q.idf:
                    key -= COUNTED_CHARS
                # « les organisateurs en revendiquaient plus d'un millier » for « Combien de manifestants
                # les organisateurs revendiquaient-ils ? »: « en » stands for what is counted, and the
                # question's own verb governs the figure
                pro = _EN_VERB.search(c.text, max(0, s - 40), s)
                if pro and any(_same_verb(self.analyzer._term(pro.group("verb").lower()), t) for t in q.idf):
                    key -= COUNTED_CHARS + 5.0
            if q.qtype == NUMBER and re.search(r"\bdont\s+(?:près\s+de\s+|environ\s+|plus\s+de\s+)?$", c.text[max(0, s - 20):s]):
                nxt = next((t for t in c.toks if t.start >= e), None)
                if nxt is not None and nxt.start - e < 3 and nxt.term in q.idf and nxt.term != asked_term:
                    key -= COUNTED_CHARS + 1.0  # « Combien d'attaques ont été mortelles ? » « 34 attaques, dont 11 mortelles »
                elif nxt is not None and re.fullmatch(r"\s+(?:par|en|à|au|aux|sur)\s+", c.text[e:nxt.start]) \
                        and nxt.term in q.idf and nxt.term != asked_term:
                    key -= BREAKDOWN_CHARS  # « ses cinq combats de la journée, dont trois par ippon »: the part the question says
            if lasting and _ONGOING_BEFORE.search(c.text, max(0, s - 10), s):
                key += NOT_PERSON_CHARS  # « Combien de temps dure le spectacle ? » is not « dirige depuis sept ans »
            if q.qtype == NUMBER and not when_asked and re.search(r"\bcontre\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+)?$", c.text[max(0, s - 24):s]) \
                    and ((then := _PAST_YEAR_AFTER.match(c.text, e)) and then.group("year") not in q.text or _WHEN_QUALIFIER.match(c.text, e)):
                # « ne couvre plus que 1,9 km², contre 3,2 km² en 1990 » for « Quelle surface couvre aujourd'hui… ? »:
                # the figure a comparison recalls, of a time the question does not ask about
                key += BREAKDOWN_CHARS
            if now_asked and ((then := _PAST_YEAR_AFTER.match(c.text, e)) and then.group("year") not in q.text):
                key += BREAKDOWN_CHARS  # « Combien … aujourd'hui ? »: not « comptait 118 médecins en 2015 »
            elif now_asked and (_NOW_AFTER.match(c.text, e) or _NOW_BEFORE.search(c.text, max(0, s - 16), s)):
                key -= BREAKDOWN_CHARS  # « contre 81 aujourd'hui »
            if q.qtype == NUMBER and when_asked and (then := _WHEN_QUALIFIER.match(c.text, e)) and \
                    fold(then.group("when").lower()) in when_asked:
                key -= BREAKDOWN_CHARS  # « Combien coûtait-il un an plus tôt ? » « contre 7,50 euros un an plus tôt »
            if q.qtype == NUMBER:
                after = _BREAKDOWN.match(c.text, e)
                if after:
                    word = after.group("name")
                    if self.analyzer._term(word.lower()) in q.idf or (
                            word[:1].isupper() and any(similar(fold(word), n) for n in q.names)):
                        key -= BREAKDOWN_CHARS  # « combien … en France ? » « 132.000 …, dont 19.000 en France »
                    elif _MONTH_WORD.fullmatch(word):
                        key += BREAKDOWN_CHARS  # « 1,4 % en mars » does not answer « … en avril ? »
            route = _ROUTE_END.search(c.text, max(0, s - 60), s) if q.qtype == PLACE else None
            if route and (route.group("to") or re.match(r"à\s", c.text[s:e])) and not _ROUTE_Q.search(q.text):
                key += ROUTE_CHARS
            if q.qtype == PERSON and not person:
                key += NOT_PERSON_CHARS  # « Saint-Malo-de-Phily, Gérard Lemoine »: the person first
            if q.qtype == DATE:
                spec = date_specificity(c.text[s:e])
                if _DURATION.match(c.text[s:e]) and not duration_ok:
                    key += 150.0
                    spec = 0
                elif _FOR_PERIOD.search(c.text, 0, s) and _BARE_YEAR.fullmatch(c.text[s:e]):
                    key += 150.0  # « le budget pour 2025 » is what it is for, not when it happened
                    spec = 0
                if ahead and _PARTICIPLE_BEFORE.search(c.text, max(0, s - 24), s):
                    key += NOT_PERSON_CHARS  # « Quand … doit-il ouvrir ? » not « construite en 1974 », « … prévue en 2029 »
                if until and _UNTIL.match(c.text[s:e]):
                    key -= NOT_PERSON_CHARS  # « Jusqu'à quelle heure … ? » « jusqu'à 15 h 30 », not « vers 10 h 40 »
                if since and _SINCE.match(c.text[s:e]):
                    key -= NOT_PERSON_CHARS  # « Depuis quand X dirigeait-il le TNS ? » « depuis 2018 »
            if q.qtype == NAME and any(m.end() == s for m in _NAMING.finditer(c.text, max(0, s - 30), s + 1)):
                key -= NOT_PERSON_CHARS  # the name the sentence gives (« Baptisé Occitanosaurus montoulierensis »)
                if (ep := _EPITHET.match(c.text, e)) and c.text[s:e].count(" ") == 0:
                    e = ep.end()
            if against and _OPPONENT_BEFORE.search(c.text, max(0, s - 40), s):
                key += against  # « en battant l'Italien Marco Ferrante », « face au Britannique Connor Hale »
            if award_verb and (gap := _BEFORE_VERB.match(c.text, e)) and (
                    nxt := next((t for t in c.toks if t.start >= gap.end()), None)) is not None \
                    and nxt.start == gap.end() and _same_verb(self._verb_term(nxt), award_verb):
                key -= NOT_PERSON_CHARS
            if awarded and _AWARDED_TO.search(c.text, max(0, s - 180), s):
                key -= 2 * NOT_PERSON_CHARS  # « le prix de la mise en scène est revenu au Portugais Miguel Gomes »
            if role_after and (ra := role_after.match(fold(c.text[e:e + 80]))) and any(
                    t.term in q.idf and t.start >= e + ra.end() for t in c.toks if t.start < e + 80):
                # « Loïc Cantin, président de la Fédération … (Fnaim) » for « Qui préside la Fnaim ? »: the
                # role, then what the question says it is of
                key -= NOT_PERSON_CHARS
            if at_how_much and (w := re.search(r"([^\W\d]+)\s+(?:à|a)\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+)?$",
                                                c.text[max(0, s - 40):s])) and self.analyzer._term(w.group(1).lower()) in q.idf:
                key -= NOT_PERSON_CHARS  # « À combien sont estimées les œuvres ? » « estimées à 3 millions d'euros »
            if which_named and (s, e) in which_named:
                key -= NOT_PERSON_CHARS  # « la commune d'Ustou » for « Dans quelle commune… ? »
            if lists and (s, e) in lists:
                key -= 1.0  # the whole list before any of its items, for a question asking for several
            out.append((key, spec, s, e))
        out = _clause_of_number(q.text, c.text, out, count=q.qtype == NUMBER)
        out.sort(key=lambda t: (t[0] - 15 * t[1], t[2], t[3]))
        return out

    def other_mentions(self, q: QuestionInfo, best: Candidate, short: str, rest: list[Candidate],
                       citations: list[Citation], short_start: int) -> list[Mention]:
        """Other answers the sources give (a different date for the same call), cited separately.

        A mention competes with the answer only when it answers the same question: its sentence
        covers the question's words about as well as the cited one (a date of another event in the
        same article is not a conflicting date), and a figure counts the same thing (« 85
        interventions » is no other value of « combien d'habitants »).
        """
        floor = max(self.weights.abstain_threshold, best.prob * 0.35)
        seen = [_answer_key(short)]
        best_weight = _shared_weight(q, best.matched, best.matched)
        best_unit = _counted_term(best, short_start) if q.qtype == NUMBER else None
        best_pairs = _question_pairs(q, best)
        ahead = q.qtype == DATE and bool(_FUTURE_Q.search(q.text)) and speaks_of_future(best.text, short_start, short_start + len(short))
        out: list[Mention] = []
        for c in rest:
            if c.prob < floor or len(out) >= 2:
                break
            if c.name_hits < best.name_hits:
                continue
            if _shared_weight(q, best.matched, c.matched) < MENTION_SHARED * best_weight:
                continue
            if best_pairs and not best_pairs & _question_pairs(q, c):
                continue  # « second tour » in the answer, only « Tour de France » there
            spans = self.typed(q, c)
            if not spans:
                continue
            s, e = spans[0]
            if ahead and not speaks_of_future(c.text, s, e):
                continue  # « Quand Brest jouera-t-il à Nantes ? »: a past date is another event's
            if q.qtype == NUMBER and _crossed_threshold(q, c.text, s):
                continue  # « sous la barre de 1,60 euro »: a threshold crossed, no other value of the fact
            if q.qtype == NUMBER:
                unit = _counted_term(c, s)
                if unit != best_unit and not (unit is None and best_unit in q.idf):
                    continue
            key = _answer_key(c.text[s:e])
            if not key or any(key == k or key in k or k in key for k in seen):
                continue
            seen.append(key)
            n = len(citations) + 1
            citations.append(Citation(n, c.source, c.title, c.start, c.end, c.text))
            out.append(Mention(c.text[s:e], n))
        return out


#: a mention's sentence must hold at least this share (idf) of the question words that the cited
#: sentence holds: « Lecointre … Guerassimov … il y a quelques mois » against « … Lecointre …
#: Guerassimov … le 10 juillet », but not « usine … mardi » against « usine, inaugurée en mai 2023 »
MENTION_SHARED = 0.75


_COUNTED = re.compile(r"\bcombien\s+(?:de\s+|d['’]\s*)(?P<noun>[^\W\d]+)", re.IGNORECASE)
#: the shape of a French commune's name: words joined by « -sur- », « -en- », « -lès- »…
_COMMUNE_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’]+(?:-[\w'’]+)*-(?:sur|sous|en|lès|lez|aux|près)-[\w'’]+(?:-[\w'’]+)*")
#: the noun a measure question names (« l'altitude », « la hauteur ») and the one a figure is
#: followed by (« 1.500 mètres de hauteur »): when they differ, the figure measures something else
_MEASURE_NOUN_Q = re.compile(r"\b(?:altitude|hauteur|profondeur|longueur|largeur|épaisseur|diamètre|superficie|surface)\b", re.IGNORECASE)
_MEASURE_AFTER = re.compile(r"\s+(?:de\s+|d['’])(altitude|hauteur|profondeur|long|longueur|large|largeur|épaisseur|diamètre|superficie|surface|haut)\b",
                            re.IGNORECASE)
#: how much (log-probability) a figure of another measure than the one asked loses
OTHER_MEASURE_PENALTY = 1.0
#: « va coûter quelques millions »: a cost verb right before a scaled figure says it is money
_COST_BEFORE = re.compile(r"\bco[uû]t\w*\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de)\s+)?$", re.IGNORECASE)
#: « 22 millions d'économies »: a scaled figure of what is counted in money
_MONEY_OF = re.compile(r"(?:millions?|milliards?)\s*(?:de\s+|d['’])\s*(?:économies|dépenses|investissements?|dotations?|crédits|recettes|aides|subventions|dette|déficit)\b",
                       re.IGNORECASE)
_MONEY_NOUN = re.compile(r"^(?:euros?|dollars?|francs?|livres?|argent|millions?|milliards?|aides|subventions|indemnités|"
                         r"recettes|bénéfices)$", re.IGNORECASE)


#: auxiliaries and modals before an inverted subject: the verb asked about is the next word
_AUXILIARIES = frozenset("""a ont avait avaient est sont était étaient sera seront aura auront va vont fut furent
    doit doivent devait devaient devrait peut peuvent pourra pourrait""".split())
_INVERTED_Q = re.compile(r"(?P<before>[^\W\d]+)(?:-t)?-(?:il|elle|ils|elles|on)\b\s*(?:été\s+|pas\s+|déjà\s+)?(?P<after>[^\W\d]+)?",
                         re.IGNORECASE)
#: how much nearer (characters) a figure or date right after the question's own verb counts
VERB_CHARS = 10.0


#: « se trouver », « se situer »: where something is, not what it did
_WHERE_VERBS = ("trouve", "situe", "trouvent", "situent")


@lru_cache(maxsize=64)
def _question_verb(question: str, analyzer: FrenchAnalyzer) -> str | None:
    """The term of the verb a « quand / combien » question inverts its subject around
    (« a-t-elle rouvert » → rouvert, « attend-elle » → attend), unless it is a light verb."""
    m = _INVERTED_Q.search(question)
    if not m:
        return None
    word = m.group("after") if m.group("before").lower() in _AUXILIARIES else m.group("before")
    if not word or len(word) < 4:
        return None
    term = analyzer._term(word.lower())
    # « Quel fleuve trouve-t-on au Canada ? »
    return None if term in _LIGHT_VERBS or term in {analyzer._term(w) for w in _WHERE_VERBS} else term


@lru_cache(maxsize=64)
def _asked_noun(question: str) -> str | None:
    """The noun a « combien de X ? » question counts, lower-cased; for « how many X? », X's French
    gloss (« children » → « enfants »)."""
    m = _COUNTED.search(question)
    if m:
        return m.group("noun").lower()
    en = _COUNTED_EN.search(question)
    if en and (nxt := en.group("next")) and french_word(nxt) and not re.search(r"(?:ed|ing)$", nxt.lower()):
        return french_word(nxt)  # « How many bike stations… ? » counts stations, not bikes
    if en is None and re.search(r"\bhow\s+long\b(?!\s+(?:is|was|are|were)\b)", question, re.IGNORECASE):
        return "temps"  # « How long did X take to sail around the world? »: « combien de temps »
    return french_word(en.group("noun")) if en else None


def _physical_asks(question: str) -> "re.Pattern[str] | None":
    """The words by which ``question`` asks a measure of a thing (:data:`_PHYSICAL_MEASURES`)."""
    return next((asks for asks, _ in _PHYSICAL_MEASURES if asks.search(question)), None)


@lru_cache(maxsize=64)
def _asked_measure(question: str) -> "re.Pattern[str] | None":
    """The units that answer the measure ``question`` asks for (:data:`_MEASURES`), if any: the
    one asked first (« En combien de temps … a-t-elle réduit la masse … ? » asks a duration)."""
    found = [(m.start(), i) for i, (asks, _) in enumerate(_MEASURES) if (m := asks.search(question))]
    return _MEASURES[min(found)[1]][1] if found else None


def _question_pairs(q: QuestionInfo, c: Candidate) -> set[tuple[str, str]]:
    """The question's adjacent word pairs (« second tour ») that ``c`` also has adjacent."""
    terms = [t.term for t in c.toks]
    return {p for p in zip(terms, terms[1:]) if p in q.bigrams}


def _is_headline(c: Candidate) -> bool:
    """Whether the sentence is its article's title (which restates the story and rounds its figures)."""
    return c.text.strip() == c.title.strip()


def _stem_prefix(verb: str) -> str:
    """The folded first letters two forms of a word share (« battu », « battant » → « batt »)."""
    v = fold(verb.lower())
    return v[: max(4, len(v) - 2)]


@lru_cache(maxsize=64)
def _role_after(question: str) -> "re.Pattern[str] | None":
    """For « Qui préside la Fnaim ? », « Qui est le directeur du festival ? »: the role noun that,
    right after a name (« Loïc Cantin, président de la Fnaim »), says the name holds it."""
    m = _ROLE_VERB_Q.match(question)
    if m:
        roles = _verb_roles(m.group("verb"))
    else:
        m = re.match(r"^\s*qui\s+(?:est|était|sera)\s+(?:le|la|l['’])\s*(?:nouveau\s+|nouvelle\s+|actuel\s+|actuelle\s+)?([^\W\d]{4,})",
                     question, re.IGNORECASE)
        roles = [fold(m.group(1).lower())] if m else []
    if not roles:
        return None
    return re.compile(r"\s*,\s*(?:(?:l['’]|le|la|son|sa)\s*)?(?:actuel(?:le)?\s+|nouveau\s+|nouvelle\s+)?(?:" +
                      "|".join(re.escape(r) for r in roles) + r")(?:e|s)?\b", re.IGNORECASE)


def _says_role(led: "re.Match[str]", c: Candidate) -> bool:
    """Whether ``c`` says a role noun of the role verb ``led`` matched (« directrice » for « dirige »)."""
    folded = fold(c.text.lower())
    return any(re.search(rf"\b{re.escape(r)}", folded) for r in _verb_roles(led.group("verb")))


def _verb_roles(verb: str) -> list[str]:
    """The role nouns (folded) of a role verb (« dirige », « a présidé »), by its folded stem."""
    last = fold(verb.lower()).split()[-1]
    return next(r for stem, r in _VERB_ROLES.items() if last.startswith(stem))


def _same_verb(a: str, b: str) -> bool:
    """Two terms of one participle: the stemmer keeps some agreements (« secouru », « secourus »)."""
    return a == b or re.sub(r"(?:e|s|es)$", "", a) == re.sub(r"(?:e|s|es)$", "", b)


def _first_capital(text: str, s: int, e: int) -> int:
    """Where the span's first capitalised word starts (its start if it has none)."""
    m = _WORD_CAPITAL.search(text, s, e)
    return m.start() if m else s


def _enumerations(text: str, spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """Spans listed one after another (« Gharb, Fès, Marrakech et Tafilalt ») joined into one,
    kept also one by one after it; and the joined ones."""
    out: list[tuple[int, int]] = []
    runs = _runs(text, sorted(spans), _LIST_GAP)
    for r in runs:
        parts = [sp for sp in spans if r[0] <= sp[0] and sp[1] <= r[1]]
        out += [r] + [sp for sp in parts if sp != r]
    return out, {r for r in runs if r not in spans}


def _runs(text: str, spans: list[tuple[int, int]], gap: "re.Pattern[str]") -> list[tuple[int, int]]:
    """Ordered spans with only ``gap`` between them joined into one."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s >= out[-1][1] and gap.fullmatch(text, out[-1][1], s):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _cached(cache: dict[str, frozenset[str]], source: str, make: Callable[[], frozenset[str]]) -> frozenset[str]:
    """``cache[source]``, made on first use; the cache is emptied past 256 articles (a question looks
    at a few, a long session at thousands)."""
    got = cache.get(source)
    if got is None:
        if len(cache) > 256:
            cache.clear()
        got = cache[source] = make()
    return got


def _likely_in_best_article(ranked: list[Candidate], ratio: float = ROLE_RATIO) -> Iterator[Candidate]:
    """The likely sentences (``ROLE_RATIO`` of the best one's probability) of the best sentence's
    article, best first: where a role's holder or a participle's agent is looked for; another
    article's « coéquipier X » is, far more often, someone else's."""
    floor = ranked[0].prob * ratio  # whether to answer at all is the best sentence's call
    # up to DESCRIPTION_TOP of the article's own sentences, however many of other articles rank
    # between them (« financés par l'aménageur du lotissement » came 13th behind other stories)
    seen = 0
    for c in ranked:
        if c.prob < floor or seen >= DESCRIPTION_TOP:
            break
        if c.source == ranked[0].source:
            seen += 1
            yield c


def asks_money(question: str) -> bool:
    """Whether the question asks for an amount of money: « combien coûte », « quel budget »,
    « combien d'euros » — but not « par combien de voix le budget a-t-il été adopté ? », which
    counts votes."""
    if _CHANGE_Q.search(question) or _SHARE_Q.search(question) or _CHANGE_NOUN_Q.search(question):
        # « de combien les prix ont-ils baissé »: a change; « quelle part du budget »: a share
        return bool(re.search(r"\b(?:euros?|dollars?)\b", question, re.IGNORECASE))
    counted = _COUNTED.search(question)
    if counted:
        return bool(_MONEY_NOUN.match(counted.group("noun")))
    return bool(_MONEY_Q.search(question) or _MONEY_VERB_Q.search(question) or _RECEIVED_Q.search(question))


def _clause_of_number(question: str, text: str, spans: list[tuple[float, int, int, int]],
                      count: bool = False) -> list[tuple[float, int, int, int]]:
    """« Quand la ligne 17 doit-elle ouvrir ? » in « la ligne 18 … en octobre 2027, et la ligne 17
    … en 2030 »: a number the question names (« 17 ») singles out one item of a list, and the
    answer is the one in that item's clause (between commas, semicolons, colons), not the one
    nearest to it across a comma; for a count, a year the question names does the same. Only
    when some span is in such a clause and some is not."""
    if len(spans) < 2:
        return spans
    marks = []
    for m in re.finditer(r"([^\W\d]{3,})\s+(\d+)(?![\d.,]\d)", question):
        # the same noun with several numbers in the sentence (« la ligne 16 …, la ligne 18 …, la ligne 17 »)
        found = [(n.start(1), n.group(1)) for n in re.finditer(rf"\b{re.escape(m.group(1))}\s+(\d+)(?![\d.,]\d)", text, re.IGNORECASE)]
        if len({x for _, x in found}) >= 2:
            marks += [i for i, x in found if x == m.group(2)]
    if count:
        # « Combien de régions … en 2015 ? » « treize régions depuis 2016, contre vingt-sept en 2015 »
        years = set(re.findall(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", question))
        marks += [m.start() for m in re.finditer(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", text) if m.group(0) in years]
    if not marks:
        return spans
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(text)]

    def clause(i: int) -> int:
        return bisect_right(cuts, i)  # how many clause ends come at or before ``i``

    marked = {clause(i) for i in marks}
    inside = [clause(sp[2]) in marked and not any(sp[2] <= i < sp[3] for i in marks) for sp in spans]
    if not any(inside) or all(inside):
        return spans
    return [sp if ok else (sp[0] + CLAUSE_CHARS, *sp[1:]) for sp, ok in zip(spans, inside)]


def _nearly_as_likely(ranked: list[Candidate], keep: Callable[[Candidate], bool],
                      same_article: bool = False) -> list[Candidate]:
    """The sentences after the best one, at least ``WHY_RATIO`` of its probability, that ``keep``
    accepts: those of the best sentence's own article if any (« When was Cyclopia founded? » is
    not « Fondée en 1925 » of another article, however likely), else, unless ``same_article``,
    those of other articles."""
    best = ranked[0]
    near = [c for c in ranked[1:RERANK_TOP] if c.prob >= best.prob * WHY_RATIO and keep(c)]
    own = [c for c in near if c.source == best.source]
    return own if own or same_article else near


def _crossed_threshold(q: QuestionInfo, text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a threshold crossed (« sous la barre de 1,60 euro »),
    for a question that does not ask about the threshold itself."""
    return bool(_THRESHOLD_BEFORE.search(text, max(0, start - 40), start)) and not _THRESHOLD_Q.search(q.text)


def _keeps_subject(dated: str | None, best: Candidate, c: Candidate) -> bool:
    """Whether ``c`` may date what ``best`` dates (``dated``: :meth:`ExtractiveAnswerer._dated_subject`):
    for « Quand la réunion … doit-elle avoir lieu ? », another story's « doit recevoir les
    représentants de la filière le 3 mars » names no « réunion », which the best sentence does; it
    dates something else."""
    return dated is None or c.source == best.source or dated not in best.matched or dated in c.matched


def _due_to(q: QuestionInfo, text: str, toks: list) -> list["re.Match[str]"]:
    """« la panne serait due à », « provoqué par » in ``text`` right after a word of the question
    (within four words): the cause of what the question asks about."""
    return [m for m in _DUE_TO.finditer(text) if any(t.term in q.idf and 0 <= m.start() - t.end <= 30 for t in toks)]


def _named_place(noun: str, text: str) -> list[tuple[int, int]]:
    """The names ``noun`` introduces in ``text``: « la commune d'Ustou », « le massif des Grandes
    Rousses » for « commune », « massif »."""
    return [(m.start(1), m.end(1)) for m in re.finditer(
        rf"\b{re.escape(noun.lower())}s?\s+(?:de\s+la\s+|de\s+l['’]|des\s+|du\s+|de\s+|d['’])"
        rf"({_PLACE_NAME})", text, re.IGNORECASE) if text[m.start(1)].isupper() and text[m.start()].islower()]


_ORG_NOUNS = frozenset("entreprise societe association syndicat organisation compagnie enseigne fondation organisme collectif "
                       "constructeur fabricant operateur groupe club equipe parti marque journal cooperative start-up startup "
                       "laboratoire cabinet agence banque ecurie".split())


def _is_org_noun(noun: str) -> bool:
    """« entreprise », « coopérative »: a noun for an organisation, whose name is capitalised and
    never a person's (« Florian Delpech » is not the masonry firm)."""
    folded = fold(noun.lower())
    return folded in _ORG_NOUNS or folded.rstrip("s") in _ORG_NOUNS


def _noun_forms(noun: str) -> frozenset[str]:
    """A person's noun in both genders and numbers, folded (« directeur »: directrice, directeurs…)."""
    n = fold(noun.lower())
    n = n[:-1] if n.endswith("s") and len(n) > 4 else n
    bases = {n}
    for masc, fems in (("teur", ("trice", "teure")), ("eur", ("euse", "eure")), ("ier", ("iere",)), ("ien", ("ienne",)),
                       ("trice", ("teur",)), ("euse", ("eur",)), ("iere", ("ier",)), ("ienne", ("ien",))):
        if n.endswith(masc):
            bases |= {n[: -len(masc)] + f for f in fems}
    if not n.endswith("e"):
        bases.add(n + "e")
    return frozenset(bases | {b + "s" for b in bases})


@lru_cache(maxsize=64)
def _titled_noun(question: str) -> str | None:
    """The noun whose name « Comment s'appelle le X ? », « Quel est le nom du X ? » asks for."""
    m = _TITLED_Q.match(question.replace("’", "'"))
    return m.group("noun") if m else None


def _is_person_noun(noun: str) -> bool:
    """« passagère », « médecin », « victimes »: a noun for people (masculine, feminine, plural)."""
    folded = fold(noun.lower())
    return any(w in PERSON_NOUNS for w in (folded, folded.rstrip("sx"), re.sub(r"e?s?$", "", folded),
                                            re.sub(r"ere?s?$", "er", folded)))


def _less_likely_of_article(ranked: list[Candidate], keep: Callable[[Candidate], bool]) -> list[Candidate]:
    """The first sentence of the best one's article, at least ``ROLE_RATIO`` of its probability,
    that ``keep`` accepts: where an article tells the event in one sentence and the detail asked
    for (an hour, a measure) in another that shares few of the question's words."""
    best = ranked[0]
    return [c for c in ranked[1:12] if c.source == best.source and c.prob >= best.prob * ROLE_RATIO and keep(c)][:1]


def _proper_names(question: str, word: str, first_acronym: bool) -> list[str]:
    """Capitalised words of ``question`` (split by the ``word`` pattern) that read as proper
    names: not question or stop words, not Roman numerals, not English words the glossary
    translates (« Romanian »); the first word only when ``first_acronym`` and it is an acronym."""
    english = is_english(question)
    out = []
    for i, m in enumerate(re.finditer(word, question)):
        w = m.group(0)
        if (not w[0].isupper() or w.isdigit() or len(w) < 3 or fold(w) in _QWORDS or w.lower() in STOP_WORDS
                or (i == 0 and not (first_acronym and w.isupper())) or _ROMAN.match(w) or (english and glossed(w))):
            continue
        out.append(w)
    return out


def _shared_weight(q: QuestionInfo, a: set[str], b: set[str]) -> float:
    return sum(q.idf[t] for t in a & b)


#: « une cinquantaine », « un millier »: an approximate count, of the noun after « de »
_APPROX_NOUN = re.compile(r"(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine|millier)s?",
                          re.IGNORECASE)


def _counted_word(c: Candidate, start: int) -> str | None:
    """The word the figure starting at ``start`` counts, as written (« étudiants » in « environ
    4.000 étudiants »); ``None`` for a bare number or when it is not right after the figure."""
    for s, e in typed_spans(c.text, NUMBER):
        if s == start:
            m = re.match(r"\s*([^\W\d]{3,})", c.text[e:]) if not re.search(r"[^\W\d]{3,}$", c.text[s:e]) else None
            word = re.findall(r"[^\W\d][\w-]*", c.text[s:e])[-1:] if m is None else [m.group(1)]
            return word[0] if word and not re.fullmatch(
                r"(?:près|environ|plus|moins|quelque|presque|millions?|milliards?|mille|dizaines?|centaines?|milliers?)",
                word[0], re.IGNORECASE) else None
    return None


#: nouns that count people, by their folded singular (« étudiants », « éleveurs »), beside PERSON_NOUNS
_PEOPLE_WORDS = frozenset("""
personne gens habitant victime mort blesse salarie employe enfant patient eleve etudiant lyceen collegien
spectateur visiteur touriste manifestant participant suspect prevenu detenu prisonnier soldat militaire
policier gendarme pompier benevole adherent membre electeur votant malade retraite agriculteur eleveur
pecheur marin migrant refugie passager voyageur automobiliste conducteur cycliste coureur militant greviste
fonctionnaire agent medecin infirmier infirmiere soignant enseignant professeur chercheur ouvrier travailleur
artisan commercant boulanger apiculteur vigneron viticulteur depute senateur elu maire candidat joueur
joueuse athlete sportif supporter secouriste sauveteur alpiniste speleologue plongeur scientifique
archeologue client usager abonne adulte femme homme fille garcon guide randonneur skieur
controleur ingenieur chauffeur pilote entraineur eboueur chomeur demandeur locataire proprietaire resident
""".split())
#: nouns that count things, by their folded singular: only a listed kind is told apart from people
#: (not « places » nor « lits »: a capacity counts people by its seats or beds)
_THING_WORDS = frozenset("""
vol tente repas arbre voiture vehicule camion tracteur bus car train rame avion helicoptere navire bateau
maison logement appartement batiment immeuble poste classe salle magasin boutique commerce usine
site station borne velo trottinette bouteille colis lettre dossier plainte recours amende tableau oeuvre
livre album exemplaire film page medaille titre trophee but essai match combat etape kilometre hectare
tonne litre loup ours vache brebis mouton cheval chien chat panda oiseau poisson abeille ruche piece
objet arme cartouche dose vaccin test puce ordinateur telephone ecran panneau eolienne pylone
""".split())


def _count_kind(word: str | None) -> str | None:
    """« people » or « things » for a counted noun, ``None`` when not in either list (many nouns
    count either, or something news also calls by a person's noun: « deux bébés » pandas)."""
    if not word:
        return None
    w = fold(word.lower())
    w = w[:-1] if len(w) > 3 and w[-1] in "sx" else w
    if w in _PEOPLE_WORDS or w in PERSON_NOUNS:
        return "people"
    if w in _THING_WORDS:
        return "things"
    return None


def _counted_term(c: Candidate, start: int) -> str | None:
    """What the figure starting at ``start`` counts (« habitants » in « 1.200 habitants »): the
    term of the word right after it, or the word the question counts when the answer dropped it;
    ``None`` for a bare number."""
    for s, e in typed_spans(c.text, NUMBER):
        if s != start:
            continue
        words = [t for t in c.toks if t.start >= s and t.end <= e and not t.surface[:1].isdigit()
                 and not re.fullmatch(r"(?:près|environ|plus|moins|quelque|presque|millions?|milliards?|mille)",
                                      t.surface, re.IGNORECASE)]
        if words and _APPROX_NOUN.fullmatch(words[-1].surface) and (of := re.match(r"\s+(?:de\s+|d['’])", c.text[e:])):
            # « Une cinquantaine de sapeurs-pompiers »: the answer stops at the approximation, which
            # counts the noun after it
            after = [t for t in c.toks if t.start >= e + of.end()][:2]
            if after and after[0].start == e + of.end():
                words, e = [after[0]], after[0].end
        if words and c.text[e:e + 1] == "-" and (head := next((t for t in c.toks if t.start == e + 1), None)):
            return head.term  # « sapeurs-pompiers » counts « pompiers »
        return words[-1].term if words else None
    return None


_DETERMINERS = re.compile(r"^(?:le|la|les|l|ce|cet|cette|en|au|aux|du|de|des|d|a|dans|depuis|pres de|environ|plus de)\s+")


def _answer_key(text: str) -> str:
    """Comparable form of a short answer (« ce 10 juillet » and « Le 10 juillet » are one answer)."""
    t = re.sub(r"[^\w\s]", " ", fold(text))
    t = " ".join(t.split())
    prev = None
    while prev != t:
        prev, t = t, _DETERMINERS.sub("", t)
    return t


#: « Qu'est-ce que le SSM ? », « Qu'est-ce que les Z.E.A.T. ? »: an acronym to spell out
_ACRONYM_Q = re.compile(r"^\s*(?i:(?:qu['’]est[- ]ce\s+que?|que\s+signifie|que\s+veut\s+dire|what\s+(?:is|does))\s*(?:le|la|les|l['’]|un|une|the)?)\s*(?P<x>[A-ZÀ-Ý](?:\.?[A-ZÀ-Ý\d]){1,9}\.?)(?:\s+(?:stand\s+for|mean))?\s*\??\s*$")
#: words of an expansion that give no letter to its acronym
_ACRONYM_SKIP = frozenset("de du des d la le les l et à a au aux en pour sur par".split())
_ACRONYM_WORD = re.compile(r"[^\W\d_][\w-]*['’]?|\d+")


def _expansion_of(text: str, written: str, acronym: str) -> tuple[int, int] | None:
    """Where ``text`` spells ``acronym`` out right before « (ACRONYM) » or inside « ACRONYM (…) »."""
    def spelt(words: list[re.Match[str]]) -> bool:
        content = [w.group(0) for w in words if fold(w.group(0).lower()).rstrip("'’") not in _ACRONYM_SKIP]
        return bool(content) and fold("".join(w[0] for w in content)).upper() == fold(acronym).upper()

    for m in re.finditer(rf"\(\s*{re.escape(written)}\s*\)", text):
        words = list(_ACRONYM_WORD.finditer(text[: m.start()]))[-14:]
        for k in range(1, len(words) + 1):
            run = words[-k:]
            first = run[0].group(0)
            if first[:1].isalpha() and fold(first.lower()).rstrip("'’") not in _ACRONYM_SKIP and spelt(run):
                return trim_span(text, run[0].start(), m.start())
    for m in re.finditer(rf"{re.escape(written)}\s*\(([^()]{{3,120}})\)", text):
        words = list(_ACRONYM_WORD.finditer(m.group(1)))
        if spelt(words):
            return trim_span(text, m.start(1), m.end(1))
    return None


def _expands_acronym(span: str, question: str) -> bool:
    """Whether ``span``'s initials spell an acronym of the question (« Automotive Cells Company »
    for « ACC »): the same organisation as the question's, so never its answer."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", span) if w[0].isupper()]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    return any(len(a) >= 2 and initials == a for a in re.findall(r"\b[A-ZÀ-Ý]{2,}\b", question))


def _drop_known_unit(q: QuestionInfo, c: Candidate, s: int, e: int) -> tuple[int, int]:
    """« 26 chasseurs-bombardiers » answers « combien de chasseurs-bombardiers » as « 26 »; units
    of measure and time stay (:data:`_KEPT_UNIT`)."""
    text = c.text[s:e]
    m = re.search(r"\s+(?:de\s+|d['’])?([\w’'-]+)$", text)
    if m and re.search(r"[^\W\d]", m.group(1)) and not _KEPT_UNIT.fullmatch(m.group(1)):
        unit_toks = [t for t in c.toks if t.start >= s + m.start(1) and t.end <= e]
        if unit_toks and all(t.term in q.idf for t in unit_toks):
            return s, s + m.start()
    return s, e


_BOUNDARY = re.compile(r"[,;:()«»\"“”–—]|\s-\s")


def focus_clause(q: QuestionInfo, c: Candidate) -> tuple[int, int]:
    """For open questions: the clause right after (or before) the question's words.

    Answers in news and encyclopaedic French tend to follow the words the question repeats
    (« Le souhait est de pouvoir… »); when the question's words end the sentence, the answer
    precedes them. Falls back to the whole sentence.
    """
    text = c.text
    marked = [t for t in c.toks if t.term in q.idf]
    if not marked:
        return 0, len(text)
    first, last = marked[0], marked[-1]
    bounds = [m.start() for m in _BOUNDARY.finditer(text)]
    nxt = next((b for b in bounds if b >= last.end), len(text))
    after = (last.end, nxt)
    prv = max((b + 1 for b in bounds if b < first.start), default=0)
    before = (prv, first.start)
    for s, e in (after, before):
        content = [t for t in c.toks if t.start >= s and t.end <= e and t.term not in q.idf]
        if len(content) >= 1:
            s, e = _strip(text, s, e)
            if e - s >= 2:
                return s, e
    return 0, len(text)


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in ",;:.«»\"“”'’()-–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.«»\"“”'’()-–"):
        e -= 1
    return s, e
