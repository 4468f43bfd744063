"""One send request for every face: Compose's Send, Send selected, a mail merge and a script ask here. No Qt.

What decides a send lives in this module; a face (the window, a script) only builds the request, answers the
questions asked through :class:`SendQuestions` and shows the outcome it is told.

- **Compose's message** (:meth:`Sending.send_draft`): read once, checked once (:func:`validate_draft`, what
  stops a send); "Send anyway?" when :func:`send_warnings` finds something (no subject, an attachment
  mentioned but missing; no answer, no send); handed to the Outbox, HELD in the undo-send window when the
  request carries that hold; its first attempt awaited. A refusal by the server takes the submission back out
  of the Outbox (``Outbox.hand.cancel``), so the message is the user's again, with the reason.
- **A mail merge** asks first when it is more than a few rows or meets a sending limit
  (:func:`app.core.merge.send.go_ahead`, ``send_merge``), then hands its drafts over with :func:`hand_over`.
- **Drafts already on the server** (:meth:`Sending.send_saved`, Send selected): each draft read and given
  Compose's own check (:mod:`app.core.sending.batch_checks`; a bad one is named, never sent); the account's sending
  limits planned (:mod:`app.core.sending.limits`) and, when the batch meets one, "send the part that fits now and
  keep the rest in the Outbox?" asked first (no answer, nothing sent); the batch handed over as ONE request
  (:func:`hand_over`, which a merge uses too), held in the undo window as one; each refused message taken
  back out of the Outbox.
- **A message file sent as it is** (:meth:`Sending.send_mime`): its bytes handed to the Outbox; a full journal
  refuses it, said by reason.
- **Decisions made before the queue**, one rule each, for every face alike: what stops a save or a send
  (:meth:`Sending.check`); whether the account may send from a mailbox (:meth:`Sending.sender`); whether a
  message was already sent (:meth:`Sending.already_sent`: the window's ``.eml`` preview and a script's
  ``sendmail``); which server drafts have a newer version on this computer and are not sent as the server has
  them (:meth:`Sending.without_newer`).
- :attr:`Sending.under_way` counts the sends on their way (quitting asks first while any is): not while a
  question waits for its answer, nor while a batch waits in its undo window.

The Outbox is used through its public methods only (submit, submit_mime, submit_saved, wait, wait_released,
wait_past_hold, cancel, submission).
"""

from __future__ import annotations

import asyncio
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Awaitable, Callable, Iterable, Protocol

from app.core.outbox import holds
from app.core.sending.batch_checks import check_drafts
from app.core.sending.limited import submit_planned
from app.core.sending.limits import Plan, RecipientLedger, ServerLimits, plan_batch
from app.core.outbox.sent_copy import SentCopy, find_sent_copy
from app.core.outbox.submission import SubState
from app.domain.errors import DraftInvalid
from app.domain.models import Draft, ErrorKind, ItemOutcome, ItemRef, MessageSummary, OutcomeStatus
from app.domain.senders import Principal
from app.domain.send_checks import SendWarning, send_warnings
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, FieldError, validate_draft
from app.storage.local_errors import local_reason


class SendQuestions(Protocol):
    """What the core asks the face that sends. The window answers with dialogs; a script with its options."""

    async def send_anyway(self, warnings: list[SendWarning]) -> bool:
        """Send although ``warnings`` (no subject, an attachment mentioned but missing)? False: not sent."""

    async def send_part(self, plan: Plan) -> bool:
        """A batch meets the account's sending limits (``plan``): send the part that fits now and keep the rest
        waiting in the Outbox (True), or send nothing (False)?"""

    async def send_merge(self, rows: int, plan: Plan | None) -> bool:
        """A mail merge of ``rows`` messages (``plan``: what it meets of the sending limits): send it?"""

    def on_the_way(self, busy: bool) -> None:
        """Compose's message is being handed over and its first attempt awaited (True), or no longer (False)."""

    def checked(self, bad: dict[str, str], going: int) -> None:
        """A batch's drafts were checked as Compose checks its message: ``bad`` (ref id -> why) will not be sent,
        ``going`` drafts go on (before anything is asked or handed over: the face says so from the start, in the
        words the end will say)."""

    def handed_over(self, handed: "Handover") -> None:
        """A batch is in the Outbox now (before its undo window ends): the face may show its countdown."""


