"""One signed-in mailbox for the UI: the account, its MailClient, and the connection state.

No Qt here. Its :attr:`~Session.news` publishes :class:`app.domain.events.SessionStateChanged`; the UI's one bridge
(app.ui.common.core_events) re-emits it as a signal. The backend is
built lazily in a worker thread (``MailClient`` calls the factory there), so exchangelib is imported
off the UI thread and off the path to the first frame. Which backend serves an account is decided in
:mod:`app.mail.backends` (EWS or Microsoft Graph; app/core/accounts/services.py gives Graph its sign-in).
"""

from __future__ import annotations

import enum
import logging
from datetime import datetime
from typing import Callable

from app.core.accounts import services as accounts
from app.core.accounts.mailclient import MailClient
from app.domain.account import AccountConfig
from app.domain.directory import DirectoryEntry, DirectoryPage
from app.domain.events import Hub, SessionStateChanged
from app.domain.models import Draft, ErrorKind, Folder, ItemOutcome, ItemRef, Page, Recipient
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from app.mail.errors import ConnectionFailed, MailError
from app.mail.service import (DIRECTORY_PAGE_SIZE, REPORT_PAGE_SIZE, MailService, MessageLimits, ReportItem,
                              ServerInfo)

log = logging.getLogger(__name__)


