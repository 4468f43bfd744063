"""The Outbox's face beyond its own few names: each part of what others may do with the queue is a collaborator
of its own, so the :class:`~app.core.outbox.owner.Outbox` keeps a small public face (its names are listed, and
held, in ``tests/test_rules.py``: ``OUTBOX_FACE``). No Qt.

- :class:`Parts` (``outbox.parts``) — what the Outbox is built from (its client, journal and writer, clocks,
  retry policy, worker) and its counters; the Outbox reads them here at each use, so a test that holds its
  clock still or changes its policy sets them here;
- :class:`QueueView` (``outbox.queue``) — what the queue holds, read only: a send, a save, the rows the view
  shows, and the derived views (in flight, parked, resting, being recorded: not states, see
  :mod:`app.core.outbox.submission`);
- :class:`Waits` (``outbox.waits``) — the waits beyond :meth:`Outbox.wait`: many at once, past an undo window,
  a callback once one is final, every piece of work;
- :class:`Hand` (``outbox.hand``) — the user's hand on queued work (take back, delete, send again, send now,
  remove a sent row, try everything now, signed in again): the Outbox's own methods
  (:mod:`app.core.outbox.takeback`), handed to it.

None of them changes a submission or a save: only the Outbox does (the one state table).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from types import MappingProxyType
from typing import Awaitable, Callable

from app.core.outbox import clock as clocks
from app.core.outbox.attempts import Attempts
from app.core.outbox.drive import waits_for_sign_in
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.rows import OutboxRow, row_for
from app.core.outbox.saves import SaveJob, SaveStatus
from app.core.outbox.submission import SubState, Submission
from app.core.outbox.worker import QueueWorker

_IN_FLIGHT = frozenset({SubState.SAVING, SubState.SUBMITTING})  # a send's server call under way


class Parts:
    """What the Outbox is built from, and its counters (``outbox.parts``)."""

    def __init__(self, client, journal, write, *, clock: Callable[[], float], wall: Callable[[], float],
                 policy: RetryPolicy, batch_size: int, reauth: Callable[[], Awaitable[bool]] | None,
                 step: Callable[[], Awaitable[bool]], next_wake: Callable[[], float | None]):
        self.client = client  # the account's mail client (the backend)
        self.journal = journal  # every change is written here first
        self.write = write  # the journal writer: one order on disk (the app shares it with autosave)
        self.clock = clock  # monotonic: the worker sleeps on it (app.core.outbox.clock)
        self.wall = wall  # wall clock: held sends' release times (app.core.outbox.holds)
        self.policy = policy
        self.batch_size = batch_size  # drafts per send request
        self.reauth = reauth  # asks the user to sign in again (None: no way to ask)
        self.stats = {"attempts": 0, "lookups": 0, "settled_sent": 0, "settled_draft": 0, "settled_nowhere": 0,
                      "auth_waits": 0, "already_sent": 0}
        # its attempts at the server, and the task that runs its steps (``step``: one pass; ``next_wake``: when
        # something is due next) sleeping on its clock; both read the clock and the policy here at each use
        self.attempts = Attempts(client, lambda: self.policy, lambda: self.clock(), self.stats)
        self.worker = QueueWorker(step, next_wake, lambda when, fn: clocks.call_at(self.clock, when, fn))

    @property
    def policy(self) -> RetryPolicy:
        """The retry policy, its settle delay never shorter than what the backend asks
        (``client.send_settle_seconds``: Graph accepts a send before the message reaches Sent Items)."""
        floor = self.client.send_settle_seconds
        p = self._policy
        return replace(p, settle_delay=floor) if floor > p.settle_delay else p

    @policy.setter
    def policy(self, value: RetryPolicy) -> None:
        self._policy = value


class QueueView:
    """What the queue holds, read only (``outbox.queue``): the Outbox's own tables, seen through read-only
    views, and what is derived from them."""

    def __init__(self, subs: dict[str, Submission], saves: dict[str, SaveJob], known: dict, not_deleted: set[str],
                 waiters, parts: Parts):
        self.subs = MappingProxyType(subs)  # read-only views: only the Outbox changes its queue
        self.saves = MappingProxyType(saves)
        self.known = MappingProxyType(known)  # local_id -> (server ref, Message-ID) once saved
        self._not_deleted = not_deleted  # sends whose delete the journal could not record (said in the row)
        self._waiters, self._parts = waiters, parts

    def rows(self) -> list[OutboxRow]:
        """Newest first, as Sent lists: the last queued on top (a retry keeps its place)."""
        now = self._parts.clock()
        items: list = [*self.subs.values(), *self.saves.values()][::-1]
        return [row_for(it, now, parked=isinstance(it, Submission) and self.parked(it),
                        not_deleted=it.local_id in self._not_deleted) for it in items]

    def row_texts(self) -> list[tuple[str, str, str]]:
        """Each row's ``(subject, recipients, words)``."""
        return [(r.subject, r.recipients, r.text) for r in self.rows()]

    def submission(self, local_id: str) -> Submission | None:
        """The send of ``local_id`` in the queue (None: none), as it stands: read it, never change it."""
        return self.subs.get(local_id)

    def submissions(self) -> list[Submission]:
        """Every send in the queue, oldest first (read only)."""
        return list(self.subs.values())

    def save_job(self, local_id: str) -> SaveJob | None:
        """The save of ``local_id`` waiting in the queue (None: none), as it stands (read only)."""
        return self.saves.get(local_id)

    def pending_sends(self) -> int:
        """Sends not yet confirmed (the window warns before quitting with any)."""
        return sum(1 for s in self.subs.values() if s.state not in (SubState.SENT, SubState.CANCELLED))

    # ------------------------------------------------------------------ derived views (not states: see
    # app.core.outbox.submission's docstring for why each is computed, never stored)
    @property
    def needs_sign_in(self) -> bool:
        """The queue is parked until a sign-in (or a certificate decision)."""
        return self._parts.worker.needs_sign_in

    def parked(self, sub: Submission) -> bool:
        """Waiting for a sign-in (or a certificate decision): the queue is parked and this one's last failure
        is of a kind that parks it. A sign-in un-parks the queue, and so every one of them."""
        return self._parts.worker.needs_sign_in and waits_for_sign_in(sub)

    def in_flight(self, local_id: str) -> bool:
        """A server call about it is under way (a send between ``start`` and its outcome; a save job
        attempting): the user's hand cannot take it back now."""
        sub = self.subs.get(local_id)
        if sub is not None and sub.state in _IN_FLIGHT:
            return True
        job = self.saves.get(local_id)
        return job is not None and job.status == SaveStatus.WORKING

    @property
    def working(self) -> set[str]:
        """The local ids :meth:`in_flight` (computed)."""
        return {lid for lid in [*self.subs, *self.saves] if self.in_flight(lid)}

    def recording(self, local_id: str) -> bool:
        """Listed, but a journal write of its state is not on disk yet: the worker does not act on it."""
        return self._waiters.writing(local_id)

    def is_resting(self, item) -> bool:
        """Will ``item`` (a submission or a save) stay as it is for a while by itself: finished, held,
        parked, or waiting more than half a second for its next try?"""
        if isinstance(item, SaveJob):
            if item.status == SaveStatus.RETRYING:
                return item.retry_at > self._parts.clock() + 0.5
            return item.status == SaveStatus.AUTH or item.final
        if item.final or item.state == SubState.HELD or self.parked(item):
            return True
        return item.state == SubState.QUEUED and item.retry_at > self._parts.clock() + 0.5


