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

Its public face is small (:mod:`app.core.outbox.faces`; the names held in tests/test_rules.py): submit (from
Compose, a server draft, a MIME file), save, wait, rows, restore, start / stop / close, its ``limits``, its
``news``; what the queue holds is read through ``queue``, further waits through ``waits``, the user's hand
through ``hand``, what it is built from through ``parts``.

No Qt. Its :attr:`news` (an :class:`app.domain.events.Hub`) publishes :class:`~app.domain.events.OutboxChanged`,
:class:`~app.domain.events.DraftSaved` (a draft reached the server) and :class:`~app.domain.events.SubmissionFinished`
(a submission's final state); the view reads :meth:`rows`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from concurrent.futures import Future
from typing import Awaitable, Callable

from app.core.outbox import mime_send
from app.core.outbox.clock import MONOTONIC
from app.core.common.journal_writer import JournalWriter
from app.core.outbox import holds, sources
from app.core.outbox.drive import Drive
from app.core.outbox.faces import Hand, Parts, QueueView, Waits
from app.core.outbox.restore import restore_work
from app.core.outbox.rows import OutboxRow
from app.core.outbox.saves import SaveEvent, SaveJob, SaveStatus
from app.core.outbox.takeback import TakeBack
from app.core.outbox.waiters import Waiters
from app.core.outbox.worker import cancel_task
from app.mail.service import MessageLimits
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import Event, SubState, Submission
from app.domain.errors import DraftInvalid
from app.domain.events import DraftSaved, Hub, OutboxChanged, SubmissionFinished
from app.domain.models import Draft, ItemRef, MessageSummary, new_message_id
from app.domain.validation import SEND_BATCH_LIMIT, validate_draft
from app.domain.words import Words, to_data
from app.storage.journal import Journal, State
from app.storage.local_errors import local_reason

log = logging.getLogger(__name__)

# submissions built per event-loop turn when many saved drafts are sent at once (a mail merge): 250 took
# 15-27 ms of the UI thread a turn in bench/bench_merge_stall.py; each is ~60 µs
SUBMIT_BATCH = 100
_CHANGED = OutboxChanged()  # the one event of its kind (it has no facts): told many times a turn


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
        clock: Callable[[], float] = MONOTONIC,  # the worker sleeps on it (app.core.outbox.clock)
        wall: Callable[[], float] = time.time,  # wall clock: held sends' release times (app.core.outbox.holds)
        reauth: Callable[[], Awaitable[bool]] | None = None,
        writer: JournalWriter | None = None,
    ):
        self.account = account
        self.news = Hub(OutboxChanged, DraftSaved, SubmissionFinished)  # what the queue tells (typed events)
        self._own_writer = writer is None
        # what it is built from, read there at each use: a test holds its clock still or moves it
        # (``ob.parts.clock = ...``), a settle floor or a test changes its policy
        self.parts = Parts(client, journal, writer or JournalWriter(),  # the app shares one writer with autosave
                           clock=clock, wall=wall, policy=policy or RetryPolicy(), batch_size=batch_size,
                           reauth=reauth, step=self._step, next_wake=self._next_wake)
        self._subs: dict[str, Submission] = {}
        self._saves: dict[str, SaveJob] = {}
        self._not_deleted: set[str] = set()  # sends whose delete the journal could not record (said in the row)
        self._known: dict[str, tuple[ItemRef, str]] = {}  # local_id -> (server ref, Message-ID) once saved
        self._waiters = Waiters()
        self._tasks: set[asyncio.Task] = set()  # journal work the caller may not await (a take-back)
        self._auth_task: asyncio.Task | None = None
        # the rest of its face, each a collaborator of its own (app.core.outbox.faces): what the queue holds
        # (read only), the waits beyond :meth:`wait`, the user's hand
        self.queue = QueueView(self._subs, self._saves, self._known, self._not_deleted, self._waiters, self.parts)
        self.waits = Waits(self.queue, self._waiters, self.parts, self.wait)
        self.hand = Hand(cancel=self._cancel, in_drafts_as_is=self._in_drafts_as_is, delete=self._delete,
                         forget=self._forget, forget_identity=self._forget_identity, resubmit=self._resubmit,
                         send_now=self._send_now, kick=self._kick, signed_in=self._signed_in,
                         save_unjournaled=self._save_unjournaled)

    @property
    def limits(self) -> MessageLimits:
        """The account's message limits, as its backend knows them now (:class:`MessageLimits`)."""
        return self.parts.client.message_limits

    # ------------------------------------------------------------------ reading (the view)
    def rows(self) -> list[OutboxRow]:
        """Newest first, as Sent lists: the last queued on top (a retry keeps its place)."""
        return self.queue.rows()

    # ------------------------------------------------------------------ sending
    async def submit(self, draft: Draft, hold: holds.Hold | None = None, *,
                     checked_within: int | None = None) -> Submission:
        """Queue a send of ``draft`` (the user's accepted Send). Its content is journaled with the
        submission in one transaction before this returns; the worker takes it from there. A draft that
        cannot be sent as it is raises :class:`DraftInvalid` and nothing is created. With ``hold`` it is
        HELD until its release time (undo send, send later: :mod:`app.core.outbox.holds`).
        ``checked_within``: the caller checked it already (app.core.sending.request), against this size limit; it is
        checked again only when the server's limit is lower now (learnt meanwhile)."""
        limit = self.limits.max_send_bytes
        if checked_within is None or limit < checked_within:
            errors = validate_draft(draft, for_send=True, max_send_bytes=limit)
            if errors:
                raise DraftInvalid(errors)
        lid = draft.local_id
        old = self._subs.get(lid)
        if old is not None and not old.final:
            return old  # Send pressed again for the same message: one submission
        at = holds.on_server(hold)
        if at is not None:  # the user's send later: sent now, kept by the server until its time
            hold, draft = None, draft.copy(send_at=self._still_ahead(at))
        draft = self._as_known(draft)  # an editor's copy from before the save: the same item
        if not draft.internet_message_id:
            draft = draft.copy(internet_message_id=new_message_id())
        job = self._saves.get(lid)
        # a save of it on the wire (or its answer lost): the send waits for it, then finds the draft by
        # Message-ID instead of creating a second one
        adopt = self.queue.in_flight(lid) or (job is not None and job.adopt)
        sub = self._new_submission(draft, hold, self.parts.clock(), self.parts.wall(), adopt=adopt)
        return await self._record_new(sub)

    async def submit_mime(self, raw: bytes, parsed: Draft) -> Submission:
        """Queue a send of an ``.eml`` file's bytes as they are (:mod:`app.core.outbox.mime_send`): ``parsed`` is the
        file read as a draft (its recipients and subject are what the Outbox lists). The bytes, with the
        Message-ID that names the send (the file's, or one added as its first line), are journaled in one
        transaction before this returns; then the worker sends them like any other submission, exactly
        once. Raises :class:`DraftInvalid` (nothing created) for a message that cannot be sent."""
        mime = mime_send.with_message_id(raw)
        draft = mime_send.stand_in(parsed, mime)
        errors = validate_draft(draft, for_send=True, max_send_bytes=self.limits.max_send_bytes)
        if errors:
            raise DraftInvalid(errors)
        for old in self._subs.values():  # the same file sent again while its send is under way: one send
            if sources.of(old).from_file and not old.final and old.draft.internet_message_id == mime.message_id:
                return old
        sub = self._new_submission(draft, None, self.parts.clock(), self.parts.wall(), source=sources.MIME.name)
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
            await self.parts.write(self.parts.journal.record, draft, sub.state.value, account=self.account, op="send",
                             meta=meta_of(sub))
        except BaseException:
            self._subs.pop(lid, None)
            self._changed()
            raise
        finally:
            self._waiters.end_write(lid)
            self._resolve(sub)
        self._saves.pop(lid, None)  # a queued save is part of the send now
        self.parts.worker.poke()
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
        now, wall = self.parts.clock(), self.parts.wall()  # one release time on both clocks for the whole batch
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
                    written.append(self.parts.write.submit(self.parts.journal.record, sub.draft, sub.state.value,
                                                     account=self.account, op="send", meta=meta_of(sub)))
                self._changed()
            for done in written:
                await asyncio.wrap_future(done)
        except BaseException:
            for sub in subs:  # none of them is sent: none stays in the journal as waiting either
                self._subs.pop(sub.local_id, None)
                self.parts.write.submit(self.parts.journal.discard, sub.local_id)
            self._changed()
            raise
        finally:
            for sub in subs:  # one deleted in the Outbox meanwhile stays DELETING: never picked up
                self._waiters.end_write(sub.local_id)
                self._resolve(sub)
        self.parts.worker.poke()
        return subs

    # the user's hand on queued work (cancel, delete, resubmit, forget, send_now): app.core.outbox.takeback
    def _keep(self, coro) -> asyncio.Task:
        """Run ``coro`` as a task the Outbox holds until it ends (its caller may not await it)."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # ------------------------------------------------------------------ saving
    async def save(self, draft: Draft, *, wait: bool = True) -> SaveJob:
        """Save to the server's Drafts, queued and journaled; with ``wait`` (the default) returns after the first
        attempt (``status`` DONE: saved, the saved draft told as :class:`~app.domain.events.DraftSaved`; otherwise it stays queued, "not on
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
        version = await self.parts.write(self.parts.journal.record, draft, State.OUTBOX_WAITING.value, account=self.account,
                                   op="save")
        if draft.ref is None and lid in self._known:  # a save of it ended during that write: save over it
            draft = self._as_known(draft)
            await self.parts.write(self.parts.journal.set_server_identity, lid, draft.ref, draft.internet_message_id)
        job = self._saves.get(lid)
        if job is None or job.final:
            job = self._saves[lid] = SaveJob(draft, self.account, version=version)
        elif job.status == SaveStatus.WORKING:  # saved again while it saves: once more after it
            job.apply(SaveEvent.RESAVE, draft=draft, version=version, again=True)
        else:
            job.apply(SaveEvent.RESAVE, draft=draft, version=version, again=False, retry_at=0.0)
        self._changed()
        self.parts.worker.poke()
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
        saved = await self.parts.client.save_draft(draft)
        saved = saved.copy(local_id=lid, internet_message_id=saved.internet_message_id or draft.internet_message_id)
        try:
            await self.parts.write(self.parts.journal.confirm_saved, lid, saved.ref)
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
        resting = self.queue.is_resting(item) and not (through_hold and getattr(item, "state", None) == SubState.HELD)
        if (item.final or (not final and resting)) and not self._waiters.writing(local_id):
            return item
        fut = self._waiters.add(local_id, final)
        self.parts.worker.ensure_running()
        return await asyncio.wait_for(asyncio.shield(fut), timeout)

    def _resolve(self, item) -> None:
        self._waiters.resolve(item, self.queue.is_resting(item))

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
        self.parts.worker.poke()

    def _signed_in(self) -> None:
        """The user signed in again: parked work resumes."""
        self.parts.worker.signed_in()  # every parked send un-parks with the queue (parked() is derived from it)
        for job in self._saves.values():
            if job.status == SaveStatus.AUTH:
                job.apply(SaveEvent.SIGNED_IN, retry_at=0.0)
        self._changed()
        self.parts.worker.poke()

    def restore(self) -> list[tuple[str, str, str]]:
        """At start: load this account's unfinished work from the journal. Returns one line per
        submission, ``(local_id, state it was in, state it resumes in)`` (the recovery branch)."""
        subs, saves, report = restore_work(self.parts.journal, self.account, self.parts.policy, self.parts.clock(), meta_of,
                                           wall=self.parts.wall())
        for sub in subs:
            self._subs.setdefault(sub.local_id, sub)
            if self._to_server(sub):
                report = [(lid, was, sub.state.value if lid == sub.local_id else now) for lid, was, now in report]
        for job in saves:
            self._saves.setdefault(job.local_id, job)
        if self._subs or self._saves:
            self._changed()
            self.parts.worker.poke()
        return report

    def _to_server(self, sub: Submission) -> bool:
        """A send later an older version held on this computer (its content ours) is released to go now with its
        time, which the server keeps (:func:`app.core.outbox.holds.on_server`); a time that passed while Dispatch
        was closed: sent at once, as before. Journaled with its content (the time is in the draft)."""
        at = holds.held_here_by_older(sub)
        if at is None or not sources.of(sub).saved_first:
            return False
        journal = self.parts.journal
        self._transition(sub, Event.RELEASE, **holds.RELEASED,
                         draft=sub.draft.copy(send_at=self._still_ahead(at)),
                         persist=lambda s: (functools.partial(journal.record, op="send", meta=meta_of(s)), s.draft,
                                            s.state.value))
        log.info("recovery: send later %s is now kept by the server", sub.local_id[:8])
        return True

    def _still_ahead(self, at):
        """A send later's time for the server, or None when it has passed (sent at once, as Exchange would)."""
        return at if at.timestamp() > self.parts.wall() else None

    def start(self) -> None:
        self.parts.worker.ensure_running()

    async def stop(self) -> None:
        await self.parts.worker.stop()
        t, self._auth_task = self._auth_task, None
        if t is not None and not t.done():
            t.cancel()
            await asyncio.gather(t, return_exceptions=True)

    def close(self) -> None:
        """Stop the worker (its journal writes finish first). Unfinished work stays in the journal."""
        self.parts.worker.cancel()
        cancel_task(self._auth_task)
        if self._own_writer:
            self.parts.write.close()

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

    def _transition(self, sub: Submission, event: Event, *, persist: tuple | Callable[[Submission], tuple] | None = None, **facts) -> Future:
        """THE state change: apply ``event`` with its ``facts`` (the table decides the state, or raises
        IllegalTransition; the facts are the fields that decide what happens next) and queue its journal
        write, in order with every other, on the journal's thread — both on the caller's turn, so nothing can
        run in between. ``persist``: ``(fn, *args)`` when the state is persisted as something else than its
        own record (a take-back: the entry is the user's message again; a delete: the entry goes), or a call
        giving it from the submission as the event left it (its content written again with its state). Returns
        the write's future (:meth:`_move` awaits it). A ``wake`` changes only when it is tried next, which is
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
        elif callable(persist):  # built from the submission as the event left it
            persist = persist(sub)
        return self.parts.write.submit(*persist)

    def _persisted(self, sub: Submission) -> tuple:
        """How a state is written to the journal: SENT by the entry leaving it, any other as itself."""
        if sub.state == SubState.SENT:
            return (self.parts.journal.confirm_sent, sub.local_id)
        return (functools.partial(self.parts.journal.set_state, error=sub.reason, attempts=sub.attempts,
                                  meta=meta_of(sub)), sub.local_id, sub.state.value)

    async def _move(self, sub: Submission, event: Event, **facts) -> None:
        """:meth:`_transition`, persisted BEFORE the caller goes on (``submitting`` is on disk before the send
        request leaves), then the listeners are told."""
        with self._persisting(sub):
            await asyncio.wrap_future(self._transition(sub, event, **facts))
            if sub.state == SubState.SENT:
                self._known.pop(sub.local_id, None)
        if sub.final:
            self.news.publish(SubmissionFinished(sub))
        self._resolve(sub)
        self._changed()

    def _park(self) -> None:
        """A 401 or an untrusted certificate: everything waits until :meth:`_signed_in` (the user is asked to
        sign in again, when the Outbox has a way to ask)."""
        if not self.parts.worker.park():
            return
        self.parts.stats["auth_waits"] += 1
        if self.parts.reauth is not None:
            self._auth_task = asyncio.ensure_future(self._ask_reauth())

    async def _ask_reauth(self) -> None:
        try:
            if await self.parts.reauth():
                self._signed_in()
        except Exception:  # noqa: BLE001 - the work stays parked; the UI may call signed_in() later
            log.exception("re-authentication prompt failed")

    def _saved(self, draft: Draft) -> None:
        """A save (of a save job, or before a send) reached the server: remember its identity."""
        if draft.ref is not None:
            self._known[draft.local_id] = (draft.ref, draft.internet_message_id)
        self.news.publish(DraftSaved(draft))

    def _forget_identity(self, local_id: str) -> None:
        """The server identity of a message saved before is of no more use (a mail merge's sent row)."""
        self._known.pop(local_id, None)

    def _resolve_told(self, item) -> None:
        self._resolve(item)
        self._changed()

    def _changed(self) -> None:
        self.news.publish(_CHANGED)
