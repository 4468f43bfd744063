"""The submission state machine and the queue's crash recovery, with no Qt and no network.

The server is an in-memory mailbox (``Mailbox`` in tests/helpers/submission.py): these tests are about the
core's decisions — every transition of the table, and a restart in every state a submission can be stored
in — which must not depend on a window or an HTTP peer. The same paths run against the real sandbox over HTTP in
tests/mail/test_submission_path.py and tests/reliability/.
"""

from __future__ import annotations

import asyncio
import itertools

import pytest

from app.core.outbox import Outbox
from app.core.outbox.takeback import NotCancellable
from app.core.outbox.policy import Action, RetryPolicy, action_for
from app.core.outbox.submission import (
    RESTART, STORED, TRANSITIONS, Event, IllegalTransition, SubState, Submission, next_state,
)
from app.domain.models import Draft, ErrorKind
from app.mail.errors import ConnectionFailed
from app.storage.journal import Journal
from tests.helpers.submission import FAST, Mailbox, draft_to_bob, run_coro


# ---------------------------------------------------------------- the table
def test_every_listed_transition_goes_where_the_table_says():
    for (state, event), target in TRANSITIONS.items():
        assert next_state(state, event) == target


def test_every_transition_not_in_the_table_is_refused():
    for state, event in itertools.product(SubState, Event):
        if (state, event) not in TRANSITIONS:
            with pytest.raises(IllegalTransition):
                next_state(state, event)


def test_sent_and_cancelled_are_final_and_only_failed_can_be_resubmitted():
    for event in Event:
        for final in (SubState.SENT, SubState.CANCELLED):
            assert (final, event) not in TRANSITIONS
    assert [s for (s, e) in TRANSITIONS if e == Event.RESUBMIT] == [SubState.FAILED]
    # nothing that may be on the wire can be cancelled
    assert {s for (s, e) in TRANSITIONS if e == Event.CANCEL} == {SubState.QUEUED, SubState.FAILED, SubState.HELD}


def test_a_send_that_may_have_happened_is_never_sent_again_without_a_look_up():
    # from "submitting" a lost answer leads only to "unknown"; from "unknown" the only way back to
    # "queued" is a look-up that found the draft still in Drafts
    assert next_state(SubState.SUBMITTING, Event.LOST) == SubState.UNKNOWN
    into_queued_from_unknown = [e for (s, e), t in TRANSITIONS.items() if s == SubState.UNKNOWN and t == SubState.QUEUED]
    assert into_queued_from_unknown == [Event.FOUND_DRAFT]


def test_restart_maps_every_stored_state():
    assert set(RESTART) == set(STORED)
    assert RESTART[SubState.SUBMITTING] == SubState.UNKNOWN
    assert RESTART[SubState.SAVING] == SubState.QUEUED
    sub = Submission(Draft(subject="x"), "acct", SubState.SAVING)
    assert sub.restarted().state == SubState.QUEUED and sub.adopt


def test_history_records_each_move():
    sub = Submission(Draft(subject="x"), "acct")
    sub.apply(Event.START)
    sub.apply(Event.SAVED)
    sub.apply(Event.ACCEPTED)
    assert [(a.value, e.value, b.value) for a, e, b in sub.history] == [
        ("queued", "start", "send_saving"), ("send_saving", "saved", "submitting"), ("submitting", "accepted", "sent")]


@pytest.mark.parametrize("kind,action", [
    (ErrorKind.UNREACHABLE, Action.RETRY_FREE), (ErrorKind.TRANSIENT, Action.RETRY),
    (ErrorKind.THROTTLED, Action.RETRY), (ErrorKind.STALE, Action.REFRESH),
    (ErrorKind.OUTCOME_UNKNOWN, Action.SETTLE), (ErrorKind.NOT_FOUND, Action.LOOK_IN_SENT),
    (ErrorKind.AUTH, Action.PARK), (ErrorKind.TLS, Action.PARK), (ErrorKind.INVALID_INPUT, Action.FAIL),
    (ErrorKind.TOO_LARGE, Action.FAIL), (ErrorKind.PERMANENT, Action.FAIL), (None, Action.SETTLE),
])
def test_one_classification_by_kind(kind, action):
    assert action_for(kind) == action


# ---------------------------------------------------------------- on the in-memory server (tests/helpers/submission.py)
def test_a_send_goes_queued_saving_submitting_sent_and_leaves_the_journal(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("plain"))
        assert journal.get(sub.local_id).state == "queued" and journal.get(sub.local_id).op == "send"
        sub = await ob.wait(sub.local_id, timeout=5)
        await ob.stop()
        return sub

    sub = run_coro(main())
    assert sub.state == SubState.SENT
    assert [e.value for _a, e, _b in sub.history] == ["start", "saved", "accepted"]
    assert [d.subject for d in box.sent] == ["plain"] and journal.count() == 0


