"""Autosave policy: idle debounce, a hard ceiling under 2 s for steady typing, flush on demand.

The clock and timer are injected (a fake clock) so the policy is checked exactly; the real asyncio
timer path is exercised at the end on a real event loop.
"""

from __future__ import annotations

import asyncio
import threading
import time

from app.core.compose.autosave import Autosave
from app.domain.models import Draft, Recipient
from app.storage.journal import Journal
from app.domain.events import AutosaveFailed


class FakeTimers:
    def __init__(self):
        self.now = 0.0
        self.timers = []  # [due, fn, cancelled]

    def clock(self):
        return self.now

    def call_later(self, delay, fn):
        t = [self.now + delay, fn, False]
        self.timers.append(t)

        class H:
            def cancel(_):
                t[2] = True

        return H()

    def advance(self, dt, step=0.01):
        end = self.now + dt
        while self.now < end - 1e-9:
            self.now = round(self.now + step, 6)
            for t in list(self.timers):
                if not t[2] and t[0] <= self.now + 1e-9:
                    t[2] = True
                    t[1]()


def test_steady_typing_is_recorded_at_least_every_max_delay(tmp_path):
    ft = FakeTimers()
    j = Journal(tmp_path / "j.sqlite3")
    a = Autosave(j, idle=0.5, max_delay=1.5, call_later=ft.call_later, clock=ft.clock)
    d = Draft(to=[Recipient("bob@example.com")])
    typed_at = []
    for i in range(100):  # 10 s of typing, a key every 0.1 s
        d.body += "k"
        typed_at.append((ft.now, d.body))
        a.touch(d)
        ft.advance(0.1)
        saved = j.get(d.local_id).draft.body if j.get(d.local_id) else ""
        # everything typed more than max_delay ago is in the journal
        for t, body in typed_at:
            if t <= ft.now - 1.5 - 1e-6:
                assert saved.startswith(body), (ft.now, t)
    assert 5 <= a.records <= 10  # about one write per 1.5 s, not one per keystroke


def test_a_draft_costly_to_take_is_written_when_typing_pauses_and_within_two_seconds_while_it_goes_on(tmp_path):
    """``pause_only`` (a long rich body: Qt's toHtml() of the whole takes the UI thread for longer than a
    frame): steady typing writes it ``pause_max_delay`` (2 s, the journal's promise) after the first unsaved
    key, not every ``max_delay``; a pause of ``idle`` seconds writes it, and ``flush()`` (view switch, Save,
    Send) writes it at once."""
    ft = FakeTimers()
    j = Journal(tmp_path / "j.sqlite3")
    a = Autosave(j, idle=0.5, max_delay=1.5, call_later=ft.call_later, clock=ft.clock)
    assert a.pause_max_delay == 2.0
    d = Draft(subject="rich")
    taken = []

    def source():
        taken.append(ft.now)
        return d

    for _ in range(15):  # 1.5 s of typing, a key every 0.1 s: a plain draft would be written by now
        d.body += "k"
        a.touch(source, d.local_id, pause_only=True)
        ft.advance(0.1)
    assert taken == [] and j.get(d.local_id) is None, "taken while typing went on, before 2 s"
    ft.advance(0.45)
    assert taken and j.get(d.local_id).draft.body == "k" * 15, "written once typing paused"
    d.body += "x"
    a.touch(source, d.local_id, pause_only=True)
    a.flush()
    assert j.get(d.local_id).draft.body == "k" * 15 + "x"
    taken.clear()
    start = ft.now
    for _ in range(100):  # 10 s of typing without a pause: written every ~2 s, never later
        d.body += "k"
        a.touch(source, d.local_id, pause_only=True)
        ft.advance(0.1)
    assert 4 <= len(taken) <= 5, taken
    gaps = [b - a_ for a_, b in zip([start] + taken, taken)]
    assert all(g <= 2.0 + 0.1 + 1e-6 for g in gaps), gaps
    a.close()


def test_idle_debounce_and_flush(tmp_path):
    ft = FakeTimers()
    j = Journal(tmp_path / "j.sqlite3")
    a = Autosave(j, idle=0.5, max_delay=1.5, call_later=ft.call_later, clock=ft.clock)
    d = Draft(subject="hi")
    a.touch(lambda: d, d.local_id)  # a lazy source
    ft.advance(0.4)
    assert j.get(d.local_id) is None
    ft.advance(0.2)
    assert j.get(d.local_id).draft.subject == "hi"
    d.subject = "hello"
    a.touch(lambda: d, d.local_id)
    assert a.flush() == {d.local_id: 2}  # view switch: written at once
    assert j.get(d.local_id).draft.subject == "hello" and a.pending == []
    a.forget(d.local_id)
    a.close()


def test_journal_error_keeps_the_change_pending(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    errors = []
    a = Autosave(j)
    a.news.subscribe(AutosaveFailed, lambda e: errors.append(e.error))
    d = Draft(subject="x")
    j.close()  # writes now fail
    a.touch(d)
    assert a.flush() == {} and a.pending == [d.local_id] and errors
    a.journal = Journal(tmp_path / "j.sqlite3")
    assert a.flush() == {d.local_id: 1}


def test_real_event_loop_timer(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")

    async def main():
        a = Autosave(j, idle=0.05, max_delay=0.2)
        d = Draft(body="typed")
        a.touch(d)
        before = (a.records, a.pending)  # nothing written until the loop's timer fires
        deadline = time.monotonic() + 5
        while (a.records == 0 or a.pending) and time.monotonic() < deadline:
            await asyncio.sleep(0.01)  # the loop runs meanwhile: its timer is what writes
        return d, before, (a.records, a.pending)

    # Its own loop in its own thread: the GUI tests' session-wide qasync loop is marked as running on
    # the main thread, and asyncio refuses a second running loop there.
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("d", asyncio.run(main())))
    t.start()
    t.join(10)
    d, before, after = box["d"]
    assert before == (0, [d.local_id]) and after == (1, [])
    assert j.get(d.local_id).draft.body == "typed"
