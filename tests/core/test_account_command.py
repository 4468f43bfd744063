"""``dispatch-mail account add | list | remove`` (issue 73, item 10): a server with no desktop sets its account up
with the command alone, and ``send`` then uses it. The command is a real process (``python -m app account ...``,
its own ``DISPATCH_HOME``), the sandbox another (``python -m app.sandbox``: EWS, Graph and its sign-in authority),
the keyring a real Secret Service (gnome-keyring-daemon on a private D-Bus session bus) every process shares.

The account is kept as the window's account dialog keeps it (the same core: app/core/accounts/setup.py): compared
here with the AccountConfig the dialog builds from the same answers."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import termios

import pytest

from app.domain.account import AccountConfig, AuthType, Backend
from app.storage.settings import Settings, format_fingerprint
from tests.helpers.signin_commands import (_RUNNING, _as_in_a_terminal, enter_the_code, env_for,  # noqa: F401
                                            finish, keyring_service, no_command_outlives_its_test, password_of,
                                            the_code, window_sees)
from tests.helpers.sandbox_cli import ROOT, served_sha256, start_cli, stop_cli

pytestmark = pytest.mark.process

ALICE, BOB = "alice@example.com", "bob@example.com"
APP_ID = "0c3f6a3e-5b5d-4f0e-9a61-5e1c0d15a7c4"


@pytest.fixture(scope="module")
def sandbox():
    proc, info = start_cli("--device-interval", "1")
    yield info
    stop_cli(proc)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "dispatch-home"


def dm(env: dict, *args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, input=stdin.decode(), text=True,
                          capture_output=True, timeout=120)


def settings_of(home) -> Settings:
    return Settings(home / "config" / Settings.FILE)


def alice(sandbox) -> dict:
    return sandbox["accounts"][0]


_KEYRING_HOLDS = """
import os
from app.storage import secrets
held = secrets.load(os.environ["EMAIL"], os.environ["USERNAME"])
print("none" if held is None else ("the same" if held == os.environ["EXPECTED"] else "another"))
"""


def keyring_holds(env: dict, sandbox, expected: str) -> str:
    """What the keyring holds for Alice's Exchange password, read by another process (the window, a command)."""
    done = subprocess.run([sys.executable, "-c", _KEYRING_HOLDS], cwd=ROOT, text=True, capture_output=True,
                          env=dict(env, EXPECTED=expected, EMAIL=ALICE, USERNAME=alice(sandbox)["username"]),
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def add_ews(env: dict, sandbox, *more) -> subprocess.CompletedProcess:
    return dm(env, "account", "add", "--email", ALICE, "--ews-url", sandbox["ews_url"], "--username",
              alice(sandbox)["username"], "--password-env", "MY_EXCHANGE_PASSWORD", *more)


# ---------------- Exchange (EWS) ----------------

def test_an_exchange_account_added_by_the_command_is_kept_as_the_window_keeps_it_and_send_uses_it(
        sandbox, home, keyring_service):
    password = password_of(sandbox)
    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD=password)
    done = add_ews(env, sandbox, "--auth", "basic")
    assert done.returncode == 0, done.stderr
    assert f"Set up {ALICE} (Exchange, {sandbox['ews_url']})" in done.stderr
    assert "the password is in the system keyring" in done.stderr
    kept = settings_of(home).account()
    as_the_dialog = AccountConfig(email=ALICE, ews_url=sandbox["ews_url"], username=alice(sandbox)["username"],
                                  auth_type=AuthType.BASIC, verify_tls=True)
    assert (kept.auth_used, kept.signed_in_as) == ("basic", alice(sandbox)["username"])  # learnt at the connection
    kept.server_build = kept.server_version_name = kept.auth_used = kept.signed_in_as = ""  # as the window's Connect
    assert kept == as_the_dialog
    assert keyring_holds(env, sandbox, password) == "the same"
    assert password not in (home / "config" / Settings.FILE).read_text() + done.stdout + done.stderr

    listed = dm(env, "account", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout) == [{"email": ALICE, "type": "exchange", "ews_url": sandbox["ews_url"],
                                          "username": alice(sandbox)["username"], "auth": "basic",
                                          "signed_in": f"Signed in with Basic as {alice(sandbox)['username']}",
                                          "secret_kept": True}]
    plain = dm(env, "account", "list")
    assert plain.stdout.startswith(f"{ALICE}  Exchange (EWS)") and "password: in the system keyring" in plain.stdout

    env.pop("MY_EXCHANGE_PASSWORD")  # the next commands: no password given, the keyring's
    sent = dm(env, "send", "--to", BOB, "--subject", "set up by a command", "--body-file", "-", stdin=b"hi\n")
    assert sent.returncode == 0 and sent.stdout.startswith("Sent ("), sent.stderr


