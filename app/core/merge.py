"""A mail merge run: one draft per row of the table on the server, then ALL of them in ONE send request
through the Outbox (:meth:`app.core.outbox.Outbox.submit_saved`), each row's outcome kept with the row.

Nothing is created twice and nothing is sent twice:

- every row's message has an identity derived from (merge id, row number) (:mod:`app.domain.merge`):
  its local id (the Outbox's save job, journaled) and its Internet Message-ID. Before a row's draft is
  created, its Message-ID is looked up in Drafts and Sent Items (one look-up for all the rows): a draft
  found there is reused, a message found in Sent Items is marked sent and never sent again;
- the run is written down (:mod:`app.storage.merges`) before each step: rows being created, rows handed
  to the Outbox. After a restart, :meth:`MergeRun.resume` settles the rows that were under way by the
  Outbox's own submissions (which survive restarts) or by their Message-IDs;
- a row the server refused stays in Drafts; once the user has fixed it (:meth:`MergeRun.edit`), Resend
  saves the fixed message over that same draft (same Message-ID) and sends only the rows that are not sent.

The drafts are written by the Outbox's save path (journaled, retried, adopted by Message-ID after a lost
answer), so the merge has no server calls of its own but the look-up. No Qt.

A row's own states cover only what happens before the Outbox has it (READY, INVALID, SAVING) and the
record of how it ended (SENT, FAILED), which outlives its submission (a sent one leaves the journal). While
it is SENDING, what it shows is its submission's state (:meth:`MergeRun.outcome`), and how it ends is
derived from that state alone (:func:`row_verdict`): the send's lifecycle is the one table's
(:mod:`app.core.submission`), never a second one here.
"""

from __future__ import annotations

import asyncio
import enum
import functools
import logging
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from app.core import merge_record, settle
from app.core.merge_pool import in_thread
from app.core.merge_send import submit_held
from app.core.rows import SaveStatus
from app.core.submission import SubState
from app.domain import merge as dm
from app.domain.explain import describe
from app.domain.models import Draft, ErrorKind, ItemRef, MessageSummary
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, format_recipients
from app.storage.merges import MergeStore, ref_from_list, template_from_dict, template_to_dict

log = logging.getLogger(__name__)
FOLLOW_BATCH = 500  # rows whose follower is registered (or made into the send's list) per event-loop turn

SENT = "Sent"
ALREADY_SENT = "Sent (found in Sent Items)"
IN_DRAFTS = "Not sent: it is in Drafts. Resend (Ctrl+R) sends it."
DELETED = "Deleted from the Outbox: not sent"
NOT_CREATED = "Deleted from the Outbox: its draft was not created"
#: failures that a Resend of the same message would meet again: the row must be fixed first
NEEDS_FIX = (ErrorKind.INVALID_INPUT, ErrorKind.TOO_LARGE, ErrorKind.PERMANENT)


class RowState(str, enum.Enum):
    INVALID = "invalid"  # cannot be sent as it is: nothing was created for it
    READY = "ready"  # goes with the next Create and send / Resend
    SAVING = "saving"  # its draft is being written to Drafts
    SENDING = "sending"  # handed to the Outbox
    SENT = "sent"
    FAILED = "failed"  # refused by the server, or not sent for another reason (``retry``: Resend sends it)


@dataclass
class MergeRow:
    number: int  # 1-based data row
    line: int  # the table's line it came from
    values: tuple[str, ...]  # replaced whole by an edit, never in place (a tuple of str: the GC skips it)
    state: RowState = RowState.READY
    error: str = ""
    ref: ItemRef | None = None  # its draft on the server, once created
    sub_id: str = ""  # its Outbox submission, once handed over
    retry: bool = False  # FAILED, but Resend sends it as it is (not the message's fault)
    fixed: bool = False  # edited after an error
    sub: object = field(default=None, repr=False, compare=False)
    #: its message as last built and checked (from its values now), kept for the send; never stored
    built: dm.RowMessage | None = field(default=None, repr=False, compare=False)


