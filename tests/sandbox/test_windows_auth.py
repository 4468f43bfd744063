"""The sandbox speaks Windows authentication as IIS does in front of Exchange (app/sandbox/windows_auth.py):
NTLM over one kept-alive connection, Negotiate with real Kerberos tickets from a real MIT KDC
(tests/helpers/kdc.py), and Extended Protection (channel binding) off, allow or require. Every client here is a
real library over real HTTP: exchangelib (its NTLM is requests_ntlm, its GSSAPI requests_gssapi), requests_ntlm,
requests_gssapi, and pyspnego's own client over http.client where a test needs one leg at a time."""

from __future__ import annotations

import base64
import http.client
import ssl

import pytest
import requests
from exchangelib import GSSAPI, NTLM, DELEGATE, Account, Build, Configuration, Credentials, Message, Version
from exchangelib.protocol import BaseProtocol, close_connections


ALICE = "alice@example.com"
RESOLVE = (b'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
           b'xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" '
           b'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><s:Header>'
           b'<t:RequestServerVersion Version="Exchange2016"/></s:Header><s:Body>'
           b'<m:ResolveNames ReturnFullContactData="false"><m:UnresolvedEntry>alice</m:UnresolvedEntry>'
           b'</m:ResolveNames></s:Body></s:Envelope>')
HEADERS = {"Content-Type": "text/xml; charset=utf-8"}


@pytest.fixture
def trust(sandbox_factory):
    """exchangelib trusting a TLS sandbox's own certificate (its adapter class; put back at the end)."""
    saved = BaseProtocol.HTTP_ADAPTER_CLS

    def trust_cert(sb):
        class TrustSandboxCert(requests.adapters.HTTPAdapter):
            def send(self, request, **kwargs):
                kwargs["verify"] = sb.cert_path
                return super().send(request, **kwargs)
        BaseProtocol.HTTP_ADAPTER_CLS = TrustSandboxCert

    yield trust_cert
    BaseProtocol.HTTP_ADAPTER_CLS = saved
    close_connections()


def account(sb, auth_type, password=None):
    user = next(u for u in sb.accounts if u["email"] == ALICE)
    credentials = None if auth_type == GSSAPI else Credentials(user["email"], password or user["password"])
    config = Configuration(service_endpoint=sb.ews_url, credentials=credentials, auth_type=auth_type,
                           version=Version(build=Build(15, 1, 2507, 6)), max_connections=1)
    return Account(ALICE, config=config, autodiscover=False, access_type=DELEGATE)


def save_draft(acc, subject: str) -> None:
    Message(account=acc, folder=acc.drafts, subject=subject, body="signed in").save()


def offers(response) -> list[str]:
    """The WWW-Authenticate headers one by one, as sent (requests joins them with commas)."""
    return response.raw.headers.getlist("WWW-Authenticate")


# ---------------- NTLM ----------------

def test_exchangelib_with_ntlm_signs_in_and_saves_a_draft(sandbox_factory):
    sb = sandbox_factory(auth_methods=("ntlm",))
    acc = account(sb, NTLM)
    save_draft(acc, "Over NTLM")
    assert [i["subject"] for i in sb.mailbox(ALICE).items("drafts")] == ["Over NTLM"]
    assert acc.drafts.all().count() == 1


def test_a_wrong_ntlm_password_is_refused(sandbox_factory):
    sb = sandbox_factory(auth_methods=("ntlm",))
    from requests_ntlm import HttpNtlmAuth

    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, auth=HttpNtlmAuth(ALICE, "not-the-password"),
                      timeout=10)
    assert r.status_code == 401
    assert offers(r) == ["NTLM"]


@pytest.mark.parametrize("login", ["EXAMPLE\\alice", "alice@example.com", "ALICE@EXAMPLE.COM"])
def test_ntlm_signs_in_with_the_domain_or_the_address(sandbox_factory, login):
    from requests_ntlm import HttpNtlmAuth

    sb = sandbox_factory(auth_methods=("ntlm",))
    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, auth=HttpNtlmAuth(login, "alice-sandbox-pw"),
                      timeout=10)
    assert r.status_code == 200


