"""The async face of a MailService: a blocking backend call runs in a worker thread; a backend in the mail
engine's process (:class:`app.mail.service.AwaitedCalls`) is awaited directly, with no thread in between.

The UI awaits these coroutines from qasync slots; the event loop (Qt's) never waits on the network.
Note: cancelling an awaiting coroutine does not stop the call (the worker thread, or the engine, goes on);
a "cancelled" send may still go out, which is why sends are settled by Internet Message-ID (see ``app.core.outbox.settle``).
"""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.list_rows import with_rows
from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, Page, Recipient
from app.mail.errors import ClientClosed
from app.mail.service import (DIRECTORY_PAGE_SIZE, REPORT_PAGE_SIZE, AwaitedCalls, MailService, MessageLimits,
                              ReportItem, Scheduled, ServerInfo)

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
        by a connect, are the :class:`app.core.accounts.session.Session`'s."""
        return MessageLimits()

    def _svc(self) -> MailService:
        svc = self._service
        if svc is None:
            with self._build_lock:
                if self._service is None:
                    self._service = self._factory()
                svc = self._service
        return svc

    async def _run(self, method: str, *args, _then: Callable | None = None, **kwargs):
        """The backend's ``method`` (its answer through ``_then``): awaited where the backend can be (the engine's
        process does the work), else run in a worker thread. The backend is built in a worker (a local one
        imports exchangelib: slow)."""
        if self._closed:  # a task started just before the close runs after it (a delete the close flushed)
            raise ClientClosed()
        loop = asyncio.get_running_loop()
        svc = self._service
        if svc is None:
            svc = await loop.run_in_executor(self._pool, self._svc)
        then = _then or _same
        if isinstance(svc, AwaitedCalls):
            return then(await svc.acall(method, *args, **kwargs))
        return await loop.run_in_executor(self._pool, lambda: then(getattr(svc, method)(*args, **kwargs)))

    async def connect(self) -> ServerInfo:
        return await self._run("connect")

    async def save_draft(self, draft: Draft) -> Draft:
        return await self._run("save_draft", draft)

    async def send_drafts(self, refs: list[ItemRef], save_copy: bool = True) -> list[ItemOutcome]:
        return await self._run("send_drafts", list(refs), save_copy=save_copy)

    async def send_mime(self, mime: bytes) -> None:
        return await self._run("send_mime", mime)

    async def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        # The page's display rows are made with it (in the worker when the backend runs in one): the UI only
        # inserts them.
        return await self._run("list_messages", folder, offset, limit,
                               _then=lambda page: with_rows(page, sent=folder == Folder.SENT))

    async def get_message(self, ref: ItemRef) -> Draft:
        return await self._run("get_message", ref)

    async def delete_items(self, refs: list[ItemRef], to_trash: bool = True) -> list[ItemOutcome]:
        return await self._run("delete_items", list(refs), to_trash=to_trash)

    async def resolve_names(self, text: str) -> list[Recipient]:
        return await self._run("resolve_names", text)

    async def find_by_message_id(self, mid: str) -> dict[Folder, list[ItemRef]]:
        return (await self.find_by_message_ids([mid]))[mid]

    async def find_by_message_ids(self, mids: list[str]) -> dict[str, dict[Folder, list[ItemRef]]]:
        """Where each message is, in Drafts, Sent Items and the own Outbox, in as few requests as the backend can."""
        return await self._run("find_by_message_ids", list(mids))

    async def find_reports(self, since: datetime, *, limit: int = 200,
                           page_size: int = REPORT_PAGE_SIZE) -> list[ReportItem]:
        """The reports in the Inbox received since ``since``, newest first (:meth:`MailService.find_reports`)."""
        return await self._run("find_reports", since, limit=limit, page_size=page_size)

    async def report_mime(self, ref: ItemRef) -> bytes:
        """A report's MIME, at most MAX_REPORT_BYTES of it (:meth:`MailService.report_mime`)."""
        return await self._run("report_mime", ref)

    async def list_scheduled(self, limit: int = 200) -> list[Scheduled]:
        """The messages the server keeps in the account's own Outbox, the latest send time last
        (:meth:`MailService.list_scheduled`)."""
        return await self._run("list_scheduled", limit)

    async def take_back(self, ref: ItemRef) -> ItemRef:
        """One of them moved back to Drafts, its deferral removed: its ref in Drafts; a MailError of kind NOT_FOUND
        when it is no longer there (:meth:`MailService.take_back`)."""
        return await self._run("take_back", ref)

    async def search_directory(self, text: str, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        """A page of the organisation's address book matching ``text`` (:meth:`MailService.search_directory`);
        DirectoryNotGranted when the organisation withholds it."""
        return await self._run("search_directory", text, limit=limit, page=page)

    async def group_members(self, group: DirectoryEntry, *, limit: int = DIRECTORY_PAGE_SIZE,
                            page: str = "") -> DirectoryPage:
        """A page of a group's direct members (:meth:`MailService.group_members`)."""
        return await self._run("group_members", group, limit=limit, page=page)

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


def _same(value):
    return value