class Answers:
    """Fixed answers, for a face without dialogs (a script): by default nothing questionable is sent."""

    def __init__(self, *, send_anyway: bool = False, send_part: bool = False, send_merge: bool = False):
        self._anyway, self._part, self._merge = send_anyway, send_part, send_merge

    async def send_anyway(self, warnings: list[SendWarning]) -> bool:
        return self._anyway

    async def send_part(self, plan: Plan) -> bool:
        return self._part

    async def send_merge(self, rows: int, plan: Plan | None) -> bool:
        return self._merge

    def on_the_way(self, busy: bool) -> None:
        return None

    def checked(self, bad: dict[str, str], going: int) -> None:
        return None

    def handed_over(self, handed: "Handover") -> None:
        return None


class Result(Enum):
    SENT = "sent"
    HELD = "held"  # in its undo-send window: the Outbox sends it when the window ends
    SCHEDULED = "scheduled"  # send later: handed to the Outbox to go to the server, which keeps it until its time
    WAITING = "waiting"  # in the Outbox (offline, busy, a sign-in, not confirmed, or a later day)
    REFUSED = "refused"  # the server refused it: taken back out of the Outbox, the user's message again
    TAKEN_OUT = "taken out"  # taken back (Undo, or the Outbox) before it went
    INVALID = "invalid"  # Compose's check: it cannot be sent as it is; nothing was created
    DECLINED = "declined"  # a question was answered "no": nothing was created
    NOT_RECORDED = "not recorded"  # the journal could not record it: nothing was queued
    TOO_MANY = "too many recipients"  # more recipients than one message may have: not handed over


@dataclass
class SendResult:
    """What became of one message (Compose's, or one draft of a batch)."""
    result: Result
    sub: object = None  # the Outbox's Submission, once it was handed over
    draft: Draft | None = None  # Compose's message as it was sent
    back: Draft | None = None  # REFUSED: the message as the journal gave it back (None: it is in Drafts)
    errors: list[FieldError] = field(default_factory=list)  # INVALID
    warnings: list[SendWarning] = field(default_factory=list)  # DECLINED after "Send anyway?"
    reason: str = ""  # NOT_RECORDED: why the journal could not write; INVALID: the queue's own words
    outcome: ItemOutcome | None = None  # the submission's outcome when it was decided (before a take-back)


@dataclass
class Handover:
    """A batch as handed to the Outbox (:func:`hand_over`): ``subs`` aligned with ``items`` (None: not handed
    over, too many recipients), ``plan`` as planned (None: no limits known)."""
    items: list[MessageSummary]
    subs: list
    plan: Plan | None

    @property
    def going(self) -> list:
        """The submissions to follow now: not those kept in the Outbox for another day."""
        return [s for s in self.subs if s is not None and s.hold_kind != holds.LATER]

    @property
    def held(self) -> list:
        """The ones in their undo-send window."""
        return [s for s in self.subs if s is not None and s.state == SubState.HELD and s.hold_kind == holds.UNDO]


@dataclass
class BatchRequest:
    """Drafts on the server to send as they are. ``read`` reads one for Compose's check (None: not checked
    here, e.g. a merge's rows, built and checked already); ``limits`` the account's sending limits (None: none
    known) and ``ledger`` today's count; ``hold()`` the undo-send hold at the moment the batch is handed over
    (None: off)."""
    items: list[MessageSummary]
    read: Callable[[ItemRef], Awaitable[Draft]] | None = None
    limits: ServerLimits | None = None
    ledger: Callable[[], RecipientLedger] = RecipientLedger
    hold: Callable[[], holds.Hold | None] | None = None
    max_send_bytes: int = DEFAULT_MAX_SEND_BYTES
    wall: Callable[[], float] = time.time


