"""Background work for the GUI: one generic generator worker and the serial queues it runs on.

Why a generator worker (superqt's ``GeneratorWorker``): the core's long operations are already
generators of :class:`index.progress.Progress` that check a :class:`CancelToken`, so one worker
type serves every operation. Each ``yield`` becomes a ``progress`` signal, the generator's return
value the ``returned`` signal. Signals are delivered to the GUI thread (queued connections), so
no widget is ever touched from a worker thread.

Why serial queues (Anki's single collection worker): one pool of one thread runs everything that
writes the index, another runs questions. Questions asked during a rebuild are therefore answered
at once from the previous index, and two builds never race.
"""

from __future__ import annotations

import traceback
from typing import Any, Callable, Generator, Iterator

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from models.errors import Cancelled

from index.progress import CancelToken

#: Operations shorter than this never show a progress display (Anki uses 600 ms too).
PROGRESS_DELAY_MS = 600


class WorkerSignals(QObject):
    """Lives in the GUI thread; emitted from the worker thread, hence delivered queued."""

    progress = Signal(object)  # a Progress (or whatever the generator yields)
    returned = Signal(object)  # the generator's return value
    errored = Signal(object, str)  # the exception and its formatted traceback
    cancelled = Signal(str)  # the Cancelled message: an interruption is not an error
    started = Signal()  # emitted from the worker thread when the operation begins
    finished = Signal()  # always last, whatever happened


class GeneratorWorker(QRunnable):
    """Runs ``func(*args, cancel=token)``; a generator function reports progress as it goes.

    A plain function (not a generator) works too: its result is emitted as ``returned``.
    """

    def __init__(self, func: Callable[..., Any], *args: Any, name: str = "", **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the worker alive (see OperationQueue._running)
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.name = name or getattr(func, "__name__", "opération")
        self.token = CancelToken()
        self.signals = WorkerSignals()

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancel_requested(self) -> bool:
        return self.token.cancelled

    def run(self) -> None:  # noqa: D401 - Qt API
        s = self.signals
        s.started.emit()
        try:
            result = self.func(*self.args, cancel=self.token, **self.kwargs)
            if isinstance(result, Generator) or isinstance(result, Iterator):
                result = self._drain(result)
            self.token.raise_if_cancelled()
            s.returned.emit(result)
        except Cancelled as exc:
            s.cancelled.emit(str(exc))
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the window
            s.errored.emit(exc, traceback.format_exc())
        finally:
            s.finished.emit()

    def _drain(self, gen: Iterator[Any]) -> Any:
        while True:
            try:
                item = next(gen)
            except StopIteration as stop:
                return stop.value
            s = self.signals
            s.progress.emit(item)


class OperationQueue(QObject):
    """A one-thread pool: operations submitted here run one after the other, in order."""

    busy_changed = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: list[GeneratorWorker] = []

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def current(self) -> GeneratorWorker | None:
        return self._running[0] if self._running else None

    def submit(self, worker: GeneratorWorker) -> GeneratorWorker:
        was_busy = self.busy
        self._running.append(worker)
        worker.signals.finished.connect(lambda w=worker: self._done(w))
        self.pool.start(worker)
        if not was_busy:
            self.busy_changed.emit(True)
        return worker

    def _done(self, worker: GeneratorWorker) -> None:
        if worker in self._running:
            self._running.remove(worker)
        if not self._running:
            self.busy_changed.emit(False)

    def cancel_all(self) -> None:
        for w in list(self._running):
            w.cancel()

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)


class DelayedTimer(QTimer):
    """A single-shot timer used to show progress only for operations that last."""

    def __init__(self, parent: QObject | None = None, delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent)
        self.setSingleShot(True)
        self.setInterval(delay_ms)
