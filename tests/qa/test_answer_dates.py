"""« Quand » answers place relative dates in time by the article's publication date (end to end)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.cli import main

ROOT = Path(__file__).resolve().parents[2]

PONT = """Le pont de Foundiougne enfin ouvert à la circulation

Publié le 12 mars 2024

Le président sénégalais a inauguré lundi le pont de Foundiougne, un ouvrage de 1,6 kilomètre attendu depuis des décennies par les habitants du Sine-Saloum.
Les travaux avaient commencé il y a cinq ans, avec un financement de la Banque africaine de développement.
Le ministre des Infrastructures a promis que le péage resterait gratuit pendant les six premiers mois.
"""

PORT = """Le port de Ziguinchor attend ses nouveaux quais

Les pêcheurs de Casamance réclament depuis longtemps un port modernisé.
Le gouvernement a lancé il y a quelques mois un appel d'offres pour la construction de deux quais en eau profonde.
Les premiers navires pourraient accoster avant la fin de la décennie, selon l'autorité portuaire.
"""

RIZ = """Récolte de riz record dans la vallée du fleuve Sénégal

Publié le 2 janvier 2024

Les riziculteurs de la vallée ont annoncé une récolte record pour la contre-saison.
La coopérative de Podor a livré le 28 décembre ses premières tonnes au marché de Dakar.
Les prix du riz local ont baissé la semaine dernière sur les marchés de la capitale.
"""


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory, embedder) -> tuple[Path, Path]:
    from index.build import build_index

    corpus = tmp_path_factory.mktemp("dated-corpus")
    (corpus / "pont.txt").write_text(PONT, encoding="utf-8")
    (corpus / "port.txt").write_text(PORT, encoding="utf-8")
    (corpus / "riz.txt").write_text(RIZ, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("dated-index")
    build_index(corpus, index_dir, embedder)
    return corpus, index_dir


def _ask(capsys, corpus: Path, index_dir: Path, question: str, *extra: str) -> str:
    assert main(["ask", question, "--corpus", str(corpus), "--index", str(index_dir), *extra]) == 0
    return capsys.readouterr().out


def test_weekday_is_resolved_from_the_publication_date(capsys, dated_index):
    out = json.loads(_ask(capsys, *dated_index, "Quand le président sénégalais a-t-il inauguré le pont de Foundiougne ?",
                          "--json"))
    assert out["short_answer"].lower() == "lundi"
    assert out["answer"].startswith(
        "Lundi (soit le 11 mars 2024, date déduite de la parution du 12 mars 2024) [1]")
    assert out["citations"][0]["date"] == "2024-03-12"
    first = out["dates"][0]
    assert first == {"text": out["short_answer"], "citation": 1, "published": "2024-03-12", "resolved": "2024-03-11",
                     "period": ["2024-03-11", "2024-03-11"], "precision": "day", "label": "le 11 mars 2024",
                     "approximate": False, "inferred": True}


def test_day_month_and_week_across_the_new_year(capsys, dated_index):
    out = json.loads(_ask(capsys, *dated_index, "Quand la coopérative de Podor a-t-elle livré ses premières tonnes de riz ?",
                          "--json"))
    assert "28 décembre" in out["short_answer"]
    assert "(soit le 28 décembre 2023, année déduite de la parution du 2 janvier 2024) [1]" in out["answer"]
    assert out["dates"][0]["resolved"] == "2023-12-28"


def test_undated_article_is_unchanged(capsys, dated_index):
    out = json.loads(_ask(capsys, *dated_index, "Quand le gouvernement a-t-il lancé l'appel d'offres pour les quais de Ziguinchor ?",
                          "--json"))
    assert out["short_answer"] == "il y a quelques mois"
    assert out["answer"] == "Il y a quelques mois [1]"
    assert out["dates"] == [] and out["citations"][0]["date"] is None


def test_text_output_shows_the_date_of_each_citation(capsys, dated_index):
    out = _ask(capsys, *dated_index, "Quand le président sénégalais a-t-il inauguré le pont de Foundiougne ?")
    assert "Lundi (soit le 11 mars 2024" in out
    assert "[1] Le pont de Foundiougne enfin ouvert à la circulation, 12 mars 2024" in out


def test_sample_answer_without_dates_is_unchanged(answerer):
    ans = answerer.ask("quand Lecointre a-t-il appelé Guerassimov ?")
    assert ans.text == "Le 10 juillet [1]. Autre mention : « il y a quelques mois » [2]."
    assert ans.dates == [] and "dates" in ans.to_json()


def test_sample_answer_with_dated_articles(corpus_copy, tmp_path, embedder):
    """The sample question once the articles carry a dateline: both mentions are placed in time."""
    from index.build import build_index
    from index.retriever import Retriever
    from index.store import OpenIndex
    from qa.extractive import ExtractiveAnswerer

    for name, date in (("003_546b02830ba72005.txt", "11 juillet 2019"), ("000_6499cf396df39ab0.txt", "12 septembre 2018")):
        with (corpus_copy / name).open("a", encoding="utf-8") as fh:
            fh.write(f"\nPublié le {date}\n")
    build_index(corpus_copy, tmp_path / "idx", embedder)
    index = OpenIndex.open(tmp_path / "idx")
    try:
        ans = ExtractiveAnswerer(index, Retriever(index, embedder)).ask("quand Lecointre a-t-il appelé Guerassimov ?")
    finally:
        index.close()
    assert ans.text == ("Le 10 juillet (soit le 10 juillet 2019, année déduite de la parution du 11 juillet 2019) [1]. "
                        "Autre mention : « il y a quelques mois » (article du 12 septembre 2018) [2].")
    assert [(d.citation, d.resolved, d.inferred) for d in ans.dates] == [(1, "2019-07-10", True), (2, None, False)]


def test_repaired_answer_drops_the_note_of_a_dropped_citation():
    from qa.answer import Answer, Citation
    from qa.dates import note

    ans = Answer("q", "Lundi [1]", False, "extractive", [Citation(1, "a.txt", "t", 0, 5, "Lundi")],
                 dates=[note("Lundi", 1, "2024-03-12"), note("hier", 2, "2024-03-12")])
    assert [d["citation"] for d in ans.to_json()["dates"]] == [1]



def test_a_time_of_life_is_a_date() -> None:
    from qa.spans import date_spans
    s = "qui la suit depuis ses quinze ans, dès l'âge de 8 ans et depuis son enfance"
    assert [s[a:b] for a, b in date_spans(s)] == ["depuis ses quinze ans", "dès l'âge de 8 ans", "depuis son enfance"]