@dataclass
class BatchResult:
    """Send selected's answer: ``results`` per handed-over draft (in ``refs``' order), ``bad`` the drafts
    Compose's check held back (ref id -> why), ``declined`` when the user chose to send nothing over a limit,
    ``handover`` what went to the Outbox."""
    refs: list[ItemRef] = field(default_factory=list)
    results: list[SendResult] = field(default_factory=list)
    bad: dict[str, str] = field(default_factory=dict)
    declined: bool = False
    handover: Handover | None = None
    reason: str = ""  # the journal could not record the batch: none of it was queued


@dataclass(frozen=True)
class SentCheck:
    """Whether a message was already sent (:meth:`Sending.already_sent`): ``copy`` when it was (its copy in Sent
    Items and when it went; ``copy.ref`` None when only this computer's journal remembers it); else why it is not
    known: ``timed_out`` (no answer within the patience) or ``error`` (the server could not be asked), nothing
    when nothing was sent with it."""
    copy: SentCopy | None = None
    timed_out: bool = False
    error: str = ""


@dataclass(frozen=True)
class SenderCheck:
    """Whether the account may send from a mailbox (:meth:`Sending.sender`): ``allowed`` (its own, or one it
    sends from), and ``principal``, the mailbox it sends from when not its own (None: its own)."""
    allowed: bool
    principal: Principal | None = None


