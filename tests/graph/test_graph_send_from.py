"""The sandbox's Graph, sending from another mailbox (issue 49), as learn.microsoft.com/graph/
outlook-send-mail-from-other-user documents it: ``from`` on the message, ``sender`` set by Exchange from the
mailbox right, Mail.Send.Shared in the token, 403 ErrorSendAsDenied without a right, the copy in the sender's
Sent Items and in the from mailbox's too when it always keeps one (even with saveToSentItems false)."""

from __future__ import annotations

import pytest

from app.mail.graph.signin import DEFAULT_SCOPES, GRAPH_RESOURCE, SignInSettings
from tests.helpers.graph_clients import client, draft_body

ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.com"
DESK, TEAM, OPS = "desk@example.com", "team@example.com", "ops@example.com"
USERS = [
    {"email": ALICE, "name": "Alice Anderson", "password": "alice-sandbox-pw"},
    {"email": BOB, "name": "Bob Brown", "password": "bob-sandbox-pw"},
    {"email": CAROL, "name": "Carol Clark", "password": "carol-sandbox-pw"},
    {"email": DESK, "name": "Shared Desk", "password": "desk-sandbox-pw", "send_on_behalf": [ALICE],
     "copy_sent": True},
    # mailboxes Alice may open (Full Access): one she may also send on behalf of, one she may not send from
    {"email": TEAM, "name": "Team Box", "password": "team-sandbox-pw", "full_access": [ALICE],
     "send_on_behalf": [ALICE]},
    {"email": OPS, "name": "Ops Box", "password": "ops-sandbox-pw", "full_access": [ALICE]},
]
#: what a client working in another's mailbox signs in with (outlook-share-messages-folders, -send-mail-from-...)
SHARED = ["Mail.ReadWrite", "Mail.Send", "Mail.ReadWrite.Shared", "Mail.Send.Shared"]
FROM_DESK = {"from": {"emailAddress": {"address": DESK}}}


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(graph=True, users=USERS)


def test_send_mail_on_behalf_through_me_is_from_the_desk_sent_by_alice(sb):
    with client(sb) as alice:  # signed in through MSAL with the app's scopes: Mail.Send.Shared among them
        r = alice.post("/me/sendMail", json={"message": draft_body(subject="on behalf", **FROM_DESK)})
        assert r.status_code == 202
    assert sb.outbox.wait_idle(10)
    [copy] = sb.mailbox(BOB).items("inbox")
    assert (copy["from"], copy["sender"]) == (DESK, ALICE)
    with client(sb, BOB, token=sb.authority.access_token_for(BOB)) as bob:
        [doc] = bob.get("/me/mailFolders/inbox/messages", params={"$select": "from,sender"}).json()["value"]
    assert doc["from"]["emailAddress"]["address"] == DESK and doc["sender"]["emailAddress"]["address"] == ALICE
    assert [m["subject"] for m in sb.mailbox(ALICE).items("sentitems")] == ["on behalf"]  # the sender's copy
    assert [m["subject"] for m in sb.mailbox(DESK).items("sentitems")] == ["on behalf"]  # and the desk's


def test_the_desk_keeps_its_copy_even_when_the_send_asks_for_none(sb):
    with client(sb, token=sb.authority.access_token_for(ALICE)) as alice:
        r = alice.post("/me/sendMail", json={"message": draft_body(subject="no copy", **FROM_DESK),
                                             "saveToSentItems": False})
        assert r.status_code == 202
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox(ALICE).count("sentitems") == 0 and sb.mailbox(DESK).count("sentitems") == 1


def test_without_a_right_the_send_is_refused_with_graphs_words_and_nothing_goes_out(sb):
    with client(sb, CAROL, token=sb.authority.access_token_for(CAROL)) as carol:
        made = carol.post("/me/messages", json=draft_body(**FROM_DESK)).json()
        r = carol.post(f"/me/messages/{made['id']}/send")
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorSendAsDenied"
        assert r.json()["error"]["message"].startswith("The user account which was used to submit this request "
                                                       "does not have the right to send mail on behalf of the "
                                                       "specified sending account.")
        r = carol.post("/me/sendMail", json={"message": draft_body(**FROM_DESK)})
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorSendAsDenied"
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox(BOB).count("inbox") == 0 and sb.mailbox(CAROL).count("drafts") == 1


