"""An internationalised address (RFC 6531: "jörg@bücher.de"), which Compose accepts as valid, typed into
the real window and sent over each backend to the sandbox: it goes out (the sandbox answered the send with
an internal server error: its MIME could not hold the address), lands in Sent Items as typed, and the Sent
view shows it. Found by tests/ui/test_keyboard_monkey.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.models import Folder
from tests.helpers.keys import type_text
from tests.helpers.backends import ALICE
from tests.helpers.windows import wait_idle

CTRL = Qt.ControlModifier
JOERG = "jörg@bücher.de"


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_message_to_an_international_address_is_sent(qtbot, ui_window, ui_sandbox, ui_backend, screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    qtbot.keyClick(win, Qt.Key_N, CTRL)
    assert win.focusWidget() is win.compose.to.edit
    type_text(qtbot, win.compose.to.edit, f"Jörg Müller <{JOERG}>; дмитрий@пример.рф")
    for _ in range(3):  # To -> Cc -> Bcc -> Subject
        qtbot.keyClick(win.focusWidget(), Qt.Key_Tab)
    assert win.focusWidget() is win.compose.subject
    type_text(qtbot, win.compose.subject, "Grüße")
    qtbot.keyClick(win.focusWidget(), Qt.Key_Tab)
    type_text(qtbot, win.compose.body, "Hallo Jörg")
    assert win.compose.error_text() == ""
    qtbot.keyClick(win.focusWidget(), Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: len(sandbox.mailbox(ALICE).items(Folder.SENT.value)) == 1, timeout=20000)
    wait_idle(qtbot, win)
    (sent,) = sandbox.mailbox(ALICE).items(Folder.SENT.value)
    assert sent["subject"] == "Grüße"
    assert [(r.get("Name"), r["EmailAddress"]) for r in sent["fields"]["ToRecipients"]] == [
        ("Jörg Müller", JOERG), (None, "дмитрий@пример.рф")]
    assert f"<{JOERG}>".encode() in sent["mime"], "the address in UTF-8 (RFC 6532), as typed"
    assert [m.envelope_to for m in sandbox.relay_queue()] == [[JOERG, "дмитрий@пример.рф"]]
    assert win.compose.error_text() == "" and win.compose.to.text() == ""
    qtbot.keyClick(win, Qt.Key_3, CTRL)
    qtbot.waitUntil(lambda: win.sent.model.rowCount() == 1, timeout=10000)
    win.sent.table.setFocus()
    win.sent.table.setCurrentIndex(win.sent.model.index(0, 1))
    qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Grüße", timeout=10000)
    assert JOERG in win.sent.headers_label.text()
    if ui_backend == "ews":
        win.grab().save(str(screenshot_dir / "sent-international-address.png"))