def test_a_wrong_password_is_refused_77_and_nothing_is_set_up(sandbox, home, keyring_service):
    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD="not-the-password")
    done = add_ews(env, sandbox)
    assert done.returncode == 77, done.stderr
    assert "the server refused the user name or password" in done.stderr and "nothing was changed" in done.stderr
    assert "not-the-password" not in done.stderr + done.stdout and "Traceback" not in done.stderr
    assert settings_of(home).account() is None
    assert keyring_holds(env, sandbox, "not-the-password") == "none"


def _on_a_terminal(slave: int):
    def become():  # a session of its own (start_new_session), whose controlling terminal is the pty
        _as_in_a_terminal()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    return become


def test_the_password_is_asked_on_the_terminal_and_never_echoed(sandbox, home, keyring_service):
    password = password_of(sandbox)
    env = env_for(home, keyring_service)
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "app", "account", "add", "--email", ALICE, "--ews-url",
                             sandbox["ews_url"], "--username", alice(sandbox)["username"]], cwd=ROOT, env=env,
                            stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=_on_a_terminal(slave))
    _RUNNING.append(proc)
    os.close(slave)
    try:
        asked = b""
        while b"Password for" not in asked:  # the prompt, on standard error; the answer is read from the terminal
            chunk = os.read(proc.stderr.fileno(), 1024)
            assert chunk, f"the command ended without asking: {asked!r}"
            asked += chunk
        os.write(master, password.encode() + b"\n")
        out, err = proc.communicate(timeout=120)
        echoed = _read_all(master)
    finally:
        os.close(master)
    err = asked.decode() + err.decode()
    assert proc.returncode == 0, err
    assert password not in echoed and password not in out.decode() + err
    assert keyring_holds(env, sandbox, password) == "the same"


def _read_all(fd: int) -> str:
    import select

    got = b""
    while select.select([fd], [], [], 0.2)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        got += chunk
    return got.decode(errors="replace")


def test_with_no_terminal_and_no_variable_the_password_is_a_usage_error(sandbox, home):
    done = dm(env_for(home), "account", "add", "--email", ALICE, "--ews-url", sandbox["ews_url"])
    assert done.returncode == 64, done.stderr
    assert "--password-env VAR" in done.stderr and settings_of(home).account() is None


@pytest.mark.parametrize("args, words", [
    (["add"], "--email ADDR"),
    (["add", "--email", "alice at example"], "not a valid e-mail address"),
    (["add", "--email", ALICE], "--ews-url URL, or --find-server"),
    (["add", "--email", ALICE, "--ews-url", "http://mail.example.com/EWS/Exchange.asmx", "--password-env", "PW"],
     "--ews-url:"),
    (["add", "--email", ALICE, "--ews-url", "https://mail.example.com/EWS/Exchange.asmx", "--find-server"],
     "one of them"),
    (["add", "--email", ALICE, "--microsoft-365", "--password-env", "PW"], "--password-env"),
    (["add", "--email", ALICE, "--ews-url", "https://mail.example.com/EWS/Exchange.asmx", "--application-id", APP_ID],
     "--application-id"),
    (["add", "--email", ALICE, "--password", "secret"], "unrecognized arguments"),
    (["add", "--email", ALICE, "--ews-url", "https://mail.example.com/EWS/Exchange.asmx", "--password-env", "PW",
      "--trust-certificate", "AB:CD"], "64 hexadecimal digits"),
])
def test_usage_errors_are_64_and_change_nothing(home, args, words):
    done = dm(env_for(home, PW="x"), "account", *args)
    assert done.returncode == 64, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr and done.stdout == ""
    assert settings_of(home).account() is None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_remove_takes_the_account_and_its_password_off(home, keyring_service):
    port = str(_free_port())  # a sandbox of its own, started again on the same address (the account's key)
    proc, sandbox = start_cli("--port", port)
    password = password_of(sandbox)
    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD=password)
    assert add_ews(env, sandbox).returncode == 0
    stop_cli(proc)  # the server cannot be reached: the message waits on this computer
    later = dm(env, "send", "--to", BOB, "--subject", "held for later", "--wait", "0", "--body-file", "-",
               stdin=b"hi\n")
    assert later.returncode == 0 and later.stdout.startswith("Queued ("), later.stderr
    proc, sandbox = start_cli("--port", port)
    try:
        _removed_and_back(env, home, sandbox, password)
    finally:
        stop_cli(proc)


