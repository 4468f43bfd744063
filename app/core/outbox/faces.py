"""The Outbox's face beyond its own few names: each part of what others may do with the queue, a collaborator of
its own, so the :class:`~app.core.outbox.owner.Outbox` itself keeps a small public face (its names are listed,
and held, in ``tests/core/test_outbox_face.py``). No Qt.

- :class:`QueueView` (``outbox.queue``) — what the queue holds, read only: a send, a save, the derived views
  (in flight, parked, resting, being recorded);
- :class:`Waits` (``outbox.waits``) — the waits beyond :meth:`Outbox.wait`: many at once, past an undo window,
  a callback when one is final, every piece of work;
- :class:`Hand` (``outbox.hand``) — the user's hand on queued work (take back, delete, send again, send now,
  remove a sent row, try everything now, signed in again): :mod:`app.core.outbox.takeback`;
- :class:`Parts` (``outbox.parts``) — what the Outbox is built from (its client, journal and writer, clocks,
  retry policy, worker) and its counters: for what wires it and for the tests that drive its time.

Each only asks the Outbox, the queue's one owner: nothing here holds or changes a submission itself.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the owner builds its faces; a face never builds an owner
    from app.core.outbox.owner import Outbox


class QueueView:
    """What the queue holds, read only (``outbox.queue``)."""

    def __init__(self, ob: Outbox):
        self._ob = ob
        self.subs = MappingProxyType(ob._subs)  # read-only views: only the Outbox changes its queue
        self.saves = MappingProxyType(ob._saves)
        self.known = MappingProxyType(ob._known)  # local_id -> (server ref, Message-ID) once saved

    def submission(self, local_id: str):
        """The send of ``local_id`` in the queue (None: none), as it stands: read it, never change it."""
        return self._ob._submission(local_id)

    def submissions(self) -> list:
        """Every send in the queue, oldest first (read only)."""
        return self._ob._submissions()

    def save_job(self, local_id: str):
        """The save of ``local_id`` waiting in the queue (None: none), as it stands (read only)."""
        return self._ob._save_of(local_id)

    def row_texts(self) -> list[tuple[str, str, str]]:
        """Each row's ``(subject, recipients, words)``."""
        return self._ob._row_texts()

    def pending_sends(self) -> int:
        """Sends not yet confirmed (the window warns before quitting with any)."""
        return self._ob._pending_sends()

    @property
    def needs_sign_in(self) -> bool:
        """The queue is parked until a sign-in."""
        return self._ob._needs_sign_in

    def parked(self, sub) -> bool:
        """``sub`` waits for a sign-in (:meth:`Outbox._parked`)."""
        return self._ob._parked(sub)

    def in_flight(self, local_id: str) -> bool:
        """A server call about it is under way: the user's hand cannot take it back now."""
        return self._ob._in_flight(local_id)

    @property
    def working(self) -> set[str]:
        """The local ids :meth:`in_flight`."""
        return self._ob._working

    def recording(self, local_id: str) -> bool:
        """Listed, but a journal write of its state is not on disk yet."""
        return self._ob._recording(local_id)

    def is_resting(self, item) -> bool:
        """``item`` stays as it is for a while by itself: finished, held, parked, or waiting for a later try."""
        return self._ob._is_resting(item)


