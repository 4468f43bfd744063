"""Threads in the sandbox, as Exchange keeps them (issue 50): a message whose In-Reply-To names one of the
mailbox's messages joins its conversation, whichever protocol wrote it (EWS t:InReplyTo/t:References, Graph
PidTagInReplyToId/PidTagInternetReferences as singleValueExtendedProperties). Bob sees the original and the
reply in one conversation over both protocols (EWS ConversationId, Graph conversationId), with the
reply's In-Reply-To/References (EWS fields; Graph internetMessageHeaders); Exchange's own response objects
(CreateItem t:ReplyAllToItem) thread the same way."""

from __future__ import annotations

import base64

from exchangelib import Mailbox, Message

from app.mail.ews import extended
from tests.helpers.graph_clients import client, draft_body
from tests.helpers.ews_accounts import make_account

THREAD_EXPAND = ("singleValueExtendedProperties($filter=id eq 'Integer 0x0036' or id eq 'String 0x1042' "
                 "or id eq 'String 0x1039')")


def _send_original(alice) -> str:
    made = alice.post("/me/messages", json=draft_body(subject="Plan", internetMessageId="<plan-1@example.com>"))
    assert alice.post(f"/me/messages/{made.json()['id']}/send").status_code == 202
    return made.json()["id"]


def _bob_graph(sb, subject: str) -> dict:
    with client(sb, "bob@example.com") as bob:
        [m] = [m for m in bob.get("/me/mailFolders/inbox/messages").json()["value"] if m["subject"] == subject]
        return bob.get(f"/me/messages/{m['id']}", params={"$select": "conversationId,internetMessageHeaders"}).json()


def test_a_reply_written_over_graph_joins_the_originals_conversation_on_both_protocols(graph_sandbox, alice):
    sb = graph_sandbox
    _send_original(alice)
    assert sb.outbox.wait_idle(10)
    props = [{"id": "String 0x1042", "value": "<plan-1@example.com>"},
             {"id": "String 0x1039", "value": "<plan-0@example.com>\r\n <plan-1@example.com>"}]
    made = alice.post("/me/messages", json=draft_body(subject="RE: Plan", singleValueExtendedProperties=props)).json()
    read = alice.get(f"/me/messages/{made['id']}", params={"$expand": THREAD_EXPAND}).json()
    assert {p["id"]: p["value"] for p in read["singleValueExtendedProperties"]} == {
        "Integer 0x36": "0", "String 0x1042": "<plan-1@example.com>",
        "String 0x1039": "<plan-0@example.com> <plan-1@example.com>"}
    [original] = alice.get("/me/mailFolders/sentitems/messages").json()["value"]
    assert made["conversationId"] == original["conversationId"]
    child, parent = (base64.b64decode(m["conversationIndex"]) for m in (made, original))
    assert child[:22] == parent and len(child) == 27  # one 5-byte child block ([MS-OXOMSG] 2.2.1.3)
    assert alice.post(f"/me/messages/{made['id']}/send").status_code == 202
    assert sb.outbox.wait_idle(10)

    first, reply = _bob_graph(sb, "Plan"), _bob_graph(sb, "RE: Plan")
    assert reply["conversationId"] == first["conversationId"]
    assert {"name": "In-Reply-To", "value": "<plan-1@example.com>"} in reply["internetMessageHeaders"]
    assert {"name": "References", "value": "<plan-0@example.com> <plan-1@example.com>"} in reply[
        "internetMessageHeaders"]
    bob = make_account(sb, "bob@example.com")
    got = {m.subject: m for m in bob.inbox.all().only("subject", "conversation_id", "in_reply_to", "references")}
    assert got["RE: Plan"].conversation_id.id == got["Plan"].conversation_id.id
    assert got["RE: Plan"].in_reply_to == "<plan-1@example.com>"


def test_a_reply_written_over_ews_and_exchanges_reply_all_join_the_conversation(graph_sandbox, alice):
    sb = graph_sandbox
    _send_original(alice)
    assert sb.outbox.wait_idle(10)
    bob = make_account(sb, "bob@example.com")
    [orig] = bob.inbox.all()
    mine = Message(account=bob, folder=bob.drafts, subject="RE: Plan", body="ok",
                   to_recipients=[Mailbox(email_address="alice@example.com")], in_reply_to="<plan-1@example.com>",
                   references="<plan-1@example.com>")
    mine.save()
    orig.create_reply_all("RE: Plan", "Yes.").save(bob.drafts)  # CreateItem t:ReplyAllToItem, SaveOnly
    drafts = {m.subject + ("!" if "Yes." in str(m.body) else ""): m
              for m in bob.drafts.all().only("subject", "body", "conversation_id", "conversation_index")}
    assert set(drafts) == {"RE: Plan", "RE: Plan!"}
    for d in drafts.values():
        assert d.conversation_id.id == orig.conversation_id.id
        assert d.conversation_index[:22] == orig.conversation_index and len(d.conversation_index) == 27
    with client(sb, "bob@example.com") as bob_graph:
        ids = {m["conversationId"] for m in bob_graph.get("/me/messages").json()["value"]}
    assert len(ids) == 1  # the original and both replies: one conversation over Graph too


