"""Issue 45 (part D): every command within reach of the keyboard, one undo key, lists and palette that do
what they say, and an F1 sheet that lists every key. Real window on the real sandbox over HTTP; real key
events on the focused widget."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_compose_flows_usable import fill, new_message

CTRL, SHIFT = Qt.ControlModifier, Qt.ShiftModifier


def key(qtbot, win, k, mods=Qt.NoModifier):
    qtbot.keyClick(QApplication.focusWidget() or win, k, mods)


# ---------------------------------------------------------------- item 9: one undo key
def test_ctrl_z_undoes_a_discard_and_still_undoes_typing_first(qtbot, window):
    win = window
    c = win.compose
    new_message(qtbot, win)
    fill(qtbot, win, to="bob@example.com", subject="Second thoughts", body="typing")
    key(qtbot, win, Qt.Key_D, CTRL | SHIFT)
    bar = win.flows._discard.bar
    assert bar.isVisible() and "Ctrl+Z" in bar.label.text() and c.subject.text() == ""
    # typing in the body after the discard: Ctrl+Z undoes that typing first (the bar stays)
    c.body.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(c.body, "x")
    key(qtbot, win, Qt.Key_Z, CTRL)
    assert c.body.toPlainText() == "" and bar.isVisible() and c.subject.text() == ""
    # nothing of its own left to undo: Ctrl+Z is the bar's, the message comes back
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "Second thoughts", timeout=3000)
    assert not bar.isVisible() and c.body.toPlainText() == "typing"
    # the next Ctrl+Z is the field's again (To has the focus; nothing to undo there, nothing happens)
    key(qtbot, win, Qt.Key_Z, CTRL)
    assert c.subject.text() == "Second thoughts"