def _removed_and_back(env, home, sandbox, password):
    wrong = dm(env, "account", "remove", "--email", BOB)
    assert wrong.returncode == 78 and settings_of(home).account() is not None
    done = dm(env, "account", "remove")
    assert done.returncode == 0, done.stderr
    assert f"Removed {ALICE}" in done.stderr
    assert "1 message of it waits in its Outbox, kept on this computer" in done.stderr  # nothing vanishes
    assert settings_of(home).account() is None and keyring_holds(env, sandbox, password) == "none"
    assert dm(env, "account", "list").stdout.startswith("No account is set up")
    bare = {k: v for k, v in env.items() if k != "MY_EXCHANGE_PASSWORD"}
    sent = dm(bare, "send", "--to", BOB, "--subject", "s", "--body-file", "-", stdin=b"hi\n")
    assert sent.returncode == 78 and "dispatch-mail account add" in sent.stderr
    assert add_ews(env, sandbox).returncode == 0  # the same account again: what waited is its own again
    listed = dm(bare, "outbox")
    assert listed.returncode == 0 and "held for later" in listed.stdout, listed.stderr


# ---------------- Microsoft 365: device code ----------------

def test_a_microsoft_365_account_is_set_up_by_device_code(sandbox, home, keyring_service):
    env = env_for(home, keyring_service)
    fingerprint = served_sha256(sandbox["authority_url"])  # the administrator's word for the sandbox's certificate
    proc = subprocess.Popen([sys.executable, "-m", "app", "account", "add", "--microsoft-365", "--email", ALICE,
                             "--application-id", APP_ID, "--authority", sandbox["authority_url"],
                             "--graph-url", sandbox["graph_url"], "--trust-certificate", fingerprint],
                            cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_as_in_a_terminal)
    _RUNNING.append(proc)
    page, code, said = the_code(proc)
    enter_the_code(sandbox, page, code, password_of(sandbox))
    rc, out, err = finish(proc, said)
    assert rc == 0, err
    assert f"Signed in as {ALICE}." in err and f"Set up {ALICE} (Microsoft 365)" in err
    kept = settings_of(home).account()
    assert kept.backend == Backend.GRAPH and kept.email == ALICE and kept.extra["graph_url"] == sandbox["graph_url"]
    signin = kept.extra["graph_signin"]
    assert (signin["client_id"], signin["authority"]) == (APP_ID, sandbox["authority_url"])
    assert signin["authority_pin_sha256"] == format_fingerprint(fingerprint)
    assert window_sees(env) == "inbox 200"  # the window and the commands: signed in, from the keyring
    listed = json.loads(dm(env, "account", "list", "--json").stdout)
    assert listed[0]["type"] == "microsoft-365" and listed[0]["secret_kept"] is True


# ---------------- Exchange: Find server (Autodiscover) ----------------

def test_find_server_finds_the_ews_url_and_sets_the_account_up(sandbox_factory, tmp_path, monkeypatch, fake_keyring,
                                                                capsys):
    """In this process: the real Autodiscover client against the sandbox's Autodiscover over https, with the names
    mapped to loopback by an injected resolver (no real DNS here) and its self-made certificate trusted, as
    tests/ui/test_find_server.py does for the window's Find server."""
    import ssl

    from app.command.accounts import main
    from app.mail.ews.autodiscover import AutodiscoverTransport, MappedResolver

    sb = sandbox_factory(autodiscover=True, autodiscover_names=("mail.example.com",))
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "home"))
    user = next(u for u in sb.accounts if u["email"] == ALICE)
    monkeypatch.setenv("MY_EXCHANGE_PASSWORD", user["password"])
    transport = AutodiscoverTransport(MappedResolver(sb.autodiscover.hosts()),
                                      ssl.create_default_context(cafile=sb.autodiscover.cert_path), timeout=10)
    code = main(["add", "--email", ALICE, "--find-server", "--password-env", "MY_EXCHANGE_PASSWORD"],
                find_transport=transport)
    err = capsys.readouterr().err
    assert code == 0, err
    assert "✗ https://example.com/autodiscover/autodiscover.xml" in err  # each step said as it goes
    assert f"✓ https://autodiscover.example.com/autodiscover/autodiscover.xml: EWS URL {sb.ews_url}" in err
    assert "desk@example.com" in err  # a mailbox found to send from: said, not added unasked
    kept = Settings(tmp_path / "home" / "config" / Settings.FILE).account()
    assert (kept.email, kept.ews_url, kept.username, kept.principals) == (ALICE, sb.ews_url, ALICE, [])
    assert fake_keyring.store and user["password"] not in err