def test_the_ntlm_user_file_lives_while_an_ntlm_sandbox_runs(sandbox_factory):
    """pyspnego's acceptor reads NTLM_USER_FILE; the sandbox writes it (0600) and takes it away at its stop."""
    import os
    import stat

    sb = sandbox_factory(auth_methods=("ntlm",), users=[
        {"email": "erin@corp.test", "password": "erin-pw"}, {"email": "colon@corp.test", "password": "a:b"}])
    path = os.environ["NTLM_USER_FILE"]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert lines == [":erin@corp.test:erin-pw", "CORP:erin:erin-pw"]  # a colon cannot be written: left out
    sb.stop()
    assert not os.path.exists(path) and "NTLM_USER_FILE" not in os.environ


def test_malformed_tokens_get_401_and_the_connection_goes_on(sandbox_factory):
    """A NEGOTIATE cut short (pyspnego's parser raises struct.error), an AUTHENTICATE cut short, a token that is
    not base64: each is a 401 with the offer on a connection that still answers; then a whole handshake on it."""
    import spnego

    sb = sandbox_factory(auth_methods=("ntlm",))
    conn = http.client.HTTPConnection("127.0.0.1", sb.port, timeout=10)
    negotiate = spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm").step()
    for token in (base64.b64encode(negotiate[:10]).decode(), "not base64!", ""):
        r = _post(conn, f"NTLM {token}")
        assert (r.status, r.getheader("WWW-Authenticate")) == (401, "NTLM")
    client = spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm")
    first = _post(conn, "NTLM " + base64.b64encode(client.step()).decode())
    authenticate = client.step(base64.b64decode(first.getheader("WWW-Authenticate")[5:]))
    cut = _post(conn, "NTLM " + base64.b64encode(authenticate[:40]).decode())
    assert (cut.status, cut.getheader("WWW-Authenticate")) == (401, "NTLM")
    assert _ntlm_handshake(conn, spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm")).status == 200
    conn.close()


def test_a_client_that_starts_over_mid_handshake_gets_a_new_challenge(sandbox_factory):
    import spnego

    sb = sandbox_factory(auth_methods=("ntlm",))
    conn = http.client.HTTPConnection("127.0.0.1", sb.port, timeout=10)
    abandoned = spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm")
    assert _post(conn, "NTLM " + base64.b64encode(abandoned.step()).decode()).status == 401
    assert _ntlm_handshake(conn, spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm")).status == 200
    conn.close()


def test_basic_against_ntlm_only_gets_401_with_the_offer(sandbox_factory):
    sb = sandbox_factory(auth_methods=("ntlm",))
    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, auth=(ALICE, "alice-sandbox-pw"), timeout=10)
    assert r.status_code == 401
    assert offers(r) == ["NTLM"]  # no Basic


def test_all_three_are_offered_in_iis_order(sandbox_factory):
    sb = sandbox_factory(auth_methods=("basic", "ntlm"))
    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, timeout=10)
    assert r.status_code == 401
    assert offers(r) == ["NTLM", f'Basic realm="{sb.realm}"']
    ok = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, auth=(ALICE, "alice-sandbox-pw"), timeout=10)
    assert ok.status_code == 200


def test_the_default_sandbox_offers_basic_alone(sandbox):
    r = requests.post(sandbox.ews_url, data=RESOLVE, headers=HEADERS, timeout=10)
    assert r.status_code == 401
    assert offers(r) == [f'Basic realm="{sandbox.realm}"']


def _post(conn, authorization=None):
    headers = dict(HEADERS)
    if authorization:
        headers["Authorization"] = authorization
    conn.request("POST", "/EWS/Exchange.asmx", body=RESOLVE, headers=headers)
    r = conn.getresponse()
    r.read()
    return r


