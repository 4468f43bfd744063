"""One mailbox, two protocols: what is saved through Graph is listed, changed and sent through EWS
(exchangelib), and the other way round; both see the same ids (translated) and the same change keys."""

from __future__ import annotations

from exchangelib import HTMLBody, Mailbox, Message

from tests.helpers.graph_clients import draft_body
from tests.helpers.ews_accounts import make_account


def _ews_message(account, graph_id: str):
    """The message a Graph REST id names, found over EWS by its id (REST ids are EWS ids, URL-safe)."""
    ews_id = graph_id.replace("-", "+").replace("_", "/")
    return account.drafts.get(id=ews_id)


def test_a_draft_saved_over_graph_is_changed_and_sent_over_ews(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body(
        subject="made in Graph", internetMessageId="<cross-1@example.com>",
        internetMessageHeaders=[{"name": "x-origin", "value": "graph"}])).json()
    ews = make_account(graph_sandbox, "alice@example.com")
    listed = [m.subject for m in ews.drafts.all().only("subject")]
    assert listed == ["made in Graph"]
    msg = _ews_message(ews, made["id"])
    assert msg.changekey == made["changeKey"] and msg.message_id == "<cross-1@example.com>"
    assert [r.email_address for r in msg.to_recipients] == ["bob@example.com"]
    msg.subject = "changed in EWS"
    msg.save(update_fields=["subject"])
    seen = alice.get(f"/me/messages/{made['id']}").json()
    assert seen["subject"] == "changed in EWS" and seen["changeKey"] == msg.changekey
    msg.send(save_copy=True)  # EWS SendItem: synchronous
    [copy] = graph_sandbox.mailbox("bob@example.com").items("inbox")
    assert copy["subject"] == "changed in EWS" and copy["internet_message_id"] == "<cross-1@example.com>"
    assert b"x-origin: graph" in copy["mime"].lower()  # the Graph-set header travels on an EWS send
    sent = alice.get("/me/mailFolders/sentitems/messages",
                     params={"$filter": "internetMessageId eq '<cross-1@example.com>'"}).json()["value"]
    assert [m["subject"] for m in sent] == ["changed in EWS"]


def test_a_draft_saved_over_ews_is_changed_and_sent_over_graph(graph_sandbox, alice):
    ews = make_account(graph_sandbox, "alice@example.com")
    msg = Message(account=ews, folder=ews.drafts, subject="made in EWS", body=HTMLBody("<p>hello</p>"),
                  to_recipients=[Mailbox(email_address="bob@example.com")])
    msg.save()
    rest_id = msg.id.replace("+", "-").replace("/", "_")
    seen = alice.get(f"/me/messages/{rest_id}").json()
    assert seen["subject"] == "made in EWS" and seen["body"]["contentType"] == "html"
    assert seen["changeKey"] == msg.changekey and seen["isDraft"] is True
    listed = alice.get("/me/mailFolders/drafts/messages", params={"$select": "subject"}).json()["value"]
    assert [m["subject"] for m in listed] == ["made in EWS"]
    r = alice.patch(f"/me/messages/{rest_id}", json={"subject": "changed in Graph"})
    assert r.status_code == 200
    msg.refresh()
    assert msg.subject == "changed in Graph" and msg.changekey == r.json()["changeKey"]
    assert alice.post(f"/me/messages/{rest_id}/send").status_code == 202
    assert graph_sandbox.outbox.wait_idle(10)
    bob = make_account(graph_sandbox, "bob@example.com")
    assert [m.subject for m in bob.inbox.all().only("subject")] == ["changed in Graph"]
    assert [m.subject for m in ews.sent.all().only("subject")] == ["changed in Graph"]
    assert ews.drafts.all().count() == 0


def test_a_stale_change_key_from_one_protocol_conflicts_in_the_other(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body()).json()
    ews = make_account(graph_sandbox, "alice@example.com")
    msg = _ews_message(ews, made["id"])
    msg.subject = "EWS wins"
    msg.save(update_fields=["subject"])
    r = alice.patch(f"/me/messages/{made['id']}", json={"subject": "stale"}, headers={"If-Match": made["@odata.etag"]})
    assert r.status_code == 412
    assert alice.get(f"/me/messages/{made['id']}").json()["subject"] == "EWS wins"


def test_the_follow_up_flag_is_one_flag_in_both_protocols(graph_sandbox, alice):
    """EWS t:Flag (Exchange 2013+) and Graph's flag (followupFlag) read and write the same flag."""
    from xml.etree import ElementTree

    from tests.helpers.soap import post

    t_ns = "{http://schemas.microsoft.com/exchange/services/2006/types}"
    r = post(graph_sandbox, '<m:CreateItem MessageDisposition="SaveOnly"><m:Items><t:Message><t:Subject>flag'
                            '</t:Subject><t:Flag><t:FlagStatus>Flagged</t:FlagStatus><t:StartDate>'
                            '2026-12-01T08:00:00Z</t:StartDate><t:DueDate>2026-12-04T08:00:00Z</t:DueDate>'
                            '</t:Flag></t:Message></m:Items></m:CreateItem>')
    ews_id = ElementTree.fromstring(r.content).find(f".//{t_ns}ItemId").get("Id")
    rest_id = ews_id.replace("+", "-").replace("/", "_")
    flag = alice.get(f"/me/messages/{rest_id}", params={"$select": "flag"}).json()["flag"]
    assert flag["flagStatus"] == "flagged"
    assert flag["startDateTime"] == {"dateTime": "2026-12-01T08:00:00.0000000", "timeZone": "UTC"}
    assert flag["dueDateTime"] == {"dateTime": "2026-12-04T08:00:00.0000000", "timeZone": "UTC"}
    assert alice.patch(f"/me/messages/{rest_id}", json={"flag": {"flagStatus": "complete"}}).status_code == 200
    got = post(graph_sandbox, '<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties>'
                              '<t:FieldURI FieldURI="item:Flag"/></t:AdditionalProperties></m:ItemShape>'
                              f'<m:ItemIds><t:ItemId Id="{ews_id}"/></m:ItemIds></m:GetItem>')
    [el] = ElementTree.fromstring(got.content).findall(f".//{t_ns}Flag")
    assert el.find(f"{t_ns}FlagStatus").text == "Complete" and el.find(f"{t_ns}CompleteDate") is not None
