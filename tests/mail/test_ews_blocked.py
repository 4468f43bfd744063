"""EWS retirement: Exchange Online's EWS block (HTTP 403 + ``X-EWS-Policy-Reason``, app/mail/ews/retirement.py)
reaches the user as EwsBlocked (code ``ErrorEwsBlockedUseGraph``, kind AUTH): told what happened, offered
Graph for the same address, and a send waiting in the queue is parked, not failed.

Real exchangelib (EwsMailService) against the real sandbox, whose ``"ews"`` user setting / ``set_ews``
serves the block (app/sandbox/ews/blocked.py). EWS only by nature; the Graph service appears only to show
that the same address works there."""

from __future__ import annotations

import pytest
import requests
from exchangelib import errors as xe

from app.core.outbox.submission import SubState
from app.domain.explain import describe, ews_blocked_message, server_reason
from app.domain.models import ErrorKind
from app.mail.errors import EWS_BLOCKED, AuthFailed, EwsBlocked, ItemFailed, MalformedResponse, is_ews_blocked
from app.mail.ews.connection import DispatchRetryPolicy
from app.mail.ews.errors import map_error
from app.mail.ews.retirement import EwsPolicyRefusal, policy_reason, soap_says_blocked
from app.sandbox.sandbox import DEFAULT_USERS
from tests.helpers.backends import ALICE, BOB
from tests.helpers.drafts import simple_draft
from tests.helpers.mail_services import Services
from tests.mail.outbox_harness import count

DISABLED = "EWS is disabled for this user or tenant"
POLICY = "EWS is blocked by policy for this user or tenant"
BUILD = "15.1.2507.6"


def _users(**ews):
    """The default sandbox users, with ``"ews"`` set for some (keyed by the local part: alice=False)."""
    return [dict(u, ews=ews[u["email"].split("@")[0]]) if u["email"].split("@")[0] in ews else dict(u)
            for u in DEFAULT_USERS]


def _expect_blocked(err: BaseException, address: str, reason: str):
    assert isinstance(err, EwsBlocked) and is_ews_blocked(err)
    assert err.code == EWS_BLOCKED == "ErrorEwsBlockedUseGraph"
    assert err.kind == ErrorKind.AUTH
    assert not isinstance(err, AuthFailed)  # the password is not the problem: no password prompt
    assert err.address == address and err.reason == reason
    assert err.message == (f"Exchange Online no longer accepts EWS for {address} ({reason}). Sign in with "
                           "Microsoft 365 to keep using this mailbox: nothing waiting to be sent is lost.")


@pytest.mark.parametrize("cached_build", ["", BUILD], ids=["version-probe", "cached-build"])
def test_connect_to_a_blocked_mailbox_says_so_and_nothing_else_is_tried(sandbox_factory, cached_build):
    sb = sandbox_factory(users=_users(alice=False))
    s = Services(sb)
    try:
        with pytest.raises(EwsBlocked) as e:
            s.ews(ALICE, server_build=cached_build).connect()
        _expect_blocked(e.value, ALICE, DISABLED)
        assert sb.request_log == ["(ews blocked)"]  # the first request is refused; nothing else is tried
        assert s.ews(BOB).connect().build == BUILD  # another mailbox on the same server is not affected
    finally:
        s.close()


def test_a_wrong_password_is_still_a_wrong_password(sandbox_factory):
    """Exchange Online authenticates before it applies the EWS policy: 401 first, as before."""
    sb = sandbox_factory(users=_users(alice=False))
    s = Services(sb)
    try:
        with pytest.raises(AuthFailed) as e:
            s.ews(ALICE, password="not-the-password").connect()
        assert not is_ews_blocked(e.value)
    finally:
        s.close()


def test_save_after_ews_was_blocked_mid_session(sandbox, services):
    svc = services.ews(ALICE)
    svc.connect()
    first = svc.save_draft(simple_draft("before the block"))
    sandbox.set_ews(ALICE, False)
    with pytest.raises(EwsBlocked) as e:
        svc.save_draft(simple_draft("after the block"))
    _expect_blocked(e.value, ALICE, DISABLED)
    with pytest.raises(EwsBlocked):
        svc.save_draft(first.copy(subject="changed after the block"))
    assert [i["subject"] for i in sandbox.mailbox(ALICE).items("drafts")] == ["before the block"]
    sandbox.set_ews(ALICE, True)  # an administrator allows it again: the same service works on
    assert svc.save_draft(simple_draft("allowed again")).ref is not None


def test_send_blocked_by_an_application_policy(sandbox, services):
    svc = services.ews(ALICE)
    saved = svc.save_draft(simple_draft("held back"))
    sandbox.set_ews(ALICE, "policy")
    with pytest.raises(EwsBlocked) as e:
        svc.send_drafts([saved.ref])
    _expect_blocked(e.value, ALICE, POLICY)
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "drafts") == 1  # nothing sent, nothing lost


def test_the_same_address_works_over_graph(sandbox_factory):
    """What the user is offered: Graph sign-in for the same mailbox, which Exchange Online still serves."""
    sb = sandbox_factory(users=_users(alice=False), graph=True)
    s = Services(sb)
    try:
        with pytest.raises(EwsBlocked):
            s.ews(ALICE).connect()
        g = s.graph(ALICE)
        g.connect()
        assert g.save_draft(simple_draft("over Graph")).ref is not None
    finally:
        s.close()


