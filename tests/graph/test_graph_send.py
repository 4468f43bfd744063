"""Sending over Graph: 202 with no body, delivery after a delay from the Outbox (never instant, never
twice, not lost across a restart), immutable ids that survive moves and the send, sendMail, throttling."""

from __future__ import annotations

import json
import threading

from tests.helpers.graph_clients import client, draft_body


def test_send_answers_202_and_delivers_later_with_the_senders_headers(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body(
        internetMessageId="<tracked-1@example.com>",
        internetMessageHeaders=[{"name": "x-dispatch-id", "value": "abc"}])).json()
    r = alice.post(f"/me/messages/{made['id']}/send")
    assert r.status_code == 202 and r.content == b"" and "content-type" not in r.headers
    assert graph_sandbox.outbox.wait_idle(10)
    [copy] = graph_sandbox.mailbox("bob@example.com").items("inbox")
    assert copy["internet_message_id"] == "<tracked-1@example.com>"
    assert b"x-dispatch-id: abc" in copy["mime"].lower() and b"<tracked-1@example.com>" in copy["mime"]
    assert copy["fields"]["InternetMessageHeaders"] == [{"Name": "x-dispatch-id", "Value": "abc"}]
    [sent] = graph_sandbox.mailbox("alice@example.com").items("sentitems")
    assert sent["internet_message_id"] == "<tracked-1@example.com>"
    assert graph_sandbox.mailbox("alice@example.com").count("drafts") == 0
    assert graph_sandbox.mailbox("alice@example.com").count("outbox") == 0
    found = alice.get("/me/mailFolders/sentitems/messages",
                      params={"$filter": "internetMessageId eq '<tracked-1@example.com>'"}).json()["value"]
    assert len(found) == 1 and found[0]["isDraft"] is False


def test_a_send_waits_in_the_outbox_and_survives_a_restart(sandbox_factory, tmp_path):
    sb = sandbox_factory(graph=True, data=str(tmp_path / "box"), graph_send_delay=3600)
    with client(sb) as alice:
        made = alice.post("/me/messages", json=draft_body()).json()
        assert alice.post(f"/me/messages/{made['id']}/send").status_code == 202
        # not delivered yet: the client must not assume a send is instant
        assert sb.mailbox("bob@example.com").count("inbox") == 0
        assert sb.mailbox("alice@example.com").count("outbox") == 1
        assert sb.mailbox("alice@example.com").count("drafts") == 0
        again = alice.post(f"/me/messages/{made['id']}/send")  # its REST id moved with it
        assert again.status_code == 404
    sb.stop()
    sb.start()  # the message left in the Outbox goes out after the start, once
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("bob@example.com").count("inbox") == 1
    assert sb.mailbox("alice@example.com").count("sentitems") == 1
    sb.stop()
    sb.start()
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox("bob@example.com").count("inbox") == 1  # never twice


def test_immutable_ids_survive_moves_and_name_the_sent_copy(graph_sandbox):
    with client(graph_sandbox, immutable=True) as alice:
        made = alice.post("/me/messages", json=draft_body())
        assert made.headers["preference-applied"] == 'IdType="ImmutableId"'
        iid = made.json()["id"]
        moved = alice.post(f"/me/messages/{iid}/move", json={"destinationId": "inbox"})
        assert moved.status_code == 201 and moved.json()["id"] == iid
        back = alice.post(f"/me/messages/{iid}/move", json={"destinationId": "drafts"}).json()
        assert back["id"] == iid
        assert alice.post(f"/me/messages/{iid}/send").status_code == 202
        assert graph_sandbox.outbox.wait_idle(10)
        sent = alice.get(f"/me/messages/{iid}").json()  # the draft's id now names its copy in Sent Items
        assert sent["isDraft"] is False and sent["parentFolderId"] == alice.get("/me/mailFolders/sentitems").json()["id"]
    with client(graph_sandbox) as plain:  # without the header, ids change on a move, as in Graph
        rest = plain.post("/me/messages", json=draft_body()).json()["id"]
        moved = plain.post(f"/me/messages/{rest}/move", json={"destinationId": "inbox"}).json()["id"]
        assert moved != rest and plain.get(f"/me/messages/{rest}").status_code == 404


