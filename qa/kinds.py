"""Answers that are one word of a closed kind: a language, a nationality, a colour, a religion, a
musical instrument, an animal, a material, a sport, a trade.

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
    écarlate turquoise ocre fauve roux rousse rousses gris-brun bleu-vert bleu-gris vert-de-gris
    orangé orangée orangés orangées oranges argentés argentées cuivré cuivrée cuivrés cuivrées
    bleuté bleutée bleutés bleutées violacé violacée violacés violacées rosé rosée rosés rosées
    rougeâtre rougeâtres jaunâtre jaunâtres verdâtre verdâtres grisâtre grisâtres noirâtre noirâtres
    blanchâtre blanchâtres brunâtre brunâtres mauve mauves kaki indigo vermillon carmin cramoisi cramoisie
    cramoisis cramoisies pourpré pourprée blond blonde blonds blondes châtain châtains grenat
    écarlates turquoises ocres fauves""".split())
_RELIGIONS = frozenset(
    """catholique catholiques catholicisme protestant protestante protestants protestantes protestantisme
    chrétien chrétienne chrétiens chrétiennes christianisme musulman musulmane musulmans musulmanes islam
    juif juive juifs juives judaïsme bouddhiste bouddhistes bouddhisme hindou hindoue hindous hindouisme
    orthodoxe orthodoxes anglican anglicane anglicans anglicanisme sunnite sunnites chiite chiites animiste
    animistes animisme calviniste calvinistes calvinisme luthérien luthérienne luthériens luthéranisme
    évangélique évangéliques athée athées shintoïsme sikh sikhs taoïsme confucianisme païen païenne païens
    paganisme zoroastrisme""".split())
INSTRUMENT = "instrument"
ANIMAL = "animal"
MATERIAL = "matériau"
SPORT = "sport"

_INSTRUMENTS = frozenset(
    """piano violon violoncelle alto contrebasse guitare basse harpe flûte clarinette hautbois basson saxophone
    trompette trombone cor tuba tambour batterie percussions orgue clavecin accordéon harmonica banjo mandoline
    luth cithare sitar tabla djembé xylophone synthétiseur cornemuse biniou bombarde vielle ukulélé balalaïka
    triangle timbales cymbales""".split())
_ANIMALS = frozenset(
    """chien chat cheval vache veau bœuf boeuf taureau mouton brebis agneau chèvre chevreau porc cochon sanglier
    cerf biche chevreuil lapin lièvre renard loup ours lion tigre éléphant girafe singe castor loutre rat souris
    écureuil hérisson aigle faucon vautour hibou chouette corbeau pigeon colombe moineau hirondelle cigogne poule
    coq canard oie cygne serpent vipère lézard crocodile tortue grenouille poisson requin baleine dauphin phoque
    saumon truite abeille fourmi araignée mouche moustique papillon scorpion chameau dromadaire âne mulet zèbre
    rhinocéros hippopotame panda kangourou ragondin blaireau marmotte bouquetin chamois lynx puma jaguar léopard
    guépard hyène gorille chimpanzé perroquet pingouin manchot mouette goéland héron""".split())
_MATERIALS = frozenset(
    """argent fer acier cuivre bronze plomb zinc étain aluminium cadmium mercure uranium nickel titane platine bois
    pierre marbre granit calcaire grès brique béton verre terre argile sable cuir laine soie coton lin papier
    carton plastique caoutchouc latex ivoire bambou paille charbon pétrole""".split())
_SPORTS = frozenset(
    """football rugby tennis natation cyclisme athlétisme boxe judo karaté escrime ski handball basket-ball basket
    volley-ball volley golf équitation aviron voile gymnastique hockey patinage catch lutte haltérophilie
    triathlon surf alpinisme escalade pétanque badminton squash baseball cricket polo canoë kayak plongée
    biathlon curling bobsleigh luge snowboard""".split())
