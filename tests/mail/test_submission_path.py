"""The one submission path (app.core.outbox) against the real sandbox over HTTP, with each backend (``@both``:
real exchangelib over EWS, real httpx over Graph): retries, server-given waits, and the exactly-once rule,
read from the request log and the mailboxes. Graph accepts a send (202) and delivers later: ``settle``
waits for the sandbox's delivery before a mailbox is counted, and the Graph service asks the core to wait
``GRAPH_SETTLE`` before it looks a lost send up."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from app.domain.errors import DraftInvalid
from app.core.outbox.policy import RetryPolicy
from app.core.outbox.submission import SubState
from app.domain.models import Draft, ErrorKind, Folder, ItemRef, MessageSummary, Recipient
from app.domain.events import OutboxChanged
from tests.helpers.backends import ALICE, BOB, every_backend, logged, op, protocol, settle
from tests.helpers.drafts import full_draft, simple_draft
from tests.mail.outbox_harness import POLICY, Box, count, summary


@every_backend
def test_a_send_gets_a_message_id_is_saved_and_sent_once(box, sandbox):
    d = full_draft(internet_message_id="")
    sub = box.run(box.ob.submit(d))
    mid = sub.draft.internet_message_id  # given at Send, journaled before any request leaves
    assert mid and box.journal.get(d.local_id).draft.internet_message_id == mid
    assert box.run(box.ob.wait(sub.local_id)) is sub
    assert sub.state == SubState.SENT and sub.outcome().ok and sub.local_id == d.local_id
    settle(sandbox)
    inbox = sandbox.mailbox(BOB).items("inbox")
    assert len(inbox) == 1
    assert inbox[0]["internet_message_id"] == mid and mid.startswith("<") and mid.endswith("@dispatch>")
    assert [e.value for _a, e, _b in sub.history] == ["start", "saved", "accepted"]
    assert count(sandbox, "sentitems", mid=mid) == 1 and count(sandbox, "drafts") == 0
    assert box.journal.count() == 0


@pytest.mark.parametrize("draft,says", [
    (Draft(to=[Recipient("not an address")], subject="bad"), "not a valid e-mail address"),
    (Draft(subject="nobody to send to", body="b"), "recipient"),
], ids=["bad-address", "no-recipient"])
@every_backend
def test_an_invalid_draft_is_refused_before_the_network(box, sandbox, draft, says, backend):
    """The queue refuses a message that cannot be sent before anything is journaled or sent (the window
    validates first; this is the queue's own guard). A draft ALREADY on the server with no recipient
    gets the server's refusal instead: see the batch test below (ErrorInvalidRecipients, invalid_input)."""
    with pytest.raises(DraftInvalid) as err:
        box.run(box.ob.submit(draft))
    assert says in err.value.message.lower() and err.value.kind == ErrorKind.INVALID_INPUT
    assert not {logged(backend, "CreateItem"), logged(backend, "SendItem")} & set(sandbox.request_log)
    assert box.journal.count() == 0
    assert box.ob.rows() == []


@every_backend
def test_drop_after_commit_on_send_settles_to_exactly_one_copy(clocked_box, sandbox, backend):
    box = clocked_box
    saved = box.save(simple_draft("exactly once"))
    box.ob.parts.policy = replace(POLICY, settle_delay=0.5)
    settle_delay = box.ob.parts.policy.settle_delay  # 0.5, or the Graph service's longer one (GRAPH_SETTLE)
    sandbox.faults.inject(op(backend, "SendItem"), "drop_after_commit", count=1)
    n = len(sandbox.request_log)
    sub = box.run(box.ob.submit(saved))
    box.run(box.ob.parts.worker.idle())  # the send was lost: asleep until its look-up
    assert sub.state == SubState.UNKNOWN and box.clock.waiting() == [box.clock() + settle_delay]
    box.clock.advance(settle_delay - 0.01)
    box.run(box.ob.parts.worker.idle())
    assert sub.state == SubState.UNKNOWN, "the look-up waits the settle delay (the send may still be arriving)"
    assert logged(backend, "FindItem") not in sandbox.request_log[n:]
    settle(sandbox)  # the send arrives meanwhile (Graph delivers 0.3 s after the 202, in real time)
    box.clock.advance(0.01)
    sub = box.run(box.ob.wait(sub.local_id))
    assert sub.state == SubState.SENT and sub.reason.startswith("Sent (confirmed in Sent Items)")
    assert (op(backend, "SendItem"), "drop_after_commit") in sandbox.faults.fired
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 1, "never resent blindly"
    # the saved draft is written once more (it is ours), then: the send, ONE look-up (one FindItem per
    # folder; Graph: one $batch of a query per folder), nothing else
    assert sandbox.request_log[n:] == {
        "ews": ["UpdateItem", "SendItem", "FindItem", "FindItem", "FindItem"],  # Drafts, Sent Items, the Outbox
        "graph": ["graph:UpdateMessage", "graph:SendMessage", "graph:Batch"] + ["graph:ListMessages"] * 3,
    }[protocol(backend)], sandbox.request_log[n:]
    assert box.ob.parts.stats["lookups"] == 1 and box.ob.parts.stats["settled_sent"] == 1
    assert ("submitting", "lost", "unknown") in [(a.value, e.value, b.value) for a, e, b in sub.history]
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="exactly once") == 1
    assert count(sandbox, "sentitems", subject="exactly once") == 1


