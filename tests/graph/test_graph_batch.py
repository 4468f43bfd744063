"""JSON batching ($batch) against the sandbox over real HTTP: each request served as a direct one would be."""

from __future__ import annotations

import base64
import json

import httpx
import pytest

from tests.helpers.graph_clients import draft_body


def batch(c, *requests, broken=None):
    """POST a batch; ``broken``: the test's graph_wire_validator, when the batch is invalid on purpose."""
    raw = json.dumps({"requests": list(requests)}).encode()
    if broken is not None:
        broken.expect_broken(raw, method="POST", path="/v1.0/$batch")
    return c.post("/$batch", content=raw, headers={"Content-Type": "application/json"})


def inner_ops(sb) -> list[str]:
    return [op for op in sb.request_log if op.startswith("graph:") and op != "graph:Batch"]


def test_each_request_is_served_like_a_direct_one(graph_sandbox, alice, graph_wire_validator):
    r = batch(alice,
              {"id": "1", "method": "POST", "url": "/me/messages", "body": draft_body(subject="batched"),
               "headers": {"Content-Type": "application/json"}},
              {"id": "2", "method": "GET", "url": "me/mailFolders/drafts/messages?$select=subject", "dependsOn": ["1"]},
              {"id": "3", "method": "GET", "url": "/me/messages/AAAA"},
              {"id": "4", "method": "GET", "url": "/users/bob@example.com/messages"})
    assert r.status_code == 200, r.text
    responses = r.json()["responses"]
    assert [x["id"] for x in responses] == ["1", "2", "3", "4"]  # the batch's order
    assert [x["status"] for x in responses] == [201, 200, 400, 403]
    nowhere = batch(alice, {"id": "5", "method": "GET", "url": "/me/nonsense"}, broken=graph_wire_validator)
    assert nowhere.json()["responses"][0]["status"] == 400  # no such endpoint: answered like a direct request
    made = responses[0]["body"]
    assert made["subject"] == "batched" and made["isDraft"] is True
    assert responses[0]["headers"]["Content-Type"].startswith("application/json")
    assert [m["subject"] for m in responses[1]["body"]["value"]] == ["batched"]
    assert responses[2]["body"]["error"]["code"] == "ErrorInvalidIdMalformed"
    assert responses[3]["body"]["error"]["code"] == "ErrorAccessDenied"
    assert alice.get(f"/me/messages/{made['id']}").json()["subject"] == "batched"  # stored, as a direct POST
    mime = batch(alice, {"id": "m", "method": "GET", "url": f"/me/messages/{made['id']}/$value"}).json()
    assert b"Subject: batched" in base64.b64decode(mime["responses"][0]["body"])  # not JSON: base64
    gone = batch(alice, {"id": "d", "method": "DELETE", "url": f"/me/messages/{made['id']}"}).json()["responses"][0]
    assert gone["status"] == 204 and "body" not in gone


def test_depends_on_orders_requests_and_a_failed_dependency_is_424(graph_sandbox, alice):
    r = batch(alice,
              {"id": "c", "method": "GET", "url": "/me/mailFolders/drafts/messages", "dependsOn": ["b"]},
              {"id": "b", "method": "GET", "url": "/me/mailFolders/inbox", "dependsOn": ["a"]},
              {"id": "a", "method": "POST", "url": "/me/messages", "body": draft_body(),
               "headers": {"content-type": "application/json"}})
    assert [x["status"] for x in r.json()["responses"]] == [200, 200, 201]
    assert inner_ops(graph_sandbox) == ["graph:CreateMessage", "graph:GetFolder", "graph:ListMessages"]
    assert len(r.json()["responses"][0]["body"]["value"]) == 1  # ran after the create it depends on
    graph_sandbox.request_log.clear()
    r = batch(alice,
              {"id": "1", "method": "GET", "url": "/me/messages/AAAA"},
              {"id": "2", "method": "POST", "url": "/me/messages", "body": draft_body(), "dependsOn": ["1"],
               "headers": {"Content-Type": "application/json"}},
              {"id": "3", "method": "GET", "url": "/me/messages", "dependsOn": ["2"]},
              {"id": "4", "method": "GET", "url": "/me/mailFolders/drafts"})
    assert [x["status"] for x in r.json()["responses"]] == [400, 424, 424, 200]
    assert inner_ops(graph_sandbox) == ["graph:GetMessage", "graph:GetFolder"]  # 2 and 3 never ran
    assert graph_sandbox.mailbox("alice@example.com").count("drafts") == 1


