"""The send queue reads a journalled message on the journal thread, never on the event loop's (the UI's)
thread (issue 16): the entry holds the whole body, and reading a 10 MB one (SQLite's copy, ``json.loads``)
cost the UI thread ~16 ms at every save, plus a wait for the journal's lock while a 10 MB autosave was
being written (100-200 ms)."""

from __future__ import annotations

import asyncio
import threading

from app.core.outbox import Outbox
from app.storage.journal import Journal
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro


def _spy_gets(journal: Journal, gate: threading.Event | None = None) -> list[str]:
    threads: list[str] = []
    real = journal.get

    def get(local_id, **kw):
        threads.append(threading.current_thread().name)
        if gate is not None and threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return real(local_id, **kw)
    journal.get = get
    return threads


def test_a_save_reads_the_message_on_the_journal_thread(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    threads = _spy_gets(journal)
    body = "a long body, line after line\n" * 5000

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = draft_to_bob("big")
        d.body = body
        job = await ob.save(d)
        await ob.waits.drain(10)
        await ob.stop()
        return job

    job = run_coro(main())
    assert job.saved is not None and [m.body for m in box.drafts.values()] == [body]
    assert threads and all(t.startswith("journal") for t in threads), threads


def test_a_save_taken_back_while_its_message_is_read_is_not_saved(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    gate = threading.Event()
    threads = _spy_gets(journal, gate)

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = draft_to_bob("taken back")
        await ob.save(d, wait=False)
        ob.hand.kick()
        for _ in range(500):  # until the worker reads it (on the journal thread, held at the gate)
            if threads:
                break
            await asyncio.sleep(0.01)
        assert threads, "the worker never read the message"
        taking = ob.hand.cancel(d.local_id)  # Enter in the Outbox: the message is the user's again
        gate.set()
        back = await taking
        await ob.waits.drain(10)
        await ob.stop()
        return back

    back = run_coro(main())
    assert back is not None and back.subject == "taken back"
    assert "save" not in box.calls and box.drafts == {}
    assert journal.get(back.local_id).op == ""  # an edit again, not a queued save


def _trace_body_reads(journal: Journal) -> list[str]:
    """The SQL statements that copy a body out of the journal (SQLite's trace of the journal's connection)."""
    reads: list[str] = []
    journal._db.set_trace_callback(lambda sql: reads.append(sql) if "json_extract(draft, '$.body')" in sql else None)
    return reads


def test_a_save_does_not_copy_back_the_body_it_just_recorded(tmp_path):
    """Issue 16: every save of a 10 MB draft recorded the body and then copied it back out of the journal
    (~50 ms of SQLite, ~8 ms holding the GIL) to send it. While the entry is still at the version the save
    recorded, the body the save holds is that version's: the server gets it, and the journal is not read
    for it. A body recorded since (autosave, typing on) is what the server gets: the journal gives back the
    pieces it recorded last, not a copy out of SQLite (tests/core/test_journal_bodies.py)."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    reads = _trace_body_reads(journal)

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = draft_to_bob("unchanged")
        d.body = "the body as recorded\n" * 100
        job = await ob.save(d)
        assert job.saved is not None and [m.body for m in box.drafts.values()] == [d.body]
        assert reads == [], "the body just recorded was copied back out of the journal"
        typed = d.copy(body=d.body + "typed on")  # queued, then typed on: the journal holds newer text
        await ob.save(d.copy(ref=job.saved.ref), wait=False)
        journal.record(typed.copy(ref=job.saved.ref))  # an autosave before the attempt
        ob.hand.kick()
        await ob.waits.drain(10)
        await ob.stop()
        return typed

    typed = run_coro(main())
    assert [m.body for m in box.drafts.values()] == [typed.body], "what is saved is what the journal holds"
    assert reads == [], "the newer body was copied out of SQLite rather than given back as recorded"


def test_a_save_queued_again_during_its_attempt_sends_the_newer_text(tmp_path):
    """Ctrl+S, typing, Ctrl+S while the first save is on its way: the second attempt saves the second text
    (its version's body, not the first answer's)."""
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    real_save = box.save_draft
    started, release = asyncio.Event(), asyncio.Event()

    async def held_save(draft):
        started.set()
        await release.wait()
        return await real_save(draft)
    box.save_draft = held_save

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        first = draft_to_bob("again")
        first.body = "the first text"
        await ob.save(first, wait=False)
        ob.hand.kick()
        await asyncio.wait_for(started.wait(), 10)
        second = first.copy(body="the second text, typed during the first save")
        job = await ob.save(second, wait=False)
        assert job.again
        release.set()
        await ob.waits.drain(10)
        await ob.stop()
        return second

    second = run_coro(main())
    assert [m.body for m in box.drafts.values()] == [second.body]
    assert box.calls.count("save") == 2
