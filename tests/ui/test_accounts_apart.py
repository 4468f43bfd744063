"""Accounts are kept apart: what one account wrote, queued or listed never shows up in, or goes out
from, another. The real window, the real sandbox over HTTP (two mailboxes on one server), one journal.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.accounts.session import Session
from app.core.outbox.submission import SubState
from app.domain.models import Folder
from app.storage.journal import Journal
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.backends import ALICE, BOB
from tests.helpers.windows import account_for, close_window, open_window, wait_task

CAROL = "carol@example.com"


def _sign_in_as(qtbot, win, sb, email: str) -> Session:
    """What "Use the sandbox mailbox" / a tested account does: the window gets that account's session."""
    acc, pw = account_for(sb, email)
    session = Session.for_account(acc, pw)
    win.set_session(session)
    qtbot.waitUntil(lambda: session.state.value == "connected" and not win.busy, timeout=20000)
    qtbot.waitUntil(lambda: not win.drafts.model.loading and not win.sent.model.loading, timeout=10000)
    return session


def test_switching_accounts_keeps_text_queue_lists_and_preview_apart(qtbot, aloop, sandbox, settings, tmp_path,
                                                                     screenshot_dir):
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    try:
        # alice: one message sent earlier (listed in Sent, previewed) ...
        type_message(qtbot, win, subject="alice sent earlier", body="old")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(items(sandbox, Folder.SENT.value)) == 1 and not win.busy, timeout=20000)
        key(qtbot, win, Qt.Key_3, CTRL)
        qtbot.waitUntil(lambda: win.sent.model.rowCount() == 1, timeout=10000)
        win.sent.table.setCurrentIndex(win.sent.model.index(0, 1))
        qtbot.waitUntil(lambda: win.sent.subject_label.text() == "alice sent earlier", timeout=10000)
        # ... one queued (the server is busy for a minute) ...
        sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=60_000)
        type_message(qtbot, win, subject="alice queued", body="waits")
        key(qtbot, win, Qt.Key_Return, CTRL)
        ob_alice = win.session.outbox
        qtbot.waitUntil(lambda: any(r.subject == "alice queued" and "busy" in r.text.lower() for r in ob_alice.rows()),
                        timeout=20000)
        # ... and one being written
        type_message(qtbot, win, subject="alice unfinished", body="alice's words")
        wait_task(qtbot, win.flows.wait_idle())

        carol = _sign_in_as(qtbot, win, sandbox, CAROL)
        assert win.compose.draft().is_empty(), "alice's text is not in carol's Compose"
        assert win.sent.subject_label.text() != "alice sent earlier" and win.sent.body.toPlainText() == ""
        assert win.sent.model.rowCount() == 0 and win.drafts.model.rowCount() == 0  # carol's lists
        assert carol.outbox is not ob_alice and carol.outbox.rows() == []  # alice's queue is not carol's
        key(qtbot, win, Qt.Key_4, CTRL)
        view = win.journal_bridge.show_outbox()
        assert view.rows() == []
        assert "alice@example.com (1)" in view.empty.text()  # named, not shown, not sent
        win.grab().save(str(screenshot_dir / "accounts-apart-carol.png"))
        carol.outbox.hand.kick()
        wait_task(qtbot, carol.outbox.waits.drain(timeout=30))
        assert items(sandbox, Folder.SENT.value, CAROL) == [], "nothing of alice's went out from carol"
        type_message(qtbot, win, subject="carol unfinished", body="carol's words")
        wait_task(qtbot, win.flows.wait_idle())

        alice = _sign_in_as(qtbot, win, sandbox, ALICE)
        assert win.compose.subject.text() == "alice unfinished", "alice's own text reopens"
        assert "carol" not in win.compose.body.toPlainText()
        ob = alice.outbox
        queued = [s for s in ob.queue.submissions() if s.draft.subject == "alice queued"]
        assert len(queued) == 1 and queued[0].account == alice.account.key
        sandbox.faults.clear()
        ob.hand.kick()
        qtbot.waitUntil(lambda: queued[0].state == SubState.SENT, timeout=30000)
        assert [m["subject"] for m in items(sandbox, "inbox", BOB)].count("alice queued") == 1
        assert "alice queued" in [m["subject"] for m in items(sandbox, Folder.SENT.value)]
        assert items(sandbox, Folder.SENT.value, CAROL) == []
        carols = [e for e in journal.entries(account=carol.account.key) if e.account == carol.account.key]
        assert [e.draft.subject for e in carols] == ["carol unfinished"], "carol's text waits for carol"
    finally:
        close_window(win)


def test_the_account_dialog_can_go_back_to_the_sandbox_mailbox(qtbot, aloop, sandbox, settings, tmp_path):
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(tmp_path / "j.sqlite3"))
    try:
        asked = []
        win.sandbox_requested.connect(lambda: asked.append(True))
        key(qtbot, win, Qt.Key_Comma, CTRL)  # Account settings…
        dlg = win.account_dialog
        qtbot.waitUntil(lambda: dlg is not None and dlg.isVisible(), timeout=5000)
        dlg.sandbox_button.click()
        assert asked == [True] and not dlg.isVisible()
        assert win.session is session  # the working account stays until the sandbox is in place
    finally:
        close_window(win, session)
