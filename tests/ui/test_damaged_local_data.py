"""Local data that is damaged gets a clear message, not a crash, and loses nothing.

- A ``settings.json`` nested 100,000 deep (json raises RecursionError) or otherwise unreadable is set
  aside as ``settings.json.damaged`` and the app starts with defaults, saying so.
- A settings file that cannot be written keeps the settings for the session and says so.
- A data folder that cannot be used is reported as such, not as "Could not reach the server".

As root (CI) permissions do not stop a write, so "cannot be written" is made real by putting a file
where the folder should be: mkdir then fails with ENOTDIR/EEXIST for any user.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.app_main import watch_settings
from app.core.accounts.demo import demo_session
from app.core.accounts.session import ConnectionState
from app.storage.settings import Settings
from app.domain.events import SettingsProblem
from tests.helpers.windows import close_window, make_window

ROOT = Path(__file__).resolve().parents[2]
DEEP = "[" * 100_000 + "]" * 100_000


def _account_json() -> str:
    return json.dumps({"account": {"email": "a@example.com", "ews_url": "https://mail.example.com/EWS/Exchange.asmx",
                                   "username": "a"}})


@pytest.mark.parametrize("content, why", [
    (DEEP, "nested too deeply"),
    ('{"account": {"email": ', "not valid JSON (line 1, column 23)"),
    ("[1, 2]", "does not hold settings"),
    (b"\xff\xfe{}", "not text"),
    (" " * (1 << 20) + "{}", "larger than 1 MB"),
])
def test_a_damaged_settings_file_is_set_aside_and_defaults_used(tmp_path, content, why):
    path = tmp_path / "config" / "settings.json"
    path.parent.mkdir()
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    s = Settings(path)
    assert s.account() is None and s.recent_recipients() == []
    assert why in s.problem and "settings.json.damaged" in s.problem and "default settings" in s.problem
    aside = path.with_name("settings.json.damaged")
    assert aside.exists() and not path.exists()  # kept, byte for byte
    assert aside.read_bytes() == (content if isinstance(content, bytes) else content.encode())
    s.set("theme", "dark")  # the next save writes a fresh file and leaves the damaged one alone
    assert json.loads(path.read_text()) == {"prefs": {"theme": "dark"}} and aside.exists()
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_a_settings_file_that_cannot_be_written_keeps_the_session_and_says_so(tmp_path):
    (tmp_path / "config").write_text("a file where the settings folder should be")
    s = Settings(tmp_path / "config" / "settings.json")
    told = []
    s.news.subscribe(SettingsProblem, lambda e: told.append(e.text))
    s.set("theme", "dark")
    assert s.get("theme") == "dark"  # kept for this session
    assert told and "cannot write its settings file" in told[0] and "until Dispatch closes" in told[0]


def test_the_window_shows_the_settings_problem(qtbot, aloop, tmp_path, screenshot_dir):
    path = tmp_path / "settings.json"
    path.write_text(DEEP)
    settings = Settings(path)
    win = make_window(qtbot, None, settings)
    try:
        watch_settings(win, settings)
        assert win.status.settings_notice.isVisible() and win.banner.isVisible()
        assert "nested too deeply" in win.banner.label.text()
        win.grab().save(str(screenshot_dir / "settings-damaged.png"))
    finally:
        close_window(win)


def test_the_app_starts_on_a_settings_file_nested_100000_deep(tmp_path):
    """The real app, in its own process: it starts, logs the problem in words and keeps running."""
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(DEEP)
    env = dict(os.environ, PYTHONPATH=str(ROOT), DISPATCH_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    env.pop("DISPATCH_FIRST_PAINT", None)
    proc = subprocess.Popen([sys.executable, "-m", "app"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    log = tmp_path / "logs" / "dispatch.log"
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            if log.exists() and "settings: The settings file was damaged" in log.read_text():
                break
            time.sleep(0.1)  # polling a file another process writes: no event to wait on
        assert proc.poll() is None, f"the app exited: {proc.communicate()}"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert "nested too deeply" in log.read_text()
    assert "Traceback" not in err and "RecursionError" not in err
    assert (tmp_path / "config" / "settings.json.damaged").exists()


def test_an_unusable_data_folder_is_reported_as_such(qtbot, aloop, tmp_path, settings, screenshot_dir):
    (tmp_path / "data").write_text("a file where the data folder should be")
    session = demo_session(tmp_path / "data")
    shown = []
    win = make_window(qtbot, session, settings)
    try:
        win.error_shown.connect(shown.append)
        qtbot.waitUntil(lambda: session.state == ConnectionState.OFFLINE and bool(shown), timeout=20000)
        assert "cannot write to its data folder" in shown[-1] and str(tmp_path / "data") in shown[-1]
        assert "reach" not in shown[-1].lower() and not shown[-1].startswith("Server")
        assert "cannot write to its data folder" in win.banner.label.text()
        win.grab().save(str(screenshot_dir / "data-folder-unusable.png"))
    finally:
        close_window(win, session)
