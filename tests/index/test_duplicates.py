"""Near-duplicate articles (index/duplicates.py): copies found, different articles left apart."""

from __future__ import annotations

import random
from pathlib import Path

from index.build import build_index
from index.duplicates import duplicate_groups, find_duplicates, near_identical, sentence_key, words
from index.ingest import Article
from index.store import OpenIndex

WIRE = """\
Le trafic des ferries entre Roscoff et Plymouth a été interrompu mardi matin en raison d'une grève des marins, a annoncé la compagnie Brittany Ferries dans un communiqué.

Selon la direction, près de 1 200 passagers ont dû être replacés sur d'autres traversées ou remboursés. « Nous comprenons la colère de nos clients et nous mettons tout en œuvre pour rétablir les liaisons dès mercredi », a déclaré Christophe Mathieu, le directeur général de l'entreprise.

Les syndicats réclament une revalorisation des salaires de 6 % et dénoncent la dégradation des conditions de travail à bord depuis la reprise du trafic après la pandémie. La CGT affirme que plusieurs équipages travaillent désormais avec deux marins de moins qu'en 2019.

La liaison vers Santander n'est pas concernée par le mouvement, qui pourrait toutefois s'étendre au port de Saint-Malo en fin de semaine si aucun accord n'est trouvé. Une réunion entre la direction et les représentants du personnel est prévue jeudi à Morlaix.

Le préfet du Finistère a appelé les deux parties « à renouer le dialogue au plus vite », rappelant que la saison touristique débute dans moins d'un mois et que l'économie du nord de la Bretagne dépend largement des visiteurs britanniques.
"""


def outlet_a(body: str = WIRE) -> str:
    return ("Grève des marins : les ferries de Roscoff à l'arrêt\nPublié le 12 mars 2024\n\n" + body +
            "\nLire aussi : Les ports bretons face à la concurrence\n© Le Journal de l'Ouest 2024\n")


def outlet_b() -> str:
    """The same dispatch as another outlet publishes it: own title and intro, a sentence cut,
    its own typography (’, non-breaking spaces, quotes) and footer."""
    body = (WIRE.replace("'", "’").replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
            .replace(" La CGT affirme que plusieurs équipages travaillent désormais avec deux marins de moins qu’en 2019.", ""))
    return ("Brittany Ferries : grève surprise à Roscoff\n13/03/2024\n\n"
            "Mauvaise surprise pour les vacanciers qui comptaient traverser la Manche ce mardi.\n\n" + body +
            "\nCet article est réservé à nos lecteurs inscrits. Abonnez-vous pour lire la suite.\n")


def outlet_c() -> str:
    """A third copy, shortened by its editor to its first paragraphs."""
    paragraphs = WIRE.split("\n\n")
    return "Ferries : grève à Roscoff\n\n" + "\n\n".join(paragraphs[:4]) + "\n"


SAME_TOPIC = """\
Roscoff : les marins de Brittany Ferries maintiennent la pression

À quai depuis mardi, le Pont-Aven n'a pas quitté le port de Roscoff. Sur le parking de la gare maritime, une cinquantaine de marins grévistes se relaient autour d'un brasero, drapeaux de la CGT et de la CFDT plantés dans les barrières.

« On ne fait pas grève par plaisir, on le fait parce qu'on n'arrive plus à recruter », explique Yann, officier mécanicien depuis quinze ans. Selon lui, les rotations se sont allongées et les équipes ont fondu depuis la crise sanitaire.

La direction de Brittany Ferries, qui évoque 1 200 passagers touchés, dit vouloir reprendre les discussions jeudi à Morlaix. Mais les grévistes préviennent : sans geste sur les salaires, le mouvement pourrait gagner Saint-Malo.

Du côté des commerçants du port, l'inquiétude monte. « Les Anglais, c'est la moitié de notre chiffre d'affaires l'été », soupire la gérante d'un café qui fait face à l'embarcadère.
"""

