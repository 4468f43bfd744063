"""app.core.sending against the real sandbox: retries, waits, and the exactly-once rule."""

from __future__ import annotations

import pytest

from app.core.mailclient import MailClient
from app.core.sending import RetryPolicy, SendPipeline, SendState
from app.domain.models import Draft, ItemRef, OutcomeStatus, Recipient
from app.mail.errors import ConnectionFailed
from tests.mail.conftest import ALICE, BOB, full_draft, run, simple_draft


class Recorder:
    def __init__(self):
        self.events = []
        self.sleeps = []

    def __call__(self, p):
        self.events.append(p)

    async def sleep(self, seconds):  # records the wait instead of spending it (the value is what we test)
        self.sleeps.append(seconds)

    def states(self, key):
        return [e.state for e in self.events if e.key == key]


@pytest.fixture
def pipe(services):
    svc = services.make()
    client = MailClient(lambda: svc, workers=2)
    rec = Recorder()
    p = SendPipeline(client, on_progress=rec, sleep=rec.sleep, policy=RetryPolicy(max_attempts=3, base_delay=0.5))
    p.rec, p.svc = rec, svc
    yield p
    client.close()


def _count(sb, folder, email=ALICE, mid=None, subject=None):
    items = sb.mailbox(email).items(folder)
    return sum(1 for i in items if (mid is None or i["internet_message_id"] == mid) and (subject is None or i["subject"] == subject))


def test_send_sets_a_message_id_saves_and_sends(pipe, sandbox):
    d = full_draft(internet_message_id="")
    out = run(pipe.send(d))
    assert out.status == OutcomeStatus.SENT and out.local_id == d.local_id
    inbox = sandbox.mailbox(BOB).items("inbox")
    assert len(inbox) == 1
    mid = inbox[0]["internet_message_id"]
    assert mid.startswith("<") and mid.endswith("@dispatch>")
    assert pipe.rec.states(d.local_id)[-1] == SendState.SENT
    assert SendState.SAVING in pipe.rec.states(d.local_id) and SendState.SENDING in pipe.rec.states(d.local_id)
    assert _count(sandbox, "sentitems", mid=mid) == 1 and _count(sandbox, "drafts") == 0


def test_invalid_draft_is_not_saved_nor_sent(pipe, sandbox):
    d = Draft(to=[Recipient("not an address")], subject="bad")
    out = run(pipe.send(d))
    assert out.status == OutcomeStatus.FAILED and out.code == "ErrorInvalidDraft"
    assert "not a valid e-mail address" in out.message
    assert "CreateItem" not in sandbox.request_log and "SendItem" not in sandbox.request_log


def test_drop_after_commit_on_send_settles_to_exactly_one_copy(pipe, sandbox):
    d = simple_draft("exactly once")
    saved = run(pipe.save(d))
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    out = run(pipe.send(saved))
    assert out.status == OutcomeStatus.SENT
    assert sandbox.request_log.count("SendItem") == 1, "never resent blindly"
    assert _count(sandbox, "inbox", email=BOB, subject="exactly once") == 1
    assert _count(sandbox, "sentitems", subject="exactly once") == 1
    assert SendState.VERIFYING in pipe.rec.states(d.local_id)
    assert pipe.rec.sleeps == [pipe.policy.settle_delay], "a settle pause before the lookup, no other wait"


def test_drop_before_commit_on_send_is_verified_then_sent_once(pipe, sandbox):
    d = simple_draft("sent on second try")
    sandbox.faults.inject("SendItem", "drop_before_commit", count=1)
    out = run(pipe.send(d))
    assert out.status == OutcomeStatus.SENT
    assert sandbox.request_log.count("SendItem") == 2
    assert _count(sandbox, "inbox", email=BOB, subject="sent on second try") == 1
    assert _count(sandbox, "sentitems", subject="sent on second try") == 1


def test_malformed_reply_to_send_is_verified_not_resent(pipe, sandbox):
    saved = run(pipe.save(simple_draft("html page after send")))
    sandbox.faults.inject("SendItem", "http_500_html", count=1)
    out = run(pipe.send(saved))
    # whether the sandbox processed it before answering with HTML or not, the result is one copy
    assert out.status == OutcomeStatus.SENT
    assert _count(sandbox, "inbox", email=BOB, subject="html page after send") == 1


def test_server_busy_waits_what_the_server_asked_and_reports_it(pipe, sandbox):
    d = simple_draft("busy")
    sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=2500)
    out = run(pipe.send(d))
    assert out.status == OutcomeStatus.SENT
    assert pipe.rec.sleeps == [pytest.approx(2.5)]
    waits = [e for e in pipe.rec.events if e.state == SendState.WAITING]
    assert waits and waits[0].detail.startswith("waiting 3 s") and waits[0].wait_seconds == pytest.approx(2.5)
    assert _count(sandbox, "inbox", email=BOB, subject="busy") == 1


