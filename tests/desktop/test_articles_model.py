"""The « Articles » panel as a model/view: states, metadata columns, filter, sort, and 10,000 rows.

Snapshots are built by hand (no index needed): the panel only reads what the core hands it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.articles_panel import (
    CHANGED, DATE, DETAIL, FAILED, INDEXED, NEW, ORIGIN, REMOVED, STATE, STATE_COLOURS, TITLE, ArticlesPanel,
    article_rows,
)
from desktop.core import Snapshot
from index.build import Staleness
from index.store import ArticleInfo


def info(source: str, title: str, date: str | None = None, **kw) -> ArticleInfo:
    return ArticleInfo(source, title, date, "0" * 40, 100, 0, kw.pop("n_passages", 3), **kw)


def staleness(added=(), changed=(), removed=()) -> Staleness:
    return Staleness(added=list(added), changed=list(changed), removed=list(removed))


def sample_snapshot() -> Snapshot:
    arts = [
        info("a.txt", "Élections à Lyon", "2024-03-12"),
        info("b.html", "Le budget voté", "2023-11-01", author="Marie Dupont", site="Le Progrès", kind="html",
             date_source="metadata"),
        info("c.pdf", "Rapport annuel", None, kind="pdf", n_pages=12),
        info("d.txt", "Le budget voté (copie)", "2023-11-02", dup_of="b.html"),
        info("e.txt", "Article modifié", "2022-01-05"),
        info("f.txt", "Article retiré", None),
    ]
    return Snapshot(arts, {"g.pdf": "PDF protégé par un mot de passe"},
                    staleness(added=["h.html"], changed=["e.txt"], removed=["f.txt"]))


def test_states_metadata_and_signals(qtbot) -> None:
    panel = ArticlesPanel()
    qtbot.addWidget(panel)
    panel.set_snapshot(sample_snapshot())
    assert panel.state_of("a.txt") == INDEXED and panel.state_of("e.txt") == CHANGED
    assert panel.state_of("f.txt") == REMOVED and panel.state_of("g.pdf") == FAILED
    assert panel.state_of("h.html") == NEW and panel.state_of("nope.txt") is None
    m = panel.model
    row = m.row_of("b.html")
    assert m.index(row, DATE).data() == "1er novembre 2023"
    assert m.index(row, ORIGIN).data() == "Le Progrès · Marie Dupont"
    assert m.index(row, DETAIL).data() == "HTML · 3 passages"
    assert m.index(m.row_of("c.pdf"), DETAIL).data() == "PDF · 12 p. · 3 passages"
    assert m.index(m.row_of("a.txt"), DETAIL).data() == "3 passages"
    assert m.index(m.row_of("h.html"), DETAIL).data() == "pas encore indexé"
    assert m.rows[m.row_of("h.html")].kind == "html"  # not indexed yet: from its name
    dup = m.index(m.row_of("d.txt"), DETAIL).data()
    assert "doublon de « Le budget voté »" in dup
    assert m.index(m.row_of("d.txt"), STATE).data() == "doublon" and panel.state_of("d.txt") == INDEXED
    failed = m.index(m.row_of("g.pdf"), STATE)
    assert failed.data(Qt.ItemDataRole.ForegroundRole).color().name() == STATE_COLOURS[FAILED]
    assert m.index(m.row_of("g.pdf"), DETAIL).data() == "PDF protégé par un mot de passe"
    assert "1 doublon" in panel.summary.text() and "1 échec" in panel.summary.text()
    # Rows still unpack as they did before they carried metadata.
    source, title, date, state, detail = article_rows(sample_snapshot())[0]
    assert (source, state) == ("a.txt", INDEXED)

    # Activate (Enter / double-click) opens, « Retirer » asks for the selected one.
    assert panel.select("a.txt")
    with qtbot.waitSignal(panel.article_activated) as opened:
        panel.view.activated.emit(panel.view.currentIndex())
    assert opened.args == ["a.txt"]
    assert panel.remove_button.isEnabled()
    with qtbot.waitSignal(panel.remove_requested) as removed:
        panel.remove_button.click()
    assert removed.args == ["a.txt"]
    # The selection survives a refresh of the snapshot.
    panel.set_snapshot(sample_snapshot())
    assert panel.selected_source() == "a.txt"


def test_filter_ignores_accents_and_matches_metadata(qtbot) -> None:
    panel = ArticlesPanel()
    qtbot.addWidget(panel)
    panel.set_snapshot(sample_snapshot())
    panel.filter.setText("elections")
    assert panel.visible_sources() == ["a.txt"]
    panel.filter.setText("progrès dupont")  # site and author, every word must match
    assert panel.visible_sources() == ["b.html"]
    panel.filter.setText("mars 2024")  # the date as shown
    assert panel.visible_sources() == ["a.txt"]
    panel.filter.setText("échec")
    assert panel.visible_sources() == ["g.pdf"]
    panel.filter.clear()
    assert len(panel.visible_sources()) == 8


def test_sort_by_date_and_title(qtbot) -> None:
    panel = ArticlesPanel()
    qtbot.addWidget(panel)
    panel.set_snapshot(sample_snapshot())
    # Default: newest first, undated last.
    dated = [s for s in panel.visible_sources() if panel.model.rows[panel.model.row_of(s)].date]
    assert dated == ["a.txt", "d.txt", "b.html", "e.txt"]
    undated = panel.visible_sources()[len(dated):]
    assert undated == ["f.txt", "g.pdf", "h.html", "c.pdf"]  # A→Z by title even when dates go newest first
    panel.view.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    assert [s for s in panel.visible_sources() if s in dated] == ["e.txt", "b.html", "d.txt", "a.txt"]
    assert panel.select("b.html")
    panel.view.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    titles = [panel.model.rows[panel.model.row_of(s)].title for s in panel.visible_sources()]
    assert titles[0] == "Article modifié" and titles.index("Élections à Lyon") < titles.index("g.pdf")
    assert panel.selected_source() == "b.html"  # sorting keeps the selection
    # The filter and the sort combine.
    panel.filter.setText("budget")
    assert panel.visible_sources() == ["b.html", "d.txt"]


def test_ten_thousand_articles_one_model_no_item_widgets(qtbot) -> None:
    arts = [info(f"{i:05d}.txt", f"Article numéro {i}", f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                 site="Ouest-France" if i % 3 else None, kind="pdf" if i % 7 == 0 else "text",
                 n_pages=4 if i % 7 == 0 else 0)
            for i in range(10_000)]
    panel = ArticlesPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 500)
    panel.show()
    panel.set_snapshot(Snapshot(arts, {}, staleness()))
    assert panel.model.rowCount() == 10_000 and panel.proxy.rowCount() == 10_000
    assert panel.view.model() is panel.proxy and panel.proxy.sourceModel() is panel.model
    assert panel.view.uniformRowHeights()
    # No widget per article: the view's viewport has no children standing for rows.
    assert not panel.view.viewport().findChildren(QWidget)
    assert len(panel.findChildren(QWidget)) < 40
    # Newest first; the last rows scroll into view.
    first = panel.visible_sources()[0]
    assert panel.model.rows[panel.model.row_of(first)].date == max(a.date for a in arts)
    panel.view.scrollToBottom()
    panel.filter.setText("numéro 9999")
    qtbot.waitUntil(lambda: panel.visible_sources() == ["09999.txt"], timeout=3000)
