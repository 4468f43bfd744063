"""Desktop notifications (issue 77, item 5), the real window against the sandbox and a notification server on a
private session bus: a Send later message that goes while the window is in the background is told, in the neutral
words by default and with its subject and recipient once chosen, never with its body; nothing while the window is
the active one, nor once turned off; the notification's action brings the window up on that message's Outbox row.

The notification server is tests/helpers/notify_bus.py's (the ``notify_server`` fixture of tests/ui/conftest.py): GLib's
D-Bus server on a ``dbus-daemon`` of the test's own; every Notify call it gets is a line of its record, and it emits
ActionInvoked as a click on the notification does. The Outbox's clocks are held still and moved by the test (no wait for a time).
"""

from __future__ import annotations

import json
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.core.outbox.submission import SubState
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.keys import CTRL, key
from tests.helpers import dispatch_mail as dm
from tests.helpers.windows import close_window, wait_idle
from tests.helpers.door_window import account_set_up, open_account_window, send_args

BODY = "the secret numbers are 4 8 15 16 23 42"


@pytest.fixture
def door_account(sandbox, short_home):
    """Alice's account set up in the settings of this test's own short DISPATCH_HOME: the window's door is there."""
    return account_set_up(sandbox)


def _send_later(qtbot, win, subject: str):
    """A message typed and sent later ("tomorrow 8:00") by keys; its submission, held."""
    type_message(qtbot, win, cc="", bcc="", subject=subject, body=BODY)
    lid = win.compose.draft().local_id
    key(qtbot, win, Qt.Key_T, CTRL | Qt.ShiftModifier)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and QApplication.focusWidget() is timing.dialog.when,
                    timeout=5000)
    qtbot.keyClick(timing.dialog.when, Qt.Key_A, CTRL)  # what the field kept from the last time, replaced
    qtbot.keyClicks(timing.dialog.when, "tomorrow 8:00")
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: lid in ob.queue.subs and ob.queue.subs[lid].state == SubState.HELD, timeout=5000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "" and win.isActiveWindow(), timeout=5000)
    return ob.queue.subs[lid]


def _goes(qtbot, win, sub) -> None:
    """Its time comes on the Outbox's clocks, held still and moved past it by the test; then they run again."""
    ob = win.session.outbox
    real = ob.parts.clock, ob.parts.wall
    clocks = HeldClocks(ob)
    clocks.advance(sub.release_at - clocks.wall + 1.0)  # past "tomorrow 8:00": released, and sent
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=20000)
    wait_idle(qtbot, win)
    ob.parts.clock, ob.parts.wall = real  # the next "tomorrow 8:00" is read against the real time again


