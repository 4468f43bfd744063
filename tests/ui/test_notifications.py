"""Desktop notifications (issue 77, item 5), the real window against the sandbox and a notification server on a
private session bus: a message held on this computer for later that goes while the window is in the background is
told, in the neutral words by default and with its subject and recipient once chosen, never with its body; nothing
while the window is the active one, nor once turned off; the notification's action brings the window up on that
message's Outbox row. What waits here for a time is a sending limit's wait (tests/helpers/limit_wait.py): the
user's own Send later is Exchange's to send, maybe with Dispatch closed (issue 79), and is not told as sent.

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
from tests.helpers.limit_wait import held_by_the_limit
from tests.helpers import dispatch_mail as dm
from tests.helpers.windows import close_window, wait_idle, wait_task
from tests.helpers.door_window import account_set_up, open_account_window, send_args

BODY = "the secret numbers are 4 8 15 16 23 42"


@pytest.fixture
def door_account(sandbox, short_home):
    """Alice's account set up in the settings of this test's own short DISPATCH_HOME: the window's door is there."""
    return account_set_up(sandbox)


def _send_later_kept_by_exchange(qtbot, win, sandbox, other: QWidget, subject: str):
    """A message typed and sent later ("tomorrow 8:00") by keys; the server's answer comes with the window in the
    background (the sandbox pauses the send on its faults' time until the test moves it on): Exchange keeps it.
    Its submission, sent to Exchange."""
    type_message(qtbot, win, cc="", bcc="", subject=subject, body=BODY)
    lid = win.compose.draft().local_id
    sandbox.faults.inject("SendItem", "delay", seconds=60)
    key(qtbot, win, Qt.Key_T, CTRL | Qt.ShiftModifier)
    timing = win.send_timing
    qtbot.waitUntil(lambda: timing.dialog is not None and QApplication.focusWidget() is timing.dialog.when,
                    timeout=5000)
    qtbot.keyClicks(timing.dialog.when, "tomorrow 8:00")
    qtbot.keyClick(timing.dialog.when, Qt.Key_Return)
    qtbot.waitUntil(lambda: sandbox.faults.pausing() == 1, timeout=10000)
    _elsewhere(qtbot, other, win)
    sandbox.faults.skip(60)
    ob = win.session.outbox
    qtbot.waitUntil(lambda: lid in ob.queue.subs and ob.queue.subs[lid].state == SubState.SENT, timeout=10000)
    sub = ob.queue.subs[lid]  # its row gives way to the server's copy once that is read
    _settled(qtbot, win)
    return sub


def _settled(qtbot, win) -> None:
    """The window's tasks done and the Outbox's worker asleep again (not the queue's drain: the messages the
    limit holds wait days in it)."""
    wait_task(qtbot, win.flows.wait_idle())
    wait_task(qtbot, win.session.outbox.parts.worker.idle())
    wait_task(qtbot, win.flows.wait_idle())


def _goes(qtbot, win, sub) -> None:
    """Its time comes on the Outbox's clocks, held still and moved past it by the test; then they run again."""
    ob = win.session.outbox
    real = ob.parts.clock, ob.parts.wall
    clocks = HeldClocks(ob)
    clocks.advance(sub.release_at - clocks.wall + 1.0)  # past "tomorrow 8:00": released, and sent
    qtbot.waitUntil(lambda: sub.state == SubState.SENT, timeout=20000)
    _settled(qtbot, win)
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
        qtbot, notify_server, window, sandbox, screenshot_dir):
    win = window
    other = QWidget()
    other.setWindowTitle("Another application")
    qtbot.addWidget(other)
    # five drafts a sending limit holds here, a day apart (one more went now): each goes when the test moves the clocks
    held = held_by_the_limit(qtbot, win, sandbox, ["Seen in the window", "Seen in a dialog of the window",
                                                   "Quarterly figures", "Board minutes", "Not told"], body=BODY)
    assert len(held) == 5 and len({s.release_at for s in held}) == 5

    # 0. the user's Send later, handed to Exchange, window in the background: not sent yet, so not told as sent
    kept = _send_later_kept_by_exchange(qtbot, win, sandbox, other, "Kept by Exchange")
    assert kept.draft.send_at is not None and not win.isActiveWindow()
    assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("outbox")] == ["Kept by Exchange"]
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=5000)

    # 1. the window is the active one, or a dialog of its own is: the status bar says it, no notification
    sub = held[0]
    _goes(qtbot, win, sub)
    sub = held[1]
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
    sub = held[2]
    _elsewhere(qtbot, other, win)
    _goes(qtbot, win, sub)
    qtbot.waitUntil(lambda: len(notify_server.records()) == 1, timeout=10000)
    first = notify_server.records()[0]
    assert {k: first[k] for k in ("app_name", "summary", "body", "actions")} == {
        "app_name": "Dispatch", "summary": "Scheduled message sent", "body": "A message was sent.",
        "actions": ["default", "Show in Outbox"]}
    assert sub.draft.subject not in json.dumps(first) and "bob" not in json.dumps(first).lower()

    quarterly = sub

    # 3. the subject and the recipient once chosen (View → Notifications, from the command palette), never the body
    _choose(qtbot, win, "subject and recipient")
    assert win.settings.get("notifications") == "details"
    sub = held[3]
    _elsewhere(qtbot, other, win)
    _goes(qtbot, win, sub)
    qtbot.waitUntil(lambda: len(notify_server.records()) == 2, timeout=10000)
    second = notify_server.records()[1]
    # the recipient as its Outbox row names them: the server's name for bob@example.com
    assert (second["summary"], second["body"]) == ("Scheduled message sent", f"“{sub.draft.subject}” to Bob Brown")

    # the first one's action: the window comes up on the Outbox, that message's row selected (not the newest row)
    notify_server.click(first["id"])
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: win.isActiveWindow() and win.current_view() == "outbox"
                    and view.current_id() == quarterly.local_id, timeout=5000)
    row = view.table.currentRow()
    assert row != 0 and view.rows()[row][0] == quarterly.draft.subject
    assert [r.row() for r in view.table.selectionModel().selectedRows()] == [row]
    win.grab().save(str(screenshot_dir / "notification-opens-outbox-row.png"))

    # 4. turned off: nothing more
    _choose(qtbot, win, "no notifications")
    assert win.settings.get("notifications") == "off"
    sub = held[4]
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

        # a send --later handed over: Exchange keeps it until its time, nothing has gone out: not told as sent
        code, out, err = dm.run(qtbot, send_args("Later report", body, "--later", "tomorrow 8:00"), short_home)
        assert code == 0, err
        [later] = dm.json_lines(out)
        assert later["result"] == "scheduled"
        assert [i["subject"] for i in sandbox.mailbox("alice@example.com").items("outbox")] == ["Later report"]

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
