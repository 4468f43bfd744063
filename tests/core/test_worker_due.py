"""The Outbox's look at its queue (app.core.outbox.drive): what is due now, in queue order, and when to look
again — pure functions of the queue's values, tested on values (no Outbox filled by hand). One pass over the
submissions (three passes over a 5,000-row merge's submissions held the UI thread ~8 ms at each step); these pin
down what it must still pick and leave."""

from __future__ import annotations

from app.core.outbox import holds
from app.core.outbox.drive import due_work, next_wake_time
from app.core.outbox.saves import SaveJob, SaveStatus
from app.core.outbox.submission import Submission, SubState
from app.domain.models import Draft, ErrorKind

NOW = 1000.0


def _sub(lid: str, state: SubState, **kw) -> Submission:
    return Submission(Draft(local_id=lid), "acct", state=state, **kw)


def _job(lid: str, status: SaveStatus, **kw) -> SaveJob:
    return SaveJob(Draft(local_id=lid), "acct", status=status, **kw)


def test_due_picks_what_is_due_in_queue_order_and_leaves_the_rest():
    subs = [
        _sub("q1", SubState.QUEUED),
        _sub("sent", SubState.SENT),
        _sub("parked", SubState.QUEUED, kind=ErrorKind.AUTH),  # its 401 parked the queue
        _sub("u1", SubState.UNKNOWN, retry_at=NOW - 1),
        _sub("being-written", SubState.QUEUED),  # its record not on disk yet
        _sub("later", SubState.QUEUED, retry_at=NOW + 5),
        _sub("deleting", SubState.DELETING),  # thrown away, its delete being written
        _sub("u-later", SubState.UNKNOWN, retry_at=NOW + 1),
        _sub("u-parked", SubState.UNKNOWN, kind=ErrorKind.AUTH),  # its look-up got a 401
        _sub("held", SubState.HELD, retry_at=NOW - 1),
        _sub("failed", SubState.FAILED),
        _sub("submitting", SubState.SUBMITTING),
        _sub("q2", SubState.QUEUED, retry_at=NOW),
    ]
    saves = [
        _job("s-wait", SaveStatus.WAITING),
        _job("s-done", SaveStatus.DONE),
        _job("s-retry", SaveStatus.RETRYING, retry_at=NOW - 2),
        _job("s-retry-later", SaveStatus.RETRYING, retry_at=NOW + 2),
        _job("s-working", SaveStatus.WORKING),
        _job("s-auth", SaveStatus.AUTH),
    ]
    saves_due, unknown, sends = due_work(subs, saves, NOW, recording={"being-written"}, parked=True)
    assert [j.local_id for j in saves_due] == ["s-wait", "s-retry"]
    assert [s.local_id for s in unknown] == ["u1"]
    assert [s.local_id for s in sends] == ["q1", "q2"]
    # a sign-in un-parks the queue, and so each parked one: nothing to clear on them
    signed_in = due_work(subs, saves, NOW, recording={"being-written"}, parked=False)
    assert [s.local_id for s in signed_in[2]] == ["q1", "parked", "q2"]
    assert [s.local_id for s in signed_in[1]] == ["u1", "u-parked"]


def test_next_wake_is_the_soonest_retry_of_unfinished_work_or_a_held_sends_check():
    subs = [
        _sub("sent", SubState.SENT, retry_at=NOW + 1),  # finished: its old retry time means nothing
        _sub("parked", SubState.QUEUED, retry_at=NOW + 2, kind=ErrorKind.AUTH),  # waits for a sign-in, not a time
        _sub("q", SubState.QUEUED, retry_at=NOW + 30),
        _sub("now", SubState.QUEUED),  # no retry time
        _sub("u", SubState.UNKNOWN, retry_at=NOW + 20),
    ]
    saves = [_job("done", SaveStatus.DONE, retry_at=NOW + 3), _job("r", SaveStatus.RETRYING, retry_at=NOW + 10)]
    assert next_wake_time(subs, saves, NOW, parked=True) == NOW + 10
    assert next_wake_time(subs, [], NOW, parked=True) == NOW + 20
    assert next_wake_time(subs[:2], [], NOW, parked=True) is None
    assert next_wake_time(subs[:2], [], NOW, parked=False) == NOW + 2  # signed in: it waits for its time again
    held = _sub("h", SubState.HELD, retry_at=NOW + 7)
    assert next_wake_time([*subs, held], [], NOW, parked=True) == NOW + 7
    deleting = _sub("d", SubState.DELETING, retry_at=NOW - 5)  # never sent: no wake-up for it (not a busy loop)
    assert next_wake_time([*subs, deleting], [], NOW, parked=True) == NOW + 20
    assert holds.next_check([held], NOW) == NOW + 7


def test_the_holds_due_are_those_whose_time_came_by_either_clock():
    subs = [
        _sub("by-clock", SubState.HELD, retry_at=NOW - 1, release_at=9e9),
        _sub("by-wall", SubState.HELD, retry_at=NOW + 60, release_at=4_000_000.0),
        _sub("not-yet", SubState.HELD, retry_at=NOW + 60, release_at=9e9),
        _sub("queued", SubState.QUEUED),
    ]
    assert [s.local_id for s in holds.due(subs, NOW, 5_000_000.0)] == ["by-clock", "by-wall"]
