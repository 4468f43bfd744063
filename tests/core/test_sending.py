"""One send request for every face (app/core/sending/request.py), without Qt: every branch the window took itself
before — checked once, "Send anyway?" answered yes or no, the undo-send hold on and off, the sending limits'
question answered yes or no, a merge's question, a refusal taken back out of the Outbox, partial failures, nothing selected, the
journal unable to record — through the in-memory mailbox and a real journal, on the Outbox's injected clocks
(nothing waits in real time). The questions are answered as a script answers them (no dialogs)."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime, timezone

from app.core.outbox import holds
from app.core.merge.send import CONFIRM_ABOVE, go_ahead
from app.core.outbox import Outbox
from app.core.outbox.policy import RetryPolicy
from app.core.sending.request import Answers, BatchRequest, Result, Sending, hand_over
from app.core.sending.limits import RecipientLedger, ServerLimits, plan_batch
from app.core.outbox.submission import SubState
from app.domain.models import Draft, ErrorKind, ItemRef, Recipient
from app.domain.validation import FieldError
from app.mail.errors import ConnectionFailed, ItemFailed
from app.mail.service import MessageLimits
from app.storage.journal import Journal
from tests.helpers.holds import WALL0, Clocks, clocked_outbox
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro, saved_summaries

LIMITS = ServerLimits("Exchange Online", recipients_per_day=3, recipients_per_message=2, messages_per_minute=30)


class Asked(Answers):
    """A script's answers, and what it was asked and told (with how many sends were on their way then)."""

    def __init__(self, sending: Sending, **answers):
        super().__init__(**answers)
        self.sending, self.log = sending, []
        self.told = None  # an asyncio.Event set once a batch is handed over

    async def send_anyway(self, warnings):
        self.log.append(("send anyway?", [w.code for w in warnings], self.sending.under_way))
        return await super().send_anyway(warnings)

    async def send_part(self, plan):
        self.log.append(("send part?", (list(plan.send_now), [i for i, _ in plan.later], plan.too_many),
                         self.sending.under_way))
        return await super().send_part(plan)

    def on_the_way(self, busy):
        self.log.append(("on the way", busy, self.sending.under_way))

    def handed_over(self, handed):
        self.log.append(("handed over", len(handed.held), self.sending.under_way))
        if self.told is not None:
            self.told.set()


class Reads:
    """Compose's message, counted: the core reads it once per request."""

    def __init__(self, draft: Draft):
        self.draft, self.count = draft, 0

    def __call__(self) -> Draft:
        self.count += 1
        return self.draft


def _compose(tmp_path, draft: Draft, *, hold_s: float = 0.0, box: Mailbox | None = None, problems=(),
             journal=None, policy=FAST, **answers):
    """Send ``draft`` as Compose's Send does; returns (result, what was asked, reads, box, journal entries,
    checks told)."""
    box, journal, clocks = box or Mailbox(), journal or Journal(tmp_path / "j.sqlite3"), Clocks()
    sending, reads, checks = Sending(), Reads(draft), []
    asked = Asked(sending, **answers)

    async def main():
        ob = Outbox(box, journal, account="a", policy=policy, clock=clocks.monotonic, wall=lambda: clocks.wall)
        r = await sending.send_draft(ob, reads, asked, hold=lambda: holds.undo_hold(hold_s, clocks.wall),
                                     problems=list(problems), checked=checks.append)
        entries = journal.entries()
        if r.result == Result.HELD:
            clocks.advance(hold_s)
            r.sub = (await ob.waits.past_hold([r.sub]))[0]
        await ob.stop()
        return r, entries, ob

    r, entries, ob = run_coro(main())
    assert sending.under_way == 0
    return r, asked.log, reads, box, entries, checks


# ---------------------------------------------------------------- Compose's Send
def test_a_message_is_read_once_checked_once_and_sent(tmp_path):
    r, log, reads, box, _entries, checks = _compose(tmp_path, draft_to_bob("Hello"))
    assert r.result == Result.SENT and [d.subject for d in box.sent] == ["Hello"]
    assert reads.count == 1 and checks == [[]], "one read, one check, told once"
    assert log == [("on the way", True, 1), ("on the way", False, 0)], "no question; on its way while handed over"


def test_a_message_that_cannot_be_sent_is_refused_at_its_fields_and_nothing_is_created(tmp_path):
    r, log, reads, box, entries, checks = _compose(tmp_path, Draft(subject="to nobody", body="b"))
    assert r.result == Result.INVALID and [e.field for e in r.errors] == ["to"]
    assert checks == [r.errors] and reads.count == 1
    assert log == [] and entries == [] and box.calls == [], "no question, nothing journaled, nothing sent"


