"""Is a message taken back from the Outbox in the server's Drafts as it is (issue 59, item 1)? When not, the
window shows it as unsaved and saves it to Drafts before it shows another message: a taken-back message is
never only in the journal. The in-memory mailbox; real SQLite journal."""

from __future__ import annotations

import time

from app.core.outbox import holds
from app.core.outbox import Outbox
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import SubState
from app.domain.models import ErrorKind
from app.mail.errors import ConnectionFailed, ItemFailed
from app.storage.journal import Journal
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro, saved_summaries

WAIT = RetryPolicy(base=30.0, jitter=0.0)  # a failed try waits 30 s: the test acts meanwhile


def test_a_held_send_is_not_in_drafts_so_it_comes_back_unsaved(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        for kind in (holds.LATER, holds.UNDO):
            # a later hold kept here is a sending limit's wait (the user's own Send later goes to the server)
            reason = "Waiting for the sending limit" if kind == holds.LATER else ""
            sub = await ob.submit(draft_to_bob(f"held {kind}"), hold=holds.Hold(kind, time.time() + 300, reason))
            assert sub.state == SubState.HELD
            assert not ob.hand.in_drafts_as_is(sub.local_id)
            back = await ob.hand.cancel(sub.local_id)
            assert back.subject == f"held {kind}"
        await ob.stop()

    run_coro(main())
    assert box.drafts == {} and box.calls == []


def test_a_send_waiting_for_the_server_or_a_waiting_save_is_not_in_drafts(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    box.script["save"] = [ConnectionFailed(), ConnectionFailed()]

    async def main():
        ob = Outbox(box, journal, account="a", policy=WAIT)
        sub = await ob.submit(draft_to_bob("waiting"))
        await ob.wait(sub.local_id, final=False, timeout=5)
        assert sub.state == SubState.QUEUED and not ob.hand.in_drafts_as_is(sub.local_id)
        job = await ob.save(draft_to_bob("a save"))
        assert job.saved is None and not ob.hand.in_drafts_as_is(job.draft.local_id)
        await ob.stop()

    run_coro(main())
    assert box.drafts == {}


def test_a_send_refused_after_its_save_and_a_draft_sent_from_drafts_are_in_drafts(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    box.script["send"] = [ItemFailed("ErrorSendAsDenied", "no", kind=ErrorKind.PERMANENT)]

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("refused"))
        await ob.wait(sub.local_id, timeout=5)
        assert sub.state == SubState.FAILED
        assert ob.hand.in_drafts_as_is(sub.local_id), "its save reached Drafts before the send was refused"
        [item] = await saved_summaries(box, 1)
        [from_drafts] = await ob.submit_saved([item], hold=holds.undo_hold(10, time.time()))
        assert ob.hand.in_drafts_as_is(from_drafts.local_id)
        await ob.stop()

    run_coro(main())
