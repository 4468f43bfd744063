"""The ``item_error`` fault over Graph: the code's status and error body (ErrorSendAsDenied is a 403 with
Graph's words), the operation not run."""

from __future__ import annotations

from tests.helpers.graph_clients import draft_body


def test_item_error_answers_the_codes_status_and_sends_nothing(graph_sandbox, alice):
    iid = alice.post("/me/messages", json=draft_body()).json()["id"]
    graph_sandbox.faults.inject("SendMessage", "item_error", code="ErrorSendAsDenied")
    r = alice.post(f"/me/messages/{iid}/send")
    assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorSendAsDenied"
    assert r.json()["error"]["message"].endswith("Cannot submit message.")
    assert graph_sandbox.faults.fired == [("SendMessage", "item_error")]
    assert graph_sandbox.mailbox("alice@example.com").count("drafts") == 1
    assert alice.post(f"/me/messages/{iid}/send").status_code == 202  # used up
