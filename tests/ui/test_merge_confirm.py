"""A mail merge goes out as Compose's Send does (issue 45, item 11), by keys in the real window on the sandbox:
more than a few rows ask first ("Send 4 messages?", Enter and Esc do not send), and the batch is held in the
undo-send window with ONE countdown in the merge window: Ctrl+Z takes every row back (nothing reaches the
server); Resend (Ctrl+R) is held the same way and goes out in one SendItem when its window ends. Time is the
Outbox's injected clock (held still, then moved on), never waited for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.core.merge.run import RowState
from app.core.outbox.submission import SubState
from tests.helpers.keys import CTRL, press
from tests.helpers.mailbox import sent_mids
from tests.helpers.merge import merge_ready
from tests.helpers.windows import close_window

TABLE = "name\temail\n" + "".join(f"P{i}\tp{i}@example.com\n" for i in range(1, 5))


def _question(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.guard.confirm is not None and dlg.guard.confirm.isVisible()
                    and dlg.guard.confirm.isAncestorOf(QApplication.focusWidget()), timeout=5000)
    return dlg.guard.confirm


def test_a_merge_of_four_asks_first_then_is_held_and_ctrl_z_takes_it_all_back(qtbot, aloop, sandbox, settings,
                                                                             screenshot_dir):
    settings.set_undo_send_seconds(10)
    win, session, dlg = merge_ready(qtbot, sandbox, settings, TABLE)
    ob = session.outbox
    mono, wall = ob.parts.clock(), ob.parts.wall()
    ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)  # the Outbox's injected clocks: held still
    try:
        before = len(sandbox.request_log)
        press(qtbot, Qt.Key_Return, CTRL)
        box = _question(qtbot, dlg)
        assert box.text().startswith("Send 4 messages?") and box.defaultButton().text() == "Don't send"
        press(qtbot, Qt.Key_Return)  # the default: nothing is sent
        qtbot.waitUntil(lambda: not box.isVisible(), timeout=5000)
        assert dlg.run is None and dlg.stack.currentIndex() == 0
        assert not {"CreateItem", "SendItem"} & set(sandbox.request_log[before:])

        qtbot.waitUntil(lambda: QApplication.activeWindow() is dlg, timeout=5000)
        press(qtbot, Qt.Key_Return, CTRL)
        box = _question(qtbot, dlg)
        press(qtbot, Qt.Key_S, Qt.AltModifier)  # "Send 4 messages"
        bar = dlg.guard.batch.bar
        qtbot.waitUntil(lambda: bar.isVisible(), timeout=20000)
        held = [s for s in ob.queue.submissions() if s.source == "server"]
        assert len(held) == 4 and {s.state for s in held} == {SubState.HELD}
        assert len({s.release_at for s in held}) == 1  # one countdown
        assert bar.label.text().startswith("Sending 4 messages in 10 s")
        dlg.grab().save(str(screenshot_dir / "merge-countdown.png"))
        assert "SendItem" not in sandbox.request_log[before:]

        qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.results, timeout=5000)
        press(qtbot, Qt.Key_Z, CTRL)
        qtbot.waitUntil(lambda: not dlg.run.running and all(r.error.startswith("Taken back") for r in dlg.run.rows),
                        timeout=10000)
        assert {s.state for s in held} == {SubState.CANCELLED} and not bar.isVisible()
        ob.parts.clock, ob.parts.wall = (lambda: mono + 60), (lambda: wall + 60)  # long past the window: still nothing
        ob.parts.worker.poke()
        qtbot.waitUntil(lambda: not ob.queue.subs and not ob.queue.working, timeout=5000)
        assert "SendItem" not in sandbox.request_log[before:] and sent_mids(sandbox) == {}

        # Resend: held again with one countdown; it goes once the window ends, in ONE request
        press(qtbot, Qt.Key_R, CTRL)
        qtbot.waitUntil(lambda: bar.isVisible(), timeout=20000)
        assert "SendItem" not in sandbox.request_log[before:]
        ob.parts.clock, ob.parts.wall = (lambda: mono + 71), (lambda: wall + 71)
        ob.parts.worker.poke()
        qtbot.waitUntil(lambda: all(r.state == RowState.SENT for r in dlg.run.rows), timeout=20000)
        assert sandbox.request_log[before:].count("SendItem") == 1
        assert len(sent_mids(sandbox)) == 4 and set(sent_mids(sandbox).values()) == {1}
    finally:
        close_window(win, session)
