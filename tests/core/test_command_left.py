"""A command that drives the account's queue itself sends what an earlier run left in the journal before it
stops (app/command/queue.py ``finish_left``): a send whose answer was lost when a command was killed is
looked up by Message-ID after its settle delay; a command that stopped as soon as its own message went left
it for yet another run. Real Outbox and journal; the in-memory mailbox of tests/helpers/submission.py."""

from __future__ import annotations

from app.command.queue import finish_left
from app.core.outbox import Outbox
from app.core.outbox.submission import SubState
from app.storage.journal import Journal
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro


def test_a_send_left_in_flight_is_settled_before_the_command_stops(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "journal.sqlite3")

    async def main():
        # an earlier command: the server sent it, the command was killed before the answer came
        saved = await box.save_draft(draft_to_bob("left in flight"))
        await box.send_drafts([saved.ref])
        journal.record(saved, "submitting", account="a", op="send")

        ob = Outbox(box, journal, account="a", policy=FAST)
        ob.restore()
        left = ob.queue.submissions()
        ob.start()
        assert [s.state for s in left] == [SubState.UNKNOWN]  # waits its settle delay before looking it up
        await finish_left(ob, left, 10)
        await ob.stop()
        return left[0]

    sub = run_coro(main())
    assert sub.state == SubState.SENT and box.calls.count("send") == 1  # found in Sent Items, not sent again
    assert journal.entries() == []
    journal.close()

