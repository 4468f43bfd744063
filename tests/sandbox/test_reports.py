"""The sandbox's reports, as Exchange Online makes them (core/bounces.py, core/reports.py), over real HTTP with
exchangelib (EWS) and httpx (Graph): one non-delivery report per message naming every recipient it did not reach
(5.1.1 unknown in the domain, 5.2.2 full, 5.7.1 a group the sender may not write to, 5.4.310 a domain that does
not exist, 5.3.4 over the recipient's receive size), delivery receipts when asked, a read receipt when a copy that
asked for one is first marked read (EWS UpdateItem, Graph PATCH). Each is a multipart/report read back with the
standard ``email`` package, stored in the sender's Inbox with its class, found by EWS's restriction and Graph's
$filter, its MIME the same over both protocols. The wire check (tests/conftest.py) validates every EWS body against
the XSD and every Graph body against the CSDL."""

from __future__ import annotations

import datetime as dt
import email
import email.policy

import pytest
from exchangelib import EWSDateTime, Mailbox, Message

from tests.helpers.ews_accounts import make_account
from tests.helpers.graph_clients import client

USERS = [
    {"email": "alice@example.com", "password": "alice-sandbox-pw", "name": "Alice Anderson"},
    {"email": "bob@example.com", "password": "bob-sandbox-pw", "name": "Bob Brown"},
    {"email": "carol@example.com", "password": "carol-sandbox-pw", "name": "Carol Clark"},
    {"email": "dave@example.com", "password": "dave-sandbox-pw", "name": "Dave Davis"},
    {"email": "full@example.com", "password": "full-sandbox-pw", "name": "Full Box", "mailbox_full": True},
    {"email": "small@example.com", "password": "small-sandbox-pw", "name": "Small Box", "max_receive_bytes": 2000},
    {"email": "board@example.com", "name": "The Board", "members": ["bob@example.com", "carol@example.com"],
     "accept_from": ["dave@example.com"]},
]
FAILED = {"nobody@example.com": "5.1.1", "full@example.com": "5.2.2", "board@example.com": "5.7.1"}
NDR, DR, READ = "REPORT.IPM.Note.NDR", "REPORT.IPM.Note.DR", "REPORT.IPM.Note.IPNRN"
SINCE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(graph=True, users=USERS, graph_send_delay=0, unreachable_domains=["gone.example.net"])


def _reports(sb, owner="alice@example.com", item_class=None) -> list[dict]:
    return [i for i in sb.mailbox(owner).items("inbox")
            if i["fields"].get("ItemClass", "IPM.Note").startswith("REPORT.")
            and (item_class is None or i["fields"]["ItemClass"] == item_class)]


def _parsed(mime: bytes):
    return email.message_from_bytes(mime, policy=email.policy.default)


def _status_blocks(report) -> list:
    [part] = [p for p in report.walk() if p.get_content_type() == "message/delivery-status"]
    return part.get_payload()


def _per_recipient(report) -> dict[str, dict]:
    """Final-Recipient (without "rfc822;") -> that recipient's fields (unfolded: a long field is folded, RFC 5322,
    and ``email`` keeps the space of a fold right after the colon)."""
    return {b["Final-Recipient"].split(";", 1)[1].strip(): {k: " ".join(v.split()) for k, v in b.items()}
            for b in _status_blocks(report)[1:]}


def _send_five(alice) -> str:
    m = Message(account=alice, folder=alice.sent, subject="Quarterly figures", body="Numbers attached.",
                to_recipients=[Mailbox(email_address=a) for a in ("bob@example.com", "nobody@example.com",
                                                                   "full@example.com", "board@example.com",
                                                                   "carol@example.com")],
                is_read_receipt_requested=True, is_delivery_receipt_requested=True)
    m.send_and_save()
    return next(iter(alice.sent.filter(subject="Quarterly figures").only("message_id"))).message_id


def _mark_read_over_ews(account, subject: str, *, suppress: bool = False, read: bool = True) -> None:
    """UpdateItem setting IsRead; exchangelib's Item.save() always asks Exchange to suppress read receipts
    (SuppressReadReceipts="true"), its bulk_update lets the caller say."""
    item = account.inbox.get(subject=subject)
    item.is_read = read
    account.bulk_update([(item, ["is_read"])], suppress_read_receipts=suppress)


