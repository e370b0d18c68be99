"""What kind of answer a question asks for, in French or English.

The type decides which span of the supporting sentence is the short answer (a date for
« quand », a number with its unit for « combien »…) and is a feature of sentence scoring
(a sentence that contains no date cannot answer « quand »). Rules, not a model: question words
are a closed class and the rules are easy to audit.
"""

from __future__ import annotations

import re

from index.analysis import fold

DATE = "date"
NUMBER = "nombre"
PERSON = "personne"
PLACE = "lieu"
NAME = "nom"  # a proper name of any kind (« comment s'appelle… », « quel est le nom… »)
OTHER = "autre"

TYPES = (DATE, NUMBER, PERSON, PLACE, NAME, OTHER)

# Nouns after « quel/quelle/quels/quelles » (folded) that imply a type.
_DATE_NOUNS = {"annee", "annees", "date", "jour", "mois", "siecle", "epoque", "periode", "decennie", "heure", "saison"}
_NUMBER_NOUNS = {
    "age", "montant", "nombre", "somme", "superficie", "surface", "taille", "distance", "duree", "pourcentage",
    "proportion", "part", "prix", "cout", "budget", "population", "altitude", "hauteur", "longueur", "poids",
    "vitesse", "temperature", "score", "chiffre", "quantite", "taux", "capacite", "valeur", "profondeur",
    "largeur", "volume", "effectif", "effectifs", "frequence", "rang", "record", "salaire", "revenu", "loyer",
    "tarif", "amende", "dette", "remuneration", "magnitude", "intensite", "classement", "etendue", "debit",
    "economie", "economies",  # « Quelle économie fera un foyer ? »: the amount saved
    "autonomie", "participation",  # « Quelle est l'autonomie du bus ? » 350 km; « la participation » 41,2 %
    "reduction", "baisse", "hausse", "augmentation", "diminution",  # « Quelle réduction de loyer… ? » 30 %
}
_PERSON_NOUNS = {
    "personne", "personnes", "homme", "femme", "president", "presidente", "roi", "reine", "auteur", "auteure",
    "ecrivain", "peintre", "artiste", "joueur", "joueuse", "entraineur", "ministre", "general", "chef",
    "dirigeant", "fondateur", "createur", "inventeur", "pape", "empereur", "pretre", "philosophe", "savant",
    "architecte", "compositeur", "chanteur", "chanteuse", "acteur", "actrice", "realisateur", "pilote",
    "successeur", "predecesseur", "fils", "fille", "pere", "mere", "frere", "soeur", "epouse", "mari",
    "organisation", "entreprise", "societe", "groupe", "equipe", "club", "parti", "marque", "journal",
    # organisations asked by their kind: « Quelle association critique… ? », « Quel syndicat… ? »
    "association", "associations", "syndicat", "syndicats", "ong", "fondation", "organisme", "collectif",
    "constructeur", "fabricant", "enseigne", "enseignes", "compagnie", "operateur",
    "editeur", "laboratoire", "transporteur", "distributeur", "assureur",
    # who stands beside or against: « Quels concurrents… ? », « Quel partenaire… ? »
    "concurrent", "rival", "rivaux", "adversaire", "partenaire", "allie", "allies", "actionnaire", "fournisseur", "client",
    # people asked by what they do: « Quel historien… ? », « Quel coureur… ? »
    "historien", "historienne", "coureur", "coureuse", "cycliste", "nageur", "nageuse", "athlete", "footballeur",
    "boxeur", "skieur", "skieuse", "poete", "romancier", "romanciere", "journaliste", "chercheur", "chercheuse",
    "scientifique", "physicien", "chimiste", "mathematicien", "astronome", "explorateur", "souverain", "prince",
    "princesse", "duc", "duchesse", "comte", "comtesse", "pharaon", "prophete", "vainqueur", "gagnant", "gagnante",
    "laureat", "laureate", "champion", "championne", "candidat", "candidate", "depute", "senateur", "maire",
    "gouverneur", "eveque", "cardinal", "moine", "tribu", "dynastie",
    # trades of news stories: « Quel plongeur a rejoint le groupe ? », « Quel avocat… ? »
    "plongeur", "plongeuse", "secouriste", "pompier", "medecin", "chirurgien", "avocat", "avocate", "juge",
    "procureur", "procureure", "policier", "policiere", "gendarme", "commissaire", "arbitre", "capitaine",
    "gardien", "attaquant", "buteur", "navigateur", "navigatrice", "alpiniste", "photographe", "musicien",
    "musicienne", "acheteur", "acheteuse", "collectionneur", "collectionneuse", "proprietaire", "ecurie",
    # who runs or speaks for something, and more trades of local news
    "directeur", "directrice", "responsable", "patron", "patronne", "pdg", "conseiller", "conseillere", "adjoint",
    "adjointe", "prefet", "prefete", "porte-parole", "vice-president", "vice-presidente", "secretaire", "elu", "elue",
    "enseignant", "enseignante", "instituteur", "institutrice", "professeur", "professeure", "agriculteur",
    "agricultrice", "ouvrier", "ouvriere", "skipper", "boulanger", "boulangere", "vigneron", "vigneronne",
    "infirmier", "infirmiere", "eleveur", "eleveuse", "pecheur", "chauffeur", "conducteur", "conductrice",
}
#: nouns that ask for someone (folded), for other modules: « un chirurgien de 58 ans » is an age
PERSON_NOUNS: frozenset[str] = frozenset(_PERSON_NOUNS) | {"patiente", "victime", "enfant", "adolescent", "adolescente",
                                                           "retraite", "retraitee", "conducteur", "conductrice", "chauffeur",
                                                           "passager", "passagere", "infirmier", "infirmiere", "randonneur",
                                                           "randonneuse", "touriste", "temoin", "suspect", "suspecte",
                                                           "blesse", "blessee", "eleve", "etudiant", "etudiante"}