def test_a_malformed_batch_is_400_and_runs_nothing(graph_sandbox, alice, graph_wire_validator):
    get = {"method": "GET", "url": "/me/messages"}
    cases = [
        [dict(get, id=str(i)) for i in range(21)],  # over 20
        [dict(get, id="A"), dict(get, id="a")],  # ids are not case-sensitive
        [dict(get, id="1", dependsOn=["9"])],
        [dict(get, id="1", dependsOn=["2"]), dict(get, id="2", dependsOn=["1"])],  # a cycle
        [{"id": "1", "method": "POST", "url": "/me/messages", "body": draft_body()}],  # no Content-Type
        [dict(get, id="1", url="https://graph.microsoft.com/v1.0/me/messages")],
        [{"id": "1", "url": "/me/messages"}],
    ]
    for requests in cases:
        cycle = len(requests) == 2 and requests[0].get("dependsOn") == ["2"]  # valid by the schema: the server's
        r = batch(alice, *requests, broken=None if cycle else graph_wire_validator)
        assert r.status_code == 400 and r.json()["error"]["code"] == "BadRequest", (requests, r.text)
    assert batch(alice, *[dict(get, id=str(i)) for i in range(20)]).status_code == 200
    graph_sandbox.request_log.clear()
    not_json = graph_wire_validator.expect_broken(b"{not json", method="POST", path="/v1.0/$batch")
    r = alice.post("/$batch", content=not_json, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["message"] == "Invalid batch payload format."
    assert inner_ops(graph_sandbox) == []
    anon = httpx.Client(base_url=graph_sandbox.graph_url, trust_env=False)
    r = anon.post("/$batch", json={"requests": [dict(get, id="1")]})
    assert r.status_code == 401 and r.json()["error"]["code"] == "InvalidAuthenticationToken"
    assert alice.get("/$batch").status_code == 405


def test_each_request_counts_against_the_mailbox_concurrency_limit(graph_sandbox, alice):
    limit = graph_sandbox.graph_concurrency
    for _ in range(3):  # three requests of alice's mailbox in flight: the batch itself takes no place
        assert limit.enter("alice@example.com")
    try:
        r = batch(alice, {"id": "1", "method": "GET", "url": "/me/messages"},
                  {"id": "2", "method": "GET", "url": "/me/mailFolders/inbox"})
        assert [x["status"] for x in r.json()["responses"]] == [200, 200]
        assert limit.enter("alice@example.com")  # a fourth: at the limit
        r = batch(alice, {"id": "1", "method": "GET", "url": "/me/messages"},
                  {"id": "2", "method": "GET", "url": "/me/mailFolders/inbox", "dependsOn": ["1"]})
        assert r.status_code == 200
        first, second = r.json()["responses"]
        assert first["status"] == 429 and first["headers"]["Retry-After"] == "1"
        assert first["body"]["error"]["code"] == "ApplicationThrottled"
        assert second["status"] == 424
    finally:
        for _ in range(4):
            limit.leave("alice@example.com")
    assert batch(alice, {"id": "1", "method": "GET", "url": "/me/messages"}).json()["responses"][0]["status"] == 200


def test_faults_hit_the_request_they_name(graph_sandbox, alice):
    graph_sandbox.faults.inject("CreateMessage", "server_busy", backoff_ms=2500)
    create = {"method": "POST", "url": "/me/messages", "headers": {"Content-Type": "application/json"}}
    r = batch(alice, dict(create, id="1", body=draft_body(subject="busy")),
              dict(create, id="2", body=draft_body(subject="fine")))
    first, second = r.json()["responses"]
    assert first["status"] == 429 and first["headers"]["Retry-After"] == "3"
    assert second["status"] == 201 and ("CreateMessage", "server_busy") in graph_sandbox.faults.fired
    graph_sandbox.faults.inject("UpdateMessage", "drop_after_commit")
    with pytest.raises(httpx.TransportError):  # the connection of the whole batch is lost
        batch(alice, dict(create, id="1", body=draft_body(subject="kept")),
              {"id": "2", "method": "PATCH", "url": f"/me/messages/{second['body']['id']}",
               "body": {"subject": "changed"}, "headers": {"Content-Type": "application/json"}})
    subjects = sorted(m["subject"] for m in graph_sandbox.mailbox("alice@example.com").items("drafts"))
    assert subjects == ["changed", "kept"]  # each request committed on its own


def test_a_mime_body_is_base64_and_inner_bodies_are_observed(graph_sandbox, alice, graph_wire_validator):
    seen = []
    graph_sandbox.graph_observer = lambda direction, body, **kw: seen.append((direction, kw["path"], body))
    mime = b"From: alice@example.com\r\nTo: bob@example.com\r\nSubject: from a batch\r\n\r\nbody\r\n"
    wire = base64.b64encode(mime)  # what a direct POST would carry; the batch carries it base64 once more
    r = batch(alice, {"id": "1", "method": "POST", "url": "/me/messages", "headers": {"Content-Type": "text/plain"},
                      "body": base64.urlsafe_b64encode(wire).decode()})
    made = r.json()["responses"][0]
    assert made["status"] == 201 and made["body"]["subject"] == "from a batch"
    assert ("request", "/v1.0/me/messages", wire) in seen  # the inner body as its handler saw it
    assert [p for d, p, _ in seen if d == "response"] == ["/v1.0/me/messages", "/v1.0/$batch"]
    assert seen[0][:2] == ("request", "/v1.0/$batch")
    r = batch(alice, {"id": "1", "method": "POST", "url": "/me/messages", "headers": {"Content-Type": "text/plain"},
                      "body": "not base64 !!"}, broken=graph_wire_validator)
    assert r.status_code == 400
