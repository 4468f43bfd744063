"""The send pipeline: save -> send -> sent / failed / unknown -> verifying, as an explicit state machine.

Modelled on Trojitá's Composer::Submission (states instead of nested callbacks), in pure asyncio on top
of :class:`MailClient` — no Qt; the UI adapts the ``on_progress`` callback to a signal.

Rules:
- ``send(draft)`` validates (``validate_draft(for_send=True)``), gives the draft a unique Internet
  Message-ID ``<uuid@dispatch>`` before its first save, saves it (CreateItem / UpdateItem), then sends it
  with ONE ``send_drafts([ref])`` (SendItem + copy to Sent Items).
- ``send_batch(items)`` sends many saved drafts with ONE ``send_drafts`` call; one outcome per item, in order.
- Retries are bounded, with exponential backoff; ServerBusy waits what the server asked (Retry-After /
  BackOffMilliseconds). Each wait is reported ("waiting 3 s").
- Exactly once: after OutcomeUnknown / MalformedResponse (or a per-item UNKNOWN) a send is NEVER repeated
  blindly. The pipeline VERIFIES by Internet Message-ID: in Sent Items -> sent; still in Drafts -> send
  again; nowhere -> "unknown" (reported, not resent). Without a Message-ID it checks whether the draft
  still exists: yes -> send again; no -> unknown.
- Whole-batch failures where nothing was sent (ConnectionFailed, AuthFailed, TlsFailed, ServerBusy after
  the last retry) are raised as MailError, so callers (Session, Outbox) can react (offline, sign-in).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import math
import uuid
from dataclasses import dataclass, replace
from typing import Awaitable, Callable, Union

from app.core.mailclient import MailClient
from app.domain.explain import describe, explain
from app.domain.models import Draft, Folder, ItemOutcome, ItemRef, MessageSummary, OutcomeStatus
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, FieldError, validate_draft
from app.mail.errors import ItemFailed, MailError, MalformedResponse, OutcomeUnknown, ServerBusy

log = logging.getLogger(__name__)

#: Per-item codes worth another attempt (the item was certainly not sent).
RETRYABLE_CODES = {"ErrorServerBusy", "ErrorInternalServerTransientError", "ErrorTooManyObjectsOpened"}
#: Per-item codes after which the item may or may not have gone out: verify, never resend blindly.
UNCERTAIN_CODES = {"ErrorOutcomeUnknown", "ErrorMalformedResponse", "ErrorTimeoutExpired"}


class SendState(str, enum.Enum):
    VALIDATING = "validating"
    SAVING = "saving"
    SENDING = "sending"
    WAITING = "waiting"  # backing off before the next attempt
    VERIFYING = "verifying"  # outcome unknown: looking the message up by Internet Message-ID
    SENT = "sent"
    SAVED = "saved"
    FAILED = "failed"
    UNKNOWN = "unknown"  # could not be settled: not resent; the user decides


@dataclass(frozen=True)
class Progress:
    """One state change of one message (``local_id`` when known, else the item id)."""

    key: str
    state: SendState
    detail: str = ""
    attempt: int = 0
    wait_seconds: float | None = None
    outcome: ItemOutcome | None = None


class DraftInvalid(MailError):
    """The draft cannot be saved/sent as it is. ``errors`` are field errors the composer marks inline."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("ErrorInvalidDraft", "; ".join(e.message for e in errors))
        self.errors = list(errors)


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 3
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_server_wait: float = 120.0
    #: pause before looking up a send whose outcome is unknown (Exchange submits asynchronously: right
    #: after a lost reply the item may still be on its way from Drafts to Sent Items)
    settle_delay: float = 1.0

    def delay(self, attempt: int, retry_after: float | None) -> float:
        if retry_after:
            return min(float(retry_after), self.max_server_wait)
        return min(self.max_delay, self.base_delay * (2 ** max(0, attempt - 1)))


def new_message_id() -> str:
    return f"<{uuid.uuid4().hex}@dispatch>"


@dataclass
class _Entry:
    ref: ItemRef | None
    mid: str
    key: str
    local_id: str = ""
    result: ItemOutcome | None = None
    sends: int = 0  # SendItem requests this entry took part in
    in_drafts: bool = False  # verified: the last send did not happen, the draft is still there
    last_code: str = ""


SendItemLike = Union[Draft, MessageSummary, ItemRef]


