"""The ranked evidence under the answer: source, date, quoted passage, score.

Activating a row (click, or Enter) asks the window to show that passage in its article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from qa.dates import format_date

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import Answer

SPAN_ROLE = Qt.ItemDataRole.UserRole


def _excerpt(text: str, limit: int = 260) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


class EvidenceList(QTreeWidget):
    evidence_activated = Signal(str, int, int)  # source, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabels(["#", "Source", "Date", "Passage", "Pertinence"])
        self.headerItem().setToolTip(4, "Probabilité, selon le reclassement, que ce passage réponde à la question "
                                        "(à défaut : score de recherche BM25 + vecteurs)")
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        h = self.header()
        h.setStretchLastSection(False)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(1, 170)
        self.itemClicked.connect(self._activated)
        self.itemActivated.connect(self._activated)

    def show_answer(self, answer: "Answer", dates: dict[str, str | None]) -> None:
        self.clear()
        for rank, ev in enumerate(answer.passages, 1):
            date = dates.get(ev.source)
            weight = f"{ev.relevance:.0%}" if ev.relevance is not None else f"{ev.score:.2f}"
            item = QTreeWidgetItem([str(rank), ev.title, format_date(date) if date else "", _excerpt(ev.text), weight])
            item.setToolTip(4, f"score de recherche {ev.score:.3f}"
                            + (f", pertinence {ev.relevance:.1%}" if ev.relevance is not None else ""))
            item.setData(0, SPAN_ROLE, (ev.source, ev.start, ev.end))
            item.setToolTip(1, f"{ev.title}\n{ev.source}")
            item.setToolTip(3, " ".join(ev.text.split()))
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.addTopLevelItem(item)
        # The sample corpus and many feeds carry no dates: no empty column then.
        self.setColumnHidden(2, not any(dates.get(ev.source) for ev in answer.passages))

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        source, start, end = item.data(0, SPAN_ROLE)
        self.evidence_activated.emit(source, int(start), int(end))
