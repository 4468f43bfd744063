"""A call off the event loop's thread, in a daemon thread of its own (no Qt).

Not ``asyncio.to_thread``: under qasync (the window) the loop's default executor is made of QThreads, and Qt
aborts the process when one still runs as the application ends ("QThread: Destroyed while thread is still
running"); a daemon thread never holds up the exit. Used for the window's file reads and parses
(:mod:`app.core.compose.eml_files`) and a command's files read behind the door (:mod:`app.core.scripts.desk`).
"""

from __future__ import annotations

import asyncio
import threading


async def in_thread(fn, *args, timeout: float | None = None, name: str = "worker"):
    """``fn(*args)`` in a daemon thread of its own; its result or exception. ``timeout``: TimeoutError
    after that many seconds (the thread is left to finish by itself)."""
    loop = asyncio.get_running_loop()
    fut = loop.create_future()

    def done(result, exc) -> None:
        if fut.done():
            return
        if exc is not None:
            fut.set_exception(exc)
        else:
            fut.set_result(result)

    def run() -> None:
        try:
            result, exc = fn(*args), None
        except BaseException as e:  # noqa: BLE001 - handed to the awaiting coroutine
            result, exc = None, e
        try:
            loop.call_soon_threadsafe(done, result, exc)
        except RuntimeError:  # the loop is closed: nobody waits any more
            pass

    threading.Thread(target=run, name=name, daemon=True).start()
    if timeout is None:
        return await fut
    return await asyncio.wait_for(fut, timeout)
