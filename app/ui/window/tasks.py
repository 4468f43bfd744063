"""The window's running work: every task started from the UI is tracked (closing the window and
``wait_idle`` wait for them), with the busy indicator while it runs; connection-level errors go to the
banner. The base of :class:`app.ui.window.workflows.Workflows`."""

from __future__ import annotations

import asyncio
from contextlib import contextmanager

from app.domain.explain import describe
from app.domain.models import ErrorKind
from app.mail.errors import MailError

# kinds of connection-level trouble that go to the banner with Retry
_BANNER_KINDS = {ErrorKind.UNREACHABLE, ErrorKind.AUTH, ErrorKind.TLS, ErrorKind.THROTTLED}


class TaskTracker:
    def __init__(self, window):
        self.w = window
        self._tasks: set[asyncio.Task] = set()
        self._kept: set[asyncio.Task] = set()  # closing the window does not cancel these
        self.closed = False  # the window closed: what its widgets still signal as they are destroyed starts nothing

    @property
    def tasks(self) -> set:
        return self._tasks

    async def wait_idle(self) -> None:
        """Wait for every task started from the UI (and the lists' page loads) to finish."""
        w = self.w
        while True:
            pending = [t for t in self._tasks if not t.done() and t is not asyncio.current_task()]
            for m in (w.drafts.model, w.sent.model):
                t = m.wait_task()
                if t is not None and not t.done():
                    pending.append(t)
            if not pending:
                return
            await asyncio.gather(*pending, return_exceptions=True)

    @contextmanager
    def tracked(self, busy: str = ""):
        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        if busy:
            self.w.busy_push(busy)
        try:
            yield task
        finally:
            if task is not None:
                self._tasks.discard(task)
            if busy:
                self.w.busy_pop()

    @staticmethod
    def explain_exc(exc: BaseException) -> str:
        if isinstance(exc, MailError):
            return describe(exc.code, exc.message)
        return f"{type(exc).__name__}: {exc}"

    def transport_error(self, exc: BaseException) -> bool:
        """Connection-level trouble goes to the banner with Retry. True if handled that way."""
        if isinstance(exc, MailError) and exc.kind in _BANNER_KINDS:
            self.w.show_error(self.explain_exc(exc), retry=True)
            return True
        return False

    def spawn(self, aw, *, keep_on_close: bool = False) -> asyncio.Task:
        """Start ``aw`` as a task that :meth:`wait_idle` (and closing the window) waits for; closing the
        window cancels it unless ``keep_on_close`` (work that must not stop half-way)."""
        task = asyncio.ensure_future(aw)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        if keep_on_close:
            self._kept.add(task)
            task.add_done_callback(self._kept.discard)
        return task

    def cancel_on_close(self) -> None:
        """The window closes: its running tasks are cancelled, but those spawned with ``keep_on_close``."""
        self.closed = True
        for t in list(self._tasks):
            if not t.done() and t not in self._kept:
                t.cancel()

