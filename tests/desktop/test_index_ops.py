"""Index operations from the window: first build, add by drop, external changes, rebuild, cancel.

Questions asked during a rebuild are answered from the previous index, and the event loop keeps
turning: the longest gap between ticks of a 10 ms timer is measured and printed.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop.articles_panel import INDEXED, NEW
from tests.conftest import SAMPLE_CORPUS
from tests.desktop.conftest import LECOINTRE, READY_TIMEOUT_MS, ask

PIAF = Path("/work/shared/data/piaf/piaf-corpus.jsonl")

NEW_ARTICLE = """La médiathèque de Quimperlé rouvre après deux ans de travaux

La médiathèque de Quimperlé a rouvert ses portes le 14 mars après deux ans de travaux, a annoncé la mairie.
Le bâtiment, agrandi de 600 mètres carrés, accueille désormais un espace de jeux vidéo et un atelier de réparation.
Les travaux ont coûté 4,2 millions d'euros, financés pour moitié par la région Bretagne.
"""


class StallMeter:
    """The longest interval between ticks of a 10 ms timer: how long the GUI could not respond."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst_ms = 0.0
        self.intervals: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self.last) * 1000
        self.intervals.append(gap)
        self.worst_ms = max(self.worst_ms, gap)
        self.last = now

    @property
    def median_ms(self) -> float:
        return statistics.median(self.intervals) if self.intervals else float("inf")

    def __enter__(self) -> "StallMeter":
        self.last = time.perf_counter()
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()


def drop_files(window, paths: list[Path]) -> None:
    """Hand the window the drag-enter and drop events a file manager's drag produces.

    QApplication.sendEvent() refuses drop events that no real drag started, so the handlers
    are called directly: the code path after the event is the user's.
    """
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)


def test_drop_copies_article_updates_index_and_finds_it(qtbot, make_window, corpus_copy, index_copy, tmp_path) -> None:
    window = make_window(corpus_copy, index_copy)
    outside = tmp_path / "depot"
    outside.mkdir()
    src = outside / "000_6499cf396df39ab0.txt"  # clashes with an article of the corpus
    src.write_text(NEW_ARTICLE, encoding="utf-8")
    before = (corpus_copy / src.name).read_bytes()
    with qtbot.waitSignal(window.index_swapped, timeout=60_000):
        drop_files(window, [src])
    assert src.exists()  # copied, not moved
    assert (corpus_copy / src.name).read_bytes() == before  # nothing overwritten
    added = corpus_copy / "000_6499cf396df39ab0 (2).txt"
    assert added.read_text(encoding="utf-8") == NEW_ARTICLE
    qtbot.waitUntil(lambda: window.articles.state_of(added.name) == INDEXED, timeout=10_000)
    answer = ask(qtbot, window, "Quand la médiathèque de Quimperlé a-t-elle rouvert ?")
    assert not answer.abstained
    assert answer.citation(1).source == added.name
    assert "14 mars" in answer.text