@every_backend
def test_drop_before_commit_on_send_is_looked_up_then_sent_once(box, sandbox, backend):
    sandbox.faults.inject(op(backend, "SendItem"), "drop_before_commit", count=1)
    sub = box.send(simple_draft("sent on second try"))
    assert sub.state == SubState.SENT
    assert ("unknown", "found_draft", "queued") in [(a.value, e.value, b.value) for a, e, b in sub.history]
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 2
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="sent on second try") == 1
    assert count(sandbox, "sentitems", subject="sent on second try") == 1


@pytest.mark.parametrize("commit", [False, True])
@every_backend
def test_an_html_page_in_reply_to_a_send_is_looked_up_not_resent_blindly(box, sandbox, commit, backend):
    saved = box.save(simple_draft("html page after send"))
    sandbox.faults.inject(op(backend, "SendItem"), "http_500_html", count=1, commit=commit)
    sub = box.send(saved)
    assert sub.state == SubState.SENT
    moves = [(a.value, e.value, b.value) for a, e, b in sub.history]
    assert ("submitting", "lost", "unknown") in moves  # an unreadable reply: looked up first
    # committed: found in Sent Items; not committed: found still in Drafts, and only then sent again
    assert (("unknown", "found_sent", "sent") if commit else ("unknown", "found_draft", "queued")) in moves
    assert sandbox.request_log.count(logged(backend, "SendItem")) == (1 if commit else 2)
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="html page after send") == 1


@pytest.mark.parametrize("fault,params,wait", [
    ("server_busy", {"backoff_ms": 1200}, 1.2),  # Graph: 429 with Retry-After in whole seconds (2)
    ("http_503", {"retry_after": 1}, 1.0),
])
@every_backend
def test_the_wait_the_server_asked_for_is_honoured_and_shown(clocked_box, sandbox, fault, params, wait, backend):
    box = clocked_box
    if backend == "graph" and fault == "server_busy":
        wait = 2.0
    sandbox.faults.inject(op(backend, "SendItem"), fault, count=1, **params)
    sub = box.run(box.ob.submit(simple_draft(fault)))
    box.run(box.ob.parts.worker.idle())  # refused: asleep until the time the server gave
    assert sub.state == SubState.QUEUED and box.clock.waiting() == [box.clock() + wait]
    box.clock.advance(wait - 0.01)
    box.run(box.ob.parts.worker.idle())
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 1, "sent again before the server's time"
    box.clock.advance(0.01)
    sub = box.run(box.ob.wait(sub.local_id))
    assert sub.state == SubState.SENT
    assert any(t.startswith(f"Server busy — waiting {round(wait)} s") for t in box.texts), box.texts
    assert (op(backend, "SendItem"), fault) in sandbox.faults.fired
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 2


