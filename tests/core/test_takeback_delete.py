"""Delete in the Outbox: a send stays listed, DELETING, until its delete is on disk. Were it gone from the
queue first and the journal's write then failed, the journal would still hold it as waiting, and the next
start would send a message the user threw away. Real SQLite journal; the fault is the journal's delete
held at a gate on its thread, or failing there as a full disk would."""

from __future__ import annotations

import asyncio
import threading

from app.core.outbox import Outbox
from app.core.outbox.owner import meta_of
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.restore import restore_work
from app.core.outbox.submission import SubState
from app.core.outbox.rows import NOT_DELETED
from app.mail.errors import ConnectionFailed
from app.storage.journal import Journal
from tests.helpers.aio import a_few_turns, until_set
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro


def _gate_discard(journal: Journal, *, fail: bool) -> tuple[threading.Event, threading.Event, list]:
    real = journal.discard
    started, gate, failed = threading.Event(), threading.Event(), []

    def held(local_id):
        started.set()
        assert gate.wait(10), "the test never opened the gate"
        if fail:
            failed.append(local_id)
            raise OSError("disk full")
        return real(local_id)

    journal.discard = held
    return started, gate, failed


async def _delete_a_waiting_send(box: Mailbox, journal: Journal, subject: str, started: threading.Event):
    """An Outbox with one send waiting for its retry (the server was unreachable), then Delete on it, until
    the journal's delete has started. Returns (outbox, submission, the delete's future)."""
    box.script["save"] = [ConnectionFailed()]
    ob = Outbox(box, journal, account="a", policy=RetryPolicy(base=30.0, jitter=0.0))
    sub = await ob.submit(draft_to_bob(subject))
    await ob.wait(sub.local_id, final=False, timeout=5)
    deleting = ob.hand.delete(sub.local_id)
    await until_set(started)
    return ob, sub, deleting


def test_a_deleted_send_is_held_until_its_delete_is_on_disk(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    started, gate, _failed = _gate_discard(journal, fail=False)

    async def main():
        ob, _sub, deleting = await _delete_a_waiting_send(box, journal, "thrown away", started)
        ob.parts.policy = FAST
        ob.hand.kick()  # while the delete is being written
        await asyncio.wait_for(ob.parts.worker.idle(), 10)  # the server is back: the worker ran (it must not pick it up)
        listed = [r.subject for r in ob.rows()]
        gate.set()
        done = await deleting
        await a_few_turns()
        await ob.stop()
        return done, listed, [r.subject for r in ob.rows()]

    done, listed, after = run_coro(main())
    assert listed == ["thrown away"], "gone from the queue before its delete was on disk"
    assert done is True and after == [] and journal.count() == 0
    assert box.sent == [] and box.calls == ["save"], "a message being deleted was sent"


def test_a_delete_the_journal_cannot_record_leaves_the_send_held_and_says_so(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    started, gate, failed = _gate_discard(journal, fail=True)

    async def main():
        ob, sub, deleting = await _delete_a_waiting_send(box, journal, "not deleted", started)
        gate.set()
        done = await deleting
        ob.parts.policy = FAST
        ob.hand.kick()
        await asyncio.wait_for(ob.parts.worker.idle(), 10)  # the server is back: the worker ran (it must not pick it up)
        rows = [(r.subject, r.text) for r in ob.rows()]
        await ob.stop()
        return done, sub, rows

    done, sub, rows = run_coro(main())
    assert failed and done is False
    # still DELETING (a state of the table: never sent), its row saying why
    assert rows == [("not deleted", NOT_DELETED)] and sub.state == SubState.DELETING
    assert box.sent == [] and box.calls == ["save"], "a message the user deleted was sent"
    # the journal still holds it as waiting: the next start lists it again, as the truth is
    subs, _saves, _report = restore_work(journal, "a", FAST, 0.0, meta_of)
    assert [s.draft.subject for s in subs] == ["not deleted"]


def test_a_take_back_and_a_delete_are_on_disk_when_the_app_closes_on_the_same_turn(tmp_path):
    """Enter on one send, Delete on another, and the window closes before the event loop turns again: their
    journal writes were queued at the key press, so closing (which waits for the journal's queue) leaves
    neither waiting to be sent at the next start."""
    path = tmp_path / "j.sqlite3"
    box, journal = Mailbox(), Journal(path)
    box.script["save"] = [ConnectionFailed(), ConnectionFailed()]

    async def main():
        ob = Outbox(box, journal, account="a", policy=RetryPolicy(base=30.0, jitter=0.0))
        back, gone = await ob.submit(draft_to_bob("taken back")), await ob.submit(draft_to_bob("deleted"))
        for sub in (back, gone):
            await ob.wait(sub.local_id, final=False, timeout=5)
        ob.hand.cancel(back.local_id)
        ob.hand.delete(gone.local_id)
        ob.close()  # the loop runs no more for them
        return back, gone

    back, gone = run_coro(main())
    fresh = Journal(path)  # the next start's reader
    entry = fresh.get(back.local_id)
    assert (entry.state, entry.op) == ("editing", "") and fresh.get(gone.local_id) is None
    subs, saves, _report = restore_work(fresh, "a", FAST, 0.0, meta_of)
    assert subs == [] and box.sent == []


def test_remove_from_this_list_takes_only_a_sent_row_and_never_a_waiting_send(tmp_path):
    """Delete on a sent row of the Outbox ("Remove from this list", issue 45): the row goes, nothing else
    changes. A send still waiting is never forgotten this way (it would stay in the journal, unlisted)."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        sent = await ob.submit(draft_to_bob("went out"))
        await ob.wait(sent.local_id, timeout=5)
        box.script["save"] = [ConnectionFailed()]
        ob.parts.policy = RetryPolicy(base=30.0, jitter=0.0)
        waiting = await ob.submit(draft_to_bob("waits"))
        await ob.wait(waiting.local_id, final=False, timeout=5)
        refused = ob.hand.forget(waiting.local_id)
        removed = ob.hand.forget(sent.local_id)
        rows = [r.subject for r in ob.rows()]
        await ob.stop()
        return sent, refused, removed, rows

    sent, refused, removed, rows = run_coro(main())
    assert sent.state == SubState.SENT and [d.subject for d in box.sent] == ["went out"]
    assert (refused, removed) == (False, True)
    assert rows == ["waits"] and journal.count() == 1  # the waiting send is still listed and journaled


def test_delete_again_after_a_delete_the_journal_could_not_record_removes_it(tmp_path):
    """A send whose delete could not be recorded stays DELETING (never sent); Delete again, once the disk has
    room, removes it: deleting --delete--> deleting, its journal entry gone this time."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    real_discard = journal.discard
    started, gate, _failed = _gate_discard(journal, fail=True)

    async def main():
        ob, sub, deleting = await _delete_a_waiting_send(box, journal, "delete me twice", started)
        gate.set()
        first = await deleting
        journal.discard = real_discard  # the disk has room again
        still = (sub.state, [r.text for r in ob.rows()])
        second = await ob.hand.delete(sub.local_id)
        await a_few_turns()
        await ob.stop()
        return first, still, second, ob.rows()

    first, still, second, rows = run_coro(main())
    assert first is False and still == (SubState.DELETING, [NOT_DELETED])
    assert second is True and rows == [] and journal.count() == 0
    assert box.sent == [] and box.calls == ["save"], "a message the user deleted was sent"
