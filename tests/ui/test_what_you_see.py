"""What you see is what the server has (issue 45, items 1 and 3), on the real window, its own journal and
the real sandbox over HTTP, driven by key events:

- a saved draft edited and the window closed comes back in the next window as *Edited — kept on this
  computer* (issue 59; not "Saved draft"); Drafts marks it; Send selected does not send the server's older copy; Enter
  on it shows the newer text; Ctrl+N saves it (the server then has what was on screen, once);
- a draft whose save is waiting for the server (kept on this computer) is opened from Drafts in its newer
  version, never the server's older one, and Send selected refuses to send the older one;
- Ctrl+S on an empty Compose saves nothing ("Nothing to save"), plain or rich.

The end-to-end version with the real app process quit and started again is
tests/reliability/test_restored_edits_app.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.models import Draft, Recipient
from app.storage.journal import Journal
from app.ui.compose.compose_view import EDITED, EDITED_KEPT
from app.ui.lists.newer_marks import NEWER_HERE
from app.ui.lists.drafts_flows import NOT_SENT_NEWER
from tests.helpers.keys import CTRL, key
from tests.helpers.status_bar import record_messages
from tests.helpers.windows import journal_window
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import close_window, wait_task

SHIFT_CTRL = Qt.ControlModifier | Qt.ShiftModifier


def _drafts(sandbox) -> list[dict]:
    return sandbox.mailbox(ALICE).items("drafts")


def _body(item: dict) -> str:
    return (item.get("body") or "").replace("\r\n", "\n").strip()


def _drafts_shown(qtbot, win, n: int) -> None:
    key(qtbot, win, Qt.Key_2, CTRL)
    key(qtbot, win, Qt.Key_F5)  # Refresh: drafts saved behind the window's back are listed
    qtbot.waitUntil(lambda: not win.drafts.model.loading and win.drafts.model.rowCount() == n, timeout=15000)
    win.drafts.table.setFocus()


def _select(qtbot, win, subject: str) -> str:
    model = win.drafts.model
    row = next(i for i, s in enumerate(model.summaries()) if s.subject == subject)
    win.drafts.table.setCurrentIndex(model.index(row, 1))
    win.drafts.select_rows([row])
    return model.summary(row).ref.id


def _open_and_type(qtbot, win, subject: str, words: str) -> None:
    """Drafts (Ctrl+2), the draft, Enter; then the words typed at the end of its body."""
    _drafts_shown(qtbot, win, len(win.drafts.model.summaries()) or 1)
    _select(qtbot, win, subject)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.compose.subject.text() == subject, timeout=15000)
    c = win.compose
    c.body.setFocus()
    key(qtbot, win, Qt.Key_End, CTRL)
    qtbot.keyClicks(c.body, words)
    assert c.state_label.text() == EDITED


def test_edits_restored_after_a_restart_are_shown_as_unsaved_and_never_lost_or_sent_old(
        qtbot, aloop, sandbox, tmp_path):
    path = tmp_path / "journal.sqlite3"
    win, session = journal_window(qtbot, sandbox, tmp_path, Journal(path))
    try:
        wait_task(qtbot, session.save_draft(Draft(to=[Recipient(BOB)], subject="Plans", body="old body")))
        _open_and_type(qtbot, win, "Plans", " and new words")
    finally:
        close_window(win, session)  # the window's close writes the journal (as Ctrl+Q does)
        win.journal_bridge.close()
    assert [_body(d) for d in _drafts(sandbox)] == ["old body"]  # nothing was saved to the server

    journal = Journal(path)
    win, session = journal_window(qtbot, sandbox, tmp_path, journal)
    c = win.compose
    try:
        qtbot.waitUntil(lambda: c.subject.text() == "Plans", timeout=15000)
        assert c.draft().body.strip() == "old body and new words"
        assert c.state_label.text() == EDITED_KEPT  # was "Saved draft"; the journal has it (issue 59)
        assert c.dirty

        # Drafts marks it; Send selected does not send the server's older copy
        _drafts_shown(qtbot, win, 1)
        ref_id = _select(qtbot, win, "Plans")
        qtbot.waitUntil(lambda: win.drafts.model.status(ref_id) == NEWER_HERE, timeout=10000)
        key(qtbot, win, Qt.Key_Return, SHIFT_CTRL)
        qtbot.waitUntil(lambda: win.drafts.model.status(ref_id) == NOT_SENT_NEWER, timeout=10000)
        wait_task(qtbot, win.flows.wait_idle(), timeout=20000)
        assert "SendItem" not in sandbox.request_log
        assert [_body(d) for d in _drafts(sandbox)] == ["old body"]

        # Enter on it shows the newer text (it is the message in Compose)
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.current_view() == "compose", timeout=10000)
        assert c.draft().body.strip() == "old body and new words" and c.state_label.text() == EDITED_KEPT

        # leaving it (Ctrl+N) saves it: the server has what was on screen, in the same draft
        key(qtbot, win, Qt.Key_N, CTRL)
        qtbot.waitUntil(lambda: [_body(d) for d in _drafts(sandbox)] == ["old body and new words"], timeout=20000)
        assert c.subject.text() == ""
        wait_task(qtbot, win.flows.wait_idle(), timeout=20000)
        assert len(_drafts(sandbox)) == 1
        qtbot.waitUntil(lambda: journal.count() == 0, timeout=10000)
    finally:
        close_window(win, session)
        win.journal_bridge.close()


def test_a_draft_whose_save_waits_opens_in_its_newer_version_and_is_not_sent_old(qtbot, aloop, sandbox, tmp_path):
    """The server refuses the save for now (HTTP 503 until cleared): the edits are kept on this computer.
    Enter on the draft shows them (not the server's older text); Send selected refuses to send the older
    copy; once the server is back the newer version is what it has."""
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = journal_window(qtbot, sandbox, tmp_path, journal)
    c = win.compose
    try:
        wait_task(qtbot, session.save_draft(Draft(to=[Recipient(BOB)], subject="Budget", body="v1")))
        _open_and_type(qtbot, win, "Budget", " v2")
        fault = sandbox.faults.inject("UpdateItem", "http_503", count=-1, retry_after=60)
        key(qtbot, win, Qt.Key_N, CTRL)  # leaving it saves it: the server says "not now"
        qtbot.waitUntil(lambda: "UpdateItem" in sandbox.request_log, timeout=15000)
        qtbot.waitUntil(lambda: ("UpdateItem", "http_503") in sandbox.faults.fired, timeout=15000)
        assert [_body(d) for d in _drafts(sandbox)] == ["v1"]

        _drafts_shown(qtbot, win, 1)
        ref_id = _select(qtbot, win, "Budget")
        qtbot.waitUntil(lambda: win.drafts.model.status(ref_id) == NEWER_HERE, timeout=10000)
        key(qtbot, win, Qt.Key_Return, SHIFT_CTRL)
        qtbot.waitUntil(lambda: win.drafts.model.status(ref_id) == NOT_SENT_NEWER, timeout=10000)
        assert "SendItem" not in sandbox.request_log

        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: c.subject.text() == "Budget", timeout=15000)
        assert c.draft().body.strip() == "v1 v2"  # not the server's "v1"
        assert c.state_label.text() == EDITED_KEPT and c.dirty

        sandbox.faults.clear()
        assert fault is not None
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: [_body(d) for d in _drafts(sandbox)] == ["v1 v2"], timeout=30000)
        assert "SendItem" not in sandbox.request_log
    finally:
        close_window(win, session)
        win.journal_bridge.close()


def test_ctrl_s_on_an_empty_compose_saves_nothing(qtbot, aloop, sandbox, tmp_path):
    win, session = journal_window(qtbot, sandbox, tmp_path)
    said = record_messages(win)
    try:
        key(qtbot, win, Qt.Key_N, CTRL)
        assert win.focusWidget() is win.compose.to.edit
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: "Nothing to save: Compose is empty" in said, timeout=10000)
        wait_task(qtbot, win.flows.wait_idle(), timeout=20000)
        assert "CreateItem" not in sandbox.request_log and _drafts(sandbox) == []
        assert win.compose.state_label.text() == "", "nothing written: nothing said (issue 73, item 9)"
    finally:
        close_window(win, session)
        win.journal_bridge.close()


def test_ctrl_s_on_an_empty_rich_compose_saves_nothing(qtbot, aloop, sandbox, tmp_path):
    """Rich text on (Ctrl+Shift+X) and nothing typed: the body is Qt's HTML of an empty document, which is
    not something written: Ctrl+S saves no draft, as with an empty plain body."""
    win, session = journal_window(qtbot, sandbox, tmp_path)
    said = record_messages(win)
    try:
        c = win.compose
        key(qtbot, win, Qt.Key_N, CTRL)
        key(qtbot, win, Qt.Key_X, SHIFT_CTRL)
        assert c.rich.isChecked() and c.draft().body.strip()  # a whole HTML document, nothing typed
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: "Nothing to save: Compose is empty" in said, timeout=10000)
        wait_task(qtbot, win.flows.wait_idle(), timeout=20000)
        assert "CreateItem" not in sandbox.request_log and _drafts(sandbox) == []
        assert c.state_label.text() == "", "nothing written: nothing said (issue 73, item 9)"
    finally:
        close_window(win, session)
        win.journal_bridge.close()


def test_switching_account_saves_the_edited_message_to_its_own_accounts_drafts(qtbot, aloop, sandbox, settings,
                                                                               tmp_path):
    """Ctrl+, → another account, Enter: the message being written goes to the first account's Drafts
    before the other account is in use (it is never left only on this computer, shown nowhere)."""
    from app.app_main import Controller
    from app.storage import secrets
    from tests.helpers.windows import open_window
    from tests.helpers.compose import type_message

    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(tmp_path / "j.sqlite3"))
    ctl = Controller(None, win, settings)
    carol = next(a for a in sandbox.accounts if a["email"] == "carol@example.com")
    try:
        type_message(qtbot, win, subject="written as alice", body="alice's words")
        key(qtbot, win, Qt.Key_Comma, CTRL)  # Account settings…
        qtbot.waitUntil(lambda: win.account_dialog is not None and win.account_dialog.isVisible(), timeout=5000)
        dlg = win.account_dialog
        dlg.email.setText("carol@example.com")
        dlg.url.setText(sandbox.ews_url)
        dlg.username.setText(carol.get("username") or "carol@example.com")
        dlg.password.setText(carol["password"])
        dlg.password.setFocus()
        qtbot.keyClick(dlg.password, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.session is not session and win.session is not None, timeout=20000)
        assert [(d["subject"], _body(d)) for d in _drafts(sandbox)] == [("written as alice", "alice's words")]
        assert win.compose.draft().is_empty()  # carol's Compose
        assert sandbox.mailbox("carol@example.com").items("drafts") == []
    finally:
        close_window(win)
        session.close()
        secrets.forget("carol@example.com", carol.get("username") or "carol@example.com")
        del ctl
