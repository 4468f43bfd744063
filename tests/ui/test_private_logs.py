"""Logs hold no message content and no secret.

The real window saves a draft on the sandbox while the sandbox labels its reply ``Content-Encoding: gzip``
although the body is not compressed (a misconfigured proxy). requests cannot decode it, and exchangelib
logs, at ERROR, the exception, the request headers (Basic ``Authorization``: the password) and the whole
request XML (subject, body, addresses, attachment name). The app's log file, set up as the app sets it
up, must hold none of it — and the test proves the record that would have leaked was written.
"""

from __future__ import annotations

import base64
import logging
import stat

import pytest
from PySide6.QtCore import Qt

from app.app_main import setup_logging
from app.storage.logfile import PrivateFormatter, file_handler
from app.storage.settings import log_dir
from tests.helpers.windows import account_for, close_window, open_window

CTRL = Qt.ControlModifier
SUBJECT = "Zephyr quokka merger terms"
BODY = "orchid-7719 is the code for the vault"
ADDRESS = "mallory.quince@example.com"
ATTACHMENT = "kumquat-ledger.csv"


@pytest.fixture
def app_logging():
    """The app's own logging set-up (file and stderr), removed again after the test."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    setup_logging(file=True)
    yield [h for h in root.handlers if h not in before]
    for h in root.handlers[:]:
        if h not in before:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_garbled_reply_during_save_leaves_no_content_and_no_password_in_the_log(
        qtbot, aloop, sandbox, settings, tmp_path, app_logging):
    assert all(isinstance(h.formatter, PrivateFormatter) for h in app_logging)  # the file and stderr
    _acc, password = account_for(sandbox)
    basic = base64.b64encode(f"alice@example.com:{password}".encode()).decode()
    att = tmp_path / ATTACHMENT
    att.write_bytes(b"fig,amount\n1,100\n")
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        c = win.compose
        c.to.setFocus()
        qtbot.keyClicks(c.to.edit, ADDRESS)
        c.subject.setFocus()
        qtbot.keyClicks(c.subject, SUBJECT)
        c.body.setFocus()
        qtbot.keyClicks(c.body, BODY)
        assert c.attachments.add_paths([str(att)]) == []
        sandbox.faults.inject("CreateItem", "wrong_encoding", count=1)
        errors = []
        win.error_shown.connect(errors.append)
        qtbot.keyClick(win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: ("CreateItem", "wrong_encoding") in sandbox.faults.fired, timeout=20000)
        qtbot.waitUntil(lambda: not win.busy, timeout=20000)
    finally:
        close_window(win, session)
    for h in app_logging:
        h.flush()
    log_file = log_dir() / "dispatch.log"
    text = log_file.read_text(encoding="utf-8")
    # the record that carries the request XML was written (so the fault really reached exchangelib's log)
    assert "ERROR exchangelib.util:" in text, text[-2000:]
    for secret in (SUBJECT, "Zephyr", BODY, "orchid", ADDRESS, "mallory", ATTACHMENT, "kumquat", password, basic,
                   "Authorization", "<t:Subject>", "ContentDecodingError('"):
        assert secret not in text, f"{secret!r} is in the log"
    assert _mode(log_file) == 0o600 and _mode(log_file.parent) == 0o700


def test_the_log_file_and_its_rotated_copies_are_private(tmp_path):
    d = tmp_path / "logs"
    d.mkdir(mode=0o755)
    old = d / "dispatch.log"
    old.write_text("from an older version\n")
    old.chmod(0o644)
    h = file_handler(d)
    try:
        h.emit(logging.LogRecord("app", logging.INFO, __file__, 1, "hello", (), None))
        h.doRollover()
        h.emit(logging.LogRecord("app", logging.INFO, __file__, 1, "again", (), None))
    finally:
        h.close()
    assert _mode(d) == 0o700
    assert {p.name: _mode(p) for p in d.iterdir()} == {"dispatch.log": 0o600, "dispatch.log.1": 0o600}


def test_other_libraries_records_keep_their_template_not_their_arguments():
    f = PrivateFormatter()

    def fmt(name, msg, args, exc=None):
        return f.format(logging.LogRecord(name, logging.ERROR, __file__, 1, msg, args, exc))

    line = fmt("exchangelib.util", "%s: %s\n%(xml)s %d%% done %-8.3f", None)
    assert line.endswith("exchangelib.util: …: …\n… …% done …")
    assert "Subject" not in fmt("exchangelib.fields", "Cannot convert value '%s' on field '%s'", ("Subject x", "f"))
    try:
        raise ValueError("Subject: the merger")
    except ValueError as e:
        exc = (type(e), e, e.__traceback__)
    ours = fmt("app.core", "failed: %s", ("SendItem",), exc)
    assert "failed: SendItem" in ours and "ValueError: (message withheld)" in ours and "merger" not in ours
    assert "test_private_logs.py" in ours  # where it happened is kept
