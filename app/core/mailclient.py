"""The async face of a MailService: every blocking backend call runs in a worker thread.

The UI awaits these coroutines from qasync slots; the event loop (Qt's) never waits on the network.
Note: cancelling an awaiting coroutine does not stop the worker thread; a "cancelled" send may still
go out, which is why sends are settled by Internet Message-ID (see ``app.core.outbox.settle``).
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

from app.domain.list_rows import with_rows
from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, Page, Recipient
from app.mail.errors import ClientClosed
from app.mail.service import MailService, MessageLimits, ServerInfo

T = TypeVar("T")


class MailClient:
    """Wraps one MailService. Owns the thread pool its calls run in."""

    def __init__(self, service_factory: Callable[[], MailService], *, workers: int = 4):
        # The factory runs in a worker too: building the backend imports exchangelib (slow), and that
        # must stay off the path to the first frame.
        self._factory = service_factory
        self._service: MailService | None = None
        self._build_lock = threading.Lock()  # workers race to the first call: build the backend once
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="mail")
        self._closed = False

    @property
    def send_settle_seconds(self) -> float:
        """What the backend asks the core to wait, at least, before it looks up a send whose answer was lost
        (:attr:`MailService.send_settle_seconds`); 0 until the backend is built (no send went through it)."""
        service = self._service
        return max(0.0, float(service.send_settle_seconds)) if service is not None else 0.0

    @property
    def message_limits(self) -> MessageLimits:
        """The default limits every backend reports today (their connect's ServerInfo); the server's own, learnt
        by a connect, are the :class:`app.core.session.Session`'s."""
        return MessageLimits()

    def _svc(self) -> MailService:
        svc = self._service
        if svc is None:
            with self._build_lock:
                if self._service is None:
                    self._service = self._factory()
                svc = self._service
        return svc

    async def _run(self, fn: Callable[..., T], *args, **kwargs) -> T:
        loop = asyncio.get_running_loop()

        def call():
            return fn(self._svc(), *args, **kwargs)

        if self._closed:  # a task started just before the close runs after it (a delete the close flushed)
            raise ClientClosed()
        return await loop.run_in_executor(self._pool, call)

    async def connect(self) -> ServerInfo:
        return await self._run(lambda s: s.connect())

    async def save_draft(self, draft: Draft) -> Draft:
        return await self._run(lambda s, d: s.save_draft(d), draft)

    async def send_drafts(self, refs: list[ItemRef], save_copy: bool = True) -> list[ItemOutcome]:
        return await self._run(lambda s, r: s.send_drafts(r, save_copy=save_copy), list(refs))

    async def send_mime(self, mime: bytes) -> None:
        return await self._run(lambda s, m: s.send_mime(m), mime)

    async def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        # The page's display rows are made here, in the worker that fetched it: the UI thread only inserts them.
        return await self._run(lambda s: with_rows(s.list_messages(folder, offset, limit), sent=folder == Folder.SENT))

    async def get_message(self, ref: ItemRef) -> Draft:
        return await self._run(lambda s: s.get_message(ref))

    async def delete_items(self, refs: list[ItemRef], to_trash: bool = True) -> list[ItemOutcome]:
        return await self._run(lambda s: s.delete_items(list(refs), to_trash=to_trash))

    async def resolve_names(self, text: str) -> list[Recipient]:
        return await self._run(lambda s: s.resolve_names(text))

    async def find_by_message_id(self, mid: str) -> dict[Folder, list[ItemRef]]:
        return (await self.find_by_message_ids([mid]))[mid]

    async def find_by_message_ids(self, mids: list[str]) -> dict[str, dict[Folder, list[ItemRef]]]:
        """Where each message is, in Drafts and Sent Items, in as few requests as the backend can."""
        return await self._run(lambda s: s.find_by_message_ids(list(mids)))

    def account_changed(self, account) -> None:
        """The account's settings changed: the backend (when built; else its factory reads them) uses them from
        the next call on. Calls already begun finish as they began."""
        with self._build_lock:
            svc = self._service
        if svc is not None:
            svc.account_changed(account)

    def reset(self, service_factory: Callable[[], MailService] | None = None) -> None:
        """Build the backend again at the next call: after its account changed (a pinned certificate;
        the factory reads the account when called) or, with ``service_factory``, for a new password.
        The old backend is closed; the pool (and whoever holds this client) stays."""
        old, self._service = self._service, None
        if service_factory is not None:
            self._factory = service_factory
        if old is not None:
            try:
                old.close()
            except Exception:  # pragma: no cover - closing must never raise into the UI
                pass

    def close(self) -> None:
        self._closed = True
        svc = self._service
        if svc is not None:
            try:
                svc.close()
            except Exception:  # pragma: no cover - closing must never raise into the UI
                pass
        self._pool.shutdown(wait=False, cancel_futures=True)
