"""``GET /v1.0/me``: the signed-in user as Graph's user-get answers it (learn.microsoft.com/graph/api/user-get):
the default properties, ``$select`` honoured, permission User.Read (or a higher one). Every body is checked
against the CSDL's ``microsoft.graph.user`` by the session's wire validator (tests/graph_wire.py)."""

from __future__ import annotations

import pytest

from app.sandbox.authority.tokens import user_oid
from tests.helpers.graph_clients import client, token_for

GRAPH = "https://graph.microsoft.com/"
DEFAULT = {"businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation",
           "preferredLanguage", "surname", "userPrincipalName", "id"}


def test_me_is_the_signed_in_user_with_graphs_default_properties(graph_sandbox, alice, graph_wire_validator):
    before = graph_wire_validator.checked
    r = alice.get("/me")
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["@odata.context"] == f"{graph_sandbox.graph_url}/$metadata#users/$entity"
    assert set(doc) - {"@odata.context"} == DEFAULT
    assert doc["id"] == user_oid("alice@example.com")
    assert (doc["displayName"], doc["givenName"], doc["surname"]) == ("Alice Anderson", "Alice", "Anderson")
    assert doc["mail"] == doc["userPrincipalName"] == "alice@example.com"
    assert doc["businessPhones"] == [] and doc["jobTitle"] is None
    assert graph_wire_validator.checked >= before + 2, "request and answer went through the schema check"
    with client(graph_sandbox, "bob@example.com") as bob:
        assert bob.get("/me").json()["mail"] == "bob@example.com"
    # the user's own id or address names the same user
    assert alice.get(f"/users/{doc['id']}").json() == doc
    assert alice.get("/users/alice@example.com").json()["id"] == doc["id"]


def test_select_keeps_exactly_the_named_properties(graph_sandbox, alice):
    doc = alice.get("/me", params={"$select": "displayName,mailNickname,proxyAddresses,department"}).json()
    assert doc == {"@odata.context": f"{graph_sandbox.graph_url}/$metadata#users(displayName,mailNickname,"
                                     "proxyAddresses,department)/$entity",
                   "displayName": "Alice Anderson", "mailNickname": "alice",
                   "proxyAddresses": ["SMTP:alice@example.com"], "department": None}
    bad = alice.get("/me", params={"$select": "displayName,shoeSize"})
    assert bad.status_code == 400 and "shoeSize" in bad.json()["error"]["message"]


def test_me_needs_user_read(graph_sandbox):
    mail_only = token_for(graph_sandbox, "alice@example.com", scopes=[GRAPH + "Mail.ReadWrite"])
    with client(graph_sandbox, token=mail_only) as c:
        r = c.get("/me")
    assert r.status_code == 403 and r.json()["error"]["code"] == "ErrorAccessDenied"
    user_read = token_for(graph_sandbox, "alice@example.com", scopes=[GRAPH + "User.Read"])
    with client(graph_sandbox, token=user_read) as c:
        assert c.get("/me").json()["mail"] == "alice@example.com"


def test_me_in_a_batch(graph_sandbox, alice):
    r = alice.post("/$batch", json={"requests": [{"id": "1", "method": "GET", "url": "/me?$select=mail"}]})
    assert r.status_code == 200, r.text
    (one,) = r.json()["responses"]
    assert one["status"] == 200 and one["body"]["mail"] == "alice@example.com"


pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended")
