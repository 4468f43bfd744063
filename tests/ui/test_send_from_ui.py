"""Send as / on behalf from the user's side (issue 49), by keys on the real window and the real sandbox over
HTTP: the account's "Mailboxes you send from" list (palette, typed, validated, removed with Delete, saved with
the account), Compose's From row (hidden without a choice, Ctrl+Shift+F then the arrow keys), the choice kept
by the autosave across a restart, and the server's Send As refusal said at From with the message kept."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.accounts.session import ConnectionState, Session
from app.domain.account import AccountConfig, Backend
from app.domain.senders import Principal, SendRight
from app.storage.journal import Journal
from app.ui.compose.from_flows import NO_CHOICE
from tests.helpers.compose import reopen_only_draft, type_message
from tests.helpers.keys import CTRL, SHIFT, focus_key, focused, key, mnemonic, type_focused
from tests.helpers.mailbox import items
from tests.helpers.status_bar import whole_message
from tests.helpers.backends import ALICE, op
from tests.helpers.windows import account_for, close_window, make_window, open_window, open_window_sending_for, wait_idle

DESK = Principal("desk@example.com", "Shared Desk", SendRight.SEND_AS)
BOSS = Principal("boss@example.com", "The Boss", SendRight.ON_BEHALF)


def _open_send_from(qtbot, win):
    """The list, from the command palette (File > Mailboxes you send from…)."""
    key(qtbot, win, Qt.Key_P, CTRL | SHIFT)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    qtbot.keyClicks(win.power.palette.field, "mailboxes")
    assert win.power.palette.shown()[0] == "Mailboxes you send from"
    focus_key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: getattr(win, "send_from_dialog", None) is not None
                    and win.send_from_dialog.isVisible(), timeout=3000)
    return win.send_from_dialog


def _fill_the_list_by_keys(qtbot, win, dlg) -> None:
    qtbot.waitUntil(lambda: focused() is dlg.address, timeout=3000)  # an empty list: the keyboard in the address
    type_focused(qtbot, "alice@example.com")
    focus_key(qtbot, win, Qt.Key_Return)
    assert "own address" in dlg.error.text() and dlg.list.count() == 0
    focus_key(qtbot, win, Qt.Key_A, CTRL)
    type_focused(qtbot, "desk@")
    focus_key(qtbot, win, Qt.Key_Return)
    assert "not a valid" in dlg.error.text() and dlg.list.count() == 0
    type_focused(qtbot, "example.com")
    assert dlg.error.isHidden(), "typing on clears the error"
    focus_key(qtbot, win, Qt.Key_Tab)
    type_focused(qtbot, "Shared Desk")
    focus_key(qtbot, win, Qt.Key_Return)  # Enter in a field adds (Send as: the default right)
    assert dlg.principals() == [DESK] and focused() is dlg.address and dlg.address.text() == ""
    type_focused(qtbot, "boss@example.com")
    focus_key(qtbot, win, Qt.Key_Tab)
    type_focused(qtbot, "The Boss")
    focus_key(qtbot, win, Qt.Key_Tab)
    assert focused() is dlg.right
    focus_key(qtbot, win, Qt.Key_Down)  # Send on behalf
    mnemonic(qtbot, Qt.Key_A, lambda: dlg.list.count() == 2)  # Alt+A: Add
    type_focused(qtbot, "typo@example.com")
    focus_key(qtbot, win, Qt.Key_Return)
    assert [p.email for p in dlg.principals()] == ["desk@example.com", "boss@example.com", "typo@example.com"]
    focus_key(qtbot, win, Qt.Key_Tab, SHIFT)
    focus_key(qtbot, win, Qt.Key_Tab, SHIFT)
    assert focused() is dlg.list and dlg.list.currentRow() == 2, "the one just added is selected"
    focus_key(qtbot, win, Qt.Key_Delete)
    assert dlg.principals() == [DESK, BOSS]


def test_send_from_list_and_from_by_keys_kept_by_the_autosave_across_a_restart(qtbot, aloop, sandbox, settings,
                                                                                tmp_path, screenshot_dir):
    jpath = tmp_path / "journal.sqlite3"
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(jpath))
    c = win.compose
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        assert c.from_row.isHidden() and c.from_row.label.isHidden(), "no From row without a choice"
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        assert whole_message(win) == NO_CHOICE and focused() is not c.from_row.combo

        dlg = _open_send_from(qtbot, win)
        _fill_the_list_by_keys(qtbot, win, dlg)
        dlg.grab().save(str(screenshot_dir / "send-from-mailboxes.png"))
        mnemonic(qtbot, Qt.Key_S, lambda: not dlg.isVisible())  # Alt+S: Save
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=3000)  # the keyboard back in the window
        assert settings.account().principals == [DESK, BOSS], "saved with the account"
        assert session.account.principals == [DESK, BOSS]
        assert c.from_row.isVisible() and c.from_row.label.isVisible()

        type_message(qtbot, win, cc="", bcc="", subject="Desk rota", body="The rota for next week.")
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        assert focused() is c.from_row.combo
        assert c.from_row.combo.currentText() == "alice@example.com", "a new message is from the account"
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == DESK and c.from_row.combo.currentText() == "Shared Desk <desk@example.com>"
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == BOSS
        key(qtbot, win, Qt.Key_Up)
        key(qtbot, win, Qt.Key_Tab)
        assert focused() is c.to.edit, "From, then To"
        win.grab().save(str(screenshot_dir / "compose-from-row.png"))
        local_id = c.identity().local_id
        win.journal_bridge.autosave.flush()
        win.journal_bridge.autosave.drain()
        assert win.journal_bridge.journal.get(local_id).draft.principal == DESK
    finally:
        win.journal_bridge.close()
        close_window(win, session)

    # the app starts again (the settings and the journal as they were): the message comes back from the desk
    acc, pw = account_for(sandbox)
    assert acc.principals == [], "the list comes from the settings, not from the new session's account"
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings, journal=Journal(jpath))
    c = win.compose
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        qtbot.waitUntil(lambda: c.subject.text() == "Desk rota", timeout=10000)
        assert c.draft().principal == DESK and c.from_row.isVisible()
        assert c.from_row.combo.currentText() == "Shared Desk <desk@example.com>"
        assert [c.from_row.combo.itemText(i) for i in range(c.from_row.combo.count())] == [
            "alice@example.com", "Shared Desk <desk@example.com>", "The Boss <boss@example.com> (on behalf)"]
    finally:
        win.journal_bridge.close()
        close_window(win, session)


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_send_refused_for_its_from_is_said_at_from_and_the_message_is_kept(qtbot, aloop, ui_sandbox, ui_backend,
                                                                            settings, screenshot_dir):
    win, session = open_window_sending_for(qtbot, ui_sandbox, settings, [DESK], ui_backend)
    c = win.compose
    try:
        type_message(qtbot, win, cc="", bcc="", subject="From the desk", body="Sent as the desk.")
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == DESK
        key(qtbot, win, Qt.Key_Tab)
        ui_sandbox.faults.inject(op(ui_backend, "SendItem"), "item_error", code="ErrorSendAsDenied")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: c.from_row.error_text() != "", timeout=20000)
        wait_idle(qtbot, win)
        assert "not allowed to send as" in c.from_row.error_text()
        assert c.error_text() == "", "said at From, not under the message"
        assert focused() is c.from_row.combo and c.from_row.combo.accessibleDescription() == c.from_row.error_text()
        assert c.subject.text() == "From the desk" and c.draft().principal == DESK, "the message is kept"
        assert c.state() == "Not sent"
        if ui_backend == "ews":
            win.grab().save(str(screenshot_dir / "compose-from-refused.png"))
        assert items(ui_sandbox, "inbox", "bob@example.com") == [] and items(ui_sandbox, "sentitems") == []
        key(qtbot, win, Qt.Key_Up)  # another From: the error goes with the choice it was about
        assert c.from_row.error_text() == "" and c.draft().principal is None
    finally:
        close_window(win, session)


def test_entering_the_account_again_keeps_its_mailboxes_another_address_starts_with_none(qtbot):
    """A new password typed in Account settings (Ctrl+,) must not drop the list saved with the account."""
    from app.ui.accounts.account_dialog import AccountDialog

    acc = AccountConfig(email=ALICE, ews_url="https://mail.example.com/EWS/Exchange.asmx", username="alice",
                        principals=[DESK, BOSS])
    dlg = AccountDialog(None, acc, keyring_ok=False)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    entered = []
    dlg.account_entered.connect(lambda a, _pw: entered.append(a))
    dlg.password.setFocus()
    qtbot.keyClicks(dlg.password, "new-pa55")
    qtbot.keyClick(dlg.password, Qt.Key_Return)  # Connect
    assert [a.principals for a in entered] == [[DESK, BOSS]]
    dlg.set_testing(False)
    dlg.email.setFocus()
    dlg.email.selectAll()
    qtbot.keyClicks(dlg.email, "carol@example.com")
    qtbot.keyClick(dlg.password, Qt.Key_Return)
    assert entered[-1].email == "carol@example.com" and entered[-1].principals == []


def _file_name_edit(qtbot):
    """Qt's file dialog has the keyboard: its file name field is focused."""
    qtbot.waitUntil(lambda: focused() is not None and focused().objectName() == "fileNameEdit", timeout=5000)
    return focused()


