"""A script's recipients checked against the organisation's directory (app/core/scripts/directory_check.py), by
the desk that answers ``dispatch-mail send`` / ``sendmail`` (app/core/scripts/desk.py) on an Outbox over the real
client, against the sandbox's directory (``Sandbox(users=DIRECTORY_USERS)``: a Carl beside Carol, Alice's own
contact Carla) over real HTTP, EWS and Graph: a name becomes the one address the directory has for it, an
ambiguous or unknown name and an unknown address of the organisation's domain are refused (65) with the
candidates before anything is journaled, ``--no-check`` sends the address all the same. No Qt."""

from __future__ import annotations

import json

import pytest

from app.command import send_args as sc
from app.sandbox.authority.flows import DEFAULT_PERMISSIONS
from app.sandbox.directory_seed import DIRECTORY_USERS
from tests.helpers.backends import ALICE, every_backend, settle
from tests.helpers.script_desk import ask, desk_of
from tests.mail.outbox_harness import Box, count

CAROL, CARL = "carol@example.com", "carl@example.com"
UNKNOWN = "carl.unknown@example.com"


@pytest.fixture
def sandbox(sandbox_factory, backend):
    """The sample organisation's directory (app/sandbox/directory_seed.py), Graph served too for the Graph run."""
    return sandbox_factory(users=DIRECTORY_USERS, graph=backend == "graph")


def _refused_and_nothing_queued(box, reply, code: int = sc.EX_DATAERR):
    assert reply.exit == code, reply
    assert box.journal.count() == 0 and not box.ob.queue.submissions(), "refused before anything was journaled"


@every_backend
def test_a_name_the_directory_knows_once_is_sent_to_its_address_and_said(box, sandbox, backend):
    reply, recorded = ask(box, desk_of(box), "send", "--to", "Carol", "--subject", "by name", "--json")
    assert reply.exit == sc.EX_OK, reply
    assert "--to: “Carol” is Carol Clark <carol@example.com>." in reply.err
    mid = json.loads(reply.out)["message_id"]
    settle(sandbox)
    assert count(sandbox, "inbox", email=CAROL, mid=mid) == 1


@every_backend
def test_an_ambiguous_name_is_refused_with_its_candidates_nothing_sent(box, sandbox, backend):
    reply, recorded = ask(box, desk_of(box), "send", "--to", "Car", "--subject", "ambiguous")
    _refused_and_nothing_queued(box, reply)
    assert recorded == []
    assert "--to: “Car” names" in reply.err and "Carol Clark <carol@example.com>" in reply.err
    assert "Carl Carlsen <carl@example.com>" in reply.err and "Nothing was sent." in reply.err
    settle(sandbox)
    assert count(sandbox, "sentitems") == 0


@every_backend
def test_a_name_that_is_exactly_one_entrys_is_that_entry(box, sandbox, backend):
    """"carl" starts Carl's address and Carla's name (Alice's contact): it is Carl's local part."""
    reply, _ = ask(box, desk_of(box), "send", "--cc", "carl", "--subject", "exact")
    assert reply.exit == sc.EX_OK, reply
    assert "--cc: “carl” is Carl Carlsen <carl@example.com>." in reply.err


@every_backend
def test_an_unknown_name_is_refused(box, sandbox, backend):
    reply, _ = ask(box, desk_of(box), "send", "--to", "Zebedee", "--subject", "nobody")
    _refused_and_nothing_queued(box, reply)
    assert "--to: the organisation's directory knows nobody by the name “Zebedee”" in reply.err


@every_backend
def test_an_unknown_address_of_the_organisation_is_refused_with_candidates_no_check_sends(box, sandbox, backend):
    reply, _ = ask(box, desk_of(box), "send", "--to", UNKNOWN, "--subject", "typo")
    _refused_and_nothing_queued(box, reply)
    assert f"--to: {UNKNOWN} is not in the organisation's directory" in reply.err
    assert "Carl Carlsen <carl@example.com>" in reply.err and "--no-check" in reply.err

    sent, _ = ask(box, desk_of(box), "send", "--to", UNKNOWN, "--subject", "typo anyway", "--no-check", "--json")
    assert sent.exit == sc.EX_OK, sent
    mid = json.loads(sent.out)["message_id"]
    settle(sandbox)
    assert count(sandbox, "sentitems", mid=mid) == 1


