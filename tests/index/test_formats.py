"""HTML and PDF articles, publication dates (metadata, dateline, sidecar), end to end."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from index.html_article import NO_BODY, decode_html, read_html
from index.ingest import UnreadableArticle, extract_date, read_article, scan_corpus
from index.pdf_article import clean_page, read_pdf
from tests.fixtures_hostile import (AD_TEXT, COMMENT_TEXT, NAV_WORDS, NEWS_BODY, NEWS_TITLE, news_page,
                                    pdf_pages)

# -- HTML ------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access during article reading")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_news_page_body_without_navigation_ads_or_comments(no_network: None) -> None:
    art = read_html("gazette/barrages.html", news_page())
    assert art.kind == "html"
    assert art.title == NEWS_TITLE
    assert art.text.startswith(NEWS_TITLE + "\n\n")
    for para in NEWS_BODY:
        assert para in art.text
    for furniture in (NAV_WORDS, AD_TEXT, COMMENT_TEXT, "Mentions légales", "Commentaires"):
        assert furniture not in art.text
    assert art.date == "2024-03-12" and art.date_source == "metadata"  # published, not modified
    assert art.author == "Claire Dumont"
    assert art.site == "La Gazette du Centre"
    assert art.text.count(NEWS_TITLE) == 1
    assert "\r" not in art.text and "  " not in art.text


def test_declared_charset_and_bom_are_respected() -> None:
    cp = read_html("a.html", news_page("windows-1252"))
    assert NEWS_BODY[0] in cp.text
    latin = news_page("windows-1252").replace(b'charset="windows-1252"', b'charset="iso-8859-1"')
    assert NEWS_BODY[2] in read_html("b.html", latin).text  # « » and é: read as windows-1252
    bom = b"\xef\xbb\xbf" + news_page().replace(b'<meta charset="utf-8">', b"")
    assert NEWS_BODY[1] in read_html("c.html", bom).text
    assert decode_html("<p>é</p>".encode("utf-16")) == "<p>é</p>"
    # Undeclared and not UTF-8: the legacy encoding French pages use.
    assert decode_html("<p>déjà</p>".encode("cp1252")) == "<p>déjà</p>"


def test_page_without_article_body_is_refused() -> None:
    pages = {
        "menu.html": b"<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a> "
                     b"<a href='/p'>Politique</a></nav><footer>Mentions</footer></body></html>",
        "vide.html": b"<html><head><title>Rien</title></head><body></body></html>",
        "script.html": b"<html><body><script>var article = 'non';</script></body></html>",
    }
    for name, data in pages.items():
        with pytest.raises(UnreadableArticle) as info:
            read_html(name, data)
        assert info.value.reason == NO_BODY, name


def test_html_date_comes_from_the_page_never_from_today() -> None:
    body = "".join(f"<p>{p}</p>" for p in NEWS_BODY)
    undated = f"<html><head><title>Sans date</title></head><body><article>{body}</article></body></html>"
    art = read_html("sans-date.html", undated.encode())
    assert art.date is None and art.date_source is None
    wire = (f"<html><head><title>Crue</title></head><body><article><p>PARIS, 12 mars 2024 (AFP) - "
            f"La Seine est montée de deux mètres en une nuit, a indiqué la préfecture.</p>{body}</article></body></html>")
    art = read_html("crue.html", wire.encode())
    assert art.date == "2024-03-12" and art.date_source == "dateline"


# -- PDF ---------------------------------------------------------------------------------------

PAGE_TEXTS = [
    ["Retraites : le projet de loi présenté en conseil des ministres",
     "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites, qui prévoit "
     "un relèvement progressif de l'âge légal de départ, a annoncé la Première ministre à la sortie du conseil."],
    ["Les syndicats ont dénoncé un texte « injuste et brutal » et ont annoncé une première journée de "
     "mobilisation interprofessionnelle, la semaine prochaine, dans toutes les grandes villes du pays."],
    ["Le conseil d'orientation des retraites estime que le déficit du système atteindra douze milliards "
     "d'euros en 2030 si aucune mesure n'est prise, selon le rapport publié en septembre."],
]


def three_page_pdf() -> bytes:
    return pdf_pages(PAGE_TEXTS, title="Réforme des retraites", author="Jean Martin")


def test_pdf_pages_are_kept_as_offsets() -> None:
    art = read_pdf("retraites.pdf", three_page_pdf())
    assert art.kind == "pdf" and art.title == "Réforme des retraites" and art.author == "Jean Martin"
    assert len(art.pages) == 3 and art.pages[0] == 0
    for n, paragraphs in enumerate(PAGE_TEXTS):
        start = art.pages[n]
        end = art.pages[n + 1] - 2 if n + 1 < len(art.pages) else len(art.text)
        page_text = art.text[start:end]
        for para in paragraphs:
            assert para in page_text  # wrapped lines joined back into the paragraph
    assert all(art.text[p - 2 : p] == "\n\n" for p in art.pages[1:])


def test_pdf_title_falls_back_to_the_first_line() -> None:
    art = read_pdf("sans-titre.pdf", pdf_pages(PAGE_TEXTS[:1]))
    assert art.title == PAGE_TEXTS[0][0]


def test_page_cleaning_rejoins_wrapped_lines_and_hyphenated_words() -> None:
    raw = ("Le gouverne-\nment a-t-\nil   dit que le vice-\nprésident, le vice-président\u00a0lui-même,"
           " viendrait.\n\n\nFin\tdu texte.")
    assert clean_page(raw) == ("Le gouvernement a-t-il dit que le vice-président, le vice-président lui-même,"
                               " viendrait.\nFin du texte.")


# -- dates and sidecars -------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("PARIS, 12 mars 2024 (AFP) - Le président a parlé.", "2024-03-12"),
    ("Bruxelles (Belgique), le jeudi 3 avril 2024 — La Commission propose…", "2024-04-03"),
    ("Titre\n\nMis à jour le 05/04/2024 à 11h02\nPublié le 03/04/2024 à 10h12\n\nTexte.", "2024-04-03"),
    ("Titre\nMis à jour le 1er mai 2023\nLe texte de l'article commence ici avec une phrase longue.", "2023-05-01"),
    ("Le 14 juillet 2020, lors du défilé qui a réuni des milliers de personnes sur les Champs-Élysées.", None),
    # the regional press's « Ville, le 22 juillet 2024. » and « … : »
    ("Titre\n\nCarhaix, le 22 juillet 2024. Le festival a accueilli 295.000 festivaliers en quatre jours, un record.",
     "2024-07-22"),
    ("Titre\n\nLyon, le 3 avril 2024 : la ville a décidé de fermer ses piscines pour tout l'été, et plus longtemps.",
     "2024-04-03"),
    # …but not a body sentence that merely ends on a date
    ("Titre\n\nLe maire, élu le 3 mars 2020. Puis il a décidé de reconstruire la salle des fêtes de la commune.", None),
])
def test_datelines(text: str, expected: str | None) -> None:
    assert extract_date(text) == expected


def test_sidecar_overrides_metadata_and_changes_trigger_a_new_read(tmp_path: Path) -> None:
    art_path = tmp_path / "page.html"
    art_path.write_bytes(news_page())
    side = tmp_path / "page.html.json"
    side.write_text(json.dumps({"date": "2024-03-10T09:00:00", "title": "Titre choisi", "author": "A. B.",
                                "site": "Archives"}), encoding="utf-8")
    files = scan_corpus(tmp_path)
    assert [f.source for f in files] == ["page.html"]  # the sidecar is not an article
    assert files[0].size == art_path.stat().st_size + side.stat().st_size
    art = read_article(files[0])
    assert (art.title, art.date, art.author, art.site, art.date_source) == (
        "Titre choisi", "2024-03-10", "A. B.", "Archives", "sidecar")
    before = (files[0].size, files[0].mtime_ns)
    side.write_text(json.dumps({"date": "2024-03-11"}), encoding="utf-8")
    os.utime(side, ns=(files[0].mtime_ns + 10**9, files[0].mtime_ns + 10**9))
    after = scan_corpus(tmp_path)[0]
    assert (after.size, after.mtime_ns) != before
    art2 = read_article(after)
    assert art2.date == "2024-03-11" and art2.title == NEWS_TITLE and art2.sha1 != art.sha1


def test_bad_sidecar_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nUn texte.", encoding="utf-8")
    (tmp_path / "a.txt.json").write_text("{date: hier}", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Titre\n\nUn texte.", encoding="utf-8")
    (tmp_path / "b.txt.json").write_text('{"date": "12/03/2024"}', encoding="utf-8")
    reasons = {}
    for f in scan_corpus(tmp_path):
        with pytest.raises(UnreadableArticle) as info:
            read_article(f)
        reasons[f.source] = info.value.reason
    assert "a.txt.json" in reasons["a.txt"] and "JSON" in reasons["a.txt"]
    assert "date" in reasons["b.txt"] and "AAAA-MM-JJ" in reasons["b.txt"]


def test_sidecar_edit_reindexes_the_article(tmp_path: Path, embedder) -> None:
    from index.build import build_index
    from index.store import OpenIndex

    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Un titre\n\n" + NEWS_BODY[0] + "\n" + NEWS_BODY[1], encoding="utf-8")
    index_dir = tmp_path / "i"
    build_index(corpus, index_dir, embedder)
    (corpus / "a.txt.json").write_text('{"date": "2023-01-02", "author": "Rédaction"}', encoding="utf-8")
    summary = build_index(corpus, index_dir, embedder)
    assert summary.changed == 1 and not summary.up_to_date
    idx = OpenIndex.open(index_dir)
    art = idx.article("a.txt")
    idx.close()
    assert art["date"] == "2023-01-02" and art["date_source"] == "sidecar" and art["author"] == "Rédaction"


# -- end to end ---------------------------------------------------------------------------------


def test_html_and_pdf_end_to_end(tmp_path: Path, embedder, capsys: pytest.CaptureFixture[str]) -> None:
    from index.build import build_index
    from index.retriever import Retriever
    from index.store import OpenIndex
    from qa.cli import main
    from qa.extractive import ExtractiveAnswerer

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "barrages.html").write_bytes(news_page())
    (corpus / "retraites.pdf").write_bytes(three_page_pdf())
    index_dir = tmp_path / "index"
    summary = build_index(corpus, index_dir, embedder)
    assert summary.skipped == {} and summary.added == 2

    common = ["--corpus", str(corpus), "--index", str(index_dir)]
    assert main(["search", "déficit du système de retraites en 2030", "--json", *common]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    top = hits[0]
    assert top["source"] == "retraites.pdf" and "douze milliards" in top["text"]
    sentence = PAGE_TEXTS[2][0]

    assert main(["show", "retraites.pdf", "--json", *common]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["pages"]) == 3 and shown["kind"] == "pdf"
    assert shown["text"][top["start"] : top["end"]] == top["text"]

    assert main(["show", "barrages.html", *common]) == 0
    out = capsys.readouterr().out
    assert out.startswith(NEWS_TITLE + "\n\n") and NEWS_BODY[2] in out and COMMENT_TEXT not in out

    idx = OpenIndex.open(index_dir)
    try:
        offset = top["start"] + top["text"].index(sentence)  # the sentence on page 3
        assert idx.page_of("retraites.pdf", offset) == 3
        assert idx.page_of("retraites.pdf", top["start"] + top["text"].index(PAGE_TEXTS[1][0])) == 2
        answer = ExtractiveAnswerer(idx, Retriever(idx, embedder)).ask(
            "Quel déficit le système de retraites atteindra-t-il en 2030 ?")
        cited = [c for c in answer.citations if c.source == "retraites.pdf"]
        assert cited and cited[0].page == 3 and "douze milliards" in cited[0].quote
        meta = idx.article("barrages.html")
        assert (meta["kind"], meta["date"], meta["author"], meta["site"]) == (
            "html", "2024-03-12", "Claire Dumont", "La Gazette du Centre")
    finally:
        idx.close()
