"""Drafts through real exchangelib over loopback HTTP: save, read back, update, list, attachments."""

from __future__ import annotations

import datetime as dt

from exchangelib import FileAttachment, HTMLBody, Mailbox, Message

FIELDS = [
    "subject", "body", "importance", "sensitivity", "categories", "to_recipients", "cc_recipients",
    "bcc_recipients", "reply_to", "is_read_receipt_requested", "is_delivery_receipt_requested",
    "is_response_requested", "is_read", "internet_message_id", "references", "conversation_topic", "author",
]


def _full_draft(account):
    m = Message(
        account=account,
        folder=account.drafts,
        subject="Quarterly numbers — draft ✓",
        body=HTMLBody("<p>Hi <b>team</b>,</p><p>see attached.</p>"),
        importance="High",
        sensitivity="Confidential",
        categories=["Finance", "Q3"],
        to_recipients=[Mailbox(name="Bob Brown", email_address="bob@example.com"), "carol@example.com"],
        cc_recipients=["dave@example.com"],
        bcc_recipients=["someone@outside.example.org"],
        reply_to=["alice.replies@example.com"],
        is_read_receipt_requested=True,
        is_delivery_receipt_requested=True,
        is_response_requested=False,
        message_id="<draft-123@dispatch.example.com>",
        references="<a@x> <b@y>",
        author=Mailbox(name="Alice Anderson", email_address="alice@example.com"),
    )
    m.attach(FileAttachment(name="notes.txt", content=b"hello world", content_type="text/plain"))
    m.attach(FileAttachment(name="data.bin", content=bytes(range(256)) * 40, content_type="application/octet-stream"))
    return m


def _mailboxes(v):
    return [(x.name, x.email_address) for x in v or []]


def test_save_draft_with_all_fields_and_two_attachments_round_trips(sandbox, alice):
    draft = _full_draft(alice)
    draft.save()
    assert draft.id and draft.changekey
    assert all(a.attachment_id and a.attachment_id.id for a in draft.attachments)

    got = alice.drafts.get(id=draft.id)
    assert got.subject == draft.subject
    assert got.body == draft.body and isinstance(got.body, HTMLBody)
    assert got.importance == "High"
    assert got.sensitivity == "Confidential"
    assert got.categories == ["Finance", "Q3"]
    # issue 51: a sandbox mailbox given only by its address is named as the directory names it
    assert _mailboxes(got.to_recipients) == [("Bob Brown", "bob@example.com"), ("Carol Clark", "carol@example.com")]
    assert _mailboxes(got.cc_recipients) == [("Dave Davis", "dave@example.com")]
    assert _mailboxes(got.bcc_recipients) == [(None, "someone@outside.example.org")]
    assert _mailboxes(got.reply_to) == [(None, "alice.replies@example.com")]
    assert got.is_read_receipt_requested is True
    assert got.is_delivery_receipt_requested is True
    assert got.is_response_requested is False
    assert got.message_id == "<draft-123@dispatch.example.com>"
    assert got.references == "<a@x> <b@y>"
    assert got.conversation_topic == draft.subject  # Exchange derives the topic from the subject
    assert got.author.email_address == "alice@example.com"
    assert got.is_draft is True
    assert got.has_attachments is True
    assert got.display_to == "Bob Brown; Carol Clark"
    assert got.display_cc == "Dave Davis"
    assert got.size > 10000
    now = dt.datetime.now(dt.timezone.utc)
    assert abs((got.datetime_created - now).total_seconds()) < 60
    assert got.last_modified_time >= got.datetime_created
    atts = sorted(got.attachments, key=lambda a: a.name)
    assert [a.name for a in atts] == ["data.bin", "notes.txt"]
    assert atts[0].content == bytes(range(256)) * 40
    assert atts[1].content == b"hello world" and atts[1].content_type == "text/plain"
    # The sandbox's own view agrees.
    (stored,) = sandbox.mailbox("alice@example.com").items("drafts")
    assert stored["subject"] == draft.subject and len(stored["attachments"]) == 2


def test_text_body_converts_to_requested_type(sandbox, alice):
    draft = Message(account=alice, folder=alice.drafts, subject="t", body=HTMLBody("<p>one</p><p>two &amp; three</p>"))
    draft.save()
    got = alice.drafts.get(id=draft.id)
    assert got.text_body.strip() == "one\ntwo & three"
    # Like Exchange, new items get a conversation index. Unlike Exchange, a draft gets no Internet message
    # id until it is sent (the team's pipeline tests rely on that to model a draft without any id).
    assert got.message_id is None
    assert len(got.conversation_index) == 22


def test_update_recipients_with_update_fields_reaches_server(sandbox, alice):
    draft = Message(account=alice, folder=alice.drafts, subject="v1", to_recipients=["bob@example.com"],
                    cc_recipients=["carol@example.com"])
    draft.save()
    old_key = draft.changekey
    draft.subject = "v2"
    draft.to_recipients = [Mailbox(email_address="bob@example.com"), Mailbox(email_address="new@example.com")]
    draft.cc_recipients = None
    draft.bcc_recipients = ["dave@example.com"]
    draft.is_read_receipt_requested = True
    draft.save(update_fields=["subject", "to_recipients", "cc_recipients", "bcc_recipients",
                              "is_read_receipt_requested"])
    assert draft.changekey != old_key
    got = alice.drafts.get(id=draft.id)
    assert got.subject == "v2"
    assert [r.email_address for r in got.to_recipients] == ["bob@example.com", "new@example.com"]
    assert got.cc_recipients is None
    assert [r.email_address for r in got.bcc_recipients] == ["dave@example.com"]
    assert got.is_read_receipt_requested is True
    assert "UpdateItem" in sandbox.request_log


def test_list_drafts_newest_first_across_pages(sandbox, alice):
    created = []
    for i in range(7):
        m = Message(account=alice, folder=alice.drafts, subject=f"draft {i}")
        m.save()
        created.append(m.subject)
    qs = alice.drafts.all().order_by("-datetime_created").only("subject", "datetime_created")
    page1 = [m.subject for m in qs[0:3]]
    page2 = [m.subject for m in qs[3:6]]
    page3 = [m.subject for m in qs[6:9]]
    assert page1 + page2 + page3 == list(reversed(created))
    assert alice.drafts.all().count() == 7
    # Listing with a complex field (recipients) goes FindItem + GetItem.
    full = list(alice.drafts.all().order_by("-datetime_created").only("subject", "to_recipients"))
    assert [m.subject for m in full] == list(reversed(created))


def test_attach_after_save_changes_changekey_and_detach(sandbox, alice):
    draft = Message(account=alice, folder=alice.drafts, subject="att")
    draft.save()
    key = draft.changekey
    att = FileAttachment(name="second.bin", content=b"\x00\x01\x02")
    draft.attach(att)
    assert att.attachment_id.id
    assert draft.changekey != key  # exchangelib takes it from RootItemChangeKey
    got = alice.drafts.get(id=draft.id)
    assert got.changekey == draft.changekey and got.has_attachments
    assert got.attachments[0].content == b"\x00\x01\x02"
    got.detach(got.attachments[0])
    again = alice.drafts.get(id=draft.id)
    assert not again.attachments and again.has_attachments is False
