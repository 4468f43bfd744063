"""The sandbox's Graph checks each token's delegated permissions (``scp``) per operation, as Microsoft Graph
does (issue 46): a ``User.Read`` token can neither list, read nor send mail; a ``Mail.Read`` token cannot
create a draft; without ``Mail.Send`` nothing is sent. The answer is Graph's 403 ``ErrorAccessDenied``
and the mailbox is unchanged. The table and its sources: app/sandbox/graph/permissions.py.

Tokens come from the sandbox's sign-in authority through MSAL (auth code + PKCE), asking for the scopes under
test; every Graph body is schema-checked by the session's wire validator (tests/graph_wire.py)."""

from __future__ import annotations

import pytest

from app.sandbox.graph import permissions, routes
from tests.helpers.graph_clients import client, token_for

GRAPH = "https://graph.microsoft.com/"
BOB = "bob@example.com"
MESSAGE = {"subject": "scopes", "body": {"contentType": "text", "content": "hi"},
           "toRecipients": [{"emailAddress": {"address": BOB}}]}


def scoped(sb, *perms: str):
    """An httpx client for Alice whose token grants exactly ``perms``."""
    return client(sb, token=token_for(sb, "alice@example.com", scopes=[GRAPH + p for p in perms]))


def assert_denied(resp):
    assert resp.status_code == 403, (resp.status_code, resp.text)
    error = resp.json()["error"]
    assert error["code"] == "ErrorAccessDenied"
    assert error["message"] == "Access is denied. Check credentials and try again."
    assert set(error["innerError"]) >= {"date", "request-id", "client-request-id"}


def _count(c, folder: str) -> int:
    return len(c.get(f"/me/mailFolders/{folder}/messages", params={"$top": "100"}).json()["value"])


def test_a_user_read_token_neither_lists_nor_reads_nor_sends(graph_sandbox, alice):
    draft = alice.post("/me/messages", json=MESSAGE).json()
    sent_before = _count(alice, "sentitems")
    with scoped(graph_sandbox, "User.Read") as c:
        assert_denied(c.get("/me/messages"))
        assert_denied(c.get("/me/mailFolders/drafts/messages"))
        assert_denied(c.get(f"/me/messages/{draft['id']}"))
        assert_denied(c.post("/me/sendMail", json={"message": MESSAGE}))
        assert_denied(c.post(f"/me/messages/{draft['id']}/send"))
    graph_sandbox.outbox.wait_idle(10)
    assert _count(alice, "sentitems") == sent_before  # nothing was sent
    assert alice.get(f"/me/messages/{draft['id']}").json()["isDraft"] is True


def test_a_mail_read_token_reads_but_creates_nothing(graph_sandbox, alice):
    drafts_before = _count(alice, "drafts")
    with scoped(graph_sandbox, "Mail.Read") as c:
        assert c.get("/me/mailFolders/drafts/messages").status_code == 200
        assert_denied(c.post("/me/messages", json=MESSAGE))
        assert_denied(c.post("/me/mailFolders/drafts/messages", json=MESSAGE))
    assert _count(alice, "drafts") == drafts_before


def test_mail_readwrite_without_mail_send_saves_but_never_sends(graph_sandbox, alice):
    with scoped(graph_sandbox, "Mail.ReadWrite") as c:
        draft = c.post("/me/messages", json=MESSAGE)
        assert draft.status_code == 201
        assert_denied(c.post(f"/me/messages/{draft.json()['id']}/send"))
        assert_denied(c.post("/me/sendMail", json={"message": MESSAGE}))
        assert_denied(c.get("/me/people", params={"$search": "bob"}))  # People.Read
    assert alice.get(f"/me/messages/{draft.json()['id']}").json()["isDraft"] is True


def test_mail_send_alone_sends_mail(graph_sandbox):
    with scoped(graph_sandbox, "Mail.Send") as c:
        assert c.post("/me/sendMail", json={"message": MESSAGE}).status_code == 202
        assert_denied(c.get("/me/messages"))


def test_each_request_of_a_batch_is_authorized_on_its_own(graph_sandbox):
    body = {"requests": [{"id": "1", "method": "GET", "url": "/me/mailFolders/drafts/messages"},
                         {"id": "2", "method": "POST", "url": "/me/sendMail", "body": {"message": MESSAGE},
                          "headers": {"Content-Type": "application/json"}}]}
    with scoped(graph_sandbox, "Mail.Send") as c:
        answer = c.post("/$batch", json=body)
    assert answer.status_code == 200
    by_id = {r["id"]: r for r in answer.json()["responses"]}
    assert by_id["1"]["status"] == 403 and by_id["1"]["body"]["error"]["code"] == "ErrorAccessDenied"
    assert by_id["2"]["status"] == 202


def test_every_route_says_which_permission_it_needs():
    assert {op for *_, op in [*routes.ROUTES, *routes.ORG_ROUTES]} == set(permissions.NEEDS)


pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended")