def test_http_503_retry_after_is_honoured(pipe, sandbox):
    sandbox.faults.inject("SendItem", "http_503", count=1, retry_after=4)
    out = run(pipe.send(simple_draft("503")))
    assert out.ok and pipe.rec.sleeps == [pytest.approx(4)]


def test_retries_are_bounded(pipe, sandbox):
    sandbox.faults.inject("SendItem", "server_busy", count=10, backoff_ms=100)
    with pytest.raises(Exception) as ei:
        run(pipe.send(simple_draft("always busy")))
    assert ei.value.code == "ErrorServerBusy"
    assert sandbox.request_log.count("SendItem") == 3
    assert _count(sandbox, "inbox", email=BOB) == 0


def test_drop_after_commit_on_first_save_does_not_duplicate_the_draft(pipe, sandbox):
    d = full_draft(internet_message_id="")
    sandbox.faults.inject("CreateItem", "drop_after_commit", count=1)
    saved = run(pipe.save(d))
    assert saved.ref is not None
    assert _count(sandbox, "drafts") == 1
    back = pipe.svc.get_message(saved.ref)
    assert sorted(a.name for a in back.attachments) == sorted(a.name for a in d.attachments)


def test_batch_is_one_request_with_per_item_outcomes(pipe, sandbox):
    ok1 = run(pipe.save(simple_draft("b1")))
    no_rcpt = run(pipe.save(simple_draft("b2", to=None)))
    ok3 = run(pipe.save(simple_draft("b3")))
    invalid = Draft(to=[Recipient("x@@y")], subject="never saved")
    n = sandbox.request_log.count("SendItem")
    out = run(pipe.send_batch([ok1, no_rcpt.ref, ok3, invalid]))
    assert sandbox.request_log.count("SendItem") - n == 1
    assert [o.status for o in out] == [OutcomeStatus.SENT, OutcomeStatus.FAILED, OutcomeStatus.SENT, OutcomeStatus.FAILED]
    assert out[1].code == "ErrorInvalidRecipients" and out[3].code == "ErrorInvalidDraft"
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["b1", "b3"]


def test_batch_drop_after_commit_settles_every_item_once(pipe, sandbox):
    saved = [run(pipe.save(simple_draft(f"m{i}"))) for i in range(4)]
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    n = len(sandbox.request_log)
    out = run(pipe.send_batch([s.ref for s in saved]))  # bare refs: Message-IDs known from the saves
    assert [o.status for o in out] == [OutcomeStatus.SENT] * 4
    assert sandbox.request_log[n:] == ["SendItem", "FindItem", "FindItem"], "one lookup per folder for all 4"
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["m0", "m1", "m2", "m3"]


def test_nothing_sent_when_the_server_cannot_be_reached(services):
    from app.domain.account import AccountConfig
    from app.mail.ews import EwsMailService

    svc = EwsMailService(AccountConfig(email=ALICE, ews_url="http://127.0.0.1:9/EWS/Exchange.asmx", username="alice",
                                       server_build="15.1.2507.6"), "pw", timeout=2)
    client = MailClient(lambda: svc)
    rec = Recorder()
    p = SendPipeline(client, on_progress=rec, sleep=rec.sleep)
    try:
        with pytest.raises(ConnectionFailed):
            run(p.send(simple_draft("offline")))
        assert len(rec.sleeps) == 2  # bounded: 3 attempts, 2 waits
    finally:
        client.close()


def _outlook_draft(pipe, subject, mid=None):
    """A draft created by another client, known to us only by its ItemId (e.g. picked in a listing)."""
    from exchangelib import Mailbox, Message

    acct = pipe.svc.account
    m = Message(account=acct, folder=acct.drafts, subject=subject, body="x", to_recipients=[Mailbox(email_address=BOB)])
    if mid:
        m.message_id = mid
    m.save()
    return Draft(to=[Recipient(BOB)], subject=subject, body="x", ref=ItemRef(m.id, m.changekey))


def test_draft_made_elsewhere_learns_its_message_id_and_settles_exactly_once(pipe, sandbox):
    d = _outlook_draft(pipe, "from outlook", mid="<outlook-1@example.com>")
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    out = run(pipe.send(d))
    assert out.status == OutcomeStatus.SENT
    assert sandbox.request_log.count("SendItem") == 1
    assert _count(sandbox, "inbox", email=BOB, subject="from outlook") == 1


def test_draft_without_any_message_id_is_reported_unknown_never_resent(pipe, sandbox):
    """No Message-ID anywhere (the sandbox, unlike Exchange, assigns none): after a lost reply the draft
    is gone from Drafts, so it was probably sent; the pipeline says so and does not send it again."""
    d = _outlook_draft(pipe, "no id at all")
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    out = run(pipe.send(d))
    assert out.status == OutcomeStatus.UNKNOWN and "not sent again" in out.message
    assert sandbox.request_log.count("SendItem") == 1
    assert _count(sandbox, "inbox", email=BOB, subject="no id at all") == 1