PROFESSION = "profession"
_PROFESSIONS = frozenset(
    """médecin infirmier infirmière avocat avocate juge notaire journaliste écrivain écrivaine romancier romancière
    poète peintre sculpteur architecte ingénieur professeur instituteur institutrice enseignant enseignante chercheur
    chercheuse scientifique physicien chimiste biologiste botaniste mathématicien astronome historien historienne
    philosophe linguiste politologue sociologue économiste compositeur musicien musicienne chanteur chanteuse acteur
    actrice comédien comédienne réalisateur réalisatrice photographe danseur danseuse cuisinier boulanger boucher
    agriculteur paysan fermier éleveur vigneron pêcheur marin militaire soldat officier policier gendarme pompier
    prêtre pasteur rabbin moine religieuse commerçant marchand banquier industriel entrepreneur artisan menuisier
    charpentier forgeron maçon mineur ouvrier ouvrière cheminot chauffeur pilote mécanicien électricien plombier
    tailleur couturier couturière styliste éditeur imprimeur libraire bibliothécaire diplomate ambassadeur
    fonctionnaire administrateur comptable pharmacien dentiste vétérinaire chirurgien psychiatre psychologue
    sage-femme magistrat procureur greffier traducteur traductrice interprète explorateur géographe géologue
    archéologue anthropologue ethnologue critique animateur animatrice présentateur présentatrice mannequin
    entraîneur arbitre précepteur gouvernante domestique berger bûcheron orfèvre horloger bijoutier tisserand potier
    graveur dessinateur illustrateur scénariste dramaturge producteur productrice""".split())
_WORDS = {PROFESSION: _PROFESSIONS, LANGUAGE: _LANGUAGES, NATIONALITY: frozenset(NATIONALITIES), COLOUR: _COLOURS, RELIGION: _RELIGIONS,
          INSTRUMENT: _INSTRUMENTS, ANIMAL: _ANIMALS, MATERIAL: _MATERIALS, SPORT: _SPORTS}
#: « Il est en or », « une couronne d'or »: « or » is the metal only after « en » or « d' » (else « Or, … »)
_GOLD = re.compile(r"\b(?:en|d['’])\s*or\b", re.IGNORECASE)

#: « Quelle est la langue… », « En quelle langue… », « De quelle nationalité… », « Quelle couleur… »
_ASKED = re.compile(r"^\s*(?:(?:de|en|dans|par|avec|sur)\s+(?:les\s+\w+\s+de\s+)?)?quel(?:le)?s?\s+(?:(?:est|était|etait|sont|étaient|fut)\s+)?"
                    r"(?:(?:la|le|les|l['’]|sa|son|ses|leur)\s*)?(?P<kind>langues?|nationalités?|nationalites?|couleurs?|religions?|"
                    r"instruments?|animal|animaux|métal|métaux|matériau|matériaux|matière|sport|discipline sportive|"
                    r"professions?|métiers?)\b",
                    re.IGNORECASE)
_KIND_OF = {"langue": LANGUAGE, "nationalite": NATIONALITY, "couleur": COLOUR, "religion": RELIGION,
            "instrument": INSTRUMENT, "animal": ANIMAL, "animaux": ANIMAL, "metal": MATERIAL, "metaux": MATERIAL,
            "materiau": MATERIAL, "materiaux": MATERIAL, "matiere": MATERIAL, "sport": SPORT, "discipline sportive": SPORT,
            "profession": PROFESSION, "metier": PROFESSION}
_WORD = re.compile(r"[^\W\d_][\w-]*")

#: « À quelle peine X a-t-il été condamné ? », « Quelle peine encourent-ils ? »
_PENALTY_Q = re.compile(r"\bquelle\s+peine\b", re.IGNORECASE)
_SPELT = r"(?:\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente)"
#: « deux ans d'emprisonnement avec sursis », « dix-huit mois de prison ferme », « trente ans de
#: réclusion criminelle », « la réclusion criminelle à perpétuité »: a sentence as courts word it
_PENALTY = re.compile(
    rf"(?:(?:jusqu['’]à|une\s+peine\s+de)\s+)?{_SPELT}(?:[\s-](?:{_SPELT}|et))*\s+(?:ans|an|mois)\s+"
    r"(?:de\s+prison|d['’]emprisonnement|de\s+réclusion(?:\s+criminelle)?|de\s+détention)"
    r"(?:\s+(?:avec\s+sursis|ferme|dont\s+\S+\s+(?:ans|an|mois)\s+(?:avec\s+sursis|ferme)))?"
    r"|(?:la\s+)?réclusion\s+criminelle\s+à\s+perpétuité",
    re.IGNORECASE)


