"""Autodiscover (issue 50, "Find the server"): the real client (app/core/accounts/autodiscover.py over
app/mail/ews/autodiscover.py) against the sandbox's POX Autodiscover (app/sandbox/autodiscover.py) over https
with its self-made certificate trusted explicitly (never verify=False), every host name mapped to loopback by
the injected resolver (no real DNS). What the sandbox received is asserted: the password goes only to hosts
the user typed or confirmed."""

from __future__ import annotations

import ssl

import pytest

from app.core.accounts.autodiscover import discover
from app.domain.autodiscover import MAX_REDIRECTS, AlternateMailbox
from app.mail.ews.autodiscover import AutodiscoverTransport, MappedResolver, parse_pox

ALICE = "alice@example.com"
OTHER = ("other.test", "autodiscover.other.test", "mail.example.com", "ad.example.com")


@pytest.fixture
def sb(sandbox_factory):
    return sandbox_factory(autodiscover=True, autodiscover_names=OTHER)


def _password(sb, address=ALICE):
    return next(u["password"] for u in sb.accounts if u["email"] == address)


def _transport(sb, srv=None):
    ctx = ssl.create_default_context(cafile=sb.autodiscover.cert_path)
    return AutodiscoverTransport(MappedResolver(sb.autodiscover.hosts(), srv or {}), ctx, timeout=10)


class Asked:
    def __init__(self, answer: bool):
        self.answer = answer
        self.questions = []

    def __call__(self, q):
        self.questions.append(q)
        return self.answer


def _run(sb, *, confirm=None, srv=None, address=ALICE, password=None):
    steps = []
    confirm = confirm or Asked(False)
    out = discover(address, address, password or _password(sb, address), _transport(sb, srv),
                   confirm=confirm, on_step=steps.append)
    return out, steps, confirm


def _with_password(sb):
    """The hosts that received an Authorization header."""
    return [r.host for r in sb.autodiscover.requests if r.authorization]


def test_found_at_autodiscover_domain_after_the_domain_itself(sb):
    out, steps, asked = _run(sb)
    assert out.found and out.ews_url == sb.ews_url and not out.exchange_online
    tried = [(s.text, s.state) for s in steps]
    assert tried == [("https://example.com/autodiscover/autodiscover.xml", "trying"),
                     ("https://example.com/autodiscover/autodiscover.xml", "failed"),
                     ("https://autodiscover.example.com/autodiscover/autodiscover.xml", "trying"),
                     ("https://autodiscover.example.com/autodiscover/autodiscover.xml", "found")]
    assert "404" in steps[1].detail
    # Alice has Full Access to the shared desk: Autodiscover lists it (issue 49's From list)
    assert out.alternate_mailboxes == (AlternateMailbox("desk@example.com", "Shared Desk", "Delegate"),)
    assert asked.questions == []
    assert [(r.host, r.user) for r in sb.autodiscover.requests] == [("example.com", ALICE),
                                                                     ("autodiscover.example.com", ALICE)]


def test_found_at_the_domain_itself_first(sb):
    sb.autodiscover.set_case("example.com", "settings")
    out, steps, _ = _run(sb)
    assert out.found and out.ews_url == sb.ews_url
    assert [s.state for s in steps] == ["trying", "found"]
    assert [r.host for r in sb.autodiscover.requests] == ["example.com"]


def test_redirect_addr_in_the_same_domain_is_followed(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_addr", to=ALICE, when="a.anderson@example.com")
    steps = []
    out = discover("a.anderson@example.com", "alice", _password(sb), _transport(sb), confirm=Asked(False),
                   on_step=steps.append)
    assert out.found and out.ews_url == sb.ews_url
    assert "redirects to the address alice@example.com" in steps[3].detail
    assert [r.host for r in sb.autodiscover.requests] == [
        "example.com", "autodiscover.example.com", "example.com", "autodiscover.example.com"]


def test_redirect_url_in_the_same_domain_is_followed_without_a_question(sb):
    sb.autodiscover.set_case("ad.example.com", "settings")
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_url",
                             to="https://ad.example.com/autodiscover/autodiscover.xml")
    out, steps, asked = _run(sb)
    assert out.found and asked.questions == []
    assert steps[-1].text == "https://ad.example.com/autodiscover/autodiscover.xml" and steps[-1].state == "found"
    assert _with_password(sb) == ["example.com", "autodiscover.example.com", "ad.example.com"]


