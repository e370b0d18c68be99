"""Every article of the corpus with its title, date and state, and the corpus actions.

States come from the core: the index's articles (« indexé »), its skipped files (« échec » with
the reason), and the folder's changes since the last build (``check_staleness``: « nouveau »,
« modifié », « supprimé »). Nothing here reads article files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

if TYPE_CHECKING:  # pragma: no cover
    from desktop.core import Snapshot

SOURCE_ROLE = Qt.ItemDataRole.UserRole
INDEXED, CHANGED, NEW, REMOVED, FAILED = "indexé", "modifié", "nouveau", "supprimé", "échec"
STATE_COLOURS = {CHANGED: "#8a5a00", NEW: "#1a5fb4", REMOVED: "#7a7a7a", FAILED: "#b42318"}


def article_rows(snap: "Snapshot") -> list[tuple[str, str, str, str, str]]:
    """(source, title, date, state, detail) for every article the user should see."""
    st = snap.staleness
    changed, added, removed = set(st.changed), set(st.added), set(st.removed)
    rows = []
    for a in snap.articles:
        state = REMOVED if a.source in removed else CHANGED if a.source in changed else INDEXED
        rows.append((a.source, a.title, a.date or "", state, f"{a.n_passages} passages"))
    for source, reason in snap.skipped.items():
        state = REMOVED if source in removed else CHANGED if source in changed else FAILED
        rows.append((source, source, "", state, reason))
    known = {r[0] for r in rows}
    for source in sorted(added - known):
        rows.append((source, source, "", NEW, "pas encore indexé"))
    return sorted(rows, key=lambda r: r[0])


class ArticlesPanel(QWidget):
    add_requested = Signal()
    remove_requested = Signal(str)
    update_requested = Signal()
    rebuild_requested = Signal()
    article_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_button = QPushButton("Ajouter des articles…")
        self.add_button.setToolTip("Copier des fichiers .txt ou .md dans le corpus (ou déposez-les sur la fenêtre)")
        self.remove_button = QPushButton("Retirer")
        self.remove_button.setToolTip("Retirer l'article sélectionné du corpus (une copie est conservée)")
        self.remove_button.setEnabled(False)
        self.update_button = QPushButton("Mettre à jour l'index")
        self.update_button.setToolTip("Indexer les articles nouveaux ou modifiés (incrémental)")
        self.rebuild_button = QPushButton("Reconstruire")
        self.rebuild_button.setToolTip("Reconstruire tout l'index")
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filtrer les articles…")
        self.filter.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Titre", "Date", "État", "Détail"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSortingEnabled(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        h = self.tree.header()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        h.setStretchLastSection(False)
        self.tree.setColumnWidth(3, 160)

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
        lay.addWidget(self.tree, 1)
        lay.addWidget(self.summary)

        self.add_button.clicked.connect(self.add_requested)
        self.update_button.clicked.connect(self.update_requested)
        self.rebuild_button.clicked.connect(self.rebuild_requested)
        self.remove_button.clicked.connect(self._remove)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemSelectionChanged.connect(self._selection)
        self.tree.itemActivated.connect(lambda item, _c: self.article_activated.emit(item.data(0, SOURCE_ROLE)))
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.article_activated.emit(item.data(0, SOURCE_ROLE)))
        self.rows: list[tuple[str, str, str, str, str]] = []

    def set_snapshot(self, snap: "Snapshot") -> None:
        selected = self.selected_source()
        self.rows = article_rows(snap)
        self.tree.setSortingEnabled(False)
        self.tree.clear()
        for source, title, date, state, detail in self.rows:
            item = QTreeWidgetItem([title, date, state, detail])
            item.setData(0, SOURCE_ROLE, source)
            item.setToolTip(0, f"{title}\n{source}")
            item.setToolTip(3, detail)
            if state in STATE_COLOURS:
                item.setForeground(2, QBrush(QColor(STATE_COLOURS[state])))
            self.tree.addTopLevelItem(item)
            if source == selected:
                item.setSelected(True)
        self.tree.setSortingEnabled(True)
        self.tree.setColumnHidden(1, not any(r[2] for r in self.rows))  # no dates known: no empty column
        counts = {s: sum(1 for r in self.rows if r[3] == s) for s in (INDEXED, CHANGED, NEW, REMOVED, FAILED)}
        parts = [f"{counts[INDEXED]} indexé(s)"]
        parts += [f"{n} {s}" + ("s" if n > 1 and s not in ("échec",) else "") for s, n in counts.items() if n and s != INDEXED]
        self.summary.setText(" · ".join(parts))
        self._apply_filter(self.filter.text())

    def state_of(self, source: str) -> str | None:
        return next((r[3] for r in self.rows if r[0] == source), None)

    def selected_source(self) -> str | None:
        items = self.tree.selectedItems()
        return items[0].data(0, SOURCE_ROLE) if items else None

    def _selection(self) -> None:
        self.remove_button.setEnabled(self.selected_source() is not None and self.isEnabled())

    def _remove(self) -> None:
        source = self.selected_source()
        if source:
            self.remove_requested.emit(source)

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            hay = f"{item.text(0)} {item.data(0, SOURCE_ROLE)} {item.text(1)} {item.text(2)}".lower()
            item.setHidden(bool(needle) and needle not in hay)

    def set_busy(self, busy: bool) -> None:
        """While an index operation runs, corpus edits wait (questions still work)."""
        for b in (self.update_button, self.rebuild_button):
            b.setEnabled(not busy)
