"""``dispatch-mail sign-in`` as a script or a user on a server runs it: the command a real process
(``python -m app sign-in ...``, its own ``DISPATCH_HOME``), the sandbox another (``python -m app.sandbox``,
its sign-in authority), the keyring a real Secret Service (gnome-keyring-daemon on a private D-Bus session
bus: tests/helpers/secret_service.py) that every process of the test shares, as on a desktop or a server.

The device code is completed as a user does it: on the authority's verification page, in another client,
with the code the command printed and the user's password."""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.domain.account import AccountConfig, Backend
from app.storage.settings import Settings
from tests.helpers.sandbox_cli import ROOT, start_cli, stop_cli
from tests.helpers.signin_commands import (_RUNNING, _as_in_a_terminal, enter_the_code, env_for,  # noqa: F401
                                            finish, keyring_service, no_command_outlives_its_test, password_of,
                                            the_code, window_sees)

pytestmark = pytest.mark.process

ALICE = "alice@example.com"


@pytest.fixture(scope="module")
def sandbox():
    proc, info = start_cli("--device-interval", "1")
    yield info
    stop_cli(proc)


@pytest.fixture
def home(tmp_path):
    return tmp_path / "dispatch-home"


def graph_account(info, authority: str | None = None) -> AccountConfig:
    return AccountConfig(email=ALICE, ews_url="", username=ALICE, backend=Backend.GRAPH, extra={
        "graph_url": info["graph_url"],
        "graph_signin": {"client_id": "0c3f6a3e-5b5d-4f0e-9a61-5e1c0d15a7c4",
                         "authority": authority or info["authority_url"], "authority_cert": info["authority_cert"]}})


def no_application_id(info) -> AccountConfig:
    account = graph_account(info)
    account.extra["graph_signin"]["client_id"] = ""
    return account


def ews_account(info) -> AccountConfig:
    user = info["accounts"][0]
    return AccountConfig(email=user["email"], ews_url=info["ews_url"], username=user["username"])


def set_up(home: Path, account: AccountConfig | None) -> None:
    """What the window's account dialog leaves behind: the account in $DISPATCH_HOME/config/settings.json."""
    Settings(home / "config" / Settings.FILE).set_account(account)


def sign_in(env: dict, *args) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "app", "sign-in", *args], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_as_in_a_terminal)
    _RUNNING.append(proc)
    return proc