@pytest.mark.parametrize("to, asks", [("https://ad.example.com/autodiscover/autodiscover.xml", False),
                                       ("https://autodiscover.other.test/autodiscover/autodiscover.xml", True)])
def test_a_302_answer_to_the_post_is_a_redirect_url(sb, to, asks):
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=302, to=to)
    sb.autodiscover.set_case("ad.example.com", "settings")
    sb.autodiscover.set_case("autodiscover.other.test", "settings")
    out, steps, asked = _run(sb, confirm=Asked(True))
    assert out.found and out.ews_url == sb.ews_url
    assert [q.host for q in asked.questions] == (["autodiscover.other.test"] if asks else [])
    assert _with_password(sb)[-1] == to.split("/")[2]


@pytest.mark.parametrize("yes", [False, True])
def test_redirect_to_another_domain_asks_and_sends_nothing_there_unless_confirmed(sb, yes):
    sb.autodiscover.set_case("autodiscover.other.test", "settings")
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_url",
                             to="https://autodiscover.other.test/autodiscover/autodiscover.xml")
    out, steps, asked = _run(sb, confirm=Asked(yes))
    assert [(q.kind, q.host) for q in asked.questions] == [("other_domain", "autodiscover.other.test")]
    assert "autodiscover.other.test" in asked.questions[0].text
    assert out.found is yes
    hosts = [r.host for r in sb.autodiscover.requests]
    assert ("autodiscover.other.test" in hosts) is yes, hosts


def test_redirect_addr_to_another_domain_asks(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_addr", to="alice@other.test")
    out, steps, asked = _run(sb)
    assert [(q.kind, q.host) for q in asked.questions] == [("other_domain", "other.test")]
    assert not out.found
    assert not any(r.host.endswith("other.test") for r in sb.autodiscover.requests)


def test_http_redirect_is_refused_without_confirm_and_followed_with_it(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "http_redirect",
                             to="https://mail.example.com/autodiscover/autodiscover.xml")
    sb.autodiscover.set_case("mail.example.com", "settings")
    out, steps, asked = _run(sb, confirm=Asked(False))
    assert not out.found
    assert [(q.kind, q.host) for q in asked.questions] == [("http_redirect", "mail.example.com")]
    assert "mail.example.com" not in _with_password(sb)
    get = [r for r in sb.autodiscover.requests if r.method == "GET"]
    assert [(r.host, r.authorization) for r in get] == [("autodiscover.example.com", False)], "the GET carries no credentials"

    sb.autodiscover.requests.clear()
    out, steps, asked = _run(sb, confirm=Asked(True))
    assert out.found and out.ews_url == sb.ews_url
    assert _with_password(sb) == ["example.com", "autodiscover.example.com", "mail.example.com"]


def test_an_http_redirect_to_http_is_never_followed(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "http_redirect",
                             to="http://mail.example.com/autodiscover/autodiscover.xml")
    out, steps, asked = _run(sb, confirm=Asked(True))
    assert not out.found and asked.questions == []
    assert any("not https" in s.detail for s in out.tried)
    assert [r.host for r in sb.autodiscover.requests] == ["example.com", "autodiscover.example.com",
                                                           "autodiscover.example.com"], "nothing to mail.example.com"


def test_a_redirect_url_to_http_is_never_followed(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_url",
                             to="http://mail.example.com/autodiscover/autodiscover.xml")
    out, steps, asked = _run(sb, confirm=Asked(True))
    assert not out.found and asked.questions == []
    assert any(s.state == "skipped" and "not https" in s.detail for s in out.tried)
    assert "mail.example.com" not in [r.host for r in sb.autodiscover.requests]


@pytest.mark.parametrize("yes", [False, True])
def test_srv_record_target_is_used_only_when_confirmed(sb, yes):
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=404)
    sb.autodiscover.set_case("mail.example.com", "settings")
    srv = {"_autodiscover._tcp.example.com": [("mail.example.com", 443)]}
    out, steps, asked = _run(sb, confirm=Asked(yes), srv=srv)
    assert [(q.kind, q.host) for q in asked.questions] == [("srv", "mail.example.com")]
    assert out.found is yes
    assert ("mail.example.com" in _with_password(sb)) is yes
    assert any(s.text == "DNS SRV _autodiscover._tcp.example.com" for s in steps)