def test_an_eml_keeps_who_it_is_from_out_and_in(qtbot, aloop, sandbox, settings, tmp_path):
    """Ctrl+Shift+E writes From = the mailbox and Sender = the account (on behalf); Ctrl+O of that file opens a
    message from the same mailbox."""
    import email
    import email.policy

    settings.set_principals(account_for(sandbox)[0], [DESK, BOSS])
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    c = win.compose
    path = tmp_path / "from-the-boss.eml"
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        type_message(qtbot, win, cc="", bcc="", subject="Budget", body="Approved.")
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        key(qtbot, win, Qt.Key_Down)
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == BOSS
        key(qtbot, win, Qt.Key_E, CTRL | SHIFT)
        qtbot.keyClick(_file_name_edit(qtbot), Qt.Key_A, CTRL)
        qtbot.keyClicks(focused(), str(path))
        qtbot.keyClick(focused(), Qt.Key_Return)
        qtbot.waitUntil(lambda: path.exists() and win.eml.save_dialog is None, timeout=10000)
        wait_idle(qtbot, win)
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert msg["From"].addresses[0].addr_spec == "boss@example.com"
        assert msg["Sender"].addresses[0].addr_spec == ALICE

        key(qtbot, win, Qt.Key_N, CTRL)
        assert c.draft().principal is None
        key(qtbot, win, Qt.Key_O, CTRL)
        qtbot.keyClicks(_file_name_edit(qtbot), str(path))
        qtbot.keyClick(focused(), Qt.Key_Return)
        qtbot.waitUntil(lambda: c.subject.text() == "Budget", timeout=10000)
        assert c.draft().principal == BOSS and c.from_row.combo.currentText() == "The Boss <boss@example.com> (on behalf)"
    finally:
        close_window(win, session)


