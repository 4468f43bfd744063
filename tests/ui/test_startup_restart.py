"""Issue 73, item 7: a restarting window shows its account, "Connecting…", the message the user was writing and
every view's entry (the Outbox's too) from the first words its status bar shows and the first time Compose is
shown, never "No account · Not connected", an empty message and three views first. The real lazy window (the frame, then the slices, as app_main starts it) on the real
sandbox, its account stored in the settings and the message in the journal left by the last run."""

from __future__ import annotations

from argparse import Namespace

from PySide6.QtCore import Qt

from app.core.accounts.session import Session
from app.domain.models import Draft, Folder, Recipient, new_message_id
from app.storage.journal import Journal
from tests.helpers.keys import CTRL, key
from tests.helpers.status_bar import record_messages
from tests.helpers.windows import _window_or_its_dialog_is_active, account_for, close_window


def test_a_restart_shows_its_account_connecting_and_the_message_from_the_first_frame(
        qtbot, aloop, sandbox, settings, screenshot_dir):
    from app.app_main import expected_account
    from app.ui.window.main_window import MainWindow

    acc, pw = account_for(sandbox)
    settings.set_account(acc)  # the last run's account
    left = Draft(to=[Recipient("bob@example.com")], subject="Half written", body="to be continued",
                 internet_message_id=new_message_id())
    journal = Journal()  # the default file in this test's own data dir (the window's own)
    journal.record(left, account=acc.key)
    journal.close()

    win = MainWindow(settings=settings, lazy=True)
    qtbot.addWidget(win)
    win.expect_account(expected_account(Namespace(), settings))  # as app_main does before the slices
    seen = []  # (slice, account, state) as each slice ends, once the status bar has its words

    def watch(name, turn):
        turn()
        if win.status is not None:
            seen.append((name, win.account_label.text(), win.state_label.text()))
    win.time_setup_steps(watch)
    at_ready, said = {}, []

    def first_view():
        record_messages(win, said)
        c = win.compose
        at_ready.update(subject=c.subject.text(), body=c.body.toPlainText(), state=win.state_label.text(),
                        account=win.account_label.text(),
                        views=[win.sidebar.item(r).data(Qt.AccessibleTextRole) or win.sidebar.item(r).text()
                               for r in range(win.sidebar.count())])
        win.grab().save(str(screenshot_dir / "restart-first-view.png"))
        win.set_session(Session.for_account(acc, pw))  # the controller, once the first view is shown
    win.first_view_ready.connect(first_view)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: _window_or_its_dialog_is_active(win), timeout=5000)
    win.start_setup()
    with qtbot.waitSignal(win.setup_finished, timeout=30000):
        pass

    assert seen, "the status bar was built"
    assert {(a, s) for _n, a, s in seen} - {("alice@example.com  ·  sandbox mailbox", "Connecting…"),
                                            ("alice@example.com  ·  sandbox mailbox", "Connected")} == set(), seen
    assert at_ready == {"subject": "Half written", "body": "to be continued", "state": "Connecting…",
                        "account": "alice@example.com  ·  sandbox mailbox",
                        "views": ["Compose", "Drafts", "Sent", "Outbox"]}  # the Outbox too, not moments later
    assert [win.sidebar.item(r).toolTip() for r in range(win.sidebar.count())][3] == "Outbox (Ctrl+4)"
    session = win.session
    qtbot.waitUntil(lambda: win.state_label.text() == "Connected", timeout=30000)
    c = win.compose
    assert (c.subject.text(), c.body.toPlainText()) == ("Half written", "to be continued")
    assert c.identity().local_id == left.local_id, "the journal's message itself, not a copy"
    assert "Reopened the message you were writing" in said  # as before, once its Outbox is open
    # the user saves it by keys: one draft on the server, the message the journal kept
    key(qtbot, win, Qt.Key_S, CTRL)
    mailbox = sandbox.mailbox("alice@example.com")
    qtbot.waitUntil(lambda: [m["subject"] for m in mailbox.items(Folder.DRAFTS.value)] == ["Half written"],
                    timeout=20000)
    close_window(win, session)