def _ntlm_handshake(conn, client) -> http.client.HTTPResponse:
    """NTLM's three legs on ``conn`` with a pyspnego client: NEGOTIATE, the CHALLENGE in the 401, AUTHENTICATE."""
    first = _post(conn, "NTLM " + base64.b64encode(client.step()).decode())
    assert first.status == 401
    challenge = first.getheader("WWW-Authenticate")
    assert challenge.startswith("NTLM ")
    token = client.step(base64.b64decode(challenge[5:]))
    return _post(conn, "NTLM " + base64.b64encode(token).decode())


def test_ntlm_signs_in_the_connection_once(sandbox_factory):
    """The three legs on one kept-alive connection; afterwards its requests carry no Authorization and are not
    challenged; another connection is."""
    import spnego

    sb = sandbox_factory(auth_methods=("ntlm",))
    conn = http.client.HTTPConnection("127.0.0.1", sb.port, timeout=10)
    signed_in = _ntlm_handshake(conn, spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm"))
    assert signed_in.status == 200
    for _ in range(3):
        assert _post(conn).status == 200  # same connection, no Authorization: still Alice
    other = http.client.HTTPConnection("127.0.0.1", sb.port, timeout=10)
    refused = _post(other)
    assert refused.status == 401 and refused.getheader("WWW-Authenticate") == "NTLM"
    conn.close()
    other.close()


# ---------------- Negotiate (Kerberos) ----------------

def test_exchangelib_with_kerberos_signs_in_and_saves_a_draft(sandbox_factory, kdc_realm):
    sb = sandbox_factory(host="localhost", auth_methods=("negotiate",), keytab=str(kdc_realm.keytab))
    acc = account(sb, GSSAPI)
    save_draft(acc, "Over Kerberos")
    assert [i["subject"] for i in sb.mailbox(ALICE).items("drafts")] == ["Over Kerberos"]


def test_requests_gssapi_gets_the_mutual_authentication_token(sandbox_factory, kdc_realm):
    from requests_gssapi import REQUIRED, HTTPSPNEGOAuth

    sb = sandbox_factory(host="localhost", auth_methods=("negotiate",), keytab=str(kdc_realm.keytab))
    with requests.Session() as s:
        s.auth = HTTPSPNEGOAuth(mutual_authentication=REQUIRED)  # fails unless the 200 carries the server's token
        r = s.post(sb.ews_url, data=RESOLVE, headers=HEADERS, timeout=10)
        assert r.status_code == 200
        assert r.headers["WWW-Authenticate"].startswith("Negotiate ")


def test_basic_against_windows_auth_gets_both_offers_in_iis_order(sandbox_factory, kdc_realm):
    sb = sandbox_factory(host="localhost", auth_methods=("ntlm", "negotiate"), keytab=str(kdc_realm.keytab))
    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, auth=(ALICE, "alice-sandbox-pw"), timeout=10)
    assert r.status_code == 401
    assert offers(r) == ["Negotiate", "NTLM"]  # IIS's order; no Basic


def _kerberos_token(application_data: bytes | None = None) -> str:
    """A Negotiate header for HTTP@localhost from Alice's ticket (SPNEGO, as browsers and requests_gssapi send),
    bound to ``application_data`` when given."""
    import gssapi
    from gssapi.raw import ChannelBindings

    kw = {} if application_data is None else {"channel_bindings": ChannelBindings(application_data=application_data)}
    ctx = gssapi.SecurityContext(name=gssapi.Name("HTTP@localhost", gssapi.NameType.hostbased_service),
                                 mech=gssapi.Mechanism.from_sasl_name("SPNEGO"), usage="initiate", **kw)
    return "Negotiate " + base64.b64encode(ctx.step()).decode()


def test_kerberos_signs_in_the_connection_once(sandbox_factory, kdc_realm):
    sb = sandbox_factory(host="localhost", auth_methods=("negotiate",), keytab=str(kdc_realm.keytab))
    conn = http.client.HTTPConnection("localhost", sb.port, timeout=10)
    assert _post(conn, _kerberos_token()).status == 200
    for _ in range(3):
        assert _post(conn).status == 200  # same connection, no Authorization: still Alice
    other = http.client.HTTPConnection("localhost", sb.port, timeout=10)
    assert _post(other).status == 401
    conn.close()
    other.close()


