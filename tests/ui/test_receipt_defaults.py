"""File → Receipts for new messages (issue 78, item 4), by real keys on the real window against the sandbox over
HTTP, EWS and Graph: the defaults chosen in the menu (Alt+F, W, then R or D), a new message (Ctrl+N) starts with
them, Ctrl+Return sends it, and the copy in Sent Items has IsReadReceiptRequested / IsDeliveryReceiptRequested as
chosen (the server's own copy of the item's fields); a default taken back, the next message asks for that one no
more. A draft reopened keeps its own boxes whatever the defaults say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.models import Folder
from app.storage.settings import Settings
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.lists import select_sent
from tests.helpers.receipts import choose_in_file_menu
from tests.helpers.mailbox import items, seed_drafts


def send_new(qtbot, win, sandbox, subject: str) -> dict:
    """Ctrl+N, a message typed and Ctrl+Return: the server's fields of its copy in Sent Items."""
    type_message(qtbot, win, cc="", bcc="", subject=subject, body="The figures are in.")
    shown = (win.compose.read_receipt.isChecked(), win.compose.delivery_receipt.isChecked())
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: any(m["subject"] == subject for m in items(sandbox, Folder.SENT.value)), timeout=20000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "" and not win.busy, timeout=10000)
    fields = next(m for m in items(sandbox, Folder.SENT.value) if m["subject"] == subject)["fields"]
    return {"shown": shown, "read": fields.get("IsReadReceiptRequested") is True,
            "delivery": fields.get("IsDeliveryReceiptRequested") is True}


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_new_messages_ask_for_the_receipts_the_file_menu_chose(qtbot, ui_window, ui_sandbox, ui_backend):
    win, sandbox = ui_window, ui_sandbox
    assert send_new(qtbot, win, sandbox, "No receipts") == {"shown": (False, False), "read": False,
                                                             "delivery": False}
    choose_in_file_menu(qtbot, win, Qt.Key_R)
    choose_in_file_menu(qtbot, win, Qt.Key_D)
    assert win.settings.receipt_defaults() == {"read_receipt": True, "delivery_receipt": True}
    assert Settings(win.settings.path).receipt_defaults() == {"read_receipt": True, "delivery_receipt": True}, \
        "kept in the settings file for the next start"
    assert send_new(qtbot, win, sandbox, "Both receipts") == {"shown": (True, True), "read": True, "delivery": True}
    choose_in_file_menu(qtbot, win, Qt.Key_R)  # taken back: the next one asks for a delivery receipt only
    assert send_new(qtbot, win, sandbox, "Delivery only") == {"shown": (False, True), "read": False,
                                                               "delivery": True}


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_draft_reopened_keeps_its_own_receipts(qtbot, ui_window, ui_sandbox, ui_backend):
    """A draft on the server that asks for no receipt, opened from Drafts (Ctrl+2, Enter) after the defaults ask
    for both: its boxes stay as it saved them; Ctrl+N then starts a new message with both."""
    win, c = ui_window, ui_window.compose
    seed_drafts(ui_sandbox, 1, prefix="Kept")
    choose_in_file_menu(qtbot, win, Qt.Key_R)
    choose_in_file_menu(qtbot, win, Qt.Key_D)
    win.drafts.model.reload()
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    win.drafts.table.setFocus()
    win.drafts.table.setCurrentIndex(win.drafts.model.index(0, 1))
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: c.subject.text() == "Kept 00" and win.current_view() == "compose", timeout=10000)
    assert (c.read_receipt.isChecked(), c.delivery_receipt.isChecked()) == (False, False)
    key(qtbot, win, Qt.Key_N, CTRL)
    assert (c.read_receipt.isChecked(), c.delivery_receipt.isChecked()) == (True, True)


@pytest.mark.parametrize("ui_backend", ["ews"], indirect=True)
def test_a_reply_edit_as_new_and_a_mailto_link_start_with_the_defaults(qtbot, ui_window, ui_sandbox, ui_backend):
    """The message sent asked for no receipt; the defaults then ask for both: Reply all (Ctrl+Shift+R), Edit as
    new (Ctrl+E: the defaults, not the sent message's boxes) and a ``mailto:`` link each start with both."""
    from app.ui.window.start_link import open_at_start

    win, c, sandbox = ui_window, ui_window.compose, ui_sandbox
    assert send_new(qtbot, win, sandbox, "Numbers")["shown"] == (False, False)
    choose_in_file_menu(qtbot, win, Qt.Key_R)
    choose_in_file_menu(qtbot, win, Qt.Key_D)
    for keys, subject in (((Qt.Key_R, CTRL | Qt.ShiftModifier), "RE: Numbers"), ((Qt.Key_E, CTRL), "Numbers")):
        select_sent(qtbot, win, "Numbers", Qt.Key_Home)
        key(qtbot, win, *keys)
        qtbot.waitUntil(lambda s=subject: win.current_view() == "compose" and c.subject.text() == s, timeout=5000)
        assert (c.read_receipt.isChecked(), c.delivery_receipt.isChecked()) == (True, True), subject
        c.clear()  # nothing typed: leaving it saves nothing
    open_at_start(win, "mailto:carol@example.com?subject=Lunch")
    qtbot.waitUntil(lambda: c.subject.text() == "Lunch", timeout=5000)
    assert (c.read_receipt.isChecked(), c.delivery_receipt.isChecked()) == (True, True)


def test_only_a_choice_made_counts(tmp_path):
    """Neither by default; a value the file holds that is not true (an edited file: "yes", 1) is not a choice."""
    path = tmp_path / "settings.json"
    assert Settings(path).receipt_defaults() == {"read_receipt": False, "delivery_receipt": False}
    path.write_text('{"prefs": {"new_read_receipt": "yes", "new_delivery_receipt": 1}}')
    assert Settings(path).receipt_defaults() == {"read_receipt": False, "delivery_receipt": False}
    s = Settings(path)
    s.set_receipt_default("delivery_receipt", True)
    assert Settings(path).receipt_defaults() == {"read_receipt": False, "delivery_receipt": True}
    with pytest.raises(ValueError):
        s.set_receipt_default("importance", True)
