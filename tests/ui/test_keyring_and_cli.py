"""The keyring-present path, the command-line account through the real parser, and the installed
``dispatch-mail`` console script.

The OS keyring cannot run here (no desktop session / D-Bus / keychain), so the keyring tests use
tests/fake_keyring.py, an in-memory ``keyring.backend.KeyringBackend`` selected with
``keyring.set_keyring``: the app's code path through the ``keyring`` API is the real one. Everything
else is real: the window, the account dialog, the settings file, the sandbox over HTTP, exchangelib.
"""

from __future__ import annotations

import argparse
import base64
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.accounts.session import ConnectionState
from app.domain.models import Draft, Recipient
from app.storage import secrets
from app.storage.settings import Settings
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window, wait_task

ROOT = Path(__file__).resolve().parents[2]


def _alice(sb):
    return next(a for a in sb.accounts if a["email"] == ALICE)


def _files_text(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file())


def test_account_dialog_puts_the_password_in_the_keyring_and_a_restart_reads_it(
        qtbot, aloop, sandbox, tmp_path, fake_keyring, screenshot_dir):
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    assert secrets.keyring_available(), "the test keyring counts as a usable OS keyring"
    user = _alice(sandbox)
    config = tmp_path / "config"
    settings = Settings(config / "settings.json")
    win = MainWindow(settings=settings, keyring_ok=secrets.keyring_available())
    qtbot.addWidget(win)
    win.show()
    Controller(parse([]), win, settings)  # the real parser: no options = the stored account (none yet)
    win.welcome.exchange_button.click()
    dlg = win.account_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.email.setText(ALICE)
    dlg.url.setText(sandbox.ews_url)
    dlg.username.setText(user["username"])
    dlg.password.setText(user["password"])
    dlg.grab().save(str(screenshot_dir / "account-dialog-keyring.png"))
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED, timeout=20000)
    assert not win.banner.isVisible() or "session only" not in win.banner.label.text()
    # the password went into the keyring ...
    assert fake_keyring.store == {(secrets.SERVICE, secrets._key(ALICE, user["username"])): user["password"]}
    # ... and nowhere in the config dir (the settings file holds the account without it)
    assert settings.account().email == ALICE
    on_disk = _files_text(config)
    assert ALICE in on_disk and user["password"] not in on_disk and "password" not in on_disk.lower()
    close_window(win)

    # restart: a new process would have an empty session cache and a fresh settings object
    secrets._session.clear()
    fake_keyring.calls.clear()
    settings2 = Settings(config / "settings.json")
    win2 = MainWindow(settings=settings2, keyring_ok=secrets.keyring_available())
    qtbot.addWidget(win2)
    win2.show()
    ctl = Controller(parse([]), win2, settings2)
    ctl.start()
    assert ctl._prompt is None, "no password prompt: the keyring has it"
    assert ("get", secrets.SERVICE, secrets._key(ALICE, user["username"])) in fake_keyring.calls
    qtbot.waitUntil(lambda: win2.session is not None and win2.session.state == ConnectionState.CONNECTED,
                    timeout=20000)
    saved = wait_task(qtbot, win2.session.save_draft(Draft(to=[Recipient(BOB)], subject="After restart", body="x")))
    assert saved.ref is not None
    assert [d["subject"] for d in sandbox.mailbox(ALICE).items("drafts")] == ["After restart"]
    assert user["password"] not in _files_text(config)
    close_window(win2)


def test_password_entered_at_the_prompt_is_kept_in_the_keyring(qtbot, aloop, sandbox, tmp_path, fake_keyring):
    """A stored account whose password is not in the keyring: asked once, then stored there."""
    from app.app_main import Controller
    from app.cli import parse
    from app.domain.account import AccountConfig
    from app.ui.window.main_window import MainWindow

    user = _alice(sandbox)
    settings = Settings(tmp_path / "config" / "settings.json")
    settings.set_account(AccountConfig(email=ALICE, ews_url=sandbox.ews_url, username=user["username"]))
    win = MainWindow(settings=settings, keyring_ok=True)
    qtbot.addWidget(win)
    win.show()
    ctl = Controller(parse([]), win, settings)
    ctl.start()
    assert ctl._prompt is not None and ctl._prompt.isVisible()
    ctl._prompt.password.setText(user["password"])
    ctl._prompt._accept()
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED, timeout=20000)
    assert fake_keyring.store[(secrets.SERVICE, secrets._key(ALICE, user["username"]))] == user["password"]
    assert user["password"] not in settings.path.read_text()
    close_window(win)