SITE_HEADER = "Le Courrier du Léon — Actualité locale\n"
SITE_FOOTER = """
Lire aussi : Les horaires des marées de la semaine
Lire aussi : Le programme des fêtes de l'été
Pour ne rien manquer de l'actualité de votre commune, inscrivez-vous gratuitement à notre lettre d'information quotidienne et recevez chaque matin les titres du jour, les avis de décès et l'agenda des sorties.
© Le Courrier du Léon 2024
"""

BREVE_1 = """Saint-Pol-de-Léon : la halle aux légumes rénovée

Les travaux de rénovation de la halle aux légumes se sont achevés vendredi, après huit mois de chantier. Le bâtiment, qui accueille chaque semaine le marché des producteurs, a été isolé et doté de panneaux solaires. Le coût total s'élève à 850 000 euros, financés pour moitié par la région.
"""

BREVE_2 = """Plouescat : un nouveau médecin s'installe au cabinet de la place

Le docteur Anne Kervella a ouvert son cabinet lundi, mettant fin à dix-huit mois sans médecin généraliste dans la commune. La municipalité avait racheté le local et proposé un loyer réduit pendant trois ans. Les rendez-vous peuvent être pris par téléphone ou en ligne.
"""


def art(source: str, text: str, date: str | None = None) -> Article:
    return Article(source, text.split("\n", 1)[0], date, text, "0" * 40)


def test_a_wire_story_republished_by_another_outlet_is_a_copy() -> None:
    a = art("journal-ouest/greve.txt", outlet_a(), "2024-03-12")
    b = art("autre-site/ferries.txt", outlet_b(), "2024-03-13")
    assert find_duplicates([a, b]) == {"autre-site/ferries.txt": "journal-ouest/greve.txt"}


def test_two_articles_on_the_same_event_are_not_copies() -> None:
    a = art("a.txt", outlet_a(), "2024-03-12")
    b = art("b.txt", SAME_TOPIC, "2024-03-13")
    assert find_duplicates([a, b]) == {}


def test_a_sites_header_and_footer_do_not_make_two_briefs_copies() -> None:
    briefs = [art(f"courrier/{i}.txt", SITE_HEADER + text + SITE_FOOTER) for i, text in enumerate((BREVE_1, BREVE_2))]
    assert find_duplicates(briefs) == {}
    # ...even with more articles of the same site around (the footer is then repeated in all)
    more = briefs + [art("courrier/2.txt", SITE_HEADER + SAME_TOPIC + SITE_FOOTER),
                     art("courrier/3.txt", SITE_HEADER + outlet_c() + SITE_FOOTER)]
    assert find_duplicates(more) == {}


def test_three_copies_map_to_one_canonical_the_earliest() -> None:
    a = art("x/a.txt", outlet_a(), "2024-03-12")
    b = art("x/b.txt", outlet_b(), "2024-03-13")
    c = art("x/c.txt", outlet_c(), None)
    other = art("x/d.txt", SAME_TOPIC, "2024-03-11")
    assert find_duplicates([b, c, a, other]) == {"x/b.txt": "x/a.txt", "x/c.txt": "x/a.txt"}
    groups = duplicate_groups([a, b, c, other])
    assert [[g.source for g in group] for group in groups] == [["x/a.txt", "x/b.txt", "x/c.txt"]]


def test_canonical_without_dates_is_the_longest_then_the_first_source() -> None:
    a = art("z/a.txt", outlet_a())
    b = art("z/b.txt", outlet_b())  # shorter: a sentence was cut
    assert len(a.text) > len(b.text)
    assert find_duplicates([a, b]) == {"z/b.txt": "z/a.txt"}
    same1, same2 = art("z/2.txt", outlet_a()), art("z/1.txt", outlet_a())
    assert find_duplicates([same1, same2]) == {"z/2.txt": "z/1.txt"}
    # a dated copy wins over an undated one, however long
    assert find_duplicates([a, art("z/b.txt", outlet_b(), "2024-03-13")]) == {"z/a.txt": "z/b.txt"}


