"""The one submission path (app.core.outbox) against the real sandbox over HTTP, real exchangelib:
retries, server-given waits, and the exactly-once rule, read from the request log and the mailboxes."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace

import pytest

from app.core.mailclient import MailClient
from app.core.outbox import DraftInvalid, Outbox
from app.core.policy import RetryPolicy
from app.core.submission import SubState
from app.domain.models import Draft, ErrorKind, Folder, ItemRef, MessageSummary, Recipient
from app.storage.journal import Journal
from tests.mail.conftest import ALICE, BOB, full_draft, simple_draft

POLICY = RetryPolicy(max_attempts=3, base=0.01, factor=2.0, cap=0.05, jitter=0.0, settle_delay=0.05,
                     settle_lookups=2)


class Box:
    """An Outbox on a real client and a real journal file, driven on a private event loop."""

    def __init__(self, svc, path, policy=POLICY):
        self.svc = svc
        self.client = MailClient(lambda: svc, workers=2)
        self.journal = Journal(path)
        self.loop = asyncio.new_event_loop()
        self.ob = Outbox(self.client, self.journal, account="acct", policy=policy)
        self.texts: list[str] = []
        self.ob.on_change = lambda: self.texts.extend(r.text for r in self.ob.rows())

    def run(self, coro, timeout=60):
        return self.loop.run_until_complete(asyncio.wait_for(coro, timeout))

    async def _send(self, draft, final=True):
        sub = await self.ob.submit(draft)
        return await self.ob.wait(sub.local_id, final=final)

    def send(self, draft, final=True):
        return self.run(self._send(draft, final))

    async def _send_saved(self, items):
        subs = await self.ob.submit_saved(items)
        return [await self.ob.wait(s.local_id) for s in subs]

    def send_saved(self, items):
        return self.run(self._send_saved(items))

    async def _save(self, draft):
        job = await self.ob.queue_save(draft)
        return await self.ob.wait(job.local_id)  # until saved (or given up)

    def save(self, draft):
        job = self.run(self._save(draft))
        assert job.saved is not None, job.reason
        return job.saved

    def until(self, pred, timeout=30):
        async def poll():
            while not pred():
                await asyncio.sleep(0.02)
        self.run(poll(), timeout)

    def close(self):
        self.run(self.ob.stop())
        self.client.close()
        self.loop.close()


@pytest.fixture
def box(services, tmp_path):
    b = Box(services.make(), tmp_path / "journal.sqlite3")
    yield b
    b.close()


def _count(sb, folder, email=ALICE, mid=None, subject=None):
    items = sb.mailbox(email).items(folder)
    return sum(1 for i in items if (mid is None or i["internet_message_id"] == mid)
               and (subject is None or i["subject"] == subject))


def _summary(draft) -> MessageSummary:
    return MessageSummary(draft.ref, draft.subject, BOB, None, False, internet_message_id=draft.internet_message_id)


def test_a_send_gets_a_message_id_is_saved_and_sent_once(box, sandbox):
    d = full_draft(internet_message_id="")
    sub = box.run(box.ob.submit(d))
    mid = sub.draft.internet_message_id  # given at Send, journaled before any request leaves
    assert mid and box.journal.get(d.local_id).draft.internet_message_id == mid
    assert box.run(box.ob.wait(sub.local_id)) is sub
    assert sub.state == SubState.SENT and sub.outcome().ok and sub.local_id == d.local_id
    inbox = sandbox.mailbox(BOB).items("inbox")
    assert len(inbox) == 1
    assert inbox[0]["internet_message_id"] == mid and mid.startswith("<") and mid.endswith("@dispatch>")
    assert [e.value for _a, e, _b in sub.history] == ["start", "saved", "accepted"]
    assert _count(sandbox, "sentitems", mid=mid) == 1 and _count(sandbox, "drafts") == 0
    assert box.journal.count() == 0


@pytest.mark.parametrize("draft,says", [
    (Draft(to=[Recipient("not an address")], subject="bad"), "not a valid e-mail address"),
    (Draft(subject="nobody to send to", body="b"), "recipient"),
], ids=["bad-address", "no-recipient"])
def test_an_invalid_draft_is_refused_before_the_network(box, sandbox, draft, says):
    """The queue refuses a message that cannot be sent before anything is journaled or sent (the window
    validates first; this is the queue's own guard). A draft ALREADY on the server with no recipient
    gets the server's refusal instead: see the batch test below (ErrorInvalidRecipients, invalid_input)."""
    with pytest.raises(DraftInvalid) as err:
        box.run(box.ob.submit(draft))
    assert says in err.value.message.lower() and err.value.kind == ErrorKind.INVALID_INPUT
    assert not {"CreateItem", "SendItem"} & set(sandbox.request_log) and box.journal.count() == 0
    assert box.ob.rows() == []


def test_drop_after_commit_on_send_settles_to_exactly_one_copy(box, sandbox):
    saved = box.save(simple_draft("exactly once"))
    box.ob.policy = replace(POLICY, settle_delay=0.5)
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    n = len(sandbox.request_log)
    t0 = time.monotonic()
    sub = box.send(saved)
    assert time.monotonic() - t0 >= 0.5, "the look-up waits the settle delay (the send may still be arriving)"
    assert sub.state == SubState.SENT and sub.reason.startswith("Sent (confirmed in Sent Items)")
    assert sandbox.request_log.count("SendItem") == 1, "never resent blindly"
    # the saved draft is written once more (it is ours), then: the send, ONE look-up (one FindItem per
    # folder), nothing else
    assert sandbox.request_log[n:] == ["UpdateItem", "SendItem", "FindItem", "FindItem"], sandbox.request_log[n:]
    assert box.ob.stats["lookups"] == 1 and box.ob.stats["settled_sent"] == 1
    assert ("submitting", "lost", "unknown") in [(a.value, e.value, b.value) for a, e, b in sub.history]
    assert _count(sandbox, "inbox", email=BOB, subject="exactly once") == 1
    assert _count(sandbox, "sentitems", subject="exactly once") == 1


def test_drop_before_commit_on_send_is_looked_up_then_sent_once(box, sandbox):
    sandbox.faults.inject("SendItem", "drop_before_commit", count=1)
    sub = box.send(simple_draft("sent on second try"))
    assert sub.state == SubState.SENT
    assert ("unknown", "found_draft", "queued") in [(a.value, e.value, b.value) for a, e, b in sub.history]
    assert sandbox.request_log.count("SendItem") == 2
    assert _count(sandbox, "inbox", email=BOB, subject="sent on second try") == 1
    assert _count(sandbox, "sentitems", subject="sent on second try") == 1


@pytest.mark.parametrize("commit", [False, True])
def test_an_html_page_in_reply_to_a_send_is_looked_up_not_resent_blindly(box, sandbox, commit):
    saved = box.save(simple_draft("html page after send"))
    sandbox.faults.inject("SendItem", "http_500_html", count=1, commit=commit)
    sub = box.send(saved)
    assert sub.state == SubState.SENT
    moves = [(a.value, e.value, b.value) for a, e, b in sub.history]
    assert ("submitting", "lost", "unknown") in moves  # an unreadable reply: looked up first
    # committed: found in Sent Items; not committed: found still in Drafts, and only then sent again
    assert (("unknown", "found_sent", "sent") if commit else ("unknown", "found_draft", "queued")) in moves
    assert sandbox.request_log.count("SendItem") == (1 if commit else 2)
    assert _count(sandbox, "inbox", email=BOB, subject="html page after send") == 1


@pytest.mark.parametrize("fault,params,wait", [
    ("server_busy", {"backoff_ms": 1200}, 1.2),
    ("http_503", {"retry_after": 1}, 1.0),
])
def test_the_wait_the_server_asked_for_is_honoured_and_shown(box, sandbox, fault, params, wait):
    sandbox.faults.inject("SendItem", fault, count=1, **params)
    t0 = time.monotonic()
    sub = box.send(simple_draft(fault))
    assert sub.state == SubState.SENT and time.monotonic() - t0 >= wait
    assert any(t.startswith(f"Server busy — waiting {round(wait)} s") for t in box.texts), box.texts
    assert sandbox.request_log.count("SendItem") == 2


def test_retries_are_bounded_and_it_stays_in_drafts(box, sandbox):
    sandbox.faults.inject("SendItem", "server_busy", count=10, backoff_ms=10)
    d = simple_draft("always busy")
    sub = box.send(d)
    assert sub.state == SubState.FAILED and "gave up after 3 attempts" in sub.reason
    assert sub.code == "ErrorServerBusy" and sub.kind == ErrorKind.THROTTLED
    assert box.ob.rows()[0].text.startswith("Not sent: gave up after 3 attempts")
    assert sandbox.request_log.count("SendItem") == 3
    assert _count(sandbox, "inbox", email=BOB) == 0 and _count(sandbox, "drafts", subject="always busy") == 1
    kept = box.journal.get(sub.local_id)  # kept, with its text: the user decides
    assert kept is not None and kept.op == "send" and kept.state == "failed" and kept.draft.body == d.body


def test_repeatedly_dropped_before_commit_gives_up_still_in_drafts(box, sandbox):
    sandbox.faults.inject("SendItem", "drop_before_commit", count=10)
    sub = box.send(simple_draft("never gets through"))
    assert sub.state == SubState.FAILED and "in Drafts" in sub.reason
    assert sandbox.request_log.count("SendItem") == 3  # bounded
    assert _count(sandbox, "inbox", email=BOB) == 0 and _count(sandbox, "drafts") == 1


def test_first_save_dropped_after_commit_does_not_duplicate_the_draft(box, sandbox):
    d = full_draft(internet_message_id="")
    sandbox.faults.inject("CreateItem", "drop_after_commit", count=1)
    saved = box.save(d)
    assert saved.ref is not None and _count(sandbox, "drafts") == 1
    back = box.svc.get_message(saved.ref)
    assert sorted(a.name for a in back.attachments) == sorted(a.name for a in d.attachments)


def test_late_commit_of_a_first_save_after_a_timeout_is_adopted(services, sandbox, tmp_path):
    svc = services.make(timeout=0.5)
    svc.connect()
    b = Box(svc, tmp_path / "j.sqlite3", RetryPolicy(max_attempts=3, base=0.05, jitter=0.0, settle_delay=1.0))
    sandbox.faults.inject("CreateItem", "delay", count=1, seconds=1.0)  # runs (commits) after our timeout
    try:
        saved = b.save(full_draft(internet_message_id=""))
    finally:
        b.close()
    # count only once the late request has landed: its handler (in its delay when we timed out) has
    # committed and ended; the client's connections are closed, so nothing else is being served
    assert sandbox.wait_handlers(10), sandbox.active_handlers
    assert sandbox.faults.fired == [("CreateItem", "delay")]
    assert saved.ref is not None and _count(sandbox, "drafts") == 1
    assert sorted(a.name for a in svc.get_message(saved.ref).attachments) == ["notes.txt", "report.pdf"]


def test_a_batch_is_one_request_with_an_outcome_per_item(box, sandbox):
    ok1 = box.save(simple_draft("b1"))
    no_rcpt = box.save(simple_draft("b2", to=None))
    ok3 = box.save(simple_draft("b3"))
    n = sandbox.request_log.count("SendItem")
    subs = box.send_saved([_summary(ok1), _summary(no_rcpt), _summary(ok3)])
    assert sandbox.request_log.count("SendItem") - n == 1
    assert [s.state for s in subs] == [SubState.SENT, SubState.FAILED, SubState.SENT]
    assert subs[1].code == "ErrorInvalidRecipients" and subs[1].kind == ErrorKind.INVALID_INPUT
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["b1", "b3"]
    assert _count(sandbox, "drafts", subject="b2") == 1  # refused: still the user's draft


def test_a_batch_dropped_after_commit_settles_every_item_once(box, sandbox):
    saved = [box.save(simple_draft(f"m{i}")) for i in range(4)]
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    n = len(sandbox.request_log)
    subs = box.send_saved([_summary(d) for d in saved])
    assert [s.state for s in subs] == [SubState.SENT] * 4
    assert sandbox.request_log[n:] == ["SendItem", "FindItem", "FindItem"], "one look-up per folder for all 4"
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["m0", "m1", "m2", "m3"]


def test_nothing_is_sent_when_the_server_cannot_be_reached_it_waits(services, tmp_path):
    from app.domain.account import AccountConfig
    from app.mail.ews import EwsMailService

    svc = EwsMailService(AccountConfig(email=ALICE, ews_url="http://127.0.0.1:9/EWS/Exchange.asmx", username="alice",
                                       server_build="15.1.2507.6"), "pw", timeout=2)
    b = Box(svc, tmp_path / "j.sqlite3", RetryPolicy(base=30.0, jitter=0.0))
    try:
        sub = b.send(simple_draft("offline"), final=False)
        assert sub.state == SubState.QUEUED and sub.kind == ErrorKind.UNREACHABLE and sub.attempts == 0
        assert b.ob.rows()[0].text.startswith("Server unreachable — retrying in")
        assert b.journal.get(sub.local_id).state == "queued"  # waiting, on disk
    finally:
        b.close()


def test_saved_twice_and_sent_while_the_server_is_down_goes_out_once_with_the_last_text(sandbox_factory, tmp_path):
    """The server goes away: two saves wait ("not on server yet", kept in the journal), then Send; when it
    is back the message goes out ONCE with the last text, and no draft is left behind."""
    from tests.mail.conftest import Services

    sb = sandbox_factory(data=str(tmp_path / "sandbox"))  # stop() + start() keep its port and data
    services = Services(sb)
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
        b.ob.kick()  # the connection is back
        assert b.run(b.ob.wait(sub.local_id)).state == SubState.SENT
        inbox = sb.mailbox(BOB).items("inbox")
        assert [(i["subject"], (i["body"] or "").strip()) for i in inbox] == [("three versions", "third version")]
        assert sb.mailbox(ALICE).items("drafts") == [] and len(sb.mailbox(ALICE).items("sentitems")) == 1
        assert b.journal.count() == 0
    finally:
        b.close()
        services.close()


def _outlook_draft(svc, subject, mid=None):
    """A draft another client created, known to us only by what the Drafts listing says of it."""
    from exchangelib import Mailbox, Message

    acct = svc.account
    m = Message(account=acct, folder=acct.drafts, subject=subject, body="x", to_recipients=[Mailbox(email_address=BOB)])
    if mid:
        m.message_id = mid
    m.save()
    return MessageSummary(ItemRef(m.id, m.changekey), subject, BOB, None, False, internet_message_id=mid or "")


def test_drafts_picked_from_a_listing_are_settled_by_their_message_id(box, sandbox):
    picked = [_outlook_draft(box.svc, f"picked {i}", mid=f"<picked-{i}@elsewhere>") for i in range(3)]
    page = box.run(box.client.list_messages(Folder.DRAFTS, 0, 10))  # what the Drafts view hands over
    assert {s.internet_message_id for s in page.items} == {p.internet_message_id for p in picked}
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    subs = box.send_saved(page.items)
    assert [s.state for s in subs] == [SubState.SENT] * 3
    assert sandbox.request_log.count("SendItem") == 1
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["picked 0", "picked 1", "picked 2"]


def test_a_draft_without_any_message_id_is_not_confirmed_and_never_resent(box, sandbox):
    """No Message-ID anywhere (the sandbox, unlike Exchange, assigns none to a draft): after a lost reply
    the draft is gone from Drafts; it cannot be confirmed, so it is reported and not sent again."""
    item = _outlook_draft(box.svc, "no id at all")
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    sub = box.send_saved([item])[0]
    assert sub.state == SubState.FAILED and "not sent again" in sub.reason
    assert sandbox.request_log.count("SendItem") == 1
    assert _count(sandbox, "inbox", email=BOB, subject="no id at all") == 1


@pytest.mark.parametrize("op", ["UpdateItem", "CreateAttachment", "DeleteAttachment"])
def test_a_lost_reply_during_a_resave_is_retried_without_conflicts_or_duplicates(box, sandbox, op):
    from app.domain.models import Attachment

    saved = box.save(full_draft(internet_message_id=""))
    edited = replace(saved, subject="edited", to=[Recipient("carol@example.com")],
                     attachments=[saved.attachments[0], Attachment("third.txt", b"3")])
    sandbox.faults.inject(op, "drop_after_commit", count=1)
    again = box.save(edited)
    back = box.svc.get_message(again.ref)
    assert back.subject == "edited" and back.to == [Recipient("carol@example.com")]
    assert sorted(a.name for a in back.attachments) == ["report.pdf", "third.txt"]
    assert _count(sandbox, "drafts") == 1
    assert box.send(again).state == SubState.SENT  # and its change key is current: it sends at once


def test_an_edit_saved_while_a_lost_update_waits_wins_without_a_conflict(services, sandbox, tmp_path):
    """The answer to an UpdateItem is lost (the server has the change, we keep the old ChangeKey); the
    user edits again before the retry. The retry saves over the server's current version: the newest text
    is on the server, once, with no ErrorIrresolvableConflict (a stale key with a different value)."""
    b = Box(services.make(), tmp_path / "j.sqlite3", replace(POLICY, settle_delay=1.0))
    try:
        saved = b.save(simple_draft("first"))
        sandbox.faults.inject("UpdateItem", "drop_after_commit", count=1)
        job = b.run(b.ob.queue_save(replace(saved, subject="second")))
        b.run(b.ob.wait(job.local_id, final=False))  # lost: waits for its look-up / retry
        assert job.status.value == "retrying" and job.adopt
        job = b.run(b.ob.queue_save(replace(saved, subject="third")))  # the editor still has the old key
        done = b.run(b.ob.wait(job.local_id))
        assert done.saved is not None, done.reason
        drafts = sandbox.mailbox(ALICE).items("drafts")
        assert [d["subject"] for d in drafts] == ["third"]
        assert b.svc.get_message(done.saved.ref).subject == "third"
    finally:
        b.close()


def test_when_the_look_up_itself_fails_the_send_is_never_repeated(box, sandbox):
    saved = box.save(simple_draft("cannot verify"))
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    sandbox.faults.inject("FindItem", "http_503", count=-1, retry_after=0)
    sub = box.run(box.ob.submit(saved))
    box.until(lambda: "could not check yet" in sub.reason)
    box.until(lambda: sandbox.request_log.count("FindItem") >= 6)  # it keeps looking, never resending
    assert sub.state == SubState.UNKNOWN
    assert sandbox.request_log.count("SendItem") == 1
    sandbox.faults.clear()
    box.run(box.ob.wait(sub.local_id))
    assert sub.state == SubState.SENT and sandbox.request_log.count("SendItem") == 1
    assert _count(sandbox, "inbox", email=BOB, subject="cannot verify") == 1


def test_a_401_on_send_parks_the_queue_and_nothing_is_sent(box, sandbox):
    saved = box.save(simple_draft("401"))
    sandbox.faults.inject("SendItem", "http_401", count=1)
    sub = box.send(saved, final=False)
    assert sub.state == SubState.QUEUED and sub.parked and box.ob.needs_sign_in
    assert box.ob.rows()[0].text == "Waiting for sign-in"
    assert _count(sandbox, "inbox", email=BOB) == 0
    box.ob.signed_in()
    assert box.run(box.ob.wait(sub.local_id)).state == SubState.SENT
    assert _count(sandbox, "inbox", email=BOB) == 1


def test_a_401_asks_for_sign_in_once_and_the_parked_batch_then_goes_out_once(services, sandbox, tmp_path):
    """With the UI's sign-in hook (``reauth``): one 401 parks the whole queue, the user is asked ONCE
    (not once per message), and after the sign-in every message goes out exactly once."""
    b = Box(services.make(), tmp_path / "j.sqlite3")
    asked = []

    async def reauth():
        asked.append(1)
        await asyncio.sleep(0.2)  # the user at the prompt (pacing, not a wait): the queue waits meanwhile
        return True

    b.ob.reauth = reauth
    try:
        saved = [b.save(simple_draft(f"parked {i}")) for i in range(3)]
        sandbox.faults.inject("SendItem", "http_401", count=1)
        subs = b.send_saved([_summary(d) for d in saved])
        assert [s.state for s in subs] == [SubState.SENT] * 3
        assert asked == [1] and b.ob.stats["auth_waits"] == 1
        assert sandbox.request_log.count("SendItem") == 2  # the refused one, then one after the sign-in
        assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["parked 0", "parked 1",
                                                                                       "parked 2"]
        assert b.journal.count() == 0
    finally:
        b.close()
