"""Sending through real exchangelib: SendItem, bulk_send, CreateItem SendAndSaveCopy/SendOnly, delivery, relay."""

from __future__ import annotations

import base64
import email
import email.policy

from exchangelib import FileAttachment, HTMLBody, Message
from exchangelib.errors import ErrorInvalidIdMalformed, ErrorItemNotFound


def _draft(account, subject, to=("bob@example.com",), **kw):
    m = Message(account=account, folder=account.drafts, subject=subject, body="plain body",
                to_recipients=list(to), **kw)
    m.save()
    return m


def test_send_saved_draft_lands_in_sent_items_and_bobs_inbox(sandbox, alice, bob):
    m = Message(account=alice, folder=alice.drafts, subject="Lunch?", body=HTMLBody("<p>At <b>noon</b></p>"),
                to_recipients=["bob@example.com"], cc_recipients=["carol@example.com"],
                bcc_recipients=["dave@example.com"], message_id="<lunch-1@dispatch.example.com>")
    m.attach(FileAttachment(name="menu.txt", content=b"soup", content_type="text/plain"))
    m.save()
    draft_id = m.id
    m.send(save_copy=True, copy_to_folder=alice.sent)

    assert alice.drafts.all().count() == 0
    (gone,) = list(alice.fetch(ids=[(draft_id, None)]))
    assert isinstance(gone, ErrorItemNotFound)
    (sent,) = list(alice.sent.all())
    assert sent.subject == "Lunch?" and sent.is_draft is False
    assert [r.email_address for r in sent.bcc_recipients] == ["dave@example.com"]  # the sender keeps Bcc
    assert sent.message_id == "<lunch-1@dispatch.example.com>"
    assert sent.datetime_sent is not None

    (got,) = list(bob.inbox.all())
    assert got.subject == "Lunch?"
    assert got.is_read is False and got.datetime_received is not None
    assert got.author.email_address == "alice@example.com"
    assert got.bcc_recipients is None
    assert got.message_id == "<lunch-1@dispatch.example.com>"
    assert [a.name for a in got.attachments] == ["menu.txt"] and got.attachments[0].content == b"soup"

    for box in ("bob@example.com", "carol@example.com", "dave@example.com"):
        (item,) = sandbox.mailbox(box).items("inbox")
        msg = email.message_from_bytes(item["mime"], policy=email.policy.default)
        assert msg["Bcc"] is None, "Bcc must never travel in the message header"
        assert msg["From"].addresses[0].addr_spec == "alice@example.com"
        assert msg["To"].addresses[0].addr_spec == "bob@example.com"
        assert msg["Cc"].addresses[0].addr_spec == "carol@example.com"
        assert msg["Message-ID"] == "<lunch-1@dispatch.example.com>"
        assert msg["Date"] is not None
        assert [p.get_filename() for p in msg.iter_attachments()] == ["menu.txt"]

    # MimeContent over EWS, too
    mime = bob.inbox.get(id=got.id).mime_content
    assert b"Bcc:" not in mime and b"Subject: Lunch?" in mime
    assert "SendItem" in sandbox.request_log


def test_bulk_send_mixed_ids_gives_per_item_results_in_order(sandbox, alice):
    good = [_draft(alice, f"bulk {i}") for i in range(3)]
    missing = base64.b64encode(b"DSI\x01" + b"\x11" * 16).decode()
    ids = [(good[0].id, good[0].changekey), ("garbled!!", "CK"), (good[1].id, good[1].changekey),
           (missing, "CK"), (good[2].id, good[2].changekey)]
    results = alice.bulk_send(ids=ids, save_copy=True)
    assert results[0] is True and results[2] is True and results[4] is True
    assert isinstance(results[1], ErrorInvalidIdMalformed) and str(results[1]) == "Id is malformed."
    assert isinstance(results[3], ErrorItemNotFound)
    assert alice.sent.all().count() == 3
    assert alice.drafts.all().count() == 0
    assert sorted(i["subject"] for i in sandbox.mailbox("bob@example.com").items("inbox")) == [
        "bulk 0", "bulk 1", "bulk 2"]
    assert sandbox.request_log.count("SendItem") == 1


