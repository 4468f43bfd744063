"""Reply all, Forward and Edit as new of a sent message (issue 50), per backend against the sandbox over HTTP:
the original is sent, read back from Sent Items, followed up (app/domain/follow_up.py), saved, sent; the
recipients' copies carry the fields, the quote, the Forward's files and the thread (In-Reply-To,
References, the original's ConversationIndex plus a child block, so the same conversation) in their store
fields and MIME. A reply queued before its first save and the app gone keeps its thread after the restart."""

from __future__ import annotations

import base64
import email
from dataclasses import replace
from datetime import timedelta

from app.domain import follow_up
from app.domain import threads as client_threads
from app.domain.eml import to_eml
from app.domain.models import Attachment, Folder, Recipient
from app.sandbox.core import threads
from app.storage.draft_codec import draft_from_json, draft_to_json
from tests.helpers.backends import ALICE, BOB, every_backend, settle
from tests.helpers.drafts import simple_draft
from tests.mail.outbox_harness import POLICY, Box

CAROL = "carol@example.com"
DAVE = "dave@example.com"
ME = Recipient(ALICE, "Alice")


def _sent_original(svc, sandbox, subject: str):
    """Alice's message to Bob (Cc Carol) with a file, as Dispatch reads it back from Sent Items."""
    d = simple_draft(subject).copy(cc=[Recipient(CAROL, "Carol")], body="The numbers.\nSee the file.",
                                   attachments=[Attachment("q3.csv", b"a,b\n1,2\n", "text/csv")])
    saved = svc.save_draft(d)
    assert [o.ok for o in svc.send_drafts([saved.ref])] == [True]
    settle(sandbox)
    [ref] = svc.find_by_message_id(saved.internet_message_id)[Folder.SENT]
    return svc.get_message(ref)


def _copy(sandbox, who: str, subject: str) -> dict:
    [got] = [m for m in sandbox.mailbox(who).items("inbox") if m["subject"] == subject]
    return got


def _same_conversation(reply: dict, orig: dict) -> None:
    """The reply's index is the original's plus one 5-byte child block: one conversation, over both protocols."""
    a = base64.b64decode(reply["fields"]["ConversationIndex"])
    b = base64.b64decode(orig["fields"]["ConversationIndex"])
    assert a[:len(b)] == b and len(a) == len(b) + 5
    assert threads.conversation_key(reply["fields"]["ConversationIndex"]) == threads.conversation_key(
        orig["fields"]["ConversationIndex"])


def _threaded(copy: dict, orig: dict) -> None:
    mid = orig["internet_message_id"]
    assert copy["fields"]["InReplyTo"] == mid and copy["fields"]["References"] == mid
    assert f"\r\nIn-Reply-To: {mid}\r\n".encode() in copy["mime"]
    assert f"\r\nReferences: {mid}\r\n".encode() in copy["mime"]
    _same_conversation(copy, orig)


@every_backend
def test_reply_all_reaches_the_others_quoted_and_threaded(svc, sandbox, backend):
    svc.connect()
    orig = _sent_original(svc, sandbox, "Numbers")
    assert orig.internet_message_id and orig.in_reply_to == ""
    reply = follow_up.reply_all(orig, own=[ALICE], sender=ME, sent=orig.modified)
    saved = svc.save_draft(reply.copy(body="Thanks all." + reply.body))
    assert svc.get_message(saved.ref).in_reply_to == orig.internet_message_id  # read back from the draft
    assert [o.ok for o in svc.send_drafts([saved.ref])] == [True]
    settle(sandbox)

    got, first = _copy(sandbox, BOB, "RE: Numbers"), _copy(sandbox, BOB, "Numbers")
    assert (got["to"], got["cc"]) == ([BOB], [CAROL]) and got["attachments"] == []
    # From as the server read the original's (its display name), not the account's bare words (issue 73, item 20)
    quote = f"Thanks all.\n\n{follow_up.SEPARATOR}\nFrom: Alice Anderson <alice@example.com>"
    assert got["body"].startswith(quote)
    # the original's To as the server named it (issue 51: a mailbox given only by address gets its name)
    assert "\nTo: Bob Brown <bob@example.com>\nCc: Carol <carol@example.com>\nSubject: Numbers\n\nThe numbers." in got["body"]
    _threaded(got, first)
    _threaded(_copy(sandbox, CAROL, "RE: Numbers"), _copy(sandbox, CAROL, "Numbers"))
    [mine] = [m for m in sandbox.mailbox(ALICE).items("sentitems") if m["subject"] == "RE: Numbers"]
    _same_conversation(mine, [m for m in sandbox.mailbox(ALICE).items("sentitems") if m["subject"] == "Numbers"][0])


