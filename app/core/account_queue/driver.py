"""One account's send queue in this process, built one way for the window and for ``dispatch-mail`` (no Qt).

:class:`AccountQueue` owns the order: the account's lock (:mod:`app.core.account_queue.keeper`, waited for by
the one rule of :mod:`app.core.account_queue.lock_wait`), then the journal's unfinished work restored into the
account's Outbox (:mod:`app.core.account_queue.runtime`: a hand-over from EWS first), then the account's door,
answering commands with :class:`app.core.scripts.desk.ScriptDesk` (its sends counted with the process's own
:class:`app.core.sending.request.Sending`). The journal and its writer (shared with autosave in a window) are the caller's.

What differs is injected: :class:`DeskWiring` (where the desk learns the configured account, the principals, the
window's sends, where a message taken back goes) and ``reauth`` (a window asks for the password on a 401). What
happens is told as typed events (:mod:`app.domain.events`): :attr:`AccountQueue.news` (who holds the queue, the
queue started) and the Outbox's own ``news``; a window follows both through its one bridge
(app.ui.common.core_events), a command reads the Outbox itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from app.core.account_queue.keeper import CLOSE_GRACE, QueueKeeper
from app.core.account_queue.lock_wait import MOST_PAUSE
from app.core.account_queue.runtime import AccountRuntime
from app.core.outbox.clock import MONOTONIC
from app.core.scripts.doors import COMMAND
from app.core.scripts.desk import ScriptDesk
from app.domain.events import CommandHandedOver


@dataclass(frozen=True)
class DeskWiring:
    """How the account's door answers a command: the account set up now (``configured()``), its principals,
    the process's :class:`app.core.sending.request.Sending` (asked when the door opens; None: the desk's own), where a
    message ``dispatch-mail outbox cancel`` took out goes, and where the password comes from (in words)."""

    configured: Callable[[], Any]
    principals: Callable[[], list] = list
    sending: Callable[[], Any] = lambda: None
    taken_back: Callable[[Any], None] | None = None
    password_from: str = ""
    opener: Callable[[str], None] | None = None  # a window's: a second start's link opened there


class AccountQueue:
    """One account's queue in this process (``account``: its :class:`app.domain.account.AccountConfig`). A window:
    :meth:`start` (the queue now, or once the lock is free). A command: :meth:`take`, then :meth:`open`. Both:
    :meth:`close` (or :meth:`shut`)."""

    def __init__(self, account, desk: DeskWiring, *, kind: str = COMMAND,
                 reauth: Callable[[], Awaitable[bool]] | None = None, retry_every: float = MOST_PAUSE,
                 clock: Callable[[], float] = MONOTONIC):
        self.account, self._desk, self._reauth = account, desk, reauth
        self.runtime: AccountRuntime | None = None  # built with the session (start / open)
        self._writer = None
        self.keeper = QueueKeeper(account.key, self._start_queue, self._desk_for, kind=kind, written=self._written,
                                  retry_every=retry_every, clock=clock)

    @property
    def news(self):
        """Its :class:`app.domain.events.Hub`: :class:`~app.domain.events.QueueHeldElsewhere` while another
        process has the queue, :class:`~app.domain.events.QueueStarted` once a queue waited for runs here."""
        return self.keeper.news

    @property
    def outbox(self):
        """The account's Outbox once this process drives it (None while another process has the lock)."""
        return self.keeper.outbox

    @property
    def desk(self) -> ScriptDesk | None:
        """The desk the open door answers with (None while no door is open)."""
        door = self.keeper.door
        return door.desk if door is not None else None

    @property
    def waiting(self) -> str:
        """Why this process does not send for the account now ("" : it does)."""
        return self.keeper.waiting

    def start(self, session, journal, writer):
        """A window: the account's Outbox at once when its lock is free (its door opens on the loop); else None,
        and :class:`app.domain.events.QueueStarted` is told once the lock is this window's."""
        self._bind(session, journal, writer)
        return self.keeper.start()

    async def take(self, tried: Callable[[], Awaitable[Any]], patience: float) -> Any:
        """A command: the account's lock, waited for (see :meth:`QueueKeeper.take`); None once held."""
        return await self.keeper.take(tried, patience)

    def take_now(self) -> bool:
        """The account's lock if it is free, without waiting."""
        return self.keeper.lock.take()

    async def open(self, session, journal, writer):
        """The lock is held: the Outbox restored and started, then the door opened (raised when it cannot be)."""
        self._bind(session, journal, writer)
        return await self.keeper.open()

    async def close_door(self, grace: float = CLOSE_GRACE) -> None:
        await self.keeper.close_door(grace)

    async def close(self, grace: float = CLOSE_GRACE, let_go: bool = True) -> None:
        await self.keeper.close(grace, let_go=let_go)

    def shut(self) -> None:
        self.keeper.shut()

    def _bind(self, session, journal, writer) -> None:
        self._writer = writer
        self.runtime = AccountRuntime(session, journal, writer, reauth=self._reauth)

    def _start_queue(self):
        return self.runtime.start()

    def _desk_for(self, outbox) -> ScriptDesk:
        d = self._desk
        return ScriptDesk(outbox, self.account, configured=d.configured, principals=d.principals,
                          sending=d.sending(), taken_back=d.taken_back, password_from=d.password_from,
                          opener=d.opener, delivery=self.runtime.delivery, scheduled=self.runtime.scheduled,
                          handed_over=lambda local_id: self.keeper.news.publish(CommandHandedOver(local_id)))

    async def _written(self) -> None:
        """Every journal write asked for so far is on disk."""
        if self._writer is not None:
            await self._writer(_nothing)


def _nothing() -> None:
    """Run on the journal's thread after every write asked for before it: awaiting it waits for them."""
