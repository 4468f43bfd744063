"""Waiting inside a coroutine for another thread's event, and letting the loop run a few turns."""

from __future__ import annotations

import asyncio
import threading


async def until_set(event: threading.Event) -> None:
    for _ in range(1000):
        if event.is_set():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the journal write never started")


async def a_few_turns() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


def run(coro, timeout: float = 60):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(asyncio.wait_for(coro, timeout))
    finally:
        loop.close()
