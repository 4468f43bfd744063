"""The send queue reads a journalled message on the journal thread, never on the event loop's (the UI's)
thread (issue 16): the entry holds the whole body, and reading a 10 MB one (SQLite's copy, ``json.loads``)
cost the UI thread ~16 ms at every save, plus a wait for the journal's lock while a 10 MB autosave was
being written (100-200 ms)."""

from __future__ import annotations

import asyncio
import threading

from app.core.outbox import Outbox
from app.storage.journal import Journal
from tests.core.test_submission import FAST, Mailbox, _draft, _run


def _spy_gets(journal: Journal, gate: threading.Event | None = None) -> list[str]:
    threads: list[str] = []
    real = journal.get

    def get(local_id):
        threads.append(threading.current_thread().name)
        if gate is not None and threading.current_thread() is not threading.main_thread():
            gate.wait(10)
        return real(local_id)
    journal.get = get
    return threads


def test_a_save_reads_the_message_on_the_journal_thread(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    threads = _spy_gets(journal)
    body = "a long body, line after line\n" * 5000

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = _draft("big")
        d.body = body
        job = await ob.save(d)
        await ob.drain(10)
        await ob.stop()
        return job

    job = _run(main())
    assert job.saved is not None and [m.body for m in box.drafts.values()] == [body]
    assert threads and all(t.startswith("journal") for t in threads), threads


def test_a_save_taken_back_while_its_message_is_read_is_not_saved(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    gate = threading.Event()
    threads = _spy_gets(journal, gate)

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = _draft("taken back")
        await ob.queue_save(d)
        ob.kick()
        for _ in range(500):  # until the worker reads it (on the journal thread, held at the gate)
            if threads:
                break
            await asyncio.sleep(0.01)
        assert threads, "the worker never read the message"
        back = ob.cancel(d.local_id)  # Enter in the Outbox: the message is the user's again
        gate.set()
        await ob.drain(10)
        await ob.stop()
        return back

    back = _run(main())
    assert back is not None and back.subject == "taken back"
    assert "save" not in box.calls and box.drafts == {}
    assert journal.get(back.local_id).op == ""  # an edit again, not a queued save