def test_one_message_to_five_gets_one_ndr_naming_the_three_failed_and_receipts(sb):
    alice, carol = make_account(sb, "alice@example.com"), make_account(sb, "carol@example.com")
    original_id = _send_five(alice)
    assert [i["subject"] for i in sb.mailbox("bob@example.com").items("inbox")] == ["Quarterly figures"]
    assert sb.mailbox("full@example.com").count("inbox") == 0, "a full mailbox takes nothing"

    [ndr] = _reports(sb, item_class=NDR)
    report = _parsed(ndr["mime"])
    assert report.get_content_type() == "multipart/report"
    assert report.get_param("report-type") == "delivery-status"
    assert str(report["Subject"]) == "Undeliverable: Quarterly figures" == ndr["subject"]
    assert report["In-Reply-To"] == original_id and report["References"] == original_id
    assert ndr["from"] == "postmaster@example.com"
    head = _status_blocks(report)[0]
    assert head["Reporting-MTA"].startswith("dns; ") and head["Arrival-Date"]
    failed = _per_recipient(report)
    assert set(failed) == set(FAILED)
    for addr, status in FAILED.items():
        assert failed[addr]["Action"] == "failed" and failed[addr]["Status"] == status
        assert failed[addr]["Original-Recipient"] == f"rfc822;{addr}"
        assert failed[addr]["Diagnostic-Code"].startswith("smtp; 5")
        assert status in failed[addr]["Diagnostic-Code"]
    assert "RESOLVER.ADR.RecipNotFound; not found" in failed["nobody@example.com"]["Diagnostic-Code"]
    [headers] = [p for p in report.walk() if p.get_content_type() == "text/rfc822-headers"]
    assert f"Message-ID: {original_id}" in headers.get_content()

    receipts = _reports(sb, item_class=DR)
    assert sorted(_per_recipient(_parsed(r["mime"])).popitem()[0] for r in receipts) == [
        "bob@example.com", "carol@example.com"]
    for r in receipts:
        [(_, fields)] = _per_recipient(_parsed(r["mime"])).items()
        assert fields["Action"] == "delivered" and fields["Status"] == "2.0.0"
        assert r["subject"] == "Delivered: Quarterly figures"
    assert not _reports(sb, item_class=READ), "nobody has read it yet"

    _mark_read_over_ews(carol, "Quarterly figures", suppress=True)
    assert not _reports(sb, item_class=READ), "SuppressReadReceipts: none sent"
    _mark_read_over_ews(carol, "Quarterly figures")
    assert not _reports(sb, item_class=READ), "read already: marking it read again is no news"
    _mark_read_over_ews(carol, "Quarterly figures", read=False)
    _mark_read_over_ews(carol, "Quarterly figures")
    [read] = _reports(sb, item_class=READ)
    mdn = _parsed(read["mime"])
    assert mdn.get_param("report-type") == "disposition-notification"
    assert str(mdn["Subject"]) == "Read: Quarterly figures" and read["from"] == "carol@example.com"
    [part] = [p for p in mdn.walk() if p.get_content_type() == "message/disposition-notification"]
    fields = part.get_payload(0)
    assert fields["Original-Message-ID"] == original_id and fields["Final-Recipient"] == "rfc822;carol@example.com"
    assert fields["Disposition"] == "manual-action/MDN-sent-manually; displayed" and fields["Reporting-UA"]

    with client(sb, "carol@example.com") as carol_graph:  # read again over Graph: still one receipt per copy
        [copy] = carol_graph.get("/me/mailFolders/inbox/messages").json()["value"]
        for flag in (False, True):
            r = carol_graph.patch(f"/me/messages/{copy['id']}", json={"isRead": flag})
            assert r.status_code == 200, r.text
    assert len(_reports(sb, item_class=READ)) == 1
    assert len(_reports(sb)) == 4, "one NDR, two delivery receipts, one read receipt"


def test_reports_are_found_by_the_ews_restriction_and_their_mime_is_the_stored_one(sb):
    alice, carol = make_account(sb, "alice@example.com"), make_account(sb, "carol@example.com")
    start = EWSDateTime.now(tz=alice.default_timezone) - dt.timedelta(minutes=1)
    _send_five(alice)
    _mark_read_over_ews(carol, "Quarterly figures")
    found = list(alice.inbox.filter(item_class=NDR, datetime_received__gte=start).only("subject", "mime_content"))
    assert [i.subject for i in found] == ["Undeliverable: Quarterly figures"]
    [ndr] = _reports(sb, item_class=NDR)
    assert found[0].mime_content == ndr["mime"], "MimeContent is the stored report"
    assert _parsed(found[0].mime_content).get_param("report-type") == "delivery-status", "not one made from fields"
    prefixed = alice.inbox.filter(item_class__startswith="REPORT.", datetime_received__gte=start)
    assert sorted(i.item_class for i in prefixed.only("item_class")) == [DR, DR, READ, NDR]
    assert not list(alice.inbox.filter(item_class="REPORT.IPM.Note.IPNNRN", datetime_received__gte=start))
    later = start + dt.timedelta(days=1)
    assert not list(alice.inbox.filter(item_class=NDR, datetime_received__gte=later))


def _by_class(item_class: str) -> str:
    return (f"receivedDateTime ge {SINCE:%Y-%m-%dT%H:%M:%SZ} and singleValueExtendedProperties/Any(ep: ep/id eq "
            f"'String 0x001A' and ep/value eq '{item_class}')")