@every_backend
def test_retries_are_bounded_and_it_stays_in_drafts(box, sandbox, backend):
    sandbox.faults.inject(op(backend, "SendItem"), "server_busy", count=10, backoff_ms=10)
    d = simple_draft("always busy")
    sub = box.send(d)
    assert sub.state == SubState.FAILED and "gave up after 3 attempts" in sub.reason
    assert sub.code == {"ews": "ErrorServerBusy", "graph": "ApplicationThrottled"}[protocol(backend)]
    assert sub.kind == ErrorKind.THROTTLED
    assert box.ob.rows()[0].text.startswith("Not sent: gave up after 3 attempts")
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 3
    # the row's words are the catalogue's, the server's explanation inside them too: translated in the window
    from app.domain.words import Words

    row = box.ob.rows()[0].text
    assert isinstance(row, Words) and isinstance(row.values["reason"], Words)
    assert isinstance(row.values["reason"].values["reason"], Words), "the server's explanation left as English"
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "drafts", subject="always busy") == 1
    kept = box.journal.get(sub.local_id)  # kept, with its text: the user decides
    assert kept is not None and kept.op == "send" and kept.state == "failed" and kept.draft.body == d.body


@every_backend
def test_repeatedly_dropped_before_commit_gives_up_still_in_drafts(box, sandbox, backend):
    sandbox.faults.inject(op(backend, "SendItem"), "drop_before_commit", count=10)
    sub = box.send(simple_draft("never gets through"))
    assert sub.state == SubState.FAILED and "in Drafts" in sub.reason
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 3  # bounded
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "drafts") == 1


@every_backend
def test_a_batch_is_one_request_with_an_outcome_per_item(box, sandbox, backend):
    ok1 = box.save(simple_draft("b1"))
    no_rcpt = box.save(simple_draft("b2", to=None))
    ok3 = box.save(simple_draft("b3"))
    one_request = {"ews": "SendItem", "graph": "graph:Batch"}[protocol(backend)]
    n = sandbox.request_log.count(one_request)
    subs = box.send_saved([summary(ok1), summary(no_rcpt), summary(ok3)])
    assert sandbox.request_log.count(one_request) - n == 1
    assert [s.state for s in subs] == [SubState.SENT, SubState.FAILED, SubState.SENT]
    assert subs[1].code == "ErrorInvalidRecipients" and subs[1].kind == ErrorKind.INVALID_INPUT
    settle(sandbox)
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["b1", "b3"]
    assert count(sandbox, "drafts", subject="b2") == 1  # refused: still the user's draft


@every_backend
def test_a_batch_dropped_after_commit_settles_every_item_once(box, sandbox, backend):
    saved = [box.save(simple_draft(f"m{i}")) for i in range(4)]
    if backend == "graph":  # each send of a $batch takes its own fault: the answer is lost after the 4th
        sandbox.faults.inject("SendMessage", "delay", count=3, seconds=0)
    sandbox.faults.inject(op(backend, "SendItem"), "drop_after_commit", count=1)
    n = len(sandbox.request_log)
    subs = box.send_saved([summary(d) for d in saved])
    assert [s.state for s in subs] == [SubState.SENT] * 4
    assert (op(backend, "SendItem"), "drop_after_commit") in sandbox.faults.fired
    assert sandbox.request_log[n:] == {  # one look-up per folder for all 4 (Graph: in one $batch)
        "ews": ["SendItem", "FindItem", "FindItem", "FindItem"],  # Drafts, Sent Items, the Outbox
        "graph": ["graph:Batch"] + ["graph:SendMessage"] * 4 + ["graph:Batch"] + ["graph:ListMessages"] * 3,
    }[protocol(backend)], sandbox.request_log[n:]
    settle(sandbox)
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["m0", "m1", "m2", "m3"]