def test_a_negotiate_token_that_is_no_ticket_is_refused(sandbox_factory, kdc_realm):
    sb = sandbox_factory(host="localhost", auth_methods=("negotiate",), keytab=str(kdc_realm.keytab))
    r = requests.post(sb.ews_url, data=RESOLVE, headers={**HEADERS, "Authorization": "Negotiate "
                      + base64.b64encode(b"\x60\x03\x06\x01\x00").decode()}, timeout=10)
    assert r.status_code == 401 and offers(r) == ["Negotiate"]


# ---------------- Extended Protection ----------------

def _tls_conn(sb):
    ctx = ssl.create_default_context(cafile=sb.cert_path)
    return http.client.HTTPSConnection("localhost", sb.port, context=ctx, timeout=10)


def test_require_accepts_exchangelib_ntlm_with_the_binding(sandbox_factory, trust):
    sb = sandbox_factory(host="localhost", tls=True, auth_methods=("ntlm",), extended_protection="require")
    trust(sb)
    save_draft(account(sb, NTLM), "Bound NTLM")  # requests_ntlm sends tls-server-end-point over https
    assert [i["subject"] for i in sb.mailbox(ALICE).items("drafts")] == ["Bound NTLM"]


@pytest.mark.parametrize("mode, signed_in", [("require", False), ("allow", True), ("off", True)])
def test_ntlm_without_a_binding(sandbox_factory, mode, signed_in):
    """requests_ntlm told not to send the binding (send_cbt=False), over https."""
    from requests_ntlm import HttpNtlmAuth

    sb = sandbox_factory(host="localhost", tls=True, auth_methods=("ntlm",), extended_protection=mode)
    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, verify=sb.cert_path, timeout=10,
                      auth=HttpNtlmAuth(ALICE, "alice-sandbox-pw", send_cbt=False))
    assert r.status_code == (200 if signed_in else 401)


@pytest.mark.parametrize("mode, signed_in", [("require", False), ("allow", False), ("off", True)])
def test_ntlm_with_another_channels_binding(sandbox_factory, mode, signed_in):
    """A binding to another certificate (a relay's): refused unless Extended Protection is off."""
    import spnego
    from spnego.channel_bindings import GssChannelBindings

    sb = sandbox_factory(host="localhost", tls=True, auth_methods=("ntlm",), extended_protection=mode)
    relay = GssChannelBindings(application_data=b"tls-server-end-point:" + b"\x01" * 32)
    conn = _tls_conn(sb)
    r = _ntlm_handshake(conn, spnego.client(ALICE, "alice-sandbox-pw", protocol="ntlm", channel_bindings=relay))
    assert r.status == (200 if signed_in else 401)
    conn.close()


@pytest.mark.parametrize("mode, signed_in", [("require", False), ("allow", True), ("off", True)])
def test_kerberos_without_a_binding(sandbox_factory, trust, kdc_realm, mode, signed_in):
    """exchangelib's GSSAPI sends no channel binding."""
    from exchangelib.errors import UnauthorizedError

    sb = sandbox_factory(host="localhost", tls=True, auth_methods=("negotiate",), keytab=str(kdc_realm.keytab),
                         extended_protection=mode)
    trust(sb)
    if signed_in:
        save_draft(account(sb, GSSAPI), "Unbound Kerberos")
    else:
        with pytest.raises(UnauthorizedError):
            save_draft(account(sb, GSSAPI), "Unbound Kerberos")
    assert len(sb.mailbox(ALICE).items("drafts")) == int(signed_in)


