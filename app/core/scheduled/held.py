"""The messages the server keeps for a time: the account's Outbox folder as last read, and the user's hand on them.

Send later is deferred on the server: the message is saved with PidTagDeferredSendTime (0x3FEF, UTC) and sent
(the submission core, :mod:`app.core.outbox`, journaled and exactly once like every send); Exchange then keeps it
in the mailbox's Outbox folder until its time, whether this computer is on or not. :class:`ScheduledList` is
what this computer knows of that folder: :meth:`~ScheduledList.refresh` reads it (the window on opening, F5 and a
timer; ``dispatch-mail outbox``), and the hand acts on the server's copy:

- **take back**: the message is moved to Drafts and its deferral removed (:meth:`MailService.take_back`), then
  read to be opened in Compose;
- **send now** / **change time**: taken back, then handed to the submission core again (now, or with the new
  time): the one journaled path, so a crash in between leaves it in Drafts, never sent twice;
- **delete**: moved to Deleted Items.

**The race is said, never hidden.** Exchange may be sending the message at the moment the hand arrives (its
time came), and another computer may take it first. The server decides: the move either happens or answers that
the item is not there (ErrorItemNotFound / 404). Then the message is looked up by its Message-ID and the
:class:`Outcome` says where it went: in Sent Items ("Already sent at 08:00"), in Drafts (taken back elsewhere), or
not filed yet (Exchange is sending it: looked up again a few times first). Nothing is sent again here.

No Qt: the window and the scripts share it.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Awaitable, Callable

from app.core.outbox import holds, settle
from app.core.outbox.policy import kind_of
from app.core.outbox.rows import OutboxRow
from app.domain.events import Hub, ScheduledListed
from app.domain.models import Draft, ErrorKind, Folder
from app.domain.words import Words, translate

log = logging.getLogger(__name__)

# a message gone from the Outbox and not filed anywhere yet (Exchange is sending it): looked up this many times,
# this far apart (seconds), before saying so
GONE_LOOKUPS = 3
GONE_PAUSE = 2.0

SENT_ALREADY = translate("Scheduled", "Already sent at {time} — it is in Sent")
TAKEN_ELSEWHERE = translate("Scheduled", "Already taken back (from another computer) — it is in Drafts")
BEING_SENT = translate("Scheduled", "No longer in the Outbox: Exchange is sending it or it was deleted "
                                    "elsewhere. Look in Sent in a moment.")
MOVED_MEANWHILE = translate("Scheduled", "It changed in the Outbox meanwhile: look at it again")
IN_DRAFTS_UNREAD = translate("Scheduled", "Taken back: it is in Drafts (it could not be opened: {reason})")


@dataclass(frozen=True)
class Outcome:
    """What the user's hand on a scheduled message came to. ``done``: it did what was asked; ``draft``: a message
    taken back, now in Drafts without its time, to open in Compose; ``words``: what to say (where it went instead,
    when the server was first); ``where``: the folder it was found in then (SENT, DRAFTS), else None; ``handed``:
    the submission it was handed to again (send now, change time), else None."""

    done: bool
    draft: Draft | None = None
    words: Words | str = ""
    where: Folder | None = None
    handed: object = None


def row_text(item) -> Words:
    """"Sends at Tue 08:00 (kept by Exchange)"; a copy without its time is one Exchange is sending now."""
    if item.send_at is None:
        return translate("OutboxRow", "Being sent by Exchange now")
    return translate("OutboxRow", "Sends at {time} (kept by Exchange)").format(
        time=holds.clock_text(item.send_at.timestamp()))


def recipients_of(item) -> str:
    """Its To as Drafts, Sent and the Outbox show it: each name, or the address when there is none."""
    return "; ".join(r.name or r.email for r in item.to)


def kept_row(item) -> OutboxRow:
    """The Outbox view's row of a copy the server keeps (its ``local_id``: the ID ``dispatch-mail outbox`` shows)."""
    return OutboxRow(kept_id(item), "scheduled", item.subject or translate("OutboxRow", "(no subject)"),
                     recipients_of(item) or translate("OutboxRow", "(no recipients)"),
                     "scheduled", row_text(item), can_cancel=True, can_retry=False, waiting=True,
                     message_id=item.internet_message_id, addresses=tuple(r.email for r in item.to), kept=True)


