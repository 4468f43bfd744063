"""A Send As refused after the undo-send window, taken back from the Outbox (issue 59, item 6), by keys in the
real window on the sandbox over HTTP on each backend: Compose says why under From, as it does when undo send is
off. The undo window ends on the Outbox's injected clocks, never waited for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.outbox.submission import SubState
from app.domain.senders import Principal, SendRight
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, SHIFT, focused, key
from tests.helpers.mailbox import items
from tests.helpers.backends import op
from tests.helpers.windows import close_window, open_window_sending_for, wait_idle

DESK = Principal("desk@example.com", "Shared Desk", SendRight.SEND_AS)


@pytest.mark.parametrize("ui_backend", ["ews", "graph"], indirect=True)
def test_a_send_as_refused_after_the_undo_window_and_taken_back_is_said_at_from(qtbot, aloop, ui_sandbox, ui_backend,
                                                                               settings, screenshot_dir):
    win, session = open_window_sending_for(qtbot, ui_sandbox, settings, [DESK], ui_backend)
    c = win.compose
    try:
        settings.set_undo_send_seconds(10)  # the app's default (the test suite's is off)
        ob = session.outbox
        mono, wall = ob.parts.clock(), ob.parts.wall()
        ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)  # held still: the test ends the window itself
        type_message(qtbot, win, cc="", bcc="", subject="From the desk", body="Sent as the desk.")
        key(qtbot, win, Qt.Key_F, CTRL | SHIFT)
        key(qtbot, win, Qt.Key_Down)
        assert c.draft().principal == DESK
        local_id = c.identity().local_id
        ui_sandbox.faults.inject(op(ui_backend, "SendItem"), "item_error", code="ErrorSendAsDenied")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: getattr(ob.queue.submission(local_id), "state", None) == SubState.HELD, timeout=10000)
        sub = ob.queue.submission(local_id)
        qtbot.waitUntil(win.send_timing.bar.isVisible, timeout=5000)  # the countdown, Compose cleared
        ob.parts.clock, ob.parts.wall = (lambda: mono + 60), (lambda: wall + 60)  # the undo window is over
        ob.parts.worker.poke()
        qtbot.waitUntil(lambda: sub.state == SubState.FAILED, timeout=20000)
        QApplication.processEvents()
        QApplication.processEvents()
        assert not win.send_timing.bar.isVisible(), "no countdown left: the bar goes at once, not at its next second"
        wait_idle(qtbot, win)
        assert "it is in the Outbox" in win.statusBar().toolTip() + win.statusBar().currentMessage()
        assert c.subject.text() == "", "Compose went on to the next message"

        key(qtbot, win, Qt.Key_4, CTRL)
        view = win.journal_bridge.show_outbox()
        qtbot.waitUntil(lambda: [r[0] for r in view.rows()] == ["From the desk"], timeout=5000)
        view.table.setFocus()
        key(qtbot, win, Qt.Key_Return)
        qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == "From the desk",
                        timeout=5000)
        qtbot.waitUntil(lambda: c.from_row.error_text() != "", timeout=5000)
        assert "not allowed to send as" in c.from_row.error_text()
        assert c.error_text() == "", "said at From, not under the message"
        assert focused() is c.from_row.combo
        assert c.draft().principal == DESK and c.state() == "Not sent"
        if ui_backend == "ews":
            win.grab().save(str(screenshot_dir / "compose-from-refused-taken-back.png"))
        assert items(ui_sandbox, "inbox", "bob@example.com") == [] and items(ui_sandbox, "sentitems") == []
    finally:
        close_window(win, session)