@every_backend
def test_known_and_outside_addresses_go_as_before(box, sandbox, backend):
    reply, _ = ask(box, desk_of(box), "send", "--to", CARL, "--cc", "someone@elsewhere.test", "--subject", "fine",
                   "--json")
    assert reply.exit == sc.EX_OK and reply.err == "", reply
    settle(sandbox)
    assert count(sandbox, "inbox", email=CARL, mid=json.loads(reply.out)["message_id"]) == 1


def mail(mid: str, to: str) -> bytes:
    return (f"From: Alice <{ALICE}>\nTo: {to}\nSubject: nightly\nMessage-ID: {mid}\n"
            "Content-Type: text/plain; charset=UTF-8\n\nAll green.\n").encode()


@every_backend
def test_sendmail_refuses_an_unknown_address_of_the_organisation_unless_no_check(box, sandbox, backend):
    desk = desk_of(box)
    reply, _ = ask(box, desk, "sendmail", "-i", UNKNOWN, stdin=mail("<dir-1@scripts.example>", UNKNOWN))
    _refused_and_nothing_queued(box, reply)
    assert f"recipient: {UNKNOWN} is not in the organisation's directory" in reply.err
    hidden, _ = ask(box, desk, "sendmail", "-i", CARL, UNKNOWN, stdin=mail("<dir-2@scripts.example>", CARL))
    _refused_and_nothing_queued(box, hidden)  # a Bcc of the envelope is checked too

    sent, _ = ask(box, desk, "sendmail", "--no-check", "-i", UNKNOWN, stdin=mail("<dir-3@scripts.example>", UNKNOWN))
    assert sent.exit == sc.EX_OK, sent
    settle(sandbox)
    assert count(sandbox, "sentitems", mid="<dir-3@scripts.example>") == 1


@every_backend
def test_when_the_directory_cannot_be_asked_a_name_is_refused_an_address_goes_unchecked(box, sandbox, backend):
    """The look-up fails (the server's answer to it is an error): a name cannot wait in the queue unresolved
    (69); an address of the organisation goes as before this check, and standard error says it was not checked."""
    sandbox.faults.inject("ResolveNames" if backend != "graph" else "ListPeople", "drop_before_commit", count=100)
    reply, _ = ask(box, desk_of(box), "send", "--to", "Carol", "--subject", "offline name")
    _refused_and_nothing_queued(box, reply, sc.EX_UNAVAILABLE)
    assert "“Carol” is a name, and the organisation's directory could not be asked" in reply.err

    sent, _ = ask(box, desk_of(box), "send", "--to", UNKNOWN, "--subject", "unchecked", "--json")
    assert sent.exit == sc.EX_OK, sent
    assert sent.err.startswith("The recipients in the organisation's own domains were not checked against its "
                               "directory (") and UNKNOWN not in sent.err, sent.err
    assert len(sent.err.splitlines()) == 1, "one line of words (cron mails it)"


@every_backend
def test_a_group_of_the_organisation_is_one_the_check_knows(services, sandbox, backend, tmp_path):
    """sales@ is a group, not a person: the check asks the address book (EWS ResolveNames; Graph ``/users`` and
    ``/groups``, the organisation having granted them), which knows it, and the message goes."""
    if backend == "graph":
        granted = [*DEFAULT_PERMISSIONS, "User.ReadBasic.All", "GroupMember.Read.All"]
        svc = services.graph(ALICE, tokens=lambda force: sandbox.authority.access_token_for(ALICE, permissions=granted))
    else:
        svc = services.make()
    box = Box(svc, tmp_path / "granted.sqlite3")
    try:
        reply, _ = ask(box, desk_of(box), "send", "--to", "sales@example.com", "--subject", "to the group", "--json")
        assert reply.exit == sc.EX_OK, reply
        mid = json.loads(reply.out)["message_id"]
        settle(sandbox)
        assert count(sandbox, "inbox", email="ivan@example.com", mid=mid) == 1
    finally:
        box.close()