def test_send_errors_come_back_at_once(graph_sandbox, alice):
    none = alice.post("/me/messages", json=draft_body(toRecipients=[])).json()["id"]
    r = alice.post(f"/me/messages/{none}/send")
    assert r.status_code == 400 and r.json()["error"]["code"] == "ErrorInvalidRecipients"
    spoof = alice.post("/me/messages", json=draft_body(**{"from": {"emailAddress": {"address": "bob@example.com"}}}))
    r = alice.post(f"/me/messages/{spoof.json()['id']}/send")
    assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorSendAsDenied"
    assert r.json()["error"]["message"].endswith("sending account., Cannot submit message.")  # Graph's words
    graph_sandbox.max_send_bytes = 1000
    big = alice.post("/me/messages", json=draft_body(body={"contentType": "text", "content": "x" * 5000})).json()["id"]
    r = alice.post(f"/me/messages/{big}/send")
    assert r.status_code == 400 and r.json()["error"]["code"] == "ErrorMessageSizeExceeded"
    assert graph_sandbox.mailbox("alice@example.com").count("drafts") == 3  # nothing left the drafts


def test_send_mail_in_one_shot(graph_sandbox, alice, graph_wire_validator):
    r = alice.post("/me/sendMail", json={"message": draft_body(subject="one shot"), "saveToSentItems": False})
    assert r.status_code == 202 and r.content == b""
    assert graph_sandbox.outbox.wait_idle(10)
    assert [m["subject"] for m in graph_sandbox.mailbox("bob@example.com").items("inbox")] == ["one shot"]
    assert graph_sandbox.mailbox("alice@example.com").count("sentitems") == 0
    # the documentation's own examples: a string for an Edm.Boolean, message fields without the wrapper
    for doc in ({"message": draft_body(), "saveToSentItems": "false"}, draft_body()):
        raw = graph_wire_validator.expect_broken(json.dumps(doc).encode(), method="POST", path="/v1.0/me/sendMail")
        r = alice.post("/me/sendMail", content=raw, headers={"Content-Type": "application/json"})
        assert r.status_code == 400


def test_more_than_four_requests_at_once_for_a_mailbox_are_throttled(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body()).json()["id"]
    graph_sandbox.faults.inject("GetMessage", "delay", count=4, seconds=3)
    answers = []
    workers = [threading.Thread(target=lambda: answers.append(alice.get(f"/me/messages/{made}").status_code))
               for _ in range(4)]
    for w in workers:
        w.start()
    deadline = threading.Event()
    for _ in range(500):  # until the four are inside the server (each fired its delay)
        if len([f for f in graph_sandbox.faults.fired if f[1] == "delay"]) == 4:
            break
        deadline.wait(0.01)
    assert len([f for f in graph_sandbox.faults.fired if f[1] == "delay"]) == 4
    r = alice.get(f"/me/messages/{made}")
    assert r.status_code == 429 and r.headers["retry-after"] == "1"
    assert r.json()["error"]["code"] == "ApplicationThrottled"
    for w in workers:
        w.join()
    assert answers == [200] * 4


def test_injected_throttling_is_429_with_retry_after(graph_sandbox, alice):
    graph_sandbox.faults.inject("CreateMessage", "server_busy", backoff_ms=2500)
    r = alice.post("/me/messages", json=draft_body())
    assert r.status_code == 429 and r.headers["retry-after"] == "3"
    assert graph_sandbox.mailbox("alice@example.com").count("drafts") == 0
    assert alice.post("/me/messages", json=draft_body()).status_code == 201
