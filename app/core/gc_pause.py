"""Full garbage collections held off while bulk work keeps many objects alive (issue 16). No Qt.

CPython's cyclic collector starts a full (generation 2) collection whenever the objects that reached
generation 2 since the last one number a quarter of those it found then (its guard against quadratic
cost). A full collection scans every tracked object that is not frozen (:func:`app.app_main.settle_gc`
froze what start-up made) with the GIL held: the UI thread waits for all of it, whichever thread it runs
in. A 5,000-row mail merge keeps ~50,000 objects alive while it sends (rows, their submissions, the
stand-in drafts); as they piled up, four or five full collections ran during the send, 14-48 ms each:
the merge's longest stalls.

While a :func:`held` block runs, generation 2's threshold is so high that no automatic full collection
starts; generations 0 and 1 are collected as before, so cycles among short-lived objects are still
freed. The thresholds come back when the last hold ends (an exception ends a hold too), and CPython's
own rule then starts one full collection soon after: one instead of four or five, of what is still alive
(after a 5,000-row merge ~21,000 objects, mostly the rows and the Outbox's finished sends: 10-19 ms). The
price: cyclic garbage that reached generation 2 during a hold (little: the merge's objects are freed by
their reference counts) waits until then.

Holds are taken and released on the event loop's thread (asyncio code); they nest.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: generation 2's threshold while held: that many collections of generation 1 (each after ~7,000 new
#: objects with CPython's defaults) before a full one, far more than any hold lasts
HELD_THRESHOLD = 1_000_000


class _Pauses:
    """How many holds are taken, and the thresholds to restore when the last ends."""

    def __init__(self) -> None:
        self.count = 0
        self.saved: tuple[int, ...] | None = None

    def take(self) -> None:
        if self.count == 0:
            self.saved = gc.get_threshold()
            young, middle = self.saved[0], self.saved[1]
            gc.set_threshold(young, middle, HELD_THRESHOLD)
        self.count += 1

    def release(self) -> None:
        self.count -= 1
        if self.count == 0 and self.saved is not None:
            gc.set_threshold(*self.saved)
            self.saved = None


_PAUSES = _Pauses()


@contextlib.contextmanager
def held() -> Iterator[None]:
    """``with held():`` no automatic full collection starts until the block (and every other hold) ends."""
    _PAUSES.take()
    try:
        yield
    finally:
        _PAUSES.release()


def holding() -> bool:
    """Whether a hold is taken now (tests, diagnostics)."""
    return _PAUSES.count > 0