#: « Quelle juridiction… ? », « Devant quel tribunal… ? », « Quelle cour… ? »
_COURT_Q = re.compile(r"\bquel(?:le)?s?\s+(?:juridictions?|tribunal|tribunaux|cours?)\b", re.IGNORECASE)
#: a court as news French names it: « la cour d'appel de Caen », « le tribunal correctionnel de
#: Paris », « le Conseil d'État »; with the town or the body it sits for when one follows
_COURT = re.compile(
    r"(?:(?:[Ll]a|[Ll]e|[Ll]es|[Ll]['’])\s*)?(?:"
    r"[Cc]our\s+(?:administrative\s+)?d['’]appel|[Cc]our\s+de\s+cassation|[Cc]our\s+d['’]assises(?:\s+des\s+mineurs)?|"
    r"[Cc]our\s+criminelle(?:\s+départementale)?|[Cc]our\s+des\s+comptes|[Cc]our\s+de\s+justice\s+de\s+la\s+République|"
    r"[Cc]our\s+de\s+justice\s+de\s+l['’]Union\s+européenne|[Cc]our\s+européenne\s+des\s+droits\s+de\s+l['’]homme|"
    r"[Cc]our\s+pénale\s+internationale|[Tt]ribunal\s+(?:correctionnel|administratif|judiciaire|de\s+commerce|de\s+police|"
    r"pour\s+enfants|des\s+prud['’]hommes|de\s+grande\s+instance|d['’]instance|des\s+affaires\s+de\s+sécurité\s+sociale)|"
    r"[Cc]onseil\s+d['’]État|[Cc]onseil\s+constitutionnel|[Cc]onseil\s+de\s+prud['’]hommes)"
    r"(?:\s+(?:de|du|d['’])\s*(?:la\s+|l['’])?[A-ZÀ-ÖØ-Þ][\w'’-]*(?:[\s-](?:sur|en|de|du|la|le|lès)[\s-][A-ZÀ-ÖØ-Þ]?[\w'’-]*)*)?")


def asks_court(question: str) -> bool:
    """Whether the question asks which court (« Quelle juridiction examinera l'appel ? »)."""
    return bool(_COURT_Q.search(question))


def court_spans(sentence: str, question: str) -> list[Span]:
    """The courts ``sentence`` names that the question does not already name, in order."""
    folded = fold(question.lower())
    return [m.span() for m in _COURT.finditer(sentence)
            if fold(re.sub(r"^(?:la|le|les|l['’])\s*", "", m.group(0).lower())) not in folded]


#: « Quelle place… ? », « À quel rang… ? », « Quel était le classement de X… ? »
_RANK_Q = re.compile(r"\bquel(?:le)?s?\s+(?:(?:est|était|etait|a\s+été|fut)\s+)?(?:(?:la|le|sa|son|leur)\s+)?"
                     r"(?:place|rang|classement)\b", re.IGNORECASE)
_ORDINALS = ("premier|première|premiers|premières|second|seconde|deuxième|troisième|quatrième|cinquième|sixième|"
             "septième|huitième|neuvième|dixième|onzième|douzième|treizième|quatorzième|quinzième|seizième|"
             "vingtième|trentième|centième|dernier|dernière|avant-dernier|avant-dernière")
#: « a terminé deuxième de la course », « la sixième place », « 3e », « au 12e rang », « 361e
#: mondiale »: an ordinal, with the noun it ranks by when one follows
_RANK = re.compile(
    rf"(?:(?:la|le|au|à\s+la)\s+)?(?:\b(?:{_ORDINALS})\b|\b\d+(?:e|è|ème|eme|er|ère|re)\b)"
    r"(?:\s+(?:mondiale?s?|place|position|rang|du classement|joueuse mondiale|joueur mondial)s?\b)?", re.IGNORECASE)


