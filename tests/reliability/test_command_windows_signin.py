"""Issue 75 from ``dispatch-mail send`` as a script runs it (a real process, tests/helpers/commands.py) against the
sandbox in its own process serving IIS's Windows authentication (``--auth``, ``--extended-protection``,
``--keytab``) and a real MIT KDC (tests/helpers/kdc.py; the ticket cache is the command's ``KRB5CCNAME``):

- an account set to Automatic signs in by the server's offer in each mode and sends once;
- every refusal is one line on stderr in words (no traceback, no request dump, no password), exit 77, the message
  kept in the Outbox; without a Kerberos ticket the requests are bounded (counted by a forwarding proxy)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.helpers.commands import BOB, CommandHome, ServerProcess
from tests.helpers.sandbox_cli import ROOT

pytestmark = pytest.mark.timeout(300)

_SET_UP = """
import sys
from app.domain.account import AccountConfig, AuthType
from app.storage.settings import Settings
Settings().set_account(AccountConfig(email="alice@example.com", ews_url=sys.argv[1], username=sys.argv[2],
                                     auth_type=AuthType(sys.argv[3]), pinned_cert_sha256=sys.argv[4]))
"""

#: (served methods, Extended Protection)
MODES = [("basic", "off"), ("ntlm", "require"), ("negotiate", "require"), ("negotiate,ntlm", "require")]


def _server(tmp_path, methods: str, ep: str, kdc=None, tls: bool = True) -> ServerProcess:
    args = ["--host", "localhost", "--auth", methods]
    if tls:
        args += ["--tls", "--extended-protection", ep]
    if kdc is not None:
        args += ["--keytab", str(kdc.keytab)]
    return ServerProcess(tmp_path / "server", *args)


def _home(tmp_path, server: ServerProcess, auth: str = "automatic", url: str = "") -> CommandHome:
    home = CommandHome(tmp_path / "home", server)
    subprocess.run([sys.executable, "-c", _SET_UP, url or server.ews_url, server.alice["username"], auth,
                    server.cert_sha256], env=home.env, cwd=str(ROOT), check=True, timeout=60)
    return home


def _send(home: CommandHome, subject: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return home.run("send", "--to", BOB, "--subject", subject, "--body-file", "-", stdin=b"hi\n", env=env)


def _one_line(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.decode()
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and "Envelope" not in err and "Authorization" not in err, err
    return err


@pytest.mark.parametrize("methods, ep", MODES, ids=[f"{m}-ep-{e}" for m, e in MODES])
def test_automatic_sends_once_in_each_mode(tmp_path, request, methods, ep):
    kdc = request.getfixturevalue("kdc_realm") if "negotiate" in methods else None
    server = _server(tmp_path, methods, ep, kdc)
    try:
        home = _home(tmp_path, server)
        done = _send(home, f"over {methods}")
        assert done.returncode == 0, done.stderr
        assert sum(server.copies()["inbox"].values()) == 1
    finally:
        server.stop()


def test_a_basic_account_against_ntlm_only_says_switch_to_automatic(tmp_path):
    server = _server(tmp_path, "ntlm", "off")
    try:
        home = _home(tmp_path, server, auth="basic")
        done = _send(home, "basic to ntlm")
        err = _one_line(done)
        assert done.returncode == 77, err
        assert "asks for Windows sign-in (NTLM/Kerberos), not a plain password" in err, err
        assert not any(server.copies()["inbox"].values())
    finally:
        server.stop()


def test_a_wrong_password_is_said_in_one_line(tmp_path):
    from tests.helpers.commands import PASSWORD_VAR

    server = _server(tmp_path, "ntlm", "require")
    try:
        home = _home(tmp_path, server)
        done = _send(home, "wrong", env=dict(home.env, **{PASSWORD_VAR: "not-the-password"}))
        err = _one_line(done)
        assert done.returncode == 77, err
        assert "refused the password" in err and "not-the-password" not in err, err
    finally:
        server.stop()


def test_negotiate_only_without_a_ticket_says_kinit_bounded(tmp_path, kdc_realm):
    from tests.helpers.tls_proxy import TlsProxy

    server = _server(tmp_path, "negotiate", "off", kdc_realm, tls=False)
    proxy = TlsProxy(tmp_path, "localhost", server.port, tls=False)
    try:
        home = _home(tmp_path, server, url=server.ews_url.replace(f":{server.port}/", f":{proxy.port}/"))
        env = dict(home.env, KRB5CCNAME=f"FILE:{tmp_path / 'no-ticket'}")
        # an hour's --wait: a command that waited for the sign-in, or tried again, would run into the 60 s
        # timeout; it ends on the refusal itself (2.6 s here, interpreter start included; no wall time asserted)
        done = home.run("send", "--wait", "3600", "--to", BOB, "--subject", "no ticket", "--body-file", "-",
                        stdin=b"hi\n", env=env, timeout=60)
        err = _one_line(done)
        assert done.returncode == 77, err
        assert "You have no Kerberos ticket: run kinit, or sign in to your desktop session again" in err, err
        # the probe, once for the command's connect, once for the directory's check of Bob's address (one of the
        # organisation's own domain) and once for its send: nothing signs in without a ticket, and nothing is tried
        # again
        assert 1 <= proxy.requests <= 3, proxy.requests
        assert sum(server.copies()["inbox"].values()) == 0
        # do what it says: kinit into the same ccache, then the next command; the message that waited goes out
        # with it, each once
        kdc_realm.kinit(tmp_path / "no-ticket")
        again = _send(home, "with a ticket", env=env)
        assert again.returncode == 0, again.stderr
        inbox = server.copies()["inbox"]
        assert sum(inbox.values()) == 2 and set(inbox.values()) == {1}, inbox
    finally:
        proxy.stop()
        server.stop()


def test_negotiate_only_with_an_expired_ticket_says_so_in_one_line(tmp_path, kdc_realm):
    server = _server(tmp_path, "negotiate", "require", kdc_realm)
    try:
        home = _home(tmp_path, server)
        ccache = kdc_realm.expired_ticket(tmp_path / "expired")
        done = _send(home, "expired ticket", env=dict(home.env, KRB5CCNAME=f"FILE:{ccache}"))
        err = _one_line(done)
        assert done.returncode == 77, err
        assert "Your Kerberos ticket has expired: run kinit" in err, err
    finally:
        server.stop()


def test_account_add_kerberos_asks_no_password_and_send_needs_none(tmp_path, kdc_realm):
    """``account add --auth kerberos`` with no terminal and no --password-env: the ticket signs in; then a send with
    no password anywhere (no keyring here) goes out, and the account says how it signed in."""
    import os

    server = _server(tmp_path, "negotiate", "require", kdc_realm)
    try:
        env = dict(os.environ, DISPATCH_HOME=str(tmp_path / "home"),
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        env.pop("QT_QPA_PLATFORM", None)

        def dm(*argv, stdin=b""):
            return subprocess.run([sys.executable, "-m", "app", *argv], env=env, cwd=str(ROOT), input=stdin,
                                  capture_output=True, timeout=120)

        added = dm("account", "add", "--email", "alice@example.com", "--ews-url", server.ews_url, "--username",
                   "alice", "--auth", "kerberos", "--trust-certificate", server.cert_sha256)
        assert added.returncode == 0, added.stderr
        sent = dm("send", "--to", BOB, "--subject", "kerberos, no password", "--body-file", "-", stdin=b"hi\n")
        assert sent.returncode == 0, sent.stderr
        assert sum(server.copies()["inbox"].values()) == 1
        listed = dm("account", "list").stdout.decode()
        assert "Signed in with Kerberos as alice@DISPATCH.TEST" in listed, listed
    finally:
        server.stop()


def test_extended_protection_through_a_tls_terminating_proxy_is_its_own_line(tmp_path, kdc_realm):
    from tests.helpers.tls_proxy import TlsProxy

    server = _server(tmp_path, "negotiate", "require", kdc_realm)
    proxy = TlsProxy(tmp_path, "localhost", server.port)
    try:
        home = CommandHome(tmp_path / "home", server)
        url = server.ews_url.replace(f":{server.port}/", f":{proxy.port}/")
        subprocess.run([sys.executable, "-c", _SET_UP, url, "alice", "automatic", proxy.cert_sha256], env=home.env,
                       cwd=str(ROOT), check=True, timeout=60)
        done = _send(home, "through a proxy")
        err = _one_line(done)
        assert done.returncode == 77, err
        assert "Extended Protection does not match the connection" in err, err
        assert "password" not in err, err
        # the probe (once, or once each for the command's connect, the directory's check of Bob's address and its
        # send, which run one after the other), then each signs in once: the request without credentials and
        # requests_gssapi's token, which it sends twice when refused (its own handshake): 12 at most, no retry loop
        assert 3 <= proxy.requests <= 12, proxy.requests
    finally:
        proxy.stop()
        server.stop()


def test_account_add_says_the_method_and_automatic_sets_it_up(tmp_path):
    import os

    from tests.helpers.commands import PASSWORD_VAR

    server = _server(tmp_path, "ntlm", "require")
    try:
        env = dict(os.environ, DISPATCH_HOME=str(tmp_path / "home"), **{PASSWORD_VAR: server.alice["password"]},
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        env.pop("QT_QPA_PLATFORM", None)

        def add(*more):
            return subprocess.run([sys.executable, "-m", "app", "account", "add", "--email", "alice@example.com",
                                   "--ews-url", server.ews_url, "--username", server.alice["username"],
                                   "--password-env", PASSWORD_VAR, "--trust-certificate", server.cert_sha256, *more],
                                  env=env, cwd=str(ROOT), capture_output=True, timeout=120)

        basic = add("--auth", "basic")
        err = _one_line(basic)
        assert basic.returncode == 77 and "asks for Windows sign-in (NTLM/Kerberos), not a plain password" in err
        automatic = add()  # the default: automatic
        assert automatic.returncode == 0, automatic.stderr
        listed = subprocess.run([sys.executable, "-m", "app", "account", "list"], env=env, cwd=str(ROOT),
                                capture_output=True, timeout=60).stdout.decode()
        assert "method: automatic" in listed and "Signed in with NTLM as " in listed, listed
    finally:
        server.stop()
