#!/usr/bin/env python3
"""Screenshot of the desktop app on the sample corpus: the Lecointre question, citation [1] open.

    .venv/bin/python scripts/screenshot.py [--size 1280x800] [--out docs/screenshot.png] [--mode auto]
                                           [--corpus DIR] [--question "…"]

Renders offscreen by default (QWidget.grab() works there); set QT_QPA_PLATFORM=xcb under Xvfb to
render through a real X server instead. Uses a temporary data folder unless VEILLE_DATA is set,
so it never touches a user's indexes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
QUESTION = "Quand Lecointre a-t-il appelé Guerassimov ?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="1280x800", help="taille de la fenêtre, LxH")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshot.png"))
    parser.add_argument("--corpus", default=str(ROOT / "corpus"))
    parser.add_argument("--question", default=QUESTION, help="la question posée")
    parser.add_argument("--tab", choices=["source", "articles"], default="source")
    parser.add_argument("--mode", choices=["auto", "extractive", "llm"], default="auto",
                        help="mode de réponse (auto : le modèle de langue s'il y en a un, comme l'application)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("VEILLE_DATA", tempfile.mkdtemp(prefix="veille-screenshot-"))

    from PySide6.QtCore import QPoint, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop import style
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Veille")
    style.apply(app)
    settings = Settings()
    settings.set_mode(args.mode)
    window = MainWindow(settings=settings, corpus=args.corpus)
    width, height = (int(x) for x in args.size.lower().split("x"))
    window.resize(width, height)
    window.show()
    status = {"code": 1}

    def fail(message: str) -> None:
        print(f"screenshot: {message}", file=sys.stderr)
        app.quit()

    def on_ready(ready: bool) -> None:
        if ready:
            window.question.setText(args.question)
            QTest.keyClick(window.question, Qt.Key.Key_Return)

    def on_answer(answer) -> None:  # type: ignore[no-untyped-def]
        view = window.answer_view
        pos = view.anchor_position(1)
        if pos < 0:
            fail(f"pas de citation [1] dans la réponse : {answer.text}")
            return
        cursor = view.textCursor()
        cursor.setPosition(pos)
        rect = view.cursorRect(cursor)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(rect.center().x(), rect.center().y()))
        if args.tab == "articles":
            window.tabs.setCurrentWidget(window.articles)
        QTimer.singleShot(300, save)

    def save() -> None:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        window.question.clearFocus()
        if not window.grab().save(str(out)):
            fail(f"impossible d'écrire {out}")
            return
        c = window.answer.citation(1) if window.answer else None
        print(f"{out} ({width}×{height}); surligné : {window.viewer.highlighted_text()[:80]!r}"
              f"{' = citation [1]' if c and window.viewer.highlighted_text() == c.quote else ''}")
        status["code"] = 0
        window.close()
        app.quit()

    window.ready_changed.connect(on_ready)
    window.answer_shown.connect(on_answer)
    QTimer.singleShot(180_000, lambda: fail("délai dépassé"))
    app.exec()
    return status["code"]


if __name__ == "__main__":
    sys.exit(main())
