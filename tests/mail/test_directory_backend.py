"""The address book, the backends: ``search_directory`` and ``group_members`` over EWS (exchangelib's ResolveNames
with contact data and ExpandDL, in this process and in the mail engine's) and Microsoft Graph (real httpx: /me/people,
/users and /groups with $search, /groups/{id}/members with its next links), against the sandbox's directory
(``Sandbox(users=DIRECTORY_USERS)``) over HTTP. Every body on the wire is checked against the schemas (the suite's
validators, tests/conftest.py)."""

from __future__ import annotations

import socket

import pytest

from app.domain.directory import DirectoryEntry, EntryKind
from app.mail.errors import DirectoryNotGranted, MailError
from app.sandbox.authority.flows import DEFAULT_PERMISSIONS
from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from tests.helpers.aio import run
from tests.helpers.backends import ALICE, every_backend, protocol
from tests.helpers.mail_services import Services

DIRECTORY = ["User.ReadBasic.All", "GroupMember.Read.All"]


@pytest.fixture
def sandbox(sandbox_factory, backend):
    return sandbox_factory(users=DIRECTORY_USERS, graph=backend == "graph")


@pytest.fixture
def services(sandbox, backend):
    s = Services(sandbox, backend)
    yield s
    s.close()


def _make(services, granted=tuple(DIRECTORY)):
    """The backend's service for Alice; over Graph her token grants ``granted`` besides the sign-in's own."""
    if services.backend != "graph":
        return services.make()
    sb = services.sb
    return services.graph(ALICE, tokens=lambda force: sb.authority.access_token_for(
        ALICE, permissions=[*DEFAULT_PERMISSIONS, *granted]))


@pytest.fixture
def svc(services):
    return _make(services)


def _by_mail(page) -> dict[str, DirectoryEntry]:
    return {e.email: e for e in page.entries}


def _all_pages(call, limit: int) -> tuple[list[DirectoryEntry], int]:
    """Every entry of ``call(limit=, page=)``'s pages, and how many pages there were."""
    out, page, pages = [], "", 0
    while True:
        answer = call(limit=limit, page=page)
        assert len(answer.entries) <= limit
        out.extend(answer.entries)
        pages += 1
        if not answer.more:
            return out, pages
        page = answer.more


def _group(svc, name: str) -> DirectoryEntry:
    return next(e for e in svc.search_directory(name).entries if e.name == name)


@every_backend
def test_a_search_finds_people_with_their_title_department_and_office(svc):
    found = _by_mail(svc.search_directory("car"))
    carol, carl = found["carol@example.com"], found["carl@example.com"]
    assert (carol.name, carol.kind, carol.title, carol.department, carol.office) == (
        "Carol Clark", EntryKind.PERSON, "Head of Finance", "Finance", "London 3.01")
    assert (carl.name, carl.title, carl.department, carl.office) == (
        "Carl Carlsen", "Sales Representative", "Sales EMEA", "Berlin 0.14")
    assert carol.phone == "+44 20 7946 0301" and carol.company == "Example Ltd"
    assert svc.search_directory("nobody-is-called-this").entries == ()
    assert svc.search_directory("  ").entries == ()


@every_backend
def test_the_users_own_contacts_come_after_the_directory(svc):
    """EWS: ResolveNames' default scope (the directory, then the user's Contacts folder). Graph: /me/people, whose
    people are the directory's and the user's own contacts (personType PersonalContact)."""
    page = svc.search_directory("carl")
    assert [e.email for e in page.entries] == ["carl@example.com", "carla.customer@contoso.invalid"]
    carla = page.entries[1]
    assert (carla.kind, carla.name, carla.company, carla.title) == (EntryKind.CONTACT, "Carla Customer", "Contoso",
                                                                    "Buyer")


@every_backend
def test_a_group_is_found_as_a_group_and_its_members_are_one_level(svc):
    sales = _group(svc, "Sales")
    assert (sales.email, sales.kind, sales.is_group) == ("sales@example.com", EntryKind.GROUP, True)
    members = svc.group_members(sales)
    assert [(e.email, e.kind) for e in members.entries] == [
        ("alice@example.com", EntryKind.PERSON), ("ivan@example.com", EntryKind.PERSON),
        ("sales.emea@example.com", EntryKind.GROUP)], "a nested group is one entry, not expanded"
    assert members.more == ""
    emea = members.entries[2]
    assert [e.email for e in svc.group_members(emea).entries] == ["ali.baba@example.com", "carl@example.com"]


@every_backend
def test_a_group_known_only_by_its_address_lists_its_members(svc):
    """A group in an address field (no key from a search): its members by the address alone."""
    members = svc.group_members(DirectoryEntry("Sales EMEA", "sales.emea@example.com", EntryKind.GROUP))
    assert [e.email for e in members.entries] == ["ali.baba@example.com", "carl@example.com"]
    with pytest.raises(MailError) as err:
        svc.group_members(DirectoryEntry("Bob", "bob@example.com", EntryKind.GROUP))
    assert err.value.kind.value == "not_found"


@every_backend
def test_the_500_member_group_comes_in_pages_without_duplicates(svc, sandbox, backend):
    everyone = _group(svc, "Everyone")
    before = sandbox.request_log.count("graph:ListGroupMembers")
    members, pages = _all_pages(lambda **kw: svc.group_members(everyone, **kw), 120)
    assert pages == 5, "500 members, 120 a page"
    assert len(members) == len({e.email for e in members}) == LARGE_GROUP_SIZE
    assert {e.kind for e in members} == {EntryKind.PERSON}
    if backend == "graph":  # paged by the server: one request a page, none holding the whole group
        assert sandbox.request_log.count("graph:ListGroupMembers") - before == pages


