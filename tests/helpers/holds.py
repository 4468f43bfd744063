"""The Outbox on clocks the test moves by hand (the monotonic one and the wall clock), and turns of its
worker: no test sleeps for a hold's time."""

from __future__ import annotations

import asyncio

from app.core.outbox import Outbox
from tests.helpers.submission import FAST

WALL0 = 1_800_000_000.0  # a fixed wall-clock epoch


class Clocks:
    """The Outbox's monotonic clock and the wall clock, moved by the test (they need not agree: a
    suspended machine stops the monotonic one)."""

    def __init__(self):
        self.mono, self.wall = 100.0, WALL0

    def advance(self, seconds: float, *, mono: bool = True, wall: bool = True) -> None:
        self.mono += seconds if mono else 0.0
        self.wall += seconds if wall else 0.0


def clocked_outbox(box, journal, clocks: Clocks) -> Outbox:
    return Outbox(box, journal, account="a", policy=FAST, clock=lambda: clocks.mono, wall=lambda: clocks.wall)


async def worker_turns(n: int = 20) -> None:
    """Let the worker run (it has no time to wait for: the clocks are the test's)."""
    for _ in range(n):
        await asyncio.sleep(0.005)
