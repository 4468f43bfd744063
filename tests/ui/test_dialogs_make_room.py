"""Issue 59, item 13: dialogs make room for their messages. A dialog of the real window on the real sandbox with
its longest message, at its default size and at 683 px wide, in both colour schemes: no two form rows overlap, every label, field and button is whole and inside the dialog, the
dialog on the screen. (The account dialog's Find server failures: tests/ui/test_find_server.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout

from app.domain.account import AccountConfig
from tests.helpers.geometry import all_shown_whole, form_rows_apart, on_screen, settle
from tests.ui.conftest import ALICE, close_window, open_window


def fits(qtbot, dlg, name, screenshot_dir) -> None:
    for width in (None, 683):
        if width:  # widened as a user would, kept on the screen
            dlg.move(0, dlg.y())
            dlg.resize(width, dlg.height())
            qtbot.waitUntil(lambda: dlg.width() == width)
        settle()
        on_screen(dlg)
        for form in dlg.findChildren(QFormLayout):
            form_rows_apart(dlg, form)
        all_shown_whole(dlg)
        dlg.grab().save(str(screenshot_dir / f"dialog-{name}-{width or 'default'}.png"))


@pytest.fixture(params=["light", "dark"])
def colour(request, monkeypatch):
    monkeypatch.setenv("DISPATCH_COLOR_SCHEME", request.param)
    return request.param


@pytest.fixture
def win(qtbot, aloop, colour, sandbox, settings):
    w, session = open_window(qtbot, sandbox, settings, connected=True)
    qtbot.waitUntil(lambda: not w.busy and not w.drafts.model.loading, timeout=10000)
    yield w
    close_window(w, session)


def test_the_password_prompt_with_a_long_reason(qtbot, win, colour, screenshot_dir):
    from app.ui.accounts.account_dialog import PasswordPrompt

    reason = ("The server refused the password for alice@example.com (401 Unauthorized). It may have been "
              "changed on another device, or the account may be locked after too many attempts; your message "
              "is kept and waits in the Outbox until you sign in again. ") * 2
    dlg = PasswordPrompt(AccountConfig(email=ALICE, ews_url="https://mail.example.com/EWS/Exchange.asmx", username=ALICE), win)
    dlg.ask(reason)
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    fits(qtbot, dlg, f"password-{colour}", screenshot_dir)
    dlg.reject()
