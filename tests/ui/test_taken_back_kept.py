"""A message taken back from the Outbox never vanishes (issue 59, item 1), by keys in the real window against
the sandbox over HTTP: a message held on this computer (in its undo countdown, the Outbox's clocks held still),
Ctrl+4, Enter on its row brings it back into Compose; leaving it unedited for another message (Ctrl+N, or Ctrl+3
and Ctrl+Shift+R) saves it to the server's Drafts first, as an edited message is. A Send later Exchange keeps
(issue 79), taken back by Enter, is moved to Drafts by the take back itself: left unedited, it is there once, not
sent. Checked on the server and in the journal, not only in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.core.outbox.submission import SubState
from app.domain.models import Folder
from tests.helpers.compose import type_message
from tests.helpers.holds import HeldClocks
from tests.helpers.send_later import schedule_by_keys
from tests.helpers.keys import CTRL, SHIFT, key
from tests.helpers.mailbox import items, seed_sent
from tests.helpers.windows import wait_idle


def _held_in_its_undo_window(qtbot, win, settings, subject: str) -> str:
    """``subject`` sent with a 60 s undo window whose countdown never ends (the Outbox's clocks held still): held
    on this computer, nothing of it on the server."""
    settings.set_undo_send_seconds(60)
    ob = win.session.outbox
    HeldClocks(ob)
    type_message(qtbot, win, cc="", bcc="", subject=subject, body="Back in a while.")
    local_id = win.compose.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(lambda: local_id in ob.queue.subs and ob.queue.subs[local_id].state == SubState.HELD
                    and not ob.queue.recording(local_id), timeout=10000)
    qtbot.waitUntil(lambda: win.compose.subject.text() == "", timeout=5000)
    return local_id


def _take_back_from_the_outbox(qtbot, win, subject: str) -> None:
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: [r[0] for r in view.rows()] == [subject], timeout=5000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and win.compose.subject.text() == subject,
                    timeout=5000)
    assert win.session.outbox.queue.subs == {}


def _drafts(sandbox, subject: str) -> list:
    return [m for m in items(sandbox, Folder.DRAFTS.value) if m["subject"] == subject]


@pytest.mark.parametrize("leave", ["new message", "reply all from Sent"])
def test_a_message_taken_back_and_left_unedited_is_saved_to_drafts(qtbot, window, sandbox, settings, leave):
    win, c = window, window.compose
    if leave == "reply all from Sent":
        seed_sent(sandbox, "Numbers")
    local_id = _held_in_its_undo_window(qtbot, win, settings, "Taken back")
    _take_back_from_the_outbox(qtbot, win, "Taken back")
    assert _drafts(sandbox, "Taken back") == [], "held: nothing of it reached the server yet"
    assert not win.send_timing.bar.isVisible(), "taken back: its countdown is gone"
    # it is the user's message again, like a restored one: leaving it saves it
    assert c.state() in ("Not saved", "Kept on this computer")
    if leave == "new message":
        key(qtbot, win, Qt.Key_N, CTRL)
        qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)
    else:
        key(qtbot, win, Qt.Key_3, CTRL)
        key(qtbot, win, Qt.Key_F5)  # the message seeded in Sent after the list was loaded
        qtbot.waitUntil(lambda: win.sent.model.rowCount() >= 1 and not win.sent.model.loading, timeout=10000)
        win.sent.table.setFocus()
        qtbot.keyClick(win.sent.table, Qt.Key_Home)
        qtbot.waitUntil(lambda: win.sent.shown_message() is not None, timeout=10000)
        key(qtbot, win, Qt.Key_R, CTRL | SHIFT)
        qtbot.waitUntil(lambda: c.subject.text() == "RE: Numbers", timeout=5000)
    wait_idle(qtbot, win)
    # on the server: in Drafts, as it was written
    [saved] = _drafts(sandbox, "Taken back")
    assert "Back in a while." in saved["body"]
    # the journal no longer holds it as a message only on this computer
    entry = win.journal_bridge.journal.get(local_id)
    assert entry is None or entry.draft.ref is not None
    # and the window says so: F5 in Drafts lists it
    key(qtbot, win, Qt.Key_2, CTRL)
    key(qtbot, win, Qt.Key_F5)
    qtbot.waitUntil(lambda: not win.drafts.model.loading and any(
        "Taken back" in str(win.drafts.model.index(r, 1).data()) for r in range(win.drafts.model.rowCount())),
        timeout=10000)


def test_a_message_taken_back_by_undo_and_left_unedited_is_saved_to_drafts(qtbot, window, sandbox, settings):
    win, c = window, window.compose
    settings.set_undo_send_seconds(10)
    ob = win.session.outbox
    HeldClocks(ob)  # held still: the countdown never ends by itself
    type_message(qtbot, win, cc="", bcc="", subject="Undone", body="Not yet.")
    local_id = c.identity().local_id
    key(qtbot, win, Qt.Key_Return, CTRL)
    qtbot.waitUntil(win.send_timing.bar.isVisible, timeout=5000)
    key(qtbot, win, Qt.Key_Z, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "Undone", timeout=5000)
    assert _drafts(sandbox, "Undone") == []
    key(qtbot, win, Qt.Key_N, CTRL)
    qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)
    wait_idle(qtbot, win)
    [saved] = _drafts(sandbox, "Undone")
    assert "Not yet." in saved["body"] and items(sandbox, Folder.SENT.value) == []
    entry = win.journal_bridge.journal.get(local_id)
    assert entry is None or entry.draft.ref is not None


def test_a_send_later_exchange_keeps_taken_back_and_left_unedited_is_in_drafts_once_never_sent(qtbot, window, sandbox):
    win, c = window, window.compose
    type_message(qtbot, win, cc="", bcc="", subject="Kept, then back", body="Back in a while.")
    schedule_by_keys(qtbot, win, "in 5 min")
    qtbot.waitUntil(lambda: [m["subject"] for m in items(sandbox, "outbox")] == ["Kept, then back"], timeout=10000)
    qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)
    key(qtbot, win, Qt.Key_4, CTRL)
    view = win.journal_bridge.show_outbox()
    qtbot.waitUntil(lambda: [(r[0], r[2].endswith("(kept by Exchange)")) for r in view.rows()]
                    == [("Kept, then back", True)], timeout=10000)
    view.table.setFocus()
    key(qtbot, win, Qt.Key_Return)
    qtbot.waitUntil(lambda: win.current_view() == "compose" and c.subject.text() == "Kept, then back", timeout=10000)
    # the take back moved it to Drafts, its time removed: out of Exchange's Outbox
    assert items(sandbox, "outbox") == [] and len(_drafts(sandbox, "Kept, then back")) == 1
    assert c.draft().send_at is None
    key(qtbot, win, Qt.Key_N, CTRL)  # left unedited for another message
    qtbot.waitUntil(lambda: c.subject.text() == "", timeout=5000)
    wait_idle(qtbot, win)
    [saved] = _drafts(sandbox, "Kept, then back")  # once: the copy the take back moved, not a second one
    assert "Back in a while." in saved["body"]
    assert items(sandbox, Folder.SENT.value) == [] and items(sandbox, "inbox", "bob@example.com") == []
    key(qtbot, win, Qt.Key_2, CTRL)
    key(qtbot, win, Qt.Key_F5)
    qtbot.waitUntil(lambda: not win.drafts.model.loading and sum(
        "Kept, then back" in str(win.drafts.model.index(r, 1).data()) for r in range(win.drafts.model.rowCount()))
        == 1, timeout=10000)
