"""The Outbox's side of an attempt: what is due now, and each attempt's verdict applied through the table.
A mix-in of :class:`app.core.outbox.owner.Outbox` (its methods are the owner's, kept here by responsibility):
the worker (:mod:`app.core.outbox.worker`) calls :meth:`Drive.step`; the server calls and the policy's verdicts
are :mod:`app.core.outbox.attempts`'; every change they decide is made here, with :meth:`Outbox._move`. No Qt.
"""

from __future__ import annotations

import logging

from app.core.outbox import holds, sources
from app.core.outbox.saves import SaveEvent, SaveJob, SaveStatus
from app.core.outbox.policy import Action, action_for, kind_of
from app.core.outbox.submission import Event, SubState, Submission
from app.domain.models import ErrorKind
from app.storage.journal import State

log = logging.getLogger(__name__)


_MAY_PARK = frozenset({SubState.QUEUED, SubState.UNKNOWN})  # what waits for a sign-in


def waits_for_sign_in(sub: Submission) -> bool:
    """Its last failure is of a kind that parks it: while the queue is parked it waits for a sign-in."""
    return sub.kind is not None and sub.state in _MAY_PARK and action_for(sub.kind) == Action.PARK


def _never(_sub) -> bool:
    return False


def due_work(subs, saves, now: float, *, recording=frozenset(), parked: bool = False):
    """What is due at ``now``, in queue order: ``(saves, look-ups of unknown sends, sends)``; ``recording``:
    the local ids whose state is not on disk yet (never picked); ``parked``: the queue waits for a sign-in. One
    pass over the submissions, each enum member looked up once: a 5,000-row merge queues 5,000, and three
    passes that looked each member up on its enum class (~0.2 us each) and called two properties per
    submission held the UI thread ~8 ms at every step of the worker."""
    waiting, retrying = SaveStatus.WAITING, SaveStatus.RETRYING
    due_saves = [j for j in saves if (j.status == waiting or j.status == retrying) and j.retry_at <= now]
    queued, unknown_state = SubState.QUEUED, SubState.UNKNOWN
    waits = waits_for_sign_in if parked else _never
    unknown, sends = [], []
    for sub in subs:
        state = sub.state
        if state == queued:
            if sub.retry_at <= now and sub.local_id not in recording and not waits(sub):
                sends.append(sub)
        elif state == unknown_state and sub.retry_at <= now and not waits(sub):
            unknown.append(sub)
    return due_saves, unknown, sends


def next_wake_time(subs, saves, now: float, *, parked: bool = False) -> float | None:
    """When something is due next (None: nothing waits for a time); ``parked``: the queue waits for a
    sign-in (what waits for it waits for no time)."""
    waits = waits_for_sign_in if parked else _never
    timed = (SubState.QUEUED, SubState.UNKNOWN)  # the states that wait for a time (HELD: below)
    times = [s.retry_at for s in subs if s.retry_at and s.state in timed and not waits(s)]
    times += [j.retry_at for j in saves if j.retry_at and not j.final]
    held = holds.next_check(subs, now)  # a held send: its release (the wall clock looked at too)
    times += [held] if held is not None else []
    return min(times) if times else None


