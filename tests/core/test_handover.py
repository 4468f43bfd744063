"""Hand-over (app/core/outbox/handover.py): an account's unfinished journal entries go to another account of the same
mailbox (EWS blocked -> Microsoft 365), so that the new account's Outbox resumes each one safely on a backend
whose item ids differ: never sent twice, never lost. No Qt, no network: a journal file in tmp_path and the
in-memory server of tests/helpers/submission.py, whose ids are not the journal's (the old backend's).
The same path over HTTP against the sandbox (EWS, then Graph): tests/mail/test_handover.py."""

from __future__ import annotations

import asyncio

import pytest

from app.core.outbox import handover

from app.core.compose import recovery
from app.core.outbox.handover import hand_over, send_resumes, waiting_for
from app.core.outbox import Outbox
from app.core.outbox.owner import meta_of
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.restore import restore_work
from app.core.outbox.submission import FINAL, RESTART, STORED, TAKEN_OUT, TRANSITIONS, SubState, Submission
from app.domain.models import Attachment, Draft, ItemRef, Recipient
from app.storage.journal import Journal, State
from tests.helpers.submission import Mailbox

OLD = "ews:alice@example.com|https://mail.example.com/EWS/Exchange.asmx"
NEW = "graph:alice@example.com|"
OTHER = "ews:bob@example.com|https://mail.example.com/EWS/Exchange.asmx"
EWS_REF = ItemRef("AAMkAGI2TG93AAA=", "CQAAABYAAAB")  # the old backend's item id: nothing on the new one
FAST = RetryPolicy(max_attempts=4, base=0.01, factor=2.0, cap=0.05, jitter=0.0, settle_delay=0.01, settle_lookups=2)
SEND_STATES = sorted(STORED, key=lambda s: s.value)  # every state the core stores a send in (= RESTART's keys)


def _run(coro):
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(coro)
    finally:
        loop.close()


def _draft(name: str, *, ref=EWS_REF, mid=True, attachment=True) -> Draft:
    return Draft(to=[Recipient("bob@example.com")], subject=name, body=f"body of {name}", ref=ref,
                 internet_message_id=f"<{name}@dispatch>" if mid else "",
                 attachments=[Attachment("a.txt", b"bytes of " + name.encode(), "text/plain",
                                         attachment_id="EWS-ATT-" + name)] if attachment else [])


def _send(j: Journal, d: Draft, state: SubState | str, *, account=OLD, source="compose") -> Draft:
    """A send journalled in ``state`` under ``account``, as the EWS Outbox leaves one parked by the block."""
    state = getattr(state, "value", state)
    j.record(d, state, account=account, op="send",
             meta={"source": source, "adopt": False, "kind": "auth", "display_to": "Bob"})
    j.set_state(d.local_id, state, attempts=2, error="Exchange Online no longer accepts EWS")
    return d


def _save(j: Journal, d: Draft, state=State.OUTBOX_WAITING, account=OLD) -> Draft:
    j.record(d, state, account=account, op="save")
    return d


def _edit(j: Journal, d: Draft, account=OLD) -> Draft:
    j.record(d, State.EDITING, account=account)
    return d


def _restore(j: Journal, account: str = NEW):
    subs, saves, report = restore_work(j, account, FAST, 0.0, meta_of)
    return {s.local_id: s for s in subs}, {s.local_id: s for s in saves}, report


def _mine(j: Journal, account: str):
    return [e for e in j.entries() if e.account == account]


def _expected(state: SubState, source: str = "compose"):
    """(state, adopt) a send stored in ``state`` must resume in under the new account; None: it stays."""
    if state in FINAL:
        return None
    if RESTART[state] == SubState.UNKNOWN:  # may have gone out: settled by Message-ID, never sent blindly
        return SubState.UNKNOWN, False
    if source != "compose":  # content only on the server: found by Message-ID (settled), never written
        return (SubState.UNKNOWN, False) if RESTART[state] == SubState.QUEUED else None
    if RESTART[state] == SubState.QUEUED:  # not sent: its draft is found by Message-ID before it is written
        return SubState.QUEUED, True
    # a state that waits (held: undo window, send later) resumes as itself and only ever goes on into the
    # queue; there its save must adopt the draft by Message-ID too
    assert RESTART[state] == state
    assert {t for (f, _e), t in TRANSITIONS.items() if f == state} - TAKEN_OUT == {SubState.QUEUED}
    return state, True


