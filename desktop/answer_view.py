"""The question field and the answer with its ``[n]`` citations as links.

Why a QTextBrowser: the answer is short rich text whose ``[n]`` markers must be clickable;
anchors with a ``cite:`` scheme give that with no custom painting, and keyboard users can
Tab through the links.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTextBrowser, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import Answer

MARKER = re.compile(r"\[(\d+)\]")
NO_ANSWER = "Pas de réponse dans ces articles"


class QuestionEdit(QLineEdit):
    """A one-line question field; Up/Down walk through the questions already asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Posez une question sur les articles… (Entrée pour demander)")
        self.setClearButtonEnabled(True)
        self.history: list[str] = []
        self._pos = 0
        self._draft = ""

    def set_history(self, items: list[str]) -> None:
        self.history = list(items)
        self._pos = len(self.history)

    def remember(self, question: str) -> None:
        question = question.strip()
        if question:
            if question in self.history:
                self.history.remove(question)
            self.history.append(question)
        self._pos = len(self.history)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Up and self.history:
            if self._pos == len(self.history):
                self._draft = self.text()
            self._pos = max(0, self._pos - 1)
            self.setText(self.history[self._pos])
            return
        if event.key() == Qt.Key.Key_Down and self.history:
            self._pos = min(len(self.history), self._pos + 1)
            self.setText(self.history[self._pos] if self._pos < len(self.history) else self._draft)
            return
        super().keyPressEvent(event)


def _nbsp(text: str) -> str:
    """French typography: guillemets and ``[n]`` never start or end a line alone."""
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»").replace(" [", "\u00a0[")


def answer_html(answer: "Answer", dates: dict[str, str | None]) -> str:
    """The answer as HTML: ``[n]`` become ``cite:n`` links, then the numbered quotes."""

    def linked(text: str) -> str:
        return MARKER.sub(lambda m: f'<a href="cite:{m.group(1)}">[{m.group(1)}]</a>', html.escape(_nbsp(text)))

    out = [f'<p class="question">{html.escape(answer.question)}</p>']
    if answer.abstained:
        out.append(f'<p class="abstain"><b>{NO_ANSWER}.</b> {html.escape(answer.text)}</p>')
        if answer.passages:
            out.append('<p class="hint">Les passages les plus proches sont listés ci-dessous.</p>')
    else:
        out.append(f'<p class="answer">{linked(answer.text)}</p>')
    if answer.citations:
        out.append('<table class="cites" cellspacing="0" cellpadding="3">')
        for c in answer.citations:
            date = dates.get(c.source)
            meta = html.escape(c.title) + (f" · {html.escape(date)}" if date else "")
            out.append(
                f'<tr><td valign="top"><a href="cite:{c.n}">[{c.n}]</a></td>'
                f'<td>«\u00a0{html.escape(" ".join(c.quote.split()))}\u00a0»<br><span class="meta">{meta}</span></td></tr>'
            )
        out.append("</table>")
    return "".join(out)


STYLE = """
p.question { color: #5f6b7a; margin-bottom: 6px; }
p.answer { font-size: 15pt; margin-top: 2px; margin-bottom: 12px; }
p.abstain { font-size: 13pt; color: #8a4b00; background-color: #fff4e0; margin-bottom: 8px; }
p.hint { color: #5f6b7a; }
span.meta { color: #5f6b7a; font-size: small; }
a { color: #1a5fb4; text-decoration: none; font-weight: bold; }
"""


class AnswerView(QTextBrowser):
    """Shows one answer (or a waiting/empty state) and reports citation clicks."""

    citation_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._anchor)
        self.answer: "Answer | None" = None
        self.state = "empty"
        self.show_message("Posez une question : la réponse s'affichera ici, chaque affirmation reliée à sa source.")

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "cite" and url.path().isdigit():
            self.citation_clicked.emit(int(url.path()))

    def show_message(self, text: str, state: str = "empty") -> None:
        self.answer = None
        self.state = state
        self.setHtml(f'<p class="hint">{html.escape(text)}</p>')

    def show_answer(self, answer: "Answer", dates: dict[str, str | None]) -> None:
        self.answer = answer
        self.state = "abstained" if answer.abstained else "answered"
        self.setHtml(answer_html(answer, dates))

    def anchor_position(self, n: int) -> int:
        """Document position of the first ``[n]`` link (tests click it like a user would)."""
        doc = self.document()
        cursor = doc.find(f"[{n}]")
        return cursor.selectionStart() + 1 if not cursor.isNull() else -1