def test_failure_lists_what_was_tried_and_what_to_type(sb):
    sb.autodiscover.set_case("example.com", "garbage")
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=500)
    out, steps, _ = _run(sb)
    assert not out.found and not out.exchange_online
    assert [s.text for s in out.tried] == [
        "https://example.com/autodiscover/autodiscover.xml",
        "https://autodiscover.example.com/autodiscover/autodiscover.xml",
        "http://autodiscover.example.com/autodiscover/autodiscover.xml",
        "DNS SRV _autodiscover._tcp.example.com"]
    assert [s.detail for s in out.tried] == ["the answer is not XML", "HTTP 500", "no redirect", "no record"]
    assert "EWS URL" in out.advice and "https://mail.example.com/EWS/Exchange.asmx" in out.advice


def test_a_wrong_password_is_said(sb):
    out, steps, _ = _run(sb, password="wrong")
    assert not out.found
    assert any("401" in s.detail for s in out.tried)
    assert "user name or password" in out.advice


def test_a_name_that_does_not_resolve_is_no_answer(sb):
    out, _, _ = _run(sb, address="someone@nowhere.test", password="x")
    assert not out.found
    assert [s.detail for s in out.tried][:2] == ["no answer", "no answer"]
    assert sb.autodiscover.requests == []


def test_an_untrusted_certificate_sends_nothing(sb):
    transport = AutodiscoverTransport(MappedResolver(sb.autodiscover.hosts()), ssl.create_default_context())
    out = discover(ALICE, ALICE, _password(sb), transport, confirm=Asked(True))
    assert not out.found and all(r.method == "GET" for r in sb.autodiscover.requests)
    assert "certificate not trusted" in out.tried[0].detail


def test_a_certificate_for_other_names_sends_nothing(sb):
    """The resolver says where to connect, never whom to trust: a name the sandbox's certificate does not carry,
    resolved to the sandbox, is refused at TLS (the certificate is checked against the URL's host name, not the
    address connected to), and the password goes nowhere."""
    hosts = sb.autodiscover.hosts()
    https, http = hosts[("example.com", 443)], hosts[("example.com", 80)]
    for name in ("impostor.test", "autodiscover.impostor.test"):
        hosts[(name, 443)], hosts[(name, 80)] = https, http
    ctx = ssl.create_default_context(cafile=sb.autodiscover.cert_path)
    transport = AutodiscoverTransport(MappedResolver(hosts), ctx, timeout=10)
    out = discover("alice@impostor.test", ALICE, _password(sb), transport, confirm=Asked(True))
    assert not out.found and _with_password(sb) == []
    assert "certificate" in out.tried[0].detail and "certificate" in out.tried[1].detail


def test_exchange_online_answer_is_reported_distinctly(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "exchange_online")
    out, steps, _ = _run(sb)
    assert out.exchange_online and not out.found and out.address == ALICE
    assert "Microsoft 365" in steps[-1].detail


