"""Journal writes off the UI thread: one worker thread, so writes keep their order.

The journal commits with ``synchronous=FULL`` (an fsync per transaction). Run on the event loop's
thread (Qt's, under qasync) every such commit would stall the UI for as long as the disk takes; here
the loop awaits the write instead. Order matters for exactly-once (a submission's ``submitting`` state
must be on disk before its send request leaves), and the caller awaits each write before going on. The
app uses ONE writer for autosave and the Outbox, so their writes reach the disk in the order made.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, TypeVar

T = TypeVar("T")


class JournalWriter:
    def __init__(self):
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="journal")

    async def __call__(self, fn: Callable[..., T], *args, **kwargs) -> T:
        """Run ``fn`` on the journal thread and await it (the Outbox: state before the server call)."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def submit(self, fn: Callable[..., T], *args, **kwargs) -> Future:
        """Queue ``fn`` on the journal thread without waiting (autosave: typing never waits on disk)."""
        return self._pool.submit(fn, *args, **kwargs)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
