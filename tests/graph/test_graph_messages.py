"""Graph messages against the sandbox over real HTTP (httpx), with tokens from its authority (MSAL)."""

from __future__ import annotations

import base64
import json

from tests.helpers.graph_clients import client, draft_body, token_for


def test_a_draft_is_created_read_changed_and_deleted(graph_sandbox, alice):
    r = alice.post("/me/messages", json=draft_body(importance="HIGH", categories=["Blue"]))
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["isDraft"] is True and made["subject"] == "Quarterly numbers" and made["importance"] == "high"
    assert made["body"] == {"contentType": "text", "content": "Hello Bob"}
    assert made["toRecipients"] == [{"emailAddress": {"name": "Bob Brown", "address": "bob@example.com"}}]
    assert made["@odata.etag"] == f'W/"{made["changeKey"]}"' and made["categories"] == ["Blue"]
    got = alice.get(f"/me/messages/{made['id']}").json()
    assert got["id"] == made["id"] and got["parentFolderId"] == alice.get("/me/mailFolders/drafts").json()["id"]
    r = alice.patch(f"/me/messages/{made['id']}", json={"subject": "Q3 numbers", "body": {"contentType": "HTML",
                                                                                          "content": "<p>Hi</p>"}})
    assert r.status_code == 200 and r.json()["subject"] == "Q3 numbers" and r.json()["body"]["contentType"] == "html"
    assert r.json()["changeKey"] != made["changeKey"]
    [stored] = graph_sandbox.mailbox("alice@example.com").items("drafts")
    assert stored["subject"] == "Q3 numbers" and stored["body_type"] == "HTML"
    assert alice.delete(f"/me/messages/{made['id']}").status_code == 204
    assert graph_sandbox.mailbox("alice@example.com").count("drafts") == 0
    assert graph_sandbox.mailbox("alice@example.com").count("deleteditems") == 1  # Graph's DELETE moves it there
    assert alice.get(f"/me/messages/{made['id']}").json()["error"]["code"] == "ErrorItemNotFound"


def test_a_stale_etag_is_refused(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body()).json()
    alice.patch(f"/me/messages/{made['id']}", json={"subject": "changed"})
    r = alice.patch(f"/me/messages/{made['id']}", json={"subject": "again"}, headers={"If-Match": made["@odata.etag"]})
    assert r.status_code == 412 and r.json()["error"]["code"] == "ErrorIrresolvableConflict"