def test_what_the_fields_found_stops_it_too(tmp_path):
    unfinished = FieldError("to", "“bob@” is not finished.", "bob@")
    r, log, _reads, box, entries, _checks = _compose(tmp_path, draft_to_bob("Hi"), problems=[unfinished])
    assert r.result == Result.INVALID and r.errors == [unfinished]
    assert entries == [] and box.calls == [] and log == []


def test_no_subject_asks_first_and_no_sends_nothing(tmp_path):
    draft = Draft(to=[Recipient("bob@example.com")], subject="", body="b")
    r, log, _reads, box, entries, _checks = _compose(tmp_path, draft, send_anyway=False)
    assert r.result == Result.DECLINED and [w.code for w in r.warnings] == ["no_subject"]
    assert log == [("send anyway?", ["no_subject"], 0)], "asked once, nothing on its way meanwhile"
    assert entries == [] and box.calls == []


def test_send_anyway_sends_it(tmp_path):
    draft = Draft(to=[Recipient("bob@example.com")], subject="", body="See the attachment")
    r, log, _reads, box, _entries, _checks = _compose(tmp_path, draft, send_anyway=True)
    assert log[0] == ("send anyway?", ["no_subject", "attachment_missing"], 0)
    assert r.result == Result.SENT and len(box.sent) == 1


def test_undo_send_on_holds_it_then_the_outbox_sends_it(tmp_path):
    r, _log, _reads, box, entries, _checks = _compose(tmp_path, draft_to_bob("Held"), hold_s=10)
    assert r.result == Result.HELD
    assert [(e.state, e.meta["hold"], e.meta["release_at"]) for e in entries] == [("held", "undo", WALL0 + 10)]
    assert r.sub.state == SubState.SENT and [d.subject for d in box.sent] == ["Held"]


def test_undo_send_off_sends_at_once(tmp_path):
    r, _log, _reads, box, entries, _checks = _compose(tmp_path, draft_to_bob("Now"), hold_s=0)
    assert r.result == Result.SENT and entries == [] and len(box.sent) == 1, "never held: sent, confirmed"


def test_a_refusal_takes_it_back_out_of_the_outbox_and_gives_the_message_back(tmp_path):
    box = Mailbox()
    box.script["send"] = [ItemFailed("ErrorInvalidRecipients", "The address is not valid",
                                     kind=ErrorKind.INVALID_INPUT)]
    journal = Journal(tmp_path / "j.sqlite3")
    r, _log, _reads, box, _entries, _checks = _compose(tmp_path, draft_to_bob("Refused"), box=box, journal=journal)
    assert r.result == Result.REFUSED and r.outcome.code == "ErrorInvalidRecipients"
    assert r.back is not None and r.back.subject == "Refused", "the user's message again"
    assert r.sub.state == SubState.CANCELLED and box.sent == []
    assert [e.state for e in journal.entries()] == ["editing"], "in the journal as a message being written"


def test_offline_it_waits_in_the_outbox(tmp_path):
    box = Mailbox()
    box.script["save"] = [ConnectionFailed()]
    r, _log, _reads, box, _entries, _checks = _compose(tmp_path, draft_to_bob("Later"), box=box,
                                                       policy=RetryPolicy(base=30.0, jitter=0.0))
    assert r.result == Result.WAITING and r.sub.state == SubState.QUEUED and box.sent == []


class _JournalOnAFullDisk(Journal):
    """Every write of a send fails as SQLite fails on a full disk."""

    def record(self, *a, **kw):
        raise sqlite3.OperationalError("database or disk is full")


def test_a_send_the_journal_cannot_record_is_not_sent(tmp_path):
    journal = _JournalOnAFullDisk(tmp_path / "j.sqlite3")
    r, _log, _reads, box, _entries, _checks = _compose(tmp_path, draft_to_bob("Full"), journal=journal)
    assert r.result == Result.NOT_RECORDED and "full" in r.reason and box.calls == []


