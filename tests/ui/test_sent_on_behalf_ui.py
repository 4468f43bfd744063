"""A message sent from another mailbox is findable in Sent (issue 59, item 2), by keys on the real window and the
real sandbox over HTTP: Bob sends on behalf of the Shared Desk; its copy is in his own Sent Items (Outlook's
default), the Sent list shows it, and Enter on its "Sent" row in the Outbox (Ctrl+4) selects that very message in
Sent, not the one sent before it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox.submission import SubState
from app.domain.account import AccountConfig, Backend
from app.domain.senders import Principal, SendRight
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items
from tests.helpers.status_bar import whole_message
from tests.helpers.backends import BOB
from tests.helpers.windows import close_window, open_window, wait_idle

DESK = "desk@example.com"
FOR_DESK = Principal(DESK, "Shared Desk", SendRight.ON_BEHALF)


def _send(qtbot, win, subject: str, from_desk: bool) -> str:
    type_message(qtbot, win, to="carol@example.com", cc="", bcc="", subject=subject, body="for the desk")
    if from_desk:
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        key(qtbot, win, Qt.Key_Down)
        assert win.compose.draft().principal == FOR_DESK
        key(qtbot, win, Qt.Key_Tab)
    lid = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: getattr(ob.queue.submission(lid), "state", None) == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    return lid


def _selected_subject(win) -> str:
    s = win.sent.model.summary(win.sent.table.currentIndex().row())
    return s.subject if s is not None else ""


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_sent_on_behalf_is_in_my_sent_items_listed_and_open_in_sent_selects_it(qtbot, aloop, ui_sandbox, ui_backend,
                                                                               settings, screenshot_dir):
    backend = Backend.GRAPH if ui_backend == "graph" else Backend.EWS
    settings.set_principals(AccountConfig(email=BOB, ews_url="", username=BOB, sandbox=True, backend=backend),
                            [FOR_DESK])
    win, session = open_window(qtbot, ui_sandbox, settings, email=BOB, connected=True, backend=ui_backend)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        _send(qtbot, win, "My own note", from_desk=False)
        key(qtbot, win, Qt.Key_3, CTRL)  # Sent, with the first message selected
        qtbot.waitUntil(lambda: _selected_subject(win) == "My own note", timeout=10000)

        lid = _send(qtbot, win, "Rota for the desk", from_desk=True)
        def delivered():
            return [i for i in items(ui_sandbox, "inbox", "carol@example.com") if i["subject"] == "Rota for the desk"]

        qtbot.waitUntil(lambda: len(delivered()) == 1, timeout=10000)  # Graph delivers after its 202
        (got,) = delivered()
        assert (got["from"], got["sender"]) == (DESK, BOB), "on behalf: From the desk, Sender Bob"
        assert sorted(i["subject"] for i in items(ui_sandbox, "sentitems", BOB)) == [
            "My own note", "Rota for the desk"], "the copy is in Bob's own Sent Items (Outlook's default)"
        assert items(ui_sandbox, "sentitems", DESK) == [] and items(ui_sandbox, "drafts", DESK) == []

        key(qtbot, win, Qt.Key_4, CTRL)
        view = win.journal_bridge.show_outbox()
        view.table.setFocus()
        row = [subject for subject, _to, _state in view.rows()].index("Rota for the desk")
        assert view.rows()[row][2] == "Sent"
        key(qtbot, win, Qt.Key_Home, CTRL)
        for _ in range(row):
            key(qtbot, win, Qt.Key_Down)
        assert view.current_id() == lid
        key(qtbot, win, Qt.Key_Return)
        assert win.current_view() == "sent"
        qtbot.waitUntil(lambda: not win.sent.model.loading, timeout=10000)
        qtbot.waitUntil(lambda: _selected_subject(win) == "Rota for the desk", timeout=10000)
        assert sorted(s.subject for s in win.sent.model.summaries()) == ["My own note", "Rota for the desk"]
        on_behalf = "From: Bob Brown <bob@example.com> on behalf of Shared Desk <desk@example.com>"
        qtbot.waitUntil(lambda: win.sent.subject_label.text() == "Rota for the desk", timeout=10000)
        qtbot.waitUntil(lambda: on_behalf in win.sent.headers_label.text().splitlines(), timeout=10000)
        key(qtbot, win, Qt.Key_3, CTRL)
        win.sent.table.setFocus()
        key(qtbot, win, Qt.Key_Down)  # the message before it: Bob's own, from Bob alone (the server's From)
        qtbot.waitUntil(lambda: win.sent.subject_label.text() == "My own note", timeout=10000)
        qtbot.waitUntil(lambda: "From: Bob Brown <bob@example.com>" in win.sent.headers_label.text().splitlines(),
                        timeout=10000)
        if ui_backend == "ews":
            win.grab().save(str(screenshot_dir / "sent-on-behalf-selected.png"))
    finally:
        close_window(win, session)


def test_open_in_sent_of_a_message_not_in_the_list_selects_nothing_and_says_so(qtbot, aloop, sandbox, settings):
    """Its copy is gone from Sent Items (deleted in another client): Enter on its Sent row shows Sent with no
    message selected and says why, never the message that happens to be first."""
    from tests.helpers.ews_accounts import make_account

    settings.set_principals(AccountConfig(email=BOB, ews_url="", username=BOB, sandbox=True), [FOR_DESK])
    win, session = open_window(qtbot, sandbox, settings, email=BOB, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        _send(qtbot, win, "My own note", from_desk=False)
        lid = _send(qtbot, win, "Gone from Sent", from_desk=True)
        bob = make_account(sandbox, BOB)
        for item in bob.sent.filter(subject="Gone from Sent"):
            item.delete()
        key(qtbot, win, Qt.Key_3, CTRL)
        key(qtbot, win, Qt.Key_F5)
        qtbot.waitUntil(lambda: not win.sent.model.loading and win.sent.model.rowCount() == 1, timeout=10000)
        qtbot.waitUntil(lambda: _selected_subject(win) == "My own note", timeout=10000)

        key(qtbot, win, Qt.Key_4, CTRL)
        view = win.journal_bridge.show_outbox()
        view.table.setFocus()
        row = [subject for subject, _to, _state in view.rows()].index("Gone from Sent")
        key(qtbot, win, Qt.Key_Home, CTRL)
        for _ in range(row):
            key(qtbot, win, Qt.Key_Down)
        assert view.current_id() == lid
        key(qtbot, win, Qt.Key_Return)
        assert win.current_view() == "sent"
        qtbot.waitUntil(lambda: "not in the Sent list" in whole_message(win), timeout=10000)
        assert _selected_subject(win) == "" and not win.sent.table.selectionModel().hasSelection()
    finally:
        close_window(win, session)


def test_keep_the_copy_in_its_sent_items_is_set_by_keys_and_saved_with_the_account(qtbot, tmp_path):
    """Space on a listed mailbox and Alt+K for a new one; Alt+S saves; the settings file keeps it."""
    from app.storage.settings import Settings
    from app.ui.accounts.send_from import SendFromDialog
    from tests.helpers.keys import focused, mnemonic, type_focused

    dlg = SendFromDialog(BOB, [FOR_DESK])
    qtbot.addWidget(dlg)
    saved = []
    dlg.saved.connect(saved.append)
    dlg.ask()
    qtbot.waitUntil(lambda: focused() is dlg.list, timeout=3000)
    qtbot.keyClick(dlg.list, Qt.Key_Space)
    assert dlg.principals()[0].keep_copy and "kept in its Sent Items" in dlg.list.item(0).text()
    qtbot.keyClick(dlg.list, Qt.Key_Space)
    assert not dlg.principals()[0].keep_copy and "kept" not in dlg.list.item(0).text()
    qtbot.keyClick(dlg.list, Qt.Key_Space)
    dlg.address.setFocus()
    type_focused(qtbot, "boss@example.com")
    mnemonic(qtbot, Qt.Key_K, lambda: dlg.keep.isChecked())
    mnemonic(qtbot, Qt.Key_A, lambda: dlg.list.count() == 2)
    assert not dlg.keep.isChecked(), "the next entry starts with the default"
    mnemonic(qtbot, Qt.Key_S, lambda: not dlg.isVisible())
    ((desk, boss),) = saved
    assert (desk.email, desk.keep_copy, boss.email, boss.keep_copy) == (DESK, True, "boss@example.com", True)

    path = tmp_path / "settings.json"
    acc = AccountConfig(email=BOB, ews_url="https://mail.example.com/EWS/Exchange.asmx", username=BOB)
    Settings(path).set_principals(acc, [desk, boss, FOR_DESK.__class__("ops@example.com")])
    again = Settings(path).account().principals
    assert [(p.email, p.keep_copy) for p in again] == [(DESK, True), ("boss@example.com", True),
                                                       ("ops@example.com", False)]


@pytest.mark.process
def test_keep_copy_changed_in_the_dialog_reaches_the_running_mail_engine(qtbot, aloop, sandbox, settings, monkeypatch):
    """EWS runs in the mail engine's own process, as the app runs it, with the account's settings of its start.
    Space on the desk in Mailboxes you send from (Ctrl+Shift+H), Alt+S: the next message sent on behalf of the
    desk keeps its copy in the desk's Sent Items, without a restart; the one before it stays in Bob's."""
    monkeypatch.setenv("DISPATCH_MAIL_ENGINE", "process")
    settings.set_principals(AccountConfig(email=BOB, ews_url="", username=BOB, sandbox=True), [FOR_DESK])
    win, session = open_window(qtbot, sandbox, settings, email=BOB, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        _send(qtbot, win, "Before the change", from_desk=True)
        assert [i["subject"] for i in items(sandbox, "sentitems", BOB)] == ["Before the change"]

        key(qtbot, win, Qt.Key_H, CTRL | SHIFT)
        qtbot.waitUntil(lambda: getattr(win, "send_from_dialog", None) is not None
                        and win.send_from_dialog.list.hasFocus(), timeout=5000)
        dlg = win.send_from_dialog
        qtbot.keyClick(dlg.list, Qt.Key_Space)
        qtbot.keyClick(dlg.list, Qt.Key_S, Qt.AltModifier)
        qtbot.waitUntil(lambda: not dlg.isVisible() and QApplication.activeWindow() is win, timeout=5000)
        assert [p.keep_copy for p in session.account.principals] == [True]

        _send(qtbot, win, "After the change", from_desk=True)
        assert [i["subject"] for i in items(sandbox, "sentitems", DESK)] == ["After the change"], \
            "the engine sends with the list as changed: the copy in the desk's Sent Items"
        assert [i["subject"] for i in items(sandbox, "sentitems", BOB)] == ["Before the change"]
    finally:
        close_window(win, session)