def test_graph_finds_each_kind_by_its_class_and_serves_the_stored_mime(sb):
    _send_five(make_account(sb, "alice@example.com"))
    _mark_read_over_ews(make_account(sb, "carol@example.com"), "Quarterly figures")
    with client(sb) as alice:
        expand = "singleValueExtendedProperties($filter=id eq 'String 0x001A')"
        for item_class, subjects in ((NDR, ["Undeliverable: Quarterly figures"]),
                                     (DR, ["Delivered: Quarterly figures"] * 2),
                                     (READ, ["Read: Quarterly figures"]), ("REPORT.IPM.Note.IPNNRN", [])):
            r = alice.get("/me/mailFolders/inbox/messages", params={"$filter": _by_class(item_class),
                                                                    "$expand": expand})
            assert r.status_code == 200, r.text
            got = r.json()["value"]
            assert [m["subject"] for m in got] == subjects, item_class
            assert all(m["singleValueExtendedProperties"] == [{"id": "String 0x1a", "value": item_class}]
                       for m in got)
        [ndr] = alice.get("/me/mailFolders/inbox/messages", params={"$filter": _by_class(NDR)}).json()["value"]
        assert ndr["from"]["emailAddress"]["address"] == "postmaster@example.com"
        raw = alice.get(f"/me/messages/{ndr['id']}/$value")
        assert raw.status_code == 200 and raw.content == _reports(sb, item_class=NDR)[0]["mime"]
        assert _parsed(raw.content).get_param("report-type") == "delivery-status", "the report, not one from fields"


def test_a_read_receipt_asked_over_graph_goes_once_when_the_copy_is_marked_read_over_graph(sb):
    with client(sb) as alice, client(sb, "bob@example.com") as bob:
        r = alice.post("/me/sendMail", json={"message": {
            "subject": "Read me", "body": {"contentType": "text", "content": "hi"}, "isReadReceiptRequested": True,
            "toRecipients": [{"emailAddress": {"address": "bob@example.com"}}]}})
        assert r.status_code == 202, r.text
        assert sb.outbox.wait_idle(10)
        [copy] = bob.get("/me/mailFolders/inbox/messages").json()["value"]
        assert copy["isReadReceiptRequested"] is True
        assert not _reports(sb), "no delivery receipt was asked, nothing failed"
        for _ in range(2):
            assert bob.patch(f"/me/messages/{copy['id']}", json={"isRead": True}).status_code == 200
        [read] = _reports(sb)
        assert read["fields"]["ItemClass"] == READ and read["subject"] == "Read: Read me"


def test_a_group_takes_mail_from_who_may_write_to_it(sb):
    dave = make_account(sb, "dave@example.com")
    Message(account=dave, subject="Board pack", body="x", to_recipients=["board@example.com"]).send()
    assert [i["subject"] for i in sb.mailbox("bob@example.com").items("inbox")] == ["Board pack"]
    assert [i["subject"] for i in sb.mailbox("carol@example.com").items("inbox")] == ["Board pack"]
    assert not _reports(sb, "dave@example.com")


@pytest.mark.parametrize("to", ["someone@nowhere.invalid", "someone@gone.example.net"])
def test_a_domain_that_does_not_exist_bounces_with_5_4_310(sb, to):
    alice = make_account(sb, "alice@example.com")
    Message(account=alice, subject="Hello there", body="x", to_recipients=[to, "bob@example.com"]).send()
    assert not sb.store.relay_rows(), "nothing is relayed to a domain that does not exist"
    [ndr] = _reports(sb)
    [(addr, fields)] = _per_recipient(_parsed(ndr["mime"])).items()
    domain = to.split("@")[1]
    assert addr == to and fields["Status"] == "5.4.310"
    assert f"DNS domain {domain} does not exist" in fields["Diagnostic-Code"]
    assert sb.mailbox("bob@example.com").count("inbox") == 1


def test_a_message_over_the_recipients_receive_size_bounces_with_5_3_4(sb):
    alice = make_account(sb, "alice@example.com")
    Message(account=alice, subject="Small", body="x", to_recipients=["small@example.com"]).send()
    assert sb.mailbox("small@example.com").count("inbox") == 1 and not _reports(sb)
    Message(account=alice, subject="Big", body="y" * 5000, to_recipients=["small@example.com"]).send()
    assert sb.mailbox("small@example.com").count("inbox") == 1
    [ndr] = _reports(sb)
    [(addr, fields)] = _per_recipient(_parsed(ndr["mime"])).items()
    assert addr == "small@example.com" and fields["Status"] == "5.3.4"
    assert fields["Diagnostic-Code"] == "smtp; 552 5.3.4 Message size exceeds fixed maximum message size"