def test_signing_in_to_microsoft_365_again_keeps_the_mailboxes_of_the_same_address(qtbot):
    """The Microsoft 365 page builds its own account: the list goes with it for the same address (signing in
    again, or moving an EWS account that Exchange Online blocks to Graph), not for another."""
    from app.ui.accounts.account_dialog import M365_KIND, AccountDialog

    m365 = AccountConfig(email=ALICE, ews_url="", username=ALICE, backend=Backend.GRAPH, principals=[DESK],
                         extra={"graph_signin": {"client_id": "abc"}})
    dlg = AccountDialog(None, m365, keyring_ok=False)
    qtbot.addWidget(dlg)
    assert dlg.m365.account().principals == [DESK]
    dlg.m365.email.setFocus()
    dlg.m365.email.selectAll()
    qtbot.keyClicks(dlg.m365.email, "carol@example.com")
    assert dlg.m365.account().principals == []
    ews = AccountConfig(email=ALICE, ews_url="https://outlook.office365.com/EWS/Exchange.asmx", username=ALICE,
                        principals=[DESK, BOSS])
    moved = AccountDialog(None, ews, keyring_ok=False, kind=M365_KIND)
    qtbot.addWidget(moved)
    assert moved.is_m365() and moved.m365.account().principals == [DESK, BOSS]


