"""A batch handed to the Outbox under the account's sending limits (app/core/sending/limited.py), in the
submission core on the Outbox's injected clocks: the part that fits goes now, the rest waits in the Outbox
HELD until the rolling day has room (journaled: a restart keeps it), none is lost or sent blindly."""

from __future__ import annotations

from app.core.outbox.holds import clock_text, row_text
from app.core.sending.limited import WAIT_REASON, submit_planned
from app.core.outbox import Outbox
from app.core.sending.limits import DAY, RecipientLedger, SentCounter, ServerLimits, plan_batch
from app.core.outbox.submission import SubState
from app.storage.journal import Journal
from app.storage.sent_ledger import SentLedgerStore
from app.domain.events import SubmissionFinished
from tests.helpers.holds import FAST, WALL0, Clocks, clocked_outbox
from tests.helpers.submission import Mailbox, run_coro, saved_summaries

LIMITS = ServerLimits("Exchange Online", recipients_per_day=3, recipients_per_message=2, messages_per_minute=30)


def test_the_part_that_fits_goes_the_rest_waits_held_in_the_outbox_until_the_day_has_room(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 6)
        box.calls.clear()
        plan = plan_batch([1, 1, 1, 1, 1, 3], RecipientLedger(), LIMITS, clocks.wall)
        subs = await submit_planned(ob, items, plan, None)
        assert subs[5] is None  # 3 recipients where one message may have 2: not handed over
        ob.parts.worker.poke()
        await ob.parts.worker.idle()
        sent_first = sorted(d.subject for d in box.sent)
        held = [(s.local_id, s.release_at, s.reason) for s in subs if s is not None and s.state == SubState.HELD]
        entries = {e.local_id: e for e in journal.entries()}
        clocks.advance(DAY)
        done = await ob.waits.past_hold([s for s in subs if s is not None])
        await ob.stop()
        return sent_first, held, entries, done

    sent_first, held, entries, done = run_coro(main())
    assert sent_first == ["Batch 0", "Batch 1", "Batch 2"]  # today's 3 recipients
    assert len(held) == 2 and {at for _, at, _ in held} == {WALL0 + DAY}
    assert {why for _, _, why in held} == {WAIT_REASON.format(name="Exchange Online", limit=3)}
    assert {(entries[i].meta["hold"], entries[i].meta["release_at"]) for i, _, _ in held} \
        == {("later", WALL0 + DAY)}  # on disk: a restart keeps them waiting
    assert {s.state for s in done} == {SubState.SENT} and len(done) == 5


def test_a_batch_within_the_limits_goes_as_before(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 3)
        plan = plan_batch([1, 1, 1], RecipientLedger(), LIMITS, clocks.wall)
        subs = await submit_planned(ob, items, plan, None)
        ob.parts.worker.poke()
        done = await ob.waits.past_hold(subs)
        await ob.stop()
        return done

    assert {s.state for s in run_coro(main())} == {SubState.SENT}


def _counted_outbox(box, journal, clocks, counter) -> Outbox:
    """The Outbox as AccountRuntime builds it: each finished send told to the sent count."""
    ob = Outbox(box, journal, account="a", policy=FAST, clock=clocks.monotonic, wall=lambda: clocks.wall)
    ob.news.subscribe(SubmissionFinished, lambda e: counter.record(e.submission))
    return ob


def test_the_sent_count_records_each_drafts_real_recipients_not_one_a_message(tmp_path):
    """Send selected and a merge send drafts as they are on the server: the queue holds none of their
    recipients, so the count comes from the plan (each draft's distinct To+Cc+Bcc). Counted as 1 a message, a
    day's 10 recipients read as 2 and a later batch would go over the limit blindly."""
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    counter = SentCounter(SentLedgerStore(tmp_path / "sent-ledger"), "a", wall=lambda: clocks.wall)
    limits = ServerLimits("Exchange Online", recipients_per_day=10, recipients_per_message=6)

    async def main():
        ob = _counted_outbox(box, journal, clocks, counter)
        items = await saved_summaries(box, 2)
        plan = plan_batch([4, 6], RecipientLedger(), limits, clocks.wall)
        subs = await submit_planned(ob, items, plan, None)
        ob.parts.worker.poke()
        await ob.waits.past_hold(subs)
        await ob.stop()
        return plan_batch([1], counter.ledger(), limits, clocks.wall)

    nxt = run_coro(main())
    assert counter.ledger().used(clocks.wall) == 10
    assert nxt.send_now == [] and nxt.refused_today == 1, "the day is full: the next one is not sent blindly"


def test_a_held_sends_recipients_are_journaled_and_counted_after_a_restart(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    counter = SentCounter(SentLedgerStore(tmp_path / "sent-ledger"), "a", wall=lambda: clocks.wall)

    async def first_run():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 1)
        plan = plan_batch([3], RecipientLedger([(clocks.wall, 3)]), ServerLimits('x', recipients_per_day=5), clocks.wall)
        [sub] = await submit_planned(ob, items, plan, None)  # waits a day, held
        await ob.stop()
        return sub

    held = run_coro(first_run())
    assert held.state == SubState.HELD and held.recipients == 3

    async def after_restart():
        clocks.advance(DAY)
        ob = _counted_outbox(box, Journal(tmp_path / "j.sqlite3"), clocks, counter)
        ob.restore()
        ob.start()
        done = await ob.wait(held.local_id, timeout=5)
        await ob.stop()
        return done

    done = run_coro(after_restart())
    assert done.state == SubState.SENT and counter.ledger().used(clocks.wall) == 3


def test_why_a_held_message_waits_is_journaled_and_said_again_after_a_restart(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    reason = WAIT_REASON.format(name="Exchange Online", limit=3)

    async def first_run():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 4)
        plan = plan_batch([1, 1, 1, 1], RecipientLedger(), LIMITS, clocks.wall)
        subs = await submit_planned(ob, items, plan, None)
        await ob.stop()
        return subs[3]

    held = run_coro(first_run())
    assert held.state == SubState.HELD and held.reason == reason
    assert journal.get(held.local_id).meta["hold_reason"] == reason  # on disk with its time and kind

    async def after_restart():
        clocks.mono = 5.0  # a new process, an hour later: still before its time
        clocks.advance(3600, mono=False)
        ob = clocked_outbox(box, Journal(tmp_path / "j.sqlite3"), clocks)
        ob.restore()
        await ob.stop()
        return ob.queue.submission(held.local_id)

    again = run_coro(after_restart())
    assert (again.state, again.hold_kind, again.release_at) == (SubState.HELD, "later", held.release_at)
    assert again.reason == reason
    assert row_text(again, clocks.mono) == f"Sends at {clock_text(held.release_at)} — {reason}"  # its Outbox row
