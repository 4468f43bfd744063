"""Dispatch as the desktop's mail program, reached the way other programs reach it (issue 77): ``xdg-email`` (what
LibreOffice's "Send document as e-mail", file managers' "Send to" and scripts run) finds the desktop's
``x-scheme-handler/mailto`` handler with ``xdg-mime`` and runs its desktop entry's Exec line with the link.

Registered in this test's own ``XDG_DATA_HOME`` / ``XDG_CONFIG_HOME``: Dispatch's desktop entry
(resources/dispatch-mail.desktop) with its Exec line pointed at this checkout (``python -m app %u``, as the
installed ``dispatch-mail %u``), made the default with ``xdg-mime default``. The window runs in this process on
the sandbox (real HTTP); ``xdg-email`` is the real one from xdg-utils, in its generic mode (no desktop
environment named), with a display set so that it uses the desktop entry rather than a browser."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers import dispatch_mail as dm
from tests.helpers.backends import BOB
from tests.helpers.door_window import account_set_up, open_account_window
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.windows import close_window, wait_idle

pytestmark = pytest.mark.skipif(shutil.which("xdg-email") is None,
                                reason="xdg-utils is not installed (scripts/bootstrap.sh test installs it)")


@pytest.fixture
def home(short_home):
    return short_home


@pytest.fixture
def running(qtbot, aloop, sandbox, home):
    win, session = open_account_window(qtbot, account_set_up(sandbox))
    yield win
    close_window(win, session)


@pytest.fixture
def desktop(tmp_path, home):
    """A desktop on which Dispatch is the mail program: its environment for xdg-utils."""
    data, config = tmp_path / "xdg-data", tmp_path / "xdg-config"
    (data / "applications").mkdir(parents=True)
    config.mkdir()
    entry = (dm.ROOT / "resources" / "dispatch-mail.desktop").read_text(encoding="utf-8")
    assert "\nExec=dispatch-mail %u\n" in entry and "\nTryExec=dispatch-mail\n" in entry
    entry = entry.replace("\nExec=dispatch-mail %u\n", f"\nExec={sys.executable} -m app %u\n")
    entry = entry.replace("\nTryExec=dispatch-mail\n", f"\nTryExec={sys.executable}\n")
    (data / "applications" / "dispatch-mail.desktop").write_text(entry, encoding="utf-8")
    env = {k: v for k, v in dm.command_env(home).items()
           if k not in ("XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION", "GNOME_DESKTOP_SESSION_ID")}
    env.update(XDG_DATA_HOME=str(data), XDG_DATA_DIRS=str(data), XDG_CONFIG_HOME=str(config),
               DISPLAY=env.get("DISPLAY") or ":0")  # xdg-email's generic mode opens a desktop entry only with one
    subprocess.run(["xdg-mime", "default", "dispatch-mail.desktop", "x-scheme-handler/mailto"], env=env, check=True,
                   cwd=str(dm.ROOT))
    asked = subprocess.run(["xdg-mime", "query", "default", "x-scheme-handler/mailto"], env=env, cwd=str(dm.ROOT),
                           capture_output=True, text=True, check=True)
    assert asked.stdout.strip() == "dispatch-mail.desktop"
    return env


def test_xdg_email_opens_a_new_message_in_the_running_window(qtbot, running, desktop, tmp_path, sandbox):
    win, c = running, running.compose
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4 the report")
    proc = subprocess.Popen(["xdg-email", "--subject", "The report", "--body", "Here it is.", "--attach", str(report),
                             BOB], env=desktop, cwd=str(dm.ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    code, out, err = dm.finish(qtbot, proc)
    assert code == 0, (code, out, err)
    qtbot.waitUntil(lambda: c.subject.text() == "The report", timeout=20000)
    assert [r.email for r in c.draft().to] == [BOB]
    qtbot.waitUntil(lambda: c.draft().body.strip() == "Here it is.", timeout=5000)
    assert c.draft().attachments == [], "a file a link names is never attached without the user"
    assert "1 file" in win.banner.text(), win.banner.text()
    # by keys: Tab to the pending file, Enter attaches it, Ctrl+Return sends; Bob has its bytes once
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is c.pending_files.list, win.focusWidget()
    key(qtbot, win, Qt.Key_Return)
    assert [(a.name, a.content) for a in c.draft().attachments] == [("report.pdf", b"%PDF-1.4 the report")]
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(_inbox(sandbox, "The report")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    [got] = _inbox(sandbox, "The report")
    assert [(a["name"], a["content"]) for a in got["attachments"]] == [("report.pdf", b"%PDF-1.4 the report")]
    assert os.path.exists(report)


def _inbox(sandbox, subject):
    return [m for m in items(sandbox, "inbox", BOB) if m["subject"] == subject]


@pytest.fixture
def another_default(desktop, monkeypatch):
    """The same desktop with another program as its mail program, and the window's process on it (it asks
    xdg-mime itself)."""
    for name in ("XDG_DATA_HOME", "XDG_DATA_DIRS", "XDG_CONFIG_HOME", "DISPLAY"):
        monkeypatch.setenv(name, desktop[name])
    other = Path(desktop["XDG_DATA_HOME"]) / "applications" / "other-mail.desktop"
    other.write_text("[Desktop Entry]\nType=Application\nName=Other mail\nExec=true %u\n"
                     "MimeType=x-scheme-handler/mailto;\n", encoding="utf-8")
    subprocess.run(["xdg-mime", "default", "other-mail.desktop", "x-scheme-handler/mailto"], env=desktop, check=True)
    return desktop


def test_file_menu_makes_dispatch_the_default_mail_program(qtbot, another_default, running):
    """File → Make Dispatch the default mail program (by keys, from the command palette): xdg-mime then names
    Dispatch's desktop entry for mailto: links; the action says so and is not offered again."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    from tests.helpers.keys import CTRL, key

    win = running
    action = win.findChild(QAction, "actDefaultMail")
    assert action is not None and action.isVisible()
    qtbot.waitUntil(lambda: action.isEnabled() and not action.isChecked(), timeout=10000)
    key(qtbot, win, Qt.Key_P, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    qtbot.keyClicks(win.power.palette.field, "default mail program")
    qtbot.keyClick(win.power.palette.field, Qt.Key_Return)
    qtbot.waitUntil(lambda: action.isChecked() and not action.isEnabled(), timeout=10000)
    asked = subprocess.run(["xdg-mime", "query", "default", "x-scheme-handler/mailto"], env=another_default,
                           capture_output=True, text=True, check=True)
    assert asked.stdout.strip() == "dispatch-mail.desktop"
    assert "Dispatch is now the desktop's mail program" in win.statusBar().currentMessage()
    assert action.text() == "Dispatch is the default mail program"
    # another program made the default meanwhile: the File menu, opened by keys, asks the desktop again
    subprocess.run(["xdg-mime", "default", "other-mail.desktop", "x-scheme-handler/mailto"], env=another_default,
                   check=True)
    key(qtbot, win, Qt.Key_F, Qt.AltModifier)
    qtbot.waitUntil(lambda: win.menus["&File"].isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: action.isEnabled() and not action.isChecked(), timeout=10000)
    qtbot.keyClick(win.menus["&File"], Qt.Key_Escape)