def run_sign_in(env: dict, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", "sign-in", *args], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=120)


# ---------------- Microsoft 365: device code ----------------

def test_a_device_code_sign_in_is_kept_in_the_keyring_for_the_window_and_send(sandbox, home, keyring_service):
    set_up(home, graph_account(sandbox))
    env = env_for(home, keyring_service)
    assert window_sees(env) == "not signed in"
    proc = sign_in(env, "--device-code")
    page, code, said = the_code(proc)
    assert page.startswith(sandbox["authority_url"].rsplit("/", 1)[0]) and page.endswith("/devicelogin")
    assert "You have signed in to the application on your device" in enter_the_code(sandbox, page, code, password_of(sandbox))
    rc, out, err = finish(proc, said)
    assert rc == 0, err
    assert f"Signed in as {ALICE}." in err and out == ""
    assert "plain file" not in err and "this run only" not in err
    # another process, as the window or ``dispatch-mail send`` starts later: signed in, from the keyring
    assert window_sees(env) == "inbox 200"
    assert not list((home / "data" / "tokens").glob("*.plain-tokens.json"))  # nothing in a plain file
    assert password_of(sandbox) not in err


_WINDOW_SIGNS_IN = textwrap.dedent("""
    import os
    from app.core.accounts import services as accounts
    from app.mail.graph import sign_in_to_sandbox
    from app.storage.settings import Settings
    signed = sign_in_to_sandbox(accounts.graph_signin(Settings().account()), "alice", os.environ["SANDBOX_PW"])
    print(signed.username, signed.kept)
""")


def test_a_sign_in_made_in_the_window_is_seen_by_the_other_processes(sandbox, home, keyring_service):
    set_up(home, graph_account(sandbox))
    env = env_for(home, keyring_service)
    done = subprocess.run([sys.executable, "-c", _WINDOW_SIGNS_IN], cwd=ROOT, text=True, capture_output=True,
                          env=dict(env, SANDBOX_PW=password_of(sandbox)), timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [ALICE, "keyring"]
    assert window_sees(env) == "inbox 200"  # another process: a command, or the window started again


def test_the_device_code_refused_on_the_page_is_77(sandbox, home, keyring_service):
    set_up(home, graph_account(sandbox))
    env = env_for(home, keyring_service)
    proc = sign_in(env, "--device-code", "--account", ALICE.upper())
    page, code, said = the_code(proc)
    enter_the_code(sandbox, page, code, "", action="deny")
    rc, _out, err = finish(proc, said)
    assert rc == 77, err
    assert "authorization_declined" in err and "Signed in" not in err and "Traceback" not in err
    assert window_sees(env) == "not signed in"


def test_a_device_code_nobody_enters_expires_75(home, keyring_service):
    proc, info = start_cli("--device-interval", "1", "--device-lifetime", "2")
    try:
        set_up(home, graph_account(info))
        rc_proc = sign_in(env_for(home, keyring_service), "--device-code")
        _page, _code, said = the_code(rc_proc)
        rc, _out, err = finish(rc_proc, said)
    finally:
        stop_cli(proc)
    assert rc == 75, err
    assert "expired" in err and "start the sign-in again" in err and "Traceback" not in err


def test_ctrl_c_while_waiting_cancels_75(sandbox, home, keyring_service):
    set_up(home, graph_account(sandbox))
    env = env_for(home, keyring_service)
    proc = sign_in(env, "--device-code")
    _page, _code, said = the_code(proc)
    proc.send_signal(signal.SIGINT)
    rc, _out, err = finish(proc, said)
    assert rc == 75, err
    assert "cancelled; nothing was changed" in err and "Traceback" not in err


def test_an_authority_that_cannot_be_reached_is_69(sandbox, home, keyring_service):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    set_up(home, graph_account(sandbox, authority=f"https://127.0.0.1:{port}/organizations"))
    done = run_sign_in(env_for(home, keyring_service), "--device-code")
    assert done.returncode == 69, done.stderr
    assert "Could not reach the Microsoft 365 sign-in server" in done.stderr and "Traceback" not in done.stderr


def test_no_keyring_keeps_the_tokens_in_a_plain_file_only_when_asked(sandbox, home):
    set_up(home, graph_account(sandbox))
    env = env_for(home)  # the null keyring: this machine has none
    proc = sign_in(env, "--device-code")
    page, code, said = the_code(proc)
    enter_the_code(sandbox, page, code, password_of(sandbox))
    rc, _out, err = finish(proc, said)
    assert rc == 0, err
    assert "no system keyring: the sign-in lasts for this run only" in err and "--plain-token-file" in err
    assert window_sees(env) == "not signed in"
    assert not list((home / "data" / "tokens").glob("*.plain-tokens.json"))

    proc = sign_in(env, "--device-code", "--plain-token-file")
    page, code, said = the_code(proc)
    enter_the_code(sandbox, page, code, password_of(sandbox))
    rc, _out, err = finish(proc, said)
    assert rc == 0, err
    [plain] = (home / "data" / "tokens").glob("*.plain-tokens.json")
    assert f"kept in a plain file readable by you alone ({plain})" in err and "no system keyring" in err
    assert stat.S_IMODE(plain.stat().st_mode) == 0o600
    assert stat.S_IMODE(plain.parent.stat().st_mode) == 0o700
    assert window_sees(env) == "inbox 200"  # the window and send find it there


def test_a_plain_file_is_refused_where_there_is_a_keyring(sandbox, home, keyring_service):
    set_up(home, graph_account(sandbox))
    done = run_sign_in(env_for(home, keyring_service), "--device-code", "--plain-token-file")
    assert done.returncode == 64, done.stderr
    assert "this machine has a system keyring" in done.stderr
    assert not (home / "data" / "tokens").exists() or not list((home / "data" / "tokens").glob("*.plain-tokens.json"))


# ---------------- Exchange: the password from the environment into the keyring ----------------

_KEYRING_HOLDS = textwrap.dedent("""
    import os
    from app.storage import secrets
    from app.storage.settings import Settings
    account = Settings().account()
    held = secrets.load(account.email, account.username)
    print("none" if held is None else ("the same" if held == os.environ["EXPECTED"] else "another"))
""")


def keyring_holds(env: dict, expected: str) -> str:
    done = subprocess.run([sys.executable, "-c", _KEYRING_HOLDS], cwd=ROOT, env=dict(env, EXPECTED=expected),
                          text=True, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_exchange_password_from_the_environment_goes_into_the_keyring(sandbox, home, keyring_service):
    set_up(home, ews_account(sandbox))
    password = password_of(sandbox)
    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD=password)
    done = run_sign_in(env, "--password-env", "MY_EXCHANGE_PASSWORD")
    assert done.returncode == 0, done.stderr
    assert "the password is in the system keyring" in done.stderr
    assert password not in done.stderr + done.stdout
    assert keyring_holds(env, password) == "the same"  # another process: the window, a command


def test_a_wrong_exchange_password_is_refused_77_and_not_stored(sandbox, home, keyring_service):
    set_up(home, ews_account(sandbox))
    env = env_for(home, keyring_service, MY_EXCHANGE_PASSWORD="not-the-password")
    done = run_sign_in(env, "--password-env", "MY_EXCHANGE_PASSWORD")
    assert done.returncode == 77, done.stderr
    assert "refused the password" in done.stderr and "nothing was stored" in done.stderr
    assert "not-the-password" not in done.stderr
    assert keyring_holds(env, "not-the-password") == "none"


def test_an_exchange_password_with_no_keyring_is_said_and_not_stored(sandbox, home):
    set_up(home, ews_account(sandbox))
    env = env_for(home, MY_EXCHANGE_PASSWORD=password_of(sandbox))
    done = run_sign_in(env, "--password-env", "MY_EXCHANGE_PASSWORD")
    assert done.returncode == 69, done.stderr
    assert "no system keyring: nothing was stored" in done.stderr


# ---------------- usage and configuration: a clear sentence and sysexits' code ----------------

@pytest.mark.parametrize("account, args, variables, code, words", [
    (None, ["--device-code"], {}, 78, "no account is set up"),
    ("graph", ["--device-code", "--account", "bob@example.com"], {}, 78, "bob@example.com is not the account set up"),
    ("graph", [], {}, 64, "use --device-code"),
    ("graph without an application id", ["--device-code"], {}, 78, "no application (client) id is set"),
    ("graph", ["--password-env", "PW"], {"PW": "x"}, 64, "takes no password"),
    ("graph", ["--device-code", "--password", "x"], {}, 64, "unrecognized arguments"),
    ("ews", ["--device-code"], {}, 64, "use --password-env VAR"),
    ("ews", [], {}, 64, "--password-env VAR"),
    ("ews", ["--password-env", "NOT_SET_ANYWHERE"], {}, 64, "NOT_SET_ANYWHERE is not set"),
    ("ews", ["--password-env", "EMPTY"], {"EMPTY": ""}, 64, "EMPTY is empty"),
])
def test_usage_and_configuration_errors(sandbox, home, account, args, variables, code, words):
    made = {"graph": graph_account, "ews": ews_account, "graph without an application id": no_application_id}
    set_up(home, made[account](sandbox) if account else None)
    done = run_sign_in(env_for(home, **variables), *args)
    assert done.returncode == code, done.stderr
    assert words in done.stderr and "Traceback" not in done.stderr and done.stdout == ""
