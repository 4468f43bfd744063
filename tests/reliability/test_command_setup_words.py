"""What ``dispatch-mail`` says about setting up (issue 73, items 10 and 15), each from a real process:

- ``dispatch-mail --help`` names every command and the manual;
- the window started with the account flags says that account is not saved (and it is not: a command then still
  finds no account);
- a wrong password through ``--password-env`` is said to be refused (not "waiting for sign-in", not "goes out by
  itself"), and the message goes out with the next command given the right one.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys

import pytest

from app.command import COMMAND_NAMES
from tests.helpers.commands import ALICE, BOB, PASSWORD_VAR
from tests.helpers.sandbox_cli import ROOT


def _dm(home, *args, env_extra: dict | None = None, stdin: bytes = b"") -> subprocess.CompletedProcess:
    env = dict(os.environ, DISPATCH_HOME=str(home), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
               **(env_extra or {}))
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, input=stdin, capture_output=True,
                          timeout=120)


def test_help_names_every_command_and_the_manual(tmp_path):
    done = _dm(tmp_path, "--help")
    out = done.stdout.decode()
    assert done.returncode == 0, done.stderr
    said = " ".join(out.split())  # argparse wraps the text at the terminal's width
    assert "send, sendmail, outbox, status, lookup, sign-in, account" in said
    assert set(COMMAND_NAMES) == {"send", "sendmail", "outbox", "status", "lookup", "sign-in", "account"}
    assert "man dispatch-mail" in said and "dispatch-mail COMMAND --help" in said
    assert "for this run only, not saved" in said and "dispatch-mail account add" in said
    account_help = _dm(tmp_path, "account", "--help")
    assert account_help.returncode == 0 and "{list,add,remove}" in account_help.stdout.decode()


@pytest.mark.timeout(120)
def test_the_window_says_its_account_flags_are_not_saved(tmp_path, server):
    env = dict(os.environ, DISPATCH_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **{PASSWORD_VAR: server.alice["password"]})
    window = subprocess.Popen([sys.executable, "-m", "app", "--ews-url", server.ews_url, "--email", ALICE,
                               "--username", server.alice["username"], "--password-env", PASSWORD_VAR], cwd=ROOT,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        ready, _, _ = select.select([window.stderr], [], [], 60)  # the first thing it says, before the window
        assert ready, "the window said nothing"
        line = window.stderr.readline().decode()
    finally:
        window.terminate()
        window.communicate(timeout=60)
    assert line.startswith(f"dispatch-mail: {ALICE} is used for this run only and is not saved"), line
    assert "dispatch-mail account add" in line and server.alice["password"] not in line
    listed = _dm(tmp_path / "home", "account", "list")
    assert listed.stdout.decode().startswith("No account is set up"), "what it says is what it does"


@pytest.mark.timeout(240)
def test_a_wrong_password_from_password_env_is_said_to_be_refused(server, home):
    wrong = dict(home.env, **{PASSWORD_VAR: "not-the-password"})
    done = home.run("send", "--to", BOB, "--subject", "wrong password", "--body-file", "-", stdin=b"hi\n", env=wrong)
    err = done.stderr.decode()
    assert done.returncode == 77, err  # refused (issue 75): kept in the Outbox, not to be sent again
    assert (f"the server refused the password for {ALICE} (from the environment variable {PASSWORD_VAR})"
            in err), err
    assert "waiting for sign-in" not in err and "goes out by itself" not in err
    assert "given the right password" in err and "not-the-password" not in err + done.stdout.decode()
    assert not any(server.copies()["inbox"].values())
    later = home.run("outbox")  # the next command, with the right password: what waited goes out
    assert later.returncode == 0, later.stderr
    assert sum(server.copies()["inbox"].values()) == 1
