"""No password in clear text: an ``http://`` EWS URL is refused unless the server is this computer.

Basic auth sends the password (base64) with every request and NTLM a hash worth cracking, so over plain
HTTP to another host they cross the network readable. The rule is ``app.domain.validation.check_ews_url``;
it is applied on the command line (argparse error, exit 2), at the account dialog (tests/ui/
test_account_http.py) and, whatever let a URL in (an edited settings file, a caller that skipped both), by
the EWS connection layer before anything is resolved or connected. Loopback (the built-in sandbox) keeps
working over http, checked here against the real sandbox on 127.0.0.1, ``localhost`` and ``[::1]``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.account import AccountConfig
from app.domain.models import ErrorKind
from app.domain.validation import check_ews_url, is_loopback_host
from app.mail.errors import MailError
from tests.helpers.network import network_spy

ROOT = Path(__file__).resolve().parent.parent
ALICE = "alice@example.com"
REMOTE_HTTP = "http://mail.example.com/EWS/Exchange.asmx"
NOWHERE_HTTP = "http://mail.example.invalid/EWS/Exchange.asmx"  # .invalid never resolves (RFC 6761)


# ---------------------------------------------------------------------------------------------- the rule
@pytest.mark.parametrize("url", [
    "https://mail.example.com/EWS/Exchange.asmx",
    "HTTPS://Mail.Example.com:8443/EWS/Exchange.asmx",
    "http://127.0.0.1:8080/EWS/Exchange.asmx",
    "http://127.3.4.5/EWS/Exchange.asmx",  # all of 127.0.0.0/8 is loopback
    "http://[::1]:8080/EWS/Exchange.asmx",
    "http://localhost/EWS/Exchange.asmx",
    "http://LocalHost:1234/EWS/Exchange.asmx",
    "http://[::ffff:127.0.0.1]:80/EWS/Exchange.asmx",
])
def test_accepted(url):
    assert check_ews_url(url) is None


@pytest.mark.parametrize("url, words", [
    (REMOTE_HTTP, ["https://", "clear text", "mail.example.com"]),
    ("HTTP://MAIL.EXAMPLE.COM/EWS/Exchange.asmx", ["https://", "clear text"]),
    ("http://10.0.0.5/EWS/Exchange.asmx", ["clear text"]),  # private, not this computer
    ("http://0.0.0.0:8080/EWS/Exchange.asmx", ["clear text"]),
    ("http://127.0.0.1.evil.com/EWS/Exchange.asmx", ["clear text", "127.0.0.1.evil.com"]),
    ("http://localhost.evil.com/EWS/Exchange.asmx", ["clear text", "localhost.evil.com"]),
    ("http://evil.localhost/EWS/Exchange.asmx", ["clear text"]),  # a resolver may send *.localhost anywhere
    ("http://127.1/EWS/Exchange.asmx", ["clear text"]),  # short and integer forms: not guessed at
    ("http://2130706433/EWS/Exchange.asmx", ["clear text"]),
    ("http://[::1]evil.com/EWS/Exchange.asmx", ["not a valid URL"]),
    ("ftp://mail.example.com/EWS/Exchange.asmx", ["https://"]),
    ("file:///etc/passwd", ["https://"]),
    ("mail.example.com/EWS/Exchange.asmx", ["https://"]),
    ("https:///EWS/Exchange.asmx", ["no server name"]),
    ("https://alice:secret@mail.example.com/EWS/Exchange.asmx", ["user name or password"]),
    ("http://alice@127.0.0.1/EWS/Exchange.asmx", ["user name or password"]),
    ("http://evil.com#@127.0.0.1/EWS/Exchange.asmx", ["clear text", "evil.com"]),
    ("http://evil.com\\@127.0.0.1/EWS/Exchange.asmx", ["backslash"]),
    ("http://127.0.0.1\\.evil.com/EWS/Exchange.asmx", ["backslash"]),
    ("https://mail.example.com/EWS/Exchange.asmx ", ["spaces or control characters"]),
    ("http://127.0.0.1\n.evil.com/EWS", ["spaces or control characters"]),  # urlsplit would drop the \n
    ("https://mail.exa\tmple.com/EWS", ["spaces or control characters"]),
    ("http://127.0.0.1:99999/EWS/Exchange.asmx", ["not a valid URL"]),
    ("http://[::1/EWS/Exchange.asmx", ["not a valid URL"]),
    ("", ["Enter the EWS URL"]),
])
def test_refused_with_a_clear_reason(url, words):
    problem = check_ews_url(url)
    assert problem, url
    for w in words:
        assert w in problem, (url, problem)
    assert "EWS URL" in problem


def test_loopback_hosts():
    assert all(map(is_loopback_host, ["localhost", "LOCALHOST", "127.0.0.1", "127.255.255.254", "::1", "[::1]"]))
    assert not any(map(is_loopback_host, ["", "localhost.", "localhost.evil.com", "127.0.0.1.nip.io", "::",
                                          "0.0.0.0", "10.0.0.1", "::2", "fe80::1", "mail.example.com"]))


# ----------------------------------------------------------------------------------------- command line
def _run_cli(tmp_path, url):
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen",
               DISPATCH_TEST_PW="pa55-word", DISPATCH_FIRST_PAINT="1")  # if the window opened: quit at once
    return subprocess.run([sys.executable, "-m", "app", "--ews-url", url, "--email", ALICE, "--username", "alice",
                           "--password-env", "DISPATCH_TEST_PW"],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


def test_cli_refuses_plain_http_to_another_host(tmp_path):
    out = _run_cli(tmp_path, REMOTE_HTTP)
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr and "DISPATCH_FIRST_PAINT" not in out.stdout
    assert "dispatch-mail: error: --ews-url:" in out.stderr
    assert "https://" in out.stderr and "clear text" in out.stderr and "mail.example.com" in out.stderr
    assert "pa55-word" not in out.stderr + out.stdout


@pytest.mark.parametrize("url, words", [
    ("http://127.0.0.1.evil.com/EWS/Exchange.asmx", "clear text"),
    ("https://alice:pw@mail.example.com/EWS/Exchange.asmx", "user name or password"),
    ("ftp://mail.example.com/EWS/Exchange.asmx", "https://"),
])
def test_cli_refuses_other_bad_urls_in_process(capsys, monkeypatch, url, words):
    from app.cli import parse  # (not main: if the URL got through, main would open the window here)

    monkeypatch.setenv("DISPATCH_TEST_PW", "pa55-word")
    with pytest.raises(SystemExit) as exc:
        parse(["--ews-url", url, "--email", ALICE, "--username", "alice", "--password-env", "DISPATCH_TEST_PW"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert words in err and "--ews-url" in err and "Traceback" not in err


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/EWS/Exchange.asmx", "http://[::1]:9/EWS/Exchange.asmx",
                                 "http://localhost:9/EWS/Exchange.asmx", "https://mail.example.com/EWS/Exchange.asmx"])
def test_cli_accepts_https_and_loopback(monkeypatch, url):
    from app.cli import parse

    monkeypatch.setenv("DISPATCH_TEST_PW", "pa55-word")
    args = parse(["--ews-url", url, "--email", ALICE, "--username", "alice", "--password-env", "DISPATCH_TEST_PW"])
    assert args.ews_url == url and args.password == "pa55-word"


# ------------------------------------------------------------------------------ the layer that sends
def _account(url: str, **kw) -> AccountConfig:
    return AccountConfig(email=ALICE, ews_url=url, username="alice", **kw)


def test_the_spy_sees_a_real_attempt(network_spy):
    """Control: an allowed URL on the same unresolvable host does reach for the network (and fails as
    unreachable). So an empty spy below means the refusal came first, not that nothing was watched."""
    from app.mail.ews import EwsMailService

    svc = EwsMailService(_account("https://mail.example.invalid/EWS/Exchange.asmx"), "pa55-word", timeout=5)
    try:
        with pytest.raises(MailError) as exc:
            svc.connect()
    finally:
        svc.close()
    assert exc.value.kind == ErrorKind.UNREACHABLE
    assert ("getaddrinfo", "mail.example.invalid") in network_spy


@pytest.mark.parametrize("url", [NOWHERE_HTTP, "http://127.0.0.1.mail.example.invalid/EWS/Exchange.asmx",
                                 "https://alice:pa55-word@mail.example.invalid/EWS/Exchange.asmx"])
@pytest.mark.parametrize("auth", ["basic", "ntlm"])
def test_the_ews_connection_refuses_before_any_network_use(network_spy, url, auth):
    from app.domain.account import AuthType
    from app.mail import backends
    from app.mail.ews.connection import EwsConnection

    acc = _account(url, auth_type=AuthType(auth), verify_tls=False)
    for build in (lambda: EwsConnection(acc, "pa55-word"), lambda: backends.create_service(acc, "pa55-word")):
        with pytest.raises(MailError) as exc:
            build()
        err = exc.value
        assert err.code == "ErrorInvalidEwsUrl"  # app.mail.ews.connection.INSECURE_URL_CODE
        assert err.kind == ErrorKind.INVALID_INPUT  # the settings, not the network
        assert "EWS URL" in err.message and "pa55-word" not in str(err)
    assert network_spy == [], "refused before any look-up or connect"


def test_a_session_built_from_stored_settings_refuses_and_says_why(qtbot, aloop, network_spy):
    """What the window gets for such an account (e.g. from settings.json): connect() fails with the
    reason and the session is not connected; nothing was looked up or sent."""
    from app.core.accounts.session import ConnectionState, Session
    from tests.helpers.windows import wait_task

    session = Session.for_account(_account(REMOTE_HTTP), "pa55-word")
    try:
        task = aloop.create_task(session.connect())
        qtbot.waitUntil(task.done, timeout=20000)
        with pytest.raises(MailError) as exc:
            task.result()
        assert exc.value.kind == ErrorKind.INVALID_INPUT and "clear text" in exc.value.message
        assert session.state != ConnectionState.CONNECTED and session.last_error is exc.value
        # every later call is refused the same way (the backend is never built)
        from app.domain.models import Folder

        with pytest.raises(MailError) as again:
            wait_task(qtbot, session.list_messages(Folder.DRAFTS, 0, 10))
        assert again.value.kind == ErrorKind.INVALID_INPUT
    finally:
        session.close()
    assert network_spy == []


# ------------------------------------------------------------------- loopback keeps working (sandbox)
def _connects(sb, url: str) -> None:
    from app.mail.ews import EwsMailService

    user = next(a for a in sb.accounts if a["email"] == ALICE)
    svc = EwsMailService(AccountConfig(email=ALICE, ews_url=url, username=user["username"]), user["password"],
                         timeout=15)
    try:
        info = svc.connect()
    finally:
        svc.close()
    assert info.build


def test_loopback_http_to_the_sandbox_still_connects(sandbox):
    assert sandbox.ews_url.startswith("http://127.0.0.1:")
    _connects(sandbox, sandbox.ews_url)
    _connects(sandbox, sandbox.ews_url.replace("127.0.0.1", "localhost"))


def test_loopback_http_over_ipv6_still_connects(sandbox_factory):
    try:
        probe = socket.socket(socket.AF_INET6)
        probe.bind(("::1", 0))
        probe.close()
    except OSError:
        pytest.skip("no IPv6 loopback here")
    sb = sandbox_factory(host="::1")
    assert sb.ews_url.startswith("http://[::1]:")
    _connects(sb, sb.ews_url)
