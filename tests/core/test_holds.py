"""Undo send and the waits for later in the submission core (issue 15): the HELD state, with no Qt and no network.

A ``later`` hold is held here when a sending limit holds a message back (its ``reason``, :data:`LIMIT_WAIT`); the
user's own Send later (no reason) is not held here: it is sent at once with its time, which the server keeps
(PidTagDeferredSendTime: :func:`app.core.outbox.holds.on_server`; against the sandbox in
tests/mail/test_send_later_kept.py).

The server is the in-memory mailbox of tests/helpers/submission.py (these tests are about the core's decisions);
the Outbox runs with an injected monotonic ``clock`` and ``wall`` clock, moved by hand: no test sleeps
for a hold's time. A real journal file holds every state, as after a crash.
"""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

import pytest

from app.core.compose import recovery
from app.core.outbox import holds
from app.core.outbox.drive import next_wake_time
from app.core.outbox.holds import Hold
from app.core.outbox.send_times import WhenError, next_monday, parse_when, tomorrow_morning
from app.core.outbox.submission import (
    CANCELLABLE, RESTART, STORED, TRANSITIONS, Event, IllegalTransition, SubState, next_state,
)
from app.domain.models import Attachment, BodyFormat, Draft, Importance, Recipient
from app.storage.journal import Journal
from tests.helpers.holds import WALL0, Clocks, clocked_outbox
from tests.helpers.submission import Mailbox, run_coro


# a later hold kept on this computer: a sending limit's wait (the user's own Send later goes to the server)
LIMIT_WAIT = "Waiting for Exchange Online's 10,000-a-day limit"


def _draft(subject: str) -> Draft:
    return Draft(to=[Recipient("bob@example.com", "Bob")], cc=[Recipient("carol@example.com")], subject=subject,
                 body="<p>Hello <b>Bob</b></p>", body_format=BodyFormat.HTML, importance=Importance.HIGH, internet_message_id=f"<{subject}@t>",
                 attachments=[Attachment(name="a.txt", content=b"attached bytes", content_type="text/plain")])


# ---------------------------------------------------------------- the table
def test_held_is_released_into_the_queue_or_cancelled_and_nothing_else():
    assert next_state(SubState.HELD, Event.RELEASE) == SubState.QUEUED
    assert next_state(SubState.HELD, Event.CANCEL) == SubState.CANCELLED
    assert next_state(SubState.HELD, Event.DELETE) == SubState.DELETING  # thrown away in the Outbox: never sent
    for event in Event:
        if event not in (Event.RELEASE, Event.CANCEL, Event.DELETE):
            with pytest.raises(IllegalTransition):
                next_state(SubState.HELD, event)
    # no state but HELD can be released, and only one transition leads INTO held: queued --hold--> held, which
    # the Outbox applies only as a send is made, before its first record (tests/core/test_one_state_table.py)
    for state in SubState:
        if state != SubState.HELD:
            with pytest.raises(IllegalTransition):
                next_state(state, Event.RELEASE)
    assert [k for k, v in TRANSITIONS.items() if v == SubState.HELD] == [(SubState.QUEUED, Event.HOLD)]
    assert SubState.HELD in STORED and SubState.HELD in CANCELLABLE and RESTART[SubState.HELD] == SubState.HELD


def test_every_transition_not_in_the_table_is_refused_including_the_new_ones():
    for state, event in itertools.product(SubState, Event):
        if (state, event) not in TRANSITIONS:
            with pytest.raises(IllegalTransition):
                next_state(state, event)


