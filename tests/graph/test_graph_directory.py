"""The sandbox's directory over Graph with httpx (issue 80, item 6): /users and /groups with $search (only with
``ConsistencyLevel: eventual``), $filter startswith, $select, $top + @odata.nextLink, $count;
/groups/{id}/members paged to the end; a token the organisation did not grant User.ReadBasic.All gets 403
Authorization_RequestDenied. Every body is checked against the CSDL-derived schemas (tests/graph_wire.py)."""

from __future__ import annotations

import pytest

from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from tests.helpers.graph_clients import WIRE_SCOPES, client, token_for

GRAPH = "https://graph.microsoft.com/"
DIRECTORY_SCOPES = (*WIRE_SCOPES, GRAPH + "User.ReadBasic.All", GRAPH + "GroupMember.Read.All")
EVENTUAL = {"ConsistencyLevel": "eventual"}


@pytest.fixture
def org(sandbox_factory):
    return sandbox_factory(graph=True, users=DIRECTORY_USERS)


@pytest.fixture
def alice(org):
    with client(org, token=token_for(org, "alice@example.com", scopes=DIRECTORY_SCOPES)) as c:
        yield c


def _mails(doc) -> list[str]:
    return [v["mail"] for v in doc["value"]]


def test_search_finds_users_by_a_word_of_the_display_name(alice):
    r = alice.get("/users", params={"$search": '"displayName:car"', "$count": "true",
                                    "$select": "displayName,mail,jobTitle,department,officeLocation"}, headers=EVENTUAL)
    assert r.status_code == 200, r.text
    doc = r.json()
    assert _mails(doc) == ["carl@example.com", "carol@example.com"] and doc["@odata.count"] == 2
    carol = doc["value"][1]
    assert (carol["jobTitle"], carol["department"], carol["officeLocation"]) == ("Head of Finance", "Finance",
                                                                                "London 3.01")
    assert set(carol) == {"id", "displayName", "mail", "jobTitle", "department", "officeLocation"}


def test_search_without_consistency_level_is_refused(alice):
    for params in ({"$search": '"displayName:car"'}, {"$count": "true"}):
        r = alice.get("/users", params=params)
        assert r.status_code == 400, r.text
        assert r.json()["error"]["code"] == "Request_UnsupportedQuery"
        assert "ConsistencyLevel: eventual" in r.json()["error"]["message"]