def test_short_identical_texts_are_copies_and_short_different_ones_are_not() -> None:
    t = "Le concert de samedi est annulé.\n"
    assert find_duplicates([art("1.txt", t), art("2.txt", t.replace("'", "’"))]) == {"2.txt": "1.txt"}
    assert find_duplicates([art("1.txt", t), art("2.txt", "Le concert de dimanche est annulé.\n")]) == {}


def test_result_does_not_depend_on_input_order() -> None:
    arts = [art("a.txt", outlet_a(), "2024-03-12"), art("b.txt", outlet_b(), "2024-03-13"),
            art("c.txt", outlet_c()), art("d.txt", SAME_TOPIC), art("e.txt", SITE_HEADER + BREVE_1 + SITE_FOOTER),
            art("f.txt", SITE_HEADER + BREVE_2 + SITE_FOOTER)]
    expected = find_duplicates(arts)
    rng = random.Random(3)
    for _ in range(5):
        rng.shuffle(arts)
        assert find_duplicates(arts) == expected
    assert expected == {"b.txt": "a.txt", "c.txt": "a.txt"}


def test_typography_does_not_change_words_or_sentence_keys() -> None:
    assert words("L’été «\u00a0chaud\u00a0» de l'Œuvre") == words('l\'ete "chaud" de l’oeuvre') == \
        ["l", "ete", "chaud", "de", "l", "oeuvre"]
    assert sentence_key("Il a dit\u00a0: « non ».") == sentence_key('Il a dit : "non".')
    assert near_identical("Les syndicats réclament une revalorisation des salaires de 6 % et dénoncent la dégradation.",
                          "Les syndicats réclament une hausse des salaires de 6 % et dénoncent la dégradation.")
    assert not near_identical("Le concert de samedi est annulé.", "Le concert de dimanche est annulé.")


def test_the_build_stores_copies_and_each_keeps_its_passages(tmp_path: Path, embedder) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(outlet_a(), encoding="utf-8")
    (corpus / "b.txt").write_text(outlet_b(), encoding="utf-8")
    (corpus / "c.txt").write_text(outlet_c(), encoding="utf-8")
    (corpus / "d.txt").write_text(SAME_TOPIC, encoding="utf-8")
    summary = build_index(corpus, tmp_path / "index", embedder)
    assert summary.duplicates == 2 and summary.to_json()["duplicates"] == 2
    idx = OpenIndex.open(tmp_path / "index")
    try:
        dup_of = {a.source: a.dup_of for a in idx.articles()}
        assert dup_of == {"a.txt": None, "b.txt": "a.txt", "c.txt": "a.txt", "d.txt": None}
        assert idx.duplicates("b.txt") == ["a.txt", "c.txt"] and idx.duplicates("a.txt") == ["b.txt", "c.txt"]
        assert idx.duplicates("d.txt") == []
        # three copies share their paragraphs: that is not a site footer, every copy keeps them
        for source in ("a.txt", "b.txt", "c.txt"):
            text = " ".join(p.text for p in idx.article_passages(source))
            assert "1 200 passagers" in text and "Morlaix" in text, source
    finally:
        idx.close()


def test_veille_index_says_how_many_copies_it_found(tmp_path: Path, capsys) -> None:
    from qa.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(outlet_a(), encoding="utf-8")
    (corpus / "b.txt").write_text(outlet_b(), encoding="utf-8")
    (corpus / "d.txt").write_text(SAME_TOPIC, encoding="utf-8")
    assert main(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--quiet"]) == 0
    assert "Doublons : 1 article(s) reprennent un autre article" in capsys.readouterr().out
    (corpus / "b.txt").unlink()
    assert main(["index", "--corpus", str(corpus), "--index", str(tmp_path / "index"), "--quiet"]) == 0
    assert "Doublons" not in capsys.readouterr().out
