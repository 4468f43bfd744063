"""Compose's "More options" panel by keys, against the real sandbox over HTTP: Ctrl+Shift+O opens it, Reply-To,
sensitivity and categories are typed, Ctrl+S saves them to the server, and the draft reopened from Drafts
shows them (the panel open)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.models import Recipient, Sensitivity
from tests.helpers.compose import reopen_only_draft, tab_out, type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items
from tests.helpers.windows import wait_idle


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_more_options_by_keys_saved_and_reopened(qtbot, ui_window, ui_sandbox, ui_backend, screenshot_dir):
    win, sandbox = ui_window, ui_sandbox
    c = win.compose
    type_message(qtbot, win, cc="", bcc="", subject="Desk rota", body="Replies go to the desk, please.")
    assert c.more.isHidden(), "hidden by default"
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
    assert c.more.isVisible() and win.focusWidget() is c.more.reply_to.edit
    qtbot.keyClicks(win.focusWidget(), "Help Desk <desk@example.com>, erin@example.com")
    tab_out(qtbot, win, c.more.reply_to)
    assert win.focusWidget() is c.more.sensitivity
    for _ in range(3):  # Normal -> Personal -> Private -> Confidential
        key(qtbot, win, Qt.Key_Down)
    key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is c.more.categories
    qtbot.keyClicks(win.focusWidget(), "Red category; Blue, red CATEGORY")
    if ui_backend == "ews":
        c.grab().save(str(screenshot_dir / "compose-more-options.png"))
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: len(items(sandbox, "drafts")) == 1 and not win.busy, timeout=20000)
    wait_idle(qtbot, win)
    d = items(sandbox, "drafts")[0]
    assert d["reply_to"] == ["desk@example.com", "erin@example.com"]
    assert d["sensitivity"] == "Confidential" and d["categories"] == ["Red category", "Blue"]

    key(qtbot, win, Qt.Key_N, CTRL)  # a new message: nothing of the last one, the panel closed
    assert c.more.isHidden() and c.more.reply_to.text() == "" and c.more.categories.text() == ""
    reopen_only_draft(qtbot, win, "Desk rota")
    assert c.more.isVisible(), "a draft with any of the fields opens with the panel shown"
    assert c.more.reply_to.recipients() == [Recipient("desk@example.com", "Help Desk"),
                                            Recipient("erin@example.com")]
    assert c.more.sensitivity.currentText() == "Confidential" and c.more.categories.text() == "Red category, Blue"
    back = c.draft()
    assert back.sensitivity == Sensitivity.CONFIDENTIAL and back.categories == ["Red category", "Blue"]


def test_a_wrong_reply_to_stops_a_send_and_opens_the_panel_at_it(qtbot, window, sandbox):
    """EWS only: what the composer does with the field is the same whatever the backend."""
    win, c = window, window.compose
    type_message(qtbot, win, cc="", bcc="", subject="Rota", body="See the rota.")
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)
    qtbot.keyClicks(win.focusWidget(), "desk@")
    key(qtbot, win, Qt.Key_O, CTRL | SHIFT)  # closed again: the keyboard goes back to the body
    assert c.more.isHidden() and win.focusWidget() is c.body
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: c.more.isVisible() and win.focusWidget() is c.more.reply_to.edit, timeout=5000)
    assert "desk@" in c.more.reply_to.error_label.text() and c.more.reply_to.error_label.isVisible()
    wait_idle(qtbot, win)
    assert items(sandbox, "inbox", "bob@example.com") == [] and items(sandbox, "sentitems") == []
