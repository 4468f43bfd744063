"""Injected faults, shown the Graph way; each test asserts the fault fired and what it did to the store."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers.graph_clients import draft_body


def _fired(sb, op, kind) -> bool:
    return (op, kind) in sb.faults.fired


def test_a_reply_lost_after_the_commit_leaves_the_draft_saved(graph_sandbox, alice):
    graph_sandbox.faults.inject("CreateMessage", "drop_after_commit")
    with pytest.raises(httpx.TransportError):
        alice.post("/me/messages", json=draft_body(internetMessageId="<lost-1@example.com>"))
    assert _fired(graph_sandbox, "CreateMessage", "drop_after_commit")
    found = alice.get("/me/mailFolders/drafts/messages",
                      params={"$filter": "internetMessageId eq '<lost-1@example.com>'"}).json()["value"]
    assert len(found) == 1  # the client finds it by the Message-ID it set, and does not save it twice


def test_a_request_dropped_before_the_commit_changes_nothing(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body()).json()
    graph_sandbox.faults.inject("SendMessage", "drop_before_commit")
    with pytest.raises(httpx.TransportError):
        alice.post(f"/me/messages/{made['id']}/send")
    assert _fired(graph_sandbox, "SendMessage", "drop_before_commit")
    assert graph_sandbox.outbox.wait_idle(10)
    assert graph_sandbox.mailbox("bob@example.com").count("inbox") == 0
    assert alice.get(f"/me/messages/{made['id']}").json()["isDraft"] is True


def test_503_401_and_a_gateway_page(graph_sandbox, alice):
    graph_sandbox.faults.inject("ListMessages", "http_503", retry_after=7)
    r = alice.get("/me/messages")
    assert r.status_code == 503 and r.headers["retry-after"] == "7"
    graph_sandbox.faults.inject("ListMessages", "http_401")
    r = alice.get("/me/messages")
    assert r.status_code == 401 and r.json()["error"]["code"] == "InvalidAuthenticationToken"
    graph_sandbox.faults.inject("CreateMessage", "http_500_html", commit=True)
    r = alice.post("/me/messages", json=draft_body(subject="committed anyway"))
    assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
    assert [m["subject"] for m in graph_sandbox.mailbox("alice@example.com").items("drafts")] == ["committed anyway"]
    assert alice.get("/me/messages").status_code == 200


def test_mangled_bodies(graph_sandbox, alice):
    graph_sandbox.faults.inject("ListMessages", "truncated")
    r = alice.get("/me/messages")
    assert r.status_code == 200
    with pytest.raises(ValueError):
        r.json()
    graph_sandbox.faults.inject("ListMessages", "unexpected_element", variant="container")
    r = alice.get("/me/messages")
    assert "results" in r.json() and "value" not in r.json()
    assert _fired(graph_sandbox, "ListMessages", "unexpected_element")