class Waits:
    """The waits beyond :meth:`Outbox.wait` (``outbox.waits``)."""

    def __init__(self, queue: QueueView, waiters, parts: Parts, wait: Callable[..., Awaitable]):
        self._queue, self._waiters, self._parts, self._wait = queue, waiters, parts, wait

    async def all(self, subs: list[Submission], *, final: bool = True,
                  through_hold: bool = False) -> list[Submission]:
        """:meth:`Outbox.wait` for each; a submission already gone from the queue (taken out in the Outbox before
        its wait began: the wait says None) is given back as it was handed over."""
        waited = await asyncio.gather(*(self._wait(s.local_id, final=final, through_hold=through_hold)
                                        for s in subs))
        return [w or s for w, s in zip(waited, subs)]

    async def past_hold(self, subs: list[Submission]) -> list[Submission]:
        """:meth:`all` (``final=False``) for a batch that may be HELD in its undo window: returns once none of
        them is held any more (released and its attempt ended, or taken back)."""
        subs = await self.all(subs, final=False, through_hold=True)
        while any(s.state == SubState.HELD and self._queue.subs.get(s.local_id) is s for s in subs):
            subs = await self.all(subs, final=False, through_hold=True)
        return subs

    async def released(self, subs: list[Submission]) -> None:
        """Until none of ``subs`` is HELD any more: released into the queue (its send now under way), or taken
        back. A batch in its undo window is not "being sent" meanwhile (the quit question says what happens to
        each of its messages instead)."""
        while True:
            held = [s for s in subs if s.state == SubState.HELD and self._queue.subs.get(s.local_id) is s]
            if not held:
                return
            await asyncio.gather(*(self._waiters.released(s.local_id) for s in held))

    def when_final(self, local_id: str, fn) -> None:
        """``fn(item)`` once the work is finished and that is on disk, as :meth:`Outbox.wait` returns: at once
        if it is (or is unknown: ``fn(None)``), else when it finishes. :meth:`unfollow` takes it back."""
        item = self._queue.subs.get(local_id) or self._queue.saves.get(local_id)
        if item is None or (item.final and not self._waiters.writing(local_id)):
            fn(item)
            return
        self._waiters.on_final(local_id, fn)
        self._parts.worker.ensure_running()

    def unfollow(self, local_id: str, fn) -> None:
        """``fn`` is not called for ``local_id`` after all (:meth:`when_final`: its follower stopped)."""
        self._waiters.forget(local_id, fn)

    async def drain(self, timeout: float | None = None) -> None:
        """Until every piece of work is finished (tests, "quit when sent")."""
        pending = [lid for lid, it in [*self._queue.subs.items(), *self._queue.saves.items()] if not it.final]
        await asyncio.wait_for(asyncio.gather(*(self._wait(lid) for lid in pending)), timeout)


class Hand:
    """The user's hand on queued work (``outbox.hand``): the Outbox's own methods
    (:class:`app.core.outbox.takeback.TakeBack`, documented there), handed to it."""

    def __init__(self, *, cancel, in_drafts_as_is, delete, forget, forget_identity, resubmit, send_now, kick,
                 signed_in, save_unjournaled):
        self.cancel = cancel  # take a queued or failed send (or a waiting save) back: a future of the message
        self.in_drafts_as_is = in_drafts_as_is  # would what cancel gives back be in Drafts as it is? (ask first)
        self.delete = delete  # throw a queued send or save away: a future, True once its delete is on disk
        self.forget = forget  # remove a sent message's row from the list
        self.forget_identity = forget_identity  # a merge's sent row: its server identity is of no more use
        self.resubmit = resubmit  # Retry on one row: a failed send or save again, one waiting for its try now
        self.send_now = send_now  # release a held send at once
        self.kick = kick  # the connection is back (or Retry): everything waiting tries now
        self.signed_in = signed_in  # the user signed in again: parked work resumes
        self.save_unjournaled = save_unjournaled  # save to Drafts when the journal cannot be written
