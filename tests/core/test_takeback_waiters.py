"""Whoever waits for a piece of queued work is told when the user takes it out of the queue.

The window's "save the previous message to Drafts" (Ctrl+N over an edited message) waits for its save's
first attempt; were the save taken back (Outbox: Edit) or deleted (Outbox: Delete) before that attempt,
nothing told the waiter: the task waited for ever and the window said "Saving the previous message…"
until it was closed. The walk with faults in tests/ui/test_keyboard_monkey.py found it (seed 14 on EWS).
Real SQLite journal; the worker is kept busy by the first save, held at a gate in the stand-in mailbox."""

from __future__ import annotations

import asyncio
import logging

import pytest

from app.core.outbox import Outbox
from app.core.outbox.submission import SubState
from app.storage.journal import Journal
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro


class GatedMailbox(Mailbox):
    """The first save waits for ``gate``: meanwhile the worker is busy and other work waits its turn."""

    def __init__(self):
        super().__init__()
        self.gate = asyncio.Event()
        self.first = True

    async def save_draft(self, draft):
        if self.first:
            self.first = False
            await self.gate.wait()
        return await super().save_draft(draft)


async def _busy_outbox(box: GatedMailbox, journal: Journal) -> Outbox:
    ob = Outbox(box, journal, account="a", policy=FAST)
    await ob.save(draft_to_bob("keeps the worker busy"), wait=False)
    for _ in range(100):
        if ob.queue.working:
            return ob
        await asyncio.sleep(0.01)
    raise AssertionError("the worker never took the first save")


@pytest.mark.parametrize("how", ["cancel", "delete"])
def test_a_save_taken_out_of_the_queue_ends_its_waiters(tmp_path, how):
    box, journal = GatedMailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = await _busy_outbox(box, journal)
        draft = draft_to_bob("taken back")
        waiting = asyncio.ensure_future(ob.save(draft))  # as the window's stash does
        for _ in range(100):
            if draft.local_id in ob.queue.saves:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        assert not waiting.done(), "the save's attempt has not started: its waiter must still be waiting"
        await getattr(ob.hand, how)(draft.local_id)
        try:
            job = await asyncio.wait_for(asyncio.shield(waiting), 2)
        except asyncio.TimeoutError:
            job = None
        box.gate.set()
        await ob.waits.drain(5) if job is not None else None
        await ob.stop()
        waiting.cancel()
        return job

    job = run_coro(main())
    assert job is not None, f"after {how}, the save's waiter waited for ever"
    assert job.saved is None, "a save taken out of the queue was not saved"
    assert [d.subject for d in box.drafts.values()] == ["keeps the worker busy"]


def test_a_deleted_send_ends_its_waiters(tmp_path):
    box, journal = GatedMailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = await _busy_outbox(box, journal)
        sub = await ob.submit(draft_to_bob("thrown away"))
        waiting = asyncio.ensure_future(ob.wait(sub.local_id))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        assert await ob.hand.delete(sub.local_id) is True
        try:
            item = await asyncio.wait_for(asyncio.shield(waiting), 2)
        except asyncio.TimeoutError:
            item = None
        box.gate.set()
        await ob.stop()
        waiting.cancel()
        return item

    item = run_coro(main())
    assert item is not None, "after Delete, the send's waiter waited for ever"
    assert box.sent == []


class TwoGates(Mailbox):
    """Saves of the subjects given wait at their own gate; ``entered`` says when each arrived there."""

    def __init__(self, *held: str):
        super().__init__()
        self.gates = {s: asyncio.Event() for s in held}
        self.entered = {s: asyncio.Event() for s in held}

    async def save_draft(self, draft):
        if draft.subject in self.gates:
            self.entered[draft.subject].set()
            await self.gates[draft.subject].wait()
        return await super().save_draft(draft)


@pytest.mark.parametrize("how", ["cancel", "delete"])
def test_a_send_taken_out_while_the_worker_saves_never_goes(tmp_path, caplog, how):
    """The worker picks what is due (saves, look-ups, sends) and then saves first: a send it picked can be
    taken back (Enter in the Outbox, Undo) or thrown away (Delete) while that save waits for the server.
    It then went ahead with the send it had picked: a deleted message (held until its delete is on disk,
    still queued) went out although the user threw it away; a cancelled one stopped the whole step with an
    IllegalTransition ("start is not allowed in state cancelled"), logged as a failed step, the sends picked
    with it left for a later pass. The walk across a restart in tests/ui/test_keyboard_monkey.py met the
    second (Graph, walk 5)."""
    box, journal = TwoGates("first", "second"), Journal(tmp_path / "j.sqlite3")
    caplog.set_level(logging.WARNING)

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        await ob.save(draft_to_bob("first"), wait=False)
        await asyncio.wait_for(box.entered["first"].wait(), 5)  # the worker is busy: the rest waits its turn
        await ob.save(draft_to_bob("second"), wait=False)
        gone = await ob.submit(draft_to_bob("taken out"))
        kept = await ob.submit(draft_to_bob("kept"))
        box.gates["first"].set()
        # the worker's next pass: the save of "second" first, with both sends picked
        await asyncio.wait_for(box.entered["second"].wait(), 5)
        assert {gone.local_id, kept.local_id} <= set(ob.queue.subs) and not ob.queue.working & {gone.local_id, kept.local_id}
        await getattr(ob.hand, how)(gone.local_id)
        box.gates["second"].set()
        await ob.waits.drain(5)
        await ob.stop()
        return kept

    kept = run_coro(main())
    assert [d.subject for d in box.sent] == ["kept"], "only the send not taken out goes, once"
    assert kept.state == SubState.SENT
    # the app's records (a pending task of an earlier test's closed loop may be collected meanwhile)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR and r.name.startswith("app")], \
        [r.getMessage() for r in caplog.records]
    assert journal.get(kept.local_id) is None


def test_a_send_picked_but_not_started_can_be_taken_back_and_is_never_sent(tmp_path):
    """The worker picks two sends for ONE request and starts them one after another (each ``start`` on disk
    first). The second is still ``queued`` while the first's ``start`` is written: not in flight (derived from
    its state, issue 47), so the user may take it back; the worker then skips it and sends the first alone.
    (With a ``working`` set it was refused as if on the wire; a worker that did not look again at each one's
    turn would start a cancelled send and stop on the table's IllegalTransition, the first stuck in saving.)"""
    import threading

    from tests.helpers.submission import saved_summaries

    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    journal_busy = threading.Event()

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        items = await saved_summaries(box, 2)
        box.calls.clear()
        first, second = await ob.submit_saved(items)
        ob.parts.write.submit(journal_busy.wait, 30)  # the first's ``start`` waits behind this on the journal's thread
        for _ in range(1000):
            if first.state == SubState.SAVING:
                break
            await asyncio.sleep(0)
        assert first.state == SubState.SAVING and second.state == SubState.QUEUED
        assert not ob.queue.in_flight(second.local_id)
        taken_back = ob.hand.cancel(second.local_id)
        journal_busy.set()
        assert await asyncio.wait_for(taken_back, 5) is None  # a draft of the server: it stays in Drafts
        done = await ob.wait(first.local_id, timeout=5)
        await ob.stop()
        return done, second

    done, second = run_coro(main())
    assert done.state == SubState.SENT and second.state == SubState.CANCELLED
    assert [d.subject for d in box.sent] == ["Batch 0"] and box.calls.count("send") == 1
    assert journal.get(second.local_id) is None
