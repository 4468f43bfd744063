"""The shell around the views: start-up, CLI, first run, settings and secrets, menus and shortcuts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from app.domain.account import AccountConfig
from app.storage import secrets
from app.storage.settings import Settings
from tests.helpers.windows import close_window

ROOT = Path(__file__).resolve().parents[2]


def test_cli_version_and_help_do_not_import_qt():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-m", "app", "--version"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0 and out.stdout.strip().startswith("Dispatch ")
    out = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0 and "--sandbox" in out.stdout and "--password-env" in out.stdout
    code = "import sys, app.cli; app.cli.parse(['--version']) if False else None; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.stdout.strip() == "False"


def test_cli_rejects_incomplete_account_and_missing_password_env():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("NO_SUCH_VAR", None)
    out = subprocess.run([sys.executable, "-m", "app", "--ews-url", "http://x/EWS/Exchange.asmx"],
                         capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 2 and "go together" in out.stderr
    out = subprocess.run([sys.executable, "-m", "app", "--ews-url", "http://x/EWS/Exchange.asmx", "--email", "a@b.co",
                          "--username", "a", "--password-env", "NO_SUCH_VAR"], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 2 and "NO_SUCH_VAR" in out.stderr and "Traceback" not in out.stderr


def _measured_start(tmp_path, *args: str):
    """The real app started with ``args``, measuring (``DISPATCH_FIRST_PAINT=1``: it reports its paints and
    the modules loaded at the first, its first view ready, and quits once every view is built)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=str(tmp_path), DISPATCH_FIRST_PAINT="1",
               QT_QPA_PLATFORM="offscreen", DISPATCH_REPORT_MODULES="1")
    out = subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    return out


def test_first_paint_happens_before_exchangelib_is_imported(tmp_path):
    """Start the real app (sandbox account), quit at first paint: exchangelib must not be loaded yet."""
    out = _measured_start(tmp_path)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_FIRST_PAINT")]
    assert lines, out.stdout + out.stderr
    assert "exchangelib=False" in lines[0] and "sandbox=False" in lines[0]


# the app's own modules the first paint may wait for: the command line, the start-up, the window's class and its
# theme. Anything else (the language and its catalogues, the domain's models and validation, the settings, the
# core, the frame, the views) is imported after it, a turn at a time (app/app_main.py: _language, then
# _PRE_LOOP_IMPORTS; app/ui/window/setup_steps.py). The first frame is the empty window, which has no words.
# A module added here costs every start its import: measure it first (bench/paint_instructions.py and
# bench/bench_startup_stall.py, first paint against a bare window; budget 1.10x).
FIRST_PAINT_PATH = {
    "app", "app.cli", "app.command", "app.runtime", "app.app_main", "app.domain", "app.domain.words",
    "app.command.window_args",  # the window's command line, read there since app/cli.py only hands it on
    "app.ui", "app.ui.window", "app.ui.window.parts", "app.ui.window.window_geometry", "app.ui.window.main_window",
    "app.ui.common", "app.ui.common.theme",  # the kit's package (a docstring) and the theme, moved there from the window
    # one window: is a door open, to hand this start to the window that runs (app/command/window_start.py)? os only,
    # 0.8 ms of imports and a listdir of the doors' folder (the data folder's name, platformdirs, only where there is
    # neither DISPATCH_HOME nor a runtime folder: not a desktop session)
    "app.command.window_start", "app.core", "app.core.scripts", "app.core.scripts.door_paths",
    # the application object: QApplication and a method for the links macOS hands a running application
    "app.ui.window.application",
}
#: what the domain's models and validation import, which no module on that path needs (20-30 ms of CPU in front
#: of the first paint when app/domain/__init__.py re-exported them and app.domain.words brought it in)
NOT_BEFORE_FIRST_PAINT = {"app.domain.models", "app.domain.validation", "app.domain.explain", "dataclasses",
                          "datetime", "uuid", "unicodedata", "asyncio", "qasync", "logging.handlers",
                          "app.storage.settings", "platformdirs"}


