"""The application's look: one readable base font and a light stylesheet for the few custom parts."""

from __future__ import annotations

STYLESHEET = """
QLineEdit#question { font-size: 13pt; padding: 6px 8px; }
QPushButton { padding: 4px 12px; }
QPushButton#askButton { font-weight: bold; padding: 6px 16px; }
QLabel#hint { color: #5f6b7a; }
QLabel#sectionTitle { font-weight: bold; color: #3d4652; }
QLabel#sourceTitle { font-size: 13pt; font-weight: bold; }
QFrame#errorBanner { background: #fdecea; border: 1px solid #f1b0a8; border-radius: 4px; color: #7a1b12; }
QFrame#notice { background: #eef4fd; border: 1px solid #b5cdf0; border-radius: 4px; }
QFrame#progressPanel { border-top: 1px solid #d0d5dc; }
QPlainTextEdit#articleText { font-size: 10.5pt; }
QTreeWidget { font-size: 10pt; }
"""


def apply(app) -> None:  # type: ignore[no-untyped-def] - a QApplication, imported lazily
    font = app.font()
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
        app.setFont(font)
    app.setStyleSheet(STYLESHEET)
