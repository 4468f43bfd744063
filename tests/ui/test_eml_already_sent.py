"""Issue 59, item 7b: Ctrl+Shift+U on an ``.eml`` file already sent says so in the preview, with the date,
before anything is queued: the file's Message-ID is looked up in Sent Items as the Outbox's settle path does
(off the UI thread), the preview offers no send, and Enter closes it. Real window, by keys, against the
sandbox over HTTP."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import wait_idle

MID = "<already-sent-1@outlook.example>"


def rota_file(path: Path) -> Path:
    head = [f"Message-ID: {MID}", f"From: Alice <{ALICE}>", f"To: Bob <{BOB}>", "Subject: Rota, sent once",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]  # no Date: the date is the server's
    path.write_bytes("\r\n".join(head + ["", "The rota.", ""]).encode())
    return path


def preview_by_keys(qtbot, win, path: Path):
    """Ctrl+Shift+U, the path typed into Qt's file dialog, Enter: the preview."""
    key(qtbot, win, Qt.Key_U, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.eml.open_dialog is not None and win.eml.open_dialog.isVisible(), timeout=20000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "fileNameEdit", timeout=20000)
    edit = QApplication.focusWidget()
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.eml.as_is_dialog is not None and win.eml.as_is_dialog.isVisible(), timeout=20000)
    return win.eml.as_is_dialog


def test_an_eml_already_sent_says_so_in_the_preview_with_the_date(qtbot, window, sandbox, tmp_path, screenshot_dir):
    win = window
    path = rota_file(tmp_path / "rota.eml")
    dlg = preview_by_keys(qtbot, win, path)
    assert dlg.already.isHidden() and dlg.send_button.isVisible(), "not sent yet: Send as it is"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.send_button, timeout=5000)
    qtbot.keyClick(dlg.send_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    qtbot.waitUntil(lambda: win.eml.as_is_dialog is None, timeout=5000)
    sends = sandbox.request_log.count("CreateItem")

    day_before = datetime.now().strftime("%a %d %b %Y")
    dlg = preview_by_keys(qtbot, win, path)  # the same file again
    day_after = datetime.now().strftime("%a %d %b %Y")
    dlg.grab().save(str(screenshot_dir / "send-eml-already-sent.png"))
    said = dlg.already.text()
    assert dlg.already.isVisible() and said.startswith("Already sent on "), said
    when = re.match(r"Already sent on (\w{3} \d\d \w{3} \d{4}) at \d\d:\d\d: ", said)
    assert when and when.group(1) in (day_before, day_after), said
    assert "is in Sent Items" in said
    assert not dlg.send_button.isVisible(), "no send offered for a message the Outbox would not send"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.close_button, timeout=5000)
    qtbot.keyClick(dlg.close_button, Qt.Key_Return)  # Enter closes it
    qtbot.waitUntil(lambda: win.eml.as_is_dialog is None, timeout=5000)
    wait_idle(qtbot, win)
    assert win.statusBar().currentMessage().startswith("Already sent on ")
    assert sandbox.request_log.count("CreateItem") == sends and len(items(sandbox, "sentitems")) == 1


def test_the_preview_says_when_sent_items_could_not_be_checked(qtbot, tmp_path):
    from app.domain.eml_read import read_eml
    from app.ui.compose.eml_as_is import SendAsIsDialog, unchecked_note

    raw = rota_file(tmp_path / "r.eml").read_bytes()
    dlg = SendAsIsDialog(None, "r.eml", raw, read_eml(raw, max_bytes=1 << 20), own=ALICE,
                         unchecked="no answer from the server")
    qtbot.addWidget(dlg)
    assert dlg.note.text() == unchecked_note("no answer from the server") and not dlg.note.isHidden()
    assert "(no answer from the server)" in dlg.note.text() and dlg.send_button.isDefault(), "still offered"