@pytest.mark.parametrize("args", [(), ("--sandbox",)], ids=["no account", "sandbox"])
def test_the_first_paint_waits_for_its_own_path_only(tmp_path, args):
    """The modules loaded when the window first paints: of the app's own, only those of the first paint's path;
    none of the domain's models and validation (nor dataclasses, datetime, uuid), none of asyncio."""
    out = _measured_start(tmp_path, *args)
    first = next(ln for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_FIRST_PAINT"))
    loaded = set(next(w for w in first.split() if w.startswith("modules="))[len("modules="):].split(","))
    ours = {m for m in loaded if m == "app" or m.startswith("app.")}
    assert ours - FIRST_PAINT_PATH == set(), "imported before the first paint"
    assert loaded & NOT_BEFORE_FIRST_PAINT == set(), "imported before the first paint"


def test_the_first_frame_is_the_empty_window_and_the_frame_paints_next(tmp_path):
    """The first paint is the empty window in the scheme's colour, as soon as a bare window would paint;
    the frame (sidebar, menu titles, status bar: app/ui/window/frame.py, not imported before) is the next paint,
    before the views' slices are done."""
    out = _measured_start(tmp_path, "--sandbox")
    lines = [ln.split()[0] for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_")]
    assert lines == ["DISPATCH_FIRST_PAINT", "DISPATCH_FRAME_PAINT", "DISPATCH_READY", "DISPATCH_ALL_BUILT"], out.stdout
    first = next(ln for ln in out.stdout.splitlines() if ln.startswith("DISPATCH_FIRST_PAINT"))
    assert "frame=False" in first


def test_settings_never_hold_a_password(tmp_path, monkeypatch):
    s = Settings(tmp_path / "settings.json")
    acc = AccountConfig(email="a@example.com", ews_url="https://mail.example.com/EWS/Exchange.asmx", username="a")
    s.set_account(acc)
    s.remember_server_build("15.1.2507.6", "Exchange2016")
    stored = secrets.store(acc.email, acc.username, "hunter2-secret")
    assert stored is False, "tests run with the null keyring: kept for the session only"
    assert secrets.load(acc.email, acc.username) == "hunter2-secret"
    raw = (tmp_path / "settings.json").read_text()
    assert "hunter2" not in raw and "password" not in raw
    again = Settings(tmp_path / "settings.json").account()
    assert again.server_build == "15.1.2507.6" and again.email == acc.email
    secrets.forget(acc.email, acc.username)
    assert secrets.load(acc.email, acc.username) is None


def test_dispatch_home_overrides_platform_dirs(tmp_path, monkeypatch):
    from app.storage import settings as st

    monkeypatch.setenv("DISPATCH_HOME", str(tmp_path))
    assert st.config_dir() == tmp_path / "config" and st.data_dir() == tmp_path / "data"


def test_welcome_then_account_dialog_stores_account_without_password(qtbot, aloop, tmp_path, screenshot_dir,
                                                                     sandbox):
    from app.app_main import Controller
    from app.ui.window.main_window import MainWindow

    settings = Settings(tmp_path / "settings.json")
    win = MainWindow(settings=settings, keyring_ok=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    # no account: the sidebar stays usable; Drafts/Sent/Outbox say how to add one (tests/ui/test_lists_usable.py)
    assert win.current_view() == "welcome" and win.sidebar.isEnabled()
    win.grab().save(str(screenshot_dir / "welcome.png"))
    ctl = Controller(None, win, settings)
    win.welcome.exchange_button.click()
    dlg = win.account_dialog
    assert dlg is not None and dlg.isVisible()
    dlg.email.setText("zed@example.com")
    dlg.url.setText("not a url")
    dlg.username.setText("zed")
    dlg.password.setText("pa55-word")
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "EWS URL" in dlg.error.text()
    dlg.url.setText("http://127.0.0.1:9/EWS/Exchange.asmx")  # nothing listens there
    dlg.grab().save(str(screenshot_dir / "account-dialog.png"))
    dlg.buttons.accepted.emit()
    # the account is tried before it is used: unreachable -> the error at the form, nothing changed
    qtbot.waitUntil(lambda: "Could not connect" in dlg.error.text(), timeout=20000)
    assert dlg.isVisible() and win.session is None and settings.account() is None
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    bob = next(a for a in sandbox.accounts if a["email"] == "bob@example.com")
    dlg.email.setText("bob@example.com")
    dlg.url.setText(sandbox.ews_url)
    dlg.username.setText(bob.get("username") or "bob@example.com")
    dlg.password.setText(bob["password"])
    dlg.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=20000)
    assert win.session is not None and win.session.account.email == "bob@example.com"
    assert settings.account().email == "bob@example.com"
    assert bob["password"] not in (tmp_path / "settings.json").read_text()
    assert "pa55" not in (tmp_path / "settings.json").read_text()
    assert secrets.load("bob@example.com", bob.get("username") or "bob@example.com") == bob["password"]
    assert secrets.load("zed@example.com", "zed") is None  # the refused account kept nothing
    close_window(win)
    secrets.forget("bob@example.com", bob.get("username") or "bob@example.com")
    del ctl


def test_every_action_has_a_shortcut_and_a_menu_entry(qtbot, aloop):
    from app.ui.window.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    in_menus = set()
    assert [a.text() for a in win.menuBar().actions()] == [  # Format: issue 45
        "&File", "&Edit", "F&ormat", "&Drafts", "&View", "&Help"]
    for menu_action in win.menuBar().actions():
        for a in menu_action.menu().actions():
            in_menus.add(a)
    expected = {
        "new": "Ctrl+N", "save": "Ctrl+S", "send": "Ctrl+Return", "send_selected": "Ctrl+Shift+Return",
        "view_compose": "Ctrl+1", "view_drafts": "Ctrl+2", "view_sent": "Ctrl+3", "open": "Return",
        "delete": "Del", "shortcuts": "F1", "quit": "Ctrl+Q", "attach": "Ctrl+Shift+A",
    }
    for name, keys in expected.items():
        act = getattr(win.actions_, name)
        assert act in in_menus, name
        assert QKeySequence(keys) in act.shortcuts(), (name, [s.toString() for s in act.shortcuts()])
    for act in win.actions_.all():
        assert act.shortcuts() and act in in_menus, act.text()
    win.show_shortcuts()
    assert win._sheet.isVisible() and not win._sheet.isModal() and win._sheet.table.rowCount() >= 12
    win._sheet.grab().save(str(Path(__file__).resolve().parents[1] / "screenshots" / "shortcuts.png"))
    win._sheet.close()


def test_add_view_puts_another_view_in_sidebar_and_menu(qtbot, aloop, tmp_path):
    from PySide6.QtWidgets import QLabel

    from app.core.accounts.session import Session
    from app.domain.account import AccountConfig
    from app.ui.window.main_window import MainWindow

    acc = AccountConfig(email="a@example.com", ews_url="http://127.0.0.1:9/EWS/Exchange.asmx", username="a")
    session = Session.for_account(acc, "x")
    win = MainWindow(session)
    qtbot.addWidget(win)
    extra = QLabel("more here")
    extra.setAccessibleName("More")
    win.add_view("more", "More", extra, shortcut="Ctrl+5")
    win.show()
    win.show_view("more")
    assert win.current_view() == "more" and win.stack.currentWidget() is extra
    assert win.sidebar.count() == 5 and win.sidebar.currentRow() == 4  # after Compose/Drafts/Sent/Outbox
    assert "More" in [a.text() for a in win.menus["&View"].actions()]
    win.show_view("drafts")
    assert win.current_view() == "drafts"
    win.close()
    session.close()


def test_gc_is_frozen_once_when_start_up_is_over_and_never_on_a_connect(qtbot, aloop, sandbox, settings):
    """Issue 47: the one runtime setting is ``gc.freeze()`` once start-up is over (``settle_gc_after_start``,
    which app_main calls once: the window built and the first connect attempt ended, whatever its outcome);
    connecting itself freezes nothing (it froze everything alive at every connect). The real window on
    the sandbox, signed in and connecting for real."""
    import gc

    from tests.helpers.windows import open_window

    gc.unfreeze()
    try:
        win, session = open_window(qtbot, sandbox, settings, connected=True)
        try:
            qtbot.waitUntil(lambda: win.connect_task is not None and win.connect_task.done(), timeout=20000)
            assert win.connect_task.result() is True
            assert gc.get_freeze_count() == 0, "a connect froze the collector's objects"
            from app.runtime import settle_gc_after_start

            settle_gc_after_start(win)
            win.state_changed.emit("connecting")
            assert gc.get_freeze_count() == 0, "an attempt under way: start-up is not over"
            win.state_changed.emit("offline")
            assert gc.get_freeze_count() > 0, "the first attempt ended (here: offline): frozen"
            gc.unfreeze()
            win.state_changed.emit("connected")
            assert gc.get_freeze_count() == 0, "only once"
        finally:
            close_window(win, session)
    finally:
        gc.unfreeze()
