"""A mail merge run: one draft per row of the table on the server, then ALL of them in ONE send request
through the Outbox (:meth:`app.core.outbox.Outbox.submit_saved`), each row's outcome kept with the row.

Nothing is created twice and nothing is sent twice:

- every row's message has an identity derived from (merge id, row number) (:mod:`app.domain.merge`):
  its local id (the Outbox's save job, journaled) and its Internet Message-ID. Before a row's draft is
  created, its Message-ID is looked up in Drafts and Sent Items (one look-up for all the rows): a draft
  found there is reused, a message found in Sent Items is marked sent and never sent again;
- the run is written down (:mod:`app.storage.merges`) before each step: rows taken into a send, rows
  handed to the Outbox (each with its submission's local id);
- a row the server refused stays in Drafts; once the user has fixed it (:meth:`MergeRun.edit`), Resend
  saves the fixed message over that same draft (same Message-ID) and sends only the rows that are not sent.

The drafts are written by the Outbox's save path (journaled, retried, adopted by Message-ID after a lost
answer), so the merge has no server calls of its own but the look-up. No Qt: a run's :attr:`~MergeRun.news`
publishes :class:`app.domain.events.MergeProgress` as it moves on and :class:`app.domain.events.MergeHeld` when its
sends wait in the undo-send window.

A row stores what only the row knows; what it SHOWS is derived from its submission:
:mod:`app.core.merge.rows` (:func:`~app.core.merge.rows.row_view`). The send's lifecycle is the one
table's (:mod:`app.core.outbox.submission`), never a second one here. After a restart the Outbox restores and
settles the rows' submissions itself; :meth:`MergeRun.resume` only follows them, and looks up by Message-ID
just the rows whose submission is gone from the Outbox without its end known here (:meth:`MergeRun._settle_gone`).
A row that was being created when the app died has no submission: it is READY, and the next Resend's
look-up (:meth:`MergeRun._look_up`, the one place) finds its draft, or finds it sent.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
import uuid
from collections import Counter
from typing import Callable

from app.core.merge import record as merge_record
from app.core.outbox import settle
from app.core.outbox import holds
from app.core.merge.pool import in_thread
from app.core.merge.rows import (  # noqa: F401 - the row's words and states, read through this module too
    ALREADY_SENT, DELETED, FOUND_SENT, IN_DRAFTS, NEEDS_FIX, NOT_CHECKED, NOT_CREATED, SENT, TAKEN_BACK, MergeRow,
    RowState, row_from_record, row_verdict, row_view)
from app.core.sending.limited import too_many_words
from app.core.merge.send import submit_held
from app.core.sending.limits import Plan, RecipientLedger, plan_batch
from app.core.outbox.saves import SaveStatus
from app.core.outbox.submission import SubState
from app.domain import merge as dm
from app.domain.events import Hub, MergeHeld, MergeProgress
from app.domain.explain import describe
from app.domain.models import Draft, MessageSummary
from app.domain.words import translate
from app.domain.validation import DEFAULT_MAX_SEND_BYTES, format_recipients
from app.storage.merges import MergeStore, template_from_dict, template_to_dict

log = logging.getLogger(__name__)
FOLLOW_BATCH = 500  # rows whose follower is registered (or made into the send's list) per event-loop turn
_PROGRESS = MergeProgress()  # the one event of its kind (it has no facts): told once per row as rows end


class MergeRun:
    """One merge: its table, template and rows. Build with :meth:`create` or :meth:`load`."""

    def __init__(self, outbox, store: MergeStore, data: dict, *, max_send_bytes: int = DEFAULT_MAX_SEND_BYTES):
        self.outbox, self.store = outbox, store
        self.max_send_bytes = max_send_bytes
        self.news = Hub(MergeProgress, MergeHeld)  # what the run tells as it goes (typed events)
        self.merge_id: str = data["merge_id"]
        self.account: str = data.get("account", "")
        self.created: float = float(data.get("created", 0))
        self.header: tuple[str, ...] = tuple(data["header"])
        self.recipient_col: int = int(data["recipient_col"])
        self.template: Draft = template_from_dict(data["template"])
        self.template_record: dict = data["template"]  # the template's stored form: written with each record
        self.problems: dict[int, str] = {int(k): v for k, v in (data.get("problems") or {}).items()}
        listing = outbox.queue.subs if outbox is not None else {}  # (a run shown without an Outbox: none listed)
        self.rows: list[MergeRow] = [row_from_record(r, listing) for r in data["rows"]]
        self._lock = asyncio.Lock()
        self.running = False
        self.hold_for = None  # during a send: gives the undo-send hold of its sends (app.core.merge.send)
        # the account's sending limits (app.core.sending.limits; None: none known) and today's count of its
        # sent recipients (a callable giving a RecipientLedger), set by whoever runs the merge
        self.send_limits, self.sent_ledger = None, RecipientLedger
        self.wall = time.time

    # ------------------------------------------------------------------ building
    @classmethod
    def create(cls, outbox, store: MergeStore, template: Draft, table: dm.Table, recipient_col: int, *,
               account: str = "", max_send_bytes: int = DEFAULT_MAX_SEND_BYTES) -> "MergeRun":
        """A new merge of ``table`` into ``template``; every row checked (nothing is written yet)."""
        data = {"merge_id": uuid.uuid4().hex, "account": account, "created": time.time(), "header": list(table.header),
                "recipient_col": recipient_col, "template": template_to_dict(template.copy(to=[], ref=None)),
                "problems": {str(i + 1): p for i, p in table.problems.items()},
                "rows": [{"n": i + 1, "line": line, "values": list(vals)}
                         for i, (vals, line) in enumerate(zip(table.rows, table.lines))]}
        run = cls(outbox, store, data, max_send_bytes=max_send_bytes)
        for row in run.rows:
            msg = row.built = run.message(row)
            row.invalid = msg.error if msg.draft is None else ""
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
            run = cls(outbox, store, data, **kw)
        except (KeyError, ValueError, TypeError):
            log.warning("merge %s: unreadable record", merge_id[:8])
            return None
        run._attach()
        return run

    def to_dict(self) -> dict:
        return merge_record.record_dict(merge_record.snapshot(self))

    # ------------------------------------------------------------------ reading
    def plan(self, rows: list[MergeRow]) -> Plan | None:
        """What sending ``rows`` now would meet of the account's sending limits (None: none known)."""
        if self.send_limits is None:
            return None
        counts = []
        for row in rows:
            m = self.message(row)
            counts.append(len(m.draft.all_recipients()) if m.draft is not None else 1)
        return plan_batch(counts, self.sent_ledger(), self.send_limits, self.wall())

    def message(self, row: MergeRow) -> dm.RowMessage:
        return dm.build_message(self.template, self.header, row.values, self.recipient_col, merge_id=self.merge_id,
                                number=row.number, max_send_bytes=self.max_send_bytes,
                                problem=self.problems.get(row.number, ""))

    def preview(self, n: int = 3) -> list[tuple[MergeRow, dm.RowMessage]]:
        return [(r, self.message(r)) for r in self.rows[:n]]

    def row(self, number: int) -> MergeRow:
        return self.rows[number - 1]

    def outcome(self, row: MergeRow) -> str:
        """The row's outcome in words (the results table's last column), from :func:`row_view`."""
        state, words, _retry = row_view(row)
        if state == RowState.SAVING:
            return translate("MergeRow", "Creating its draft…")
        if state == RowState.SENDING:
            sub = row.live()
            if sub is not None and sub.reason and sub.state != SubState.SUBMITTING:
                return translate("MergeRow", "Waiting in the Outbox: {reason}").format(reason=sub.reason)
            return translate("MergeRow", "Sending…")
        if state == RowState.READY:
            if row.fixed:
                return translate("MergeRow", "Fixed: Resend (Ctrl+R) sends it")
            return translate("MergeRow", "Ready to send")
        return words

    def counts(self) -> dict[str, int]:
        """Rows in each state, by the state's value."""
        tally = Counter(row_view(r)[0] for r in self.rows)
        return {s.value: tally.get(s, 0) for s in RowState}

    def to_send(self) -> list[MergeRow]:
        """The rows the next Create and send / Resend takes: never a sent one."""
        return [r for r in self.rows if _sendable(row_view(r))]

    @property
    def finished(self) -> bool:
        views = [row_view(r) for r in self.rows]
        return not any(_sendable(v) or v[0] in (RowState.SAVING, RowState.SENDING) for v in views)

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
        row.fixed, row.not_sent = True, ""
        row.invalid = msg.error if msg.draft is None else ""
        self._changed()
        return row

    # ------------------------------------------------------------------ running
    async def send(self, hold_for: Callable[[], object] | None = None) -> None:
        """Create the drafts of every row :meth:`to_send` takes, then send them all in ONE request, held in the
        undo-send window when ``hold_for()`` (asked as they are handed over) gives a hold
        (:func:`app.core.outbox.holds.undo_hold`; None: sent at once)."""
        if self.running:
            return
        self.running, self.hold_for = True, hold_for
        try:
            await self._send(self.to_send())
        finally:
            self.running, self.hold_for = False, None
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
        ready, heads = await self._create(built) if built else ([], {})
        if not ready:
            return []
        return await self._hand_over(ready, heads)

    async def _create(self, built: list[tuple[MergeRow, Draft]]) -> tuple[list[MergeRow], dict]:
        """The rows' drafts in Drafts (none of a row found in Sent Items): the rows whose draft is there, and
        what the send's list shows of each. The others end this run FAILED with why (Resend takes them)."""
        try:
            found = await self._look_up(built)
        except Exception as exc:  # noqa: BLE001 - nothing created: the rows wait for the next Resend
            self._not_sent([row for row, _ in built], _words(exc))
            return [], {}
        jobs, heads = await self._queue_saves(built, found)
        return await self._saved_rows(jobs), heads

    async def _start_saving(self, rows: list[MergeRow]) -> list[tuple[MergeRow, Draft]]:
        """Each row whose message can be sent is being created (its earlier send, refused or taken back,
        dropped); the others are INVALID with why. Returns the rows to create, each with its draft."""
        messages = await self._messages_of(rows)
        built: list[tuple[MergeRow, Draft]] = []
        for n, (row, msg) in enumerate(zip(rows, messages)):
            if n and not n % FOLLOW_BATCH:  # 5,000 in the turn the results appear in: ~10 ms more of it
                await asyncio.sleep(0)  # (no row can change meanwhile: the run is running)
            row.fixed, row.not_sent = False, ""
            if msg.draft is None:
                row.invalid = msg.error
                continue
            self._drop_submission(row)
            row.creating = True
            built.append((row, msg.draft))
        self._changed()
        return built

    async def _look_up(self, built: list[tuple[MergeRow, Draft]]) -> dict:
        """What the server has already of these rows (a run that stopped half way, a draft refused before),
        by Message-ID, once a save the Outbox restored after a restart ended (or rests). Raises the
        backend's error when the look-up fails."""
        saves = self.outbox.queue.saves
        for _row, draft in built:
            if draft.local_id in saves:  # (5,000 awaits of nothing held the UI thread ~10 ms)
                await self._quiet(draft.local_id)
        return await settle.look_up(self.outbox.parts.client, [d.internet_message_id for _, d in built])

    async def _queue_saves(self, built: list[tuple[MergeRow, Draft]], found: dict):
        """A row found in Sent Items is SENT (never sent again); each other row's draft is queued for saving
        through the Outbox, over its draft when the server or the Outbox knows it. Returns the save jobs (with
        their rows) and what the send's list shows of each row's message."""
        jobs: list = []
        heads: dict[int, tuple[str, str, bool, str]] = {}
        for row, draft in built:
            verdict, ref = settle.verdict(found.get(draft.internet_message_id))
            if verdict == settle.Verdict.SENT:
                row.end, row.creating = FOUND_SENT, False
                continue
            draft = await self._over_known(draft, ref)
            heads[row.number] = (draft.subject, format_recipients(draft.to), bool(draft.attachments),
                                 draft.internet_message_id)
            jobs.append((row, await self.outbox.save(draft, wait=False)))
        self._changed()
        return jobs, heads

    async def _over_known(self, draft: Draft, ref) -> Draft:
        """The row's draft, to be saved over its copy on the server when the server or the Outbox knows it
        (else created: no copy of 5,000 drafts), once no save of it is on the wire."""
        if draft.local_id in self.outbox.queue.saves:
            await self._quiet(draft.local_id)
        known = self.outbox.queue.known.get(draft.local_id)
        ref = ref or (known[0] if known else None)
        return draft.copy(ref=ref) if ref is not None else draft

    async def _saved_rows(self, jobs: list) -> list[MergeRow]:
        """Until each save's first attempt ended: the rows whose draft is in Drafts (its ref kept); the
        others not sent with why (Resend tries them again)."""
        ready = []
        for row, job in jobs:
            await self.outbox.wait(job.local_id, final=False)
            if job.status == SaveStatus.DONE and job.saved is not None and job.saved.ref is not None:
                row.ref = job.saved.ref
                ready.append(row)
            elif not job.final and self.outbox.queue.saves.get(job.local_id) is not job:  # the user deleted it
                self._not_sent([row], NOT_CREATED)
            else:
                self._not_sent([row], translate("MergeRow", "Not created: {reason}").format(
                    reason=job.reason or translate("MergeRow", "the server did not answer")))
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
        plan = self.plan(ready)  # the account's sending limits: what does not fit waits, held, in the Outbox
        try:
            subs = await submit_held(self, items, plan)  # ONE request (chunked only where the server limits it)
        finally:
            for row in ready:
                row.creating = False
        for row, sub in zip(ready, subs):
            if sub is None:  # more recipients than one message may have: not handed over
                self._not_sent([row], too_many_words(plan))
                continue
            row.sub_id, row.sub = sub.local_id, sub
        await self.persist()
        self.running = False  # the Outbox has them: other rows can be fixed and resent meanwhile
        self._changed()
        # followed to their end now: not those kept in the Outbox for another day (they go while Dispatch runs)
        return [(row, sub) for row, sub in zip(ready, subs) if sub is not None and sub.hold_kind != holds.LATER]

    def _not_sent(self, rows: list[MergeRow], why: str) -> None:
        """These rows' drafts were not created this time: they say why, and Resend takes them."""
        for row in rows:
            row.creating, row.not_sent = False, why

    async def _quiet(self, local_id: str) -> None:
        """Until no save of this row is on the wire. A save queued while one is in flight could otherwise
        miss the identity that one brings back (it ends during our journal write) and create a second draft."""
        for _ in range(100):
            job = self.outbox.queue.saves.get(local_id)
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
                self._ended(row, sub)
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
                self.outbox.waits.when_final(sub.local_id, fn)
            await done
        except asyncio.CancelledError:
            for local_id, fn in follows.items():
                self.outbox.waits.unfollow(local_id, fn)
            raise

    def _ended(self, row: MergeRow, _sub) -> None:
        """A handed-over row's submission ended (or left the Outbox): what the row shows follows from it
        (:func:`row_view`); a sent row's saved identity is of no more use (5,000 held for the session)."""
        if row_view(row)[0] == RowState.SENT:
            self.outbox.hand.forget_identity(dm.row_local_id(self.merge_id, row.number))

    def _drop_submission(self, row: MergeRow) -> None:
        """A row taken into a new send lets its earlier one go: a refused send of it stays in the Outbox as
        failed until here (Resend replaces it); one taken back or thrown away is gone already."""
        sub = row.live()
        if sub is not None and sub.state == SubState.FAILED and self.outbox.queue.subs.get(row.sub_id) is sub:
            try:
                self.outbox.hand.delete(row.sub_id)
            except Exception:  # noqa: BLE001 - it is being retried from the Outbox itself: leave it
                log.info("merge %s: row %d's failed send is busy", self.merge_id[:8], row.number)
        row.sub_id, row.sub, row.end = "", None, None

    # ------------------------------------------------------------------ after a restart
    def _attach(self) -> tuple[list[tuple[MergeRow, object]], list[MergeRow]]:
        """Each row with no end known meets its submission in the Outbox, by its local id, or by its
        Message-ID when the app died before the run wrote its local id down. Returns the rows to follow
        (with their submissions) and the rows whose submission is gone from the Outbox, its end unknown."""
        subs = self.outbox.queue.subs.values() if self.outbox is not None else ()
        by_mid = {s.draft.internet_message_id: s for s in subs if s.draft.internet_message_id}
        follow, gone = [], []
        for row in self.rows:
            if row.end is not None or row.invalid:
                continue
            sub = row.live() or (None if row.sub_id else by_mid.get(dm.row_message_id(self.merge_id, row.number)))
            if sub is not None:
                row.sub_id, row.sub = sub.local_id, sub
                follow.append((row, sub))
            elif row.sub_id:
                gone.append(row)
        return follow, gone

    async def resume(self) -> None:
        """After a restart: each row whose send was under way follows its submission, which the Outbox
        restored and settles itself; only a row whose submission is gone from the Outbox (sent, or dropped
        from its undo window) without its end known here is looked up (:meth:`_settle_gone`)."""
        if self.running:
            return
        follow, gone = self._attach()
        if not follow and not gone:
            return
        self.running = True
        try:
            if gone:
                await self._settle_gone(gone)
            self._changed()
            await self.persist()
            await self._follow_all(follow)
        finally:
            self.running = False
            self._changed()
            await self.persist()

    async def _settle_gone(self, rows: list[MergeRow]) -> None:
        """Rows whose submission left the Outbox while the run did not hear how it ended: by Message-ID,
        found in Sent Items is sent; otherwise nothing of it is under way (its draft kept if in Drafts)."""
        try:
            found = await settle.look_up(self.outbox.parts.client, [dm.row_message_id(self.merge_id, r.number)
                                                              for r in rows])
        except Exception as exc:  # noqa: BLE001 - asked again at the next Resend
            log.info("merge %s: look-up failed (%s)", self.merge_id[:8], type(exc).__name__)
            found = None
        for row in rows:
            row.sub_id, row.sub = "", None
            if found is None:
                row.not_sent = NOT_CHECKED
                continue
            verdict, ref = settle.verdict(found.get(dm.row_message_id(self.merge_id, row.number)))
            if verdict == settle.Verdict.SENT:
                row.end = FOUND_SENT
            elif verdict == settle.Verdict.DRAFT:
                row.ref, row.not_sent = ref, IN_DRAFTS

    # ------------------------------------------------------------------ persistence and listeners
    async def persist(self) -> None:
        """Write the run down as it is now: rows taken here, their record made on the merge's thread (in order)."""
        snap = merge_record.snapshot(self)  # the generator in the record runs in the store's save, off the loop
        async with self._lock:
            await in_thread(self.store.save, self.merge_id, merge_record.record(snap))

    def _changed(self) -> None:
        self.news.publish(_PROGRESS)  # a listener that fails is logged: a view must not break the run

    def held(self, subs: list) -> None:
        """These sends of the run wait HELD in the undo-send window (:func:`app.core.merge.send.submit_held`)."""
        self.news.publish(MergeHeld(tuple(subs)))


def _sendable(view) -> bool:
    """The next Create and send / Resend takes the row: ready, or not sent for a reason Resend overcomes."""
    return view[0] == RowState.READY or (view[0] == RowState.FAILED and view[2])


def _words(exc: BaseException) -> str:
    return describe(getattr(exc, "code", "") or type(exc).__name__, getattr(exc, "message", "") or "")
