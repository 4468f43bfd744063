"""The mail merge's own worker thread (files, parsing a table, the run's record). No Qt."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

_POOL: ThreadPoolExecutor | None = None


async def in_thread(fn, *args):
    """``fn(*args)`` on the merge's own worker thread: never the UI thread, and not the event loop's default
    executor (qasync's runs QThreads that outlive the window). One thread: calls run in the order made."""
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="merge")
    return await asyncio.get_running_loop().run_in_executor(_POOL, fn, *args)
