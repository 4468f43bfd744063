"""Issue 50: a sign-in authority whose certificate the system does not trust gets the fingerprint question
EWS has, never a silent trust. Real MSAL against the sandbox's authority over HTTPS with its self-made
certificate, given to Dispatch as a pin (the SHA-256 the user trusted), not as a CA file; the browser step is
a plain httpx client that fills in the consent page and posts its answer to the app's loopback listener."""

from __future__ import annotations

import httpx
import pytest

from app.mail.errors import TlsFailed
from app.mail.graph.signin import GraphSignIn, SignInSettings
from app.sandbox import DEFAULT_USERS
from app.sandbox.authority import Authority
from app.storage.settings import same_fingerprint
from tests.authority.helpers import FakeClock, browser, form_of, sign_in

ALICE, PW = "alice@example.com", "alice-sandbox-pw"
CLIENT_ID = "5f1d7a8e-0c3b-4d8e-9a61-3e2b7c9d4f10"


@pytest.fixture
def started():
    auths = []

    def start(port: int = 0) -> Authority:
        auth = Authority(DEFAULT_USERS, clock=FakeClock(), port=port).start()
        auths.append(auth)
        return auth

    yield start
    for auth in auths:
        auth.stop()


def signin_for(auth: Authority, pin: str = "") -> GraphSignIn:
    """What the Microsoft 365 page builds for an authority the user typed: no CA file, the system's trust
    (or exactly the pinned certificate)."""
    return GraphSignIn(ALICE, SignInSettings.from_dict({"client_id": CLIENT_ID, "authority": auth.authority_url,
                                                        "authority_pin_sha256": pin}))


def sign_in_by_browser(auth: Authority, signin: GraphSignIn):
    pending = signin.begin_interactive(timeout=30)
    try:
        with browser(auth) as b:
            answer = sign_in(b, pending.url, "alice", PW)
        target, fields = form_of(answer.text)
        with httpx.Client(trust_env=False, timeout=20) as plain:
            plain.post(target, data=fields)
        return pending.result(timeout=20)
    finally:
        pending.cancel()


def test_an_untrusted_authority_is_refused_with_its_fingerprint_then_trusted_by_pin_then_a_new_cert_refused(started):
    auth = started()
    # the system does not trust the self-made certificate: refused, naming its SHA-256 for the question
    with pytest.raises(TlsFailed) as refused:
        signin_for(auth).begin_interactive(timeout=5)
    assert same_fingerprint(refused.value.fingerprint, auth.cert_sha256)
    assert not auth.request_log, "nothing reached the authority before the question"
    # the user trusts exactly that certificate: the sign-in works, and so does the token refresh
    trusted = signin_for(auth, pin=refused.value.fingerprint)
    who = sign_in_by_browser(auth, trusted)
    assert who.username == ALICE
    assert auth.verify_access_token(trusted.token_provider(force_refresh=True))["upn"] == ALICE
    # later the server presents another certificate (same address): refused again with the new fingerprint
    port = auth.port
    auth.stop()
    other = started(port=port)
    assert other.authority_url == auth.authority_url and not same_fingerprint(other.cert_sha256, auth.cert_sha256)
    with pytest.raises(TlsFailed) as changed:
        signin_for(other, pin=refused.value.fingerprint).begin_interactive(timeout=5)
    assert same_fingerprint(changed.value.fingerprint, other.cert_sha256)
    assert not other.request_log


def test_a_pin_is_exactly_one_certificate_not_trust_in_general(started):
    """A pin of another certificate does not let the authority's through (no CA-style fallback)."""
    auth, unrelated = started(), started()
    with pytest.raises(TlsFailed) as refused:
        signin_for(auth, pin=unrelated.cert_sha256).begin_interactive(timeout=5)
    assert same_fingerprint(refused.value.fingerprint, auth.cert_sha256)
