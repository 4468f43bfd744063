"""The address book's groups with what the server's MailTips say (both backends, against the sandbox's directory
over HTTP): a search fills each group's ``member_count`` and ``may_send`` from one GetMailTips (EWS) or one
``POST /me/getMailTips`` (Graph) for the groups of the page; a failure of that call leaves them None and the
search stands. Every body on the wire is checked against the schemas (tests/conftest.py)."""

from __future__ import annotations

import pytest

from app.domain.directory import DirectoryEntry
from app.sandbox.authority.flows import DEFAULT_PERMISSIONS
from app.sandbox.directory_seed import DIRECTORY_USERS, LARGE_GROUP_SIZE
from tests.helpers.backends import ALICE, every_backend
from tests.helpers.mail_services import Services

DAVE = "dave@example.com"
DIRECTORY = ["User.ReadBasic.All", "GroupMember.Read.All"]


@pytest.fixture
def sandbox(sandbox_factory, backend):
    return sandbox_factory(users=DIRECTORY_USERS, graph=backend == "graph")


@pytest.fixture
def services(sandbox, backend):
    s = Services(sandbox, backend)
    yield s
    s.close()


def _make(services, email=ALICE):
    """The backend's service for ``email``; over Graph a token that grants the directory's permissions."""
    if services.backend != "graph":
        return services.make(email)
    sb = services.sb
    return services.graph(email, tokens=lambda force: sb.authority.access_token_for(
        email, permissions=[*DEFAULT_PERMISSIONS, *DIRECTORY]))


def _group(svc, name: str) -> DirectoryEntry:
    return next(e for e in svc.search_directory(name).entries if e.name == name)


@every_backend
def test_a_search_gives_each_group_its_size(services):
    svc = _make(services)
    assert _group(svc, "Sales").member_count == 3, "a nested group (Sales EMEA) counts as one member"
    everyone = _group(svc, "Everyone")
    assert (everyone.member_count, everyone.may_send) == (LARGE_GROUP_SIZE, True)
    carol = next(e for e in svc.search_directory("carol").entries if e.email == "carol@example.com")
    assert (carol.member_count, carol.may_send) == (None, None), "tips are asked for groups only"


@every_backend
def test_a_restricted_group_says_who_may_not_write_to_it(services):
    board = _group(_make(services), "The Board")
    assert (board.member_count, board.may_send) == (2, False), "The Board takes mail only from Dave"
    assert _group(_make(services, DAVE), "The Board").may_send is True


@every_backend
@pytest.mark.parametrize("fault", ["scope_not_granted", "http_500_html"])
def test_a_failed_tips_call_leaves_the_search_standing(services, sandbox, backend, fault):
    """A refusal (EWS: ErrorAccessDenied for the recipients; Graph: 403) or a broken answer (an HTML 500)."""
    svc = _make(services)
    sandbox.faults.inject("GetMailTips", fault)
    board = _group(svc, "The Board")
    assert board.email == "board@example.com" and board.is_group
    assert (board.member_count, board.may_send) == (None, None)
    assert ("GetMailTips", fault) in sandbox.faults.fired