#: things known by a proper name: « Quel cyclone… ? » (Dina), « Quel trophée… ? » (la Coupe de France)
_NAME_NOUNS = {"cyclone", "ouragan", "typhon", "tempete", "trophee"}
#: adjectives set before the asked noun (« Quel est le premier client… ? », « la principale ville »)
_BEFORE_NOUN = {"premier", "premiere", "principal", "principale", "dernier", "derniere", "nouveau", "nouvelle",
                "seul", "seule", "meilleur", "meilleure", "actuel", "actuelle", "futur",
                "future", "deuxieme", "second", "seconde", "troisieme", "plus", "grand", "grande", "petit", "petite"}
_PLACE_NOUNS = {
    "pays", "ville", "villes", "region", "lieu", "endroit", "continent", "ile", "fleuve", "riviere", "mer",
    "ocean", "capitale", "departement", "province", "etat", "commune", "village", "quartier", "territoire",
    "montagne", "desert", "port", "aeroport", "stade", "site",
    "massif", "vallee", "lac", "baie", "golfe", "canton",  # « Dans quel massif se trouve le glacier ? »
}

_EN = [
    (re.compile(r"^\s*(?:when|what (?:year|date|day|month|time)|which (?:year|date|day|month))\b"), DATE),
    (re.compile(r"^\s*(?:(?:by )?how (?:many|much|long|old|far|big|large|tall|high)|what (?:percentage|number|amount)|(?:what|which) (?:is|was|were|are) the (?:[\w-]+ )?(?:rate|percentage|share|turnout|price|cost|amount|number|score|population|age|budget|revenue|salary|temperature))\b"), NUMBER),
    (re.compile(r"^\s*(?:who|whom|whose)\b"), PERSON),
    (re.compile(r"^\s*(?:where|what (?:country|city|place|region)|in which (?:country|city|place|region))\b"), PLACE),
    (re.compile(r"^\s*(?:what is the name|what'?s the name)\b|^\s*what (?:is|was|are|were) (?:the |this |that |a |an )?[\w' -]+ (?:called|named)\s*\??\s*$"), NAME),
]

_FR_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def is_english(question: str) -> bool:
    """A cheap guess: English function words outnumber French ones."""
    words = _FR_WORD.findall(fold(question))
    en = sum(w in {"the", "did", "does", "do", "when", "who", "where", "how", "what", "which", "is", "was",
                   "many", "much", "of", "and", "with", "to", "call", "called"} for w in words)
    fr = sum(w in {"le", "la", "les", "de", "des", "du", "quand", "qui", "ou", "combien", "quel", "quelle",
                   "est", "a", "il", "elle", "avec", "que", "en", "un", "une", "et"} for w in words)
    return en > fr


#: « Qui est Valeri Guerassimov ? », « Who was Pie IV? »: the question names the person and asks
#: what they are (a title, a role), so the answer is a description near that name, not another
#: person's name. Only when all that follows the verb is a proper name (capitalised words,
#: particles, roman numerals); « Qui est le ministre… ? » still asks for a name.
_DEFINITION = re.compile(
    r"^\s*(?:(?:[Qq]ui|[Ww]ho)\s+(?:est|était|etait|sont|étaient|fut|is|was|are|were)\s+"
    # « Quelle est la profession de Claude Hagège ? » asks what X is, as « Qui est X ? » does
    r"|[Qq]uel(?:le)?\s+(?:est|était|etait|fut)\s+(?:la|le|sa|son)\s+(?:profession|fonction|métier|metier|poste|titre|grade|emploi|occupation)"
    r"\s+(?:de\s+|du\s+|d'))"
    # a lower-case article first is a role, not a name: « Qui est le PDG de SNCF Voyageurs ? »
    r"(?!(?:le|la|les|l'|du|des)\s)"
    r"(?P<name>(?:(?:[A-ZÉÈÊÀÂÎÔÛÇ][\w'.\-]*|de|du|des|d'|von|van|der|da|di|del|le|la|ibn|ben|al-)\s*)+?)\s*\??\s*$"
)


