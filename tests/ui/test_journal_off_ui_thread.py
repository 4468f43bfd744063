"""The UI thread never calls the journal while the user writes, saves and sends (issue 16).

The journal is one SQLite connection behind one lock, and its thread holds that lock for as long as a
write takes: ~30-60 ms for a 10 MB body. A journal call from the UI thread (a ``has()`` after every save,
a ``discard()`` after a send) waited that long for the lock while the user typed: the typing bench showed
the UI thread blocked 62 ms in ``Journal.has``. Every Journal method called here is recorded with its
thread; the flow is a user's: type, Ctrl+S while typing on (the save is held 1 s by the sandbox, so Compose
must say "Edited"), Ctrl+S again ("Saved to Drafts"), Ctrl+Return (the message goes and leaves the journal).
Real window, real sandbox over HTTP.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from app.domain.models import Draft, Recipient
from app.storage.journal import Journal
from app.ui.compose.compose_view import EDITED, EDITED_KEPT
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.backends import BOB
from tests.helpers.windows import close_window, open_window, wait_task


def _spy_threads(journal: Journal, monkeypatch) -> list[str]:
    """Names of the Journal methods called on the UI (main) thread from now on."""
    on_ui: list[str] = []
    for name in dir(Journal):
        fn = getattr(journal, name)
        if name.startswith("_") or not callable(fn):
            continue

        def spy(*a, __fn=fn, __name=name, **kw):
            if threading.current_thread() is threading.main_thread():
                on_ui.append(__name)
            return __fn(*a, **kw)
        monkeypatch.setattr(journal, name, spy)
    return on_ui


def test_writing_saving_and_sending_leave_the_journal_to_its_thread(qtbot, aloop, sandbox, settings, tmp_path,
                                                                   monkeypatch):
    journal = Journal(tmp_path / "journal.sqlite3")
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    c = win.compose
    try:
        on_ui = _spy_threads(journal, monkeypatch)
        type_message(qtbot, win, subject="written while the journal works", body="first words")
        sandbox.faults.inject("CreateItem", "delay", count=1, seconds=1.0)
        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: "CreateItem" in sandbox.request_log, timeout=10000)
        c.body.setFocus()
        qtbot.keyClicks(c.body, " and more, typed while the save was on its way")
        qtbot.waitUntil(lambda: c.current_ref() is not None, timeout=20000)
        qtbot.waitUntil(lambda: c.state_label.text() in (EDITED, EDITED_KEPT), timeout=10000)
        assert ("CreateItem", "delay") in sandbox.faults.fired

        key(qtbot, win, Qt.Key_S, CTRL)
        qtbot.waitUntil(lambda: c.state_label.text() == "Saved to Drafts", timeout=20000)
        local_id = c.identity().local_id

        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: "SendItem" in sandbox.request_log, timeout=20000)
        qtbot.waitUntil(lambda: c.subject.text() == "", timeout=20000)
        win.journal_bridge.autosave.drain()
        qtbot.waitUntil(lambda: not journal.has(local_id), timeout=10000)  # (the test's own call)
        on_ui.remove("has")
        assert on_ui == [], f"the UI thread called the journal: {on_ui}"
    finally:
        monkeypatch.undo()
        close_window(win, session)


def test_retry_take_back_and_delete_in_the_outbox_leave_the_journal_to_its_thread(qtbot, aloop, sandbox, settings,
                                                                                   tmp_path, monkeypatch):
    """Ctrl+R, Enter and Delete in the Outbox: the queue changes at once; the journal's write (and, for
    Enter, the read of the message) runs on the journal's thread, where a 10 MB autosave may hold the lock.
    Three sends the server refuses (its size limit is below the client's) wait there as "Not sent"."""
    path = tmp_path / "journal.sqlite3"
    journal = Journal(path)
    win, session = open_window(qtbot, sandbox, settings, connected=True, journal=journal)
    bridge = win.journal_bridge
    try:
        qtbot.waitUntil(lambda: bridge.outbox is not None, timeout=5000)
        sandbox.max_send_bytes = 4000
        subjects = ("sent again", "taken back", "thrown away")
        ids = {s: wait_task(qtbot, bridge.outbox.submit(Draft(to=[Recipient(BOB)], subject=s, body="y" * 6000))).local_id
               for s in subjects}
        view = bridge.show_outbox()

        def text(subject):
            return next((t for s, _, t in view.rows() if s == subject), None)

        qtbot.waitUntil(lambda: all((text(s) or "").startswith("Not sent: ") for s in subjects), timeout=30000)
        on_ui = _spy_threads(journal, monkeypatch)
        reader = Journal(path)  # the test's own look at the disk: another connection, not spied

        def press(subject, k, mods=Qt.NoModifier):
            bridge.show_outbox()  # Ctrl+4 (Enter took the window to Compose)
            view.table.selectRow([s for s, _, _ in view.rows()].index(subject))
            view.table.setFocus()
            qtbot.keyClick(view.table, k, mods)

        sends = sandbox.request_log.count("SendItem")
        press("sent again", Qt.Key_R, CTRL)  # refused again: the limit still holds
        qtbot.waitUntil(lambda: sandbox.request_log.count("SendItem") > sends, timeout=20000)
        qtbot.waitUntil(lambda: (text("sent again") or "").startswith("Not sent: "), timeout=20000)

        press("taken back", Qt.Key_Return)
        qtbot.waitUntil(lambda: win.compose.subject.text() == "taken back", timeout=10000)
        assert win.compose.draft().body == "y" * 6000 and text("taken back") is None
        assert reader.get(ids["taken back"]).op == ""  # the user's message again, on disk

        press("thrown away", Qt.Key_Delete)
        qtbot.waitUntil(lambda: getattr(bridge, "_delete_question", None) is not None
                        and bridge._delete_question.isVisible(), timeout=5000)
        box = bridge._delete_question
        next(b for b in box.buttons() if b.text() == "Delete").click()
        qtbot.waitUntil(lambda: text("thrown away") is None, timeout=5000)
        qtbot.waitUntil(lambda: not reader.has(ids["thrown away"]), timeout=10000)
        assert on_ui == [], f"the UI thread called the journal: {on_ui}"
        assert [it["subject"] for it in sandbox.mailbox(BOB).items("inbox")] == []
    finally:
        monkeypatch.undo()
        close_window(win, session)


def test_connecting_resumes_the_recovered_messages_on_the_journal_thread(qtbot, aloop, sandbox, settings, tmp_path,
                                                                         monkeypatch):
    """Two messages were being written when Dispatch stopped: one reopens in Compose, the other goes to Drafts
    once the server is reached (app.core.compose.recovery.resume). That connect-time work read the journal on the
    UI thread (its ``entries``, then ``get``), whenever the connection came: a window busy typing waited on the
    journal's lock (seen as test_writing_saving_... failing under load, when the connect's work ran after
    that test's spy was on). Every journal call after the window is built is watched."""
    from app.core.accounts.session import Session
    from app.ui.window.main_window import MainWindow
    from tests.helpers.windows import account_for

    journal = Journal(tmp_path / "journal.sqlite3")
    acc, pw = account_for(sandbox, "alice@example.com")
    session = Session.for_account(acc, pw)
    for subject in ("the older one", "the newer one"):
        journal.record(Draft(to=[Recipient(BOB)], subject=subject, body=f"the text of {subject}",
                             internet_message_id=f"<{subject.replace(' ', '-')}@example.com>"),
                       account=acc.key)
    win = MainWindow(session, settings=settings, journal=journal)  # signed in: the sign-in's reads are done
    qtbot.addWidget(win)
    try:
        on_ui = _spy_threads(journal, monkeypatch)
        win.show()
        bridge = win.journal_bridge
        qtbot.waitUntil(lambda: len(bridge.recovery_report) == 2, timeout=30000)
        assert sorted(b.value for b in bridge.recovery_report.values()) == ["reopened", "to_drafts"]
        qtbot.waitUntil(lambda: [d["subject"] for d in sandbox.mailbox("alice@example.com").items("drafts")]
                        == ["the older one"], timeout=30000)
        assert on_ui == [], f"the UI thread called the journal: {on_ui}"
    finally:
        monkeypatch.undo()
        close_window(win, session)