@every_backend
def test_nothing_is_sent_when_the_server_cannot_be_reached_it_waits(services, tmp_path, backend):
    from app.domain.account import AccountConfig
    from app.mail.ews import EwsMailService

    if backend == "graph":
        svc = services.graph(url="http://127.0.0.1:9/v1.0", timeout=2)
    else:
        svc = EwsMailService(AccountConfig(email=ALICE, ews_url="http://127.0.0.1:9/EWS/Exchange.asmx",
                                           username="alice", server_build="15.1.2507.6"), "pw", timeout=2)
    b = Box(svc, tmp_path / "j.sqlite3", RetryPolicy(base=30.0, jitter=0.0))
    try:
        sub = b.send(simple_draft("offline"), final=False)
        assert sub.state == SubState.QUEUED and sub.kind == ErrorKind.UNREACHABLE and sub.attempts == 0
        assert b.ob.rows()[0].text.startswith("Server unreachable — retrying in")
        assert b.journal.get(sub.local_id).state == "queued"  # waiting, on disk
    finally:
        b.close()


@every_backend
def test_saved_twice_and_sent_while_the_server_is_down_goes_out_once_with_the_last_text(sandbox_factory, tmp_path,
                                                                                          backend):
    """The server goes away: two saves wait ("not on server yet", kept in the journal), then Send; when it
    is back the message goes out ONCE with the last text, and no draft is left behind."""
    from tests.helpers.mail_services import Services

    sb = sandbox_factory(data=str(tmp_path / "sandbox"), graph=backend == "graph")  # stop() + start() keep its port
    services = Services(sb, backend)
    svc = services.make(timeout=2)
    svc.connect()
    b = Box(svc, tmp_path / "j.sqlite3", RetryPolicy(base=30.0, jitter=0.0))
    try:
        sb.stop()
        d = simple_draft("three versions")
        job = b.run(b.ob.save(d))  # first attempt failed: it waits, on disk
        assert job.saved is None and job.status.value == "retrying"
        assert b.ob.rows()[0].text.startswith("Retrying in 30 s — not on server yet"), b.ob.rows()[0].text
        assert b.journal.get(d.local_id).state == "outbox_waiting" and b.journal.get(d.local_id).op == "save"
        d.body = "second version"
        b.run(b.ob.save(d))  # saved again from the same editor copy (no server id)
        d.body = "third version"
        sub = b.run(b.ob.submit(d))
        sub = b.run(b.ob.wait(sub.local_id, final=False))
        assert sub.state == SubState.QUEUED and sub.kind == ErrorKind.UNREACHABLE
        sb.start()
        b.ob.hand.kick()  # the connection is back
        assert b.run(b.ob.wait(sub.local_id)).state == SubState.SENT
        settle(sb)
        inbox = sb.mailbox(BOB).items("inbox")
        assert [(i["subject"], (i["body"] or "").strip()) for i in inbox] == [("three versions", "third version")]
        assert sb.mailbox(ALICE).items("drafts") == [] and len(sb.mailbox(ALICE).items("sentitems")) == 1
        assert b.journal.count() == 0
    finally:
        b.close()
        services.close()


def _outlook_draft(svc, subject, mid=None):
    """A draft another client created (over EWS, with exchangelib), known to us only by what the Drafts
    listing says of it. ``svc``: an EwsMailService (on a Graph run, the sandbox serves every_backend)."""
    from exchangelib import Mailbox, Message

    acct = svc.account
    m = Message(account=acct, folder=acct.drafts, subject=subject, body="x", to_recipients=[Mailbox(email_address=BOB)])
    if mid:
        m.message_id = mid
    m.save()
    return MessageSummary(ItemRef(m.id, m.changekey), subject, BOB, None, False, internet_message_id=mid or "")


