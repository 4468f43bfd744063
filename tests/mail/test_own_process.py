"""Dispatch's own processes (app/own_process.py) run the installation's code and get only what they need of the
window's environment (issue 74, holes 1 and 8): started from a folder another user can write to, which holds an
``app`` package of theirs, the mail engine still runs ours and sends; and the password a ``--password-env``
variable holds, whatever that variable is called, never reaches the engine's environment. Real processes and
the real sandbox over HTTP; nothing is mocked."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from app import own_process
from app.domain.models import Draft, Recipient
from tests.helpers.backends import ALICE, BOB
from tests.helpers.hostile_folder import plant
from tests.helpers.mail_services import Services, account_info

pytestmark = pytest.mark.process


@pytest.fixture
def engine(sandbox):
    s = Services(sandbox, "ews-engine")
    yield s
    s.close()


def _environ(pid: int) -> dict[str, str]:
    raw = Path(f"/proc/{pid}/environ").read_bytes()
    return dict(item.decode("utf-8", "replace").split("=", 1) for item in raw.split(b"\0") if b"=" in item)


def test_the_engine_runs_the_installs_code_from_a_folder_that_holds_another_app(engine, sandbox, tmp_path,
                                                                                  monkeypatch):
    ran = plant(tmp_path / "shared")
    monkeypatch.chdir(tmp_path / "shared")  # the window was started there
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "shared"))  # and even named it on the path
    svc = engine.make()
    outcome, = svc.send_drafts([svc.save_draft(Draft(to=[Recipient(BOB)], subject="from a shared folder",
                                                     body="ours")).ref])
    assert outcome.status.value == "sent"
    assert not ran.exists(), "the planted app ran in the engine: " + ran.read_text()
    assert Path(f"/proc/{svc.pid}/cwd").resolve() == Path(own_process.ROOT)


def test_no_variable_holding_the_password_reaches_the_engine_whatever_its_name(engine, sandbox, monkeypatch):
    password = account_info(sandbox, ALICE)["password"]
    monkeypatch.setenv("DISPATCH_PW", password)  # --password-env DISPATCH_PW: a name like our own variables'
    monkeypatch.setenv("MY_MAIL_PASSWORD", password)
    monkeypatch.setenv("SOME_OTHER_PROGRAMS_TOKEN", "token-of-another-program")
    svc = engine.make()
    assert svc.connect().build.startswith("15.")
    env = _environ(svc.pid)
    assert not [name for name, value in env.items() if password in value]
    assert "SOME_OTHER_PROGRAMS_TOKEN" not in env and "DISPATCH_PW" not in env
    assert env.get("DISPATCH_HOME") == os.path.abspath(os.environ["DISPATCH_HOME"]) if "DISPATCH_HOME" in os.environ \
        else True


def test_a_child_of_ours_started_from_a_hostile_folder_runs_ours(tmp_path):
    """The HTML helper's way in (``dispatch-mail --qt-html``): the entry point, run as app/own_process.py starts
    it, from a folder holding another ``app``, with that folder on ``PYTHONPATH`` too."""
    ran = plant(tmp_path / "shared")
    env = own_process.child_env({"PYTHONPATH": str(tmp_path / "shared")})
    done = subprocess.run(own_process.command("app", "--version"), cwd=tmp_path / "shared", env=env,
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"0." in done.stdout + done.stderr
    assert not ran.exists()


def test_a_childs_environment_is_a_list_of_names_less_the_password(monkeypatch):
    monkeypatch.setenv("HOME", "/home/a")
    monkeypatch.setenv("LC_TIME", "fr_FR.UTF-8")
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("DISPATCH_HOME", "relative/home")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "another program's")
    monkeypatch.setenv("XDG_PW", "a")  # a variable of an allowed kind holding the password
    env = own_process.child_env({"EXTRA": "1"}, secrets=("a",))
    assert env["HOME"] == "/home/a", "a short password empties no variable that merely contains it"
    assert env["LC_TIME"] == "fr_FR.UTF-8" and env["HTTPS_PROXY"] == "http://proxy.example:3128"
    assert env["DISPATCH_HOME"] == os.path.abspath("relative/home"), "the child starts in another folder"
    assert "AWS_SECRET_ACCESS_KEY" not in env and "XDG_PW" not in env and env["EXTRA"] == "1"
