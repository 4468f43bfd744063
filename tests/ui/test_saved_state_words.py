"""Compose says where the words are (issue 59, item 5), by keys in the real window on the sandbox over HTTP:
"Kept on this computer" once the journal has what was typed, "Saved to Drafts" once the server has it; after
a restart, one statement of where the restored messages are (the banner never says they are on their way while
the status bar says they arrived)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.accounts.session import ConnectionState, Session
from app.domain.models import Draft, Folder, Recipient
from app.storage.journal import Journal
from app.ui.compose.compose_view import KEPT, SAVED
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items
from tests.helpers.status_bar import record_messages, whole_message
from tests.helpers.backends import BOB
from tests.helpers.windows import account_for, close_window, make_window, open_window, wait_idle


def test_kept_on_this_computer_once_journaled_saved_to_drafts_once_on_the_server(qtbot, window, sandbox):
    win, c = window, window.compose
    journal = win.journal_bridge.journal
    type_message(qtbot, win, cc="", bcc="", subject="Where are my words", body="Typed, then a pause.")
    local_id = c.identity().local_id
    assert c.state() == "Not saved"
    # typing stopped: the autosave writes it to the journal, and Compose says so
    qtbot.waitUntil(lambda: c.state() == KEPT, timeout=5000)
    entry = journal.get(local_id)
    assert entry is not None and entry.draft.body == "Typed, then a pause."
    assert items(sandbox, Folder.DRAFTS.value) == []
    qtbot.keyClicks(c.body, " More.")
    assert c.state() == "Not saved", "typed since: not yet in the journal"
    qtbot.waitUntil(lambda: c.state() == KEPT, timeout=5000)
    assert journal.get(local_id).draft.body == "Typed, then a pause. More."
    key(qtbot, win, Qt.Key_S, CTRL)
    qtbot.waitUntil(lambda: c.state() == SAVED, timeout=20000)
    wait_idle(qtbot, win)
    assert [m["subject"] for m in items(sandbox, Folder.DRAFTS.value)] == ["Where are my words"]
    # a draft opened from Drafts says the same
    key(qtbot, win, Qt.Key_N, CTRL)
    key(qtbot, win, Qt.Key_2, CTRL)
    qtbot.waitUntil(lambda: win.drafts.model.rowCount() == 1 and not win.drafts.model.loading, timeout=10000)
    win.drafts.table.setFocus()
    win.drafts.table.setCurrentIndex(win.drafts.model.index(0, 1))
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: c.subject.text() == "Where are my words", timeout=10000)
    assert c.state() == SAVED


def test_a_journal_in_memory_never_says_kept_on_this_computer(qtbot, aloop, sandbox, settings):
    # the journal's file could not be opened ("Typing is not protected"): nothing is on this computer's disk
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=Journal(":memory:"))
    c, autosave = win.compose, win.journal_bridge.autosave
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        type_message(qtbot, win, cc="", bcc="", subject="Only in memory", body="Not on disk.")
        local_id = c.identity().local_id
        qtbot.waitUntil(lambda: local_id in autosave.versions and local_id not in autosave.pending, timeout=5000)
        QApplication.processEvents()
        assert c.state() == "Not saved"
    finally:
        win.journal_bridge.close()
        close_window(win, session)


def test_after_a_restart_one_statement_of_where_the_restored_messages_are(qtbot, aloop, sandbox, settings, tmp_path,
                                                                          screenshot_dir):
    path = tmp_path / "journal.sqlite3"
    acc, pw = account_for(sandbox)
    j = Journal(path)
    for subject in ("oldest unsaved", "middle unsaved", "newest unsaved"):
        j.record(Draft(to=[Recipient(BOB)], subject=subject, body=f"{subject}: typed before the crash"),
                 account=acc.key)
        t = j.get(j.entries()[-1].local_id).updated if j.entries() else 0
        while time.time() <= t:  # distinct "updated" times (the clock, not a fixed wait)
            time.sleep(0.001)
    j.close()
    session = Session.for_account(acc, pw)
    win = make_window(qtbot, session, settings, journal=Journal(path))
    said = record_messages(win)
    try:
        qtbot.waitUntil(lambda: session.state == ConnectionState.CONNECTED, timeout=20000)
        qtbot.waitUntil(lambda: len(items(sandbox, Folder.DRAFTS.value)) == 2, timeout=30000)
        qtbot.waitUntil(lambda: any("restored to Drafts" in m for m in said), timeout=10000)
        wait_idle(qtbot, win)
        QApplication.processEvents()
        bar = whole_message(win)
        banner = win.banner.text()
        win.grab().save(str(screenshot_dir / "restored-one-statement.png"))
        assert "restored to Drafts" in bar, bar
        assert "when the server is reached" not in banner, (banner, bar)
        for k in (Qt.Key_2, Qt.Key_1):  # on every page
            key(qtbot, win, k, CTRL)
            QApplication.processEvents()
            assert "when the server is reached" not in win.banner.text()
    finally:
        win.journal_bridge.close()
        close_window(win, session)