@every_backend
def test_drafts_picked_from_a_listing_are_settled_by_their_message_id(box, sandbox, services, backend):
    other = services.ews()
    picked = [_outlook_draft(other, f"picked {i}", mid=f"<picked-{i}@elsewhere>") for i in range(3)]
    page = box.run(box.client.list_messages(Folder.DRAFTS, 0, 10))  # what the Drafts view hands over
    assert {s.internet_message_id for s in page.items} == {p.internet_message_id for p in picked}
    if backend == "graph":  # the $batch's answer is lost after its last send
        sandbox.faults.inject("SendMessage", "delay", count=2, seconds=0)
    sandbox.faults.inject(op(backend, "SendItem"), "drop_after_commit", count=1)
    subs = box.send_saved(page.items)
    assert [s.state for s in subs] == [SubState.SENT] * 3
    assert (op(backend, "SendItem"), "drop_after_commit") in sandbox.faults.fired
    assert sandbox.request_log.count(logged(backend, "SendItem")) == (3 if backend == "graph" else 1)
    settle(sandbox)
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["picked 0", "picked 1", "picked 2"]


def test_a_draft_without_any_message_id_is_not_confirmed_and_never_resent(box, sandbox):
    """No Message-ID anywhere (the sandbox, unlike Exchange, assigns none to a draft): after a lost reply
    the draft is gone from Drafts; it cannot be confirmed, so it is reported and not sent again.

    EWS only: the core tells "still a draft" by reading the item by its id (Attempts._by_ref); over Graph
    with immutable ids that id names the sent copy afterwards, so the read succeeds and the core would try
    again (refused by the server, ErrorInvalidOperation: no duplicate, but not this test's verdict). Exchange
    Online gives every draft a Message-ID, so the core settles Graph sends by Message-ID instead."""
    item = _outlook_draft(box.svc, "no id at all")
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    sub = box.send_saved([item])[0]
    assert sub.state == SubState.FAILED and "not sent again" in sub.reason
    assert sandbox.request_log.count("SendItem") == 1
    assert count(sandbox, "inbox", email=BOB, subject="no id at all") == 1


@every_backend
def test_when_the_look_up_itself_fails_the_send_is_never_repeated(box, sandbox, backend):
    saved = box.save(simple_draft("cannot verify"))
    sandbox.faults.inject(op(backend, "SendItem"), "drop_after_commit", count=1)
    sandbox.faults.inject(op(backend, "FindItem"), "http_503", count=-1, retry_after=0)
    sub = box.run(box.ob.submit(saved))
    box.until(lambda: "could not check yet" in sub.reason)
    box.until(lambda: sandbox.request_log.count(logged(backend, "FindItem")) >= 6)  # it keeps looking, never resending
    assert sub.state == SubState.UNKNOWN
    assert sandbox.request_log.count(logged(backend, "SendItem")) == 1
    sandbox.faults.clear()
    box.run(box.ob.wait(sub.local_id))
    assert sub.state == SubState.SENT and sandbox.request_log.count(logged(backend, "SendItem")) == 1
    settle(sandbox)
    assert count(sandbox, "inbox", email=BOB, subject="cannot verify") == 1


def test_a_401_on_send_parks_the_queue_and_nothing_is_sent(box, sandbox):
    """EWS only: a 401 there means the password is wrong. Graph refreshes the token first and parks only
    when that fails too: tests/mail/test_graph_faults.py."""
    saved = box.save(simple_draft("401"))
    sandbox.faults.inject("SendItem", "http_401", count=1)
    sub = box.send(saved, final=False)
    assert sub.state == SubState.QUEUED and box.ob.queue.parked(sub) and box.ob.queue.needs_sign_in
    assert box.ob.rows()[0].text == "Waiting for sign-in"
    assert count(sandbox, "inbox", email=BOB) == 0
    box.ob.hand.signed_in()
    assert box.run(box.ob.wait(sub.local_id)).state == SubState.SENT
    assert count(sandbox, "inbox", email=BOB) == 1


