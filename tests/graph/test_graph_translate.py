"""translateExchangeIds over real HTTP: EWS ids (exchangelib) and Graph's REST, immutable and MAPI ids name
the same messages and folders."""

from __future__ import annotations

import json

import re

from exchangelib import Mailbox, Message

from tests.helpers.graph_clients import client, draft_body
from tests.helpers.ews_accounts import make_account


def translate(c, ids, source, target):
    r = c.post("/me/translateExchangeIds", json={"inputIds": ids, "sourceIdType": source, "targetIdType": target})
    assert r.status_code == 200, r.text
    return r.json()["value"]


def one(c, value, source, target) -> str:
    [result] = translate(c, [value], source, target)
    assert result["sourceId"] == value and "errorDetails" not in result, result
    return result["targetId"]


def test_an_ews_id_names_the_same_message_over_graph_and_back(graph_sandbox, alice):
    ews = make_account(graph_sandbox, "alice@example.com")
    msg = Message(account=ews, folder=ews.drafts, subject="saved over EWS",
                  to_recipients=[Mailbox(email_address="bob@example.com")])
    msg.save()
    rest = one(alice, msg.id, "ewsId", "restId")
    assert alice.get(f"/me/messages/{rest}").json()["subject"] == "saved over EWS"
    assert one(alice, rest, "restId", "ewsId") == msg.id
    entry = one(alice, msg.id, "ewsId", "entryId")
    assert re.fullmatch(r"[A-Za-z0-9_-]+[012]", entry)  # URL-safe, unpadded, the padding count last
    assert one(alice, entry, "entryId", "restId") == rest and one(alice, entry, "entryId", "ewsId") == msg.id
    ews.drafts.get(id=one(alice, rest, "restId", "ewsId"))  # exchangelib finds it by the translated id


def test_immutable_ids_survive_a_move_and_translate_both_ways(graph_sandbox, alice):
    ews = make_account(graph_sandbox, "alice@example.com")
    msg = Message(account=ews, folder=ews.drafts, subject="moves", to_recipients=[Mailbox(email_address="b@x.org")])
    msg.save()
    immutable = one(alice, msg.id, "ewsId", "restImmutableEntryId")
    immutable_entry = one(alice, immutable, "restImmutableEntryId", "immutableEntryId")
    with client(graph_sandbox, immutable=True) as fixed:
        assert fixed.get(f"/me/messages/{immutable}").json()["subject"] == "moves"
        moved = fixed.post(f"/me/messages/{immutable}/move", json={"destinationId": "inbox"}).json()
        assert moved["id"] == immutable
        assert fixed.get(f"/me/messages/{immutable}").json()["parentFolderId"] == alice.get(
            "/me/mailFolders/inbox").json()["id"]
    rest = one(alice, immutable, "restImmutableEntryId", "restId")
    assert alice.get(f"/me/messages/{rest}").json()["subject"] == "moves"
    assert one(alice, immutable_entry, "immutableEntryId", "restId") == rest  # still names it after the move
    assert one(alice, rest, "restId", "immutableEntryId") == immutable_entry  # and is still its id
    new_ews = one(alice, rest, "restId", "ewsId")
    assert new_ews != msg.id and ews.inbox.get(id=new_ews).subject == "moves"
    [stale] = translate(alice, [msg.id], "ewsId", "restId")  # the id from before the move names nothing
    assert stale["errorDetails"]["code"] == "ErrorItemNotFound" and "targetId" not in stale
    assert one(alice, new_ews, "ewsId", "restImmutableEntryId") == immutable


def test_folder_ids_translate(graph_sandbox, alice):
    ews = make_account(graph_sandbox, "alice@example.com")
    drafts = alice.get("/me/mailFolders/drafts").json()["id"]
    assert one(alice, drafts, "restId", "ewsId") == ews.drafts.id
    entry = one(alice, ews.drafts.id, "ewsId", "entryId")
    assert one(alice, entry, "entryId", "restId") == drafts
    assert one(alice, drafts, "restImmutableEntryId", "restId") == drafts


def test_what_cannot_be_converted_is_an_error_in_its_result(graph_sandbox, alice):
    mine = alice.post("/me/messages", json=draft_body()).json()["id"]
    with client(graph_sandbox, "bob@example.com") as bob:
        his = bob.post("/me/messages", json=draft_body()).json()["id"]
        his_drafts = bob.get("/me/mailFolders/drafts").json()["id"]
    [folder] = translate(alice, [his_drafts], "restId", "entryId")  # another mailbox's folder
    assert folder["errorDetails"]["code"] == "ErrorItemNotFound"
    results = translate(alice, [mine, "AAAA", his, mine.replace("-", "+").replace("_", "/") + "+/"],
                        "restId", "ewsId")
    assert "targetId" in results[0] and "errorDetails" not in results[0]
    assert [r.get("errorDetails", {}).get("code") for r in results[1:]] == [
        "ErrorInvalidIdMalformed", "ErrorAccessDenied", "ErrorInvalidIdMalformed"]
    assert all("targetId" not in r and r["errorDetails"]["message"] for r in results[1:])
    [wrong_kind] = translate(alice, [mine], "restImmutableEntryId", "restId")  # a plain REST id is not immutable
    assert wrong_kind["errorDetails"]["code"] == "ErrorInvalidIdMalformed"
    [entry] = translate(alice, [mine], "entryId", "restId")
    assert entry["errorDetails"]["code"] == "ErrorInvalidIdMalformed"


def test_bad_parameters_are_400(graph_sandbox, alice, graph_wire_validator):
    good = {"inputIds": ["x"], "sourceIdType": "restId", "targetIdType": "ewsId"}

    def post(doc, broken=True):
        raw = json.dumps(doc).encode()
        if broken:  # invalid against the action's schema on purpose
            graph_wire_validator.expect_broken(raw, method="POST", path="/v1.0/me/translateExchangeIds")
        return alice.post("/me/translateExchangeIds", content=raw, headers={"Content-Type": "application/json"})

    for doc in [dict(good, sourceIdType="graphId"), {k: v for k, v in good.items() if k != "targetIdType"},
                dict(good, inputIds="x"), dict(good, extra=1)]:
        r = post(doc)
        assert r.status_code == 400 and r.json()["error"]["code"], (doc, r.text)
    r = post(dict(good, inputIds=["x"] * 1001), broken=False)  # valid by the schema; over Graph's limit
    assert r.status_code == 400 and r.json()["error"]["code"]
    r = post({"InputIds": [], "SourceIdType": "restId", "TargetIdType": "ewsId"}, broken=False)  # the CSDL's spelling
    assert r.status_code == 200 and r.json()["value"] == []  # the action's parameter names, as the CSDL spells them
