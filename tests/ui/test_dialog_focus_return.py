"""After a dialog closes, the keyboard is back where the user was (a screen-reader user hears the field they left,
not the window's first control). Every dialog the keyboard opens from the window, opened by its keys from a field
with the caret in the middle of its text, closed by Escape (and the ones with a Close/Cancel button by it too): the
window is active again, the same widget has the focus, the caret where it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.ui.lists.limits_question import NAME as LIMITS
from tests.helpers.ews_accounts import make_account
from tests.helpers.backends import ALICE
from tests.helpers.dialogs import KEYS, compose_ready, open_by_keys
from tests.helpers.keys import CTRL, SHIFT, focus_key, key
from tests.helpers.windows import wait_task


def _compose_subject(qtbot, win):
    """The user is in Compose's Subject (To filled in: Send later needs a recipient), the caret after "Quarterly"."""
    subject = compose_ready(qtbot, win, subject="Quarterly numbers")
    subject.setCursorPosition(len("Quarterly"))
    return subject, lambda: subject.cursorPosition() == len("Quarterly")


def _back(qtbot, win, where, caret):
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win and QApplication.focusWidget() is where, timeout=5000)
    assert caret()


@pytest.mark.parametrize("dialog", KEYS)
@pytest.mark.parametrize("how", ["escape", "button"])
def test_the_keyboard_is_back_where_it_was_after_a_dialog_closes(qtbot, window, dialog, how):
    win = window
    where, caret = _compose_subject(qtbot, win)
    dlg = open_by_keys(qtbot, win, dialog)
    assert isinstance(dlg, QDialog), dlg
    if how == "escape":
        focus_key(qtbot, win, Qt.Key_Escape)
    else:
        from PySide6.QtWidgets import QDialogButtonBox

        boxes = [b for b in dlg.findChildren(QDialogButtonBox) if b.isVisibleTo(dlg)]
        closing = [btn for b in boxes for btn in b.buttons()
                   if b.buttonRole(btn) == QDialogButtonBox.RejectRole and btn.isVisibleTo(dlg)]
        if not closing:
            pytest.skip(f"{dialog}: no Close/Cancel button")
        closing[0].setFocus(Qt.TabFocusReason)
        qtbot.keyClick(closing[0], Qt.Key_Space)
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
    _back(qtbot, win, where, caret)


def test_the_keyboard_is_back_on_the_drafts_rows_after_the_limits_question(qtbot, window, sandbox):
    from exchangelib import Mailbox, Message

    win = window
    win.session.account.extra["send_limits"] = {"profile": "exchange-online", "recipients_per_day": 1}
    alice = make_account(sandbox, ALICE)
    alice.bulk_create(folder=alice.drafts, items=[
        Message(account=alice, folder=alice.drafts, subject=s, body="x", to_recipients=[Mailbox(email_address=to)])
        for s, to in (("One", "bob@example.com"), ("Two", "carol@example.com"))])
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    d.model.reload()
    qtbot.waitUntil(lambda: d.model.rowCount() == 2 and not d.model.loading, timeout=20000)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    current = d.table.currentIndex()
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, LIMITS) is not None
                    and win.findChild(QMessageBox, LIMITS).isAncestorOf(QApplication.focusWidget()), timeout=20000)
    focus_key(qtbot, win, Qt.Key_Escape)  # nothing sent
    wait_task(qtbot, win.flows.wait_idle())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win and QApplication.focusWidget() is d.table, timeout=5000)
    assert d.table.currentIndex() == current and len(d.table.selectionModel().selectedRows()) == 2
