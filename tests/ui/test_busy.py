"""A long operation shows progress and the window keeps responding (real window, real sandbox, the
server holding the SendItem request with an injected delay)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.mailbox import items


def test_slow_send_shows_progress_and_the_window_keeps_responding(qtbot, window, sandbox, screenshot_dir):
    win = window
    type_message(qtbot, win, subject="Slow one", body="The server takes its time.")
    sandbox.faults.inject("SendItem", "delay", count=1, seconds=3)
    key(qtbot, win, Qt.Key_Return, CTRL)

    qtbot.waitUntil(lambda: "SendItem" in sandbox.request_log, timeout=15000)  # the request is at the server
    assert win.busy and win.progress.isVisible()  # progress is shown while it is in flight
    win.grab().save(str(screenshot_dir / "busy-sending.png"))

    # The UI thread is not waiting on the network: views switch and take input while the server holds it.
    key(qtbot, win, Qt.Key_2, CTRL)
    assert win.current_view() == "drafts"
    key(qtbot, win, Qt.Key_1, CTRL)
    assert win.current_view() == "compose"
    assert items(sandbox, "sentitems") == []  # ...all of that happened before the send finished

    qtbot.waitUntil(lambda: len(items(sandbox, "sentitems")) == 1, timeout=20000)
    qtbot.waitUntil(lambda: not win.busy and not win.progress.isVisible(), timeout=10000)
    assert [m["subject"] for m in items(sandbox, "inbox", who="bob@example.com")] == ["Slow one"]