def test_graph_create_reply_all_and_forward_thread_quote_and_carry_the_files(graph_sandbox, alice):
    """createReplyAll / createForward, then the same update and send as any draft: Bob's and Dave's copies are
    in the original's conversation; the forward has the original's file; Alice is never replied to."""
    sb = graph_sandbox
    made = alice.post("/me/messages", json=draft_body(
        subject="Budget", internetMessageId="<budget-1@example.com>",
        ccRecipients=[{"emailAddress": {"address": "carol@example.com"}}])).json()
    file = {"@odata.type": "#microsoft.graph.fileAttachment", "name": "b.csv", "contentBytes": "YSxiCg=="}
    assert alice.post(f"/me/messages/{made['id']}/attachments", json=file).status_code == 201
    assert alice.post(f"/me/messages/{made['id']}/send").status_code == 202
    assert sb.outbox.wait_idle(10)
    [orig] = alice.get("/me/mailFolders/sentitems/messages").json()["value"]

    reply = alice.post(f"/me/messages/{orig['id']}/createReplyAll", json={"comment": "Agreed."})
    assert reply.status_code == 201, reply.text
    r = reply.json()
    assert r["subject"] == "RE: Budget" and r["isDraft"] is True and r["conversationId"] == orig["conversationId"]
    assert [x["emailAddress"]["address"] for x in r["toRecipients"]] == ["bob@example.com"]
    assert [x["emailAddress"]["address"] for x in r["ccRecipients"]] == ["carol@example.com"]
    assert r["body"]["content"].startswith("<div>Agreed.</div><hr>") and "Hello Bob" in r["body"]["content"]
    assert alice.post(f"/me/messages/{r['id']}/send").status_code == 202

    fwd = alice.post(f"/me/mailFolders/sentitems/messages/{orig['id']}/createForward",
                     json={"toRecipients": [{"emailAddress": {"address": "dave@example.com"}}]}).json()
    assert fwd["subject"] == "FW: Budget" and fwd["hasAttachments"] is True
    assert alice.patch(f"/me/messages/{fwd['id']}", json={"subject": "FW: Budget (numbers)"}).status_code == 200
    assert alice.post(f"/me/messages/{fwd['id']}/send").status_code == 202
    assert sb.outbox.wait_idle(10)

    first = _bob_graph(sb, "Budget")
    got = _bob_graph(sb, "RE: Budget")
    assert got["conversationId"] == first["conversationId"]
    assert {"name": "In-Reply-To", "value": "<budget-1@example.com>"} in got["internetMessageHeaders"]
    [dave] = sb.mailbox("dave@example.com").items("inbox")
    assert [a["name"] for a in dave["attachments"]] == ["b.csv"] and dave["fields"]["InReplyTo"] == "<budget-1@example.com>"
    assert alice.post(f"/me/messages/{orig['id']}/createReplyAll",
                      json={"comment": "x", "message": {"body": {"contentType": "text", "content": "y"}}}
                      ).status_code == 400


def test_a_conversation_index_the_client_computed_is_kept_over_both_protocols(graph_sandbox, alice):
    """As Exchange takes Outlook's: a client-given PidTagConversationIndex of an index's shape (22-byte header,
    5-byte child blocks, [MS-OXOMSG] 2.2.1.3) and PidTagConversationTopic are the item's own, over Graph
    (singleValueExtendedProperties) and EWS (t:ExtendedProperty), and its ConversationId comes from the
    header's GUID; a value of another shape is not an index (the store makes one)."""
    sb = graph_sandbox
    _send_original(alice)
    assert sb.outbox.wait_idle(10)
    [original] = alice.get("/me/mailFolders/sentitems/messages").json()["value"]
    parent = base64.b64decode(original["conversationIndex"])
    child = parent + bytes([0x00, 0x00, 0x01, 0x07, 0x42])
    props = [{"id": "Binary 0x0071", "value": base64.b64encode(child).decode()},
             {"id": "String 0x0070", "value": "Plan"}]
    made = alice.post("/me/messages", json=draft_body(subject="RE: Plan", singleValueExtendedProperties=props)).json()
    assert base64.b64decode(made["conversationIndex"]) == child
    assert made["conversationId"] == original["conversationId"]
    read = alice.get(f"/me/messages/{made['id']}", params={
        "$expand": "singleValueExtendedProperties($filter=id eq 'Binary 0x0071' or id eq 'String 0x0070')"}).json()
    assert {p["id"]: p["value"] for p in read["singleValueExtendedProperties"]} == {
        "Binary 0x71": base64.b64encode(child).decode(), "String 0x70": "Plan"}

    bad = [{"id": "Binary 0x0071", "value": base64.b64encode(b"\x01short").decode()}]
    other = alice.post("/me/messages", json=draft_body(subject="Other", singleValueExtendedProperties=bad)).json()
    assert len(base64.b64decode(other["conversationIndex"])) == 22 and other["conversationId"] != original[
        "conversationId"]

    extended.register()  # Dispatch's PidTagConversationIndex / Topic properties on exchangelib's Message
    me = make_account(sb, "alice@example.com")
    again = parent + bytes([0x00, 0x00, 0x02, 0x00, 0x17])
    msg = Message(account=me, folder=me.drafts, subject="RE: Plan", to_recipients=[Mailbox(email_address="b@x.org")])
    setattr(msg, extended.THREAD_INDEX, again)
    setattr(msg, extended.THREAD_TOPIC, "Plan")
    msg.save()
    got = me.drafts.get(id=msg.id)
    assert bytes(got.conversation_index) == again and got.conversation_topic == "Plan"
    assert got.conversation_id.id == next(m for m in me.sent.all() if m.subject == "Plan").conversation_id.id
