"""Citations name their date and page; the source viewer shows a PDF's pages without moving offsets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor

from desktop.answer_view import AnswerView, answer_html, citation_place
from desktop.source_viewer import PAGE_COLOUR, SourceViewer
from qa.answer import Answer, Citation

PAGES = ["Rapport annuel de la région 🌍 Bretagne\n\nLe conseil régional a publié son rapport.",
         "Les dépenses ont augmenté de 4 % en 2023.\nLa dette reste stable.",
         "Le président a annoncé un plan de 2,5 milliards d'euros pour les transports."]


def paged_text() -> tuple[str, list[int]]:
    text, starts = "", []
    for page in PAGES:
        if text:
            text += "\n\n"
        starts.append(len(text))
        text += page
    return text, starts


def test_citation_label_date_page_and_other_copies(qtbot) -> None:
    c = Citation(1, "rapport.pdf", "Rapport annuel", 10, 40, "Le président a annoncé un plan.", page=3,
                 date="2024-03-12", also_in=("copie.txt", "inconnu.html"))
    assert citation_place(c) == "Rapport annuel — 12 mars 2024, p.\u00a03"
    assert citation_place(Citation(2, "a.txt", "Sans date", 0, 1, "x")) == "Sans date"
    # The article's date as the window knows it when the citation carries none.
    assert citation_place(Citation(2, "a.txt", "T", 0, 1, "x"), {"a.txt": "2023-11-01"}) == "T — 1er novembre 2023"
    answer = Answer("Quel plan ?", "Un plan de 2,5 milliards [1].", False, "extractive", [c])
    out = answer_html(answer, {}, titles={"copie.txt": "Rapport (copie)"})
    assert "Rapport annuel — 12 mars 2024, p.\u00a03" in out
    assert "aussi dans\u00a0: Rapport (copie), inconnu.html" in out
    # A copy with the same title is named by its site (else its file).
    same = Citation(1, "a.txt", "Même titre", 0, 1, "x", also_in=("b.txt", "c.txt"))
    from desktop.answer_view import also_in_text

    assert also_in_text(same, {"b.txt": "Même titre", "c.txt": "Même titre"}, {"b.txt": "Ouest-France"}) \
        == "aussi dans\u00a0: Ouest-France, c.txt"
    view = AnswerView()
    qtbot.addWidget(view)
    view.titles = {"copie.txt": "Rapport (copie)"}
    view.show_answer(answer, {})
    shown = view.toPlainText().replace("\u00a0", " ")
    assert "Rapport annuel — 12 mars 2024, p. 3" in shown and "aussi dans : Rapport (copie)" in shown
    assert view.anchor_position(1) >= 0


def count_colour(image, colour: QColor) -> int:
    rgb = colour.rgb()
    return sum(1 for y in range(image.height()) for x in range(0, image.width(), 2) if image.pixel(x, y) == rgb)


def test_viewer_pages_header_and_exact_highlight(qtbot, tmp_path: Path) -> None:
    text, starts = paged_text()
    quote = "Le président a annoncé un plan de 2,5 milliards d'euros pour les transports."
    start = text.index(quote)
    viewer = SourceViewer()
    qtbot.addWidget(viewer)
    viewer.resize(600, 500)
    viewer.show()
    viewer.show_article("rapport.pdf", "Rapport annuel", "2024-03-12", text, tmp_path / "rapport.pdf",
                        [], (start, start + len(quote)), author="Marie Dupont", site="Région Bretagne",
                        pages=starts, kind="pdf")
    assert viewer.title.text() == "Rapport annuel"
    meta = viewer.meta.text()
    assert "12 mars 2024 · Marie Dupont · Région Bretagne · PDF, 3 pages" in meta and "rapport.pdf" in meta
    assert viewer.page_label.isVisible() and viewer.page_label.text() == "p.\u00a03"
    # The text is the article's, untouched: offsets (past an emoji, two UTF-16 units) stay exact.
    assert viewer.text.toPlainText() == text
    assert viewer.highlighted_text() == quote
    # Two separators (before pages 2 and 3) are painted.
    image = viewer.text.viewport().grab().toImage()
    assert count_colour(image, PAGE_COLOUR) > 20
    # A text article: no page label, no separators.
    viewer.show_article("a.txt", "Brève", None, "Une brève.\n\nSans pages.", None, [], (0, 10))
    assert not viewer.page_label.isVisible() and viewer.text.page_starts == []
    assert count_colour(viewer.text.viewport().grab().toImage(), PAGE_COLOUR) == 0
    assert viewer.meta.text() == "a.txt"



def test_long_pdf_separators_follow_the_scroll(qtbot) -> None:
    pages = [f"Page {i} : " + "Le conseil a délibéré longuement sur le budget. " * 8 for i in range(1, 61)]
    text, starts = "", []
    for page in pages:
        text += "\n\n" if text else ""
        starts.append(len(text))
        text += page
    viewer = SourceViewer()
    qtbot.addWidget(viewer)
    viewer.resize(500, 400)
    viewer.show()
    quote = "Page 45 : Le conseil a délibéré longuement sur le budget."
    start = text.index(quote)
    viewer.show_article("long.pdf", "Long", None, text, None, [], (start, start + len(quote)), pages=starts, kind="pdf")
    assert viewer.page_label.text() == "p.\u00a045" and viewer.highlighted_text() == quote
    qtbot.waitUntil(lambda: viewer.text.firstVisibleBlock().position() > starts[40], timeout=3000)
    assert count_colour(viewer.text.viewport().grab().toImage(), PAGE_COLOUR) > 20

def write_pdf(path: Path, pages: list[list[str]]) -> None:
    """A real multi-page PDF (fpdf2, a dev dependency), one paragraph per line."""
    from fpdf import FPDF

    pdf = FPDF()
    for lines in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        for line in lines:
            pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
    pdf.output(str(path))


TRANSPORT_PAGES = [
    ["Rapport annuel du syndicat des transports de Rennes",
     "La frequentation du reseau a atteint 92 millions de voyages en 2023."],
    ["Investissements",
     "Le conseil syndical a vote un plan d'investissement de 310 millions d'euros."],
    ["Tarifs",
     "Le ticket a l'unite passera de 1,60 euro a 1,70 euro au 1er juillet 2024."],
]


def test_dropped_pdf_is_cited_with_date_and_page(qtbot, make_window, corpus_copy, index_copy, tmp_path) -> None:
    from desktop.articles_panel import FAILED, INDEXED
    from tests.desktop.conftest import ask
    from tests.desktop.test_ask import click_citation
    from tests.desktop.test_index_ops import drop_files

    window = make_window(corpus_copy, index_copy)
    depot = tmp_path / "depot"
    depot.mkdir()
    pdf = depot / "rapport-transports.pdf"
    write_pdf(pdf, TRANSPORT_PAGES)
    (depot / "rapport-transports.pdf.json").write_text('{"date": "2024-01-15", "site": "Star"}', encoding="utf-8")
    with qtbot.waitSignal(window.index_swapped, timeout=120_000):
        drop_files(window, [pdf, depot / "rapport-transports.pdf.json"])
    assert (corpus_copy / "rapport-transports.pdf.json").exists()  # the sidecar travelled
    qtbot.waitUntil(lambda: window.articles.state_of(pdf.name) in (INDEXED, FAILED), timeout=10_000)
    if window.articles.state_of(pdf.name) == FAILED:
        import pytest

        pytest.skip("le lecteur PDF n'est pas disponible : " + window.core.index.skipped().get(pdf.name, ""))
    answer = ask(qtbot, window, "Combien coûtera le ticket de transport à l'unité en juillet 2024 ?")
    c = next((c for c in answer.citations if c.source == pdf.name), None)
    assert c is not None, answer.to_json() if hasattr(answer, "to_json") else answer
    assert c.page == 3 and c.date == "2024-01-15"
    shown = window.answer_view.toPlainText().replace("\u00a0", " ")
    assert f"{c.title} — 15 janvier 2024, p. 3" in shown
    click_citation(qtbot, window, c.n)
    qtbot.waitUntil(lambda: window.viewer.source == pdf.name, timeout=5000)
    assert window.viewer.highlighted_text() == c.quote
    assert window.viewer.page_label.text() == "p.\u00a03"
    assert "15 janvier 2024 · Star · PDF, 3 pages" in window.viewer.meta.text()
    assert len(window.viewer.text.page_starts) == 3
