"""Send selected and a mail merge as Compose's Send (issue 45, item 11), in the submission core: no Qt, no
network. The batch is HELD in the undo-send window with one release time for all of it (the Outbox's injected
clocks, moved by hand), taken back together, released together into ONE send request; after a crash in its
window it is never sent and its drafts stay in Drafts. Compose's own check decides which drafts may go."""

from __future__ import annotations

import asyncio

from app.core.outbox import holds
from app.core.outbox.owner import meta_of
from app.core.sending.batch_checks import check_drafts, problem
from app.core.merge.send import CONFIRM_ABOVE, confirm_question
from app.core.outbox import Outbox
from app.core.outbox.restore import restore_work
from app.core.outbox.submission import SubState
from app.domain.models import Draft, ItemRef, MessageSummary, Recipient
from app.mail.errors import ConnectionFailed
from app.storage.journal import Journal
from tests.helpers.holds import WALL0, Clocks, clocked_outbox
from tests.helpers.submission import FAST, Mailbox, run_coro, saved_summaries


def test_a_held_batch_has_one_release_time_and_goes_in_one_request_when_it_ends(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 3)
        box.calls.clear()
        subs = await ob.submit_saved(items, hold=holds.undo_hold(10, clocks.wall))
        entries = journal.entries()
        for step in (0.0, 9.9):
            clocks.advance(step)
            await ob.parts.worker.idle()
            assert {s.state for s in subs} == {SubState.HELD} and box.calls == [], step
        clocks.advance(0.1)
        done = await ob.waits.past_hold(subs)
        await ob.stop()
        return subs, entries, done

    subs, entries, done = run_coro(main())
    assert {s.release_at for s in subs} == {0.0} and {s.state for s in done} == {SubState.SENT}
    assert sorted((e.state, e.meta["hold"], e.meta["release_at"], e.meta["source"]) for e in entries) \
        == [("held", "undo", WALL0 + 10, "server")] * 3
    assert box.calls.count("send") == 1, "the batch goes out in ONE request"
    assert sorted(d.subject for d in box.sent) == ["Batch 0", "Batch 1", "Batch 2"]


def test_undo_takes_the_whole_batch_back_and_nothing_is_ever_sent(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 3)
        box.calls.clear()
        subs = await ob.submit_saved(items, hold=holds.undo_hold(10, clocks.wall))
        waiting = asyncio.ensure_future(ob.waits.past_hold(subs))  # Send selected's flow waits through the window
        taken = [ob.hand.cancel(s.local_id) for s in subs]
        for t in taken:
            assert await t is None  # a draft on the server: it simply stays in Drafts
        done = await waiting
        clocks.advance(60)
        await ob.parts.worker.idle()
        await ob.stop()
        return done

    done = run_coro(main())
    assert {s.state for s in done} == {SubState.CANCELLED}
    assert box.calls == [] and box.sent == [] and len(box.drafts) == 3 and journal.count() == 0


def test_a_batch_held_when_dispatch_died_is_never_sent_and_stays_in_drafts(tmp_path):
    path = tmp_path / "j.sqlite3"
    box, clocks = Mailbox(), Clocks()

    async def held_then_killed():
        ob = clocked_outbox(box, Journal(path), clocks)
        items = await saved_summaries(box, 3)
        await ob.submit_saved(items, hold=holds.undo_hold(10, clocks.wall))
        ob.parts.worker.cancel()  # the process dies here: nothing more runs, the journal stays as it is on disk

    run_coro(held_then_killed())
    box.calls.clear()
    journal = Journal(path)
    subs, saves, report = restore_work(journal, "a", FAST, 0.0, meta_of, wall=WALL0 + 3600)
    assert subs == [] and saves == [] and sorted(now for _l, _w, now in report) == ["drafts"] * 3
    assert journal.count() == 0 and box.calls == [] and len(box.drafts) == 3


def test_send_selected_runs_composes_own_check_on_each_draft():
    drafts = {"good": Draft(to=[Recipient("bob@example.com")], subject="ok"),
              "typo": Draft(to=[Recipient("bob@@example")], subject="typo"),
              "nobody": Draft(subject="to nobody"),
              "unread": None}

    async def read(ref: ItemRef) -> Draft:
        if drafts[ref.id] is None:
            raise ConnectionFailed()  # offline: the server checks it when it goes
        return drafts[ref.id]

    items = [MessageSummary(ItemRef(k, "ck"), k, "", None, False) for k in drafts]
    bad = run_coro(check_drafts(items, read))
    assert bad == {"typo": "“bob@@example” is not a valid e-mail address.",
                   "nobody": "Add at least one recipient before sending."}
    assert problem(drafts["good"]) == ""


def test_a_merge_of_more_than_a_few_rows_asks_first():
    assert confirm_question(CONFIRM_ABOVE) == ""
    assert confirm_question(CONFIRM_ABOVE + 1).startswith(f"Send {CONFIRM_ABOVE + 1} messages?")
    assert confirm_question(5000).startswith("Send 5,000 messages?")