def test_external_change_is_offered_not_rebuilt(qtbot, make_window, corpus_copy, index_copy) -> None:
    window = make_window(corpus_copy, index_copy)
    generation = window.core.index.generation
    (corpus_copy / "externe.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    # The folder watcher (debounced) notices the new file; no build starts by itself.
    qtbot.waitUntil(lambda: window.articles.state_of("externe.txt") == NEW, timeout=10_000)
    assert window.notice.isVisible() and "1 nouveau" in window.notice.label.text()
    assert not window.index_queue.busy and window.core.index.generation == generation
    with qtbot.waitSignal(window.index_swapped, timeout=60_000):
        window.notice.button.click()
    assert window.articles.state_of("externe.txt") == INDEXED
    assert not window.notice.isVisible()


def test_remove_article_asks_and_keeps_a_copy(qtbot, make_window, corpus_copy, index_copy) -> None:
    from index.locations import data_dir

    window = make_window(corpus_copy, index_copy)
    source = "004_a4761b2f1505ef77.txt"
    asked = []
    window._confirm_override = lambda box: asked.append(box.text()) or False
    window.remove_article(source)
    assert asked and (corpus_copy / source).exists()  # declined: nothing happens
    window._confirm_override = lambda box: True
    with qtbot.waitSignal(window.index_swapped, timeout=60_000):
        window.remove_article(source)
    assert not (corpus_copy / source).exists()
    assert list((data_dir() / "corbeille").rglob(source))
    assert window.articles.state_of(source) is None


def test_cancel_rebuild_keeps_previous_index(qtbot, make_window, index_copy) -> None:
    window = make_window(SAMPLE_CORPUS, index_copy)
    generation = window.core.index.generation
    with qtbot.waitSignal(window.operation_finished, timeout=60_000) as done:
        window.update_index(rebuild=True)
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # the Esc shortcut cancels
    assert done.args == ["cancelled"]
    assert window.core.index.generation == generation
    assert (index_copy / "CURRENT").read_text().strip() == generation.name
    answer = ask(qtbot, window, LECOINTRE)
    assert not answer.abstained and "Guerassimov" in answer.citation(1).quote


@pytest.mark.skipif(not PIAF.is_file(), reason="PIAF articles (a longer build) not available")
def test_first_build_rebuild_during_questions_and_stall(qtbot, make_window, corpus_copy, tmp_path) -> None:
    """First start builds with visible progress; a long rebuild leaves the GUI responsive."""
    with open(PIAF, encoding="utf-8") as fh:
        for line in list(fh)[:30]:
            art = json.loads(line)
            (corpus_copy / f"{art['doc_id']}.txt").write_text(f"{art['title']}\n\n{art['text']}\n", encoding="utf-8")
    window = make_window(corpus_copy, tmp_path / "fresh-index", wait=False)
    with StallMeter() as first:
        qtbot.waitUntil(lambda: window.progress.isVisible(), timeout=30_000)
        with qtbot.waitSignal(window.ready_changed, timeout=READY_TIMEOUT_MS, check_params_cb=bool):
            pass
        qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    generation = window.core.index.generation

    # A full rebuild: questions are answered from the previous index meanwhile.
    progress = []
    with StallMeter() as rebuild:
        worker = window.update_index(rebuild=True)
        worker.signals.progress.connect(progress.append)
        answer = ask(qtbot, window, LECOINTRE)
        assert window.index_queue.busy, "the rebuild finished before the question was answered"
        assert window.core.index.generation == generation
        assert "Guerassimov" in answer.citation(1).quote
        qtbot.waitUntil(lambda: any(p.done > 0 for p in progress), timeout=60_000)
        assert window.progress.bar.maximum() > 0 and "articles" in window.progress.bar.text()
        with qtbot.waitSignal(window.operation_finished, timeout=60_000) as done:
            window.progress.cancel_button.click()
    assert done.args == ["cancelled"]
    assert window.core.index.generation == generation
    qtbot.waitUntil(lambda: not window.progress.isVisible(), timeout=5000)
    assert not ask(qtbot, window, LECOINTRE).abstained

    with StallMeter() as full:
        with qtbot.waitSignal(window.index_swapped, timeout=120_000):
            window.update_index(rebuild=True)
    assert window.core.index.generation != generation
    print(f"\nlongest event-loop stall: first build {first.worst_ms:.0f} ms (includes model load), "
          f"rebuild+question+cancel {rebuild.worst_ms:.0f} ms, full rebuild {full.worst_ms:.0f} ms")
    # The stall itself is a measurement (reported in the README, target < 100 ms), not an assert:
    # on a shared 2-core machine one scheduling hiccup can exceed any tight bound. What must hold
    # is that the loop keeps turning (10 ms ticks, typically) and never freezes.
    for meter in (rebuild, full):
        assert meter.median_ms < 50 and meter.worst_ms < 2000, (meter.median_ms, meter.worst_ms)