def test_a_redirect_to_an_onmicrosoft_address_is_exchange_online_and_sends_nothing_there(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_addr", to="alice@contoso.onmicrosoft.com")
    out, steps, asked = _run(sb)
    assert out.exchange_online and asked.questions == []
    assert [r.host for r in sb.autodiscover.requests] == ["example.com", "autodiscover.example.com"]


def test_redirects_stop_at_microsofts_limit(sb):
    sb.autodiscover.set_case("autodiscover.example.com", "redirect_url",
                             to="https://autodiscover.example.com/autodiscover/autodiscover.xml")
    out, steps, _ = _run(sb)
    assert not out.found
    assert f"more than {MAX_REDIRECTS} redirects" in out.tried[-1].detail
    posts = [r for r in sb.autodiscover.requests if r.host == "autodiscover.example.com"]
    assert len(posts) == MAX_REDIRECTS + 1


def test_the_answer_reader_takes_exch_before_expr_and_reads_errors():
    ns = 'xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"'
    inner = 'xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"'
    raw = (f'<Autodiscover {ns}><Response {inner}><Account><Action>settings</Action>'
           "<Protocol><Type>EXPR</Type><EwsUrl>https://ext/EWS/Exchange.asmx</EwsUrl></Protocol>"
           "<Protocol><Type>EXCH</Type><EwsUrl>https://int/EWS/Exchange.asmx</EwsUrl></Protocol>"
           "</Account></Response></Autodiscover>").encode()
    assert parse_pox(raw).ews_url == "https://int/EWS/Exchange.asmx"
    err = (f"<Autodiscover {ns}><Response><Error><ErrorCode>500</ErrorCode><Message>The email address can't be "
           "found.</Message></Error></Response></Autodiscover>").encode()
    assert parse_pox(err).action == "error" and "can't be found" in parse_pox(err).error
    assert parse_pox(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>').action == "error"


@pytest.mark.parametrize("ep", ["off", "require"])
def test_found_behind_ntlm_as_on_premises_answers(sandbox_factory, ep):
    """On-premises Autodiscover sits behind IIS's Windows sign-in (NTLM only here, Extended Protection as EWS's):
    the 401 to the password sent as Basic offers NTLM, and Find server signs in with it, bound to the certificate."""
    sb = sandbox_factory(tls=True, auth_methods=("ntlm",), extended_protection=ep, autodiscover=True,
                         autodiscover_names=OTHER)
    out, steps, _ = _run(sb)
    assert out.found and out.ews_url == sb.ews_url, steps
    assert [r.user for r in sb.autodiscover.requests if r.user] == [ALICE]  # signed in once, with NTLM


def test_found_behind_negotiate_with_the_users_kerberos_ticket(sandbox_factory, kdc_realm, monkeypatch):
    """Autodiscover behind IIS offering only Negotiate (NTLM off by policy), Extended Protection required: Find
    server signs in with the user's ticket (the real MIT KDC of tests/helpers/kdc.py, a service key for each name
    it answers by) and sends no password anywhere."""
    for host in ("example.com", "autodiscover.example.com"):  # the names it is asked by (the realm maps example.com)
        kdc_realm.add_service(host)
    sb = sandbox_factory(tls=True, auth_methods=("negotiate",), extended_protection="require",
                         keytab=str(kdc_realm.keytab), autodiscover=True, autodiscover_names=OTHER)
    out, steps, _ = _run(sb, password="not-needed")
    assert out.found and out.ews_url == sb.ews_url, steps
    # signed in once, as the ticket's owner: the password given ("not-needed") is no one's, so Basic or NTLM with
    # it could not have signed in
    assert [r.user for r in sb.autodiscover.requests if r.user] == [ALICE]


@pytest.mark.parametrize("expired", [False, True])
def test_behind_negotiate_without_a_ticket_says_kinit_and_blames_no_password(sandbox_factory, kdc_realm, monkeypatch,
                                                                            tmp_path, expired):
    """Negotiate only and no (or an expired) ticket: each step that met it says so in Kerberos's words, nothing is
    signed in, and the advice is not "check the password" (no password was refused)."""
    sb = sandbox_factory(tls=True, auth_methods=("negotiate",), extended_protection="off",
                         keytab=str(kdc_realm.keytab), autodiscover=True, autodiscover_names=OTHER)
    ccache = kdc_realm.expired_ticket(tmp_path / "expired") if expired else tmp_path / "none"
    monkeypatch.setenv("KRB5CCNAME", f"FILE:{ccache}")  # the user's ccache (an env var, no mock)
    out, steps, _ = _run(sb)
    assert not out.found
    said = [s.detail for s in steps if "Kerberos" in str(s.detail)]
    words = "Your Kerberos ticket has expired: run kinit" if expired else "You have no Kerberos ticket: run kinit"
    assert said and all(words in str(d) for d in said), steps
    assert not [r for r in sb.autodiscover.requests if r.user]
    assert "password" not in str(out.advice).lower(), out.advice
