"""The question field and the answer with its ``[n]`` citations as links.

Why a QTextBrowser: the answer is short rich text whose ``[n]`` markers must be clickable;
anchors with a ``cite:`` scheme give that with no custom painting, and keyboard users can
Tab through the links.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QTextBrowser, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from qa.answer import Answer, Citation

MARKER = re.compile(r"\[(\d+)\]")
NO_ANSWER = "Pas de réponse dans ces articles"
UNSOURCED = "non sourcé"
UNSOURCED_TIP = "Les passages cités n'appuient pas cette phrase : elle n'est pas sourcée."
#: How often the streamed text is redrawn (tokens arrive faster than the eye reads).
DRAFT_REFRESH_MS = 60


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


def _linked(text: str) -> str:
    return MARKER.sub(lambda m: f'<a href="cite:{m.group(1)}">[{m.group(1)}]</a>', html.escape(_nbsp(text)))


def unsupported_spans(text: str, unsupported: list[str]) -> list[tuple[int, int]]:
    """Where the ``unsupported`` sentences sit in ``text`` (in order, each found once)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for sentence in unsupported:
        sentence = sentence.strip()
        if not sentence:
            continue
        i = text.find(sentence, pos)
        if i < 0:
            i = text.find(sentence)
        if i >= 0 and not any(a < i + len(sentence) and i < b for a, b in spans):
            spans.append((i, i + len(sentence)))
            pos = i + len(sentence)
    return sorted(spans)


def _answer_text(answer: "Answer") -> str:
    """The answer's text; sentences the sources do not support are greyed and marked « non sourcé »."""
    spans = unsupported_spans(answer.text, answer.unsupported)
    out, pos = [], 0
    for a, b in spans:
        out.append(_linked(answer.text[pos:a]))
        out.append(f'<span class="unsourced">{html.escape(_nbsp(answer.text[a:b]))}</span>'
                   f'\u00a0<span class="tag" title="{UNSOURCED_TIP}">«\u00a0{UNSOURCED}\u00a0»</span>')
        pos = b
    out.append(_linked(answer.text[pos:]))
    return "".join(out)


def citation_place(c: "Citation", dates: dict[str, str | None] | None = None) -> str:
    """« Titre — 12 mars 2024, p. 3 »: where a quote comes from, as a reader names it.

    The date is the citation's own (filled by ``qa.provenance``), else the article's as the
    window knows it; the page only for PDF articles.
    """
    from qa.dates import format_date

    date = c.date or (dates or {}).get(c.source)
    where = [format_date(date)] if date else []
    if c.page:
        where.append(f"p.\u00a0{c.page}")
    title = c.title or c.source
    return f"{title} — {', '.join(where)}" if where else title


def also_in_text(c: "Citation", titles: dict[str, str] | None = None, sites: dict[str, str] | None = None) -> str:
    """« aussi dans : Autre titre, Ouest-France » for a quote found in near-duplicate copies too.

    A copy is named by its title, or, when it bears the cited article's own title (the same
    story saved twice), by its site, else its file: the reader must tell the copies apart.
    """
    if not c.also_in:
        return ""
    names = []
    for source in c.also_in:
        name = (titles or {}).get(source) or source
        if name == c.title:
            name = (sites or {}).get(source) or source
        names.append(name)
    return "aussi dans\u00a0: " + ", ".join(dict.fromkeys(names))


def answer_body(answer: "Answer", dates: dict[str, str | None], hidden_notices: tuple[str, ...] = (),
                css: str = "answer", titles: dict[str, str] | None = None,
                sites: dict[str, str] | None = None) -> list[str]:
    """The answer (or the no-answer state), its notices, then the numbered quotes with their place."""
    out = [f'<p class="notice">{html.escape(n)}</p>' for n in answer.notices if n and n not in hidden_notices]
    if answer.abstained:
        out.append(f'<p class="abstain"><b>{NO_ANSWER}.</b> {html.escape(answer.text)}</p>')
        if answer.passages:
            out.append('<p class="hint">Les passages les plus proches sont listés ci-dessous.</p>')
    else:
        out.append(f'<p class="{css}">{_answer_text(answer)}</p>')
    if answer.citations:
        out.append('<table class="cites" cellspacing="0" cellpadding="3">')
        for c in answer.citations:
            meta = html.escape(citation_place(c, dates))
            also = also_in_text(c, titles, sites)
            if also:
                meta += f'<br><span class="also">{html.escape(also)}</span>'
            out.append(
                f'<tr><td valign="top"><a href="cite:{c.n}">[{c.n}]</a></td>'
                f'<td>«\u00a0{html.escape(" ".join(c.quote.split()))}\u00a0»<br><span class="meta">{meta}</span></td></tr>'
            )
        out.append("</table>")
    return out


def answer_html(answer: "Answer", dates: dict[str, str | None], hidden_notices: tuple[str, ...] = (),
                titles: dict[str, str] | None = None, sites: dict[str, str] | None = None) -> str:
    """The answer as HTML: ``[n]`` become ``cite:n`` links, then the numbered quotes."""
    return "".join([f'<p class="question">{html.escape(answer.question)}</p>',
                    *answer_body(answer, dates, hidden_notices, titles=titles, sites=sites)])