class ConnectionState(str, enum.Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    OFFLINE = "offline"
    AUTH_FAILED = "auth_failed"


def account_service_factory(account: AccountConfig, password: str = "") -> Callable[[], MailService]:
    """A factory that builds the account's backend when first called, in a worker thread: EWS with the
    password, Microsoft Graph with the account's Microsoft 365 sign-in (app/core/accounts/services.py)."""
    return accounts.service_factory_for(account, password)


class Session:
    """The account in use plus everything the UI awaits. Safe to build before the event loop runs."""

    def __init__(
        self,
        account: AccountConfig,
        client: MailClient,
        *,
        on_server_info: Callable[[ServerInfo], None] | None = None,
        on_close: Callable[[], None] | None = None,
    ):
        self.account = account
        self.client = client
        self.state = ConnectionState.IDLE
        self.last_error: MailError | None = None
        self.server_info: ServerInfo | None = None
        self.closed = False
        # the account's send queue (built by the UI's controller with the journal; closed with us)
        self.outbox = None
        self.news = Hub(SessionStateChanged)  # each change of :attr:`state`, told as it happens
        self._on_server_info = on_server_info
        self._on_close = on_close

    # ---- construction ----
    @classmethod
    def for_account(cls, account: AccountConfig, password: str, **kw) -> "Session":
        return cls(account, MailClient(account_service_factory(account, password)), **kw)

    @classmethod
    def for_service(cls, account: AccountConfig, factory: Callable[[], MailService], **kw) -> "Session":
        return cls(account, MailClient(factory), **kw)

    # ---- state ----
    @property
    def ready(self) -> bool:
        """Connected and its server known: the connect itself went through (not only a list or a save by the
        way, which marks the session connected without learning the server's build and limits)."""
        return self.state == ConnectionState.CONNECTED and self.server_info is not None

    @property
    def max_send_bytes(self) -> int:
        return self.server_info.max_send_bytes if self.server_info else DEFAULT_MAX_SEND_BYTES

    @property
    def send_settle_seconds(self) -> float:
        """What the backend asks the Outbox (whose client this session is) to wait, at least, before it looks up a
        send whose answer was lost: its mail client's (Graph's 10 s; 0 before the backend is built)."""
        return self.client.send_settle_seconds

    @property
    def message_limits(self) -> MessageLimits:
        """What the server takes in one message: what the connect learnt, else the default (the Outbox's client)."""
        return MessageLimits(self.max_send_bytes)

    def _set_state(self, state: ConnectionState, error: MailError | None = None) -> None:
        self.state = state
        self.last_error = error
        self.news.publish(SessionStateChanged(state, error))  # a listener that fails is logged, not fatal

    def _note_error(self, exc: MailError) -> None:
        if exc.kind == ErrorKind.AUTH:
            self._set_state(ConnectionState.AUTH_FAILED, exc)
        elif exc.kind in (ErrorKind.UNREACHABLE, ErrorKind.TLS):
            self._set_state(ConnectionState.OFFLINE, exc)

    async def _call(self, coro):
        try:
            result = await coro
        except MailError as exc:
            self._note_error(exc)
            raise
        if self.state in (ConnectionState.OFFLINE, ConnectionState.IDLE):
            self._set_state(ConnectionState.CONNECTED)
        return result

    async def connect(self) -> ServerInfo:
        self._set_state(ConnectionState.CONNECTING)
        try:
            info = await self.client.connect()
        except MailError as exc:
            self._set_state(
                ConnectionState.AUTH_FAILED if exc.kind == ErrorKind.AUTH else ConnectionState.OFFLINE, exc
            )
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. the backend could not be built
            err = ConnectionFailed(f"{type(exc).__name__}: {exc}")
            self._set_state(ConnectionState.OFFLINE, err)
            raise err from exc
        self.server_info = info
        self.account.server_build = info.build or self.account.server_build
        self.account.server_version_name = info.version_name or self.account.server_version_name
        if getattr(info, "auth_used", ""):  # the method that worked, kept with the account
            self.account.auth_used, self.account.signed_in_as = info.auth_used, info.signed_in_as
        if self._on_server_info is not None:
            try:
                self._on_server_info(info)
            except Exception:  # noqa: BLE001
                log.exception("could not cache the server build")
        self._set_state(ConnectionState.CONNECTED)
        return info

    # ---- the account's settings ----
    def set_principals(self, principals) -> None:
        """The mailboxes this account sends from changed (File > Mailboxes you send from, or the stored list at
        sign-in): the account holds them and the backend, wherever it runs (the mail engine's own process
        for EWS), sends with them from the next call on, without a restart."""
        self.account.principals = list(principals)
        self.client.account_changed(self.account)

    # ---- the mail service, through the connection state (the Outbox calls these too) ----
    async def save_draft(self, draft: Draft) -> Draft:
        return await self._call(self.client.save_draft(draft))

    async def send_drafts(self, refs: list[ItemRef], save_copy: bool = True) -> list[ItemOutcome]:
        return await self._call(self.client.send_drafts(list(refs), save_copy=save_copy))

    async def send_mime(self, mime: bytes) -> None:
        return await self._call(self.client.send_mime(mime))

    async def find_by_message_ids(self, mids: list[str]):
        return await self._call(self.client.find_by_message_ids(list(mids)))

    async def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        return await self._call(self.client.list_messages(folder, offset, limit))

    async def get_message(self, ref: ItemRef) -> Draft:
        return await self._call(self.client.get_message(ref))

    async def delete_items(self, refs: list[ItemRef]) -> list[ItemOutcome]:
        return await self._call(self.client.delete_items(list(refs), to_trash=True))

    async def resolve_names(self, text: str) -> list[Recipient]:
        return await self._call(self.client.resolve_names(text))

    async def find_reports(self, since: datetime, *, limit: int = 200,
                           page_size: int = REPORT_PAGE_SIZE) -> list[ReportItem]:
        return await self._call(self.client.find_reports(since, limit=limit, page_size=page_size))

    async def report_mime(self, ref: ItemRef) -> bytes:
        return await self._call(self.client.report_mime(ref))

    async def list_scheduled(self, limit: int = 200) -> list:
        return await self._call(self.client.list_scheduled(limit))

    async def take_back(self, ref: ItemRef) -> ItemRef:
        return await self._call(self.client.take_back(ref))

    async def search_directory(self, text: str, *, limit: int = DIRECTORY_PAGE_SIZE, page: str = "") -> DirectoryPage:
        return await self._call(self.client.search_directory(text, limit=limit, page=page))

    async def group_members(self, group: DirectoryEntry, *, limit: int = DIRECTORY_PAGE_SIZE,
                            page: str = "") -> DirectoryPage:
        return await self._call(self.client.group_members(group, limit=limit, page=page))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.outbox is not None:
            self.outbox.close()
        self.client.close()
        if self._on_close is not None:
            try:
                self._on_close()
            except Exception:  # noqa: BLE001
                log.exception("session close hook failed")
