"""Recipients get their display names (issue 51 item 1): a recipient given only an address that is a mailbox of
the sandbox's directory is named as the directory names it, as Exchange resolves recipients on save and send;
on the draft (CreateItem, UpdateItem), the Sent copy and the recipient's copy, and in DisplayTo / DisplayCc
("; "-joined). A name the client gave is kept; an address outside the directory gets none."""

from __future__ import annotations

import re

from exchangelib import Mailbox, Message

from app.sandbox.sandbox import DEFAULT_USERS
from tests.helpers.soap import post
from tests.helpers.ews_accounts import make_account


def _names(boxes):
    return [(b.name, b.email_address) for b in boxes or []]


def test_a_draft_names_the_directorys_mailboxes_and_keeps_a_given_name(sandbox, alice):
    m = Message(account=alice, folder=alice.drafts, subject="names", body="b",
                to_recipients=["bob@example.com", Mailbox(email_address="carol@example.com", name="Caz")],
                cc_recipients=["someone@outside.example.org"])
    m.save()
    got = alice.drafts.get(id=m.id)
    assert _names(got.to_recipients) == [("Bob Brown", "bob@example.com"), ("Caz", "carol@example.com")]
    assert _names(got.cc_recipients) == [(None, "someone@outside.example.org")]
    assert got.display_to == "Bob Brown; Caz"
    assert got.display_cc == "someone@outside.example.org"

    got.cc_recipients = ["dave@example.com", "someone@outside.example.org"]  # UpdateItem
    got.save(update_fields=["cc_recipients"])
    again = alice.drafts.get(id=m.id)
    assert _names(again.cc_recipients) == [("Dave Davis", "dave@example.com"), (None, "someone@outside.example.org")]
    assert again.display_cc == "Dave Davis; someone@outside.example.org"


def test_the_sent_copy_and_the_recipients_copy_carry_the_names(sandbox, alice, bob):
    m = Message(account=alice, folder=alice.drafts, subject="sent names", body="b",
                to_recipients=["bob@example.com"], cc_recipients=["carol@example.com"])
    m.save()
    m.send(save_copy=True, copy_to_folder=alice.sent)
    (sent,) = list(alice.sent.all())
    (got,) = list(bob.inbox.all())
    for copy in (sent, got):
        assert _names(copy.to_recipients) == [("Bob Brown", "bob@example.com")]
        assert _names(copy.cc_recipients) == [("Carol Clark", "carol@example.com")]
        assert (copy.display_to, copy.display_cc) == ("Bob Brown", "Carol Clark")
    mime = sandbox.mailbox("bob@example.com").items("inbox")[0]["mime"]
    assert b"To: Bob Brown <bob@example.com>" in mime and b"Cc: Carol Clark <carol@example.com>" in mime


SEND_ONLY = ('<m:CreateItem MessageDisposition="SendAndSaveCopy"><m:Items><t:Message><t:Subject>raw</t:Subject>'
             '<t:ToRecipients><t:Mailbox><t:EmailAddress>bob@example.com</t:EmailAddress></t:Mailbox>'
             '</t:ToRecipients><t:ReplyTo><t:Mailbox><t:EmailAddress>carol@example.com</t:EmailAddress></t:Mailbox>'
             '</t:ReplyTo></t:Message></m:Items></m:CreateItem>')


def test_a_message_sent_at_once_names_its_recipients(sandbox, alice, bob):
    r = post(sandbox, SEND_ONLY)
    assert re.findall(rb"<m:ResponseCode>(\w+)</m:ResponseCode>", r.content) == [b"NoError"]
    (got,) = list(bob.inbox.all())
    assert _names(got.to_recipients) == [("Bob Brown", "bob@example.com")]
    assert _names(got.reply_to) == [("Carol Clark", "carol@example.com")]
    assert got.display_to == "Bob Brown"


def test_a_draft_saved_before_its_recipient_joined_the_directory_is_named_when_sent(sandbox_factory, tmp_path):
    """Names are resolved on send too: a draft to an address that was no mailbox when it was saved, sent after
    the directory gained that mailbox (the sandbox restarted on its data with one more user)."""
    erin = {"email": "erin@example.com", "name": "Erin Evans", "password": "erin-sandbox-pw"}
    first = sandbox_factory(data=str(tmp_path / "box"), users=[dict(u) for u in DEFAULT_USERS])
    alice = make_account(first, "alice@example.com")
    m = Message(account=alice, folder=alice.drafts, subject="before", body="b", to_recipients=["erin@example.com"])
    m.save()
    assert _names(alice.drafts.get(id=m.id).to_recipients) == [(None, "erin@example.com")]
    first.stop()

    again = sandbox_factory(data=str(tmp_path / "box"), users=[dict(u) for u in DEFAULT_USERS] + [erin])
    alice = make_account(again, "alice@example.com")
    alice.drafts.get(id=m.id).send(save_copy=True, copy_to_folder=alice.sent)
    (sent,) = list(alice.sent.all())
    (got,) = list(make_account(again, "erin@example.com").inbox.all())
    for copy in (sent, got):
        assert _names(copy.to_recipients) == [("Erin Evans", "erin@example.com")] and copy.display_to == "Erin Evans"
