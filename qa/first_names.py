"""Common given names, to tell a person's name from a place's or an organisation's.

Why: capitalised runs are all the extractive answerer sees of names, and « Pierre Sage » (a
coach) and « Francis-Le Blé » (a stadium) look alike. A run that starts with a common given
name is very likely a person: it is preferred for « qui » and kept out of « où » answers.
The list is general (French given names frequent among adults, and the foreign ones most
common in French news); folded to lower case without accents. It is not exhaustive, so its
absence proves nothing.
"""

from __future__ import annotations

from index.analysis import fold

FIRST_NAMES = frozenset("""
adam adele adrien agathe agnes alain alban albert alexandra alexandre alexis alfred alice aline alix amandine
amelie anais andre andrea angela angelique anne annie anthony antoine antoinette arnaud arthur aude audrey
augustin aurelie aurelien axel baptiste barbara bastien benedicte benjamin benoit bernadette bernard bertrand
blanche brigitte bruno camille carine carole caroline catherine cecile celine chantal charles charlotte chloe
christian christiane christine christophe claire clara claude clement clementine colette corinne cyril cyrille
damien daniel daniele danielle david delphine denis denise didier dominique dylan edith edouard elisabeth elise
elodie eloise emile emilie emma emmanuel emmanuelle eric erwan estelle etienne eugene eva evelyne fabien
fabienne fabrice fanny felix fernand florence florent florian francis franck francois francoise frederic
frederique gabriel gabrielle gael gaelle gaetan genevieve georges gerald gerard geraldine gilbert gilles
ginette gisele guillaume guy gwenael helene henri herve hugo hugues isabelle jacqueline jacques jean jeanne
jeremie jeremy jerome joel joelle jordan joseph josephine josiane julie julien juliette justine karine
laetitia laura laure laurence laurent lea leon leonie louis louise luc lucas lucie lucien ludovic lydie
madeleine manon marc marcel marguerite marianne marie marion marius marthe martin martine mathias
mathieu mathilde matthieu maurice maxime melanie michel michele micheline mireille monique morgane muriel
mylene nadege nadia nadine nathalie nicolas nicole noel noemie oceane odile olivier pascal pascale patrice
patricia patrick paul paule pauline philippe pierre quentin rachel raphael raphaelle raymond regis remi
remy renaud rene robert roger roland romain rose sabine sacha samuel sandrine sarah sebastien serge severine
simon simone solange sophie stephane stephanie suzanne sylvain sylvie theo therese thibault thierry thomas
timothee tristan valentin valerie vanessa veronique victor victoire vincent virginie xavier yann yannick yves
yvette yvonne zoe
ahmed ali amina carlos donald fatima giorgia hassan ibrahim jair javier joe john jose karim kamala kylian
lionel luis marco mario mark michael mohamed mohammed moussa olaf omar pablo pedro recep sergei serguei
sergey vladimir volodymyr xi yassine youssef zinedine boris dmitri igor joao kevin kim lula
nelson rishi silvio steven ursula viktor
annick apolline armelle aurore capucine cedric christelle clemence constance dimitri elsa farid gaspard
ghislaine gregoire gregory helena ines jonathan jules julia leila lina lisa loic magali marina maud
mehdi melissa myriam nabil nathan nina nora olivia ophelie perrine rachid rachida samir sandra sara segolene
sofia sonia tanguy thibaut yasmina yoann
alberto antonio barack diego elena elizabeth francesco friedrich george giovanni giuseppe greta gustavo hans
hillary isabel james jeff justin keir klaus lucia luca maria matteo narendra peter ricardo sean taylor theresa
tony william
""".split())


def starts_with_first_name(name: str) -> bool:
    """« Pierre Sage », « Jean-Yves Le Drian », « Me Claire Daubigny » (a title first) — not
    « Saint-Pierre », nor « Francis-Le Blé »."""
    words = name.replace("’", " ").replace("'", " ").split()
    while words and fold(words[0].lower()).rstrip(".") in ("m", "mme", "mlle", "me", "dr", "pr"):
        words = words[1:]
    if len(words) < 2:
        return False  # a lone « Pierre » may be anything
    # « Jean-Yves », « Marie-Claire »: every part a given name (« Francis-Le Blé » is a stadium)
    return all(part in FIRST_NAMES for part in fold(words[0].lower()).split("-"))