@pytest.mark.parametrize("mode", ["require", "allow"])
def test_kerberos_with_the_binding(sandbox_factory, kdc_realm, mode):
    from requests_gssapi import HTTPSPNEGOAuth

    sb = sandbox_factory(host="localhost", tls=True, auth_methods=("negotiate",), keytab=str(kdc_realm.keytab),
                         extended_protection=mode)
    r = requests.post(sb.ews_url, data=RESOLVE, headers=HEADERS, verify=sb.cert_path, timeout=10,
                      auth=HTTPSPNEGOAuth(channel_bindings="tls-server-end-point"))
    assert r.status_code == 200


@pytest.mark.parametrize("mode, signed_in", [("require", False), ("allow", False), ("off", True)])
def test_kerberos_with_another_channels_binding(sandbox_factory, kdc_realm, mode, signed_in):
    """A ticket bound to another certificate (a relay's): refused unless Extended Protection is off."""
    sb = sandbox_factory(host="localhost", tls=True, auth_methods=("negotiate",), keytab=str(kdc_realm.keytab),
                         extended_protection=mode)
    conn = _tls_conn(sb)
    r = _post(conn, _kerberos_token(b"tls-server-end-point:" + b"\x01" * 32))
    assert r.status == (200 if signed_in else 401)
    conn.close()


def test_extended_protection_needs_tls_and_a_windows_method(sandbox_factory):
    from app.sandbox import Sandbox

    with pytest.raises(ValueError, match="tls"):
        Sandbox(auth_methods=("ntlm",), extended_protection="require")
    with pytest.raises(ValueError, match="NTLM and Negotiate"):
        Sandbox(tls=True, auth_methods=("basic",), extended_protection="allow")
    with pytest.raises(ValueError, match="subset"):
        Sandbox(auth_methods=("digest",))


# ---------------- Autodiscover ----------------

POX = (b'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.microsoft.com/exchange/'
       b'autodiscover/outlook/requestschema/2006"><Request><EMailAddress>alice@example.com</EMailAddress>'
       b'<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a'
       b'</AcceptableResponseSchema></Request></Autodiscover>')


def _autodiscover(sb, auth=None):
    url = f"https://127.0.0.1:{sb.autodiscover.https_port}/autodiscover/autodiscover.xml"
    return requests.post(url, data=POX, headers={"Host": "autodiscover.example.com", **HEADERS}, auth=auth,
                         verify=sb.autodiscover.cert_path, timeout=10)


def test_autodiscover_answers_as_ews_does(sandbox_factory):
    """On-premises, Autodiscover sits behind the same IIS authentication as EWS."""
    from requests_ntlm import HttpNtlmAuth

    sb = sandbox_factory(auth_methods=("ntlm",), autodiscover=True)
    refused = _autodiscover(sb)
    assert refused.status_code == 401 and offers(refused) == ["NTLM"]
    found = _autodiscover(sb, HttpNtlmAuth(ALICE, "alice-sandbox-pw"))
    assert found.status_code == 200 and sb.ews_url.encode() in found.content
    assert [r.user for r in sb.autodiscover.requests if r.user] == [ALICE]


@pytest.mark.parametrize("send_cbt, status", [(True, 200), (False, 401)])
def test_autodiscover_binds_to_its_own_certificate(sandbox_factory, send_cbt, status):
    """Autodiscover's listener has a certificate of its own: under require, the binding checked is to it."""
    from requests_ntlm import HttpNtlmAuth

    sb = sandbox_factory(tls=True, auth_methods=("ntlm",), extended_protection="require", autodiscover=True)
    assert _autodiscover(sb, HttpNtlmAuth(ALICE, "alice-sandbox-pw", send_cbt=send_cbt)).status_code == status


# ---------------- the command line ----------------