class MergeRun:
    """One merge: its table, template and rows. Build with :meth:`create` or :meth:`load`."""

    def __init__(self, outbox, store: MergeStore, data: dict, *, max_send_bytes: int = DEFAULT_MAX_SEND_BYTES,
                 on_change=None):
        self.outbox, self.store = outbox, store
        self.max_send_bytes = max_send_bytes
        self.on_change = on_change
        self.merge_id: str = data["merge_id"]
        self.account: str = data.get("account", "")
        self.created: float = float(data.get("created", 0))
        self.header: tuple[str, ...] = tuple(data["header"])
        self.recipient_col: int = int(data["recipient_col"])
        self.template: Draft = template_from_dict(data["template"])
        self.template_record: dict = data["template"]  # the template's stored form: written with each record
        self.problems: dict[int, str] = {int(k): v for k, v in (data.get("problems") or {}).items()}
        self.rows: list[MergeRow] = [
            MergeRow(int(r["n"]), int(r.get("line", 0)), tuple(r["values"]), RowState(r["state"]), r.get("error", ""),
                     ref_from_list(r.get("ref")), r.get("sub", ""), bool(r.get("retry")), bool(r.get("fixed")))
            for r in data["rows"]]
        self._lock = asyncio.Lock()
        self.running = False
        self.hold_for = self.on_held = None  # the undo-send hold of its sends (app.core.merge_send)

    # ------------------------------------------------------------------ building
    @classmethod
    def create(cls, outbox, store: MergeStore, template: Draft, table: dm.Table, recipient_col: int, *,
               account: str = "", max_send_bytes: int = DEFAULT_MAX_SEND_BYTES, on_change=None) -> "MergeRun":
        """A new merge of ``table`` into ``template``; every row checked (nothing is written yet)."""
        data = {"merge_id": uuid.uuid4().hex, "account": account, "created": time.time(), "header": list(table.header),
                "recipient_col": recipient_col, "template": template_to_dict(template.copy(to=[], ref=None)),
                "problems": {str(i + 1): p for i, p in table.problems.items()},
                "rows": [{"n": i + 1, "line": line, "values": list(vals), "state": RowState.READY.value}
                         for i, (vals, line) in enumerate(zip(table.rows, table.lines))]}
        run = cls(outbox, store, data, max_send_bytes=max_send_bytes, on_change=on_change)
        for row in run.rows:
            msg = row.built = run.message(row)
            if msg.draft is None:
                row.state, row.error = RowState.INVALID, msg.error
        return run

    @classmethod
    async def prepare(cls, outbox, store: MergeStore, template: Draft, table: dm.Table, recipient_col: int,
                      **kw) -> "MergeRun":
        """:meth:`create` on the merge's worker thread: every row's message is built and checked there
        (5,000 rows: ~170 ms of placeholders and checks, a stall of the UI thread if run on it)."""
        return await in_thread(functools.partial(cls.create, outbox, store, template, table, recipient_col, **kw))

    @classmethod
    def load(cls, outbox, store: MergeStore, merge_id: str, **kw) -> "MergeRun | None":
        data = store.load(merge_id)
        if not data:
            return None
        try:
            return cls(outbox, store, data, **kw)
        except (KeyError, ValueError, TypeError):
            log.warning("merge %s: unreadable record", merge_id[:8])
            return None

    def to_dict(self) -> dict:
        return merge_record.record_dict(merge_record.snapshot(self))

    # ------------------------------------------------------------------ reading
    def message(self, row: MergeRow) -> dm.RowMessage:
        return dm.build_message(self.template, self.header, row.values, self.recipient_col, merge_id=self.merge_id,
                                number=row.number, max_send_bytes=self.max_send_bytes,
                                problem=self.problems.get(row.number, ""))

    def preview(self, n: int = 3) -> list[tuple[MergeRow, dm.RowMessage]]:
        return [(r, self.message(r)) for r in self.rows[:n]]

    def row(self, number: int) -> MergeRow:
        return self.rows[number - 1]

    def outcome(self, row: MergeRow) -> str:
        """The row's outcome in words (the results table's last column)."""
        if row.state == RowState.SENT:
            return row.error or SENT
        if row.state in (RowState.INVALID, RowState.FAILED):
            return row.error
        if row.state == RowState.SAVING:
            return "Creating its draft…"
        if row.state == RowState.SENDING:
            sub = row.sub or self.outbox.subs.get(row.sub_id)
            if sub is not None and sub.reason and sub.state != SubState.SUBMITTING:
                return f"Waiting in the Outbox: {sub.reason}"
            return "Sending…"
        return "Fixed: Resend (Ctrl+R) sends it" if row.fixed else "Ready to send"

    def counts(self) -> dict[str, int]:
        """Rows in each state, by the state's value. (A row's ``state.value`` goes through the enum's Python
        descriptor: ~1.1 ms for 5,000 rows at each summary; counting the members is ~0.3 ms.)"""
        tally = Counter(r.state for r in self.rows)
        return {s.value: tally.get(s, 0) for s in RowState}

    def to_send(self) -> list[MergeRow]:
        """The rows the next Create and send / Resend takes: never a sent one."""
        return [r for r in self.rows if r.state == RowState.READY or (r.state == RowState.FAILED and r.retry)]

    @property
    def finished(self) -> bool:
        return not self.to_send() and not any(r.state in (RowState.SAVING, RowState.SENDING) for r in self.rows)

    # ------------------------------------------------------------------ fixing
    def editable(self, row: MergeRow) -> bool:
        return row.state in (RowState.INVALID, RowState.FAILED, RowState.READY) and not self.running

    def edit(self, number: int, column: int, value: str) -> MergeRow:
        """The user fixed a cell of a row that is not sent: checked again at once (READY, or INVALID with
        why). Resend takes it."""
        row = self.row(number)
        if not self.editable(row):
            raise ValueError("this row cannot be changed now")
        if len(value) > dm.MAX_CELL:
            raise ValueError("value too long")
        # a new tuple, never a change in place: a record being written off the loop holds the old one
        row.values = (*row.values[:column], value, *row.values[column + 1:])
        self.problems.pop(row.number, None)
        msg = row.built = self.message(row)
        row.fixed = True
        if msg.draft is None:
            row.state, row.error = RowState.INVALID, msg.error
        else:
            row.state, row.error, row.retry = RowState.READY, "", False
        self._changed()
        return row

    # ------------------------------------------------------------------ running
    async def send(self) -> None:
        """Create the drafts of every row :meth:`to_send` takes, then send them all in ONE request."""
        if self.running:
            return
        self.running = True
        try:
            await self._send(self.to_send())
        finally:
            self.running = False
            self._changed()
            await self.persist()

    def messages(self, rows: list[MergeRow]) -> list[dm.RowMessage]:
        """Each row's message, built and checked (pure: run off the loop's thread while no row can change)."""
        return [self.message(row) for row in rows]

    async def _messages_of(self, rows: list[MergeRow]) -> list[dm.RowMessage]:
        """What :meth:`create` or :meth:`edit` built for each row (nothing changes a row's message but an
        edit, which builds it again); a row without one (a run loaded after a restart) is built on the
        merge's worker thread. Each row's is then let go: the send holds what it takes."""
        missing = [row for row in rows if row.built is None]
        if missing:  # the rows cannot be edited while running (editable()): safe to build off the loop
            for row, msg in zip(missing, await in_thread(self.messages, missing)):
                row.built = msg
        messages = [row.built for row in rows]
        for row in rows:
            row.built = None
        return messages

    async def _send(self, rows: list[MergeRow]) -> None:
        pairs = await self._create_and_submit(rows)
        await self._follow_all(pairs)

    async def _create_and_submit(self, rows: list[MergeRow]) -> list[tuple[MergeRow, object]]:
        """Create each row's draft, then hand them all to the Outbox as ONE send; the rows handed over, each
        with its submission. Each step is written down (:meth:`persist`) before the next one acts."""
        built = await self._start_saving(rows)
        await self.persist()  # on disk before anything is created
        if not built:
            return []
        found = await self._look_up(built)
        if found is None:
            return []
        jobs, heads = await self._queue_saves(built, found)
        ready = await self._saved_rows(jobs)
        if not ready:
            return []
        for row in ready:
            row.state = RowState.SENDING
        await self.persist()  # a restart from here on settles these by the Outbox and their Message-IDs
        return await self._hand_over(ready, heads)

    async def _start_saving(self, rows: list[MergeRow]) -> list[tuple[MergeRow, Draft]]:
        """Each row whose message can be sent becomes SAVING (an earlier refused send of it dropped); the
        others INVALID with why. Returns the rows to create, each with its draft."""
        messages = await self._messages_of(rows)
        built: list[tuple[MergeRow, Draft]] = []
        for n, (row, msg) in enumerate(zip(rows, messages)):
            if n and not n % FOLLOW_BATCH:  # 5,000 in the turn the results appear in: ~10 ms more of it
                await asyncio.sleep(0)  # (no row can change meanwhile: the run is running)
            if msg.draft is None:
                row.state, row.error = RowState.INVALID, msg.error
                continue
            self._drop_failed_submission(row)
            row.state, row.error, row.retry = RowState.SAVING, "", False
            built.append((row, msg.draft))
        self._changed()
        return built

    async def _look_up(self, built: list[tuple[MergeRow, Draft]]) -> dict | None:
        """What the server has already of these rows (a run that stopped half way, a draft refused before),
        by Message-ID, once a save the Outbox restored after a restart ended (or rests). None: the look-up
        failed, nothing was created, the rows wait for the next Resend."""
        saves = self.outbox.saves
        for _row, draft in built:
            if draft.local_id in saves:  # (5,000 awaits of nothing held the UI thread ~10 ms)
                await self._quiet(draft.local_id)
        try:
            return await settle.look_up(self.outbox.client, [d.internet_message_id for _, d in built])
        except Exception as exc:  # noqa: BLE001 - nothing created: the rows wait for the next Resend
            for row, _ in built:
                row.state, row.error, row.retry = RowState.FAILED, _words(exc), True
            return None

    async def _queue_saves(self, built: list[tuple[MergeRow, Draft]], found: dict):
        """A row found in Sent Items is SENT (never sent again); each other row's draft is queued for saving
        through the Outbox, over its draft when the server or the Outbox knows it. Returns the save jobs (with
        their rows) and what the send's list shows of each row's message."""
        saves = self.outbox.saves
        jobs: list = []
        heads: dict[int, tuple[str, str, bool, str]] = {}
        for row, draft in built:
            verdict, ref = settle.verdict(found.get(draft.internet_message_id))
            if verdict == settle.Verdict.SENT:
                row.state, row.error, row.fixed = RowState.SENT, ALREADY_SENT, False
                continue
            if draft.local_id in saves:
                await self._quiet(draft.local_id)
            known = self.outbox.known.get(draft.local_id)
            ref = ref or (known[0] if known else None)
            if ref is not None:  # save the message over its draft; else create it (no copy of 5,000 drafts)
                draft = draft.copy(ref=ref)
            heads[row.number] = (draft.subject, format_recipients(draft.to), bool(draft.attachments),
                                 draft.internet_message_id)
            jobs.append((row, await self.outbox.queue_save(draft)))
        self._changed()
        return jobs, heads

    async def _saved_rows(self, jobs: list) -> list[MergeRow]:
        """Until each save's first attempt ended: the rows whose draft is in Drafts (its ref kept); the
        others FAILED with why (Resend tries them again)."""
        ready = []
        for row, job in jobs:
            await self.outbox.wait(job.local_id, final=False)
            if job.status == SaveStatus.DONE and job.saved is not None and job.saved.ref is not None:
                row.ref = job.saved.ref
                ready.append(row)
            elif not job.final and self.outbox.saves.get(job.local_id) is not job:  # the user deleted it
                row.state, row.error, row.retry = RowState.FAILED, NOT_CREATED, True
            else:
                why = job.reason or "the server did not answer"
                row.state, row.error, row.retry = RowState.FAILED, f"Not created: {why}", True
        return ready

    async def _hand_over(self, ready: list[MergeRow], heads: dict) -> list[tuple[MergeRow, object]]:
        """The rows' drafts to the Outbox as ONE send (held in the undo window when it is on); each row keeps
        its submission, written down before the run lets other rows be fixed and resent."""
        items = []
        for n, row in enumerate(ready):
            if n and not n % FOLLOW_BATCH:  # 5,000 in one turn: ~10 ms of the UI thread, before the Outbox's own
                await asyncio.sleep(0)
            subject, to, attached, mid = heads.pop(row.number)
            items.append(MessageSummary(row.ref, subject, to, None, attached, internet_message_id=mid))
        subs = await submit_held(self, items)  # ONE request (chunked only where the server limits it)
        for row, sub in zip(ready, subs):
            row.sub_id, row.sub = sub.local_id, sub
        await self.persist()
        self.running = False  # the Outbox has them: other rows can be fixed and resent meanwhile
        self._changed()
        return list(zip(ready, subs))

    async def _quiet(self, local_id: str) -> None:
        """Until no save of this row is on the wire. A save queued while one is in flight could otherwise
        miss the identity that one brings back (it ends during our journal write) and create a second draft."""
        for _ in range(100):
            job = self.outbox.saves.get(local_id)
            if job is None or job.status != SaveStatus.WORKING:
                return
            await self.outbox.wait(local_id, final=False)

    async def _follow_all(self, pairs: list[tuple[MergeRow, object]]) -> None:
        """Follow each row's submission until it ends: a callback per row called as the Outbox finishes it
        (5,000 follower tasks held the UI thread ~50 ms to start, and their ~60,000 objects made each of the
        cyclic GC's full collections meanwhile longer)."""
        if not pairs:
            return
        left = [len(pairs)]
        done = asyncio.get_running_loop().create_future()
        follows: dict[str, functools.partial] = {}

        def follow(row: MergeRow, sub, _item) -> None:
            try:
                self._settle_row(row, sub)
                self._changed()
            finally:
                left[0] -= 1
                if not left[0] and not done.done():
                    done.set_result(None)

        try:
            for n, (row, sub) in enumerate(pairs):
                if n and not n % FOLLOW_BATCH:  # one that ends meanwhile is called back when registered
                    await asyncio.sleep(0)
                fn = follows[sub.local_id] = functools.partial(follow, row, sub)
                self.outbox.when_final(sub.local_id, fn)
            await done
        except asyncio.CancelledError:
            for local_id, fn in follows.items():
                self.outbox.waiters.forget(local_id, fn)
            raise

    def _settle_row(self, row: MergeRow, sub) -> None:
        """A handed-over row takes the outcome its submission ended in (:func:`row_verdict`)."""
        verdict = row_verdict(sub, listed=self.outbox.subs.get(sub.local_id) is sub)
        if verdict is None:
            return
        row.state, row.error, row.retry = verdict
        if sub.state in (SubState.SENT, SubState.FAILED):  # the server's answer: an earlier fix is spent
            row.fixed = False
        if row.state == RowState.SENT:
            # its draft's saved identity is of no more use (5,000 held for the session after a big merge)
            self.outbox.known.pop(dm.row_local_id(self.merge_id, row.number), None)

    def _drop_failed_submission(self, row: MergeRow) -> None:
        """A refused send of this row stays in the Outbox as failed; Resend replaces it."""
        sub = self.outbox.subs.get(row.sub_id) if row.sub_id else None
        if sub is not None and sub.state == SubState.FAILED:
            try:
                self.outbox.delete(row.sub_id)
            except Exception:  # noqa: BLE001 - it is being retried from the Outbox itself: leave it
                log.info("merge %s: row %d's failed send is busy", self.merge_id[:8], row.number)
        row.sub_id, row.sub = "", None

    async def resume(self) -> None:
        """After a restart: rows that were being created or sent are settled, never sent again blindly.
        A row with a live Outbox submission follows it; the others are looked up by Message-ID."""
        pending = [r for r in self.rows if r.state in (RowState.SAVING, RowState.SENDING)]
        if not pending or self.running:
            return
        self.running = True
        try:
            by_mid = {s.draft.internet_message_id: s for s in self.outbox.subs.values() if s.draft.internet_message_id}
            follow, look = [], []
            for row in pending:
                sub = by_mid.get(dm.row_message_id(self.merge_id, row.number))
                (follow if sub is not None else look).append((row, sub))
            if look:
                try:
                    found = await settle.look_up(self.outbox.client,
                                                 [dm.row_message_id(self.merge_id, r.number) for r, _ in look])
                except Exception as exc:  # noqa: BLE001 - asked again at the next start or Resend
                    log.info("merge %s: look-up failed (%s)", self.merge_id[:8], type(exc).__name__)
                    found = None
                for row, _ in look:
                    if found is None:
                        row.state, row.error, row.retry = RowState.FAILED, "Could not check with the server", True
                        continue
                    verdict, ref = settle.verdict(found.get(dm.row_message_id(self.merge_id, row.number)))
                    if verdict == settle.Verdict.SENT:
                        row.state, row.error = RowState.SENT, ALREADY_SENT
                    elif verdict == settle.Verdict.DRAFT:
                        row.ref = ref
                        row.state, row.error, row.retry = RowState.FAILED, IN_DRAFTS, True
                    else:  # never created (or its save is still queued: Resend finds it by Message-ID)
                        row.state, row.error = RowState.READY, ""
            for row, sub in follow:
                row.state, row.sub_id, row.sub = RowState.SENDING, sub.local_id, sub
            self._changed()
            await self.persist()
            await self._follow_all(follow)
        finally:
            self.running = False
            self._changed()
            await self.persist()

    # ------------------------------------------------------------------ persistence and listeners
    async def persist(self) -> None:
        """Write the run down as it is now: rows taken here, their record made on the merge's thread (in order)."""
        snap = merge_record.snapshot(self)  # the generator in the record runs in the store's save, off the loop
        async with self._lock:
            await in_thread(self.store.save, self.merge_id, merge_record.record(snap))

    def _changed(self) -> None:
        if self.on_change is not None:
            try:
                self.on_change()
            except Exception:  # noqa: BLE001 - a view must not break the run
                log.exception("merge listener failed")


TAKEN_BACK = "Taken back (Undo, or from the Outbox): not sent"


def row_verdict(sub, *, listed: bool) -> tuple[RowState, str, bool] | None:
    """What a row handed to the Outbox shows once its submission ended: ``(state, words, retry)``, derived
    from the submission's state alone (the one table, :mod:`app.core.submission`): a row keeps no lifecycle
    of its own past SENDING. None: it has not ended (``listed``: still in the Outbox). ``retry``: Resend
    sends it as it is (not the message's fault; a refusal of the message itself must be fixed first)."""
    state = sub.state
    if state == SubState.SENT:
        return RowState.SENT, SENT, False
    if state == SubState.FAILED:
        return RowState.FAILED, sub.reason or describe(sub.code or "ErrorNotSent"), sub.kind not in NEEDS_FIX
    if state == SubState.CANCELLED:
        return RowState.FAILED, TAKEN_BACK, True
    if not listed:  # thrown away in the Outbox (DELETING, its delete on disk): not sent
        return RowState.FAILED, DELETED, True
    return None


def _words(exc: BaseException) -> str:
    return describe(getattr(exc, "code", "") or type(exc).__name__, getattr(exc, "message", "") or "")
