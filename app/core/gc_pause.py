"""Full garbage collections held off while bulk work keeps many objects alive (issue 16). No Qt.

CPython's cyclic collector starts a full (generation 2) collection whenever the objects that reached
generation 2 since the last one number a quarter of those it found then (its guard against quadratic
cost). A full collection scans every tracked object that is not frozen (:func:`app.runtime.settle_gc`
froze what start-up made) with the GIL held: the UI thread waits for all of it, whichever thread it runs
in. A 5,000-row mail merge keeps ~50,000 objects alive while it sends (rows, their submissions, the
stand-in drafts); as they piled up, four or five full collections ran during the send, 14-48 ms each:
the merge's longest stalls.

While a :func:`held` block runs, generation 2's threshold is so high that no automatic full collection
starts; generations 0 and 1 are collected as before, so cycles among short-lived objects are still
freed. When the last hold ends (an exception ends a hold too) the thresholds come back, and what the work
left alive is moved out of the collector's sight (``gc.freeze``, as :func:`app.runtime.settle_gc` does
after start-up): after a 5,000-row merge that is ~21,000 objects that live on (its rows, which the merge
window shows; each finished send, which the Outbox lists for the session), and a full collection of them
took 15-32 ms, right at the release and again at every full collection after. Measured at the release
of that merge: a full collection would have found nothing unreachable, so the freeze keeps no garbage.
A frozen object is still freed when its last reference goes; only a reference cycle among frozen objects
is never collected. The rows and the sends are in none; a run and the merge window refer to each other,
but the window is made once and lives as long as the main window (a new merge's run replaces the old one
in it, which its reference count then frees).

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
            gc.freeze()  # what the work left alive lives on: no later full collection goes over it
            gc.set_threshold(*self.saved)
            self.saved = None


_PAUSES = _Pauses()


@contextlib.contextmanager
def held() -> Iterator[None]:
    """``with held():`` no automatic full collection starts until the block (and every other hold) ends;
    then what is alive is frozen."""
    _PAUSES.take()
    try:
        yield
    finally:
        _PAUSES.release()


def holding() -> bool:
    """Whether a hold is taken now (tests, diagnostics)."""
    return _PAUSES.count > 0
