"""One signed-in mailbox for the UI: the account, its MailClient, and the connection state.

No Qt here. The UI listens with :meth:`Session.add_listener` and re-emits as signals. The backend is
built lazily in a worker thread (``MailClient`` calls the factory there), so exchangelib is imported
off the UI thread and off the path to the first frame. Which backend serves an account is decided in
:mod:`app.mail.backends` (EWS now; Microsoft Graph slots in there).
"""

from __future__ import annotations

import enum
import logging
from typing import Callable

from app.core.mailclient import MailClient
from app.domain.account import AccountConfig
from app.domain.explain import describe
from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, Page, Recipient
from app.domain.validation import DEFAULT_MAX_SEND_BYTES
from app.mail import backends
from app.mail.errors import AuthFailed, ConnectionFailed, MailError, TlsFailed
from app.mail.service import MailService, ServerInfo

log = logging.getLogger(__name__)


class ConnectionState(str, enum.Enum):
    IDLE = "idle"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    OFFLINE = "offline"
    AUTH_FAILED = "auth_failed"


def ews_service_factory(account: AccountConfig, password: str) -> Callable[[], MailService]:
    """A factory that builds the account's backend (EWS today) when first called, in a worker thread."""
    return backends.service_factory(account, password)


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
        self.sends_in_flight = 0
        self.closed = False
        self._listeners: list[Callable[[ConnectionState, MailError | None], None]] = []
        self._on_server_info = on_server_info
        self._on_close = on_close
        self._pipeline = None
        self._progress_listeners: list[Callable[[object], None]] = []

    # ---- construction ----
    @classmethod
    def for_account(cls, account: AccountConfig, password: str, **kw) -> "Session":
        return cls(account, MailClient(ews_service_factory(account, password)), **kw)

    @classmethod
    def for_service(cls, account: AccountConfig, factory: Callable[[], MailService], **kw) -> "Session":
        return cls(account, MailClient(factory), **kw)

    # ---- state ----
    @property
    def max_send_bytes(self) -> int:
        return self.server_info.max_send_bytes if self.server_info else DEFAULT_MAX_SEND_BYTES

    def add_listener(self, fn: Callable[[ConnectionState, MailError | None], None]) -> None:
        self._listeners.append(fn)

    def _set_state(self, state: ConnectionState, error: MailError | None = None) -> None:
        self.state = state
        self.last_error = error
        for fn in list(self._listeners):
            try:
                fn(state, error)
            except Exception:  # noqa: BLE001 - a listener must not break the session
                log.exception("session listener failed")

    def _note_error(self, exc: BaseException) -> None:
        if isinstance(exc, (AuthFailed,)):
            self._set_state(ConnectionState.AUTH_FAILED, exc)
        elif isinstance(exc, (ConnectionFailed, TlsFailed)):
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
                ConnectionState.AUTH_FAILED if isinstance(exc, AuthFailed) else ConnectionState.OFFLINE, exc
            )
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. the backend could not be built
            err = ConnectionFailed(f"{type(exc).__name__}: {exc}")
            self._set_state(ConnectionState.OFFLINE, err)
            raise err from exc
        self.server_info = info
        self.account.server_build = info.build or self.account.server_build
        self.account.server_version_name = info.version_name or self.account.server_version_name
        if self._on_server_info is not None:
            try:
                self._on_server_info(info)
            except Exception:  # noqa: BLE001
                log.exception("could not cache the server build")
        self._set_state(ConnectionState.CONNECTED)
        return info

    # ---- the sending pipeline (app.core.sending: retries, exactly-once verification) ----
    def add_progress_listener(self, fn: Callable[[object], None]) -> None:
        """``fn(app.core.sending.Progress)`` for every state change of a save/send ("waiting 3 s" ...)."""
        self._progress_listeners.append(fn)

    def _progress(self, p) -> None:
        for fn in list(self._progress_listeners):
            try:
                fn(p)
            except Exception:  # noqa: BLE001
                log.exception("progress listener failed")

    def pipeline(self):
        if self._pipeline is None or self._pipeline.max_send_bytes != self.max_send_bytes:
            from app.core import sending  # deferred: not needed for the first frame

            self._pipeline = sending.pipeline_for(self.client, on_progress=self._progress,
                                                  max_send_bytes=self.max_send_bytes)
        return self._pipeline

    # ---- operations ----
    async def save_draft(self, draft: Draft) -> Draft:
        return await self._call(self.pipeline().save(draft))

    async def send_draft(self, draft: Draft) -> tuple[Draft, ItemOutcome]:
        """Save (create or update, validated for sending) then send with a copy in Sent Items.

        Returns the saved draft and the outcome. Raises MailError when nothing could be done
        (``DraftInvalid`` with field errors, or connection-level failures)."""
        self.sends_in_flight += 1
        try:
            pipe = self.pipeline()
            saved = await self._call(pipe.save(draft, for_send=True))
            outcomes = await self._call(pipe.send_batch([saved]))
            return saved, self._explained(outcomes, [saved.local_id])[0]
        finally:
            self.sends_in_flight -= 1

    async def send_refs(self, refs: list[ItemRef], local_ids: list[str] | None = None) -> list[ItemOutcome]:
        """Send saved drafts as ONE SendItem with many ItemIds. One outcome per ref, in order."""
        self.sends_in_flight += 1
        try:
            outcomes = await self._call(self.pipeline().send_batch(list(refs)))
        finally:
            self.sends_in_flight -= 1
        return self._explained(outcomes, local_ids)

    @staticmethod
    def _explained(outcomes: list[ItemOutcome], local_ids: list[str] | None) -> list[ItemOutcome]:
        out = []
        for i, o in enumerate(outcomes):
            lid = o.local_id or (local_ids[i] if local_ids else "")
            text = o.explanation if o.ok else describe(o.code, o.message)
            out.append(ItemOutcome(o.ref, o.status, o.code, o.message, text, lid))
        return out

    async def list_messages(self, folder: Folder, offset: int, limit: int) -> Page:
        return await self._call(self.client.list_messages(folder, offset, limit))

    async def get_message(self, ref: ItemRef) -> Draft:
        return await self._call(self.client.get_message(ref))

    async def delete_items(self, refs: list[ItemRef]) -> list[ItemOutcome]:
        return await self._call(self.client.delete_items(list(refs), to_trash=True))

    async def resolve_names(self, text: str) -> list[Recipient]:
        return await self._call(self.client.resolve_names(text))

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.client.close()
        if self._on_close is not None:
            try:
                self._on_close()
            except Exception:  # noqa: BLE001
                log.exception("session close hook failed")