def defined_name(question: str) -> str | None:
    """The name a « Qui est X ? » question asks about (``None`` for other questions)."""
    m = _DEFINITION.match(question.replace("’", "'"))
    return m.group("name").strip() if m else None


def question_type(question: str) -> str:
    """One of :data:`TYPES` for a French or English question."""
    if defined_name(question) is not None:
        return OTHER
    q = fold(question).replace("’", "'").strip()
    for pattern, qtype in _EN:
        if pattern.search(q):
            return qtype
    words = _FR_WORD.findall(q.replace("'", " "))
    text = " ".join(words)
    if re.search(r"\b(?:quand|depuis quand|jusqu a quand|a quel moment|en quelle annee|a quelle date|a quelle epoque)\b", text):
        return DATE
    if re.search(r"\bcombien\b", text):
        return NUMBER
    if re.search(r"\b(?:a|en|de) quelle (?:place|position)\b.*\bclass", text):
        return NUMBER  # « À quelle place se classe l'équipe ? » « 21e »
    if re.search(r"\b(?:comment se (?:nomme|nommait|nomment|nommaient|prenomme|prenome|prenommait)|comment s intitul[ea]\w*|"
                 r"comment s appelle|comment s appelait|comment s appellent|comment appelle t on|comment appelait on|quel(?:le)? (?:est|etait|sont) (?:le|son|sa|leur) (?:[a-z]+ )?nom|quel nom|sous quel nom|nomme t on)\b", text):
        return NAME
    m = re.search(r"\b(?:quel|quelle|quels|quelles|lequel|laquelle)\b(?:\s+(?:est|sont|etait|etaient|fut|a ete|sera))?(?:\s+(?:le|la|les|l))?\s+([a-z]+)", text)
    if m:
        noun = m.group(1)
        rest, head = text[m.end():], noun
        while head in _BEFORE_NOUN and (after := re.match(r"\s+([a-z]+)", rest)):
            head, rest = after.group(1), rest[after.end():]
        if head in _PERSON_NOUNS or head.rstrip("s") in _PERSON_NOUNS:
            # « Quel est le premier client… ? », « Quelle est la nouvelle présidente… ? »: the noun
            # after the adjectives asks for someone. Not for other nouns: « le nouveau prix » of
            # « passe de 14 à 16 euros » and « le premier port de pêche » are better answered as
            # open questions than by the typed spans of a figure or a place
            noun = head
        for nouns, qtype in ((_DATE_NOUNS, DATE), (_NUMBER_NOUNS, NUMBER), (_PLACE_NOUNS, PLACE), (_PERSON_NOUNS, PERSON),
                             (_NAME_NOUNS, NAME)):
            if noun in nouns or noun.rstrip("s") in nouns:
                return qtype
        if noun == "maison" and re.match(r"\s*(?:de vente|d edition|de disques|de couture|mere)\b", text[m.end():]):
            return PERSON  # « Quelle maison de vente a organisé les enchères ? »: a firm
    # « Quelle mesure … un foyer qui se chauffe … ? »: « qui » after the asked noun is a relative
    # pronoun; the question asks the noun's kind, not a person
    relative = m is not None and m.start() == 0 and not re.match(r"\s*(?:par |a |avec |de |pour )?qui\b", text)
    if not relative and re.search(r"\b(?:par qui|a qui|avec qui|de qui|pour qui|qui)\b", text) and not re.search(r"\bce qui\b", text):
        # « qui » as a relative pronoun after a noun (« le pays qui… ») is rare in questions.
        return PERSON
    if re.search(r"\b(?:ou|d ou|par ou)\b", text) and "?" in question or re.match(r"\s*(?:ou|d ou)\b", text):
        # folded « où » equals « ou » (or): only trust it at the start or with a question mark
        if re.match(r"\s*(?:ou|d ou|par ou)\b", text) or re.search(r"\b(?:ou se|ou est|ou sont|ou a|ou ont|ou etait|ou vit|ou habite|ou se trouve)\b", text):
            return PLACE
    if re.search(r"\ben quelle annee|en quel siecle|a quel age\b", text):
        return DATE if "age" not in text else NUMBER
    return OTHER