def draft_html(question: str, status: str, draft: str, preview: "Answer | None", dates: dict[str, str | None],
               hidden_notices: tuple[str, ...] = (), titles: dict[str, str] | None = None,
               sites: dict[str, str] | None = None) -> str:
    """While the model writes: its provisional text (``[n]`` = passages it reads), then the preview."""
    out = [f'<p class="question">{html.escape(question)}</p>', f'<p class="status">{html.escape(status)}</p>']
    if draft.strip():
        linked = MARKER.sub(lambda m: f'<a href="passage:{m.group(1)}">[{m.group(1)}]</a>', html.escape(draft.strip()))
        out.append(f'<p class="draft">{linked}\u00a0▍</p>')
    if preview is not None:
        out.append('<p class="sep">En attendant, la réponse extractive :</p>')
        out += answer_body(preview, dates, hidden_notices, css="preview", titles=titles, sites=sites)
    return "".join(out)


STYLE = """
p.question { color: #5f6b7a; margin-bottom: 6px; }
p.answer { font-size: 15pt; margin-top: 2px; margin-bottom: 12px; }
p.abstain { font-size: 13pt; color: #8a4b00; background-color: #fff4e0; margin-bottom: 8px; }
p.hint { color: #5f6b7a; }
p.notice { color: #1c4f8a; background-color: #eef4fd; margin-bottom: 6px; }
p.status { color: #5f6b7a; font-style: italic; margin-bottom: 4px; }
p.draft { font-size: 14pt; color: #3d4652; margin-top: 2px; margin-bottom: 12px; }
p.sep { color: #5f6b7a; margin-top: 10px; }
p.preview { font-size: 12pt; margin-top: 2px; margin-bottom: 8px; }
span.unsourced { color: #7b8591; font-style: italic; }
span.tag { color: #8a4b00; font-size: small; font-style: italic; }
span.meta { color: #5f6b7a; font-size: small; }
span.also { color: #7b8591; font-size: small; font-style: italic; }
a { color: #1a5fb4; text-decoration: none; font-weight: bold; }
"""


class AnswerView(QTextBrowser):
    """Shows one answer (or a waiting/empty state, or a model's text as it streams) and reports
    citation clicks. ``state``: empty, waiting, answered, abstained, streaming."""

    citation_clicked = Signal(int)
    #: a ``[n]`` of the streamed text: the n-th passage the model reads
    passage_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE)
        self.document().setDocumentMargin(12)
        self.anchorClicked.connect(self._anchor)
        self.answer: "Answer | None" = None
        self.state = "empty"
        self.hidden_notices: tuple[str, ...] = ()
        #: source → title, to name the other copies of a quote (« aussi dans : … »)
        self.titles: dict[str, str] = {}
        self.sites: dict[str, str] = {}
        self.draft = ""
        self._draft_question = ""
        self._draft_status = ""
        self._dates: dict[str, str | None] = {}
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(DRAFT_REFRESH_MS)
        self._redraw.timeout.connect(self._render_draft)
        self.show_message("Posez une question : la réponse s'affichera ici, chaque affirmation reliée à sa source.")

    def _anchor(self, url: QUrl) -> None:
        if url.scheme() == "cite" and url.path().isdigit():
            self.citation_clicked.emit(int(url.path()))
        elif url.scheme() == "passage" and url.path().isdigit():
            self.passage_clicked.emit(int(url.path()))

    def show_message(self, text: str, state: str = "empty") -> None:
        self._redraw.stop()
        self.answer = None
        self.state = state
        self.setHtml(f'<p class="hint">{html.escape(text)}</p>')

    def show_answer(self, answer: "Answer", dates: dict[str, str | None]) -> None:
        self._redraw.stop()
        self.answer = answer
        self.draft = ""
        self.state = "abstained" if answer.abstained else "answered"
        self.setHtml(answer_html(answer, dates, self.hidden_notices, self.titles, self.sites))

    # -- streaming (LLM mode) ------------------------------------------------------------------
    def start_draft(self, question: str, preview: "Answer", dates: dict[str, str | None],
                    status: str = "Le modèle de langue prépare sa réponse…") -> None:
        """The extractive preview at once, while the model reads the passages."""
        self.answer = preview
        self.state = "streaming"
        self.draft = ""
        self._draft_question, self._draft_status, self._dates = question, status, dates
        self._render_draft()

    def set_draft_status(self, status: str) -> None:
        self._draft_status = status
        self._schedule()

    def append_token(self, text: str) -> None:
        self.draft += text
        self._draft_status = "Le modèle rédige (texte provisoire ; les [n] renvoient aux passages lus)…"
        self._schedule()

    def _schedule(self) -> None:
        if self.state == "streaming" and not self._redraw.isActive():
            self._redraw.start()

    def _render_draft(self) -> None:
        if self.state != "streaming":
            return
        bar = self.verticalScrollBar()
        at = bar.value()
        self.setHtml(draft_html(self._draft_question, self._draft_status, self.draft, self.answer, self._dates,
                                self.hidden_notices, self.titles, self.sites))
        bar.setValue(at)

    def anchor_position(self, n: int) -> int:
        """Document position of the first ``[n]`` link (tests click it like a user would)."""
        doc = self.document()
        cursor = doc.find(f"[{n}]")
        return cursor.selectionStart() + 1 if not cursor.isNull() else -1
