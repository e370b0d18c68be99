"""Every article of the corpus with its title, date and state, and the corpus actions.

States come from the core: the index's articles (« indexé »), its skipped files (« échec » with
the reason), and the folder's changes since the last build (``check_staleness``: « nouveau »,
« modifié », « supprimé »). Nothing here reads article files.

Why a model/view and not one item object per article: a corpus of 10,000 articles must load at
once and scroll smoothly. :class:`ArticlesModel` keeps plain Python rows and answers the view's
questions for the rows on screen only; sorting is done on the Python list (one key per row, not
a Qt comparison per pair), and the filter box matches a precomputed, accent-folded text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTreeView, QVBoxLayout, QWidget,
)

from desktop.qt_guard import protect_none
from qa.dates import format_date

# Filling views calls Qt once per row or cell: never let PySide6 6.12 on Python 3.11 exhaust None
# (see desktop/qt_guard.py).
protect_none()

if TYPE_CHECKING:  # pragma: no cover
    from desktop.core import Snapshot

SOURCE_ROLE = Qt.ItemDataRole.UserRole
INDEXED, CHANGED, NEW, REMOVED, FAILED = "indexé", "modifié", "nouveau", "supprimé", "échec"
STATE_COLOURS = {CHANGED: "#8a5a00", NEW: "#1a5fb4", REMOVED: "#7a7a7a", FAILED: "#b42318"}
DUPLICATE_COLOUR = "#7a7a7a"
#: shown in the state column for an indexed near-duplicate (its state stays INDEXED)
DUPLICATE = "doublon"
KIND_LABELS = {"html": "HTML", "pdf": "PDF", "text": "texte"}

#: « Source » is the site and author when known, else the file; the format (HTML, PDF and its
#: pages) opens « Détail »: a sixth column would leave the titles no room in a half window.
COLUMNS = ("Titre", "Date", "Source", "État", "Détail")
TITLE, DATE, ORIGIN, STATE, DETAIL = range(len(COLUMNS))
#: above this many rows, typing in the filter box waits for a pause before filtering
FILTER_DEBOUNCE_ROWS = 2000


_COMBINING = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents: « Élysée » matches « elysee ». Called for every row of a
    large corpus: a decomposition and one regular-expression pass, both in C."""
    text = text.lower()
    if text.isascii():
        return text
    text = _COMBINING.sub("", unicodedata.normalize("NFD", text))
    return text.replace("œ", "oe").replace("æ", "ae") if "œ" in text or "æ" in text else text


def _kind_of(source: str) -> str:
    """The format of a file not (yet) in the index, from its name."""
    low = source.lower()
    if low.endswith((".html", ".htm")):
        return "html"
    if low.endswith(".pdf"):
        return "pdf"
    return "text"


@dataclass
class ArticleRow:
    """One line of the panel, with everything the view asks for computed once."""

    source: str
    title: str
    date: str  # ISO, "" when unknown
    state: str
    detail: str
    author: str = ""
    site: str = ""
    kind: str = "text"
    n_pages: int = 0
    dup_of: str = ""  # the source this article is a near-duplicate of
    dup_title: str = ""

    def __post_init__(self) -> None:
        self.date_text = format_date(self.date) if self.date else ""
        self.origin = " · ".join(x for x in (self.site, self.author) if x)
        label = KIND_LABELS.get(self.kind, self.kind)
        if self.kind == "pdf" and self.n_pages:
            label += f" · {self.n_pages} p."
        self.kind_text = label
        if self.kind != "text" and self.state in (INDEXED, CHANGED, REMOVED) and not self.detail.startswith(label):
            self.detail = f"{label} · {self.detail}"
        if self.dup_of:
            self.detail = f"{self.detail} · doublon de « {self.dup_title or self.dup_of} »"

    @cached_property
    def title_key(self) -> str:
        return fold(self.title)

    @cached_property
    def haystack(self) -> str:
        """What the filter box searches (computed on the first filtering only)."""
        return fold(" ".join((self.title, self.source, self.date_text, self.date, self.origin,
                              self.kind_text, self.state, self.detail)))

    def __iter__(self) -> Any:
        """(source, title, date, state, detail), as the rows were before they had metadata."""
        return iter((self.source, self.title, self.date, self.state, self.detail))

    def __getitem__(self, i: int) -> str:
        return (self.source, self.title, self.date, self.state, self.detail)[i]

    def text(self, column: int) -> str:
        if column == TITLE:
            return self.title
        if column == DATE:
            return self.date_text
        if column == ORIGIN:
            return self.origin or self.source
        if column == STATE:
            return self.state
        return self.detail

    def sort_key(self, column: int) -> Any:
        """The column's own value; ties are broken by title, always A→Z (see ``_sort_rows``)."""
        if column == DATE:
            return self.date
        if column == ORIGIN:
            return fold(self.origin or self.source)
        if column == STATE:
            return DUPLICATE if self.dup_of and self.state == INDEXED else self.state
        if column == DETAIL:
            return fold(self.detail)
        return (self.title_key, self.source)