def test_the_command_line_serves_ntlm_with_extended_protection():
    """``python -m app.sandbox --tls --auth ntlm --extended-protection require``, as a user starts it."""
    from requests_ntlm import HttpNtlmAuth

    from tests.helpers.sandbox_cli import start_cli, stop_cli

    proc, info = start_cli("--tls", "--auth", "ntlm", "--extended-protection", "require")
    try:
        assert info["auth"] == ["ntlm"]
        bound = requests.post(info["ews_url"], data=RESOLVE, headers=HEADERS, verify=info["cert_path"], timeout=10,
                              auth=HttpNtlmAuth(ALICE, "alice-sandbox-pw"))
        unbound = requests.post(info["ews_url"], data=RESOLVE, headers=HEADERS, verify=info["cert_path"],
                                timeout=10, auth=HttpNtlmAuth(ALICE, "alice-sandbox-pw", send_cbt=False))
        assert (bound.status_code, unbound.status_code) == (200, 401)
    finally:
        stop_cli(proc)


def test_the_command_line_serves_kerberos_with_a_keytab(kdc_realm):
    """The realm's variables are in this process's environment (the fixture), so the child has them too."""
    from requests_gssapi import HTTPSPNEGOAuth

    from tests.helpers.sandbox_cli import start_cli, stop_cli

    proc, info = start_cli("--host", "localhost", "--auth", "negotiate", "--keytab", str(kdc_realm.keytab))
    try:
        assert info["auth"] == ["negotiate"]
        r = requests.post(info["ews_url"], data=RESOLVE, headers=HEADERS, auth=HTTPSPNEGOAuth(), timeout=10)
        assert r.status_code == 200
    finally:
        stop_cli(proc)


@pytest.mark.parametrize("args, said", [
    (["--auth", "digest"], "subset of negotiate, ntlm, basic"),
    (["--auth", "ntlm", "--extended-protection", "require"], "needs tls"),
    (["--auth", "negotiate", "--keytab", "/nonexistent/http.keytab"], "no service key"),
])
def test_the_command_line_says_what_it_cannot_serve(args, said):
    import subprocess
    import sys

    from tests.helpers.kdc import gssapi_missing
    from tests.helpers.sandbox_cli import ROOT

    if "--keytab" in args and gssapi_missing():
        pytest.skip(gssapi_missing())
    done = subprocess.run([sys.executable, "-m", "app.sandbox", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and said in done.stderr and done.stdout == ""


# ---------------- hostile tokens ----------------

def _tokens():
    """Authorization values: each scheme with random bytes, with the start of a real NTLM or SPNEGO token and
    random bytes after it, or text that is not base64."""
    from hypothesis import strategies as st

    starts = st.sampled_from([b"", b"NTLMSSP\x00\x01\x00\x00\x00", b"NTLMSSP\x00\x03\x00\x00\x00",
                              b"\x60\x82\x02\x00\x06\x06\x2b\x06\x01\x05\x05\x02", b"\xa1\x82\x01\x00"])
    token = st.builds(lambda a, b: base64.b64encode(a + b).decode(), starts, st.binary(max_size=300))
    return st.one_of(st.tuples(st.sampled_from(["NTLM", "Negotiate", "Basic", "Digest", "ntlm"]), token),
                     st.tuples(st.sampled_from(["NTLM", "Negotiate"]),
                               st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=40)))


def test_a_hostile_token_is_a_401_and_the_connection_goes_on(sandbox_factory, kdc_realm):
    """A seeded fuzz: whatever comes after NTLM or Negotiate, the answer is the 401 with the offers (or NTLM's
    challenge) on a connection that still answers the next request, never a dropped connection or a 5xx."""
    from hypothesis import HealthCheck, given, seed, settings

    sb = sandbox_factory(host="localhost", auth_methods=("basic", "ntlm", "negotiate"),
                         keytab=str(kdc_realm.keytab))
    conn = http.client.HTTPConnection("localhost", sb.port, timeout=10)

    @seed(75)
    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=_tokens())
    def check(case):
        scheme, token = case
        r = _post(conn, f"{scheme} {token}".strip())
        assert r.status == 401
        offered = r.msg.get_all("WWW-Authenticate")
        assert offered == ["Negotiate", "NTLM", f'Basic realm="{sb.realm}"'] or \
            (len(offered) == 1 and offered[0].startswith("NTLM "))  # the offers, or NTLM's challenge
        assert _post(conn).status == 401  # the same connection answers again

    check()
    conn.close()