class SendPipeline:
    """Save and send drafts through a MailClient with retries and the exactly-once rule."""

    def __init__(
        self,
        client: MailClient,
        *,
        policy: RetryPolicy | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        max_send_bytes: int = DEFAULT_MAX_SEND_BYTES,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.client = client
        self.policy = policy or RetryPolicy()
        self.on_progress = on_progress
        self.max_send_bytes = max_send_bytes
        self._sleep = sleep
        self._mids: dict[str, str] = {}  # item id -> Internet Message-ID, learnt from saves and listings
        self.states: dict[str, SendState] = {}

    # ------------------------------------------------------------------ reporting
    def _emit(self, key: str, state: SendState, detail: str = "", **kw) -> None:
        self.states[key] = state
        if self.on_progress is None:
            return
        try:
            self.on_progress(Progress(key, state, detail, **kw))
        except Exception:  # noqa: BLE001 - an observer must not break a send
            log.exception("progress observer failed")

    def remember(self, items: list[Draft | MessageSummary]) -> None:
        """Teach the pipeline Message-IDs (e.g. from a listing) so unknown outcomes can be verified."""
        for it in items:
            if it.ref is not None and it.internet_message_id:
                self._mids[it.ref.id] = it.internet_message_id

    # ------------------------------------------------------------------ save
    async def save(self, draft: Draft, *, for_send: bool = False) -> Draft:
        """Validate and save (create or update). Retries retryable errors; raises MailError otherwise."""
        key = draft.local_id
        self._emit(key, SendState.VALIDATING)
        errors = validate_draft(draft, for_send=for_send, max_send_bytes=self.max_send_bytes)
        if errors:
            self._emit(key, SendState.FAILED, errors[0].message)
            raise DraftInvalid(errors)
        if not draft.internet_message_id and draft.ref is None:
            # Before the FIRST save only: the Message-ID is fixed at creation (read-only afterwards); a
            # saved draft without one gets the server's from the backend.
            draft = draft.copy(internet_message_id=new_message_id())
        attempt = 0
        while True:
            attempt += 1
            self._emit(key, SendState.SAVING, attempt=attempt)
            try:
                saved = await self.client.save_draft(draft)
                break
            except (OutcomeUnknown, MalformedResponse) as exc:
                # The save may have happened. A new draft: look for it by Message-ID (after a pause, so a
                # late commit has landed) and update it instead of creating a second one. An update: its
                # ChangeKey may be stale now; the backend fetches the current one.
                if attempt >= self.policy.max_attempts:
                    self._emit(key, SendState.FAILED, describe(exc.code, exc.message))
                    raise
                await self._wait(key, attempt, exc, at_least=self.policy.settle_delay)
                if draft.ref is None:
                    draft = await self._adopt(draft)
                else:
                    draft = replace(draft, ref=ItemRef(draft.ref.id, ""))
            except MailError as exc:
                if not exc.retryable or attempt >= self.policy.max_attempts:
                    self._emit(key, SendState.FAILED, describe(exc.code, exc.message))
                    raise
                await self._wait(key, attempt, exc)
        if saved.ref is not None and saved.internet_message_id:
            self._mids[saved.ref.id] = saved.internet_message_id
        self._emit(key, SendState.SAVED)
        return saved

    async def _adopt(self, draft: Draft) -> Draft:
        if draft.ref is not None:
            return draft
        try:
            where = await self.client.find_by_message_id(draft.internet_message_id)
        except MailError:
            return draft
        found = where.get(Folder.DRAFTS) or []
        if len(found) == 1:
            # Attachments get no ids: the update replaces whatever the half-made draft holds.
            return replace(draft, ref=found[0], attachments=[replace(a, attachment_id="") for a in draft.attachments])
        return draft

    # ------------------------------------------------------------------ send
    async def send(self, draft: Draft) -> ItemOutcome:
        """Save (validated for sending), then send with a copy in Sent Items. Never raises for a
        per-message problem: validation and server errors come back as a FAILED outcome; only
        ConnectionFailed / AuthFailed / TlsFailed / ServerBusy (nothing sent) are raised."""
        key = draft.local_id
        try:
            saved = await self.save(draft, for_send=True)
        except DraftInvalid as exc:
            return self._fail(None, key, draft.local_id, exc.code, exc.message)
        except (ItemFailed,) as exc:
            return self._fail(draft.ref, key, draft.local_id, exc.code, exc.message)
        return (await self._send_entries([_Entry(saved.ref, saved.internet_message_id, key, draft.local_id)]))[0]

    async def send_batch(self, items: list[SendItemLike]) -> list[ItemOutcome]:
        """Send many saved drafts in ONE request. Drafts without a ref are saved first. One outcome per
        item, in order."""
        entries: list[_Entry] = []
        for it in items:
            if isinstance(it, Draft):
                errors = validate_draft(it, for_send=True, max_send_bytes=self.max_send_bytes)
                if errors:
                    e = _Entry(it.ref, it.internet_message_id, it.local_id, it.local_id)
                    e.result = self._fail(it.ref, e.key, it.local_id, "ErrorInvalidDraft",
                                          "; ".join(x.message for x in errors))
                    entries.append(e)
                    continue
                if it.ref is None:
                    try:
                        it = await self.save(it, for_send=True)
                    except (DraftInvalid, ItemFailed) as exc:
                        e = _Entry(None, it.internet_message_id, it.local_id, it.local_id)
                        e.result = self._fail(None, e.key, it.local_id, exc.code, exc.message)
                        entries.append(e)
                        continue
                entries.append(_Entry(it.ref, it.internet_message_id, it.local_id, it.local_id))
            elif isinstance(it, MessageSummary):
                entries.append(_Entry(it.ref, it.internet_message_id, it.ref.id))
            else:
                known = self._mids.get(it.id) or getattr(self.client, "message_ids", {}).get(it.id, "")
                entries.append(_Entry(it, known, it.id))
        return await self._send_entries(entries)

    def _fail(self, ref, key, local_id, code, message, status=OutcomeStatus.FAILED) -> ItemOutcome:
        outcome = ItemOutcome(ref, status, code, message, explain(code, message), local_id)
        self._emit(key, SendState.UNKNOWN if status == OutcomeStatus.UNKNOWN else SendState.FAILED,
                   describe(code, message), outcome=outcome)
        return outcome

    def _done(self, e: _Entry, outcome: ItemOutcome) -> None:
        outcome = ItemOutcome(e.ref, outcome.status, outcome.code, outcome.message,
                              outcome.explanation or explain(outcome.code, outcome.message), e.local_id)
        e.result = outcome
        if outcome.status == OutcomeStatus.SENT:
            self._emit(e.key, SendState.SENT, outcome.explanation, outcome=outcome)
        else:
            state = SendState.UNKNOWN if outcome.status == OutcomeStatus.UNKNOWN else SendState.FAILED
            self._emit(e.key, state, describe(outcome.code, outcome.message), outcome=outcome)

    async def _send_entries(self, entries: list[_Entry]) -> list[ItemOutcome]:
        attempt = 0
        while True:
            pending = [e for e in entries if e.result is None]
            if not pending:
                return [e.result for e in entries]
            if attempt >= self.policy.max_attempts:
                self._give_up(pending)
                continue
            attempt += 1
            for e in pending:
                e.sends += 1
                self._emit(e.key, SendState.SENDING, attempt=attempt)
            try:
                outcomes = await self.client.send_drafts([e.ref for e in pending], save_copy=True)
            except (OutcomeUnknown, MalformedResponse) as exc:
                await self._verify(pending, exc)  # sent ones settle; ones still in Drafts stay pending
                continue
            except MailError as exc:
                # Nothing of this request was sent (refused, busy, auth, TLS, whole-request fault).
                if exc.retryable and attempt < self.policy.max_attempts:
                    await self._wait_all(pending, attempt, exc)
                    continue
                coded = isinstance(exc, ItemFailed) or type(exc).__name__ == "ServerFault"
                if coded or any(e.result is not None for e in entries):
                    for e in pending:
                        self._done(e, ItemOutcome(e.ref, OutcomeStatus.FAILED, exc.code, exc.message))
                    continue
                for e in pending:
                    self._emit(e.key, SendState.FAILED, describe(exc.code, exc.message))
                raise
            if len(outcomes) != len(pending):  # pragma: no cover - the backend guarantees one per ref
                await self._verify(pending, MalformedResponse("wrong number of results"))
                continue
            retry, uncertain = [], []
            for e, o in zip(pending, outcomes):
                if o.status == OutcomeStatus.SENT:
                    self._done(e, o)
                elif o.status == OutcomeStatus.UNKNOWN or o.code in UNCERTAIN_CODES:
                    uncertain.append(e)
                elif o.code in RETRYABLE_CODES and attempt < self.policy.max_attempts:
                    retry.append(e)
                else:
                    self._done(e, o)
            if uncertain:
                await self._verify(uncertain, OutcomeUnknown())
            if retry:
                await self._wait_all(retry, attempt, ServerBusy())

    def _give_up(self, entries: list[_Entry]) -> None:
        for e in entries:
            if e.in_drafts:
                self._done(e, ItemOutcome(e.ref, OutcomeStatus.FAILED, e.last_code or "ErrorOutcomeUnknown",
                                          f"Not sent after {e.sends} attempts; it is still in Drafts"))
            else:
                self._done(e, ItemOutcome(e.ref, OutcomeStatus.UNKNOWN, "ErrorOutcomeUnknown",
                                          "The server did not confirm the send; it was not repeated"))

    async def _verify(self, entries: list[_Entry], exc: MailError) -> None:
        """Settle entries whose send may or may not have happened. Leaves resendable ones pending."""
        for e in entries:
            self._emit(e.key, SendState.VERIFYING, describe(exc.code, exc.message))
        if self.policy.settle_delay > 0:
            await self._sleep(self.policy.settle_delay)
        found = await self._lookup([e.mid for e in entries if e.mid], entries[0].key)
        for e in entries:
            verdict = self._verdict(e, found) if e.mid else await self._locate_by_ref(e)
            if verdict == "sent":
                self._done(e, ItemOutcome(e.ref, OutcomeStatus.SENT, "NoError", "confirmed in Sent Items"))
            elif verdict == "draft":
                e.in_drafts, e.last_code = True, exc.code
                log.info("send of %s did not happen (still in Drafts); sending again", e.key)
            else:
                self._done(e, ItemOutcome(e.ref, OutcomeStatus.UNKNOWN, exc.code or "ErrorOutcomeUnknown",
                                          verdict if verdict != "nowhere" else
                                          "Not in Drafts and not in Sent Items; it was not sent again"))

    @staticmethod
    def _verdict(e: _Entry, found) -> str:
        if isinstance(found, str):
            return found  # the lookup itself failed: the reason
        where = found.get(e.mid) or {}
        if where.get(Folder.SENT):
            return "sent"
        drafts = where.get(Folder.DRAFTS) or []
        if drafts:
            e.ref = drafts[0]
            return "draft"
        return "nowhere"

    async def _retrying(self, key: str, call):
        """Run a read-only lookup, retrying transient failures. Returns (result, None) or (None, reason)."""
        for attempt in range(1, self.policy.max_attempts + 1):
            try:
                return await call(), None
            except MailError as exc:
                transient = exc.retryable or isinstance(exc, (OutcomeUnknown, MalformedResponse))
                if attempt >= self.policy.max_attempts or not transient:
                    return None, exc
                await self._wait(key, attempt, exc)
        return None, None  # pragma: no cover

    async def _lookup(self, mids: list[str], key: str):
        if not mids:
            return {}
        found, err = await self._retrying(key, lambda: self.client.find_by_message_ids(mids))
        if err is not None:
            return f"Could not check whether it was sent ({describe(err.code, err.message)}); not sent again"
        return found

    async def _locate_by_ref(self, e: _Entry) -> str:
        """No Message-ID known: is the draft still there?"""
        d, err = await self._retrying(e.key, lambda: self.client.get_message(e.ref))
        if err is not None:
            if isinstance(err, ItemFailed) and err.code in ("ErrorItemNotFound", "ErrorInvalidIdMalformed"):
                return "Not in Drafts any more (probably sent); it was not sent again"
            return f"Could not check whether it was sent ({describe(err.code, err.message)}); not sent again"
        e.ref = d.ref or e.ref
        if d.internet_message_id:
            e.mid = d.internet_message_id
        return "draft"

    # ------------------------------------------------------------------ waiting
    async def _wait(self, key: str, attempt: int, exc: MailError, at_least: float = 0.0) -> None:
        await self._wait_keys([key], attempt, exc, at_least)

    async def _wait_all(self, entries: list[_Entry], attempt: int, exc: MailError) -> None:
        await self._wait_keys([e.key for e in entries], attempt, exc)

    async def _wait_keys(self, keys: list[str], attempt: int, exc: MailError, at_least: float | None = None) -> None:
        """Report the backoff ("waiting 3 s (…)") for every key, then sleep once."""
        delay = self.policy.delay(attempt, exc.retry_after)
        if at_least is not None:
            delay = max(at_least, delay)
        for key in keys:
            self._emit(key, SendState.WAITING, f"waiting {math.ceil(delay)} s ({explain(exc.code, exc.message)})",
                       attempt=attempt, wait_seconds=delay)
        await self._sleep(delay)


def pipeline_for(client: MailClient, **kw) -> SendPipeline:
    """What Session / Outbox call to get the pipeline for their client."""
    return SendPipeline(client, **kw)