def article_rows(snap: "Snapshot") -> list[ArticleRow]:
    """Every article the user should see (rows also unpack as (source, title, date, state, detail))."""
    st = snap.staleness
    changed, added, removed = set(st.changed), set(st.added), set(st.removed)
    titles = {a.source: a.title for a in snap.articles}
    rows = []
    for a in snap.articles:
        state = REMOVED if a.source in removed else CHANGED if a.source in changed else INDEXED
        rows.append(ArticleRow(
            a.source, a.title, a.date or "", state, f"{a.n_passages} passage{'s' if a.n_passages > 1 else ''}",
            getattr(a, "author", None) or "", getattr(a, "site", None) or "", getattr(a, "kind", None) or "text",
            getattr(a, "n_pages", 0) or 0, getattr(a, "dup_of", None) or "",
            titles.get(getattr(a, "dup_of", None) or "", "")))
    for source, reason in snap.skipped.items():
        state = REMOVED if source in removed else CHANGED if source in changed else FAILED
        rows.append(ArticleRow(source, source, "", state, reason, kind=_kind_of(source)))
    known = {r.source for r in rows}
    for source in sorted(added - known):
        rows.append(ArticleRow(source, source, "", NEW, "pas encore indexé", kind=_kind_of(source)))
    return sorted(rows, key=lambda r: r.source)


class ArticlesModel(QAbstractTableModel):
    """The rows of :func:`article_rows` as a table; sorts itself (see the module docstring)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleRow] = []
        self._row_of: dict[str, int] = {}
        self._sort: tuple[int, Qt.SortOrder] = (DATE, Qt.SortOrder.DescendingOrder)
        self._colours = {s: QBrush(QColor(c)) for s, c in STATE_COLOURS.items()}
        self._dup_brush = QBrush(QColor(DUPLICATE_COLOUR))

    # -- Qt's questions ------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == STATE and row.dup_of and row.state == INDEXED:
                return DUPLICATE  # indexed, but answers cite the other copy: say so where states are read
            return row.text(col)
        if role == SOURCE_ROLE:
            return row.source
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == STATE:
                return self._dup_brush if row.dup_of and row.state == INDEXED else self._colours.get(row.state)
            if col == ORIGIN and not row.origin:
                return self._dup_brush  # a file name standing in for an unknown site: greyed
            if col == DETAIL and row.dup_of:
                return self._dup_brush
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        return None

    @staticmethod
    def _tooltip(row: ArticleRow, col: int) -> str:
        if col == DETAIL:
            return row.detail
        lines = [row.title, row.source]
        if row.date_text:
            lines.append(row.date_text)
        if row.origin:
            lines.append(row.origin)
        if row.dup_of:
            lines.append(f"Doublon de « {row.dup_title or row.dup_of} » ({row.dup_of}) : "
                         "les réponses citent l'autre exemplaire.")
        return "\n".join(lines)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self.rows[p.row()].source, p.column()) for p in persistent]
        self._sort_rows()
        self.changePersistentIndexList(persistent, [self.index(self._row_of[s], c) for s, c in before])
        self.layoutChanged.emit()

    # -- ours ----------------------------------------------------------------------------------
    def set_rows(self, rows: list[ArticleRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def _sort_rows(self) -> None:
        column, order = self._sort
        # Two stable passes: titles A→Z, then the column (reversed or not). Newest first then
        # keeps the undated articles, and any equal dates, in title order.
        self.rows.sort(key=lambda r: (r.title_key, r.source))
        if column != TITLE:
            self.rows.sort(key=lambda r: r.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        elif order == Qt.SortOrder.DescendingOrder:
            self.rows.reverse()
        self._row_of = {r.source: i for i, r in enumerate(self.rows)}

    def row_of(self, source: str) -> int | None:
        return self._row_of.get(source)


class ArticlesFilter(QSortFilterProxyModel):
    """The filter box: every word must appear (accents and case ignored). Sorting is the model's."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_needle(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        hay = self.sourceModel().rows[source_row].haystack  # type: ignore[attr-defined]
        return all(w in hay for w in self._words)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)