def test_sending_from_another_mailbox_needs_mail_send_shared(sb):
    token = sb.authority.access_token_for(ALICE, ["Mail.ReadWrite", "Mail.Send"])
    with client(sb, token=token) as alice:
        made = alice.post("/me/messages", json=draft_body(**FROM_DESK)).json()
        r = alice.post(f"/me/messages/{made['id']}/send")
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
        r = alice.post("/me/sendMail", json={"message": draft_body(**FROM_DESK)})
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
        assert alice.post("/me/sendMail", json={"message": draft_body()}).status_code == 202  # her own: Mail.Send
    assert sb.outbox.wait_idle(10)
    assert [m["from"] for m in sb.mailbox(BOB).items("inbox")] == [ALICE]


def test_settings_saved_with_the_old_default_scopes_ask_for_todays():
    old = [GRAPH_RESOURCE + p for p in ("Mail.ReadWrite", "Mail.Send", "People.Read")]
    assert SignInSettings.from_dict({"scopes": old}).scopes == DEFAULT_SCOPES
    assert GRAPH_RESOURCE + "Mail.Send.Shared" in DEFAULT_SCOPES
    chosen = [GRAPH_RESOURCE + "Mail.Send"]  # a list the user chose is kept as it is
    assert SignInSettings.from_dict({"scopes": chosen}).scopes == tuple(chosen)


def test_full_access_opens_the_principals_mailbox_and_sends_from_it_with_the_copy_there(sb):
    with client(sb, token=sb.authority.access_token_for(ALICE, SHARED)) as alice:
        made = alice.post(f"/users/{TEAM}/messages", json=draft_body(subject="in the team box"))
        assert made.status_code == 201
        [listed] = alice.get(f"/users/{TEAM}/mailFolders/drafts/messages").json()["value"]
        assert listed["id"] == made.json()["id"] and sb.mailbox(ALICE).count("drafts") == 0
        batch = alice.post("/$batch", json={"requests": [
            {"id": "1", "method": "GET", "url": f"/users/{TEAM}/messages/{listed['id']}?$select=subject"}]})
        assert batch.json()["responses"][0]["body"]["subject"] == "in the team box"
        assert alice.post(f"/users/{TEAM}/messages/{listed['id']}/send").status_code == 202
        one_shot = alice.post(f"/users/{TEAM}/sendMail", json={"message": draft_body(subject="one shot")})
        assert one_shot.status_code == 202
    assert sb.outbox.wait_idle(10)
    got = {m["subject"]: (m["from"], m["sender"]) for m in sb.mailbox(BOB).items("inbox")}
    assert got == {"in the team box": (TEAM, ALICE), "one shot": (TEAM, ALICE)}  # on behalf of the team box
    assert sorted(m["subject"] for m in sb.mailbox(TEAM).items("sentitems")) == ["in the team box", "one shot"]
    assert sb.mailbox(ALICE).count("sentitems") == 0  # sent through /users/{from}: the copy is the from user's


def test_another_mailbox_needs_full_access_and_the_shared_permissions(sb):
    with client(sb, token=sb.authority.access_token_for(ALICE, ["Mail.ReadWrite", "Mail.Send"])) as alice:
        r = alice.get(f"/users/{TEAM}/mailFolders/drafts/messages")  # Full Access, but no .Shared permission
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
    with client(sb, token=sb.authority.access_token_for(ALICE, SHARED)) as alice:
        r = alice.post(f"/users/{DESK}/messages", json=draft_body())  # Send on Behalf, but no Full Access
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
    with client(sb, CAROL, token=sb.authority.access_token_for(CAROL, SHARED)) as carol:
        r = carol.get(f"/users/{TEAM}/messages")
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
    assert sb.mailbox(DESK).count("drafts") == 0


def test_full_access_alone_does_not_let_one_send_from_the_mailbox(sb):
    with client(sb, token=sb.authority.access_token_for(ALICE, SHARED)) as alice:
        made = alice.post(f"/users/{OPS}/messages", json=draft_body(subject="not allowed")).json()
        r = alice.post(f"/users/{OPS}/messages/{made['id']}/send")
        assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorSendAsDenied"
    assert sb.outbox.wait_idle(10)
    assert sb.mailbox(BOB).count("inbox") == 0 and sb.mailbox(OPS).count("drafts") == 1