# ---------------------------------------------------------------- Send selected (drafts on the server)
def _batch(tmp_path, n: int, *, hold_s: float = 0.0, limits=None, read_as=None, undo=False,
           before=None, **answers):
    """Send ``n`` saved drafts as Send selected does; returns (BatchResult, what was asked, box)."""
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    sending = Sending()
    asked = Asked(sending, **answers)

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, n)
        if before is not None:
            before(box, items)
        box.calls.clear()

        async def read(ref: ItemRef) -> Draft:
            d = box.drafts[ref.id]
            return read_as(d) if read_as is not None else d

        request = BatchRequest(items, read=read, limits=limits,
                               ledger=RecipientLedger, hold=lambda: holds.undo_hold(hold_s, clocks.wall),
                               wall=lambda: clocks.wall)
        asked.told = asyncio.Event()
        task = asyncio.ensure_future(sending.send_saved(ob, [it.ref for it in items], request, asked))
        await asyncio.wait([task, asyncio.ensure_future(asked.told.wait())], return_when=asyncio.FIRST_COMPLETED)
        if hold_s and not task.done():
            assert sending.under_way == 0, "held: nothing of it is on its way"
            if undo:
                for s in list(ob.queue.subs.values()):
                    await ob.hand.cancel(s.local_id)
            else:
                clocks.advance(hold_s)
        done = await task
        await ob.stop()
        return done

    done = run_coro(main())
    assert sending.under_way == 0
    return done, asked.log, box


def test_nothing_selected_sends_nothing(tmp_path):
    sending = Sending()
    done = run_coro(sending.send_saved(None, [], BatchRequest([]), Answers()))
    assert done.results == [] and done.refs == [] and not done.declined


def test_composes_check_holds_back_a_bad_draft_and_the_rest_go_in_one_request(tmp_path):
    def read_as(d: Draft) -> Draft:
        return d.copy(to=[Recipient("bob@@example")]) if d.subject == "Batch 1" else d

    done, log, box = _batch(tmp_path, 3, read_as=read_as)
    assert list(done.bad.values()) == ["“bob@@example” is not a valid e-mail address."]
    assert [r.result for r in done.results] == [Result.SENT, Result.SENT]
    assert sorted(d.subject for d in box.sent) == ["Batch 0", "Batch 2"] and box.calls.count("send") == 1
    assert log == [("handed over", 0, 1)]


def test_over_a_limit_no_sends_nothing(tmp_path):
    done, log, box = _batch(tmp_path, 5, limits=LIMITS, send_part=False)
    assert done.declined and done.results == [] and box.sent == [] and "send" not in box.calls
    assert log == [("send part?", ([0, 1, 2], [3, 4], []), 0)], "asked first, nothing on its way meanwhile"


def test_over_a_limit_yes_sends_the_part_that_fits_and_the_rest_waits_in_the_outbox(tmp_path):
    def read_as(d: Draft) -> Draft:  # the last one has 3 recipients where one message may have 2
        return d.copy(to=[Recipient(f"{x}@example.com") for x in "abc"]) if d.subject == "Batch 4" else d

    done, log, box = _batch(tmp_path, 5, limits=LIMITS, read_as=read_as, send_part=True)
    assert log[0] == ("send part?", ([0, 1, 2], [3], [4]), 0)
    assert [r.result for r in done.results] == [Result.SENT] * 3 + [Result.WAITING, Result.TOO_MANY]
    later = done.results[3].sub
    assert later.state == SubState.HELD and later.hold_kind == holds.LATER
    assert sorted(d.subject for d in box.sent) == ["Batch 0", "Batch 1", "Batch 2"]


def test_a_batch_is_held_as_one_and_released_into_one_request(tmp_path):
    done, log, box = _batch(tmp_path, 3, hold_s=10)
    assert log == [("handed over", 3, 1)]
    assert [r.result for r in done.results] == [Result.SENT] * 3 and box.calls.count("send") == 1


def test_undo_takes_the_held_batch_back_and_nothing_is_sent(tmp_path):
    done, _log, box = _batch(tmp_path, 3, hold_s=10, undo=True)
    assert [r.result for r in done.results] == [Result.TAKEN_OUT] * 3
    assert box.sent == [] and len(box.drafts) == 3


def test_a_partial_failure_takes_the_refused_one_back_the_others_are_sent(tmp_path):
    def gone(box, items):  # deleted on the server after it was listed: the server refuses that one
        del box.drafts[items[1].ref.id]

    done, _log, box = _batch(tmp_path, 3, before=gone)
    assert [r.result for r in done.results] == [Result.SENT, Result.REFUSED, Result.SENT]
    refused = done.results[1]
    assert refused.outcome.code == "ErrorItemNotFound" and refused.sub.state == SubState.CANCELLED
    assert sorted(d.subject for d in box.sent) == ["Batch 0", "Batch 2"]


# ---------------------------------------------------------------- the merge's hand-over
def test_a_merge_hands_over_through_the_same_core(tmp_path):
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        items = await saved_summaries(box, 2)
        handed = await hand_over(ob, items, None, holds.undo_hold(10, clocks.wall))
        held = list(handed.held)
        clocks.advance(10)
        done = await ob.waits.past_hold(handed.going)
        await ob.stop()
        return held, done

    held, done = run_coro(main())
    assert len(held) == 2 and {s.state for s in done} == {SubState.SENT} and box.calls.count("send") == 1