UNFINISHED = [s for s in SEND_STATES if s not in FINAL]


# ---------------------------------------------------------------- the rule, from the core's RESTART map
def test_the_rule_is_restart_applied_to_the_state_it_is_treated_as_having_died_in():
    assert set(RESTART) == set(STORED)  # the hand-over covers every state the core stores a send in
    for state in RESTART:
        for source in ("compose", "server"):
            want = _expected(state, source)
            if want is None and state not in FINAL:
                with pytest.raises(ValueError):
                    send_resumes(state, source)
                continue
            sub = send_resumes(state, source)
            assert (None if sub is None else (sub.state, sub.adopt)) == want, (state, source)
    # what the two "as if" states mean in the core
    assert RESTART[handover.AS_IF_SAVE_UNKNOWN] == SubState.QUEUED
    assert Submission(Draft(), "a", handover.AS_IF_SAVE_UNKNOWN).restarted().adopt
    assert RESTART[handover.AS_IF_SEND_UNKNOWN] == SubState.UNKNOWN


@pytest.mark.parametrize("state", SEND_STATES, ids=lambda s: s.value)
def test_each_stored_send_state_resumes_safely_under_the_new_account(tmp_path, state):
    j = Journal(tmp_path / "j.sqlite3")
    d = _send(j, _draft(state.value), state)
    rep = hand_over(j, OLD, NEW)
    subs, _saves, report = _restore(j)
    if state in FINAL:  # a failed send stays where it was, untouched
        assert rep.moved == () and rep.left == ((d.local_id, handover.LEFT_FINAL),) and subs == {}
        e = j.get(d.local_id)
        assert (e.account, e.state, e.attempts, e.draft.ref) == (OLD, state.value, 2, EWS_REF)
        assert e.draft.attachments[0].attachment_id == "EWS-ATT-" + state.value
        assert e.meta["kind"] == "auth"
        return
    expected, adopt = _expected(state)
    sub = subs[d.local_id]
    assert (sub.state, sub.adopt) == (expected, adopt)
    assert report == [(d.local_id, expected.value, expected.value)]  # stored as it resumes: nothing to fix up
    assert sub.draft.ref is None  # the old backend's item id is gone ...
    assert sub.draft.internet_message_id == d.internet_message_id  # ... its Message-ID kept
    assert [a.attachment_id for a in sub.draft.attachments] == [""]  # old attachment ids too
    assert [a.content for a in sub.draft.attachments] == [d.attachments[0].content]  # the bytes kept
    assert (sub.draft.subject, sub.draft.body, sub.display_to) == (d.subject, d.body, "Bob")
    assert sub.attempts == 0 and sub.reason == ""  # the old backend's retries and error
    assert j.get(d.local_id).meta == {"source": "compose", "adopt": adopt, "display_to": "Bob"}  # "kind" gone
    assert rep.sends == 1 and rep.sends_by_state == {state.value: 1}
    assert rep.resumes_by_state == {expected.value: 1}
    assert _restore(j, OLD) == ({}, {}, []) and _mine(j, OLD) == []
    assert waiting_for(j, OLD) == 0 and waiting_for(j, NEW) == 1


