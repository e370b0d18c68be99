"""The whole article, with the cited spans highlighted and the active one scrolled into view.

Offsets from the core are Python string indices (code points) into the article text; Qt's
document positions count UTF-16 code units, so a character outside the BMP (an emoji) counts
twice. :func:`qt_position` converts, so highlights stay exact on any text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget

Span = tuple[int, int]

OTHER_COLOUR = QColor("#fff1b8")  # other citations of this article
ACTIVE_COLOUR = QColor("#ffc94d")  # the citation the user clicked


def qt_position(text: str, index: int) -> int:
    """Python index → QTextDocument position (UTF-16 code units)."""
    if text.isascii():
        return index
    prefix = text[:index]
    return index + sum(1 for c in prefix if ord(c) > 0xFFFF)


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
        self.open_button = QPushButton("Ouvrir le fichier")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_file)
        self.text = QPlainTextEdit()
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

    def show_article(self, source: str, title: str, date: str | None, text: str, path: Path | None,
                     spans: list[Span], active: Span | None) -> None:
        """Show ``text``; mark every span of ``spans``, ``active`` stronger, and scroll to it."""
        if source != self.source or text != self.article_text:
            self.text.setPlainText(text)
        self.source, self.path, self.article_text = source, path, text
        self.title.setText(title or source)
        meta = [str(path) if path else source]
        if date:
            meta.insert(0, date)
        self.meta.setText(" · ".join(meta))
        self.open_button.setEnabled(path is not None)
        self.spans = sorted(set(spans) | ({active} if active else set()))
        self.active = active
        self._paint()

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
        self.text.clear()
        self.title.setText("Aucun article affiché")
        self.meta.setText("Cliquez une citation [n] ou un passage pour afficher l'article.")
        self.open_button.setEnabled(False)

    def open_file(self) -> None:
        if self.path is None:
            return
        if not self.path.exists() or not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path))):
            self.open_failed.emit(f"Impossible d'ouvrir {self.path} avec le système.")