class Sending:
    """The send requests of one face (a window, a script), and how many of its sends are on their way."""

    def __init__(self) -> None:
        self.under_way = 0

    @contextmanager
    def _on_the_way(self, questions: SendQuestions | None = None):
        self.under_way += 1
        if questions is not None:
            questions.on_the_way(True)
        try:
            yield
        finally:
            self.under_way -= 1
            if questions is not None:
                questions.on_the_way(False)

    @contextmanager
    def _paused(self):
        """A question waits for its answer, or a batch for its undo window: nothing of it is on its way."""
        self.under_way -= 1
        try:
            yield
        finally:
            self.under_way += 1

    # ------------------------------------------------------------------ decisions before the queue
    @staticmethod
    def check(draft: Draft, *, for_send: bool, max_send_bytes: int) -> list[FieldError]:
        """What stops a send (``for_send``) or a save of ``draft``: the one check, whoever sends or saves it."""
        return validate_draft(draft, for_send=for_send, max_send_bytes=max_send_bytes)

    @staticmethod
    def sender(address: str, own: str, principals: Iterable[Principal]) -> SenderCheck:
        """Whether the account whose address is ``own`` may send from ``address``: its own mailbox, or one of
        ``principals`` (the mailboxes it sends from, as the user set them); the server refuses any other."""
        wanted = address.strip().lower()
        if not wanted or wanted == own.strip().lower():
            return SenderCheck(True)
        found = next((p for p in principals if p.email.lower() == wanted), None)
        return SenderCheck(found is not None, found)

    @staticmethod
    async def already_sent(client, message_id: str, *, remembered: Callable[[], Awaitable[bool]] | None = None,
                           patience: float, loaded: Iterable[MessageSummary] = (), file_date=None,
                           dated: bool = True) -> SentCheck:
        """Whether the message named ``message_id`` was already sent: this computer's journal remembers it sent
        (``remembered()``, when given), or Sent Items holds a copy of it (the look-up the Outbox settles a send
        by, :func:`app.core.outbox.sent_copy.find_sent_copy`), asked within ``patience`` seconds. ``dated``: when it
        went is wanted (from the copy: ``loaded``, or one more request; else ``file_date``), so Sent Items is
        asked even when the journal remembers it; else the journal's memory is enough. No Message-ID: nothing
        can have been sent with it, nothing is asked."""
        if not message_id:
            return SentCheck()
        known = remembered is not None and await remembered()
        if known and not dated:  # sent: Sent Items is asked only for when it went
            return SentCheck(SentCopy(None, file_date))
        try:
            found = await asyncio.wait_for(find_sent_copy(client, message_id, loaded=loaded, file_date=file_date,
                                                          dated=dated), patience)
        except asyncio.TimeoutError:
            found = SentCheck(timed_out=True)
        except Exception as exc:  # noqa: BLE001 - any failure to ask: not known, and said so
            found = SentCheck(error=str(exc) or type(exc).__name__)
        else:
            found = SentCheck(found)
        if known and found.copy is None:  # gone from Sent Items (or not asked): the journal knows it went
            return SentCheck(SentCopy(None, file_date))
        return found

    @staticmethod
    def without_newer(refs: list[ItemRef], newer_here: Iterable[str]) -> tuple[list[ItemRef], list[ItemRef]]:
        """(the server drafts of ``refs`` to send as the server has them, those held back): a draft whose newer
        version is on this computer (``newer_here``: their item ids, kept in the journal or open in Compose) is
        never sent as the server's older version."""
        newer = set(newer_here)
        return [r for r in refs if r.id not in newer], [r for r in refs if r.id in newer]

    # ------------------------------------------------------------------ Compose's message
    async def send_draft(self, outbox, read: Callable[[], Draft], questions: SendQuestions, *,
                         hold: Callable[[], holds.Hold | None] | None = None, problems: list[FieldError] = (),
                         checked: Callable[[list[FieldError]], None] | None = None,
                         max_send_bytes: int | None = None, lock: asyncio.Lock | None = None,
                         first_attempt: bool = True,
                         more_warnings: Callable[[Draft], Awaitable[list[SendWarning]]] | None = None) -> SendResult:
        """Send the message ``read()`` gives (read once, under ``lock`` when given: a save in flight ends
        first). ``problems``: what the face found at its fields (an unfinished address), which stops it too;
        ``checked(errors)`` is told the check's result at once (empty: it passed), before any question.
        ``hold()`` gives the undo-send hold at the moment it is handed over (None: sent at once).
        ``first_attempt=False``: answered once it is in the Outbox (journaled), WAITING or HELD, without awaiting
        its first attempt (a script that follows it, or returns at once, itself). ``more_warnings(draft)``: what
        else to ask about, found by looking it up (a recipient domain that does not exist,
        :mod:`app.core.sending.domain_check`: time-bounded, off the event loop; nothing when no answer came)."""
        async with lock or _NoLock():
            draft = read()
            limit = max_send_bytes or outbox.limits.max_send_bytes
            errors = [*problems, *self.check(draft, for_send=True, max_send_bytes=limit)]
            if checked is not None:
                checked(errors)
            if errors:
                return SendResult(Result.INVALID, draft=draft, errors=errors)
            warnings = send_warnings(draft)
            if more_warnings is not None:
                warnings += await more_warnings(draft)
            if warnings and not await questions.send_anyway(warnings):
                return SendResult(Result.DECLINED, draft=draft, warnings=warnings)
            sub, not_created = await self._submit(outbox, draft, hold() if hold is not None else None, questions,
                                                  checked_within=limit, first_attempt=first_attempt)
        if not_created is not None:
            return not_created
        if sub.state == SubState.HELD:
            return SendResult(Result.HELD, sub=sub, draft=draft, outcome=sub.outcome())
        if sub.draft.send_at is not None:  # send later: on its way to the server, which keeps it until its time
            return SendResult(Result.SCHEDULED, sub=sub, draft=draft, outcome=sub.outcome())
        if not first_attempt:
            return SendResult(Result.WAITING, sub=sub, draft=draft, outcome=sub.outcome())
        return await _settled(outbox, sub, draft)

    async def _submit(self, outbox, draft: Draft, hold: holds.Hold | None, questions: SendQuestions, *,
                      checked_within: int, first_attempt: bool = True):
        """Compose's message into the Outbox, its first attempt awaited: (its submission, None), or (None, why
        nothing was created). Checked here already: the Outbox checks it again only against a lower limit."""
        with self._on_the_way(questions):
            try:
                sub = await outbox.submit(draft, hold=hold, checked_within=checked_within)
                if not first_attempt:
                    return sub, None
                return await outbox.wait(sub.local_id, final=False) or sub, None  # None: already taken out
            except DraftInvalid as exc:  # the queue's own check (a limit learnt since): nothing created
                return None, SendResult(Result.INVALID, draft=draft, errors=list(exc.errors), reason=exc.message)
            except Exception as exc:  # noqa: BLE001 - the journal cannot be written (a full disk): by reason
                reason = local_reason(exc)
                if reason is None:
                    raise
                return None, SendResult(Result.NOT_RECORDED, draft=draft, reason=reason)

    async def send_mime(self, outbox, raw: bytes, parsed: Draft) -> SendResult:
        """A message file sent as it is (its bytes untouched; ``parsed`` its fields, for the Outbox's row):
        handed to the Outbox, or INVALID (the queue's check) or NOT_RECORDED (the journal could not record it),
        nothing created then. The face has shown it and had the user's yes, and looked in Sent Items first."""
        with self._on_the_way():
            try:
                sub = await outbox.submit_mime(raw, parsed)
            except DraftInvalid as exc:
                return SendResult(Result.INVALID, draft=parsed, errors=list(exc.errors), reason=exc.message)
            except Exception as exc:  # noqa: BLE001 - the journal cannot be written (a full disk): by reason
                reason = local_reason(exc)
                if reason is None:
                    raise
                return SendResult(Result.NOT_RECORDED, draft=parsed, reason=reason)
        return SendResult(Result.WAITING, sub=sub, draft=parsed)

    # ------------------------------------------------------------------ drafts on the server
    async def send_saved(self, outbox, refs: list[ItemRef], request: BatchRequest,
                         questions: SendQuestions) -> BatchResult:
        """Send the drafts ``refs`` (``request.items`` their rows, in the same order) as ONE request."""
        if not refs:
            return BatchResult()
        with self._on_the_way():
            refs, items, bad, counts = await _checked(refs, request)
            questions.checked(bad, len(refs))
            plan = _plan(request, items, counts)
            if plan is not None and not plan.blind_ok:
                with self._paused():
                    if not await questions.send_part(plan):
                        return BatchResult(refs=refs, bad=bad, declined=True)
            try:
                handed = await hand_over(outbox, items, plan, request.hold() if request.hold is not None else None,
                                         [counts.get(it.ref.id, 0) for it in items])
            except Exception as exc:  # noqa: BLE001 - the journal cannot record the sends: none is sent
                reason = local_reason(exc)
                if reason is None:
                    raise
                return BatchResult(refs=refs, bad=bad, reason=reason)
            questions.handed_over(handed)
            done = await self._past_hold(outbox, handed)
        results = [await _batch_result(outbox, done.get(s.local_id, s) if s is not None else None)
                   for s in handed.subs]
        return BatchResult(refs=refs, results=results, bad=bad, handover=handed)

    async def _past_hold(self, outbox, handed: "Handover") -> dict:
        """Until the batch's undo window ended (nothing of it on its way meanwhile) and its first attempt did:
        each submission followed now, by local id."""
        going = handed.going
        if handed.held:
            with self._paused():
                await outbox.waits.released(going)
        return {s.local_id: s for s in await outbox.waits.past_hold(going)}


