"""``GET /me/people?$search=...``: the sandbox's directory through Graph, the name resolution Dispatch's
Graph backend uses. One matching rule for both protocols (core/directory.match_users, as EWS ResolveNames);
every body checked against the CSDL's ``person`` by the wire check (not exempted)."""

from __future__ import annotations

import json

from app.sandbox import DEFAULT_USERS
from app.sandbox.core.directory import match_users


def _people(alice, search=None, **params):
    if search is not None:
        params["$search"] = search
    r = alice.get("/me/people", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def _addresses(doc) -> list[str]:
    return [p["scoredEmailAddresses"][0]["address"] for p in doc["value"]]


def test_search_by_name_prefix_finds_the_user_as_a_person(alice, graph_wire_validator):
    before = graph_wire_validator.checked
    doc = _people(alice, '"bo"')
    assert _addresses(doc) == ["bob@example.com"]
    bob = doc["value"][0]
    assert bob["displayName"] == "Bob Brown" and bob["givenName"] == "Bob" and bob["surname"] == "Brown"
    assert bob["userPrincipalName"] == "bob@example.com"
    assert bob["personType"] == {"class": "Person", "subclass": "OrganizationUser"}
    assert doc["@odata.context"].endswith("/people")
    assert graph_wire_validator.checked > before, "the answer went through the schema check"


def test_search_matches_words_of_the_name_and_address_prefixes(alice):
    assert _addresses(_people(alice, '"ali"')) == ["ali.baba@example.com", "alice@example.com"]  # by name
    assert _addresses(_people(alice, "clark")) == ["carol@example.com"]  # unquoted, the surname
    assert _addresses(_people(alice, '"dave@exa"')) == ["dave@example.com"]
    assert _addresses(_people(alice, '"Alice@Example.com"')) == ["alice@example.com"]  # exact address


def test_no_match_is_an_empty_list_not_an_error(alice):
    doc = _people(alice, '"zebra"')
    assert doc["value"] == [] and "@odata.nextLink" not in doc
    assert _people(alice, '""')["value"] == []


def test_the_same_rule_as_ews_resolve_names(alice, graph_sandbox):
    from app.sandbox.core import directory
    from app.sandbox.ews import names

    assert names.directory is directory and directory.match_users is match_users, "EWS and Graph share one rule"
    for text in ("bo", "ali", "smtp:carol@example.com", "Davis", "a", "example"):
        want = sorted(u["email"] for u in match_users(graph_sandbox.users, text))
        assert sorted(_addresses(_people(alice, f'"{text}"', **{"$top": "50"}))) == want, text


def test_top_pages_with_a_next_link_and_select_keeps_the_named_properties(alice):
    first = _people(alice, None, **{"$top": "2", "$select": "displayName,scoredEmailAddresses"})
    assert len(first["value"]) == 2 and set(first["value"][0]) == {"id", "displayName", "scoredEmailAddresses"}
    seen = _addresses(first)
    link = first["@odata.nextLink"]
    while link:
        r = alice.get(link)
        assert r.status_code == 200, r.text
        seen += _addresses(r.json())
        link = r.json().get("@odata.nextLink")
    assert sorted(seen) == sorted(u["email"] for u in DEFAULT_USERS)


def test_what_the_sandbox_cannot_do_is_refused(alice):
    for params in ({"$filter": "displayName eq 'x'"}, {"$top": "0"}, {"$top": "x"}, {"$select": "nope"}):
        r = alice.get("/me/people", params=params)
        assert r.status_code == 400, (params, r.text)
        assert r.json()["error"]["code"]
    assert alice.post("/me/people", json={}).status_code == 405


def test_the_schema_check_would_catch_a_wrong_person(graph_wire_validator, alice):
    r = alice.get("/me/people", params={"$search": "bob"})
    doc = r.json()
    assert graph_wire_validator.problems("response", r.content, method="GET", path="/v1.0/me/people?$search=bob",
                                         status=200, content_type=r.headers["content-type"]) == []
    doc["value"][0]["emailAddress"] = "bob@example.com"  # a property a person does not have
    doc["value"][0]["scoredEmailAddresses"][0]["selectionLikelihood"] = "sometimes"
    problems = graph_wire_validator.problems("response", json.dumps(doc).encode(), method="GET",
                                             path="/v1.0/me/people", status=200, content_type="application/json")
    assert any("emailAddress" in p for p in problems), problems
