"""The one rule for waiting on an account's lock that another process holds (asyncio, no Qt).

A window kept waiting for its account's queue and a command that finds the queue held wait the same way: the lock
is tried, then ``tried()`` is asked (a window says who has the queue; a command knocks at the holder's door, whose
answer ends the wait), then a pause, first :data:`FIRST_PAUSE` seconds, doubled after each try up to
:data:`MOST_PAUSE`: the other process's next step (a door opened, a lock let go) is usually a moment away, and
a holder that keeps it for long is not asked more than a few times a second. The pauses are slept on an
injected clock (:mod:`app.core.outbox.clock`), so a test moves a manual one instead of waiting.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Awaitable, Callable, Iterator

from app.core.outbox.clock import MONOTONIC, call_at

FIRST_PAUSE = 0.02
MOST_PAUSE = 0.25


class StillHeld(Exception):
    """The lock was still held by another process when the caller's patience ran out."""


class LockWait:
    """Waits for an account's lock: :meth:`take`. ``most``: the longest pause between two tries."""

    def __init__(self, *, clock: Callable[[], float] = MONOTONIC, first: float = FIRST_PAUSE,
                 most: float = MOST_PAUSE):
        self.clock, self.first, self.most = clock, first, most

    def pauses(self) -> Iterator[float]:
        """The pauses between tries, in order: doubling from ``first`` up to ``most``."""
        pause = min(self.first, self.most)
        while True:
            yield pause
            pause = min(pause * 2, self.most)

    async def take(self, lock, tried: Callable[[], Any | Awaitable[Any]] | None = None,
                   patience: float | None = None) -> Any:
        """None once ``lock`` is held (``lock.take()``). After each try that fails, ``tried()`` (awaited when it
        gives an awaitable): an answer other than None ends the wait and is returned (the lock not taken). With
        ``patience`` (seconds), :class:`StillHeld` is raised once it has passed."""
        give_up = None if patience is None else self.clock() + patience
        pauses = self.pauses()
        while not lock.take():
            answer = tried() if tried is not None else None
            if inspect.isawaitable(answer):
                answer = await answer
            if answer is not None:
                return answer
            if give_up is not None and self.clock() > give_up:
                raise StillHeld
            await self._pause(next(pauses))
        return None

    async def _pause(self, seconds: float) -> None:
        woke = asyncio.get_running_loop().create_future()
        timer = call_at(self.clock, self.clock() + seconds, lambda: woke.done() or woke.set_result(None))
        try:
            await woke
        finally:
            timer.cancel()
