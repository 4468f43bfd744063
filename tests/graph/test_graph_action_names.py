"""An action's parameters by the names in Graph's CSDL, as Microsoft's own SDKs send them (msgraph-sdk-python 1.x:
``SendMailPostRequestBody`` writes ``{"Message": …, "SaveToSentItems": …}``, ``MovePostRequestBody``
``{"DestinationId": …}``, ``CreateReplyPostRequestBody`` ``{"Comment": …}``): Graph reads them whatever their case
(app/sandbox/graph/params.py), as it reads the documentation's camelCase. Before, the sandbox answered sendMail and
move with "Value cannot be null" and dropped a reply's comment. The bodies here are the SDK's, byte for byte in
their names; each validates against the CSDL (the wire validator checks every body)."""

from __future__ import annotations

import json

from tests.helpers.graph_clients import draft_body


def test_send_mail_with_the_sdks_parameter_names(graph_sandbox, alice):
    r = alice.post("/me/sendMail", json={"Message": draft_body(subject="from the SDK"), "SaveToSentItems": False})
    assert r.status_code == 202, r.text
    assert graph_sandbox.outbox.wait_idle(10)
    assert [m["subject"] for m in graph_sandbox.mailbox("bob@example.com").items("inbox")] == ["from the SDK"]
    assert graph_sandbox.mailbox("alice@example.com").count("sentitems") == 0  # SaveToSentItems was read


def test_move_with_the_sdks_parameter_name(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body(subject="to move")).json()
    r = alice.post(f"/me/messages/{made['id']}/move", json={"DestinationId": "inbox"})
    assert r.status_code == 201, r.text
    assert r.json()["parentFolderId"] != made["parentFolderId"]
    assert [i["subject"] for i in graph_sandbox.mailbox("alice@example.com").items("inbox")] == ["to move"]


def test_create_reply_keeps_the_sdks_comment(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body(subject="Question")).json()
    assert alice.post(f"/me/messages/{made['id']}/send").status_code == 202
    assert graph_sandbox.outbox.wait_idle(10)
    [orig] = alice.get("/me/mailFolders/sentitems/messages").json()["value"]
    r = alice.post(f"/me/messages/{orig['id']}/createReply", json={"Comment": "Answered below."})
    assert r.status_code == 201, r.text
    assert "Answered below." in r.json()["body"]["content"]


def test_a_parameter_the_action_lacks_or_one_given_twice_is_refused(graph_sandbox, alice, graph_wire_validator):
    made = alice.post("/me/messages", json=draft_body(subject="x")).json()
    twice, unknown = {"DestinationId": "inbox", "destinationId": "drafts"}, {"Destination": "inbox"}
    for doc in (twice, unknown):
        raw = json.dumps(doc).encode()
        if doc is unknown:  # not the action's parameter: invalid against the CSDL too
            graph_wire_validator.expect_broken(raw, method="POST", path=f"/v1.0/me/messages/{made['id']}/move")
        r = alice.post(f"/me/messages/{made['id']}/move", content=raw, headers={"Content-Type": "application/json"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "RequestBodyRead", (doc, r.text)