def test_find_server_with_nothing_found_is_69_and_says_what_was_tried(sandbox_factory, tmp_path, monkeypatch,
                                                                       fake_keyring, capsys):
    import ssl

    from app.command.accounts import main
    from app.mail.ews.autodiscover import AutodiscoverTransport, MappedResolver

    sb = sandbox_factory(autodiscover=True)
    sb.autodiscover.set_case("autodiscover.example.com", "status", code=404)
    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MY_EXCHANGE_PASSWORD", "whatever")
    transport = AutodiscoverTransport(MappedResolver(sb.autodiscover.hosts()),
                                      ssl.create_default_context(cafile=sb.autodiscover.cert_path), timeout=10)
    code = main(["add", "--email", ALICE, "--find-server", "--password-env", "MY_EXCHANGE_PASSWORD"],
                find_transport=transport)
    err = capsys.readouterr().err
    assert code == 69, err
    assert "DNS SRV" in err and "the server was not found" in err and "--ews-url URL" in err
    assert Settings(tmp_path / "home" / "config" / Settings.FILE).account() is None


def test_a_settings_file_that_cannot_be_written_is_said_and_nothing_is_claimed(sandbox, home, keyring_service):
    """The settings file cannot be written (here: a folder stands where it goes): the command says so and fails
    (73, sysexits' EX_CANTCREAT), never "Set up"; the password it checked is not left in the keyring either."""
    password = password_of(sandbox)
    (home / "config" / Settings.FILE).mkdir(parents=True)
    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD=password)
    done = add_ews(env, sandbox)
    assert done.returncode == 73, done.stderr
    assert "could not write its settings file" in done.stderr and "Set up" not in done.stderr
    assert "Traceback" not in done.stderr and password not in done.stderr
    assert keyring_holds(env, sandbox, password) == "none"


def test_remove_is_refused_75_while_another_process_uses_the_account(sandbox, home, keyring_service, monkeypatch):
    """The window or a command holds the account's lock (here this test's process, as a window does): removing it
    under them is refused, and nothing changes."""
    from app.core.scripts.doors import AccountLock

    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD=password_of(sandbox))
    assert add_ews(env, sandbox).returncode == 0
    monkeypatch.setenv("DISPATCH_HOME", str(home))
    lock = AccountLock(settings_of(home).account().key, "window")
    assert lock.take()
    try:
        done = dm(env, "account", "remove")
    finally:
        lock.release()
    assert done.returncode == 75, done.stderr
    assert f"is using {ALICE} now" in done.stderr and "Nothing was changed" in done.stderr
    assert settings_of(home).account() is not None and keyring_holds(env, sandbox, password_of(sandbox)) == "the same"


def test_an_untrusted_server_certificate_is_refused_with_its_fingerprint_then_trusted_exactly(home, keyring_service):
    """The sandbox over https with its self-made certificate (``--tls``): refused (69) with the SHA-256 the
    user checks with the administrator; then ``--trust-certificate`` pins exactly it, as the window's Trust does."""
    proc, info = start_cli("--tls", "--no-graph")
    try:
        user = info["accounts"][0]
        env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD=user["password"])
        args = ["account", "add", "--email", user["email"], "--ews-url", info["ews_url"], "--username",
                user["username"], "--password-env", "MY_EXCHANGE_PASSWORD"]
        refused = dm(env, *args)
        fingerprint = format_fingerprint(info["cert_sha256"])
        assert refused.returncode == 69, refused.stderr
        assert f"--trust-certificate {fingerprint}" in refused.stderr and "Nothing was changed" in refused.stderr
        assert settings_of(home).account() is None
        trusted = dm(env, *args, "--trust-certificate", info["cert_sha256"])
        assert trusted.returncode == 0, trusted.stderr
        kept = settings_of(home).account()
        assert kept.pinned_cert_sha256 == fingerprint and kept.verify_tls
    finally:
        stop_cli(proc)
