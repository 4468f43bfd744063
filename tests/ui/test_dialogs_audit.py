"""Issue 59, item 13: every dialog of the window makes room for its longest message. Each is opened by keys on
the real window and the real sandbox, given its longest message, and checked at its default size and at 683 px
wide, in both colour schemes (tests/helpers/geometry.py: on the screen, no two form rows overlapping, every
label, field and button whole and inside it). The account dialog's Find server failures are in
tests/ui/test_find_server.py. The password and sign-in prompts are made as the app makes them when a
server asks again (no key opens them).

Send later and Mailboxes you send from are non-modal (``show()`` / ``open()``): they are found through the
window's own reference once visible, never by waiting on a modal loop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.domain.account import AccountConfig
from app.domain.snippets import Snippet
from tests.helpers.compose import type_message
from tests.helpers.geometry import dialog_fits
from tests.helpers.keys import ALT, CTRL, SHIFT, focus_key, focused, key, press, type_focused
from tests.helpers.snippets import open_dialog
from tests.helpers.backends import ALICE
from tests.helpers.windows import close_window, open_window

LONG_WORD = "Uebermorgen-nach-der-Mittagspause-wenn-alle-zurueck-sind"  # typed: ASCII (QTest)


def _send_later(qtbot, win, tmp_path):
    """Ctrl+Shift+T on a message ready to go, then a time it cannot read (the error repeats what was typed)."""
    type_message(qtbot, win, cc="", bcc="", subject="Later", body="Text")
    key(qtbot, win, Qt.Key_T, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.send_timing.dialog is not None and win.send_timing.dialog.isVisible(), timeout=5000)
    dlg = win.send_timing.dialog
    qtbot.waitUntil(lambda: focused() is dlg.when, timeout=5000)
    type_focused(qtbot, " ".join([LONG_WORD] * 3))
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=3000)
    return dlg


def _send_from(qtbot, win, tmp_path):
    """Ctrl+Shift+H, then a long address (valid: 64 characters before the @, labels of up to 63) added twice:
    the error names it whole, one word with no space to wrap at."""
    address = f"{LONG_WORD.lower()}@{LONG_WORD.lower()}.{LONG_WORD.lower()}.example"
    key(qtbot, win, Qt.Key_H, CTRL | SHIFT)
    qtbot.waitUntil(lambda: getattr(win, "send_from_dialog", None) is not None
                    and win.send_from_dialog.isVisible(), timeout=5000)
    dlg = win.send_from_dialog
    qtbot.waitUntil(lambda: focused() is dlg.address, timeout=5000)
    for _ in range(2):
        type_focused(qtbot, address)
        focus_key(qtbot, win, Qt.Key_Return)
    assert dlg.list.count() == 1
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=3000)
    return dlg


def _snippets(qtbot, win, tmp_path):
    """Ctrl+Shift+L with snippets that cannot be saved as they are, then Ctrl+S: every reason at once."""
    names = [f"Reply {i} {LONG_WORD}" for i in range(3)]
    win.power.texts.set_snippets([Snippet(n, f"trigger with spaces {i}", "text") for i, n in enumerate(names)]
                                 + [Snippet(n.upper(), "trigger with spaces 0", "t") for n in names])
    d = open_dialog(qtbot, win)
    press(qtbot, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: d.error.isVisible(), timeout=3000)
    return d


def _merge(qtbot, win, tmp_path):
    """A message with placeholders the table lacks, Ctrl+Shift+M, then Alt+F and a table with many long column
    names: the longest thing it says ("Unknown placeholder …: the columns are …")."""
    table = tmp_path / "people.csv"
    header = ["E-Mail"] + [f"{LONG_WORD}-{i}" for i in range(6)]
    table.write_text(";".join(header) + "\r\n" + ";".join(["bob@example.com"] + ["x"] * 6) + "\r\n", "utf-8")
    key(qtbot, win, Qt.Key_N, CTRL)
    for _ in range(3):
        press(qtbot, Qt.Key_Tab)
    type_focused(qtbot, " ".join("{" + f"{LONG_WORD[:30]}{i}" + "}" for i in range(4)))
    press(qtbot, Qt.Key_M, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.merge_dialog is not None and win.merge_dialog.isVisible(), timeout=5000)
    dlg = win.merge_dialog
    qtbot.waitUntil(lambda: focused() is dlg.table_edit, timeout=5000)
    press(qtbot, Qt.Key_F, ALT)
    qtbot.waitUntil(lambda: focused() is not None and focused().objectName() == "fileNameEdit", timeout=5000)
    type_focused(qtbot, str(table))
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: "Unknown placeholder" in dlg.error.text(), timeout=5000)
    return dlg


def _send_as_is(qtbot, win, tmp_path):
    """Ctrl+Shift+U and a file with no Message-ID, from another mailbox, with long attachment names: both notes."""
    sender = f"{LONG_WORD.lower()}@{LONG_WORD.lower()}.example"
    head = [f"From: Desk <{sender}>", "To: Bob <bob@example.com>", f"Subject: {LONG_WORD} " * 4,
            "MIME-Version: 1.0", 'Content-Type: multipart/mixed; boundary="b"']
    parts = ["--b", "Content-Type: text/plain; charset=utf-8", "", "As written.", "--b"]
    for i in range(4):
        name = f"{LONG_WORD}-{i}.txt"
        parts += [f'Content-Type: text/plain; name="{name}"', f'Content-Disposition: attachment; filename="{name}"',
                  "", "x", "--b"]
    parts[-1] = "--b--"
    path = tmp_path / "as-written.eml"
    path.write_bytes("\r\n".join(head + [""] + parts + [""]).encode())
    key(qtbot, win, Qt.Key_U, CTRL | SHIFT)
    qtbot.waitUntil(lambda: focused() is not None and focused().objectName() == "fileNameEdit", timeout=5000)
    type_focused(qtbot, str(path))
    press(qtbot, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.eml.as_is_dialog is not None and win.eml.as_is_dialog.isVisible(), timeout=10000)
    dlg = win.eml.as_is_dialog
    assert dlg.note.isVisible()
    return dlg


M365_ERROR = ("Sign-in failed: the organisation's sign-in page answered AADSTS50020: User account "
              f"'{ALICE}' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access "
              "the application in that tenant. The account needs to be added as an external user in the tenant "
              "first. Sign out and sign in again with a different Azure Active Directory user account.")


def _m365_page(qtbot, win, tmp_path):
    """The account dialog on Microsoft 365 sign-in (offered when Exchange Online refuses EWS), a long error."""
    win.edit_account(kind="m365")
    dlg = win.account_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    dlg.m365.show_error(M365_ERROR)
    return dlg


def _signin_prompt(qtbot, win, tmp_path):
    """Asked again to sign in to Microsoft 365, with a long reason and a long error."""
    from app.ui.accounts.signin_prompt import SignInPrompt

    acc = AccountConfig(email=ALICE, ews_url="", username=ALICE)
    dlg = SignInPrompt(acc, win, reason="Microsoft 365 asks you to sign in again: your session ended (the "
                       "organisation's policy signs you out after 24 hours, or your password was changed). "
                       "Your message is kept and waits in the Outbox until you are signed in.")
    dlg.ask()
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    dlg.panel.show_error(M365_ERROR)
    return dlg


def _password(qtbot, win, tmp_path):
    """Asked for the password again, with a long reason."""
    from app.ui.accounts.account_dialog import PasswordPrompt

    reason = ("The server refused the password for alice@example.com (401 Unauthorized). It may have been "
              "changed on another device, or the account may be locked after too many attempts; your message "
              "is kept and waits in the Outbox until you sign in again. ") * 2
    acc = AccountConfig(email=ALICE, ews_url="https://mail.example.com/EWS/Exchange.asmx", username=ALICE)
    dlg = PasswordPrompt(acc, win)
    dlg.ask(reason)
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    return dlg


def _shortcuts(qtbot, win, tmp_path):
    key(qtbot, win, Qt.Key_F1)
    qtbot.waitUntil(lambda: win._sheet is not None and win._sheet.isVisible(), timeout=5000)
    return win._sheet


DIALOGS = {"send-later": _send_later, "send-from": _send_from, "snippets": _snippets, "merge": _merge,
           "send-as-is": _send_as_is, "m365-page": _m365_page, "signin-prompt": _signin_prompt,
           "password": _password, "shortcuts": _shortcuts}


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


@pytest.mark.parametrize("which", list(DIALOGS))
def test_a_dialog_with_its_longest_message_fits(qtbot, win, colour, which, tmp_path, screenshot_dir):
    dlg = DIALOGS[which](qtbot, win, tmp_path)
    dialog_fits(qtbot, dlg, f"{which}-{colour}", screenshot_dir)
    dlg.reject()
    QApplication.processEvents()
