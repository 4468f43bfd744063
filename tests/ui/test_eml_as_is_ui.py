"""File > Send .eml file as it is… (Ctrl+Shift+U) in the real window, by keys, against the sandbox over HTTP
(issue 49): Qt's file dialog driven from the keyboard, the read-only preview of what will be sent (a file
without a Message-ID is told one is added), Esc sends nothing, Enter sends the file's bytes once; the
recipient's copy holds the file's subject, body, attachment, header and Message-ID, and Compose is untouched."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.ui.compose.eml_as_is import ADDED_ID_NOTE
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import wait_idle

MID = "<as-is-ui-1@outlook.example>"


def a_file(mid: str | None) -> bytes:
    head = ([f"Message-ID: {mid}"] if mid else []) + [
        f"From: Alice <{ALICE}>", f"To: Bob <{BOB}>", "Bcc: dave@example.com", "Subject: Rota as written",
        "X-Dispatch-Test: kept", "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"']
    parts = ["--b", "Content-Type: text/plain; charset=utf-8", "", "The rota, unchanged.", "--b",
             'Content-Type: text/plain; name="rota.txt"', 'Content-Disposition: attachment; filename="rota.txt"',
             "", "mon: alice", "--b--", ""]
    return "\r\n".join(head + [""] + parts).encode()


def choose_by_keys(qtbot, win, path: Path):
    """Ctrl+Shift+U, the path typed into Qt's file dialog, Enter: the preview, with the keyboard on Send."""
    key(qtbot, win, Qt.Key_U, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.eml.open_dialog is not None and win.eml.open_dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None
                    and QApplication.focusWidget().objectName() == "fileNameEdit", timeout=5000)
    edit = QApplication.focusWidget()
    qtbot.keyClicks(edit, str(path))
    qtbot.keyClick(edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.eml.as_is_dialog is not None and win.eml.as_is_dialog.isVisible(), timeout=10000)
    dlg = win.eml.as_is_dialog
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.send_button, timeout=5000)
    return dlg


def test_send_an_eml_file_as_it_is_by_keys(qtbot, window, sandbox, tmp_path, screenshot_dir):
    win, c = window, window.compose
    type_message(qtbot, win, cc="", bcc="", subject="Mine, in Compose", body="stays here")
    bare = tmp_path / "no-id.eml"
    bare.write_bytes(a_file(None))
    dlg = choose_by_keys(qtbot, win, bare)
    assert dlg.note.isVisible() and dlg.note.text() == ADDED_ID_NOTE
    qtbot.keyClick(dlg.send_button, Qt.Key_Escape)  # Esc: nothing sent
    qtbot.waitUntil(lambda: win.eml.as_is_dialog is None, timeout=5000)
    wait_idle(qtbot, win)
    assert items(sandbox, "sentitems") == [] and "CreateItem" not in sandbox.request_log

    src = tmp_path / "rota.eml"
    src.write_bytes(a_file(MID))
    dlg = choose_by_keys(qtbot, win, src)
    assert dlg.headers.text().splitlines() == [f"From: {ALICE}", f"To: Bob <{BOB}>", "Bcc: dave@example.com",
                                               "Subject: Rota as written"]
    assert dlg.body.toPlainText().strip() == "The rota, unchanged." and dlg.body.isReadOnly()
    assert dlg.attachments.text().startswith("Attachments: rota.txt") and not dlg.note.isVisible()
    dlg.grab().save(str(screenshot_dir / "send-eml-as-is.png"))
    qtbot.keyClick(dlg.send_button, Qt.Key_Return)
    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    wait_idle(qtbot, win)
    assert sandbox.request_log.count("CreateItem") == 1, "the file's bytes, once (CreateItem with MimeContent)"
    (got,) = sandbox.mailbox(BOB).items("inbox")
    assert got["internet_message_id"] == MID and got["subject"] == "Rota as written"
    assert "The rota, unchanged." in got["body"] and [a["name"] for a in got["attachments"]] == ["rota.txt"]
    msg = email.message_from_bytes(got["mime"], policy=email.policy.default)
    assert msg["X-Dispatch-Test"] == "kept" and msg["Bcc"] is None
    assert c.subject.text() == "Mine, in Compose" and "stays here" in c.body.toPlainText(), "Compose untouched"


def test_the_preview_says_when_a_file_is_from_another_mailbox(qtbot):
    from app.domain.eml_read import read_eml
    from app.ui.compose.eml_as_is import SendAsIsDialog, someone_else_note

    raw = a_file(MID).replace(f"From: Alice <{ALICE}>".encode(), b"From: Desk <desk@example.com>")
    dlg = SendAsIsDialog(None, "desk.eml", raw, read_eml(raw, max_bytes=1 << 20), own=ALICE.upper())
    qtbot.addWidget(dlg)
    assert dlg.note.text() == someone_else_note("desk@example.com") and not dlg.note.isHidden()
    mine = SendAsIsDialog(None, "rota.eml", a_file(MID), read_eml(a_file(MID), max_bytes=1 << 20), own=ALICE.upper())
    qtbot.addWidget(mine)
    assert mine.note.isHidden(), "the account's own address, whatever its case: nothing to say"


def test_the_preview_says_when_it_reads_a_charset_as_unknown_8bit(qtbot):
    """Issue 65: a charset that is no mail charset (here ``zlib_codec``) is read as unknown 8-bit, and the
    preview says so; the file is sent as it is."""
    from app.domain.eml_read import read_eml
    from app.ui.compose.eml_as_is import SendAsIsDialog

    raw = (Path(__file__).resolve().parent.parent / "resources" / "eml" / "hostile" / "charset-zlib.eml").read_bytes()
    dlg = SendAsIsDialog(None, "zlib.eml", raw, read_eml(raw, max_bytes=1 << 20), own="mallory@example.com")
    qtbot.addWidget(dlg)
    assert "“zlib_codec”" in dlg.note.text() and "unknown 8-bit" in dlg.note.text() and not dlg.note.isHidden()
