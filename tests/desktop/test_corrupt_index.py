"""Opening a damaged index in the window: the message, « Reconstruire l'index », and it works.

Two kinds of damage take two paths: a garbled ``CURRENT`` is seen by the staleness check
before anything is opened, flipped bytes in ``vectors.npy`` only when the index is opened.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from index.store import current_generation
from tests.conftest import SAMPLE_CORPUS
from tests.desktop.conftest import LECOINTRE, READY_TIMEOUT_MS, ask


def _flip_vectors(index_dir: Path) -> None:
    gen = current_generation(index_dir)
    assert gen is not None
    path = gen / "vectors.npy"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _garble_current(index_dir: Path) -> None:
    (index_dir / "CURRENT").write_bytes(b"\x00\xffgen-??")


@pytest.mark.parametrize("damage", [_flip_vectors, _garble_current], ids=["vectors", "CURRENT"])
def test_damaged_index_offers_a_rebuild_that_works(damage, index_copy: Path, make_window, qtbot) -> None:
    damage(index_copy)
    window = make_window(SAMPLE_CORPUS, index_copy, wait=False)
    banner = window.error_banner
    qtbot.waitUntil(lambda: banner.isVisible() and not window.busy, timeout=READY_TIMEOUT_MS)

    assert window.isVisible() and not window.ready
    assert banner.label.text().startswith("L'index est endommagé (")
    assert banner.label.text().endswith("reconstruisez-le : veille index --rebuild")
    assert banner.action_button.isVisible() and banner.action_button.isEnabled()
    assert banner.action_button.text() == "Reconstruire l'index"
    assert window.rebuild_action.isEnabled()  # the menu offers it too

    with qtbot.waitSignal(window.ready_changed, timeout=READY_TIMEOUT_MS, check_params_cb=lambda ready: ready):
        qtbot.mouseClick(banner.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=READY_TIMEOUT_MS)
    assert not banner.isVisible()
    answer = ask(qtbot, window, LECOINTRE)
    assert not answer.abstained
    assert any(c.source == "003_546b02830ba72005.txt" for c in answer.citations)
