"""Autosave tells the window when what was typed is on disk (issue 59, item 5: Compose said "Not saved" while the
journal had the text): ``on_written(local_id)`` comes on the UI's loop after the journal thread wrote it, never
before, and never for a write that failed. Real SQLite journal and journal thread; a loop of its own."""

from __future__ import annotations

import asyncio
import threading

from app.core.compose.autosave import Autosave
from app.core.common.journal_writer import JournalWriter
from app.domain.models import Draft
from app.storage.journal import Journal
from app.domain.events import AutosaveFailed, DraftKept


def _in_own_loop(main):
    """Its own loop in its own thread (the GUI tests' qasync loop may be marked running on the main thread)."""
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("r", asyncio.run(main())))
    t.start()
    t.join(20)
    return box["r"]


def test_on_written_comes_once_the_journal_has_it_on_the_loop(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    writer = JournalWriter()

    async def main():
        loop_thread = threading.get_ident()
        heard = []
        done = asyncio.Event()

        def written(local_id):
            # on the loop, and the text is on disk by then (another reader sees it)
            body = Journal(tmp_path / "j.sqlite3").get(local_id).draft.body
            heard.append((local_id, body, threading.get_ident() == loop_thread))
            done.set()

        a = Autosave(journal, writer=writer, call_later=lambda _d, _f: None)
        a.news.subscribe(DraftKept, lambda e: written(e.local_id))
        d = Draft(body="typed, then a pause")
        a.touch(d)
        assert heard == []  # nothing written yet: nothing said
        a.flush()
        await asyncio.wait_for(done.wait(), 10)
        return d, heard

    try:
        d, heard = _in_own_loop(main)
    finally:
        writer.close()
    assert heard == [(d.local_id, "typed, then a pause", True)]


def test_a_write_that_failed_is_never_said_to_be_kept(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    writer = JournalWriter()

    async def main():
        heard, errors = [], asyncio.Event()
        a = Autosave(journal, writer=writer, call_later=lambda _d, _f: None)
        a.news.subscribe(DraftKept, lambda e: heard.append(e.local_id))
        a.news.subscribe(AutosaveFailed, lambda _e: errors.set())
        journal.close()  # writes now fail (as a full disk would)
        a.touch(Draft(body="lost?"))
        a.flush()
        await asyncio.wait_for(errors.wait(), 10)
        await asyncio.sleep(0)  # a call queued after the error would run now
        return heard

    try:
        heard = _in_own_loop(main)
    finally:
        writer.close()
    assert heard == []