def test_saves_and_messages_being_written_move_and_are_adopted_by_message_id(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    waiting = _save(j, _draft("save-waiting"))
    in_flight = _save(j, _draft("save-in-flight"), State.SAVING)
    typed = _edit(j, _draft("being-written"))
    rep = hand_over(j, OLD, NEW)
    assert (rep.sends, rep.saves, rep.edits, rep.left) == (0, 2, 1, ())
    _subs, saves, _ = _restore(j)
    for d in (waiting, in_flight):
        job = saves[d.local_id]
        assert job.adopt  # the save first looks the draft up by Message-ID: never a second copy
        assert job.draft.ref is None and job.draft.internet_message_id == d.internet_message_id
        assert [a.attachment_id for a in job.draft.attachments] == [""]
    e = recovery.message_to_reopen(j, NEW)
    assert e.local_id == typed.local_id and e.state == State.EDITING and e.op == ""
    assert e.draft.ref is None and e.draft.internet_message_id == typed.internet_message_id
    assert recovery.message_to_reopen(j, OLD) is None


def test_a_recovered_message_adopts_its_draft_on_the_new_backend_by_message_id(tmp_path):
    """recovery.resume after the hand-over: the draft the old backend saved is found by Message-ID (under
    the new backend's id) and that one is updated, not a second one created."""
    j = Journal(tmp_path / "j.sqlite3")
    box = Mailbox()
    d = _draft("typed-then-blocked", ref=None)
    on_server = _run(box.save_draft(d))  # the same message as the new backend names it
    _edit(j, d.copy(ref=EWS_REF))
    hand_over(j, OLD, NEW)
    queued = []

    class FakeOutbox:
        async def save(self, draft, *, wait=True):
            queued.append(draft)

    branches = _run(recovery.resume(j, FakeOutbox(), box, NEW, keep=set()))
    assert branches == {d.local_id: recovery.Branch.ADOPTED}
    assert [q.ref for q in queued] == [on_server.ref]


def test_what_is_not_moved(tmp_path):
    j = Journal(tmp_path / "j.sqlite3")
    failed = _send(j, _draft("failed"), SubState.FAILED)
    no_mid = _send(j, _draft("server-no-mid", mid=False), SubState.QUEUED, source="server")
    bobs = _send(j, _draft("bobs"), SubState.QUEUED, account=OTHER)
    legacy = _send(j, _draft("legacy"), SubState.QUEUED, account="")  # older than accounts: anyone's
    queued = _send(j, _draft("queued"), SubState.QUEUED)
    before = {e.local_id: (e.account, e.state, e.draft.ref, e.meta) for e in j.entries()}
    assert waiting_for(j, OLD) == 2  # queued + the server draft (failed is not waiting)
    rep = hand_over(j, OLD, NEW)
    assert [m.local_id for m in rep.moved] == [queued.local_id]
    assert dict(rep.left) == {failed.local_id: handover.LEFT_FINAL, no_mid.local_id: handover.LEFT_UNFINDABLE}
    after = {e.local_id: (e.account, e.state, e.draft.ref, e.meta) for e in j.entries()}
    for d in (failed, no_mid, bobs, legacy):
        assert after[d.local_id] == before[d.local_id]
    assert waiting_for(j, OLD) == 1 and waiting_for(j, NEW) == 1 and waiting_for(j, OTHER) == 1
    with pytest.raises(ValueError):
        hand_over(j, OLD, OLD)
    with pytest.raises(ValueError):
        hand_over(j, "", NEW)


def _everything(j: Journal) -> list:
    return sorted((e.local_id, e.account, e.state, e.draft.ref, e.draft.internet_message_id, e.attempts,
                   e.last_error, tuple(a.attachment_id for a in e.draft.attachments), sorted(e.meta.items()))
                  for e in j.entries())


def _seed_all(j: Journal) -> None:
    for state in SEND_STATES:
        _send(j, _draft("send-" + state.value), state)
    _save(j, _draft("save"))
    _edit(j, _draft("edit"))


def test_a_crash_while_deciding_leaves_everything_under_the_old_account(tmp_path, monkeypatch):
    j = Journal(tmp_path / "j.sqlite3")
    _seed_all(j)
    before = _everything(j)
    real, calls = handover._decide, []

    def crash_on_the_fourth(entry, left, moved):
        calls.append(entry.local_id)
        if len(calls) == 4:  # three entries already re-keyed inside the transaction
            raise RuntimeError("the app died")
        return real(entry, left, moved)

    monkeypatch.setattr(handover, "_decide", crash_on_the_fourth)
    with pytest.raises(RuntimeError):
        hand_over(j, OLD, NEW)
    assert _everything(j) == before
    assert _everything(Journal(tmp_path / "j.sqlite3")) == before  # on disk, for another reader too
    monkeypatch.setattr(handover, "_decide", real)
    rep = hand_over(j, OLD, NEW)  # and it can be done again, whole
    assert (rep.sends, rep.saves, rep.edits) == (len(UNFINISHED), 1, 1)


def test_a_crash_in_the_database_write_leaves_everything_under_the_old_account(tmp_path, monkeypatch):
    j = Journal(tmp_path / "j.sqlite3")
    _seed_all(j)
    before = _everything(j)
    real, calls = j._set_identity, []

    def fail_third(db, local_id, *a, **kw):
        calls.append(local_id)
        if len(calls) == 3:
            raise OSError("disk gone")
        return real(db, local_id, *a, **kw)

    monkeypatch.setattr(j, "_set_identity", fail_third)
    with pytest.raises(OSError):
        hand_over(j, OLD, NEW)
    monkeypatch.undo()
    assert _everything(j) == before
    assert _everything(Journal(tmp_path / "j.sqlite3")) == before
    assert waiting_for(j, NEW) == 0 and waiting_for(j, OLD) == len(UNFINISHED)


# ---------------------------------------------------------------- on a server whose ids are not the journal's
_WHERE = ("drafts", "sent", "nowhere")


@pytest.mark.parametrize("source", ["compose", "server"])
@pytest.mark.parametrize("where", _WHERE)
@pytest.mark.parametrize("state", UNFINISHED, ids=lambda s: s.value)
def test_the_new_outbox_never_sends_twice_and_never_loses(tmp_path, state, where, source):
    """The new backend holds the message in Drafts, in Sent Items, or nowhere (under ITS ids); the journal
    has the old backend's. After the hand-over the new account's Outbox sends it exactly once if it did not
    go out, never if it did, and never writes a second copy to Drafts."""
    box, j = Mailbox(), Journal(tmp_path / "j.sqlite3")
    d = _draft(f"{state.value}-{where}-{source}", ref=None)
    if where in ("drafts", "sent"):
        d_server = _run(box.save_draft(d))
        if where == "sent":
            _run(box.send_drafts([d_server.ref]))
    _send(j, d.copy(ref=EWS_REF), state, source=source)
    box.calls.clear()
    rep = hand_over(j, OLD, NEW)
    if _expected(state, source) is None:  # no safe way on through the new backend: it stays, untouched
        assert rep.left == ((d.local_id, handover.LEFT_UNSUPPORTED),) and j.get(d.local_id).account == OLD
        return

    async def main():
        ob = Outbox(box, j, account=NEW, policy=FAST)
        ob.restore()
        ob.start()
        sub = await ob.wait(d.local_id, timeout=10)
        await ob.stop()
        return sub

    sub = _run(main())
    copies = sum(1 for s in box.sent if s.internet_message_id == d.internet_message_id)
    in_drafts = sum(1 for x in box.drafts.values() if x.internet_message_id == d.internet_message_id)
    assert copies <= 1 and in_drafts <= 1
    if where == "sent":  # it went out through the old backend: found, never sent again
        assert sub.state == SubState.SENT and "send" not in box.calls and "save" not in box.calls
    elif where == "drafts":  # found in Drafts by Message-ID: sent once from there, no second draft
        assert sub.state == SubState.SENT and copies == 1 and in_drafts == 0
        assert box.calls.count("send") == 1
    elif RESTART[state] != SubState.UNKNOWN:  # not sent yet (queued, saving, held ...)
        if source == "compose":  # never reached the server: written to Drafts now and sent once
            assert sub.state == SubState.SENT and copies == 1 and in_drafts == 0
        else:  # a server draft that is gone: nothing to send, the user decides
            assert sub.state == SubState.FAILED and copies == 0 and "send" not in box.calls
    else:  # it may have gone out (submitting, unknown) and is nowhere yet: never sent blindly
        assert sub.state == SubState.FAILED and copies == 0 and "send" not in box.calls
        assert j.get(d.local_id).account == NEW  # still in the journal: the user decides, nothing lost
    if sub.state == SubState.SENT:
        assert not j.has(d.local_id)


def test_an_eml_file_sent_as_it_is_resumes_like_a_send_whose_content_is_journaled():
    """Its bytes are in the journal (app/core/outbox/mime_send.py): not sent yet, it resumes queued and looks its
    Message-ID up before it goes out (adopt), as a compose send does; on the wire, it is settled."""
    for state in RESTART:
        if state == SubState.HELD:  # never held (no undo window for a file): only a compose send waits there
            with pytest.raises(ValueError):
                send_resumes(state, "mime")
            continue
        sub = send_resumes(state, "mime")
        want = None if state in FINAL else _expected(state, "compose")
        assert (None if sub is None else (sub.state, sub.adopt)) == want, state