async def _checked(refs: list[ItemRef], request: "BatchRequest") -> tuple[list, list, dict, dict]:
    """Compose's own check of each draft (when the request reads them): (the refs and rows that pass, the ones
    held back by ref id -> why, each read draft's recipients by ref id)."""
    counts: dict = {}
    if request.read is None:
        return refs, list(request.items), {}, counts
    bad = await check_drafts(request.items, request.read, request.max_send_bytes, counts)
    return [r for r in refs if r.id not in bad], [it for it in request.items if it.ref.id not in bad], bad, counts


async def hand_over(outbox, items: list[MessageSummary], plan: Plan | None, hold: holds.Hold | None,
                    recipients: list[int] | None = None) -> Handover:
    """``items`` (drafts on the server) to the Outbox as ONE send, held in the undo window with ``hold``. When
    ``plan`` (in ``items``' order) meets the account's sending limits, only the part that fits goes now; the
    rest waits HELD in the Outbox for the day that has room, and one with too many recipients is not handed
    over. ``recipients``: each one's count when known (the plan's otherwise)."""
    if not items:
        return Handover(items, [], plan)
    if plan is not None and not plan.blind_ok:
        return Handover(items, await submit_planned(outbox, items, plan, hold), plan)
    counts = recipients if recipients is not None else (list(plan.recipients) if plan is not None and plan.recipients
                                                        else None)
    return Handover(items, await outbox.submit_saved(items, hold=hold, recipients=counts), plan)