def test_a_401_asks_for_sign_in_once_and_the_parked_batch_then_goes_out_once(services, sandbox, tmp_path):
    """With the UI's sign-in hook (``reauth``): one 401 parks the whole queue, the user is asked ONCE
    (not once per message), and after the sign-in every message goes out exactly once. (EWS only, as above:
    Graph's counterpart, a refresh that fails, is in tests/mail/test_graph_faults.py.)"""
    b = Box(services.make(), tmp_path / "j.sqlite3")
    asked = []

    async def reauth():
        asked.append(1)
        await asyncio.sleep(0.2)  # the user at the prompt (pacing, not a wait): the queue waits meanwhile
        return True

    b.ob.parts.reauth = reauth
    try:
        saved = [b.save(simple_draft(f"parked {i}")) for i in range(3)]
        sandbox.faults.inject("SendItem", "http_401", count=1)
        subs = b.send_saved([summary(d) for d in saved])
        assert [s.state for s in subs] == [SubState.SENT] * 3
        assert asked == [1] and b.ob.parts.stats["auth_waits"] == 1
        assert sandbox.request_log.count("SendItem") == 2  # the refused one, then one after the sign-in
        assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["parked 0", "parked 1",
                                                                                       "parked 2"]
        assert b.journal.count() == 0
    finally:
        b.close()


@every_backend
def test_many_saved_drafts_are_listed_a_batch_per_turn_and_still_go_in_one_send(box, sandbox, backend, monkeypatch):
    """Issue 16: a mail merge hands 5,000 saved drafts over at once; building all their submissions in one
    turn held the UI thread ~20 ms. They are built ``SUBMIT_BATCH`` per event-loop turn (3 here), each batch
    held until all are on disk: still ONE send request."""
    import app.core.outbox.owner as outbox_module

    monkeypatch.setattr(outbox_module, "SUBMIT_BATCH", 3)
    saved = [box.save(simple_draft(f"m{i}")) for i in range(7)]
    listed: list[int] = []
    seen_between: list[int] = []
    box.ob.news.subscribe(OutboxChanged, lambda _e: listed.append(len(box.ob.queue.submissions())))

    async def hand_over():
        asyncio.get_running_loop().call_soon(lambda: seen_between.append(len(box.ob.queue.submissions())))
        return await box.ob.submit_saved([summary(d) for d in saved])

    n = len(sandbox.request_log)
    subs = box.run(hand_over())
    assert listed[:3] == [3, 6, 7] and seen_between == [3], (listed, seen_between)
    assert [box.run(box.ob.wait(s.local_id)).state for s in subs] == [SubState.SENT] * 7
    sends = [r for r in sandbox.request_log[n:] if r in ("SendItem", "graph:Batch")]
    assert sends == ({"ews": ["SendItem"], "graph": ["graph:Batch"]}[protocol(backend)]), sandbox.request_log[n:]
    settle(sandbox)
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == [f"m{i}" for i in range(7)]


@every_backend
def test_a_refused_draft_of_a_batch_is_taken_back_as_soon_as_its_outcome_is_known(box, sandbox, backend):
    """Send selected: many saved drafts in one request. When one is refused, Send selected takes it back
    (it stays in Drafts with its error) as soon as its own outcome is known, while the queue may still be
    writing the others' outcomes. The queue marked every draft of the request as in flight until the
    last one's outcome was on disk: taking the refused one back raised NotCancellable (the exception
    escaped Send selected and its rows stayed "Sending…"; found by tests/ui/test_keyboard_monkey.py)."""
    from app.core.outbox.submission import SubState

    bad = box.save(simple_draft("refused", to="a<b@c.de"))  # a draft may hold this; no send takes it
    good = [box.save(simple_draft(f"fine {i}")) for i in range(2)]

    async def send_then_take_back():
        subs = await box.ob.submit_saved([summary(d) for d in (bad, *good)])
        first = await box.ob.wait(subs[0].local_id, final=False)
        pending = [s.local_id for s in subs[1:] if not s.final]
        await box.ob.hand.cancel(first.local_id)
        return first, pending, [await box.ob.wait(s.local_id) for s in subs[1:]]

    first, pending, rest = box.run(send_then_take_back())
    assert first.state == SubState.CANCELLED
    assert pending, "the others' outcomes were still being written when the refused one was taken back"
    assert [s.state for s in rest] == [SubState.SENT, SubState.SENT]
    assert sandbox.request_log.count(op(backend, "SendItem")) == 1 or backend == "graph"
    settle(sandbox)
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["fine 0", "fine 1"]
    assert [d["subject"] for d in sandbox.mailbox(ALICE).items("drafts")] == ["refused"]


