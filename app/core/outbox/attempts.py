"""One attempt at the server for queued work: the client call plus the policy's verdict on its outcome,
returned as ``(event, facts)`` for the Outbox to apply (:meth:`app.core.outbox.owner.Outbox._move`): the
event of the submission's (or the save's) state table, and the fields that decide what happens next
(``retry_at``, ``kind``, ``attempts``, ``adopt``, ``draft``...), which travel with it and are journaled with it.

Nothing here holds or changes a submission or a save, and nothing here knows the Outbox: an attempt gets the
backend (``client``), the retry policy, the clock and the counters it adds to. No retry loops here either:
every failure becomes an event, chosen by :func:`app.core.outbox.policy.action_for` from the error's kind.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import AsyncIterator, Callable

from app.core.outbox import holds, settle
from app.core.outbox import sources
from app.core.outbox.saves import SaveEvent, SaveJob
from app.core.outbox.policy import Action, RetryPolicy, action_for, kind_of
from app.core.outbox.submission import Event, SubState, Submission
from app.domain.errors import DraftInvalid
from app.domain.explain import describe
from app.domain.models import Draft, ErrorKind, ItemRef
from app.domain.validation import validate_draft
from app.domain.words import translate

log = logging.getLogger(__name__)

ALREADY_SENT = translate("OutboxRow", "Already sent (found in Sent Items)")
CONFIRMED = translate("OutboxRow", "Sent (confirmed in Sent Items)")
NOT_CONFIRMED = translate("OutboxRow", "Could not confirm that it was sent, so it was not sent again. "
                                       "Look in Sent Items; Retry sends it again.")

# an attempt's verdict: the event to apply and the facts that travel with it
Verdict = tuple[Event, dict]


def accepted_words(draft: Draft):
    """What a send the server took says: "Sent", or for a send later the server keeps until its time, when."""
    if draft.send_at is None:
        return translate("OutboxRow", "Sent")
    return translate("OutboxRow", "Kept by Exchange: sends at {time}").format(
        time=holds.clock_text(draft.send_at.timestamp()))


def _reason(exc: BaseException) -> str:
    code = getattr(exc, "code", "") or type(exc).__name__
    return describe(code, getattr(exc, "message", "") or "")


def _fresh(draft: Draft, ref: ItemRef | None) -> Draft:
    """The draft pointing at ``ref`` (None: create it again), its attachments to be uploaded anew."""
    return replace(draft, ref=ref, attachments=[replace(a, attachment_id="") for a in draft.attachments])


class Attempts:
    """The server calls of an Outbox's queued work, each returning the policy's verdict."""

    def __init__(self, client, policy: Callable[[], RetryPolicy], clock: Callable[[], float], stats: dict):
        self.client = client
        self.policy = policy  # read at each decision: the Outbox's may change (a settle floor, a test's)
        self.clock = clock
        self.stats = stats
        self._offline: dict[str, int] = {}  # local_id -> unanswered connects in a row (not counted)

    def reached(self, local_id: str) -> None:
        """The server answered about it: the next unanswered connect starts the back-off afresh."""
        self._offline.pop(local_id, None)

    # ------------------------------------------------------------------ helpers
    def _delay(self, local_id: str, attempts: int, action: Action, exc: BaseException | None) -> float:
        policy = self.policy()
        retry_after = getattr(exc, "retry_after", None)
        if action == Action.RETRY_FREE:
            n = self._offline[local_id] = self._offline.get(local_id, 0) + 1
            return policy.delay(n, retry_after)
        return policy.delay(max(1, attempts), retry_after)

    def _retry(self, sub: Submission, event: Event, action: Action, exc: BaseException | None, facts: dict, *,
               delay: float | None = None, now: float | None = None) -> Verdict:
        """Another attempt (or look-up) later, counted unless nothing reached the server; or, out of
        attempts, rejected."""
        facts = dict(facts)
        reason = _reason(exc) if exc is not None else sub.reason
        if exc is not None:
            facts["code"] = getattr(exc, "code", "") or sub.code
        attempts = sub.attempts
        if action not in (Action.RETRY_FREE, Action.PARK):
            attempts = facts["attempts"] = sub.attempts + 1
            may_be_sent = event == Event.LOST and sub.state == SubState.SUBMITTING  # must be settled, not failed
            if attempts >= self.policy().max_attempts and not may_be_sent:
                return Event.REJECTED, {**facts, "reason": translate(
                    "OutboxRow", "gave up after {attempts} attempts: {reason}").format(attempts=attempts, reason=reason)}
        now = self.clock() if now is None else now
        facts["retry_at"] = now + (self._delay(sub.local_id, attempts, action, exc) if delay is None else delay)
        facts["reason"] = reason
        return event, facts

    async def _where(self, mid: str):
        """Verdict for one Message-ID (raises the backend's error)."""
        self.stats["lookups"] += 1
        found = await settle.look_up(self.client, [mid])
        return settle.verdict(found.get(mid))

    # ------------------------------------------------------------------ sends
    async def prepare(self, sub: Submission) -> tuple[Event | None, dict]:
        """In ``saving``: make sure the message is in the server's Drafts, as the user wrote it. ``(None,
        facts)`` when it is ready to send (``facts``: the draft as the server holds it); else the verdict it
        moves on with instead (already sent, or the save failed)."""
        draft, source = sub.draft, sources.of(sub)
        # a file's bytes are looked up first, every time: its Message-ID is the file's own, and one already in
        # Sent Items is that message sent (before, or by the attempt whose answer was lost): never twice
        look_first = sub.adopt or source.looked_up_first
        try:
            if look_first and draft.ref is None and draft.internet_message_id:
                verdict, ref = await self._where(draft.internet_message_id)
                if verdict == settle.Verdict.SENT:
                    self.stats["already_sent"] += 1
                    return Event.FOUND_SENT, {"reason": ALREADY_SENT}
                if ref is not None:
                    draft = _fresh(draft, ref)
            elif sub.adopt and draft.ref is not None:  # an update whose answer was lost: save over the current
                draft = replace(draft, ref=ItemRef(draft.ref.id, ""))
            if not source.saved_first:  # on the server already, or a file's bytes sent as they are
                return None, {"draft": draft, "adopt": False}
            saved = await self.client.save_draft(draft)
        except Exception as exc:  # noqa: BLE001 - by kind
            return await self._save_failed(sub, kind_of(exc), exc)
        saved = saved.copy(internet_message_id=saved.internet_message_id or draft.internet_message_id)
        return None, {"draft": saved, "adopt": False}

    async def request(self, ready: list[Submission]) -> AsyncIterator[tuple[Submission, Event, dict]]:
        """The ONE send request for ``ready`` (all ``submitting`` on disk): each one's verdict, in turn; a file's
        bytes sent as they are (:mod:`app.core.outbox.mime_send`) go in a request of their own each."""
        for sub in [s for s in ready if sources.of(s).sent_alone]:
            yield (sub, *await self._send_alone(sub))
        ready = [s for s in ready if not sources.of(s).sent_alone]
        if not ready:
            return
        self.stats["attempts"] += 1
        try:
            outcomes = await self.client.send_drafts([s.draft.ref for s in ready], save_copy=True)
        except Exception as exc:  # noqa: BLE001 - nothing known about any item: by kind
            now = self.clock()  # one time for the group: it is looked up (or retried) together
            for sub in ready:
                yield (sub, *await self._send_failed(sub, kind_of(exc), exc, now=now))
            return
        if len(outcomes) != len(ready):  # cannot tell which answer is whose: settle them all
            now = self.clock()
            for sub in ready:
                yield (sub, *await self._send_failed(sub, ErrorKind.OUTCOME_UNKNOWN, None, now=now))
            return
        for sub, o in zip(ready, outcomes):
            if o.ok:
                self.reached(sub.local_id)
                yield sub, Event.ACCEPTED, {"reason": accepted_words(sub.draft)}
            else:
                err = _OutcomeError(o.code, o.message)
                yield (sub, *await self._send_failed(sub, ErrorKind(o.kind) if o.kind else ErrorKind.PERMANENT, err))

    async def _send_alone(self, sub: Submission) -> Verdict:
        """One send in a request of its own (an ``.eml`` file's bytes, as they are; ``submitting`` on disk)."""
        self.stats["attempts"] += 1
        try:
            await sources.of(sub).send_alone(self.client, sub.draft)
        except Exception as exc:  # noqa: BLE001 - by kind, as any send
            return await self._send_failed(sub, kind_of(exc), exc)
        self.reached(sub.local_id)
        return Event.ACCEPTED, {"reason": accepted_words(sub.draft)}

    async def _save_failed(self, sub: Submission, kind: ErrorKind, exc: BaseException) -> Verdict:
        """The save before a send failed (state ``saving``): nothing was sent."""
        action = action_for(kind)
        facts = {"kind": kind}
        if action == Action.LOOK_IN_SENT:
            return await self._gone(sub, exc, facts, lost_event=Event.LOST)
        if action == Action.SETTLE:  # the save may have happened: adopt the draft next time
            return self._retry(sub, Event.LOST, action, exc, {**facts, "adopt": True},
                               delay=self.policy().settle_delay)
        if action == Action.REFRESH:
            return self._retry(sub, Event.RETRY, action, exc, {**facts, "adopt": True})
        return self._park_fail_or_retry(sub, action, exc, facts)

    def _park_fail_or_retry(self, sub: Submission, action: Action, exc: BaseException | None, facts: dict, *,
                            now: float | None = None) -> Verdict:
        """Nothing was sent: wait for a sign-in (its kind parks the queue: the Outbox parks it), give up for
        good, or try again later."""
        if action == Action.PARK:
            return self._retry(sub, Event.RETRY, action, exc, facts, delay=0.0)
        if action == Action.FAIL:
            return Event.REJECTED, {**facts, "code": getattr(exc, "code", ""), "reason": _reason(exc)}
        return self._retry(sub, Event.RETRY, action, exc, facts, now=now)

    async def _gone(self, sub: Submission, exc: BaseException, facts: dict, *, lost_event: Event) -> Verdict:
        """The server does not know the draft: if its Message-ID is in Sent Items it went out already."""
        mid = sub.draft.internet_message_id
        try:
            verdict, ref = await self._where(mid) if mid else (settle.Verdict.NOWHERE, None)
        except Exception as err:  # noqa: BLE001 - cannot tell yet: never resend blindly
            return self._retry(sub, lost_event, Action.SETTLE, err, {**facts, "adopt": True},
                               delay=self.policy().settle_delay)
        if verdict == settle.Verdict.SENT:
            self.stats["already_sent"] += 1
            return Event.FOUND_SENT, {**facts, "reason": ALREADY_SENT}
        if not sources.of(sub).saved_first:  # not ours to write to Drafts again
            return Event.REJECTED, {**facts, "code": getattr(exc, "code", ""), "reason": _reason(exc)}
        # our content: write it to Drafts again (the found copy, or a new one), then send
        return self._retry(sub, Event.RETRY, Action.RETRY, exc,
                           {**facts, "draft": _fresh(sub.draft, ref), "adopt": False}, delay=0.0)

    async def _send_failed(self, sub: Submission, kind: ErrorKind, exc: BaseException | None, *,
                           now: float | None = None) -> Verdict:
        """The send request failed (state ``submitting``)."""
        action = action_for(kind)
        facts = {"kind": kind}
        if action == Action.SETTLE:
            return self._retry(sub, Event.LOST, action, exc, {**facts, "lookups": 0},
                               delay=self.policy().settle_after(1), now=now)
        if action == Action.LOOK_IN_SENT:
            return await self._gone(sub, exc, facts, lost_event=Event.LOST)
        if action == Action.REFRESH and sub.draft.ref is not None:
            return self._retry(sub, Event.RETRY, action, exc,
                               {**facts, "draft": replace(sub.draft, ref=ItemRef(sub.draft.ref.id, ""))})
        return self._park_fail_or_retry(sub, action, exc, facts, now=now)

    # ------------------------------------------------------------------ settling
    async def settle(self, subs: list[Submission]) -> AsyncIterator[tuple[Submission, Event, dict]]:
        """Look up sends whose outcome is unknown, all in one go: each one's verdict, in turn."""
        self.stats["lookups"] += 1
        try:
            found = await settle.look_up(self.client, [s.draft.internet_message_id for s in subs])
        except Exception as exc:  # noqa: BLE001 - look again later; never resend meanwhile
            kind = kind_of(exc)
            now = self.clock()  # they are looked up together next time too
            policy = self.policy()
            for sub in subs:
                facts = {"retry_at": now + policy.delay(max(1, sub.lookups + 1), getattr(exc, "retry_after", None)),
                         "reason": translate("OutboxRow", "could not check yet: {reason}").format(
                             reason=_reason(exc))}
                if action_for(kind) == Action.PARK:  # parked (QueueView.parked) until a sign-in
                    facts["kind"] = kind
                yield sub, Event.RETRY, facts
            return
        for sub in subs:
            yield (sub, *await self._settled(sub, found))

    async def _settled(self, sub: Submission, found: dict) -> Verdict:
        mid = sub.draft.internet_message_id
        if mid:
            verdict, ref = settle.verdict(found.get(mid))
        else:  # a server draft without a Message-ID: is it still in Drafts?
            verdict, ref = await self._by_ref(sub)
        policy = self.policy()
        if verdict == settle.Verdict.SENT:
            self.stats["settled_sent"] += 1
            return Event.FOUND_SENT, {"reason": CONFIRMED}
        if verdict == settle.Verdict.DRAFT:
            self.stats["settled_draft"] += 1
            draft = replace(sub.draft, ref=ref or sub.draft.ref)
            if sub.attempts >= policy.max_attempts:
                return Event.REJECTED, {"draft": draft,
                                        "reason": translate(
                                            "OutboxRow", "not sent after {attempts} attempts; it is in Drafts").format(
                                            attempts=sub.attempts)}
            return Event.FOUND_DRAFT, {"draft": draft, "retry_at": 0.0,
                                       "reason": translate("OutboxRow", "not sent yet; sending again")}
        lookups = sub.lookups + 1
        if lookups < policy.settle_lookups:
            return Event.RETRY, {"lookups": lookups, "retry_at": self.clock() + policy.settle_after(lookups + 1)}
        self.stats["settled_nowhere"] += 1
        return Event.FOUND_NOWHERE, {"lookups": lookups, "reason": NOT_CONFIRMED}

    async def _by_ref(self, sub: Submission):
        if sub.draft.ref is None:
            return settle.Verdict.NOWHERE, None
        try:
            d = await self.client.get_message(sub.draft.ref)
        except Exception:  # noqa: BLE001 - gone (probably sent) or unreachable: not confirmed either way
            return settle.Verdict.NOWHERE, None
        return settle.Verdict.DRAFT, d.ref or sub.draft.ref

    # ------------------------------------------------------------------ saves
    def unstorable(self, draft: Draft) -> DraftInvalid | None:
        """What no server can store, as Compose's Ctrl+S checks it (an address or a subject over 255
        characters...): a save queued another way (Ctrl+N over an edited message, opening another draft,
        recovery after a restart) reached exchangelib, which refused it with a ValueError while building its
        request. None when the draft can be saved."""
        problems = validate_draft(draft, for_send=False, max_send_bytes=self.client.message_limits.max_send_bytes)
        return DraftInvalid(problems) if problems else None

    async def save_target(self, job: SaveJob, draft: Draft) -> Draft:
        """The draft a save writes: the server's copy found by Message-ID when the last save's answer was lost."""
        if job.adopt and draft.ref is None and draft.internet_message_id:
            _verdict, ref = await self._where(draft.internet_message_id)
            if ref is not None:
                return _fresh(draft, ref)
        elif job.adopt and draft.ref is not None:
            return replace(draft, ref=ItemRef(draft.ref.id, ""))
        return draft

    async def save_draft(self, draft: Draft) -> Draft:
        """Write ``draft`` to the server's Drafts (raises the backend's error); the saved draft."""
        self.stats["attempts"] += 1
        saved = await self.client.save_draft(draft)
        self.reached(draft.local_id)
        return saved.copy(internet_message_id=saved.internet_message_id or draft.internet_message_id)

    async def save_failed(self, job: SaveJob, draft: Draft, kind: ErrorKind,
                          exc: BaseException) -> tuple[SaveEvent, dict]:
        """The policy's verdict on a failed save. A ``draft`` among the facts is the draft gone on the server
        (no ref): it is created again, and the journal forgets its server identity."""
        action = action_for(kind)
        reason = _reason(exc)
        if action == Action.PARK:
            return SaveEvent.PARK, {"reason": reason}
        if action == Action.FAIL:
            return SaveEvent.FAIL, {"reason": reason}
        if action == Action.LOOK_IN_SENT and await self._went_out(draft):
            # the draft left Drafts because it was sent: never save it (and so send it) again by itself
            return SaveEvent.FAIL, {"reason": ALREADY_SENT}
        facts = {"adopt": action in (Action.SETTLE, Action.REFRESH)}
        if action == Action.LOOK_IN_SENT:  # deleted on the server meanwhile: create it again
            facts["draft"] = replace(job.draft, ref=None)
        attempts = job.attempts + (0 if action == Action.RETRY_FREE else 1)
        facts["attempts"] = attempts
        policy = self.policy()
        if attempts >= policy.max_attempts:
            return SaveEvent.FAIL, {**facts, "reason": translate(
                "OutboxRow", "gave up after {attempts} attempts: {reason}").format(attempts=attempts, reason=reason)}
        if action == Action.SETTLE:
            delay = policy.settle_delay
        elif action == Action.LOOK_IN_SENT:  # not sent, just gone: create it again at once
            delay = 0.0
        else:
            delay = self._delay(job.local_id, attempts, action, exc)
        return SaveEvent.RETRY, {**facts, "reason": reason, "retry_at": self.clock() + delay}

    async def _went_out(self, draft: Draft) -> bool:
        if not draft.internet_message_id:
            return False
        try:
            verdict, _ = await self._where(draft.internet_message_id)
        except Exception:  # noqa: BLE001 - cannot tell: treat as not sent (saving is safe)
            return False
        if verdict == settle.Verdict.SENT:
            self.stats["already_sent"] += 1
        return verdict == settle.Verdict.SENT


class _OutcomeError(Exception):
    """A per-item failure from a batch answer, in the shape the retry helpers read."""

    def __init__(self, code: str, message: str):
        super().__init__(code)
        self.code, self.message, self.retry_after = code, message, None
