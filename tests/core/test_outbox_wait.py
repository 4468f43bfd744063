"""``Outbox.wait()`` returns on a state only once that state is on disk.

The Outbox sets a submission's state in memory, then writes it on the journal thread. A clean-clone CI
run failed once (``test_hold_kill``): ``wait()`` returned on SENT as soon as it was set, the test stopped
the queue and read the journal, and the sent message was still listed there (its ``confirm_sent`` had
not run yet). A caller that waits for a send and then quits or reads the journal must see what the
Outbox saw. Here the journal's write is held at a gate on the journal thread: a real SQLite journal,
the fault being only the delay."""

from __future__ import annotations

import asyncio
import threading

import pytest

from app.core.outbox import Outbox
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.saves import SaveStatus
from app.core.outbox.submission import SubState
from app.mail.errors import ConnectionFailed, ErrorKind, MailError
from app.storage.journal import Journal
from tests.helpers.aio import a_few_turns, until_set
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro


def _gate(journal: Journal, name: str) -> tuple[threading.Event, threading.Event]:
    """Hold ``journal.<name>`` on the journal thread until the gate opens; ``started`` fires when held."""
    started, gate = threading.Event(), threading.Event()
    real = getattr(journal, name)

    def held(*a, **kw):
        started.set()
        assert gate.wait(10), "the test never opened the gate"
        return real(*a, **kw)

    setattr(journal, name, held)
    return started, gate


def _hold_failure_writes(journal: Journal, *, fail: bool) -> tuple[threading.Event, threading.Event, list]:
    """Hold the journal's write of a failed save (``set_state`` with an error) at a gate; with ``fail``,
    the write then fails as a full disk would. Returns (started, gate, the writes that failed)."""
    real = journal.set_state
    started, gate, failed = threading.Event(), threading.Event(), []

    def held(local_id, state, **kw):
        if not kw.get("error"):
            return real(local_id, state, **kw)
        started.set()
        assert gate.wait(10), "the test never opened the gate"
        if fail:
            failed.append(local_id)
            raise OSError("disk full")
        return real(local_id, state, **kw)

    journal.set_state = held
    return started, gate, failed


async def _wait_across(ob: Outbox, local_id: str, started: threading.Event, gate: threading.Event):
    """wait() called while the held write is under way: (whether it returned before the gate opened, what
    it returned)."""
    await until_set(started)
    waiting = asyncio.ensure_future(ob.wait(local_id, timeout=10))
    await a_few_turns()
    early = waiting.done()
    gate.set()
    return early, await waiting


def test_wait_on_a_sent_message_returns_after_it_left_the_journal(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    started, gate = _gate(journal, "confirm_sent")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("sent"))
        await until_set(started)  # the server took it; the journal's write of that is held
        assert sub.state == SubState.SENT  # in memory already
        early, got = await _wait_across(ob, sub.local_id, started, gate)
        in_journal = [e.draft.subject for e in journal.entries()]
        await ob.stop()
        return early, got, in_journal

    early, got, in_journal = run_coro(main())
    assert not early, "wait() returned before SENT was on disk"
    assert got.state == SubState.SENT and in_journal == []


@pytest.mark.parametrize("fail", [False, True], ids=["written", "the write fails"])
def test_wait_on_a_failed_save_returns_once_its_state_is_written(tmp_path, fail):
    """A refused save: wait() returns once the journal has its state. When the journal cannot write it
    (disk full), the waiter is not left hanging on a state the item already has either, and a later
    wait() returns at once."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    box.script["save"] = [MailError("ErrorQuotaExceeded", "refused", kind=ErrorKind.PERMANENT)]
    started, gate, failed = _hold_failure_writes(journal, fail=fail)

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = draft_to_bob("refused")
        await ob.save(d, wait=False)
        early, job = await _wait_across(ob, d.local_id, started, gate)
        again = await ob.wait(d.local_id, timeout=5)
        entry = journal.get(d.local_id)
        await ob.stop()
        return early, job, again, entry

    early, job, again, entry = run_coro(main())
    assert not early, "wait() returned before the failed save's write ended"
    assert job.status == SaveStatus.FAILED and again is job
    if fail:
        assert failed, "the failing write never ran"
    else:
        assert entry.last_error == job.reason != ""


def test_a_take_back_is_decided_at_once_while_the_journal_is_busy(tmp_path):
    """Enter in the Outbox while the journal's thread is held by another write (a 10 MB autosave): the send
    leaves the queue on the spot, so the worker can never pick it up; the message comes back once the
    journal has it as the user's again, and a waiter returns only then."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    box.script["save"] = [ConnectionFailed()]  # unreachable: it waits in the queue (next try in 30 s)
    started, gate = _gate(journal, "has")

    async def main():
        ob = Outbox(box, journal, account="a", policy=RetryPolicy(base=30.0, jitter=0.0))
        d = draft_to_bob("take me back")
        sub = await ob.submit(d)
        sub = await ob.wait(sub.local_id, final=False, timeout=5)  # waits for its retry
        busy = ob.parts.write.submit(journal.has, d.local_id)  # the journal's thread is busy, held at the gate
        await until_set(started)
        waiting = asyncio.ensure_future(ob.wait(d.local_id, timeout=10))  # e.g. the send's own window
        await a_few_turns()
        taking = ob.hand.cancel(d.local_id)
        gone_at_once = (d.local_id not in ob.queue.subs, [r.local_id for r in ob.rows()])
        ob.hand.kick()
        await a_few_turns()
        early = (taking.done(), waiting.done())
        gate.set()
        back = await taking
        await waiting
        busy.result()
        await ob.stop()
        return sub, gone_at_once, early, back

    sub, gone_at_once, early, back = run_coro(main())
    assert gone_at_once == (True, [])
    assert early == (False, False), "the take-back ended before the journal had it"
    assert sub.state == SubState.CANCELLED and box.sent == [] and box.calls == ["save"]
    assert back.subject == "take me back" and back.local_id == sub.local_id
    entry = journal.get(back.local_id)
    assert (entry.state, entry.op) == ("editing", "")


def test_when_final_calls_back_once_the_state_is_on_disk_and_forget_takes_it_back(tmp_path):
    """``when_final`` is how a mail merge follows thousands of sends without a task each (issue 16): the
    callback runs as ``wait()`` would return, once SENT is on disk, once; a forgotten one never runs; one
    asked after the end runs at once."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    started, gate = _gate(journal, "confirm_sent")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("sent"))
        calls, during, forgotten, late = [], [], [], []
        ob.waits.when_final(sub.local_id, calls.append)
        ob.waits.when_final(sub.local_id, forgotten.append)
        ob.waits.unfollow(sub.local_id, forgotten.append)
        await until_set(started)  # SENT in memory; its write is held
        ob.waits.when_final(sub.local_id, during.append)
        await a_few_turns()
        early = calls + during
        gate.set()
        for _ in range(500):
            if calls and during:
                break
            await asyncio.sleep(0.01)
        await a_few_turns()
        ob.waits.when_final(sub.local_id, late.append)
        await ob.stop()
        return sub, early, calls + during, forgotten, late

    sub, early, calls, forgotten, late = run_coro(main())
    assert early == [], "called back before SENT was on disk"
    assert calls == [sub, sub] and sub.state == SubState.SENT
    assert forgotten == [] and late == [sub]
