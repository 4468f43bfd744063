"""What the tests of the commands that sign in share (``dispatch-mail sign-in``, ``dispatch-mail account add``):
a real Secret Service every process of the test shares, the command's environment, Microsoft's device-code
message read from what the command says, the code entered as a user does it on the authority's page, and a
look, from another process, at what the window would find."""

from __future__ import annotations

import os
import re
import signal
import ssl
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from tests.helpers import secret_service
from tests.helpers.sandbox_cli import ROOT

NULL_KEYRING = "keyring.backends.null.Keyring"  # a machine with no keyring at all
_MESSAGE = re.compile(r"open the page (\S+) and enter the code (\S+) to authenticate")


@pytest.fixture
def keyring_service(tmp_path):
    assert secret_service.available(), "dbus-daemon and gnome-keyring-daemon are needed: scripts/bootstrap.sh test"
    service = secret_service.SecretService(tmp_path / "secret-service").start()
    yield service
    service.stop()


def env_for(home: Path, keyring_service=None, **more) -> dict:
    base = keyring_service.env() if keyring_service else dict(os.environ, PYTHON_KEYRING_BACKEND=NULL_KEYRING)
    return dict(base, DISPATCH_HOME=str(home), PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1", **more)


_RUNNING: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_command_outlives_its_test():
    yield
    while _RUNNING:
        proc = _RUNNING.pop()
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


def _as_in_a_terminal() -> None:
    """The command as a user starts it at a terminal, where Ctrl+C interrupts: a test run started in the background
    (``cmd &`` in a script) has SIGINT ignored, every child inherits that, and Python then keeps it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def the_code(proc: subprocess.Popen) -> tuple[str, str, list[str]]:
    """The verification page and the user code, from what the command says on standard error."""
    said = []
    for line in proc.stderr:
        said.append(line)
        found = _MESSAGE.search(line)
        if found:
            return found.group(1), found.group(2), said
    raise AssertionError(f"no device code was shown: {''.join(said)!r}")


def enter_the_code(info, page: str, code: str, password: str, action: str = "approve") -> str:
    """The user, on another device: the verification page, the code, their login and password."""
    answer = httpx.post(page, data={"user_code": code, "login": "alice", "password": password, "action": action},
                        verify=ssl.create_default_context(cafile=info["authority_cert"]), timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.text


def finish(proc: subprocess.Popen, said: list[str]) -> tuple[int, str, str]:
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # where each of its threads waits (PYTHONFAULTHANDLER: SIGABRT dumps them)
        proc.send_signal(signal.SIGABRT)
        out, err = proc.communicate(timeout=30)
        raise AssertionError(f"the command did not end: {''.join(said)}{err}") from None
    return proc.returncode, out, "".join(said) + err


# what another process of the same user does with the account: the window's and ``send``'s way to its sign-in
# (app/core/accounts/services.py, the token cache where the window keeps it), then one Graph request with its token
_WINDOW_USES_THE_SIGN_IN = textwrap.dedent("""
    import httpx, sys
    from app.core.accounts import services as accounts
    from app.mail.errors import SignInNeeded
    from app.storage.settings import Settings
    account = Settings().account()
    try:
        token = accounts.graph_signin(account).token_provider()
    except SignInNeeded:
        print("not signed in"); sys.exit(0)
    answer = httpx.get(account.extra["graph_url"] + "/me/mailFolders/inbox", headers={"Authorization": "Bearer " + token})
    print("inbox", answer.status_code)
""")


def window_sees(env: dict) -> str:
    done = subprocess.run([sys.executable, "-c", _WINDOW_USES_THE_SIGN_IN], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def password_of(sandbox_info) -> str:
    return sandbox_info["accounts"][0]["password"]