@every_backend
def test_forward_carries_the_files_and_the_thread(svc, sandbox, backend):
    svc.connect()
    orig = _sent_original(svc, sandbox, "Figures")
    fwd = follow_up.forward(orig, sender=ME, sent=orig.modified)
    assert fwd.all_recipients() == []
    saved = svc.save_draft(fwd.copy(to=[Recipient(DAVE)]))
    assert [o.ok for o in svc.send_drafts([saved.ref])] == [True]
    settle(sandbox)
    got = _copy(sandbox, DAVE, "FW: Figures")
    assert [(a["name"], a["content"]) for a in got["attachments"]] == [("q3.csv", b"a,b\n1,2\n")]
    assert "Subject: Figures\n\nThe numbers.\nSee the file." in got["body"]
    assert got["fields"]["InReplyTo"] == orig.internet_message_id
    [first] = [m for m in sandbox.mailbox(ALICE).items("sentitems") if m["subject"] == "Figures"]
    _same_conversation(got, first)  # Dave had no copy of the original: the index travels with the message


@every_backend
def test_edit_as_new_sends_a_copy_as_a_new_message(svc, sandbox, backend):
    svc.connect()
    orig = _sent_original(svc, sandbox, "Again")
    new = follow_up.edit_as_new(orig)
    saved = svc.save_draft(new)
    assert saved.internet_message_id and saved.internet_message_id != orig.internet_message_id
    assert [o.ok for o in svc.send_drafts([saved.ref])] == [True]
    settle(sandbox)
    copies = [m for m in sandbox.mailbox(BOB).items("inbox") if m["subject"] == "Again"]
    assert len(copies) == 2 and len({c["internet_message_id"] for c in copies}) == 2
    assert all(c["cc"] == [CAROL] and [a["name"] for a in c["attachments"]] == ["q3.csv"] for c in copies)
    assert "InReplyTo" not in copies[1]["fields"]


@every_backend
def test_a_reply_queued_before_its_first_save_is_still_a_reply_after_a_restart(services, sandbox, backend, tmp_path):
    svc = services.make()
    svc.connect()
    orig = _sent_original(svc, sandbox, "Crash")
    reply = follow_up.reply_all(orig, own=[ALICE], sender=ME, sent=orig.modified)
    path = tmp_path / "journal.sqlite3"
    first = Box(services.make(), path)
    sub = first.run(first.ob.submit(reply))
    first.run(first.ob.stop())  # the app is gone before the worker saved it: only the journal has it
    first.client.close()
    first.loop.close()
    assert not [m for m in sandbox.mailbox(ALICE).items("drafts") if m["subject"] == "RE: Crash"]
    again = Box(services.make(), path, policy=replace(POLICY, settle_delay=0.01))
    try:
        again.ob.restore()
        again.run(again.ob.wait(sub.local_id))
        settle(sandbox)
        _threaded(_copy(sandbox, BOB, "RE: Crash"), _copy(sandbox, BOB, "Crash"))
        assert len([m for m in sandbox.mailbox(BOB).items("inbox") if m["subject"] == "RE: Crash"]) == 1
    finally:
        again.close()


@every_backend
def test_reply_all_carries_the_index_the_client_computed_into_every_copy(svc, sandbox, backend):
    """As Outlook: the client sets the reply's PidTagConversationIndex (the original's plus one child block) and
    topic; the server keeps it, so the draft, the sender's Sent copy and each recipient's copy have exactly it
    and the original's conversation. ``now`` a month on: a block the server's own clock would not make."""
    svc.connect()
    orig = _sent_original(svc, sandbox, "Index")
    [first] = [m for m in sandbox.mailbox(ALICE).items("sentitems") if m["subject"] == "Index"]
    assert orig.thread_index == base64.b64decode(first["fields"]["ConversationIndex"])
    assert orig.thread_topic == "Index"
    # the header's time is a FILETIME of when the original was made ([MS-OXOMSG] 2.2.1.3): 40 high bits kept
    made = int.from_bytes(orig.thread_index[1:6], "big") << 24
    assert abs(made - client_threads.filetime(orig.modified)) < 600 * 10**7
    reply = follow_up.reply_all(orig, own=[ALICE], sender=ME, sent=orig.modified,
                                now=orig.modified + timedelta(days=30))
    assert reply.thread_index[:-5] == orig.thread_index and reply.thread_topic == "Index"
    assert reply.thread_index[-5] & 0x80 == 0  # a month is under 1.7 years: delta code 0
    saved = svc.save_draft(reply)
    back = svc.get_message(saved.ref)
    assert (back.thread_index, back.thread_topic) == (reply.thread_index, "Index")
    assert base64.b64decode(email.message_from_bytes(to_eml(back, sender=ME))["Thread-Index"]) == reply.thread_index
    journal = draft_from_json(back.local_id, draft_to_json(back), [])
    assert (journal.thread_index, journal.thread_topic) == (reply.thread_index, "Index")
    assert [o.ok for o in svc.send_drafts([saved.ref])] == [True]
    settle(sandbox)

    [mine] = [m for m in sandbox.mailbox(ALICE).items("sentitems") if m["subject"] == "RE: Index"]
    for copy in (mine, _copy(sandbox, BOB, "RE: Index"), _copy(sandbox, CAROL, "RE: Index")):
        assert base64.b64decode(copy["fields"]["ConversationIndex"]) == reply.thread_index
        assert copy["fields"]["ConversationTopic"] == "Index"
        assert threads.conversation_key(copy["fields"]["ConversationIndex"]) == threads.conversation_key(
            first["fields"]["ConversationIndex"])
