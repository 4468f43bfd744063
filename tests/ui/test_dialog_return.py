"""Return runs a dialog's primary action from any of its fields (issue 59, item 9). Every dialog with a
typed field is opened on the real window (the sandbox's), and in each of its line edits that takes typing
the test presses Return: the dialog's primary button must be clicked by it. The fields stay as they open
(mostly empty), so each primary action refuses with a message under the fields and sends nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from app.domain.account import AccountConfig, Backend
from app.ui.accounts.account_dialog import PasswordPrompt
from app.ui.accounts.signin_prompt import SignInPrompt
from app.ui.compose.send_timing import SendLaterDialog
from tests.helpers.keys import CTRL, SHIFT, focus_key, key
from tests.helpers.snippets import open_dialog as open_texts
from tests.helpers.backends import ALICE


def _account(kind):
    def opener(qtbot, win):
        win.edit_account(kind=kind)
        dlg = win.account_dialog
        if kind == "m365":
            qtbot.mouseClick(dlg.m365.advanced, Qt.LeftButton)  # the Graph URL too
        return dlg, (lambda: dlg.m365.browser_button) if kind == "m365" else (
            lambda: dlg.find.button if not dlg.url.text().strip() else dlg.buttons.buttons()[0])
    return opener


def _send_from(qtbot, win):
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    qtbot.keyClicks(win.power.palette.field, "mailboxes")
    focus_key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: getattr(win, "send_from_dialog", None) is not None, timeout=3000)
    dlg = win.send_from_dialog
    return dlg, lambda: dlg.add_button  # the fields are the new entry's: Return adds it (never Save)


def _password(qtbot, win):
    dlg = PasswordPrompt(win.session.account, win, reason="The server refused the password.")
    dlg.ask()
    return dlg, lambda: dlg.buttons.buttons()[0]


def _signin_prompt(qtbot, win):
    """Signing in again to an account whose application ID is not known yet: its fields are shown."""
    acc = AccountConfig(email=ALICE, ews_url="", username=ALICE, backend=Backend.GRAPH, extra={})
    dlg = SignInPrompt(acc, win, reason="The sign-in has lapsed.")
    dlg.ask()
    return dlg, lambda: dlg.panel.browser_button


def _send_later(qtbot, win):
    dlg = SendLaterDialog(win)
    dlg.show()
    return dlg, lambda: dlg.schedule_button


def _texts(qtbot, win):
    dlg = open_texts(qtbot, win)
    return dlg, lambda: dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Save)


def _shortcuts(qtbot, win):
    key(qtbot, win, Qt.Key_F1)
    dlg = win._sheet
    return dlg, lambda: dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.Close)  # its one action


DIALOGS = {"account-ews": _account("ews"), "account-m365": _account("m365"), "send-from": _send_from,
           "password": _password, "signin-prompt": _signin_prompt, "send-later": _send_later, "snippets": _texts, "shortcuts": _shortcuts}


def typed_fields(dlg) -> list[QLineEdit]:
    return [e for e in dlg.findChildren(QLineEdit)
            if e.isVisibleTo(dlg) and e.isEnabled() and not e.isReadOnly() and e.focusPolicy() != Qt.NoFocus]


@pytest.mark.parametrize("name", DIALOGS)
def test_return_in_every_field_runs_the_primary_action(qtbot, window, name, screenshot_dir):
    win = window
    dlg, primary = DIALOGS[name](qtbot, win)
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    fields = typed_fields(dlg)
    assert fields, "a dialog with typed fields"
    missed = []
    for field in fields:
        field.setFocus(Qt.TabFocusReason)
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f, timeout=3000)
        button = primary()
        clicks = []

        def clicked(*_a, clicks=clicks):
            clicks.append(1)

        button.clicked.connect(clicked)
        focus_key(qtbot, win, Qt.Key_Return)
        button.clicked.disconnect(clicked)
        if not clicks:
            missed.append(field.accessibleName() or field.objectName())
        if not dlg.isVisible():  # a primary action that closes it (the shortcut sheet's Close): open it again
            dlg.show()
            dlg.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
    dlg.grab().save(str(screenshot_dir / f"dialog-return-{name}.png"))
    assert missed == [], f"Return did not run {primary().text()!r} from {missed}"
    dlg.reject()