def test_a_draft_from_a_mailbox_the_account_does_not_list_shows_it_and_keeps_it(qtbot):
    """Never a silent change of From: a message from a mailbox the account no longer lists (or never did: one
    from another computer) shows it at From, even with no list at all, and keeps it through edits."""
    from app.domain.models import Draft, Recipient
    from app.ui.compose.compose_view import ComposeView

    c = ComposeView()
    qtbot.addWidget(c)
    c.show()
    c.from_row.set_account(ALICE, [])
    assert c.from_row.isHidden()
    old = Principal("old-desk@example.com", "Old Desk", SendRight.ON_BEHALF)
    c.load(Draft(to=[Recipient("bob@example.com")], subject="Hello", principal=old))
    assert c.from_row.isVisible() and c.from_row.label.isVisible() and c.edits == 0
    assert c.from_row.combo.currentText() == "Old Desk <old-desk@example.com> (on behalf)"
    with qtbot.waitSignal(c.changed, timeout=1000):
        c.subject.setText("Hello again")
    assert c.draft().principal == old
    c.from_row.set_account(ALICE, [DESK])  # the list changes meanwhile: the message's From stays
    assert c.draft().principal == old and c.from_row.combo.count() == 3
    c.load(Draft(principal=Principal("DESK@example.com", "", SendRight.SEND_AS)))  # the listed one, by address
    assert c.from_row.combo.count() == 2 and c.from_row.combo.currentText() == "Shared Desk <desk@example.com>"
    c.load(Draft())
    assert c.draft().principal is None and c.from_row.combo.count() == 2
    c.from_row.set_account(ALICE, [])
    assert c.from_row.isHidden() and c.from_row.label.isHidden()


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_from_the_desk_saved_reopened_from_drafts_and_delivered_from_the_desk(qtbot, aloop, ui_sandbox, ui_backend,
                                                                              settings):
    """The whole way by keys: From chosen, Ctrl+S, a new message, the draft reopened from Drafts still from the
    desk, Ctrl+Return; Bob's copy is from the Shared Desk (Send As: no "on behalf"); the
    copy is in Alice's own Sent Items on both protocols (Outlook's default, issue 59: the desk's only with "keep
    the sent copy in its Sent Items", tests/mail/test_ews_delegates.py)."""
    backend = Backend.GRAPH if ui_backend == "graph" else Backend.EWS
    settings.set_principals(AccountConfig(email=ALICE, ews_url="", username=ALICE, sandbox=True, backend=backend),
                            [DESK])
    win, session = open_window(qtbot, ui_sandbox, settings, connected=True, backend=ui_backend)
    c = win.compose
    desk = "desk@example.com"
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        type_message(qtbot, win, cc="", bcc="", subject="Desk rota", body="The rota for next week.")
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == DESK
        key(qtbot, win, Qt.Key_S, CTRL)
        home = ALICE  # the draft and its copy are Alice's own by default, though she may open the desk's
        qtbot.waitUntil(lambda: len(items(ui_sandbox, "drafts", home)) == 1 and not win.busy, timeout=20000)
        wait_idle(qtbot, win)
        assert items(ui_sandbox, "drafts", home)[0]["from"] == desk

        key(qtbot, win, Qt.Key_N, CTRL)
        assert c.draft().principal is None
        reopen_only_draft(qtbot, win, "Desk rota")
        assert c.draft().principal == DESK and c.from_row.combo.currentText() == "Shared Desk <desk@example.com>"

        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(items(ui_sandbox, "inbox", "bob@example.com")) == 1, timeout=20000)
        wait_idle(qtbot, win)
        got = items(ui_sandbox, "inbox", "bob@example.com")[0]
        assert (got["subject"], got["from"], got["sender"]) == ("Desk rota", desk, desk)
        assert [i["subject"] for i in items(ui_sandbox, "sentitems", home)] == ["Desk rota"]
        assert items(ui_sandbox, "drafts", home) == [] and items(ui_sandbox, "drafts", ALICE) == []
    finally:
        close_window(win, session)


def test_enter_on_the_right_box_adds_and_save_never_takes_a_half_typed_entry(qtbot, window, settings, screenshot_dir):
    """Issue 59, item 11: Enter on the right box adds the entry; Save with an entry typed but not added says so,
    keeps it as typed and saves nothing until it is added (Enter) or cleared."""
    win = window
    dlg = _open_send_from(qtbot, win)
    saved = []
    dlg.saved.connect(saved.append)
    qtbot.waitUntil(lambda: focused() is dlg.address, timeout=3000)
    type_focused(qtbot, "boss@example.com")
    focus_key(qtbot, win, Qt.Key_Tab)
    type_focused(qtbot, "The Boss")
    focus_key(qtbot, win, Qt.Key_Tab)
    assert focused() is dlg.right
    focus_key(qtbot, win, Qt.Key_Down)  # Send on behalf
    focus_key(qtbot, win, Qt.Key_Return)
    assert dlg.principals() == [BOSS] and focused() is dlg.address, "Enter on the right box added it"
    type_focused(qtbot, "desk@example.com")
    mnemonic(qtbot, Qt.Key_S, lambda: dlg.error.isVisible())  # Alt+S: Save, with desk typed but not added
    dlg.grab().save(str(screenshot_dir / "send-from-half-typed-save.png"))
    assert "“desk@example.com” is typed but not in the list" in dlg.error.text()
    assert dlg.isVisible() and saved == [] and dlg.principals() == [BOSS], "nothing added or saved silently"
    assert focused() is dlg.address and dlg.address.text() == "desk@example.com", "kept as typed"
    focus_key(qtbot, win, Qt.Key_Return)
    assert [p.email for p in dlg.principals()] == ["boss@example.com", "desk@example.com"]
    mnemonic(qtbot, Qt.Key_S, lambda: not dlg.isVisible())
    assert [p.email for p in saved[0]] == ["boss@example.com", "desk@example.com"]
