"""The whole article, with the cited spans highlighted and the active one scrolled into view.

Offsets from the core are Python string indices (code points) into the article text; Qt's
document positions count UTF-16 code units, so a character outside the BMP (an emoji) counts
twice. :func:`qt_position` converts, so highlights stay exact on any text.

A PDF's pages are start offsets into that same text. Their separators are *painted* over the
blank line between pages (:class:`ArticleText`), never inserted into the document: a marker in
the text would shift every offset after it, and highlights must stay exact.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from typing import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor, QDesktopServices, QFont, QPainter, QPaintEvent, QPen, QTextCharFormat, QTextCursor,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget

from index.ingest import page_of
from qa.dates import format_date

Span = tuple[int, int]

OTHER_COLOUR = QColor("#fff1b8")  # other citations of this article
ACTIVE_COLOUR = QColor("#ffc94d")  # the citation the user clicked
PAGE_COLOUR = QColor("#8c96a3")  # page separators
KIND_LABELS = {"html": "page web", "pdf": "PDF"}


def qt_position(text: str, index: int) -> int:
    """Python index → QTextDocument position (UTF-16 code units)."""
    if text.isascii():
        return index
    prefix = text[:index]
    return index + sum(1 for c in prefix if ord(c) > 0xFFFF)


def qt_positions(text: str, indices: Sequence[int]) -> list[int]:
    """:func:`qt_position` for many sorted indices in one pass over the text."""
    if text.isascii():
        return list(indices)
    out, extra, pos = [], 0, 0
    for index in indices:
        extra += sum(1 for c in text[pos:index] if ord(c) > 0xFFFF)
        pos = max(pos, index)
        out.append(index + extra)
    return out


class ArticleText(QPlainTextEdit):
    """The article's text; for a PDF, a thin rule and « page n » drawn between pages.

    ``page_starts`` are document positions of each page's first character (page 1 first). The
    separator goes in the blank line before a page when there is one (the PDF reader joins
    pages with a blank line), else just above the page's first line.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_starts: list[int] = []

    def set_pages(self, starts: list[int]) -> None:
        self.page_starts = starts
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        if len(self.page_starts) < 2:
            return
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        painter.setFont(font)
        fm = painter.fontMetrics()
        offset = self.contentOffset()
        height = self.viewport().height()
        width = self.viewport().width()
        margin = self.document().documentMargin()
        doc = self.document()
        # Only the pages from the one above the first visible line: a long PDF has hundreds.
        first = bisect.bisect_right(self.page_starts, self.firstVisibleBlock().position())
        for n, pos in enumerate(self.page_starts[max(1, first - 1):], max(2, first)):
            block = doc.findBlock(pos)
            if not block.isValid():
                continue
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height + 40:
                break
            line = block.layout().lineForTextPosition(pos - block.position())
            if line.isValid():
                top += line.y()
            prev = block.previous()
            if pos == block.position() and prev.isValid() and not prev.text().strip():
                area = self.blockBoundingGeometry(prev).translated(offset)
                y = area.center().y()
            else:
                y = top - 1
            if y < -20:
                continue
            label = f"page {n}"
            text_w = fm.horizontalAdvance(label) + 12
            mid = width / 2
            painter.setPen(QPen(PAGE_COLOUR, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(margin, y), QPointF(mid - text_w / 2, y))
            painter.drawLine(QPointF(mid + text_w / 2, y), QPointF(width - margin, y))
            painter.setPen(PAGE_COLOUR)
            painter.drawText(QRectF(mid - text_w / 2, y - fm.height() / 2, text_w, fm.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
        painter.end()


class SourceViewer(QWidget):
    """Title, file path, « Ouvrir le fichier », and the article text with highlights."""

    open_failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("Aucun article affiché")
        self.title.setObjectName("sourceTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel("Cliquez une citation [n] ou un passage pour afficher l'article.")
        self.meta.setObjectName("hint")
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.page_label.setToolTip("Page du passage surligné")
        self.page_label.setStyleSheet(f"QLabel {{ background: {ACTIVE_COLOUR.name()}; border-radius: 3px; "
                                      "padding: 1px 6px; font-weight: 600; }")
        self.page_label.hide()
        self.open_button = QPushButton("Ouvrir le fichier")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_file)
        self.text = ArticleText()
        self.text.setReadOnly(True)
        self.text.setObjectName("articleText")
        self.text.document().setDocumentMargin(10)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.meta)
        head.addLayout(titles, 1)
        head.addWidget(self.page_label, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(head)
        lay.addWidget(self.text, 1)
        self.source: str | None = None
        self.path: Path | None = None
        self.article_text = ""
        self.spans: list[Span] = []
        self.active: Span | None = None
        #: start offset of each page (PDF), as Python indices into ``article_text``
        self.pages: list[int] = []

    def show_article(self, source: str, title: str, date: str | None, text: str, path: Path | None,
                     spans: list[Span], active: Span | None, *, author: str | None = None,
                     site: str | None = None, pages: Sequence[int] = (), kind: str | None = None) -> None:
        """Show ``text``; mark every span of ``spans``, ``active`` stronger, and scroll to it.

        The header names the article (title; date in French, author, site, format and pages
        when known; the file) and, for a PDF, the page of the active highlight.
        """
        pages = [int(p) for p in pages]
        if source != self.source or text != self.article_text:
            self.text.setPlainText(text)
        if source != self.source or text != self.article_text or pages != self.pages:
            self.text.set_pages(qt_positions(text, pages) if len(pages) > 1 else [])
        self.source, self.path, self.article_text, self.pages = source, path, text, pages
        self.title.setText(title or source)
        about = self.describe(date, author, site, kind, len(pages))
        self.meta.setText("\n".join(x for x in (about, str(path) if path else source) if x))
        self.open_button.setEnabled(path is not None)
        self.spans = sorted(set(spans) | ({active} if active else set()))
        self.active = active
        page = self.active_page()
        self.page_label.setText(f"p.\u00a0{page}" if page else "")
        self.page_label.setToolTip(f"Le passage surligné est en page {page} sur {len(pages)}." if page else "")
        self.page_label.setVisible(page is not None)
        self._paint()

    @staticmethod
    def describe(date: str | None, author: str | None, site: str | None, kind: str | None, n_pages: int) -> str:
        """« 12 mars 2024 · Marie Dupont · Le Monde · PDF, 12 pages »: what is known, in that order."""
        parts = [format_date(date) if date else "", author or "", site or ""]
        what = KIND_LABELS.get(kind or "", "")
        if n_pages:
            what = f"{what or 'PDF'}, {n_pages} page{'s' if n_pages > 1 else ''}"
        parts.append(what)
        return " · ".join(p for p in parts if p)

    def active_page(self) -> int | None:
        """The page (1-based) where the active highlight starts, for a paged article."""
        if not self.active or not self.pages:
            return None
        return page_of(self.pages, self.active[0])

    def _cursor(self, span: Span) -> QTextCursor:
        c = QTextCursor(self.text.document())
        c.setPosition(qt_position(self.article_text, span[0]))
        c.setPosition(qt_position(self.article_text, span[1]), QTextCursor.MoveMode.KeepAnchor)
        return c

    def _paint(self) -> None:
        selections = []
        for span in self.spans:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = self._cursor(span)
            fmt = QTextCharFormat()
            fmt.setBackground(ACTIVE_COLOUR if span == self.active else OTHER_COLOUR)
            if span == self.active:
                fmt.setFontWeight(QFont.Weight.DemiBold)
            sel.format = fmt
            selections.append(sel)
        self.text.setExtraSelections(selections)
        if self.active:
            # Put the end first, then the start, so a long span shows from its beginning.
            end = self._cursor((self.active[1], self.active[1]))
            self.text.setTextCursor(end)
            self.text.ensureCursorVisible()
            start = self._cursor((self.active[0], self.active[0]))
            self.text.setTextCursor(start)
            self.text.centerCursor()

    def highlighted_text(self) -> str:
        """The text under the active highlight, as the user sees it."""
        if not self.active:
            return ""
        return self._cursor(self.active).selectedText().replace("\u2029", "\n")

    def highlighted_texts(self) -> list[str]:
        return [s.cursor.selectedText().replace("\u2029", "\n") for s in self.text.extraSelections()]

    def clear(self) -> None:
        self.source, self.path, self.article_text, self.spans, self.active = None, None, "", [], None
        self.pages = []
        self.text.set_pages([])
        self.page_label.hide()
        self.text.clear()
        self.title.setText("Aucun article affiché")
        self.meta.setText("Cliquez une citation [n] ou un passage pour afficher l'article.")
        self.open_button.setEnabled(False)

    def open_file(self) -> None:
        if self.path is None:
            return
        if not self.path.exists() or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            self.open_failed.emit(f"Impossible d'ouvrir {self.path} avec le système.")