def test_filter_startswith_and_an_unsupported_filter(alice):
    r = alice.get("/users", params={"$filter": "startswith(displayName,'Ca')"})
    assert _mails(r.json()) == ["carl@example.com", "carol@example.com"]
    r = alice.get("/users", params={"$filter": "startswith(mail,'room.')"})
    assert _mails(r.json()) == ["room.spree@example.com", "room.thames@example.com"]
    r = alice.get("/users", params={"$filter": "endswith(mail,'.com')"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "Request_UnsupportedQuery"


def test_users_page_with_next_links_to_the_end(alice):
    seen, url, params = [], "/users", {"$top": "200", "$select": "mail"}
    while url:
        doc = alice.get(url, params=params).json()
        assert len(doc["value"]) <= 200
        seen += _mails(doc)
        url, params = doc.get("@odata.nextLink"), None
    assert len(seen) == len(set(seen)) == len([u for u in DIRECTORY_USERS if "members" not in u])


def test_groups_search_and_members_one_level(alice):
    r = alice.get("/groups", params={"$search": '"displayName:sales"'}, headers=EVENTUAL)
    groups = r.json()["value"]
    assert [g["mail"] for g in groups] == ["sales@example.com", "sales.emea@example.com"]
    members = alice.get(f"/groups/{groups[0]['id']}/members").json()["value"]
    assert [(m["@odata.type"], m["mail"]) for m in members] == [
        ("#microsoft.graph.user", "alice@example.com"), ("#microsoft.graph.user", "ivan@example.com"),
        ("#microsoft.graph.group", "sales.emea@example.com")], "a nested group is listed, not expanded"


def test_the_large_group_pages_in_to_the_end_without_duplicates(alice):
    r = alice.get("/groups", params={"$filter": "startswith(displayName,'Everyone')"})
    [everyone] = r.json()["value"]
    seen, pages, url, params = [], 0, f"/groups/{everyone['id']}/members", {"$top": "100", "$select": "mail"}
    while url:
        r = alice.get(url, params=params)
        assert r.status_code == 200, r.text
        doc = r.json()
        seen += _mails(doc)
        pages += 1
        url, params = doc.get("@odata.nextLink"), None
    assert pages == 5, "500 members need several pages"
    assert len(seen) == LARGE_GROUP_SIZE == len(set(seen))


def test_an_unknown_group_is_404(alice):
    r = alice.get("/groups/00000000-0000-0000-0000-000000000000/members")
    assert r.status_code == 404 and r.json()["error"]["code"] == "Request_ResourceNotFound"


def test_without_the_directory_permission_users_and_groups_are_403(org):
    """The organisation granted Mail and People but not User.ReadBasic.All / GroupMember.Read.All: the token
    lacks them, and the directory says so (403 Authorization_RequestDenied), while /me/people still answers."""
    with client(org, token=token_for(org, "alice@example.com")) as c:
        for path in ("/users", "/groups"):
            r = c.get(path)
            assert r.status_code == 403, r.text
            assert r.json()["error"]["code"] == "Authorization_RequestDenied"
            assert r.json()["error"]["message"] == "Insufficient privileges to complete the operation."
        r = c.get("/me/people", params={"$search": '"car"'})
        assert r.status_code == 200
        # the directory's people, then Alice's own contact (a person of hers, not of the organisation)
        assert [(p["scoredEmailAddresses"][0]["address"], p["personType"]["subclass"], p["userPrincipalName"])
                for p in r.json()["value"]] == [("carl@example.com", "OrganizationUser", "carl@example.com"),
                                                ("carol@example.com", "OrganizationUser", "carol@example.com"),
                                                ("carla.customer@contoso.invalid", "PersonalContact", "")]


pytestmark = pytest.mark.filterwarnings("ignore:response_mode='form_post' is recommended")


def test_people_and_me_carry_the_directory_fields(org):
    with client(org, token=token_for(org, "carol@example.com")) as carol:
        me = carol.get("/me").json()
        assert (me["jobTitle"], me["officeLocation"], me["businessPhones"], me["mobilePhone"]) == (
            "Head of Finance", "London 3.01", ["+44 20 7946 0301"], "+44 7700 900301")
        [person] = carol.get("/me/people", params={"$search": '"carl"'}).json()["value"]
        assert (person["jobTitle"], person["department"], person["phones"]) == (
            "Sales Representative", "Sales EMEA", [{"type": "business", "number": "+49 30 901820 14"}])


def test_the_scope_not_granted_fault_answers_403_through_the_admin_endpoint(org, alice):
    """The admin endpoint's fault (as a test in another process would set it): /users answers Graph's 403 for a
    permission the organisation withholds, until cleared; /me/people is untouched."""
    import httpx

    r = httpx.post(org.admin_url, headers=org.admin_headers(), trust_env=False, timeout=10,
                   json={"operation": "ListUsers", "kind": "scope_not_granted", "count": -1})
    assert r.status_code == 200, r.text
    for _ in range(2):
        r = alice.get("/users", params={"$search": '"displayName:car"'}, headers=EVENTUAL)
        assert r.status_code == 403, r.text
        assert r.json()["error"]["code"] == "Authorization_RequestDenied"
    assert alice.get("/me/people", params={"$search": '"car"'}).status_code == 200
    assert ("ListUsers", "scope_not_granted") in org.faults.fired
    org.faults.clear()
    assert alice.get("/users").status_code == 200


def test_directory_requests_inside_a_batch(alice):
    r = alice.post("/$batch", json={"requests": [
        {"id": "1", "method": "GET", "url": "/users?$search=\"displayName:carl\"",
         "headers": {"ConsistencyLevel": "eventual"}},
        {"id": "2", "method": "GET", "url": "/groups?$filter=startswith(displayName,'Sales')&$select=mail"}]})
    assert r.status_code == 200, r.text
    answers = {a["id"]: a for a in r.json()["responses"]}
    assert [u["mail"] for u in answers["1"]["body"]["value"]] == ["carl@example.com"]
    assert [g["mail"] for g in answers["2"]["body"]["value"]] == ["sales@example.com", "sales.emea@example.com"]