def _choose(qtbot, win, words: str) -> None:
    """A choice of View → Notifications, by keys: the command palette, its words, Enter (back in the window)."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    key(qtbot, win, Qt.Key_P, CTRL | Qt.ShiftModifier)
    qtbot.waitUntil(lambda: win.power.palette is not None and win.power.palette.isVisible(), timeout=3000)
    qtbot.keyClicks(win.power.palette.field, words)
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: not win.power.palette.isVisible(), timeout=3000)


def _elsewhere(qtbot, other: QWidget, win) -> None:
    """Another window of the desktop is the active one: Dispatch is in the background."""
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not win.isActiveWindow(), timeout=5000)


def test_a_scheduled_message_sent_in_the_background_is_notified_and_its_action_opens_its_row(
        qtbot, notify_server, window, screenshot_dir):
    win = window
    other = QWidget()
    other.setWindowTitle("Another application")
    qtbot.addWidget(other)

    # 1. the window is the active one, or a dialog of its own is: the status bar says it, no notification
    sub = _send_later(qtbot, win, "Seen in the window")
    _goes(qtbot, win, sub)
    sub = _send_later(qtbot, win, "Seen in a dialog of the window")
    box = QDialog(win)
    box.show()
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=5000)
    _goes(qtbot, win, sub)
    box.close()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    assert notify_server.records() == []

    assert sub.hold_kind == "" and sub.release_at == 0.0  # its hold's kind is gone: the book knew it was "later"

    # 2. in the background, the default words: that a message was sent, nothing of it
    sub = _send_later(qtbot, win, "Quarterly figures")
    _elsewhere(qtbot, other, win)
    _goes(qtbot, win, sub)
    qtbot.waitUntil(lambda: len(notify_server.records()) == 1, timeout=10000)
    first = notify_server.records()[0]
    assert {k: first[k] for k in ("app_name", "summary", "body", "actions")} == {
        "app_name": "Dispatch", "summary": "Scheduled message sent", "body": "A message was sent.",
        "actions": ["default", "Show in Outbox"]}
    assert "Quarterly" not in json.dumps(first) and "bob" not in json.dumps(first).lower()

    quarterly = sub

    # 3. the subject and the recipient once chosen (View → Notifications, from the command palette), never the body
    _choose(qtbot, win, "subject and recipient")
    assert win.settings.get("notifications") == "details"
    sub = _send_later(qtbot, win, "Board minutes")
    _elsewhere(qtbot, other, win)
    _goes(qtbot, win, sub)
    qtbot.waitUntil(lambda: len(notify_server.records()) == 2, timeout=10000)
    second = notify_server.records()[1]
    assert (second["summary"], second["body"]) == ("Scheduled message sent", "“Board minutes” to Bob")

    # the first one's action: the window comes up on the Outbox, that message's row selected (not the newest row)
    notify_server.click(first["id"])
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: win.isActiveWindow() and win.current_view() == "outbox"
                    and view.current_id() == quarterly.local_id, timeout=5000)
    assert view.table.currentRow() == 1 and view.rows()[0][0] == "Board minutes"
    assert [r.row() for r in view.table.selectionModel().selectedRows()] == [1]
    win.grab().save(str(screenshot_dir / "notification-opens-outbox-row.png"))

    # 4. turned off: nothing more
    _choose(qtbot, win, "no notifications")
    assert win.settings.get("notifications") == "off"
    sub = _send_later(qtbot, win, "Not told")
    _elsewhere(qtbot, other, win)
    _goes(qtbot, win, sub)
    assert len(notify_server.records()) == 2
    assert all(BODY not in json.dumps(r) and "secret" not in json.dumps(r) for r in notify_server.records())
    assert sys.platform.startswith("linux")


def test_a_commands_message_sent_and_a_send_that_failed_in_the_background_are_notified(
        qtbot, aloop, notify_server, sandbox, door_account, short_home, tmp_path):
    win, session = open_account_window(qtbot, door_account)
    try:
        other = QWidget()
        qtbot.addWidget(other)
        _elsewhere(qtbot, other, win)
        body = tmp_path / "report.txt"
        body.write_text(BODY + "\n", encoding="utf-8")
        ob = session.outbox

        code, out, err = dm.run(qtbot, send_args("Nightly report", body, "--no-wait"), short_home)
        assert code == 0, err
        [said] = dm.json_lines(out)
        qtbot.waitUntil(lambda: len(notify_server.records()) == 1, timeout=20000)
        assert ob.queue.submission(said["id"]).state == SubState.SENT

        refused = []
        for n, subject in enumerate(("Refused report", "Refused again"), start=2):
            sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorSendAsDenied")  # refused for good
            code, out, err = dm.run(qtbot, send_args(subject, body, "--no-wait"), short_home)
            assert code == 0, err
            refused += dm.json_lines(out)
            qtbot.waitUntil(lambda n=n: len(notify_server.records()) == n, timeout=20000)
            assert ob.queue.submission(refused[-1]["id"]).state == SubState.FAILED
        wait_idle(qtbot, win)
        records = notify_server.records()
        assert [(r["summary"], r["body"], r["replaces_id"]) for r in records] == [
            ("Message from dispatch-mail sent", "A message was sent.", 0),
            ("Message not sent", "A message could not be sent. It waits in the Outbox.", 0),
            # the second refusal while away: counted, in place of the first one's notification
            ("Message not sent", "2 messages could not be sent. They wait in the Outbox.", records[1]["id"])]
        assert all("report" not in json.dumps(r).lower() and "secret" not in json.dumps(r) for r in records)

        notify_server.click(records[0]["id"])  # the command's message: its Outbox row (not the newest)
        view = win.journal_bridge.show_outbox()
        qtbot.waitUntil(lambda: win.isActiveWindow() and view.current_id() == said["id"], timeout=5000)
        assert view.table.currentRow() != 0
    finally:
        close_window(win, session)
