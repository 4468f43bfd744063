"""Issue 75: an account set to Automatic signs in by the server's offer (app/mail/ews/auth.py), through the real
exchangelib, requests_ntlm and requests_gssapi against the sandbox's IIS-like Windows authentication
(app/sandbox/windows_auth.py) and a real MIT KDC (tests/helpers/kdc.py): lists Drafts, saves one, sends it once.
Every refusal is said as what it is (a method the server does not offer, no Kerberos ticket, Extended Protection,
the password), kind AUTH, and after one probe and one refused request: nothing is tried again by itself."""

from __future__ import annotations

import pytest

from app.domain.account import AccountConfig, AuthType
from app.domain.models import Draft, ErrorKind, Folder, OutcomeStatus, Recipient
from app.mail.errors import AuthFailed, ExtendedProtectionMismatch, NoKerberosTicket, WrongAuthMethod
from app.mail.ews import EwsMailService

ALICE, BOB = "alice@example.com", "bob@example.com"

#: (served methods, Extended Protection): the issue's modes
MODES = [
    (("basic",), "off"),
    (("ntlm",), "require"),
    (("negotiate",), "require"),
    (("negotiate", "ntlm"), "require"),
]


@pytest.fixture
def connect(sandbox_factory):
    made = []

    def make(sb, auth_type=AuthType.AUTOMATIC, password=None):
        info = next(a for a in sb.accounts if a["email"] == ALICE)
        cfg = AccountConfig(email=ALICE, ews_url=sb.ews_url, username=info["username"], auth_type=auth_type,
                            pinned_cert_sha256=sb.cert_sha256 or "")
        svc = EwsMailService(cfg, info["password"] if password is None else password, timeout=10)
        made.append(svc)
        return svc

    yield make
    for svc in made:
        svc.close()


def _serve(sandbox_factory, methods, ep, kdc=None):
    options = {"host": "localhost", "tls": True, "auth_methods": methods, "extended_protection": ep}
    if "negotiate" in methods:
        options["keytab"] = str(kdc.keytab)
    return sandbox_factory(**options)


@pytest.mark.parametrize("methods, ep", MODES, ids=["+".join(m) + "-ep-" + e for m, e in MODES])
def test_automatic_signs_in_lists_drafts_and_sends_once(sandbox_factory, connect, request, methods, ep):
    kdc = request.getfixturevalue("kdc_realm") if "negotiate" in methods else None
    sb = _serve(sandbox_factory, methods, ep, kdc)
    svc = connect(sb)
    info = svc.connect()
    assert info.auth_used == ("kerberos" if "negotiate" in methods else methods[0])
    if "negotiate" in methods:
        assert info.signed_in_as == "alice@DISPATCH.TEST"
    svc.list_messages(Folder.DRAFTS, 0, 10)
    saved = svc.save_draft(Draft(to=[Recipient(BOB)], subject=f"over {methods[0]}", body="hi"))
    outcome, = svc.send_drafts([saved.ref])
    assert outcome.status == OutcomeStatus.SENT, outcome
    assert sb.mailbox(BOB).count("inbox") == 1


def test_a_basic_account_against_an_ntlm_server_is_told_to_switch(sandbox_factory, connect):
    sb = _serve(sandbox_factory, ("ntlm",), "off")
    with pytest.raises(WrongAuthMethod) as refused:
        connect(sb, AuthType.BASIC).connect()
    assert refused.value.kind == ErrorKind.AUTH and "ntlm" in refused.value.offered
    assert "Windows sign-in (NTLM/Kerberos), not a plain password" in str(refused.value.message)
    assert connect(sb, AuthType.AUTOMATIC).connect().auth_used == "ntlm"  # the switch: it connects


def test_an_ntlm_account_against_a_basic_server_is_told_to_switch(sandbox_factory, connect):
    sb = _serve(sandbox_factory, ("basic",), "off")
    with pytest.raises(WrongAuthMethod) as refused:
        connect(sb, AuthType.NTLM).connect()
    assert "plain password, not Windows sign-in" in str(refused.value.message)


@pytest.mark.parametrize("methods", [("ntlm",), ("basic",)])
def test_a_wrong_password_is_said_as_such(sandbox_factory, connect, methods):
    sb = _serve(sandbox_factory, methods, "off")
    with pytest.raises(AuthFailed) as refused:
        connect(sb, password="not-the-password").connect()
    assert type(refused.value) is AuthFailed and "user name or password" in str(refused.value.message)


def test_negotiate_only_without_a_ticket_says_kinit(sandbox_factory, connect, kdc_realm, monkeypatch, tmp_path):
    sb = _serve(sandbox_factory, ("negotiate",), "off", kdc_realm)
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{tmp_path / 'none'}")  # the user's ccache: empty (an env var, no mock)
    with pytest.raises(NoKerberosTicket) as refused:
        connect(sb).connect()
    assert "run kinit, or sign in to your desktop session again" in str(refused.value.message)
    assert not refused.value.expired and refused.value.kind == ErrorKind.AUTH


def test_negotiate_only_with_an_expired_ticket_says_it_expired(sandbox_factory, connect, kdc_realm, monkeypatch,
                                                               tmp_path):
    """A real ticket, aged by the KDC's clock (tests/helpers/kdc.py): its own words, not "no ticket"."""
    sb = _serve(sandbox_factory, ("negotiate",), "off", kdc_realm)
    ccache = kdc_realm.expired_ticket(tmp_path / "expired")
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{ccache}")
    with pytest.raises(NoKerberosTicket) as refused:
        connect(sb).connect()
    assert refused.value.expired and refused.value.kind == ErrorKind.AUTH
    assert "Your Kerberos ticket has expired: run kinit" in str(refused.value.message)


def test_negotiate_with_a_ticket_for_ntlm_too_falls_back_to_ntlm(sandbox_factory, connect, kdc_realm, monkeypatch,
                                                                 tmp_path):
    sb = _serve(sandbox_factory, ("negotiate", "ntlm"), "require", kdc_realm)
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{tmp_path / 'none'}")
    assert connect(sb).connect().auth_used == "ntlm"


@pytest.fixture
def tls_proxy(tmp_path):
    """A TLS-terminating proxy (its own certificate) in front of a TLS sandbox, as a load balancer that decrypts
    and encrypts again: what Extended Protection is there to refuse (tests/helpers/tls_proxy.py)."""
    from tests.helpers.tls_proxy import TlsProxy

    proxies = []

    def make(sb):
        proxy = TlsProxy(tmp_path, "localhost", sb.port)
        proxies.append(proxy)
        return proxy

    yield make
    for proxy in proxies:
        proxy.stop()


def test_kerberos_through_a_tls_terminating_proxy_is_said_as_extended_protection(sandbox_factory, kdc_realm,
                                                                                tls_proxy):
    sb = _serve(sandbox_factory, ("negotiate",), "require", kdc_realm)
    proxy = tls_proxy(sb)
    url = sb.ews_url.replace(f":{sb.port}/", f":{proxy.port}/")
    cfg = AccountConfig(email=ALICE, ews_url=url, username="alice", auth_type=AuthType.AUTOMATIC,
                        pinned_cert_sha256=proxy.cert_sha256)
    svc = EwsMailService(cfg, "", timeout=10)
    try:
        with pytest.raises(ExtendedProtectionMismatch) as refused:
            svc.connect()
    finally:
        svc.close()
    assert "Extended Protection does not match" in str(refused.value.message)
    assert proxy.connections >= 1  # it went through the proxy