def test_a_queued_send_is_parked_not_failed_and_goes_out_once_allowed(box, sandbox):
    saved = box.save(simple_draft("parked by the EWS block"))
    sandbox.set_ews(ALICE, False)
    sub = box.send(saved, final=False)
    assert sub.state == SubState.QUEUED and box.ob.queue.parked(sub) and box.ob.queue.needs_sign_in
    assert box.ob.rows()[0].text == "Waiting for sign-in"
    assert box.journal.count() == 1  # still waiting to be sent: nothing lost
    assert count(sandbox, "inbox", email=BOB) == 0 and count(sandbox, "drafts") == 1
    sandbox.set_ews(ALICE, True)
    box.ob.hand.signed_in()
    assert box.run(box.ob.wait(sub.local_id)).state == SubState.SENT
    assert count(sandbox, "inbox", email=BOB) == 1 and box.journal.count() == 0


# ---------------- recognising the answer (no server needed) ----------------

def _response(status: int, headers: dict, body: bytes = b"") -> requests.Response:
    r = requests.Response()
    r.status_code, r._content, r.url = status, body, "https://outlook.office365.com/EWS/Exchange.asmx"
    r.headers.update(headers)
    return r


def _raised(response) -> BaseException | None:
    try:
        DispatchRetryPolicy("carol@example.com").raise_response_errors(response)
    except Exception as exc:  # noqa: BLE001
        return exc
    return None


@pytest.mark.parametrize("name", ["X-EWS-Policy-Reason", "x-ews-policy-reason", "X-EWS-Block-Reason",
                                  "X-EWS-Policy"])
def test_a_403_with_the_policy_header_or_a_like_one_is_the_block(name):
    exc = _raised(_response(403, {name: DISABLED}))
    assert isinstance(exc, EwsPolicyRefusal)
    _expect_blocked(map_error(exc), "carol@example.com", DISABLED)


@pytest.mark.parametrize("status,headers", [
    (403, {}),  # Microsoft: "a 403 status alone does not establish" an EWS block
    (403, {"X-BEServer": "MW4PR20MB5591", "X-Reason": "something"}),
    (500, {"X-EWS-Policy-Reason": DISABLED}),
])
def test_anything_else_is_not_the_block(status, headers):
    err = map_error(_raised(_response(status, headers, b"<html>Forbidden</html>")))
    assert isinstance(err, MalformedResponse) and not is_ews_blocked(err)
    assert policy_reason(status, requests.structures.CaseInsensitiveDict(headers)) is None


def test_an_empty_reason_is_still_the_block():
    err = map_error(_raised(_response(403, {"X-EWS-Policy-Reason": ""})))
    assert isinstance(err, EwsBlocked) and err.kind == ErrorKind.AUTH and err.reason == ""
    assert "EWS for carol@example.com (no reason given)." in err.message


def test_the_server_reason_is_untrusted_capped_and_cleaned():
    hostile = "EWS\x1b[31m is \u202edisabled\u200b\x00 " + "x" * 5000
    err = map_error(_raised(_response(403, {"X-EWS-Policy-Reason": hostile})))
    assert isinstance(err, EwsBlocked) and len(err.reason) <= 160 and err.reason.endswith("…")
    assert not any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in err.message)
    clean = server_reason(hostile)
    assert "\u202e" not in clean and "\u200b" not in clean and "\x1b" not in clean and len(clean) == 160
    assert ews_blocked_message("", "") == ("Exchange Online no longer accepts EWS for this mailbox (no reason "
                                           "given). Sign in with Microsoft 365 to keep using this mailbox: "
                                           "nothing waiting to be sent is lost.")
    assert describe(EWS_BLOCKED) == ("Exchange Online no longer accepts EWS for this mailbox; sign in with "
                                     "Microsoft 365 (ErrorEwsBlockedUseGraph)")


@pytest.mark.parametrize("code,text,blocked", [
    ("ErrorAccessDenied", "EWS is disabled for this user or tenant.", True),
    ("ErrorAccessDenied", "Access to Exchange Web Services is blocked by policy.", True),
    ("ErrorAccessDenied", "Exchange Web Services are not enabled for this mailbox.", True),
    ("ErrorNoRespondingCASInDestinationSite", "EWS is disabled for the mailbox.", True),
    ("ErrorAccessDenied", "Access is denied. Check credentials and try again.", False),
    ("ErrorAccessDenied", "The user doesn't have permission on the folder.", False),
    ("ErrorItemNotFound", "EWS is disabled for this user or tenant.", False),
])
def test_a_soap_error_counts_only_when_its_message_says_ews_is_blocked(code, text, blocked):
    assert soap_says_blocked(code, text) is blocked
    exc = getattr(xe, code)(text)
    err = map_error(exc, address="dave@example.com")
    if blocked:
        assert isinstance(err, EwsBlocked) and err.address == "dave@example.com" and err.kind == ErrorKind.AUTH
    else:
        assert isinstance(err, ItemFailed) and err.code == code and not is_ews_blocked(err)