#: a rank said with the noun it ranks by (« la huitième place », « 361e mondiale »)
_RANK_NOUN_END = re.compile(r"(?:place|rang|position|mondiale?)s?$", re.IGNORECASE)


def asks_rank(question: str) -> bool:
    """Whether the question asks a ranking (« Quelle place X a-t-elle prise ? »)."""
    return bool(_RANK_Q.search(question))


def rank_spans(sentence: str, question: str) -> list[Span]:
    """The ranks ``sentence`` gives that the question does not already say, in order. An ordinal
    in a name (« la Cinquième République »), in a title (« Premier ministre ») or counting
    something else (« la première fois », « le second tour ») is no rank, nor is « une seconde »."""
    folded = fold(question.lower())
    found = []
    for m in _RANK.finditer(sentence):
        ordinal = re.sub(r"^(?:la|le|au|à\s+la)\s+", "", m.group(0), flags=re.IGNORECASE).split()[0]
        if re.match(r"\s+[A-ZÀ-ÖØ-Þ]", sentence[m.end():]) or (
                ordinal[:1].isupper() and m.start() > 0 and not re.search(r"[.!?«:]\s*$", sentence[:m.start()])):
            continue  # « la Cinquième République », « Le premier Français »
        if re.match(r"\s+(?:ministre|secrétaire|adjoint|vice|fois|temps|tour|trimestre|semestre|étage|arrondissement|"
                    r"édition|mandat|siècle|jour|mois|année|semaine|partie|phase|étape|moitié)", sentence[m.end():], re.IGNORECASE):
            continue
        if ordinal.lower().startswith("second") and re.search(r"\b(?:une|\d+|quelques|la)\s*$", sentence[:m.start()]):
            continue  # « à moins d'une seconde »
        if fold(ordinal.lower()) not in folded:
            found.append(m.span())
    # « la huitième place » says a rank outright, before a bare ordinal
    return sorted(found, key=lambda sp: not says_rank_noun(sentence[sp[0]:sp[1]]))


def says_rank_noun(rank: str) -> bool:
    """Whether a rank of :func:`rank_spans` names what it ranks by (« la sixième place »), which a
    bare ordinal (« deuxième ») or a year near it does not."""
    return bool(_RANK_NOUN_END.search(rank))


def asks_penalty(question: str) -> bool:
    """Whether the question asks what sentence a court gave or the law provides."""
    return bool(_PENALTY_Q.search(question))


def penalty_spans(sentence: str) -> list[Span]:
    """The prison terms of ``sentence``, in order."""
    return [m.span() for m in _PENALTY.finditer(sentence)]


def asked_kind(question: str) -> str | None:
    """The kind a question asks for (:data:`LANGUAGE`…), ``None`` for other questions."""
    m = _ASKED.match(question.replace("’", "'"))
    if not m:
        return None
    noun = fold(m.group("kind").lower())
    return _KIND_OF.get(noun) or _KIND_OF[noun.rstrip("s")]


def kind_spans(sentence: str, kind: str, question: str) -> list[Span]:
    """Words of ``kind`` in ``sentence`` that the question does not already say, nearest first to
    the kind's noun in the sentence (« de couleur grise »), else in sentence order."""
    asked = {w.lower() for w in _WORD.findall(question)}
    def of_kind(word: str) -> bool:
        # « Les Italiens arrivent en tête »: the plural of a listed word (« italien ») is of its kind
        return word in _WORDS[kind] or (len(word) > 3 and word.endswith(("s", "x")) and word[:-1] in _WORDS[kind])

    words = [m for m in _WORD.finditer(sentence) if of_kind(m.group(0).lower()) and m.group(0).lower() not in asked]
    if kind == MATERIAL and "or" not in asked:
        words += [m for m in re.finditer(r"(?<=\s)or\b", sentence) if _GOLD.search(sentence, max(0, m.start() - 4), m.end())]
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
