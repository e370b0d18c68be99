"""Starting the desktop app: ``veille desktop`` (a ``veille.commands`` plugin) and ``veille-desktop``.

No Qt import at module level: ``veille --help`` loads this module through the entry point, and
the xcb preflight (:mod:`desktop.preflight`) must run before Qt is loaded. The window is shown
before any model or index is touched (those load in a worker), so it appears at once.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Any

_T0 = time.perf_counter()


def _add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", metavar="DIR", help="dossier des articles (sinon : paramètres, VEILLE_CORPUS, corpus/ du projet)")
    p.add_argument("--embedder", metavar="DIR", help="dossier d'un modèle sentence-transformers")
    p.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)  # start-up timing checks


def register(subparsers: Any) -> None:
    """Entry point ``veille.commands``: add the ``desktop`` subcommand to the ``veille`` parser."""
    p = subparsers.add_parser("desktop", help="ouvrir l'application de bureau")
    _add_arguments(p)
    p.set_defaults(func=lambda args: main(args))


def run() -> None:
    """The ``veille-desktop`` gui-script."""
    parser = argparse.ArgumentParser(prog="veille-desktop", description="Veille, application de bureau.")
    _add_arguments(parser)
    sys.exit(main(parser.parse_args()))


def main(args: argparse.Namespace) -> int:
    from desktop.preflight import check

    problem = check()
    if problem:
        print(f"veille: {problem}", file=sys.stderr)
        return 3
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Veille")
    app.setApplicationDisplayName("Veille")
    app.setOrganizationName("Veille")
    from desktop import style
    from desktop.errors import ExceptionBridge, install_excepthooks, user_message

    style.apply(app)
    bridge = ExceptionBridge()
    install_excepthooks(bridge)
    try:
        from desktop.main_window import MainWindow

        window = MainWindow(corpus=args.corpus, embedder=args.embedder)
    except Exception as exc:  # noqa: BLE001 - a start-up failure gets a message box, not a trace
        import traceback

        traceback.print_exc()
        QMessageBox.critical(None, "Veille", f"Veille n'a pas pu démarrer.\n\n{user_message(exc)}")
        return 1
    bridge.raised.connect(lambda exc, details: window.show_error(user_message(exc), details))
    window.show()
    if getattr(args, "quit_after_show", False):
        def report() -> None:
            heavy = sorted({"torch", "sentence_transformers", "faiss"} & set(sys.modules))
            print(f"window shown after {(time.perf_counter() - _T0) * 1000:.0f} ms; heavy modules loaded: {heavy}",
                  flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, report)
    code = int(app.exec())
    if window.busy:  # an uninterruptible model load is still running: do not wait for it
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


if __name__ == "__main__":  # python -m desktop.app
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    run()
