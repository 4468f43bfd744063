"""The sidebar's arrows move its selection only; Enter enters the view; the keyboard never arrives in a
field with its text selected (issue 45, item 8). Real window, real sandbox, key events."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.models import Recipient
from tests.helpers.keys import CTRL, key


def test_arrows_in_the_sidebar_move_its_selection_only_and_enter_enters_the_view(qtbot, window):
    win = window
    c = win.compose
    c.to.set_recipients([Recipient("bob@example.com", "Bob")])
    key(qtbot, win, Qt.Key_3, CTRL)  # Sent
    win.sidebar.setFocus(Qt.TabFocusReason)
    assert win.current_view() == "sent"
    key(qtbot, win, Qt.Key_Up)
    key(qtbot, win, Qt.Key_Up)
    assert win.sidebar.currentRow() == 0  # Compose selected in the sidebar ...
    assert win.current_view() == "sent" and win.focusWidget() is win.sidebar  # ... nothing else moved
    key(qtbot, win, Qt.Key_Delete)  # a stray key: the sidebar's, nothing of the message's
    key(qtbot, win, Qt.Key_Return)
    assert win.current_view() == "compose" and win.focusWidget() is c.to.edit
    assert not c.to.edit.hasSelectedText()  # a stray Delete now would not wipe the recipients
    key(qtbot, win, Qt.Key_Delete)
    assert [r.email for r in c.to.recipients()] == ["bob@example.com"]


def test_a_view_shortcut_or_tab_never_lands_in_a_recipient_field_with_its_text_selected(qtbot, window):
    win = window
    c = win.compose
    c.to.set_recipients([Recipient("bob@example.com", "Bob")])
    c.cc.set_recipients([Recipient("carol@example.com")])
    key(qtbot, win, Qt.Key_2, CTRL)
    key(qtbot, win, Qt.Key_1, CTRL)
    assert win.focusWidget() is c.to.edit and not c.to.edit.hasSelectedText()
    key(qtbot, win, Qt.Key_Tab)
    if win.focusWidget() is c.to.edit:  # a suggestion was open and taken: Tab again moves on
        key(qtbot, win, Qt.Key_Tab)
    assert win.focusWidget() is c.cc.edit and not c.cc.edit.hasSelectedText()
    key(qtbot, win, Qt.Key_Tab, Qt.ShiftModifier)
    assert win.focusWidget() is c.to.edit and not c.to.edit.hasSelectedText()
