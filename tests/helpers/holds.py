"""The Outbox on clocks the test moves by hand (the monotonic one and the wall clock): its worker sleeps on
the monotonic one and wakes as the test moves it (tests/helpers/clocks.py). No test sleeps for a hold's time."""

from __future__ import annotations

from app.core.outbox import Outbox
from tests.helpers.clocks import ManualClock
from tests.helpers.submission import FAST

WALL0 = 1_800_000_000.0  # a fixed wall-clock epoch


class Clocks:
    """The Outbox's monotonic clock and the wall clock, moved by the test (they need not agree: a
    suspended machine stops the monotonic one)."""

    def __init__(self):
        self.monotonic, self.wall = ManualClock(100.0), WALL0

    @property
    def mono(self) -> float:
        return self.monotonic.now

    @mono.setter
    def mono(self, value: float) -> None:
        self.monotonic.now = value

    def advance(self, seconds: float, *, mono: bool = True, wall: bool = True) -> None:
        self.wall += seconds if wall else 0.0  # first: a call-back the monotonic clock runs sees the new wall time
        if mono:
            self.monotonic.advance(seconds)


def clocked_outbox(box, journal, clocks: Clocks) -> Outbox:
    return Outbox(box, journal, account="a", policy=FAST, clock=clocks.monotonic, wall=lambda: clocks.wall)


class HeldClocks:
    """The running Outbox's injected clocks (monotonic and wall) held still from now on: an undo-send countdown
    or a server's back-off never ends by itself; ``advance`` moves both and, unless told not to, wakes the
    Outbox's worker to look again."""

    def __init__(self, ob):
        self.ob, self.mono, self.wall = ob, ob.parts.clock(), ob.parts.wall()
        self._set()

    def _set(self) -> None:
        mono, wall = self.mono, self.wall
        self.ob.parts.clock, self.ob.parts.wall = (lambda: mono), (lambda: wall)

    def advance(self, seconds: float, poke: bool = True) -> None:
        self.mono, self.wall = self.mono + seconds, self.wall + seconds
        self._set()
        if poke:
            self.ob.parts.worker.poke()