@every_backend
@pytest.mark.filterwarnings("ignore:The ResolveNames service returns at most 100 candidates")
def test_a_search_pages_on_graph_and_stops_at_resolve_names_hundred_on_ews(svc, backend):
    found, pages = _all_pages(lambda **kw: svc.search_directory("staff", **kw), 40)
    addresses = [e.email for e in found]
    assert len(addresses) == len(set(addresses)), "no entry twice across pages"
    # Graph pages /users to the end; ResolveNames answers its first 100 candidates, and no more
    assert len(addresses) == (LARGE_GROUP_SIZE if protocol(backend) == "graph" else 100)
    assert pages > 2


def _listener() -> socket.socket:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(1)
    s.setblocking(False)
    return s


def _nobody_came(s: socket.socket) -> bool:
    try:
        s.accept()[0].close()
    except BlockingIOError:
        return True
    return False


@every_backend
@pytest.mark.filterwarnings("ignore:The ResolveNames service returns at most 100 candidates")
def test_a_page_token_naming_another_host_is_refused_before_anything_is_sent(svc, sandbox):
    everyone = _group(svc, "Everyone")
    first = svc.group_members(everyone, limit=100)
    other = _listener()
    try:
        port = other.getsockname()[1]
        elsewhere = f"http://127.0.0.1:{port}/v1.0/groups/{everyone.key}/members?$skiptoken=x"
        for page in (elsewhere, first.more.replace(sandbox.graph_url, f"http://127.0.0.1:{port}/v1.0")
                     if first.more.startswith("http") else "x" + first.more, "not a page"):
            with pytest.raises(ValueError):
                svc.group_members(everyone, page=page)
        search = svc.search_directory("staff", limit=10)
        assert search.more
        with pytest.raises(ValueError):
            svc.search_directory("staff", page=_retarget(search.more, port))
        assert _nobody_came(other), "the bearer token went to another host"
    finally:
        other.close()


def _retarget(token: str, port: int) -> str:
    """A search token of the backend at hand whose link (Graph) names another host; any other token altered."""
    import base64
    import json

    try:
        doc = json.loads(base64.urlsafe_b64decode(token.encode()))
    except ValueError:
        return token + "x"
    doc["link"] = f"http://127.0.0.1:{port}/v1.0/users?$skiptoken=x"
    return base64.urlsafe_b64encode(json.dumps(doc).encode()).decode()


@every_backend
def test_the_scope_not_granted_fault_raises_directory_not_granted(svc, sandbox, backend):
    graph = protocol(backend) == "graph"
    sandbox.faults.inject("ListUsers" if graph else "ResolveNames", "scope_not_granted")
    with pytest.raises(DirectoryNotGranted) as err:
        svc.search_directory("car")
    assert err.value.scope == ("User.ReadBasic.All" if graph else "")
    assert "address book" in str(err.value)
    assert _by_mail(svc.search_directory("car"))["carol@example.com"].title == "Head of Finance"
    sandbox.faults.inject("ListGroupMembers" if graph else "ExpandDL", "scope_not_granted")
    sales = _group(svc, "Sales")
    with pytest.raises(DirectoryNotGranted) as err:
        svc.group_members(sales)
    assert err.value.scope == ("GroupMember.Read.All" if graph else "")


@pytest.mark.parametrize("backend", ["graph"], indirect=True)
def test_an_organisation_that_granted_no_group_permission_still_finds_people(services):
    """GroupMember.Read.All needs an administrator's consent: without it a search keeps the people and users it
    found and names what is missing; a group's members raise; without User.ReadBasic.All the search raises."""
    users_only = _make(services, granted=("User.ReadBasic.All",))
    page = users_only.search_directory("car")
    assert {"carol@example.com", "carl@example.com"} <= set(_by_mail(page))
    assert page.not_granted == "GroupMember.Read.All"
    with pytest.raises(DirectoryNotGranted) as err:
        users_only.group_members(DirectoryEntry("Sales", "sales@example.com", EntryKind.GROUP))
    assert err.value.scope == "GroupMember.Read.All"
    with pytest.raises(DirectoryNotGranted) as err:
        _make(services, granted=()).search_directory("car")
    assert err.value.scope == "User.ReadBasic.All"


@every_backend
def test_the_session_hands_both_calls_through(services):
    """What the window awaits (app/core/accounts/session.py over the MailClient: a worker thread, or the mail engine
    awaited directly), a refusal crossing back as itself and leaving the account connected."""
    from app.core.accounts.session import ConnectionState, Session

    session = Session.for_service(services.config(), lambda: _make(services))
    try:
        page = run(session.search_directory("sales", limit=10))
        sales = next(e for e in page.entries if e.email == "sales@example.com")
        members = run(session.group_members(sales, limit=2))
        assert [e.email for e in members.entries] == ["alice@example.com", "ivan@example.com"] and members.more
        rest = run(session.group_members(sales, limit=2, page=members.more))
        assert [(e.email, e.kind) for e in rest.entries] == [("sales.emea@example.com", EntryKind.GROUP)]
        graph = protocol(services.backend) == "graph"
        services.sb.faults.inject("ListUsers" if graph else "ResolveNames", "scope_not_granted")
        with pytest.raises(DirectoryNotGranted):
            run(session.search_directory("car"))
        assert session.state == ConnectionState.CONNECTED, "a permission withheld is not a connection lost"
    finally:
        session.close()
