"""One attempt at the server for queued work: save-then-send a group of submissions in ONE send
request, settle unknown ones by Message-ID, or save a draft. No retry loops here: every failure becomes
an event of the submission's state machine, chosen by :func:`app.core.policy.action_for` from the
error's kind, and the :class:`~app.core.outbox.Outbox` schedules the next attempt.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from app.core import mime_send, settle
from app.core.policy import Action, action_for, kind_of
from app.core.rows import SaveJob, SaveStatus
from app.core.submission import Event, SubState, Submission
from app.domain.errors import DraftInvalid
from app.domain.explain import describe
from app.domain.models import Draft, ErrorKind, ItemRef
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, validate_draft
from app.storage.journal import State

log = logging.getLogger(__name__)

ALREADY_SENT = "Already sent (found in Sent Items)"
CONFIRMED = "Sent (confirmed in Sent Items)"
NOT_CONFIRMED = ("Could not confirm that it was sent, so it was not sent again. "
                 "Look in Sent Items; Retry sends it again.")


def _reason(exc: BaseException) -> str:
    code = getattr(exc, "code", "") or type(exc).__name__
    return describe(code, getattr(exc, "message", "") or "")


def _unstorable(draft: Draft, client):
    """What no server can store, as Compose's Ctrl+S checks it (an address or a subject over 255
    characters...): a save queued another way (Ctrl+N over an edited message, opening another draft,
    recovery after a restart) reached exchangelib, which refused it with a ValueError while building its
    request. None when the draft can be saved."""
    limit = getattr(client, "max_send_bytes", DEFAULT_MAX_SEND_BYTES)
    problems = validate_draft(draft, for_send=False, max_send_bytes=limit)
    return DraftInvalid(problems) if problems else None


def _fresh(draft: Draft, ref: ItemRef | None) -> Draft:
    """The draft pointing at ``ref`` (None: create it again), its attachments to be uploaded anew."""
    return replace(draft, ref=ref, attachments=[replace(a, attachment_id="") for a in draft.attachments])


class Attempts:
    """Server calls for an :class:`~app.core.outbox.Outbox` (which owns every state change)."""

    def __init__(self, box):
        self.box = box
        self._offline: dict[str, int] = {}  # local_id -> unanswered connects in a row (not counted)

    # ------------------------------------------------------------------ helpers
    def _delay(self, sub_or_job, action: Action, exc: BaseException | None) -> float:
        policy = self.box.policy
        retry_after = getattr(exc, "retry_after", None)
        if action == Action.RETRY_FREE:
            n = self._offline[sub_or_job.local_id] = self._offline.get(sub_or_job.local_id, 0) + 1
            return policy.delay(n, retry_after)
        return policy.delay(max(1, sub_or_job.attempts), retry_after)

    async def _retry(self, sub: Submission, event: Event, action: Action, exc: BaseException | None,
                     *, delay: float | None = None, now: float | None = None) -> None:
        """Schedule another attempt (or look-up), counting it unless nothing reached the server."""
        reason = _reason(exc) if exc is not None else sub.reason
        if exc is not None:
            sub.code = getattr(exc, "code", "") or sub.code
        if action not in (Action.RETRY_FREE, Action.PARK):
            sub.attempts += 1
            may_be_sent = event == Event.LOST and sub.state == SubState.SUBMITTING  # must be settled, not failed
            if sub.attempts >= self.box.policy.max_attempts and not may_be_sent:
                await self.box.move(sub, Event.REJECTED, reason=f"gave up after {sub.attempts} attempts: {reason}")
                return
        now = self.box.clock() if now is None else now
        sub.retry_at = now + (self._delay(sub, action, exc) if delay is None else delay)
        await self.box.move(sub, event, reason=reason)

    async def _where(self, mid: str):
        """Verdict for one Message-ID (raises the backend's error)."""
        self.box.stats["lookups"] += 1
        found = await settle.look_up(self.box.client, [mid])
        return settle.verdict(found.get(mid))

    # ------------------------------------------------------------------ sends
    async def send(self, subs: list[Submission]) -> None:
        """Save each (their content is ours) and send them all in ONE request."""
        box = self.box
        # the worker picked these before its saves and look-ups ran: meanwhile the user may have taken one
        # back (cancelled) or thrown it away (DELETING: it must never go out). Only those still waiting
        # their turn start, each checked on the turn it starts (``start`` is applied before that turn ends:
        # no take-back can come in between); from ``saving`` on, no cancel or delete reaches them
        # (Outbox.in_flight) until their outcome is recorded.
        started: list[Submission] = []
        try:
            ready = []
            for sub in subs:
                if not self._still_due(sub):
                    continue
                started.append(sub)
                await box.move(sub, Event.START)
                if await self._prepare(sub):
                    ready.append(sub)
            if not ready:
                return
            for sub in ready:  # on disk before the request leaves: a crash from here on is settled
                await box.move(sub, Event.SAVED)
            await self._request(ready)
        finally:
            for sub in started:
                box.resolve(sub)

    async def _request(self, ready: list[Submission]) -> None:
        """The ONE send request for ``ready`` (all ``submitting`` on disk), each one's outcome recorded; a
        file's bytes sent as they are (:mod:`app.core.mime_send`) go in a request of their own each."""
        box = self.box
        for sub in [s for s in ready if s.source == mime_send.SOURCE]:
            await self._send_mime(sub)
        ready = [s for s in ready if s.source != mime_send.SOURCE]
        if not ready:
            return
        box.stats["attempts"] += 1
        try:
            outcomes = await box.client.send_drafts([s.draft.ref for s in ready], save_copy=True)
        except Exception as exc:  # noqa: BLE001 - nothing known about any item: by kind
            now = box.clock()  # one time for the group: it is looked up (or retried) together
            for sub in ready:
                await self._send_failed(sub, kind_of(exc), exc, now=now)
            return
        if len(outcomes) != len(ready):  # cannot tell which answer is whose: settle them all
            now = box.clock()
            for sub in ready:
                await self._send_failed(sub, ErrorKind.OUTCOME_UNKNOWN, None, now=now)
            return
        for sub, o in zip(ready, outcomes):
            if o.ok:
                self._offline.pop(sub.local_id, None)
                await box.move(sub, Event.ACCEPTED, reason="Sent")
            else:
                err = _OutcomeError(o.code, o.message)
                await self._send_failed(sub, ErrorKind(o.kind) if o.kind else ErrorKind.PERMANENT, err)

    async def _send_mime(self, sub: Submission) -> None:
        """One ``.eml`` file's bytes, as they are (``submitting`` on disk), its outcome recorded."""
        box = self.box
        box.stats["attempts"] += 1
        try:
            await box.client.send_mime(mime_send.mime_of(sub.draft))
        except Exception as exc:  # noqa: BLE001 - by kind, as any send
            await self._send_failed(sub, kind_of(exc), exc)
            return
        self._offline.pop(sub.local_id, None)
        await box.move(sub, Event.ACCEPTED, reason="Sent")

    def _still_due(self, sub: Submission) -> bool:
        """Still in the queue, waiting its turn, its state on disk, not waiting for a sign-in."""
        box = self.box
        return (box.subs.get(sub.local_id) is sub and sub.state == SubState.QUEUED
                and not box.recording(sub.local_id) and not box.parked(sub))

    async def _prepare(self, sub: Submission) -> bool:
        """In ``saving``: make sure the message is in the server's Drafts, as the user wrote it. False
        when the submission moved on instead (already sent, or the save failed)."""
        draft = sub.draft
        # a file's bytes are looked up first, every time: its Message-ID is the file's own, and one already in
        # Sent Items is that message sent (before, or by the attempt whose answer was lost): never twice
        look_first = sub.adopt or sub.source == mime_send.SOURCE
        try:
            if look_first and draft.ref is None and draft.internet_message_id:
                verdict, ref = await self._where(draft.internet_message_id)
                if verdict == settle.Verdict.SENT:
                    self.box.stats["already_sent"] += 1
                    await self.box.move(sub, Event.FOUND_SENT, reason=ALREADY_SENT)
                    return False
                if ref is not None:
                    draft = _fresh(draft, ref)
            elif sub.adopt and draft.ref is not None:  # an update whose answer was lost: save over the current
                draft = replace(draft, ref=ItemRef(draft.ref.id, ""))
            if sub.source != "compose":  # on the server already, or a file's bytes sent as they are
                sub.draft, sub.adopt = draft, False
                return True
            saved = await self.box.client.save_draft(draft)
        except Exception as exc:  # noqa: BLE001 - by kind
            await self._save_failed(sub, kind_of(exc), exc)
            return False
        saved = saved.copy(internet_message_id=saved.internet_message_id or draft.internet_message_id)
        sub.draft, sub.adopt = saved, False
        await self.box.write(self.box.journal.set_server_identity, sub.local_id, saved.ref,
                             saved.internet_message_id, [a.attachment_id for a in saved.attachments])
        self.box.saved(saved)
        return True

    async def _save_failed(self, sub: Submission, kind: ErrorKind, exc: BaseException) -> None:
        """The save before a send failed (state ``saving``): nothing was sent."""
        action = action_for(kind)
        sub.kind = kind
        if action == Action.LOOK_IN_SENT:
            await self._gone(sub, exc, lost_event=Event.LOST)
        elif action == Action.SETTLE:  # the save may have happened: adopt the draft next time
            sub.adopt = True
            await self._retry(sub, Event.LOST, action, exc, delay=self.box.policy.settle_delay)
        elif action == Action.REFRESH:
            sub.adopt = True
            await self._retry(sub, Event.RETRY, action, exc)
        else:
            await self._park_fail_or_retry(sub, action, exc)

    async def _park_fail_or_retry(self, sub: Submission, action: Action, exc: BaseException | None, *,
                                  now: float | None = None) -> None:
        """Nothing was sent: wait for a sign-in, give up for good, or try again later."""
        if action == Action.PARK:  # parked (Outbox.parked): its kind parks, and the queue is parked now
            self.box.park()
            await self._retry(sub, Event.RETRY, action, exc, delay=0.0)
        elif action == Action.FAIL:
            sub.code = getattr(exc, "code", "")
            await self.box.move(sub, Event.REJECTED, reason=_reason(exc))
        else:
            await self._retry(sub, Event.RETRY, action, exc, now=now)

    async def _gone(self, sub: Submission, exc: BaseException, *, lost_event: Event) -> None:
        """The server does not know the draft: if its Message-ID is in Sent Items it went out already."""
        mid = sub.draft.internet_message_id
        try:
            verdict, ref = await self._where(mid) if mid else (settle.Verdict.NOWHERE, None)
        except Exception as err:  # noqa: BLE001 - cannot tell yet: never resend blindly
            sub.adopt = True
            await self._retry(sub, lost_event, Action.SETTLE, err, delay=self.box.policy.settle_delay)
            return
        if verdict == settle.Verdict.SENT:
            self.box.stats["already_sent"] += 1
            await self.box.move(sub, Event.FOUND_SENT, reason=ALREADY_SENT)
        elif sub.source != "compose":  # not ours to write to Drafts again
            sub.code = getattr(exc, "code", "")
            await self.box.move(sub, Event.REJECTED, reason=_reason(exc))
        else:  # our content: write it to Drafts again (the found copy, or a new one), then send
            sub.draft, sub.adopt = _fresh(sub.draft, ref), False
            await self._retry(sub, Event.RETRY, Action.RETRY, exc, delay=0.0)

    async def _send_failed(self, sub: Submission, kind: ErrorKind, exc: BaseException | None, *,
                           now: float | None = None) -> None:
        """The send request failed (state ``submitting``)."""
        action = action_for(kind)
        sub.kind = kind
        if action == Action.SETTLE:
            sub.lookups = 0
            await self._retry(sub, Event.LOST, action, exc, delay=self.box.policy.settle_after(1), now=now)
        elif action == Action.LOOK_IN_SENT:
            await self._gone(sub, exc, lost_event=Event.LOST)
        elif action == Action.REFRESH and sub.draft.ref is not None:
            sub.draft = replace(sub.draft, ref=ItemRef(sub.draft.ref.id, ""))
            await self._retry(sub, Event.RETRY, action, exc)
        else:
            await self._park_fail_or_retry(sub, action, exc, now=now)

    # ------------------------------------------------------------------ settling
    async def settle(self, subs: list[Submission]) -> None:
        """Look up sends whose outcome is unknown, all in one go."""
        box = self.box
        try:
            box.stats["lookups"] += 1
            try:
                found = await settle.look_up(box.client, [s.draft.internet_message_id for s in subs])
            except Exception as exc:  # noqa: BLE001 - look again later; never resend meanwhile
                kind = kind_of(exc)
                now = box.clock()  # they are looked up together next time too
                for sub in subs:
                    if action_for(kind) == Action.PARK:  # parked (Outbox.parked) until a sign-in
                        sub.kind = kind
                        box.park()
                    sub.retry_at = now + box.policy.delay(max(1, sub.lookups + 1), getattr(exc, "retry_after", None))
                    await box.move(sub, Event.RETRY, reason=f"could not check yet: {_reason(exc)}")
                return
            for sub in subs:
                await self._settled(sub, found)
        finally:
            for sub in subs:
                box.resolve(sub)

    async def _settled(self, sub: Submission, found: dict) -> None:
        box = self.box
        mid = sub.draft.internet_message_id
        if mid:
            verdict, ref = settle.verdict(found.get(mid))
        else:  # a server draft without a Message-ID: is it still in Drafts?
            verdict, ref = await self._by_ref(sub)
        if verdict == settle.Verdict.SENT:
            box.stats["settled_sent"] += 1
            await box.move(sub, Event.FOUND_SENT, reason=CONFIRMED)
        elif verdict == settle.Verdict.DRAFT:
            box.stats["settled_draft"] += 1
            sub.draft = replace(sub.draft, ref=ref or sub.draft.ref)
            if sub.attempts >= box.policy.max_attempts:
                await box.move(sub, Event.REJECTED, reason=f"not sent after {sub.attempts} attempts; it is in Drafts")
            else:
                sub.retry_at = 0.0
                await box.move(sub, Event.FOUND_DRAFT, reason="not sent yet; sending again")
        else:
            sub.lookups += 1
            if sub.lookups < box.policy.settle_lookups:
                sub.retry_at = box.clock() + box.policy.settle_after(sub.lookups + 1)
                await box.move(sub, Event.RETRY)
            else:
                box.stats["settled_nowhere"] += 1
                await box.move(sub, Event.FOUND_NOWHERE, reason=NOT_CONFIRMED)

    async def _by_ref(self, sub: Submission):
        if sub.draft.ref is None:
            return settle.Verdict.NOWHERE, None
        try:
            d = await self.box.client.get_message(sub.draft.ref)
        except Exception:  # noqa: BLE001 - gone (probably sent) or unreachable: not confirmed either way
            return settle.Verdict.NOWHERE, None
        return settle.Verdict.DRAFT, d.ref or sub.draft.ref

    # ------------------------------------------------------------------ saves
    async def save(self, job: SaveJob) -> None:
        box = self.box
        lid = job.local_id
        # read on the journal thread: the entry holds the whole body (10 MB: its read and
        # json.loads cost the UI thread ~16 ms), and the lock may be held by a 10 MB autosave (100-200 ms).
        # What is saved is what the journal holds; while that is still what this job recorded, its body is
        # not copied out of the journal again (journal.get(known_body=))
        known = (job.version, job.draft.body) if job.version else None
        entry = await box.write(box.journal.get, lid, known_body=known)
        if entry is None or box.saves.get(lid) is not job:  # thrown away or taken back meanwhile
            job.status = SaveStatus.DONE
            if box.saves.get(lid) is job:
                box.saves.pop(lid, None)
            box.resolve(job)
            return
        problems = _unstorable(entry.draft, box.client)
        if problems is not None:  # refused before the network, as Ctrl+S refuses it; the journal keeps it
            await self._save_job_failed(job, entry.draft, ErrorKind.INVALID_INPUT, problems)
            return
        job.status, job.again = SaveStatus.WORKING, False  # in flight (Outbox.in_flight) until it ends
        box.resolve(job)
        draft = entry.draft
        try:
            if job.adopt and draft.ref is None and draft.internet_message_id:
                verdict, ref = await self._where(draft.internet_message_id)
                if ref is not None:
                    draft = _fresh(draft, ref)
            elif job.adopt and draft.ref is not None:
                draft = replace(draft, ref=ItemRef(draft.ref.id, ""))
            await box.write(box.journal.set_state, lid, State.SAVING.value)  # a crash now: adopt on restart
            box.stats["attempts"] += 1
            saved = await box.client.save_draft(draft)
        except Exception as exc:  # noqa: BLE001 - by kind
            await self._save_job_failed(job, draft, kind_of(exc), exc)
            return
        saved = saved.copy(internet_message_id=saved.internet_message_id or draft.internet_message_id)
        removed = await box.write(box.journal.confirm_saved, lid, saved.ref, entry.version)
        if not removed:
            await box.write(box.journal.set_server_identity, lid, saved.ref, saved.internet_message_id,
                            [a.attachment_id for a in saved.attachments])
        self._offline.pop(lid, None)
        job.saved, job.adopt, job.draft = saved, False, saved
        job.version = 0  # the next attempt (typed again meanwhile) reads the journal's newer body
        box.saved(saved)
        if job.again and not removed:  # typed again while it was saving: save the newer text too
            job.status, job.retry_at = SaveStatus.WAITING, 0.0
            await box.write(box.journal.set_state, lid, State.OUTBOX_WAITING.value, op="save")
        else:
            job.status = SaveStatus.DONE
            box.saves.pop(lid, None)
        box.resolve(job)

    async def _save_job_failed(self, job: SaveJob, draft: Draft, kind: ErrorKind, exc: BaseException) -> None:
        box = self.box
        action = action_for(kind)
        reason = _reason(exc)
        with box.persisting(job):  # a waiter returns once this state is on disk
            if action == Action.PARK:
                job.status, job.reason = SaveStatus.AUTH, reason
                box.park()
            elif action == Action.FAIL:
                job.status, job.reason = SaveStatus.FAILED, reason
            elif action == Action.LOOK_IN_SENT and await self._went_out(draft):
                # the draft left Drafts because it was sent: never save it (and so send it) again by itself
                job.status, job.reason = SaveStatus.FAILED, ALREADY_SENT
            else:
                if action == Action.LOOK_IN_SENT:  # deleted on the server meanwhile: create it again
                    await box.write(box.journal.set_server_identity, job.local_id, None)
                job.adopt = action in (Action.SETTLE, Action.REFRESH)
                if action != Action.RETRY_FREE:
                    job.attempts += 1
                if job.attempts >= box.policy.max_attempts:
                    job.status, job.reason = SaveStatus.FAILED, f"gave up after {job.attempts} attempts: {reason}"
                else:
                    if action == Action.SETTLE:
                        delay = box.policy.settle_delay
                    elif action == Action.LOOK_IN_SENT:  # not sent, just gone: create it again at once
                        delay = 0.0
                    else:
                        delay = self._delay(job, action, exc)
                    job.status, job.reason, job.retry_at = SaveStatus.RETRYING, reason, box.clock() + delay
            await box.write(box.journal.set_state, job.local_id, State.OUTBOX_WAITING.value, op="save",
                            error=job.reason, attempts=job.attempts)
        box.resolve(job)


    async def _went_out(self, draft: Draft) -> bool:
        if not draft.internet_message_id:
            return False
        try:
            verdict, _ = await self._where(draft.internet_message_id)
        except Exception:  # noqa: BLE001 - cannot tell: treat as not sent (saving is safe)
            return False
        if verdict == settle.Verdict.SENT:
            self.box.stats["already_sent"] += 1
        return verdict == settle.Verdict.SENT


class _OutcomeError(Exception):
    """A per-item failure from a batch answer, in the shape the retry helpers read."""

    def __init__(self, code: str, message: str):
        super().__init__(code)
        self.code, self.message, self.retry_after = code, message, None
