"""Notices when other programs add or change articles in the corpus folder.

QFileSystemWatcher reports changes to the folders (files added, removed, renamed); edits in
place of an existing file are caught by a periodic check instead (watching every file would
exhaust inotify handles on large corpora). Either way the window runs the core's cheap
staleness check (sizes and mtimes, no reading) and *offers* an update; nothing is rebuilt
silently.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 700  # a copy of many files is one change, not hundreds
PERIODIC_MS = 30_000
MAX_WATCHED_DIRS = 500


class CorpusWatcher(QObject):
    check_needed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fs = QFileSystemWatcher(self)
        self.fs.directoryChanged.connect(self._changed)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.check_needed)
        self.periodic = QTimer(self)
        self.periodic.setInterval(PERIODIC_MS)
        self.periodic.timeout.connect(self.check_needed)
        self.root: Path | None = None

    def watch(self, corpus: Path | None) -> None:
        if corpus is None:
            return
        corpus = Path(corpus)
        if corpus != self.root:
            self.stop()
            self.root = corpus
        folders = [str(corpus)]
        for dirpath, dirnames, _ in os.walk(corpus):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            folders += [os.path.join(dirpath, d) for d in dirnames]
            if len(folders) >= MAX_WATCHED_DIRS:
                break
        known = set(self.fs.directories())
        new = [f for f in folders[:MAX_WATCHED_DIRS] if f not in known]
        if new:
            self.fs.addPaths(new)
        self.periodic.start()

    def _changed(self, _path: str) -> None:
        self.debounce.start()
        if self.root is not None:
            self.watch(self.root)  # pick up new sub-folders

    def stop(self) -> None:
        self.periodic.stop()
        self.debounce.stop()
        dirs = self.fs.directories()
        if dirs:
            self.fs.removePaths(dirs)
        self.root = None
