"""Whoever waits for a piece of queued work is told when the user takes it out of the queue.

The window's "save the previous message to Drafts" (Ctrl+N over an edited message) waits for its save's
first attempt; were the save taken back (Outbox: Edit) or deleted (Outbox: Delete) before that attempt,
nothing told the waiter: the task waited for ever and the window said "Saving the previous message…"
until it was closed. The walk with faults in tests/ui/test_keyboard_monkey.py found it (seed 14 on EWS).
Real SQLite journal; the worker is kept busy by the first save, held at a gate in the stand-in mailbox."""

from __future__ import annotations

import asyncio

import pytest

from app.core.outbox import Outbox
from app.storage.journal import Journal
from tests.core.test_submission import FAST, Mailbox, _draft, _run


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
    await ob.queue_save(_draft("keeps the worker busy"))
    for _ in range(100):
        if ob.working:
            return ob
        await asyncio.sleep(0.01)
    raise AssertionError("the worker never took the first save")


@pytest.mark.parametrize("how", ["cancel", "delete"])
def test_a_save_taken_out_of_the_queue_ends_its_waiters(tmp_path, how):
    box, journal = GatedMailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = await _busy_outbox(box, journal)
        draft = _draft("taken back")
        waiting = asyncio.ensure_future(ob.save(draft))  # as the window's stash does
        for _ in range(100):
            if draft.local_id in ob.saves:
                break
            await asyncio.sleep(0.01)
        await asyncio.sleep(0.05)
        assert not waiting.done(), "the save's attempt has not started: its waiter must still be waiting"
        await getattr(ob, how)(draft.local_id)
        try:
            job = await asyncio.wait_for(asyncio.shield(waiting), 2)
        except asyncio.TimeoutError:
            job = None
        box.gate.set()
        await ob.drain(5) if job is not None else None
        await ob.stop()
        waiting.cancel()
        return job

    job = _run(main())
    assert job is not None, f"after {how}, the save's waiter waited for ever"
    assert job.saved is None, "a save taken out of the queue was not saved"
    assert [d.subject for d in box.drafts.values()] == ["keeps the worker busy"]


def test_a_deleted_send_ends_its_waiters(tmp_path):
    box, journal = GatedMailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = await _busy_outbox(box, journal)
        sub = await ob.submit(_draft("thrown away"))
        waiting = asyncio.ensure_future(ob.wait(sub.local_id))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        assert await ob.delete(sub.local_id) is True
        try:
            item = await asyncio.wait_for(asyncio.shield(waiting), 2)
        except asyncio.TimeoutError:
            item = None
        box.gate.set()
        await ob.stop()
        waiting.cancel()
        return item

    item = _run(main())
    assert item is not None, "after Delete, the send's waiter waited for ever"
    assert box.sent == []
