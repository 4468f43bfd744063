"""The send queue: the ONE path every send takes, journaled from Send to the server's confirmation.

Ctrl+Return in Compose, Send selected in Drafts, a send while offline and a send resumed after a crash
are all a :class:`~app.core.outbox.submission.Submission` here. The Outbox persists each state change in the
journal before acting on it (a submission is ``submitting`` on disk before its send request leaves),
drives the server calls through :mod:`app.core.outbox.attempts`, and decides after a failure from the error's
kind alone (:mod:`app.core.outbox.policy`). The window awaits a submission's outcome; it never sends itself.

Saves that could not reach the server (offline Ctrl+S, drafts recovered after a crash) wait here too,
as :class:`~app.core.outbox.saves.SaveJob`, with a state table of their own.

The Outbox is the queue's ONE owner: only it holds and changes submissions and saves. Its methods are kept in
a few modules by responsibility (mix-ins: :mod:`~app.core.outbox.drive` — the worker's steps, each attempt's
verdict applied; :mod:`~app.core.outbox.takeback` — the user's hand); the attempts at the server
(:mod:`~app.core.outbox.attempts`) and the worker (:mod:`~app.core.outbox.worker`) get narrow collaborators
(the client, the policy, the clock; a step to run) and return decisions, never the Outbox.

Accounts are kept apart: an Outbox serves one account (``account``, :attr:`AccountConfig.key`) and
only ever loads, shows and sends that account's journal entries.

No Qt. Listeners :meth:`subscribe` to ``changed``, ``saved`` (a draft reached the server) and ``finished``
(a submission's final state); the view reads :meth:`rows`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from concurrent.futures import Future
from dataclasses import replace
from typing import Awaitable, Callable

from app.core import clock as clocks
from app.core.outbox import mime_send
from app.core.clock import MONOTONIC
from app.core.journal_writer import JournalWriter
from app.core.listeners import Listeners
from app.core.outbox import holds, sources
from app.core.outbox.attempts import Attempts
from app.core.outbox.drive import Drive, waits_for_sign_in
from app.core.outbox.faces import Hand, Parts, QueueView, Waits
from app.core.outbox.restore import restore_work
from app.core.outbox.rows import OutboxRow, row_for
from app.core.outbox.saves import SaveEvent, SaveJob, SaveStatus
from app.core.outbox.takeback import TakeBack
from app.core.outbox.waiters import Waiters
from app.core.outbox.worker import QueueWorker, cancel_task
from app.mail.service import MessageLimits
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import Event, SubState, Submission
from app.domain.errors import DraftInvalid
from app.domain.models import Draft, ItemRef, MessageSummary, new_message_id
from app.domain.validation import SEND_BATCH_LIMIT, validate_draft
from app.domain.words import Words, to_data
from app.storage.journal import Journal, State
from app.storage.local_errors import local_reason

log = logging.getLogger(__name__)

_IN_FLIGHT = frozenset({SubState.SAVING, SubState.SUBMITTING})  # a send's server call under way

# submissions built per event-loop turn when many saved drafts are sent at once (a mail merge): 250 took
# 15-27 ms of the UI thread a turn in bench/bench_merge_stall.py; each is ~60 µs
SUBMIT_BATCH = 100


def _stand_in(it: MessageSummary) -> Draft:
    """The Outbox's draft for a message already on the server (sent as it is there): its identity and subject.
    No recipients, attachments, headers or categories of its own, as empty tuples: nothing changes a draft's lists
    in place (a copy makes lists), and 4 empty lists for each of a merge's 5,000 stand-ins were 20,000 containers
    the cyclic GC scanned at every full collection."""
    return Draft(to=(), cc=(), bcc=(), reply_to=(), attachments=(), headers=(), categories=(), subject=it.subject,
                 ref=it.ref, internet_message_id=it.internet_message_id)


def meta_of(sub: Submission) -> dict:
    """The journal meta of a submission: its source, its facts, its hold (read back by :func:`restore_work`)."""
    meta = {"source": sub.source, "adopt": sub.adopt}
    if sub.display_to:
        meta["display_to"] = sub.display_to
    if sub.kind is not None:
        meta["kind"] = sub.kind.value
    if sub.recipients:
        meta["recipients"] = sub.recipients
    if isinstance(sub.reason, Words):  # read back at the next start in the user's language, not English
        meta["reason_words"] = to_data(sub.reason)
    return holds.add_meta(sub, meta)



class Outbox(Drive, TakeBack):
    def __init__(
        self,
        client,
        journal: Journal,
        *,
        account: str = "",
        policy: RetryPolicy | None = None,
        batch_size: int = SEND_BATCH_LIMIT,  # drafts per send request (app/domain/validation.py)
        clock: Callable[[], float] = MONOTONIC,  # the worker sleeps on it (app.core.clock)
        wall: Callable[[], float] = time.time,  # wall clock: held sends' release times (app.core.outbox.holds)
        on_change: Callable[[], None] | None = None,
        on_saved: Callable[[Draft], None] | None = None,
        on_finished: Callable[[Submission], None] | None = None,
        reauth: Callable[[], Awaitable[bool]] | None = None,
        writer: JournalWriter | None = None,
    ):
        self._client = client
        self._journal = journal
        self.account = account
        self._policy_now = policy or RetryPolicy()
        self._batch_size = batch_size
        self._clock, self._wall = clock, wall
        self.news = Listeners("changed", "saved", "finished")
        for topic, fn in (("changed", on_change), ("saved", on_saved), ("finished", on_finished)):
            if fn is not None:
                self.news.subscribe(topic, fn)
        self._reauth = reauth
        self._own_writer = writer is None
        self._write = writer or JournalWriter()  # the app shares one with autosave: one order on disk
        self._subs: dict[str, Submission] = {}
        self._saves: dict[str, SaveJob] = {}
        self._not_deleted: set[str] = set()  # sends whose delete the journal could not record (said in the row)
        self._known: dict[str, tuple[ItemRef, str]] = {}  # local_id -> (server ref, Message-ID) once saved
        self._stats = {"attempts": 0, "lookups": 0, "settled_sent": 0, "settled_draft": 0, "settled_nowhere": 0,
                      "auth_waits": 0, "already_sent": 0}
        # the clock and the policy are read through the Outbox at each use: a test holds its clock still or
        # moves it (``ob.parts.clock = ...``), a settle floor or a test changes its policy
        self._attempts = Attempts(client, lambda: self._policy_now, lambda: self._clock(), self._stats)
        self._waiters = Waiters()
        self._tasks: set[asyncio.Task] = set()  # journal work the caller may not await (a take-back)
        self._auth_task: asyncio.Task | None = None
        self._worker = QueueWorker(self._step, self._next_wake, lambda when, fn: clocks.call_at(self._clock, when, fn))
        # the rest of its face, each a collaborator of its own (app.core.outbox.faces): what the queue holds
        # (read only), the waits beyond :meth:`wait`, the user's hand, and what it is built from
        self.queue, self.waits = QueueView(self), Waits(self)
        self.hand, self.parts = Hand(self), Parts(self)

    @property
    def limits(self) -> MessageLimits:
        """The account's message limits, as its backend knows them now (:class:`MessageLimits`)."""
        return self._client.message_limits

    @property
    def _policy_now(self) -> RetryPolicy:
        """The retry policy, its settle delay never shorter than what the backend asks
        (``client.send_settle_seconds``: Graph accepts a send before the message reaches Sent Items)."""
        floor = self._client.send_settle_seconds
        p = self._policy
        return replace(p, settle_delay=floor) if floor > p.settle_delay else p

    @_policy_now.setter
    def _policy_now(self, value: RetryPolicy) -> None:
        self._policy = value

    # ------------------------------------------------------------------ reading (the view)
    def rows(self) -> list[OutboxRow]:
        """Newest first, as Sent lists: the last queued on top (a retry keeps its place)."""
        now = self._clock()
        items: list = [*self._subs.values(), *self._saves.values()][::-1]
        return [row_for(it, now, parked=isinstance(it, Submission) and self._parked(it),
                        not_deleted=it.local_id in self._not_deleted) for it in items]

    def _submission(self, local_id: str) -> Submission | None:
        """The send of ``local_id`` in the queue (None: none), as it stands: read it, never change it."""
        return self._subs.get(local_id)

    def _submissions(self) -> list[Submission]:
        """Every send in the queue, oldest first (read only)."""
        return list(self._subs.values())

    def _save_of(self, local_id: str) -> SaveJob | None:
        """The save of ``local_id`` waiting in the queue (None: none), as it stands (read only)."""
        return self._saves.get(local_id)

    def _row_texts(self) -> list[tuple[str, str, str]]:
        return [(r.subject, r.recipients, r.text) for r in self.rows()]

    def _pending_sends(self) -> int:
        """Sends not yet confirmed (the window warns before quitting with any)."""
        return sum(1 for s in self._subs.values() if s.state not in (SubState.SENT, SubState.CANCELLED))

    @property
    def _needs_sign_in(self) -> bool:
        return self._worker.needs_sign_in

    # ------------------------------------------------------------------ derived views (not states: see
    # app.core.outbox.submission's docstring for why each is computed, never stored)
    def _parked(self, sub: Submission) -> bool:
        """Waiting for a sign-in (or a certificate decision): the queue is parked and this one's last failure
        is of a kind that parks it. A sign-in un-parks the queue, and so every one of them."""
        return self._worker.needs_sign_in and waits_for_sign_in(sub)

    def _in_flight(self, local_id: str) -> bool:
        """A server call about it is under way (a send between ``start`` and its outcome; a save job
        attempting): the user's hand cannot take it back now."""
        sub = self._subs.get(local_id)
        if sub is not None and sub.state in _IN_FLIGHT:
            return True
        job = self._saves.get(local_id)
        return job is not None and job.status == SaveStatus.WORKING

    @property
    def _working(self) -> set[str]:
        """The local ids :meth:`in_flight` (computed)."""
        return {lid for lid in [*self._subs, *self._saves] if self._in_flight(lid)}

    def _recording(self, local_id: str) -> bool:
        """Listed, but a journal write of its state is not on disk yet: the worker does not act on it."""
        return self._waiters.writing(local_id)

    # ------------------------------------------------------------------ sending
    async def submit(self, draft: Draft, hold: holds.Hold | None = None, *,
                     checked_within: int | None = None) -> Submission:
        """Queue a send of ``draft`` (the user's accepted Send). Its content is journaled with the
        submission in one transaction before this returns; the worker takes it from there. A draft that
        cannot be sent as it is raises :class:`DraftInvalid` and nothing is created. With ``hold`` it is
        HELD until its release time (undo send, send later: :mod:`app.core.outbox.holds`).
        ``checked_within``: the caller checked it already (app.core.sending), against this size limit; it is
        checked again only when the server's limit is lower now (learnt meanwhile)."""
        limit = self._client.message_limits.max_send_bytes
        if checked_within is None or limit < checked_within:
            errors = validate_draft(draft, for_send=True, max_send_bytes=limit)
            if errors:
                raise DraftInvalid(errors)
        lid = draft.local_id
        old = self._subs.get(lid)
        if old is not None and not old.final:
            return old  # Send pressed again for the same message: one submission
        draft = self._as_known(draft)  # an editor's copy from before the save: the same item
        if not draft.internet_message_id:
            draft = draft.copy(internet_message_id=new_message_id())
        job = self._saves.get(lid)
        # a save of it on the wire (or its answer lost): the send waits for it, then finds the draft by
        # Message-ID instead of creating a second one
        adopt = self._in_flight(lid) or (job is not None and job.adopt)
        sub = self._new_submission(draft, hold, self._clock(), self._wall(), adopt=adopt)
        return await self._record_new(sub)

    async def submit_mime(self, raw: bytes, parsed: Draft) -> Submission:
        """Queue a send of an ``.eml`` file's bytes as they are (:mod:`app.core.outbox.mime_send`): ``parsed`` is the
        file read as a draft (its recipients and subject are what the Outbox lists). The bytes, with the
        Message-ID that names the send (the file's, or one added as its first line), are journaled in one
        transaction before this returns; then the worker sends them like any other submission, exactly
        once. Raises :class:`DraftInvalid` (nothing created) for a message that cannot be sent."""
        mime = mime_send.with_message_id(raw)
        draft = mime_send.stand_in(parsed, mime)
        errors = validate_draft(draft, for_send=True, max_send_bytes=self._client.message_limits.max_send_bytes)
        if errors:
            raise DraftInvalid(errors)
        for old in self._subs.values():  # the same file sent again while its send is under way: one send
            if sources.of(old).from_file and not old.final and old.draft.internet_message_id == mime.message_id:
                return old
        sub = self._new_submission(draft, None, self._clock(), self._wall(), source=sources.MIME.name)
        return await self._record_new(sub)

    async def _record_new(self, sub: Submission) -> Submission:
        """List a new submission and journal it with its content (one transaction); then wake the worker."""
        lid, draft = sub.local_id, sub.draft
        # Listed at once (the Outbox never says "nothing waiting" while a send is being queued); the
        # worker takes it only once the submission and its content are on disk (recording()).
        self._subs[lid] = sub
        self._changed()
        self._waiters.begin_write(lid)
        try:
            await self._write(self._journal.record, draft, sub.state.value, account=self.account, op="send",
                             meta=meta_of(sub))
        except BaseException:
            self._subs.pop(lid, None)
            self._changed()
            raise
        finally:
            self._waiters.end_write(lid)
            self._resolve(sub)
        self._saves.pop(lid, None)  # a queued save is part of the send now
        self._worker.poke()
        return sub

    async def submit_saved(self, items: list[MessageSummary], hold: holds.Hold | None = None,
                           recipients: list[int] | None = None) -> list[Submission]:
        """Queue drafts that are already on the server (Send selected): sent as they are there, all in
        one send request when the worker next runs. With ``hold`` (the undo-send window) every one of them
        is HELD until the same release time: one countdown for the batch, released together (one request).
        Each record is queued on the journal's thread in the turn its send is listed: a send deleted or taken back in the Outbox (a later turn) has that written
        after its record. (Written one after another, a record could follow its own delete, and the
        journal held the thrown-away send as waiting: the next start sent it.)
        ``recipients``: each draft's number of distinct recipients, aligned with ``items`` (the queue does not
        hold them; the sending limits count them when it is sent)."""
        subs: list[Submission] = []
        written = []
        now, wall = self._clock(), self._wall()  # one release time on both clocks for the whole batch
        try:
            for start in range(0, len(items), SUBMIT_BATCH):
                if start:  # 5,000 built in one turn held the UI thread ~20 ms (more on a slow day)
                    await asyncio.sleep(0)
                for k, it in enumerate(items[start:start + SUBMIT_BATCH], start):
                    sub = self._new_submission(_stand_in(it), hold, now, wall, source=sources.SERVER.name,
                                              display_to=it.display_to, recipients=recipients[k] if recipients else 0)
                    # listed now; not picked up before all of them are on disk (ONE request): recording()
                    self._waiters.begin_write(sub.local_id)
                    self._subs[sub.local_id] = sub
                    subs.append(sub)
                    written.append(self._write.submit(self._journal.record, sub.draft, sub.state.value,
                                                     account=self.account, op="send", meta=meta_of(sub)))
                self._changed()
            for done in written:
                await asyncio.wrap_future(done)
        except BaseException:
            for sub in subs:  # none of them is sent: none stays in the journal as waiting either
                self._subs.pop(sub.local_id, None)
                self._write.submit(self._journal.discard, sub.local_id)
            self._changed()
            raise
        finally:
            for sub in subs:  # one deleted in the Outbox meanwhile stays DELETING: never picked up
                self._waiters.end_write(sub.local_id)
                self._resolve(sub)
        self._worker.poke()
        return subs

    # the user's hand on queued work (cancel, delete, resubmit, forget, send_now): app.core.outbox.takeback
    async def _wait_released(self, subs: list[Submission]) -> None:
        """Until none of ``subs`` is HELD any more: released into the queue (its send now under way), or taken
        back. A batch in its undo window is not "being sent" meanwhile (the quit question says what happens to
        each of its messages instead)."""
        while True:
            held = [s for s in subs if s.state == SubState.HELD and self._subs.get(s.local_id) is s]
            if not held:
                return
            await asyncio.gather(*(self._waiters.released(s.local_id) for s in held))

    def _keep(self, coro) -> asyncio.Task:
        """Run ``coro`` as a task the Outbox holds until it ends (its caller may not await it)."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # ------------------------------------------------------------------ saving
    async def save(self, draft: Draft, *, wait: bool = True) -> SaveJob:
        """Save to the server's Drafts, queued and journaled; with ``wait`` (the default) returns after the first
        attempt (``status`` DONE: saved, the saved draft went to ``on_saved``; otherwise it stays queued, "not on
        server yet"), without it once the save is queued."""
        job = await self._queue_save(draft)
        if wait:
            await self.wait(draft.local_id, final=False)
        return job

    async def _queue_save(self, draft: Draft) -> SaveJob:
        lid = draft.local_id
        if lid in self._subs and not self._subs[lid].final:
            return SaveJob(draft, self.account, SaveStatus.DONE)  # a send of it is queued: it saves first
        draft = self._as_known(draft)
        if not draft.internet_message_id and draft.ref is None:
            draft = draft.copy(internet_message_id=new_message_id())
        version = await self._write(self._journal.record, draft, State.OUTBOX_WAITING.value, account=self.account,
                                   op="save")
        if draft.ref is None and lid in self._known:  # a save of it ended during that write: save over it
            draft = self._as_known(draft)
            await self._write(self._journal.set_server_identity, lid, draft.ref, draft.internet_message_id)
        job = self._saves.get(lid)
        if job is None or job.final:
            job = self._saves[lid] = SaveJob(draft, self.account, version=version)
        elif job.status == SaveStatus.WORKING:  # saved again while it saves: once more after it
            job.apply(SaveEvent.RESAVE, draft=draft, version=version, again=True)
        else:
            job.apply(SaveEvent.RESAVE, draft=draft, version=version, again=False, retry_at=0.0)
        self._changed()
        self._worker.poke()
        return job

    def _as_known(self, draft: Draft) -> Draft:
        """``draft`` with the server identity a save of it already got (an editor's copy from before that save
        names no item): the same item saved over, never a second one. Unchanged when none is known."""
        known = self._known.get(draft.local_id) if draft.ref is None else None
        if known is None:
            return draft
        ref, mid = known
        return draft.copy(ref=ref, internet_message_id=draft.internet_message_id or mid)

    async def _save_unjournaled(self, draft: Draft) -> Draft:
        """Save ``draft`` to the server's Drafts without the journal, which cannot be written (a full disk):
        the user asked for a save, a save sends nothing so it cannot go out twice, and the server's copy is
        then the only safe one. An older copy the journal holds is dropped if it can be (else a restart would
        reopen older text than the server's). Raises the backend's error when the server does not take it."""
        lid = draft.local_id
        draft = self._as_known(draft)
        saved = await self._client.save_draft(draft)
        saved = saved.copy(local_id=lid, internet_message_id=saved.internet_message_id or draft.internet_message_id)
        try:
            await self._write(self._journal.confirm_saved, lid, saved.ref)
        except Exception as exc:  # noqa: BLE001 - still full: the entry stays (kept, not lost)
            if local_reason(exc) is None:
                raise
            log.warning("an older local copy could not be dropped: %s", type(exc).__name__)
        self._saved(saved)
        return saved

    # ------------------------------------------------------------------ waiting
    async def wait(self, local_id: str, *, final: bool = True, timeout: float | None = None,
                   through_hold: bool = False):
        """Until the work is finished (``final``) or, with ``final=False``, until its attempt ended in a
        state that waits for something (a retry later, a sign-in) or finished. With ``through_hold`` a HELD
        send is not yet a resting one: the wait goes on past its release (or until it is taken back).
        Returns the Submission or SaveJob."""
        item = self._subs.get(local_id) or self._saves.get(local_id)
        if item is None:
            return item
        resting = self._is_resting(item) and not (through_hold and getattr(item, "state", None) == SubState.HELD)
        if (item.final or (not final and resting)) and not self._waiters.writing(local_id):
            return item
        fut = self._waiters.add(local_id, final)
        self._worker.ensure_running()
        return await asyncio.wait_for(asyncio.shield(fut), timeout)

    async def _wait_all(self, subs: list[Submission], *, final: bool = True,
                       through_hold: bool = False) -> list[Submission]:
        """:meth:`wait` for each; a submission already gone from the queue (taken out in the Outbox before
        its wait began: :meth:`wait` says None) is given back as it was handed over."""
        waited = await asyncio.gather(*(self.wait(s.local_id, final=final, through_hold=through_hold)
                                        for s in subs))
        return [w or s for w, s in zip(waited, subs)]

    async def _wait_past_hold(self, subs: list[Submission]) -> list[Submission]:
        """:meth:`wait_all` (``final=False``) for a batch that may be HELD in its undo window: returns once
        none of them is held any more (released and its attempt ended, or taken back)."""
        subs = await self._wait_all(subs, final=False, through_hold=True)
        while any(s.state == SubState.HELD and self._subs.get(s.local_id) is s for s in subs):
            subs = await self._wait_all(subs, final=False, through_hold=True)
        return subs

    def _when_final(self, local_id: str, fn) -> None:
        """``fn(item)`` once the work is finished and that is on disk, as :meth:`wait` returns: at once if it
        is (or is unknown: ``fn(None)``), else when it finishes. :meth:`unfollow` takes it back."""
        item = self._subs.get(local_id) or self._saves.get(local_id)
        if item is None or (item.final and not self._waiters.writing(local_id)):
            fn(item)
            return
        self._waiters.on_final(local_id, fn)
        self._worker.ensure_running()

    def _unfollow(self, local_id: str, fn) -> None:
        """``fn`` is not called for ``local_id`` after all (:meth:`when_final`: its follower stopped)."""
        self._waiters.forget(local_id, fn)

    async def _drain(self, timeout: float | None = None) -> None:
        """Until every piece of work is finished (tests, "quit when sent")."""
        pending = [lid for lid, it in [*self._subs.items(), *self._saves.items()] if not it.final]
        await asyncio.wait_for(asyncio.gather(*(self.wait(lid) for lid in pending)), timeout)

    def _is_resting(self, item) -> bool:
        """Will ``item`` (a submission or a save) stay as it is for a while by itself: finished, held,
        parked, or waiting more than half a second for its next try?"""
        if isinstance(item, SaveJob):
            if item.status == SaveStatus.RETRYING:
                return item.retry_at > self._clock() + 0.5
            return item.status == SaveStatus.AUTH or item.final
        if item.final or item.state == SubState.HELD or self._parked(item):
            return True
        return item.state == SubState.QUEUED and item.retry_at > self._clock() + 0.5

    def _resolve(self, item) -> None:
        self._waiters.resolve(item, self._is_resting(item))

    def _persisting(self, item):
        """``with self._persisting(item):`` around setting an item's state and writing it to the journal:
        :meth:`wait` does not return on that state until it is on disk."""
        return self._waiters.persisting(item, self._resolve)

    # ------------------------------------------------------------------ control
    def _kick(self) -> None:
        """The connection is back (or the user pressed Retry): everything waiting tries now — except a
        look-up of an unknown send, which keeps its settle delay (the send may still be arriving), and a
        held send, which keeps its time."""
        queued = SubState.QUEUED  # saving, submitting: their outcome sets their next time
        for sub in self._subs.values():
            if sub.state == queued and sub.retry_at:  # one waiting for its time (5,000 in a merge: only those)
                self._transition(sub, Event.WAKE, retry_at=0.0)  # not journaled: a try's time is never stored
        for job in self._saves.values():
            if job.status in (SaveStatus.WAITING, SaveStatus.RETRYING) and job.retry_at:
                job.apply(SaveEvent.WAKE, retry_at=0.0)
        self._changed()
        self._worker.poke()

    def _signed_in(self) -> None:
        """The user signed in again: parked work resumes."""
        self._worker.signed_in()  # every parked send un-parks with the queue (parked() is derived from it)
        for job in self._saves.values():
            if job.status == SaveStatus.AUTH:
                job.apply(SaveEvent.SIGNED_IN, retry_at=0.0)
        self._changed()
        self._worker.poke()

    def restore(self) -> list[tuple[str, str, str]]:
        """At start: load this account's unfinished work from the journal. Returns one line per
        submission, ``(local_id, state it was in, state it resumes in)`` (the recovery branch)."""
        subs, saves, report = restore_work(self._journal, self.account, self._policy_now, self._clock(), meta_of,
                                           wall=self._wall())
        for sub in subs:
            self._subs.setdefault(sub.local_id, sub)
        for job in saves:
            self._saves.setdefault(job.local_id, job)
        if self._subs or self._saves:
            self._changed()
            self._worker.poke()
        return report

    def start(self) -> None:
        self._worker.ensure_running()

    async def stop(self) -> None:
        await self._worker.stop()
        t, self._auth_task = self._auth_task, None
        if t is not None and not t.done():
            t.cancel()
            await asyncio.gather(t, return_exceptions=True)

    def close(self) -> None:
        """Stop the worker (its journal writes finish first). Unfinished work stays in the journal."""
        self._worker.cancel()
        cancel_task(self._auth_task)
        if self._own_writer:
            self._write.close()

    # ------------------------------------------------------------------ state changes (one place)
    def _new_submission(self, draft: Draft, hold: holds.Hold | None, now: float, wall: float,
                       **kw) -> Submission:
        """A new submission, ``queued``, or HELD until ``hold``'s time (``queued --hold--> held`` through the
        table, its release times with it; not journaled yet: its first record, written next by the caller,
        persists it)."""
        sub = Submission(draft, self.account, **kw)
        if hold is not None:
            sub.apply(Event.HOLD, **holds.release_facts(hold, now, wall))
        return sub

    def _transition(self, sub: Submission, event: Event, *, persist: tuple | None = None, **facts) -> Future:
        """THE state change: apply ``event`` with its ``facts`` (the table decides the state, or raises
        IllegalTransition; the facts are the fields that decide what happens next) and queue its journal
        write, in order with every other, on the journal's thread — both on the caller's turn, so nothing can
        run in between. ``persist``: ``(fn, *args)`` when the state is persisted as something else than its
        own record (a take-back: the entry is the user's message again; a delete: the entry goes). Returns
        the write's future (:meth:`move` awaits it). A ``wake`` changes only when it is tried next, which is
        never stored: nothing is written."""
        was = sub.state
        sub.apply(event, **facts)
        if event == Event.WAKE:
            done: Future = Future()
            done.set_result(None)
            return done
        log.info("send %s: %s --%s--> %s", sub.local_id[:8], was.value, event.value, sub.state.value)
        if persist is None:
            persist = self._persisted(sub)
        return self._write.submit(*persist)

    def _persisted(self, sub: Submission) -> tuple:
        """How a state is written to the journal: SENT by the entry leaving it, any other as itself."""
        if sub.state == SubState.SENT:
            return (self._journal.confirm_sent, sub.local_id)
        return (functools.partial(self._journal.set_state, error=sub.reason, attempts=sub.attempts,
                                  meta=meta_of(sub)), sub.local_id, sub.state.value)

    async def _move(self, sub: Submission, event: Event, **facts) -> None:
        """:meth:`transition`, persisted BEFORE the caller goes on (``submitting`` is on disk before the send
        request leaves), then the listeners are told."""
        with self._persisting(sub):
            await asyncio.wrap_future(self._transition(sub, event, **facts))
            if sub.state == SubState.SENT:
                self._known.pop(sub.local_id, None)
        if sub.final:
            self.news.tell("finished", sub)
        self._resolve(sub)
        self._changed()

    def _park(self) -> None:
        """A 401 or an untrusted certificate: everything waits until :meth:`signed_in` (the user is asked to
        sign in again, when the Outbox has a way to ask)."""
        if not self._worker.park():
            return
        self._stats["auth_waits"] += 1
        if self._reauth is not None:
            self._auth_task = asyncio.ensure_future(self._ask_reauth())

    async def _ask_reauth(self) -> None:
        try:
            if await self._reauth():
                self._signed_in()
        except Exception:  # noqa: BLE001 - the work stays parked; the UI may call signed_in() later
            log.exception("re-authentication prompt failed")

    def _saved(self, draft: Draft) -> None:
        """A save (of a save job, or before a send) reached the server: remember its identity."""
        if draft.ref is not None:
            self._known[draft.local_id] = (draft.ref, draft.internet_message_id)
        self.news.tell("saved", draft)

    def _forget_identity(self, local_id: str) -> None:
        """The server identity of a message saved before is of no more use (a mail merge's sent row)."""
        self._known.pop(local_id, None)

    def _resolve_told(self, item) -> None:
        self._resolve(item)
        self._changed()

    def _changed(self) -> None:
        self.news.tell("changed")