# ---------------------------------------------------------------- send later: never before its time
def test_a_users_send_later_is_not_held_here_it_goes_now_with_its_time_for_the_server_to_keep(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(_draft("later"), hold=Hold(holds.LATER, WALL0 + 60.75))
        e = journal.get(sub.local_id)
        assert (e.state, e.draft.send_at) == ("queued", datetime.fromtimestamp(WALL0 + 60, timezone.utc))
        sub = await ob.wait(sub.local_id, timeout=5)
        await ob.stop()
        return sub

    sub = run_coro(main())
    assert sub.state == SubState.SENT and [d.send_at for d in box.sent] == [sub.draft.send_at]
    assert str(sub.reason).startswith("Kept by Exchange: sends at ")
    assert [e.value for _a, e, _b in sub.history] == ["start", "saved", "accepted"]


def test_a_send_later_whose_time_has_passed_goes_now_without_one(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(_draft("past"), hold=Hold(holds.LATER, WALL0 - 60))
        sub = await ob.wait(sub.local_id, timeout=5)
        await ob.stop()
        return sub

    sub = run_coro(main())
    assert sub.state == SubState.SENT and sub.draft.send_at is None and str(sub.reason) == "Sent"


def test_a_wait_for_later_is_journaled_held_and_never_sent_before_its_time(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(_draft("later"), hold=Hold(holds.LATER, WALL0 + 60, LIMIT_WAIT))
        e = journal.get(sub.local_id)
        assert (e.state, e.op, e.meta["hold"], e.meta["release_at"]) == ("held", "send", "later", WALL0 + 60)
        assert (await ob.wait(sub.local_id, final=False, timeout=1)) is sub  # held: nothing to wait for
        ob.hand.kick()  # "Try now" / a reconnect does not move a held send's time
        for step in (0.0, 30.0, 29.9):
            clocks.advance(step)
            await ob.parts.worker.idle()
            assert sub.state == SubState.HELD and box.calls == [], step
            assert ob.rows()[0].text.startswith("Sends at ")
        clocks.advance(0.1)  # its time
        sub = await ob.wait(sub.local_id, timeout=5)
        await ob.stop()
        return sub

    sub = run_coro(main())
    assert sub.state == SubState.SENT and [d.subject for d in box.sent] == ["later"]
    assert [e.value for _a, e, _b in sub.history] == ["hold", "release", "start", "saved", "accepted"]
    assert journal.count() == 0


def test_the_worker_wakes_by_itself_at_the_release_time(tmp_path):
    # no poke: the worker sleeps on the Outbox's clock, and that clock reaching the release time wakes it
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(_draft("wake"), hold=holds.undo_hold(10, clocks.wall))
        await ob.parts.worker.idle()
        assert clocks.monotonic.waiting() == [clocks.mono + 10]  # asleep until its release, on that clock
        clocks.advance(9.9)
        await ob.parts.worker.idle()
        assert sub.state == SubState.HELD and box.calls == []
        clocks.advance(0.1)
        sub = await ob.wait(sub.local_id, timeout=5)
        await ob.stop()
        return sub

    sub = run_coro(main())
    assert sub.state == SubState.SENT and len(box.sent) == 1


def test_a_suspended_machine_sends_by_the_wall_clock(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(_draft("suspend"), hold=Hold(holds.LATER, WALL0 + 3600, LIMIT_WAIT))
        assert next_wake_time(ob.queue.subs.values(), ob.queue.saves.values(), ob.parts.clock()) == clocks.mono + holds.WALL_CHECK  # looks again within 30 s
        await ob.parts.worker.idle()
        assert clocks.monotonic.waiting() == [clocks.mono + holds.WALL_CHECK]
        clocks.advance(3600, mono=False)  # the lid was closed for an hour: only the wall clock moved
        clocks.advance(holds.WALL_CHECK)  # awake again: the worker's next look at the wall clock
        sub = await ob.wait(sub.local_id, timeout=5)
        await ob.stop()
        return sub

    assert run_coro(main()).state == SubState.SENT and len(box.sent) == 1


# ---------------------------------------------------------------- undo
def test_undo_in_the_window_gives_the_message_back_exactly_and_nothing_reaches_the_server(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    d = _draft("undo me")

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(d, hold=holds.undo_hold(10, clocks.wall))
        assert sub.state == SubState.HELD and ob.rows()[0].text.startswith("Sending in 10 s")
        assert ob.rows()[0].can_cancel
        clocks.advance(9.9)
        await ob.parts.worker.idle()
        back = await ob.hand.cancel(sub.local_id)
        clocks.advance(60)
        await ob.parts.worker.idle()
        await ob.stop()
        return sub, back

    sub, back = run_coro(main())
    assert box.calls == [] and box.sent == [] and box.drafts == {}
    assert sub.state == SubState.CANCELLED and [e.value for _a, e, _b in sub.history] == ["hold", "cancel"]
    assert back == d  # every field, the HTML body, the attachment's bytes, its local id and Message-ID
    e = journal.get(d.local_id)
    assert (e.state, e.op, e.meta) == ("editing", "", {})  # the user's message again, same journal identity


def test_undo_send_off_is_no_hold():
    assert holds.undo_hold(0, WALL0) is None
    assert holds.undo_hold(5, WALL0) == Hold("undo", WALL0 + 5)
    with pytest.raises(ValueError):
        Hold("whenever", WALL0)


def test_send_now_releases_a_held_send_at_once(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        sub = await ob.submit(_draft("now"), hold=Hold(holds.LATER, WALL0 + 86400, LIMIT_WAIT))
        assert ob.hand.send_now(sub.local_id)
        # through the table, at once: HELD --release--> queued, its release journaled with it
        assert sub.state == SubState.QUEUED and sub.history[-1] == (SubState.HELD, Event.RELEASE, SubState.QUEUED)
        assert (sub.hold_kind, sub.release_at, sub.retry_at) == ("", 0.0, 0.0)
        sub = await ob.wait(sub.local_id, timeout=5)
        assert not ob.hand.send_now(sub.local_id)
        await ob.stop()
        return sub

    assert run_coro(main()).state == SubState.SENT and len(box.sent) == 1


# ---------------------------------------------------------------- restart of each kind
def _held_then_killed(tmp_path, kind: str, release_at: float, others: list[Draft] = ()) -> Draft:
    """A send held (``kind``) in a journal file, as the app left it when it died."""
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    d = _draft(f"{kind}-held")

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        await ob.submit(d, hold=Hold(kind, release_at, LIMIT_WAIT if kind == holds.LATER else ""))
        for o in others:  # typed later than the held send: newer in the journal
            journal.record(o, account="a")
        ob.close()  # the process is gone: nothing more happens

    run_coro(main())
    journal.close()
    assert box.calls == []
    return d


def test_restart_in_the_undo_window_never_sends_and_the_message_comes_back_to_compose_with_a_note(tmp_path):
    newer = Draft(to=[Recipient("dave@example.com")], subject="typed after", body="x")
    d = _held_then_killed(tmp_path, holds.UNDO, WALL0 + 10, [newer])
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    clocks.advance(3600)  # long after its window

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        report = ob.restore()
        ob.start()
        await ob.parts.worker.idle()
        await ob.stop()
        return ob, report

    ob, report = run_coro(main())
    assert report == [(d.local_id, "held", "editing")]
    assert ob.queue.subs == {} and box.calls == []  # not a send any more: nothing went out
    e = journal.get(d.local_id)
    assert (e.state, e.op) == ("editing", "") and e.draft == d
    reopen = recovery.message_to_reopen(journal, "a")
    assert reopen.local_id == d.local_id  # before the newer unsaved message: the user must see it
    assert holds.reopen_note(reopen) == ("“undo-held” was not sent: it was waiting to be sent when Dispatch "
                                         "closed. Send it again or keep editing.")
    assert holds.reopen_note(journal.get(newer.local_id)) == ""
    journal.record(Draft(subject="typed after the restart"), account="a")  # e.g. a second start, then a crash
    assert recovery.message_to_reopen(journal, "a").local_id == d.local_id  # the unsent one still comes first


def test_restart_with_a_wait_for_later_keeps_it_held_and_sends_it_once_at_its_time(tmp_path):
    d = _held_then_killed(tmp_path, holds.LATER, WALL0 + 7200)
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    clocks.mono = 5.0  # a new process: another monotonic clock
    clocks.advance(3600, mono=False)  # restarted an hour later, an hour before its time

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        report = ob.restore()
        sub = ob.queue.submission(d.local_id)
        assert report == [(d.local_id, "held", "held")]
        assert (sub.state, sub.hold_kind, sub.release_at) == (SubState.HELD, "later", WALL0 + 7200)
        assert sub.retry_at == pytest.approx(5.0 + 3600)  # its time on this run's monotonic clock
        ob.start()
        clocks.advance(3599)
        await ob.parts.worker.idle()
        assert sub.state == SubState.HELD and box.calls == []
        clocks.advance(1)
        sub = await ob.wait(d.local_id, timeout=5)
        await ob.stop()
        return sub

    assert run_coro(main()).state == SubState.SENT
    assert [x.subject for x in box.sent] == ["later-held"] and journal.count() == 0


def test_a_wait_for_later_whose_time_passed_while_closed_goes_at_the_next_start(tmp_path):
    d = _held_then_killed(tmp_path, holds.LATER, WALL0 + 60)
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    clocks.advance(86400, mono=False)

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        ob.restore()
        ob.start()
        sub = await ob.wait(d.local_id, timeout=5)
        await ob.stop()
        return sub

    assert run_coro(main()).state == SubState.SENT and len(box.sent) == 1


# ---------------------------------------------------------------- times
NOW = datetime(2026, 11, 24, 14, 30)  # a Tuesday afternoon


def test_presets():
    assert tomorrow_morning(NOW) == datetime(2026, 11, 25, 8, 0)
    assert next_monday(NOW) == datetime(2026, 11, 30, 8, 0)
    assert next_monday(datetime(2026, 11, 30, 7, 0)) == datetime(2026, 11, 30, 8, 0)
    assert next_monday(datetime(2026, 11, 30, 9, 0)) == datetime(2026, 12, 7, 8, 0)


@pytest.mark.parametrize("text,when", [
    ("tomorrow 8:00", datetime(2026, 11, 25, 8, 0)),
    ("Tomorrow", datetime(2026, 11, 25, 8, 0)),
    ("mon 9:30", datetime(2026, 11, 30, 9, 30)),
    ("tue 9:00", datetime(2026, 12, 1, 9, 0)),  # today's 9:00 has passed: next Tuesday
    ("tue 17:00", datetime(2026, 11, 24, 17, 0)),
    ("17:30", datetime(2026, 11, 24, 17, 30)),
    ("9:00", datetime(2026, 11, 25, 9, 0)),  # passed today: tomorrow
    ("5pm", datetime(2026, 11, 24, 17, 0)),
    ("2026-12-01 08:15", datetime(2026, 12, 1, 8, 15)),
    ("1.12.2026 8.15", datetime(2026, 12, 1, 8, 15)),
    ("in 2 h", datetime(2026, 11, 24, 16, 30)),
    ("in 45 min", datetime(2026, 11, 24, 15, 15)),
])
def test_typed_times(text, when):
    assert parse_when(text, NOW) == when


@pytest.mark.parametrize("text,says", [
    ("", "Type when"),
    ("soonish", "does not understand"),
    ("25:00", "does not understand"),
    ("2026-02-30 08:00", "not a date in the calendar"),
    ("2026-11-24 09:00", "has already passed"),
    ("today 9:00", "has already passed"),
    ("in 3 fortnights", "not a unit"),
    ("2028-01-01", "more than a year"),
    ("tomorrow 8:75", "not a time of day"),
])
def test_a_typed_time_that_cannot_be_used_says_why(text, says):
    with pytest.raises(WhenError, match=says):
        parse_when(text, NOW)
