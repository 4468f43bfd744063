"""The Outbox's clock: what time it is, and a call-back at a time on it. No Qt.

A clock is called for the time (``clock() -> float``, seconds on a monotonic scale). One that also has
``call_at(when, callback) -> handle`` (``handle.cancel()`` takes it back) says itself when a time has come:
the worker sleeps on it until its next retry, look-up or release (:func:`call_at`). The real one is
:data:`MONOTONIC` (``time.monotonic``, its call-backs the running event loop's timer); a test passes one it
moves by hand (``tests/helpers/clocks.py``), whose call-backs run as the test moves it past their time, so no
settle delay, back-off or hold is waited in real time. A bare function of time (``lambda: t``) still works:
its call-backs fall back to the loop's timer, by the difference from now.
"""

from __future__ import annotations

import asyncio
import time
from typing import Callable, Protocol, runtime_checkable


class Timer(Protocol):
    def cancel(self) -> None: ...


@runtime_checkable
class Clock(Protocol):
    def __call__(self) -> float: ...

    def call_at(self, when: float, callback: Callable[[], None]) -> Timer: ...


class MonotonicClock:
    """``time.monotonic``; a call-back at a time is the running event loop's timer."""

    def __call__(self) -> float:
        return time.monotonic()

    def call_at(self, when: float, callback: Callable[[], None]) -> Timer:
        return asyncio.get_running_loop().call_later(max(0.0, when - time.monotonic()), callback)


MONOTONIC = MonotonicClock()


def call_at(clock: Callable[[], float], when: float, callback: Callable[[], None]) -> Timer:
    """``callback()`` once ``clock`` reaches ``when``: by the clock itself when it can say so (a
    :class:`Clock`), else by the running loop's timer after ``when - clock()`` seconds."""
    if isinstance(clock, Clock):
        return clock.call_at(when, callback)
    return asyncio.get_running_loop().call_later(max(0.0, when - clock()), callback)