class ArticlesPanel(QWidget):
    add_requested = Signal()
    remove_requested = Signal(str)
    update_requested = Signal()
    rebuild_requested = Signal()
    article_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = QPushButton("Ajouter des articles…")
        self.add_button.setToolTip("Copier des fichiers .txt, .md, .html ou .pdf dans le corpus "
                                   "(ou déposez-les sur la fenêtre)")
        self.remove_button = QPushButton("Retirer")
        self.remove_button.setToolTip("Retirer l'article sélectionné du corpus (une copie est conservée)")
        self.remove_button.setEnabled(False)
        self.update_button = QPushButton("Mettre à jour l'index")
        self.update_button.setToolTip("Indexer les articles nouveaux ou modifiés (incrémental)")
        self.rebuild_button = QPushButton("Reconstruire")
        self.rebuild_button.setToolTip("Reconstruire tout l'index")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filtrer les articles (titre, date, site, auteur, état…)")
        self.filter.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("hint")

        self.model = ArticlesModel(self)
        self.proxy = ArticlesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTreeView()
        self.tree = self.view  # the name the window and older tests knew
        self.view.setModel(self.proxy)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSortingEnabled(True)
        h = self.view.header()
        h.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)
        h.setStretchLastSection(False)
        # Fixed, interactive widths: « resize to contents » would measure every one of 10,000 rows.
        for col in range(len(COLUMNS)):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.view.setMinimumWidth(260)
        self.view.installEventFilter(self)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(lambda: self._apply_filter(self.filter.text()))

        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addStretch(1)
        top.addWidget(self.update_button)
        top.addWidget(self.rebuild_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.filter)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.summary)

        self.add_button.clicked.connect(self.add_requested)
        self.update_button.clicked.connect(self.update_requested)
        self.rebuild_button.clicked.connect(self.rebuild_requested)
        self.remove_button.clicked.connect(self._remove)
        self.filter.textChanged.connect(self._filter_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        # ``activated``: double-click, or Enter on the current row (one signal for both).
        self.view.activated.connect(self._activated)
        self._shown: tuple[Any, ...] | None = None

    @property
    def rows(self) -> list[ArticleRow]:
        return self.model.rows

    def set_snapshot(self, snap: "Snapshot") -> None:
        st = snap.staleness
        key = (snap.articles, snap.skipped, st.added, st.changed, st.removed)
        if key == self._shown:
            return  # the window refreshes on every activation: an unchanged corpus costs nothing
        self._shown = (list(snap.articles), dict(snap.skipped), list(st.added), list(st.changed), list(st.removed))
        selected = self.selected_source()
        rows = article_rows(snap)
        self.model.set_rows(rows)
        self.view.setColumnHidden(DATE, not any(r.date for r in rows))  # no dates known: no empty column
        self._fit_columns()
        if selected is not None:
            self.select(selected)
        counts = {s: 0 for s in (INDEXED, CHANGED, NEW, REMOVED, FAILED)}
        dups = 0
        for r in rows:
            counts[r.state] = counts.get(r.state, 0) + 1
            dups += bool(r.dup_of)
        parts = [f"{counts[INDEXED]} indexé(s)"]
        plurals = {CHANGED: "modifiés", NEW: "nouveaux", REMOVED: "supprimés", FAILED: "échecs"}
        parts += [f"{n} {plurals[s] if n > 1 else s}" for s, n in counts.items() if n and s != INDEXED]
        if dups:
            parts.append(f"{dups} doublon{'s' if dups > 1 else ''}")
        self.summary.setText(" · ".join(parts))
        self._apply_filter(self.filter.text())

    def state_of(self, source: str) -> str | None:
        i = self.model.row_of(source)
        return self.model.rows[i].state if i is not None else None

    def selected_source(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(SOURCE_ROLE) if rows else None

    def select(self, source: str) -> bool:
        """Select (and show) ``source``'s row; False when it is not listed or filtered out."""
        i = self.model.row_of(source)
        if i is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(i, 0))
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.view and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Date and state as wide as their texts, the title at least ~40 % of the width, source
        and detail sharing the rest.

        Only distinct dates and states are measured (a few hundred texts at most), never every
        row as « resize to contents » would; the user can still drag the columns.
        """
        fm = self.view.fontMetrics()
        dates = {r.date_text for r in self.model.rows}
        states = {r.state for r in self.model.rows} or {INDEXED}
        header = self.view.header().fontMetrics()
        date_w = max(max((fm.horizontalAdvance(d) for d in dates), default=0), header.horizontalAdvance("Date") + 16) + 18
        state_w = max(max(fm.horizontalAdvance(x) for x in states), header.horizontalAdvance("État") + 16) + 18
        avail = self.view.viewport().width()
        fixed = state_w + (0 if self.view.isColumnHidden(DATE) else date_w)
        flexible = max(2 * 70, min(2 * 200, int(avail * 0.6) - fixed))
        self.view.setColumnWidth(DATE, date_w)
        self.view.setColumnWidth(STATE, state_w)
        self.view.setColumnWidth(ORIGIN, flexible // 2)
        self.view.setColumnWidth(DETAIL, flexible - flexible // 2)

    def _activated(self, index: QModelIndex) -> None:
        source = index.data(SOURCE_ROLE)
        if source:
            self.article_activated.emit(source)

    def _selection(self) -> None:
        self.remove_button.setEnabled(self.selected_source() is not None and self.isEnabled())

    def _remove(self) -> None:
        source = self.selected_source()
        if source:
            self.remove_requested.emit(source)

    def _filter_changed(self, text: str) -> None:
        if len(self.model.rows) > FILTER_DEBOUNCE_ROWS:
            self._filter_timer.start()
        else:
            self._apply_filter(text)

    def _apply_filter(self, text: str) -> None:
        self._filter_timer.stop()
        self.proxy.set_needle(text.strip())

    def visible_sources(self) -> list[str]:
        """The sources shown, in display order (what the user sees after filtering and sorting)."""
        return [self.proxy.index(i, 0).data(SOURCE_ROLE) for i in range(self.proxy.rowCount())]

    def set_busy(self, busy: bool) -> None:
        """While an index operation runs, corpus edits wait (questions still work)."""
        for b in (self.update_button, self.rebuild_button):
            b.setEnabled(not busy)
