""""In the Outbox (server busy — waiting 10 min)" goes the moment it stops being true (issue 59): a send that
waited for a busy server and is then refused says "Not sent" in the status bar (and in the banner repeating a
message the bar had to shorten), by keys in the real window on the sandbox over HTTP with its fault injection.
Time is the Outbox's injected clocks, moved on, never waited for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.outbox.submission import SubState
from tests.helpers.compose import type_message
from tests.helpers.keys import CTRL, key
from tests.helpers.windows import close_window, open_window, wait_idle


def _said(win) -> str:
    """What the window says about it: the status bar's message (whole, from its tooltip when shortened) and
    the banner's notice."""
    bar, banner = win.statusBar(), win.banner
    return " | ".join([bar.currentMessage(), bar.toolTip(), banner.text() if banner.isVisible() else ""])


@pytest.mark.parametrize("undo_seconds", [0, 10])
def test_in_the_outbox_goes_when_the_waiting_send_is_refused(qtbot, aloop, sandbox, settings, undo_seconds,
                                                            screenshot_dir):
    win, session = open_window(qtbot, sandbox, settings, connected=True)
    try:
        qtbot.waitUntil(lambda: not win.busy and not win.drafts.model.loading, timeout=10000)
        win.resize(683, 700)  # narrow: the bar shortens the words and the banner repeats them
        qtbot.waitUntil(lambda: win.width() == 683, timeout=5000)
        settings.set_undo_send_seconds(undo_seconds)
        ob = session.outbox
        mono, wall = ob.parts.clock(), ob.parts.wall()
        ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)
        sandbox.faults.inject("SendItem", "server_busy", count=1, backoff_ms=600_000)
        type_message(qtbot, win, cc="", bcc="", subject="Busy then refused", body="Hello.")
        key(qtbot, win, Qt.Key_Return, CTRL)
        qtbot.waitUntil(lambda: len(ob.queue.submissions()) == 1, timeout=10000)
        sub = next(iter(ob.queue.submissions()))
        if undo_seconds:
            qtbot.waitUntil(lambda: sub.state == SubState.HELD, timeout=10000)
            mono, wall = mono + 60, wall + 60  # the undo window is over
            ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)
            ob.parts.worker.poke()
        qtbot.waitUntil(lambda: "In the Outbox (server busy" in _said(win), timeout=20000)
        win.grab().save(str(screenshot_dir / f"outbox-busy-{undo_seconds}.png"))

        sandbox.faults.inject("SendItem", "item_error", count=1, code="ErrorInvalidRecipients",
                              text="No valid recipients")
        mono, wall = mono + 601, wall + 601  # the server's back-off is over: tried again, refused
        ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)
        ob.parts.worker.poke()
        qtbot.waitUntil(lambda: sub.state == SubState.FAILED, timeout=20000)
        # the Outbox tells its listeners once the refusal is on disk: the words change then, not 10 s later
        qtbot.waitUntil(lambda: "Not sent" in _said(win), timeout=3000)
        assert "In the Outbox (" not in _said(win), "the words went the moment the send was refused"
        assert "it is in the Outbox (Ctrl+4)" in _said(win)
        wait_idle(qtbot, win)
        win.grab().save(str(screenshot_dir / f"outbox-busy-then-refused-{undo_seconds}.png"))
        assert "In the Outbox (" not in _said(win)
    finally:
        close_window(win, session)
