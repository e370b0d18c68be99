"""Progress reports and cancellation for long operations, with no GUI in them.

Long operations are generators that yield :class:`Progress`; callers (CLI progress line,
desktop worker) render them and may set a :class:`CancelToken` that the operation checks
between units of work.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from models.errors import Cancelled


@dataclass(frozen=True)
class Progress:
    """``done`` out of ``total`` units (articles), with a short French message."""

    done: int
    total: int
    message: str = ""
    passages: int = 0
    elapsed_s: float = 0.0

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def eta_s(self) -> float | None:
        """Remaining seconds, by linear extrapolation; ``None`` before any unit is done."""
        if self.done <= 0 or self.total <= 0 or self.elapsed_s <= 0:
            return None
        return self.elapsed_s * (self.total - self.done) / self.done

    @property
    def passages_per_s(self) -> float:
        return self.passages / self.elapsed_s if self.elapsed_s > 0 else 0.0


class CancelToken:
    """A thread-safe flag: set it from any thread, check it in the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Opération annulée ; l'index précédent est conservé.")