def test_send_and_save_and_send_only(sandbox, alice, bob):
    Message(account=alice, subject="direct", body="plain", to_recipients=["bob@example.com"]).send_and_save()
    Message(account=alice, subject="direct2", body="plain", to_recipients=["bob@example.com"]).send(save_copy=False)
    assert sorted(m.subject for m in bob.inbox.all()) == ["direct", "direct2"]
    assert [m.subject for m in alice.sent.all()] == ["direct"]
    assert alice.drafts.all().count() == 0


def test_outside_recipients_go_to_the_relay_queue(sandbox, alice):
    Message(account=alice, subject="to the world", body="hi",
            to_recipients=["bob@example.com", "friend@elsewhere.test"],
            bcc_recipients=["hidden@elsewhere.test"]).send()
    (msg,) = sandbox.relay_queue()
    assert msg["Subject"] == "to the world" and msg["Bcc"] is None
    assert sorted(msg.envelope_to) == ["friend@elsewhere.test", "hidden@elsewhere.test"]
    assert msg.envelope_from == "alice@example.com"
    assert len(sandbox.mailbox("bob@example.com").items("inbox")) == 1


def test_delete_hard_and_to_trash(sandbox, alice):
    a = _draft(alice, "hard")
    b = _draft(alice, "trash")
    a.delete()
    b.move_to_trash()
    assert alice.drafts.all().count() == 0
    assert [m.subject for m in alice.trash.all()] == ["trash"]
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items(None)] == ["trash"]


def test_bulk_delete_mixed_ids(sandbox, alice):
    a = _draft(alice, "x")
    res = alice.bulk_delete(ids=[(a.id, a.changekey), ("BADID", None)])
    assert res[0] is True and isinstance(res[1], ErrorInvalidIdMalformed)


def test_resolve_names_one_several_none(sandbox, alice):
    one = alice.protocol.resolve_names(["bob"])
    assert [m.email_address for m in one] == ["bob@example.com"]
    several = alice.protocol.resolve_names(["ali"])  # Alice Anderson + Ali Baba -> warning, still results
    assert sorted(m.email_address for m in several) == ["ali.baba@example.com", "alice@example.com"]
    none = alice.protocol.resolve_names(["zzz"])
    assert type(none[0]).__name__ == "ErrorNameResolutionNoResults"
    full = alice.protocol.resolve_names(["carol@example.com"], return_full_contact_data=True)
    mailbox, contact = full[0]
    assert mailbox.email_address == "carol@example.com" and contact.display_name == "Carol Clark"


def test_reply_reply_all_and_forward(sandbox, alice, bob):
    Message(account=alice, subject="Plan", body=HTMLBody("<p>the plan</p>"), to_recipients=["bob@example.com"],
            cc_recipients=["carol@example.com"], message_id="<plan-1@example.com>").send()
    (orig,) = list(bob.inbox.all())
    orig.reply(subject=None, body="Sounds good")
    orig.reply_all(subject=None, body="Agreed, all")
    fwd = orig.create_forward(subject=None, body="FYI", to_recipients=["dave@example.com"])
    fwd.send()
    replies = sorted(sandbox.mailbox("alice@example.com").items("inbox"), key=lambda i: i["created"])
    assert [i["subject"] for i in replies] == ["RE: Plan", "RE: Plan"]
    assert replies[0]["fields"]["InReplyTo"] == "<plan-1@example.com>"
    assert "Sounds good" in replies[0]["body"] and "the plan" in replies[0]["body"]
    (carol_copy,) = [i for i in sandbox.mailbox("carol@example.com").items("inbox") if i["subject"] == "RE: Plan"]
    assert carol_copy["cc"] == ["carol@example.com"]
    (fw,) = sandbox.mailbox("dave@example.com").items("inbox")
    assert fw["subject"] == "FW: Plan" and "FYI" in fw["body"] and "the plan" in fw["body"]
    assert sorted(m.subject for m in bob.sent.all()) == ["FW: Plan", "RE: Plan", "RE: Plan"]
