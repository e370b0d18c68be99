"""French words for an English question about French articles.

An English question shares names and numbers with French articles, but none of its other words:
« Where does the festival take place? » cannot match « aura lieu … sur le site de Kerampuilh »,
and the bundled MiniLM, trained on English, does not bridge the languages either. A small
glossary of the words news questions use (events, roles, quantities, places) gives the lexical
side French words to look for. It is only applied to questions that read as English
(:func:`qa.qtypes.is_english`), so French questions are never changed; the question type still
comes from the English question words.
"""

from __future__ import annotations

import re

from qa.qtypes import is_english

#: English word (lower case) → French words, as they appear in news text. Phrases first.
_PHRASES: dict[str, str] = {
    "take place": "lieu déroule", "took place": "lieu déroulé", "taking place": "lieu déroule",
    "aircraft carrier": "porte-avions", "chief of staff": "chef état-major", "on the phone": "téléphone téléphonique",
    "extra time": "prolongation", "prime minister": "premier ministre", "wind turbines": "éoliennes",
    "wind turbine": "éolienne éoliennes", "wind farm": "parc éolien", "offshore wind": "éolien en mer", "head of": "chef directeur dirige", "in charge of": "chargé responsable dirige",
    "around the world": "tour du monde", "come into force": "entre en vigueur", "comes into force": "entre en vigueur",
    "came into force": "entré en vigueur", "minimum wage": "salaire minimum smic", "round the world": "tour du monde", "no-confidence motion": "motion de censure",
    "no-confidence": "censure", "second place": "deuxième dauphin",
}
_WORDS: dict[str, str] = {
    # calls, meetings, talks
    "call": "appel appelé téléphone", "called": "appelé appel téléphone", "calls": "appels téléphone",
    "phone": "téléphone téléphonique", "talk": "entretien entretenu discuté", "talked": "entretenu discuté parlé",
    "spoke": "entretenu parlé", "speak": "parler entretenu", "meet": "rencontre rencontré", "met": "rencontré rencontre",
    "meeting": "rencontre réunion", "discuss": "discuter évoqué", "discussed": "discuté évoqué", "said": "déclaré dit",
    "announce": "annoncé", "announced": "annoncé", "held": "tenu tenir lieu déroulé", "summit": "sommet",
    # people and roles
    "president": "président", "minister": "ministre", "mayor": "maire", "prefect": "préfet", "director": "directeur",
    "leader": "dirigeant chef", "lead": "dirige", "leads": "dirige", "led": "dirigé", "run": "dirige", "runs": "dirige",
    "head": "chef", "chief": "chef", "founder": "fondateur", "founded": "fondé fondateur création", "created": "créé créateur",
    "create": "créer", "singer": "chanteuse chanteur", "government": "gouvernement", "army": "armée armées",
    "military": "militaire armées", "staff": "état-major personnel salariés", "counterpart": "homologue", "workers": "salariés ouvriers",
    "employees": "salariés employés", "jobs": "emplois", "inhabitants": "habitants", "residents": "habitants",
    "people": "personnes habitants", "volunteers": "bénévoles", "visitors": "visiteurs festivaliers",
    "spectators": "spectateurs", "firefighters": "pompiers", "police": "police", "unions": "syndicats",
    "fighters": "combattants", "jihadist": "jihadistes", "jihadists": "jihadistes",
    # events
    "born": "né naissance", "died": "mort morts décédé", "die": "mort morts", "death": "mort décès", "killed": "tués morts", "sheep": "brebis moutons", "ewes": "brebis", "wolves": "loups", "wolf": "loup", "bear": "ours", "women's": "féminin féminine", "women": "femmes féminin", "men's": "masculin", "chess": "échecs", "tasted": "goûté goûtées", "taste": "goûter", "injured": "blessés",
    "attack": "attaque attentat", "war": "guerre", "fight": "combattent combat", "fighting": "combattent combats",
    "win": "remporter gagner victoire", "won": "remporté gagné victoire emporté reçu obtenu lauréat", "lost": "perdu défaite",
    "elected": "élu", "election": "élection", "vote": "vote", "agreement": "accord", "deal": "accord", "law": "loi",
    "built": "construit construction", "build": "construire", "completed": "achevé achevée", "finished": "achevé terminé",
    "opened": "ouvert ouverture inauguré", "inaugurated": "inauguré inaugurée", "closed": "fermé fermée fermeture",
    "evacuated": "évacués évacuées évacuation", "evacuation": "évacuation", "flood": "crue inondation", "flooding": "crue inondations",
    "homes": "foyers logements maisons", "households": "foyers ménages", "power": "puissance électricité",
    "electricity": "électricité électrique", "outage": "coupure électricité", "outages": "coupures électricité",
    "plays": "joue rôle", "played": "joué rôle", "role": "rôle", "film": "film", "movie": "film",
    "mobilised": "mobilisés", "mobilized": "mobilisés", "deployed": "mobilisés déployés",
    "pay": "payer payé montant", "paid": "payé versé montant", "buy": "racheter rachat acheter",
    "bought": "racheté rachat acheté validé", "sold": "vendu validé", "takeover": "rachat", "acquisition": "rachat acquisition",
    "hire": "embaucher embauche", "hired": "embauché embauche", "hiring": "embauche", "reached": "atteint",
    "reach": "atteindre", "suspended": "suspendu suspendue", "expected": "attendu prévu", "planned": "prévu prévue",
    "rescue": "secours", "crisis": "crise crises", "security": "sécurité", "cooperation": "coopération",
    # things and quantities
    "dike": "digue", "dyke": "digue", "levee": "digue", "dam": "barrage", "bridge": "pont", "port": "port",
    "stadium": "stade", "site": "site", "venue": "site lieu", "located": "situé trouve", "where": "lieu",
    "country": "pays", "city": "ville", "town": "ville", "river": "fleuve rivière", "factory": "usine", "plant": "usine",
    "company": "entreprise société groupe", "school": "lycée école", "schools": "écoles", "festival": "festival",
    "stage": "étape scène", "edition": "édition", "record": "record", "budget": "budget", "cost": "coût coûté",
    "price": "prix", "investment": "investissement", "aid": "aides", "subsidies": "aides subventions",
    "capacity": "capacité", "salaries": "salaires", "wages": "salaires", "height": "hauteur", "level": "niveau",
    "ship": "navire", "ships": "navires", "plane": "avion", "planes": "avions", "aircraft": "avions appareils",
    "fighter": "chasseurs", "bombers": "bombardiers", "carrier": "porte-avions", "batteries": "batteries",
    "vehicles": "véhicules", "cars": "voitures véhicules", "electric": "électriques",
    # business and public finance
    "revenue": "chiffre affaires", "revenues": "chiffre affaires", "sales": "ventes chiffre affaires",
    "profit": "bénéfice", "profits": "bénéfices", "loss": "perte pertes", "losses": "pertes", "deficit": "déficit",
    "debt": "dette", "shares": "action titre", "stock": "titre action bourse", "closure": "fermeture",
    "close": "fermera fermeture", "pensions": "retraites pensions", "tax": "impôt taxe", "taxes": "impôts taxes",
    "unemployment": "chômage", "inflation": "inflation", "growth": "croissance", "rate": "taux",
    "percentage": "pourcentage taux", "prices": "prix", "energy": "énergie",
    # months and days (« in April » is « en avril »)
    "january": "janvier", "february": "février", "march": "mars", "april": "avril", "june": "juin",
    "july": "juillet", "august": "août", "september": "septembre", "october": "octobre", "november": "novembre",
    "december": "décembre", "monday": "lundi", "tuesday": "mardi", "wednesday": "mercredi", "thursday": "jeudi",
    "friday": "vendredi", "saturday": "samedi", "sunday": "dimanche",
    # accidents, courts
    "accident": "accident", "crash": "accident collision", "pile-up": "carambolage", "pileup": "carambolage",
    "injuries": "blessés", "dead": "morts", "victims": "victimes", "investigation": "enquête",
    "prosecutor": "procureur", "court": "tribunal", "trial": "procès", "sentenced": "condamné", "fine": "amende",
    "lawyer": "avocat avocate", "judge": "juge", "mayor's": "maire",
    "defendant": "prévenu accusé", "defendants": "prévenus accusés", "acquitted": "relaxé acquitté",
    "amendments": "amendements", "amendment": "amendement", "filed": "déposés déposé", "bill": "loi texte",
    "senate": "sénat", "mps": "députés", "deputies": "députés", "museum": "musée", "works": "œuvres",
    "exhibition": "exposition", "ticket": "billet ticket grille", "winning": "gagnant gagnante gagnants", "jackpot": "jackpot cagnotte", "lottery": "loterie", "verdict": "verdict", "appeal": "appel", "prison": "prison emprisonnement", "sentence": "peine condamné",
    "families": "familles", "children": "enfants", "child": "enfant", "babies": "nourrissons bébés",
    "infants": "nourrissons", "patients": "patients", "hospitalised": "hospitalisation hospitalisés",
    "hospitalized": "hospitalisation hospitalisés", "hospital": "hôpital hospitalisation",
    "goals": "buts", "goal": "but", "scored": "marqué inscrit", "transfer": "transfert", "contract": "contrat marché",
    "coach": "entraîneur", "matches": "matchs", "fans": "supporters spectateurs", "building": "immeuble bâtiment", "buildings": "immeubles bâtiments",
    "collapse": "effondrement effondré", "collapsed": "effondré effondrement effondrés",
    # starts and ends, farming and weather
    "start": "commencé début", "started": "commencé débuté", "began": "commencé débuté", "begin": "commencer début",
    "end": "fin terminé", "ended": "terminé fin", "harvest": "vendanges récolte", "grape": "vendanges raisin vigne",
    "wine": "vin vins", "vineyards": "vignes vignobles", "crops": "récoltes cultures", "farmers": "agriculteurs producteurs éleveurs",
    "exports": "exportations", "imports": "importations", "rain": "pluie", "rainfall": "pluie précipitations",
    "hail": "grêle", "drought": "sécheresse", "heat": "chaleur", "storm": "tempête orage",
    # prizes, elections
    "prime": "premier", "prize": "prix", "award": "prix", "awarded": "décerné attribué", "received": "reçu", "receive": "reçu accueille accueillir",
    "novel": "roman", "book": "livre", "writer": "écrivain", "author": "auteur", "round": "tour",
    "turnout": "participation", "temperature": "température", "temperatures": "températures", "candidate": "candidat", "presidential": "présidentielle",
    # nationalities (capitalised in English, so not names the corpus lacks)
    "french": "français française", "russian": "russe", "american": "américain américaine",
    "german": "allemand allemande", "british": "britannique", "italian": "italien italienne",
    "spanish": "espagnol espagnole", "ukrainian": "ukrainien ukrainienne", "chinese": "chinois chinoise",
    "romanian": "roumain roumaine", "algerian": "algérien algérienne", "european": "européen européenne",
    "polish": "polonais polonaise", "belgian": "belge", "swiss": "suisse", "moroccan": "marocain marocaine",
    # sport, industry, health (eleventh round)
    "penalty": "pénalité penalty", "penalties": "pénalités penalties", "try": "essai", "tries": "essais",
    "final": "finale", "champion": "champion", "champions": "champions", "title": "titre", "titles": "titres",
    "equalised": "égalisé", "equalized": "égalisé", "threatened": "menacés menacé", "paper": "papier papeterie",
    "mill": "papeterie usine", "tons": "tonnes", "tonnes": "tonnes", "measles": "rougeole", "cases": "cas",
    "case": "cas", "recorded": "recensé enregistré relevé", "doses": "doses", "vaccinated": "vaccinés",
    "outbreak": "épidémie foyer", "epidemic": "épidémie", "runners": "coureurs", "runner": "coureur",
    "race": "course", "marathon": "marathon", "fish": "poissons", "removed": "retirées retirés",
    # protests, transport, food safety, the sea (nineteenth round)
    "tractors": "tracteurs", "tractor": "tracteurs tracteur", "motorway": "autoroute", "highway": "autoroute",
    "blocked": "bloqué bloquée bloquent", "block": "bloquer bloquent", "protest": "manifestation protester mobilisation",
    "protesters": "manifestants", "demonstrators": "manifestants", "demonstrate": "manifester manifesté",
    "demonstrated": "manifesté manifestaient", "painting": "tableau", "painter": "peintre",
    "auction": "enchères vente", "cavers": "spéléologues", "divers": "plongeurs", "diver": "plongeur",
    "rescuers": "secouristes", "cave": "grotte gouffre", "supporters": "supporters", "strike": "grève", "strikers": "grévistes",
    "metro": "métro", "subway": "métro", "line": "ligne", "stations": "stations gares", "station": "station gare",
    "trains": "trains rames", "passengers": "voyageurs passagers", "travellers": "voyageurs", "journey": "trajet",
    "trip": "trajet", "recalled": "rappel rappelé", "recall": "rappel", "cheeses": "fromages", "cheese": "fromage fromages",
    "bacteria": "bactérie", "shark": "requin", "sharks": "requins", "surfer": "surfeur", "bitten": "mordu",
    "attacks": "attaques", "fatal": "mortelles mortelle", "beach": "plage", "swimming": "natation baignade", "championships": "championnats", "championship": "championnat",
    "medal": "médaille", "named": "élu nommé", "best": "meilleur", "player": "joueur", "players": "joueurs",
    "tournament": "tournoi", "captain": "capitaine", "goalkeeper": "gardien", "medals": "médailles", "gold": "or", "swimmer": "nageuse nageur", "banned": "interdite interdit interdiction",
    # energy, landslides, cycling (twenty-fifth round)
    "turbines": "éoliennes turbines", "landslide": "glissement terrain", "mudslide": "coulée boue",
    "village": "village hameau", "cyclist": "coureur cycliste", "cycling": "cyclisme",
    # science, schools, basketball (twenty-sixth round)
    "species": "espèce espèces", "frog": "grenouille", "frogs": "grenouilles", "discovered": "découverte découvert",
    "researchers": "chercheurs", "scientists": "scientifiques chercheurs", "study": "étude", "new": "nouvelle nouveau",
    "graduate": "bachelier bachelière diplômé", "youngest": "plus jeune",
    "students": "élèves étudiants", "pupils": "élèves", "exam": "examen épreuves", "cup": "coupe",
    "academy": "académie",
    # the sea, fuel, hospitals (twenty-seventh round)
    "whale": "baleine rorqual cétacé", "whales": "baleines cétacés", "stranded": "échoué échouée",
    "diesel": "gazole", "petrol": "essence", "gasoline": "essence", "fuel": "carburant carburants gazole",
    "average": "moyen moyenne", "maternity": "maternité",
    # railways, comics (twenty-eighth round)
    "affected": "touchés touchées concernés affectés", "breakdown": "panne",
    "delayed": "retardés retard", "delays": "retards", "comic": "bande dessinée", "comics": "bande dessinée",
    "album": "album", "publisher": "éditeur éditions", "jury": "jury",
    # sailing, parliament, epidemics (twenty-ninth round)
    "sail": "naviguer voile", "sailed": "navigué", "sailor": "navigateur skipper", "skipper": "skipper",
    "votes": "voix votes", "motion": "motion", "dengue": "dengue", "mosquito": "moustique",
    "confirmed": "confirmés confirmé",
    # privacy, courts, bikes (thirtieth round)
    "accused": "accusé", "victim": "victime", "bike": "vélo vélos", "bikes": "vélos", "bicycles": "vélos",
    "fined": "amende sanctionné", "jogger": "joggeuse joggeur",
    # space, tobacco, hostages (thirty-second round)
    "smoking": "fumer tabac", "ban": "interdiction interdit", "beaches": "plages", "earth": "terre",
    "exoplanet": "exoplanète planète", "planet": "planète", "telescope": "télescope", "released": "libéré libération",
    "release": "libération libéré", "hostage": "otage détenu", "detained": "détenu détention",
    # wages, airports, pesticides (thirty-third round)
    "wage": "salaire", "rise": "augmenter hausse revalorisé", "airports": "aéroports", "airport": "aéroport",
    "handle": "accueilli vu passer", "handled": "accueilli vu passer", "pesticide": "pesticide insecticide",
    # electricity prices, fishermen, strikes (thirty-fourth round)
    "fall": "baisser baisse", "falls": "baisse baisser", "drop": "baisse baisser", "regulated": "réglementé",
    "assembly": "assemblée", "general": "général générale",
    "fishermen": "pêcheurs marins", "harbour": "port",
    # wine exports, hospital strikes, art theft (thirty-fifth round)
    "ward": "service", "receives": "accueille accueillis", "nurses": "infirmières infirmiers", "nurse": "infirmière infirmier",
    "stolen": "volé volée", "theft": "vol", "found": "retrouvé retrouvée trouvé découvert", "bottles": "bouteilles",
    "spirits": "spiritueux", "vines": "vignes", "uprooted": "arrachés arrachage",
    # start-ups, school buses, polar science (thirty-sixth round)
    "raise": "lève levée", "raised": "levé levée", "start-up": "start-up jeune pousse", "startup": "start-up jeune pousse",
    "money": "fonds", "funds": "fonds", "bus": "car autocar", "seriously": "grièvement",
    "ice": "glace", "oldest": "plus anciennes anciens", "core": "carotte", "expedition": "expédition",
    # treasure, tourism, surgery (thirty-seventh round)
    "coins": "pièces monnaie", "coin": "pièce monnaie", "treasure": "trésor", "exhibited": "exposées exposés exposé",
    "crossings": "traversées", "ferry": "ferry traversées", "increased": "augmenté hausse progressé", "tourists": "touristes visiteurs",
    "surgeon": "chirurgien", "practising": "exercer", "practicing": "exercer", "clinic": "clinique", "patient": "patiente patient",
    # a pool's closure, a mayor's conviction, an orchid (fortieth round)
    "pool": "piscine bassin", "water": "eau", "hold": "contient contenir", "holds": "contient", "cubic": "cubes",
    "renovation": "rénovation", "petition": "pétition", "signatures": "signatures", "schoolchildren": "écoliers",
    "flower": "fleur", "flowers": "fleurs", "orchid": "orchidée", "altitude": "altitude",
    "contracts": "marchés contrats", "favouritism": "favoritisme", "favoritism": "favoritisme",
    # a cheese's appellation, an eruption, delivery riders (forty-first round)
    "farmer": "agriculteur producteur éleveur", "produce": "fabriquent produisent",
    "produces": "fabrique produit", "goat": "chèvre", "eruption": "éruption", "volcano": "volcan",
    "lava": "lave", "ash": "cendres", "riders": "livreurs coursiers", "rider": "livreur coursier", "delivery": "livraison",
    "labour": "prud'hommes", "labor": "prud'hommes",
    # time
    "year": "année an", "years": "années ans", "month": "mois", "months": "mois", "week": "semaine",
    "day": "jour", "days": "jours", "hour": "heure", "hours": "heures", "next": "prochaine prochain",
    "last": "dernier dernière", "ago": "il y a",
}
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PHRASE = re.compile(r"\b(?:" + "|".join(map(re.escape, _PHRASES)) + r")\b")


def french_word(word: str) -> str | None:
    """The first French word the glossary gives for ``word`` (« children » → « enfants »), if any."""
    gloss = _WORDS.get(word.lower())
    return gloss.split()[0] if gloss else None


def glossed(word: str) -> bool:
    """Whether the glossary translates ``word`` (« Romanian » is no unknown name)."""
    return word.lower() in _WORDS


def french_gloss(question: str) -> str:
    """French words for the English words of ``question`` ("" for a French question)."""
    if not is_english(question):
        return ""
    low = question.lower().replace("’", "'")
    found = set(_PHRASE.findall(low))
    out = [french for phrase, french in _PHRASES.items() if phrase in found]
    out += [_WORDS[w] for w in _WORD.findall(_PHRASE.sub(" ", low)) if w in _WORDS]
    return " ".join(dict.fromkeys(" ".join(out).split()))