class Drive:
    """The owner's steps through its queue (mixed into the Outbox, whose state it reads and changes)."""

    # ------------------------------------------------------------------ what is due
    async def _step(self) -> bool:
        """One pass: release the holds whose time came, then the due work in queue order (saves, look-ups of
        unknown sends, sends — many in one request). False when nothing was due."""
        await self._release_due()  # HELD --release--> queued once its time came, never before
        saves, unknown, sends = self._due(self.parts.clock())
        if not (saves or unknown or sends):
            return False
        for job in saves:
            await self._save_job(job)
            if self.parts.worker.needs_sign_in:
                break
        if unknown and not self.parts.worker.needs_sign_in:
            await self._settle(unknown)
        if sends and not self.parts.worker.needs_sign_in:
            await self._send(sends[: self.parts.batch_size])
        return True

    def _due(self, now: float):
        """What is due at ``now``, in queue order (:func:`due_work`)."""
        return due_work(self._subs.values(), self._saves.values(), now, recording=self._waiters.written_ids(),
                        parked=self.parts.worker.needs_sign_in)

    def _next_wake(self) -> float | None:
        """When something is due next, on the Outbox's clock (:func:`next_wake_time`)."""
        return next_wake_time(self._subs.values(), self._saves.values(), self.parts.clock(),
                              parked=self.parts.worker.needs_sign_in)

    async def _release_due(self) -> int:
        """Release every held submission whose time came (HELD --release--> queued, journaled). Returns how
        many; they are then sent like any queued send."""
        ready = holds.due(self._subs.values(), self.parts.clock(), self.parts.wall())
        for sub in ready:
            if sub.state != SubState.HELD or self._subs.get(sub.local_id) is not sub:  # taken back meanwhile
                continue
            await self._move(sub, Event.RELEASE, **holds.RELEASED)
        return len(ready)

    # ------------------------------------------------------------------ sends
    def _still_due(self, sub: Submission) -> bool:
        """Still in the queue, waiting its turn, its state on disk, not waiting for a sign-in."""
        return (self._subs.get(sub.local_id) is sub and sub.state == SubState.QUEUED
                and not self.queue.recording(sub.local_id) and not self.queue.parked(sub))

    async def _decided(self, sub: Submission, event: Event, facts: dict) -> None:
        """An attempt's verdict applied: a kind that parks parks the queue first (:meth:`QueueView.parked`)."""
        kind = facts.get("kind")
        if kind is not None and action_for(kind) == Action.PARK:
            self._park()
        await self._move(sub, event, **facts)

    async def _send(self, subs: list[Submission]) -> None:
        """Save each (their content is ours) and send them all in ONE request."""
        # the worker picked these before its saves and look-ups ran: meanwhile the user may have taken one
        # back (cancelled) or thrown it away (DELETING: it must never go out). Only those still waiting
        # their turn start, each checked on the turn it starts (``start`` is applied before that turn ends:
        # no take-back can come in between); from ``saving`` on, no cancel or delete reaches them
        # (QueueView.in_flight) until their outcome is recorded.
        started: list[Submission] = []
        try:
            ready = []
            for sub in subs:
                if not self._still_due(sub):
                    continue
                started.append(sub)
                await self._move(sub, Event.START)
                event, facts = await self.parts.attempts.prepare(sub)
                if event is not None:
                    await self._decided(sub, event, facts)
                    continue
                if sources.of(sub).saved_first:  # written to Drafts now: the journal knows where
                    saved = facts["draft"]
                    await self.parts.write(self.parts.journal.set_server_identity, sub.local_id, saved.ref,
                                     saved.internet_message_id, [a.attachment_id for a in saved.attachments])
                    self._saved(saved)
                ready.append((sub, facts))
            if not ready:
                return
            for sub, facts in ready:  # on disk before the request leaves: a crash from here on is settled
                await self._move(sub, Event.SAVED, **facts)
            async for sub, event, facts in self.parts.attempts.request([sub for sub, _ in ready]):
                await self._decided(sub, event, facts)
        finally:
            for sub in started:
                self._resolve_told(sub)

    async def _settle(self, subs: list[Submission]) -> None:
        """Look up sends whose outcome is unknown, all in one go."""
        try:
            async for sub, event, facts in self.parts.attempts.settle(subs):
                await self._decided(sub, event, facts)
        finally:
            for sub in subs:
                self._resolve_told(sub)

    # ------------------------------------------------------------------ saves
    async def _save_job(self, job: SaveJob) -> None:
        lid = job.local_id
        # read on the journal thread: the entry holds the whole body (10 MB: its read and
        # json.loads cost the UI thread ~16 ms), and the lock may be held by a 10 MB autosave (100-200 ms).
        # What is saved is what the journal holds; while that is still what this job recorded, its body is
        # not copied out of the journal again (journal.get(known_body=))
        known = (job.version, job.draft.body) if job.version else None
        entry = await self.parts.write(self.parts.journal.get, lid, known_body=known)
        if entry is None or self._saves.get(lid) is not job:  # thrown away or taken back meanwhile
            if not job.final:
                job.apply(SaveEvent.GONE)
            if self._saves.get(lid) is job:
                self._saves.pop(lid, None)
            self._resolve_told(job)
            return
        problems = self.parts.attempts.unstorable(entry.draft)
        if problems is not None:  # refused before the network, as Ctrl+S refuses it; the journal keeps it
            await self._save_decided(job, *await self.parts.attempts.save_failed(job, entry.draft, ErrorKind.INVALID_INPUT,
                                                                          problems))
            return
        job.apply(SaveEvent.START, again=False)  # in flight (QueueView.in_flight) until it ends
        self._resolve_told(job)
        draft = entry.draft
        try:
            draft = await self.parts.attempts.save_target(job, draft)
            await self.parts.write(self.parts.journal.set_state, lid, State.SAVING.value)  # a crash now: adopt on restart
            saved = await self.parts.attempts.save_draft(draft)
        except Exception as exc:  # noqa: BLE001 - by kind
            await self._save_decided(job, *await self.parts.attempts.save_failed(job, draft, kind_of(exc), exc))
            return
        removed = await self.parts.write(self.parts.journal.confirm_saved, lid, saved.ref, entry.version)
        if not removed:
            await self.parts.write(self.parts.journal.set_server_identity, lid, saved.ref, saved.internet_message_id,
                             [a.attachment_id for a in saved.attachments])
        # the next attempt (typed again meanwhile) reads the journal's newer body (version 0)
        facts = {"saved": saved, "adopt": False, "draft": saved, "version": 0}
        self._saved(saved)  # told while it is still in flight, as a save before a send is
        if job.again and not removed:  # typed again while it was saving: save the newer text too
            job.apply(SaveEvent.AGAIN, retry_at=0.0, **facts)
            await self.parts.write(self.parts.journal.set_state, lid, State.OUTBOX_WAITING.value, op="save")
        else:
            job.apply(SaveEvent.SAVED, **facts)
            self._saves.pop(lid, None)
        self._resolve_told(job)

    async def _save_decided(self, job: SaveJob, event: SaveEvent, facts: dict) -> None:
        """A failed save's verdict applied and journaled (a waiter returns once it is on disk)."""
        with self._persisting(job):
            if "draft" in facts:  # gone on the server: the journal forgets where it was
                await self.parts.write(self.parts.journal.set_server_identity, job.local_id, facts["draft"].ref)
            job.apply(event, **facts)
            if event == SaveEvent.PARK:
                self._park()
            await self.parts.write(self.parts.journal.set_state, job.local_id, State.OUTBOX_WAITING.value, op="save",
                             error=job.reason, attempts=job.attempts)
        self._resolve_told(job)
