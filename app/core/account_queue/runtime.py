"""One account's life on this computer (in the core, no Qt).

When an account comes into use, :meth:`AccountRuntime.start` gives it its one send queue, in this order:
the mail an EWS account of the same address left waiting moves to it first (a Microsoft 365 account after
Exchange Online blocked EWS: :mod:`app.core.outbox.handover`), then its :class:`Outbox` is built, restores the
journal's unfinished work of this account only, and starts. The queue lives as long as the session (a
second ``start`` for the same session gives the same queue). :meth:`to_reopen` / :meth:`reopened` name the
message to put back in Compose and what to tell the user; :meth:`resume` (once connected) adopts the saves
that reached the server and queues the other recovered messages for Drafts (:mod:`app.core.compose.recovery`).

Built by :class:`app.core.account_queue.driver.AccountQueue`. The window (app/ui/outbox/journal_bridge.py)
observes: it shows the notes, loads Compose, lists the Outbox (the Outbox's news reaches it through the UI's one
bridge, app.ui.common.core_events).
"""

from __future__ import annotations

import logging
from typing import Awaitable, Callable

from app.core.outbox import handover

from app.core.compose import recovery
from app.core.outbox import holds
from app.core.sending.limits import SentCounter
from app.core.common.journal_writer import JournalWriter
from app.core.delivery.watch import DeliveryWatch
from app.core.scheduled.held import ScheduledList
from app.core.outbox import Outbox
from app.storage.journal import Entry, Journal
from app.storage.delivery_book import DeliveryBookStore
from app.storage.sent_ledger import SentLedgerStore
from app.core.common.word_lists import counted
from app.domain.events import SubmissionFinished
from app.domain.words import Words, translate

log = logging.getLogger(__name__)


def n_messages(n: int, what: str) -> str:
    return f"{n} {what} message{'' if n == 1 else 's'}"


def waiting_elsewhere(journal: Journal, account: str) -> Words | str:
    """'Waiting for other accounts: alice@example.com (1)' — mail queued under accounts not signed in."""
    others = {k: n for k, n in journal.sends_by_account().items() if k and k != account}
    if not others:
        return ""
    names = ", ".join(f"{k.split(':', 1)[-1].split('|', 1)[0]} ({n})" for k, n in sorted(others.items()))
    return translate("AccountRuntime", "Waiting for other accounts (they go out when you sign in to them): "
                                       "{names}").format(names=names)


def _waiting(n: int) -> Words:
    return counted(translate("AccountRuntime", "%Ln message(s) waiting to be sent", None, 1), n)


def _unsaved(n: int) -> Words:
    return counted(translate("AccountRuntime", "%Ln message(s) not yet saved", None, 1), n)


def _moved(report: list[tuple[str, str, str]]) -> Words | str:
    """The one line saying how many send later messages held on this computer went to the server at this start."""
    n = sum(1 for _lid, was, now in report if was == "held" and now == "queued")
    if not n:
        return ""
    return counted(translate("AccountRuntime", "Send later: %Ln message(s) held on this computer are now kept by "
                                               "Exchange (one whose time has passed is sent now)", None, 1), n)


class AccountRuntime:
    def __init__(self, session, journal: Journal, writer: JournalWriter, *,
                 reauth: Callable[[], Awaitable[bool]] | None = None):
        self.session, self.journal, self.writer = session, journal, writer
        self.account = session.account.key
        # today's recipients of this account, beside the journal (app.core.sending.limits: the sending limits)
        self.sent_count = SentCounter(SentLedgerStore(
            journal.path.parent / "sent-ledger" if journal.persistent else None), self.account)
        # what the reports in its Inbox say of its sent messages (app.core.delivery.watch), kept beside the journal
        self.delivery = DeliveryWatch(session, DeliveryBookStore(
            journal.path.parent / "delivery" if journal.persistent else None), self.account)
        # the messages its server keeps for a time (send later), as last read (app.core.scheduled.held)
        self.scheduled = ScheduledList(session, self.start)
        self._reauth = reauth  # awaited on a 401 while the Outbox works (the window asks for the password)
        self.handover_note = ""  # what the hand-over moved here, for the user ("" when nothing)
        self.moved_note = ""  # send later messages an older version held here, now kept by the server ("": none)

    def start(self) -> Outbox:
        """The account's one send queue (built, restored and started the first time for this session)."""
        s = self.session
        if s.outbox is None:
            self.handover_note = self._hand_over()
            s.outbox = Outbox(s, self.journal, account=self.account, writer=self.writer, reauth=self._reauth)
            # each finished send is counted (sent recipients today) before anyone else is told of it
            s.outbox.news.subscribe(SubmissionFinished, lambda e: self.sent_count.record(e.submission))
            # a send later the server took: its copy in the server's Outbox is read at once
            s.outbox.news.subscribe(SubmissionFinished, lambda e: self.scheduled.sent(e.submission))
            self.moved_note = _moved(s.outbox.restore())
            s.outbox.start()
        return s.outbox

    def _hand_over(self) -> Words | str:
        account = self.session.account
        try:
            reports = handover.hand_over_to_graph(self.journal, account)
        except Exception as exc:  # noqa: BLE001 - the mail stays under the EWS account, named as waiting there
            log.warning("hand-over to Microsoft 365 failed: %s", type(exc).__name__)
            return ""
        sends = sum(r.sends for r in reports)
        others = sum(r.saves + r.edits for r in reports)
        if not (sends or others):
            return ""
        if sends and others:
            parts = translate("AccountRuntime", "{sends} and {others}").format(sends=_waiting(sends),
                                                                                others=_unsaved(others))
        else:
            parts = _waiting(sends) if sends else _unsaved(others)
        return translate("AccountRuntime", "{messages} for {address}: now through Microsoft 365").format(
            messages=parts, address=account.email)

    def to_reopen(self) -> Entry | None:
        """The message this account was writing when Dispatch stopped (None: none)."""
        return recovery.message_to_reopen(self.journal, self.account)

    def reopened(self, entry: Entry) -> Words:
        """``entry`` is back in Compose: what to tell the user. A message that was in its undo-send window is
        the user's again (said once: it is an edit from now on)."""
        others = len(recovery.editing_entries(self.journal, self.account)) - 1
        unsent = holds.reopen_note(entry)
        if unsent:
            self.journal.set_state(entry.local_id, "editing", meta={})
        said = unsent or translate("AccountRuntime", "Reopened the message you were writing")
        if others <= 0:
            return said
        return counted(translate("AccountRuntime", "{said}; %Ln other unsaved message(s) go to Drafts when the "
                                                   "server is reached", None, 1), others).format(said=said)

    async def recovering(self, keep) -> set[str]:
        """The recovered messages :meth:`resume` will put in Drafts (all but those open in Compose), read on
        the journal's thread. ``keep``: a set of local ids, or a callable asked when it is needed."""
        entries = await self.writer(recovery.editing_entries, self.journal, self.account)
        return {e.local_id for e in entries if e.local_id not in recovery.kept(keep)}

    async def resume(self, keep) -> dict[str, recovery.Branch]:
        """Once connected: saves that reached the server are adopted, the other recovered messages queued for
        Drafts; ``keep`` (open in Compose) stay there. Each message's branch (WAITING: offline, again later).
        Every journal call runs on the journal's thread (the caller's loop is the UI's)."""
        return await recovery.resume(self.journal, self.start(), self.session, self.account, keep=keep,
                                     run=self.writer)
