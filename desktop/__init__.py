"""The Veille desktop app (PySide6, Qt Widgets): presentation only, over the same core as ``veille``.

Nothing outside this package imports it; ``veille desktop`` reaches it through the
``veille.commands`` entry point (see :func:`desktop.app.register`).
"""
