"""Undoing Send selected says what happened (issue 59, item 7a), by keys in the real window on the sandbox over
HTTP: two drafts sent together, Ctrl+Z in their countdown; the status bar then says they were taken back and
stay in Drafts, never "Sent 0 of 2; 2 not sent". The Outbox's clocks are held still (injected), not waited."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.domain.models import Folder
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items, seed_drafts
from tests.helpers.status_bar import whole_message
from tests.helpers.windows import wait_idle


def test_undoing_send_selected_says_the_drafts_were_taken_back_and_stay_in_drafts(qtbot, window, sandbox, settings):
    win = window
    ob = win.session.outbox
    settings.set_undo_send_seconds(10)
    mono, wall = ob.parts.clock(), ob.parts.wall()
    ob.parts.clock, ob.parts.wall = (lambda: mono), (lambda: wall)  # held still: the countdown never ends by itself
    seed_drafts(sandbox, 2, prefix="Undo me")
    key(qtbot, win, Qt.Key_2, CTRL)
    d = win.drafts
    key(qtbot, win, Qt.Key_F5)
    qtbot.waitUntil(lambda: d.model.rowCount() == 2 and not d.model.loading, timeout=20000)
    d.table.setFocus()
    key(qtbot, win, Qt.Key_A, CTRL)
    bar = win.send_timing.batch.bar
    key(qtbot, win, Qt.Key_Return, CTRL | SHIFT)
    qtbot.waitUntil(bar.isVisible, timeout=10000)
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)
    wait_idle(qtbot, win)
    said = whole_message(win)
    assert said == "Taken back: the 2 drafts stay in Drafts, not sent", said
    assert "not sent (see Status)" not in said and "Sent 0" not in said
    assert len(items(sandbox, Folder.DRAFTS.value)) == 2 and items(sandbox, Folder.SENT.value) == []