def test_a_merge_asks_first_when_it_is_more_than_a_few_rows_or_meets_a_limit():
    class Merge(Answers):
        def __init__(self, **answers):
            super().__init__(**answers)
            self.asked = []

        async def send_merge(self, rows, plan):
            self.asked.append(rows)
            return await super().send_merge(rows, plan)

    over = plan_batch([1, 1], RecipientLedger([(WALL0 - 60, 2)]), LIMITS, WALL0)  # 2 sent today, 3 a day
    for rows, plan, yes, goes, asked in [(CONFIRM_ABOVE, None, False, True, []),
                                         (CONFIRM_ABOVE + 1, None, False, False, [CONFIRM_ABOVE + 1]),
                                         (CONFIRM_ABOVE + 1, None, True, True, [CONFIRM_ABOVE + 1]),
                                         (2, over, False, False, [2])]:
        face = Merge(send_merge=yes)
        assert run_coro(go_ahead(rows, plan, face)) is goes and face.asked == asked, (rows, yes)


# ---------------------------------------------------------------- Send later, and a file sent as it is
def test_send_later_is_the_same_request_with_its_time_for_the_server(tmp_path):
    """Send later is Compose's send request with a later hold: checked once, asked about, and handed to the
    Outbox with its time (journaled with the message), which the server keeps: nothing is held here."""
    box, journal, clocks = Mailbox(), Journal(tmp_path / "j.sqlite3"), Clocks()
    sending, reads = Sending(), Reads(Draft(to=[Recipient("bob@example.com")], body="no subject"))
    asked = Asked(sending, send_anyway=True)

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        r = await sending.send_draft(ob, reads, asked, hold=lambda: holds.Hold(holds.LATER, WALL0 + 3600))
        entries = journal.entries()
        await ob.wait(r.sub.local_id, timeout=5)
        await ob.stop()
        return r, entries

    r, entries = run_coro(main())
    at = datetime.fromtimestamp(WALL0 + 3600, timezone.utc)
    assert r.result == Result.SCHEDULED and r.sub.hold_kind == "" and r.sub.draft.send_at == at
    assert [d.send_at for d in box.sent] == [at]  # sent at once with its time (the server keeps it): never held here
    assert [(e.state, "hold" in e.meta, e.draft.send_at) for e in entries] in ([], [("queued", False, at)])
    assert reads.count == 1 and asked.log[0][:2] == ("send anyway?", ["no_subject"])


def _as_is(tmp_path, journal):
    from app.core.outbox.mime_send import message_id_of

    box, sending = Mailbox(), Sending()
    raw = (b"From: alice@example.com\r\nTo: bob@example.com\r\nSubject: As is\r\n"
           b"Message-ID: <as-is@example.com>\r\n\r\nbody\r\n")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        r = await sending.send_mime(ob, raw, Draft(to=[Recipient("bob@example.com")], subject="As is",
                                                   internet_message_id=message_id_of(raw)))
        await ob.stop()
        return r

    r = run_coro(main())
    assert sending.under_way == 0
    return r


def test_a_file_sent_as_it_is_is_handed_to_the_outbox(tmp_path):
    journal = Journal(tmp_path / "j.sqlite3")
    r = _as_is(tmp_path, journal)
    assert r.result == Result.WAITING and r.sub is not None and r.sub.source == "mime"


def test_a_file_the_journal_cannot_record_is_not_sent_and_says_why(tmp_path):
    r = _as_is(tmp_path, _JournalOnAFullDisk(tmp_path / "j.sqlite3"))
    assert r.result == Result.NOT_RECORDED and "full" in r.reason and r.sub is None


def test_the_outbox_checks_again_only_against_a_lower_limit_learnt_since(tmp_path):
    """The request's check is trusted by the Outbox when it was made against the server's limit; a face that
    checked against a larger one (learnt lower since) is checked again there, and nothing is created."""
    box = Mailbox()
    box.message_limits = MessageLimits(max_send_bytes=4000)
    big = Draft(to=[Recipient("bob@example.com")], subject="Big", body="x" * 6000)
    journal, clocks, sending = Journal(tmp_path / "j.sqlite3"), Clocks(), Sending()

    async def main():
        ob = clocked_outbox(box, journal, clocks)
        r = await sending.send_draft(ob, lambda: big, Answers(), max_send_bytes=10_000)
        await ob.stop()
        return r

    r = run_coro(main())
    assert r.result == Result.INVALID and r.reason and box.sent == [] and journal.entries() == []