@every_backend
def test_a_send_of_a_batch_thrown_away_before_its_record_is_written_is_never_sent(box, sandbox, backend):
    """Send selected lists its drafts at once, then writes their records on the journal's thread. A send
    deleted in the Outbox before its own record was written (the journal busy with the others) came back:
    its delete reached the disk before its record, so the journal held it as waiting again and the next
    start would have sent it; and the hand-over ended by un-holding every send it listed, this one too,
    while its delete was still on its way to the disk. Each record is now queued in the turn its send is
    listed (a delete, in a later turn, is written after it), and a send being deleted stays held. (Send
    selected's wait for it then found nothing and its row crashed: the wait gives the send back as it was.)"""
    import threading

    saved = [box.save(simple_draft(f"m{i}")) for i in range(3)]
    journal_busy, delete_waits = threading.Event(), threading.Event()
    box.ob.parts.write.submit(journal_busy.wait, 30)  # the journal's thread busy: the records queue behind it

    async def hand_over_then_delete():
        handing = asyncio.ensure_future(box.ob.submit_saved([summary(d) for d in saved]))
        while len(box.ob.queue.submissions()) < 3:
            await asyncio.sleep(0)
        thrown = next(s for s in box.ob.queue.submissions() if s.draft.subject == "m2")
        box.ob.parts.write.submit(delete_waits.wait, 30)  # its delete stays on its way to the disk for a while
        deleted = box.ob.hand.delete(thrown.local_id)
        journal_busy.set()
        subs = await asyncio.wait_for(handing, 10)
        held_while_deleting = thrown.state == SubState.DELETING and box.ob.queue.submission(thrown.local_id) is thrown
        delete_waits.set()
        assert await deleted
        gone = await box.ob.waits.all([thrown], final=False)  # Send selected's wait: gone, as it was handed over
        others = [s for s in subs if s is not thrown]
        return thrown, held_while_deleting, gone, [await box.ob.wait(s.local_id) for s in others]

    thrown, held, gone, others = box.run(hand_over_then_delete())
    assert held, "un-held while its delete was on its way to the disk: the queue could send it"
    assert len(gone) == 1 and gone[0] is thrown, gone
    assert [s.state for s in others] == [SubState.SENT, SubState.SENT]
    assert box.journal.get(thrown.local_id) is None, "the journal holds the thrown-away send: sent at next start"
    settle(sandbox)
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["m0", "m1"]
    assert "m2" in [d["subject"] for d in sandbox.mailbox(ALICE).items(Folder.DRAFTS.value)]


@every_backend
def test_a_batch_whose_records_cannot_all_be_written_leaves_none_of_them_waiting(box, sandbox, backend,
                                                                                 monkeypatch):
    """Send selected: when the journal cannot take one of the batch's records, the hand-over fails and
    none of the batch is queued. The records already written stayed in the journal as waiting (the next
    start would have sent what the window said was not sent); now they are discarded with the rest."""
    saved = [box.save(simple_draft(f"m{i}")) for i in range(3)]
    real_record = box.journal.record
    refused: list[str] = []

    def record(draft, *args, **kwargs):
        if draft.subject == "m1":
            refused.append(draft.local_id)
            raise OSError("disk full")
        return real_record(draft, *args, **kwargs)

    monkeypatch.setattr(box.journal, "record", record)
    with pytest.raises(OSError):
        box.run(box.ob.submit_saved([summary(d) for d in saved]))
    assert refused, "the fault fired"
    box.run(box.ob.parts.write(lambda: None))  # every write queued so far is done
    assert box.journal.count() == 0, [e.local_id for e in box.journal.entries()]
    assert not box.ob.queue.subs
    assert sorted(d["subject"] for d in sandbox.mailbox(ALICE).items(Folder.DRAFTS.value)) == ["m0", "m1", "m2"]
    assert sandbox.mailbox(BOB).items("inbox") == []