@pytest.mark.parametrize("op", ["UpdateItem", "CreateAttachment", "DeleteAttachment"])
def test_lost_reply_during_a_resave_is_retried_without_stale_conflicts_or_duplicates(pipe, sandbox, op):
    from dataclasses import replace

    from app.domain.models import Attachment

    saved = run(pipe.save(full_draft(internet_message_id="")))
    edited = replace(saved, subject="edited", to=[Recipient("carol@example.com")],
                     attachments=[saved.attachments[0], Attachment("third.txt", b"3")])
    sandbox.faults.inject(op, "drop_after_commit", count=1)
    again = run(pipe.save(edited))
    back = pipe.svc.get_message(again.ref)
    assert back.subject == "edited" and back.to == [Recipient("carol@example.com")]
    assert sorted(a.name for a in back.attachments) == ["report.pdf", "third.txt"]
    assert _count(sandbox, "drafts") == 1
    # and the returned ChangeKey is current: sending works at once
    assert run(pipe.send_batch([again])) [0].status == OutcomeStatus.SENT


def test_late_commit_of_a_first_save_after_a_timeout_is_adopted(services, sandbox):
    svc = services.make(timeout=0.5)
    svc.connect()
    client = MailClient(lambda: svc, workers=2)
    rec = Recorder()

    async def real_sleep(s):
        import asyncio

        rec.sleeps.append(s)
        await asyncio.sleep(s)

    p = SendPipeline(client, on_progress=rec, sleep=real_sleep,
                     policy=RetryPolicy(max_attempts=3, base_delay=0.1, settle_delay=1.0))
    sandbox.faults.inject("CreateItem", "delay", count=1, seconds=1.0)  # answers after our timeout, then commits
    try:
        saved = run(p.save(full_draft(internet_message_id="")))
    finally:
        client.close()
    assert saved.ref is not None
    assert _count(sandbox, "drafts") == 1
    back = svc.get_message(saved.ref)
    assert sorted(a.name for a in back.attachments) == ["notes.txt", "report.pdf"]


def test_refs_picked_from_a_listing_are_settled_by_message_id(pipe, sandbox):
    """The UI sends what the user selected in the Drafts list (bare ItemRefs); the listing taught the
    client their Message-IDs, so a lost reply is still settled exactly once."""
    from exchangelib import Mailbox, Message

    from app.domain.models import Folder

    acct = pipe.svc.account
    for i in range(3):
        m = Message(account=acct, folder=acct.drafts, subject=f"picked {i}", body="x",
                    to_recipients=[Mailbox(email_address=BOB)])
        m.message_id = f"<picked-{i}@elsewhere>"
        m.save()
    fresh = SendPipeline(pipe.client, sleep=pipe.rec.sleep)  # knows nothing from saves of its own
    page = run(pipe.client.list_messages(Folder.DRAFTS, 0, 10))
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    out = run(fresh.send_batch([s.ref for s in page.items]))
    assert [o.status for o in out] == [OutcomeStatus.SENT] * 3
    assert sandbox.request_log.count("SendItem") == 1
    assert sorted(i["subject"] for i in sandbox.mailbox(BOB).items("inbox")) == ["picked 0", "picked 1", "picked 2"]


def test_repeatedly_dropped_before_commit_gives_up_as_failed_still_in_drafts(pipe, sandbox):
    sandbox.faults.inject("SendItem", "drop_before_commit", count=10)
    out = run(pipe.send(simple_draft("never gets through")))
    assert out.status == OutcomeStatus.FAILED and "still in Drafts" in out.message
    assert sandbox.request_log.count("SendItem") == 3  # bounded
    assert _count(sandbox, "inbox", email=BOB) == 0 and _count(sandbox, "drafts") == 1


def test_when_the_lookup_itself_fails_the_send_is_unknown_and_not_repeated(pipe, sandbox):
    saved = run(pipe.save(simple_draft("cannot verify")))
    sandbox.faults.inject("SendItem", "drop_after_commit", count=1)
    sandbox.faults.inject("FindItem", "http_503", count=10, retry_after=1)
    out = run(pipe.send(saved))
    assert out.status == OutcomeStatus.UNKNOWN and "Could not check" in out.message
    assert sandbox.request_log.count("SendItem") == 1
    assert _count(sandbox, "inbox", email=BOB, subject="cannot verify") == 1


def test_auth_failure_on_send_is_raised_and_nothing_is_sent(pipe, sandbox):
    from app.mail.errors import AuthFailed

    saved = run(pipe.save(simple_draft("401")))
    sandbox.faults.inject("SendItem", "http_401", count=1)
    with pytest.raises(AuthFailed):
        run(pipe.send_batch([saved]))
    assert _count(sandbox, "inbox", email=BOB) == 0
    assert pipe.rec.states(saved.local_id)[-1] == SendState.FAILED
