"""The outbox: saves and sends not yet confirmed by the server, retried until they are.

The journal is the queue (a row = a journal entry with op ``save``/``send``), so a crash loses nothing
and :meth:`Outbox.restore` resumes the work. Exactly once: each message gets a unique Internet
Message-ID before its first save; after an unknown outcome (drop after the request went out, timeout,
unreadable reply, or death mid-request: journal state ``saving``/``sending``) the next attempt first
looks it up (``find_by_message_id``): in Sent Items -> done, never resent; in Drafts -> that server
draft is reused and sent; nowhere -> it never arrived, create/send again. Same rule per batch item.
Retries: ServerBusy waits its ``retry_after`` (BackOffMilliseconds / Retry-After); other failures back
off per :class:`RetryPolicy`, bounded, then "Failed: <reason>" (the message stays in the journal).
"Could not connect" is not counted; :meth:`kick` retries at once. A 401 parks the work ("Waiting for
sign-in") until the ``reauth`` coroutine returns True or the UI calls :meth:`signed_in`.
No Qt, no signals: the UI passes ``on_change`` and reads :meth:`rows` / :meth:`row_texts`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Awaitable, Callable

from app.core.mailclient import MailClient
from app.core.retry import (
    Kind, NotSettled, NotYet, OutboxRow, RetryPolicy, RowStatus, ServerCalls, Waiters, classify, new_message_id,
    reason, settle_verdict,
)
from app.domain.explain import describe
from app.domain.models import Draft, ItemOutcome, ItemRef, OutcomeStatus
from app.mail.errors import MailError, OutcomeUnknown, ServerBusy
from app.storage.journal import Journal, State

log = logging.getLogger(__name__)

_UNKNOWN_CODES = {"ErrorOutcomeUnknown", "ErrorMalformedResponse", "ErrorItemNotFound", "ErrorTimeoutExpired"}
_BUSY_CODES = {"ErrorServerBusy"}
_STALE_CODES = {"ErrorIrresolvableConflict", "ErrorInvalidChangeKey", "ErrorStaleObject"}


class Outbox:
    def __init__(
        self,
        client: MailClient,
        journal: Journal,
        *,
        policy: RetryPolicy | None = None,
        pipeline=None,
        domain: str = "dispatch.local",
        batch_size: int = 25,
        clock: Callable[[], float] = time.monotonic,
        on_change: Callable[[], None] | None = None,
        on_saved: Callable[[Draft], None] | None = None,
        reauth: Callable[[], Awaitable[bool]] | None = None,
    ):
        self.client = client
        self.journal = journal
        self.policy = policy or RetryPolicy()
        self.domain = domain
        self.batch_size = batch_size
        self._clock = clock
        self.on_change = on_change
        self.on_saved = on_saved
        self.reauth = reauth
        self.calls = ServerCalls(client, pipeline, on_progress=self._progress)
        self._rows: dict[str, OutboxRow] = {}
        self._unknown: dict[str, float] = {}  # settle by Message-ID, not before this clock time
        self._send_issued: set[str] = set()  # a SendItem for it went out (this run or before a crash)
        self._again: dict[str, str] = {}  # saved/sent again while an attempt was in flight
        self._stale: set[str] = set()  # retry with a fresh change key
        self._known: dict[str, tuple] = {}  # local_id -> (server ref, Message-ID) once saved
        self._offline: dict[str, int] = {}
        self._waiters = Waiters()
        self._wake = self._signed_in = None  # asyncio.Events, created in the loop (_ensure_running)
        self._task = self._auth_task = None
        self.stats = self.calls.stats

    # ------------------------------------------------------------------ the API the UI calls
    def rows(self) -> list[OutboxRow]:
        return list(self._rows.values())

    def row_texts(self) -> list[tuple[str, str, str]]:
        """(subject, recipients, state text) per row — the Outbox view's model data."""
        return [(r.subject, r.recipients, r.text(self._clock())) for r in self._rows.values()]

    @property
    def needs_sign_in(self) -> bool:
        return self._signed_in is not None and not self._signed_in.is_set()

    async def save(self, draft: Draft) -> OutboxRow:
        """Save to the server; returns after the first attempt. ``row.status`` DONE: saved (the
        saved draft with its ref went to ``on_saved``); otherwise it stays queued, "not on server yet"."""
        row = self._enqueue(draft, "save")
        await self.wait(draft.local_id, final=False)
        return row

    def send(self, draft: Draft, *, settle_first: bool = False) -> OutboxRow:
        """Queue a send (returns at once; ``await wait(local_id)`` for the end). ``settle_first``: an
        earlier attempt (e.g. the window's) may have reached the server: look it up first."""
        return self._enqueue(draft, "send", settle_first)

    def queue_save(self, draft: Draft, *, settle_first: bool = False) -> OutboxRow:
        """Queue a save without waiting for the first attempt (see :meth:`save`)."""
        return self._enqueue(draft, "save", settle_first)

    async def wait(self, local_id: str, *, final: bool = True, timeout: float | None = None) -> OutboxRow | None:
        """Until the row is done/failed (``final``) or its next attempt ended."""
        row = self._rows.get(local_id)
        if row is None or row.status in (RowStatus.DONE, RowStatus.FAILED):
            return row
        fut = self._waiters.add(local_id, final)
        self._ensure_running()
        await asyncio.wait_for(asyncio.shield(fut), timeout)
        return self._rows.get(local_id)

    async def drain(self, timeout: float | None = None) -> None:
        """Until every row is done or failed (tests, and "quit after sending")."""
        pending = [lid for lid, r in self._rows.items() if r.status not in (RowStatus.DONE, RowStatus.FAILED)]
        await asyncio.wait_for(asyncio.gather(*(self.wait(lid) for lid in pending)), timeout)

    def kick(self) -> None:
        """The connection is back (or the user pressed Retry): everything waiting tries now."""
        now = self._clock()
        for r in self._rows.values():
            if r.status in (RowStatus.RETRYING, RowStatus.WAITING):
                r.retry_at = now
        self._offline.clear()
        self._poke()

    def retry(self, local_id: str) -> None:
        """Retry a failed row (after the user fixed it)."""
        r = self._rows.get(local_id)
        if r is not None and r.status == RowStatus.FAILED:
            r.status, r.attempts, r.retry_at, r.reason = RowStatus.WAITING, 0, None, ""
            self.journal.set_state(local_id, State.OUTBOX_WAITING, op=r.kind, error="", attempts=0)
            self._changed()
            self._poke()

    def take_back(self, local_id: str) -> Draft | None:
        """A waiting/failed row's draft back for editing (stays in the journal); None while in flight."""
        r = self._rows.get(local_id)
        if r is None or r.status == RowStatus.WORKING or local_id in self._unknown:
            return None
        del self._rows[local_id]
        self.journal.set_state(local_id, State.EDITING, op="", error="")
        self._changed()
        e = self.journal.get(local_id)
        return e.draft if e else None

    def signed_in(self) -> None:
        """The user signed in again (answer to the 401 prompt): parked work resumes."""
        if self._signed_in is not None:
            self._signed_in.set()
        for r in self._rows.values():
            if r.status == RowStatus.AUTH:
                r.status, r.retry_at = RowStatus.WAITING, None
        self._changed()
        self._poke()

    def restore(self) -> int:
        """On start: queue every journal entry whose save/send the server has not confirmed."""
        n = 0
        for e in self.journal.entries():
            if e.op not in ("save", "send") or e.local_id in self._rows:
                continue
            if e.state in (State.SAVING, State.SENDING):  # died mid-request: outcome unknown
                self._unknown[e.local_id] = self._clock() + self.policy.settle_delay
                self._send_issued.update([e.local_id] if e.state == State.SENDING else [])
            self._rows[e.local_id] = OutboxRow.for_draft(e.draft, e.op)
            n += 1
        if n:
            self._changed()
            self._poke()
        return n

    def start(self) -> None:
        self._ensure_running()

    async def stop(self) -> None:
        for t in (self._task, self._auth_task):
            if t is not None and not t.done():
                t.cancel()
                await asyncio.gather(t, return_exceptions=True)
        self._task = None

    # ------------------------------------------------------------------ queueing
    def _enqueue(self, draft: Draft, kind: str, settle_first: bool = False) -> OutboxRow:
        lid = draft.local_id
        if settle_first:
            self._unknown.setdefault(lid, self._clock() + self.policy.settle_delay)
        if draft.ref is None and lid in self._known:  # an editor's copy from before the save: same item
            draft = draft.copy(ref=self._known[lid][0], internet_message_id=self._known[lid][1])
        self.journal.record(draft, State.OUTBOX_WAITING)  # keeps a known ref / Message-ID
        self.journal.ensure_message_id(lid, draft.internet_message_id or new_message_id(self.domain))
        old = self._rows.get(lid)
        if old is not None and old.status == RowStatus.WORKING:  # again, after the attempt in flight
            kind = "send" if "send" in (self._again.get(lid, ""), old.kind, kind) else kind
            self._again[lid] = kind
            self.journal.set_state(lid, State.OUTBOX_WAITING, op=kind, error="", attempts=0)
            return old
        self.journal.set_state(lid, State.OUTBOX_WAITING, op=kind, error="", attempts=0)
        row = OutboxRow.for_draft(draft, kind)
        self._rows[lid] = row
        self._changed()
        self._poke()
        return row

    def _poke(self) -> None:
        self._ensure_running()
        if self._wake is not None:
            self._wake.set()

    def _ensure_running(self) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        if self._wake is None:
            self._wake = asyncio.Event()
            self._signed_in = asyncio.Event()
            self._signed_in.set()
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._run())

    def _changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:  # noqa: BLE001 - a view must not break the outbox
                log.exception("outbox listener failed")

    def _resolve(self, row: OutboxRow, final: bool | None = None) -> None:
        self._waiters.resolve(row, final)
        self._changed()

    # ------------------------------------------------------------------ the worker
    async def _run(self) -> None:
        while True:
            try:
                await self._signed_in.wait()
                now = self._clock()
                due = [
                    r for r in self._rows.values()
                    if r.status in (RowStatus.WAITING, RowStatus.RETRYING) and (r.retry_at or 0) <= now
                ]
                if not due:
                    nxt = [r.retry_at for r in self._rows.values() if r.status == RowStatus.RETRYING and r.retry_at]
                    self._wake.clear()
                    timeout = max(0.0, min(nxt) - now) if nxt else None
                    try:
                        await asyncio.wait_for(self._wake.wait(), timeout)
                    except asyncio.TimeoutError:
                        pass
                    continue
                for row in [r for r in due if r.kind == "save"]:
                    await self._do_save(row)
                    if self.needs_sign_in:
                        break
                sends = [r for r in due if r.kind == "send" and r.status in (RowStatus.WAITING, RowStatus.RETRYING)]
                if sends and not self.needs_sign_in:
                    await self._do_sends(sends[: self.batch_size])
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the worker must survive anything; rows retry later
                log.exception("outbox worker step failed")
                for r in self._rows.values():
                    if r.status == RowStatus.WORKING:
                        r.status, r.retry_at = RowStatus.RETRYING, self._clock() + self.policy.base
                await asyncio.sleep(0.05)

    # ------------------------------------------------------------------ steps
    async def _settle(self, draft: Draft, row: OutboxRow) -> Draft | None:
        """Look up a message whose last attempt's outcome is unknown. None: it was sent (done)."""
        where = await self.calls.lookup(draft.internet_message_id)
        self._unknown.pop(draft.local_id, None)
        verdict, ref = settle_verdict(where, draft.ref, row.kind == "send", draft.local_id in self._send_issued)
        self.stats[f"settled_{verdict}"] = self.stats.get(f"settled_{verdict}", 0) + 1
        if verdict == "sent":
            return None
        if verdict == "unsettled":
            raise NotSettled()
        if draft.ref != ref:  # adopt the server's id and change key, or forget a ref the server lost
            draft = draft.copy(ref=ref)
            self.journal.set_server_identity(draft.local_id, ref)
        return draft

    async def _prepared(self, row: OutboxRow) -> tuple[Draft, int] | None:
        e = self.journal.get(row.local_id)
        if e is None:  # discarded or confirmed elsewhere
            self._finish(row, RowStatus.DONE)
            return None
        draft = e.draft
        if not draft.internet_message_id:
            draft = draft.copy(internet_message_id=new_message_id(self.domain))
            self.journal.set_server_identity(draft.local_id, internet_message_id=draft.internet_message_id)
        if draft.local_id in self._unknown:
            if self._clock() < self._unknown[draft.local_id]:  # the lost request may still be committing
                raise NotYet(self._unknown[draft.local_id])
            settled = await self._settle(draft, row)
            if settled is None:
                self.journal.confirm_sent(draft.local_id)
                self._finish(row, RowStatus.DONE)
                return None
            draft = settled
        if draft.local_id in self._stale and draft.ref is not None:  # let the backend fetch the current key
            self._stale.discard(draft.local_id)
            draft = draft.copy(ref=ItemRef(draft.ref.id, ""))
        return draft, e.version

    async def _save_step(self, row: OutboxRow, draft: Draft, version: int) -> Draft:
        """Create/update on the server; keeps the ref in the journal the moment it is known."""
        self.journal.set_state(draft.local_id, State.SAVING)
        saved = await self.calls.save(draft, for_send=row.kind == "send")
        self.journal.confirm_saved(draft.local_id, saved.ref, version)
        self.journal.set_server_identity(
            draft.local_id, saved.ref, draft.internet_message_id, [a.attachment_id for a in saved.attachments]
        )
        self._known[draft.local_id] = (saved.ref, draft.internet_message_id)
        return saved.copy(internet_message_id=saved.internet_message_id or draft.internet_message_id)

    async def _do_save(self, row: OutboxRow) -> None:
        row.status = RowStatus.WORKING
        self._changed()
        try:
            prep = await self._prepared(row)
            if prep is None:
                return
            draft, version = prep
            saved = await self._save_step(row, draft, version)
        except Exception as exc:  # noqa: BLE001
            self._failed(row, exc)
            return
        row.saved = saved
        self._finish(row, RowStatus.DONE)
        if self.on_saved is not None:
            self.on_saved(saved)

    async def _do_sends(self, rows: list[OutboxRow]) -> None:
        ready: list[tuple[OutboxRow, Draft]] = []
        for row in rows:
            row.status = RowStatus.WORKING
            self._changed()
            try:
                prep = await self._prepared(row)
                if prep is None:
                    continue
                draft, version = prep
                ready.append((row, await self._save_step(row, draft, version)))
            except Exception as exc:  # noqa: BLE001
                self._failed(row, exc)
                if self.needs_sign_in:
                    return
        if not ready:
            return
        for row, d in ready:
            self.journal.set_state(d.local_id, State.SENDING)  # a kill now => settle on restart
            self._send_issued.add(d.local_id)
        try:
            outcomes = await self.calls.send([d for _, d in ready])
        except Exception as exc:  # noqa: BLE001 - nothing known about any item
            for row, _ in ready:
                self._failed(row, exc)
            return
        for (row, d), o in zip(ready, outcomes):
            self._apply_outcome(row, d, o)

    def _apply_outcome(self, row: OutboxRow, draft: Draft, o: ItemOutcome) -> None:
        if o.status == OutcomeStatus.SENT:
            self.journal.confirm_sent(draft.local_id)
            self._finish(row, RowStatus.DONE)
            return
        if o.status == OutcomeStatus.UNKNOWN or o.code in _UNKNOWN_CODES:
            exc: MailError = OutcomeUnknown(o.message or o.code)
        elif o.code in _BUSY_CODES:
            exc = ServerBusy(o.message or o.code)
        else:
            exc = MailError(o.code, o.message)
        self._failed(row, exc, text=o.explanation or describe(o.code, o.message))

    # ------------------------------------------------------------------ bookkeeping
    def _progress(self, p) -> None:  # the pipeline verifying an unknown send: say so in the row
        row = self._rows.get(getattr(p, "key", ""))
        if row is not None and getattr(getattr(p, "state", None), "value", "") == "verifying":
            row.reason = "checking whether it was sent"
            self._changed()

    def _finish(self, row: OutboxRow, status: RowStatus, why: str = "") -> None:
        row.status, row.reason, row.retry_at = status, why, None
        self._offline.pop(row.local_id, None)
        again = self._again.pop(row.local_id, None)
        if again and self.journal.get(row.local_id) is not None:  # queued again while in flight
            self._resolve(row, final=False)
            row.kind, row.status, row.attempts = again, RowStatus.WAITING, 0
            self.journal.set_state(row.local_id, State.OUTBOX_WAITING, op=again, error="", attempts=0)
            self._changed()
            self._poke()
            return
        self._resolve(row)

    def _failed(self, row: OutboxRow, exc: BaseException, text: str = "") -> None:
        kind = classify(exc)
        why = text or reason(exc)
        lid = row.local_id
        log.info("outbox %s %s: %s (%s)", row.kind, lid[:8], kind.value, getattr(exc, "code", type(exc).__name__))
        if isinstance(exc, NotYet):
            row.status, row.retry_at = RowStatus.RETRYING, exc.at
            self._resolve(row)
            return
        if getattr(exc, "code", "") in _STALE_CODES:  # our own draft changed under us (a lost update)
            self._stale.add(lid)
            kind = Kind.BUSY
        if kind == Kind.UNKNOWN:
            self._unknown.setdefault(lid, self._clock() + self.policy.settle_delay)
        if kind == Kind.AUTH:
            row.status, row.reason = RowStatus.AUTH, why
            self.journal.set_state(lid, State.OUTBOX_WAITING, error=why)
            self._need_sign_in()
            self._resolve(row)
            return
        if kind == Kind.OFFLINE:
            n = self._offline[lid] = self._offline.get(lid, 0) + 1
            delay = self.policy.delay(n, getattr(exc, "retry_after", None))
        else:
            row.attempts += 1
            if kind == Kind.PERMANENT or row.attempts >= self.policy.max_attempts:
                if kind != Kind.PERMANENT:
                    why = f"gave up after {row.attempts} attempts: {why}"
                self.journal.set_state(lid, State.OUTBOX_WAITING, error=why, attempts=row.attempts)
                self._finish(row, RowStatus.FAILED, why)
                return
            delay = self.policy.delay(row.attempts, getattr(exc, "retry_after", None), unknown=kind == Kind.UNKNOWN)
        self.journal.set_state(lid, State.OUTBOX_WAITING, error=why, attempts=row.attempts)
        row.status, row.reason, row.retry_at = RowStatus.RETRYING, why, self._clock() + delay
        self._resolve(row)

    def _need_sign_in(self) -> None:
        if self._signed_in is None or not self._signed_in.is_set():
            return
        self._signed_in.clear()
        self.stats["auth_waits"] += 1
        if self.reauth is not None:
            self._auth_task = asyncio.ensure_future(self._ask_reauth())

    async def _ask_reauth(self) -> None:
        try:
            if await self.reauth():
                self.signed_in()
        except Exception:  # noqa: BLE001 - the work stays parked; the UI may call signed_in() later
            log.exception("re-authentication prompt failed")