def _plan(request: BatchRequest, items: list, counts: dict) -> Plan | None:
    """What the drafts meet of the account's sending limits (None: none known); a draft not read counts 1."""
    if request.limits is None or not items:
        return None
    return plan_batch([counts.get(it.ref.id, 1) for it in items], request.ledger(), request.limits, request.wall())


async def _settled(outbox, sub, draft: Draft) -> SendResult:
    """Compose's send after its first attempt: sent, refused (taken back out of the Outbox: the user's message
    again), taken out before its turn, or waiting in the Outbox."""
    outcome = sub.outcome()
    if outcome.status == OutcomeStatus.SENT:
        return SendResult(Result.SENT, sub=sub, draft=draft, outcome=outcome)
    if _refused(sub, outcome):
        back = await outbox.hand.cancel(sub.local_id)
        return SendResult(Result.REFUSED, sub=sub, draft=draft, back=back, outcome=outcome)
    if taken_out(outbox, sub):
        return SendResult(Result.TAKEN_OUT, sub=sub, draft=draft, outcome=outcome)
    return SendResult(Result.WAITING, sub=sub, draft=draft, outcome=outcome)


async def _batch_result(outbox, sub) -> SendResult:
    """One draft of a batch once no longer held: as :func:`_settled`, a draft taken back stays in Drafts."""
    if sub is None:
        return SendResult(Result.TOO_MANY)
    outcome = sub.outcome()
    if outcome.status == OutcomeStatus.SENT:
        return SendResult(Result.SENT, sub=sub, outcome=outcome)
    if sub.state == SubState.HELD and sub.hold_kind == holds.LATER:
        return SendResult(Result.WAITING, sub=sub, outcome=outcome)
    if taken_out(outbox, sub):
        return SendResult(Result.TAKEN_OUT, sub=sub, outcome=outcome)
    if _refused(sub, outcome):
        await outbox.hand.cancel(sub.local_id)  # the draft stays in Drafts, its refusal said in its row
        return SendResult(Result.REFUSED, sub=sub, outcome=outcome)
    return SendResult(Result.WAITING, sub=sub, outcome=outcome)


def _refused(sub, outcome: ItemOutcome) -> bool:
    """The server said no (not: it may have gone, which only a look-up can tell)."""
    return outcome.status == OutcomeStatus.FAILED and sub.kind != ErrorKind.OUTCOME_UNKNOWN


def taken_out(outbox, sub) -> bool:
    """The user took this send out of the queue before it finished (Undo, the Outbox's Edit or Delete)."""
    if sub.state == SubState.CANCELLED:
        return True
    return not sub.final and (outbox is None or outbox.queue.submission(sub.local_id) is not sub)


class _NoLock:
    async def __aenter__(self):
        return None

    async def __aexit__(self, *exc):
        return False