class Waits:
    """The waits beyond :meth:`Outbox.wait` (``outbox.waits``)."""

    def __init__(self, ob: Outbox):
        self._ob = ob

    async def all(self, subs: list, *, final: bool = True, through_hold: bool = False) -> list:
        """:meth:`Outbox.wait` for each; one already gone from the queue is given back as it was handed over."""
        return await self._ob._wait_all(subs, final=final, through_hold=through_hold)

    async def past_hold(self, subs: list) -> list:
        """:meth:`all` (not final) for a batch that may be HELD in its undo window: until none of them is held."""
        return await self._ob._wait_past_hold(subs)

    async def released(self, subs: list) -> None:
        """Until none of ``subs`` is HELD any more: released into the queue, or taken back."""
        await self._ob._wait_released(subs)

    def when_final(self, local_id: str, fn) -> None:
        """``fn(item)`` once the work is finished and on disk (at once when it is, or unknown: ``fn(None)``)."""
        self._ob._when_final(local_id, fn)

    def unfollow(self, local_id: str, fn) -> None:
        """``fn`` is not called for ``local_id`` after all (:meth:`when_final`)."""
        self._ob._unfollow(local_id, fn)

    async def drain(self, timeout: float | None = None) -> None:
        """Until every piece of work is finished (tests, "quit when sent")."""
        await self._ob._drain(timeout)


class Hand:
    """The user's hand on queued work (``outbox.hand``): :mod:`app.core.outbox.takeback`."""

    def __init__(self, ob: Outbox):
        self._ob = ob

    def cancel(self, local_id: str):
        """Take a queued or failed send (or a waiting save) back; the future gives the message for Compose."""
        return self._ob._cancel(local_id)

    def in_drafts_as_is(self, local_id: str) -> bool:
        """Would the message :meth:`cancel` gives back be in the server's Drafts as it is? Ask before it."""
        return self._ob._in_drafts_as_is(local_id)

    def delete(self, local_id: str):
        """Throw a queued send or save away; the future gives True once its delete is on disk."""
        return self._ob._delete(local_id)

    def forget(self, local_id: str) -> bool:
        """Remove a sent message's row from the list (False for anything not sent)."""
        return self._ob._forget(local_id)

    def forget_identity(self, local_id: str) -> None:
        """The server identity of a message saved before is of no more use (a mail merge's sent row)."""
        self._ob._forget_identity(local_id)

    def resubmit(self, local_id: str):
        """The user's Retry on one row: a failed send or save again, one waiting for its next try now."""
        return self._ob._resubmit(local_id)

    def send_now(self, local_id: str) -> bool:
        """Release a held send at once (False when it is not held)."""
        return self._ob._send_now(local_id)

    def kick(self) -> None:
        """The connection is back (or the user pressed Retry): everything waiting tries now."""
        self._ob._kick()

    def signed_in(self) -> None:
        """The user signed in again: parked work resumes."""
        self._ob._signed_in()

    async def save_unjournaled(self, draft):
        """Save to the server's Drafts without the journal, which cannot be written (a full disk)."""
        return await self._ob._save_unjournaled(draft)


def _through(name: str, doc: str) -> property:
    """A property that reads and sets the Outbox's own ``name``: it is read there at each use."""
    return property(lambda self: getattr(self._ob, name), lambda self, value: setattr(self._ob, name, value),
                    doc=doc)


class Parts:
    """What the Outbox is built from, and its counters (``outbox.parts``). Setting one (a test's clock, its
    policy) sets the Outbox's own: it reads them at each use."""

    def __init__(self, ob: Outbox):
        self._ob = ob

    client = _through("_client", "The account's mail client (the backend).")
    journal = _through("_journal", "The journal every change is written to first.")
    write = _through("_write", "The journal writer: one order on disk, shared with autosave.")
    clock = _through("_clock", "The monotonic clock the worker sleeps on (app.core.clock).")
    wall = _through("_wall", "The wall clock of held sends' release times (app.core.outbox.holds).")
    policy = _through("_policy_now", "The retry policy, its settle delay never shorter than the backend asks.")
    stats = _through("_stats", "The counters of attempts, look-ups and settles.")
    worker = _through("_worker", "The task that runs the steps (app.core.outbox.worker).")
    attempts = _through("_attempts", "The attempts at the server (app.core.outbox.attempts).")
    batch_size = _through("_batch_size", "Drafts per send request.")
    reauth = _through("_reauth", "The way to ask the user to sign in again (None: none).")
