"""The Outbox worker's look at its queue (app.core.worker): what is due now, in queue order, and when to look
again. Rewritten as one pass over the submissions (issue 16: three passes over a 5,000-row merge's
submissions held the UI thread ~8 ms at each step); these pin down what it must still pick and leave."""

from __future__ import annotations

import asyncio
import types

from app.core import holds
from app.core.outbox import Outbox
from app.core.rows import SaveJob, SaveStatus
from app.core.submission import Submission, SubState
from app.domain.models import Draft, ErrorKind

NOW = 1000.0


def _sub(lid: str, state: SubState, **kw) -> Submission:
    sub = Submission(Draft(local_id=lid), "acct", state=state)
    for k, v in kw.items():
        setattr(sub, k, v)
    return sub


def _job(lid: str, status: SaveStatus, **kw) -> SaveJob:
    job = SaveJob(Draft(local_id=lid), "acct", status=status)
    for k, v in kw.items():
        setattr(job, k, v)
    return job


def _box(subs, saves=(), recording=(), parked=False):
    """A real Outbox (no server, no journal: nothing here calls them) holding ``subs`` and ``saves``; the
    ``recording`` ones have a journal write of their state not yet on disk; ``parked``: the queue waits for
    a sign-in."""
    ob = Outbox(None, None, account="acct", clock=lambda: NOW, wall=lambda: 5_000_000.0)
    ob.subs.update((s.local_id, s) for s in subs)
    ob.saves.update((j.local_id, j) for j in saves)
    for lid in recording:
        ob.waiters.begin_write(lid)
    if parked:
        asyncio.run(_park(ob))
    return ob


async def _park(ob: Outbox) -> None:
    ob.worker.ensure_running()
    ob.park()
    await ob.stop()


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
    box = _box(subs, saves, recording={"being-written"}, parked=True)
    saves_due, unknown, sends = box.worker._due(NOW)
    assert [j.local_id for j in saves_due] == ["s-wait", "s-retry"]
    assert [s.local_id for s in unknown] == ["u1"]
    assert [s.local_id for s in sends] == ["q1", "q2"]
    box.signed_in()  # a sign-in un-parks the queue, and so each parked one: nothing to clear on them
    assert [s.local_id for s in box.worker._due(NOW)[2]] == ["q1", "parked", "q2"]
    assert [s.local_id for s in box.worker._due(NOW)[1]] == ["u1", "u-parked"]


def test_next_wake_is_the_soonest_retry_of_unfinished_work_or_a_held_sends_check():
    subs = [
        _sub("sent", SubState.SENT, retry_at=NOW + 1),  # finished: its old retry time means nothing
        _sub("parked", SubState.QUEUED, retry_at=NOW + 2, kind=ErrorKind.AUTH),  # waits for a sign-in, not a time
        _sub("q", SubState.QUEUED, retry_at=NOW + 30),
        _sub("now", SubState.QUEUED),  # no retry time
        _sub("u", SubState.UNKNOWN, retry_at=NOW + 20),
    ]
    saves = [_job("done", SaveStatus.DONE, retry_at=NOW + 3), _job("r", SaveStatus.RETRYING, retry_at=NOW + 10)]
    assert _box(subs, saves, parked=True).worker._next_wake() == NOW + 10
    assert _box(subs, parked=True).worker._next_wake() == NOW + 20
    assert _box(subs[:2], parked=True).worker._next_wake() is None
    held = _sub("h", SubState.HELD, retry_at=NOW + 7)
    assert _box([*subs, held], parked=True).worker._next_wake() == NOW + 7
    deleting = _sub("d", SubState.DELETING, retry_at=NOW - 5)  # never sent: no wake-up for it (not a busy loop)
    assert _box([*subs, deleting], parked=True).worker._next_wake() == NOW + 20
    assert holds.next_check(_box([held]), NOW) == NOW + 7


def test_release_due_takes_only_held_sends_whose_time_came_by_either_clock():
    moved = []

    async def move(sub, event, **_kw):
        moved.append((sub.local_id, event.value))
        sub.apply(event)

    subs = [
        _sub("by-clock", SubState.HELD, retry_at=NOW - 1, release_at=9e9),
        _sub("by-wall", SubState.HELD, retry_at=NOW + 60, release_at=4_000_000.0),
        _sub("not-yet", SubState.HELD, retry_at=NOW + 60, release_at=9e9),
        _sub("queued", SubState.QUEUED),
    ]
    box = types.SimpleNamespace(subs={s.local_id: s for s in subs}, clock=lambda: NOW, wall=lambda: 5_000_000.0,
                                move=move)

    assert asyncio.run(holds.release_due(box)) == 2
    assert moved == [("by-clock", "release"), ("by-wall", "release")]
    assert [s.state for s in subs] == [SubState.QUEUED, SubState.QUEUED, SubState.HELD, SubState.QUEUED]
