"""``$expand=attachments`` on a message over Graph (httpx): on GET of one message and on message lists, the
attachments inline as /attachments renders them (``@odata.type``, a file's contentBytes), ``$select`` inside
the expansion; what the sandbox does not serve is refused with Graph's error, never ignored."""

from __future__ import annotations

import base64

import pytest

from tests.helpers.graph_clients import draft_body

NOTES = b"hello attachment"


def _message_with_attachments(alice) -> dict:
    made = alice.post("/me/messages", json=draft_body(subject="with attachments"))
    assert made.status_code == 201, made.text
    msg = made.json()
    for doc in ({"@odata.type": "#microsoft.graph.fileAttachment", "name": "notes.txt", "contentType": "text/plain",
                 "contentBytes": base64.b64encode(NOTES).decode()},
                {"@odata.type": "#microsoft.graph.itemAttachment", "name": "the minutes",
                 "item": {"@odata.type": "microsoft.graph.message", "subject": "Minutes of Monday",
                          "body": {"contentType": "text", "content": "We met."}}}):
        r = alice.post(f"/me/messages/{msg['id']}/attachments", json=doc)
        assert r.status_code == 201, r.text
    return msg


def _listed(alice, msg) -> list[dict]:
    r = alice.get(f"/me/messages/{msg['id']}/attachments")
    assert r.status_code == 200, r.text
    return r.json()["value"]


def test_get_one_message_with_attachments_expanded_as_the_attachments_list_shows_them(graph_sandbox, alice):
    msg = _message_with_attachments(alice)
    for path in (f"/me/messages/{msg['id']}", f"/me/mailFolders/drafts/messages/{msg['id']}"):
        r = alice.get(path, params={"$expand": "attachments"})
        assert r.status_code == 200, r.text
        got = r.json()
        assert got["subject"] == "with attachments" and got["hasAttachments"] is True
        assert got["attachments"] == _listed(alice, msg)
        file, item = got["attachments"]
        assert file["@odata.type"] == "#microsoft.graph.fileAttachment"
        assert base64.b64decode(file["contentBytes"]) == NOTES and file["name"] == "notes.txt"
        assert item["@odata.type"] == "#microsoft.graph.itemAttachment" and item["name"] == "the minutes"
        assert "contentBytes" not in item
    plain = alice.get(f"/me/messages/{msg['id']}").json()
    assert "attachments" not in plain, "only an $expand shows them"


def test_a_message_without_attachments_expands_to_an_empty_array(graph_sandbox, alice):
    msg = alice.post("/me/messages", json=draft_body()).json()
    got = alice.get(f"/me/messages/{msg['id']}", params={"$expand": "attachments"}).json()
    assert got["attachments"] == [] and got["hasAttachments"] is False


def test_select_inside_the_expansion_keeps_those_properties_with_id_and_type(graph_sandbox, alice):
    msg = _message_with_attachments(alice)
    got = alice.get(f"/me/messages/{msg['id']}",
                    params={"$select": "subject", "$expand": "attachments($select=name,size)"}).json()
    assert set(got) == {"@odata.context", "@odata.etag", "id", "subject", "attachments"}
    listed = _listed(alice, msg)
    assert got["attachments"] == [{"@odata.type": a["@odata.type"], "id": a["id"], "name": a["name"],
                                   "size": a["size"]} for a in listed]
    with_bytes = alice.get(f"/me/messages/{msg['id']}",
                           params={"$expand": "attachments($select=name,contentBytes)"}).json()["attachments"]
    assert base64.b64decode(with_bytes[0]["contentBytes"]) == NOTES
    assert set(with_bytes[1]) == {"@odata.type", "id", "name"}, "an item attachment has no contentBytes"


def test_the_expansion_joins_the_extended_properties_one(graph_sandbox, alice):
    made = alice.post("/me/messages", json=draft_body(singleValueExtendedProperties=[
        {"id": "Integer 0x0036", "value": "2"}])).json()
    expand = "singleValueExtendedProperties($filter=id eq 'Integer 0x0036'),attachments($select=name)"
    got = alice.get(f"/me/messages/{made['id']}", params={"$expand": expand})
    assert got.status_code == 200, got.text
    assert got.json()["singleValueExtendedProperties"] == [{"id": "Integer 0x36", "value": "2"}]
    assert got.json()["attachments"] == []
    [row] = alice.get("/me/mailFolders/drafts/messages", params={"$expand": expand}).json()["value"]
    assert row["singleValueExtendedProperties"] == [{"id": "Integer 0x36", "value": "2"}] and row["attachments"] == []