def with_kept(rows: list[OutboxRow], kept, gone=frozenset()) -> list[OutboxRow]:
    """The queue's rows and the server's copies in one list: a send the server took and keeps is its copy's row
    (its own row said "Kept by Exchange" until the Outbox folder was read again); one the hand took out of the
    server's Outbox (``gone``: their Message-IDs) has no row at all (its queue row would say it is kept)."""
    server = {k.internet_message_id for k in kept if k.internet_message_id} | set(gone)
    return [r for r in rows if not (r.sent and r.later and r.message_id in server)] + [kept_row(k) for k in kept]


def kept_id(item) -> str:
    """A server copy's ID, the same on every computer: ``s`` and a hash of its Message-ID (the message's own name;
    the server's id changes when the item moves). Never the start of a queue entry's ID (hexadecimal)."""
    key = item.internet_message_id or item.ref.id
    return "s" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:KEPT_ID_LENGTH - 1]


KEPT_ID_LENGTH = 16


def _when(item) -> str:
    return str(holds.clock_text(item.send_at.timestamp())) if item.send_at is not None else ""


class ScheduledList:
    """``client``: the account's mail client (``list_scheduled``, ``take_back``, ``get_message``, ``delete_items``,
    ``find_by_message_ids``); ``outbox``: gives the account's submission core (send now, change time);
    ``pause``: waits between look-ups of a message Exchange is sending (injected in tests)."""

    def __init__(self, client, outbox: Callable[[], object], *,
                 pause: Callable[[float], Awaitable[None]] = asyncio.sleep):
        self.client, self.outbox, self.pause = client, outbox, pause
        self.rows: tuple = ()  # app.mail.service.Scheduled, soonest first
        self.read = False  # the folder was read at least once
        self._left: set[str] = set()  # server ids of the messages the hand took out (a slower read lists them still)
        self.gone: set[str] = set()  # their Message-IDs: the queue's row of such a send says nothing any more
        self._tasks: set[asyncio.Task] = set()
        self.news = Hub(ScheduledListed)

    # ------------------------------------------------------------------ reading
    async def refresh(self) -> tuple:
        """Read the server's Outbox folder again (raises the backend's error: the rows stay as they were)."""
        rows = await self.client.list_scheduled()
        far = datetime.max.replace(tzinfo=None)
        self.rows = tuple(sorted((r for r in rows if r.ref.id not in self._left),
                                 key=lambda r: r.send_at.replace(tzinfo=None) if r.send_at else far))
        self.read = True
        self.news.publish(ScheduledListed())
        return self.rows

    def find(self, key: str):
        """The copy whose ID (:func:`kept_id`) is ``key``, else None."""
        return next((r for r in self.rows if key and kept_id(r) == key), None)

    def matching(self, start: str) -> list:
        """The copies whose ID starts with ``start`` (at least 4 characters: a script names one so)."""
        start = start.strip()
        return [r for r in self.rows if len(start) >= 4 and kept_id(r).startswith(start)]

    def sent(self, sub) -> None:
        """A send the submission core finished: one the server took to keep until its time is read from the
        server's Outbox at once (its row there is the one the user acts on)."""
        if sub.draft.send_at is None or not sub.outcome().ok:
            return
        task = asyncio.ensure_future(self._refresh_quietly(sub.local_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _refresh_quietly(self, local_id: str) -> None:
        try:
            await self.refresh()
        except Exception as exc:  # noqa: BLE001 - the next refresh (F5, the timer) reads it; its queue row says it
            log.info("scheduled: the Outbox folder was not read: %s", type(exc).__name__)
            return
        self.outbox().hand.forget(local_id)  # the server's copy is its row from now on (taken back, sent: gone)

    # ------------------------------------------------------------------ the hand
    async def take_back(self, item) -> Outcome:
        """Move ``item`` back to Drafts, its time removed, and read it for Compose."""
        try:
            ref = await self.client.take_back(item.ref)
        except Exception as exc:
            if kind_of(exc) != ErrorKind.NOT_FOUND:
                raise
            return await self._gone(item)
        self._drop(item)
        try:
            draft = await self.client.get_message(ref)
        except Exception as exc:  # noqa: BLE001 - it is in Drafts all the same: said, nothing lost
            reason = getattr(exc, "message", "") or type(exc).__name__
            return Outcome(True, words=IN_DRAFTS_UNREAD.format(reason=reason), where=Folder.DRAFTS)
        return Outcome(True, draft=draft.copy(send_at=None))

    async def send_now(self, item) -> Outcome:
        """Taken back, then sent at once through the submission core."""
        taken = await self.take_back(item)
        if taken.draft is None:
            return Outcome(False, words=taken.words, where=taken.where) if not taken.done else taken
        sub = await self.outbox().submit(taken.draft)
        return Outcome(True, handed=sub, words=translate("Scheduled", "Sending “{subject}” now").format(
            subject=taken.draft.subject.strip() or translate("Outbox", "(no subject)")))

    async def change_time(self, item, when: datetime) -> Outcome:
        """Taken back, then scheduled again for ``when`` (aware) through the submission core."""
        taken = await self.take_back(item)
        if taken.draft is None:
            return Outcome(False, words=taken.words, where=taken.where) if not taken.done else taken
        sub = await self.outbox().submit(taken.draft.copy(send_at=when))
        return Outcome(True, handed=sub, words=translate("Scheduled", "“{subject}” now sends at {time}").format(
            subject=taken.draft.subject.strip() or translate("Outbox", "(no subject)"),
            time=holds.clock_text(when.timestamp())))

    async def delete(self, item) -> Outcome:
        """Move ``item`` to Deleted Items: never sent."""
        outcomes = await self.client.delete_items([item.ref])
        out = outcomes[0] if outcomes else None
        if out is not None and out.ok:
            self._drop(item)
            return Outcome(True)
        if out is not None and out.kind == ErrorKind.NOT_FOUND:
            return await self._gone(item)
        return Outcome(False, words=(out.explanation or out.message) if out is not None else "")

    # ------------------------------------------------------------------ the race
    def _drop(self, item) -> None:
        self._left.add(item.ref.id)
        if item.internet_message_id:
            self.gone.add(item.internet_message_id)
        self.rows = tuple(r for r in self.rows if r.ref.id != item.ref.id)
        self.news.publish(ScheduledListed())

    async def _gone(self, item) -> Outcome:
        """The server did not have ``item`` where it was: where did it go? (Never sent again from here.)"""
        self._drop(item)
        mid = item.internet_message_id
        for n in range(GONE_LOOKUPS):
            if n:
                await self.pause(GONE_PAUSE)
            try:
                where = (await settle.look_up(self.client, [mid])).get(mid) or {} if mid else {}
            except Exception as exc:  # noqa: BLE001 - cannot tell: said as not filed yet
                log.info("scheduled: look-up failed: %s", type(exc).__name__)
                continue
            if where.get(Folder.SENT):
                return Outcome(False, words=SENT_ALREADY.format(time=_when(item)), where=Folder.SENT)
            if where.get(Folder.DRAFTS):
                return Outcome(False, words=TAKEN_ELSEWHERE, where=Folder.DRAFTS)
            if where.get(Folder.OUTBOX):
                return Outcome(False, words=MOVED_MEANWHILE, where=Folder.OUTBOX)
        return Outcome(False, words=BEING_SENT)