def test_select_filter_orderby_count_and_paging(graph_sandbox, alice):
    for i in range(7):
        alice.post("/me/messages", json=draft_body(subject=f"note {i}", internetMessageId=f"<n{i}@example.com>"))
    r = alice.get("/me/mailFolders/drafts/messages",
                  params={"$select": "subject,internetMessageId", "$top": "3", "$orderby": "subject asc",
                          "$count": "true"})
    page = r.json()
    assert page["@odata.count"] == 7 and [m["subject"] for m in page["value"]] == ["note 0", "note 1", "note 2"]
    assert set(page["value"][0]) == {"@odata.etag", "id", "subject", "internetMessageId"}
    seen = [m["subject"] for m in page["value"]]
    while "@odata.nextLink" in page:
        page = alice.get(page["@odata.nextLink"]).json()
        seen += [m["subject"] for m in page["value"]]
    assert seen == [f"note {i}" for i in range(7)]
    found = alice.get("/me/mailFolders/drafts/messages",
                      params={"$filter": "internetMessageId eq '<n4@example.com>'"}).json()["value"]
    assert [m["subject"] for m in found] == ["note 4"]
    assert alice.get("/me/messages", params={"$filter": "isDraft eq false"}).json()["value"] == []
    found = alice.get("/me/messages", params={"$filter": "contains(subject,'NOTE 6') or subject eq 'Note 1'"}).json()
    assert sorted(m["subject"] for m in found["value"]) == ["note 1", "note 6"]
    r = alice.get("/me/messages", params={"$filter": "bodyPreview eq 'x'"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "ErrorInvalidUrlQueryFilter"
    r = alice.get("/me/messages", params={"$select": "nonsense"})
    assert r.status_code == 400


def test_mime_drafts_and_their_errors(graph_sandbox, alice, graph_wire_validator):
    mime = (b"From: alice@example.com\r\nTo: bob@example.com\r\nSubject: from MIME\r\nX-Tracking: 42\r\n"
            b"Message-ID: <mime-1@example.com>\r\n\r\nbody text\r\n")
    r = alice.post("/me/messages", content=base64.b64encode(mime), headers={"Content-Type": "text/plain"})
    assert r.status_code == 201, r.text
    assert r.json()["subject"] == "from MIME" and r.json()["internetMessageId"] == "<mime-1@example.com>"
    got = alice.get(f"/me/messages/{r.json()['id']}", params={"$select": "internetMessageHeaders"}).json()
    assert {"name": "X-Tracking", "value": "42"} in got["internetMessageHeaders"]
    raw = alice.get(f"/me/messages/{r.json()['id']}/$value")
    assert raw.status_code == 200 and b"Subject: from MIME" in raw.content
    bad = graph_wire_validator.expect_broken(b"not base64 !!", method="POST", path="/v1.0/me/messages")
    r = alice.post("/me/messages", content=bad, headers={"Content-Type": "text/plain"})
    assert r.status_code == 400
    assert r.json()["error"] == {**r.json()["error"], "code": "ErrorMimeContentInvalidBase64String",
                                 "message": "Invalid base64 string for MIME content."}


def test_what_graph_refuses_on_write(graph_sandbox, alice, graph_wire_validator):
    unknown = graph_wire_validator.expect_broken(json.dumps(draft_body(nonsense=1)).encode(), method="POST")
    r = alice.post("/me/messages", content=unknown, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "RequestBodyRead"
    r = alice.post("/me/messages", json=draft_body(internetMessageHeaders=[{"name": "Subject", "value": "x"}]))
    assert r.status_code == 400 and "x-" in r.json()["error"]["message"]
    not_json = graph_wire_validator.expect_broken(b"{not json", method="POST")
    r = alice.post("/me/messages", content=not_json, headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "BadRequest"
    r = alice.post("/me/messages", content=b"x" * (4 * 1024 * 1024 + 1), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert alice.get("/me/messages/AAAA").json()["error"]["code"] == "ErrorInvalidIdMalformed"


def test_tokens_and_mailboxes_are_checked(graph_sandbox, alice):
    import httpx

    anon = httpx.Client(base_url=graph_sandbox.graph_url, trust_env=False)
    r = anon.get("/me/messages")
    assert r.status_code == 401 and r.json()["error"]["code"] == "InvalidAuthenticationToken"
    r = anon.get("/me/messages", headers={"Authorization": "Bearer not.a.token"})
    assert r.status_code == 401
    r = alice.get("/users/bob@example.com/messages")
    assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
    assert alice.get("/users/alice@example.com/mailFolders/inbox").status_code == 200
    with client(graph_sandbox, "bob@example.com") as bob:
        mine = alice.post("/me/messages", json=draft_body()).json()["id"]
        assert bob.get(f"/me/messages/{mine}").status_code == 403


def test_a_mailbox_not_enabled_for_rest_is_refused(sandbox_factory):
    from app.sandbox import DEFAULT_USERS

    users = [dict(u, graph=u["email"] != "carol@example.com") for u in DEFAULT_USERS]
    sb = sandbox_factory(graph=True, users=users)
    with client(sb, "carol@example.com") as carol:  # she signs in; her mailbox is not on Graph
        r = carol.get("/me/messages")
        assert r.status_code == 404 and r.json()["error"]["code"] == "MailboxNotEnabledForRESTAPI"
    with client(sb, "alice@example.com") as alice:
        assert alice.get("/me/messages").status_code == 200


def test_an_expired_token_is_401_and_a_refreshed_one_works(sandbox_factory):
    from tests.authority.helpers import FakeClock, msal_app

    clock = FakeClock()
    sb = sandbox_factory(graph=True, token_lifetime=600, authority_clock=clock)
    app = msal_app(sb.authority)
    token = token_for(sb, "alice@example.com", app)
    with client(sb, token=token) as alice:
        assert alice.get("/me/mailFolders/drafts").status_code == 200
        clock.advance(601)
        r = alice.get("/me/mailFolders/drafts")
        assert r.status_code == 401 and r.json()["error"]["code"] == "InvalidAuthenticationToken"
        assert r.json()["error"]["message"] == "Lifetime validation failed, the token is expired."
        assert r.headers["www-authenticate"].startswith("Bearer ")
    [account] = app.get_accounts()  # MSAL's clock is not the authority's: after a 401 a client forces a refresh
    fresh = app.acquire_token_silent(["https://graph.microsoft.com/Mail.ReadWrite"], account=account,
                                     force_refresh=True)
    assert fresh and fresh["access_token"] != token and "token:refresh_token" in sb.authority.request_log
    with client(sb, token=fresh["access_token"]) as alice:
        assert alice.get("/me/mailFolders/drafts").status_code == 200


def test_an_international_address_in_a_draft_its_mime_and_a_send(graph_sandbox, alice):
    """RFC 6531 addresses ("jörg@bücher.de"): kept as typed, written into the message's MIME in UTF-8
    (RFC 6532; the sandbox answered $value and the send with a 500), and sent."""
    r = alice.post("/me/messages", json=draft_body(toRecipients=[
        {"emailAddress": {"name": "Jörg Müller", "address": "jörg@bücher.de"}}]))
    assert r.status_code == 201, r.text
    made = r.json()
    assert made["toRecipients"] == [{"emailAddress": {"name": "Jörg Müller", "address": "jörg@bücher.de"}}]
    raw = alice.get(f"/me/messages/{made['id']}/$value")
    assert raw.status_code == 200 and "Jörg Müller\" <jörg@bücher.de>".encode() in raw.content
    assert alice.post(f"/me/messages/{made['id']}/send").status_code == 202
    assert graph_sandbox.outbox.wait_idle(10)
    [sent] = graph_sandbox.mailbox("alice@example.com").items("sentitems")
    assert sent["to"] == ["jörg@bücher.de"]


SENSITIVITY_EXPAND = {"$expand": "singleValueExtendedProperties($filter=id eq 'Integer 0x0036')"}


def test_sensitivity_is_pid_tag_sensitivity_written_and_expanded_as_graph_does(graph_sandbox, alice):
    """v1.0's message has no sensitivity property: PidTagSensitivity (0x0036) as a singleValueExtendedProperty,
    one store field with EWS's item:Sensitivity; the id comes back normalised, an unknown id is left alone."""
    made = alice.post("/me/messages", json=draft_body(singleValueExtendedProperties=[
        {"id": "Integer 0x0036", "value": "2"}, {"id": "String 0x001A", "value": "ignored"}])).json()
    assert "singleValueExtendedProperties" not in made, "only an $expand shows it"
    got = alice.get(f"/me/messages/{made['id']}", params=SENSITIVITY_EXPAND).json()
    assert got["singleValueExtendedProperties"] == [{"id": "Integer 0x36", "value": "2"}]
    [stored] = graph_sandbox.mailbox("alice@example.com").items("drafts")
    assert stored["sensitivity"] == "Private"
    alice.patch(f"/me/messages/{made['id']}", json={"singleValueExtendedProperties": [
        {"id": "integer 0x36", "value": "3"}]})
    got = alice.get(f"/me/messages/{made['id']}", params=SENSITIVITY_EXPAND).json()
    assert got["singleValueExtendedProperties"] == [{"id": "Integer 0x36", "value": "3"}]
    other = alice.get(f"/me/messages/{made['id']}",
                      params={"$expand": "singleValueExtendedProperties($filter=id eq 'Integer 0x0E07')"}).json()
    assert "singleValueExtendedProperties" not in other, "a property not asked for is not shown"
    r = alice.patch(f"/me/messages/{made['id']}", json={"singleValueExtendedProperties": [
        {"id": "Integer 0x0036", "value": "secret"}]})
    assert r.status_code == 400 and r.json()["error"]["code"] == "RequestBodyRead"
