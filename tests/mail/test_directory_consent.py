"""The address book's permissions asked for when it first needs them (incremental consent,
app/mail/graph/directory_access.py): real MSAL against the sandbox's authority, the Graph service over HTTP. The
mail keeps its own token and keeps working whatever the directory's answer."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from app.domain.directory import DirectoryEntry, EntryKind
from app.mail.errors import AuthFailed, DirectoryNotGranted
from app.mail.graph.service import GraphMailService
from app.mail.graph.signin import GraphSignIn, SignInSettings
from app.sandbox.directory_seed import DIRECTORY_USERS
from tests.helpers.backends import ALICE
from tests.helpers.consent import browse, consented

USERS, GROUPS = "User.ReadBasic.All", "GroupMember.Read.All"
SALES = DirectoryEntry("Sales", "sales@example.com", EntryKind.GROUP)


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(users=DIRECTORY_USERS, graph=True)


@pytest.fixture
def signin(sb):
    s = GraphSignIn(ALICE, SignInSettings.sandbox(sb.authority.authority_url, sb.authority.cert_path))
    consented(sb.authority, s)  # the sign-in's own scopes: mail and People.Read, no directory
    return s


@pytest.fixture
def svc(sb, signin):
    s = GraphMailService(ALICE, sb.graph_url, signin.token_provider, permission_token=signin.permission_token)
    yield s
    s.close()


def _mail_works(svc) -> None:
    svc.connect()
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = ALICE, "carol@example.com", "Lunch"
    msg.set_content("At noon?")
    svc.send_mime(msg.as_bytes())


def _emails(page) -> set[str]:
    return {e.email for e in page.entries}


def test_a_permission_consented_earlier_is_got_silently_and_the_search_retried(sb, signin, svc):
    _mail_works(svc)  # the service holds the sign-in's token: no User.ReadBasic.All in it
    consented(sb.authority, signin, USERS)  # the user consented to it (another time, or an administrator)
    page = svc.search_directory("car")
    assert {"carol@example.com", "carl@example.com"} <= _emails(page)
    assert page.not_granted == GROUPS and page.can_ask  # nobody consented to that one: said, may be asked for
    _mail_works(svc)


def test_without_consent_the_refusal_says_the_user_may_be_asked_and_mail_still_works(sb, signin, svc):
    with pytest.raises(DirectoryNotGranted) as err:
        svc.search_directory("car")
    assert (err.value.scope, err.value.can_ask) == (USERS, True)
    with pytest.raises(DirectoryNotGranted) as err:
        svc.group_members(SALES)
    assert (err.value.scope, err.value.can_ask) == (GROUPS, True)
    _mail_works(svc)
    assert signin.token_provider()  # the mail's sign-in is whole: no sign-in asked again


def test_asking_gets_the_permission_and_the_members_are_read(sb, signin, svc):
    with pytest.raises(DirectoryNotGranted):
        svc.group_members(SALES)
    consented(sb.authority, signin, GROUPS)
    assert "alice@example.com" in _emails(svc.group_members(SALES))
    _mail_works(svc)


def test_a_refused_consent_changes_nothing_for_the_mail(sb, signin, svc):
    pending = signin.begin_asking(GROUPS)
    assert "GroupMember.Read.All" in pending.url
    browse(sb.authority, pending.url, action="deny")
    with pytest.raises(AuthFailed):
        pending.result(timeout=20)
    with pytest.raises(DirectoryNotGranted) as err:
        svc.group_members(SALES)
    assert err.value.can_ask
    _mail_works(svc)