@pytest.mark.parametrize("path", ["/me/messages", "/me/mailFolders/drafts/messages"])
def test_message_lists_expand_each_message_attachments(graph_sandbox, alice, path):
    msg = _message_with_attachments(alice)
    bare = alice.post("/me/messages", json=draft_body(subject="bare")).json()
    r = alice.get(path, params={"$expand": "attachments($select=name)", "$select": "subject", "$orderby": "subject"})
    assert r.status_code == 200, r.text
    rows = {m["id"]: m for m in r.json()["value"]}
    assert [a["name"] for a in rows[msg["id"]]["attachments"]] == ["notes.txt", "the minutes"]
    assert rows[bare["id"]]["attachments"] == []
    full = alice.get(path, params={"$expand": "attachments", "$top": "1", "$filter": "hasAttachments eq true"})
    [row] = full.json()["value"]
    assert row["attachments"] == _listed(alice, msg)
    nxt = alice.get(path, params={"$expand": "attachments", "$top": "1"}).json()["@odata.nextLink"]
    assert "%24expand=attachments" in nxt or "$expand=attachments" in nxt, "the next page keeps the expansion"


REFUSED = [
    ("event", "Could not find a property named 'event' on type 'microsoft.graph.message'."),
    ("attachments,event", "Could not find a property named 'event' on type 'microsoft.graph.message'."),
    ("extensions", "extensions"),
    ("multiValueExtendedProperties", "multiValueExtendedProperties"),
    ("*", "'*'"),
    ("attachments($select=nope)", "Could not find a property named 'nope' on type 'microsoft.graph.attachment'."),
    ("attachments($top=1)", "$top"),
    ("attachments($filter=name eq 'a')", "$filter"),
    ("attachments($expand=item)", "$expand"),
    ("attachments($select=name;$orderby=name)", "$orderby"),
    ("attachments(select=name)", "select=name"),
    ("attachments($select=name", "unbalanced bracket"),
    ("attachments)", "unbalanced bracket"),
    ("attachments,attachments", "attachments"),
    ("", "Term"),
    ("attachments,", "Term"),
    ("singleValueExtendedProperties", "singleValueExtendedProperties"),
    ("singleValueExtendedProperties($filter=value eq '2')", "singleValueExtendedProperties"),
]


@pytest.mark.parametrize("expand,words", REFUSED)
def test_an_expansion_the_sandbox_does_not_serve_is_refused_as_graph_refuses_it(graph_sandbox, alice, expand, words):
    msg = alice.post("/me/messages", json=draft_body()).json()
    for path in (f"/me/messages/{msg['id']}", "/me/messages", "/me/mailFolders/drafts/messages"):
        r = alice.get(path, params={"$expand": expand})
        assert r.status_code == 400, (path, r.text)
        error = r.json()["error"]
        assert error["code"] == "BadRequest", error
        assert error["message"].startswith("Parsing OData Select and Expand failed: "), error
        assert words in error["message"], error


@pytest.mark.parametrize("option", ["$top", "$filter", "$orderby", "$skip", "$count", "$search"])
def test_a_list_option_on_one_message_is_refused_not_ignored(graph_sandbox, alice, option):
    msg = alice.post("/me/messages", json=draft_body()).json()
    r = alice.get(f"/me/messages/{msg['id']}", params={option: "1", "$expand": "attachments"})
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert (error["code"], error["message"]) == ("BadRequest", f"Query option '{option}' is not allowed.")


def test_a_system_option_without_its_dollar_is_read_as_the_dollar_one(graph_sandbox, alice):
    """Graph takes ``expand=``, ``top=`` without the "$" (beta; v1.0 for some APIs): honoured, never ignored."""
    msg = _message_with_attachments(alice)
    got = alice.get(f"/me/messages/{msg['id']}?expand=attachments($select=name)").json()
    assert [a["name"] for a in got["attachments"]] == ["notes.txt", "the minutes"]
    alice.post("/me/messages", json=draft_body())
    assert len(alice.get("/me/messages?top=1&select=subject").json()["value"]) == 1
    refused = alice.get(f"/me/messages/{msg['id']}?top=1")
    assert refused.status_code == 400 and "'$top' is not allowed" in refused.json()["error"]["message"]


@pytest.mark.parametrize("query", ["$top=1&$top=2", "$top=1&top=2", "expand=attachments&$expand=attachments"])
def test_an_option_given_twice_is_refused_not_the_last_one_taken(graph_sandbox, alice, query):
    r = alice.get(f"/me/messages?{query}")
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["code"] == "BadRequest" and "was specified more than once" in error["message"], error
