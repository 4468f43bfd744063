"""Send later kept by the server, through the one submission core (app.core.outbox) and the list of what the server
keeps (app.core.scheduled.held), against the sandbox over HTTP with each backend (real exchangelib, real httpx).

The user's send later is not held on this computer: it is journaled, saved with PidTagDeferredSendTime and sent at
once, and Exchange keeps it in the Outbox folder until its time. The hand on it (take back, send now, change the
time, delete) acts on the server's copy; when Exchange (or another computer) was first, the outcome says where the
message went. The sandbox's clock is moved (``advance_clock``), never waited for."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from app.core.outbox import holds
from app.core.outbox.submission import SubState
from app.core.scheduled.held import BEING_SENT, SENT_ALREADY, TAKEN_ELSEWHERE, ScheduledList, kept_id, with_kept
from app.domain.models import Folder, Recipient
from app.storage.journal import Journal
from tests.helpers.backends import BOB, every_backend, op, settle
from tests.helpers.drafts import simple_draft
from tests.helpers.outbox_race import admin, where
from tests.mail.outbox_harness import POLICY, Box

HOUR = 3600.0


def _later(box, subject: str, hours: float = 2.0):
    """``subject`` to Bob, sent later (``hours`` from now) through the Outbox; its submission once finished."""
    draft = simple_draft(subject).copy(to=[Recipient(BOB, "Bob Brown")])
    sub = box.run(box.ob.submit(draft, holds.Hold(holds.LATER, time.time() + hours * HOUR)))
    return box.run(box.ob.wait(sub.local_id))


def _past(sb, seconds: float = 3 * HOUR) -> None:
    sb.advance_clock(seconds)
    assert sb.outbox.wait_idle(10)


def _listing(box, pause=None) -> ScheduledList:
    async def no_wait(_s):
        return None
    return ScheduledList(box.client, lambda: box.ob, pause=pause or no_wait)


@every_backend
def test_send_later_goes_to_the_server_now_and_the_server_keeps_it_until_its_time(box, sandbox):
    sub = _later(box, "kept by exchange")
    mid = sub.draft.internet_message_id

    # journaled, sent at once with its time; the submission is finished: nothing of it waits on this computer
    assert sub.state == SubState.SENT and sub.draft.send_at is not None
    assert str(sub.reason).startswith("Kept by Exchange: sends at ")
    assert box.journal.count() == 0
    assert where(sandbox, "kept by exchange") == {"bob inbox": 0, "outbox": 1, "sent": 0, "drafts": 0, "deleted": 0}
    listing = _listing(box)
    [kept] = box.run(listing.refresh())
    assert kept.internet_message_id == mid and kept.send_at == sub.draft.send_at.replace(microsecond=0)
    # the Outbox view's rows: the queue's sent row gives way to the server's copy
    [row] = with_kept(box.ob.rows(), listing.rows)
    assert row.kept and row.local_id == kept_id(kept) and str(row.text).startswith("Sends at ")
    assert str(row.text).endswith("(kept by Exchange)") and row.can_cancel and not row.sent

    _past(sandbox)
    assert where(sandbox, "kept by exchange") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
    assert box.run(listing.refresh()) == ()


@every_backend
def test_taken_back_it_is_in_drafts_without_its_time_and_never_goes(box, sandbox):
    _later(box, "take me back")
    listing = _listing(box)
    [kept] = box.run(listing.refresh())

    out = box.run(listing.take_back(kept))

    assert out.done and out.draft is not None and out.draft.send_at is None
    assert out.draft.subject == "take me back" and out.draft.internet_message_id == kept.internet_message_id
    assert listing.rows == () and box.run(listing.refresh()) == ()
    _past(sandbox)
    assert where(sandbox, "take me back") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}
    # edited and sent from Compose: it goes at once (the deferral is gone), once
    sub = box.run(box.ob.submit(out.draft.copy(subject="take me back, edited")))
    assert box.run(box.ob.wait(sub.local_id)).state == SubState.SENT
    settle(sandbox)
    assert where(sandbox, "take me back, edited")["bob inbox"] == 1 and where(sandbox, "take me back")["drafts"] == 0


@every_backend
def test_send_now_sends_the_kept_message_at_once_and_once(box, sandbox):
    _later(box, "now please")
    listing = _listing(box)
    [kept] = box.run(listing.refresh())

    out = box.run(listing.send_now(kept))

    assert out.done and "now" in str(out.words)
    box.run(box.ob.wait(out.handed.local_id))
    settle(sandbox)
    assert where(sandbox, "now please") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
    _past(sandbox, 24 * HOUR)
    assert where(sandbox, "now please")["bob inbox"] == 1


@every_backend
def test_a_changed_time_is_kept_by_the_server_and_goes_then_once(box, sandbox):
    _later(box, "move me", hours=2)
    listing = _listing(box)
    [kept] = box.run(listing.refresh())
    later = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(hours=5)

    out = box.run(listing.change_time(kept, later))

    assert out.done
    box.run(box.ob.wait(out.handed.local_id))
    [again] = box.run(listing.refresh())
    assert again.send_at == later and again.internet_message_id == kept.internet_message_id
    _past(sandbox, 3 * HOUR)  # past the first time: it waits for the new one
    assert where(sandbox, "move me") == {"bob inbox": 0, "outbox": 1, "sent": 0, "drafts": 0, "deleted": 0}
    _past(sandbox, 3 * HOUR)
    assert where(sandbox, "move me") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}


@every_backend
def test_deleted_it_goes_to_deleted_items_and_is_never_sent(box, sandbox):
    _later(box, "not at all")
    listing = _listing(box)
    [kept] = box.run(listing.refresh())

    out = box.run(listing.delete(kept))

    assert out.done and listing.rows == ()
    _past(sandbox)
    assert where(sandbox, "not at all") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 0, "deleted": 1}


@every_backend
def test_a_take_back_after_exchange_sent_it_says_it_went_and_when(box, sandbox):
    sub = _later(box, "too late")
    listing = _listing(box)
    [kept] = box.run(listing.refresh())
    _past(sandbox)  # Exchange sent it meanwhile; this list still shows it

    out = box.run(listing.take_back(kept))

    assert not out.done and out.draft is None and out.where == Folder.SENT
    assert out.words == SENT_ALREADY.format(time=holds.clock_text(kept.send_at.timestamp()))
    assert listing.rows == ()
    assert where(sandbox, "too late") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}
    assert sub.state == SubState.SENT


@pytest.mark.parametrize("step", ["before_claim", "claimed", "delivered"])
@every_backend
def test_a_take_back_while_exchange_is_sending_it_ends_in_drafts_or_sent_once_and_says_which(box, sandbox, step):
    """The sandbox's delivery is held at each of its steps while the take-back arrives (its admin endpoint, as for
    a sandbox in another process); then it goes on. Taken back: in Drafts, never sent; else sent once, and said."""
    _later(box, "race")
    listing = _listing(box)
    [kept] = box.run(listing.refresh())
    admin(sandbox, pause_delivery=step)
    state = admin(sandbox, advance_clock=3 * HOUR, wait_paused=step)
    assert state["delivery"]["paused_at"] == step  # the fault fired: the delivery waits there
    resumed = []

    async def go_on(_seconds):  # between the look-ups: the delivery goes on (Exchange files it meanwhile)
        if not resumed:
            resumed.append(admin(sandbox, resume_delivery=True))
            await asyncio.to_thread(sandbox.outbox.wait_idle, 10)

    listing.pause = go_on
    out = box.run(listing.take_back(kept))
    if not resumed:
        admin(sandbox, resume_delivery=True)
    assert sandbox.outbox.wait_idle(10)
    _past(sandbox, 24 * HOUR)
    places = where(sandbox, "race")
    if out.done:
        assert step == "before_claim" and out.draft is not None
        assert places == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}
    else:
        assert step != "before_claim" and out.where == Folder.SENT and out.words != BEING_SENT
        assert places == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}


@every_backend
def test_two_computers_take_it_back_one_wins_the_other_is_told_it_is_in_drafts(box, sandbox):
    _later(box, "mine first")
    here, there = _listing(box), _listing(box)
    [kept] = box.run(here.refresh())
    [same] = box.run(there.refresh())

    first, second = box.run(there.take_back(same)), box.run(here.take_back(kept))

    assert first.done and first.draft is not None
    assert not second.done and second.where == Folder.DRAFTS and second.words == TAKEN_ELSEWHERE
    _past(sandbox)
    assert where(sandbox, "mine first") == {"bob inbox": 0, "outbox": 0, "sent": 0, "drafts": 1, "deleted": 0}


@every_backend
def test_a_lost_answer_to_the_scheduling_is_settled_by_message_id_in_the_outbox(clocked_box, sandbox, backend):
    box = clocked_box
    box.ob.parts.policy = replace(POLICY, settle_delay=0.5)
    sandbox.faults.inject(op(backend, "SendItem"), "drop_after_commit", count=1)
    draft = simple_draft("answer lost").copy(to=[Recipient(BOB)])
    sub = box.run(box.ob.submit(draft, holds.Hold(holds.LATER, time.time() + 2 * HOUR)))
    box.run(box.ob.parts.worker.idle())
    assert (op(backend, "SendItem"), "drop_after_commit") in sandbox.faults.fired  # the fault fired
    assert sub.state == SubState.UNKNOWN
    box.clock.advance(60)
    box.run(box.ob.wait(sub.local_id))

    assert sub.state == SubState.SENT  # found in the Outbox: the server has it, kept; never sent again
    [kept] = box.run(_listing(box).refresh())
    assert kept.internet_message_id == sub.draft.internet_message_id
    assert [r.kept for r in with_kept(box.ob.rows(), (kept,))] == [True]
    _past(sandbox)
    assert where(sandbox, "answer lost") == {"bob inbox": 1, "outbox": 0, "sent": 1, "drafts": 0, "deleted": 0}


@every_backend
def test_a_send_later_an_older_version_held_here_moves_to_the_server_at_the_first_start(services, sandbox, tmp_path):
    """The journal of an older version: a send later HELD on this computer (and one whose time passed while
    Dispatch was closed). The first start with this version sends both now: the first kept by Exchange until its
    time, the second at once, as before; each reported as held resuming queued."""
    journal = Journal(tmp_path / "journal.db")
    soon, gone = (simple_draft(s).copy(to=[Recipient(BOB)], internet_message_id=f"<{s}@dispatch>")
                  for s in ("moved to the server", "time passed"))
    for draft, at in ((soon, time.time() + 2 * HOUR), (gone, time.time() - HOUR)):
        journal.record(draft, "held", account="acct", op="send",
                       meta={"source": "compose", "adopt": False, "hold": "later", "release_at": at})
    journal.close()

    box = Box(services.make(), tmp_path / "journal.db")
    try:
        report = box.ob.restore()
        assert sorted(r[1:] for r in report) == [("held", "queued"), ("held", "queued")]
        box.ob.start()
        for lid in (soon.local_id, gone.local_id):
            box.run(box.ob.wait(lid))
        settle(sandbox)
        assert where(sandbox, "moved to the server") == {"bob inbox": 0, "outbox": 1, "sent": 0, "drafts": 0,
                                                          "deleted": 0}
        assert where(sandbox, "time passed")["bob inbox"] == 1
        assert box.journal.count() == 0
    finally:
        box.close()