def test_submitting_is_on_disk_before_the_send_request_leaves(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    seen = []
    real_send = box.send_drafts

    async def spy(refs, save_copy=True):
        seen.extend(e.state for e in Journal(tmp_path / "j.sqlite3").entries())  # another reader: on disk
        return await real_send(refs, save_copy)

    box.send_drafts = spy

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("durable"))
        await ob.wait(sub.local_id, timeout=5)
        await ob.stop()

    run_coro(main())
    assert seen == ["submitting"]


def test_only_queued_or_failed_can_be_cancelled_and_the_message_comes_back(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    box.script["save"] = [ConnectionFailed()]  # unreachable: it waits in the queue (next try in 30 s)

    async def main():
        ob = Outbox(box, journal, account="a", policy=RetryPolicy(base=30.0, jitter=0.0))
        d = draft_to_bob("take me back")
        sub = await ob.submit(d)
        sub = await ob.wait(sub.local_id, final=False, timeout=5)
        assert sub.state == SubState.QUEUED and sub.kind == ErrorKind.UNREACHABLE
        back = await ob.hand.cancel(sub.local_id)
        assert back is not None and back.subject == "take me back" and back.body == "b"
        assert journal.get(d.local_id).state == "editing" and journal.get(d.local_id).op == ""
        # a send whose save is on the wire (``saving``: in flight, derived from its state) cannot be taken back
        entered, gate, plain_save = asyncio.Event(), asyncio.Event(), box.save_draft

        async def save_on_the_wire(draft):
            entered.set()
            await gate.wait()
            return await plain_save(draft)

        box.save_draft = save_on_the_wire
        other = await ob.submit(draft_to_bob("in flight"))
        await asyncio.wait_for(entered.wait(), 5)
        assert other.state == SubState.SAVING and ob.queue.in_flight(other.local_id)
        with pytest.raises(NotCancellable):
            ob.hand.cancel(other.local_id)
        with pytest.raises(NotCancellable):
            ob.hand.delete(other.local_id)
        await ob.stop()

    run_coro(main())
    assert box.sent == []


# ---------------------------------------------------------------- a restart in every stored state
def _seed(journal: Journal, box: Mailbox, state: SubState, where: str) -> Draft:
    """A send journaled in ``state`` (as if the app died there), the server holding it in ``where``."""
    d = draft_to_bob(f"{state.value}-{where}")
    if where in ("drafts", "sent"):
        d = run_coro(box.save_draft(d))
    if where == "sent":
        run_coro(box.send_drafts([d.ref]))
    if where == "drafts-unknown-to-us":  # the save reached the server but its answer never came back
        run_coro(box.save_draft(d))
    # a draft the journal does not know can only exist after a save whose answer was lost, and that
    # is persisted as "adopt" (the next attempt looks the draft up by Message-ID)
    journal.record(d, state.value, account="a", op="send",
                   meta={"source": "compose", "adopt": where == "drafts-unknown-to-us"})
    box.calls.clear()
    return d


# a draft the journal does not know of can only be left by a save whose answer was lost (queued with
# "adopt", or killed while saving): that place is tried for those states only
_RESTARTS = [(state, where) for state in sorted(STORED, key=lambda s: s.value)
             for where in ("drafts", "sent", "nowhere", "drafts-unknown-to-us")
             if where != "drafts-unknown-to-us" or state in (SubState.SAVING, SubState.QUEUED)]


@pytest.mark.parametrize("state,where", _RESTARTS)
def test_restart_in_each_state_never_sends_twice_and_never_loses(tmp_path, state, where):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    d = _seed(journal, box, state, where)

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        report = ob.restore()
        ob.start()
        sub = await ob.wait(d.local_id, timeout=10)
        await ob.stop()
        return report, sub

    report, sub = run_coro(main())
    # held with no reason: a send later an older version held here, which goes to the server now with its time
    resumes = SubState.QUEUED if state == SubState.HELD else RESTART[state]
    assert report == [(d.local_id, state.value, resumes.value)]
    copies = sum(1 for s in box.sent if s.internet_message_id == d.internet_message_id)
    in_drafts = sum(1 for x in box.drafts.values() if x.internet_message_id == d.internet_message_id)
    if state == SubState.FAILED:  # the user decides: nothing happens by itself
        assert sub.state == SubState.FAILED and box.calls == []
        assert copies == (1 if where == "sent" else 0)
        return
    assert copies <= 1 and in_drafts <= 1
    if where == "sent":  # it went out before the crash: found, never sent again
        assert sub.state == SubState.SENT and "send" not in box.calls and copies == 1
    elif state in (SubState.SUBMITTING, SubState.UNKNOWN) and where == "nowhere":
        # a send may be on the wire and the message is nowhere: never resent, the user is asked
        assert sub.state == SubState.FAILED and "send" not in box.calls and copies == 0
        assert journal.get(d.local_id) is not None  # kept: nothing lost
    else:  # it did not go out: sent now, exactly once, no second draft
        assert sub.state == SubState.SENT and copies == 1 and in_drafts == 0
        if where == "drafts-unknown-to-us":
            assert box.calls.count("save") == 1  # the draft found by Message-ID was updated, not duplicated
    if sub.state == SubState.SENT:
        assert journal.get(d.local_id) is None


def test_a_draft_that_cannot_be_sent_is_refused_before_anything_is_created(tmp_path):
    from app.domain.errors import DraftInvalid

    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        for bad in (Draft(subject="nobody to send to", body="b"), draft_to_bob("s" * 256)):
            with pytest.raises(DraftInvalid) as err:
                await ob.submit(bad)
            assert err.value.kind == ErrorKind.INVALID_INPUT and err.value.errors
        await ob.stop()
        return ob

    ob = run_coro(main())
    assert journal.count() == 0 and ob.rows() == [] and box.calls == []



def test_a_send_is_listed_while_it_is_being_written_never_nothing_waiting(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    seen_while_writing = []
    record = journal.record

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)

        def spy(draft, *a, **kw):  # runs on the journal thread while submit() awaits it
            seen_while_writing.append([r.subject for r in ob.rows()])
            return record(draft, *a, **kw)

        journal.record = spy
        sub = await ob.submit(draft_to_bob("being queued"))
        await ob.wait(sub.local_id, timeout=5)
        await ob.stop()

    run_coro(main())
    assert seen_while_writing[0] == ["being queued"]


def test_saved_twice_while_offline_then_sent_makes_one_message_with_the_last_text(tmp_path):
    box, journal = Mailbox(), Journal(tmp_path / "j.sqlite3")
    box.script["save"] = [ConnectionFailed(), ConnectionFailed()]

    async def main():
        ob = Outbox(box, journal, account="a", policy=FAST)
        d = draft_to_bob("three versions")
        await ob.save(d)  # not on the server yet; the editor's copy has no server id
        d.body = "second version"
        await ob.save(d)  # saved again from the same editor copy
        d.body = "third version"
        sub = await ob.submit(d)  # and sent while the save may be in flight
        await ob.wait(sub.local_id, timeout=10)
        await ob.waits.drain(10)
        await ob.stop()

    run_coro(main())
    assert box.drafts == {} and [m.body for m in box.sent] == ["third version"]
    assert journal.count() == 0


def test_a_refused_send_keeps_why_it_was_refused_across_a_restart(tmp_path):
    """The kind of a send's last failure is journaled (``meta_of``) and read back at the next start: a send
    the server refused for its content is still one to fix first (a mail merge's row derives from it that
    Resend must not send it as it is), and one that could not reach the server still one to retry."""
    from app.core.merge.run import row_verdict
    from app.mail.errors import ItemFailed

    box, path = Mailbox(), tmp_path / "j.sqlite3"
    box.script["send"] = [ItemFailed("ErrorInvalidRecipients", "no", kind=ErrorKind.INVALID_INPUT)]

    async def refused():
        ob = Outbox(box, Journal(path), account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("refused"))
        await ob.wait(sub.local_id, timeout=10)
        await ob.stop()
        ob.close()
        return sub

    async def restarted():
        ob = Outbox(box, Journal(path), account="a", policy=FAST)
        ob.restore()
        await ob.stop()
        ob.close()
        return list(ob.queue.submissions())

    sub = run_coro(refused())
    assert sub.state == SubState.FAILED and sub.kind == ErrorKind.INVALID_INPUT
    [again] = run_coro(restarted())
    assert again.state == SubState.FAILED and again.kind == ErrorKind.INVALID_INPUT
    assert row_verdict(again, listed=True)[2] is False, "a restart made a refused message resendable as it is"


def test_a_refused_sends_reason_is_translated_again_after_a_restart(tmp_path):
    """The reason an Outbox row shows is the core's Words (translated by the window); the journal keeps them
    (``meta_of``), so after a restart the row is in the user's language again, not the English of the
    journal's text column. A damaged record falls back to that English text."""
    from app.domain.words import Words
    from app.mail.errors import ItemFailed

    box, path = Mailbox(), tmp_path / "j.sqlite3"
    box.script["send"] = [ItemFailed("ErrorInvalidRecipients", "no", kind=ErrorKind.INVALID_INPUT)]

    async def refused():
        ob = Outbox(box, Journal(path), account="a", policy=FAST)
        sub = await ob.submit(draft_to_bob("refused"))
        await ob.wait(sub.local_id, timeout=10)
        await ob.stop()
        ob.close()
        return sub

    async def restarted():
        ob = Outbox(box, Journal(path), account="a", policy=FAST)
        ob.restore()
        await ob.stop()
        ob.close()
        return list(ob.queue.submissions())

    sub = run_coro(refused())
    assert isinstance(sub.reason, Words)
    [again] = run_coro(restarted())
    assert isinstance(again.reason, Words) and again.reason == sub.reason
    assert again.reason.values == sub.reason.values
    journal = Journal(path)
    entry = journal.get(again.local_id)
    meta = dict(entry.meta or {})
    meta["reason_words"] = {"source": "{missing} placeholder"}
    journal.set_state(again.local_id, again.state.value, meta=meta)
    journal.close()
    [damaged] = run_coro(restarted())
    assert damaged.reason == sub.reason and not isinstance(damaged.reason, Words)