@pytest.fixture
def file_log(tmp_path, monkeypatch):
    """The app's own log file set-up (app_main.setup_logging) writing under a temporary DISPATCH_HOME."""
    from app.app_main import FILE_LOG, setup_logging

    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path / "home"))
    root = logging.getLogger()
    before_handlers, before_level = list(root.handlers), root.level
    for h in [h for h in root.handlers if h.get_name() == FILE_LOG]:
        root.removeHandler(h)  # another test's file handler: ours must be the one that writes
    setup_logging(file=True)
    ours = [h for h in root.handlers if h.get_name() == FILE_LOG]
    assert ours
    yield tmp_path / "home" / "logs" / "dispatch.log"
    for h in root.handlers[:]:
        if h not in before_handlers:
            root.removeHandler(h)
            h.close()
    for h in before_handlers:
        if h not in root.handlers:
            root.addHandler(h)
    root.setLevel(before_level)


def test_command_line_account_through_the_real_parser_connects(qtbot, aloop, sandbox, settings, monkeypatch, file_log):
    from app.app_main import Controller
    from app.cli import parse
    from app.ui.window.main_window import MainWindow

    user = _alice(sandbox)
    monkeypatch.setenv("DISPATCH_TEST_PW", user["password"])
    args = parse(["--ews-url", sandbox.ews_url, "--email", ALICE, "--username", user["username"],
                  "--password-env", "DISPATCH_TEST_PW"])
    assert isinstance(args, argparse.Namespace)
    assert (args.ews_url, args.email, args.username, args.password) == (sandbox.ews_url, ALICE, user["username"],
                                                                        user["password"])
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    Controller(args, win, settings).start()
    qtbot.waitUntil(lambda: win.session is not None and win.session.state == ConnectionState.CONNECTED, timeout=20000)
    assert win.session.account.email == ALICE and win.session.account.ews_url == sandbox.ews_url
    saved = wait_task(qtbot, win.session.save_draft(Draft(to=[Recipient(BOB)], subject="From the CLI", body="x")))
    assert saved.ref is not None
    assert [d["subject"] for d in sandbox.mailbox(ALICE).items("drafts")] == ["From the CLI"]
    assert settings.account() is None, "a command-line account is used as given, not stored"
    logging.getLogger("app").info("cli test: session connected for %s", ALICE)  # the file handler is live
    close_window(win)
    for h in logging.getLogger().handlers:
        h.flush()
    text = file_log.read_text(encoding="utf-8")
    assert "cli test: session connected" in text
    pw = user["password"]
    assert pw not in text
    assert base64.b64encode(f"{user['username']}:{pw}".encode()).decode() not in text
    assert pw not in settings.path.read_text() if settings.path.exists() else True


def test_command_line_missing_password_env_is_a_clear_error(capsys, monkeypatch):
    from app.cli import main

    monkeypatch.delenv("DISPATCH_NO_SUCH_PW", raising=False)
    with pytest.raises(SystemExit) as exc:
        main(["--ews-url", "http://127.0.0.1:9/EWS/Exchange.asmx", "--email", ALICE, "--username", "alice",
              "--password-env", "DISPATCH_NO_SUCH_PW"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "the environment variable DISPATCH_NO_SUCH_PW is not set" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["--sandbox-g"], ["--ews", "http://127.0.0.1:9/EWS/Exchange.asmx"],
                                  ["--pass", "PW"]], ids=["--sandbox-g", "--ews", "--pass"])
def test_the_window_takes_no_abbreviated_option(capsys, argv):
    """Issue 74, item 7: an option is written in full (``--pass`` is no ``--password-env``), as the commands'
    parsers take them: one reading of a command line, never a guess at what a shortened word meant."""
    from app.cli import parse

    with pytest.raises(SystemExit) as exc:
        parse(argv)
    assert exc.value.code == 2 and f"unrecognized arguments: {argv[0]}" in capsys.readouterr().err


def _console_script() -> str | None:
    return shutil.which("dispatch-mail", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(_console_script() is None,
                    reason="dispatch-mail console script not installed in this venv; run `pip install -e .` "
                           "(the README bootstrap does `pip install -e .[test,package]`, so CI's fresh venv has it)")
def test_installed_console_script_runs(tmp_path):
    exe = _console_script()
    env = dict(os.environ, DISPATCH_HOME=str(tmp_path))
    env.pop("DISPATCH_NO_SUCH_PW", None)
    out = subprocess.run([exe, "--version"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert out.returncode == 0 and out.stdout.strip().startswith("Dispatch "), out.stderr
    out = subprocess.run([exe, "--help"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert out.returncode == 0 and "--password-env" in out.stdout
    out = subprocess.run([exe, "--ews-url", "http://127.0.0.1:9/EWS/Exchange.asmx", "--email", ALICE,
                          "--username", "alice", "--password-env", "DISPATCH_NO_SUCH_PW"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert out.returncode == 2 and "DISPATCH_NO_SUCH_PW is not set" in out.stderr
    assert "Traceback" not in out.stderr
