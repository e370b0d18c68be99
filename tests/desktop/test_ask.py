"""Asking through the window: the cited answer, the citation link, the highlighted source."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.answer_view import NO_ANSWER
from tests.conftest import SAMPLE_CORPUS
from tests.desktop.conftest import ABSTAIN_QUESTION, LECOINTRE, ask


def click_citation(qtbot, window, n: int) -> None:
    """Click the ``[n]`` link of the answer with the mouse."""
    view = window.answer_view
    pos = view.anchor_position(n)
    assert pos >= 0, view.toPlainText()
    cursor = view.textCursor()
    cursor.setPosition(pos)
    rect = view.cursorRect(cursor)
    point = QPoint(rect.center().x(), rect.center().y())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_lecointre_answer_citation_and_highlight(qtbot, make_window, index_copy) -> None:
    window = make_window(SAMPLE_CORPUS, index_copy)
    answer = ask(qtbot, window, LECOINTRE)
    assert not answer.abstained
    assert window.answer_view.state == "answered"
    c1 = answer.citation(1)
    # What the answer says is the answerer's business (tests/qa); here: it is shown, linked.
    assert c1 is not None and "Guerassimov" in c1.quote
    shown = window.answer_view.toPlainText().replace("\u00a0", " ")
    assert answer.text.split(" [1]")[0] in shown and "[1]" in shown
    assert window.evidence.topLevelItemCount() == len(answer.passages) > 0
    # The weight column is the reranker's probability, in the order of the list.
    shown_rel = [float(window.evidence.topLevelItem(i).text(4).rstrip("%\u00a0 ").replace(",", "."))
                 for i in range(window.evidence.topLevelItemCount())]
    assert shown_rel == sorted(shown_rel, reverse=True)

    click_citation(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.viewer.source == c1.source, timeout=5000)
    assert window.tabs.currentWidget() is window.viewer
    assert window.viewer.highlighted_text() == c1.quote
    assert window.viewer.title.text() == c1.title
    # Every citation of that article is marked, the clicked one included.
    same = [c.quote for c in answer.citations if c.source == c1.source]
    assert sorted(window.viewer.highlighted_texts()) == sorted(same)
    # The highlight is scrolled into view.
    viewer = window.viewer.text
    rect = viewer.cursorRect(window.viewer._cursor(window.viewer.active))
    assert viewer.viewport().rect().intersects(rect)


def test_evidence_row_opens_passage(qtbot, make_window, index_copy) -> None:
    window = make_window(SAMPLE_CORPUS, index_copy)
    answer = ask(qtbot, window, LECOINTRE)
    item = window.evidence.topLevelItem(1)
    rect = window.evidence.visualItemRect(item)
    qtbot.mouseClick(window.evidence.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    ev = answer.passages[1]
    assert window.viewer.source == ev.source
    assert window.viewer.highlighted_text() == ev.text


def test_abstained_answer_shows_no_answer_state(qtbot, make_window, index_copy) -> None:
    window = make_window(SAMPLE_CORPUS, index_copy)
    answer = ask(qtbot, window, ABSTAIN_QUESTION)
    assert answer.abstained
    assert window.answer_view.state == "abstained"
    assert NO_ANSWER in window.answer_view.toPlainText()
    assert "[1]" not in window.answer_view.toPlainText()


def test_history_markdown_and_shortcuts(qtbot, make_window, index_copy) -> None:
    from PySide6.QtGui import QGuiApplication

    window = make_window(SAMPLE_CORPUS, index_copy)
    ask(qtbot, window, ABSTAIN_QUESTION)
    answer = ask(qtbot, window, LECOINTRE)
    window.question.clear()
    qtbot.keyClick(window.question, Qt.Key.Key_Up)
    assert window.question.text() == LECOINTRE
    qtbot.keyClick(window.question, Qt.Key.Key_Up)
    assert window.question.text() == ABSTAIN_QUESTION
    qtbot.keyClick(window.question, Qt.Key.Key_Down)
    qtbot.keyClick(window.question, Qt.Key.Key_Down)
    assert window.question.text() == ""

    window.copy_button.click()
    md = QGuiApplication.clipboard().text()
    assert md.startswith(f"**{LECOINTRE}**")
    assert answer.citation(1).source in md and "[1]" in md

    window.evidence.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.question.hasFocus() or QGuiApplication.focusWidget() is window.question
