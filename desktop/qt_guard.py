"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

Why this exists: with PySide6 6.12.0 on CPython 3.11, every call from Python to a Qt method that
returns nothing (``widget.update()``, ``label.setText()``, ``QApplication.processEvents()``…)
gives back ``None`` without taking a reference to it, so each call lowers ``None``'s reference
count by one. Python 3.12 made ``None`` immortal (PEP 683), which hides the bug there; on 3.11
the count reaches zero after some tens of thousands of calls and the interpreter aborts with
« Fatal Python error: none_dealloc ». Filling a widget per article for a 10,000-article corpus
did exactly that, and so would a long enough session.

:func:`protect_none` measures the leak with a few harmless calls and, only when it is there and
the object layout is the one it expects, raises ``None``'s count far beyond reach: the effect
of 3.12's immortality, nothing else. On an unaffected PySide6 or Python it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to None's reference count when the leak is detected (2**60 calls will never happen).
BALLAST = 1 << 60
_done = False


def leaks_none(calls: int = 200) -> bool:
    """True when calling a Qt method that returns nothing loses a reference to ``None``."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setObjectName("sonde")
    return before - sys.getrefcount(None) >= calls // 2


def protect_none() -> bool:
    """Make ``None`` effectively immortal if PySide6 leaks it; True when the guard was applied."""
    global _done
    if _done:
        return False
    _done = True
    if sys.version_info >= (3, 12) or not leaks_none():
        return False
    field = ctypes.c_ssize_t.from_address(id(None))
    # getrefcount counts its own argument: the field holds one less. Anything else means the
    # object layout is not the plain CPython one (a debug build): touch nothing then.
    if field.value != sys.getrefcount(None) - 1:
        return False
    field.value += BALLAST
    return True
