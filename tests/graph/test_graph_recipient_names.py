"""Recipients get their display names over Graph too (issue 51 item 1): a recipient given only an address that
is a sandbox mailbox is named as the directory names it on the draft (POST, PATCH), the Sent copy and the
recipient's copy; a name the client gave is kept; an address outside the directory is named by its address, as
Graph shows an unresolved recipient."""

from __future__ import annotations

from tests.helpers.graph_clients import client


def _boxes(msg, key):
    return [(r["emailAddress"]["name"], r["emailAddress"]["address"]) for r in msg[key]]


def _to(*addresses):
    return [{"emailAddress": {"address": a}} for a in addresses]


def test_a_draft_posted_and_patched_names_the_directorys_mailboxes(graph_sandbox, alice, graph_wire_validator):
    made = alice.post("/me/messages", json={
        "subject": "names", "toRecipients": _to("bob@example.com", "someone@outside.example.org")
        + [{"emailAddress": {"address": "carol@example.com", "name": "Caz"}}]})
    assert made.status_code == 201, made.text
    assert _boxes(made.json(), "toRecipients") == [("Bob Brown", "bob@example.com"),
                                                   ("someone@outside.example.org", "someone@outside.example.org"),
                                                   ("Caz", "carol@example.com")]
    r = alice.patch(f"/me/messages/{made.json()['id']}", json={"ccRecipients": _to("dave@example.com")})
    assert r.status_code == 200, r.text
    assert _boxes(r.json(), "ccRecipients") == [("Dave Davis", "dave@example.com")]
    got = alice.get(f"/me/messages/{made.json()['id']}").json()
    assert _boxes(got, "ccRecipients") == [("Dave Davis", "dave@example.com")]


def test_sent_and_received_copies_carry_the_names(graph_sandbox, alice, graph_wire_validator):
    r = alice.post("/me/sendMail", json={"message": {"subject": "sent names", "toRecipients": _to("bob@example.com"),
                                                     "ccRecipients": _to("carol@example.com")}})
    assert r.status_code == 202, r.text
    assert graph_sandbox.outbox.wait_idle(10)
    [sent] = alice.get("/me/mailFolders/sentitems/messages").json()["value"]
    with client(graph_sandbox, "bob@example.com") as bob:
        [got] = bob.get("/me/mailFolders/inbox/messages").json()["value"]
    for copy in (sent, got):
        assert _boxes(copy, "toRecipients") == [("Bob Brown", "bob@example.com")]
        assert _boxes(copy, "ccRecipients") == [("Carol Clark", "carol@example.com")]
